//! The ledger port ([`Store`]) in Postgres: reservations under the admission lock, charges, heartbeats,
//! limit settings and blocks.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use deadpool_postgres::{GenericClient, Transaction};

use super::{
    admission_lock, count, execute, fail, get, id, millis, query, query_one, query_opt, text, time, PostgresStore,
};
use crate::domain::limits::{self, Ask, LimitName, Limits, Override, Scope, Usage};
use crate::store::{Block, Charge, InstanceId, LedgerState, ReserveError, Store, StoreError};

const COUNTED: &str = "state != 'released'";

/// A reservation whose job is still queued, running or generated is not abandoned: the job keeps it
/// across restarts and settles it when it ends.
const NO_LIVE_JOB: &str = "job_id NOT IN (SELECT job_id FROM jobs WHERE state IN ('queued', 'running', 'generated'))";

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
    if query_opt(tx, "SELECT 1 FROM ledger WHERE job_id = $1", &[&charge.job_id]).await?.is_some() {
        return Err(ReserveError::Duplicate(charge.job_id.clone()));
    }
    let usage = read_usage(tx, charge.guild_id, charge.user_id, now).await?;
    limits::check(limits, &usage, Ask { images: charge.images, usd: charge.usd }, now, exempt)
        .map_err(ReserveError::Limit)?;
    execute(
        tx,
        "INSERT INTO ledger (job_id, guild_id, channel_id, user_id, command, model, state, images,
                             reserved_usd, created_at, owner)
         VALUES ($1, $2, $3, $4, $5, $6, 'reserved', $7, $8, $9, $10)",
        &[
            &charge.job_id,
            &charge.guild_id.map(id),
            &id(charge.channel_id),
            &id(charge.user_id),
            &charge.command,
            &charge.model,
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
    execute(
        c,
        "UPDATE ledger SET state = 'committed', cost_usd = $2, images = $3, settled_at = $4
         WHERE job_id = $1 AND state = 'reserved'",
        &[&job_id, &cost_usd, &i64::from(images), &millis(now)],
    )
    .await
}

/// Frees a reserved job's claim (nothing charged), inside the caller's connection or transaction.
pub(super) async fn release_in(c: &impl GenericClient, job_id: &str, now: DateTime<Utc>) -> Result<u64, StoreError> {
    execute(
        c,
        "UPDATE ledger SET state = 'released', cost_usd = 0, settled_at = $2 WHERE job_id = $1 AND state = 'reserved'",
        &[&job_id, &millis(now)],
    )
    .await
}

