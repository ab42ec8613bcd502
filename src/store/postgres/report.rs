//! `/usage server`'s reads of the ledger, in Postgres: charged jobs only.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{count, get, id, millis, query, PostgresStore};
use crate::community::report::{DaySpend, ReportStore, RequesterSpend};
use crate::domain::ledger::StoreError;

/// Milliseconds in a day: a time's UTC day is its milliseconds divided by this, rounded down.
const DAY_MS: i64 = 86_400_000;

#[async_trait]
impl ReportStore for PostgresStore {
    async fn failed_spend(&self, guild_id: u64, since: DateTime<Utc>) -> Result<f64, StoreError> {
        let row = super::query_one(
            &self.client().await?,
            "SELECT COALESCE(SUM(usd), 0) FROM owner_spend WHERE guild_id = $1 AND created_at >= $2",
            &[&id(guild_id), &millis(since)],
        )
        .await?;
        get(&row, 0)
    }

    async fn spend_by_day(&self, guild_id: u64, since: DateTime<Utc>) -> Result<Vec<DaySpend>, StoreError> {
        // The day as a number (days since 1970-01-01, UTC): no dependence on the session's time zone or
        // date style.
        let rows = query(
            &self.client().await?,
            &format!(
                "SELECT FLOOR(created_at / {DAY_MS}.0)::BIGINT AS day, SUM(cost_usd), SUM(images)::BIGINT
                 FROM ledger WHERE guild_id = $1 AND state = 'committed' AND created_at >= $2
                 GROUP BY day ORDER BY day"
            ),
            &[&id(guild_id), &millis(since)],
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
        guild_id: u64,
        since: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<RequesterSpend>, StoreError> {
        // NULLS LAST: where SQLite puts them in a descending order.
        let rows = query(
            &self.client().await?,
            "SELECT user_id, SUM(images)::BIGINT, SUM(cost_usd) AS usd FROM ledger
             WHERE guild_id = $1 AND state = 'committed' AND created_at >= $2
             GROUP BY user_id ORDER BY usd DESC NULLS LAST LIMIT $3",
            &[&id(guild_id), &millis(since), &i64::from(limit)],
        )
        .await?;
        rows.iter()
            .map(|r| {
                Ok(RequesterSpend {
                    user_id: get::<i64>(r, 0)? as u64,
                    images: count(get(r, 1)?),
                    usd: get::<Option<f64>>(r, 2)?.unwrap_or(0.0),
                })
            })
            .collect()
    }
}
