//! `/limits` and `/moderation`: guild admins read and change their server's limits, role tiers,
//! blocklist and log channel; moderators read the audit log and lift blocks.
//!
//! The permission check lives here, not only in Discord's command settings (which a server can loosen):
//! every operation takes the actor's permissions as Discord computed them and refuses the others.
//!
//! Every operation returns what it did ([`AdminDone`]) or why not ([`AdminError`]) as data; the
//! Discord adapter's words (`discord::words::admin`) say it to the admin.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::community::moderation::ModerationStore;
use crate::community::moderation::{compile_regex, AuditEntry, Rule};
use crate::domain::clock::Clock;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::{Store, StoreError};
use crate::domain::limits::Block;
use crate::domain::limits::{self, BadLimitValue, LimitName, Limits, Override, Scope};

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The guild (`None` in DMs).
    pub guild_id: Option<u64>,
    /// The admin's user id.
    pub user_id: u64,
    /// Whether Discord says they may manage the server.
    pub can_manage: bool,
    /// Whether Discord says they may moderate (Manage Messages, Moderate Members, or manage the server).
    pub can_moderate: bool,
}

/// The longest timed block, in hours (a year); longer is "until unblocked".
pub const MAX_BLOCK_HOURS: f64 = 8760.0;

/// Audit entries on one page of `/moderation history`.
pub const HISTORY_PAGE: u32 = 8;

/// What an admin asked to do, for a refusal to name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// `/moderation log-channel`.
    ChooseLogChannel,
    /// `/moderation blocklist add|remove`.
    ChangeBlocklist,
    /// `/moderation blocklist list`.
    ReadBlocklist,
    /// `/moderation history`.
    ReadHistory,
    /// `/limits show`.
    SeeLimits,
    /// `/limits set|reset`.
    ChangeLimits,
    /// `/limits block`.
    BlockMembers,
    /// `/limits unblock`, `/moderation unblock`.
    LiftBlock,
}

/// Why a blocklist entry cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternProblem {
    /// Empty or over 200 characters.
    Length,
    /// A word with no letter or digit.
    NoLetterOrDigit,
    /// A regular expression that does not compile (the compiler's message).
    Regex(String),
}

/// Why an admin command did nothing.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// The actor lacks Manage Server.
    #[error("needs Manage Server ({0:?})")]
    NotAllowed(Action),
    /// The actor is not a moderator.
    #[error("needs a moderator ({0:?})")]
    NotModerator(Action),
    /// A blocklist pattern that cannot be used.
    #[error("unusable blocklist entry: {0:?}")]
    BadPattern(PatternProblem),
    /// Used outside a server.
    #[error("used outside a server")]
    NotInGuild,
    /// The limit name is unknown, or not one a server sets.
    #[error("`{0}` is not a limit a server can set")]
    UnknownLimit(String),
    /// A server-wide budget given for a member or role.
    #[error("`{}` is set for the server only", .0.key())]
    ServerOnly(LimitName),
    /// The value is not a number in the limit's range, or `none`.
    #[error(transparent)]
    BadValue(#[from] BadLimitValue),
    /// A server budget above the owner's cap (or `none` under one).
    #[error("above the owner's cap of ${0:.2} a day")]
    AboveOwnerCap(f64),
    /// A block's duration out of range.
    #[error("a block's hours out of range")]
    BadHours,
    /// The store failed.
    #[error("the store failed")]
    Store(#[from] StoreError),
}

/// What an admin command did.
#[derive(Debug, Clone, PartialEq)]
pub enum AdminDone {
    /// The moderation log goes to `channel` now.
    LogChannel {
        /// The channel.
        channel: u64,
    },
    /// A blocklist rule was added (`new`) or was already there.
    RuleAdded {
        /// The rule.
        rule: Rule,
        /// Whether it was not on the list before.
        new: bool,
    },
    /// A blocklist rule was removed, or was not there.
    RuleRemoved {
        /// The rule.
        rule: Rule,
        /// Whether it was on the list.
        removed: bool,
    },
    /// The server's blocklist.
    Blocklist(Vec<Rule>),
    /// The limits in force.
    Limits(LimitsShown),
    /// A limit was set.
    LimitSet {
        /// Which.
        name: LimitName,
        /// For whom.
        scope: Scope,
        /// To what (`None`: no limit).
        value: Option<f64>,
    },
    /// Settings were removed, back to the defaults.
    Reset {
        /// Whose (`None`: every setting of the server).
        scope: Option<Scope>,
        /// How many.
        removed: usize,
    },
    /// A member was blocked.
    Blocked {
        /// Who.
        user: u64,
        /// Until when (`None`: until unblocked).
        until: Option<DateTime<Utc>>,
    },
    /// A member's block was lifted, or they were not blocked.
    Unblocked {
        /// Who.
        user: u64,
        /// Whether they were blocked.
        was_blocked: bool,
    },
}

/// The limits in force for a server or one member.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitsShown {
    /// Whose (`None`: the server's).
    pub user: Option<u64>,
    /// The limits resolved for them.
    pub limits: Limits,
    /// The server's role tiers.
    pub tiers: Vec<Override>,
    /// The member's block in force.
    pub block: Option<Block>,
}

