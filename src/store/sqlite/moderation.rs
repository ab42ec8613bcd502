//! The moderation storage ([`ModerationStore`]) in SQLite: the audit log, blocklists, log channels and
//! the pauses of repeat offenders (statements and rows shared with Postgres in `sql::moderation`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{all, fail, millis, SqliteStore};
use crate::community::moderation::{AuditEntry, ModerationStore, Rule};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::{Store, StoreError};
use crate::domain::limits::Block;
use crate::store::sql::moderation as sql;

#[async_trait]
impl ModerationStore for SqliteStore {
    async fn pause(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        block: &Block,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        Store::block(self, guild_id, user_id, block, now).await
    }

    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        self.with(move |c| c.execute(sql::FORGET_WORDS_BEFORE, [millis(cutoff)]).map_err(fail)).await
    }

    async fn record_audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        let e = entry.clone();
        self.with(move |c| {
            c.execute(
                sql::RECORD_AUDIT,
                params![
                    e.tag.job_id,
                    e.tag.guild_id.map(|g| g as i64),
                    e.tag.channel_id as i64,
                    e.tag.user_id as i64,
                    e.tag.command,
                    e.tag.model,
                    e.size,
                    e.quality,
                    e.prompt,
                    e.revised_prompt,
                    e.outcome.key(),
                    e.reason,
                    e.cost_usd,
                    e.message_id.map(|m| m as i64),
                    e.image_url,
                    millis(e.created_at),
                    e.parent
                ],
            )
            .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn audit_history(
        &self,
        guild_id: ServerId,
        user_id: Option<MemberId>,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<AuditEntry>, u32), StoreError> {
        self.with(move |c| {
            let (guild, user) = (guild_id.0 as i64, user_id.map(|u| u.0 as i64));
            let count = format!("SELECT COUNT(*) {}", sql::ENTRIES);
            let total: u32 = c.query_row(&count, params![guild, user], |r| r.get(0)).map_err(fail)?;
            let page = format!(
                "SELECT {} {} ORDER BY created_at DESC, job_id DESC LIMIT ?3 OFFSET ?4",
                sql::AUDIT_COLUMNS,
                sql::ENTRIES
            );
            let entries = all(c, &page, params![guild, user, limit, offset], sql::audit_entry)?;
            Ok((entries, total))
        })
        .await
    }

    async fn refusals_since(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        since: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        self.with(move |c| {
            let params = params![guild_id.map(|g| g.0 as i64), user_id.0 as i64, millis(since)];
            c.query_row(sql::REFUSALS_SINCE, params, |r| r.get(0)).map_err(fail)
        })
        .await
    }

    async fn blocklist(&self, guild_id: ServerId) -> Result<Vec<Rule>, StoreError> {
        self.with(move |c| {
            // SQLite sorts text by its bytes already (Postgres needs `COLLATE "C"` for that).
            let oldest_first = "SELECT kind, pattern FROM blocklist WHERE guild_id = ?1 ORDER BY created_at, pattern";
            all(c, oldest_first, [guild_id.0 as i64], sql::rule)
        })
        .await
    }

    async fn add_rule(&self, guild_id: ServerId, rule: &Rule, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let rule = rule.clone();
        self.with(move |c| {
            let (kind, pattern) = rule.parts();
            let params = params![guild_id.0 as i64, kind, pattern, millis(now)];
            c.execute(sql::ADD_RULE, params).map(|n| n > 0).map_err(fail)
        })
        .await
    }

    async fn remove_rule(&self, guild_id: ServerId, rule: &Rule) -> Result<bool, StoreError> {
        let rule = rule.clone();
        self.with(move |c| {
            let (kind, pattern) = rule.parts();
            c.execute(sql::REMOVE_RULE, params![guild_id.0 as i64, kind, pattern]).map(|n| n > 0).map_err(fail)
        })
        .await
    }

    async fn log_channel(&self, guild_id: ServerId) -> Result<Option<u64>, StoreError> {
        self.with(move |c| {
            c.query_row(sql::LOG_CHANNEL, [guild_id.0 as i64], |r| r.get::<_, Option<i64>>(0))
                .optional()
                .map(|v| v.flatten().map(|c| c as u64))
                .map_err(fail)
        })
        .await
    }

    async fn log_channels(&self) -> Result<Vec<(u64, u64)>, StoreError> {
        self.with(|c| all(c, sql::LOG_CHANNELS, [], sql::log_channel)).await
    }

    async fn set_log_channel(&self, guild_id: ServerId, channel_id: u64) -> Result<(), StoreError> {
        self.with(move |c| {
            c.execute(sql::SET_LOG_CHANNEL, params![guild_id.0 as i64, channel_id as i64]).map_err(fail)?;
            Ok(())
        })
        .await
    }
}
