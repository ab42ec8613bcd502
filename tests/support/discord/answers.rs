//! What Discord remembers of each interaction and registration: where an interaction's answers go,
//! whether they are ephemeral (asked or forced), its follow-ups (at most 5 for a user-installed app),
//! the messages the bot made, and the commands registered per scope.

use super::*;

impl FakeDiscord {
    /// Makes (and keeps) a message of the bot in `channel_id`, of server `guild_id` (`None` in a DM), from
    /// `payload` with `files` attached and served.
    pub(super) fn message(
        &self,
        channel_id: u64,
        guild_id: Option<u64>,
        payload: &Value,
        files: &[(String, String, Vec<u8>)],
    ) -> Value {
        let id = self.next_id();
        let attachments: Vec<Value> = files
            .iter()
            .map(|(_, filename, bytes)| {
                let name = format!("{id}-{filename}");
                self.inner.lock().unwrap().served_files.insert(name.clone(), bytes.clone());
                let url = format!("{}/attachments/{name}", self.origin);
                let mut attachment = json!({"id": self.next_id().to_string(), "filename": filename,
                    "size": bytes.len(), "url": url, "proxy_url": url, "content_type": "image/png"});
                // As Discord does for an image: its width and height.
                if let Ok((width, height)) = image::ImageReader::new(std::io::Cursor::new(bytes))
                    .with_guessed_format()
                    .map_err(image::ImageError::IoError)
                    .and_then(|r| r.into_dimensions())
                {
                    attachment["width"] = json!(width);
                    attachment["height"] = json!(height);
                }
                attachment
            })
            .collect();
        let message = message_object(id, channel_id, guild_id, user(APP_ID, "Easel"), payload, attachments);
        self.inner.lock().unwrap().messages.insert(id.to_string(), message.clone());
        message
    }

    /// What Discord remembers of the interaction with `token` (see [`Exchange`]).
    pub(super) fn exchange(&self, token: &str) -> Exchange {
        self.inner.lock().unwrap().exchanges.get(token).copied().unwrap_or_else(Exchange::unknown)
    }

    /// Remembers whether the answer to the interaction with `token` is shown to the member alone, as
    /// Discord decides on a message or deferral (callback 4 or 5): what the bot asked (flag 64), or always
    /// where the server forbids the member external apps.
    pub(super) fn answered(&self, token: &str, callback: &Value) {
        if !matches!(callback["type"].as_u64(), Some(4 | 5)) {
            return;
        }
        let asked = (callback["data"]["flags"].as_u64().unwrap_or(0) & 64) != 0;
        let mut inner = self.inner.lock().unwrap();
        let exchange = inner.exchanges.entry(token.to_owned()).or_insert_with(Exchange::unknown);
        exchange.ephemeral = Some(exchange.forced_ephemeral || asked);
    }

    /// The message an edit of an interaction's answer (`original`) or follow-up makes: in the interaction's
    /// channel, ephemeral when its answer is.
    pub(super) fn edited_answer(
        &self,
        token: &str,
        original: bool,
        payload: &Value,
        files: &[(String, String, Vec<u8>)],
    ) -> Value {
        let exchange = self.exchange(token);
        let ephemeral = exchange.forced_ephemeral || (original && exchange.ephemeral == Some(true));
        self.message(exchange.channel, exchange.guild, &flagged(payload, ephemeral), files)
    }

    /// Counts a follow-up on the interaction with `token` if Discord accepts it (at most 5 where only the
    /// member installed the app); returns the interaction's exchange then, `None` when refused.
    pub(super) fn take_followup(&self, token: &str) -> Option<Exchange> {
        let mut inner = self.inner.lock().unwrap();
        let exchange = inner.exchanges.entry(token.to_owned()).or_insert_with(Exchange::unknown);
        if exchange.user_installed_only && exchange.followups >= MAX_USER_APP_FOLLOWUPS {
            return None;
        }
        exchange.followups += 1;
        Some(*exchange)
    }

    /// A follow-up as Discord takes it: refused (400, code 40094) past 5 for an app only the member
    /// installed, ephemeral where the server forbids external apps, posted in the interaction's channel.
    pub(super) fn followup(&self, token: &str, payload: &Value, files: &[(String, String, Vec<u8>)]) -> Response {
        let Some(exchange) = self.take_followup(token) else {
            let body =
                json!({"code": 40094, "message": "This interaction has hit the maximum number of follow up messages"});
            return (StatusCode::BAD_REQUEST, Json(body)).into_response();
        };
        let payload = flagged(payload, exchange.forced_ephemeral);
        Json(self.message(exchange.channel, exchange.guild, &payload, files)).into_response()
    }

