//! A job's message while it waits or runs, and the answers to a cancel.

use super::{member, sentences, Lang};
use crate::backends::Progress;
use crate::discord::words::t;
use crate::jobs::progress::Status;
use crate::jobs::CancelOutcome;

/// What job `job_id`'s message says while it stands at `status`.
pub fn status(lang: Lang, status: &Status, job_id: &str) -> String {
    let mut text = match status {
        Status::Queued { model, ahead: 0, .. } => t!(lang, "progress-next", model = model.as_str()),
        Status::Queued { model, ahead, .. } => t!(lang, "progress-place", place = ahead + 1, model = model.as_str()),
        Status::Running { model, steps: Some(Progress { step, steps }) } => {
            t!(lang, "progress-step", model = model.as_str(), step = *step, steps = *steps)
        }
        Status::Running { model, steps: None } => t!(lang, "progress-running", model = model.as_str()),
        Status::Cancelled { by, charged } => {
            sentences(lang, &[t!(lang, "progress-cancelled-by", member = member(*by)), charged_words(lang, *charged)])
        }
    };
    if matches!(status, Status::Queued { backend_down: true, .. }) {
        text.push('\n');
        text.push_str(&t!(lang, "progress-backend-down"));
    }
    text.push('\n');
    text.push_str(&t!(lang, "job-footnote", job = job_id));
    text
}

/// What a cancel cost.
fn charged_words(lang: Lang, charged: Option<f64>) -> String {
    match charged {
        None => t!(lang, "cancel-nothing-charged"),
        Some(estimate) => t!(lang, "cancel-charged-estimate", estimate = lang.money(estimate, 3)),
    }
}

/// The answer to the member who asked to cancel.
pub fn cancel(lang: Lang, outcome: &CancelOutcome) -> String {
    match outcome {
        CancelOutcome::Cancelled { charged } => {
            sentences(lang, &[t!(lang, "cancel-done"), charged_words(lang, *charged)])
        }
        CancelOutcome::NotFound => t!(lang, "cancel-not-found"),
        CancelOutcome::NotYours => t!(lang, "cancel-not-yours"),
        CancelOutcome::AlreadyFinished => t!(lang, "cancel-already-finished"),
        CancelOutcome::Failed => t!(lang, "cancel-failed"),
        CancelOutcome::NothingActive => t!(lang, "cancel-nothing-active"),
        CancelOutcome::LookupFailed => t!(lang, "cancel-lookup-failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_as_people_say_them() {
        let queued = |ahead| Status::Queued { model: "m".into(), ahead, backend_down: false };
        let said: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .into_iter()
            .map(|place| status(Lang::EnUs, &queued(place - 1), "7"))
            .map(|text| text.split(' ').next().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(said, ["Next", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
    }

    #[test]
    fn the_text_names_the_place_the_model_and_a_backend_that_is_down() {
        let queued = |ahead, backend_down| Status::Queued { model: "gpt-image-2".into(), ahead, backend_down };
        assert_eq!(status(Lang::EnUs, &queued(2, false), "7"), "3rd in the queue for `gpt-image-2`.\n-# Job 7");
        assert!(status(Lang::EnUs, &queued(0, true), "7").contains("not answering right now"));
        let running = |steps| Status::Running { model: "sd".into(), steps };
        assert!(status(Lang::EnUs, &running(None), "7").starts_with("Generating your image with `sd`…"));
        let steps = Progress::checked(12, 25);
        assert!(status(Lang::EnUs, &running(steps), "7").starts_with("Generating your image with `sd`: step 12 of 25…"));
        assert_eq!(Progress::checked(30, 25), None, "no step past the last");
    }
}
