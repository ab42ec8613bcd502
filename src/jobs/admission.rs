//! Admission: whether a request may become a job, decided before any model call.
//!
//! Two steps, so Discord is answered at once: [`Admission::check`] is in memory (the catalogue), fast
//! enough to run before the deferral and answer a bad option at once; [`Admission::admit`] reads the
//! store (blocks, the blocklist, the limits, the queue caps) after the deferral, and queues the job with
//! its cost reserved, as one transaction.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::community::moderation::{AuditEntry, Moderation, Outcome};
use crate::domain::catalogue::Catalogue;
use crate::domain::clock::Clock;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::{Charge, InstanceId, ReserveError, Store, SERVER_ACCOUNT};
use crate::domain::limits::{self, Limits};
use crate::domain::request::{JobRequest, JobSpec, JobTag, Requester};
use crate::jobs::error::JobError;
use crate::jobs::queue::{JobStore, QueueCaps, StoredJob, Ticket};

/// A member's limits and what they have used of them, for `/usage` and `/help`.
#[derive(Debug, Clone)]
pub struct UsageReport {
    /// The limits in force for them.
    pub limits: Limits,
    /// What they have used.
    pub usage: limits::Usage,
    /// Whether they are exempt from per-member limits (Manage Server, when the server says so).
    pub exempt: bool,
    /// When it was read.
    pub now: DateTime<Utc>,
}

/// What is offered now: the model watch replaces it when a model retires while the bot runs.
struct Offer {
    catalogue: Arc<Catalogue>,
    default_model: String,
}

/// What admission needs.
pub struct Admission {
    offer: std::sync::RwLock<Offer>,
    /// Every model of the catalogue file, offered or not (to name a retired model's replacement).
    known: Arc<Catalogue>,
    changes: tokio::sync::watch::Sender<u64>,
    max_source_bytes: u64,
    store: Arc<dyn Store>,
    jobs: Arc<dyn JobStore>,
    clock: Arc<dyn Clock>,
    limits: Limits,
    instance: InstanceId,
    caps: QueueCaps,
    moderation: Option<Arc<Moderation>>,
    /// The owner's cap on any server's daily budget (`None`: no cap).
    guild_usd_max: Option<f64>,
    /// Members' own jobs, outside a server that installed Easel.
    personal: Personal,
}

/// What holds for a member's own jobs (direct messages, group DMs, servers where only the member
/// installed Easel): the owner's home server's blocks and blocklist, and a personal daily budget.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Personal {
    /// The owner's home server (`DISCORD_GUILD_ID`), whose blocks and blocklist apply.
    pub home: Option<u64>,
    /// USD one member may spend a rolling day on their own jobs (`0`: personal use off).
    pub usd_per_day: f64,
}

/// Where admission keeps and checks things.
pub struct AdmissionPorts {
    /// Settings, blocks and the ledger.
    pub store: Arc<dyn Store>,
    /// The job queue's storage.
    pub jobs: Arc<dyn JobStore>,
    /// The time.
    pub clock: Arc<dyn Clock>,
    /// This process, the owner of what it admits.
    pub instance: InstanceId,
}

impl Admission {
    /// Admission for `catalogue`, with the owner's default `limits` and the queue's `caps`.
    pub fn new(
        catalogue: Arc<Catalogue>,
        default_model: String,
        max_source_bytes: u64,
        limits: Limits,
        caps: QueueCaps,
        ports: AdmissionPorts,
    ) -> Self {
        let AdmissionPorts { store, jobs, clock, instance } = ports;
        Self {
            known: Arc::clone(&catalogue),
            offer: std::sync::RwLock::new(Offer { catalogue, default_model }),
            changes: tokio::sync::watch::channel(0).0,
            max_source_bytes,
            store,
            jobs,
            clock,
            limits,
            instance,
            caps,
            moderation: None,
            guild_usd_max: None,
            personal: Personal::default(),
        }
    }

    /// Opens Easel to members' own jobs under `personal`'s rules (off by default).
    pub fn with_personal(mut self, personal: Personal) -> Self {
        self.personal = personal;
        self
    }

    /// The server whose blocks and blocklist apply to `who`: their server, or for their own jobs the
    /// owner's home server.
    fn policy_server(&self, who: &Requester) -> Option<u64> {
        who.guild_id.or(self.personal.home)
    }

    /// Caps every server's daily budget at `max`, whatever its admins set before (a server set to
    /// `none` gets the cap).
    pub fn with_guild_usd_max(mut self, max: Option<f64>) -> Self {
        self.guild_usd_max = max;
        self
    }

    /// Adds moderation: the server's blocklist before anything is reserved.
    pub fn with_moderation(mut self, moderation: Arc<Moderation>) -> Self {
        self.moderation = Some(moderation);
        self
    }

    /// Knows every model of the catalogue file (offered or not), to name retired models' replacements.
    pub fn with_known(mut self, known: Catalogue) -> Self {
        self.known = Arc::new(known);
        self
    }

