//! Community requests, votes and request boards in Postgres (statements and rows shared with SQLite in
//! `sql::requests`; forgetting words is each database's own JSON).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{execute, fail, get, id, millis, query_first, query_map, query_opt, text, Param, PostgresStore};
use crate::desk::{BoardSettings, CommunityRequest, RequestState, RequestStore, Sort};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::StoreError;
use crate::store::sql::requests as sql;

#[async_trait]
impl RequestStore for PostgresStore {
    async fn board(&self, guild_id: ServerId) -> Result<BoardSettings, StoreError> {
        let row = query_opt(&self.client().await?, sql::BOARD, &[&id(guild_id.0)]).await?;
        let json: Option<&str> = row.as_ref().map(|row| get(row, 0)).transpose()?;
        Ok(crate::store::sql::lenient(json))
    }

    async fn save_board(
        &self,
        guild_id: ServerId,
        settings: &BoardSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).map_err(fail)?;
        execute(&self.client().await?, sql::SAVE_BOARD, &[&id(guild_id.0), &json, &millis(now)]).await.map(|_| ())
    }

    async fn boards_changed(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<(u64, BoardSettings, DateTime<Utc>)>, StoreError> {
        query_map(&self.client().await?, sql::BOARDS_CHANGED_SINCE, &[&millis(since)], sql::board_change).await
    }

    async fn member_requests(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
    ) -> Result<(u32, Option<DateTime<Utc>>), StoreError> {
        let client = self.client().await?;
        let params = [&id(guild_id.0) as Param, &id(user_id.0)];
        Ok(query_first(&client, sql::MEMBER_REQUESTS, &params, sql::member_requests).await?.unwrap_or((0, None)))
    }

    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        let sql = format!(
            "UPDATE community_requests SET request = (request::jsonb - {})::text, note = NULL, redacted = 1
             WHERE redacted = 0 AND created_at < $1 AND state != 'open'",
            super::jobs::FORGOTTEN_KEYS
        );
        let changed = execute(&self.client().await?, &sql, &[&millis(cutoff)]).await?;
        Ok(usize::try_from(changed).unwrap_or(usize::MAX))
    }

    async fn create_request(&self, r: &CommunityRequest) -> Result<(), StoreError> {
        let json = serde_json::to_string(&r.request).map_err(fail)?;
        execute(
            &self.client().await?,
            sql::CREATE_REQUEST,
            &[
                &r.id,
                &id(r.guild_id()),
                &id(r.user_id()),
                &json,
                &r.note.as_deref().map(text),
                &r.estimate_usd,
                &millis(r.created_at),
            ],
        )
        .await
        .map(|_| ())
    }

    async fn set_card(&self, request_id: &str, channel_id: u64, message_id: u64) -> Result<(), StoreError> {
        let params = [&request_id as Param, &id(channel_id), &id(message_id)];
        execute(&self.client().await?, sql::SET_CARD, &params).await.map(|_| ())
    }

    async fn community_request(&self, request_id: &str) -> Result<Option<CommunityRequest>, StoreError> {
        query_first(&self.client().await?, &sql::request_by_id(), &[&request_id], sql::community_request).await
    }

    async fn vote(&self, request_id: &str, user_id: MemberId) -> Result<bool, StoreError> {
        Ok(execute(&self.client().await?, sql::VOTE, &[&request_id, &id(user_id.0)]).await? == 1)
    }

    async fn decide(
        &self,
        request_id: &str,
        from: RequestState,
        to: RequestState,
        by: u64,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let changed = execute(
            &self.client().await?,
            sql::DECIDE,
            &[&request_id, &from.key(), &to.key(), &id(by), &reason.map(text), &millis(now)],
        )
        .await?;
        Ok(changed == 1)
    }

    async fn set_request_job(&self, request_id: &str, job_id: &str) -> Result<(), StoreError> {
        execute(&self.client().await?, sql::SET_REQUEST_JOB, &[&request_id, &job_id]).await.map(|_| ())
    }

    async fn open_requests(
        &self,
        guild_id: ServerId,
        sort: Sort,
        limit: u32,
    ) -> Result<Vec<CommunityRequest>, StoreError> {
        let client = self.client().await?;
        let params = [&id(guild_id.0) as Param, &i64::from(limit)];
        query_map(&client, &sql::open_requests(sort), &params, sql::community_request).await
    }
}
