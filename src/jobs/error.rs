//! What can go wrong with a job: each case with what the member must be told and, kept as causes,
//! what the owner's log needs. The member's words are chosen at the edge (`discord::words::failure`);
//! provider messages, keys and internal errors never reach them.

use std::error::Error;

use chrono::{DateTime, Utc};

use crate::backends::BackendError;
use crate::domain::limits::LimitRefusal;
use crate::domain::request::InvalidRequest;
use crate::media::SourceError;

pub use crate::text::chain;

/// Why a job delivered no image.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// The request breaks a rule of the catalogue.
    #[error("invalid request: {0}")]
    Invalid(#[from] InvalidRequest),
    /// A limit leaves no room for the request.
    #[error("limit reached: {0}")]
    LimitReached(LimitRefusal),
    /// The member's personal daily budget (their own jobs, outside a server that installed Easel)
    /// leaves no room for the request.
    #[error("personal budget reached: {0}")]
    PersonalBudget(LimitRefusal),
    /// The owner has not opened Easel to members outside the servers that installed it.
    #[error("personal use is off")]
    PersonalOff,
    /// The queue is full: the bot is busy.
    #[error("the queue is full ({waiting} waiting)")]
    QueueFull {
        /// Jobs waiting.
        waiting: u32,
        /// Whether the whole bot's queue is full rather than the server's.
        whole_bot: bool,
    },
    /// The bot is restarting and takes no new job.
    #[error("the bot is restarting")]
    Restarting,
    /// The member is blocked in this guild.
    #[error("the member is blocked")]
    Blocked {
        /// Until when (`None`: until a moderator lifts it).
        until: Option<DateTime<Utc>>,
    },
    /// The uploaded image could not be downloaded or is not an image.
    #[error("the uploaded image cannot be used")]
    SourceUnusable(#[from] SourceError),
    /// The model's answer held a broken, incomplete or oversized image.
    #[error("the model's result cannot be used")]
    ResultUnusable(#[source] Box<dyn Error + Send + Sync>),
    /// The provider's content policy refused it.
    #[error("refused by the provider: {message}")]
    ProviderRefused {
        /// The provider's words, for the log and moderators.
        message: String,
        /// When the member's pause for repeated refusals ends, if this refusal started one.
        paused_until: Option<DateTime<Utc>>,
    },
    /// The server's rules (blocklist or moderation pre-check) refused it before any model call.
    #[error("refused by the server's rules: {reason}")]
    RefusedByRules {
        /// The rule or verdict, for moderators (never shown to the member).
        reason: String,
        /// Categories a pre-check flagged, to name to the member.
        categories: Vec<String>,
        /// When the member's pause for repeated refusals ends, if this refusal started one.
        paused_until: Option<DateTime<Utc>>,
    },
    /// The moderation pre-check flagged the member's uploaded image before any model call.
    #[error("the upload was refused by the moderation pre-check: {reason}")]
    UploadFlagged {
        /// The verdict, for moderators.
        reason: String,
        /// Categories flagged, to name to the member.
        categories: Vec<String>,
    },
    /// Rate limits or outages outlasted the retries.
    #[error("the image service is busy: {0}")]
    Busy(#[source] BackendError),
    /// The provider did not answer in time.
    #[error("the image service timed out")]
    TimedOut,
    /// The run was stopped on the image server by its operator.
    #[error("the image service stopped the run: {0}")]
    StoppedOnServer(#[source] BackendError),
    /// The model is retired at the provider.
    #[error("model `{model}` is retired: {detail}")]
    ModelRetired {
        /// The model members picked.
        model: String,
        /// What to pick instead, from the catalogue.
        replacement: Option<String>,
        /// The provider's message.
        detail: String,
    },
    /// The owner's setup is wrong (key, credit, a parameter the server rejects): details for the log.
    #[error("the bot is misconfigured: {0}")]
    Misconfigured(#[source] BackendError),
    /// The provider's result link died before it could be saved.
    #[error("the result could not be downloaded: {0}")]
    ResultLost(String),
    /// Discord did not accept the finished images.
    #[error("the images could not be delivered: {0}")]
    DeliveryFailed(#[source] Box<dyn Error + Send + Sync>),
    /// The translator could not render the prompt in English for a model that reads English only.
    #[error("the prompt could not be translated: {0}")]
    Untranslated(#[source] BackendError),
    /// Anything else, with its cause kept for the owner's log.
    #[error("unexpected failure")]
    Unexpected(#[source] Box<dyn Error + Send + Sync>),
}

/// A step of Easel's own that failed: the step named, its cause kept.
#[derive(Debug, thiserror::Error)]
#[error("{step}")]
pub struct StepFailed {
    step: &'static str,
    #[source]
    cause: Box<dyn Error + Send + Sync>,
}

impl JobError {
    /// An internal fault in `step` (e.g. "writing the spool"), keeping `cause` and its own causes.
    pub fn unexpected(step: &'static str, cause: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        Self::Unexpected(Box::new(StepFailed { step, cause: cause.into() }))
    }

    /// Sorts a provider failure (after retries) into what the member and owner must be told.
    pub fn from_backend(error: BackendError, model: &str, replacement: Option<&str>) -> Self {
        match error {
            BackendError::Refused { message } => Self::ProviderRefused { message, paused_until: None },
            e @ (BackendError::RateLimited { .. } | BackendError::Unavailable(_)) => Self::Busy(e),
            BackendError::TimedOut => Self::TimedOut,
            e @ BackendError::Interrupted(_) => Self::StoppedOnServer(e),
            BackendError::ModelGone(detail) => {
                Self::ModelRetired { model: model.to_owned(), replacement: replacement.map(str::to_owned), detail }
            }
            BackendError::ResultUnavailable(detail) => Self::ResultLost(detail),
            e @ (BackendError::OutOfCredit(_) | BackendError::Unauthorized(_) | BackendError::BadRequest { .. }) => {
                Self::Misconfigured(e)
            }
            e @ BackendError::TooLarge { .. } => Self::ResultUnusable(Box::new(e)),
            e @ BackendError::Malformed(_) => Self::Unexpected(Box::new(e)),
        }
    }
}

impl JobError {
    /// Records the pause a refusal started, so the member is told.
    pub fn with_pause(mut self, until: Option<DateTime<Utc>>) -> Self {
        if let Self::ProviderRefused { paused_until, .. } | Self::RefusedByRules { paused_until, .. } = &mut self {
            *paused_until = until;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provider_failure_is_sorted_by_what_the_member_must_be_told() {
        let e =
            JobError::from_backend(BackendError::Unauthorized("Incorrect API key provided: sk-abc".into()), "m", None);
        assert!(matches!(e, JobError::Misconfigured(_)));
        let retired = JobError::from_backend(BackendError::ModelGone("gone".into()), "dall-e-3", Some("gpt-image-2"));
        assert!(matches!(retired, JobError::ModelRetired { replacement: Some(r), .. } if r == "gpt-image-2"));
    }
}
