//! Moderation: a server's own prompt rules, the optional moderation pre-check, the audit log and its
//! channel, and pausing repeat offenders.
//!
//! What Easel promises: every job that reaches a decision is written to the audit log (and the guild's
//! log channel, when one is set) with its prompt, outcome and cost; prompts that break the server's
//! blocklist (or, when switched on, the provider's free moderation check) never reach the image model
//! and cost nothing; Easel never asks a provider for relaxed moderation, in any channel. What it does not
//! promise: to catch every unwanted image. The provider's own filter and the moderators remain the judges.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use tracing::{info, warn};

use crate::domain::clock::Clock;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::StoreError;
use crate::domain::limits::Block;

mod audit;
mod rules;
pub use audit::{AuditEntry, Outcome};
pub use rules::{compile_regex, normalise, Rule, Rules};

/// What moderation needs from storage: the audit log, blocklists, log channels, pauses.
#[async_trait]
pub trait ModerationStore: Send + Sync {
    /// Writes a job to the audit log (once per job: a second write of the same job replaces it).
    async fn record_audit(&self, entry: &AuditEntry) -> Result<(), StoreError>;

    /// A page of a guild's audit log, newest first, optionally for one member; and how many there are.
    async fn audit_history(
        &self,
        guild_id: ServerId,
        user_id: Option<MemberId>,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<AuditEntry>, u32), StoreError>;

    /// How many of a member's jobs were refused (by the provider or the rules) since `since`: their jobs
    /// in server `guild_id`, or with `None` their own jobs (outside servers that installed Easel).
    async fn refusals_since(
        &self,
        guild_id: Option<ServerId>,
        user_id: MemberId,
        since: DateTime<Utc>,
    ) -> Result<u32, StoreError>;

    /// A guild's blocklist.
    async fn blocklist(&self, guild_id: ServerId) -> Result<Vec<Rule>, StoreError>;

    /// Adds a rule; returns false when it was already there.
    async fn add_rule(&self, guild_id: ServerId, rule: &Rule, now: DateTime<Utc>) -> Result<bool, StoreError>;

    /// Removes a rule; returns whether it was there.
    async fn remove_rule(&self, guild_id: ServerId, rule: &Rule) -> Result<bool, StoreError>;

    /// The guild's moderation log channel, if set.
    async fn log_channel(&self, guild_id: ServerId) -> Result<Option<u64>, StoreError>;

    /// Every server's moderation log channel: (server, channel).
    async fn log_channels(&self) -> Result<Vec<(u64, u64)>, StoreError>;

    /// Sets the guild's moderation log channel.
    async fn set_log_channel(&self, guild_id: ServerId, channel_id: u64) -> Result<(), StoreError>;

    /// Removes the prompt text and links of audit entries made before `cutoff`; returns how many.
    async fn forget_words_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError>;
    /// Pauses a repeat offender: the same block `/limits block` sets.
    async fn pause(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        block: &Block,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
}

/// What a moderation check said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verdict {
    /// Whether the text is flagged.
    pub flagged: bool,
    /// The categories flagged (e.g. `violence`).
    pub categories: Vec<String>,
}

/// A content check run before the model call (OpenAI's free `POST /moderations`).
#[async_trait]
pub trait ContentCheck: Send + Sync {
    /// Classifies `text`.
    async fn check(&self, text: &str) -> Result<Verdict, String>;

    /// Classifies an image (a PNG).
    async fn check_image(&self, png: &[u8]) -> Result<Verdict, String>;
}

/// Where moderation log messages go (a Discord channel).
#[async_trait]
pub trait ModerationLog: Send + Sync {
    /// Posts `entry` to `channel_id`. MUST NOT ping anyone.
    async fn post(&self, channel_id: u64, entry: &AuditEntry) -> Result<(), String>;

    /// Posts a notice (a spend alert, a model retiring) to `channel_id`, the log of `guild_id` (`None`:
    /// the owner's default channel), in that server's language. MUST NOT ping anyone.
    async fn notice(&self, guild_id: Option<ServerId>, channel_id: u64, notice: &LogNotice) -> Result<(), String>;
}

/// A notice for moderators and the owner in the moderation log.
#[derive(Debug, Clone, PartialEq)]
pub enum LogNotice {
    /// A budget passed one of its thresholds.
    Spend(crate::community::spend::SpendAlert),
    /// A model is no longer served; requests for it use `replacement`.
    ModelRetired {
        /// The catalogue id.
        model: String,
        /// The model used instead.
        replacement: String,
    },
    /// A model shuts down on `on`, `days_left` days from now.
    ModelRetiring {
        /// The catalogue id.
        model: String,
        /// The provider's shutdown date.
        on: chrono::NaiveDate,
        /// Days until then.
        days_left: i64,
        /// The model members can move to.
        replacement: Option<String>,
    },
}

