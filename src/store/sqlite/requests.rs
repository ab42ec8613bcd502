//! Community requests, votes and request boards in SQLite (statements and rows shared with Postgres in
//! `sql::requests`; forgetting words is each database's own JSON).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{all, fail, first, millis, SqliteStore};
use crate::desk::{BoardSettings, CommunityRequest, RequestState, RequestStore, Sort};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::StoreError;
use crate::store::sql::requests as sql;

#[async_trait]
impl RequestStore for SqliteStore {
    async fn board(&self, guild_id: ServerId) -> Result<BoardSettings, StoreError> {
        self.with(move |c| {
            let json: Option<String> =
                c.query_row(sql::BOARD, [guild_id.0 as i64], |r| r.get(0)).optional().map_err(fail)?;
            Ok(crate::store::sql::lenient(json.as_deref()))
        })
        .await
    }

    async fn save_board(
        &self,
        guild_id: ServerId,
        settings: &BoardSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).map_err(fail)?;
        self.with(move |c| {
            c.execute(sql::SAVE_BOARD, params![guild_id.0 as i64, json, millis(now)]).map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn boards_changed(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<(u64, BoardSettings, DateTime<Utc>)>, StoreError> {
        self.with(move |c| all(c, sql::BOARDS_CHANGED_SINCE, [millis(since)], sql::board_change)).await
    }

    async fn member_requests(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
    ) -> Result<(u32, Option<DateTime<Utc>>), StoreError> {
        self.with(move |c| {
            let params = params![guild_id.0 as i64, user_id.0 as i64];
            Ok(first(c, sql::MEMBER_REQUESTS, params, sql::member_requests)?.unwrap_or((0, None)))
        })
        .await
    }

    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        self.with(move |c| {
            c.execute(
                &format!(
                    "UPDATE community_requests SET request = json_patch(request, '{}'), note = NULL, redacted = 1
                     WHERE redacted = 0 AND created_at < ?1 AND state != 'open'",
                    super::jobs::FORGOTTEN_REQUEST
                ),
                [millis(cutoff)],
            )
            .map_err(fail)
        })
        .await
    }

    async fn create_request(&self, request: &CommunityRequest) -> Result<(), StoreError> {
        let r = request.clone();
        let json = serde_json::to_string(&r.request).map_err(fail)?;
        self.with(move |c| {
            let (guild, user) = (r.guild_id() as i64, r.user_id() as i64);
            let params = params![r.id, guild, user, json, r.note, r.estimate_usd, millis(r.created_at)];
            c.execute(sql::CREATE_REQUEST, params).map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn set_card(&self, request_id: &str, channel_id: u64, message_id: u64) -> Result<(), StoreError> {
        let id = request_id.to_owned();
        self.with(move |c| {
            c.execute(sql::SET_CARD, params![id, channel_id as i64, message_id as i64]).map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn community_request(&self, request_id: &str) -> Result<Option<CommunityRequest>, StoreError> {
        let id = request_id.to_owned();
        self.with(move |c| first(c, &sql::request_by_id(), [id], sql::community_request)).await
    }

    async fn vote(&self, request_id: &str, user_id: MemberId) -> Result<bool, StoreError> {
        let id = request_id.to_owned();
        self.with(move |c| Ok(c.execute(sql::VOTE, params![id, user_id.0 as i64]).map_err(fail)? == 1)).await
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
        let (id, reason) = (request_id.to_owned(), reason.map(str::to_owned));
        self.with(move |c| {
            let params = params![id, from.key(), to.key(), by as i64, reason, millis(now)];
            Ok(c.execute(sql::DECIDE, params).map_err(fail)? == 1)
        })
        .await
    }

    async fn set_request_job(&self, request_id: &str, job_id: &str) -> Result<(), StoreError> {
        let (id, job) = (request_id.to_owned(), job_id.to_owned());
        self.with(move |c| {
            c.execute(sql::SET_REQUEST_JOB, params![id, job]).map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn open_requests(
        &self,
        guild_id: ServerId,
        sort: Sort,
        limit: u32,
    ) -> Result<Vec<CommunityRequest>, StoreError> {
        self.with(move |c| all(c, &sql::open_requests(sort), params![guild_id.0 as i64, limit], sql::community_request))
            .await
    }
}
