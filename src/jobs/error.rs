//! What can go wrong with a job, and the one place where it becomes words for the member.
//!
//! Members get a short, polite reason; owners get details in the log. Provider messages, keys and
//! internal errors never reach the member.

use std::error::Error;

use chrono::{DateTime, Utc};

use crate::backends::BackendError;
use crate::community::moderation::refusal_category;
use crate::domain::limits::{relative, LimitRefusal};
use crate::domain::request::InvalidRequest;
use crate::media::download::FetchError;
use crate::media::imaging::{ImagingError, MAX_PIXELS, MAX_SIDE};
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

    /// What the member reads (ephemeral). Never includes provider text, keys or internals.
    pub fn user_message(&self) -> String {
        match self {
            Self::Invalid(reason) => reason.to_string(),
            Self::LimitReached(refusal) => refusal.to_string(),
            Self::QueueFull { whole_bot: false, .. } => "Easel is busy: this server's queue of image requests is \
                 full. Please try again in a few minutes; you were not charged."
                .into(),
            Self::QueueFull { whole_bot: true, .. } => "Easel is very busy right now: its queue of image \
                 requests is full. Please try again in a few minutes; you were not charged."
                .into(),
            Self::Restarting => "Easel is restarting right now. Please ask again in a minute; \
                 you were not charged."
                .into(),
            Self::Blocked { until: Some(until) } => format!(
                "You can't use Easel in this server right now. The block ends {}; a moderator can lift it sooner.",
                relative(*until)
            ),
            Self::Blocked { until: None } => {
                "You can't use Easel in this server until a moderator lifts your block.".into()
            }
            Self::SourceUnusable(problem) => format!("{} You were not charged.", source_message(problem)),
            Self::ResultUnusable(_) => "The image service sent back an image I couldn't read (damaged, incomplete \
                 or too large), so there is nothing to deliver. Please try again; you were not charged."
                .into(),
            Self::ProviderRefused { message, paused_until } => format!(
                "The image provider refused this request under its content policy (reason: {}). \
                 Please rephrase your prompt; you were not charged.{}",
                refusal_category(message),
                pause_note(*paused_until)
            ),
            Self::RefusedByRules { categories, paused_until, .. } if categories.is_empty() => format!(
                "This prompt breaks this server's rules for image requests, so it was not sent. \
                 Please rephrase it; you were not charged.{}",
                pause_note(*paused_until)
            ),
            Self::RefusedByRules { categories, paused_until, .. } => format!(
                "This prompt was flagged by the moderation check ({}), so it was not sent. \
                 Please rephrase it; you were not charged.{}",
                categories.join(", "),
                pause_note(*paused_until)
            ),
            Self::UploadFlagged { categories, .. } => format!(
                "The image you uploaded was flagged by the moderation check ({}), so it was not sent. \
                 Please choose another picture; you were not charged.",
                categories.join(", ")
            ),
            Self::Busy(BackendError::Unavailable(_)) => "The image service isn't answering right now (it may be \
                 down or restarting). Please try again later; you were not charged."
                .into(),
            Self::Busy(_) => {
                "The image service is busy right now. Please try again in a minute; you were not charged.".into()
            }
            Self::TimedOut => {
                "The image service took too long to answer. Please try again; you were not charged.".into()
            }
            Self::StoppedOnServer(_) => "The image server's operator stopped this run, so there is no image. \
                 You can ask again; you were not charged."
                .into(),
            Self::ModelRetired { model, replacement: Some(r), .. } => {
                format!("The model `{model}` has been retired by its provider. Please choose `{r}` instead.")
            }
            Self::ModelRetired { model, replacement: None, .. } => {
                format!("The model `{model}` has been retired by its provider. Please choose another model.")
            }
            Self::Misconfigured(_) => {
                "Easel is not set up correctly for this model, so I can't make images right now. \
                 The server owner has been told in the bot's log; you were not charged."
                    .into()
            }
            Self::ResultLost(_) => "The image was made but its link expired before I could save it. \
                 Please try again; you were not charged."
                .into(),
            Self::DeliveryFailed(_) => "Your image was made but Discord would not accept the upload. \
                 Please try again; you were not charged."
                .into(),
            Self::Unexpected(_) => "Something went wrong on my side. Please try again; you were not charged.".into(),
        }
    }
}