/// When refusals pause a member.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OffencePolicy {
    /// Refusals that trigger a pause (0: never).
    pub refusals: u32,
    /// Within how long.
    pub window: Duration,
    /// How long the pause lasts.
    pub pause: Duration,
}

/// The moderation service: rules, pre-check, audit log, log channel and repeat offenders.
pub struct Moderation {
    store: Arc<dyn ModerationStore>,
    clock: Arc<dyn Clock>,
    log: Arc<dyn ModerationLog>,
    precheck: Option<Arc<dyn ContentCheck>>,
    default_channel: Option<(Option<u64>, u64)>,
    offences: OffencePolicy,
    home: Option<u64>,
}

/// A prompt refused by the server's rules.
#[derive(Debug, Clone, PartialEq)]
pub struct RulesRefusal {
    /// The rule or categories (for moderators, not the member).
    pub reason: String,
    /// The categories the pre-check flagged, to name to the member.
    pub categories: Vec<String>,
}

impl Moderation {
    /// A moderation service. `default_channel` is the log channel for guilds without one of their own:
    /// `(Some(guild), channel)` limits it to that guild, `(None, channel)` uses it for every guild.
    pub fn new(
        store: Arc<dyn ModerationStore>,
        clock: Arc<dyn Clock>,
        log: Arc<dyn ModerationLog>,
        precheck: Option<Arc<dyn ContentCheck>>,
        default_channel: Option<(Option<u64>, u64)>,
        offences: OffencePolicy,
    ) -> Self {
        Self { store, clock, log, precheck, default_channel, offences, home: None }
    }

    /// Names the home server (`DISCORD_GUILD_ID`), whose blocks apply to members' own jobs: a member
    /// whose own jobs are refused again and again is paused there, as in a server.
    pub fn with_home_server(mut self, home: Option<u64>) -> Self {
        self.home = home;
        self
    }

    /// Checks every text of a request (its prompt, negative prompt, styles, a card's note) against the
    /// guild's blocklist; the first text that breaks a rule refuses the request.
    pub async fn screen(&self, guild_id: Option<u64>, texts: &[&str]) -> Result<(), RulesRefusal> {
        let Some(guild) = guild_id else { return Ok(()) };
        let rules = match self.store.blocklist(ServerId(guild)).await {
            Ok(rules) => Rules::compile(&rules),
            Err(e) => {
                warn!(error = %e, "could not read the blocklist; checking nothing");
                return Ok(());
            }
        };
        match texts.iter().find_map(|text| rules.first_match(text)) {
            Some(rule) => {
                Err(RulesRefusal { reason: format!("matched blocklist rule `{rule}`"), categories: Vec::new() })
            }
            None => Ok(()),
        }
    }

    /// Runs the moderation pre-check when switched on. An unavailable check lets the job through
    /// (the provider's own filter still applies) and is logged.
    pub async fn precheck(&self, prompt: &str) -> Result<(), RulesRefusal> {
        let Some(check) = &self.precheck else { return Ok(()) };
        match check.check(prompt).await {
            Ok(v) if v.flagged => Err(RulesRefusal {
                reason: format!("flagged by the moderation pre-check: {}", v.categories.join(", ")),
                categories: v.categories,
            }),
            Ok(_) => Ok(()),
            Err(e) => {
                warn!(error = %e, "moderation pre-check unavailable; relying on the provider's filter");
                Ok(())
            }
        }
    }

    /// Runs the moderation pre-check on a member's uploaded image when switched on; like the prompt's,
    /// an unavailable check lets the job through and is logged.
    pub async fn precheck_image(&self, png: &[u8]) -> Result<(), RulesRefusal> {
        let Some(check) = &self.precheck else { return Ok(()) };
        match check.check_image(png).await {
            Ok(v) if v.flagged => Err(RulesRefusal {
                reason: format!(
                    "the uploaded image was flagged by the moderation pre-check: {}",
                    v.categories.join(", ")
                ),
                categories: v.categories,
            }),
            Ok(_) => Ok(()),
            Err(e) => {
                warn!(error = %e, "image moderation pre-check unavailable; relying on the provider's filter");
                Ok(())
            }
        }
    }

    /// Whether uploads are checked before any model call.
    pub fn checks_uploads(&self) -> bool {
        self.precheck.is_some()
    }

    /// Posts a notice in every server's moderation log channel (and the owner's default one).
    pub async fn notice_all(&self, notice: &LogNotice) {
        let mut channels: Vec<(Option<u64>, u64)> = match self.store.log_channels().await {
            Ok(list) => list.into_iter().map(|(guild, channel)| (Some(guild), channel)).collect(),
            Err(e) => {
                warn!(error = %e, "could not list the log channels");
                Vec::new()
            }
        };
        if let Some((_, channel)) = self.default_channel {
            channels.push((None, channel));
        }
        channels.sort_unstable_by_key(|(guild, channel)| (*channel, guild.is_none()));
        channels.dedup_by_key(|(_, channel)| *channel);
        for (guild, channel) in channels {
            if let Err(e) = self.log.notice(guild.map(ServerId), channel, notice).await {
                warn!(channel, error = %e, "could not post a notice in a moderation log channel");
            }
        }
    }

