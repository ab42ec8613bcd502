//! `/usage server`'s reads of the ledger, in SQLite: charged jobs only (statements and rows shared
//! with Postgres in `sql::report`, except the day, which each database names its own way).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::{all, fail, millis, SqliteStore};
use crate::community::report::{DaySpend, ReportStore, RequesterSpend};
use crate::domain::ids::ServerId;
use crate::domain::ledger::StoreError;
use crate::store::sql::report as sql;

#[async_trait]
impl ReportStore for SqliteStore {
    async fn spend_by_day(&self, guild_id: ServerId, since: DateTime<Utc>) -> Result<Vec<DaySpend>, StoreError> {
        self.with(move |c| {
            let mut statement = c
                .prepare(
                    "SELECT date(created_at / 1000, 'unixepoch') AS day, SUM(cost_usd), SUM(images) FROM ledger
                     WHERE guild_id = ?1 AND state = 'committed' AND created_at >= ?2 GROUP BY day ORDER BY day",
                )
                .map_err(fail)?;
            let rows = statement
                .query_map(params![guild_id.0 as i64, millis(since)], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, Option<f64>>(1)?, r.get::<_, u32>(2)?))
                })
                .map_err(fail)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            Ok(rows
                .into_iter()
                .filter_map(|(day, usd, images)| {
                    Some(DaySpend { day: day.parse::<NaiveDate>().ok()?, usd: usd.unwrap_or(0.0), images })
                })
                .collect())
        })
        .await
    }

    async fn top_requesters(
        &self,
        guild_id: ServerId,
        since: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<RequesterSpend>, StoreError> {
        self.with(move |c| {
            all(c, sql::TOP_REQUESTERS, params![guild_id.0 as i64, millis(since), limit], sql::requester_spend)
        })
        .await
    }

    async fn failed_spend(&self, guild_id: ServerId, since: DateTime<Utc>) -> Result<f64, StoreError> {
        self.with(move |c| {
            c.query_row(sql::FAILED_SPEND, params![guild_id.0 as i64, millis(since)], |r| r.get(0)).map_err(fail)
        })
        .await
    }
}
