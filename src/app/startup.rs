//! What the bot (and the owner's tools) build from the configuration before any job: the backends,
//! the runner, and the catalogue narrowed to what the backends really serve.

use std::sync::Arc;
use std::time::Duration;

use tracing::{info, warn};

use crate::app::lifecycle::{self, Listing, Notice};
use crate::backends::automatic1111::Automatic1111Backend;
use crate::backends::comfyui::ComfyUiBackend;
use crate::backends::openai::{ChatTranslator, OpenAiBackend};
use crate::backends::stability::StabilityBackend;
use crate::backends::{Describer, Translator};
use crate::backends::{ImageBackend, SamplingOptions, ServedModel};
use crate::config::Config;
use crate::domain::catalogue::{BackendKind, Catalogue};
use crate::domain::clock::Clock;
use crate::jobs::error;
use crate::jobs::runner::breaker::BreakerPolicy;
use crate::jobs::runner::{Backends, RetryPolicy, Runner};
use crate::media::download::{HttpFetcher, TrustedHost};
use crate::media::imaging;

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
    .with_previews(config.preview_every.is_some())
}

/// The prompt translator on the OpenAI-compatible server, when `EASEL_TRANSLATE_MODEL` names a chat
/// model (`None`: prompts go to English-only models as written, and `/help` says so).
pub fn translator(config: &Config, openai: &Arc<OpenAiBackend>) -> Option<Arc<dyn Translator>> {
    let model = config.translate_model.clone()?;
    Some(Arc::new(ChatTranslator::new(Arc::clone(openai), model)))
}

/// `/describe`'s describers: the vision chat model on the OpenAI-compatible server when
/// `EASEL_DESCRIBE_MODEL` names one, and AUTOMATIC1111's interrogator when `SD_BASE_URL` is set (the
/// catalogue offers a describer only then too).
pub fn describers(config: &Config, openai: &Arc<OpenAiBackend>) -> Vec<(BackendKind, Arc<dyn Describer>)> {
    let mut describers: Vec<(BackendKind, Arc<dyn Describer>)> = Vec::new();
    if config.describe_model.is_some() {
        describers.push((BackendKind::Openai, Arc::clone(openai) as Arc<dyn Describer>));
    }
    if let Some(sd) = &config.servers.automatic1111 {
        let interrogator = Automatic1111Backend::new(sd.url.clone(), sd.auth.clone(), sd.timeout, MAX_CAPTION_BYTES);
        describers.push((BackendKind::Automatic1111, Arc::new(interrogator)));
    }
    describers
}

/// AUTOMATIC1111's interrogator answers a caption, not images: what its client may read.
const MAX_CAPTION_BYTES: u64 = 1024 * 1024;

