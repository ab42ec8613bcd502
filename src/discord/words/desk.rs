//! Community requests' words: the member filing one, voters, the deciding moderator, the requester.

use super::{channel, member, Lang};
use crate::desk::board::DeskRefusal;
use crate::desk::CommunityRequest;
use crate::discord::words::t;

/// The member's answer once their request is posted in `channel_id`.
pub fn posted(lang: Lang, channel_id: u64) -> String {
    t!(lang, "desk-posted", channel = channel(channel_id))
}

/// The moderator's answer once a request is approved (posted in `gallery` when known).
pub fn approved(lang: Lang, gallery: Option<u64>) -> String {
    match gallery {
        Some(g) => t!(lang, "desk-approved-in", gallery = channel(g)),
        None => t!(lang, "desk-approved"),
    }
}

/// The moderator's answer once a request is denied.
pub fn denied(lang: Lang) -> String {
    t!(lang, "desk-denied")
}

/// What a requester reads when their request is denied.
pub fn denied_to_requester(lang: Lang, request: &CommunityRequest, reason: &str) -> String {
    let prompt = crate::text::echo(request.request.prompt.as_deref().unwrap_or_default(), 200);
    t!(lang, "desk-denied-to-requester", prompt = prompt, reason = reason)
}

/// What a requester reads when their approved request's image is posted.
pub fn delivered_to_requester(lang: Lang, request_prompt: &str, moderator: u64, link: &str) -> String {
    let prompt = crate::text::echo(request_prompt, 200);
    t!(lang, "desk-delivered-to-requester", prompt = prompt, moderator = member(moderator), link = link)
}

/// Why the desk did nothing, for whoever asked.
pub fn refused(lang: Lang, refusal: &DeskRefusal) -> String {
    match refusal {
        DeskRefusal::OutsideServers => t!(lang, "desk-outside-servers"),
        DeskRefusal::NoRequestsChannel => t!(lang, "desk-no-channel"),
        DeskRefusal::TooManyOpen(open) => t!(lang, "desk-too-many-open", count = *open),
        DeskRefusal::Refused(error) => super::failure::said(lang, error),
        DeskRefusal::Starting => t!(lang, "desk-starting"),
        DeskRefusal::CannotPost(id) => t!(lang, "desk-cannot-post", channel = channel(*id)),
        DeskRefusal::NoSuchRequest => t!(lang, "desk-no-such-request"),
        DeskRefusal::OwnRequest => t!(lang, "desk-own-request"),
        DeskRefusal::VoterBlocked => t!(lang, "desk-voter-blocked"),
        DeskRefusal::AlreadyVoted => t!(lang, "desk-already-voted"),
        DeskRefusal::Decided => t!(lang, "desk-decided"),
        DeskRefusal::NotStarted(error) => t!(lang, "desk-not-started", why = super::failure::said(lang, error)),
        DeskRefusal::NotDecider => t!(lang, "desk-not-decider"),
        DeskRefusal::NotSaved => t!(lang, "desk-not-saved"),
        DeskRefusal::StoreFailed => t!(lang, "generic-failure"),
    }
}
