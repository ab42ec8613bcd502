//! Members' `/settings` in SQLite, one JSON document per member and server.

use async_trait::async_trait;
use rusqlite::{params, OptionalExtension};

use super::{fail, SqliteStore};
use crate::settings::{MemberSettings, SettingsStore};
use crate::store::StoreError;

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
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(settings).map_err(fail)?;
        let clear = *settings == MemberSettings::default();
        self.with(move |c| {
            if clear {
                c.execute(
                    "DELETE FROM member_settings WHERE guild_id = ?1 AND user_id = ?2",
                    params![guild_id as i64, user_id as i64],
                )
            } else {
                c.execute(
                    "INSERT INTO member_settings (guild_id, user_id, settings) VALUES (?1, ?2, ?3)
                     ON CONFLICT (guild_id, user_id) DO UPDATE SET settings = excluded.settings",
                    params![guild_id as i64, user_id as i64, text],
                )
            }
            .map_err(fail)?;
            Ok(())
        })
        .await
    }
}
