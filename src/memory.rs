//! Giving memory back: after a burst has drained, the C allocator keeps what it grew to in every
//! thread's arena unless asked to trim. Easel asks when its queue empties (at most every few seconds), so
//! a quiet bot returns close to its idle footprint.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The least time between two trims, in seconds.
const EVERY_SECS: u64 = 5;

static LAST_TRIM: AtomicU64 = AtomicU64::new(0);

/// Returns freed memory to the system (glibc's `malloc_trim`), at most every few seconds.
pub fn give_back() {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let last = LAST_TRIM.load(Ordering::Relaxed);
    if now.saturating_sub(last) < EVERY_SECS
        || LAST_TRIM.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_err()
    {
        return;
    }
    trim();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim() {
    // SAFETY: `malloc_trim` only releases free memory at the top of glibc's heaps and arenas back to the
    // kernel; it takes no pointers and touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}
