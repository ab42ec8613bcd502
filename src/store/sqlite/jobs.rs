//! The job queue's storage ([`JobStore`]) in SQLite: every state change a compare-and-set on `state`,
//! the ledger moving in the same transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use super::{commit_in, fail, millis, release_in, reserve_in, time, SqliteStore};
use crate::domain::catalogue::BackendKind;
use crate::domain::ledger::{Charge, InstanceId, ReserveError, StoreError};
use crate::domain::limits::Limits;
use crate::jobs::queue::{
    was_private, Failure, Fence, JobState, JobStore, OwnedJob, QueueCaps, Start, StoredJob, StoredResult, Ticket,
};
use crate::secret::Secret;

const COLUMNS: &str =
    "request, backend, state, attempts, token, token_expires_at, result, message_id, delivered_channel_id";

/// States a job can still move from.
const UNFINISHED: &str = "('queued', 'running', 'generated')";

fn stored_job(row: &Row<'_>) -> rusqlite::Result<StoredJob> {
    let request: String = row.get(0)?;
    let backend: String = row.get(1)?;
    let result: Option<String> = row.get(6)?;
    let bad =
        |e: serde_json::Error| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into());
    Ok(StoredJob {
        request: serde_json::from_str(&request).map_err(bad)?,
        backend: BackendKind::from_key(&backend).unwrap_or(BackendKind::Openai),
        state: JobState::from_key(&row.get::<_, String>(2)?),
        attempts: row.get(3)?,
        ticket: Ticket { token: Secret::new(row.get::<_, String>(4)?), expires_at: time(row.get(5)?) },
        result: result.map(|r| serde_json::from_str(&r)).transpose().map_err(bad)?,
        message_id: row.get::<_, Option<i64>>(7)?.map(|m| m as u64),
        channel_id: row.get::<_, Option<i64>>(8)?.map(|c| c as u64),
    })
}

fn load(c: &Connection, job_id: &str) -> rusqlite::Result<Option<StoredJob>> {
    c.query_row(&format!("SELECT {COLUMNS} FROM jobs WHERE job_id = ?1"), [job_id], stored_job).optional()
}

/// Moves a job from one of `from` to `to`; returns whether it moved.
fn transition(c: &Connection, job_id: &str, from: &str, to: JobState, now: DateTime<Utc>) -> rusqlite::Result<bool> {
    let blank_token = if to.is_final() { ", token = ''" } else { "" };
    c.execute(
        &format!("UPDATE jobs SET state = ?2, updated_at = ?3{blank_token} WHERE job_id = ?1 AND state IN {from}"),
        params![job_id, to.key(), millis(now)],
    )
    .map(|n| n > 0)
}

