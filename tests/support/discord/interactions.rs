//! The interactions the stand-in sends, as Discord sends them from each place (a server that installed
//! the app, the bot's DM, a group DM, a server that never invited the bot): slash and message
//! commands, button clicks and modal submissions.

use super::*;

impl FakeDiscord {
    /// Sends slash command `name` typed by `member` in guild `guild_id` (routed to that guild's shard).
    pub fn invoke_in_guild(&self, guild_id: u64, name: &str, options: Value) -> Sent {
        let mut fields = self.origin(Place::Server, &Member::ordinary(), "ann", Some("Ann"));
        fields["guild_id"] = json!(guild_id.to_string());
        fields["authorizing_integration_owners"] = json!({"0": guild_id.to_string()});
        fields["data"] = slash_data(name, options, json!({}));
        self.send(2, fields)
    }

    /// Sends an INTERACTION_CREATE for slash command `name` with `options` as Discord would.
    pub fn invoke(&self, name: &str, options: Value, resolved: Value) -> Sent {
        self.invoke_with_limit(name, options, resolved, DEFAULT_UPLOAD_LIMIT)
    }

    /// As [`Self::invoke`], with a chosen `attachment_size_limit`.
    pub fn invoke_with_limit(&self, name: &str, options: Value, resolved: Value, upload_limit: u64) -> Sent {
        self.invoke_full(&Member::ordinary(), name, options, resolved, upload_limit)
    }

    /// As [`Self::invoke`], typed by `member`.
    pub fn invoke_as(&self, member: &Member, name: &str, options: Value, resolved: Value) -> Sent {
        self.invoke_full(member, name, options, resolved, DEFAULT_UPLOAD_LIMIT)
    }

    pub(super) fn invoke_full(
        &self,
        member: &Member,
        name: &str,
        options: Value,
        resolved: Value,
        upload_limit: u64,
    ) -> Sent {
        self.command(Place::Server, member, slash_data(name, options, resolved), upload_limit)
    }

    /// Sends slash command `name` typed by `member` in `place` (a server, the bot's DM, a group DM, a
    /// server that never invited the bot), with the fields Discord sends from there.
    pub fn invoke_in(&self, place: Place, member: &Member, name: &str, options: Value, resolved: Value) -> Sent {
        self.command(place, member, slash_data(name, options, resolved), DEFAULT_UPLOAD_LIMIT)
    }

    /// Sends an autocomplete interaction (type 4) for slash command `name` as a member types: `options`
    /// as typed so far, the one being typed marked `"focused": true`.
    pub fn autocomplete(&self, member: &Member, name: &str, options: Value) -> Sent {
        let mut fields = self.origin(Place::Server, member, "ann", Some("Ann"));
        fields["data"] = slash_data(name, options, json!({}));
        self.send(4, fields)
    }

    /// Runs message command `name` ("right-click a message → Apps") on `target`, a full message object
    /// (from [`Self::posted_by_member`] or one the bot made), as `member` in `place`: Discord sends the
    /// message whole in `data.resolved.messages`.
    pub fn invoke_message_command(&self, place: Place, member: &Member, name: &str, target: &Value) -> Sent {
        let target_id = target["id"].as_str().unwrap_or_default().to_owned();
        let mut messages = serde_json::Map::new();
        messages.insert(target_id.clone(), target.clone());
        let data = json!({"id": "910000000000000002", "name": name, "type": 3, "target_id": target_id,
            "resolved": {"messages": Value::Object(messages)}});
        self.command(place, member, data, DEFAULT_UPLOAD_LIMIT)
    }

    /// A message a member (not the bot) posted in `place`'s channel, with images as (filename, url): the
    /// target of a message command. Not stored among the bot's messages.
    pub fn posted_by_member(&self, place: Place, content: &str, images: &[(&str, &str)]) -> Value {
        let id = self.next_id();
        let attachments: Vec<Value> = images
            .iter()
            .map(|(filename, url)| {
                json!({"id": self.next_id().to_string(), "filename": filename, "size": 1000, "url": url,
                       "proxy_url": url, "content_type": "image/png", "width": 64, "height": 64})
            })
            .collect();
        let payload = json!({"content": content});
        message_object(id, place.channel(), place.guild(), user(POSTER_ID, "zoe"), &payload, attachments)
    }

    /// Sends an application command interaction with `data` by `member` from `place`.
    pub(super) fn command(&self, place: Place, member: &Member, data: Value, upload_limit: u64) -> Sent {
        let mut fields = self.origin(place, member, "ann", Some("Ann"));
        fields["data"] = data;
        fields["attachment_size_limit"] = json!(upload_limit);
        self.send(2, fields)
    }