/// Every configured backend, the OpenAI-compatible one built by the caller (it doubles as the
/// moderation pre-check).
pub fn backends(config: &Config, openai: Arc<OpenAiBackend>) -> Backends {
    let servers = &config.servers;
    let max = config.max_download_bytes;
    Backends {
        openai,
        automatic1111: servers.automatic1111.as_ref().map(|sd| {
            Arc::new(Automatic1111Backend::new(sd.url.clone(), sd.auth.clone(), sd.timeout, max))
                as Arc<dyn ImageBackend>
        }),
        comfyui: servers.comfyui.as_ref().map(|comfy| {
            Arc::new(ComfyUiBackend::new(comfy.url.clone(), comfy.timeout, max, config.workflows.clone()))
                as Arc<dyn ImageBackend>
        }),
        stability: servers.stability.as_ref().map(|st| {
            Arc::new(StabilityBackend::new(st.url.clone(), st.key.clone(), st.timeout, max)) as Arc<dyn ImageBackend>
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

/// What one backend answered at start-up: the models it serves (`None` for a provider that lists none
/// but answered), or why it could not be asked.
pub type Served = Result<Option<Vec<ServedModel>>, String>;

/// What each backend said it serves: `None` when not configured.
pub struct Listings {
    answers: Vec<(BackendKind, Option<Served>)>,
    sampling: SamplingOptions,
}

impl Listings {
    /// Asks every configured backend which models it serves (at once: a slow one delays start-up by
    /// its own time only), and AUTOMATIC1111 which samplers it offers.
    pub async fn ask(backends: &Backends) -> Self {
        Self::ask_skipping(backends, &[]).await
    }

    /// As [`Self::ask`], not asking the backends in `skip` (as if not configured).
    pub async fn ask_skipping(backends: &Backends, skip: &[BackendKind]) -> Self {
        let asks = BackendKind::ALL.map(|kind| async move {
            let backend = if skip.contains(&kind) { None } else { backends.get(kind) };
            (kind, served_by(backend).await)
        });
        let answers = futures_util::future::join_all(asks).await;
        let sampling = match &backends.automatic1111 {
            Some(sd) => sd.sampling_options().await,
            None => SamplingOptions::default(),
        };
        Self { answers, sampling }
    }

    /// What one kind of backend answered.
    pub fn of(&self, kind: BackendKind) -> Option<&Served> {
        self.answers.iter().find(|(k, _)| *k == kind).and_then(|(_, served)| served.as_ref())
    }

    /// The catalogue narrowed to what is served and not past its shutdown date, with what the owner
    /// should know about the rest; AUTOMATIC1111 models that let members tune learn the server's
    /// samplers.
    pub fn narrow(&self, catalogue: &Catalogue, today: chrono::NaiveDate) -> (Catalogue, Vec<Notice>) {
        let listing = |kind| match self.of(kind) {
            None => Listing::NotConfigured,
            Some(Err(_) | Ok(None)) => Listing::Unavailable,
            Some(Ok(Some(list))) => Listing::Listed(list),
        };
        let (mut offered, notices) = lifecycle::narrow(catalogue, listing, today);
        offered.set_samplers(BackendKind::Automatic1111, &self.sampling.samplers);
        (offered, notices)
    }

    /// AUTOMATIC1111 models whose catalogue `scheduler` the server does not offer (it would fail every
    /// call), with what it offers.
    pub fn unknown_schedulers<'a>(&self, catalogue: &'a Catalogue) -> Vec<(&'a str, &'a str, &[String])> {
        let offered = &self.sampling.schedulers;
        catalogue
            .models()
            .iter()
            .filter(|m| m.backend == BackendKind::Automatic1111)
            .filter_map(|m| Some((m.id.as_str(), m.scheduler.as_deref()?)))
            .filter(|(_, scheduler)| !offered.is_empty() && !offered.iter().any(|s| s.eq_ignore_ascii_case(scheduler)))
            .map(|(model, scheduler)| (model, scheduler, offered.as_slice()))
            .collect()
    }
}

async fn served_by(backend: Option<&Arc<dyn ImageBackend>>) -> Option<Served> {
    let backend = backend?;
    let served = backend.served_models().await.map_err(|e| error::chain(&e));
    Some(served.map(|list| backend.lists_models().then_some(list)))
}

/// The backends not worth asking: OpenAI (or a compatible server) when no catalogue model uses it and no
/// `OPENAI_API_KEY` is set (a Stable Diffusion-only bot), so its absence is neither a problem nor a wait.
pub fn unused(config: &Config) -> Vec<BackendKind> {
    let uses_openai = config.catalogue.models().iter().any(|m| m.backend == BackendKind::Openai);
    if uses_openai || config.openai_api_key.is_some() {
        Vec::new()
    } else {
        vec![BackendKind::Openai]
    }
}

/// The variable that points at a kind of backend.
pub fn variable(kind: BackendKind) -> &'static str {
    match kind {
        BackendKind::Openai => "OPENAI_BASE_URL",
        BackendKind::Automatic1111 => "SD_BASE_URL",
        BackendKind::Comfyui => "COMFYUI_URL",
        BackendKind::Stability => "STABILITY_API_KEY",
    }
}

/// What start-up offers: the catalogue narrowed to what the backends serve, the default model among it,
/// and the backends that did not answer (shown as down until they do).
pub struct Offered {
    /// The models offered.
    pub catalogue: Catalogue,
    /// The model used when a member names none.
    pub default_model: String,
    /// Configured backends that did not answer at start-up.
    pub unreachable: Vec<BackendKind>,
}

/// The catalogue narrowed to what the backends serve, and the default model among it, logging what the
/// owner must know. `None` when nothing can be offered. A backend that does not answer never stops the
/// bot: its models are offered as written, and its jobs wait behind its breaker.
pub async fn offered(config: &Config, backends: &Backends, today: chrono::NaiveDate) -> Option<Offered> {
    let listings = Listings::ask_skipping(backends, &unused(config)).await;
    let mut unreachable = Vec::new();
    for kind in BackendKind::ALL {
        if let Some(Err(why)) = listings.of(kind) {
            warn!(error = %why, "{} does not answer; offering its catalogue models as written", variable(kind));
            unreachable.push(kind);
        }
    }
    if let (Some(comfy), Some(Ok(_))) = (&backends.comfyui, listings.of(BackendKind::Comfyui)) {
        for problem in comfy.setup_problems().await {
            warn!("COMFYUI_URL: {problem}; its runs will fail until the workflow is fixed");
        }
    }
    let (catalogue, notices) = listings.narrow(&config.catalogue, today);
    for (model, scheduler, offered) in listings.unknown_schedulers(&catalogue) {
        warn!(model, scheduler, ?offered, "SD_BASE_URL does not offer this model's scheduler; its calls will fail until the catalogue names one it offers");
    }
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
    Some(Offered { catalogue, default_model, unreachable })
}
