//! Community requests, votes and request boards in SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::{fail, millis, time, SqliteStore};
use crate::desk::{BoardSettings, CommunityRequest, RequestState, RequestStore, Sort};
use crate::domain::ledger::StoreError;

const COLUMNS: &str = "r.request_id, r.request, r.note, r.estimate_usd, r.state, r.card_channel, r.card_message,
    r.decided_by, r.reason, r.job_id, r.created_at,
    (SELECT COUNT(*) FROM request_votes v WHERE v.request_id = r.request_id)";

fn community_request(row: &Row<'_>) -> rusqlite::Result<CommunityRequest> {
    let text: String = row.get(1)?;
    let request = serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e)))?;
    let channel: Option<i64> = row.get(5)?;
    let message: Option<i64> = row.get(6)?;
    Ok(CommunityRequest {
        id: row.get(0)?,
        request,
        note: row.get(2)?,
        estimate_usd: row.get(3)?,
        state: RequestState::from_key(&row.get::<_, String>(4)?),
        card: channel.zip(message).map(|(c, m)| (c as u64, m as u64)),
        decided_by: row.get::<_, Option<i64>>(7)?.map(|u| u as u64),
        reason: row.get(8)?,
        job_id: row.get(9)?,
        created_at: time(row.get(10)?),
        votes: row.get(11)?,
    })
}

#[async_trait]
impl RequestStore for SqliteStore {
    async fn board(&self, guild_id: u64) -> Result<BoardSettings, StoreError> {
        self.with(move |c| {
            let text: Option<String> = c
                .query_row("SELECT settings FROM request_boards WHERE guild_id = ?1", [guild_id as i64], |r| r.get(0))
                .optional()
                .map_err(fail)?;
            Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
        })
        .await
    }

    async fn save_board(&self, guild_id: u64, settings: &BoardSettings, now: DateTime<Utc>) -> Result<(), StoreError> {
        let text = serde_json::to_string(settings).map_err(fail)?;
        self.with(move |c| {
            c.execute(
                "INSERT INTO request_boards (guild_id, settings, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (guild_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at",
                params![guild_id as i64, text, millis(now)],
            )
            .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn boards_changed(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<(u64, BoardSettings, DateTime<Utc>)>, StoreError> {
        self.with(move |c| {
            let mut statement = c
                .prepare("SELECT guild_id, settings, updated_at FROM request_boards WHERE updated_at >= ?1")
                .map_err(fail)?;
            let rows = statement
                .query_map([millis(since)], |r| {
                    Ok((
                        r.get::<_, i64>(0)? as u64,
                        serde_json::from_str(&r.get::<_, String>(1)?).unwrap_or_default(),
                        time(r.get(2)?),
                    ))
                })
                .map_err(fail)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(fail)
        })
        .await
    }

    async fn member_requests(&self, guild_id: u64, user_id: u64) -> Result<(u32, Option<DateTime<Utc>>), StoreError> {
        self.with(move |c| {
            c.query_row(
                "SELECT COALESCE(SUM(state = 'open'), 0), MAX(created_at) FROM community_requests
                 WHERE guild_id = ?1 AND user_id = ?2",
                params![guild_id as i64, user_id as i64],
                |r| Ok((r.get::<_, u32>(0)?, r.get::<_, Option<i64>>(1)?.map(time))),
            )
            .map_err(fail)
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
        let text = serde_json::to_string(&r.request).map_err(fail)?;
        self.with(move |c| {
            c.execute(
                "INSERT INTO community_requests (request_id, guild_id, user_id, request, note, estimate_usd, state,
                    created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7)",
                params![
                    r.id,
                    r.guild_id() as i64,
                    r.user_id() as i64,
                    text,
                    r.note,
                    r.estimate_usd,
                    millis(r.created_at)
                ],
            )
            .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn set_card(&self, request_id: &str, channel_id: u64, message_id: u64) -> Result<(), StoreError> {
        let id = request_id.to_owned();
        self.with(move |c| {
            c.execute(
                "UPDATE community_requests SET card_channel = ?2, card_message = ?3 WHERE request_id = ?1",
                params![id, channel_id as i64, message_id as i64],
            )
            .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn community_request(&self, request_id: &str) -> Result<Option<CommunityRequest>, StoreError> {
        let id = request_id.to_owned();
        self.with(move |c| {
            c.query_row(
                &format!("SELECT {COLUMNS} FROM community_requests r WHERE r.request_id = ?1"),
                [id],
                community_request,
            )
            .optional()
            .map_err(fail)
        })
        .await
    }

    async fn vote(&self, request_id: &str, user_id: u64) -> Result<bool, StoreError> {
        let id = request_id.to_owned();
        self.with(move |c| {
            let added = c
                .execute(
                    "INSERT OR IGNORE INTO request_votes (request_id, user_id) VALUES (?1, ?2)",
                    params![id, user_id as i64],
                )
                .map_err(fail)?;
            Ok(added == 1)
        })
        .await
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
            let changed = c
                .execute(
                    "UPDATE community_requests SET state = ?3, decided_by = ?4, reason = ?5, decided_at = ?6
                     WHERE request_id = ?1 AND state = ?2",
                    params![id, from.key(), to.key(), by as i64, reason, millis(now)],
                )
                .map_err(fail)?;
            Ok(changed == 1)
        })
        .await
    }

    async fn set_request_job(&self, request_id: &str, job_id: &str) -> Result<(), StoreError> {
        let (id, job) = (request_id.to_owned(), job_id.to_owned());
        self.with(move |c| {
            c.execute("UPDATE community_requests SET job_id = ?2 WHERE request_id = ?1", params![id, job])
                .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn open_requests(&self, guild_id: u64, sort: Sort, limit: u32) -> Result<Vec<CommunityRequest>, StoreError> {
        let order = match sort {
            Sort::Votes => "12 DESC, r.created_at ASC",
            Sort::Age => "r.created_at ASC",
        };
        self.with(move |c| {
            let mut statement = c
                .prepare(&format!(
                    "SELECT {COLUMNS} FROM community_requests r WHERE r.guild_id = ?1 AND r.state = 'open'
                     ORDER BY {order} LIMIT ?2"
                ))
                .map_err(fail)?;
            let rows = statement
                .query_map(params![guild_id as i64, limit], community_request)
                .map_err(fail)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            Ok(rows)
        })
        .await
    }
}
