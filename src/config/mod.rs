//! Configuration, read once at start-up from the environment (and `.env`, loaded by `main`).
//!
//! Every variable is documented in `.env.example`. A missing or malformed one stops start-up with one
//! line naming it and what is expected; `main` turns that into exit code 2.

use std::path::PathBuf;
use std::time::Duration;

use reqwest::Url;

use crate::domain::catalogue::{Catalogue, CatalogueError};
use crate::domain::limits::{LimitName, Limits};
use crate::media::download::TrustedHost;

mod read;
pub mod servers;
pub mod shards;
pub mod trust;

use read::{beside, bool_var, chat_model, http_addr, image_hosts, limits_from, parse_var, per_minute, ranged, url_var};

use crate::secret::Secret;

/// A variable that cannot be used, said in one line an owner can act on.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A required variable is not set.
    #[error("{name} is not set: {expected}")]
    Missing {
        /// The variable.
        name: &'static str,
        /// What it should hold.
        expected: &'static str,
    },
    /// A variable is set to something unusable.
    #[error("{name} is not valid: {expected} (got `{got}`)")]
    Invalid {
        /// The variable.
        name: &'static str,
        /// What it should hold.
        expected: &'static str,
        /// What it holds (never a secret).
        got: String,
    },
    /// A number out of its range.
    #[error("{name} is not valid: a whole number of {unit} from {min} to {max} (got `{got}`)")]
    OutOfRange {
        /// The variable.
        name: &'static str,
        /// What it counts.
        unit: &'static str,
        /// The smallest value.
        min: u64,
        /// The largest value.
        max: u64,
        /// What it holds.
        got: String,
    },
    /// A limit variable out of its range.
    #[error("{name} is not valid: {reason}")]
    Limit {
        /// The variable.
        name: &'static str,
        /// What is wrong, with the range.
        reason: String,
    },
    /// `EASEL_MODELS` names a file that cannot be read.
    #[error("EASEL_MODELS is not valid: cannot read `{path}`: {reason}")]
    CatalogueFile {
        /// The path given.
        path: String,
        /// Why it could not be read.
        reason: String,
    },
    /// The catalogue is malformed.
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    /// A ComfyUI model's workflow cannot be used.
    #[error(transparent)]
    Workflow(#[from] crate::backends::comfyui::workflow::WorkflowError),
}

