//! Who is a moderator or a manager of a server: the one decision every command, button and modal asks.
//!
//! Discord's `member.permissions` in an interaction is computed for the interaction's **channel**, with
//! that channel's overwrites applied: a member given Manage Messages in one channel would read as a
//! moderator everywhere. Easel's rights are server-wide, so they are computed here from the server
//! itself: its owner, and the permissions of the member's roles (the `@everyone` role, whose id is the
//! server's, included); Administrator grants everything. The server's roles and owner come from
//! `GET /guilds/{id}`, cached for [`CACHE_FOR`] so a burst of clicks costs one call. When Discord cannot
//! say, nobody is a moderator: the check fails closed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serenity::all::{GuildId, Permissions, RoleId, UserId};
use serenity::http::{Http, LightMethod, Request, Route};
use tracing::warn;

/// How long a server's roles and owner are trusted before they are asked again: a role taken away
/// stops counting within this.
pub const CACHE_FOR: Duration = Duration::from_secs(60);

/// How long a command waits for Discord to say who holds which role before treating the member as
/// ordinary: commands answered directly must answer within Discord's 3 s, whatever Discord does.
pub const LOOKUP_WITHIN: Duration = Duration::from_millis(1500);

/// The most servers whose roles are kept at once (a stranger cannot grow the cache without bound).
const MAX_SERVERS: usize = 10_000;

/// What a member may do in a server, beyond using Easel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Authority {
    /// Manage Server (or Administrator, or the owner): limits, budgets, the request board.
    pub manage: bool,
    /// Manage Messages, Moderate Members or Manage Server: the log, blocks, others' jobs, decisions.
    pub moderate: bool,
}

impl Authority {
    /// An ordinary member.
    pub const NONE: Self = Self { manage: false, moderate: false };

    /// The authority server-wide permissions give.
    pub fn from_permissions(permissions: Permissions) -> Self {
        if permissions.administrator() {
            return Self { manage: true, moderate: true };
        }
        let manage = permissions.manage_guild();
        Self { manage, moderate: manage || permissions.manage_messages() || permissions.moderate_members() }
    }
}

/// A server as far as rights go: its owner and each role's permissions.
#[derive(Debug, Clone, Deserialize)]
struct ServerFacts {
    owner_id: UserId,
    roles: Vec<RoleFacts>,
}

#[derive(Debug, Clone, Deserialize)]
struct RoleFacts {
    id: RoleId,
    permissions: Permissions,
}

impl ServerFacts {
    /// The member's server-level permissions: the owner's are all; else `@everyone`'s and their roles'.
    fn permissions_of(&self, guild: GuildId, user: UserId, roles: &[RoleId]) -> Permissions {
        if user == self.owner_id {
            return Permissions::all();
        }
        let everyone = RoleId::new(guild.get());
        self.roles
            .iter()
            .filter(|role| role.id == everyone || roles.contains(&role.id))
            .fold(Permissions::empty(), |all, role| all | role.permissions)
    }
}

/// Server-level rights, with each server's roles cached briefly.
#[derive(Default)]
pub struct Rights {
    servers: Mutex<HashMap<GuildId, (Instant, ServerFacts)>>,
    /// One lookup at a time per server: a burst of interactions from a server whose roles are not
    /// cached waits for one `GET /guilds/{id}` instead of sending one each.
    lookups: Mutex<HashMap<GuildId, Arc<tokio::sync::Mutex<()>>>>,
}

impl Rights {
    /// What `user`, holding `roles`, may do in `guild`. Never an error: when Discord cannot say within
    /// [`LOOKUP_WITHIN`], the member is ordinary (and it is logged).
    pub async fn of(&self, http: &Http, guild: GuildId, user: UserId, roles: &[RoleId]) -> Authority {
        match tokio::time::timeout(LOOKUP_WITHIN, self.facts(http, guild)).await {
            Ok(Some(facts)) => Authority::from_permissions(facts.permissions_of(guild, user, roles)),
            Ok(None) => Authority::NONE,
            Err(_) => {
                warn!(
                    guild = guild.get(),
                    "Discord was slow to say who holds which role; treating the member as ordinary"
                );
                Authority::NONE
            }
        }
    }

    /// What the cache alone says (no call to Discord), or `None` when the server's roles are not cached:
    /// for decisions made before an interaction is answered, which must not wait on the network.
    pub fn cached_of(&self, guild: GuildId, user: UserId, roles: &[RoleId]) -> Option<Authority> {
        let facts = self.cached(guild)?;
        Some(Authority::from_permissions(facts.permissions_of(guild, user, roles)))
    }

    async fn facts(&self, http: &Http, guild: GuildId) -> Option<ServerFacts> {
        if let Some(facts) = self.cached(guild) {
            return Some(facts);
        }
        let lookup = {
            let mut lookups = self.lookups.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if lookups.len() >= MAX_SERVERS {
                lookups.retain(|_, lock| Arc::strong_count(lock) > 1);
            }
            Arc::clone(lookups.entry(guild).or_default())
        };
        let _one_at_a_time = lookup.lock().await;
        // Another lookup may have filled the cache while this one waited.
        if let Some(facts) = self.cached(guild) {
            return Some(facts);
        }
        let request = Request::new(Route::Guild { guild_id: guild }, LightMethod::Get);
        match http.fire::<ServerFacts>(request).await {
            Ok(facts) => {
                let mut servers = self.servers.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                if servers.len() >= MAX_SERVERS {
                    servers.retain(|_, (at, _)| at.elapsed() < CACHE_FOR);
                }
                if servers.len() < MAX_SERVERS {
                    servers.insert(guild, (Instant::now(), facts.clone()));
                }
                Some(facts)
            }
            Err(e) => {
                warn!(guild = guild.get(), error = %e, "could not read the server's roles; treating the member as ordinary");
                None
            }
        }
    }

    fn cached(&self, guild: GuildId) -> Option<ServerFacts> {
        let servers = self.servers.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        servers.get(&guild).filter(|(at, _)| at.elapsed() < CACHE_FOR).map(|(_, facts)| facts.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> ServerFacts {
        serde_json::from_value(serde_json::json!({
            "owner_id": "10",
            "roles": [
                {"id": "1", "permissions": "2048"},
                {"id": "20", "permissions": "8192"},
                {"id": "30", "permissions": "32"},
                {"id": "40", "permissions": "8"}
            ]
        }))
        .unwrap()
    }

    fn of(user: u64, roles: &[u64]) -> Authority {
        let roles: Vec<RoleId> = roles.iter().map(|r| RoleId::new(*r)).collect();
        Authority::from_permissions(facts().permissions_of(GuildId::new(1), UserId::new(user), &roles))
    }

    #[test]
    fn rights_come_from_roles_and_the_owner_never_from_a_channel() {
        assert_eq!(of(5, &[]), Authority::NONE, "@everyone grants Send Messages only");
        assert_eq!(of(5, &[20]), Authority { manage: false, moderate: true }, "Manage Messages by role");
        assert_eq!(of(5, &[30]), Authority { manage: true, moderate: true }, "Manage Server");
        assert_eq!(of(5, &[40]), Authority { manage: true, moderate: true }, "Administrator");
        assert_eq!(of(10, &[]), Authority { manage: true, moderate: true }, "the owner");
        assert_eq!(of(5, &[99]), Authority::NONE, "a role the server does not have grants nothing");
    }
}
