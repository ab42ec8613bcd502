//! Members' `/settings` in SQLite (statements and rows shared with Postgres in `sql::settings`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{all, fail, millis, SqliteStore};
use crate::community::settings::{MemberSettings, SettingsChange, SettingsStore};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::StoreError;
use crate::store::sql::settings as sql;

#[async_trait]
impl SettingsStore for SqliteStore {
    async fn member_settings(&self, guild_id: ServerId, user_id: MemberId) -> Result<MemberSettings, StoreError> {
        self.with(move |c| {
            let json: Option<String> = c
                .query_row(sql::MEMBER_SETTINGS, params![guild_id.0 as i64, user_id.0 as i64], |row| row.get(0))
                .optional()
                .map_err(fail)?;
            Ok(crate::store::sql::lenient(json.as_deref()))
        })
        .await
    }

    async fn save_member_settings(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        settings: &MemberSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).map_err(fail)?;
        self.with(move |c| {
            c.execute(sql::SAVE_MEMBER_SETTINGS, params![guild_id.0 as i64, user_id.0 as i64, json, millis(now)])
                .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn member_settings_changed(&self, since: DateTime<Utc>) -> Result<Vec<SettingsChange>, StoreError> {
        self.with(move |c| all(c, sql::SETTINGS_CHANGED_SINCE, params![millis(since)], sql::settings_change)).await
    }
}
