//! The Discord adapter: a thin layer of serenity over admission and the job queue.
//!
//! It registers the slash commands, answers each interaction at once (an ephemeral refusal for a bad
//! option, else a deferral), then hands the request to admission and the queue; the jobs reach the
//! member through [`DiscordCourier`]. Every message it sends has empty `allowed_mentions` (or names
//! the one member it means to ping), so echoed prompts never ping.

mod admin;
mod asked;
mod board;
pub mod buttons;
mod clicks;
pub mod commands;
mod delivery;
pub mod gateway;
mod interaction;
pub mod languages;
mod member;
mod menu;
pub mod moderation;
pub mod options;
pub mod registration;
mod render;
mod requests;
pub mod rights;
mod styles;
pub mod words;

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serenity::all::{
    ClientBuilder, CommandInteraction, ComponentInteraction, ConnectionStage, Context, CreateAllowedMentions,
    CreateInteractionResponse, CreateInteractionResponseMessage, EventHandler, GatewayIntents, GuildId, HttpBuilder,
    Interaction, Ready, ShardManager,
};
use serenity::async_trait;
use serenity::http::Http;
use tokio_util::task::TaskTracker;
use tracing::{info, warn};

use crate::config::shards::ShardPlan;
use crate::config::Config;
use crate::discord::words::t;
use crate::domain::clock::Clock;
use crate::jobs::{Canceller, Jobs};

pub(crate) use asked::{ask_for_job, Asked, Origin};
pub use board::DiscordBoard;
pub use delivery::{DiscordCourier, CANCEL_BUTTON};
pub use registration::definitions;
use registration::register;

/// Builds serenity's HTTP client: the real Discord with its rate limiter, or a stand-in origin.
///
/// serenity applies a proxy origin only with its rate limiter off (its limiter builds requests without
/// the proxy), so a stand-in gets no limiter; Easel's own delivery retries 429 and 5xx instead. Discord
/// itself is recognised by its parsed origin, so `https://discord.com/` keeps the limiter on.
pub fn http_client(config: &Config) -> Http {
    let builder =
        HttpBuilder::new(config.discord_token.expose()).default_allowed_mentions(CreateAllowedMentions::new());
    if config.uses_real_discord() {
        builder.build()
    } else {
        builder.proxy(config.discord_origin()).ratelimiter_disabled(true).build()
    }
}

/// What the adapter serves: image jobs, and the admin side of limits and moderation.
pub struct Services {
    /// Admission, the queue, the runner and delivery.
    pub jobs: Arc<Jobs>,
    /// `/limits` and `/moderation`.
    pub admin: crate::community::admin::Admin,
    /// Members' `/settings`, mirrored in memory.
    pub settings: Arc<crate::community::settings::Settings>,
    /// Who moderates or manages each server, from its roles (never a channel's overwrites).
    pub rights: rights::Rights,
    /// The servers Easel works in (`EASEL_GUILDS`).
    pub trust: crate::config::trust::Trust,
    /// Community requests.
    pub desk: Arc<crate::desk::Desk>,
    /// `/usage server`'s reads of the ledger.
    pub report: Arc<dyn crate::community::report::ReportStore>,
    /// The time (for interaction tokens' expiry).
    pub clock: Arc<dyn Clock>,
    /// Whether the gateway is connected, for `/healthz`.
    pub gateway: Arc<crate::discord::gateway::Gateway>,
    /// The moderation log's poster, given the bot's client when the gateway is ready.
    pub channel_log: Arc<moderation::ChannelLog>,
    /// Which language each member and server reads.
    pub languages: Arc<languages::Languages>,
    /// Message commands awaiting the member's choice of image or their Edit modal.
    pub menus: Arc<menu::Menus>,
}

struct Handler {
    services: Arc<Services>,
    guild: Option<GuildId>,
    /// Tracks interaction handlers so shutdown can let them answer.
    handlers: TaskTracker,
    /// Whether the task re-registering commands on offer changes runs (a reconnect fires `ready` again).
    watching: AtomicBool,
}

