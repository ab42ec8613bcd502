//! Members' `/settings` in Postgres (statements and rows shared with SQLite in `sql::settings`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{execute, fail, get, id, millis, query_map, query_opt, text, PostgresStore};
use crate::community::settings::{MemberSettings, SettingsChange, SettingsStore};
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::StoreError;
use crate::store::sql::settings as sql;

#[async_trait]
impl SettingsStore for PostgresStore {
    async fn member_settings(&self, guild_id: ServerId, user_id: MemberId) -> Result<MemberSettings, StoreError> {
        let row = query_opt(&self.client().await?, sql::MEMBER_SETTINGS, &[&id(guild_id.0), &id(user_id.0)]).await?;
        let json: Option<&str> = row.as_ref().map(|row| get(row, 0)).transpose()?;
        Ok(crate::store::sql::lenient(json))
    }

    async fn save_member_settings(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        settings: &MemberSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).map_err(fail)?;
        let client = self.client().await?;
        execute(&client, sql::SAVE_MEMBER_SETTINGS, &[&id(guild_id.0), &id(user_id.0), &text(&json), &millis(now)])
            .await?;
        Ok(())
    }

    async fn member_settings_changed(&self, since: DateTime<Utc>) -> Result<Vec<SettingsChange>, StoreError> {
        query_map(&self.client().await?, sql::SETTINGS_CHANGED_SINCE, &[&millis(since)], sql::settings_change).await
    }
}
