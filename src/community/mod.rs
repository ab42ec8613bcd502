//! What a server's people decide and see about themselves: moderation (rules, pre-check, the audit
//! log), members' settings, spend alerts and reports, and the admin's limits.
//!
//! May import: `domain`, `media` and the leaf helpers.

pub mod admin;
pub mod moderation;
pub mod report;
pub mod settings;
pub mod spend;
pub mod styles;
