//! Spend alerts already posted.

/// Records an alert as posted, once: `scope`, `period`, `threshold`, the time. The primary key
/// decides: of two processes posting the same alert at once, one inserts (one row changed).
pub const MARK_ALERT: &str = "INSERT INTO spend_alerts (scope, period, threshold, posted_at) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT DO NOTHING";
