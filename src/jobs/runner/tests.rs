//! Unit tests of the runner: retries, rate caps, the breaker, settled costs and broken results.

use std::sync::Mutex;

use async_trait::async_trait;

use super::*;
use crate::backends::{BackendCall, EditInput, ImageBackend, ServedModel};
use crate::domain::catalogue::{Catalogue, TokenUsage};
use crate::domain::clock::ManualClock;
use crate::media::download::FetchError;

/// A backend that answers from a script and counts its calls.
#[derive(Default)]
pub(crate) struct ScriptedBackend {
    pub(crate) answers: Mutex<Vec<Result<Generated, BackendError>>>,
    pub(crate) calls: Mutex<usize>,
}

#[async_trait]
impl ImageBackend for ScriptedBackend {
    async fn generate(&self, _: &BackendCall) -> Result<Generated, BackendError> {
        *self.calls.lock().unwrap() += 1;
        let mut answers = self.answers.lock().unwrap();
        if answers.is_empty() {
            return Ok(Generated { images: vec![png()], ..Generated::default() });
        }
        answers.remove(0)
    }
    async fn vary(&self, call: &BackendCall, _: EditInput, _: VariationMethod) -> Result<Generated, BackendError> {
        self.generate(call).await
    }
    async fn served_models(&self) -> Result<Vec<ServedModel>, BackendError> {
        Ok(Vec::new())
    }
}

pub(crate) struct NoFetch;

#[async_trait]
impl Fetch for NoFetch {
    async fn fetch(&self, url: &str, _: u64) -> Result<Vec<u8>, FetchError> {
        Err(FetchError::UntrustedHost(url.to_owned()))
    }
}

pub(crate) fn png() -> Vec<u8> {
    crate::media::imaging::noise_png(8, 8)
}

/// A runner over `backend` with short waits and a breaker tripping after `threshold` outages.
pub(crate) fn runner(backend: Arc<ScriptedBackend>, threshold: u32) -> Runner {
    let clock = Arc::new(ManualClock::new("2026-11-25T12:00:00Z".parse().unwrap()));
    let breaker = BreakerPolicy { threshold, cool_off: chrono::Duration::seconds(30) };
    Runner::new(Backends::openai_only(backend), Arc::new(NoFetch), 1 << 20, clock, breaker).with_retry(RetryPolicy {
        retries: 2,
        min_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    })
}

fn job() -> (JobRequest, JobSpec) {
    let request = crate::domain::request::tests::request(Command::Generate, "a fox");
    let spec = request.resolve(&Catalogue::builtin(), "gpt-image-2", 1 << 20).unwrap();
    (request, spec)
}

fn scripted(answers: Vec<Result<Generated, BackendError>>) -> Arc<ScriptedBackend> {
    Arc::new(ScriptedBackend { answers: Mutex::new(answers), calls: Mutex::new(0) })
}

#[tokio::test]
async fn transient_faults_are_retried_and_refusals_are_not() {
    let busy = || Err(BackendError::RateLimited { retry_after: Some(Duration::from_secs(3600)) });
    let backend = scripted(vec![busy(), busy()]);
    let (request, spec) = job();
    let finished = runner(Arc::clone(&backend), 5).run(&request, &spec).await.unwrap();
    assert_eq!(*backend.calls.lock().unwrap(), 3, "an hour's retry-after is capped at 5 ms");
    assert_eq!(finished.cost, Cost { usd: 0.048, from_usage: false });

    let backend = scripted(vec![Err(BackendError::Refused { message: "no".into() })]);
    let refused = runner(Arc::clone(&backend), 5).run(&request, &spec).await.unwrap_err();
    assert!(matches!(refused.error, JobError::ProviderRefused { .. }));
    assert_eq!(*backend.calls.lock().unwrap(), 1);
}

#[tokio::test]
async fn an_images_per_minute_cap_spreads_the_calls() {
    let backend = scripted(Vec::new());
    let runner = runner(Arc::clone(&backend), 5).with_rate(BackendKind::Openai, NonZeroU32::new(600));
    let (request, spec) = job();
    let started = std::time::Instant::now();
    for _ in 0..12 {
        runner.run(&request, &spec).await.unwrap();
    }
    let took = started.elapsed();
    assert_eq!(*backend.calls.lock().unwrap(), 12);
    assert!(took >= Duration::from_millis(180), "ten at once, then one every 100 ms: {took:?}");
}

#[tokio::test]
async fn outages_trip_the_breaker_and_stop_the_retries() {
    let down = || Err(BackendError::Unavailable("connection refused".into()));
    let backend = scripted(vec![down(), down(), down()]);
    let (request, spec) = job();
    let runner = runner(Arc::clone(&backend), 2);
    assert!(matches!(runner.run(&request, &spec).await.map_err(|f| f.error), Err(JobError::Busy(_))));
    assert_eq!(*backend.calls.lock().unwrap(), 2, "the second outage tripped it; no third call");
    assert!(runner.breaker(BackendKind::Openai).is_down());
}

#[tokio::test]
async fn implausible_token_usage_is_charged_at_the_estimate_and_broken_images_are_refused() {
    let absurd = TokenUsage { text_input: u64::MAX, image_input: 0, image_output: u64::MAX };
    let answer = Ok(Generated { images: vec![png()], usage: Some(absurd), ..Generated::default() });
    let (request, spec) = job();
    let finished = runner(scripted(vec![answer]), 5).run(&request, &spec).await.unwrap();
    assert_eq!(finished.cost, Cost { usd: 0.048, from_usage: false });

    let half = png()[..png().len() / 2].to_vec();
    let broken = Ok(Generated { images: vec![half], ..Generated::default() });
    let refused = runner(scripted(vec![broken]), 5).run(&request, &spec).await.unwrap_err();
    assert!(refused.spent.is_some(), "the provider billed the call: the owner's month counts it");
    assert!(matches!(refused.error, JobError::ResultUnusable(_)));
}
