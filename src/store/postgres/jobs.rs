//! The job queue's storage ([`JobStore`]) in Postgres: every state change a compare-and-set on `state`,
//! the ledger moving in the same transaction; admissions under the advisory lock; take-over with
//! `FOR UPDATE SKIP LOCKED`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use deadpool_postgres::GenericClient;

use super::ledger::{commit_in, release_in, reserve_in, IN_GUILD};
use super::{
    admission_lock, count, execute, fail, get, id, millis, query, query_first, query_map, query_one, query_opt, text,
    Param, PostgresStore,
};
use crate::domain::catalogue::BackendKind;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::limits::Limits;
use crate::domain::request::JobId;
use crate::jobs::queue::{Failure, Fence, JobState, JobStore, OwnedJob, QueueCaps, Start, StoredJob, StoredResult};
use crate::store::sql::jobs::{self as sql, JOB_COLUMNS, UNFINISHED};

/// The advisory lock (first key) serialising starts of one backend across processes.
const START_LOCK: i32 = 0x4561_7303;
use crate::domain::ledger::{Charge, InstanceId, ReserveError, StoreError};

/// The keys of a stored request that hold the member's words or Discord links (removed by retention).
pub(super) const FORGOTTEN_KEYS: &str = "'{prompt,negative_prompt,styles,source,mask,markup}'::text[]";

/// Moves a job from one of `from` to `to` (blanking the token when `to` is final, and recording
/// `reason` when given); returns whether it moved.
async fn transition(
    c: &impl GenericClient,
    job_id: &str,
    from: &str,
    to: JobState,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let blank_token = if to.is_final() { ", token = ''" } else { "" };
    let sql = format!(
        "UPDATE jobs SET state = $2, updated_at = $3, reason = COALESCE($4, reason){blank_token}
         WHERE job_id = $1 AND state IN {from}"
    );
    Ok(execute(c, &sql, &[&job_id, &to.key(), &millis(now), &reason.map(text)]).await? > 0)
}

#[async_trait]
impl JobStore for PostgresStore {
    async fn enqueue(
        &self,
        job: &StoredJob,
        charge: &Charge,
        limits: &Limits,
        exempt: bool,
        caps: QueueCaps,
        now: DateTime<Utc>,
    ) -> Result<(), ReserveError> {
        let request = serde_json::to_string(&job.request).map_err(fail)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        admission_lock(&tx).await?;
        let guild = charge.tag.guild_id.map(id);
        let in_guild = count(get(&query_one(&tx, sql::QUEUED_IN_GUILD, &[&guild]).await?, 0)?);
        if in_guild >= caps.per_guild {
            return Err(ReserveError::QueueFull { waiting: in_guild, whole_bot: false });
        }
        let total = count(get(&query_one(&tx, sql::QUEUED, &[]).await?, 0)?);
        if total >= caps.total {
            return Err(ReserveError::QueueFull { waiting: total, whole_bot: true });
        }
        reserve_in(&tx, charge, limits, exempt, now).await?;
        let who = &job.request.requester;
        execute(
            &tx,
            sql::INSERT_JOB,
            &[
                &job.request.id.0,
                &guild,
                &id(who.channel_id),
                &id(who.user_id),
                &job.backend.key(),
                &request,
                &charge.owner.0,
                &job.ticket.token.expose(),
                &millis(job.ticket.expires_at),
                &millis(now),
            ],
        )
        .await?;
        tx.commit().await.map_err(fail)?;
        Ok(())
    }

