//! The life of a job after admission: it waits its turn in a fair lane, runs, is spooled, delivered
//! exactly once and settled; or fails or is cancelled, costing nothing. A restarted process takes over
//! what a stopped one left, from the store.
//!
//! - [`Courier`]: the port that reaches the member (the Discord adapter implements it).
//! - `intake`: acknowledged requests admitted by a few workers and queued.
//! - [`progress`]: where a waiting or running job stands, shown in the member's message.
//! - `cancel`: the requester or a moderator withdraws a job.
//! - [`show`]: `/show` finds a delivered result again.
//! - [`iterate`]: the buttons under a result make new requests from the stored job.
//! - [`kept`]: pictures Easel keeps for members (saved styles' references).
//! - `recovery`: taking over what a stopped process left; the graceful stop.

pub mod admission;
mod alerts;
mod cancel;
pub mod error;
mod intake;
pub mod iterate;
pub mod kept;
pub mod progress;
pub mod queue;
mod recovery;
mod run;
pub mod runner;
pub mod show;
pub mod telemetry;
#[cfg(test)]
mod tests;

pub use cancel::{CancelOutcome, Canceller};

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use async_trait::async_trait;
use tokio::sync::{mpsc, Notify};
use tokio::task::AbortHandle;
use tokio_util::task::TaskTracker;
use tracing::{error, info, warn, Instrument};

use crate::community::moderation::{self, AuditEntry, Moderation};
use crate::domain::catalogue::BackendKind;
use crate::domain::clock::Clock;
use crate::domain::ledger::InstanceId;
use crate::domain::request::{JobId, JobRequest, JobSpec};
use crate::jobs::admission::Admission;
use crate::jobs::queue::scheduler::{Scheduler, Waiting};
use crate::jobs::queue::{JobStore, StoredJob};
use crate::jobs::runner::{FinishedJob, Runner};
use crate::jobs::telemetry::Metrics;
use crate::media::spool::Spool;
use error::JobError;

/// Where a delivered job can be found afterwards (for the moderation log).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Receipt {
    /// The message holding the images.
    pub message_id: Option<u64>,
    /// The channel of that message (the job's own, or a direct message).
    pub channel_id: Option<u64>,
    /// The attachments' URLs as the platform serves them.
    pub attachment_urls: Vec<String>,
}

/// Why a delivery failed, with its cause (Discord's answer, a network error) kept for the log.
pub type DeliveryError = Box<dyn std::error::Error + Send + Sync>;

/// Reaches the member about a job.
#[async_trait]
pub trait Courier: Send + Sync {
    /// Shows where a job stands in the member's (deferred) message, with a Cancel button when
    /// `cancellable`, and `preview` (a small JPEG of the picture taking shape) under it when given; a
    /// message no longer `cancellable` (the job ended) loses its preview. Does nothing once the
    /// interaction's token has expired.
    async fn progress(
        &self,
        job: &StoredJob,
        status: &progress::Status,
        cancellable: bool,
        preview: Option<&[u8]>,
    ) -> Result<(), DeliveryError>;

    /// Delivers every image of `finished`. MUST return an error unless all images reached the member (a
    /// member is never charged for an image they did not get). Edits the member's message while the
    /// token lasts; after that posts in the job's channel mentioning the member, and failing that sends a
    /// direct message.
    async fn deliver(&self, job: &StoredJob, spec: &JobSpec, finished: &FinishedJob) -> Result<Receipt, DeliveryError>;

    /// Tells the member privately why a job delivered nothing.
    async fn explain(&self, job: &StoredJob, failure: &JobError);

    /// The sentence `job`'s member reads for `failure`, as this adapter words it (in their language):
    /// recorded with the failed job, so `/usage` can show what they were told.
    fn failure_words(&self, job: &StoredJob, failure: &JobError) -> String;
}

/// How jobs are run.
#[derive(Debug, Clone, Copy)]
pub struct JobsPolicy {
    /// How many times a job may start running (an interrupted attempt counts).
    pub max_attempts: u32,
    /// How long running jobs may go on after a shutdown signal.
    pub grace: Duration,
    /// How long a process's heartbeat counts; past it, its jobs are taken over.
    pub lease: chrono::Duration,
    /// How long delivered images stay in the spool for `/show`.
    pub keep: Duration,
    /// Whether several processes share the store (Postgres): then whose turn it is comes from the store,
    /// so the round-robin over members holds across them.
    pub shared_store: bool,
    /// How often at most a running job's message shows a fresh preview (`None`: never).
    pub preview_every: Option<Duration>,
}

