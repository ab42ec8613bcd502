//! The ledger port: reservations and charges against every limit, run-time limit settings and blocks,
//! implemented by each store adapter. Several processes may share one store: each reservation names
//! the process that made it ([`InstanceId`]), each process keeps a heartbeat, and only the reservations
//! of a process whose heartbeat stopped are released ([`Store::release_orphans`]).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::ids::{MemberId, ServerId};
use crate::domain::limits::{Block, LimitName, LimitRefusal, Limits, Override, Scope, Usage};
use crate::domain::request::JobId;

/// The ledger's member for what a server pays itself (approved community requests): only the server's
/// and the bot's budgets apply to it, never a member's own limits.
pub const SERVER_ACCOUNT: u64 = 0;

/// The store failed (disk, corruption, a lock held too long): an internal fault, never the member's.
/// The cause is kept for the owner's log.
#[derive(Debug, thiserror::Error)]
#[error("the store failed")]
pub struct StoreError(#[source] pub Box<dyn std::error::Error + Send + Sync>);

/// One running Easel process, as the owner of the reservations it makes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InstanceId(pub String);

impl InstanceId {
    /// A new id for this process: its host, pid and start time (`host/pid/nanos`), unique among
    /// processes sharing a store.
    pub fn generate() -> Self {
        let started = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        Self(format!("{}/{}/{}", this_host(), std::process::id(), started.as_nanos()))
    }

    /// Whether this id names a process on this machine that is certainly gone: same host, and no
    /// process with its pid (Linux's `/proc`). Anything else (another machine, a pid in use, no `/proc`)
    /// is left to the heartbeat lease.
    pub fn is_gone_here(&self) -> bool {
        let mut parts = self.0.split('/');
        let (Some(host), Some(pid)) = (parts.next(), parts.next()) else { return false };
        let proc_root = std::path::Path::new("/proc/self");
        host == this_host()
            && proc_root.exists()
            && pid
                .parse::<u32>()
                .is_ok_and(|pid| pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists())
    }
}

/// This machine's name, as the kernel reports it (`localhost` when it cannot be read).
fn this_host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().replace('/', "-"))
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_owned())
}

impl std::fmt::Display for InstanceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a reservation was not made.
#[derive(Debug, thiserror::Error)]
pub enum ReserveError {
    /// A limit does not leave room for the job.
    #[error("limit reached: {0}")]
    Limit(LimitRefusal),
    /// The same job id was reserved before (Discord redelivered the interaction).
    #[error("job {0} was already admitted")]
    Duplicate(String),
    /// The queue of the server (or of the whole bot) is full.
    #[error("the queue is full: {waiting} jobs waiting")]
    QueueFull {
        /// Jobs waiting where the cap was reached.
        waiting: u32,
        /// Whether it is the whole bot's queue rather than the server's.
        whole_bot: bool,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A job's claim on the member's limits, recorded when it is admitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Charge {
    /// The job, whose (the server's own account for an approved community request) and where.
    pub tag: crate::domain::request::JobTag,
    /// Images asked for.
    pub images: u32,
    /// The catalogue's estimate, USD.
    pub usd: f64,
    /// The process holding the reservation.
    pub owner: InstanceId,
}

/// What a job's ledger row says now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerState {
    /// Admitted, cost held.
    Reserved,
    /// Delivered and charged.
    Committed,
    /// Failed; nothing charged.
    Released,
}

/// The ledger port: reservations and charges, the limits set at run time, and blocks. What limits and
/// admission need from storage (moderation's needs are `moderation::ModerationStore`, the queue's
/// `queue::JobStore`; SQLite implements all three).
#[async_trait]
pub trait Store: Send + Sync {
    /// Checks `limits` for `charge` against the ledger at `now` and, if it fits, records a reservation,
    /// as ONE atomic step: two concurrent calls MUST NOT both pass a limit only one of them fits.
    async fn reserve(
        &self,
        charge: &Charge,
        limits: &Limits,
        exempt: bool,
        now: DateTime<Utc>,
    ) -> Result<(), ReserveError>;

    /// Charges a reserved job at its real cost for the images delivered. A job not reserved is left alone.
    async fn commit(&self, job_id: &JobId, cost_usd: f64, images: u32, now: DateTime<Utc>) -> Result<(), StoreError>;

    /// Frees a reserved job's claim: nothing is charged. MUST be harmless for a job already settled.
    async fn release(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<(), StoreError>;

    /// Records that `instance` is alive at `now`. Called at start-up and then well within each lease.
    async fn heartbeat(&self, instance: &InstanceId, now: DateTime<Utc>) -> Result<(), StoreError>;

    /// Releases the reservations of every process whose heartbeat is older than `lease` (it crashed or
    /// was killed), and of none other: a live process's reservations MUST be left alone. Returns how many.
    async fn release_orphans(&self, lease: chrono::Duration, now: DateTime<Utc>) -> Result<usize, StoreError>;

    /// The processes with a heartbeat on record.
    async fn instances(&self) -> Result<Vec<InstanceId>, StoreError>;

    /// Forgets a process known to be gone, so its jobs and reservations are taken over at once rather
    /// than after its lease.
    async fn forget(&self, instance: &InstanceId) -> Result<(), StoreError>;

    /// A clean stop: releases `instance`'s remaining reservations and forgets its heartbeat.
    async fn retire(&self, instance: &InstanceId, now: DateTime<Utc>) -> Result<usize, StoreError>;

    /// What a member, their guild and the bot have used at `now`.
    async fn usage(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        now: DateTime<Utc>,
    ) -> Result<Usage, StoreError>;

    /// A job's ledger state, if it was ever admitted.
    async fn ledger_state(&self, job_id: &JobId) -> Result<Option<LedgerState>, StoreError>;

    /// A guild's run-time limit settings.
    async fn overrides(&self, guild_id: ServerId) -> Result<Vec<Override>, StoreError>;

    /// Sets one limit for a scope of a guild (`value` `None`: no limit).
    async fn set_override(
        &self,
        guild_id: ServerId,
        scope: Scope,
        name: LimitName,
        value: Option<f64>,
    ) -> Result<(), StoreError>;

    /// Removes a scope's settings (all of the guild's when `scope` is `None`); returns how many.
    async fn clear_overrides(&self, guild_id: ServerId, scope: Option<Scope>) -> Result<usize, StoreError>;

    /// Blocks a member in a guild.
    async fn block(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        block: &Block,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Lifts a block; returns whether there was one.
    async fn unblock(&self, guild_id: ServerId, user_id: MemberId) -> Result<bool, StoreError>;

    /// The member's block in force at `now`, if any.
    async fn block_of(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        now: DateTime<Utc>,
    ) -> Result<Option<Block>, StoreError>;
}
