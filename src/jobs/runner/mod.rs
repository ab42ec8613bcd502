//! The runner: one admitted job's model call, with retries where they help, the upload fetched and
//! converted, every result verified as a whole image and made to fit Discord, and its real cost.
//!
//! Transport-free: backends, downloads and time are ports. It reports each outage to its backend's
//! [`Breaker`], so a backend that is down stops being called for a while.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use tracing::warn;

use crate::backends::{BackendError, Generated};
use crate::domain::catalogue::{BackendKind, VariationMethod};
use crate::domain::clock::Clock;
use crate::domain::request::{Command, JobRequest, JobSpec};
use crate::jobs::error::JobError;
use crate::media::download::Fetch;
use crate::media::imaging::{self, EncodedImage, ImageWork};
use crate::media::provenance::{self, Provenance};

mod backends;
pub mod breaker;
pub use backends::{Backends, ImageRate};
mod call;
mod describe;
mod inputs;

use call::{backend_call, settled_cost};
mod translate;
use crate::jobs::telemetry::Metrics;
use breaker::{Breaker, BreakerPolicy, BreakerState};

/// The longest side of the moderation log's own thumbnail.
const LOG_THUMBNAIL_SIDE: u32 = 256;

/// Discord refuses a message whose files add up to more than this, whatever the per-file limit.
const MAX_MESSAGE_BYTES: u64 = 25 * 1024 * 1024;

/// How far above the catalogue's estimate a provider's reported usage may price a job before Easel
/// stops believing it (a buggy or hostile server must not drain a member's budget with one answer).
const MAX_USAGE_OVER_ESTIMATE: f64 = 10.0;

/// What a job cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cost {
    /// USD.
    pub usd: f64,
    /// True when settled from the provider's token usage; false when it is the catalogue's price.
    pub from_usage: bool,
}

/// A finished job, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct FinishedJob {
    /// The images, each under the upload limit (for `/styles`: the comparison sheet first).
    pub images: Vec<EncodedImage>,
    /// The prompt the model actually used, when it rewrote it.
    pub revised_prompt: Option<String>,
    /// What it cost.
    pub cost: Cost,
    /// The seed of each image, when the provider said.
    pub seeds: Vec<i64>,
    /// The real parameters the provider used, when it said (steps, sampler, CFG scale).
    pub details: Option<String>,
    /// `/describe`'s prompt suggestions (no images then).
    pub suggestions: Vec<String>,
}

impl FinishedJob {
    /// How many images the model made (the comparison sheet of `/styles` is not one).
    pub fn model_images(&self, spec: &JobSpec) -> usize {
        if spec.style_prompts.is_empty() {
            self.images.len()
        } else {
            self.images.len().saturating_sub(1)
        }
    }
}

/// A job that delivered nothing, and what its model call cost when it had returned before the failure
/// (the provider billed it: the owner's month counts it, the member never does).
#[derive(Debug)]
pub struct RunFailure {
    /// Why.
    pub error: JobError,
    /// What the provider billed, USD, when the model call had returned (its usage, else the estimate).
    pub spent: Option<f64>,
}

impl From<JobError> for RunFailure {
    fn from(error: JobError) -> Self {
        Self { error, spent: None }
    }
}

/// How provider faults are retried.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Tries after the first.
    pub retries: usize,
    /// First backoff delay.
    pub min_delay: Duration,
    /// Longest wait between tries, also the cap on a provider's `retry-after`.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { retries: 3, min_delay: Duration::from_secs(1), max_delay: Duration::from_secs(20) }
    }
}

/// Checks a member's uploaded image before any model call (the moderation pre-check).
#[async_trait::async_trait]
pub trait InputScreen: Send + Sync {
    /// `Err` (a [`JobError::UploadFlagged`]) when the image may not be sent.
    async fn screen(&self, png: &[u8]) -> Result<(), JobError>;
}

/// The moderation pre-check of members' uploads is the screen the runner is given.
#[async_trait::async_trait]
impl InputScreen for crate::community::moderation::Moderation {
    async fn screen(&self, png: &[u8]) -> Result<(), JobError> {
        self.precheck_image(png)
            .await
            .map_err(|refusal| JobError::UploadFlagged { reason: refusal.reason, categories: refusal.categories })
    }
}

/// Runs model calls for admitted jobs.
pub struct Runner {
    screen: Option<Arc<dyn InputScreen>>,
    backends: Backends,
    uploads: Arc<dyn Fetch>,
    max_source_bytes: u64,
    retry: RetryPolicy,
    image_work: ImageWork,
    clock: Arc<dyn Clock>,
    breakers: HashMap<BackendKind, Breaker>,
    rates: HashMap<BackendKind, ImageRate>,
    metrics: Arc<Metrics>,
    translator: Option<Arc<dyn crate::backends::Translator>>,
    describers: HashMap<BackendKind, Arc<dyn crate::backends::Describer>>,
    kept: Option<crate::media::spool::Spool>,
}

