//! The ledger port ([`Store`]) in Postgres: reservations under the admission lock, charges, heartbeats,
//! limit settings and blocks.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use deadpool_postgres::{GenericClient, Transaction};

use super::{
    admission_lock, count, execute, fail, get, id, millis, query_first, query_map, query_one, text, time, Param,
    PostgresStore,
};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::{Charge, InstanceId, LedgerState, ReserveError, Store, StoreError};
use crate::domain::limits::Block;
use crate::domain::limits::{self, Ask, LimitName, Limits, Override, Scope, Usage};
use crate::domain::request::JobId;
use crate::store::sql::ledger::{self as sql, COUNTED};

/// Rows of guild `$1` (SQLite's `guild_id IS ?1`: `NULL` matches the direct messages' rows), written so
/// an index on `guild_id` still serves it.
pub(super) const IN_GUILD: &str = "(guild_id = $1 OR (guild_id IS NULL AND $1::BIGINT IS NULL))";

/// What a member (`guild`, `user`), their guild and the bot have used at `now`: the member's and the
/// guild's rolling 24 hours, the bot's calendar month (ledger and owner spend), in ONE statement so it
/// is one snapshot.
pub(super) async fn read_usage(
    c: &impl GenericClient,
    guild: Option<u64>,
    user: u64,
    now: DateTime<Utc>,
) -> Result<Usage, StoreError> {
    let member = format!("{IN_GUILD} AND user_id = $2");
    let sql = format!(
        "SELECT
            (SELECT MAX(created_at) FROM ledger WHERE {member} AND {COUNTED}),
            (SELECT COUNT(*) FROM ledger WHERE {member} AND state = 'reserved'),
            u.images, u.usd, u.oldest, g.usd, g.oldest,
            (SELECT COALESCE(SUM(COALESCE(cost_usd, reserved_usd)), 0) FROM ledger
                WHERE created_at >= $4 AND {COUNTED})
              + (SELECT COALESCE(SUM(usd), 0) FROM owner_spend WHERE created_at >= $4)
         FROM
            (SELECT COALESCE(SUM(images), 0)::BIGINT AS images,
                    COALESCE(SUM(COALESCE(cost_usd, reserved_usd)), 0) AS usd, MIN(created_at) AS oldest
             FROM ledger WHERE {member} AND created_at > $3 AND {COUNTED}) u,
            (SELECT COALESCE(SUM(COALESCE(cost_usd, reserved_usd)), 0) AS usd, MIN(created_at) AS oldest
             FROM ledger WHERE {IN_GUILD} AND created_at > $3 AND {COUNTED}) g"
    );
    let (guild, user) = (guild.map(id), id(user));
    let day = millis(limits::day_start(now));
    let month = millis(limits::month_start(now));
    let row = query_one(c, &sql, &[&guild, &user, &day, &month]).await?;
    Ok(Usage {
        last_request: get::<Option<i64>>(&row, 0)?.map(time),
        in_flight: count(get(&row, 1)?),
        user_images: count(get(&row, 2)?),
        user_usd: get(&row, 3)?,
        user_oldest: get::<Option<i64>>(&row, 4)?.map(time),
        guild_usd: get(&row, 5)?,
        guild_oldest: get::<Option<i64>>(&row, 6)?.map(time),
        global_usd: get(&row, 7)?,
        cancelled_images: 0,
        cancelled_usd: 0.0,
    })
}

/// Checks the limits for `charge` and records its reservation, inside the caller's transaction (which
/// MUST hold [`admission_lock`], so the check and the write are one step against every process).
pub(super) async fn reserve_in(
    tx: &Transaction<'_>,
    charge: &Charge,
    limits: &Limits,
    exempt: bool,
    now: DateTime<Utc>,
) -> Result<(), ReserveError> {
    if count(get(&query_one(tx, sql::CHARGED, &[&charge.tag.job_id]).await?, 0)?) > 0 {
        return Err(ReserveError::Duplicate(charge.tag.job_id.clone()));
    }
    let usage = read_usage(tx, charge.tag.guild_id, charge.tag.user_id, now).await?;
    limits::check(limits, &usage, Ask { images: charge.images, usd: charge.usd }, now, exempt)
        .map_err(ReserveError::Limit)?;
    execute(
        tx,
        sql::RESERVE,
        &[
            &charge.tag.job_id,
            &charge.tag.guild_id.map(id),
            &id(charge.tag.channel_id),
            &id(charge.tag.user_id),
            &charge.tag.command,
            &charge.tag.model,
            &i64::from(charge.images),
            &charge.usd,
            &millis(now),
            &charge.owner.0,
        ],
    )
    .await?;
    Ok(())
}

/// Charges a reserved job at its real cost, inside the caller's connection or transaction; a job not
/// reserved is left alone.
pub(super) async fn commit_in(
    c: &impl GenericClient,
    job_id: &str,
    cost_usd: f64,
    images: u32,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    execute(c, sql::COMMIT, &[&job_id, &cost_usd, &i64::from(images), &millis(now)]).await
}

/// Frees a reserved job's claim (nothing charged), inside the caller's connection or transaction.
pub(super) async fn release_in(c: &impl GenericClient, job_id: &str, now: DateTime<Utc>) -> Result<u64, StoreError> {
    execute(c, sql::RELEASE, &[&job_id, &millis(now)]).await
}