#[async_trait]
impl JobStore for SqliteStore {
    async fn enqueue(
        &self,
        job: &StoredJob,
        charge: &Charge,
        limits: &Limits,
        exempt: bool,
        caps: QueueCaps,
        now: DateTime<Utc>,
    ) -> Result<(), ReserveError> {
        let (job, charge, limits) = (job.clone(), charge.clone(), *limits);
        let request = serde_json::to_string(&job.request).map_err(fail)?;
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let guild = charge.guild_id.map(|g| g as i64);
            let in_guild: u32 = tx
                .query_row("SELECT COUNT(*) FROM jobs WHERE state = 'queued' AND guild_id IS ?1", [guild], |r| r.get(0))
                .map_err(fail)?;
            if in_guild >= caps.per_guild {
                return Err(ReserveError::QueueFull { waiting: in_guild, whole_bot: false });
            }
            let total: u32 =
                tx.query_row("SELECT COUNT(*) FROM jobs WHERE state = 'queued'", [], |r| r.get(0)).map_err(fail)?;
            if total >= caps.total {
                return Err(ReserveError::QueueFull { waiting: total, whole_bot: true });
            }
            reserve_in(&tx, &charge, &limits, exempt, now)?;
            let who = &job.request.requester;
            tx.execute(
                "INSERT INTO jobs (job_id, guild_id, channel_id, user_id, backend, request, state, attempts, owner,
                                   token, token_expires_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', 0, ?7, ?8, ?9, ?10, ?10)",
                params![
                    job.request.id.0,
                    guild,
                    who.channel_id as i64,
                    who.user_id as i64,
                    job.backend.key(),
                    request,
                    charge.owner.0,
                    job.ticket.token.expose(),
                    millis(job.ticket.expires_at),
                    millis(now)
                ],
            )
            .map_err(fail)?;
            tx.commit().map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn start(&self, job_id: &str, owner: &InstanceId, now: DateTime<Utc>) -> Result<Option<u32>, StoreError> {
        let (job_id, owner) = (job_id.to_owned(), owner.0.clone());
        self.with(move |c| {
            c.query_row(
                "UPDATE jobs SET state = 'running', attempts = attempts + 1, owner = ?2, updated_at = ?3
                 WHERE job_id = ?1 AND state = 'queued' RETURNING attempts",
                params![job_id, owner, millis(now)],
                |r| r.get(0),
            )
            .optional()
            .map_err(fail)
        })
        .await
    }

    async fn start_capped(
        &self,
        job_id: &str,
        owner: &InstanceId,
        backend: BackendKind,
        cap: u32,
        fair: bool,
        now: DateTime<Utc>,
    ) -> Result<Start, StoreError> {
        let (job_id, owner) = (job_id.to_owned(), owner.0.clone());
        self.with(move |c| {
            // An IMMEDIATE transaction holds SQLite's write lock from the start: the checks and the change
            // are one step for every process on the file.
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let member: Option<(Option<i64>, i64)> = tx
                .query_row(
                    "SELECT guild_id, user_id FROM jobs WHERE job_id = ?1 AND state = 'queued'",
                    [&job_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(fail)?;
            let Some((guild, user)) = member else { return Ok(Start::Gone) };
            let running: u32 = tx
                .query_row("SELECT COUNT(*) FROM jobs WHERE backend = ?1 AND state = 'running'", [backend.key()], |r| {
                    r.get(0)
                })
                .map_err(fail)?;
            if running >= cap || (fair && !my_turn(&tx, backend, guild, user).map_err(fail)?) {
                return Ok(Start::Full);
            }
            let attempts: u32 = tx
                .query_row(
                    "UPDATE jobs SET state = 'running', attempts = attempts + 1, owner = ?2, updated_at = ?3
                     WHERE job_id = ?1 RETURNING attempts",
                    params![job_id, owner, millis(now)],
                    |r| r.get(0),
                )
                .map_err(fail)?;
            if fair {
                tx.execute(TURN_TAKEN, params![backend.key(), guild, user, millis(now)]).map_err(fail)?;
            }
            tx.commit().map_err(fail)?;
            Ok(Start::Started(attempts))
        })
        .await
    }

    async fn requeue(&self, job_id: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let job_id = job_id.to_owned();
        self.with(move |c| transition(c, &job_id, "('running')", JobState::Queued, now).map_err(fail)).await
    }

    async fn generated(
        &self,
        job_id: &str,
        fence: &Fence,
        result: &StoredResult,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (job_id, fence) = (job_id.to_owned(), fence.clone());
        let result = serde_json::to_string(result).map_err(fail)?;
        self.with(move |c| {
            c.execute(
                "UPDATE jobs SET state = 'generated', result = ?2, updated_at = ?3
                 WHERE job_id = ?1 AND state = 'running' AND owner = ?4 AND attempts = ?5",
                params![job_id, result, millis(now), fence.owner.0, fence.attempt],
            )
            .map(|n| n > 0)
            .map_err(fail)
        })
        .await
    }

    async fn delivered(
        &self,
        job_id: &str,
        fence: &Fence,
        (message_id, channel_id): (Option<u64>, Option<u64>),
        images: u32,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (job_id, fence) = (job_id.to_owned(), fence.clone());
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let result: Option<String> = tx
                .query_row(
                    "SELECT result FROM jobs WHERE job_id = ?1 AND state = 'generated' AND owner = ?2 AND attempts = ?3",
                    params![job_id, fence.owner.0, fence.attempt],
                    |r| r.get(0),
                )
                .optional()
                .map_err(fail)?
                .flatten();
            let Some(result) = result else { return Ok(false) };
            let cost = serde_json::from_str::<StoredResult>(&result).map_err(fail)?.cost_usd;
            tx.execute(
                "UPDATE jobs SET state = 'delivered', message_id = ?2, delivered_channel_id = ?4, token = '',
                    updated_at = ?3 WHERE job_id = ?1",
                params![job_id, message_id.map(|m| m as i64), millis(now), channel_id.map(|c| c as i64)],
            )
            .map_err(fail)?;
            commit_in(&tx, &job_id, cost, images, now).map_err(fail)?;
            tx.commit().map_err(fail)?;
            Ok(true)
        })
        .await
    }

    async fn holds(&self, job_id: &str, fence: &Fence) -> Result<bool, StoreError> {
        let (job_id, fence) = (job_id.to_owned(), fence.clone());
        self.with(move |c| {
            c.query_row(
                "SELECT EXISTS (SELECT 1 FROM jobs WHERE job_id = ?1 AND state IN ('running', 'generated')
                     AND owner = ?2 AND attempts = ?3)",
                params![job_id, fence.owner.0, fence.attempt],
                |r| r.get(0),
            )
            .map_err(fail)
        })
        .await
    }