impl Runner {
    /// A runner calling `backends`, fetching uploads with `uploads` (at most `max_source_bytes`).
    pub fn new(
        backends: Backends,
        uploads: Arc<dyn Fetch>,
        max_source_bytes: u64,
        clock: Arc<dyn Clock>,
        breaker: BreakerPolicy,
    ) -> Self {
        Self {
            screen: None,
            backends,
            uploads,
            max_source_bytes,
            retry: RetryPolicy::default(),
            image_work: ImageWork::new(2),
            clock,
            breakers: BackendKind::ALL.into_iter().map(|kind| (kind, Breaker::new(breaker))).collect(),
            rates: HashMap::new(),
            metrics: Arc::new(Metrics::new()),
            translator: None,
            describers: HashMap::new(),
            kept: None,
        }
    }

    /// Reads the pictures Easel keeps (saved styles' references) from `spool`.
    pub fn with_kept_pictures(mut self, spool: crate::media::spool::Spool) -> Self {
        self.kept = Some(spool);
        self
    }

    /// Lets `/describe` entries of backend `kind` describe through `describer`.
    pub fn with_describer(mut self, kind: BackendKind, describer: Arc<dyn crate::backends::Describer>) -> Self {
        self.describers.insert(kind, describer);
        self
    }

    /// A PNG of `image` at most 256 pixels a side, for the moderation log (on the image workers).
    pub async fn thumbnail(&self, image: Vec<u8>) -> Option<Vec<u8>> {
        self.image_work.run(move || imaging::thumbnail_png(&image, LOG_THUMBNAIL_SIDE)).await.ok()
    }

    /// Checks members' uploads with `screen` before any model call.
    pub fn with_input_screen(mut self, screen: Arc<dyn InputScreen>) -> Self {
        self.screen = Some(screen);
        self
    }

    /// Counts upstream errors and generation time in `metrics`.
    pub fn with_metrics(mut self, metrics: Arc<Metrics>) -> Self {
        self.metrics = metrics;
        self
    }

    /// Caps a backend's images per minute (`None`: no cap).
    pub fn with_rate(mut self, kind: BackendKind, per_minute: Option<NonZeroU32>) -> Self {
        match per_minute {
            Some(per_minute) => self.rates.insert(kind, ImageRate::per_minute(per_minute)),
            None => self.rates.remove(&kind),
        };
        self
    }

    /// Replaces the retry policy (tests shorten it).
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Replaces the cap on images decoded or encoded at once.
    pub fn with_image_work(mut self, image_work: ImageWork) -> Self {
        self.image_work = image_work;
        self
    }

    /// How far the call running on a backend has got, when the backend says.
    pub async fn progress(&self, kind: BackendKind) -> Option<crate::backends::Progress> {
        self.backends.get(kind)?.progress().await
    }

    /// The latest preview of the call running on a backend, when the backend makes one.
    pub async fn preview(&self, kind: BackendKind) -> Option<Vec<u8>> {
        self.backends.get(kind)?.preview().await
    }

