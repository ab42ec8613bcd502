//! The moderation storage ([`ModerationStore`]) in Postgres: the audit log, blocklists, log channels and
//! the pauses of repeat offenders.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tokio_postgres::Row;

use super::{count, execute, get, id, millis, query, query_one, query_opt, text, time, PostgresStore};
use crate::community::moderation::{AuditEntry, ModerationStore, Outcome, Rule};
use crate::domain::ledger::{Store, StoreError};
use crate::domain::limits::Block;

/// A guild's entries, optionally one member's (`$2` NULL: everyone's).
const ENTRIES: &str = "FROM audit WHERE guild_id = $1 AND ($2::BIGINT IS NULL OR user_id = $2)";

fn audit_entry(r: &Row) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        job_id: get(r, 0)?,
        guild_id: get::<Option<i64>>(r, 1)?.map(|g| g as u64),
        channel_id: get::<i64>(r, 2)? as u64,
        user_id: get::<i64>(r, 3)? as u64,
        command: get(r, 4)?,
        model: get(r, 5)?,
        size: get(r, 6)?,
        quality: get(r, 7)?,
        prompt: get(r, 8)?,
        revised_prompt: get(r, 9)?,
        outcome: Outcome::from_key(get(r, 10)?),
        reason: get(r, 11)?,
        cost_usd: get(r, 12)?,
        message_id: get::<Option<i64>>(r, 13)?.map(|m| m as u64),
        image_url: get(r, 14)?,
        created_at: time(get(r, 15)?),
        thumbnail: None,
    })
}

