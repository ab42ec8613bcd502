//! The SQLite store: one embedded database file, migrated by the binary at start-up.
//!
//! One connection behind a std `Mutex`, used only on the blocking pool: SQLite serialises writers
//! anyway, and holding the lock for a whole `BEGIN IMMEDIATE` transaction is what makes "check the
//! limits, then reserve" atomic within this process. `IMMEDIATE` (a write lock from the start) keeps it
//! atomic against another process on the same file too.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, TransactionBehavior};

mod alerts;
mod jobs;
mod moderation;
mod report;
mod requests;
mod settings;

use super::sql::ledger::{self as sql, COUNTED};
use super::sql::{fail, millis, time, Columns};
use super::{Block, Charge, InstanceId, LedgerState, ReserveError, Store, StoreError};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::limits::{self, Ask, LimitName, Limits, Override, Scope, Usage};
use crate::domain::request::JobId;

/// Numbered migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: [&str; 10] = [
    include_str!("../../../migrations/0001_ledger.sql"),
    include_str!("../../../migrations/0002_moderation.sql"),
    include_str!("../../../migrations/0003_owners.sql"),
    include_str!("../../../migrations/0004_jobs.sql"),
    include_str!("../../../migrations/0005_owner_spend.sql"),
    include_str!("../../../migrations/0006_settings_and_results.sql"),
    include_str!("../../../migrations/0007_requests.sql"),
    include_str!("../../../migrations/0008_lane_turns.sql"),
    include_str!("../../../migrations/0009_trust.sql"),
    include_str!("../../../migrations/0010_lineage.sql"),
];

/// The SQLite-backed [`Store`].
#[derive(Clone)]
pub struct SqliteStore {
    connection: Arc<Mutex<Connection>>,
    /// One caller at a time reaches the blocking pool: the connection serves one anyway, and callers
    /// waiting here cost a small future each instead of a blocked thread (a burst of thousands of
    /// interactions would otherwise park hundreds of threads, each with its stack and allocator arena).
    turn: Arc<tokio::sync::Semaphore>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let mut connection = Connection::open(path).map_err(|e| fail(format!("{}: {}", path.display(), e)))?;
        connection.busy_timeout(std::time::Duration::from_secs(5)).map_err(fail)?;
        connection.pragma_update(None, "journal_mode", "WAL").map_err(fail)?;
        // WAL with NORMAL sync: a crash or kill of Easel loses nothing (the log is in the kernel's
        // hands); only a power cut may lose the last moments' changes, never corrupt the file. FULL
        // would wait for the disk at every commit, and a job commits several times.
        connection.pragma_update(None, "synchronous", "NORMAL").map_err(fail)?;
        migrate(&mut connection)?;
        Ok(Self { connection: Arc::new(Mutex::new(connection)), turn: Arc::new(tokio::sync::Semaphore::new(1)) })
    }

    /// Runs `work` with the connection on the blocking pool.
    ///
    /// A panic inside `work` cannot take the store down: an open transaction is rolled back as it
    /// unwinds (rusqlite's `Transaction` drops to a rollback), the caller gets an error, and a lock
    /// left poisoned is taken over as it is, since the connection holds no half-done state after that.
    async fn with<T: Send + 'static, E: From<StoreError> + Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E> {
        let connection = Arc::clone(&self.connection);
        let turn = Arc::clone(&self.turn).acquire_owned().await.map_err(|e| E::from(fail(e)))?;
        tokio::task::spawn_blocking(move || {
            let mut guard = connection.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let result = work(&mut guard);
            drop(turn);
            result
        })
        .await
        .map_err(|e| E::from(fail(e)))?
    }
}

/// Runs `sql` and maps every row with `map` (a mapping shared with Postgres, in `sql`).
fn all<T>(
    c: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    map: impl Fn(&dyn Columns) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut statement = c.prepare_cached(sql).map_err(fail)?;
    let mut rows = statement.query(params).map_err(fail)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(fail)? {
        out.push(map(row)?);
    }
    Ok(out)
}

/// Runs `sql` and maps its first row, if any, with `map` (a mapping shared with Postgres, in `sql`).
fn first<T>(
    c: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    map: impl Fn(&dyn Columns) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    let mut statement = c.prepare_cached(sql).map_err(fail)?;
    let mut rows = statement.query(params).map_err(fail)?;
    rows.next().map_err(fail)?.map(|row| map(row)).transpose()
}

fn migrate(connection: &mut Connection) -> Result<(), StoreError> {
    let done: usize = connection.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(fail)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        let tx = connection.transaction().map_err(fail)?;
        tx.execute_batch(sql).map_err(|e| fail(format!("migration {}: {e}", index + 1)))?;
        tx.pragma_update(None, "user_version", index + 1).map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
    Ok(())
}

