//! After a charge: the spend alerts it made due, posted for the server's moderators and logged for the
//! owner.

use tracing::warn;

use super::Jobs;

impl Jobs {
    /// Posts the spend alerts newly due for `guild_id` (its daily budget, the bot's monthly one).
    pub(super) async fn alert_spend(&self, guild_id: Option<u64>) {
        let Some(spend) = &self.spend else { return };
        for alert in spend.due(guild_id).await {
            let scope = format!("{:?}", alert.scope);
            warn!(guild = ?guild_id, scope, threshold = alert.threshold, spent = alert.spent, budget = alert.budget, "a budget passed a spend alert's threshold");
            if let Some(moderation) = &self.moderation {
                moderation.notice(guild_id, &crate::community::moderation::LogNotice::Spend(alert)).await;
            }
        }
    }
}
