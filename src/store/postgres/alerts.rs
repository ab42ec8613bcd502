//! Spend alerts already posted, in Postgres.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{execute, millis, PostgresStore};
use crate::community::spend::AlertStore;
use crate::domain::ledger::StoreError;

#[async_trait]
impl AlertStore for PostgresStore {
    async fn mark_alert(
        &self,
        scope: &str,
        period: &str,
        threshold: u32,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        // The primary key decides: of two processes posting the same alert at once, one inserts.
        let added = execute(
            &self.client().await?,
            "INSERT INTO spend_alerts (scope, period, threshold, posted_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
            &[&scope, &period, &i64::from(threshold), &millis(now)],
        )
        .await?;
        Ok(added == 1)
    }
}