    fn offer(&self) -> std::sync::RwLockReadGuard<'_, Offer> {
        self.offer.read().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The catalogue offered now.
    pub fn catalogue(&self) -> Arc<Catalogue> {
        Arc::clone(&self.offer().catalogue)
    }

    /// The model used when a member names none.
    pub fn default_model(&self) -> String {
        self.offer().default_model.clone()
    }

    /// Offers `catalogue` from now on (the model watch, when a model retired or came back); the default
    /// model moves to the first offered when it is gone. Returns whether the models offered changed; if
    /// so, [`Self::offer_changes`] says so.
    pub fn replace_offer(&self, catalogue: Catalogue) -> bool {
        let mut offer = self.offer.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        let ids = |c: &Catalogue| c.models().iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        if ids(&offer.catalogue) == ids(&catalogue) || catalogue.is_empty() {
            return false;
        }
        if catalogue.get(&offer.default_model).is_none() {
            offer.default_model = catalogue.models()[0].id.clone();
        }
        offer.catalogue = Arc::new(catalogue);
        drop(offer);
        self.changes.send_modify(|version| *version += 1);
        true
    }

    /// Changes to what is offered (the adapter re-registers its commands on each).
    pub fn offer_changes(&self) -> tokio::sync::watch::Receiver<u64> {
        self.changes.subscribe()
    }

    /// For a model the catalogue knows but no longer offers: the model offered in its place (its
    /// `replacement` when offered, else the default). `None` for a model still offered or unknown.
    pub fn replacement_of(&self, model: &str) -> Option<String> {
        let offer = self.offer();
        if offer.catalogue.get(model).is_some() {
            return None;
        }
        let retired = self.known.get(model)?;
        let replacement = retired.replacement.clone().filter(|r| offer.catalogue.get(r).is_some());
        Some(replacement.unwrap_or_else(|| offer.default_model.clone()))
    }

    /// Checks a request against the catalogue: in memory, no disk and no network, so it can run before
    /// Discord is answered.
    pub fn check(&self, request: &JobRequest) -> Result<JobSpec, JobError> {
        if request.requester.guild_id.is_none() && self.personal.usd_per_day <= 0.0 {
            return Err(JobError::PersonalOff);
        }
        let offer = self.offer();
        Ok(request.resolve(&offer.catalogue, &offer.default_model, self.max_source_bytes)?)
    }

    /// Checks the member's block, the server's blocklist, the limits and the queue caps, and queues the
    /// job with its cost reserved, all before any model call. A refusal costs nothing. Returns the
    /// checked job and the job as stored.
    pub async fn admit(&self, request: &JobRequest, ticket: Ticket) -> Result<(JobSpec, StoredJob), JobError> {
        let spec = self.check(request)?;
        let now = self.clock.now();
        let who = &request.requester;
        if let Some(guild) = self.policy_server(who) {
            if let Some(block) =
                self.store.block_of(ServerId(guild), MemberId(who.user_id), now).await.map_err(unexpected)?
            {
                return Err(JobError::Blocked { until: block.until });
            }
        }
        self.screen(request, &spec, &[], now).await?;
        let limits = self.limits_for(who).await?;
        let mut tag = JobTag::of(request, &spec.model.id);
        if request.community.is_some() {
            // An approved community request is the server's: its budget, not the requester's own.
            tag.user_id = SERVER_ACCOUNT;
        }
        let charge = Charge { tag, images: u32::from(spec.n), usd: spec.estimate_usd, owner: self.instance.clone() };
        let job = StoredJob::queued(request.clone(), spec.model.backend, ticket);
        let exempt = request.community.is_some() || (who.is_manager && limits.exempt_managers);
        self.jobs.enqueue(&job, &charge, &limits, exempt, self.caps, now).await.map_err(|e| match e {
            ReserveError::Limit(refusal)
                if who.guild_id.is_none() && refusal.name == limits::LimitName::UserUsdPerDay =>
            {
                JobError::PersonalBudget(refusal)
            }
            ReserveError::Limit(refusal) => JobError::LimitReached(refusal),
            ReserveError::QueueFull { waiting, whole_bot } => JobError::QueueFull { waiting, whole_bot },
            other => unexpected(other),
        })?;
        Ok((spec, job))
    }

    /// What the member has used and has left, one line a limit (for `/usage`).
    pub async fn usage_report(&self, requester: &Requester) -> Result<UsageReport, JobError> {
        let now = self.clock.now();
        let limits = self.limits_for(requester).await?;
        let usage = self
            .store
            .usage(requester.guild_id.map(ServerId), MemberId(requester.user_id), now)
            .await
            .map_err(unexpected)?;
        let exempt = requester.is_manager && limits.exempt_managers;
        Ok(UsageReport { limits, usage, exempt, now })
    }