/// One page of `/moderation history`, with what the adapter needs for its page buttons.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPage {
    /// The entries, newest first.
    pub entries: Vec<AuditEntry>,
    /// How many entries there are in all.
    pub total: u32,
    /// Whose history (`None`: the whole server's).
    pub user: Option<u64>,
    /// This page, from 1.
    pub page: u32,
    /// How many pages there are.
    pub pages: u32,
}

/// The admin side of limits.
pub struct Admin {
    store: Arc<dyn Store>,
    moderation: Arc<dyn ModerationStore>,
    clock: Arc<dyn Clock>,
    defaults: Limits,
    /// The most a server's admins may set its daily budget to (`None`: no cap).
    guild_usd_max: Option<f64>,
}

impl Admin {
    /// Admin operations over the ledger `store` and the `moderation` store, with the owner's
    /// `defaults` shown as the base.
    pub fn new(
        store: Arc<dyn Store>,
        moderation: Arc<dyn ModerationStore>,
        clock: Arc<dyn Clock>,
        defaults: Limits,
    ) -> Self {
        Self { store, moderation, clock, defaults, guild_usd_max: None }
    }

    /// Caps what a server's admins may set its daily budget to (the owner's
    /// `EASEL_GUILD_USD_PER_DAY_MAX`); with a cap, `none` is refused too.
    pub fn with_guild_usd_max(mut self, max: Option<f64>) -> Self {
        self.guild_usd_max = max;
        self
    }

    /// The actor's guild, for what needs Manage Server: limits, blocks, the log channel.
    fn managed_guild(actor: &Actor, action: Action) -> Result<u64, AdminError> {
        if !actor.can_manage {
            return Err(AdminError::NotAllowed(action));
        }
        actor.guild_id.ok_or(AdminError::NotInGuild)
    }

    /// The actor's guild, for what moderators do: the blocklist, the audit log, lifting blocks.
    fn moderated_guild(actor: &Actor, action: Action) -> Result<u64, AdminError> {
        if !(actor.can_moderate || actor.can_manage) {
            return Err(AdminError::NotModerator(action));
        }
        actor.guild_id.ok_or(AdminError::NotInGuild)
    }

    /// Sets where the guild's moderation log goes.
    pub async fn set_log_channel(&self, actor: &Actor, channel: u64) -> Result<AdminDone, AdminError> {
        let guild = Self::managed_guild(actor, Action::ChooseLogChannel)?;
        self.moderation.set_log_channel(ServerId(guild), channel).await?;
        Ok(AdminDone::LogChannel { channel })
    }

    /// Adds a word or regular expression to the guild's blocklist.
    pub async fn blocklist_add(&self, actor: &Actor, pattern: &str, regex: bool) -> Result<AdminDone, AdminError> {
        let guild = Self::moderated_guild(actor, Action::ChangeBlocklist)?;
        let rule = parse_rule(pattern, regex)?;
        let new = self.moderation.add_rule(ServerId(guild), &rule, self.clock.now()).await?;
        Ok(AdminDone::RuleAdded { rule, new })
    }

    /// Removes a word or regular expression from the guild's blocklist.
    pub async fn blocklist_remove(&self, actor: &Actor, pattern: &str, regex: bool) -> Result<AdminDone, AdminError> {
        let guild = Self::moderated_guild(actor, Action::ChangeBlocklist)?;
        let rule = if regex { Rule::regex(pattern) } else { Rule::word(pattern) };
        let removed = self.moderation.remove_rule(ServerId(guild), &rule).await?;
        Ok(AdminDone::RuleRemoved { rule, removed })
    }

    /// The guild's blocklist.
    pub async fn blocklist(&self, actor: &Actor) -> Result<AdminDone, AdminError> {
        let guild = Self::moderated_guild(actor, Action::ReadBlocklist)?;
        Ok(AdminDone::Blocklist(self.moderation.blocklist(ServerId(guild)).await?))
    }

