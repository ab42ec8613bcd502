//! Spend alerts already posted, in SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{fail, millis, SqliteStore};
use crate::community::spend::AlertStore;
use crate::domain::ledger::StoreError;
use crate::store::sql::alerts::MARK_ALERT;

#[async_trait]
impl AlertStore for SqliteStore {
    async fn mark_alert(
        &self,
        scope: &str,
        period: &str,
        threshold: u32,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (scope, period) = (scope.to_owned(), period.to_owned());
        self.with(move |c| {
            let added = c.execute(MARK_ALERT, params![scope, period, threshold, millis(now)]).map_err(fail)?;
            Ok(added == 1)
        })
        .await
    }
}