    /// A backend's state for the health endpoint: `up`, `down` (failing, not yet tripped) or `tripped`,
    /// or `None` when it is not configured.
    pub fn health(&self, kind: BackendKind) -> Option<&'static str> {
        self.backends.get(kind)?;
        let breaker = self.breaker(kind);
        Some(match breaker.state() {
            BreakerState::Closed if breaker.failures() > 0 => "down",
            BreakerState::Closed => "up",
            BreakerState::Open { .. } | BreakerState::Probing => "tripped",
        })
    }

    /// The breaker of a backend.
    pub fn breaker(&self, kind: BackendKind) -> &Breaker {
        &self.breakers[&kind]
    }

    /// Calls the model for a job and returns its images, verified, fitted to `request.upload_limit` and
    /// marked with their provenance, with their real cost.
    /// A failure after the model call returned carries what the call cost.
    pub async fn run(&self, request: &JobRequest, spec: &JobSpec) -> Result<FinishedJob, RunFailure> {
        if request.command == Command::Describe {
            return Ok(self.describe(request, spec).await?);
        }
        let english = self.in_english(request, spec).await.map_err(|error| RunFailure { error, spent: None })?;
        let spec = english.as_ref().unwrap_or(spec);
        let started = std::time::Instant::now();
        let generated = self.generate(request, spec).await;
        self.metrics.generated(&spec.model.id, started.elapsed().as_secs_f64());
        let Generated { images, revised_prompt, usage, seeds, details, .. } = generated?;
        let made = images.len();
        let cost = settled_cost(&request.id.0, spec, usage, made);
        let paid = |error| RunFailure { error, spent: Some(cost.usd) };
        let images =
            if spec.style_prompts.is_empty() { images } else { self.with_sheet(spec, images).await.map_err(paid)? };
        let provenance = Provenance {
            prompt: spec.prompt.clone().unwrap_or_default(),
            model: spec.model.id.clone(),
            job: request.id.0.clone(),
        };
        let room = request.upload_limit.saturating_sub(provenance::overhead(&provenance));
        let mut images = self.fit_all(images, room).await.map_err(paid)?;
        for image in &mut images {
            image.bytes = provenance::stamp(std::mem::take(&mut image.bytes), image.extension, &provenance);
        }
        // What the model was sent, when it was not the member's words: shown beside them.
        let revised_prompt = revised_prompt.or_else(|| spec.translated_prompt.clone());
        Ok(FinishedJob { images, revised_prompt, cost, seeds, details, suggestions: Vec::new() })
    }

    async fn generate(&self, request: &JobRequest, spec: &JobSpec) -> Result<Generated, JobError> {
        let kind = spec.model.backend;
        let backend = self.backends.get(kind).ok_or_else(|| {
            JobError::Misconfigured(BackendError::BadRequest {
                param: "model".into(),
                message: format!("no backend is configured for `{}`", spec.model.id),
            })
        })?;
        if let Some(rate) = self.rates.get(&kind) {
            rate.wait(spec.n).await;
        }
        let call = backend_call(spec);
        let provider_error = |e| JobError::from_backend(e, &spec.model.id, spec.model.replacement.as_deref());
        let job = &request.id.0;
        let input = match request.command {
            Command::Generate | Command::Hd if request.reference.is_none() => {
                return self.retrying(kind, job, || backend.generate(&call)).await.map_err(provider_error)
            }
            Command::Generate | Command::Hd | Command::Blend => self.reference_input(request, spec).await?,
            Command::Styles => return self.each_style(kind, job, backend, &call, spec).await.map_err(provider_error),
            Command::Variation | Command::Edit | Command::Upscale => self.edit_input(request, spec).await?,
            Command::Extend => self.extend_input(request, spec).await?,
            Command::Describe => return Err(JobError::Unexpected("a description makes no image".into())),
        };
        let variation = spec.model.variation.as_ref().map_or(VariationMethod::Edits, |v| v.method);
        let outcome = match request.command {
            Command::Upscale
                if matches!(kind, BackendKind::Automatic1111 | BackendKind::Stability) && !request.creative =>
            {
                self.retrying(kind, job, || backend.upscale(&call, input.image.clone())).await
            }
            Command::Generate | Command::Hd | Command::Blend => {
                self.retrying(kind, job, || backend.vary(&call, input.clone(), VariationMethod::Edits)).await
            }
            Command::Edit | Command::Extend if variation == VariationMethod::Variations => {
                self.retrying(kind, job, || backend.vary(&call, input.clone(), VariationMethod::Edits)).await
            }
            _ => self.retrying(kind, job, || backend.vary(&call, input.clone(), variation)).await,
        };
        outcome.map_err(provider_error)
    }

    /// Checks every result is a whole image (every pixel decoded) and re-encodes any that would not fit
    /// in one Discord message. A broken result is never delivered or charged.
    async fn fit_all(&self, images: Vec<Vec<u8>>, upload_limit: u64) -> Result<Vec<EncodedImage>, JobError> {
        let count = images.len().max(1) as u64;
        let limit = upload_limit.min(MAX_MESSAGE_BYTES / count - 64 * 1024);
        let mut fitted = Vec::with_capacity(images.len());
        for bytes in images {
            let image = self.image_work.run(move || imaging::fit_for_upload(imaging::verify(bytes)?, limit)).await;
            fitted.push(image.map_err(|e| JobError::ResultUnusable(Box::new(e)))?);
        }
        Ok(fitted)
    }

    /// Calls with backoff while the fault is transient, telling the backend's breaker what it saw.
    async fn retrying<F, Fut>(&self, kind: BackendKind, job: &str, call: F) -> Result<Generated, BackendError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<Generated, BackendError>>,
    {
        let max = self.retry.max_delay;
        let backoff = ExponentialBuilder::default()
            .with_min_delay(self.retry.min_delay)
            .with_max_delay(max)
            .with_max_times(self.retry.retries)
            .with_jitter();
        let breaker = self.breaker(kind);
        // `when` sees every failed call (retried or not): the one place outages are counted.
        let outcome = call
            .retry(backoff)
            .sleep(tokio::time::sleep)
            .when(|e: &BackendError| {
                self.metrics.upstream_error(kind.key(), e);
                if is_outage(e) && breaker.failed(self.clock.now()) {
                    warn!(backend = kind.key(), "the backend looks down; its jobs wait until it answers again");
                }
                e.is_transient() && !breaker.is_down()
            })
            .adjust(|e, next| next.map(|d| e.retry_after().map_or(d, |wait| wait.min(max))))
            .notify(|e, wait| warn!(job, error = %e, ?wait, "model call failed, retrying"))
            .await;
        if !outcome.as_ref().is_err_and(is_outage) {
            breaker.succeeded();
        }
        outcome
    }
}

/// An outage (the backend did not answer properly), as opposed to an answer the backend gave.
fn is_outage(error: &BackendError) -> bool {
    matches!(error, BackendError::Unavailable(_) | BackendError::TimedOut)
}

#[cfg(test)]
pub(crate) mod tests;
