//! The words members and moderators read, chosen in one place: each core outcome (what was done, why
//! not, where a job stands) is put into a sentence here, with Discord's markup (mentions, timestamps,
//! bold, small print). The core returns data; the adapter's handlers and ports call these functions.
//! Still phrased elsewhere: the commands' own prompts in the adapter's handlers (e.g. "Please choose a
//! subcommand."), the chart's caption drawn into `/usage server`'s image, and two stored reasons (a
//! block's "by", a cancel's audit reason) that still carry a mention.

pub mod admin;
pub mod desk;
pub mod failure;
pub mod help;
pub mod invalid;
pub mod limits;
pub mod notices;
pub mod progress;
pub mod report;
pub mod settings;
pub mod show;
pub mod usage;

use chrono::{DateTime, Utc};

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

/// A reply cut to Discord's message limit.
pub fn fit(text: String) -> String {
    crate::text::truncate(&text, MAX_MESSAGE)
}
