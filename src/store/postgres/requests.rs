//! Community requests, votes and request boards in Postgres.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tokio_postgres::Row;

use super::{count, execute, fail, get, id, millis, query, query_opt, text, time, PostgresStore};
use crate::desk::{BoardSettings, CommunityRequest, RequestState, RequestStore, Sort};
use crate::domain::ledger::StoreError;

const COLUMNS: &str = "r.request_id, r.request, r.note, r.estimate_usd, r.state, r.card_channel, r.card_message,
    r.decided_by, r.reason, r.job_id, r.created_at,
    (SELECT COUNT(*) FROM request_votes v WHERE v.request_id = r.request_id)";

fn community_request(row: &Row) -> Result<CommunityRequest, StoreError> {
    let channel: Option<i64> = get(row, 5)?;
    let message: Option<i64> = get(row, 6)?;
    Ok(CommunityRequest {
        id: get(row, 0)?,
        request: serde_json::from_str(get(row, 1)?).map_err(fail)?,
        note: get(row, 2)?,
        estimate_usd: get(row, 3)?,
        state: RequestState::from_key(get(row, 4)?),
        card: channel.zip(message).map(|(c, m)| (c as u64, m as u64)),
        decided_by: get::<Option<i64>>(row, 7)?.map(|u| u as u64),
        reason: get(row, 8)?,
        job_id: get(row, 9)?,
        created_at: time(get(row, 10)?),
        votes: count(get(row, 11)?),
    })
}

#[async_trait]
impl RequestStore for PostgresStore {
    async fn board(&self, guild_id: u64) -> Result<BoardSettings, StoreError> {
        let row = query_opt(
            &self.client().await?,
            "SELECT settings FROM request_boards WHERE guild_id = $1",
            &[&id(guild_id)],
        )
        .await?;
        let Some(row) = row else { return Ok(BoardSettings::default()) };
        // Settings written by another version that no longer parse read as unset.
        Ok(serde_json::from_str(get(&row, 0)?).unwrap_or_default())
    }

    async fn save_board(&self, guild_id: u64, settings: &BoardSettings, now: DateTime<Utc>) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).map_err(fail)?;
        execute(
            &self.client().await?,
            "INSERT INTO request_boards (guild_id, settings, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (guild_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at",
            &[&id(guild_id), &json, &millis(now)],
        )
        .await
        .map(|_| ())
    }

    async fn boards_changed(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<(u64, BoardSettings, DateTime<Utc>)>, StoreError> {
        let rows = query(
            &self.client().await?,
            "SELECT guild_id, settings, updated_at FROM request_boards WHERE updated_at >= $1",
            &[&millis(since)],
        )
        .await?;
        rows.iter()
            .map(|r| {
                Ok((get::<i64>(r, 0)? as u64, serde_json::from_str(get(r, 1)?).unwrap_or_default(), time(get(r, 2)?)))
            })
            .collect()
    }

    async fn member_requests(&self, guild_id: u64, user_id: u64) -> Result<(u32, Option<DateTime<Utc>>), StoreError> {
        let row = super::query_one(
            &self.client().await?,
            "SELECT COUNT(*) FILTER (WHERE state = 'open'), MAX(created_at) FROM community_requests
             WHERE guild_id = $1 AND user_id = $2",
            &[&id(guild_id), &id(user_id)],
        )
        .await?;
        Ok((count(get(&row, 0)?), get::<Option<i64>>(&row, 1)?.map(time)))
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
            "INSERT INTO community_requests (request_id, guild_id, user_id, request, note, estimate_usd, state,
                created_at) VALUES ($1, $2, $3, $4, $5, $6, 'open', $7)",
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
        execute(
            &self.client().await?,
            "UPDATE community_requests SET card_channel = $2, card_message = $3 WHERE request_id = $1",
            &[&request_id, &id(channel_id), &id(message_id)],
        )
        .await
        .map(|_| ())
    }

    async fn community_request(&self, request_id: &str) -> Result<Option<CommunityRequest>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM community_requests r WHERE r.request_id = $1");
        let row = query_opt(&self.client().await?, &sql, &[&request_id]).await?;
        row.as_ref().map(community_request).transpose()
    }

    async fn vote(&self, request_id: &str, user_id: u64) -> Result<bool, StoreError> {
        let added = execute(
            &self.client().await?,
            "INSERT INTO request_votes (request_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&request_id, &id(user_id)],
        )
        .await?;
        Ok(added == 1)
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
            "UPDATE community_requests SET state = $3, decided_by = $4, reason = $5, decided_at = $6
             WHERE request_id = $1 AND state = $2",
            &[&request_id, &from.key(), &to.key(), &id(by), &reason.map(text), &millis(now)],
        )
        .await?;
        Ok(changed == 1)
    }

    async fn set_request_job(&self, request_id: &str, job_id: &str) -> Result<(), StoreError> {
        execute(
            &self.client().await?,
            "UPDATE community_requests SET job_id = $2 WHERE request_id = $1",
            &[&request_id, &job_id],
        )
        .await
        .map(|_| ())
    }

    async fn open_requests(&self, guild_id: u64, sort: Sort, limit: u32) -> Result<Vec<CommunityRequest>, StoreError> {
        let order = match sort {
            Sort::Votes => "12 DESC, r.created_at ASC",
            Sort::Age => "r.created_at ASC",
        };
        let sql = format!(
            "SELECT {COLUMNS} FROM community_requests r WHERE r.guild_id = $1 AND r.state = 'open'
             ORDER BY {order} LIMIT $2"
        );
        let rows = query(&self.client().await?, &sql, &[&id(guild_id), &i64::from(limit)]).await?;
        rows.iter().map(community_request).collect()
    }
}
