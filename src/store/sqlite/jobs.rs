//! The job queue's storage ([`JobStore`]) in SQLite: every state change a compare-and-set on `state`,
//! the ledger moving in the same transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{all, commit_in, fail, first, millis, release_in, reserve_in, SqliteStore};
use crate::domain::catalogue::BackendKind;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::{Charge, InstanceId, ReserveError, StoreError};
use crate::domain::limits::Limits;
use crate::domain::request::JobId;
use crate::jobs::queue::{Failure, Fence, JobState, JobStore, OwnedJob, QueueCaps, Start, StoredJob, StoredResult};
use crate::store::sql::jobs::{self as sql, UNFINISHED};

fn load(c: &Connection, job_id: &str) -> Result<Option<StoredJob>, StoreError> {
    first(c, &sql::job_by_id(), [job_id], sql::stored_job)
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
            let guild = charge.tag.guild_id.map(|g| g as i64);
            let in_guild: u32 = tx.query_row(sql::QUEUED_IN_GUILD, [guild], |r| r.get(0)).map_err(fail)?;
            if in_guild >= caps.per_guild {
                return Err(ReserveError::QueueFull { waiting: in_guild, whole_bot: false });
            }
            let total: u32 = tx.query_row(sql::QUEUED, [], |r| r.get(0)).map_err(fail)?;
            if total >= caps.total {
                return Err(ReserveError::QueueFull { waiting: total, whole_bot: true });
            }
            reserve_in(&tx, &charge, &limits, exempt, now)?;
            let who = &job.request.requester;
            tx.execute(
                sql::INSERT_JOB,
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

    async fn start(&self, job_id: &JobId, owner: &InstanceId, now: DateTime<Utc>) -> Result<Option<u32>, StoreError> {
        let job_id = job_id.as_str();
        let (job_id, owner) = (job_id.to_owned(), owner.0.clone());
        self.with(move |c| {
            c.query_row(sql::START, params![job_id, owner, millis(now)], |r| r.get(0)).optional().map_err(fail)
        })
        .await
    }

    async fn start_capped(
        &self,
        job_id: &JobId,
        owner: &InstanceId,
        backend: BackendKind,
        cap: u32,
        fair: bool,
        now: DateTime<Utc>,
    ) -> Result<Start, StoreError> {
        let job_id = job_id.as_str();
        let (job_id, owner) = (job_id.to_owned(), owner.0.clone());
        self.with(move |c| {
            // An IMMEDIATE transaction holds SQLite's write lock from the start: the checks and the change
            // are one step for every process on the file.
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let member: Option<(Option<i64>, i64)> =
                tx.query_row(sql::QUEUED_MEMBER, [&job_id], |r| Ok((r.get(0)?, r.get(1)?))).optional().map_err(fail)?;
            let Some((guild, user)) = member else { return Ok(Start::Gone) };
            let running: u32 = tx.query_row(sql::RUNNING_ON, [backend.key()], |r| r.get(0)).map_err(fail)?;
            if running >= cap || (fair && !my_turn(&tx, backend, guild, user).map_err(fail)?) {
                return Ok(Start::Full);
            }
            let attempts: u32 =
                tx.query_row(sql::START_FOUND, params![job_id, owner, millis(now)], |r| r.get(0)).map_err(fail)?;
            if fair {
                tx.execute(sql::TURN_TAKEN, params![backend.key(), guild, user, millis(now)]).map_err(fail)?;
            }
            tx.commit().map_err(fail)?;
            Ok(Start::Started(attempts))
        })
        .await
    }

    async fn requeue(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
        let job_id = job_id.to_owned();
        self.with(move |c| transition(c, &job_id, "('running')", JobState::Queued, now).map_err(fail)).await
    }

    async fn generated(
        &self,
        job_id: &JobId,
        fence: &Fence,
        result: &StoredResult,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
        let (job_id, fence) = (job_id.to_owned(), fence.clone());
        let result = serde_json::to_string(result).map_err(fail)?;
        self.with(move |c| {
            c.execute(sql::GENERATED, params![job_id, result, millis(now), fence.owner.0, fence.attempt])
                .map(|n| n > 0)
                .map_err(fail)
        })
        .await
    }

    async fn delivered(
        &self,
        job_id: &JobId,
        fence: &Fence,
        (message_id, channel_id): (Option<u64>, Option<u64>),
        images: u32,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
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

    async fn holds(&self, job_id: &JobId, fence: &Fence) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
        let (job_id, fence) = (job_id.to_owned(), fence.clone());
        self.with(move |c| {
            c.query_row(sql::HOLDS, params![job_id, fence.owner.0, fence.attempt], |r| r.get(0)).map_err(fail)
        })
        .await
    }

    async fn fail(
        &self,
        job_id: &JobId,
        reason: &str,
        spent: Option<f64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
        let (job_id, reason) = (job_id.to_owned(), reason.to_owned());
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let moved = transition(&tx, &job_id, UNFINISHED, JobState::Failed, now).map_err(fail)?;
            if moved {
                tx.execute("UPDATE jobs SET reason = ?2 WHERE job_id = ?1", params![job_id, reason]).map_err(fail)?;
                if let Some(usd) = spent.filter(|usd| usd.is_finite() && *usd > 0.0) {
                    // The provider billed a call whose result reached nobody: the owner's month counts it.
                    tx.execute(sql::OWNER_SPEND, params![job_id, usd, millis(now)]).map_err(fail)?;
                }
                release_in(&tx, &job_id, now).map_err(fail)?;
            }
            tx.commit().map_err(fail)?;
            Ok(moved)
        })
        .await
    }

    async fn cancel(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<Option<JobState>, StoreError> {
        let job_id = job_id.as_str();
        let job_id = job_id.to_owned();
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let Some(job) = load(&tx, &job_id)? else { return Ok(None) };
            if !matches!(job.state, JobState::Queued | JobState::Running) {
                return Ok(None);
            }
            transition(&tx, &job_id, "('queued', 'running')", JobState::Cancelled, now).map_err(fail)?;
            if job.state == JobState::Running {
                // The model call has started and the provider bills it: charged like a delivered job, at
                // its estimate, images included.
                tx.execute(sql::CHARGE_AT_ESTIMATE, params![job_id, millis(now)]).map_err(fail)?;
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
        self.with(move |c| all(c, &sql::owned(), [owner], sql::owned_job)).await
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

    async fn job(&self, job_id: &JobId) -> Result<Option<StoredJob>, StoreError> {
        let job_id = job_id.as_str();
        let job_id = job_id.to_owned();
        self.with(move |c| load(c, &job_id)).await
    }

    async fn latest_failure(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        since: DateTime<Utc>,
    ) -> Result<Option<Failure>, StoreError> {
        self.with(move |c| {
            let latest = "SELECT job_id, reason, request, updated_at FROM jobs
                 WHERE guild_id IS ?1 AND user_id = ?2 AND state = 'failed' AND updated_at >= ?3
                   AND reason IS NOT NULL
                 ORDER BY updated_at DESC, job_id DESC LIMIT 1";
            let params = params![guild_id.map(|g| g.0 as i64), user_id.0 as i64, millis(since)];
            first(c, latest, params, sql::failure)
        })
        .await
    }

    async fn latest_active(&self, guild_id: Option<ServerId>, user_id: MemberId) -> Result<Option<JobId>, StoreError> {
        self.with(move |c| {
            c.query_row(
                "SELECT job_id FROM jobs WHERE guild_id IS ?1 AND user_id = ?2 AND state IN ('queued', 'running')
                 ORDER BY created_at DESC, job_id DESC LIMIT 1",
                params![guild_id.map(|g| g.0 as i64), user_id.0 as i64],
                |r| r.get::<_, String>(0).map(JobId),
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
            let taken = format!(
                "UPDATE jobs SET owner = ?1, updated_at = ?3 WHERE {orphaned} RETURNING {}, created_at",
                sql::JOB_COLUMNS
            );
            let mut jobs =
                all(&tx, &taken, params![owner, cutoff, millis(now)], |r| Ok((sql::stored_job(r)?, r.int(9)?)))?;
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

/// Whether no other member with a queued job on `backend` had their last start there before this
/// member's (a member never started counts as longest ago).
fn my_turn(c: &Connection, backend: BackendKind, guild: Option<i64>, user: i64) -> rusqlite::Result<bool> {
    let mine: i64 =
        c.query_row(sql::LAST_TURN, params![backend.key(), guild, user], |r| r.get(0)).optional()?.unwrap_or(-1);
    let someone_older: bool =
        c.query_row(sql::SOMEONE_WAITED_LONGER, params![backend.key(), guild, user, mine], |r| r.get(0))?;
    Ok(!someone_older)
}
