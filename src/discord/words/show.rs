//! `/show`'s refusals.

use super::Lang;
use crate::discord::words::t;
use crate::jobs::queue::JobState;
use crate::jobs::show::NotShown;

/// Why a result cannot be shown again, for the member who asked.
pub fn not_shown(lang: Lang, why: &NotShown) -> String {
    match why {
        NotShown::Unknown(id) => t!(lang, "show-unknown", job = crate::text::truncate(id, 40)),
        NotShown::NotYours => t!(lang, "show-not-yours"),
        NotShown::NotDelivered(state) => t!(lang, "show-not-delivered", state = job_state(lang, *state)),
        NotShown::Invalid(error) => super::failure::said(lang, error),
        NotShown::Gone => t!(lang, "show-gone"),
    }
}

/// A job's state in words.
fn job_state(lang: Lang, state: JobState) -> String {
    match state {
        JobState::Queued => t!(lang, "job-state-queued"),
        JobState::Running | JobState::Generated => t!(lang, "job-state-running"),
        JobState::Delivered => t!(lang, "job-state-delivered"),
        JobState::Failed => t!(lang, "job-state-failed"),
        JobState::Cancelled => t!(lang, "job-state-cancelled"),
    }
}
