//! The ledger, limit overrides, blocks and processes: statements and rows both databases share. How a
//! member's usage is read stays in each adapter (Postgres in one statement under the admission lock,
//! SQLite in a few inside `BEGIN IMMEDIATE`, each with the guild match its planner indexes best).

use super::{count, time, Columns};
use crate::domain::ledger::{LedgerState, StoreError};
use crate::domain::limits::{Block, LimitName, Override, Scope};

/// Charges that count against limits.
pub const COUNTED: &str = "state != 'released'";

/// A reservation whose job is still queued, running or generated is not abandoned: the job keeps it
/// across restarts and settles it when it ends.
pub const NO_LIVE_JOB: &str =
    "job_id NOT IN (SELECT job_id FROM jobs WHERE state IN ('queued', 'running', 'generated'))";

/// Whether a job already has a charge: id.
pub const CHARGED: &str = "SELECT COUNT(*) FROM ledger WHERE job_id = ?1";

/// Reserves a charge: the fields of `Charge` (job, guild, channel, user, command, model, images, USD),
/// the time, the owning process.
pub const RESERVE: &str = "INSERT INTO ledger (job_id, guild_id, channel_id, user_id, command, model, state, images,
                         reserved_usd, created_at, owner)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'reserved', ?7, ?8, ?9, ?10)";

/// Charges a reserved job at its real cost: id, USD, images, the time.
pub const COMMIT: &str = "UPDATE ledger SET state = 'committed', cost_usd = ?2, images = ?3, settled_at = ?4
     WHERE job_id = ?1 AND state = 'reserved'";

/// Frees a reserved job's claim, nothing charged: id, the time.
pub const RELEASE: &str =
    "UPDATE ledger SET state = 'released', cost_usd = 0, settled_at = ?2 WHERE job_id = ?1 AND state = 'reserved'";

/// What a member cancelled after the model started, since a time (images, USD): `guild_id`,
/// `user_id`, `since`.
pub const CANCELLED_SINCE: &str =
    "SELECT CAST(COALESCE(SUM(l.images), 0) AS BIGINT), COALESCE(SUM(l.cost_usd), 0) FROM ledger l
     JOIN jobs j ON j.job_id = l.job_id
     WHERE (l.guild_id = ?1 OR (l.guild_id IS NULL AND CAST(?1 AS BIGINT) IS NULL)) AND l.user_id = ?2
       AND l.created_at > ?3 AND l.state = 'committed' AND j.state = 'cancelled'";

/// A process's heartbeat: id, the time.
pub const HEARTBEAT: &str = "INSERT INTO instances (id, started_at, heartbeat_at) VALUES (?1, ?2, ?2)
     ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at";

/// Forgets processes whose heartbeat stopped before a time: the cutoff.
pub const FORGET_SILENT: &str = "DELETE FROM instances WHERE heartbeat_at < ?1";

/// The processes alive.
pub const INSTANCES: &str = "SELECT id FROM instances";

/// Forgets one process: id.
pub const FORGET_INSTANCE: &str = "DELETE FROM instances WHERE id = ?1";

/// A job's charge: id.
pub const LEDGER_STATE: &str = "SELECT state FROM ledger WHERE job_id = ?1";

/// A server's limit overrides: `guild_id`.
pub const OVERRIDES: &str = "SELECT scope, target_id, name, value FROM limit_overrides WHERE guild_id = ?1";

/// Sets one override: `guild_id`, scope, target, the limit's key, the value (NULL: no limit).
pub const SET_OVERRIDE: &str =
    "INSERT INTO limit_overrides (guild_id, scope, target_id, name, value) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (guild_id, scope, target_id, name) DO UPDATE SET value = excluded.value";

/// Clears a server's overrides: `guild_id`.
pub const CLEAR_OVERRIDES: &str = "DELETE FROM limit_overrides WHERE guild_id = ?1";

/// Clears one scope's overrides: `guild_id`, scope, target.
pub const CLEAR_SCOPE_OVERRIDES: &str =
    "DELETE FROM limit_overrides WHERE guild_id = ?1 AND scope = ?2 AND target_id = ?3";

/// Blocks a member: `guild_id`, `user_id`, until (NULL: until unblocked), reason, the time.
pub const BLOCK: &str = "INSERT INTO blocks (guild_id, user_id, until, reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (guild_id, user_id) DO UPDATE
     SET until = excluded.until, reason = excluded.reason, created_at = excluded.created_at";

/// Lifts a block: `guild_id`, `user_id`.
pub const UNBLOCK: &str = "DELETE FROM blocks WHERE guild_id = ?1 AND user_id = ?2";

/// A member's block in force: `guild_id`, `user_id`, the time.
pub const BLOCK_OF: &str =
    "SELECT until, reason FROM blocks WHERE guild_id = ?1 AND user_id = ?2 AND (until IS NULL OR until > ?3)";

/// Releases the reservations of processes that stopped, whose jobs are over: the time.
pub fn release_orphans() -> String {
    format!(
        "UPDATE ledger SET state = 'released', cost_usd = 0, settled_at = ?1
         WHERE state = 'reserved' AND (owner IS NULL OR owner NOT IN (SELECT id FROM instances)) AND {NO_LIVE_JOB}"
    )
}

/// Releases a stopping process's reservations whose jobs are over: id, the time.
pub fn retire() -> String {
    format!(
        "UPDATE ledger SET state = 'released', cost_usd = 0, settled_at = ?2
         WHERE state = 'reserved' AND owner = ?1 AND {NO_LIVE_JOB}"
    )
}

/// A scope as stored: its kind and target id.
pub fn scope_parts(scope: Scope) -> (&'static str, i64) {
    match scope {
        Scope::Guild => ("guild", 0),
        Scope::Role(id) => ("role", id as i64),
        Scope::User(id) => ("user", id as i64),
    }
}

/// The row of [`CANCELLED_SINCE`].
pub fn cancelled(r: &dyn Columns) -> Result<(u32, f64), StoreError> {
    Ok((count(r.int(0)?), r.real(1)?))
}

/// A row of [`LEDGER_STATE`].
pub fn ledger_state(r: &dyn Columns) -> Result<LedgerState, StoreError> {
    Ok(match r.text(0)?.as_str() {
        "reserved" => LedgerState::Reserved,
        "committed" => LedgerState::Committed,
        _ => LedgerState::Released,
    })
}

/// A row of [`OVERRIDES`]; `None` for a limit this version does not know.
pub fn limit_override(r: &dyn Columns) -> Result<Option<Override>, StoreError> {
    let target = r.int(1)? as u64;
    let scope = match r.text(0)?.as_str() {
        "role" => Scope::Role(target),
        "user" => Scope::User(target),
        _ => Scope::Guild,
    };
    let value = r.opt_real(3)?;
    Ok(LimitName::from_key(&r.text(2)?).map(|name| Override { scope, name, value }))
}

/// A row of [`BLOCK_OF`].
pub fn block(r: &dyn Columns) -> Result<Block, StoreError> {
    Ok(Block { until: r.opt_int(0)?.map(time), reason: r.text(1)? })
}
