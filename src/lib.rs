//! Easel: a Discord bot that turns a community's requests into images, for any image model.
//!
//! # Layout
//! - [`config`]: typed configuration from the environment, secrets that cannot be printed.
//! - [`catalogue`]: the model catalogue (names, sizes, qualities, prices) from `models.toml`.
//! - [`lifecycle`]: the start-up check of which models the provider serves and which are retiring.
//! - [`job`]: what a member asked for, checked against the catalogue.
//! - [`admission`]: whether a request may become a job: catalogue, blocks, blocklist, limits, queue caps.
//! - [`queue`]: jobs as data in the store, fair lanes per backend, circuit breakers.
//! - [`runner`]: one job's model call with retries, the upload converted, results verified and fitted.
//! - [`jobs`]: a job's life after admission: run, spool, deliver exactly once, settle, cancel, recover.
//! - [`spool`]: generated images on disk until delivered.
//! - [`limits`]: cooldowns, concurrency, daily and monthly budgets, role tiers (pure logic).
//! - [`admin`]: `/limits` for guild admins, with the permission check server-side.
//! - [`moderation`]: server rules (blocklist, pre-check), the audit log and its channel, repeat offenders.
//! - [`store`]: the ledger, settings and blocks behind the `Store` port (SQLite by default).
//! - [`backends`]: one file per image provider, behind the `ImageBackend` port.
//! - [`imaging`]: image checks, conversions for providers, re-encoding to fit Discord.
//! - [`download`]: downloads from trusted hosts with a size cap.
//! - [`error`]: what goes wrong, and the one place it becomes words for members.
//! - [`discord`]: the thin serenity adapter (commands, rendering, delivery).
//! - [`http`]: the owner's `/healthz` and `/metrics` endpoint.
//! - [`telemetry`]: what Easel counts, for `/metrics`.
//! - [`clock`]: time as a port.
//! - [`text`]: small text helpers for Discord's limits.
//!
//! Only [`run`] wires concrete adapters together; everything else takes ports.

pub mod admin;
pub mod admission;
pub mod backends;
pub mod catalogue;
pub mod clock;
pub mod config;
pub mod discord;
pub mod download;
pub mod error;
pub mod http;
pub mod imaging;
pub mod job;
pub mod jobs;
pub mod lifecycle;
pub mod limits;
pub mod moderation;
pub mod queue;
pub mod runner;
pub mod spool;
pub mod store;
pub mod telemetry;
pub mod text;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tracing::{error, info, warn};

use crate::admission::{Admission, AdmissionPorts};
use crate::backends::automatic1111::Automatic1111Backend;
use crate::backends::openai::OpenAiBackend;
use crate::backends::{ImageBackend, ServedModel};
use crate::catalogue::{BackendKind, Catalogue};
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::download::{HttpFetcher, TrustedHost};
use crate::jobs::{Jobs, JobsParts, JobsPolicy};
use crate::lifecycle::{Listing, Notice};
use crate::moderation::{ContentCheck, Moderation, ModerationStore, OffencePolicy};
use crate::queue::breaker::BreakerPolicy;
use crate::queue::scheduler::Scheduler;
use crate::queue::{JobStore, QueueCaps};
use crate::runner::{Backends, RetryPolicy, Runner};
use crate::spool::Spool;
use crate::store::sqlite::SqliteStore;
use crate::store::{InstanceId, Store};

/// Hosts Discord serves uploads from; the configured API host is trusted too (a stand-in's CDN).
const DISCORD_CDN_HOSTS: [&str; 2] = ["cdn.discordapp.com", "media.discordapp.net"];
/// Where OpenAI's DALL-E result links pointed; the API host and `EASEL_IMAGE_HOSTS` are trusted too.
const OPENAI_RESULT_HOSTS: [&str; 1] = ["oaidalleapiprodscus.blob.core.windows.net"];
/// The longest wait between two model calls, as a multiple of the first (1 s → 20 s); a provider's
/// `retry-after` is capped at it too.
const MAX_DELAY_FACTOR: u32 = 20;
/// How long one image download may take.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(60);

