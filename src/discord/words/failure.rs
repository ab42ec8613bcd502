//! Why a job delivered no image, in the member's words: each [`JobError`] as a short, polite reason.
//! Provider messages, keys and internal errors never reach the member (the owner's log has them).

use chrono::{DateTime, Utc};

use super::{relative, sentences, Lang};
use crate::backends::BackendError;
use crate::community::moderation::{refusal_category, RefusalCategory};
use crate::discord::words::t;
use crate::domain::request::JobRequest;
use crate::jobs::error::JobError;
use crate::media::download::FetchError;
use crate::media::imaging::{ImagingError, MAX_PIXELS, MAX_SIDE};
use crate::media::SourceError;

/// A provider refusal's category, as the member reads it.
fn category(lang: Lang, category: RefusalCategory) -> String {
    match category {
        RefusalCategory::Sexual => t!(lang, "refusal-category-sexual"),
        RefusalCategory::SelfHarm => t!(lang, "refusal-category-self-harm"),
        RefusalCategory::Violence => t!(lang, "refusal-category-violence"),
        RefusalCategory::Hate => t!(lang, "refusal-category-hate"),
        RefusalCategory::Illegal => t!(lang, "refusal-category-illegal"),
        RefusalCategory::RealPeople => t!(lang, "refusal-category-real-people"),
        RefusalCategory::Unnamed => t!(lang, "refusal-category-unnamed"),
    }
}

/// What the member reads for a failed job, with the job's id under it. A member's own job (outside a
/// server that installed Easel) is told of the owner's rules and the home server's blocks, not "this
/// server's".
pub fn told(lang: Lang, request: &JobRequest, error: &JobError) -> String {
    let personal = request.requester.guild_id.is_none();
    let reason = personal.then(|| own(lang, error)).flatten().unwrap_or_else(|| said_as(lang, error, personal));
    format!("{reason}\n{}", t!(lang, "job-footnote", job = request.id.to_string()))
}

/// The words that differ for a member's own job, if `error` has any.
fn own(lang: Lang, error: &JobError) -> Option<String> {
    Some(match error {
        JobError::Blocked { until: Some(until) } => {
            t!(lang, "failure-blocked-until-personal", when = relative(*until))
        }
        JobError::Blocked { until: None } => t!(lang, "failure-blocked-personal"),
        JobError::RefusedByRules { categories, paused_until, .. } if categories.is_empty() => {
            sentences(lang, &[t!(lang, "failure-rules-personal"), pause_note(lang, *paused_until, true)])
        }
        _ => return None,
    })
}

/// What the member reads (ephemeral). Never includes provider text, keys or internals.
pub fn said(lang: Lang, error: &JobError) -> String {
    said_as(lang, error, false)
}

/// As [`said`], a pause named as the member's own (`personal`: not "in this server").
fn said_as(lang: Lang, error: &JobError, personal: bool) -> String {
    let with_pause = |refusal: String, until: &Option<DateTime<Utc>>| {
        sentences(lang, &[refusal, pause_note(lang, *until, personal)])
    };
    match error {
        JobError::Invalid(reason) => super::invalid::invalid(lang, reason),
        JobError::LimitReached(refusal) => super::limits::refusal(lang, refusal),
        JobError::PersonalBudget(refusal) => super::limits::personal(lang, refusal),
        JobError::PersonalOff => t!(lang, "servers-only"),
        JobError::QueueFull { whole_bot: false, .. } => t!(lang, "failure-queue-full-server"),
        JobError::QueueFull { whole_bot: true, .. } => t!(lang, "failure-queue-full-bot"),
        JobError::Restarting => t!(lang, "failure-restarting"),
        JobError::Blocked { until: Some(until) } => t!(lang, "failure-blocked-until", when = relative(*until)),
        JobError::Blocked { until: None } => t!(lang, "failure-blocked"),
        JobError::SourceUnusable(problem) => sentences(lang, &[source_message(lang, problem), t!(lang, "not-charged")]),
        JobError::ResultUnusable(_) => t!(lang, "failure-result-unusable"),
        JobError::ProviderRefused { message, paused_until } => with_pause(
            t!(lang, "failure-provider-refused", category = category(lang, refusal_category(message))),
            paused_until,
        ),
        JobError::RefusedByRules { categories, paused_until, .. } if categories.is_empty() => {
            with_pause(t!(lang, "failure-rules"), paused_until)
        }
        JobError::RefusedByRules { categories, paused_until, .. } => {
            with_pause(t!(lang, "failure-rules-flagged", categories = categories.join(", ")), paused_until)
        }
        JobError::UploadFlagged { categories, .. } => {
            t!(lang, "failure-upload-flagged", categories = categories.join(", "))
        }
        JobError::Busy(BackendError::Unavailable(_)) => t!(lang, "failure-unavailable"),
        JobError::Busy(_) => t!(lang, "failure-busy"),
        JobError::TimedOut => t!(lang, "failure-timed-out"),
        JobError::StoppedOnServer(_) => t!(lang, "failure-stopped-on-server"),
        JobError::ModelRetired { model, replacement: Some(r), .. } => {
            t!(lang, "failure-model-retired-replaced", model = model.as_str(), replacement = r.as_str())
        }
        JobError::ModelRetired { model, replacement: None, .. } => {
            t!(lang, "failure-model-retired", model = model.as_str())
        }
        JobError::Misconfigured(_) => t!(lang, "failure-misconfigured"),
        JobError::ResultLost(_) => t!(lang, "failure-result-lost"),
        JobError::DeliveryFailed(_) => t!(lang, "failure-delivery"),
        JobError::Untranslated(_) => t!(lang, "failure-translation"),
        JobError::Unexpected(_) => t!(lang, "failure-unexpected"),
    }
}

