//! What Easel counts, for `/metrics` (Prometheus text format): jobs by command, model and outcome;
//! time in queue, generation and delivery latency; images and USD spent; refusals by reason; upstream
//! errors by provider and kind. Queue lengths are read at scrape time.
//!
//! One registry per running bot (no global state), so several bots in one process (the tests) never
//! mix their counts.

use prometheus::{
    Counter, Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder,
};

use crate::backends::BackendError;
use crate::jobs::error::JobError;

/// Latency buckets in seconds, from a fast upload to a slow home GPU.
const SECONDS: [f64; 12] = [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 180.0, 600.0];

/// Easel's metrics.
pub struct Metrics {
    registry: Registry,
    jobs: IntCounterVec,
    queue_length: IntGaugeVec,
    shard_connected: IntGaugeVec,
    queue_wait: HistogramVec,
    generation: HistogramVec,
    delivery: HistogramVec,
    images: IntCounter,
    usd: Counter,
    refusals: IntCounterVec,
    upstream_errors: IntCounterVec,
}

fn registered<T: prometheus::core::Collector + Clone + 'static>(registry: &Registry, metric: T) -> T {
    registry.register(Box::new(metric.clone())).expect("metric names are unique");
    metric
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A fresh registry with every metric at zero.
    pub fn new() -> Self {
        let registry = Registry::new();
        let counter = |name: &str, help: &str, labels: &[&str]| {
            registered(&registry, IntCounterVec::new(Opts::new(name, help), labels).expect("a valid metric"))
        };
        let histogram = |name: &str, help: &str, labels: &[&str]| {
            let opts = HistogramOpts::new(name, help).buckets(SECONDS.to_vec());
            registered(&registry, HistogramVec::new(opts, labels).expect("a valid metric"))
        };
        let jobs = counter(
            "easel_jobs_total",
            "Jobs that ended, by command, model and outcome.",
            &["command", "model", "outcome"],
        );
        let refusals =
            counter("easel_refusals_total", "Requests refused before any model call, by reason.", &["reason"]);
        let upstream_errors =
            counter("easel_upstream_errors_total", "Failed model calls, by provider and kind.", &["provider", "kind"]);
        let queue_wait =
            histogram("easel_queue_wait_seconds", "Time a job waited before its model call.", &["backend"]);
        let generation = histogram("easel_generation_seconds", "Model call time, retries included.", &["model"]);
        let delivery = histogram("easel_delivery_seconds", "Time to hand the images to Discord.", &["route"]);
        let queue_length = registered(
            &registry,
            IntGaugeVec::new(Opts::new("easel_queue_length", "Jobs waiting, by backend."), &["backend"])
                .expect("a valid metric"),
        );
        let shard_connected = registered(
            &registry,
            IntGaugeVec::new(
                Opts::new("easel_shard_connected", "This process's gateway shards: 1 connected, 0 not."),
                &["shard"],
            )
            .expect("a valid metric"),
        );
        let images =
            registered(&registry, IntCounter::new("easel_images_total", "Images delivered.").expect("a valid metric"));
        let usd = registered(
            &registry,
            Counter::new("easel_spent_usd_total", "USD charged for delivered images.").expect("a valid metric"),
        );
        Self {
            registry,
            jobs,
            queue_length,
            shard_connected,
            queue_wait,
            generation,
            delivery,
            images,
            usd,
            refusals,
            upstream_errors,
        }
    }

    /// Creates, at zero, every series Easel can report for the offered `models` (id, backend key): a
    /// dashboard or an alert such as `rate(easel_jobs_total{outcome="failed"}[5m]) > 0` sees a flat line
    /// from start-up instead of no data until the first failure.
    pub fn known(&self, models: &[(String, &str)]) {
        for (model, backend) in models {
            for command in crate::domain::request::Command::ALL {
                for outcome in OUTCOMES {
                    self.jobs.with_label_values(&[command.name(), model, outcome]);
                }
            }
            self.generation.with_label_values(&[model]);
            self.queue_wait.with_label_values(&[backend]);
            self.queue_length.with_label_values(&[backend]);
            for kind in BackendError::KINDS {
                self.upstream_errors.with_label_values(&[backend, kind]);
            }
        }
        self.delivery.with_label_values(&["discord"]);
        for reason in REFUSAL_REASONS {
            self.refusals.with_label_values(&[reason]);
        }
    }

    /// A job ended with `outcome` (`delivered`, `refused_provider`, `refused_rules`, `failed`, `cancelled`).
    pub fn job_ended(&self, command: &str, model: &str, outcome: &str) {
        self.jobs.with_label_values(&[command, model, outcome]).inc();
    }

    /// A delivered job's images and cost.
    pub fn delivered(&self, images: u64, usd: f64) {
        self.images.inc_by(images);
        if usd.is_finite() && usd > 0.0 {
            self.usd.inc_by(usd);
        }
    }

    /// How long a job waited in its lane.
    pub fn waited(&self, backend: &str, seconds: f64) {
        self.queue_wait.with_label_values(&[backend]).observe(seconds.max(0.0));
    }

    /// How long a model call took, retries included.
    pub fn generated(&self, model: &str, seconds: f64) {
        self.generation.with_label_values(&[model]).observe(seconds.max(0.0));
    }

    /// How long delivery took.
    pub fn handed_over(&self, seconds: f64) {
        self.delivery.with_label_values(&["discord"]).observe(seconds.max(0.0));
    }

    /// A request refused before any model call.
    pub fn refused(&self, error: &JobError) {
        self.refusals.with_label_values(&[refusal_reason(error)]).inc();
    }

    /// A model call failed.
    pub fn upstream_error(&self, provider: &str, error: &BackendError) {
        self.upstream_errors.with_label_values(&[provider, error.kind()]).inc();
    }

    /// Sets whether this process's gateway shard `shard` is connected.
    pub fn shard(&self, shard: u32, connected: bool) {
        self.shard_connected.with_label_values(&[&shard.to_string()]).set(i64::from(connected));
    }

    /// Sets the number of jobs waiting for `backend`.
    pub fn queue_length(&self, backend: &str, waiting: usize) {
        self.queue_length.with_label_values(&[backend]).set(i64::try_from(waiting).unwrap_or(i64::MAX));
    }

    /// Everything, in Prometheus text format.
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        // Encoding our own registry into a Vec cannot fail.
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// Every outcome a job ends with.
const OUTCOMES: [&str; 5] = ["delivered", "refused_provider", "refused_rules", "failed", "cancelled"];

