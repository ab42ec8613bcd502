//! `/moderation` (log channel, blocklist, history, unblock) and the log channel's messages.

use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use serenity::all::{
    ButtonStyle, ChannelId, ChannelType, CommandInteraction, CommandOptionType, ComponentInteraction, CreateActionRow,
    CreateAllowedMentions, CreateAttachment, CreateButton, CreateCommand, CreateCommandOption, CreateEmbed,
    CreateEmbedFooter, CreateMessage, Permissions,
};
use serenity::async_trait;
use serenity::http::Http;

use super::delivery::is_retryable;
use super::languages::Languages;
use super::options::Options;
use super::words::{channel, member, Lang};
use crate::community::admin::{Actor, Admin, HistoryPage};
use crate::community::moderation::{AuditEntry, LogNotice, ModerationLog, Outcome};
use crate::discord::words::t;
use crate::domain::ids::ServerId;
use crate::text::truncate;

/// The `/moderation` definition.
pub fn definition() -> CreateCommand {
    let sub =
        |name: &str, description: &str| CreateCommandOption::new(CommandOptionType::SubCommand, name, description);
    let pattern =
        || CreateCommandOption::new(CommandOptionType::String, "pattern", "A word, phrase or regex").required(true);
    let regex =
        || CreateCommandOption::new(CommandOptionType::Boolean, "regex", "Treat the pattern as a regular expression");
    let user = |required| CreateCommandOption::new(CommandOptionType::User, "user", "A member").required(required);
    let blocklist =
        CreateCommandOption::new(CommandOptionType::SubCommandGroup, "blocklist", "Words and patterns refused")
            .add_sub_option(
                sub("add", "Refuse prompts with this word or pattern")
                    .add_sub_option(pattern())
                    .add_sub_option(regex()),
            )
            .add_sub_option(
                sub("remove", "Stop refusing this word or pattern").add_sub_option(pattern()).add_sub_option(regex()),
            )
            .add_sub_option(sub("list", "Show the blocklist"));
    CreateCommand::new("moderation")
        .description("Easel's moderation tools")
        .default_member_permissions(Permissions::MANAGE_MESSAGES)
        .dm_permission(false)
        .add_option(
            sub("log-channel", "Where Easel logs every job").add_sub_option(
                CreateCommandOption::new(CommandOptionType::Channel, "channel", "A text channel")
                    .channel_types(vec![ChannelType::Text])
                    .required(true),
            ),
        )
        .add_option(blocklist)
        .add_option(
            sub("history", "A member's (or everyone's) last jobs, with outcomes")
                .add_sub_option(user(false))
                .add_sub_option(
                    CreateCommandOption::new(CommandOptionType::Integer, "page", "Page number").min_int_value(1),
                ),
        )
        .add_option(sub("unblock", "Lift a member's block or pause").add_sub_option(user(true)))
}

/// The prefix of the history page buttons' `custom_id`: `easel-history:{user or 0}:{page}`.
const HISTORY_BUTTON: &str = "easel-history";

/// A reply to a moderator: text, and page buttons for history.
pub struct Reply {
    /// What the moderator reads.
    pub text: String,
    /// Buttons under it (none for most subcommands).
    pub components: Vec<CreateActionRow>,
}

impl From<String> for Reply {
    fn from(text: String) -> Self {
        Self { text, components: Vec::new() }
    }
}

fn history_reply(lang: Lang, page: HistoryPage) -> Reply {
    let text = super::words::admin::history(lang, &page);
    if page.pages <= 1 {
        return text.into();
    }
    let target = page.user.unwrap_or(0);
    let button = |label: String, to: u32, disabled: bool| {
        CreateButton::new(format!("{HISTORY_BUTTON}:{target}:{to}"))
            .label(label)
            .style(ButtonStyle::Secondary)
            .disabled(disabled)
    };
    let row = CreateActionRow::Buttons(vec![
        button(t!(lang, "history-newer"), page.page.saturating_sub(1).max(1), page.page <= 1),
        button(t!(lang, "history-older"), (page.page + 1).min(page.pages), page.page >= page.pages),
    ]);
    Reply { text, components: vec![row] }
}

