//! The Postgres store: one database server shared by several Easel processes, on one machine or many.
//!
//! It implements every port the SQLite store does ([`Store`](super::Store), `JobStore`,
//! `ModerationStore`, `SettingsStore`, `RequestStore`, `AlertStore`, `ReportStore`) with the same
//! semantics and the same tables and columns (times as Unix milliseconds in `BIGINT`), so rows copy
//! between the two 1:1.
//!
//! # Exactness across processes
//! - **Admissions** ([`Store::reserve`](super::Store::reserve), `JobStore::enqueue`) check the limits
//!   and queue caps and write the reservation in ONE transaction that first takes a transaction-scoped
//!   advisory lock (`pg_advisory_xact_lock`, [`ADMISSION_LOCK`]). Admissions of every process are
//!   thereby serialised (a few milliseconds each: fine for a bot), so two callers can never both pass a
//!   limit only one fits. The transaction stays at READ COMMITTED on purpose: each statement after the
//!   lock sees everything the previous holder committed (REPEATABLE READ would take its snapshot before
//!   the lock was granted and miss it), and the usage is read by one statement, so it is one consistent
//!   snapshot. Chosen over SERIALIZABLE-with-retry because it never fails spuriously and needs no retry
//!   loop.
//! - **State changes** are compare-and-set: `UPDATE … WHERE state IN (…)`, the row count (or
//!   `RETURNING`) telling whether this caller moved it; what moves with it (the ledger, owner spend) is
//!   written in the same transaction. `cancel` reads the state under a row lock (`FOR UPDATE`) first.
//! - **Take-over** of a dead process's jobs locks them with `FOR UPDATE SKIP LOCKED`, so two processes
//!   taking over at once never take the same job.
//!
//! Both advisory locks are keyed by the current schema too, so deployments (or tests) sharing one
//! database in separate schemas never wait for each other.
//!
//! # Connections
//! A pool of [`POOL_SIZE`] connections (deadpool), over TLS when the URL's `sslmode` asks (rustls,
//! the certificate always verified: see [`tls`]), else plain, for loopback or a private network.

use std::borrow::Cow;
use std::path::Path;
use std::time::Duration;

use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, RecyclingMethod, Runtime, Transaction};
use tokio_postgres::types::{FromSql, ToSql};
use tokio_postgres::{NoTls, Row};

mod alerts;
mod jobs;
mod ledger;
mod moderation;
mod redact;
mod report;
mod requests;
mod settings;
pub mod tls;

pub use redact::redact;

use super::sql::{count, dollars, fail, millis, time, Columns};
use super::StoreError;

/// Numbered migrations, applied in order inside one transaction; `schema_migrations` records which ran.
const MIGRATIONS: [&str; 4] = [
    include_str!("../../../migrations/postgres/0001_schema.sql"),
    include_str!("../../../migrations/postgres/0002_lane_turns.sql"),
    include_str!("../../../migrations/postgres/0003_trust.sql"),
    include_str!("../../../migrations/postgres/0004_lineage.sql"),
];

/// Connections in the pool: a few admissions, job updates and reads at once, well under a server's
/// default `max_connections` (100) even with several processes.
pub const POOL_SIZE: usize = 8;

/// The advisory lock (first key) taken by migrations, so processes starting at once migrate once.
pub const MIGRATION_LOCK: i32 = 0x4561_7301;

/// The advisory lock (first key) taken by admissions, so limits are checked and reserved as one step
/// against every process.
pub const ADMISSION_LOCK: i32 = 0x4561_7302;

/// The second key of both advisory locks: the current schema, so separate schemas do not contend.
const SCHEMA_KEY: &str = "hashtext(COALESCE(current_schema(), ''))";

/// The Postgres-backed store: a pool of connections to one database, shared with other processes.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
}

