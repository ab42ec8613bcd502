//! The moderators' desk: a request becomes a card, members vote once each, a moderator approves (a job
//! on the server's budget, its result posted in the gallery) or denies (with a reason the requester is
//! told). Every decision is checked here, server-side, from the permissions Discord computed and the
//! server's moderator role.

use std::sync::{Arc, OnceLock};

use tracing::{info, warn};

use super::{Board, BoardSettings, CommunityRequest, Policy, RequestState, RequestStore, Sort};
use crate::domain::clock::Clock;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::request::{Community, JobId, JobRequest, JobSpec};
use crate::jobs::error::{self, JobError};
use crate::jobs::queue::Ticket;
use crate::jobs::Jobs;
use crate::mirror::Mirror;
use crate::secret::Secret;

/// The longest note or denial reason kept.
pub const MAX_NOTE_CHARS: usize = 500;
/// The most open requests `/requests list` shows.
pub const LIST_LIMIT: u32 = 15;

/// Who acts on a request, as Discord says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decider {
    /// Their user id.
    pub user_id: u64,
    /// The server they act in.
    pub guild_id: u64,
    /// Their roles there.
    pub roles: Vec<u64>,
    /// Whether they may moderate (Manage Messages, Moderate Members or Manage Server).
    pub can_moderate: bool,
}

/// The desk of every server.
pub struct Desk {
    store: Arc<dyn RequestStore>,
    jobs: Arc<Jobs>,
    clock: Arc<dyn Clock>,
    board: OnceLock<Arc<dyn Board>>,
    /// Every server's board settings in memory: the approval policy is known before Discord is answered.
    boards: Mirror<u64, BoardSettings>,
    /// The most open requests one member may have in a server.
    open_max: u32,
}

/// A request's reference image, downloaded and checked like any upload: the card shows these bytes,
/// never the member's link.
#[derive(Debug, Clone)]
pub struct Reference {
    /// A small PNG of it.
    pub png: Vec<u8>,
}

impl Desk {
    /// A desk over `store`, turning approvals into `jobs`; a member may have `open_max` open requests
    /// in a server.
    pub fn new(store: Arc<dyn RequestStore>, jobs: Arc<Jobs>, clock: Arc<dyn Clock>, open_max: u32) -> Self {
        Self { store, jobs, clock, board: OnceLock::new(), boards: Mirror::default(), open_max }
    }

    /// Connects the board (once Discord is connected).
    pub fn start(&self, board: Arc<dyn Board>) {
        let _ = self.board.set(board);
    }

    /// Reads the boards changed since the last look (all of them the first time).
    pub async fn refresh(&self) -> Result<(), crate::domain::ledger::StoreError> {
        let changes = self.store.boards_changed(self.boards.since()).await?;
        self.boards.apply(changes.into_iter().map(|(guild, settings, at)| (guild, Some(settings), at)).collect());
        Ok(())
    }

    /// A server's board settings as known in memory; `None` when nothing is known yet.
    pub fn known_settings(&self, guild_id: u64) -> Option<BoardSettings> {
        self.boards.get(&guild_id).map(Option::unwrap_or_default)
    }

    /// A server's board settings (from memory when known; unset when the store cannot say).
    pub async fn settings(&self, guild_id: u64) -> BoardSettings {
        if let Some(settings) = self.known_settings(guild_id) {
            return settings;
        }
        self.store.board(ServerId(guild_id)).await.unwrap_or_else(|e| {
            warn!(guild = guild_id, error = %error::chain(&e), "could not read the request board's settings");
            BoardSettings::default()
        })
    }

    /// Saves a server's board settings.
    pub async fn save_settings(&self, guild_id: u64, settings: &BoardSettings) -> Result<(), DeskRefusal> {
        self.store.save_board(ServerId(guild_id), settings, self.clock.now()).await.map_err(|e| {
            warn!(guild = guild_id, error = %error::chain(&e), "could not save the request board's settings");
            DeskRefusal::NotSaved
        })?;
        self.boards.set(guild_id, Some(settings.clone()));
        Ok(())
    }

    /// Whether `policy` wants a moderator to approve this request first. Members who manage the server
    /// (as [`Requester::is_manager`] says, from their server-level rights) and approved requests never
    /// need approval.
    pub fn covers(policy: Policy, request: &JobRequest, spec: &JobSpec) -> bool {
        if request.requester.guild_id.is_none() || request.requester.is_manager || request.community.is_some() {
            return false;
        }
        match policy {
            Policy::Off => false,
            Policy::Everyone => true,
            Policy::WithoutRole { role } => !request.requester.roles.contains(&role),
            Policy::OverCost { usd } => spec.estimate_usd > usd,
        }
    }