fn scope_parts(scope: Scope) -> (&'static str, i64) {
    match scope {
        Scope::Guild => ("guild", 0),
        Scope::Role(target) => ("role", id(target)),
        Scope::User(target) => ("user", id(target)),
    }
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

    async fn commit(&self, job_id: &str, cost_usd: f64, images: u32, now: DateTime<Utc>) -> Result<(), StoreError> {
        commit_in(&self.client().await?, job_id, cost_usd, images, now).await.map(|_| ())
    }

    async fn release(&self, job_id: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        release_in(&self.client().await?, job_id, now).await.map(|_| ())
    }

    async fn heartbeat(&self, instance: &InstanceId, now: DateTime<Utc>) -> Result<(), StoreError> {
        execute(
            &self.client().await?,
            "INSERT INTO instances (id, started_at, heartbeat_at) VALUES ($1, $2, $2)
             ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at",
            &[&instance.0, &millis(now)],
        )
        .await
        .map(|_| ())
    }

    async fn release_orphans(&self, lease: chrono::Duration, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let cutoff = millis(now.checked_sub_signed(lease).unwrap_or(now));
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        execute(&tx, "DELETE FROM instances WHERE heartbeat_at < $1", &[&cutoff]).await?;
        let released = execute(
            &tx,
            &format!(
                "UPDATE ledger SET state = 'released', cost_usd = 0, settled_at = $1
                 WHERE state = 'reserved' AND (owner IS NULL OR owner NOT IN (SELECT id FROM instances))
                 AND {NO_LIVE_JOB}"
            ),
            &[&millis(now)],
        )
        .await?;
        tx.commit().await.map_err(fail)?;
        Ok(released as usize)
    }

    async fn instances(&self) -> Result<Vec<InstanceId>, StoreError> {
        let rows = query(&self.client().await?, "SELECT id FROM instances", &[]).await?;
        rows.iter().map(|r| get(r, 0).map(InstanceId)).collect()
    }

    async fn forget(&self, instance: &InstanceId) -> Result<(), StoreError> {
        execute(&self.client().await?, "DELETE FROM instances WHERE id = $1", &[&instance.0]).await.map(|_| ())
    }

    async fn retire(&self, instance: &InstanceId, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(fail)?;
        let released = execute(
            &tx,
            &format!(
                "UPDATE ledger SET state = 'released', cost_usd = 0, settled_at = $2
                 WHERE state = 'reserved' AND owner = $1 AND {NO_LIVE_JOB}"
            ),
            &[&instance.0, &millis(now)],
        )
        .await?;
        execute(&tx, "DELETE FROM instances WHERE id = $1", &[&instance.0]).await?;
        tx.commit().await.map_err(fail)?;
        Ok(released as usize)
    }

    async fn usage(&self, guild_id: Option<u64>, user_id: u64, now: DateTime<Utc>) -> Result<Usage, StoreError> {
        let client = self.client().await?;
        let mut usage = read_usage(&client, guild_id, user_id, now).await?;
        // The member's jobs they cancelled after the model had started: charged at their estimate.
        let sql = "SELECT COALESCE(SUM(l.images), 0)::BIGINT, COALESCE(SUM(l.cost_usd), 0) FROM ledger l
                   JOIN jobs j ON j.job_id = l.job_id
                   WHERE (l.guild_id = $1 OR (l.guild_id IS NULL AND $1::BIGINT IS NULL)) AND l.user_id = $2
                     AND l.created_at > $3 AND l.state = 'committed' AND j.state = 'cancelled'";
        let day = millis(limits::day_start(now));
        let row = query_one(&client, sql, &[&guild_id.map(id), &id(user_id), &day]).await?;
        usage.cancelled_images = count(get(&row, 0)?);
        usage.cancelled_usd = get(&row, 1)?;
        Ok(usage)
    }

    async fn ledger_state(&self, job_id: &str) -> Result<Option<LedgerState>, StoreError> {
        let row = query_opt(&self.client().await?, "SELECT state FROM ledger WHERE job_id = $1", &[&job_id]).await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(match get::<&str>(&row, 0)? {
            "reserved" => LedgerState::Reserved,
            "committed" => LedgerState::Committed,
            _ => LedgerState::Released,
        }))
    }

    async fn overrides(&self, guild_id: u64) -> Result<Vec<Override>, StoreError> {
        let rows = query(
            &self.client().await?,
            "SELECT scope, target_id, name, value FROM limit_overrides WHERE guild_id = $1",
            &[&id(guild_id)],
        )
        .await?;
        let mut out = Vec::new();
        for row in &rows {
            let target = get::<i64>(row, 1)? as u64;
            let scope = match get::<&str>(row, 0)? {
                "role" => Scope::Role(target),
                "user" => Scope::User(target),
                _ => Scope::Guild,
            };
            if let Some(name) = LimitName::from_key(get(row, 2)?) {
                out.push(Override { scope, name, value: get(row, 3)? });
            }
        }
        Ok(out)
    }

    async fn set_override(
        &self,
        guild_id: u64,
        scope: Scope,
        name: LimitName,
        value: Option<f64>,
    ) -> Result<(), StoreError> {
        let (scope, target) = scope_parts(scope);
        execute(
            &self.client().await?,
            "INSERT INTO limit_overrides (guild_id, scope, target_id, name, value) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (guild_id, scope, target_id, name) DO UPDATE SET value = excluded.value",
            &[&id(guild_id), &scope, &target, &name.key(), &value],
        )
        .await
        .map(|_| ())
    }

    async fn clear_overrides(&self, guild_id: u64, scope: Option<Scope>) -> Result<usize, StoreError> {
        let client = self.client().await?;
        let cleared = match scope {
            None => execute(&client, "DELETE FROM limit_overrides WHERE guild_id = $1", &[&id(guild_id)]).await?,
            Some(scope) => {
                let (scope, target) = scope_parts(scope);
                execute(
                    &client,
                    "DELETE FROM limit_overrides WHERE guild_id = $1 AND scope = $2 AND target_id = $3",
                    &[&id(guild_id), &scope, &target],
                )
                .await?
            }
        };
        Ok(cleared as usize)
    }

    async fn block(&self, guild_id: u64, user_id: u64, block: &Block, now: DateTime<Utc>) -> Result<(), StoreError> {
        execute(
            &self.client().await?,
            "INSERT INTO blocks (guild_id, user_id, until, reason, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (guild_id, user_id) DO UPDATE
             SET until = excluded.until, reason = excluded.reason, created_at = excluded.created_at",
            &[&id(guild_id), &id(user_id), &block.until.map(millis), &text(&block.reason), &millis(now)],
        )
        .await
        .map(|_| ())
    }

    async fn unblock(&self, guild_id: u64, user_id: u64) -> Result<bool, StoreError> {
        let removed = execute(
            &self.client().await?,
            "DELETE FROM blocks WHERE guild_id = $1 AND user_id = $2",
            &[&id(guild_id), &id(user_id)],
        )
        .await?;
        Ok(removed > 0)
    }

    async fn block_of(&self, guild_id: u64, user_id: u64, now: DateTime<Utc>) -> Result<Option<Block>, StoreError> {
        let row = query_opt(
            &self.client().await?,
            "SELECT until, reason FROM blocks WHERE guild_id = $1 AND user_id = $2 AND (until IS NULL OR until > $3)",
            &[&id(guild_id), &id(user_id), &millis(now)],
        )
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Block { until: get::<Option<i64>>(&row, 0)?.map(time), reason: get(&row, 1)? }))
    }
}