#[async_trait]
impl Store for PostgresStore {
    async fn reserve(
        &self,
        charge: &Charge,
        limits: &Limits,
        exempt: bool,
        now: DateTime<Utc>,
    ) -> Result<(), ReserveError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        admission_lock(&tx).await?;
        reserve_in(&tx, charge, limits, exempt, now).await?;
        tx.commit().await.map_err(fail)?;
        Ok(())
    }

    async fn commit(&self, job_id: &JobId, cost_usd: f64, images: u32, now: DateTime<Utc>) -> Result<(), StoreError> {
        let job_id = job_id.as_str();
        commit_in(&self.client().await?, job_id, cost_usd, images, now).await.map(|_| ())
    }

    async fn release(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<(), StoreError> {
        let job_id = job_id.as_str();
        release_in(&self.client().await?, job_id, now).await.map(|_| ())
    }

    async fn heartbeat(&self, instance: &InstanceId, now: DateTime<Utc>) -> Result<(), StoreError> {
        execute(&self.client().await?, sql::HEARTBEAT, &[&instance.0, &millis(now)]).await.map(|_| ())
    }

    async fn release_orphans(&self, lease: chrono::Duration, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let cutoff = millis(now.checked_sub_signed(lease).unwrap_or(now));
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        execute(&tx, sql::FORGET_SILENT, &[&cutoff]).await?;
        let released = execute(&tx, &sql::release_orphans(), &[&millis(now)]).await?;
        tx.commit().await.map_err(fail)?;
        Ok(released as usize)
    }

    async fn instances(&self) -> Result<Vec<InstanceId>, StoreError> {
        query_map(&self.client().await?, sql::INSTANCES, &[], |r| Ok(InstanceId(r.text(0)?))).await
    }

    async fn forget(&self, instance: &InstanceId) -> Result<(), StoreError> {
        execute(&self.client().await?, sql::FORGET_INSTANCE, &[&instance.0]).await.map(|_| ())
    }

    async fn retire(&self, instance: &InstanceId, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let released = execute(&tx, &sql::retire(), &[&instance.0, &millis(now)]).await?;
        execute(&tx, sql::FORGET_INSTANCE, &[&instance.0]).await?;
        tx.commit().await.map_err(fail)?;
        Ok(released as usize)
    }

    async fn usage(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        now: DateTime<Utc>,
    ) -> Result<Usage, StoreError> {
        let client = self.client().await?;
        let mut usage = read_usage(&client, guild_id.map(|g| g.0), user_id.0, now).await?;
        // The member's jobs they cancelled after the model had started: charged at their estimate.
        let day = millis(limits::day_start(now));
        let params = [&guild_id.map(|g| id(g.0)) as Param, &id(user_id.0), &day];
        let cancelled = query_first(&client, sql::CANCELLED_SINCE, &params, sql::cancelled).await?;
        (usage.cancelled_images, usage.cancelled_usd) = cancelled.unwrap_or((0, 0.0));
        Ok(usage)
    }

    async fn ledger_state(&self, job_id: &JobId) -> Result<Option<LedgerState>, StoreError> {
        let job_id = job_id.as_str();
        query_first(&self.client().await?, sql::LEDGER_STATE, &[&job_id], sql::ledger_state).await
    }

    async fn overrides(&self, guild_id: ServerId) -> Result<Vec<Override>, StoreError> {
        let rows = query_map(&self.client().await?, sql::OVERRIDES, &[&id(guild_id.0)], sql::limit_override).await?;
        Ok(rows.into_iter().flatten().collect())
    }

    async fn set_override(
        &self,
        guild_id: ServerId,
        scope: Scope,
        name: LimitName,
        value: Option<f64>,
    ) -> Result<(), StoreError> {
        let (scope, target) = sql::scope_parts(scope);
        execute(&self.client().await?, sql::SET_OVERRIDE, &[&id(guild_id.0), &scope, &target, &name.key(), &value])
            .await
            .map(|_| ())
    }

    async fn clear_overrides(&self, guild_id: ServerId, scope: Option<Scope>) -> Result<usize, StoreError> {
        let client = self.client().await?;
        let cleared = match scope {
            None => execute(&client, sql::CLEAR_OVERRIDES, &[&id(guild_id.0)]).await?,
            Some(scope) => {
                let (scope, target) = sql::scope_parts(scope);
                execute(&client, sql::CLEAR_SCOPE_OVERRIDES, &[&id(guild_id.0), &scope, &target]).await?
            }
        };
        Ok(cleared as usize)
    }

    async fn block(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        block: &Block,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        execute(
            &self.client().await?,
            sql::BLOCK,
            &[&id(guild_id.0), &id(user_id.0), &block.until.map(millis), &text(&block.reason), &millis(now)],
        )
        .await
        .map(|_| ())
    }

    async fn unblock(&self, guild_id: ServerId, user_id: MemberId) -> Result<bool, StoreError> {
        let removed = execute(&self.client().await?, sql::UNBLOCK, &[&id(guild_id.0), &id(user_id.0)]).await?;
        Ok(removed > 0)
    }

    async fn block_of(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        now: DateTime<Utc>,
    ) -> Result<Option<Block>, StoreError> {
        let params = [&id(guild_id.0) as Param, &id(user_id.0), &millis(now)];
        query_first(&self.client().await?, sql::BLOCK_OF, &params, sql::block).await
    }
}
