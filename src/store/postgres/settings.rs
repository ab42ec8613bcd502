//! Members' `/settings` in Postgres, one JSON document per member and server.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{execute, fail, get, id, millis, query, query_opt, text, time, PostgresStore};
use crate::community::settings::{MemberSettings, SettingsChange, SettingsStore};
use crate::domain::ledger::StoreError;

#[async_trait]
impl SettingsStore for PostgresStore {
    async fn member_settings(&self, guild_id: u64, user_id: u64) -> Result<MemberSettings, StoreError> {
        let row = query_opt(
            &self.client().await?,
            "SELECT settings FROM member_settings WHERE guild_id = $1 AND user_id = $2",
            &[&id(guild_id), &id(user_id)],
        )
        .await?;
        let Some(row) = row else { return Ok(MemberSettings::default()) };
        // Settings written by another version that no longer parse read as unset.
        Ok(serde_json::from_str(get(&row, 0)?).unwrap_or_default())
    }

    async fn save_member_settings(
        &self,
        guild_id: u64,
        user_id: u64,
        settings: &MemberSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).map_err(fail)?;
        execute(
            &self.client().await?,
            "INSERT INTO member_settings (guild_id, user_id, settings, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (guild_id, user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at",
            &[&id(guild_id), &id(user_id), &text(&json), &millis(now)],
        )
        .await?;
        Ok(())
    }

    async fn member_settings_changed(&self, since: DateTime<Utc>) -> Result<Vec<SettingsChange>, StoreError> {
        let rows = query(
            &self.client().await?,
            "SELECT guild_id, user_id, settings, updated_at FROM member_settings WHERE updated_at >= $1",
            &[&millis(since)],
        )
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SettingsChange {
                    guild_id: get::<i64>(r, 0)? as u64,
                    user_id: get::<i64>(r, 1)? as u64,
                    // Settings written by another version that no longer parse read as unset.
                    settings: serde_json::from_str(get(r, 2)?).unwrap_or_default(),
                    changed_at: time(get(r, 3)?),
                })
            })
            .collect()
    }
}
