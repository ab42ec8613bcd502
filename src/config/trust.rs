//! What keeps the owner's money and servers in the owner's hands: which servers Easel works in, how far
//! a server's admins may raise its budget, how many open community requests a member may have, and how
//! long members' words are kept.

use std::time::Duration;

use super::{ranged, ConfigError};

use crate::domain::limits::{LimitName, Limits};

/// The owner's trust settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Trust {
    /// `EASEL_GUILDS`: the servers Easel works in (`None`: every server that invited it).
    pub guilds: Option<Vec<u64>>,
    /// `EASEL_GUILD_USD_PER_DAY_MAX`: the most a server's admins may set its daily budget to (`None`:
    /// no cap, and then `none` is allowed too). Default: ten times `EASEL_GUILD_USD_PER_DAY`.
    pub guild_usd_per_day_max: Option<f64>,
    /// `EASEL_REQUESTS_OPEN_MAX`: open community requests per member per server (default 3).
    pub requests_open_max: u32,
    /// `EASEL_RETAIN_DAYS`: after this long, jobs, audit entries and requests lose their prompt text and
    /// links (the ledger's figures stay). Default 90 days.
    pub retain: Duration,
    /// `EASEL_USER_INSTALL`: whether members may install Easel to their own account and use its image
    /// commands in direct messages, group DMs and servers that never invited it (default true).
    pub user_install: bool,
    /// `EASEL_PERSONAL_USD_PER_DAY`: what one member may spend a rolling day on their own jobs, those
    /// outside a server that installed Easel (default 0.50; `0` turns personal use off).
    pub personal_usd_per_day: f64,
}

impl Trust {
    /// Whether members may use Easel outside the servers that installed it.
    pub fn personal_use(&self) -> bool {
        self.user_install && self.personal_usd_per_day > 0.0
    }
}

impl Trust {
    /// Whether Easel works in `guild_id`.
    pub fn serves(&self, guild_id: u64) -> bool {
        self.guilds.as_ref().is_none_or(|guilds| guilds.contains(&guild_id))
    }

    /// Reads the trust settings; `limits` are the owner's default limits (the cap's default follows
    /// the default server budget).
    pub(super) fn from_lookup(get: &impl Fn(&str) -> Option<String>, limits: &Limits) -> Result<Self, ConfigError> {
        let guilds = match get("EASEL_GUILDS") {
            None => None,
            Some(raw) => Some(
                raw.split(',')
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(|id| id.parse::<u64>().ok().filter(|id| *id > 0))
                    .collect::<Option<Vec<u64>>>()
                    .filter(|ids| !ids.is_empty())
                    .ok_or(ConfigError::Invalid {
                        name: "EASEL_GUILDS",
                        expected: "comma-separated server ids (numbers), or unset for every server",
                        got: raw.clone(),
                    })?,
            ),
        };
        let guild_usd_per_day_max = match get("EASEL_GUILD_USD_PER_DAY_MAX") {
            None => {
                limits.get(LimitName::GuildUsdPerDay).map(|usd| (usd * 10.0).min(LimitName::GuildUsdPerDay.range().1))
            }
            Some(raw) => LimitName::GuildUsdPerDay
                .parse(&raw)
                .map_err(|e| ConfigError::Limit { name: "EASEL_GUILD_USD_PER_DAY_MAX", reason: e.to_string() })?,
        };
        Ok(Self {
            guilds,
            guild_usd_per_day_max,
            requests_open_max: ranged(get, "EASEL_REQUESTS_OPEN_MAX", "requests", 1..=100, 3)? as u32,
            retain: Duration::from_secs(ranged(get, "EASEL_RETAIN_DAYS", "days", 1..=3650, 90)? * 86_400),
            user_install: super::bool_var(get, "EASEL_USER_INSTALL", true)?,
            personal_usd_per_day: personal_budget(get)?,
        })
    }
}

/// `EASEL_PERSONAL_USD_PER_DAY`: US dollars from 0 (personal use off) to 100,000 (`$` allowed);
/// default 0.50. There is no "no limit": a member's own jobs always have a budget.
fn personal_budget(get: &impl Fn(&str) -> Option<String>) -> Result<f64, ConfigError> {
    let Some(raw) = get("EASEL_PERSONAL_USD_PER_DAY") else { return Ok(0.50) };
    let (min, max) = LimitName::UserUsdPerDay.range();
    raw.trim()
        .trim_start_matches('$')
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && (min..=max).contains(v))
        .ok_or(ConfigError::Invalid {
            name: "EASEL_PERSONAL_USD_PER_DAY",
            expected: "US dollars a member may spend a day on their own jobs, from 0 (personal use off) to 100000",
            got: raw.clone(),
        })
}
