//! The job queue's storage: statements and rows both databases share. Each adapter keeps its own
//! transactions around them (SQLite's `BEGIN IMMEDIATE`, Postgres's advisory and row locks), its
//! take-over and its JSON for forgetting words.

use super::{count, fail, id, time, Columns};
use crate::domain::catalogue::BackendKind;
use crate::domain::ledger::StoreError;
use crate::domain::request::JobId;
use crate::jobs::queue::{was_private, Failure, JobState, OwnedJob, StoredJob, Ticket};
use crate::secret::Secret;

/// The columns [`stored_job`] reads, in its order.
pub const JOB_COLUMNS: &str =
    "request, backend, state, attempts, token, token_expires_at, result, message_id, delivered_channel_id";

/// States a job can still move from.
pub const UNFINISHED: &str = "('queued', 'running', 'generated')";

/// Jobs waiting in a server (or outside any, `?1` NULL): `guild_id`.
/// (Written so both databases can use an index on `guild_id`.)
pub const QUEUED_IN_GUILD: &str = "SELECT COUNT(*) FROM jobs WHERE state = 'queued'
     AND (guild_id = ?1 OR (guild_id IS NULL AND CAST(?1 AS BIGINT) IS NULL))";

/// Jobs waiting in the whole bot.
pub const QUEUED: &str = "SELECT COUNT(*) FROM jobs WHERE state = 'queued'";

/// Queues a job: id, `guild_id`, `channel_id`, `user_id`, backend, the request's JSON, owner, token,
/// its expiry, the time.
pub const INSERT_JOB: &str =
    "INSERT INTO jobs (job_id, guild_id, channel_id, user_id, backend, request, state, attempts, owner,
                       token, token_expires_at, created_at, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', 0, ?7, ?8, ?9, ?10, ?10)";

/// Starts a queued job, counting the attempt: id, owner, the time; returns the attempt.
pub const START: &str = "UPDATE jobs SET state = 'running', attempts = attempts + 1, owner = ?2, updated_at = ?3
     WHERE job_id = ?1 AND state = 'queued' RETURNING attempts";

/// Starts a job already found queued under the caller's lock: id, owner, the time; returns the attempt.
pub const START_FOUND: &str = "UPDATE jobs SET state = 'running', attempts = attempts + 1, owner = ?2, updated_at = ?3
     WHERE job_id = ?1 RETURNING attempts";

/// Whose a queued job is: id.
pub const QUEUED_MEMBER: &str = "SELECT guild_id, user_id FROM jobs WHERE job_id = ?1 AND state = 'queued'";

/// Jobs running on a backend: the backend's key.
pub const RUNNING_ON: &str = "SELECT COUNT(*) FROM jobs WHERE backend = ?1 AND state = 'running'";

/// Records a member's start on a backend, for whose turn comes next: backend, `guild_id`, `user_id`, the time.
pub const TURN_TAKEN: &str = "INSERT INTO lane_turns (backend, guild_id, user_id, served_at) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (backend, COALESCE(guild_id, 0), user_id) DO UPDATE SET served_at = excluded.served_at";

/// When a member last started on a backend: backend, `guild_id`, `user_id`.
pub const LAST_TURN: &str = "SELECT served_at FROM lane_turns
     WHERE backend = ?1 AND COALESCE(guild_id, 0) = COALESCE(CAST(?2 AS BIGINT), 0) AND user_id = ?3";

/// Whether another member with a queued job on a backend last started there before a time: backend,
/// `guild_id`, `user_id`, the member's last start (-1: never).
pub const SOMEONE_WAITED_LONGER: &str = "SELECT EXISTS (SELECT 1 FROM jobs q LEFT JOIN lane_turns t
         ON t.backend = q.backend AND COALESCE(t.guild_id, 0) = COALESCE(q.guild_id, 0) AND t.user_id = q.user_id
     WHERE q.backend = ?1 AND q.state = 'queued'
       AND NOT (COALESCE(q.guild_id, 0) = COALESCE(CAST(?2 AS BIGINT), 0) AND q.user_id = ?3)
       AND COALESCE(t.served_at, -1) < ?4)";

/// Keeps a running job's images, if the caller still holds it: id, the result's JSON, the time, owner,
/// attempt.
pub const GENERATED: &str = "UPDATE jobs SET state = 'generated', result = ?2, updated_at = ?3
     WHERE job_id = ?1 AND state = 'running' AND owner = ?4 AND attempts = ?5";

/// Whether the caller still holds a job: id, owner, attempt.
pub const HOLDS: &str = "SELECT EXISTS (SELECT 1 FROM jobs WHERE job_id = ?1 AND state IN ('running', 'generated')
         AND owner = ?2 AND attempts = ?3)";

/// What the provider billed for a job that delivered nothing, once: id, USD, the time.
pub const OWNER_SPEND: &str = "INSERT INTO owner_spend (job_id, usd, created_at, guild_id)
     SELECT job_id, ?2, ?3, guild_id FROM jobs WHERE job_id = ?1 ON CONFLICT (job_id) DO NOTHING";

/// Charges a job cancelled after its model call started at its estimate: id, the time.
pub const CHARGE_AT_ESTIMATE: &str = "UPDATE ledger SET state = 'committed', cost_usd = reserved_usd, settled_at = ?2
     WHERE job_id = ?1 AND state = 'reserved'";

/// One job: id.
pub fn job_by_id() -> String {
    format!("SELECT {JOB_COLUMNS} FROM jobs WHERE job_id = ?1")
}

/// A process's unfinished jobs: owner.
pub fn owned() -> String {
    format!("SELECT job_id, state, updated_at FROM jobs WHERE owner = ?1 AND state IN {UNFINISHED}")
}

/// A row of [`JOB_COLUMNS`].
pub fn stored_job(r: &dyn Columns) -> Result<StoredJob, StoreError> {
    let result = r.opt_text(6)?;
    Ok(StoredJob {
        request: serde_json::from_str(&r.text(0)?).map_err(fail)?,
        backend: BackendKind::from_key(&r.text(1)?).unwrap_or(BackendKind::Openai),
        state: JobState::from_key(&r.text(2)?),
        attempts: count(r.int(3)?),
        ticket: Ticket { token: Secret::new(r.text(4)?), expires_at: time(r.int(5)?) },
        result: result.as_deref().map(serde_json::from_str).transpose().map_err(fail)?,
        message_id: r.opt_int(7)?.map(id),
        channel_id: r.opt_int(8)?.map(id),
    })
}

/// A row of [`owned`].
pub fn owned_job(r: &dyn Columns) -> Result<OwnedJob, StoreError> {
    Ok(OwnedJob { job_id: JobId(r.text(0)?), state: JobState::from_key(&r.text(1)?), updated_at: time(r.int(2)?) })
}

/// A row of `job_id, reason, request, updated_at`: a member's failed job.
pub fn failure(r: &dyn Columns) -> Result<Failure, StoreError> {
    Ok(Failure { job_id: r.text(0)?, reason: r.text(1)?, private: was_private(&r.text(2)?), at: time(r.int(3)?) })
}