    /// A page (from 1) of the guild's audit log, optionally for one member, newest first.
    pub async fn history(&self, actor: &Actor, user: Option<u64>, page: u32) -> Result<HistoryPage, AdminError> {
        let guild = Self::moderated_guild(actor, Action::ReadHistory)?;
        let page = page.max(1);
        let (entries, total) = self
            .moderation
            .audit_history(ServerId(guild), user.map(MemberId), (page - 1) * HISTORY_PAGE, HISTORY_PAGE)
            .await?;
        let pages = total.div_ceil(HISTORY_PAGE).max(1);
        Ok(HistoryPage { entries, total, user, page, pages })
    }

    /// The limits in force for the guild, or for one member (with their roles).
    pub async fn show(&self, actor: &Actor, user: Option<(u64, Vec<u64>)>) -> Result<AdminDone, AdminError> {
        let guild = Self::managed_guild(actor, Action::SeeLimits)?;
        let overrides = self.store.overrides(ServerId(guild)).await?;
        let (id, roles) = user.clone().unwrap_or_default();
        let limits = limits::resolve(&self.defaults, &overrides, &roles, id);
        let tiers = overrides.into_iter().filter(|o| matches!(o.scope, Scope::Role(_))).collect();
        let block = match user {
            Some((id, _)) => self.store.block_of(ServerId(guild), MemberId(id), self.clock.now()).await?,
            None => None,
        };
        Ok(AdminDone::Limits(LimitsShown { user: user.map(|(id, _)| id), limits, tiers, block }))
    }

    /// Sets one limit for the guild, a role tier or a member.
    pub async fn set(&self, actor: &Actor, scope: Scope, name: &str, value: &str) -> Result<AdminDone, AdminError> {
        let guild = Self::managed_guild(actor, Action::ChangeLimits)?;
        let name = LimitName::from_key(name)
            .filter(|n| n.settable_by_guild())
            .ok_or_else(|| AdminError::UnknownLimit(name.to_owned()))?;
        if scope != Scope::Guild && !name.per_member() {
            return Err(AdminError::ServerOnly(name));
        }
        let value = name.parse(value)?;
        if let (LimitName::GuildUsdPerDay, Some(max)) = (name, self.guild_usd_max) {
            if value.is_none_or(|usd| usd > max) {
                return Err(AdminError::AboveOwnerCap(max));
            }
        }
        self.store.set_override(ServerId(guild), scope, name, value).await?;
        Ok(AdminDone::LimitSet { name, scope, value })
    }

    /// Removes the settings of a scope (all of the guild's when `None`), back to the owner's defaults.
    pub async fn reset(&self, actor: &Actor, scope: Option<Scope>) -> Result<AdminDone, AdminError> {
        let guild = Self::managed_guild(actor, Action::ChangeLimits)?;
        let removed = self.store.clear_overrides(ServerId(guild), scope).await?;
        Ok(AdminDone::Reset { scope, removed })
    }

    /// Blocks a member for `hours` (or until unblocked); `reason` is kept as given (the adapter names
    /// the moderator in it).
    pub async fn block(
        &self,
        actor: &Actor,
        user: u64,
        hours: Option<f64>,
        reason: &str,
    ) -> Result<AdminDone, AdminError> {
        let guild = Self::managed_guild(actor, Action::BlockMembers)?;
        let now = self.clock.now();
        let until = match hours {
            None => None,
            Some(h) if h > 0.0 && h <= MAX_BLOCK_HOURS => Some(limits::later(now, h * 3600.0)),
            Some(_) => return Err(AdminError::BadHours),
        };
        // The reason as the adapter worded it, naming the moderator who blocked.
        let reason = reason.to_owned();
        self.store.block(ServerId(guild), MemberId(user), &Block { until, reason }, now).await?;
        Ok(AdminDone::Blocked { user, until })
    }

    /// Lifts a member's block (a limit block or a pause for repeated refusals).
    pub async fn unblock(&self, actor: &Actor, user: u64) -> Result<AdminDone, AdminError> {
        let guild = Self::moderated_guild(actor, Action::LiftBlock)?;
        let was_blocked = self.store.unblock(ServerId(guild), MemberId(user)).await?;
        Ok(AdminDone::Unblocked { user, was_blocked })
    }
}

fn parse_rule(pattern: &str, regex: bool) -> Result<Rule, AdminError> {
    let pattern = pattern.trim();
    if pattern.is_empty() || pattern.chars().count() > 200 {
        return Err(AdminError::BadPattern(PatternProblem::Length));
    }
    if regex {
        compile_regex(pattern).map_err(|e| AdminError::BadPattern(PatternProblem::Regex(e.to_string())))?;
        return Ok(Rule::regex(pattern));
    }
    let rule = Rule::word(pattern);
    if !rule.parts().1.chars().any(char::is_alphanumeric) {
        return Err(AdminError::BadPattern(PatternProblem::NoLetterOrDigit));
    }
    Ok(rule)
}
