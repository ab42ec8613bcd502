//! What an interaction says, whatever its kind (a slash command, a button click, a modal's
//! submission): who sent it, where, in whose scope (the server that installed Easel, or the member's
//! own), in which language, with what rights; and the answers every kind shares.

use serenity::all::{
    AuthorizingIntegrationOwner, ChannelId, CommandInteraction, ComponentInteraction, CreateActionRow,
    CreateAllowedMentions, CreateInteractionResponse, CreateInteractionResponseMessage, EditInteractionResponse,
    GuildId, InteractionId, Member, ModalInteraction, Permissions, RoleId, User,
};
use serenity::builder::Builder;
use serenity::http::Http;
use tracing::warn;

use super::rights::Authority;
use super::words::Lang;
use super::Services;

/// The same field of whichever kind of interaction `$asked` is (the three share its name and type).
macro_rules! shared {
    ($asked:expr, $field:ident) => {
        match $asked {
            Asked::Command(c) => &c.$field,
            Asked::Click(c) => &c.$field,
            Asked::Modal(m) => &m.$field,
        }
    };
}

/// An interaction that asks for a job: a slash command, a button click or a modal's submission.
#[derive(Clone, Copy)]
pub(crate) enum Asked<'a> {
    /// `/generate`, `/hd`, …
    Command(&'a CommandInteraction),
    /// A result's button.
    Click(&'a ComponentInteraction),
    /// The Edit modal.
    Modal(&'a ModalInteraction),
}

impl Asked<'_> {
    /// The interaction's token: its answers go through it, for 15 minutes.
    pub(crate) fn token(&self) -> &str {
        shared!(self, token)
    }

    /// The interaction's id (a new job's id).
    pub(crate) fn id(&self) -> InteractionId {
        *shared!(self, id)
    }

    /// The largest upload, in bytes, Discord lets the sender attach here.
    pub(crate) fn upload_limit(&self) -> u64 {
        u64::from(*shared!(self, attachment_size_limit))
    }

    /// Who sent it.
    pub(crate) fn user(&self) -> &User {
        shared!(self, user)
    }

    /// The server it was sent in (`None` in a direct message).
    pub(crate) fn guild(&self) -> Option<GuildId> {
        *shared!(self, guild_id)
    }

    /// The server whose job this is: the server it was sent in when that server installed Easel;
    /// `None` for the member's own (a direct message, a group DM, a server where only the member
    /// installed Easel). A modal carries no installation (serenity drops it): its callers decide from
    /// the job it belongs to.
    pub(crate) fn server(&self) -> Option<GuildId> {
        let guild = self.guild()?;
        let owners = match self {
            Self::Command(c) => &c.authorizing_integration_owners,
            Self::Click(c) => &c.authorizing_integration_owners,
            Self::Modal(_) => return Some(guild),
        };
        // Interactions from before user installs carry no owners: the server's.
        let by_server = owners.0.is_empty()
            || owners.0.iter().any(|o| matches!(o, AuthorizingIntegrationOwner::GuildInstall(Some(g)) if *g == guild));
        by_server.then_some(guild)
    }

    /// Whether Discord shows every answer to the member alone whatever Easel asks: a server that did
    /// not install Easel and does not let this member use external apps there.
    pub(crate) fn forced_private(&self) -> bool {
        if self.guild().is_none() || self.server().is_some() {
            return false;
        }
        self.member().and_then(|m| m.permissions).is_some_and(|p| !p.contains(Permissions::USE_EXTERNAL_APPS))
    }

    /// The channel it was sent in.
    pub(crate) fn channel(&self) -> ChannelId {
        *shared!(self, channel_id)
    }

    /// The sender's Discord client language.
    pub(crate) fn locale(&self) -> &str {
        shared!(self, locale)
    }

    /// The language the sender reads: their `/settings language` when memory knows it, else their
    /// client's, else the bot's default.
    pub(crate) fn lang(&self, services: &Services) -> Lang {
        let key = crate::community::settings::scope_key(self.server().map(GuildId::get));
        // Where they chose none (a server, or a modal, which names no installation), the language they
        // chose for their own jobs.
        let language = services.settings.language(key, self.user().id.get());
        services.languages.member(language.as_deref(), Some(self.locale()))
    }

    /// The language of the sender's server, for what everyone there reads (a request card).
    pub(crate) fn server_lang(&self, services: &Services) -> Lang {
        services.languages.server(self.guild().map(GuildId::get))
    }

    fn member(&self) -> Option<&Member> {
        match self {
            Self::Command(c) => c.member.as_deref(),
            Self::Click(c) => c.member.as_ref(),
            Self::Modal(m) => m.member.as_ref(),
        }
    }

    /// The sender's roles in the server.
    pub(crate) fn roles(&self) -> &[RoleId] {
        self.member().map_or(&[], |m| m.roles.as_slice())
    }

    /// What the sender may do in the server, from the server's roles and owner (never the channel's
    /// overwrites); an ordinary member outside a server.
    pub(crate) async fn authority(&self, http: &Http, services: &Services) -> Authority {
        let Some(guild) = self.server() else { return Authority::NONE };
        services.rights.of(http, guild, self.user().id, self.roles()).await
    }

    pub(crate) async fn respond(&self, http: &Http, response: CreateInteractionResponse) -> serenity::Result<()> {
        match self {
            Self::Command(c) => c.create_response(http, response).await,
            Self::Click(c) => c.create_response(http, response).await,
            Self::Modal(m) => m.create_response(http, response).await,
        }
    }

    /// Defers the answer (Discord shows "thinking…"), visible to the member alone when `private`.
    pub(crate) async fn defer(&self, http: &Http, private: bool) -> serenity::Result<()> {
        self.respond(http, CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(private)))
            .await
    }

    /// Replaces the deferred answer with `text`, pinging nobody.
    pub(crate) async fn answer_deferred(&self, http: &Http, text: &str) {
        let edit = EditInteractionResponse::new().content(text).allowed_mentions(CreateAllowedMentions::new());
        if let Err(e) = edit.execute(http, self.token()).await {
            warn!(error = %e, "could not answer a deferred interaction");
        }
    }

    /// The only reply to the interaction: visible to the member alone, pinging nobody.
    pub(crate) async fn reply_ephemeral(&self, http: &Http, text: &str) {
        self.reply_ephemeral_with(http, text, Vec::new()).await;
    }

    /// As [`Self::reply_ephemeral`], with buttons under the text.
    pub(crate) async fn reply_ephemeral_with(&self, http: &Http, text: &str, components: Vec<CreateActionRow>) {
        let message = CreateInteractionResponseMessage::new()
            .content(text)
            .components(components)
            .ephemeral(true)
            .allowed_mentions(CreateAllowedMentions::new());
        if let Err(e) = self.respond(http, CreateInteractionResponse::Message(message)).await {
            warn!(error = %e, "could not send an ephemeral reply");
        }
    }
}
