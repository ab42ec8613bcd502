//! Spend alerts: when a server's daily budget or the bot's monthly budget passes 50%, 80% and 100%,
//! moderators (in the server's moderation log channel) and the owner (in the log) hear of it once per
//! threshold and period, not after members start to complain.
//!
//! Periods: a server's daily budget is a rolling 24 hours, so its alerts count per UTC day; the bot's
//! monthly budget is the calendar month in UTC, like its limit.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tracing::warn;

use crate::domain::clock::Clock;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::{Store, StoreError};
use crate::domain::limits::{self, LimitName, Limits};

/// The shares of a budget that raise an alert, in percent.
pub const THRESHOLDS: [u32; 3] = [50, 80, 100];

/// Where alerts already posted are remembered, so each is posted once.
#[async_trait]
pub trait AlertStore: Send + Sync {
    /// Records `threshold` of `scope` in `period`; true when it was not recorded before.
    async fn mark_alert(
        &self,
        scope: &str,
        period: &str,
        threshold: u32,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
}

/// Whose budget an alert is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A server's daily budget.
    Server(u64),
    /// The bot's monthly budget (the owner's money).
    Bot,
}

/// One threshold passed.
#[derive(Debug, Clone, PartialEq)]
pub struct SpendAlert {
    /// Whose budget.
    pub scope: Scope,
    /// The share passed, in percent.
    pub threshold: u32,
    /// Spent (or reserved) so far, USD.
    pub spent: f64,
    /// The budget, USD.
    pub budget: f64,
}

/// The thresholds `spent` has passed of `budget` (none for a budget of nothing or no budget).
pub fn passed(spent: f64, budget: f64) -> Vec<u32> {
    if !(budget.is_finite() && budget > 0.0 && spent.is_finite()) {
        return Vec::new();
    }
    THRESHOLDS.into_iter().filter(|t| spent >= budget * f64::from(*t) / 100.0).collect()
}

/// Watches the server and bot budgets after each charge.
pub struct SpendWatch {
    store: Arc<dyn Store>,
    alerts: Arc<dyn AlertStore>,
    limits: Limits,
    clock: Arc<dyn Clock>,
}

impl SpendWatch {
    /// A watch over the ledger in `store`, with the owner's default `limits`.
    pub fn new(store: Arc<dyn Store>, alerts: Arc<dyn AlertStore>, limits: Limits, clock: Arc<dyn Clock>) -> Self {
        Self { store, alerts, limits, clock }
    }

    /// The alerts newly due for `guild_id`'s budget and the bot's, each returned once.
    pub async fn due(&self, guild_id: Option<u64>) -> Vec<SpendAlert> {
        match self.check(guild_id).await {
            Ok(alerts) => alerts,
            Err(e) => {
                warn!(error = %crate::text::chain(&e), "could not check the budgets for spend alerts");
                Vec::new()
            }
        }
    }

    async fn check(&self, guild_id: Option<u64>) -> Result<Vec<SpendAlert>, StoreError> {
        let now = self.clock.now();
        let overrides = match guild_id {
            Some(guild) => self.store.overrides(ServerId(guild)).await?,
            None => Vec::new(),
        };
        let limits = limits::resolve(&self.limits, &overrides, &[], crate::domain::ledger::SERVER_ACCOUNT);
        let usage =
            self.store.usage(guild_id.map(ServerId), MemberId(crate::domain::ledger::SERVER_ACCOUNT), now).await?;
        let mut scopes = vec![(
            Scope::Bot,
            usage.global_usd,
            limits.get(LimitName::GlobalUsdPerMonth),
            now.format("%Y-%m").to_string(),
        )];
        if let Some(guild) = guild_id {
            scopes.push((
                Scope::Server(guild),
                usage.guild_usd,
                limits.get(LimitName::GuildUsdPerDay),
                now.format("%Y-%m-%d").to_string(),
            ));
        }
        let mut due = Vec::new();
        for (scope, spent, budget, period) in scopes {
            let Some(budget) = budget else { continue };
            let key = match scope {
                Scope::Server(guild) => format!("guild:{guild}"),
                Scope::Bot => "bot".to_owned(),
            };
            for threshold in passed(spent, budget) {
                if self.alerts.mark_alert(&key, &period, threshold, now).await? {
                    due.push(SpendAlert { scope, threshold, spent, budget });
                }
            }
        }
        Ok(due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_passed_at_half_four_fifths_and_all() {
        assert_eq!(passed(4.9, 10.0), Vec::<u32>::new());
        assert_eq!(passed(5.0, 10.0), [50]);
        assert_eq!(passed(8.5, 10.0), [50, 80]);
        assert_eq!(passed(12.0, 10.0), [50, 80, 100]);
        assert_eq!(passed(1.0, 0.0), Vec::<u32>::new(), "no budget, no alert");
        assert_eq!(passed(f64::NAN, 10.0), Vec::<u32>::new());
    }
}