/// Every reason label of a refusal ([`refusal_reason`]).
const REFUSAL_REASONS: [&str; 7] = ["invalid", "limit", "blocked", "rules", "queue_full", "restarting", "other"];

/// The reason label of a refusal.
fn refusal_reason(error: &JobError) -> &'static str {
    match error {
        JobError::Invalid(_) => "invalid",
        JobError::LimitReached(_) => "limit",
        JobError::Blocked { .. } => "blocked",
        JobError::RefusedByRules { .. } | JobError::UploadFlagged { .. } => "rules",
        JobError::QueueFull { .. } => "queue_full",
        JobError::Restarting => "restarting",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_render_in_prometheus_text_format() {
        let metrics = Metrics::new();
        metrics.job_ended("generate", "gpt-image-2", "delivered");
        metrics.delivered(2, 0.084);
        metrics.refused(&JobError::Restarting);
        let text = metrics.render();
        assert!(
            text.contains("easel_jobs_total{command=\"generate\",model=\"gpt-image-2\",outcome=\"delivered\"} 1"),
            "{text}"
        );
        assert!(text.contains("easel_images_total 2"), "{text}");
        assert!(text.contains("easel_refusals_total{reason=\"restarting\"} 1"), "{text}");
    }

    #[test]
    fn every_known_series_shows_at_zero_before_anything_happens() {
        let metrics = Metrics::new();
        metrics.known(&[("gpt-image-2".to_owned(), "openai")]);
        let text = metrics.render();
        for series in [
            "easel_jobs_total{command=\"generate\",model=\"gpt-image-2\",outcome=\"failed\"} 0",
            "easel_jobs_total{command=\"styles\",model=\"gpt-image-2\",outcome=\"cancelled\"} 0",
            "easel_refusals_total{reason=\"queue_full\"} 0",
            "easel_upstream_errors_total{kind=\"timed_out\",provider=\"openai\"} 0",
            "easel_generation_seconds_count{model=\"gpt-image-2\"} 0",
            "easel_queue_wait_seconds_count{backend=\"openai\"} 0",
            "easel_delivery_seconds_count{route=\"discord\"} 0",
            "easel_queue_length{backend=\"openai\"} 0",
        ] {
            assert!(text.contains(series), "{series} missing:\n{text}");
        }
    }
}
