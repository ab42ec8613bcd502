//! A table kept in memory and refreshed from the store: what Easel must know before it answers Discord
//! (a member's settings, a server's approval policy) without waiting on the database.
//!
//! Filled once at start-up, changed at once by this process's own writes, and brought up to date with
//! other processes' writes by reading what changed since the last look (rows carry when they changed).
//! Each look reads again a short [`OVERLAP`] before the newest change it saw, so a write committed late,
//! or stamped by a clock a little behind, is never missed. Until the first load succeeds nothing is
//! known, and callers fail closed.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, RwLock};

use chrono::{DateTime, Utc};

/// How far before the newest change seen each look starts again.
pub const OVERLAP: chrono::Duration = chrono::Duration::seconds(10);

/// One table in memory; an entry whose value is "empty" (as the owner says) is not kept.
pub struct Mirror<K, V> {
    rows: RwLock<HashMap<K, V>>,
    loaded: AtomicBool,
    newest: Mutex<Option<DateTime<Utc>>>,
}

impl<K: Eq + Hash + Clone, V: Clone> Default for Mirror<K, V> {
    fn default() -> Self {
        Self { rows: RwLock::default(), loaded: AtomicBool::new(false), newest: Mutex::new(None) }
    }
}

impl<K: Eq + Hash + Clone, V: Clone> Mirror<K, V> {
    /// The value of `key`: `Some(None)` when known to be unset, `None` when nothing is known yet (the
    /// first load has not succeeded).
    pub fn get(&self, key: &K) -> Option<Option<V>> {
        if !self.loaded.load(Ordering::Acquire) {
            return None;
        }
        Some(self.rows.read().unwrap_or_else(std::sync::PoisonError::into_inner).get(key).cloned())
    }

    /// Sets `key` (a write of this process, already in the store); `None` removes it.
    pub fn set(&self, key: K, value: Option<V>) {
        put(&mut self.rows.write().unwrap_or_else(std::sync::PoisonError::into_inner), key, value);
    }

    /// Where the next look starts: the start of time before the first load, else a little before the
    /// newest change seen.
    pub fn since(&self) -> DateTime<Utc> {
        let newest = *self.newest.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        newest.map_or(DateTime::<Utc>::MIN_UTC, |t| t - OVERLAP)
    }

    /// Applies what changed since [`Self::since`] (`None` values are cleared rows), and marks the
    /// mirror loaded.
    pub fn apply(&self, changes: Vec<(K, Option<V>, DateTime<Utc>)>) {
        let mut newest = self.newest.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        {
            let mut rows = self.rows.write().unwrap_or_else(std::sync::PoisonError::into_inner);
            for (key, value, changed_at) in changes {
                *newest = Some(newest.map_or(changed_at, |n| n.max(changed_at)));
                put(&mut rows, key, value);
            }
        }
        drop(newest);
        self.loaded.store(true, Ordering::Release);
    }
}

/// Keeps `value` under `key`, or removes the row for `None` (an "empty" value is not kept).
fn put<K: Eq + Hash, V>(rows: &mut HashMap<K, V>, key: K, value: Option<V>) {
    match value {
        Some(value) => rows.insert(key, value),
        None => rows.remove(&key),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_known_before_the_first_load_and_changes_apply_in_order() {
        let mirror: Mirror<u64, &str> = Mirror::default();
        assert_eq!(mirror.get(&1), None, "unknown, not unset");
        assert_eq!(mirror.since(), DateTime::<Utc>::MIN_UTC);
        let t: DateTime<Utc> = "2026-11-25T12:00:00Z".parse().unwrap();
        mirror.apply(vec![(1, Some("a"), t), (2, Some("b"), t)]);
        assert_eq!((mirror.get(&1), mirror.get(&3)), (Some(Some("a")), Some(None)));
        mirror.apply(vec![(1, None, t + chrono::Duration::seconds(5))]);
        assert_eq!(mirror.get(&1), Some(None), "a cleared row is gone");
        assert_eq!(mirror.since(), t + chrono::Duration::seconds(5) - OVERLAP);
        mirror.set(4, Some("d"));
        assert_eq!((mirror.get(&4), mirror.get(&2)), (Some(Some("d")), Some(Some("b"))));
    }
}
