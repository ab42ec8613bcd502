//! Why a job delivered no image, in the member's words: each [`JobError`] as a short, polite reason.
//! Provider messages, keys and internal errors never reach the member (the owner's log has them).

use chrono::{DateTime, Utc};

use super::relative;
use crate::backends::BackendError;
use crate::community::moderation::{refusal_category, RefusalCategory};
use crate::domain::request::JobRequest;
use crate::jobs::error::JobError;
use crate::media::download::FetchError;
use crate::media::imaging::{ImagingError, MAX_PIXELS, MAX_SIDE};
use crate::media::SourceError;

/// A provider refusal's category, as the member reads it.
fn category(category: RefusalCategory) -> &'static str {
    match category {
        RefusalCategory::Sexual => "sexual content",
        RefusalCategory::SelfHarm => "self-harm",
        RefusalCategory::Violence => "violence",
        RefusalCategory::Hate => "hate or harassment",
        RefusalCategory::Illegal => "illegal activity",
        RefusalCategory::RealPeople => "real people or protected work",
        RefusalCategory::Unnamed => "the provider's safety rules",
    }
}

/// What the member reads for a failed job, with the job's id under it.
pub fn told(request: &JobRequest, error: &JobError) -> String {
    format!("{}\n-# Job {}", said(error), request.id)
}

/// What the member reads (ephemeral). Never includes provider text, keys or internals.
pub fn said(error: &JobError) -> String {
    match error {
        JobError::Invalid(reason) => super::invalid::invalid(reason),
        JobError::LimitReached(refusal) => super::limits::refusal(refusal),
        JobError::QueueFull { whole_bot: false, .. } => "Easel is busy: this server's queue of image requests is \
             full. Please try again in a few minutes; you were not charged."
            .into(),
        JobError::QueueFull { whole_bot: true, .. } => "Easel is very busy right now: its queue of image \
             requests is full. Please try again in a few minutes; you were not charged."
            .into(),
        JobError::Restarting => "Easel is restarting right now. Please ask again in a minute; \
             you were not charged."
            .into(),
        JobError::Blocked { until: Some(until) } => format!(
            "You can't use Easel in this server right now. The block ends {}; a moderator can lift it sooner.",
            relative(*until)
        ),
        JobError::Blocked { until: None } => {
            "You can't use Easel in this server until a moderator lifts your block.".into()
        }
        JobError::SourceUnusable(problem) => format!("{} You were not charged.", source_message(problem)),
        JobError::ResultUnusable(_) => "The image service sent back an image I couldn't read (damaged, incomplete \
             or too large), so there is nothing to deliver. Please try again; you were not charged."
            .into(),
        JobError::ProviderRefused { message, paused_until } => format!(
            "The image provider refused this request under its content policy (reason: {}). \
             Please rephrase your prompt; you were not charged.{}",
            category(refusal_category(message)),
            pause_note(*paused_until)
        ),
        JobError::RefusedByRules { categories, paused_until, .. } if categories.is_empty() => format!(
            "This prompt breaks this server's rules for image requests, so it was not sent. \
             Please rephrase it; you were not charged.{}",
            pause_note(*paused_until)
        ),
        JobError::RefusedByRules { categories, paused_until, .. } => format!(
            "This prompt was flagged by the moderation check ({}), so it was not sent. \
             Please rephrase it; you were not charged.{}",
            categories.join(", "),
            pause_note(*paused_until)
        ),
        JobError::UploadFlagged { categories, .. } => format!(
            "The image you uploaded was flagged by the moderation check ({}), so it was not sent. \
             Please choose another picture; you were not charged.",
            categories.join(", ")
        ),
        JobError::Busy(BackendError::Unavailable(_)) => "The image service isn't answering right now (it may be \
             down or restarting). Please try again later; you were not charged."
            .into(),
        JobError::Busy(_) => {
            "The image service is busy right now. Please try again in a minute; you were not charged.".into()
        }
        JobError::TimedOut => {
            "The image service took too long to answer. Please try again; you were not charged.".into()
        }
        JobError::StoppedOnServer(_) => "The image server's operator stopped this run, so there is no image. \
             You can ask again; you were not charged."
            .into(),
        JobError::ModelRetired { model, replacement: Some(r), .. } => {
            format!("The model `{model}` has been retired by its provider. Please choose `{r}` instead.")
        }
        JobError::ModelRetired { model, replacement: None, .. } => {
            format!("The model `{model}` has been retired by its provider. Please choose another model.")
        }
        JobError::Misconfigured(_) => {
            "Easel is not set up correctly for this model, so I can't make images right now. \
             The server owner has been told in the bot's log; you were not charged."
                .into()
        }
        JobError::ResultLost(_) => "The image was made but its link expired before I could save it. \
             Please try again; you were not charged."
            .into(),
        JobError::DeliveryFailed(_) => "Your image was made but Discord would not accept the upload. \
             Please try again; you were not charged."
            .into(),
        JobError::Unexpected(_) => "Something went wrong on my side. Please try again; you were not charged.".into(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_messages_never_carry_provider_text() {
        let secret_detail = "Incorrect API key provided: sk-abc";
        let e = JobError::from_backend(BackendError::Unauthorized(secret_detail.into()), "m", None);
        assert!(!said(&e).contains("sk-abc"));
        let refused = JobError::from_backend(BackendError::Refused { message: "raw policy text".into() }, "m", None);
        assert!(said(&refused).contains("content policy") && !said(&refused).contains("raw policy"));
    }

    #[test]
    fn a_retired_model_names_its_replacement() {
        let e = JobError::from_backend(BackendError::ModelGone("deprecated".into()), "dall-e-3", Some("gpt-image-2"));
        assert_eq!(
            said(&e),
            "The model `dall-e-3` has been retired by its provider. Please choose `gpt-image-2` instead."
        );
    }
}
