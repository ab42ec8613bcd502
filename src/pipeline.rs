//! The generation pipeline: from a member's request to delivered images, with no transport in sight.
//!
//! `admit` is fast (the adapter calls it before deferring, so a refusal is answered at once): it checks
//! the request against the catalogue and reserves its cost within the member's limits. `execute` does
//! the slow work: fetch and convert an upload, call the model with retries, make every image fit
//! Discord's limit, hand them to a [`Delivery`], then commit the reservation at the real cost, or
//! release it on any failure. Everything it talks to is a port (`ImageBackend`, `Fetch`, `Delivery`,
//! `Store`, `Clock`), so tests drive it without Discord or a network.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use backon::{ExponentialBuilder, Retryable};
use chrono::{DateTime, Utc};
use tracing::{error, info, warn};

use crate::backends::{BackendCall, BackendError, Generated, ImageBackend};
use crate::catalogue::{BackendKind, Catalogue, TokenUsage, VariationSpec};
use crate::clock::Clock;
use crate::download::{Fetch, FetchError};
use crate::error::JobError;
use crate::error::SourceError;
use crate::imaging::{self, EncodedImage, ImageWork};
use crate::job::{Command, JobRequest, JobSpec, Requester};
use crate::limits::{self, Limits};
use crate::moderation::{self, AuditEntry, Moderation};
use crate::store::{Charge, InstanceId, ReserveError, Store};

/// Discord refuses a message whose files add up to more than this, whatever the per-file limit.
const MAX_MESSAGE_BYTES: u64 = 25 * 1024 * 1024;

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
    /// The images, each under the upload limit.
    pub images: Vec<EncodedImage>,
    /// The prompt the model actually used, when it rewrote it.
    pub revised_prompt: Option<String>,
    /// What it cost.
    pub cost: Cost,
}

/// Where a delivered job can be found afterwards (for the moderation log).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Receipt {
    /// The message holding the images.
    pub message_id: Option<u64>,
    /// The attachments' URLs as the platform serves them.
    pub attachment_urls: Vec<String>,
}

/// Why a delivery failed, with its cause (Discord's answer, a network error) kept for the log.
pub type DeliveryError = Box<dyn std::error::Error + Send + Sync>;

/// Shows finished images to the member.
#[async_trait]
pub trait Delivery: Send + Sync {
    /// Delivers every image of `job` for `request`. MUST return an error unless all images reached the
    /// member, because a member is never charged for an image they did not get.
    async fn deliver(&self, request: &JobRequest, spec: &JobSpec, job: &FinishedJob) -> Result<Receipt, DeliveryError>;
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

/// The ports and settings a pipeline runs with.
pub struct Pipeline {
    catalogue: Arc<Catalogue>,
    default_model: String,
    backends: Backends,
    uploads: Arc<dyn Fetch>,
    max_source_bytes: u64,
    retry: RetryPolicy,
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    limits: Limits,
    instance: InstanceId,
    moderation: Option<Arc<Moderation>>,
    image_work: ImageWork,
}

/// Images worked on at once unless [`Pipeline::with_image_work`] says otherwise.
const DEFAULT_IMAGE_WORKERS: usize = 2;

/// The image backends, one per kind of provider; a kind not configured is `None` (its models are
/// never offered, see `lifecycle`).
#[derive(Clone)]
pub struct Backends {
    /// OpenAI or a compatible server.
    pub openai: Arc<dyn ImageBackend>,
    /// AUTOMATIC1111 Stable Diffusion, when `SD_BASE_URL` is set.
    pub automatic1111: Option<Arc<dyn ImageBackend>>,
}

impl Backends {
    /// The backend serving `kind`, if configured.
    pub fn get(&self, kind: BackendKind) -> Option<&Arc<dyn ImageBackend>> {
        match kind {
            BackendKind::Openai => Some(&self.openai),
            BackendKind::Automatic1111 => self.automatic1111.as_ref(),
        }
    }
}

/// The accounting ports of a pipeline: where reservations go, what time it is, the owner's limits.
pub struct Accounting {
    /// The ledger and settings.
    pub store: Arc<dyn Store>,
    /// The time source.
    pub clock: Arc<dyn Clock>,
    /// The owner's default limits (guilds may override them at run time).
    pub limits: Limits,
    /// This process, the owner of the reservations it makes.
    pub instance: InstanceId,
}

/// A job that passed the catalogue and the limits, with its cost reserved.
pub struct Admitted {
    /// The checked job.
    pub spec: JobSpec,
    reservation: Reservation,
}

/// A reservation in the ledger that MUST end committed or released. Settled explicitly by `execute`;
/// if a job is dropped before that (cancelled, panicked), `Drop` releases it in the background, and a
/// crash leaves it for `release_dangling` at the next start-up.
struct Reservation {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    job_id: String,
    settled: bool,
}

impl Reservation {
    async fn commit(mut self, usd: f64, images: u32) {
        self.settled = true;
        if let Err(e) = self.store.commit(&self.job_id, usd, images, self.clock.now()).await {
            error!(job = %self.job_id, error = %e, "could not commit a delivered job to the ledger");
        }
    }

