//! Where an interaction comes from (a [`Place`]) and what Discord remembers of one it sent (an
//! [`Exchange`]): who installed the app there, and so what Discord sends and allows.

use super::*;

/// Where an interaction comes from, which decides who installed the app there and so what Discord sends
/// and allows: user-installed apps (2024) are used in servers and DMs the bot never joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `CHANNEL_ID` of `GUILD_ID`, which installed the app: `member` present, context 0, authorizing
    /// `{"0": GUILD_ID}`; what every interaction of the stand-in was before user installs.
    Server,
    /// The member's DM with the bot (`DM_CHANNEL_ID`): no guild, no member, only `user`; context 1,
    /// authorizing `{"1": member}` (the member installed the app).
    BotDm,
    /// A group DM (`GROUP_DM_CHANNEL_ID`) the bot is not in: no guild, only `user`; context 2, authorizing
    /// `{"1": member}`.
    GroupDm,
    /// `FOREIGN_CHANNEL_ID` of `FOREIGN_GUILD_ID`, a server that never invited the bot: `member` present,
    /// context 0, authorizing `{"1": member}` only. Without [`USE_EXTERNAL_APPS`] every answer is ephemeral.
    ForeignServer,
}

impl Place {
    /// The server of the place, if it is in one.
    pub(super) fn guild(self) -> Option<u64> {
        match self {
            Self::Server => Some(GUILD_ID),
            Self::ForeignServer => Some(FOREIGN_GUILD_ID),
            Self::BotDm | Self::GroupDm => None,
        }
    }

    /// The channel interactions from the place come from.
    pub(super) fn channel(self) -> u64 {
        match self {
            Self::Server => CHANNEL_ID,
            Self::BotDm => DM_CHANNEL_ID,
            Self::GroupDm => GROUP_DM_CHANNEL_ID,
            Self::ForeignServer => FOREIGN_CHANNEL_ID,
        }
    }

    /// The interaction's `channel`: a text channel (type 0), a DM (1) or a group DM (3).
    pub(super) fn channel_object(self) -> Value {
        let id = self.channel().to_string();
        match self {
            Self::Server => json!({"id": id, "type": 0, "name": "art", "nsfw": false}),
            Self::ForeignServer => json!({"id": id, "type": 0, "name": "general", "nsfw": false}),
            Self::BotDm => json!({"id": id, "type": 1}),
            Self::GroupDm => json!({"id": id, "type": 3}),
        }
    }

    /// The interaction's `context`: 0 a server, 1 the bot's DM, 2 another private channel.
    pub(super) fn context(self) -> u8 {
        match self {
            Self::Server | Self::ForeignServer => 0,
            Self::BotDm => 1,
            Self::GroupDm => 2,
        }
    }

    /// `authorizing_integration_owners`: the server that installed the app, or the member `user` who did.
    pub(super) fn owners(self, user: u64) -> Value {
        match self {
            Self::Server => json!({"0": GUILD_ID.to_string()}),
            Self::BotDm | Self::GroupDm | Self::ForeignServer => json!({"1": user.to_string()}),
        }
    }

    /// `app_permissions`: the bot's in the server that installed it; in a DM as `invoke_in_dm` always sent;
    /// elsewhere only what an app may do through an interaction.
    pub(super) fn app_permissions(self) -> String {
        match self {
            Self::Server => "2248473465835073".to_owned(),
            Self::BotDm => "0".to_owned(),
            Self::GroupDm | Self::ForeignServer => USER_APP_PERMISSIONS.to_string(),
        }
    }
}

/// What Discord remembers of an interaction it sent, by token: where its answers go and the limits on them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Exchange {
    /// The interaction's channel, where its answer and follow-ups appear.
    pub(super) channel: u64,
    /// The interaction's server, if any (its messages carry `guild_id` only then).
    pub(super) guild: Option<u64>,
    /// Only the member installed the app (authorizing `"1"` without `"0"`): at most 5 follow-ups.
    pub(super) user_installed_only: bool,
    /// A server that did not install the app and forbids the member external apps: every answer ephemeral.
    pub(super) forced_ephemeral: bool,
    /// Whether the answer is shown to the member alone, once the bot answered (callback 4 or 5).
    pub(super) ephemeral: Option<bool>,
    /// Follow-ups Discord accepted.
    pub(super) followups: usize,
}

impl Exchange {
    /// What Discord remembers of `interaction` as it sends it, read from its own fields.
    pub(super) fn of(interaction: &Value) -> Self {
        let number = |v: &Value| v.as_str().and_then(|s| s.parse::<u64>().ok());
        let owners = &interaction["authorizing_integration_owners"];
        let user_installed_only = owners.get("1").is_some() && owners.get("0").is_none();
        let guild = number(&interaction["guild_id"]);
        let permissions = number(&interaction["member"]["permissions"]).unwrap_or(0);
        Self {
            channel: number(&interaction["channel_id"]).unwrap_or(CHANNEL_ID),
            guild,
            user_installed_only,
            forced_ephemeral: user_installed_only && guild.is_some() && (permissions & USE_EXTERNAL_APPS) == 0,
            ephemeral: None,
            followups: 0,
        }
    }

    /// An interaction the stand-in did not send (a test dispatched it): server-installed, in `CHANNEL_ID`.
    pub(super) fn unknown() -> Self {
        Self {
            channel: CHANNEL_ID,
            guild: Some(GUILD_ID),
            user_installed_only: false,
            forced_ephemeral: false,
            ephemeral: None,
            followups: 0,
        }
    }
}
