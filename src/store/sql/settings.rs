//! Members' `/settings`: one JSON document per member and server.

use super::{id, lenient, time, Columns};
use crate::community::settings::SettingsChange;
use crate::domain::ledger::StoreError;

/// A member's settings in a server: `guild_id`, `user_id`.
pub const MEMBER_SETTINGS: &str = "SELECT settings FROM member_settings WHERE guild_id = ?1 AND user_id = ?2";

/// Saves a member's settings: `guild_id`, `user_id`, the JSON, the time.
pub const SAVE_MEMBER_SETTINGS: &str =
    "INSERT INTO member_settings (guild_id, user_id, settings, updated_at) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (guild_id, user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at";

/// Settings changed since a time, for the mirror: `since`.
pub const SETTINGS_CHANGED_SINCE: &str =
    "SELECT guild_id, user_id, settings, updated_at FROM member_settings WHERE updated_at >= ?1";

/// A row of [`SETTINGS_CHANGED_SINCE`].
pub fn settings_change(r: &dyn Columns) -> Result<SettingsChange, StoreError> {
    Ok(SettingsChange {
        guild_id: id(r.int(0)?),
        user_id: id(r.int(1)?),
        settings: lenient(Some(&r.text(2)?)),
        changed_at: time(r.int(3)?),
    })
}
