//! `/show`'s refusals.

use crate::jobs::show::NotShown;

/// Why a result cannot be shown again, for the member who asked.
pub fn not_shown(why: &NotShown) -> String {
    match why {
        NotShown::Unknown(id) => format!("I have no image job `{}` on record.", crate::text::truncate(id, 40)),
        NotShown::NotYours => "Only the member who asked for this image, or a moderator, can show it again.".into(),
        NotShown::NotDelivered(state) => {
            format!("That job was not delivered (it is {}), so there is nothing to show.", state.key())
        }
        NotShown::Invalid(error) => super::failure::said(error),
        NotShown::Gone => "That job's images are no longer kept, and I don't know where they were posted.".into(),
    }
}
