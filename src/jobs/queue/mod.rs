//! Jobs as data: every admitted request is a row in the store that outlives the process, waiting in a
//! fair lane in front of its backend.
//!
//! - [`JobStore`]: the port the queue needs from storage (SQLite implements it).
//! - [`scheduler`]: who runs next (a cap per backend, round-robin over members).
//!
//! A job's life: `queued → running → generated → delivered`, or `failed` / `cancelled`. Its cost is
//! reserved in the ledger in the same transaction that queues it, committed in the same transaction that
//! records its delivered message, and released in the one that fails or cancels it; so a job is charged
//! at most once, whatever happens in between.

pub mod scheduler;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::catalogue::BackendKind;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::{Charge, InstanceId, ReserveError, StoreError};
use crate::domain::limits::Limits;
use crate::domain::request::{JobId, JobRequest};
use crate::secret::Secret;

/// Where a job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobState {
    /// Waiting for its turn.
    Queued,
    /// Its model call is under way.
    Running,
    /// Its images are in the spool, not yet delivered.
    Generated,
    /// The member has the images; the ledger is charged.
    Delivered,
    /// It ended without images; nothing charged.
    Failed,
    /// The member or a moderator withdrew it; nothing charged.
    Cancelled,
}

impl JobState {
    /// The value stored.
    pub fn key(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Generated => "generated",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
            Self::Cancelled => "cancelled",
        }
    }

    /// Parses [`Self::key`] (an unknown value reads as failed).
    pub fn from_key(key: &str) -> Self {
        [Self::Queued, Self::Running, Self::Generated, Self::Delivered, Self::Cancelled]
            .into_iter()
            .find(|s| s.key() == key)
            .unwrap_or(Self::Failed)
    }

    /// Whether nothing will happen to the job any more.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Delivered | Self::Failed | Self::Cancelled)
    }
}

/// How to reach the member about a job: the interaction's token while it lasts (15 minutes), then the
/// job's channel, then a direct message.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    /// The interaction token: a secret, stored but never logged.
    pub token: Secret,
    /// When Discord stops taking the token.
    pub expires_at: DateTime<Utc>,
}

/// What a generated job produced, kept with it until delivery.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StoredResult {
    /// The images' file names in the spool, in order.
    pub files: Vec<String>,
    /// The prompt the model actually used, when it rewrote it.
    pub revised_prompt: Option<String>,
    /// What it cost, USD.
    pub cost_usd: f64,
    /// Whether the cost was settled from the provider's token usage.
    pub from_usage: bool,
    /// The seed of each image, when the provider said.
    #[serde(default)]
    pub seeds: Vec<i64>,
    /// The real parameters the provider used, when it said.
    #[serde(default)]
    pub details: Option<String>,
    /// `/describe`'s prompt suggestions, kept for its Use buttons and `/show`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

/// A job as the store keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredJob {
    /// What was asked, as typed (the job id is `request.id`).
    pub request: JobRequest,
    /// The backend whose lane it waits in.
    pub backend: BackendKind,
    /// Where it is in its life.
    pub state: JobState,
    /// How many times it started running.
    pub attempts: u32,
    /// How to reach the member.
    pub ticket: Ticket,
    /// What it produced, once generated.
    pub result: Option<StoredResult>,
    /// The message holding its images, once delivered.
    pub message_id: Option<u64>,
    /// That message's channel.
    pub channel_id: Option<u64>,
}

impl StoredJob {
    /// A job just admitted: queued, never run.
    pub fn queued(request: JobRequest, backend: BackendKind, ticket: Ticket) -> Self {
        Self {
            request,
            backend,
            state: JobState::Queued,
            attempts: 0,
            ticket,
            result: None,
            message_id: None,
            channel_id: None,
        }
    }
}

/// Which run of a job a process holds: its owner and the attempt it started. Every state change a run
/// makes after its model call carries it, so a process that lost the job (paused past its lease while
/// another took the job over) can neither record, post nor charge it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fence {
    /// The process running the job.
    pub owner: InstanceId,
    /// The attempt it started (the job's `attempts` when it did).
    pub attempt: u32,
}

/// An unfinished job some process owns, as `JobStore::owned` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedJob {
    /// The job.
    pub job_id: JobId,
    /// Its state (queued, running or generated).
    pub state: JobState,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// What [`JobStore::start_capped`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The job runs now; its attempts so far.
    Started(u32),
    /// The job was no longer queued (cancelled, or taken by another process).
    Gone,
    /// The backend already runs `cap` jobs across the bot: the job stays queued.
    Full,
}

/// The queue's caps on waiting jobs, checked in the admission transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueCaps {
    /// Waiting jobs of one server.
    pub per_guild: u32,
    /// Waiting jobs of the whole bot.
    pub total: u32,
}

/// A job that ended without images, as [`JobStore::latest_failure`] finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The job's id.
    pub job_id: String,
    /// What the member was told.
    pub reason: String,
    /// Whether the job's answer was for the member alone.
    pub private: bool,
    /// When it ended.
    pub at: DateTime<Utc>,
}