    /// Posts a notice in `guild_id`'s moderation log channel, when it has one.
    pub async fn notice(&self, guild_id: Option<u64>, notice: &LogNotice) {
        let Some(channel) = self.log_channel(guild_id).await else { return };
        if let Err(e) = self.log.notice(guild_id.map(ServerId), channel, notice).await {
            warn!(channel, error = %e, "could not post a notice in the moderation log channel");
        }
    }

    /// Writes a job to the audit log and its guild's log channel, and pauses a repeat offender.
    /// Returns when the member's new pause ends, if this refusal started one.
    pub async fn record(&self, entry: AuditEntry) -> Option<DateTime<Utc>> {
        info!(job = %entry.tag.job_id, outcome = entry.outcome.key(), user = entry.tag.user_id, reason = ?entry.reason, "job recorded");
        if let Err(e) = self.store.record_audit(&entry).await {
            warn!(job = %entry.tag.job_id, error = %e, "could not write the audit log");
        }
        let paused = self.pause_if_repeated(&entry).await;
        if let Some(channel) = self.log_channel(entry.tag.guild_id).await {
            let log = Arc::clone(&self.log);
            // Posted in the background: a slow log channel must never delay the member's answer.
            tokio::spawn(async move {
                if let Err(e) = log.post(channel, &entry).await {
                    warn!(job = %entry.tag.job_id, error = %e, "could not post to the moderation log channel");
                }
            });
        }
        paused
    }

    /// The log channel of `guild_id` (its own, else the owner's default), if any; for members' own
    /// jobs (`None`), the owner's default.
    pub async fn log_channel(&self, guild_id: Option<u64>) -> Option<u64> {
        let Some(guild) = guild_id else { return self.default_channel.map(|(_, channel)| channel) };
        match self.store.log_channel(ServerId(guild)).await {
            Ok(Some(channel)) => return Some(channel),
            Ok(None) => {}
            Err(e) => warn!(error = %e, "could not read the log channel setting"),
        }
        match self.default_channel {
            Some((None, channel)) => Some(channel),
            Some((Some(only), channel)) if only == guild => Some(channel),
            _ => None,
        }
    }

    /// Pauses a member whose jobs were refused too often within the window: in their server, or for
    /// their own jobs in the home server (whose blocks those jobs meet).
    async fn pause_if_repeated(&self, entry: &AuditEntry) -> Option<DateTime<Utc>> {
        let guild = entry.tag.guild_id.or(self.home)?;
        let policy = self.offences;
        if !entry.outcome.is_refusal() || policy.refusals == 0 {
            return None;
        }
        let now = self.clock.now();
        let (scope, member) = (entry.tag.guild_id.map(ServerId), MemberId(entry.tag.user_id));
        let count = self.store.refusals_since(scope, member, now - policy.window).await.ok()?;
        if count < policy.refusals {
            return None;
        }
        let until = now + policy.pause;
        let reason = format!("{count} refused requests within {} minutes", policy.window.num_minutes());
        let block = Block { until: Some(until), reason };
        if let Err(e) = self.store.pause(ServerId(guild), MemberId(entry.tag.user_id), &block, now).await {
            warn!(error = %e, "could not pause a repeat offender");
            return None;
        }
        warn!(user = entry.tag.user_id, guild, %until, "repeat offender paused");
        Some(until)
    }
}

/// Why a provider refused, as far as its message says: what a member is told instead of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalCategory {
    /// Sexual content or nudity.
    Sexual,
    /// Self-harm.
    SelfHarm,
    /// Violence or gore.
    Violence,
    /// Hate or harassment.
    Hate,
    /// Illegal activity (weapons, drugs).
    Illegal,
    /// Real people, public figures or protected work.
    RealPeople,
    /// The provider did not say which rule.
    Unnamed,
}

/// The category of a provider refusal, from its message.
pub fn refusal_category(provider_message: &str) -> RefusalCategory {
    let m = provider_message.to_lowercase();
    let categories: [(&[&str], RefusalCategory); 6] = [
        (&["sexual", "nudity", "explicit"], RefusalCategory::Sexual),
        (&["self-harm", "self harm", "suicide"], RefusalCategory::SelfHarm),
        (&["violen", "gore", "graphic"], RefusalCategory::Violence),
        (&["hate", "harass"], RefusalCategory::Hate),
        (&["illicit", "illegal", "weapon", "drug"], RefusalCategory::Illegal),
        (&["public figure", "likeness", "real person", "copyright", "trademark"], RefusalCategory::RealPeople),
    ];
    categories
        .iter()
        .find(|(words, _)| words.iter().any(|w| m.contains(w)))
        .map_or(RefusalCategory::Unnamed, |(_, c)| *c)
}

#[cfg(test)]
mod tests;
