//! Restarts: the jobs a stopped process left are taken over (queued ones wait again, interrupted ones
//! are retried while attempts remain, generated ones are delivered from the spool), and a graceful stop
//! lets running jobs finish and leaves the rest in the store.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use tracing::{error, info, warn};

use super::run::Unsettled;
use super::Jobs;
use crate::domain::catalogue::BackendKind;
use crate::domain::request::JobId;
use crate::jobs::error::{self, JobError};
use crate::jobs::queue::{Fence, JobState, StoredJob};
use crate::jobs::runner::{Cost, FinishedJob};

/// How long a job of this process's may sit running or generated with no task working on it before
/// [`Jobs::reconcile`] takes it up again (a task ends within moments of its last state change).
const ORPHANED_AFTER: chrono::Duration = chrono::Duration::seconds(5);

impl Jobs {
    /// Takes over the jobs of processes that stopped (their heartbeat is older than the lease): queued
    /// ones wait again, interrupted ones are retried while attempts remain, generated ones are delivered
    /// from the spool. Run at start-up and with every heartbeat.
    pub async fn take_over(self: &Arc<Self>) {
        if self.courier().is_none() {
            return; // not connected yet: `start` takes over once it is
        }
        let jobs = match self.store.take_over(&self.instance, self.policy.lease, self.clock.now()).await {
            Ok(jobs) => jobs,
            Err(e) => return error!(error = %error::chain(&e), "could not take over stopped processes' jobs"),
        };
        if !jobs.is_empty() {
            warn!(jobs = jobs.len(), "took over jobs left by a process that stopped");
        }
        for job in jobs {
            self.resume(job).await;
        }
    }

    /// Settles the state changes this process could not record (retrying each once), then takes up
    /// its own jobs that no task works on: a generated one is delivered from the spool, a running one
    /// retried while attempts remain. Run with every heartbeat, so a store fault never strands a job
    /// until a restart.
    pub async fn reconcile(self: &Arc<Self>) {
        if self.courier().is_none() {
            return;
        }
        self.settle_unsettled().await;
        let owned = match self.store.owned(&self.instance).await {
            Ok(owned) => owned,
            Err(e) => return error!(error = %error::chain(&e), "could not list this process's jobs"),
        };
        let cutoff = self.clock.now() - ORPHANED_AFTER;
        for row in owned {
            let busy = self.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner).contains_key(&row.job_id)
                || self.unsettled.lock().unwrap_or_else(std::sync::PoisonError::into_inner).contains_key(&row.job_id);
            if busy || row.updated_at > cutoff || !matches!(row.state, JobState::Running | JobState::Generated) {
                continue;
            }
            let Some(job) = self.load(&row.job_id).await.filter(|j| j.state == row.state) else { continue };
            warn!(job = %row.job_id, state = row.state.key(), "a job of this process had no task working on it; taking it up again");
            self.resume(job).await;
        }
    }

    /// Writes the state changes kept in [`Unsettled`]; what the store still refuses stays for later.
    async fn settle_unsettled(&self) {
        let pending: Vec<(JobId, Unsettled)> = {
            let unsettled = self.unsettled.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            unsettled.iter().map(|(id, change)| (id.clone(), change.clone())).collect()
        };
        for (id, change) in pending {
            let now = self.clock.now();
            let written = match &change {
                Unsettled::Delivered { fence, place, images } => {
                    self.store.delivered(&id, fence, *place, *images, now).await
                }
                Unsettled::Failed { reason, spent } => self.store.fail(&id, reason, *spent, now).await,
            };
            match written {
                Ok(_) => {
                    info!(job = %id, "recorded a job's outcome that the store had refused earlier");
                    self.unsettled.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(&id);
                }
                Err(e) => warn!(job = %id, error = %error::chain(&e), "the store still refuses a job's outcome"),
            }
        }
    }

    async fn resume(self: &Arc<Self>, job: StoredJob) {
        let id = job.request.id.clone();
        match job.state {
            JobState::Queued => self.queue(job),
            JobState::Running if job.attempts < self.policy.max_attempts => {
                if let Ok(true) = self.store.requeue(&id, self.clock.now()).await {
                    info!(job = %id, attempts = job.attempts, "retrying a job its process left running");
                    self.queue(StoredJob { state: JobState::Queued, ..job });
                }
            }
            JobState::Running => {
                let stopped = JobError::Unexpected(format!("stopped mid-job {} times", job.attempts).into());
                let spec = self.admission.check(&job.request).ok();
                self.fail(&job, spec.as_ref(), stopped, None).await;
            }
            JobState::Generated => {
                let jobs = Arc::clone(self);
                let task = tokio::spawn(async move { jobs.deliver_spooled(job).await });
                let handle = task.abort_handle();
                self.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(id.clone(), handle);
                let jobs = Arc::clone(self);
                self.tasks.spawn(async move {
                    let _ = task.await;
                    jobs.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(&id);
                });
            }
            _ => {}
        }
    }

    /// Delivers a job generated by a process that stopped before delivering it.
    async fn deliver_spooled(&self, job: StoredJob) {
        let Some(result) = job.result.clone() else { return };
        let paid = Some(result.cost_usd);
        let spec = match self.admission.check(&job.request) {
            Ok(spec) => spec,
            Err(e) => return self.fail(&job, None, e, paid).await,
        };
        let images = match self.spool.read(&result.files).await {
            Ok(images) => images,
            Err(e) => return self.fail(&job, Some(&spec), JobError::unexpected("reading the spool", e), paid).await,
        };
        let cost = Cost { usd: result.cost_usd, from_usage: result.from_usage };
        let finished = FinishedJob {
            images,
            revised_prompt: result.revised_prompt.clone(),
            cost,
            seeds: result.seeds.clone(),
            details: result.details.clone(),
            suggestions: result.suggestions.clone(),
        };
        info!(job = %job.request.id, "delivering a job generated before a restart");
        let fence = Fence { owner: self.instance.clone(), attempt: job.attempts };
        self.deliver(job, &spec, finished, &result.files, &fence).await;
    }

    /// Stops taking jobs, lets running ones finish within the grace period, and leaves the rest in the
    /// store for the next process.
    pub async fn shutdown(&self) {
        self.accepting.store(false, Ordering::SeqCst);
        self.wake.notify_waiters();
        self.tasks.close();
        if tokio::time::timeout(self.policy.grace, self.tasks.wait()).await.is_err() {
            warn!(running = self.tasks.len(), "shutdown grace period over; the next start retries what was running");
        }
        let waiting: usize = BackendKind::ALL.iter().map(|kind| self.scheduler.len(*kind)).sum();
        if waiting > 0 {
            info!(waiting, "queued jobs stay in the store for the next start");
        }
    }
}