    async fn release(mut self) {
        self.settled = true;
        if let Err(e) = self.store.release(&self.job_id, self.clock.now()).await {
            error!(job = %self.job_id, error = %e, "could not release a failed job's reservation");
        }
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        if self.settled {
            return;
        }
        let (store, now, job_id) = (Arc::clone(&self.store), self.clock.now(), std::mem::take(&mut self.job_id));
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Err(e) = store.release(&job_id, now).await {
                    error!(job = %job_id, error = %e, "could not release an abandoned job's reservation");
                }
            });
        }
    }
}

/// What a job delivered.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The job as delivered.
    pub job: FinishedJob,
    /// Where it was delivered.
    pub receipt: Receipt,
}

impl Pipeline {
    /// A pipeline offering `catalogue`, calling `backends` for its models and fetching uploads with `uploads`.
    pub fn new(
        catalogue: Arc<Catalogue>,
        default_model: String,
        backends: Backends,
        uploads: Arc<dyn Fetch>,
        max_source_bytes: u64,
        accounting: Accounting,
    ) -> Self {
        let Accounting { store, clock, limits, instance } = accounting;
        Self {
            catalogue,
            default_model,
            backends,
            uploads,
            max_source_bytes,
            retry: RetryPolicy::default(),
            store,
            clock,
            limits,
            instance,
            moderation: None,
            image_work: ImageWork::new(DEFAULT_IMAGE_WORKERS),
        }
    }

    /// Replaces the cap on images decoded or encoded at once.
    pub fn with_image_work(mut self, image_work: ImageWork) -> Self {
        self.image_work = image_work;
        self
    }

    /// Adds moderation: server rules before the model call, the audit log and its channel after.
    pub fn with_moderation(mut self, moderation: Arc<Moderation>) -> Self {
        self.moderation = Some(moderation);
        self
    }

    /// Replaces the retry policy (tests shorten it).
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The catalogue this pipeline offers.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// Checks a request against the catalogue, the member's block and limits, and reserves its cost.
    /// Only local work (no model or Discord call), so it fits before Discord's 3-second deadline.
    pub async fn admit(&self, request: &JobRequest) -> Result<Admitted, JobError> {
        let spec = request.resolve(&self.catalogue, &self.default_model, self.max_source_bytes)?;
        let now = self.clock.now();
        let who = &request.requester;
        if let Some(guild) = who.guild_id {
            if let Some(block) = self.store.block_of(guild, who.user_id, now).await.map_err(unexpected)? {
                return Err(JobError::Blocked { until: block.until });
            }
        }
        self.screen(request, &spec).await?;
        let limits = self.limits_for(who).await?;
        let exempt = who.is_manager && limits.exempt_managers;
        let charge = Charge {
            job_id: request.id.0.clone(),
            guild_id: who.guild_id,
            channel_id: who.channel_id,
            user_id: who.user_id,
            command: request.command.name().to_owned(),
            model: spec.model.id.clone(),
            images: u32::from(spec.n),
            usd: spec.estimate_usd,
            owner: self.instance.clone(),
        };
        self.store.reserve(&charge, &limits, exempt, now).await.map_err(|e| match e {
            ReserveError::Limit(refusal) => JobError::LimitReached(refusal),
            other => unexpected(other),
        })?;
        let reservation = Reservation {
            store: Arc::clone(&self.store),
            clock: Arc::clone(&self.clock),
            job_id: charge.job_id,
            settled: false,
        };
        Ok(Admitted { spec, reservation })
    }

