//! Members' `/settings` in SQLite, one JSON document per member and server.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{fail, millis, time, SqliteStore};
use crate::community::settings::{MemberSettings, SettingsChange, SettingsStore};
use crate::domain::ledger::StoreError;

#[async_trait]
impl SettingsStore for SqliteStore {
    async fn member_settings(&self, guild_id: u64, user_id: u64) -> Result<MemberSettings, StoreError> {
        self.with(move |c| {
            let text: Option<String> = c
                .query_row(
                    "SELECT settings FROM member_settings WHERE guild_id = ?1 AND user_id = ?2",
                    params![guild_id as i64, user_id as i64],
                    |row| row.get(0),
                )
                .optional()
                .map_err(fail)?;
            // Settings written by another version that no longer parse read as unset.
            Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
        })
        .await
    }

    async fn save_member_settings(
        &self,
        guild_id: u64,
        user_id: u64,
        settings: &MemberSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(settings).map_err(fail)?;
        self.with(move |c| {
            c.execute(
                "INSERT INTO member_settings (guild_id, user_id, settings, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (guild_id, user_id) DO UPDATE SET settings = excluded.settings,
                     updated_at = excluded.updated_at",
                params![guild_id as i64, user_id as i64, text, millis(now)],
            )
            .map_err(fail)?;
            Ok(())
        })
        .await
    }

    async fn member_settings_changed(&self, since: DateTime<Utc>) -> Result<Vec<SettingsChange>, StoreError> {
        self.with(move |c| {
            let mut statement = c
                .prepare("SELECT guild_id, user_id, settings, updated_at FROM member_settings WHERE updated_at >= ?1")
                .map_err(fail)?;
            let rows = statement
                .query_map([millis(since)], |r| {
                    Ok(SettingsChange {
                        guild_id: r.get::<_, i64>(0)? as u64,
                        user_id: r.get::<_, i64>(1)? as u64,
                        // Settings written by another version that no longer parse read as unset.
                        settings: serde_json::from_str(&r.get::<_, String>(2)?).unwrap_or_default(),
                        changed_at: time(r.get(3)?),
                    })
                })
                .map_err(fail)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(fail)
        })
        .await
    }
}