/// What went wrong with an upload, in the member's words.
fn source_message(problem: &SourceError) -> String {
    match problem {
        SourceError::Fetch(FetchError::UntrustedHost(_)) => {
            "I only download pictures from Discord itself, and this one came from elsewhere. \
             Please attach the image to the command."
                .into()
        }
        SourceError::Fetch(FetchError::TooLarge { max }) => format!(
            "Your image is larger than {:.0} MB, the most I download. Please attach a smaller picture.",
            *max as f64 / (1024.0 * 1024.0)
        ),
        SourceError::LongerThanDeclared { .. } => {
            "The file I was served is larger than the upload Discord announced, so I stopped downloading it. \
             Please attach the image again."
                .into()
        }
        SourceError::Fetch(FetchError::Gone(_)) => {
            "The link to your image expired before I could download it. Please attach it again.".into()
        }
        SourceError::Fetch(FetchError::CutShort(_)) => {
            "The download of your image from Discord was cut short. Please try again.".into()
        }
        SourceError::Fetch(FetchError::Failed(_)) => {
            "I couldn't download your image from Discord. Please try again in a moment.".into()
        }
        SourceError::Imaging(ImagingError::NotAnImage) => {
            "That file isn't a PNG, JPEG or WebP picture. Please attach one of those.".into()
        }
        SourceError::Imaging(ImagingError::TooManyPixels { width, height }) => format!(
            "Your image is {width}×{height} pixels; I work with images of up to {MAX_SIDE} pixels a side and \
             {} megapixels in all. Please attach a smaller picture.",
            MAX_PIXELS / 1_000_000
        ),
        SourceError::Imaging(ImagingError::Damaged(_)) => {
            "Your file starts like a picture but is damaged or incomplete, so I couldn't read it. \
             Please attach it again."
                .into()
        }
        SourceError::Imaging(ImagingError::CannotFit { .. }) => {
            "I couldn't make your image small enough for this model. Please attach a smaller picture.".into()
        }
        SourceError::Imaging(ImagingError::Encode(_)) => {
            "Something went wrong preparing your image for the model. Please try again.".into()
        }
        SourceError::MaskMismatch { what, mask, image } => format!(
            "Your {what} is {}×{} pixels but your image is {}×{}. Please draw it on a copy of the image at \
             the same size{}.",
            mask.0,
            mask.1,
            image.0,
            image.1,
            if *what == "mask" { " (white where it should change, black where it should stay)" } else { "" }
        ),
    }
}

/// The sentence added when a refusal paused the member.
fn pause_note(until: Option<DateTime<Utc>>) -> String {
    until.map_or_else(String::new, |t| {
        format!(" Because of repeated refusals you are paused from Easel in this server until {}.", relative(t))
    })
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
    fn member_messages_never_carry_provider_text() {
        let secret_detail = "Incorrect API key provided: sk-abc";
        let e = JobError::from_backend(BackendError::Unauthorized(secret_detail.into()), "m", None);
        assert!(matches!(e, JobError::Misconfigured(_)));
        assert!(!e.user_message().contains("sk-abc"));
        let refused = JobError::from_backend(BackendError::Refused { message: "raw policy text".into() }, "m", None);
        assert!(refused.user_message().contains("content policy") && !refused.user_message().contains("raw policy"));
    }

    #[test]
    fn a_retired_model_names_its_replacement() {
        let e = JobError::from_backend(BackendError::ModelGone("deprecated".into()), "dall-e-3", Some("gpt-image-2"));
        assert_eq!(
            e.user_message(),
            "The model `dall-e-3` has been retired by its provider. Please choose `gpt-image-2` instead."
        );
    }
}