/// How long an interaction's token works after Discord sends the interaction: 15 minutes, less a
/// margin for clocks and transit.
const TOKEN_LIFETIME: chrono::Duration = chrono::Duration::seconds(15 * 60 - 30);

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        info!(user = %ready.user.name, guild = ?self.guild, "connected");
        register(&ctx.http, &self.services, self.guild).await;
        if !self.watching.swap(true, Ordering::SeqCst) {
            // When the model watch changes what is offered, the commands' choices follow, no restart.
            let (http, services, guild) = (Arc::clone(&ctx.http), Arc::clone(&self.services), self.guild);
            let mut changes = services.jobs.admission().offer_changes();
            tokio::spawn(async move {
                while changes.changed().await.is_ok() {
                    register(&http, &services, guild).await;
                }
            });
        }
        let courier = DiscordCourier::new(&ctx.http, &self.services);
        self.services.jobs.start(Arc::new(courier));
        let board = DiscordBoard::new(Arc::clone(&ctx.http), Arc::clone(&self.services.languages));
        self.services.desk.start(Arc::new(board));
        self.services.channel_log.connect(Arc::clone(&ctx.http));
        self.services.gateway.ready(ctx.shard_id.0);
        // Start-up (catalogue checks, registration) is done: its buffers can go back to the system.
        crate::memory::give_back();
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let services = Arc::clone(&self.services);
        if let Some((guild, locale)) = interaction_guild_locale(&interaction) {
            services.languages.learn(guild, locale);
        }
        if let Some(guild) = interaction_server(&interaction).filter(|g| !services.trust.serves(g.get())) {
            info!(guild = guild.get(), "an interaction from a server Easel is not enabled in; refused");
            self.handlers.spawn(async move { not_enabled(&ctx.http, &services, &interaction).await });
            return;
        }
        match interaction {
            Interaction::Autocomplete(typing) => {
                self.handlers.spawn(async move { styles::suggest(&ctx.http, &services, &typing).await });
            }
            Interaction::Command(command) => {
                self.handlers.spawn(async move { handle_command(&ctx.http, &services, command).await });
            }
            Interaction::Component(click) => {
                self.handlers.spawn(async move { handle_click(&ctx.http, &services, click).await });
            }
            Interaction::Modal(modal) => {
                self.handlers.spawn(async move {
                    if requests::deny_submitted(&ctx.http, &services, &modal).await.is_none()
                        && menu::submitted(&ctx.http, &services, &modal).await.is_none()
                        && clicks::generate_submitted(&ctx.http, &services, &modal).await.is_none()
                    {
                        clicks::edit_submitted(&ctx.http, &services, &modal).await;
                    }
                });
            }
            _ => {}
        }
    }
}

/// The server that installed Easel where an interaction came from, if any (a member's own use, in a
/// direct message or a server where only they installed it, has none). A modal says nothing of who
/// installed Easel: its handler checks the scope of the job or menu it belongs to.
fn interaction_server(interaction: &Interaction) -> Option<GuildId> {
    match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => Asked::Command(c).server(),
        Interaction::Component(c) => Asked::Click(c).server(),
        _ => None,
    }
}

/// The server an interaction came from, with the server's language as Discord gives it.
fn interaction_guild_locale(interaction: &Interaction) -> Option<(u64, Option<&str>)> {
    let (guild, locale) = match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => (c.guild_id, c.guild_locale.as_deref()),
        Interaction::Component(c) => (c.guild_id, c.guild_locale.as_deref()),
        Interaction::Modal(m) => (m.guild_id, m.guild_locale.as_deref()),
        _ => (None, None),
    };
    guild.map(|g| (g.get(), locale))
}