/// The jobs of this process.
pub struct Jobs {
    store: Arc<dyn JobStore>,
    admission: Arc<Admission>,
    runner: Arc<Runner>,
    scheduler: Scheduler,
    spool: Spool,
    clock: Arc<dyn Clock>,
    instance: InstanceId,
    moderation: Option<Arc<Moderation>>,
    policy: JobsPolicy,
    courier: OnceLock<Arc<dyn Courier>>,
    /// Wakes the dispatchers when a job is queued or a place frees up.
    wake: Notify,
    /// Every task running a job, so shutdown can wait for them.
    tasks: TaskTracker,
    /// Running jobs' tasks (and deliveries from the spool), so a cancel can stop one and
    /// [`Jobs::reconcile`] knows which of this process's jobs have a task working on them.
    running: Mutex<HashMap<JobId, AbortHandle>>,
    /// State changes the store refused even after retries, until [`Jobs::reconcile`] writes them.
    unsettled: Mutex<HashMap<JobId, run::Unsettled>>,
    accepting: AtomicBool,
    board: progress::Board,
    metrics: Arc<Metrics>,
    spend: Option<Arc<crate::community::spend::SpendWatch>>,
    /// Requests acknowledged and waiting for admission: small (the request and its ticket), so a burst
    /// of thousands holds little memory while the database admits them one by one.
    admissions: (
        mpsc::UnboundedSender<intake::Acknowledged>,
        Arc<tokio::sync::Mutex<mpsc::UnboundedReceiver<intake::Acknowledged>>>,
    ),
}

/// What the adapter needs to build [`Jobs`].
pub struct JobsParts {
    /// The queue's storage.
    pub store: Arc<dyn JobStore>,
    /// Admission (re-checks stored requests against the catalogue).
    pub admission: Arc<Admission>,
    /// The model calls.
    pub runner: Arc<Runner>,
    /// The lanes.
    pub scheduler: Scheduler,
    /// Where generated images wait.
    pub spool: Spool,
    /// The time.
    pub clock: Arc<dyn Clock>,
    /// This process.
    pub instance: InstanceId,
    /// The audit log.
    pub moderation: Option<Arc<Moderation>>,
    /// How jobs are run.
    pub policy: JobsPolicy,
    /// What is counted for `/metrics`.
    pub metrics: Arc<Metrics>,
    /// The budgets' spend alerts, when watched.
    pub spend: Option<Arc<crate::community::spend::SpendWatch>>,
}

impl Jobs {
    /// The jobs of this process; nothing runs until [`Jobs::start`].
    pub fn new(parts: JobsParts) -> Arc<Self> {
        let JobsParts {
            store,
            admission,
            runner,
            scheduler,
            spool,
            clock,
            instance,
            moderation,
            policy,
            metrics,
            spend,
        } = parts;
        Arc::new(Self {
            store,
            admission,
            runner,
            scheduler,
            spool,
            clock,
            instance,
            moderation,
            policy,
            courier: OnceLock::new(),
            wake: Notify::new(),
            tasks: TaskTracker::new(),
            running: Mutex::new(HashMap::new()),
            unsettled: Mutex::new(HashMap::new()),
            accepting: AtomicBool::new(true),
            board: progress::Board::default(),
            metrics,
            spend,
            admissions: {
                let (send, receive) = mpsc::unbounded_channel();
                (send, Arc::new(tokio::sync::Mutex::new(receive)))
            },
        })
    }

    /// What is counted for `/metrics`, with the queue lengths as they are now.
    pub fn metrics(&self) -> &Metrics {
        for kind in BackendKind::ALL {
            self.metrics.queue_length(kind.key(), self.scheduler.len(kind));
        }
        &self.metrics
    }

    /// Each configured backend's state: `up`, `down` (failing) or `tripped` (its breaker is open).
    pub fn backends(&self) -> Vec<(BackendKind, &'static str)> {
        BackendKind::ALL.into_iter().filter_map(|kind| Some((kind, self.runner.health(kind)?))).collect()
    }

    /// Whether prompts are translated into English for models that read English only.
    pub fn translates_prompts(&self) -> bool {
        self.runner.translates()
    }

    /// Admission, for the adapter's checks and `/usage`.
    pub fn admission(&self) -> &Admission {
        &self.admission
    }

    /// Starts the dispatchers and the progress board with `courier`, and takes over what stopped
    /// processes left. Called once, when Discord is connected.
    pub fn start(self: &Arc<Self>, courier: Arc<dyn Courier>) {
        if self.courier.set(courier).is_err() {
            return;
        }
        for kind in BackendKind::ALL {
            let jobs = Arc::clone(self);
            tokio::spawn(async move { jobs.dispatch(kind).await });
        }
        let jobs = Arc::clone(self);
        tokio::spawn(async move { progress::show(jobs).await });
        for _ in 0..intake::ADMISSION_WORKERS {
            let jobs = Arc::clone(self);
            tokio::spawn(async move { jobs.admit_waiting().await });
        }
        let jobs = Arc::clone(self);
        tokio::spawn(async move { jobs.take_over().await });
        let jobs = Arc::clone(self);
        tokio::spawn(async move { jobs.prune_kept().await });
    }

