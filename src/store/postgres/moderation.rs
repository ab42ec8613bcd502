//! The moderation storage ([`ModerationStore`]) in Postgres: the audit log, blocklists, log channels and
//! the pauses of repeat offenders (statements and rows shared with SQLite in `sql::moderation`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{count, execute, get, id, millis, query_map, query_one, query_opt, text, Param, PostgresStore};
use crate::community::moderation::{AuditEntry, ModerationStore, Rule};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::{Store, StoreError};
use crate::domain::limits::Block;
use crate::store::sql::moderation as sql;

#[async_trait]
impl ModerationStore for PostgresStore {
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
        let changed = execute(&self.client().await?, sql::FORGET_WORDS_BEFORE, &[&millis(cutoff)]).await?;
        Ok(usize::try_from(changed).unwrap_or(usize::MAX))
    }

    async fn record_audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
        execute(
            &self.client().await?,
            sql::RECORD_AUDIT,
            &[
                &e.tag.job_id,
                &e.tag.guild_id.map(id),
                &id(e.tag.channel_id),
                &id(e.tag.user_id),
                &e.tag.command,
                &e.tag.model,
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
                &e.parent,
            ],
        )
        .await
        .map(|_| ())
    }

    async fn audit_history(
        &self,
        guild_id: ServerId,
        user_id: Option<MemberId>,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<AuditEntry>, u32), StoreError> {
        let client = self.client().await?;
        let (guild, user) = (id(guild_id.0), user_id.map(|u| id(u.0)));
        let total =
            count(get(&query_one(&client, &format!("SELECT COUNT(*) {}", sql::ENTRIES), &[&guild, &user]).await?, 0)?);
        // `COLLATE "C"`: the byte order SQLite sorts text in, whatever the database's collation.
        let page = format!(
            "SELECT {} {} ORDER BY created_at DESC, job_id COLLATE \"C\" DESC LIMIT ?3 OFFSET ?4",
            sql::AUDIT_COLUMNS,
            sql::ENTRIES
        );
        let params = [&guild as Param, &user, &i64::from(limit), &i64::from(offset)];
        let entries = query_map(&client, &page, &params, sql::audit_entry).await?;
        Ok((entries, total))
    }

    async fn refusals_since(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        since: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        let guild = guild_id.map(|g| id(g.0));
        let row =
            query_one(&self.client().await?, sql::REFUSALS_SINCE, &[&guild, &id(user_id.0), &millis(since)]).await?;
        Ok(count(get(&row, 0)?))
    }

    async fn blocklist(&self, guild_id: ServerId) -> Result<Vec<Rule>, StoreError> {
        let oldest_first =
            "SELECT kind, pattern FROM blocklist WHERE guild_id = ?1 ORDER BY created_at, pattern COLLATE \"C\"";
        query_map(&self.client().await?, oldest_first, &[&id(guild_id.0)], sql::rule).await
    }

    async fn add_rule(&self, guild_id: ServerId, rule: &Rule, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let (kind, pattern) = rule.parts();
        let pattern = text(pattern);
        let added =
            execute(&self.client().await?, sql::ADD_RULE, &[&id(guild_id.0), &kind, &pattern, &millis(now)]).await?;
        Ok(added > 0)
    }

    async fn remove_rule(&self, guild_id: ServerId, rule: &Rule) -> Result<bool, StoreError> {
        let (kind, pattern) = rule.parts();
        let pattern = text(pattern);
        let removed = execute(&self.client().await?, sql::REMOVE_RULE, &[&id(guild_id.0), &kind, &pattern]).await?;
        Ok(removed > 0)
    }

    async fn log_channel(&self, guild_id: ServerId) -> Result<Option<u64>, StoreError> {
        let row = query_opt(&self.client().await?, sql::LOG_CHANNEL, &[&id(guild_id.0)]).await?;
        Ok(row.map(|r| get::<Option<i64>>(&r, 0)).transpose()?.flatten().map(|c| c as u64))
    }

    async fn log_channels(&self) -> Result<Vec<(u64, u64)>, StoreError> {
        query_map(&self.client().await?, sql::LOG_CHANNELS, &[], sql::log_channel).await
    }

    async fn set_log_channel(&self, guild_id: ServerId, channel_id: u64) -> Result<(), StoreError> {
        execute(&self.client().await?, sql::SET_LOG_CHANNEL, &[&id(guild_id.0), &id(channel_id)]).await.map(|_| ())
    }
}