/// Everything Easel needs to run, parsed and checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// The bot token.
    pub discord_token: Secret,
    /// Origin of Discord's REST API (a stand-in's in tests).
    pub discord_api_base: Url,
    /// Register commands in this guild only (instant), instead of globally.
    pub discord_guild_id: Option<u64>,
    /// Key for the OpenAI-compatible API; optional for self-hosted servers that need none.
    pub openai_api_key: Option<Secret>,
    /// Base URL of the OpenAI-compatible API, e.g. `https://api.openai.com/v1`.
    pub openai_base_url: Url,
    /// The Stable Diffusion servers: AUTOMATIC1111, ComfyUI, Stability AI.
    pub servers: servers::Servers,
    /// The ComfyUI workflows of the catalogue's ComfyUI models, read and checked (only with `COMFYUI_URL`).
    pub workflows: Vec<crate::backends::comfyui::workflow::Workflow>,
    /// The model used when a member names none.
    pub default_model: String,
    /// The model catalogue (built-in or from `EASEL_MODELS`).
    pub catalogue: Catalogue,
    /// SQLite database file.
    pub database_path: PathBuf,
    /// A Postgres database (`EASEL_DATABASE_URL`, `postgres://…`) to use instead of the SQLite file.
    pub database_url: Option<Secret>,
    /// How long one model call may take before the member is told it timed out.
    pub model_timeout: Duration,
    /// How many times a rate-limited or failing model call is tried again.
    pub model_retries: usize,
    /// The first wait between tries (doubling after); a provider's `retry-after` wins.
    pub retry_delay: Duration,
    /// The largest image Easel downloads (uploads to vary, model result links).
    pub max_download_bytes: u64,
    /// Extra hosts (and ports) model result links may be downloaded from, beside the API's own.
    pub extra_image_hosts: Vec<TrustedHost>,
    /// How many images may be decoded or encoded at once (each may take up to about 300 MB).
    pub image_workers: usize,
    /// How long a process's heartbeat stays valid: after that, its jobs are taken over.
    pub lease: Duration,
    /// Where `/healthz` and `/metrics` listen (`None`: `off`).
    pub http_addr: Option<std::net::SocketAddr>,
    /// Where generated images wait until delivered: `spool/` beside the database by default, or an
    /// S3-compatible bucket (`EASEL_SPOOL=s3://bucket/prefix` with the `AWS_*` variables).
    pub spool: crate::media::spool::SpoolPlace,
    /// How long delivered images stay in the spool for `/show` and the buttons under them.
    pub keep: Duration,
    /// `EASEL_PREVIEW_EVERY_MS`: how often at most a running job's message shows a fresh preview of
    /// the picture taking shape (`None`: previews off).
    pub preview_every: Option<Duration>,
    /// `EASEL_DEFAULT_LOCALE`: the language of what no member's or server's language covers (direct
    /// messages, servers not heard from yet, languages Easel does not speak).
    pub default_locale: crate::domain::lang::Lang,
    /// `EASEL_TRANSLATE_MODEL`: the chat model on the OpenAI-compatible server that renders prompts in
    /// English for models that read English only (`None`: off).
    pub translate_model: Option<String>,
    /// `EASEL_DESCRIBE_MODEL`: the vision-capable chat model on the OpenAI-compatible server that turns
    /// an image into prompt suggestions for `/describe` when no Stable Diffusion server does (`None`: off).
    pub describe_model: Option<String>,
    /// `EASEL_DATABASE_CA`: a PEM file of the certificates a TLS database's certificate must chain to,
    /// instead of the system's roots (a hosted Postgres's own CA).
    pub database_ca: Option<PathBuf>,
    /// How often the served models are checked again while the bot runs.
    pub model_watch: Duration,
    /// Which gateway shards this process runs (`EASEL_SHARDS`).
    pub shards: shards::ShardPlan,
    /// Model calls to OpenAI (or the compatible server) at once.
    pub openai_concurrency: usize,
    /// Model calls to Stable Diffusion at once.
    pub sd_concurrency: usize,
    /// Images a minute OpenAI (or the compatible server) is asked for, when capped.
    pub openai_images_per_minute: Option<std::num::NonZeroU32>,
    /// Images a minute Stable Diffusion is asked for, when capped.
    pub sd_images_per_minute: Option<std::num::NonZeroU32>,
    /// Jobs waiting per server; beyond it members are told the bot is busy.
    pub queue_max: u32,
    /// Jobs waiting for the whole bot.
    pub queue_max_total: u32,
    /// How long running jobs may finish after a shutdown signal.
    pub shutdown_grace: Duration,
    /// How many times a job may start running (an attempt interrupted by a crash counts).
    pub max_attempts: u32,
    /// Consecutive outages that mark a backend down.
    pub breaker_threshold: u32,
    /// How long a backend marked down rests before a job probes it again.
    pub breaker_cool_off: Duration,
    /// The owner's default limits; guild admins may override them (except the global budget).
    pub limits: Limits,
    /// Moderation log channel for guilds that set none with `/moderation log-channel`.
    pub moderation_log_channel: Option<u64>,
    /// Whether prompts go through the provider's free moderation endpoint before the model call.
    pub moderation_precheck: bool,
    /// Refusals within `refusal_window` that pause a member (0: never).
    pub refusals_before_pause: u32,
    /// The window in which refusals are counted.
    pub refusal_window: Duration,
    /// How long a repeat offender is paused.
    pub pause: Duration,
    /// Which servers Easel works in, how far their admins may raise their budget, open requests per
    /// member, and how long members' words are kept.
    pub trust: trust::Trust,
}

/// The environment variable and default of each limit (`None`: no limit by default).
const LIMIT_VARS: [(LimitName, &str, Option<f64>); 6] = [
    (LimitName::Cooldown, "EASEL_COOLDOWN_SECS", Some(30.0)),
    (LimitName::InFlight, "EASEL_MAX_IN_FLIGHT", Some(2.0)),
    (LimitName::ImagesPerDay, "EASEL_IMAGES_PER_DAY", Some(25.0)),
    (LimitName::UserUsdPerDay, "EASEL_USER_USD_PER_DAY", Some(1.0)),
    (LimitName::GuildUsdPerDay, "EASEL_GUILD_USD_PER_DAY", Some(10.0)),
    (LimitName::GlobalUsdPerMonth, "EASEL_GLOBAL_USD_PER_MONTH", Some(100.0)),
];