/// Whether a stored request (JSON) was private.
pub fn was_private(request: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(request).is_ok_and(|r| r["private"] == true)
}

/// The storage the queue needs. Every state change is a compare-and-set: it happens only from the
/// states named, so two processes (or a click racing a runner) cannot both move a job.
#[async_trait]
pub trait JobStore: Send + Sync {
    /// Checks the limits and the queue caps, reserves the cost and queues the job, as ONE atomic
    /// step. MUST refuse with [`ReserveError::QueueFull`] when a cap is reached.
    async fn enqueue(
        &self,
        job: &StoredJob,
        charge: &Charge,
        limits: &Limits,
        exempt: bool,
        caps: QueueCaps,
        now: DateTime<Utc>,
    ) -> Result<(), ReserveError>;

    /// `queued → running` for `owner`, counting an attempt. Returns the attempts so far, or `None` when
    /// the job was not queued (cancelled meanwhile, or taken by another process).
    async fn start(&self, job_id: &JobId, owner: &InstanceId, now: DateTime<Utc>) -> Result<Option<u32>, StoreError>;

    /// As [`Self::start`], but only while fewer than `cap` jobs of `backend` run across every process
    /// sharing the store, checked and changed as ONE atomic step: a backend's concurrency cap holds for
    /// the whole bot, not per process. With `fair`, also only when no other member with a queued job on
    /// `backend` had their last start there longer ago (never counts as longest): the round-robin over
    /// members holds across processes, and the member's start is recorded for that order.
    async fn start_capped(
        &self,
        job_id: &JobId,
        owner: &InstanceId,
        backend: BackendKind,
        cap: u32,
        fair: bool,
        now: DateTime<Utc>,
    ) -> Result<Start, StoreError>;

    /// `running → queued` (a retry after an interrupted attempt).
    async fn requeue(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<bool, StoreError>;

    /// `running → generated`, keeping what it produced, only while `fence` still holds the job (its
    /// owner and attempt unchanged): MUST return false for a run that lost the job.
    async fn generated(
        &self,
        job_id: &JobId,
        fence: &Fence,
        result: &StoredResult,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    /// `generated → delivered` while `fence` holds the job: records the delivered message and commits
    /// the ledger at the real cost, in ONE transaction, so a resumed job that finds it delivered never
    /// delivers or charges again. `place` is the delivered message and its channel.
    async fn delivered(
        &self,
        job_id: &JobId,
        fence: &Fence,
        place: (Option<u64>, Option<u64>),
        images: u32,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    /// Whether `fence` still holds the job (running or generated, same owner and attempt): asked right
    /// before a result is posted, so a process that lost the job does not post it.
    async fn holds(&self, job_id: &JobId, fence: &Fence) -> Result<bool, StoreError>;

    /// Any unfinished state `→ failed`, releasing the reservation in the same transaction: the member
    /// pays nothing. `spent` is what the provider billed when the model call had returned (its usage, or
    /// the estimate): it is added to the owner's spend for the month in the same transaction.
    async fn fail(
        &self,
        job_id: &JobId,
        reason: &str,
        spent: Option<f64>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    /// `queued` or `running → cancelled`. A queued job's reservation is released (it cost nothing); a
    /// running job's model call has started and the provider bills it, so its reservation is committed
    /// at the estimate, images included: it counts for the member and the server (cooldown, images and
    /// budgets) and for the owner's month like a delivered one. Returns the state it was cancelled from,
    /// or `None` when it had already moved on.
    async fn cancel(&self, job_id: &JobId, now: DateTime<Utc>) -> Result<Option<JobState>, StoreError>;

    /// The unfinished jobs `owner` holds, so a process can find its own rows that no task is working on
    /// (a state write that failed) and settle or resume them.
    async fn owned(&self, owner: &InstanceId) -> Result<Vec<OwnedJob>, StoreError>;

    /// Removes the prompt text and links of finished jobs created before `cutoff` (the member's words
    /// are kept no longer than the owner's retention period); returns how many jobs.
    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError>;

    /// A job by id.
    async fn job(&self, job_id: &JobId) -> Result<Option<StoredJob>, StoreError>;

    /// The member's latest job in a server that ended without images since `since`: its id, the words
    /// they were told, whether it was private, and when (for `/usage`, where a private job's failure is
    /// kept when it could not reach them privately).
    async fn latest_failure(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        since: DateTime<Utc>,
    ) -> Result<Option<Failure>, StoreError>;

    /// The member's newest job that is queued or running.
    async fn latest_active(&self, guild_id: Option<ServerId>, user_id: MemberId) -> Result<Option<JobId>, StoreError>;

    /// Takes over every unfinished job whose owner's heartbeat is older than `lease` (or that has no
    /// owner): they become `owner`'s, reservations included. Returns them, oldest first.
    async fn take_over(
        &self,
        owner: &InstanceId,
        lease: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredJob>, StoreError>;
}