    /// What the member has used and has left, one line a limit (for `/usage`).
    pub async fn usage_report(&self, requester: &Requester) -> Result<Vec<String>, JobError> {
        let now = self.clock.now();
        let limits = self.limits_for(requester).await?;
        let usage = self.store.usage(requester.guild_id, requester.user_id, now).await.map_err(unexpected)?;
        Ok(limits::usage_lines(&limits, &usage, now, requester.is_manager && limits.exempt_managers))
    }

    /// The limits in force for a member: the owner's defaults with their guild's settings applied.
    async fn limits_for(&self, who: &Requester) -> Result<Limits, JobError> {
        let overrides = match who.guild_id {
            Some(guild) => self.store.overrides(guild).await.map_err(unexpected)?,
            None => Vec::new(),
        };
        Ok(limits::resolve(&self.limits, &overrides, &who.roles, who.user_id))
    }

    /// Runs an admitted job to delivery, then charges it at its real cost. On any error nothing was
    /// delivered and the reservation is released: the member pays nothing.
    pub async fn execute(
        &self,
        request: &JobRequest,
        admitted: Admitted,
        delivery: &dyn Delivery,
    ) -> Result<Outcome, JobError> {
        let Admitted { spec, reservation } = admitted;
        let result = match self.precheck(&spec).await {
            Ok(()) => self.run(request, &spec, delivery).await,
            Err(refused) => Err(refused),
        };
        match result {
            Ok(outcome) => {
                reservation.commit(outcome.job.cost.usd, outcome.job.images.len() as u32).await;
                self.record(request, &spec, Ok(&outcome)).await;
                Ok(outcome)
            }
            Err(e) => {
                reservation.release().await;
                let paused = self.record(request, &spec, Err(&e)).await;
                Err(e.with_pause(paused))
            }
        }
    }

    /// The server's blocklist, before any reservation or model call.
    async fn screen(&self, request: &JobRequest, spec: &JobSpec) -> Result<(), JobError> {
        let (Some(moderation), Some(prompt)) = (&self.moderation, spec.member_prompt.as_deref()) else {
            return Ok(());
        };
        let Err(refusal) = moderation.screen(request.requester.guild_id, prompt).await else { return Ok(()) };
        let error =
            JobError::RefusedByRules { reason: refusal.reason, categories: refusal.categories, paused_until: None };
        let paused = self.record(request, spec, Err(&error)).await;
        Err(error.with_pause(paused))
    }

    /// The optional moderation pre-check: a network call, so after the deferral.
    async fn precheck(&self, spec: &JobSpec) -> Result<(), JobError> {
        let (Some(moderation), Some(prompt)) = (&self.moderation, spec.member_prompt.as_deref()) else {
            return Ok(());
        };
        moderation.precheck(prompt).await.map_err(|refusal| JobError::RefusedByRules {
            reason: refusal.reason,
            categories: refusal.categories,
            paused_until: None,
        })
    }

    /// Writes the job's end to the audit log; returns when a pause it triggered ends.
    async fn record(
        &self,
        request: &JobRequest,
        spec: &JobSpec,
        result: Result<&Outcome, &JobError>,
    ) -> Option<DateTime<Utc>> {
        let moderation = self.moderation.as_ref()?;
        let (outcome, reason) = match result {
            Ok(_) => (moderation::Outcome::Delivered, None),
            Err(JobError::ProviderRefused { message, .. }) => {
                (moderation::Outcome::RefusedByProvider, Some(message.clone()))
            }
            Err(JobError::RefusedByRules { reason, .. }) => (moderation::Outcome::RefusedByRules, Some(reason.clone())),
            Err(other) => (moderation::Outcome::Failed, Some(other.to_string())),
        };
        let delivered = result.ok();
        let who = &request.requester;
        moderation
            .record(AuditEntry {
                job_id: request.id.0.clone(),
                guild_id: who.guild_id,
                channel_id: who.channel_id,
                user_id: who.user_id,
                command: request.command.name().to_owned(),
                model: spec.model.id.clone(),
                size: spec.size.clone(),
                quality: spec.quality.clone(),
                prompt: request.prompt.clone().unwrap_or_default(),
                revised_prompt: delivered.and_then(|o| o.job.revised_prompt.clone()),
                outcome,
                reason,
                cost_usd: delivered.map_or(0.0, |o| o.job.cost.usd),
                message_id: delivered.and_then(|o| o.receipt.message_id),
                image_url: delivered.and_then(|o| o.receipt.attachment_urls.first().cloned()),
                created_at: self.clock.now(),
            })
            .await
    }

