//! Community requests and the moderators' desk: a member's request is posted as a card, members vote,
//! moderators approve or deny; an approved request becomes a job on the **server's** budget whose
//! result goes to the gallery, and the requester is told the outcome.
//!
//! - [`RequestStore`]: where requests, votes and each server's board settings are kept.
//! - [`Board`]: the port that shows cards and tells requesters (the Discord adapter implements it).
//! - [`desk`]: the flow (submit, vote, approve, deny, list) and the approval policy.

pub mod board;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::StoreError;
use crate::domain::request::JobRequest;

pub use board::Desk;

/// Which requests need a moderator's approval before they run.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "mode")]
pub enum Policy {
    /// None: every request runs on the member's own budget (the default).
    #[default]
    Off,
    /// Every member's request.
    Everyone,
    /// Requests of members who lack this role.
    WithoutRole {
        /// The role that lets a member skip approval.
        role: u64,
    },
    /// Requests estimated above this cost.
    OverCost {
        /// USD.
        usd: f64,
    },
}

/// A server's request board.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BoardSettings {
    /// Where cards are posted.
    pub requests_channel: Option<u64>,
    /// Where approved results are posted (the requests channel when unset).
    pub gallery_channel: Option<u64>,
    /// A role whose members may approve and deny, besides those with Manage Messages.
    pub moderator_role: Option<u64>,
    /// Which requests need approval.
    pub policy: Policy,
}

/// Where a request is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestState {
    /// Waiting for a decision.
    Open,
    /// Approved: its job runs on the server's budget.
    Approved,
    /// Denied, with a reason.
    Denied,
}

impl RequestState {
    /// The value stored.
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Approved => "approved",
            Self::Denied => "denied",
        }
    }

    /// Parses [`Self::key`] (anything else reads as denied).
    pub fn from_key(key: &str) -> Self {
        match key {
            "open" => Self::Open,
            "approved" => Self::Approved,
            _ => Self::Denied,
        }
    }
}

/// A community request as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunityRequest {
    /// Its id (the interaction that made it).
    pub id: String,
    /// The job it asks for, as the member typed it.
    pub request: JobRequest,
    /// The requester's note for the moderators.
    pub note: Option<String>,
    /// The catalogue's estimate, USD.
    pub estimate_usd: f64,
    /// Where it is.
    pub state: RequestState,
    /// Its card: channel and message.
    pub card: Option<(u64, u64)>,
    /// Distinct members who voted for it.
    pub votes: u32,
    /// Who approved or denied it.
    pub decided_by: Option<u64>,
    /// Why it was denied.
    pub reason: Option<String>,
    /// The job an approval made.
    pub job_id: Option<String>,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

impl CommunityRequest {
    /// The server it belongs to.
    pub fn guild_id(&self) -> u64 {
        self.request.requester.guild_id.unwrap_or_default()
    }

    /// Who asked.
    pub fn user_id(&self) -> u64 {
        self.request.requester.user_id
    }
}

/// How `/requests list` orders open requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Most votes first.
    Votes,
    /// Oldest first.
    Age,
}

/// Where requests are kept. Decisions are compare-and-set, so two moderators cannot both decide.
#[async_trait]
pub trait RequestStore: Send + Sync {
    /// A server's board settings (all unset when never saved).
    async fn board(&self, guild_id: ServerId) -> Result<BoardSettings, StoreError>;
    /// Saves a server's board settings, recording `now` as when they changed.
    async fn save_board(
        &self,
        guild_id: ServerId,
        settings: &BoardSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Every server's board settings changed at or after `since`, with when each changed.
    async fn boards_changed(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<(u64, BoardSettings, DateTime<Utc>)>, StoreError>;
    /// How many open requests a member has in a server, and when they made their latest request.
    async fn member_requests(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
    ) -> Result<(u32, Option<DateTime<Utc>>), StoreError>;
    /// Removes the prompt, note and links of requests made before `cutoff`; returns how many.
    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError>;
    /// Records a new, open request.
    async fn create_request(&self, request: &CommunityRequest) -> Result<(), StoreError>;
    /// Records where its card is.
    async fn set_card(&self, request_id: &str, channel_id: u64, message_id: u64) -> Result<(), StoreError>;
    /// A request by id, with its vote count.
    async fn community_request(&self, request_id: &str) -> Result<Option<CommunityRequest>, StoreError>;
    /// Counts `user_id`'s vote once; returns whether it was new.
    async fn vote(&self, request_id: &str, user_id: MemberId) -> Result<bool, StoreError>;
    /// `from → to` with who decided and why; false when the request was not in `from`.
    async fn decide(
        &self,
        request_id: &str,
        from: RequestState,
        to: RequestState,
        by: u64,
        reason: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    /// Records the job an approval made.
    async fn set_request_job(&self, request_id: &str, job_id: &str) -> Result<(), StoreError>;
    /// A server's open requests, in `sort` order, at most `limit`.
    async fn open_requests(
        &self,
        guild_id: ServerId,
        sort: Sort,
        limit: u32,
    ) -> Result<Vec<CommunityRequest>, StoreError>;
}

/// Shows cards and tells requesters (Discord).
#[async_trait]
pub trait Board: Send + Sync {
    /// Posts a request's card in `channel_id`, with its checked reference picture when it has one;
    /// returns the message's id.
    async fn post_card(
        &self,
        channel_id: u64,
        request: &CommunityRequest,
        reference: Option<&board::Reference>,
    ) -> Result<u64, String>;
    /// Redraws a request's card (votes, decision).
    async fn update_card(&self, request: &CommunityRequest);
    /// Tells the requester privately (a direct message), or in `fallback_channel` mentioning them when
    /// their direct messages are closed.
    async fn tell_denied(&self, request: &CommunityRequest, fallback_channel: u64, reason: &str);
}
