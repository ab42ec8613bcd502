//! Intake: a request Discord has been answered for becomes a queued job. Admission runs in a few
//! workers fed by a queue of small entries, so a burst costs little while the database admits it; a
//! refusal reaches the member privately through the courier.

use std::sync::Arc;

use tokio::sync::mpsc;
use tracing::{info, Instrument};

use super::{job_span, progress, Jobs};
use crate::domain::catalogue::BackendKind;
use crate::domain::request::{JobRequest, JobSpec};
use crate::jobs::error::{self, JobError};
use crate::jobs::queue::scheduler::{Member, Waiting};
use crate::jobs::queue::{StoredJob, Ticket};

/// Requests admitted at once: enough to keep the database busy while each waits for its answers, few
/// enough that a burst of thousands holds only their small queue entries.
pub(super) const ADMISSION_WORKERS: usize = 8;

/// A request Discord has been answered for, waiting for admission.
pub(super) type Acknowledged = (JobRequest, Ticket);

impl Jobs {
    /// Hands an acknowledged request to admission and returns at once; a refusal reaches the member
    /// through the courier (privately, replacing the "thinking…" answer).
    pub fn admit_later(&self, request: JobRequest, ticket: Ticket) {
        if let Err(mpsc::error::SendError((request, ticket))) = self.admissions.0.send((request, ticket)) {
            // Only after shutdown: nobody admits any more.
            let job = StoredJob::queued(request, BackendKind::Openai, ticket);
            if let Some(courier) = self.courier().cloned() {
                tokio::spawn(async move {
                    courier.explain(&job, &JobError::Restarting).await;
                });
            }
        }
    }

    /// Admits acknowledged requests in arrival order (one of [`ADMISSION_WORKERS`] doing so), telling
    /// the member of a refusal.
    pub(super) async fn admit_waiting(self: Arc<Self>) {
        let waiting = Arc::clone(&self.admissions.1);
        loop {
            let next = {
                let mut queue = waiting.lock().await;
                if queue.is_empty() {
                    // A burst has been admitted: what its handling grew to can go back to the system.
                    crate::memory::give_back();
                }
                queue.recv().await
            };
            let Some((request, ticket)) = next else { return };
            let refused = match self.submit(&request, ticket.clone()).await {
                Ok(_) => continue,
                Err(e) => e,
            };
            info!(job = %request.id, reason = %error::chain(&refused), "request refused before any model call");
            let job = StoredJob::queued(request, BackendKind::Openai, ticket);
            if let Some(courier) = self.courier().cloned() {
                tokio::spawn(async move { courier.explain(&job, &refused).await });
            }
        }
    }

    /// Checks a request against the catalogue (in memory, before Discord is answered), counting a
    /// refusal; while shutting down every request is refused.
    pub fn check(&self, request: &JobRequest) -> Result<JobSpec, JobError> {
        let checked = if self.accepting() { self.admission.check(request) } else { Err(JobError::Restarting) };
        if let Err(e) = &checked {
            self.metrics.refused(e);
        }
        checked
    }

    /// Queues a member's request: admission (limits, reservation, the job row), then a place in its lane.
    pub async fn submit(&self, request: &JobRequest, ticket: Ticket) -> Result<JobSpec, JobError> {
        let span = job_span(request);
        let admitted = if self.accepting() {
            self.admission.admit(request, ticket).instrument(span.clone()).await
        } else {
            Err(JobError::Restarting)
        };
        let (spec, job) = admitted.inspect_err(|e| self.metrics.refused(e))?;
        span.in_scope(|| {
            info!(job = %request.id, command = request.command.name(), model = %spec.model.id, user = request.requester.user_id, "job queued");
        });
        let down = self.runner.breaker(spec.model.backend).is_down();
        self.queue_in(job.clone(), span);
        if down {
            self.announce_down(&job, &spec.model.id);
        }
        Ok(spec)
    }

    /// Tells a member at once that their job waits for a backend that is down (they may cancel).
    fn announce_down(&self, job: &StoredJob, model: &str) {
        let Some(courier) = self.courier().cloned() else { return };
        let Some(gate) = self.board.gate(&job.request.id.0) else { return };
        let position = self.scheduler.len(job.backend);
        let status = progress::Status::Queued { model: model.to_owned(), ahead: position, backend_down: true };
        let job = job.clone();
        tokio::spawn(async move { progress::edit_progress(courier.as_ref(), &gate, &job, &status, None).await });
    }

    pub(super) fn queue(&self, job: StoredJob) {
        let span = job_span(&job.request);
        self.queue_in(job, span);
    }

    fn queue_in(&self, job: StoredJob, span: tracing::Span) {
        let member = Member { guild_id: job.request.requester.guild_id, user_id: job.request.requester.user_id };
        let waiting = Waiting { job_id: job.request.id.0.clone(), member };
        let kind = job.backend;
        self.board.watch(job, self.clock.now(), span);
        self.scheduler.push(kind, waiting);
        self.wake.notify_waiters();
    }
}
