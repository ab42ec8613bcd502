//! What the two stores share: each statement written once, and each row mapped to Easel's types once.
//!
//! Statements are written with SQLite's numbered placeholders (`?1`, `?2`…); the Postgres adapter
//! reads them with its own (`$1`, `$2`…) through [`dollars`]. Both databases take the same SQL for
//! everything here (SQLite is bundled at 3.46: `ON CONFLICT DO NOTHING`, `NULLS LAST`,
//! `IS NOT DISTINCT FROM`, `CAST(… AS BIGINT)`). What differs stays in each adapter: advisory locks,
//! `FOR UPDATE [SKIP LOCKED]`, arrays, dates, and the migrations' bookkeeping.
//!
//! Rows are read through [`Columns`], which both drivers' rows implement, so a mapping function serves
//! both stores.

use std::borrow::Cow;

use chrono::{DateTime, TimeZone, Utc};

use crate::domain::ledger::StoreError;

pub mod alerts;
pub mod jobs;
pub mod ledger;
pub mod moderation;
pub mod report;
pub mod requests;
pub mod settings;

/// A driver's (or a row's) error as the store's, its cause kept for the owner's log.
pub(crate) fn fail(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> StoreError {
    StoreError(e.into())
}

/// A row of either database, read by column index as the types Easel stores (64-bit integers, reals,
/// text; times as Unix milliseconds). Never a panic on a NULL or an unexpected type: an error.
pub trait Columns {
    /// An integer column.
    fn int(&self, i: usize) -> Result<i64, StoreError>;
    /// An integer column that may be NULL.
    fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError>;
    /// A real column that may be NULL (`SUM` of no rows).
    fn opt_real(&self, i: usize) -> Result<Option<f64>, StoreError>;
    /// A text column.
    fn text(&self, i: usize) -> Result<String, StoreError>;
    /// A text column that may be NULL.
    fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError>;

    /// A real column.
    fn real(&self, i: usize) -> Result<f64, StoreError> {
        self.opt_real(i)?.ok_or_else(|| fail(format!("column {i} is NULL")))
    }
}

impl Columns for rusqlite::Row<'_> {
    fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.get(i).map_err(fail)
    }
    fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        self.get(i).map_err(fail)
    }
    fn opt_real(&self, i: usize) -> Result<Option<f64>, StoreError> {
        self.get(i).map_err(fail)
    }
    fn text(&self, i: usize) -> Result<String, StoreError> {
        self.get(i).map_err(fail)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        self.get(i).map_err(fail)
    }
}

impl Columns for tokio_postgres::Row {
    fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.try_get(i).map_err(fail)
    }
    fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        self.try_get(i).map_err(fail)
    }
    fn opt_real(&self, i: usize) -> Result<Option<f64>, StoreError> {
        self.try_get(i).map_err(fail)
    }
    fn text(&self, i: usize) -> Result<String, StoreError> {
        self.try_get(i).map_err(fail)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        self.try_get(i).map_err(fail)
    }
}

/// `sql` with SQLite's `?N` placeholders written as Postgres's `$N` (text in quotes left alone).
pub fn dollars(sql: &str) -> Cow<'_, str> {
    if !sql.contains('?') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => quoted = !quoted,
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// A JSON document as stored (settings, a board): one written by another version that no longer
/// parses reads as unset.
pub fn lenient<T: serde::de::DeserializeOwned + Default>(json: Option<&str>) -> T {
    json.and_then(|json| serde_json::from_str(json).ok()).unwrap_or_default()
}

/// A time as stored: Unix milliseconds.
pub fn millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

/// A stored time read back (the epoch for an impossible value, never a panic).
pub fn time(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

/// A Discord id read back (stored as its bits in a signed 64-bit column).
pub fn id(v: i64) -> u64 {
    v as u64
}

/// A count read back (`COUNT(*)` and `SUM` are 64-bit), saturated into the ports' `u32`.
pub fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_postgres_ones_outside_quotes_only() {
        assert_eq!(dollars("SELECT a FROM t WHERE b = ?1 AND c = ?12"), "SELECT a FROM t WHERE b = $1 AND c = $12");
        assert_eq!(dollars("SELECT '?1' WHERE a = ?2"), "SELECT '?1' WHERE a = $2");
        assert!(matches!(dollars("SELECT 1"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_count_too_large_for_the_ports_saturates() {
        assert_eq!((count(-1), count(7), count(i64::MAX)), (0, 7, u32::MAX));
    }
}