    /// The fields saying where an interaction happens and who installed the app there, as Discord sends
    /// them from `place` for `member` (user name `name`, server nickname `nick`): in a server `guild_id`,
    /// `guild_locale` and `member`; elsewhere only `user`.
    pub(super) fn origin(&self, place: Place, member: &Member, name: &str, nick: Option<&str>) -> Value {
        let mut fields = json!({
            "channel_id": place.channel().to_string(), "channel": place.channel_object(),
            "context": place.context(), "authorizing_integration_owners": place.owners(member.id),
            "locale": self.locale_of(member.id), "app_permissions": place.app_permissions()
        });
        match place.guild() {
            Some(guild) => {
                fields["guild_id"] = json!(guild.to_string());
                fields["guild_locale"] = json!(self.guild_locale());
                fields["member"] = member_object(member, name, nick);
            }
            None => fields["user"] = user(member.id, name),
        }
        fields
    }

    /// Sends INTERACTION_CREATE of `kind` with `fields` on top of what every interaction carries, after
    /// remembering it (by token) for the answers the bot will make.
    pub(super) fn send(&self, kind: u8, fields: Value) -> Sent {
        let id = self.next_id().to_string();
        let token = format!("token-{id}");
        let mut interaction = json!({
            "id": id, "application_id": APP_ID.to_string(), "type": kind, "token": token, "version": 1,
            "entitlements": [], "attachment_size_limit": DEFAULT_UPLOAD_LIMIT
        });
        merge(&mut interaction, fields);
        self.inner.lock().unwrap().exchanges.insert(token.clone(), Exchange::of(&interaction));
        self.dispatch("INTERACTION_CREATE", interaction);
        Sent { id, token, at: Instant::now() }
    }

    /// Sends the click on a button `custom_id` of an earlier message, by `member`.
    pub fn click(&self, member: &Member, custom_id: &str) -> Sent {
        let message =
            self.message(CHANNEL_ID, Some(GUILD_ID), &json!({"content": "an earlier page", "flags": 64}), &[]);
        self.click_on(member, &message, custom_id)
    }

    /// Clicks button `custom_id` under `message` (a message the bot made, as the stand-in returned it).
    pub fn click_on(&self, member: &Member, message: &Value, custom_id: &str) -> Sent {
        self.click_in(Place::Server, member, message, custom_id)
    }

    /// Submits a modal `custom_id` opened from `message`, with its text inputs' values.
    pub fn submit_modal(&self, member: &Member, message: &Value, custom_id: &str, values: &[(&str, &str)]) -> Sent {
        self.submit_modal_in(Place::Server, member, Some(message), custom_id, values)
    }

    /// As [`Self::click_on`], from `place`: the answers then follow that place's rules.
    pub fn click_in(&self, place: Place, member: &Member, message: &Value, custom_id: &str) -> Sent {
        let data = json!({"custom_id": custom_id, "component_type": 2});
        self.component_interaction(place, member, Some(message), data, 3)
    }

    /// As [`Self::submit_modal`], from `place`. A modal opened by a slash or message command has no
    /// message: `message` is then `None` and the interaction carries none.
    pub fn submit_modal_in(
        &self,
        place: Place,
        member: &Member,
        message: Option<&Value>,
        custom_id: &str,
        values: &[(&str, &str)],
    ) -> Sent {
        let rows: Vec<Value> = values
            .iter()
            .map(|(id, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]}))
            .collect();
        self.component_interaction(place, member, message, json!({"custom_id": custom_id, "components": rows}), 5)
    }

    /// Sends a component (3) or modal (5) interaction with `data` by `member` from `place`, on `message`.
    pub(super) fn component_interaction(
        &self,
        place: Place,
        member: &Member,
        message: Option<&Value>,
        data: Value,
        kind: u8,
    ) -> Sent {
        let mut fields = self.origin(place, member, "someone", None);
        fields["data"] = data;
        if let Some(message) = message {
            fields["message"] = message.clone();
        }
        self.send(kind, fields)
    }

    /// Sends an INTERACTION_CREATE for slash command `name` from a direct message (no guild, no member):
    /// the member's DM with the bot, which they installed to their account.
    pub fn invoke_in_dm(&self, name: &str, options: Value) -> Sent {
        self.invoke_in(Place::BotDm, &Member::ordinary(), name, options, json!({}))
    }
}

/// Sets every field of `fields` on `target` (both objects), replacing what was there.
pub(super) fn merge(target: &mut Value, fields: Value) {
    if let (Some(target), Value::Object(fields)) = (target.as_object_mut(), fields) {
        target.extend(fields);
    }
}

/// A slash command's `data`: command `name` with `options` and their `resolved` objects.
pub(super) fn slash_data(name: &str, options: Value, resolved: Value) -> Value {
    json!({"id": "910000000000000001", "name": name, "type": 1, "options": options, "resolved": resolved})
}

/// A guild member as interactions carry it (serenity requires `user`, `roles`, `deaf`, `mute`, `flags`);
/// `permissions` are Discord's computation for the channel.
pub(super) fn member_object(member: &Member, name: &str, nick: Option<&str>) -> Value {
    json!({
        "user": user(member.id, name),
        "roles": member.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": "2025-01-01T00:00:00.000000+00:00",
        "deaf": false, "mute": false, "flags": 0, "pending": false, "nick": nick,
        "permissions": member.permissions.to_string(), "avatar": null, "premium_since": null
    })
}