#[async_trait]
impl ModerationStore for PostgresStore {
    async fn pause(&self, guild_id: u64, user_id: u64, block: &Block, now: DateTime<Utc>) -> Result<(), StoreError> {
        Store::block(self, guild_id, user_id, block, now).await
    }

    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        let changed = execute(
            &self.client().await?,
            "UPDATE audit SET prompt = '', revised_prompt = NULL, image_url = NULL, redacted = 1
             WHERE redacted = 0 AND created_at < $1",
            &[&millis(cutoff)],
        )
        .await?;
        Ok(usize::try_from(changed).unwrap_or(usize::MAX))
    }

    async fn record_audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
        execute(
            &self.client().await?,
            "INSERT INTO audit (job_id, guild_id, channel_id, user_id, command, model, size, quality,
                prompt, revised_prompt, outcome, reason, cost_usd, message_id, image_url, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
             ON CONFLICT (job_id) DO UPDATE SET guild_id = excluded.guild_id, channel_id = excluded.channel_id,
                user_id = excluded.user_id, command = excluded.command, model = excluded.model,
                size = excluded.size, quality = excluded.quality, prompt = excluded.prompt,
                revised_prompt = excluded.revised_prompt, outcome = excluded.outcome, reason = excluded.reason,
                cost_usd = excluded.cost_usd, message_id = excluded.message_id, image_url = excluded.image_url,
                created_at = excluded.created_at",
            &[
                &e.job_id,
                &e.guild_id.map(id),
                &id(e.channel_id),
                &id(e.user_id),
                &e.command,
                &e.model,
                &e.size,
                &e.quality,
                &text(&e.prompt),
                &e.revised_prompt.as_deref().map(text),
                &e.outcome.key(),
                &e.reason.as_deref().map(text),
                &e.cost_usd,
                &e.message_id.map(id),
                &e.image_url,
                &millis(e.created_at),
            ],
        )
        .await
        .map(|_| ())
    }

    async fn audit_history(
        &self,
        guild_id: u64,
        user_id: Option<u64>,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<AuditEntry>, u32), StoreError> {
        let client = self.client().await?;
        let (guild, user) = (id(guild_id), user_id.map(id));
        let total = count(get(&query_one(&client, &format!("SELECT COUNT(*) {ENTRIES}"), &[&guild, &user]).await?, 0)?);
        // `COLLATE "C"`: the byte order SQLite sorts text in, whatever the database's collation.
        let sql = format!(
            "SELECT job_id, guild_id, channel_id, user_id, command, model, size, quality, prompt,
                    revised_prompt, outcome, reason, cost_usd, message_id, image_url, created_at
             {ENTRIES} ORDER BY created_at DESC, job_id COLLATE \"C\" DESC LIMIT $3 OFFSET $4"
        );
        let rows = query(&client, &sql, &[&guild, &user, &i64::from(limit), &i64::from(offset)]).await?;
        let entries = rows.iter().map(audit_entry).collect::<Result<Vec<_>, _>>()?;
        Ok((entries, total))
    }

    async fn refusals_since(&self, guild_id: u64, user_id: u64, since: DateTime<Utc>) -> Result<u32, StoreError> {
        let row = query_one(
            &self.client().await?,
            "SELECT COUNT(*) FROM audit WHERE guild_id = $1 AND user_id = $2 AND created_at >= $3
             AND outcome IN ('refused_provider', 'refused_rules')",
            &[&id(guild_id), &id(user_id), &millis(since)],
        )
        .await?;
        Ok(count(get(&row, 0)?))
    }

    async fn blocklist(&self, guild_id: u64) -> Result<Vec<Rule>, StoreError> {
        let rows = query(
            &self.client().await?,
            "SELECT kind, pattern FROM blocklist WHERE guild_id = $1 ORDER BY created_at, pattern COLLATE \"C\"",
            &[&id(guild_id)],
        )
        .await?;
        rows.iter()
            .map(|r| {
                let pattern: String = get(r, 1)?;
                Ok(if get::<&str>(r, 0)? == "regex" { Rule::Regex(pattern) } else { Rule::Word(pattern) })
            })
            .collect()
    }

    async fn add_rule(&self, guild_id: u64, rule: &Rule, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let (kind, pattern) = rule.parts();
        let pattern = text(pattern);
        let added = execute(
            &self.client().await?,
            "INSERT INTO blocklist (guild_id, kind, pattern, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            &[&id(guild_id), &kind, &pattern, &millis(now)],
        )
        .await?;
        Ok(added > 0)
    }

    async fn remove_rule(&self, guild_id: u64, rule: &Rule) -> Result<bool, StoreError> {
        let (kind, pattern) = rule.parts();
        let pattern = text(pattern);
        let removed = execute(
            &self.client().await?,
            "DELETE FROM blocklist WHERE guild_id = $1 AND kind = $2 AND pattern = $3",
            &[&id(guild_id), &kind, &pattern],
        )
        .await?;
        Ok(removed > 0)
    }

    async fn log_channel(&self, guild_id: u64) -> Result<Option<u64>, StoreError> {
        let row = query_opt(
            &self.client().await?,
            "SELECT log_channel_id FROM moderation_settings WHERE guild_id = $1",
            &[&id(guild_id)],
        )
        .await?;
        Ok(row.map(|r| get::<Option<i64>>(&r, 0)).transpose()?.flatten().map(|c| c as u64))
    }

    async fn log_channels(&self) -> Result<Vec<(u64, u64)>, StoreError> {
        let rows = query(
            &self.client().await?,
            "SELECT guild_id, log_channel_id FROM moderation_settings WHERE log_channel_id IS NOT NULL",
            &[],
        )
        .await?;
        rows.iter().map(|r| Ok((get::<i64>(r, 0)? as u64, get::<i64>(r, 1)? as u64))).collect()
    }

    async fn set_log_channel(&self, guild_id: u64, channel_id: u64) -> Result<(), StoreError> {
        execute(
            &self.client().await?,
            "INSERT INTO moderation_settings (guild_id, log_channel_id) VALUES ($1, $2)
             ON CONFLICT (guild_id) DO UPDATE SET log_channel_id = excluded.log_channel_id",
            &[&id(guild_id), &id(channel_id)],
        )
        .await
        .map(|_| ())
    }
}