    /// Removes delivered images older than the keep period, hourly.
    async fn prune_kept(self: Arc<Self>) {
        let mut hourly = tokio::time::interval(Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            let pruned = self.spool.prune(self.policy.keep).await;
            if pruned > 0 {
                info!(files = pruned, "removed delivered images past the keep period");
            }
        }
    }

    fn courier(&self) -> Option<&Arc<dyn Courier>> {
        self.courier.get()
    }

    /// Starts the jobs of one lane as places free up, while its backend's breaker allows.
    async fn dispatch(self: Arc<Self>, kind: BackendKind) {
        loop {
            let woken = self.wake.notified();
            if !self.accepting.load(Ordering::SeqCst) {
                return;
            }
            if self.scheduler.len(kind) > 0 && self.runner.breaker(kind).allow(self.clock.now()) {
                while let Some(waiting) = self.scheduler.next(kind) {
                    self.launch(kind, waiting);
                }
            }
            // A breaker's cool-off ends without anybody waking us: look again every second.
            let _ = tokio::time::timeout(Duration::from_secs(1), woken).await;
        }
    }

    /// Runs one job in its own task, tracked for shutdown and abortable by a cancel. Whatever happens to
    /// the task (an error, a panic), the lane's place is freed and the member is answered.
    fn launch(self: &Arc<Self>, kind: BackendKind, waiting: Waiting) {
        let Waiting { job_id, member } = waiting;
        let job_id = JobId::from(job_id);
        let jobs = Arc::clone(self);
        let id = job_id.clone();
        let span = self.board.span(job_id.as_str()).unwrap_or_else(|| tracing::info_span!("job", id = %job_id));
        let task = tokio::spawn(async move { jobs.run(&id, kind).await }.instrument(span));
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(job_id.clone(), task.abort_handle());
        let jobs = Arc::clone(self);
        self.tasks.spawn(async move {
            let ended = task.await;
            let idle = {
                let mut running = jobs.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                running.remove(&job_id);
                running.is_empty()
            };
            jobs.scheduler.finished(kind, member);
            jobs.wake.notify_waiters();
            if idle && jobs.scheduler.is_empty() {
                crate::memory::give_back();
            }
            if let Err(e) = ended {
                if e.is_panic() {
                    jobs.fail_by_id(&job_id, JobError::Unexpected("the job panicked".into())).await;
                }
            }
        });
    }

    /// Whether new requests are taken (false once shutting down).
    pub fn accepting(&self) -> bool {
        self.accepting.load(Ordering::SeqCst)
    }
}

/// A job's life as one span: every log line of its admission, run and delivery carries its id, and the
/// span's close (with `EASEL_LOG_FORMAT=json`) gives its durations.
fn job_span(request: &JobRequest) -> tracing::Span {
    tracing::info_span!("job", id = %request.id, command = request.command.name(), user = request.requester.user_id)
}

/// How a failed job ended, as moderators read it.
fn outcome_of(failure: &JobError) -> moderation::Outcome {
    match failure {
        JobError::ProviderRefused { .. } => moderation::Outcome::RefusedByProvider,
        JobError::RefusedByRules { .. } | JobError::UploadFlagged { .. } => moderation::Outcome::RefusedByRules,
        _ => moderation::Outcome::Failed,
    }
}

/// The audit entry of a failed job, its outcome read from the error.
fn audit_of(job: &StoredJob, spec: &JobSpec, failure: &JobError, at: chrono::DateTime<chrono::Utc>) -> AuditEntry {
    let reason = match failure {
        JobError::ProviderRefused { message, .. } => message.clone(),
        JobError::RefusedByRules { reason, .. } | JobError::UploadFlagged { reason, .. } => reason.clone(),
        other => error::chain(other),
    };
    AuditEntry::ended(&job.request, spec, outcome_of(failure), Some(reason), at)
}

/// Logs why a job failed, with the whole cause chain: faults of the setup or of Easel as errors, the
/// rest (refusals, outages, bad uploads) as warnings.
pub fn log_failure(job: &str, e: &JobError) {
    let cause = error::chain(e);
    match e {
        JobError::Misconfigured(_) | JobError::Unexpected(_) | JobError::ResultUnusable(_) => {
            error!(job, error = %cause, "job failed")
        }
        _ => warn!(job, error = %cause, "job failed"),
    }
}
