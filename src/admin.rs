//! `/limits`: guild admins read and change their server's limits, set role tiers and block members.
//!
//! The permission check lives here, not only in Discord's command settings (which a server can loosen):
//! every operation takes the actor's permissions as Discord computed them and refuses non-managers.

use std::sync::Arc;

use chrono::Duration;

use crate::clock::Clock;
use crate::config::parse_limit;
use crate::limits::{self, relative, LimitName, Limits, Scope};
use crate::store::{Block, Store, StoreError};

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The guild (`None` in DMs).
    pub guild_id: Option<u64>,
    /// The admin's user id.
    pub user_id: u64,
    /// Whether Discord says they may manage the server.
    pub can_manage: bool,
}

/// Why an admin command did nothing; the text is for the admin.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AdminError {
    /// The actor lacks Manage Server.
    #[error("Only members who can manage this server may change Easel's limits.")]
    NotAllowed,
    /// Used outside a server.
    #[error("Limits belong to a server: use this command in one.")]
    NotInGuild,
    /// The limit name is unknown or not settable at that scope.
    #[error("{0}")]
    NotSettable(String),
    /// The value is not a number or `none`.
    #[error("`{0}` is not a value I understand: give a number of at least 0, or `none` for no limit.")]
    BadValue(String),
    /// The store failed.
    #[error("Something went wrong saving that; nothing was changed.")]
    Store(#[from] StoreError),
}

/// The admin side of limits.
pub struct Admin {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    defaults: Limits,
}

fn describe(scope: Scope) -> String {
    match scope {
        Scope::Guild => "this server".to_owned(),
        Scope::Role(id) => format!("members with <@&{id}>"),
        Scope::User(id) => format!("<@{id}>"),
    }
}

impl Admin {
    /// Admin operations over `store`, with the owner's `defaults` shown as the base.
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>, defaults: Limits) -> Self {
        Self { store, clock, defaults }
    }

    fn guild(actor: &Actor) -> Result<u64, AdminError> {
        if !actor.can_manage {
            return Err(AdminError::NotAllowed);
        }
        actor.guild_id.ok_or(AdminError::NotInGuild)
    }

    /// The limits in force for the guild, or for one member (with their roles).
    pub async fn show(&self, actor: &Actor, user: Option<(u64, Vec<u64>)>) -> Result<String, AdminError> {
        let guild = Self::guild(actor)?;
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
        let guild = Self::guild(actor)?;
        let name = LimitName::from_key(name)
            .filter(|n| n.settable_by_guild())
            .ok_or_else(|| AdminError::NotSettable(format!("`{name}` is not a limit a server can set.")))?;
        if scope != Scope::Guild && !name.per_member() {
            return Err(AdminError::NotSettable(format!(
                "`{}` is the server's own budget: set it without a user or role.",
                name.key()
            )));
        }
        let value = parse_limit(value).ok_or_else(|| AdminError::BadValue(value.to_owned()))?;
        self.store.set_override(guild, scope, name, value).await?;
        Ok(format!("`{}` for {} is now {}.", name.key(), describe(scope), name.show(value)))
    }

    /// Removes the settings of a scope (all of the guild's when `None`), back to the owner's defaults.
    pub async fn reset(&self, actor: &Actor, scope: Option<Scope>) -> Result<String, AdminError> {
        let guild = Self::guild(actor)?;
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
        let guild = Self::guild(actor)?;
        let now = self.clock.now();
        let until = hours.map(|h| now + Duration::seconds((h * 3600.0) as i64));
        let reason = format!("{reason} (by <@{}>)", actor.user_id);
        self.store.block(guild, user, &Block { until, reason }, now).await?;
        Ok(match until {
            Some(t) => format!("<@{user}> is blocked from Easel here; the block ends {}.", relative(t)),
            None => format!("<@{user}> is blocked from Easel here until unblocked."),
        })
    }

    /// Lifts a member's block.
    pub async fn unblock(&self, actor: &Actor, user: u64) -> Result<String, AdminError> {
        let guild = Self::guild(actor)?;
        Ok(if self.store.unblock(guild, user).await? {
            format!("<@{user}> may use Easel here again.")
        } else {
            format!("<@{user}> was not blocked.")
        })
    }
}
