//! The moderation storage ([`ModerationStore`]) in SQLite: the audit log, blocklists, log channels and
//! the pauses of repeat offenders.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{fail, millis, time, SqliteStore};
use crate::community::moderation::{AuditEntry, ModerationStore, Outcome, Rule};
use crate::domain::ledger::{Store, StoreError};
use crate::domain::limits::Block;

#[async_trait]
impl ModerationStore for SqliteStore {
    async fn pause(&self, guild_id: u64, user_id: u64, block: &Block, now: DateTime<Utc>) -> Result<(), StoreError> {
        Store::block(self, guild_id, user_id, block, now).await
    }

    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        self.with(move |c| {
            c.execute(
                "UPDATE audit SET prompt = '', revised_prompt = NULL, image_url = NULL, redacted = 1
                 WHERE redacted = 0 AND created_at < ?1",
                [millis(cutoff)],
            )
            .map_err(fail)
        })
        .await
    }

    async fn record_audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        let e = entry.clone();
        self.with(move |c| {
            c.execute(
                "INSERT OR REPLACE INTO audit (job_id, guild_id, channel_id, user_id, command, model, size, quality,
                    prompt, revised_prompt, outcome, reason, cost_usd, message_id, image_url, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                params![
                    e.job_id,
                    e.guild_id.map(|g| g as i64),
                    e.channel_id as i64,
                    e.user_id as i64,
                    e.command,
                    e.model,
                    e.size,
                    e.quality,
                    e.prompt,
                    e.revised_prompt,
                    e.outcome.key(),
                    e.reason,
                    e.cost_usd,
                    e.message_id.map(|m| m as i64),
                    e.image_url,
                    millis(e.created_at)
                ],
            )
            .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn audit_history(
        &self,
        guild_id: u64,
        user_id: Option<u64>,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<AuditEntry>, u32), StoreError> {
        self.with(move |c| {
            let user = user_id.map(|u| u as i64);
            let total: u32 = c
                .query_row(
                    "SELECT COUNT(*) FROM audit WHERE guild_id = ?1 AND (?2 IS NULL OR user_id = ?2)",
                    params![guild_id as i64, user],
                    |r| r.get(0),
                )
                .map_err(fail)?;
            let mut statement = c
                .prepare(
                    "SELECT job_id, guild_id, channel_id, user_id, command, model, size, quality, prompt,
                            revised_prompt, outcome, reason, cost_usd, message_id, image_url, created_at
                     FROM audit WHERE guild_id = ?1 AND (?2 IS NULL OR user_id = ?2)
                     ORDER BY created_at DESC, job_id DESC LIMIT ?3 OFFSET ?4",
                )
                .map_err(fail)?;
            let rows = statement
                .query_map(params![guild_id as i64, user, limit, offset], |r| {
                    Ok(AuditEntry {
                        job_id: r.get(0)?,
                        guild_id: r.get::<_, Option<i64>>(1)?.map(|g| g as u64),
                        channel_id: r.get::<_, i64>(2)? as u64,
                        user_id: r.get::<_, i64>(3)? as u64,
                        command: r.get(4)?,
                        model: r.get(5)?,
                        size: r.get(6)?,
                        quality: r.get(7)?,
                        prompt: r.get(8)?,
                        revised_prompt: r.get(9)?,
                        outcome: Outcome::from_key(&r.get::<_, String>(10)?),
                        reason: r.get(11)?,
                        cost_usd: r.get(12)?,
                        message_id: r.get::<_, Option<i64>>(13)?.map(|m| m as u64),
                        image_url: r.get(14)?,
                        created_at: time(r.get(15)?),
                        thumbnail: None,
                    })
                })
                .map_err(fail)?;
            let entries = rows.collect::<Result<Vec<_>, _>>().map_err(fail)?;
            Ok((entries, total))
        })
        .await
    }

    async fn refusals_since(&self, guild_id: u64, user_id: u64, since: DateTime<Utc>) -> Result<u32, StoreError> {
        self.with(move |c| {
            c.query_row(
                "SELECT COUNT(*) FROM audit WHERE guild_id = ?1 AND user_id = ?2 AND created_at >= ?3
                 AND outcome IN ('refused_provider', 'refused_rules')",
                params![guild_id as i64, user_id as i64, millis(since)],
                |r| r.get(0),
            )
            .map_err(fail)
        })
        .await
    }

    async fn blocklist(&self, guild_id: u64) -> Result<Vec<Rule>, StoreError> {
        self.with(move |c| {
            let mut statement = c
                .prepare("SELECT kind, pattern FROM blocklist WHERE guild_id = ?1 ORDER BY created_at, pattern")
                .map_err(fail)?;
            let rows = statement
                .query_map([guild_id as i64], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(fail)?;
            let mut rules = Vec::new();
            for row in rows {
                let (kind, pattern) = row.map_err(fail)?;
                rules.push(if kind == "regex" { Rule::Regex(pattern) } else { Rule::Word(pattern) });
            }
            Ok(rules)
        })
        .await
    }

    async fn add_rule(&self, guild_id: u64, rule: &Rule, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let rule = rule.clone();
        self.with(move |c| {
            let (kind, pattern) = rule.parts();
            c.execute(
                "INSERT OR IGNORE INTO blocklist (guild_id, kind, pattern, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![guild_id as i64, kind, pattern, millis(now)],
            )
            .map(|n| n > 0)
            .map_err(fail)
        })
        .await
    }

    async fn remove_rule(&self, guild_id: u64, rule: &Rule) -> Result<bool, StoreError> {
        let rule = rule.clone();
        self.with(move |c| {
            let (kind, pattern) = rule.parts();
            c.execute(
                "DELETE FROM blocklist WHERE guild_id = ?1 AND kind = ?2 AND pattern = ?3",
                params![guild_id as i64, kind, pattern],
            )
            .map(|n| n > 0)
            .map_err(fail)
        })
        .await
    }

    async fn log_channel(&self, guild_id: u64) -> Result<Option<u64>, StoreError> {
        self.with(move |c| {
            c.query_row("SELECT log_channel_id FROM moderation_settings WHERE guild_id = ?1", [guild_id as i64], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .optional()
            .map(|v| v.flatten().map(|c| c as u64))
            .map_err(fail)
        })
        .await
    }

    async fn log_channels(&self) -> Result<Vec<(u64, u64)>, StoreError> {
        self.with(|c| {
            let mut statement = c
                .prepare("SELECT guild_id, log_channel_id FROM moderation_settings WHERE log_channel_id IS NOT NULL")
                .map_err(fail)?;
            let rows = statement
                .query_map([], |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)))
                .map_err(fail)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            Ok(rows)
        })
        .await
    }

    async fn set_log_channel(&self, guild_id: u64, channel_id: u64) -> Result<(), StoreError> {
        self.with(move |c| {
            c.execute(
                "INSERT INTO moderation_settings (guild_id, log_channel_id) VALUES (?1, ?2)
                 ON CONFLICT (guild_id) DO UPDATE SET log_channel_id = excluded.log_channel_id",
                params![guild_id as i64, channel_id as i64],
            )
            .map_err(fail)?;
            Ok(())
        })
        .await
    }
}