    async fn fail(
        &self,
        job_id: &str,
        reason: &str,
        spent: Option<f64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (job_id, reason) = (job_id.to_owned(), reason.to_owned());
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let moved = transition(&tx, &job_id, UNFINISHED, JobState::Failed, now).map_err(fail)?;
            if moved {
                tx.execute("UPDATE jobs SET reason = ?2 WHERE job_id = ?1", params![job_id, reason]).map_err(fail)?;
                if let Some(usd) = spent.filter(|usd| usd.is_finite() && *usd > 0.0) {
                    // The provider billed a call whose result reached nobody: the owner's month counts it.
                    tx.execute(
                        "INSERT OR IGNORE INTO owner_spend (job_id, usd, created_at, guild_id)
                         SELECT job_id, ?2, ?3, guild_id FROM jobs WHERE job_id = ?1",
                        params![job_id, usd, millis(now)],
                    )
                    .map_err(fail)?;
                }
                release_in(&tx, &job_id, now).map_err(fail)?;
            }
            tx.commit().map_err(fail)?;
            Ok(moved)
        })
        .await
    }

    async fn cancel(&self, job_id: &str, now: DateTime<Utc>) -> Result<Option<JobState>, StoreError> {
        let job_id = job_id.to_owned();
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let Some(job) = load(&tx, &job_id).map_err(fail)? else { return Ok(None) };
            if !matches!(job.state, JobState::Queued | JobState::Running) {
                return Ok(None);
            }
            transition(&tx, &job_id, "('queued', 'running')", JobState::Cancelled, now).map_err(fail)?;
            if job.state == JobState::Running {
                // The model call has started and the provider bills it: charged like a delivered job, at
                // its estimate, images included.
                tx.execute(
                    "UPDATE ledger SET state = 'committed', cost_usd = reserved_usd, settled_at = ?2
                     WHERE job_id = ?1 AND state = 'reserved'",
                    params![job_id, millis(now)],
                )
                .map_err(fail)?;
            } else {
                release_in(&tx, &job_id, now).map_err(fail)?;
            }
            tx.commit().map_err(fail)?;
            Ok(Some(job.state))
        })
        .await
    }

    async fn owned(&self, owner: &InstanceId) -> Result<Vec<OwnedJob>, StoreError> {
        let owner = owner.0.clone();
        self.with(move |c| {
            let mut statement = c
                .prepare(&format!(
                    "SELECT job_id, state, updated_at FROM jobs WHERE owner = ?1 AND state IN {UNFINISHED}"
                ))
                .map_err(fail)?;
            let rows = statement
                .query_map([owner], |r| {
                    Ok(OwnedJob {
                        job_id: r.get(0)?,
                        state: JobState::from_key(&r.get::<_, String>(1)?),
                        updated_at: time(r.get(2)?),
                    })
                })
                .map_err(fail)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(fail)
        })
        .await
    }

    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        self.with(move |c| {
            c.execute(
                &format!(
                    "UPDATE jobs SET request = json_patch(request, '{FORGOTTEN_REQUEST}'),
                        result = CASE WHEN result IS NULL THEN NULL ELSE json_patch(result, '{{\"revised_prompt\":null}}') END,
                        reason = NULL, redacted = 1
                     WHERE redacted = 0 AND created_at < ?1 AND state NOT IN {UNFINISHED}"
                ),
                [millis(cutoff)],
            )
            .map_err(fail)
        })
        .await
    }

    async fn job(&self, job_id: &str) -> Result<Option<StoredJob>, StoreError> {
        let job_id = job_id.to_owned();
        self.with(move |c| load(c, &job_id).map_err(fail)).await
    }

    async fn latest_failure(
        &self,
        guild_id: Option<u64>,
        user_id: u64,
        since: DateTime<Utc>,
    ) -> Result<Option<Failure>, StoreError> {
        self.with(move |c| {
            c.query_row(
                "SELECT job_id, reason, request, updated_at FROM jobs
                 WHERE guild_id IS ?1 AND user_id = ?2 AND state = 'failed' AND updated_at >= ?3 AND reason IS NOT NULL
                 ORDER BY updated_at DESC, job_id DESC LIMIT 1",
                params![guild_id.map(|g| g as i64), user_id as i64, millis(since)],
                |r| {
                    Ok(Failure {
                        job_id: r.get(0)?,
                        reason: r.get(1)?,
                        private: was_private(&r.get::<_, String>(2)?),
                        at: time(r.get(3)?),
                    })
                },
            )
            .optional()
            .map_err(fail)
        })
        .await
    }

    async fn latest_active(&self, guild_id: Option<u64>, user_id: u64) -> Result<Option<String>, StoreError> {
        self.with(move |c| {
            c.query_row(
                "SELECT job_id FROM jobs WHERE guild_id IS ?1 AND user_id = ?2 AND state IN ('queued', 'running')
                 ORDER BY created_at DESC, job_id DESC LIMIT 1",
                params![guild_id.map(|g| g as i64), user_id as i64],
                |r| r.get(0),
            )
            .optional()
            .map_err(fail)
        })
        .await
    }

    async fn take_over(
        &self,
        owner: &InstanceId,
        lease: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredJob>, StoreError> {
        let owner = owner.0.clone();
        let cutoff = millis(now.checked_sub_signed(lease).unwrap_or(now));
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let orphaned = format!(
                "state IN {UNFINISHED} AND (owner IS NULL OR owner NOT IN
                    (SELECT id FROM instances WHERE heartbeat_at >= ?2 OR id = ?1))"
            );
            tx.execute(
                &format!("UPDATE ledger SET owner = ?1 WHERE job_id IN (SELECT job_id FROM jobs WHERE {orphaned})"),
                params![owner, cutoff],
            )
            .map_err(fail)?;
            let mut statement = tx
                .prepare(&format!(
                    "UPDATE jobs SET owner = ?1, updated_at = ?3 WHERE {orphaned} RETURNING {COLUMNS}, created_at"
                ))
                .map_err(fail)?;
            let mut jobs = statement
                .query_map(params![owner, cutoff, millis(now)], |r| Ok((stored_job(r)?, r.get::<_, i64>(9)?)))
                .map_err(fail)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            drop(statement);
            tx.commit().map_err(fail)?;
            jobs.sort_by_key(|(_, created)| *created);
            Ok(jobs.into_iter().map(|(job, _)| job).collect())
        })
        .await
    }
}