    async fn start(&self, job_id: &JobId, owner: &InstanceId, now: DateTime<Utc>) -> Result<Option<u32>, StoreError> {
        let job_id = job_id.as_str();
        let row = query_opt(&self.client().await?, sql::START, &[&job_id, &owner.0, &millis(now)]).await?;
        row.map(|r| get(&r, 0).map(count)).transpose()
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
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        // Starts of one backend are serialised across processes, so the counts and turns cannot go stale.
        let lock = format!("SELECT pg_advisory_xact_lock({START_LOCK}, hashtext(current_schema() || '/' || $1::text))");
        execute(&tx, &lock, &[&backend.key()]).await?;
        let member = query_opt(&tx, sql::QUEUED_MEMBER, &[&job_id]).await?;
        let Some(member) = member else { return Ok(Start::Gone) };
        let (guild, user): (Option<i64>, i64) = (get(&member, 0)?, get(&member, 1)?);
        let running = count(get(&query_one(&tx, sql::RUNNING_ON, &[&backend.key()]).await?, 0)?);
        if running >= cap || (fair && !my_turn(&tx, backend, guild, user).await?) {
            return Ok(Start::Full);
        }
        let row = query_one(&tx, sql::START_FOUND, &[&job_id, &owner.0, &millis(now)]).await?;
        let attempts = count(get(&row, 0)?);
        if fair {
            execute(&tx, sql::TURN_TAKEN, &[&backend.key(), &guild, &user, &millis(now)]).await?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(Start::Started(attempts))
    }

    async fn requeue(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
        transition(&self.client().await?, job_id, "('running')", JobState::Queued, None, now).await
    }

    async fn generated(
        &self,
        job_id: &JobId,
        fence: &Fence,
        result: &StoredResult,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
        let result = serde_json::to_string(result).map_err(fail)?;
        let moved = execute(
            &self.client().await?,
            sql::GENERATED,
            &[&job_id, &result, &millis(now), &fence.owner.0, &i64::from(fence.attempt)],
        )
        .await?;
        Ok(moved > 0)
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
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let row = query_opt(
            &tx,
            "UPDATE jobs SET state = 'delivered', message_id = $2, delivered_channel_id = $3, token = '',
                updated_at = $4 WHERE job_id = $1 AND state = 'generated' AND result IS NOT NULL
                AND owner = $5 AND attempts = $6 RETURNING result",
            &[
                &job_id,
                &message_id.map(id),
                &channel_id.map(id),
                &millis(now),
                &fence.owner.0,
                &i64::from(fence.attempt),
            ],
        )
        .await?;
        let Some(row) = row else { return Ok(false) };
        let cost = serde_json::from_str::<StoredResult>(get(&row, 0)?).map_err(fail)?.cost_usd;
        commit_in(&tx, job_id, cost, images, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(true)
    }

    async fn holds(&self, job_id: &JobId, fence: &Fence) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
        let row =
            query_one(&self.client().await?, sql::HOLDS, &[&job_id, &fence.owner.0, &i64::from(fence.attempt)]).await?;
        get(&row, 0)
    }

    async fn fail(
        &self,
        job_id: &JobId,
        reason: &str,
        spent: Option<f64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let job_id = job_id.as_str();
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let moved = transition(&tx, job_id, UNFINISHED, JobState::Failed, Some(reason), now).await?;
        if moved {
            if let Some(usd) = spent.filter(|usd| usd.is_finite() && *usd > 0.0) {
                // The provider billed a call whose result reached nobody: the owner's month counts it.
                execute(&tx, sql::OWNER_SPEND, &[&job_id, &usd, &millis(now)]).await?;
            }
            release_in(&tx, job_id, now).await?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(moved)
    }

    async fn cancel(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<Option<JobState>, StoreError> {
        let job_id = job_id.as_str();
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        // The row lock makes "read the state, then move it" one step against a runner or another click.
        let row = query_opt(&tx, "SELECT state FROM jobs WHERE job_id = $1 FOR UPDATE", &[&job_id]).await?;
        let Some(row) = row else { return Ok(None) };
        let state = JobState::from_key(get(&row, 0)?);
        if !matches!(state, JobState::Queued | JobState::Running) {
            return Ok(None);
        }
        transition(&tx, job_id, "('queued', 'running')", JobState::Cancelled, None, now).await?;
        if state == JobState::Running {
            // The model call has started and the provider bills it: charged like a delivered job, at
            // its estimate, images included.
            execute(&tx, sql::CHARGE_AT_ESTIMATE, &[&job_id, &millis(now)]).await?;
        } else {
            release_in(&tx, job_id, now).await?;
        }
        tx.commit().await.map_err(fail)?;
        Ok(Some(state))
    }

    async fn owned(&self, owner: &InstanceId) -> Result<Vec<OwnedJob>, StoreError> {
        query_map(&self.client().await?, &sql::owned(), &[&owner.0], sql::owned_job).await
    }

    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        let sql = format!(
            "UPDATE jobs SET request = (request::jsonb - {FORGOTTEN_KEYS})::text,
                result = CASE WHEN result IS NULL THEN NULL ELSE (result::jsonb - 'revised_prompt')::text END,
                reason = NULL, redacted = 1
             WHERE redacted = 0 AND created_at < $1 AND state NOT IN {UNFINISHED}"
        );
        let changed = execute(&self.client().await?, &sql, &[&millis(cutoff)]).await?;
        Ok(usize::try_from(changed).unwrap_or(usize::MAX))
    }

    async fn job(&self, job_id: &JobId) -> Result<Option<StoredJob>, StoreError> {
        let job_id = job_id.as_str();
        query_first(&self.client().await?, &sql::job_by_id(), &[&job_id], sql::stored_job).await
    }

    async fn latest_failure(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        since: DateTime<Utc>,
    ) -> Result<Option<Failure>, StoreError> {
        let latest = format!(
            "SELECT job_id, reason, request, updated_at FROM jobs
             WHERE {IN_GUILD} AND user_id = $2 AND state = 'failed' AND updated_at >= $3 AND reason IS NOT NULL
             ORDER BY updated_at DESC, job_id COLLATE \"C\" DESC LIMIT 1"
        );
        let params = [&guild_id.map(|g| id(g.0)) as Param, &id(user_id.0), &millis(since)];
        query_first(&self.client().await?, &latest, &params, sql::failure).await
    }

    async fn latest_active(&self, guild_id: Option<ServerId>, user_id: MemberId) -> Result<Option<JobId>, StoreError> {
        // `COLLATE "C"`: the byte order SQLite sorts text in, whatever the database's collation.
        let sql = format!(
            "SELECT job_id FROM jobs WHERE {IN_GUILD} AND user_id = $2 AND state IN ('queued', 'running')
             ORDER BY created_at DESC, job_id COLLATE \"C\" DESC LIMIT 1"
        );
        let row = query_opt(&self.client().await?, &sql, &[&guild_id.map(|g| id(g.0)), &id(user_id.0)]).await?;
        row.map(|r| get::<String>(&r, 0).map(JobId)).transpose()
    }

    async fn take_over(
        &self,
        owner: &InstanceId,
        lease: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredJob>, StoreError> {
        let cutoff = millis(now.checked_sub_signed(lease).unwrap_or(now));
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        // SKIP LOCKED: a job another process is taking over right now is left to it; once that process
        // commits, the job's owner is alive and no longer matches.
        let orphans = query(
            &tx,
            &format!(
                "SELECT job_id FROM jobs WHERE state IN {UNFINISHED} AND (owner IS NULL OR owner NOT IN
                    (SELECT id FROM instances WHERE heartbeat_at >= $2 OR id = $1))
                 FOR UPDATE SKIP LOCKED"
            ),
            &[&owner.0, &cutoff],
        )
        .await?;
        let ids = orphans.iter().map(|r| get::<String>(r, 0)).collect::<Result<Vec<_>, _>>()?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        execute(&tx, "UPDATE ledger SET owner = $1 WHERE job_id = ANY($2)", &[&owner.0, &ids]).await?;
        let rows = query(
            &tx,
            &format!(
                "UPDATE jobs SET owner = $1, updated_at = $2 WHERE job_id = ANY($3) RETURNING {JOB_COLUMNS}, created_at"
            ),
            &[&owner.0, &millis(now), &ids],
        )
        .await?;
        let mut jobs = rows
            .iter()
            .map(|r| Ok((sql::stored_job(r)?, get::<i64>(r, 9)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        tx.commit().await.map_err(fail)?;
        jobs.sort_by_key(|(_, created)| *created);
        Ok(jobs.into_iter().map(|(job, _)| job).collect())
    }
}

/// Whether no other member with a queued job on `backend` had their last start there before this
/// member's (a member never started counts as longest ago).
async fn my_turn(
    tx: &deadpool_postgres::Transaction<'_>,
    backend: BackendKind,
    guild: Option<i64>,
    user: i64,
) -> Result<bool, StoreError> {
    let mine = query_opt(tx, sql::LAST_TURN, &[&backend.key(), &guild, &user])
        .await?
        .map(|r| get::<i64>(&r, 0))
        .transpose()?
        .unwrap_or(-1);
    let older = query_one(tx, sql::SOMEONE_WAITED_LONGER, &[&backend.key(), &guild, &user, &mine]).await?;
    Ok(!get::<bool>(&older, 0)?)
}
