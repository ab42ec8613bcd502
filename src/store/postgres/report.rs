//! `/usage server`'s reads of the ledger, in Postgres: charged jobs only (statements and rows shared
//! with SQLite in `sql::report`, except the day, which each database names its own way).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{count, get, id, millis, query, Param, PostgresStore};
use crate::community::report::{DaySpend, ReportStore, RequesterSpend};
use crate::domain::ids::ServerId;
use crate::domain::ledger::StoreError;
use crate::store::sql::report as sql;

/// Milliseconds in a day: a time's UTC day is its milliseconds divided by this, rounded down.
const DAY_MS: i64 = 86_400_000;

#[async_trait]
impl ReportStore for PostgresStore {
    async fn failed_spend(&self, guild_id: ServerId, since: DateTime<Utc>) -> Result<f64, StoreError> {
        let row =
            super::query_one(&self.client().await?, sql::FAILED_SPEND, &[&id(guild_id.0), &millis(since)]).await?;
        get(&row, 0)
    }

    async fn spend_by_day(&self, guild_id: ServerId, since: DateTime<Utc>) -> Result<Vec<DaySpend>, StoreError> {
        // The day as a number (days since 1970-01-01, UTC): no dependence on the session's time zone or
        // date style.
        let rows = query(
            &self.client().await?,
            &format!(
                "SELECT FLOOR(created_at / {DAY_MS}.0)::BIGINT AS day, SUM(cost_usd), SUM(images)::BIGINT
                 FROM ledger WHERE guild_id = $1 AND state = 'committed' AND created_at >= $2
                 GROUP BY day ORDER BY day"
            ),
            &[&id(guild_id.0), &millis(since)],
        )
        .await?;
        let mut days = Vec::new();
        for row in &rows {
            let day: i64 = get(row, 0)?;
            let Some(date) = day.checked_mul(86_400).and_then(|s| DateTime::from_timestamp(s, 0)) else { continue };
            let usd: Option<f64> = get(row, 1)?;
            days.push(DaySpend { day: date.date_naive(), usd: usd.unwrap_or(0.0), images: count(get(row, 2)?) });
        }
        Ok(days)
    }

    async fn top_requesters(
        &self,
        guild_id: ServerId,
        since: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<RequesterSpend>, StoreError> {
        let client = self.client().await?;
        let params = [&id(guild_id.0) as Param, &millis(since), &i64::from(limit)];
        super::query_map(&client, sql::TOP_REQUESTERS, &params, sql::requester_spend).await
    }
}