/// A JSON merge patch (RFC 7396: `null` removes a key) taking the member's words and the Discord links
/// out of a stored request; what remains still reads back as a request.
pub(crate) const FORGOTTEN_REQUEST: &str =
    r#"{"prompt":null,"negative_prompt":null,"styles":null,"source":null,"mask":null,"markup":null}"#;

/// Records a member's start on a backend, for whose turn comes next.
const TURN_TAKEN: &str = "INSERT INTO lane_turns (backend, guild_id, user_id, served_at) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (backend, COALESCE(guild_id, 0), user_id) DO UPDATE SET served_at = excluded.served_at";

/// Whether no other member with a queued job on `backend` had their last start there before this
/// member's (a member never started counts as longest ago).
fn my_turn(c: &Connection, backend: BackendKind, guild: Option<i64>, user: i64) -> rusqlite::Result<bool> {
    let mine: i64 = c
        .query_row(
            "SELECT served_at FROM lane_turns WHERE backend = ?1 AND COALESCE(guild_id, 0) = COALESCE(?2, 0) AND user_id = ?3",
            params![backend.key(), guild, user],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(-1);
    let someone_older: bool = c.query_row(
        "SELECT EXISTS (SELECT 1 FROM jobs q LEFT JOIN lane_turns t
             ON t.backend = q.backend AND COALESCE(t.guild_id, 0) = COALESCE(q.guild_id, 0) AND t.user_id = q.user_id
         WHERE q.backend = ?1 AND q.state = 'queued'
           AND NOT (COALESCE(q.guild_id, 0) = COALESCE(?2, 0) AND q.user_id = ?3)
           AND COALESCE(t.served_at, -1) < ?4)",
        params![backend.key(), guild, user, mine],
        |r| r.get(0),
    )?;
    Ok(!someone_older)
}
