//! A job's message while it waits or runs, and the answers to a cancel.

use super::member;
use crate::backends::Progress;
use crate::jobs::progress::Status;
use crate::jobs::CancelOutcome;

/// "1st", "2nd", "3rd", "11th", "22nd"…
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// What job `job_id`'s message says while it stands at `status`.
pub fn status(status: &Status, job_id: &str) -> String {
    let mut text = match status {
        Status::Queued { model, ahead: 0, .. } => format!("Next in the queue for `{model}`."),
        Status::Queued { model, ahead, .. } => format!("{} in the queue for `{model}`.", ordinal(ahead + 1)),
        Status::Running { model, steps: Some(Progress { step, steps }) } => {
            format!("Generating your image with `{model}`: step {step} of {steps}…")
        }
        Status::Running { model, steps: None } => format!("Generating your image with `{model}`…"),
        Status::Cancelled { by, charged } => format!("Cancelled by {}. {}", member(*by), charged_words(*charged)),
    };
    if matches!(status, Status::Queued { backend_down: true, .. }) {
        text.push_str(
            "\nThe image service for this model is not answering right now. Your request keeps its place and \
             runs when it is back; you may cancel it meanwhile.",
        );
    }
    text.push_str(&format!("\n-# Job {job_id}"));
    text
}

/// What a cancel cost.
fn charged_words(charged: Option<f64>) -> String {
    match charged {
        None => "Nothing was charged.".to_owned(),
        Some(estimate) => {
            format!("The model had already started, so it counts towards the limits at its estimate (${estimate:.3}).")
        }
    }
}

/// A stranger's Delete click on someone's result.
pub const NOT_YOURS_TO_DELETE: &str = "Only the member who asked for this image, or a moderator, can delete it.";

/// The answer to the member who asked to cancel.
pub fn cancel(outcome: &CancelOutcome) -> String {
    match outcome {
        CancelOutcome::Cancelled { charged } => format!("Cancelled. {}", charged_words(*charged)),
        CancelOutcome::NotFound => "I can't find that request.".into(),
        CancelOutcome::NotYours => "Only the member who asked for this image, or a moderator, can cancel it.".into(),
        CancelOutcome::AlreadyFinished => "That request has already finished, so there is nothing to cancel.".into(),
        CancelOutcome::Failed => "Something went wrong cancelling that request. Please try again.".into(),
        CancelOutcome::NothingActive => "You have no image request waiting or in progress.".into(),
        CancelOutcome::LookupFailed => "Something went wrong looking up your requests. Please try again.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_as_people_say_them() {
        let said: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].into_iter().map(ordinal).collect();
        assert_eq!(said, ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
    }

    #[test]
    fn the_text_names_the_place_the_model_and_a_backend_that_is_down() {
        let queued = |ahead, backend_down| Status::Queued { model: "gpt-image-2".into(), ahead, backend_down };
        assert_eq!(status(&queued(2, false), "7"), "3rd in the queue for `gpt-image-2`.\n-# Job 7");
        assert!(status(&queued(0, true), "7").contains("not answering right now"));
        let running = |steps| Status::Running { model: "sd".into(), steps };
        assert!(status(&running(None), "7").starts_with("Generating your image with `sd`…"));
        let steps = Progress::checked(12, 25);
        assert!(status(&running(steps), "7").starts_with("Generating your image with `sd`: step 12 of 25…"));
        assert_eq!(Progress::checked(30, 25), None, "no step past the last");
    }
}