/// One private "not enabled here" for any interaction from a server Easel does not serve; no work.
async fn not_enabled(http: &Http, services: &Services, interaction: &Interaction) {
    let asked = match interaction {
        Interaction::Command(c) => Asked::Command(c),
        Interaction::Component(c) => Asked::Click(c),
        Interaction::Modal(m) => Asked::Modal(m),
        _ => return,
    };
    asked.reply_ephemeral(http, &t!(asked.lang(services), "not-enabled")).await;
}

/// Routes one slash command.
async fn handle_command(http: &Arc<Http>, services: &Services, command: CommandInteraction) {
    let asked = Asked::Command(&command);
    let personal_use = services.trust.personal_use() && commands::works_everywhere(&command.data.name);
    if asked.server().is_none() && !personal_use {
        // Admin commands are registered for servers only; checked here too, as is the owner's choice
        // to keep Easel to the servers that installed it.
        return asked.reply_ephemeral(http, &t!(asked.lang(services), "servers-only")).await;
    }
    match command.data.name.as_str() {
        name if menu::is_menu(name) => menu::used(http, services, &command).await,
        "usage" if member::wants_server_report(&command) => member::server_report(http, services, &command).await,
        "usage" => member::usage(http, services, &command).await,
        "cancel" => {
            let by = canceller(http, services, asked).await;
            let text = words::progress::cancel(asked.lang(services), &services.jobs.cancel_latest(by).await);
            asked.reply_ephemeral(http, &text).await;
        }
        "show" => member::show(http, services, &command).await,
        "request" => requests::request(http, services, &command).await,
        "requests" => requests::requests(http, services, &command).await,
        "settings" => member::settings(http, services, &command).await,
        "style" => styles::run(http, services, &command).await,
        "help" => member::help(http, services, &command).await,
        "limits" => {
            let actor = admin::actor(http, services, asked).await;
            let text = admin::run_limits(&services.admin, actor, &command, asked.lang(services)).await;
            asked.reply_ephemeral(http, &text).await;
        }
        "moderation" => {
            let actor = admin::actor(http, services, asked).await;
            let reply = moderation::run(&services.admin, actor, &command, asked.lang(services)).await;
            asked.reply_ephemeral_with(http, &reply.text, reply.components).await;
        }
        _ => handle_job(http, services, command).await,
    }
}

/// Who asks to cancel (or show, or delete) a job, with their server-level rights.
async fn canceller(http: &Http, services: &Services, asked: Asked<'_>) -> Canceller {
    Canceller {
        user_id: asked.user().id.get(),
        guild_id: asked.server().map(GuildId::get),
        can_moderate: asked.authority(http, services).await.moderate,
    }
}

/// Answers a button click: a result's button, a request card's, a history page, or a Cancel.
async fn handle_click(http: &Arc<Http>, services: &Services, click: ComponentInteraction) {
    if let Some((button, job_id)) = buttons::ResultButton::parse(&click.data.custom_id) {
        return clicks::result_clicked(http, services, &click, button, &job_id).await;
    }
    if requests::card_clicked(http, services, &click).await.is_some()
        || menu::picked(http, services, &click).await.is_some()
    {
        return;
    }
    let asked = Asked::Click(&click);
    if let Some(job_id) = click.data.custom_id.strip_prefix(CANCEL_BUTTON).and_then(|rest| rest.strip_prefix(':')) {
        let by = canceller(http, services, asked).await;
        let text = words::progress::cancel(asked.lang(services), &services.jobs.cancel(&job_id.into(), by).await);
        return asked.reply_ephemeral(http, &text).await;
    }
    let actor = admin::actor(http, services, asked).await;
    let Some(reply) = moderation::page_clicked(&services.admin, actor, &click, asked.lang(services)).await else {
        return;
    };
    let update = CreateInteractionResponseMessage::new()
        .content(reply.text)
        .components(reply.components)
        .allowed_mentions(CreateAllowedMentions::new());
    if let Err(e) = click.create_response(http, CreateInteractionResponse::UpdateMessage(update)).await {
        warn!(error = %e, "could not turn the history page");
    }
}

