//! One attempt at a job: its start through the store (the backend's cap across processes), the model
//! call, the spool, delivery and its settlement; or its failure, explained to the member.
//!
//! Every state change after the start carries the run's [`Fence`] (this process, this attempt), so a
//! process that lost the job while paused neither records, posts nor charges it. State writes are
//! retried with backoff; one that still fails is kept in [`Unsettled`] and settled by
//! [`Jobs::reconcile`], so a store hiccup never strands a job until the next restart.

use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use tracing::{error, info, warn};

use super::{audit_of, log_failure, outcome_of, Jobs, Receipt};
use crate::community::moderation::{self, AuditEntry};
use crate::domain::catalogue::BackendKind;
use crate::domain::ledger::StoreError;
use crate::domain::request::{JobId, JobSpec};
use crate::jobs::error::{self, JobError};
use crate::jobs::queue::{Fence, JobState, Start, StoredJob, StoredResult};
use crate::jobs::runner::FinishedJob;

/// A state change this process could not write even after retrying: kept until it is written.
#[derive(Debug, Clone)]
pub(super) enum Unsettled {
    /// The images reached the member; the delivered message and the charge are not recorded yet.
    Delivered {
        /// The run that delivered it.
        fence: Fence,
        /// The delivered message and its channel.
        place: (Option<u64>, Option<u64>),
        /// Images delivered.
        images: u32,
    },
    /// The job failed; the failure (and what the owner paid for it) is not recorded yet.
    Failed {
        /// What the member was told.
        reason: String,
        /// What the provider billed for it, when the model call had returned.
        spent: Option<f64>,
    },
}

/// How long state writes are retried before the change is left to [`Jobs::reconcile`].
fn store_backoff() -> ExponentialBuilder {
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(200))
        .with_max_delay(Duration::from_secs(3))
        .with_max_times(5)
        .with_jitter()
}

impl Jobs {
    /// Runs a state write, retrying the store's faults with backoff.
    pub(super) async fn settle<T, F, Fut>(&self, what: &str, job_id: &JobId, write: F) -> Result<T, StoreError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, StoreError>>,
    {
        write
            .retry(store_backoff())
            .sleep(tokio::time::sleep)
            .notify(|e: &StoreError, wait| {
                warn!(job = %job_id, error = %error::chain(e), ?wait, "could not record that a job {what}; retrying")
            })
            .await
    }

    /// One attempt at a queued job: the model call, the spool, then delivery.
    pub(super) async fn run(self: &Arc<Self>, id: &JobId, kind: BackendKind) {
        let job_id = id.as_str();
        let now = self.clock.now();
        let (_, cap) = self.scheduler.running(kind);
        let cap = u32::try_from(cap).unwrap_or(u32::MAX);
        let fair = self.policy.shared_store;
        let attempt = match self.store.start_capped(id, &self.instance, kind, cap, fair, now).await {
            Ok(Start::Started(attempts)) => attempts,
            Ok(Start::Gone) => return self.board.forget(job_id),
            // Other processes run the backend's whole cap: wait in the lane a moment, then try again.
            Ok(Start::Full) => return self.wait_again(job_id),
            Err(e) => {
                error!(job = job_id, error = %error::chain(&e), "could not start a job; it waits in its lane again");
                return self.wait_again(job_id);
            }
        };
        let fence = Fence { owner: self.instance.clone(), attempt };
        let Some(job) = self.load(id).await else { return };
        if let Some(queued_at) = self.board.running(job_id, now) {
            self.metrics.waited(job.backend.key(), (now - queued_at).num_milliseconds() as f64 / 1000.0);
        }
        info!(job = job_id, attempt, "job started");
        let spec = match self.admission.check(&job.request) {
            Ok(spec) => spec,
            Err(e) => return self.fail(&job, None, e, None).await,
        };
        if let Err(refused) = self.precheck(&job, &spec).await {
            return self.fail(&job, Some(&spec), refused, None).await;
        }
        let finished = match self.runner.run(&job.request, &spec).await {
            Ok(finished) => finished,
            Err(failure) => return self.fail(&job, Some(&spec), failure.error, failure.spent).await,
        };
        let paid = Some(finished.cost.usd);
        let files = match self.spool.write(job_id, &finished.images).await {
            Ok(files) => files,
            Err(e) => {
                let failure = JobError::unexpected("writing the spool", e);
                return self.fail(&job, Some(&spec), failure, paid).await;
            }
        };
        let result = StoredResult {
            files,
            revised_prompt: finished.revised_prompt.clone(),
            cost_usd: finished.cost.usd,
            from_usage: finished.cost.from_usage,
            seeds: finished.seeds.clone(),
            details: finished.details.clone(),
            suggestions: finished.suggestions.clone(),
        };
        let recorded = self.settle("was generated", id, || self.store.generated(id, &fence, &result, self.clock.now()));
        match recorded.await {
            Ok(true) => self.deliver(job, &spec, finished, &result.files, &fence).await,
            Ok(false) => {
                // Cancelled meanwhile, or another process took the job over: it is theirs now.
                info!(job = job_id, "the job was cancelled or taken over during its model call; not delivering");
                self.board.seal(job_id).await;
                self.spool.remove(&result.files).await;
            }
            Err(e) => {
                self.spool.remove(&result.files).await;
                self.fail(&job, Some(&spec), JobError::unexpected("recording the generated images", e), paid).await;
            }
        }
    }