/// Why Easel stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Nothing in the catalogue can be offered.
    #[error(
        "no model of the catalogue is served by OPENAI_BASE_URL ({0}) or SD_BASE_URL; check the URLs or EASEL_MODELS"
    )]
    NothingToOffer(String),
    /// The database could not be opened or migrated.
    #[error("the database (EASEL_DB) could not be opened")]
    Store(#[from] store::StoreError),
    /// The spool folder could not be created.
    #[error("the spool folder (EASEL_SPOOL) `{0}` could not be created")]
    Spool(String, #[source] std::io::Error),
    /// The health and metrics endpoint could not listen.
    #[error("EASEL_HTTP_ADDR `{0}` could not be listened on (set another address, or `off`)")]
    Http(String, #[source] std::io::Error),
    /// Discord refused the connection (bad token, network).
    #[error("Discord connection failed: {0}")]
    Discord(Box<serenity::Error>),
}

/// Runs the bot until `shutdown` resolves.
pub async fn run(config: Config, shutdown: impl Future<Output = ()> + Send) -> Result<(), RunError> {
    let sqlite = Arc::new(SqliteStore::open(&config.database_path)?);
    let store: Arc<dyn Store> = Arc::clone(&sqlite) as Arc<dyn Store>;
    let moderation_store: Arc<dyn ModerationStore> = Arc::clone(&sqlite) as Arc<dyn ModerationStore>;
    let job_store: Arc<dyn JobStore> = sqlite;
    let spool =
        Spool::open(&config.spool_dir).map_err(|e| RunError::Spool(config.spool_dir.display().to_string(), e))?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let instance = InstanceId::generate();
    let lease = chrono::Duration::from_std(config.lease).unwrap_or(chrono::Duration::minutes(1));
    forget_gone_processes(store.as_ref()).await?;
    store.heartbeat(&instance, clock.now()).await?;
    release_orphans(store.as_ref(), lease, clock.now()).await?;
    if config.openai_api_key.is_none() && host(&config.openai_base_url) == "api.openai.com" {
        warn!("OPENAI_API_KEY is not set: OpenAI will refuse every call until it is");
    }
    let openai = Arc::new(openai_backend(&config));
    let moderation = Arc::new(Moderation::new(
        Arc::clone(&moderation_store),
        Arc::clone(&clock),
        Arc::new(discord::moderation::ChannelLog::new(Arc::new(discord::http_client(&config)))),
        config.moderation_precheck.then(|| Arc::clone(&openai) as Arc<dyn ContentCheck>),
        config.moderation_log_channel.map(|channel| (config.discord_guild_id, channel)),
        OffencePolicy {
            refusals: config.refusals_before_pause,
            window: chrono::Duration::from_std(config.refusal_window).unwrap_or(chrono::Duration::hours(1)),
            pause: chrono::Duration::from_std(config.pause).unwrap_or(chrono::Duration::days(1)),
        },
    ));
    let backends = Backends {
        openai,
        automatic1111: config.sd_base_url.clone().map(|url| {
            Arc::new(Automatic1111Backend::new(url, config.model_timeout, config.max_download_bytes))
                as Arc<dyn ImageBackend>
        }),
    };
    let (catalogue, default_model) = offered(&config, &backends, clock.now().date_naive()).await?;
    let admission = Admission::new(
        Arc::new(catalogue),
        default_model,
        config.max_download_bytes,
        config.limits,
        QueueCaps { per_guild: config.queue_max, total: config.queue_max_total },
        AdmissionPorts {
            store: Arc::clone(&store),
            jobs: Arc::clone(&job_store),
            clock: Arc::clone(&clock),
            instance: instance.clone(),
        },
    )
    .with_moderation(Arc::clone(&moderation));
    let metrics = Arc::new(telemetry::Metrics::new());
    let jobs = Jobs::new(JobsParts {
        store: job_store,
        admission: Arc::new(admission),
        runner: Arc::new(runner(&config, backends, Arc::clone(&clock)).with_metrics(Arc::clone(&metrics))),
        scheduler: Scheduler::new(&[
            (BackendKind::Openai, config.openai_concurrency),
            (BackendKind::Automatic1111, config.sd_concurrency),
        ]),
        spool,
        clock: Arc::clone(&clock),
        instance: instance.clone(),
        moderation: Some(moderation),
        policy: JobsPolicy { max_attempts: config.max_attempts, grace: config.shutdown_grace, lease },
        metrics,
    });
    let heartbeat =
        tokio::spawn(keep_alive(Arc::clone(&store), Arc::clone(&clock), instance.clone(), lease, Arc::clone(&jobs)));
    let admin = admin::Admin::new(Arc::clone(&store), moderation_store, Arc::clone(&clock), config.limits);
    let gateway = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (stop_http, http_stopped) = tokio::sync::oneshot::channel::<()>();
    let endpoint = match config.http_addr {
        Some(addr) => {
            let health =
                http::Health { jobs: Arc::clone(&jobs), store: Arc::clone(&store), gateway: Arc::clone(&gateway) };
            let listener =
                tokio::net::TcpListener::bind(addr).await.map_err(|e| RunError::Http(addr.to_string(), e))?;
            Some(tokio::spawn(http::serve_on(listener, health, async move {
                let _ = http_stopped.await;
            })))
        }
        None => None,
    };
    let services = discord::Services { jobs, admin, clock: Arc::clone(&clock), gateway };
    let served = discord::serve(&config, Arc::new(services), shutdown).await;
    let _ = stop_http.send(());
    if let Some(endpoint) = endpoint {
        let _ = endpoint.await;
    }
    heartbeat.abort();
    match store.retire(&instance, clock.now()).await {
        Ok(0) => {}
        Ok(released) => warn!(released, "released the reservations of jobs abandoned at shutdown; nobody was charged"),
        Err(e) => error!(error = %error::chain(&e), "could not release this process's reservations at shutdown"),
    }
    served?;
    info!("stopped");
    Ok(())
}

/// The runner: backends with retries (the longest wait 20 times the first), downloads of uploads from
/// Discord's CDN only, image work capped, a breaker per backend.
fn runner(config: &Config, backends: Backends, clock: Arc<dyn Clock>) -> Runner {
    let mut upload_hosts = trusted(&DISCORD_CDN_HOSTS);
    if !config.uses_real_discord() {
        upload_hosts.extend(origin_of(&config.discord_api_base));
    }
    let breaker = BreakerPolicy {
        threshold: config.breaker_threshold,
        cool_off: chrono::Duration::from_std(config.breaker_cool_off).unwrap_or(chrono::Duration::seconds(30)),
    };
    Runner::new(
        backends,
        Arc::new(HttpFetcher::new(upload_hosts, DOWNLOAD_TIMEOUT)),
        config.max_download_bytes,
        clock,
        breaker,
    )
    .with_retry(RetryPolicy {
        retries: config.model_retries,
        min_delay: config.retry_delay,
        max_delay: config.retry_delay.saturating_mul(MAX_DELAY_FACTOR),
    })
    .with_image_work(imaging::ImageWork::new(config.image_workers))
    .with_rate(BackendKind::Openai, config.openai_images_per_minute)
    .with_rate(BackendKind::Automatic1111, config.sd_images_per_minute)
}

/// Forgets the processes on this machine that are certainly gone (a crash, a kill): a restart takes
/// their jobs over at once instead of waiting out their lease.
async fn forget_gone_processes(store: &dyn Store) -> Result<(), RunError> {
    for instance in store.instances().await? {
        if instance.is_gone_here() {
            info!(process = %instance, "a process on this machine stopped without a clean stop; taking over its jobs");
            store.forget(&instance).await?;
        }
    }
    Ok(())
}

/// Releases the reservations of processes that stopped mid-job without a clean stop (their heartbeat
/// is older than the lease), never a live process's.
async fn release_orphans(store: &dyn Store, lease: chrono::Duration, now: DateTime<Utc>) -> Result<(), RunError> {
    let released = store.release_orphans(lease, now).await?;
    if released > 0 {
        warn!(released, "released reservations left by a process that stopped mid-job; nobody was charged");
    }
    Ok(())
}

/// Keeps this process's heartbeat fresh (three beats a lease), and takes over the jobs and releases the
/// reservations that stopped processes left.
async fn keep_alive(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    instance: InstanceId,
    lease: chrono::Duration,
    jobs: Arc<Jobs>,
) {
    let beat = lease.to_std().unwrap_or(Duration::from_secs(60)) / 3;
    let mut ticks = tokio::time::interval(beat);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(e) = store.heartbeat(&instance, clock.now()).await {
            error!(error = %error::chain(&e), "could not record this process's heartbeat");
            continue;
        }
        if let Err(e) = release_orphans(store.as_ref(), lease, clock.now()).await {
            error!(error = %error::chain(&e), "could not release abandoned reservations");
        }
        jobs.take_over().await;
    }
}

fn host(url: &reqwest::Url) -> String {
    url.host_str().unwrap_or_default().to_owned()
}

/// The origin of `url` (host and port) as a trusted download host.
fn origin_of(url: &reqwest::Url) -> Vec<TrustedHost> {
    TrustedHost::of(url).into_iter().collect()
}

fn trusted(hosts: &[&str]) -> Vec<TrustedHost> {
    hosts.iter().filter_map(|h| TrustedHost::parse(h).ok()).collect()
}

/// The OpenAI-compatible backend; its result links are fetched only from the API's host and the
/// configured image hosts.
fn openai_backend(config: &Config) -> OpenAiBackend {
    let mut result_hosts = trusted(&OPENAI_RESULT_HOSTS);
    result_hosts.extend(origin_of(&config.openai_base_url));
    result_hosts.extend(config.extra_image_hosts.iter().cloned());
    OpenAiBackend::new(
        config.openai_base_url.clone(),
        config.openai_api_key.clone(),
        config.model_timeout,
        Arc::new(HttpFetcher::new(result_hosts, DOWNLOAD_TIMEOUT)),
        config.max_download_bytes,
    )
}

/// The catalogue narrowed to what the backends serve, and the default model among it.
async fn offered(
    config: &Config,
    backends: &Backends,
    today: chrono::NaiveDate,
) -> Result<(Catalogue, String), RunError> {
    let catalogue = offered_catalogue(&config.catalogue, backends, today).await;
    if catalogue.is_empty() {
        return Err(RunError::NothingToOffer(config.openai_base_url.to_string()));
    }
    let default_model = if catalogue.get(&config.default_model).is_some() {
        config.default_model.clone()
    } else {
        let fallback = catalogue.models()[0].id.clone();
        warn!(configured = %config.default_model, using = %fallback, "EASEL_DEFAULT_MODEL is not offered; using another");
        fallback
    };
    info!(models = ?catalogue.models().iter().map(|m| &m.id).collect::<Vec<_>>(), default = %default_model, "models offered");
    Ok((catalogue, default_model))
}

/// Asks each backend what it serves and narrows the catalogue to that, logging what the owner must know.
async fn offered_catalogue(catalogue: &Catalogue, backends: &Backends, today: chrono::NaiveDate) -> Catalogue {
    let openai = served_by(Some(&backends.openai), "OPENAI_BASE_URL").await;
    let automatic1111 = served_by(backends.automatic1111.as_ref(), "SD_BASE_URL").await;
    let listing = |kind| {
        let served = match kind {
            BackendKind::Openai => &openai,
            BackendKind::Automatic1111 => &automatic1111,
        };
        match served {
            None => Listing::NotConfigured,
            Some(None) => Listing::Unavailable,
            Some(Some(list)) => Listing::Listed(list),
        }
    };
    let (offered, notices) = lifecycle::narrow(catalogue, listing, today);
    for notice in notices {
        match notice {
            Notice::NotConfigured(_) => info!("{notice}"),
            _ => warn!("{notice}"),
        }
    }
    offered
}

/// A backend's listing: `None` when not configured, `Some(None)` when it could not be read.
async fn served_by(backend: Option<&Arc<dyn ImageBackend>>, variable: &str) -> Option<Option<Vec<ServedModel>>> {
    let backend = backend?;
    Some(match backend.served_models().await {
        Ok(list) => Some(list),
        Err(e) => {
            warn!(error = %error::chain(&e), "could not list the models at {variable}; offering its catalogue models as written");
            None
        }
    })
}

/// Resolves on Ctrl-C or SIGTERM: the one shutdown signal.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