fn read_usage(c: &Connection, guild: Option<u64>, user: u64, now: DateTime<Utc>) -> rusqlite::Result<Usage> {
    let guild = guild.map(|g| g as i64);
    let user = user as i64;
    let day = millis(limits::day_start(now));
    let last_request: Option<i64> = c.query_row(
        &format!("SELECT MAX(created_at) FROM ledger WHERE guild_id IS ?1 AND user_id = ?2 AND {COUNTED}"),
        params![guild, user],
        |r| r.get(0),
    )?;
    let in_flight: u32 = c.query_row(
        "SELECT COUNT(*) FROM ledger WHERE guild_id IS ?1 AND user_id = ?2 AND state = 'reserved'",
        params![guild, user],
        |r| r.get(0),
    )?;
    let (user_images, user_usd, user_oldest): (u32, f64, Option<i64>) = c.query_row(
        &format!(
            "SELECT COALESCE(SUM(images), 0), COALESCE(SUM(COALESCE(cost_usd, reserved_usd)), 0), MIN(created_at)
             FROM ledger WHERE guild_id IS ?1 AND user_id = ?2 AND created_at > ?3 AND {COUNTED}"
        ),
        params![guild, user, day],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let (guild_usd, guild_oldest): (f64, Option<i64>) = c.query_row(
        &format!(
            "SELECT COALESCE(SUM(COALESCE(cost_usd, reserved_usd)), 0), MIN(created_at)
             FROM ledger WHERE guild_id IS ?1 AND created_at > ?2 AND {COUNTED}"
        ),
        params![guild, day],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let global_usd: f64 = c.query_row(
        &format!(
            "SELECT (SELECT COALESCE(SUM(COALESCE(cost_usd, reserved_usd)), 0) FROM ledger
                     WHERE created_at >= ?1 AND {COUNTED})
                  + (SELECT COALESCE(SUM(usd), 0) FROM owner_spend WHERE created_at >= ?1)"
        ),
        params![millis(limits::month_start(now))],
        |r| r.get(0),
    )?;
    Ok(Usage {
        last_request: last_request.map(time),
        in_flight,
        user_images,
        user_usd,
        user_oldest: user_oldest.map(time),
        guild_usd,
        guild_oldest: guild_oldest.map(time),
        global_usd,
        cancelled_images: 0,
        cancelled_usd: 0.0,
    })
}

/// Checks the limits for `charge` and records its reservation, inside the caller's transaction (which
/// MUST be `IMMEDIATE`, so the check and the write are one step against every process).
fn reserve_in(
    tx: &rusqlite::Transaction<'_>,
    charge: &Charge,
    limits: &Limits,
    exempt: bool,
    now: DateTime<Utc>,
) -> Result<(), ReserveError> {
    let charged: u32 = tx.query_row(sql::CHARGED, [&charge.tag.job_id], |r| r.get(0)).map_err(fail)?;
    if charged > 0 {
        return Err(ReserveError::Duplicate(charge.tag.job_id.clone()));
    }
    let usage = read_usage(tx, charge.tag.guild_id, charge.tag.user_id, now).map_err(fail)?;
    limits::check(limits, &usage, Ask { images: charge.images, usd: charge.usd }, now, exempt)
        .map_err(ReserveError::Limit)?;
    tx.execute(
        sql::RESERVE,
        params![
            charge.tag.job_id,
            charge.tag.guild_id.map(|g| g as i64),
            charge.tag.channel_id as i64,
            charge.tag.user_id as i64,
            charge.tag.command,
            charge.tag.model,
            charge.images,
            charge.usd,
            millis(now),
            charge.owner.0
        ],
    )
    .map_err(fail)?;
    Ok(())
}

/// Charges a reserved job at its real cost, inside the caller's connection or transaction; a job not
/// reserved is left alone.
fn commit_in(c: &Connection, job_id: &str, cost_usd: f64, images: u32, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    c.execute(sql::COMMIT, params![job_id, cost_usd, images, millis(now)])
}

/// Frees a reserved job's claim (nothing charged), inside the caller's connection or transaction.
fn release_in(c: &Connection, job_id: &str, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    c.execute(sql::RELEASE, params![job_id, millis(now)])
}

#[async_trait]
impl Store for SqliteStore {
    async fn reserve(
        &self,
        charge: &Charge,
        limits: &Limits,
        exempt: bool,
        now: DateTime<Utc>,
    ) -> Result<(), ReserveError> {
        let charge = charge.clone();
        let limits = *limits;
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            reserve_in(&tx, &charge, &limits, exempt, now)?;
            tx.commit().map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn commit(&self, job_id: &JobId, cost_usd: f64, images: u32, now: DateTime<Utc>) -> Result<(), StoreError> {
        let job_id = job_id.as_str();
        let job_id = job_id.to_owned();
        self.with(move |c| commit_in(c, &job_id, cost_usd, images, now).map(|_| ()).map_err(fail)).await
    }

    async fn release(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<(), StoreError> {
        let job_id = job_id.as_str();
        let job_id = job_id.to_owned();
        self.with(move |c| release_in(c, &job_id, now).map(|_| ()).map_err(fail)).await
    }

    async fn heartbeat(&self, instance: &InstanceId, now: DateTime<Utc>) -> Result<(), StoreError> {
        let id = instance.0.clone();
        self.with(move |c| {
            c.execute(sql::HEARTBEAT, params![id, millis(now)]).map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn release_orphans(&self, lease: chrono::Duration, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let cutoff = millis(now.checked_sub_signed(lease).unwrap_or(now));
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            tx.execute(sql::FORGET_SILENT, [cutoff]).map_err(fail)?;
            let released = tx.execute(&sql::release_orphans(), params![millis(now)]).map_err(fail)?;
            tx.commit().map_err(fail)?;
            Ok(released)
        })
        .await
    }

    async fn instances(&self) -> Result<Vec<InstanceId>, StoreError> {
        self.with(|c| all(c, sql::INSTANCES, [], |r| Ok(InstanceId(r.text(0)?)))).await
    }

    async fn forget(&self, instance: &InstanceId) -> Result<(), StoreError> {
        let id = instance.0.clone();
        self.with(move |c| c.execute(sql::FORGET_INSTANCE, [id]).map(|_| ()).map_err(fail)).await
    }

    async fn retire(&self, instance: &InstanceId, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let id = instance.0.clone();
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            let released = tx.execute(&sql::retire(), params![id, millis(now)]).map_err(fail)?;
            tx.execute(sql::FORGET_INSTANCE, [&id]).map_err(fail)?;
            tx.commit().map_err(fail)?;
            Ok(released)
        })
        .await
    }

    async fn usage(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        now: DateTime<Utc>,
    ) -> Result<Usage, StoreError> {
        self.with(move |c| {
            let mut usage = read_usage(c, guild_id.map(|g| g.0), user_id.0, now).map_err(fail)?;
            let day = millis(limits::day_start(now));
            let params = params![guild_id.map(|g| g.0 as i64), user_id.0 as i64, day];
            let cancelled = first(c, sql::CANCELLED_SINCE, params, sql::cancelled)?;
            (usage.cancelled_images, usage.cancelled_usd) = cancelled.unwrap_or((0, 0.0));
            Ok(usage)
        })
        .await
    }

    async fn ledger_state(&self, job_id: &JobId) -> Result<Option<LedgerState>, StoreError> {
        let job_id = job_id.as_str();
        let job_id = job_id.to_owned();
        self.with(move |c| first(c, sql::LEDGER_STATE, [job_id], sql::ledger_state)).await
    }

    async fn overrides(&self, guild_id: ServerId) -> Result<Vec<Override>, StoreError> {
        self.with(move |c| {
            Ok(all(c, sql::OVERRIDES, [guild_id.0 as i64], sql::limit_override)?.into_iter().flatten().collect())
        })
        .await
    }

    async fn set_override(
        &self,
        guild_id: ServerId,
        scope: Scope,
        name: LimitName,
        value: Option<f64>,
    ) -> Result<(), StoreError> {
        self.with(move |c| {
            let (scope, target) = sql::scope_parts(scope);
            c.execute(sql::SET_OVERRIDE, params![guild_id.0 as i64, scope, target, name.key(), value]).map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn clear_overrides(&self, guild_id: ServerId, scope: Option<Scope>) -> Result<usize, StoreError> {
        self.with(move |c| {
            match scope {
                None => c.execute(sql::CLEAR_OVERRIDES, params![guild_id.0 as i64]),
                Some(scope) => {
                    let (scope, target) = sql::scope_parts(scope);
                    c.execute(sql::CLEAR_SCOPE_OVERRIDES, params![guild_id.0 as i64, scope, target])
                }
            }
            .map_err(fail)
        })
        .await
    }

    async fn block(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        block: &Block,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let block = block.clone();
        self.with(move |c| {
            c.execute(
                sql::BLOCK,
                params![guild_id.0 as i64, user_id.0 as i64, block.until.map(millis), block.reason, millis(now)],
            )
            .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn unblock(&self, guild_id: ServerId, user_id: MemberId) -> Result<bool, StoreError> {
        self.with(move |c| {
            c.execute(sql::UNBLOCK, params![guild_id.0 as i64, user_id.0 as i64]).map(|n| n > 0).map_err(fail)
        })
        .await
    }

    async fn block_of(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        now: DateTime<Utc>,
    ) -> Result<Option<Block>, StoreError> {
        self.with(move |c| {
            let params = params![guild_id.0 as i64, user_id.0 as i64, millis(now)];
            first(c, sql::BLOCK_OF, params, sql::block)
        })
        .await
    }
}

#[cfg(test)]
mod tests;