    /// Puts a job that found its backend's cap taken by other processes back in its lane, shortly.
    fn wait_again(self: &Arc<Self>, job_id: &str) {
        let jobs = Arc::clone(self);
        let job_id = job_id.to_owned();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(250)).await;
            if let Some(job) = jobs.load(&job_id.into()).await.filter(|j| j.state == JobState::Queued) {
                jobs.queue(job);
            }
        });
    }

    /// Delivers a generated job, then records the message and charges it in one step; the images stay
    /// in the spool for `/show` until pruned. A run whose fence no longer holds posts nothing.
    pub(super) async fn deliver(
        &self,
        job: StoredJob,
        spec: &JobSpec,
        finished: FinishedJob,
        files: &[String],
        fence: &Fence,
    ) {
        let Some(courier) = self.courier() else { return };
        let id = job.request.id.clone();
        // Progress edits end before the result is posted, so none can land over it.
        self.board.seal(id.as_str()).await;
        match self.store.holds(&id, fence).await {
            Ok(true) => {}
            Ok(false) => return warn!(job = %id, "another process took this job over; not posting it"),
            Err(e) => {
                // Unsure whether this process still holds it: posting could post twice. The job stays
                // generated, and is delivered once the store answers (`reconcile`).
                return error!(job = %id, error = %error::chain(&e), "could not confirm this process still holds the job");
            }
        }
        let started = std::time::Instant::now();
        let delivered = courier.deliver(&job, spec, &finished).await;
        self.metrics.handed_over(started.elapsed().as_secs_f64());
        let receipt = match delivered {
            Ok(receipt) => receipt,
            Err(e) => {
                self.spool.remove(files).await;
                let paid = Some(finished.cost.usd);
                return self.fail(&job, Some(spec), JobError::DeliveryFailed(e), paid).await;
            }
        };
        let images = finished.model_images(spec) as u32;
        self.metrics.job_ended(job.request.command.name(), &spec.model.id, "delivered");
        self.metrics.delivered(u64::from(images), finished.cost.usd);
        self.record_delivery(&id, fence, &receipt, images).await;
        info!(job = %id, images, usd = finished.cost.usd, "job delivered");
        self.alert_spend(job.request.requester.guild_id).await;
        self.log_delivery(&job, spec, &finished, &receipt).await;
    }

    /// Records a delivered job's message and charge; when the store will not take it, keeps it for
    /// [`Self::reconcile`] (the job is never posted again).
    async fn record_delivery(&self, id: &JobId, fence: &Fence, receipt: &Receipt, images: u32) {
        let place = (receipt.message_id, receipt.channel_id);
        let write = || self.store.delivered(id, fence, place, images, self.clock.now());
        if let Err(e) = self.settle("was delivered", id, write).await {
            error!(job = %id, error = %error::chain(&e), "delivered, but could not record it yet; will retry");
            self.keep_unsettled(id, Unsettled::Delivered { fence: fence.clone(), place, images });
        }
    }

    /// The moderation log's entry of a delivered job, with its thumbnail when a log channel shows it.
    async fn log_delivery(&self, job: &StoredJob, spec: &JobSpec, finished: &FinishedJob, receipt: &Receipt) {
        let Some(moderation) = &self.moderation else { return };
        let mut entry = AuditEntry::ended(&job.request, spec, moderation::Outcome::Delivered, None, self.clock.now());
        entry.revised_prompt = finished.revised_prompt.clone();
        entry.cost_usd = finished.cost.usd;
        entry.message_id = receipt.message_id;
        entry.image_url = receipt.attachment_urls.first().cloned();
        // The thumbnail costs a decode: only made when a log channel will show it.
        if let (Some(first), Some(_)) = (finished.images.first(), moderation.log_channel(entry.tag.guild_id).await) {
            entry.thumbnail = self.runner.thumbnail(first.bytes.clone()).await;
        }
        moderation.record(entry).await;
    }

    /// The optional moderation pre-check of every text the model will read (the prompt, its negative,
    /// the styles): a network call, so in the runner's time, not admission's.
    async fn precheck(&self, job: &StoredJob, spec: &JobSpec) -> Result<(), JobError> {
        let Some(moderation) = &self.moderation else { return Ok(()) };
        let texts = spec.member_texts();
        if texts.is_empty() {
            return Ok(());
        }
        let refused = moderation.precheck(&texts.join("\n")).await.map_err(|refusal| JobError::RefusedByRules {
            reason: refusal.reason,
            categories: refusal.categories,
            paused_until: None,
        });
        if refused.is_err() {
            info!(job = %job.request.id, "the moderation pre-check refused the job's words");
        }
        refused
    }

    /// A job by id, or `None` (logged) when the store cannot say.
    pub(super) async fn load(&self, job_id: &JobId) -> Option<StoredJob> {
        match self.store.job(job_id).await {
            Ok(job) => job,
            Err(e) => {
                error!(job = %job_id, error = %error::chain(&e), "could not read a job");
                None
            }
        }
    }

    pub(super) async fn fail_by_id(&self, job_id: &JobId, failure: JobError) {
        if let Some(job) = self.load(job_id).await {
            let spec = self.admission.check(&job.request).ok();
            self.fail(&job, spec.as_ref(), failure, None).await;
        }
    }

    /// Ends a job without images: the reservation is released (in the same step; what the provider
    /// billed goes to the owner's month, never the member's), the member told why, the audit log
    /// written. A job that had already ended (cancelled meanwhile) is left alone.
    pub(super) async fn fail(&self, job: &StoredJob, spec: Option<&JobSpec>, failure: JobError, spent: Option<f64>) {
        let id = &job.request.id;
        self.board.seal(id.as_str()).await;
        let reason = self.courier().map_or_else(|| failure.to_string(), |courier| courier.failure_words(job, &failure));
        match self.settle("failed", id, || self.store.fail(id, &reason, spent, self.clock.now())).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => {
                error!(job = %id, error = %error::chain(&e), "could not record a failed job yet; will retry");
                self.keep_unsettled(id, Unsettled::Failed { reason: reason.clone(), spent });
            }
        }
        log_failure(id.as_str(), &failure);
        if let Some(usd) = spent {
            warn!(job = %id, usd, "the provider billed a job that delivered nothing: counted to the owner's month, not the member's");
        }
        let model = spec.map_or("unknown", |s| s.model.id.as_str());
        // A run its server's operator stopped counts as cancelled, like a member's cancel.
        let outcome =
            if matches!(failure, JobError::StoppedOnServer(_)) { "cancelled" } else { outcome_of(&failure).key() };
        self.metrics.job_ended(job.request.command.name(), model, outcome);
        if let Some(result) = &job.result {
            self.spool.remove(&result.files).await;
        }
        let paused = match (&self.moderation, spec) {
            (Some(moderation), Some(spec)) => moderation.record(audit_of(job, spec, &failure, self.clock.now())).await,
            _ => None,
        };
        let failure = failure.with_pause(paused);
        if let Some(courier) = self.courier() {
            courier.explain(job, &failure).await;
        }
    }

    fn keep_unsettled(&self, job_id: &JobId, change: Unsettled) {
        self.unsettled.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(job_id.clone(), change);
    }
}