    /// The limits in force for a member: the owner's defaults with their guild's settings applied; for
    /// their own jobs, the owner's defaults with the personal budget and no server's.
    async fn limits_for(&self, who: &Requester) -> Result<Limits, JobError> {
        let Some(guild) = who.guild_id else {
            let mut limits = self.limits;
            let personal = Some(self.personal.usd_per_day);
            let user = limits
                .get(limits::LimitName::UserUsdPerDay)
                .map_or(personal, |usd| Some(usd.min(self.personal.usd_per_day)));
            limits.set(limits::LimitName::UserUsdPerDay, user);
            limits.set(limits::LimitName::GuildUsdPerDay, None);
            limits.exempt_managers = false;
            return Ok(limits);
        };
        let overrides = self.store.overrides(ServerId(guild)).await.map_err(unexpected)?;
        let mut limits = limits::resolve(&self.limits, &overrides, &who.roles, who.user_id);
        if let Some(max) = self.guild_usd_max {
            if limits.get(limits::LimitName::GuildUsdPerDay).is_none_or(|usd| usd > max) {
                limits.set(limits::LimitName::GuildUsdPerDay, Some(max));
            }
        }
        Ok(limits)
    }

    /// Checks a request (and `note`, the words its card adds) against the catalogue and the server's
    /// blocklist without queueing it (a community request's card must not show what the server's rules
    /// forbid). A refusal is logged for moderators.
    pub async fn vet(&self, request: &JobRequest, note: Option<&str>) -> Result<JobSpec, JobError> {
        let spec = self.check(request)?;
        self.screen(request, &spec, note.as_slice(), self.clock.now()).await?;
        Ok(spec)
    }

    /// Whether a member may ask at all now: not blocked or paused, and past their cooldown, counted
    /// from their latest job or `latest_card` (a community request), whichever is later.
    pub async fn vet_member(&self, who: &Requester, latest_card: Option<DateTime<Utc>>) -> Result<(), JobError> {
        let now = self.clock.now();
        let Some(guild) = self.policy_server(who) else { return Ok(()) };
        if let Some(block) =
            self.store.block_of(ServerId(guild), MemberId(who.user_id), now).await.map_err(unexpected)?
        {
            return Err(JobError::Blocked { until: block.until });
        }
        let limits = self.limits_for(who).await?;
        if who.is_manager && limits.exempt_managers {
            return Ok(());
        }
        let mut usage =
            self.store.usage(who.guild_id.map(ServerId), MemberId(who.user_id), now).await.map_err(unexpected)?;
        usage.last_request = usage.last_request.max(latest_card);
        let cooldown_only = {
            let mut only = Limits::new([None; 6], false);
            only.set(limits::LimitName::Cooldown, limits.get(limits::LimitName::Cooldown));
            only
        };
        limits::check(&cooldown_only, &usage, limits::Ask { images: 0, usd: 0.0 }, now, false)
            .map_err(JobError::LimitReached)
    }

    /// Whether `words` (a saved style) pass the blocklist that applies to `who`'s jobs (their server's,
    /// or for their own jobs the home server's): a refusal is said like a prompt's.
    pub async fn screen_words(&self, who: &Requester, words: &str) -> Result<(), JobError> {
        let Some(moderation) = &self.moderation else { return Ok(()) };
        match moderation.screen(self.policy_server(who), &[words]).await {
            Ok(()) => Ok(()),
            Err(refusal) => Err(JobError::RefusedByRules {
                reason: refusal.reason,
                categories: refusal.categories,
                paused_until: None,
            }),
        }
    }

    /// Whether a member is blocked (or paused) in a server now.
    pub async fn is_blocked(&self, guild_id: u64, user_id: u64) -> Result<bool, JobError> {
        Ok(self
            .store
            .block_of(ServerId(guild_id), MemberId(user_id), self.clock.now())
            .await
            .map_err(unexpected)?
            .is_some())
    }

    /// Every text of the request (and `extra`) against the server's blocklist, before any reservation or
    /// model call; a refusal is logged for moderators.
    async fn screen(
        &self,
        request: &JobRequest,
        spec: &JobSpec,
        extra: &[&str],
        now: DateTime<Utc>,
    ) -> Result<(), JobError> {
        let Some(moderation) = &self.moderation else { return Ok(()) };
        let mut texts = spec.member_texts();
        texts.extend_from_slice(extra);
        if texts.is_empty() {
            return Ok(());
        }
        let policy = self.policy_server(&request.requester);
        let Err(refusal) = moderation.screen(policy, &texts).await else { return Ok(()) };
        let entry = AuditEntry::ended(request, spec, Outcome::RefusedByRules, Some(refusal.reason.clone()), now);
        let paused = moderation.record(entry).await;
        let error =
            JobError::RefusedByRules { reason: refusal.reason, categories: refusal.categories, paused_until: None };
        Err(error.with_pause(paused))
    }
}

/// An internal fault, with its whole cause chain for the owner's log.
fn unexpected<E: std::error::Error + Send + Sync + 'static>(e: E) -> JobError {
    JobError::unexpected("admitting the request", e)
}
