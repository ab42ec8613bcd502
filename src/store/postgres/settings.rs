//! Members' `/settings` in Postgres, one JSON document per member and server.

use async_trait::async_trait;

use super::{execute, fail, get, id, query_opt, PostgresStore};
use crate::settings::{MemberSettings, SettingsStore};
use crate::store::StoreError;

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
    ) -> Result<(), StoreError> {
        let client = self.client().await?;
        let (guild, user) = (id(guild_id), id(user_id));
        if *settings == MemberSettings::default() {
            execute(&client, "DELETE FROM member_settings WHERE guild_id = $1 AND user_id = $2", &[&guild, &user])
                .await?;
        } else {
            let text = serde_json::to_string(settings).map_err(fail)?;
            execute(
                &client,
                "INSERT INTO member_settings (guild_id, user_id, settings) VALUES ($1, $2, $3)
                 ON CONFLICT (guild_id, user_id) DO UPDATE SET settings = excluded.settings",
                &[&guild, &user, &text],
            )
            .await?;
        }
        Ok(())
    }
}