    /// Whether Discord shows the answer to the interaction with `token` to the member alone (asked by the
    /// bot, or forced where the server forbids external apps); `None` before the bot answered.
    pub fn answer_ephemeral(&self, token: &str) -> Option<bool> {
        self.inner.lock().unwrap().exchanges.get(token).and_then(|e| e.ephemeral)
    }

    /// How many follow-ups Discord accepted on the interaction with `token`.
    pub fn followups_of(&self, token: &str) -> usize {
        self.inner.lock().unwrap().exchanges.get(token).map_or(0, |e| e.followups)
    }

    /// Counts the 5 follow-ups Discord allows a user-installed app's interaction as already posted (as
    /// after five earlier messages), so the next one is refused.
    pub fn use_up_followups(&self, token: &str) {
        let mut inner = self.inner.lock().unwrap();
        let exchange = inner.exchanges.entry(token.to_owned()).or_insert_with(Exchange::unknown);
        exchange.followups = exchange.followups.max(MAX_USER_APP_FOLLOWUPS);
    }

    /// Keeps `commands` as the latest registration of `guild` (`None`: global) unless Discord would refuse
    /// them; answers as Discord does.
    pub(super) fn register(&self, guild: Option<u64>, commands: &Value) -> Response {
        if let Some(why) = invalid_command_form(commands) {
            // Discord refuses the whole registration: 400, code 50035 "Invalid Form Body".
            self.inner.lock().unwrap().refused_registrations.push(why.clone());
            let errors =
                json!({"code": 50035, "message": "Invalid Form Body", "errors": {"_errors": [{"message": why}]}});
            return (StatusCode::BAD_REQUEST, Json(errors)).into_response();
        }
        let registered = registered_commands(commands);
        self.inner.lock().unwrap().registrations.insert(guild, registered.clone());
        Json(registered).into_response()
    }

    /// The latest accepted command list of `guild` (`None`: the global commands), empty when none: what
    /// members see in their command picker.
    pub fn registered(&self, guild: Option<u64>) -> Vec<Value> {
        self.inner.lock().unwrap().registrations.get(&guild).cloned().unwrap_or_default()
    }
}

/// A full message object as serenity 0.12.5 deserializes it, by `author` in `channel` (of `guild`, absent in
/// DMs), with `content`, `embeds`, `flags` and `components` from `payload`.
pub(super) fn message_object(
    id: u64,
    channel: u64,
    guild: Option<u64>,
    author: Value,
    payload: &Value,
    attachments: Vec<Value>,
) -> Value {
    let mut message = json!({
        "id": id.to_string(), "channel_id": channel.to_string(),
        "author": author, "content": payload["content"].as_str().unwrap_or_default(),
        "timestamp": "2026-11-25T10:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": attachments,
        "embeds": payload.get("embeds").cloned().unwrap_or(json!([])), "pinned": false, "type": 0,
        "flags": payload["flags"].as_u64().unwrap_or(0),
        "components": payload.get("components").cloned().unwrap_or(json!([]))
    });
    if let Some(guild) = guild {
        message["guild_id"] = json!(guild.to_string());
    }
    message
}

/// `payload` with flag 64 (ephemeral) added when `ephemeral`, as Discord marks a message the member
/// alone sees.
pub(super) fn flagged(payload: &Value, ephemeral: bool) -> Value {
    let mut payload = payload.clone();
    if ephemeral {
        let flags = payload["flags"].as_u64().unwrap_or(0) | 64;
        payload["flags"] = json!(flags);
    }
    payload
}

/// The server of a channel the bot posts in: none for DMs, [`FOREIGN_GUILD_ID`] for its channel,
/// `GUILD_ID` for every other.
pub(super) fn guild_of(channel: u64) -> Option<u64> {
    match channel {
        DM_CHANNEL_ID | GROUP_DM_CHANNEL_ID => None,
        FOREIGN_CHANNEL_ID => Some(FOREIGN_GUILD_ID),
        _ => Some(GUILD_ID),
    }
}

/// Whether the bot is absent from `channel` (a group DM, a server that never invited it), so Discord
/// refuses its posts there with 403 Missing Access.
pub(super) fn bot_absent_from(channel: u64) -> bool {
    channel == FOREIGN_CHANNEL_ID || channel == GROUP_DM_CHANNEL_ID
}

/// The scope of a registration path: a guild's (`applications/{app}/guilds/{g}/commands`) or global.
pub(super) fn registration_scope(segments: &[&str]) -> Option<u64> {
    match segments {
        ["applications", _, "guilds", guild, "commands"] => guild.parse().ok(),
        _ => None,
    }
}
