//! `/show`: a delivered job's result posted again with working buttons, for its requester or a
//! moderator. While the spool keeps its images (`EASEL_KEEP_DAYS`) they come from there; after that
//! the adapter fetches the delivered message from the platform (whose attachment links are fresh).

use super::{Canceller, Jobs};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::request::{JobSpec, SourceImage};
use crate::jobs::error::JobError;
use crate::jobs::queue::{JobState, StoredJob};
use crate::jobs::runner::{Cost, FinishedJob};

/// What `/show` can post again.
#[derive(Debug)]
pub enum Shown {
    /// The images are still in the spool.
    Kept {
        /// The job.
        job: Box<StoredJob>,
        /// Its checked request.
        spec: Box<JobSpec>,
        /// Its images and cost, as delivered.
        finished: FinishedJob,
    },
    /// Only the delivered message holds them now.
    Posted {
        /// The job.
        job: Box<StoredJob>,
        /// Its checked request.
        spec: Box<JobSpec>,
        /// The message's channel.
        channel_id: u64,
        /// The message.
        message_id: u64,
    },
}

/// Why `/show` shows nothing.
#[derive(Debug)]
pub enum NotShown {
    /// No such job here (as the member typed it).
    Unknown(String),
    /// Neither its requester nor a moderator of its server.
    NotYours,
    /// It ended without images (its state).
    NotDelivered(JobState),
    /// Its request no longer passes the catalogue (a model gone).
    Invalid(JobError),
    /// Its images are no longer kept and where they were posted is unknown.
    Gone,
}

impl Jobs {
    /// Finds a delivered job's result for `viewer` (its requester or a moderator of its server).
    pub async fn show(&self, job_id: &str, viewer: Canceller) -> Result<Shown, NotShown> {
        let job_id = job_id.trim();
        let unknown = || NotShown::Unknown(job_id.to_owned());
        if !crate::domain::request::JobId::looks_valid(job_id) {
            return Err(unknown());
        }
        let job = self.load(&job_id.into()).await.ok_or_else(unknown)?;
        if !viewer.may_cancel(&job) {
            return Err(NotShown::NotYours);
        }
        if !job.request.private && job.request.requester.guild_id != viewer.guild_id {
            // A server's result is shown again only in that server (a private one follows its requester).
            return Err(unknown());
        }
        if job.state != JobState::Delivered {
            return Err(NotShown::NotDelivered(job.state));
        }
        let spec = self.admission.check(&job.request).map_err(NotShown::Invalid)?;
        let result = job.result.clone().unwrap_or_default();
        if self.spool.has(&result.files).await {
            if let Ok(images) = self.spool.read(&result.files).await {
                let cost = Cost { usd: result.cost_usd, from_usage: result.from_usage };
                let finished = FinishedJob {
                    images,
                    revised_prompt: result.revised_prompt,
                    cost,
                    seeds: result.seeds,
                    details: result.details,
                    suggestions: result.suggestions,
                };
                return Ok(Shown::Kept { job: Box::new(job), spec: Box::new(spec), finished });
            }
        }
        match (job.channel_id, job.message_id) {
            (Some(channel_id), Some(message_id)) => {
                Ok(Shown::Posted { job: Box::new(job), spec: Box::new(spec), channel_id, message_id })
            }
            _ => Err(NotShown::Gone),
        }
    }

    /// A member's picture to show but not send to a model (a community request's reference), checked
    /// like any upload (trusted host, size, every pixel decoded, the moderation pre-check when on).
    pub async fn checked_picture(&self, image: &SourceImage) -> Result<Vec<u8>, JobError> {
        self.runner.checked_picture(image, 1024).await
    }

    /// The member's latest private job in a server that made no image in the last 24 hours: its words
    /// are kept here for `/usage` (a private failure never goes to the channel, and a direct message
    /// may not reach them).
    pub async fn private_failure(&self, guild_id: Option<u64>, user_id: u64) -> Option<crate::jobs::queue::Failure> {
        let since = self.clock.now() - chrono::Duration::hours(24);
        match self.store.latest_failure(guild_id.map(ServerId), MemberId(user_id), since).await {
            Ok(failure) => failure.filter(|f| f.private),
            Err(e) => {
                tracing::warn!(error = %crate::text::chain(&e), "could not read the member's latest failed job");
                None
            }
        }
    }

    /// Whether a job's result is public: `None` when there is no such job or the store cannot say.
    pub async fn is_public(&self, job_id: &str) -> Option<bool> {
        let job_id = job_id.trim();
        if !crate::domain::request::JobId::looks_valid(job_id) {
            return None;
        }
        self.load(&job_id.into()).await.map(|job| !job.request.private)
    }

    /// Downloads an image the platform serves (a delivered message's attachment), with the same trust
    /// and size rules as a member's upload.
    pub async fn download(&self, image: &SourceImage) -> Result<Vec<u8>, JobError> {
        self.runner.download(image).await
    }
}