const DISCORD_ORIGIN: &str = "https://discord.com";

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup`, so tests can give variables without touching the process.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let discord_token = get("DISCORD_TOKEN").ok_or(ConfigError::Missing {
            name: "DISCORD_TOKEN",
            expected: "the bot token from the Discord developer portal (Bot → Reset Token)",
        })?;
        let mut catalogue = match get("EASEL_MODELS") {
            Some(path) => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| ConfigError::CatalogueFile { path: path.clone(), reason: e.to_string() })?;
                Catalogue::parse(&text)?
            }
            None => Catalogue::builtin(),
        };
        let default_model = get("EASEL_DEFAULT_MODEL").unwrap_or_else(|| "gpt-image-2".to_owned());
        if catalogue.get(&default_model).is_none() {
            return Err(ConfigError::Invalid {
                name: "EASEL_DEFAULT_MODEL",
                expected: "the id of a model in the catalogue",
                got: default_model,
            });
        }
        let database_path = PathBuf::from(get("EASEL_DB").unwrap_or_else(|| "easel.db".to_owned()));
        let limits = limits_from(&get)?;
        let preview_every = match ranged(&get, "EASEL_PREVIEW_EVERY_MS", "milliseconds", 0..=600_000, 2000)? {
            0 => None,
            // Never more often than the message's own edits (every two seconds).
            ms => Some(Duration::from_millis(ms).max(crate::jobs::progress::EDIT_EVERY)),
        };
        if preview_every.is_none() {
            catalogue.without_partial_images();
        }
        let locale = get("EASEL_DEFAULT_LOCALE").unwrap_or_else(|| "en-US".to_owned());
        let default_locale = crate::domain::lang::Lang::exact(&locale).ok_or(ConfigError::Invalid {
            name: "EASEL_DEFAULT_LOCALE",
            expected: "one of en-US, zh-CN, ja, es-ES, pt-BR, de, fr, ko",
            got: locale,
        })?;
        let translate_model = chat_model(&get, "EASEL_TRANSLATE_MODEL")?;
        let describe_model = chat_model(&get, "EASEL_DESCRIBE_MODEL")?;
        let servers = servers::Servers::from_lookup(&get)?;
        // A describer is offered only when its server is there to describe.
        let sd = servers.automatic1111.is_some();
        catalogue.keep_describers(|d| match d.backend {
            crate::domain::catalogue::BackendKind::Openai => describe_model.clone(),
            crate::domain::catalogue::BackendKind::Automatic1111 if sd => {
                Some(Some(d.provider_model.clone()).filter(|m| !m.is_empty()).unwrap_or_else(|| "clip".to_owned()))
            }
            _ => None,
        });
        Ok(Self {
            trust: trust::Trust::from_lookup(&get, &limits)?,
            discord_token: Secret::new(discord_token),
            discord_api_base: url_var(&get, "DISCORD_API_BASE", DISCORD_ORIGIN)?,
            discord_guild_id: parse_var(&get, "DISCORD_GUILD_ID", "a guild id (a number)")?,
            openai_api_key: get("OPENAI_API_KEY").map(Secret::new),
            openai_base_url: url_var(&get, "OPENAI_BASE_URL", "https://api.openai.com/v1")?,
            workflows: match get("COMFYUI_URL") {
                Some(_) => {
                    let loaded = servers::workflows(&catalogue, get("EASEL_MODELS").as_deref())?;
                    let masking = |name: &str| loaded.iter().any(|w| w.name == name && w.takes_mask);
                    catalogue.inpaint_with_masking_image_workflows(masking);
                    loaded
                }
                None => Vec::new(),
            },
            servers,
            default_model,
            catalogue,
            database_path: database_path.clone(),
            database_url: match get("EASEL_DATABASE_URL").filter(|u| !u.trim().is_empty()) {
                None => None,
                Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                    Some(Secret::new(url))
                }
                Some(_) => {
                    return Err(ConfigError::Invalid {
                        name: "EASEL_DATABASE_URL",
                        expected: "a Postgres URL such as postgres://easel:password@127.0.0.1:5432/easel",
                        got: "(hidden: it may hold a password)".to_owned(),
                    })
                }
            },
            model_timeout: Duration::from_secs(ranged(&get, "EASEL_MODEL_TIMEOUT_SECS", "seconds", 1..=3600, 180)?),
            model_retries: ranged(&get, "EASEL_MODEL_RETRIES", "retries", 0..=10, 3)? as usize,
            retry_delay: Duration::from_millis(ranged(&get, "EASEL_RETRY_DELAY_MS", "milliseconds", 1..=60_000, 1000)?),
            max_download_bytes: ranged(&get, "EASEL_MAX_DOWNLOAD_MB", "MB", 1..=500, 50)? * 1024 * 1024,
            extra_image_hosts: image_hosts(&get)?,
            image_workers: ranged(&get, "EASEL_IMAGE_WORKERS", "workers", 1..=16, 2)? as usize,
            lease: Duration::from_secs(ranged(&get, "EASEL_LEASE_SECS", "seconds", 3..=3600, 10)?),
            http_addr: http_addr(&get)?,
            spool: match get("EASEL_SPOOL") {
                None => crate::media::spool::SpoolPlace::Folder(beside(&database_path, "spool")),
                Some(raw) => crate::media::spool::SpoolPlace::parse(&raw, get).ok_or(ConfigError::Invalid {
                    name: "EASEL_SPOOL",
                    expected: "a folder, or an S3-compatible bucket as s3://bucket-name/prefix",
                    got: raw.clone(),
                })?,
            },
            keep: Duration::from_secs(ranged(&get, "EASEL_KEEP_DAYS", "days", 1..=365, 7)? * 86_400),
            preview_every,
            default_locale,
            translate_model,
            describe_model,
            database_ca: get("EASEL_DATABASE_CA").filter(|p| !p.trim().is_empty()).map(PathBuf::from),
            shards: match get("EASEL_SHARDS") {
                None => shards::ShardPlan::All,
                Some(raw) => shards::ShardPlan::parse(&raw).map_err(|_| ConfigError::Invalid {
                    name: "EASEL_SHARDS",
                    expected: "`all`, or this process's shards and the bot's count, such as `0-3/8`",
                    got: raw.clone(),
                })?,
            },
            model_watch: Duration::from_secs(ranged(&get, "EASEL_MODEL_WATCH_SECS", "seconds", 1..=604_800, 86_400)?),
            openai_concurrency: ranged(&get, "EASEL_OPENAI_CONCURRENCY", "calls", 1..=64, 4)? as usize,
            sd_concurrency: ranged(&get, "EASEL_SD_CONCURRENCY", "calls", 1..=16, 1)? as usize,
            openai_images_per_minute: per_minute(&get, "EASEL_OPENAI_IMAGES_PER_MINUTE")?,
            sd_images_per_minute: per_minute(&get, "EASEL_SD_IMAGES_PER_MINUTE")?,
            queue_max: ranged(&get, "EASEL_QUEUE_MAX", "jobs", 1..=100_000, 100)? as u32,
            queue_max_total: ranged(&get, "EASEL_QUEUE_MAX_TOTAL", "jobs", 1..=1_000_000, 10_000)? as u32,
            shutdown_grace: Duration::from_secs(ranged(&get, "EASEL_SHUTDOWN_GRACE_SECS", "seconds", 0..=3600, 60)?),
            max_attempts: ranged(&get, "EASEL_MAX_ATTEMPTS", "attempts", 1..=10, 2)? as u32,
            breaker_threshold: ranged(&get, "EASEL_BREAKER_THRESHOLD", "outages", 1..=100, 5)? as u32,
            breaker_cool_off: Duration::from_secs(ranged(&get, "EASEL_BREAKER_COOLOFF_SECS", "seconds", 1..=3600, 30)?),
            limits,
            moderation_log_channel: parse_var(&get, "MODERATION_LOG_CHANNEL_ID", "a channel id (a number)")?,
            moderation_precheck: bool_var(&get, "EASEL_MODERATION_PRECHECK", false)?,
            refusals_before_pause: ranged(&get, "EASEL_REFUSALS_BEFORE_PAUSE", "refusals", 0..=1000, 3)? as u32,
            refusal_window: Duration::from_secs(
                60 * ranged(&get, "EASEL_REFUSAL_WINDOW_MINUTES", "minutes", 1..=43_200, 60)?,
            ),
            pause: Duration::from_secs(60 * ranged(&get, "EASEL_PAUSE_MINUTES", "minutes", 1..=525_600, 24 * 60)?),
        })
    }

    /// Whether `DISCORD_API_BASE` is Discord itself (`https://discord.com`, compared as a parsed origin:
    /// scheme, host and port). Any other origin is a stand-in, and gets serenity's rate limiter off
    /// (see `discord::http_client`).
    pub fn uses_real_discord(&self) -> bool {
        let url = &self.discord_api_base;
        url.scheme() == "https"
            && url.host_str().is_some_and(|h| h.eq_ignore_ascii_case("discord.com"))
            && url.port_or_known_default() == Some(443)
    }

    /// `DISCORD_API_BASE` as an origin (`scheme://host[:port]`), the form serenity's proxy setting takes.
    pub fn discord_origin(&self) -> String {
        self.discord_api_base.origin().ascii_serialization()
    }
}

#[cfg(test)]
mod tests;