    async fn run(&self, request: &JobRequest, spec: &JobSpec, delivery: &dyn Delivery) -> Result<Outcome, JobError> {
        let Generated { images, revised_prompt, usage } = self.generate(request, spec).await?;
        let images = self.fit_all(images, request.upload_limit).await?;
        let cost = settled_cost(&request.id.0, spec, usage, images.len());
        let job = FinishedJob { images, revised_prompt, cost };
        let receipt = delivery.deliver(request, spec, &job).await.map_err(JobError::DeliveryFailed)?;
        info!(job = %request.id, images = job.images.len(), usd = job.cost.usd, "job delivered");
        Ok(Outcome { job, receipt })
    }

    async fn generate(&self, request: &JobRequest, spec: &JobSpec) -> Result<Generated, JobError> {
        let backend = self.backends.get(spec.model.backend).ok_or_else(|| {
            JobError::Misconfigured(BackendError::BadRequest {
                param: "model".into(),
                message: format!("no backend is configured for `{}`", spec.model.id),
            })
        })?;
        let call = backend_call(spec);
        let provider_error = |e| JobError::from_backend(e, &spec.model.id, spec.model.replacement.as_deref());
        if request.command != Command::Variation {
            return self.retrying(&request.id.0, || backend.generate(&call)).await.map_err(provider_error);
        }
        let variation = spec
            .model
            .variation
            .clone()
            .ok_or_else(|| JobError::Unexpected("a variation by a model that cannot vary".into()))?;
        let png = self.source_png(request, &variation).await?;
        self.retrying(&request.id.0, || backend.vary(&call, png.clone(), variation.method))
            .await
            .map_err(provider_error)
    }

    /// Downloads the member's upload from a trusted host and converts it for the model. The download
    /// stops at the size Discord declared for the file (and Easel's own cap), so a body longer than
    /// declared is refused.
    async fn source_png(&self, request: &JobRequest, variation: &VariationSpec) -> Result<Vec<u8>, JobError> {
        let source =
            request.source.as_ref().ok_or_else(|| JobError::Unexpected("a variation without its upload".into()))?;
        let cap = source.size.min(self.max_source_bytes);
        let bytes = self.uploads.fetch(&source.url, cap).await.map_err(|e| match e {
            FetchError::TooLarge { .. } if cap < self.max_source_bytes => {
                SourceError::LongerThanDeclared { declared: source.size }
            }
            other => SourceError::Fetch(other),
        })?;
        let variation = variation.clone();
        let png = self.image_work.run(move || imaging::prepare_variation_input(&bytes, &variation)).await;
        Ok(png.map_err(SourceError::from)?)
    }

    /// Checks every result is a whole image (every pixel decoded) and re-encodes any that would not fit
    /// in one Discord message. A broken result is never delivered or charged.
    async fn fit_all(&self, images: Vec<Vec<u8>>, upload_limit: u64) -> Result<Vec<EncodedImage>, JobError> {
        let count = images.len().max(1) as u64;
        let limit = upload_limit.min(MAX_MESSAGE_BYTES / count);
        let mut fitted = Vec::with_capacity(images.len());
        for bytes in images {
            let image = self.image_work.run(move || imaging::fit_for_upload(imaging::verify(bytes)?, limit)).await;
            fitted.push(image.map_err(|e| JobError::ResultUnusable(Box::new(e)))?);
        }
        Ok(fitted)
    }

    async fn retrying<F, Fut>(&self, job: &str, call: F) -> Result<Generated, BackendError>
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
        call.retry(backoff)
            .sleep(tokio::time::sleep)
            .when(BackendError::is_transient)
            .adjust(|e, next| next.map(|d| e.retry_after().map_or(d, |wait| wait.min(max))))
            .notify(|e, wait| warn!(job, error = %e, ?wait, "model call failed, retrying"))
            .await
    }
}

/// How far above the catalogue's estimate a provider's reported usage may price a job before Easel
/// stops believing it (a buggy or hostile server must not drain a member's budget with one answer).
const MAX_USAGE_OVER_ESTIMATE: f64 = 10.0;

