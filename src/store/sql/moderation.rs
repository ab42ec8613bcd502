//! The moderation storage: the audit log, blocklists and log channels.

use super::{id, time, Columns};
use crate::community::moderation::{AuditEntry, Outcome, Rule};
use crate::domain::ledger::StoreError;
use crate::domain::request::JobTag;

/// Forgets members' words older than a time (the retention period): `cutoff`.
pub const FORGET_WORDS_BEFORE: &str =
    "UPDATE audit SET prompt = '', revised_prompt = NULL, image_url = NULL, redacted = 1
     WHERE redacted = 0 AND created_at < ?1";

/// Records (or replaces) a job's audit entry: the sixteen stored fields of [`AuditEntry`] in its order,
/// then its parent. A
/// replaced entry holds words again, so it is no longer marked as forgotten.
pub const RECORD_AUDIT: &str =
    "INSERT INTO audit (job_id, guild_id, channel_id, user_id, command, model, size, quality,
        prompt, revised_prompt, outcome, reason, cost_usd, message_id, image_url, created_at, parent_job_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
     ON CONFLICT (job_id) DO UPDATE SET guild_id = excluded.guild_id, channel_id = excluded.channel_id,
        user_id = excluded.user_id, command = excluded.command, model = excluded.model,
        size = excluded.size, quality = excluded.quality, prompt = excluded.prompt,
        revised_prompt = excluded.revised_prompt, outcome = excluded.outcome, reason = excluded.reason,
        cost_usd = excluded.cost_usd, message_id = excluded.message_id, image_url = excluded.image_url,
        created_at = excluded.created_at, parent_job_id = excluded.parent_job_id, redacted = 0";

/// The columns [`audit_entry`] reads, in its order.
pub const AUDIT_COLUMNS: &str = "job_id, guild_id, channel_id, user_id, command, model, size, quality, prompt,
     revised_prompt, outcome, reason, cost_usd, message_id, image_url, created_at, parent_job_id";

/// A guild's entries, optionally one member's (`?2` NULL: everyone's).
pub const ENTRIES: &str = "FROM audit WHERE guild_id = ?1 AND (CAST(?2 AS BIGINT) IS NULL OR user_id = ?2)";

/// A member's refusals in a server (`?1` NULL: their own jobs) since a time: `guild_id`, `user_id`, `since`.
pub const REFUSALS_SINCE: &str = "SELECT COUNT(*) FROM audit
     WHERE (guild_id = ?1 OR (guild_id IS NULL AND CAST(?1 AS BIGINT) IS NULL)) AND user_id = ?2 AND created_at >= ?3
     AND outcome IN ('refused_provider', 'refused_rules')";

/// Adds a blocklist rule once: `guild_id`, kind, pattern, the time.
pub const ADD_RULE: &str = "INSERT INTO blocklist (guild_id, kind, pattern, created_at) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT DO NOTHING";

/// Removes a blocklist rule: `guild_id`, kind, pattern.
pub const REMOVE_RULE: &str = "DELETE FROM blocklist WHERE guild_id = ?1 AND kind = ?2 AND pattern = ?3";

/// A server's log channel: `guild_id`.
pub const LOG_CHANNEL: &str = "SELECT log_channel_id FROM moderation_settings WHERE guild_id = ?1";

/// Every server's log channel.
pub const LOG_CHANNELS: &str =
    "SELECT guild_id, log_channel_id FROM moderation_settings WHERE log_channel_id IS NOT NULL";

/// Sets a server's log channel: `guild_id`, `channel_id`.
pub const SET_LOG_CHANNEL: &str = "INSERT INTO moderation_settings (guild_id, log_channel_id) VALUES (?1, ?2)
     ON CONFLICT (guild_id) DO UPDATE SET log_channel_id = excluded.log_channel_id";

/// A row of [`AUDIT_COLUMNS`].
pub fn audit_entry(r: &dyn Columns) -> Result<AuditEntry, StoreError> {
    let tag = JobTag {
        job_id: r.text(0)?,
        guild_id: r.opt_int(1)?.map(id),
        channel_id: id(r.int(2)?),
        user_id: id(r.int(3)?),
        command: r.text(4)?,
        model: r.text(5)?,
    };
    Ok(AuditEntry {
        tag,
        size: r.text(6)?,
        quality: r.text(7)?,
        prompt: r.text(8)?,
        revised_prompt: r.opt_text(9)?,
        outcome: Outcome::from_key(&r.text(10)?),
        reason: r.opt_text(11)?,
        cost_usd: r.real(12)?,
        message_id: r.opt_int(13)?.map(id),
        image_url: r.opt_text(14)?,
        created_at: time(r.int(15)?),
        thumbnail: None,
        parent: r.opt_text(16)?,
    })
}

/// A blocklist row: its kind and pattern.
pub fn rule(r: &dyn Columns) -> Result<Rule, StoreError> {
    let pattern = r.text(1)?;
    Ok(if r.text(0)? == "regex" { Rule::Regex(pattern) } else { Rule::Word(pattern) })
}

/// A row of [`LOG_CHANNELS`].
pub fn log_channel(r: &dyn Columns) -> Result<(u64, u64), StoreError> {
    Ok((id(r.int(0)?), id(r.int(1)?)))
}
