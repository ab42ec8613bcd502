//! Community requests, votes and request boards.

use chrono::{DateTime, Utc};

use super::{count, fail, id, lenient, time, Columns};
use crate::desk::{BoardSettings, CommunityRequest, RequestState, Sort};
use crate::domain::ledger::StoreError;

/// The columns [`community_request`] reads, of `community_requests r`.
const COLUMNS: &str = "r.request_id, r.request, r.note, r.estimate_usd, r.state, r.card_channel, r.card_message,
    r.decided_by, r.reason, r.job_id, r.created_at,
    (SELECT COUNT(*) FROM request_votes v WHERE v.request_id = r.request_id)";

/// A server's request board: `guild_id`.
pub const BOARD: &str = "SELECT settings FROM request_boards WHERE guild_id = ?1";

/// Saves a server's request board: `guild_id`, the JSON, the time.
pub const SAVE_BOARD: &str = "INSERT INTO request_boards (guild_id, settings, updated_at) VALUES (?1, ?2, ?3)
     ON CONFLICT (guild_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at";

/// Boards changed since a time, for the mirror: `since`.
pub const BOARDS_CHANGED_SINCE: &str =
    "SELECT guild_id, settings, updated_at FROM request_boards WHERE updated_at >= ?1";

/// A member's open requests and their latest request's time: `guild_id`, `user_id`.
pub const MEMBER_REQUESTS: &str =
    "SELECT COUNT(*) FILTER (WHERE state = 'open'), MAX(created_at) FROM community_requests
     WHERE guild_id = ?1 AND user_id = ?2";

/// Files a request: id, `guild_id`, `user_id`, the request's JSON, the note, the estimate, the time.
pub const CREATE_REQUEST: &str =
    "INSERT INTO community_requests (request_id, guild_id, user_id, request, note, estimate_usd, state,
        created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7)";

/// Where a request's card is: id, channel, message.
pub const SET_CARD: &str = "UPDATE community_requests SET card_channel = ?2, card_message = ?3 WHERE request_id = ?1";

/// A member's vote, once: id, `user_id`.
pub const VOTE: &str = "INSERT INTO request_votes (request_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";

/// A moderator's decision, if the request is still in `from`: id, from, to, by, reason, the time.
pub const DECIDE: &str = "UPDATE community_requests SET state = ?3, decided_by = ?4, reason = ?5, decided_at = ?6
     WHERE request_id = ?1 AND state = ?2";

/// The job an approved request became: id, job id.
pub const SET_REQUEST_JOB: &str = "UPDATE community_requests SET job_id = ?2 WHERE request_id = ?1";

/// One request: id.
pub fn request_by_id() -> String {
    format!("SELECT {COLUMNS} FROM community_requests r WHERE r.request_id = ?1")
}

/// A server's open requests in `sort` order: `guild_id`, how many.
pub fn open_requests(sort: Sort) -> String {
    let order = match sort {
        Sort::Votes => "12 DESC, r.created_at ASC",
        Sort::Age => "r.created_at ASC",
    };
    format!("SELECT {COLUMNS} FROM community_requests r WHERE r.guild_id = ?1 AND r.state = 'open' ORDER BY {order} LIMIT ?2")
}

/// A row of [`BOARDS_CHANGED_SINCE`].
pub fn board_change(r: &dyn Columns) -> Result<(u64, BoardSettings, DateTime<Utc>), StoreError> {
    Ok((id(r.int(0)?), lenient(Some(&r.text(1)?)), time(r.int(2)?)))
}

/// The row of [`MEMBER_REQUESTS`].
pub fn member_requests(r: &dyn Columns) -> Result<(u32, Option<DateTime<Utc>>), StoreError> {
    Ok((count(r.int(0)?), r.opt_int(1)?.map(time)))
}

/// A row of [`request_by_id`] or [`open_requests`].
pub fn community_request(r: &dyn Columns) -> Result<CommunityRequest, StoreError> {
    let card = r.opt_int(5)?.zip(r.opt_int(6)?).map(|(channel, message)| (id(channel), id(message)));
    Ok(CommunityRequest {
        id: r.text(0)?,
        request: serde_json::from_str(&r.text(1)?).map_err(fail)?,
        note: r.opt_text(2)?,
        estimate_usd: r.real(3)?,
        state: RequestState::from_key(&r.text(4)?),
        card,
        decided_by: r.opt_int(7)?.map(id),
        reason: r.opt_text(8)?,
        job_id: r.opt_text(9)?,
        created_at: time(r.int(10)?),
        votes: count(r.int(11)?),
    })
}