/// Answers a click on a history page button: the permission is checked again, from the clicker's
/// server-level rights (`actor`), before the page is shown.
pub async fn page_clicked(admin: &Admin, actor: Actor, click: &ComponentInteraction, lang: Lang) -> Option<Reply> {
    let mut parts = click.data.custom_id.strip_prefix(HISTORY_BUTTON)?.strip_prefix(':')?.split(':');
    let user = parts.next()?.parse::<u64>().ok().filter(|u| *u != 0);
    let page = parts.next()?.parse::<u32>().ok()?;
    Some(match admin.history(&actor, user, page).await {
        Ok(page) => history_reply(lang, page),
        Err(e) => super::words::admin::refused(lang, &e).into(),
    })
}

/// Runs a `/moderation` subcommand for `actor` and returns the reply for the moderator.
pub async fn run(admin: &Admin, actor: Actor, command: &CommandInteraction, lang: Lang) -> Reply {
    let Some((name, o)) = Options::subcommand(command) else {
        return t!(lang, "choose-subcommand").into();
    };
    let (user, pattern, regex) = (
        o.user("user").map(|(id, _)| id),
        o.string("pattern").unwrap_or_default(),
        o.boolean("regex").unwrap_or(false),
    );
    let page = u32::try_from(o.integer("page").unwrap_or(1)).unwrap_or(1);
    let result = match name.as_str() {
        "log-channel" => match o.channel("channel") {
            Some(channel) => admin.set_log_channel(&actor, channel).await,
            None => return t!(lang, "choose-channel").into(),
        },
        "blocklist add" => admin.blocklist_add(&actor, pattern, regex).await,
        "blocklist remove" => admin.blocklist_remove(&actor, pattern, regex).await,
        "blocklist list" => admin.blocklist(&actor).await,
        "history" => {
            return match admin.history(&actor, user, page).await {
                Ok(page) => history_reply(lang, page),
                Err(e) => super::words::admin::refused(lang, &e).into(),
            }
        }
        "unblock" => match user {
            Some(user) => admin.unblock(&actor, user).await,
            None => return t!(lang, "choose-member-to-unblock").into(),
        },
        _ => return t!(lang, "unknown-subcommand").into(),
    };
    result.map_or_else(|e| super::words::admin::refused(lang, &e), |done| super::words::admin::done(lang, &done)).into()
}

/// Posts audit entries to a guild's log channel, through the bot's one serenity client (one rate
/// limiter for the token), which it is given once the gateway is ready.
pub struct ChannelLog {
    http: tokio::sync::OnceCell<Arc<Http>>,
    connected: tokio::sync::Notify,
    languages: Arc<Languages>,
}

/// How long a post made before the gateway is ready waits for it.
const CONNECT_WAIT: Duration = Duration::from_secs(60);

impl ChannelLog {
    /// A log poster writing in each server's language, not yet connected: posts wait for
    /// [`Self::connect`].
    pub fn new(languages: Arc<Languages>) -> Self {
        Self { http: tokio::sync::OnceCell::new(), connected: tokio::sync::Notify::new(), languages }
    }

    /// Gives the log the bot's client (the first call wins; a reconnect's `ready` changes nothing).
    pub fn connect(&self, http: Arc<Http>) {
        if self.http.set(http).is_ok() {
            self.connected.notify_waiters();
        }
    }

    async fn http(&self) -> Result<Arc<Http>, String> {
        let connected = async {
            loop {
                let notified = self.connected.notified();
                if let Some(http) = self.http.get() {
                    return Arc::clone(http);
                }
                notified.await;
            }
        };
        tokio::time::timeout(CONNECT_WAIT, connected).await.map_err(|_| "not connected to Discord yet".to_owned())
    }
}

fn colour(outcome: Outcome) -> u32 {
    match outcome {
        Outcome::Delivered => 0x3BA55D,
        Outcome::RefusedByProvider | Outcome::RefusedByRules => 0xED4245,
        Outcome::Failed => 0xFAA61A,
    }
}