    /// Posts a member's request as a card for the moderators; returns the channel it is in. The
    /// member's block, pause and cooldown apply, and at most the owner's number of open requests each;
    /// the note is screened like a prompt; `reference` is the checked picture the card shows.
    pub async fn submit(
        &self,
        request: JobRequest,
        note: Option<String>,
        reference: Option<Reference>,
    ) -> Result<u64, DeskRefusal> {
        let Some(guild) = request.requester.guild_id else { return Err(DeskRefusal::OutsideServers) };
        let Some(channel) = self.settings(guild).await.requests_channel else {
            return Err(DeskRefusal::NoRequestsChannel);
        };
        let user = request.requester.user_id;
        let (open, latest) =
            self.store.member_requests(ServerId(guild), MemberId(user)).await.map_err(|e| stored(&e))?;
        let admission = self.jobs.admission();
        admission.vet_member(&request.requester, latest).await.map_err(DeskRefusal::Refused)?;
        if open >= self.open_max {
            return Err(DeskRefusal::TooManyOpen(open));
        }
        let note =
            note.map(|n| crate::text::truncate(&crate::text::clean(&n), MAX_NOTE_CHARS)).filter(|n| !n.is_empty());
        let spec = admission.vet(&request, note.as_deref()).await.map_err(DeskRefusal::Refused)?;
        let mut card = CommunityRequest {
            id: request.id.0.clone(),
            request,
            note,
            estimate_usd: spec.estimate_usd,
            state: RequestState::Open,
            card: None,
            votes: 0,
            decided_by: None,
            reason: None,
            job_id: None,
            created_at: self.clock.now(),
        };
        self.store.create_request(&card).await.map_err(|e| stored(&e))?;
        let board = self.board.get().ok_or(DeskRefusal::Starting)?;
        let message = board.post_card(channel, &card, reference.as_ref()).await.map_err(|e| {
            warn!(request = %card.id, error = %e, "could not post a request's card");
            DeskRefusal::CannotPost(channel)
        })?;
        card.card = Some((channel, message));
        self.store.set_card(&card.id, channel, message).await.map_err(|e| stored(&e))?;
        info!(request = %card.id, guild, "community request posted");
        Ok(channel)
    }

    /// Counts a member's vote once, cast in `guild_id` (the card's own server only); a requester's own
    /// vote and a blocked member's are not counted. Returns the request as it now stands.
    pub async fn vote(&self, request_id: &str, guild_id: u64, user_id: u64) -> Result<CommunityRequest, DeskRefusal> {
        let request = self.open(request_id).await?;
        if request.guild_id() != guild_id {
            return Err(DeskRefusal::NoSuchRequest);
        }
        if request.user_id() == user_id {
            return Err(DeskRefusal::OwnRequest);
        }
        if self.jobs.admission().is_blocked(guild_id, user_id).await.map_err(DeskRefusal::Refused)? {
            return Err(DeskRefusal::VoterBlocked);
        }
        if !self.store.vote(&request.id, MemberId(user_id)).await.map_err(|e| stored(&e))? {
            return Err(DeskRefusal::AlreadyVoted);
        }
        self.reload(&request.id).await
    }

    /// Approves a request: its job is queued on the server's budget (`job_id` is the new job's id) and
    /// will be posted in the gallery. Returns where it will be posted and the request as it stands.
    pub async fn approve(
        &self,
        request_id: &str,
        by: &Decider,
        job_id: &str,
    ) -> Result<(Option<u64>, CommunityRequest), DeskRefusal> {
        let request = self.open(request_id).await?;
        let settings = self.check_decider(request.guild_id(), by).await?;
        let now = self.clock.now();
        if !self
            .store
            .decide(&request.id, RequestState::Open, RequestState::Approved, by.user_id, None, now)
            .await
            .map_err(|e| stored(&e))?
        {
            return Err(DeskRefusal::Decided);
        }
        let gallery = settings.gallery_channel.or(settings.requests_channel).or(request.card.map(|(c, _)| c));
        let mut job = request.request.clone();
        job.id = JobId(job_id.to_owned());
        job.requester.channel_id = gallery.unwrap_or(job.requester.channel_id);
        job.private = false;
        let notice_channel = settings.requests_channel.or(request.card.map(|(c, _)| c));
        job.community = Some(Community { request_id: request.id.clone(), approved_by: by.user_id, notice_channel });
        // No interaction of the requester's to answer: the result is posted in the gallery.
        let ticket = Ticket { token: Secret::new(""), expires_at: now };
        if let Err(refused) = self.jobs.submit(&job, ticket).await {
            let _ =
                self.store.decide(&request.id, RequestState::Approved, RequestState::Open, by.user_id, None, now).await;
            return Err(DeskRefusal::NotStarted(refused));
        }
        let _ = self.store.set_request_job(&request.id, job_id).await;
        info!(request = %request.id, job = job_id, moderator = by.user_id, "community request approved");
        let request = self.reload(&request.id).await?;
        Ok((gallery, request))
    }

