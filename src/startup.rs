//! What the bot (and the owner's tools) build from the configuration before any job: the backends,
//! the runner, and the catalogue narrowed to what the backends really serve.

use std::sync::Arc;
use std::time::Duration;

use tracing::{info, warn};

use crate::backends::automatic1111::Automatic1111Backend;
use crate::backends::openai::OpenAiBackend;
use crate::backends::{ImageBackend, ServedModel};
use crate::catalogue::{BackendKind, Catalogue};
use crate::clock::Clock;
use crate::config::Config;
use crate::download::{HttpFetcher, TrustedHost};
use crate::error;
use crate::imaging;
use crate::lifecycle::{self, Listing, Notice};
use crate::queue::breaker::BreakerPolicy;
use crate::runner::{Backends, RetryPolicy, Runner};

/// Hosts Discord serves uploads from; the configured API host is trusted too (a stand-in's CDN).
const DISCORD_CDN_HOSTS: [&str; 2] = ["cdn.discordapp.com", "media.discordapp.net"];
/// Where OpenAI's DALL-E result links pointed; the API host and `EASEL_IMAGE_HOSTS` are trusted too.
const OPENAI_RESULT_HOSTS: [&str; 1] = ["oaidalleapiprodscus.blob.core.windows.net"];
/// The longest wait between two model calls, as a multiple of the first (1 s → 20 s); a provider's
/// `retry-after` is capped at it too.
const MAX_DELAY_FACTOR: u32 = 20;
/// How long one image download may take.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(60);

/// The host of a URL.
pub fn host(url: &reqwest::Url) -> String {
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
pub fn openai_backend(config: &Config) -> OpenAiBackend {
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

/// Every configured backend, the OpenAI-compatible one built by the caller (it doubles as the
/// moderation pre-check).
pub fn backends(config: &Config, openai: Arc<OpenAiBackend>) -> Backends {
    Backends {
        openai,
        automatic1111: config.sd_base_url.clone().map(|url| {
            Arc::new(Automatic1111Backend::new(url, config.model_timeout, config.max_download_bytes))
                as Arc<dyn ImageBackend>
        }),
    }
}

/// The runner: backends with retries (the longest wait 20 times the first), downloads of uploads from
/// Discord's CDN only, image work capped, a breaker and an optional rate per backend.
pub fn runner(config: &Config, backends: Backends, clock: Arc<dyn Clock>) -> Runner {
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

/// What each backend said it serves: `None` when not configured, `Some(Err(why))` when it could not
/// be asked.
pub struct Listings {
    openai: Option<Result<Vec<ServedModel>, String>>,
    automatic1111: Option<Result<Vec<ServedModel>, String>>,
}

impl Listings {
    /// Asks every configured backend which models it serves.
    pub async fn ask(backends: &Backends) -> Self {
        Self {
            openai: served_by(Some(&backends.openai)).await,
            automatic1111: served_by(backends.automatic1111.as_ref()).await,
        }
    }

    /// What one kind of backend answered.
    pub fn of(&self, kind: BackendKind) -> Option<&Result<Vec<ServedModel>, String>> {
        match kind {
            BackendKind::Openai => self.openai.as_ref(),
            BackendKind::Automatic1111 => self.automatic1111.as_ref(),
        }
    }

    /// The catalogue narrowed to what is served and not past its shutdown date, with what the owner
    /// should know about the rest.
    pub fn narrow(&self, catalogue: &Catalogue, today: chrono::NaiveDate) -> (Catalogue, Vec<Notice>) {
        let listing = |kind| match self.of(kind) {
            None => Listing::NotConfigured,
            Some(Err(_)) => Listing::Unavailable,
            Some(Ok(list)) => Listing::Listed(list),
        };
        lifecycle::narrow(catalogue, listing, today)
    }
}

async fn served_by(backend: Option<&Arc<dyn ImageBackend>>) -> Option<Result<Vec<ServedModel>, String>> {
    Some(backend?.served_models().await.map_err(|e| error::chain(&e)))
}

/// The variable that points at a kind of backend.
pub fn variable(kind: BackendKind) -> &'static str {
    match kind {
        BackendKind::Openai => "OPENAI_BASE_URL",
        BackendKind::Automatic1111 => "SD_BASE_URL",
    }
}

/// The catalogue narrowed to what the backends serve, and the default model among it, logging what the
/// owner must know. `None` when nothing can be offered.
pub async fn offered(config: &Config, backends: &Backends, today: chrono::NaiveDate) -> Option<(Catalogue, String)> {
    let listings = Listings::ask(backends).await;
    for kind in BackendKind::ALL {
        if let Some(Err(why)) = listings.of(kind) {
            warn!(error = %why, "could not list the models at {}; offering its catalogue models as written", variable(kind));
        }
    }
    let (catalogue, notices) = listings.narrow(&config.catalogue, today);
    for notice in notices {
        match notice {
            Notice::NotConfigured(_) => info!("{notice}"),
            _ => warn!("{notice}"),
        }
    }
    if catalogue.is_empty() {
        return None;
    }
    let default_model = if catalogue.get(&config.default_model).is_some() {
        config.default_model.clone()
    } else {
        let fallback = catalogue.models()[0].id.clone();
        warn!(configured = %config.default_model, using = %fallback, "EASEL_DEFAULT_MODEL is not offered; using another");
        fallback
    };
    info!(models = ?catalogue.models().iter().map(|m| &m.id).collect::<Vec<_>>(), default = %default_model, "models offered");
    Some((catalogue, default_model))
}
