//! The words members and moderators read, chosen in one place: each core outcome (what was done, why
//! not, where a job stands) is put into a sentence here, in the reader's language, from the message
//! catalogues in `locales/` ([`messages`]), with Discord's markup (mentions, timestamps, bold, small print).
//! The core returns data; the adapter's handlers and ports call these functions.

pub mod admin;
pub mod desk;
pub mod failure;
pub mod help;
pub mod invalid;
pub mod limits;
pub mod messages;
pub mod notices;
pub mod progress;
pub mod report;
pub mod settings;
pub mod show;
pub mod usage;

use chrono::{DateTime, Utc};

pub use crate::domain::lang::Lang;
pub(crate) use messages::t;

/// Discord's longest message.
pub const MAX_MESSAGE: usize = 2000;

/// A member, as Discord shows a mention (never pinging: every message sets empty `allowed_mentions`).
pub fn member(id: u64) -> String {
    format!("<@{id}>")
}

/// A role, as Discord shows a mention.
pub fn role(id: u64) -> String {
    format!("<@&{id}>")
}

/// A channel, as Discord links it.
pub fn channel(id: u64) -> String {
    format!("<#{id}>")
}

/// A time relative to now, in each reader's own clock ("in 2 hours").
pub fn relative(at: DateTime<Utc>) -> String {
    format!("<t:{}:R>", at.timestamp())
}

/// A date and time, in each reader's own time zone.
pub fn full_time(at: DateTime<Utc>) -> String {
    format!("<t:{}:f>", at.timestamp())
}

/// Sentences one after another, spaced as `lang` writes them (no space between Chinese or Japanese
/// sentences).
pub fn sentences(lang: Lang, parts: &[String]) -> String {
    let separator = if matches!(lang, Lang::ZhCn | Lang::Ja) { "" } else { " " };
    parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(separator)
}

/// Values in code marks, "`a`, `b`", or the language's "none".
pub fn code_list(lang: Lang, values: &[String]) -> String {
    if values.is_empty() {
        return t!(lang, "list-none");
    }
    values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
}

/// A job's outcome as the log and `/moderation history` name it.
pub fn outcome(lang: Lang, outcome: crate::community::moderation::Outcome) -> String {
    use crate::community::moderation::Outcome;
    match outcome {
        Outcome::Delivered => t!(lang, "outcome-delivered"),
        Outcome::RefusedByProvider => t!(lang, "outcome-refused-by-provider"),
        Outcome::RefusedByRules => t!(lang, "outcome-refused-by-rules"),
        Outcome::Failed => t!(lang, "outcome-failed"),
    }
}

/// An audit entry's reason as moderators read it (a cancel names who cancelled).
pub fn audit_reason(lang: Lang, reason: &str) -> String {
    match crate::community::moderation::AuditEntry::cancelled_by(reason) {
        Some(by) => t!(lang, "log-cancelled-by", member = member(by.0)),
        None => reason.to_owned(),
    }
}

/// A reply cut to Discord's message limit.
pub fn fit(text: String) -> String {
    crate::text::truncate(&text, MAX_MESSAGE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::community::moderation::AuditEntry;
    use crate::domain::ids::MemberId;

    #[test]
    fn a_cancel_in_the_log_names_who_cancelled_in_the_readers_language() {
        let reason = AuditEntry::cancelled_reason(MemberId(5));
        assert_eq!(audit_reason(Lang::EnUs, &reason), "Cancelled by <@5>");
        assert_eq!(audit_reason(Lang::De, &reason), "Abgebrochen von <@5>");
        assert_eq!(audit_reason(Lang::EnUs, "against the rules"), "against the rules", "other reasons as stored");
    }
}
