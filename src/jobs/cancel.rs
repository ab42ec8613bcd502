//! Cancel: the requester or a moderator withdraws a waiting or running job. A job still waiting costs
//! nothing; one whose model call has started is billed by the provider, so it counts like a delivered
//! one at its estimate (otherwise `/generate` + `/cancel` in a loop would spend the owner's month for
//! free). Its message says which.

use tracing::{error, info, warn};

use super::progress::Status;
use super::Jobs;
use crate::community::moderation::{self, AuditEntry};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::request::JobId;
use crate::jobs::queue::{JobState, StoredJob};

/// How a cancel ended, for the adapter to say.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CancelOutcome {
    /// Withdrawn; `charged` is the estimate it counts at when its model call had started.
    Cancelled {
        /// USD it counts at (`None`: nothing, it was still waiting).
        charged: Option<f64>,
    },
    /// No such job.
    NotFound,
    /// Neither the requester nor a moderator of its server.
    NotYours,
    /// It had already ended.
    AlreadyFinished,
    /// The store failed.
    Failed,
    /// `/cancel`: the member has nothing waiting or running.
    NothingActive,
    /// `/cancel`: the member's jobs could not be looked up.
    LookupFailed,
}

/// Who asks to cancel a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canceller {
    /// Their user id.
    pub user_id: u64,
    /// The server they asked in.
    pub guild_id: Option<u64>,
    /// Whether Discord says they may moderate that server.
    pub can_moderate: bool,
}

impl Canceller {
    /// The job's requester, or a moderator of the job's own server.
    pub(super) fn may_cancel(&self, job: &StoredJob) -> bool {
        let who = &job.request.requester;
        self.user_id == who.user_id || (self.can_moderate && self.guild_id.is_some() && self.guild_id == who.guild_id)
    }
}

impl Jobs {
    /// Cancels a queued or running job, for its requester or a moderator.
    pub async fn cancel(&self, job_id: &JobId, by: Canceller) -> CancelOutcome {
        let Some(job) = self.load(job_id).await else { return CancelOutcome::NotFound };
        if !by.may_cancel(&job) {
            return CancelOutcome::NotYours;
        }
        let now = self.clock.now();
        let from = match self.store.cancel(job_id, now).await {
            Ok(Some(from)) => from,
            Ok(None) => return CancelOutcome::AlreadyFinished,
            Err(e) => {
                error!(job = %job_id, error = %crate::text::chain(&e), "could not cancel a job");
                return CancelOutcome::Failed;
            }
        };
        match from {
            JobState::Queued => {
                self.scheduler.remove(job.backend, job_id.as_str());
            }
            _ => {
                let handle = self.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(job_id);
                if let Some(handle) = handle {
                    handle.abort();
                }
            }
        }
        self.board.seal(job_id.as_str()).await;
        let estimate = self.admission.check(&job.request).map(|s| s.estimate_usd).unwrap_or_default();
        let charged = (from != JobState::Queued).then_some(estimate);
        info!(job = %job_id, by = by.user_id, from = from.key(), "job cancelled");
        let model = self.admission.check(&job.request).map(|s| s.model.id).unwrap_or_default();
        self.metrics.job_ended(job.request.command.name(), &model, "cancelled");
        if let (Some(moderation), Ok(spec)) = (&self.moderation, self.admission.check(&job.request)) {
            let reason = Some(AuditEntry::cancelled_reason(MemberId(by.user_id)));
            moderation.record(AuditEntry::ended(&job.request, &spec, moderation::Outcome::Failed, reason, now)).await;
        }
        if let Some(courier) = self.courier() {
            let status = Status::Cancelled { by: by.user_id, charged };
            if let Err(e) = courier.progress(&job, &status, false, None).await {
                warn!(job = %job_id, error = %crate::text::chain(e.as_ref()), "could not mark the message cancelled");
            }
        }
        if from != JobState::Queued {
            self.alert_spend(job.request.requester.guild_id).await;
        }
        CancelOutcome::Cancelled { charged }
    }

    /// Cancels the member's newest queued or running job (`/cancel`).
    pub async fn cancel_latest(&self, by: Canceller) -> CancelOutcome {
        match self.store.latest_active(by.guild_id.map(ServerId), MemberId(by.user_id)).await {
            Ok(Some(job_id)) => self.cancel(&job_id, by).await,
            Ok(None) => CancelOutcome::NothingActive,
            Err(e) => {
                error!(error = %crate::text::chain(&e), "could not look up a member's jobs");
                CancelOutcome::LookupFailed
            }
        }
    }
}
