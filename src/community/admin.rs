//! `/limits` and `/moderation`: guild admins read and change their server's limits, role tiers,
//! blocklist and log channel; moderators read the audit log and lift blocks.
//!
//! The permission check lives here, not only in Discord's command settings (which a server can loosen):
//! every operation takes the actor's permissions as Discord computed them and refuses the others.

use std::sync::Arc;

use crate::community::moderation::ModerationStore;
use crate::community::moderation::{compile_regex, AuditEntry, Rule};
use crate::domain::clock::Clock;
use crate::domain::ledger::{Store, StoreError};
use crate::domain::limits::Block;
use crate::domain::limits::{self, relative, BadLimitValue, LimitName, Limits, Scope};
use crate::text::truncate;

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
/// Discord's longest message.
const MAX_MESSAGE: usize = 2000;

/// Why an admin command did nothing; the text is for the admin.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// The actor lacks Manage Server.
    #[error("Only members with the Manage Server permission may {0}.")]
    NotAllowed(&'static str),
    /// The actor is not a moderator.
    #[error("Only this server's moderators (Manage Messages, Moderate Members or Manage Server permission) may {0}.")]
    NotModerator(&'static str),
    /// A blocklist pattern that cannot be used.
    #[error("{0}")]
    BadPattern(String),
    /// Used outside a server.
    #[error("Limits belong to a server: use this command in one.")]
    NotInGuild,
    /// The limit name is unknown or not settable at that scope.
    #[error("{0}")]
    NotSettable(String),
    /// The value is not a number in the limit's range, or `none`.
    #[error(transparent)]
    BadValue(#[from] BadLimitValue),
    /// A server budget above the owner's cap (or `none` under one).
    #[error("The bot's owner caps a server's daily budget at ${0:.2}: choose a value from 0 to that.")]
    AboveOwnerCap(f64),
    /// A block's duration out of range.
    #[error("A block lasts more than 0 and at most {MAX_BLOCK_HOURS} hours (a year); leave `hours` out to block until unblocked.")]
    BadHours,
    /// The store failed.
    #[error("Something went wrong saving that; nothing was changed.")]
    Store(#[from] StoreError),
}

/// One page of `/moderation history`, with what the adapter needs for its page buttons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryPage {
    /// The page, ready to show.
    pub text: String,
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

fn describe(scope: Scope) -> String {
    match scope {
        Scope::Guild => "this server".to_owned(),
        Scope::Role(id) => format!("members with <@&{id}>"),
        Scope::User(id) => format!("<@{id}>"),
    }
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
    fn managed_guild(actor: &Actor, action: &'static str) -> Result<u64, AdminError> {
        if !actor.can_manage {
            return Err(AdminError::NotAllowed(action));
        }
        actor.guild_id.ok_or(AdminError::NotInGuild)
    }

    /// The actor's guild, for what moderators do: the blocklist, the audit log, lifting blocks.
    fn moderated_guild(actor: &Actor, action: &'static str) -> Result<u64, AdminError> {
        if !(actor.can_moderate || actor.can_manage) {
            return Err(AdminError::NotModerator(action));
        }
        actor.guild_id.ok_or(AdminError::NotInGuild)
    }

    /// Sets where the guild's moderation log goes.
    pub async fn set_log_channel(&self, actor: &Actor, channel: u64) -> Result<String, AdminError> {
        let guild = Self::managed_guild(actor, "choose Easel's log channel")?;
        self.moderation.set_log_channel(guild, channel).await?;
        Ok(format!("Easel's moderation log now goes to <#{channel}>."))
    }

    /// Adds a word or regular expression to the guild's blocklist.
    pub async fn blocklist_add(&self, actor: &Actor, pattern: &str, regex: bool) -> Result<String, AdminError> {
        let guild = Self::moderated_guild(actor, "change the blocklist")?;
        let rule = parse_rule(pattern, regex)?;
        let added = self.moderation.add_rule(guild, &rule, self.clock.now()).await?;
        let (kind, pattern) = rule.parts();
        Ok(if added {
            format!("Added {kind} `{pattern}` to the blocklist. Prompts that match are refused before any model call.")
        } else {
            format!("{kind} `{pattern}` was already on the blocklist.")
        })
    }

    /// Removes a word or regular expression from the guild's blocklist.
    pub async fn blocklist_remove(&self, actor: &Actor, pattern: &str, regex: bool) -> Result<String, AdminError> {
        let guild = Self::moderated_guild(actor, "change the blocklist")?;
        let rule = if regex { Rule::regex(pattern) } else { Rule::word(pattern) };
        let (kind, shown) = rule.parts();
        Ok(if self.moderation.remove_rule(guild, &rule).await? {
            format!("Removed {kind} `{shown}` from the blocklist.")
        } else {
            format!("{kind} `{shown}` was not on the blocklist.")
        })
    }

    /// The guild's blocklist.
    pub async fn blocklist(&self, actor: &Actor) -> Result<String, AdminError> {
        let guild = Self::moderated_guild(actor, "read the blocklist")?;
        let rules = self.moderation.blocklist(guild).await?;
        if rules.is_empty() {
            return Ok("The blocklist is empty.".to_owned());
        }
        let lines: Vec<String> = rules.iter().map(|r| r.parts()).map(|(kind, p)| format!("{kind}: `{p}`")).collect();
        Ok(fit(format!("**Blocklist** ({} rules)\n{}", rules.len(), lines.join("\n"))))
    }

    /// A page (from 1) of the guild's audit log, optionally for one member, newest first.
    pub async fn history(&self, actor: &Actor, user: Option<u64>, page: u32) -> Result<HistoryPage, AdminError> {
        let guild = Self::moderated_guild(actor, "read Easel's job history")?;
        let page = page.max(1);
        let (entries, total) =
            self.moderation.audit_history(guild, user, (page - 1) * HISTORY_PAGE, HISTORY_PAGE).await?;
        let pages = total.div_ceil(HISTORY_PAGE).max(1);
        let whose = user.map_or_else(|| "this server".to_owned(), |u| format!("<@{u}>"));
        let text = if entries.is_empty() {
            format!("No jobs on page {page} of {pages} for {whose}.")
        } else {
            let mut lines = vec![format!("**Easel jobs of {whose}**: page {page} of {pages} ({total} in all)")];
            lines.extend(entries.iter().map(history_line));
            fit(lines.join("\n"))
        };
        Ok(HistoryPage { text, user, page, pages })
    }

    /// The limits in force for the guild, or for one member (with their roles).
    pub async fn show(&self, actor: &Actor, user: Option<(u64, Vec<u64>)>) -> Result<String, AdminError> {
        let guild = Self::managed_guild(actor, "see Easel's limits")?;
        let overrides = self.store.overrides(guild).await?;
        let (limits, heading) = match &user {
            Some((id, roles)) => {
                (limits::resolve(&self.defaults, &overrides, roles, *id), format!("Limits for <@{id}>"))
            }
            None => (limits::resolve(&self.defaults, &overrides, &[], 0), "Limits for this server".to_owned()),
        };
        let mut lines = vec![format!("**{heading}**")];
        lines.extend(LimitName::ALL.iter().map(|n| format!("`{}`: {}", n.key(), n.show(limits.get(*n)))));
        let tiers: Vec<String> = overrides
            .iter()
            .filter_map(|o| match o.scope {
                Scope::Role(id) => Some(format!("<@&{id}> `{}`: {}", o.name.key(), o.name.show(o.value))),
                _ => None,
            })
            .collect();
        if !tiers.is_empty() {
            lines.push(format!("Role tiers: {}", tiers.join("; ")));
        }
        if let Some((id, _)) = user {
            if let Some(block) = self.store.block_of(guild, id, self.clock.now()).await? {
                let until =
                    block.until.map_or_else(|| "until unblocked".to_owned(), |t| format!("ends {}", relative(t)));
                lines.push(format!("Blocked ({until}): {}", block.reason));
            }
        }
        lines.push(format!(
            "Members with Manage Server are {} per-member limits.",
            if limits.exempt_managers { "exempt from" } else { "held to" }
        ));
        Ok(lines.join("\n"))
    }

    /// Sets one limit for the guild, a role tier or a member.
    pub async fn set(&self, actor: &Actor, scope: Scope, name: &str, value: &str) -> Result<String, AdminError> {
        let guild = Self::managed_guild(actor, "change Easel's limits")?;
        let name = LimitName::from_key(name)
            .filter(|n| n.settable_by_guild())
            .ok_or_else(|| AdminError::NotSettable(format!("`{name}` is not a limit a server can set.")))?;
        if scope != Scope::Guild && !name.per_member() {
            return Err(AdminError::NotSettable(format!(
                "`{}` is the server's own budget: set it without a user or role.",
                name.key()
            )));
        }
        let value = name.parse(value)?;
        if let (LimitName::GuildUsdPerDay, Some(max)) = (name, self.guild_usd_max) {
            if value.is_none_or(|usd| usd > max) {
                return Err(AdminError::AboveOwnerCap(max));
            }
        }
        self.store.set_override(guild, scope, name, value).await?;
        Ok(format!("`{}` for {} is now {}.", name.key(), describe(scope), name.show(value)))
    }

    /// Removes the settings of a scope (all of the guild's when `None`), back to the owner's defaults.
    pub async fn reset(&self, actor: &Actor, scope: Option<Scope>) -> Result<String, AdminError> {
        let guild = Self::managed_guild(actor, "change Easel's limits")?;
        let removed = self.store.clear_overrides(guild, scope).await?;
        let whom = scope.map_or_else(|| "this server (every setting)".to_owned(), describe);
        Ok(format!("Reset {removed} setting(s) for {whom}; the defaults apply again."))
    }

    /// Blocks a member for `hours` (or until unblocked).
    pub async fn block(
        &self,
        actor: &Actor,
        user: u64,
        hours: Option<f64>,
        reason: &str,
    ) -> Result<String, AdminError> {
        let guild = Self::managed_guild(actor, "block members from Easel")?;
        let now = self.clock.now();
        let until = match hours {
            None => None,
            Some(h) if h > 0.0 && h <= MAX_BLOCK_HOURS => Some(limits::later(now, h * 3600.0)),
            Some(_) => return Err(AdminError::BadHours),
        };
        let reason = format!("{reason} (by <@{}>)", actor.user_id);
        self.store.block(guild, user, &Block { until, reason }, now).await?;
        Ok(match until {
            Some(t) => format!("<@{user}> is blocked from Easel here; the block ends {}.", relative(t)),
            None => format!("<@{user}> is blocked from Easel here until unblocked."),
        })
    }

    /// Lifts a member's block (a limit block or a pause for repeated refusals).
    pub async fn unblock(&self, actor: &Actor, user: u64) -> Result<String, AdminError> {
        let guild = Self::moderated_guild(actor, "lift a block")?;
        Ok(if self.store.unblock(guild, user).await? {
            format!("<@{user}> may use Easel here again.")
        } else {
            format!("<@{user}> was not blocked.")
        })
    }
}

fn parse_rule(pattern: &str, regex: bool) -> Result<Rule, AdminError> {
    let pattern = pattern.trim();
    if pattern.is_empty() || pattern.chars().count() > 200 {
        return Err(AdminError::BadPattern("A blocklist entry must be 1 to 200 characters.".into()));
    }
    if regex {
        compile_regex(pattern)
            .map_err(|e| AdminError::BadPattern(format!("That regular expression does not compile: {e}")))?;
        return Ok(Rule::regex(pattern));
    }
    let rule = Rule::word(pattern);
    if !rule.parts().1.chars().any(char::is_alphanumeric) {
        return Err(AdminError::BadPattern("A blocked word needs at least one letter or digit.".into()));
    }
    Ok(rule)
}

fn history_line(e: &AuditEntry) -> String {
    let jump = match (e.guild_id, e.message_id) {
        (Some(g), Some(m)) => format!(" [result](https://discord.com/channels/{g}/{}/{m})", e.channel_id),
        _ => String::new(),
    };
    let reason = e.reason.as_deref().map(|r| format!(" ({})", crate::text::echo(r, 60))).unwrap_or_default();
    format!(
        "<t:{}:f> <@{}> /{} {} · **{}**{} · ${:.4} · \"{}\"{} · job {}",
        e.created_at.timestamp(),
        e.user_id,
        e.command,
        e.model,
        e.outcome.label(),
        reason,
        e.cost_usd,
        crate::text::echo(&e.prompt, 60),
        jump,
        e.job_id
    )
}

/// Cuts a reply to Discord's message limit.
fn fit(text: String) -> String {
    truncate(&text, MAX_MESSAGE)
}