/// What went wrong with an upload, in the member's words.
fn source_message(lang: Lang, problem: &SourceError) -> String {
    match problem {
        SourceError::Fetch(FetchError::UntrustedHost(_)) => t!(lang, "source-untrusted-host"),
        SourceError::Fetch(FetchError::TooLarge { max }) => {
            t!(lang, "source-too-large", megabytes = lang.number(*max as f64 / (1024.0 * 1024.0), 0))
        }
        SourceError::LongerThanDeclared { .. } => t!(lang, "source-longer-than-declared"),
        SourceError::Kept(_) => t!(lang, "source-kept-gone"),
        SourceError::Fetch(FetchError::Gone(_)) => t!(lang, "source-gone"),
        SourceError::Fetch(FetchError::CutShort(_)) => t!(lang, "source-cut-short"),
        SourceError::Fetch(FetchError::Failed(_)) => t!(lang, "source-failed"),
        SourceError::Imaging(ImagingError::NotAnImage) => t!(lang, "source-not-an-image"),
        SourceError::Imaging(ImagingError::TooManyPixels { width, height }) => t!(
            lang,
            "source-too-many-pixels",
            width = *width,
            height = *height,
            side = MAX_SIDE,
            megapixels = MAX_PIXELS / 1_000_000
        ),
        SourceError::Imaging(ImagingError::Damaged(_)) => t!(lang, "source-damaged"),
        SourceError::Imaging(ImagingError::CannotFit { .. }) => t!(lang, "source-cannot-fit"),
        SourceError::Imaging(ImagingError::Encode(_)) => t!(lang, "source-encode"),
        SourceError::MaskMismatch { what, mask, image } => {
            let (mask, image) = (format!("{}×{}", mask.0, mask.1), format!("{}×{}", image.0, image.1));
            if *what == "mask" {
                t!(lang, "source-mask-mismatch", mask = mask, image = image)
            } else {
                t!(lang, "source-markup-mismatch", mask = mask, image = image)
            }
        }
    }
}

/// The sentence added when a refusal paused the member (empty when it did not): in the server, or for
/// their own jobs (`personal`) everywhere they use Easel themselves.
fn pause_note(lang: Lang, until: Option<DateTime<Utc>>, personal: bool) -> String {
    let note = |t| match personal {
        true => t!(lang, "failure-pause-personal", when = relative(t)),
        false => t!(lang, "failure-pause", when = relative(t)),
    };
    until.map_or_else(String::new, note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_messages_never_carry_provider_text() {
        let secret_detail = "Incorrect API key provided: sk-abc";
        let e = JobError::from_backend(BackendError::Unauthorized(secret_detail.into()), "m", None);
        assert!(!said(Lang::EnUs, &e).contains("sk-abc"));
        let refused = JobError::from_backend(BackendError::Refused { message: "raw policy text".into() }, "m", None);
        assert!(
            said(Lang::EnUs, &refused).contains("content policy") && !said(Lang::EnUs, &refused).contains("raw policy")
        );
    }

    #[test]
    fn a_retired_model_names_its_replacement() {
        let e = JobError::from_backend(BackendError::ModelGone("deprecated".into()), "dall-e-3", Some("gpt-image-2"));
        assert_eq!(
            said(Lang::EnUs, &e),
            "The model `dall-e-3` has been retired by its provider. Please choose `gpt-image-2` instead."
        );
    }
}