/// What a delivered job costs: its real cost from the provider's token usage when that is plausible
/// (finite, not negative, at most ten times the estimate plus ten cents), else the catalogue's estimate.
fn settled_cost(job: &str, spec: &JobSpec, usage: Option<TokenUsage>, images: usize) -> Cost {
    let estimate = spec.model.estimate_usd(&spec.size, &spec.quality, u8::try_from(images).unwrap_or(u8::MAX));
    match usage.and_then(|u| spec.model.usage_usd(&u)) {
        Some(usd) if usd.is_finite() && usd >= 0.0 && usd <= estimate * MAX_USAGE_OVER_ESTIMATE + 0.10 => {
            Cost { usd, from_usage: true }
        }
        Some(usd) => {
            warn!(
                job,
                reported_usd = usd,
                estimate,
                "implausible token usage from the provider; charging the estimate"
            );
            Cost { usd: estimate, from_usage: false }
        }
        None => Cost { usd: estimate, from_usage: false },
    }
}

/// An internal fault, with its whole cause chain for the owner's log.
fn unexpected<E: std::error::Error + 'static>(e: E) -> JobError {
    JobError::Unexpected(crate::error::chain(&e))
}

fn backend_call(spec: &JobSpec) -> BackendCall {
    BackendCall {
        provider_model: spec.model.provider_model.clone(),
        prompt: spec.prompt.clone(),
        size: spec.size.clone(),
        quality: spec.quality.clone(),
        style: spec.style.clone(),
        n: spec.n,
        response: spec.model.response,
        send_response_format: spec.model.send_response_format,
        edit_image_field: spec.model.edit_image_field.clone(),
        moderation: spec.model.moderation.clone(),
        steps: spec.model.steps.get(&spec.quality).copied(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use chrono::{DateTime, Utc};

    use super::*;
    use crate::backends::ServedModel;
    use crate::catalogue::VariationMethod;
    use crate::clock::ManualClock;
    use crate::job::JobId;
    use crate::limits::{LimitName, Limits};
    use crate::store::sqlite::SqliteStore;

    /// A backend that answers from a script and counts its calls.
    struct ScriptedBackend {
        answers: Mutex<Vec<Result<Generated, BackendError>>>,
        calls: Mutex<usize>,
    }

    #[async_trait]
    impl ImageBackend for ScriptedBackend {
        async fn generate(&self, _: &BackendCall) -> Result<Generated, BackendError> {
            *self.calls.lock().unwrap() += 1;
            let mut answers = self.answers.lock().unwrap();
            if answers.is_empty() {
                return Err(BackendError::Malformed("script exhausted".into()));
            }
            answers.remove(0)
        }
        async fn vary(&self, call: &BackendCall, _: Vec<u8>, _: VariationMethod) -> Result<Generated, BackendError> {
            self.generate(call).await
        }
        async fn served_models(&self) -> Result<Vec<ServedModel>, BackendError> {
            Ok(Vec::new())
        }
    }

    struct NoFetch;

    #[async_trait]
    impl Fetch for NoFetch {
        async fn fetch(&self, url: &str, _: u64) -> Result<Vec<u8>, FetchError> {
            Err(FetchError::UntrustedHost(url.to_owned()))
        }
    }

    /// A delivery that keeps what it was given, or fails when told to.
    #[derive(Default)]
    struct Kept {
        delivered: Mutex<Vec<FinishedJob>>,
        fail: bool,
    }

    #[async_trait]
    impl Delivery for Kept {
        async fn deliver(&self, _: &JobRequest, _: &JobSpec, job: &FinishedJob) -> Result<Receipt, DeliveryError> {
            if self.fail {
                return Err("upload refused".into());
            }
            self.delivered.lock().unwrap().push(job.clone());
            Ok(Receipt::default())
        }
    }

    fn png() -> Vec<u8> {
        crate::imaging::tests::noise_png(8, 8)
    }

    fn generated() -> Result<Generated, BackendError> {
        Ok(Generated { images: vec![png()], revised_prompt: None, usage: None })
    }

    fn start() -> DateTime<Utc> {
        "2026-11-25T12:00:00Z".parse().unwrap()
    }

    fn build(
        name: &str,
        answers: Vec<Result<Generated, BackendError>>,
        limits: Limits,
    ) -> (Pipeline, Arc<ScriptedBackend>, Arc<ManualClock>) {
        let path = std::env::temp_dir().join(format!("easel-pipeline-{name}-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let backend = Arc::new(ScriptedBackend { answers: Mutex::new(answers), calls: Mutex::new(0) });
        let clock = Arc::new(ManualClock::new(start()));
        let accounting = Accounting {
            store: Arc::new(SqliteStore::open(&path).unwrap()),
            clock: Arc::clone(&clock) as Arc<dyn Clock>,
            limits,
            instance: InstanceId("test".into()),
        };
        let pipeline = Pipeline::new(
            Arc::new(Catalogue::builtin()),
            "gpt-image-2".into(),
            Backends { openai: Arc::clone(&backend) as Arc<dyn ImageBackend>, automatic1111: None },
            Arc::new(NoFetch),
            1 << 20,
            accounting,
        )
        .with_retry(RetryPolicy {
            retries: 2,
            min_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        });
        (pipeline, backend, clock)
    }

    fn request(id: &str) -> JobRequest {
        let mut request = crate::job::tests::request(Command::Generate, "a fox");
        request.id = JobId(id.into());
        request
    }

    fn cooldown(secs: f64) -> Limits {
        let mut limits = Limits::new([None; 6], true);
        limits.set(LimitName::Cooldown, Some(secs));
        limits
    }

    #[tokio::test]
    async fn a_delivered_job_is_charged_its_catalogue_price() {
        let (pipeline, _, _) = build("charged", vec![generated()], cooldown(0.0));
        let delivery = Kept::default();
        let admitted = pipeline.admit(&request("1")).await.unwrap();
        let outcome = pipeline.execute(&request("1"), admitted, &delivery).await.unwrap();
        assert_eq!(outcome.job.cost, Cost { usd: 0.042, from_usage: false });
        assert_eq!(delivery.delivered.lock().unwrap()[0].images[0].bytes, png());
        let usage = pipeline.store.usage(Some(1), 7, start()).await.unwrap();
        assert_eq!((usage.user_images, usage.user_usd), (1, 0.042));
    }

    #[tokio::test]
    async fn the_cooldown_lifts_when_the_clock_moves_on() {
        let (pipeline, _, clock) = build("cooldown", vec![generated(), generated()], cooldown(30.0));
        let admitted = pipeline.admit(&request("1")).await.unwrap();
        pipeline.execute(&request("1"), admitted, &Kept::default()).await.unwrap();
        clock.advance(chrono::Duration::seconds(29));
        let refused = pipeline.admit(&request("2")).await.err().unwrap();
        assert!(matches!(refused, JobError::LimitReached(ref r) if r.name == LimitName::Cooldown));
        clock.advance(chrono::Duration::seconds(1));
        assert!(pipeline.admit(&request("3")).await.is_ok());
    }

    #[tokio::test]
    async fn transient_faults_are_retried_and_refusals_are_not() {
        let busy = || Err(BackendError::RateLimited { retry_after: Some(Duration::from_millis(1)) });
        let (pipeline, backend, _) = build("retries", vec![busy(), busy(), generated()], cooldown(0.0));
        let admitted = pipeline.admit(&request("1")).await.unwrap();
        assert!(pipeline.execute(&request("1"), admitted, &Kept::default()).await.is_ok());
        assert_eq!(*backend.calls.lock().unwrap(), 3);

        let refused = || Err(BackendError::Refused { message: "no".into() });
        let (pipeline, backend, _) = build("refusal", vec![refused(), generated()], cooldown(0.0));
        let admitted = pipeline.admit(&request("1")).await.unwrap();
        let error = pipeline.execute(&request("1"), admitted, &Kept::default()).await.unwrap_err();
        assert!(matches!(error, JobError::ProviderRefused { .. }));
        assert_eq!(*backend.calls.lock().unwrap(), 1);
    }

    #[tokio::test]
    async fn a_failed_delivery_releases_the_reservation() {
        let (pipeline, _, _) = build("release", vec![generated()], cooldown(0.0));
        let admitted = pipeline.admit(&request("1")).await.unwrap();
        let failing = Kept { fail: true, ..Kept::default() };
        assert!(matches!(pipeline.execute(&request("1"), admitted, &failing).await, Err(JobError::DeliveryFailed(_))));
        let usage = pipeline.store.usage(Some(1), 7, start()).await.unwrap();
        assert_eq!((usage.user_images, usage.user_usd, usage.in_flight), (0, 0.0, 0));
    }

    #[tokio::test]
    async fn a_job_dropped_after_admission_releases_its_reservation() {
        let (pipeline, _, _) = build("dropped", vec![], cooldown(0.0));
        let admitted = pipeline.admit(&request("1")).await.unwrap();
        drop(admitted);
        for _ in 0..1000 {
            if pipeline.store.usage(Some(1), 7, start()).await.unwrap().in_flight == 0 {
                return;
            }
            tokio::task::yield_now().await;
        }
        panic!("the reservation of a dropped job was not released");
    }

    struct NoLog;

    #[async_trait]
    impl crate::moderation::ModerationLog for NoLog {
        async fn post(&self, _: u64, _: &AuditEntry) -> Result<(), String> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn repeated_refusals_pause_a_member_until_the_pause_runs_out() {
        let refused = || Err(BackendError::Refused { message: "violent content".into() });
        let (pipeline, _, clock) = build("offender", vec![refused(), refused()], cooldown(0.0));
        let policy = crate::moderation::OffencePolicy {
            refusals: 2,
            window: chrono::Duration::minutes(60),
            pause: chrono::Duration::minutes(30),
        };
        let moderation =
            Moderation::new(Arc::clone(&pipeline.store), clock.clone(), Arc::new(NoLog), None, None, policy);
        let pipeline = pipeline.with_moderation(Arc::new(moderation));

        let admitted = pipeline.admit(&request("1")).await.unwrap();
        let first = pipeline.execute(&request("1"), admitted, &Kept::default()).await.unwrap_err();
        assert!(matches!(first, JobError::ProviderRefused { paused_until: None, .. }));
        clock.advance(chrono::Duration::minutes(5));
        let admitted = pipeline.admit(&request("2")).await.unwrap();
        let second = pipeline.execute(&request("2"), admitted, &Kept::default()).await.unwrap_err();
        let until = start() + chrono::Duration::minutes(35);
        assert!(matches!(second, JobError::ProviderRefused { paused_until: Some(t), .. } if t == until));

        clock.advance(chrono::Duration::minutes(29));
        assert!(
            matches!(pipeline.admit(&request("3")).await.err(), Some(JobError::Blocked { until: Some(t) }) if t == until)
        );
        clock.advance(chrono::Duration::minutes(1));
        assert!(pipeline.admit(&request("4")).await.is_ok(), "the pause ran out");
    }

    /// A delivery with a bug: it panics.
    struct Panicking;

    #[async_trait]
    impl Delivery for Panicking {
        async fn deliver(&self, _: &JobRequest, _: &JobSpec, _: &FinishedJob) -> Result<Receipt, DeliveryError> {
            panic!("a bug in delivery")
        }
    }

    #[tokio::test]
    async fn a_job_that_panics_releases_its_reservation() {
        let (pipeline, _, _) = build("panicked", vec![generated()], cooldown(0.0));
        let pipeline = Arc::new(pipeline);
        let admitted = pipeline.admit(&request("1")).await.unwrap();
        let running = Arc::clone(&pipeline);

        let outcome = tokio::spawn(async move { running.execute(&request("1"), admitted, &Panicking).await }).await;

        assert!(outcome.unwrap_err().is_panic());
        for _ in 0..1000 {
            if pipeline.store.usage(Some(1), 7, start()).await.unwrap().in_flight == 0 {
                assert_eq!(pipeline.store.usage(Some(1), 7, start()).await.unwrap().user_images, 0);
                return;
            }
            tokio::task::yield_now().await;
        }
        panic!("the reservation of a panicked job was not released");
    }

    #[tokio::test]
    async fn implausible_token_usage_is_charged_at_the_estimate() {
        let absurd = TokenUsage { text_input: u64::MAX, image_input: 0, image_output: u64::MAX };
        let answer = Ok(Generated { images: vec![png()], revised_prompt: None, usage: Some(absurd) });
        let (pipeline, _, _) = build("usage", vec![answer], cooldown(0.0));
        let admitted = pipeline.admit(&request("1")).await.unwrap();

        let outcome = pipeline.execute(&request("1"), admitted, &Kept::default()).await.unwrap();

        assert_eq!(outcome.job.cost, Cost { usd: 0.042, from_usage: false });
    }
}