/// Answers one image command.
async fn handle_job(http: &Arc<Http>, services: &Services, command: CommandInteraction) {
    let Some(request) = commands::parse(&command) else { return };
    ask_for_job(http, services, Asked::Command(&command), request, Origin::Command).await;
}

/// Keeps `connected` true while every shard this process runs is connected (read from serenity's
/// shard manager every second: a shard that is restarting has no runner, or one not yet connected).
async fn watch_gateway(shards: Arc<ShardManager>, gateway: Arc<crate::discord::gateway::Gateway>) {
    let mut ticks = tokio::time::interval(Duration::from_secs(1));
    let mut was = false;
    loop {
        ticks.tick().await;
        let runners = shards.runners.lock().await;
        let states = runners.iter().map(|(id, r)| (id.0, r.stage == ConnectionStage::Connected)).collect();
        drop(runners);
        let now = gateway.observe(states);
        if std::mem::replace(&mut was, now) != now {
            if now {
                info!("gateway connected");
            } else {
                warn!("gateway disconnected; Discord cannot reach the bot until it reconnects");
            }
        }
    }
}

/// Connects to Discord and serves commands until `shutdown` resolves; then stops taking jobs (members
/// asking meanwhile are told the bot is restarting), lets running jobs finish within the grace period,
/// and disconnects. Queued jobs stay in the store for the next start.
pub async fn serve(
    config: &Config,
    services: Arc<Services>,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), Box<serenity::Error>> {
    if !config.uses_real_discord() {
        warn!(origin = %config.discord_origin(), "DISCORD_API_BASE is not Discord itself: serenity's rate limiter is off and Easel retries Discord's 429 and 5xx answers itself");
    }
    let handlers = TaskTracker::new();
    let jobs = Arc::clone(&services.jobs);
    let gateway_flag = Arc::clone(&services.gateway);
    let handler = Handler {
        services,
        guild: config.discord_guild_id.map(GuildId::new),
        handlers: handlers.clone(),
        watching: AtomicBool::new(false),
    };
    let mut client = ClientBuilder::new_with_http(http_client(config), GatewayIntents::empty())
        .event_handler(handler)
        .await
        .map_err(Box::new)?;
    // Discord names the gateway for bots in `GET /gateway/bot`; serenity asked `GET /gateway`. Prefer
    // the bot answer when there is one (a stand-in may serve only that route).
    match client.http.get_bot_gateway().await {
        Ok(gateway) => *client.ws_url.lock().await = gateway.url,
        Err(e) => warn!(error = %e, "GET /gateway/bot failed; using the URL from GET /gateway"),
    }
    let shards = Arc::clone(&client.shard_manager);
    let watch = tokio::spawn(watch_gateway(Arc::clone(&shards), Arc::clone(&gateway_flag)));
    let plan = gateway_flag.plan();
    info!(shards = %plan, "starting the gateway");
    let gateway = tokio::spawn(async move {
        match plan {
            ShardPlan::All => client.start_autosharded().await,
            // serenity reads the range's end as the last shard (inclusive).
            ShardPlan::Range { first, last, total } => client.start_shard_range(first..last, total).await,
        }
    });
    tokio::pin!(gateway);
    tokio::select! {
        finished = &mut gateway => {
            return match finished {
                Ok(result) => result.map_err(Box::new),
                Err(e) => Err(Box::new(serenity::Error::Other(if e.is_panic() {
                    "the gateway task panicked"
                } else {
                    "the gateway task was cancelled"
                }))),
            };
        }
        () = shutdown => info!("shutting down: no new jobs, letting running jobs finish"),
    }
    jobs.shutdown().await;
    watch.abort();
    gateway_flag.disconnected();
    shards.shutdown_all().await;
    let _ = gateway.await;
    handlers.close();
    let _ = tokio::time::timeout(Duration::from_secs(5), handlers.wait()).await;
    Ok(())
}