/// A Postgres failure that names the server, the password masked.
#[derive(Debug, thiserror::Error)]
#[error("postgres at {url}")]
struct AtServer {
    url: String,
    #[source]
    cause: Box<dyn std::error::Error + Send + Sync>,
}

/// A Discord id as stored (its bits as a signed 64-bit number, as in SQLite).
fn id(v: u64) -> i64 {
    v as i64
}

/// Free text as Postgres can keep it: `TEXT` cannot hold NUL, which SQLite takes, so a NUL (typed by a
/// member, or in a provider's message) becomes U+FFFD instead of failing the write.
fn text(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Column `i` of `row`, or the store's error (never a panic on an unexpected type or NULL).
fn get<'a, T: FromSql<'a>>(row: &'a Row, i: usize) -> Result<T, StoreError> {
    row.try_get(i).map_err(fail)
}

/// A statement's parameter (for arrays of parameters of several types).
type Param<'a> = &'a (dyn ToSql + Sync);

/// Runs `sql` (prepared once per connection), returning the rows.
async fn query(c: &impl GenericClient, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, StoreError> {
    let statement = c.prepare_cached(&dollars(sql)).await.map_err(fail)?;
    c.query(&statement, params).await.map_err(fail)
}

/// Runs `sql`, mapping every row with `map` (a mapping shared with SQLite, in `sql`).
async fn query_map<T>(
    c: &impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
    map: impl Fn(&dyn Columns) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    query(c, sql, params).await?.iter().map(|row| map(row)).collect()
}

/// Runs `sql`, mapping its one row, if any, with `map` (a mapping shared with SQLite, in `sql`).
async fn query_first<T>(
    c: &impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
    map: impl Fn(&dyn Columns) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    query_opt(c, sql, params).await?.map(|row| map(&row)).transpose()
}

/// Runs `sql`, returning its one row if any.
async fn query_opt(
    c: &impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Option<Row>, StoreError> {
    let statement = c.prepare_cached(&dollars(sql)).await.map_err(fail)?;
    c.query_opt(&statement, params).await.map_err(fail)
}

/// Runs `sql`, returning its one row.
async fn query_one(c: &impl GenericClient, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Row, StoreError> {
    let statement = c.prepare_cached(&dollars(sql)).await.map_err(fail)?;
    c.query_one(&statement, params).await.map_err(fail)
}

/// Runs `sql`, returning how many rows it changed.
async fn execute(c: &impl GenericClient, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64, StoreError> {
    let statement = c.prepare_cached(&dollars(sql)).await.map_err(fail)?;
    c.execute(&statement, params).await.map_err(fail)
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/db?options…`, or a
    /// `key=value` string) with a pool of [`POOL_SIZE`] connections, and runs pending migrations. A
    /// failure names the server with its password masked. TLS as `sslmode` says, verified against the
    /// system's roots (see [`tls`]).
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with(url, None).await
    }

    /// As [`Self::connect`], a TLS connection verified against the certificates in `ca`
    /// (`EASEL_DATABASE_CA`) instead of the system's roots.
    pub async fn connect_with(url: &str, ca: Option<&Path>) -> Result<Self, StoreError> {
        let at = |cause: Box<dyn std::error::Error + Send + Sync>| fail(AtServer { url: redact(url), cause });
        let (plain_url, transport) = tls::transport_of(url).map_err(|e| at(e.into()))?;
        let mut config: tokio_postgres::Config = plain_url.parse().map_err(|e| at(Box::new(e)))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        if config.get_application_name().is_none() {
            config.application_name("easel");
        }
        guard(&mut config);
        let recycling = ManagerConfig { recycling_method: RecyclingMethod::Fast };
        let manager = match transport {
            tls::Transport::Plain => Manager::from_config(config, NoTls, recycling),
            tls::Transport::Verified { names } => {
                config.ssl_mode(tokio_postgres::config::SslMode::Require);
                Manager::from_config(config, tls::connector(ca, names).map_err(|e| at(e.into()))?, recycling)
            }
        };
        // Bounded waits: a server that stops answering fails calls after a while instead of hanging jobs.
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(Duration::from_secs(30)))
            .create_timeout(Some(Duration::from_secs(15)))
            .recycle_timeout(Some(Duration::from_secs(5)))
            .build()
            .map_err(|e| at(Box::new(e)))?;
        migrate(&pool).await.map_err(|e| at(Box::new(e)))?;
        Ok(Self { pool })
    }

    /// Whether this store's connections are encrypted (TLS), as the server reports it: what `easel
    /// check` and the start-up log say of the database.
    pub async fn encrypted(&self) -> Result<bool, StoreError> {
        let sql = "SELECT COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)";
        let row = self.client().await?.query_one(sql, &[]).await.map_err(fail)?;
        Ok(row.get(0))
    }

    /// A connection from the pool.
    pub(crate) async fn client(&self) -> Result<deadpool_postgres::Client, StoreError> {
        self.pool.get().await.map_err(fail)
    }
}

/// How long one statement may run, a lock be waited for, or a transaction sit idle, on every connection:
/// one stalled process (or a statement stuck behind it) then fails its call instead of freezing every
/// process waiting for the admission lock.
pub const SESSION_LIMITS: &str =
    "-c statement_timeout=30000 -c lock_timeout=10000 -c idle_in_transaction_session_timeout=30000";

/// Bounds every connection: [`SESSION_LIMITS`] (after any options the URL gives, which may override
/// them) and TCP keepalives, so a server or process that vanished is noticed in about a minute.
fn guard(config: &mut tokio_postgres::Config) {
    let options = match config.get_options() {
        Some(given) if !given.trim().is_empty() => format!("{SESSION_LIMITS} {given}"),
        _ => SESSION_LIMITS.to_owned(),
    };
    config.options(options);
    config.keepalives(true);
    config.keepalives_idle(Duration::from_secs(30));
    config.keepalives_interval(Duration::from_secs(10));
    config.keepalives_retries(3);
}

/// Applies the pending migrations in one transaction, under [`MIGRATION_LOCK`], so processes starting
/// at once migrate once and a failed migration leaves nothing half-done.
async fn migrate(pool: &Pool) -> Result<(), StoreError> {
    let mut client = pool.get().await.map_err(fail)?;
    let tx = client.transaction().await.map_err(fail)?;
    tx.batch_execute(&format!(
        "SELECT pg_advisory_xact_lock({MIGRATION_LOCK}, {SCHEMA_KEY});
         CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY);"
    ))
    .await
    .map_err(fail)?;
    let done: Vec<i32> = tx
        .query("SELECT version FROM schema_migrations", &[])
        .await
        .map_err(fail)?
        .iter()
        .map(|r| get(r, 0))
        .collect::<Result<_, _>>()?;
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let version = i32::try_from(index + 1).map_err(fail)?;
        if done.contains(&version) {
            continue;
        }
        tx.batch_execute(sql).await.map_err(|e| fail(format!("migration {version}: {}", describe(&e))))?;
        tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&version]).await.map_err(fail)?;
    }
    tx.commit().await.map_err(fail)
}

/// A Postgres error with the server's own message (tokio-postgres's `Display` says only "db error").
fn describe(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.code().code(), db.message()),
        None => e.to_string(),
    }
}

/// Serialises admissions of every process on this schema until the caller's transaction ends.
async fn admission_lock(tx: &Transaction<'_>) -> Result<(), StoreError> {
    execute(tx, &format!("SELECT pg_advisory_xact_lock({ADMISSION_LOCK}, {SCHEMA_KEY})"), &[]).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_in_free_text_is_replaced_and_other_text_is_kept_as_it_is() {
        assert_eq!(text("a\0fox\0"), "a\u{FFFD}fox\u{FFFD}");
        assert!(matches!(text("a fox 🦊"), Cow::Borrowed("a fox 🦊")));
    }
}