/// The file name of a log message's own thumbnail.
const THUMBNAIL: &str = "thumbnail.png";

/// The log channel's embed for one job: who, where, what, the outcome and (for delivered jobs) a small
/// thumbnail attached to the log message itself, which never expires.
pub fn log_embed(lang: Lang, e: &AuditEntry) -> CreateEmbed {
    let outcome = super::words::outcome(lang, e.outcome);
    let mut embed = CreateEmbed::new()
        .title(t!(lang, "log-title", command = e.tag.command.as_str(), outcome = outcome.as_str()))
        .colour(colour(e.outcome))
        // 3,000 + 1,024 (revised prompt) + 1,024 (reason) + the short fields stays under Discord's
        // 6,000 characters for a whole embed.
        .description(crate::text::echo(&e.prompt, 3000))
        .field(t!(lang, "field-requester"), member(e.tag.user_id), true)
        .field(t!(lang, "field-channel"), channel(e.tag.channel_id), true);
    if let (Some(guild), Some(message)) = (e.tag.guild_id, e.message_id) {
        let link = format!("https://discord.com/channels/{guild}/{}/{message}", e.tag.channel_id);
        embed = embed.field(t!(lang, "field-result"), format!("[{}]({link})", t!(lang, "log-jump")), true);
    }
    embed = embed
        .field(t!(lang, "field-command"), format!("/{}", e.tag.command), true)
        .field(t!(lang, "field-model"), e.tag.model.clone(), true)
        .field(t!(lang, "field-size"), e.size.clone(), true)
        .field(t!(lang, "field-quality"), e.quality.clone(), true)
        .field(t!(lang, "field-cost"), lang.money(e.cost_usd, 4), true)
        .field(t!(lang, "field-outcome"), outcome, true);
    if let Some(parent) = &e.parent {
        embed = embed.field(t!(lang, "field-from"), t!(lang, "result-from", job = parent.as_str()), true);
    }
    if let Some(revised) = &e.revised_prompt {
        embed = embed.field(t!(lang, "field-revised-prompt"), crate::text::echo(revised, 1024), false);
    }
    if let Some(reason) = &e.reason {
        let reason = super::words::audit_reason(lang, reason);
        embed = embed.field(t!(lang, "field-reason"), crate::text::echo(&reason, 1024), false);
    }
    if e.thumbnail.is_some() {
        embed = embed.thumbnail(format!("attachment://{THUMBNAIL}"));
    }
    embed.footer(CreateEmbedFooter::new(t!(lang, "log-footer", job = e.tag.job_id.as_str()))).timestamp(e.created_at)
}

#[async_trait]
impl ModerationLog for ChannelLog {
    async fn notice(&self, guild_id: Option<ServerId>, channel_id: u64, notice: &LogNotice) -> Result<(), String> {
        let text = super::words::notices::notice(self.languages.server(guild_id.map(|g| g.0)), notice);
        let message =
            CreateMessage::new().content(truncate(&text, 2000)).allowed_mentions(CreateAllowedMentions::new());
        let http = self.http().await?;
        ChannelId::new(channel_id).send_message(&http, message).await.map(|_| ()).map_err(|e| e.to_string())
    }

    async fn post(&self, channel_id: u64, entry: &AuditEntry) -> Result<(), String> {
        let lang = self.languages.server(entry.tag.guild_id);
        let message = CreateMessage::new().embed(log_embed(lang, entry)).allowed_mentions(CreateAllowedMentions::new());
        // One entry a job: a retry after a lost answer (or a crash) returns the entry already posted.
        let mut message = super::delivery::only_once(message, &format!("log{}", entry.tag.job_id));
        if let Some(png) = &entry.thumbnail {
            message = message.add_file(CreateAttachment::bytes(png.clone(), THUMBNAIL));
        }
        let http = self.http().await?;
        let send = || ChannelId::new(channel_id).send_message(&http, message.clone());
        let backoff = ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(500))
            .with_max_delay(Duration::from_secs(5));
        send.retry(backoff.with_max_times(3))
            .sleep(tokio::time::sleep)
            .when(is_retryable)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}
