//! Community requests' words: the member filing one, voters, the deciding moderator, the requester.

use super::{channel, member};
use crate::desk::board::DeskRefusal;
use crate::desk::CommunityRequest;

/// The member's answer once their request is posted in `channel_id`.
pub fn posted(channel_id: u64) -> String {
    format!(
        "Your request is posted in {} for the moderators to approve; you'll hear back by direct message. Members \
         can vote for it there.",
        channel(channel_id)
    )
}

/// The moderator's answer once a request is approved (posted in `gallery` when known).
pub fn approved(gallery: Option<u64>) -> String {
    let place = gallery.map_or_else(String::new, |g| format!(" in {}", channel(g)));
    format!("Approved. It is being made on the server's budget and will be posted{place}.")
}

/// The moderator's answer once a request is denied.
pub fn denied() -> String {
    "Denied; the requester has been told why.".to_owned()
}

/// What a requester reads when their request is denied.
pub fn denied_to_requester(request: &CommunityRequest, reason: &str) -> String {
    let prompt = crate::text::echo(request.request.prompt.as_deref().unwrap_or_default(), 200);
    format!("Your request \u{201c}{prompt}\u{201d} was not approved by the moderators. Their reason: {reason}")
}

/// What a requester reads when their approved request's image is posted.
pub fn delivered_to_requester(request_prompt: &str, moderator: u64, link: &str) -> String {
    let prompt = crate::text::echo(request_prompt, 200);
    format!(
        "Your request \u{201c}{prompt}\u{201d} was approved by {}, and the image is in the gallery: {link}",
        member(moderator)
    )
}

/// Why the desk did nothing, for whoever asked.
pub fn refused(refusal: &DeskRefusal) -> String {
    match refusal {
        DeskRefusal::OutsideServers => "Requests work in servers.".into(),
        DeskRefusal::NoRequestsChannel => {
            "This server has no requests channel yet: a moderator can choose one with `/requests channel`.".into()
        }
        DeskRefusal::TooManyOpen(open) => format!(
            "You already have {open} open request(s) here, the most allowed at once. Please wait until the \
             moderators decide on one."
        ),
        DeskRefusal::Refused(error) => super::failure::said(error),
        DeskRefusal::Starting => "Easel is still starting. Please try again in a moment.".into(),
        DeskRefusal::CannotPost(id) => {
            format!("I couldn't post in {}: please ask a moderator to let me send messages there.", channel(*id))
        }
        DeskRefusal::NoSuchRequest => "I have no such request on record.".into(),
        DeskRefusal::OwnRequest => "You can't vote for your own request.".into(),
        DeskRefusal::VoterBlocked => "You can't vote while you are blocked from Easel here.".into(),
        DeskRefusal::AlreadyVoted => "You have already voted for this request.".into(),
        DeskRefusal::Decided => "This request has already been decided.".into(),
        DeskRefusal::NotStarted(error) => {
            format!("I couldn't start it, so the request stays open: {}", super::failure::said(error))
        }
        DeskRefusal::NotDecider => {
            "Only moderators (Manage Messages, or the server's request moderator role) can approve or deny requests."
                .into()
        }
        DeskRefusal::NotSaved => "I couldn't save that just now. Please try again.".into(),
        DeskRefusal::StoreFailed => "Something went wrong on my side. Please try again.".into(),
    }
}