    /// Denies a request with a reason the requester is told. Returns the request as it stands.
    pub async fn deny(&self, request_id: &str, by: &Decider, reason: &str) -> Result<CommunityRequest, DeskRefusal> {
        let request = self.open(request_id).await?;
        let settings = self.check_decider(request.guild_id(), by).await?;
        let reason = crate::text::truncate(&crate::text::clean(reason), MAX_NOTE_CHARS);
        let reason = if reason.is_empty() { "no reason given".to_owned() } else { reason };
        let now = self.clock.now();
        if !self
            .store
            .decide(&request.id, RequestState::Open, RequestState::Denied, by.user_id, Some(&reason), now)
            .await
            .map_err(|e| stored(&e))?
        {
            return Err(DeskRefusal::Decided);
        }
        let request = self.reload(&request.id).await?;
        if let Some(board) = self.board.get() {
            let fallback = settings
                .requests_channel
                .or(request.card.map(|(c, _)| c))
                .unwrap_or(request.request.requester.channel_id);
            board.tell_denied(&request, fallback, &reason).await;
        }
        info!(request = %request.id, moderator = by.user_id, "community request denied");
        Ok(request)
    }

    /// A server's open requests, for `/requests list`.
    pub async fn list(&self, guild_id: u64, sort: Sort) -> Result<Vec<CommunityRequest>, DeskRefusal> {
        self.store.open_requests(ServerId(guild_id), sort, LIST_LIMIT).await.map_err(|e| stored(&e))
    }

    /// A request by id, for redrawing its card.
    pub async fn request(&self, request_id: &str) -> Option<CommunityRequest> {
        self.store.community_request(request_id).await.ok().flatten()
    }

    /// Whether `by` may decide: Discord's moderation permissions, or the server's moderator role.
    pub fn may_decide(settings: &BoardSettings, by: &Decider) -> bool {
        by.can_moderate || settings.moderator_role.is_some_and(|role| by.roles.contains(&role))
    }

    /// Whether `by` may approve or deny requests of `guild_id`; returns its board's settings.
    pub async fn check_decider(&self, guild_id: u64, by: &Decider) -> Result<BoardSettings, DeskRefusal> {
        let settings = self.settings(guild_id).await;
        if by.guild_id != guild_id || !Self::may_decide(&settings, by) {
            return Err(DeskRefusal::NotDecider);
        }
        Ok(settings)
    }

    async fn open(&self, request_id: &str) -> Result<CommunityRequest, DeskRefusal> {
        let request = self.reload(request_id).await?;
        if request.state != RequestState::Open {
            return Err(DeskRefusal::Decided);
        }
        Ok(request)
    }

    async fn reload(&self, request_id: &str) -> Result<CommunityRequest, DeskRefusal> {
        match self.store.community_request(request_id).await {
            Ok(Some(request)) => Ok(request),
            Ok(None) => Err(DeskRefusal::NoSuchRequest),
            Err(e) => Err(stored(&e)),
        }
    }
}

fn stored(e: &crate::domain::ledger::StoreError) -> DeskRefusal {
    warn!(error = %error::chain(e), "the request desk could not reach the store");
    DeskRefusal::StoreFailed
}

/// Why the desk did nothing.
#[derive(Debug)]
pub enum DeskRefusal {
    /// Requests work in servers only.
    OutsideServers,
    /// The server has not chosen a requests channel.
    NoRequestsChannel,
    /// The member has this many open requests, the most allowed.
    TooManyOpen(u32),
    /// Admission refused the member or the request (a block, a cooldown, the policy…).
    Refused(JobError),
    /// The process is still starting (no board yet).
    Starting,
    /// The card could not be posted in this channel.
    CannotPost(u64),
    /// No such request (or not in this server).
    NoSuchRequest,
    /// A member's vote for their own request.
    OwnRequest,
    /// A blocked member's vote.
    VoterBlocked,
    /// A second vote.
    AlreadyVoted,
    /// Decided already.
    Decided,
    /// The approved request's job could not start; the request stays open.
    NotStarted(JobError),
    /// Neither a moderator nor holding the server's request moderator role.
    NotDecider,
    /// The board's settings could not be saved.
    NotSaved,
    /// The store failed.
    StoreFailed,
}
