//! Spend alerts already posted, in Postgres.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{execute, millis, Param, PostgresStore};
use crate::community::spend::AlertStore;
use crate::domain::ledger::StoreError;
use crate::store::sql::alerts::MARK_ALERT;

#[async_trait]
impl AlertStore for PostgresStore {
    async fn mark_alert(
        &self,
        scope: &str,
        period: &str,
        threshold: u32,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let params = [&scope as Param, &period, &i64::from(threshold), &millis(now)];
        let added = execute(&self.client().await?, MARK_ALERT, &params).await?;
        Ok(added == 1)
    }
}
