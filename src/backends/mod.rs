//! Image model providers, one file each, behind the [`ImageBackend`] port.
//!
//! A backend turns a checked job into image bytes. It does not retry (the runner decides, with the
//! provider's `retry-after`), and it downloads URL results before returning, because those links die
//! within the hour.

pub mod automatic1111;
pub mod comfyui;
mod http;
pub mod openai;
pub mod stability;

pub use http::parse_wait;
use http::{by_server_status, by_status, images_answer_cap, read_body, read_json, transport_error, MAX_SMALL_ANSWER};

use std::time::Duration;

use async_trait::async_trait;
use chrono::NaiveDate;

use crate::domain::catalogue::{ResponseForm, TokenUsage, VariationMethod};

/// One call to a provider, in the provider's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct BackendCall {
    /// The provider's model name.
    pub provider_model: String,
    /// The prompt or edit instruction; `None` for a plain variation.
    pub prompt: Option<String>,
    /// `WIDTHxHEIGHT` or `auto`.
    pub size: String,
    /// Quality tier.
    pub quality: String,
    /// Style, when the model takes one.
    pub style: Option<String>,
    /// Number of images.
    pub n: u8,
    /// How images come back.
    pub response: ResponseForm,
    /// Whether to send `response_format`.
    pub send_response_format: bool,
    /// Multipart field of an edit's input image.
    pub edit_image_field: String,
    /// The provider moderation level to ask for (gpt-image: always the strict `auto`).
    pub moderation: Option<String>,
    /// Sampling steps (Stable Diffusion).
    pub steps: Option<u32>,
    /// The seed asked for (Stable Diffusion).
    pub seed: Option<i64>,
    /// What the image should not show (Stable Diffusion).
    pub negative_prompt: Option<String>,
    /// The server's upscaler for HD (Stable Diffusion).
    pub upscaler: Option<String>,
    /// The multipart field of a markup image, for models that take one.
    pub markup_field: Option<String>,
    /// Sampling steps the member chose, over the quality's (Stable Diffusion).
    pub steps_override: Option<u32>,
    /// How closely to follow the prompt (Stable Diffusion's CFG scale), when the member chose.
    pub cfg_scale: Option<f64>,
    /// The sampler (AUTOMATIC1111).
    pub sampler: Option<String>,
    /// The scheduler (AUTOMATIC1111 1.9+).
    pub scheduler: Option<String>,
    /// `/hd` on AUTOMATIC1111: generate with hires fix, through the catalogue's upscaler.
    pub hires: bool,
    /// ComfyUI: the text-to-image workflow's name.
    pub workflow: Option<String>,
    /// ComfyUI: the image-to-image workflow's name.
    pub image_workflow: Option<String>,
    /// ComfyUI: the blend workflow's name (`/blend`).
    pub blend_workflow: Option<String>,
    /// ComfyUI: the inpainting workflow's name (a masked edit, Pan, Zoom Out).
    pub inpaint_workflow: Option<String>,
    /// OpenAI: partial images to stream while the image is made (0: none), for previews.
    pub partial_images: u8,
    /// OpenAI: how faithfully an edit keeps its input images (`high`, `low`), on models that take it.
    pub input_fidelity: Option<String>,
}

impl BackendCall {
    /// The sampling steps to ask for: the member's choice, else the quality's.
    pub fn sampling_steps(&self) -> Option<u32> {
        self.steps_override.or(self.steps)
    }
}

/// What a Stable Diffusion server offers to sample with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SamplingOptions {
    /// Sampler names (`GET /sdapi/v1/samplers`).
    pub samplers: Vec<String>,
    /// Scheduler names (`GET /sdapi/v1/schedulers`, AUTOMATIC1111 1.9+).
    pub schedulers: Vec<String>,
}

/// The input of an edit or variation, already converted to what the model accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct EditInput {
    /// The image, as PNG.
    pub image: Vec<u8>,
    /// The mask, as PNG, in the provider's convention (OpenAI: transparent = repaint; Stable
    /// Diffusion: white = repaint).
    pub mask: Option<Vec<u8>>,
    /// An instruction drawn over a copy of the image, as PNG (models with a markup field).
    pub markup: Option<Vec<u8>>,
    /// More input images after the first, as PNG: a blend's others, sent in the same image field.
    pub extra: Vec<Vec<u8>>,
}

/// What a provider produced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Generated {
    /// Encoded images (PNG, JPEG or WebP), already downloaded.
    pub images: Vec<Vec<u8>>,
    /// The prompt the model actually used, when it rewrote it.
    pub revised_prompt: Option<String>,
    /// Token counts, when the provider reports them.
    pub usage: Option<TokenUsage>,
    /// The seed of each image, when the provider reports them (Stable Diffusion), so a member can
    /// reproduce a result.
    pub seeds: Vec<i64>,
    /// The real parameters the provider used, as a member reads them (steps, sampler, CFG scale).
    pub details: Option<String>,
    /// A describer's prompt suggestions (`/describe`; no images then).
    pub suggestions: Vec<String>,
}

/// A model the provider says it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedModel {
    /// The provider's model name.
    pub id: String,
    /// When the provider stops serving it, if announced.
    pub shutdown_date: Option<NaiveDate>,
}

/// What went wrong at the provider, sorted by what Easel should do about it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BackendError {
    /// The provider's content policy refused the prompt or image: never retried.
    #[error("refused by the provider's content policy: {message}")]
    Refused {
        /// The provider's own words (for the moderation log, not the member).
        message: String,
    },
    /// 429 `rate_limit_exceeded`: retried after `retry_after`.
    #[error("rate limited by the provider")]
    RateLimited {
        /// How long the provider asked to wait.
        retry_after: Option<Duration>,
    },
    /// The run was stopped on the server itself (an operator's interrupt in ComfyUI or AUTOMATIC1111):
    /// someone meant it, so it is never retried, and nothing is charged.
    #[error("the run was stopped on the image server: {0}")]
    Interrupted(String),
    /// 5xx or a dropped connection: retried with backoff.
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
    /// The call took longer than the configured timeout.
    #[error("the provider did not answer in time")]
    TimedOut,
    /// 429 `insufficient_quota`: out of credit, never heals by retrying.
    #[error("the provider account is out of credit: {0}")]
    OutOfCredit(String),
    /// 401 or 403: the key is wrong or not allowed.
    #[error("the provider rejected the API key: {0}")]
    Unauthorized(String),
    /// 404 `model_not_found`: the model was retired or never existed there.
    #[error("the provider does not serve this model: {0}")]
    ModelGone(String),
    /// Any other 400: a parameter the provider would not take.
    #[error("the provider rejected a parameter ({param}): {message}")]
    BadRequest {
        /// The field the provider named, if any.
        param: String,
        /// The provider's message.
        message: String,
    },
    /// A result link no longer served its image (expired or removed).
    #[error("the result link could not be downloaded: {0}")]
    ResultUnavailable(String),
    /// The answer was not what the protocol promises.
    #[error("the provider's answer could not be read: {0}")]
    Malformed(String),
    /// The answer was larger than Easel reads from a provider.
    #[error("the provider's answer is larger than {max} bytes")]
    TooLarge {
        /// The cap.
        max: u64,
    },
}

impl BackendError {
    /// Every [`Self::kind`], for what is reported per kind (each at zero from start-up in `/metrics`).
    pub const KINDS: [&'static str; 12] = [
        "refused",
        "interrupted",
        "rate_limited",
        "unavailable",
        "timed_out",
        "out_of_credit",
        "unauthorized",
        "model_gone",
        "bad_request",
        "result_unavailable",
        "malformed",
        "too_large",
    ];

    /// A short name of the kind of failure, for metrics (one of [`Self::KINDS`]).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Refused { .. } => "refused",
            Self::Interrupted(_) => "interrupted",
            Self::RateLimited { .. } => "rate_limited",
            Self::Unavailable(_) => "unavailable",
            Self::TimedOut => "timed_out",
            Self::OutOfCredit(_) => "out_of_credit",
            Self::Unauthorized(_) => "unauthorized",
            Self::ModelGone(_) => "model_gone",
            Self::BadRequest { .. } => "bad_request",
            Self::ResultUnavailable(_) => "result_unavailable",
            Self::Malformed(_) => "malformed",
            Self::TooLarge { .. } => "too_large",
        }
    }

    /// Whether trying again may succeed: rate limits and outages, never refusals or bad keys.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::RateLimited { .. } | Self::Unavailable(_))
    }

    /// How long the provider asked to wait before the next try.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }
}

/// Renders a member's prompt in English for models that read English only (a catalogue entry's
/// `translate_prompt`), so a member can write in their own language.
#[async_trait]
pub trait Translator: Send + Sync {
    /// `text` in English (as it is when it already was). MUST NOT retry: the runner does.
    async fn to_english(&self, text: &str) -> Result<String, BackendError>;
}

/// Turns a picture into prompt suggestions for `/describe` (AUTOMATIC1111's interrogator, a vision
/// chat model), so a member can start from an image they like.
#[async_trait]
pub trait Describer: Send + Sync {
    /// Up to [`MAX_SUGGESTIONS`] prompts for `png`, each cleaned and at most [`MAX_SUGGESTION_CHARS`]
    /// characters; `model` is the provider's name for the describer. MUST NOT retry: the runner does.
    async fn describe(&self, model: &str, png: &[u8]) -> Result<Vec<String>, BackendError>;
}

/// The most prompt suggestions one description gives.
pub const MAX_SUGGESTIONS: usize = 4;
/// The longest prompt suggestion kept, in characters.
pub const MAX_SUGGESTION_CHARS: usize = 1000;

/// A provider's suggestions made safe to show and reuse: cleaned, non-empty, at most
/// [`MAX_SUGGESTIONS`] of at most [`MAX_SUGGESTION_CHARS`] characters; none is a malformed answer.
pub fn checked_suggestions(raw: impl IntoIterator<Item = String>) -> Result<Vec<String>, BackendError> {
    let suggestions: Vec<String> = raw
        .into_iter()
        .map(|s| crate::text::clean(s.trim()))
        .filter(|s| !s.is_empty())
        .map(|s| crate::text::truncate(&s, MAX_SUGGESTION_CHARS))
        .take(MAX_SUGGESTIONS)
        .collect();
    if suggestions.is_empty() {
        return Err(BackendError::Malformed("the description is empty".into()));
    }
    Ok(suggestions)
}

/// An image model provider.
#[async_trait]
pub trait ImageBackend: Send + Sync {
    /// Generates images from a prompt. MUST return downloaded bytes, never links, and MUST NOT retry.
    async fn generate(&self, call: &BackendCall) -> Result<Generated, BackendError>;

    /// Makes a variation or an edit of `input` (already converted to what the model accepts) with
    /// `method`; the call's prompt is the instruction.
    async fn vary(
        &self,
        call: &BackendCall,
        input: EditInput,
        method: VariationMethod,
    ) -> Result<Generated, BackendError>;

    /// Enlarges an image with the server's upscaler (Stable Diffusion). Providers without one refuse.
    async fn upscale(&self, call: &BackendCall, image: Vec<u8>) -> Result<Generated, BackendError> {
        let _ = (call, image);
        Err(BackendError::BadRequest { param: "upscale".into(), message: "this provider has no upscaler".into() })
    }

    /// The models the provider serves, with their announced shutdown dates. For a provider that does not
    /// list models ([`Self::lists_models`] is false) a success only says it is reachable.
    async fn served_models(&self) -> Result<Vec<ServedModel>, BackendError>;

    /// Whether [`Self::served_models`] lists models; when not, the catalogue's models are offered as
    /// written once the provider answers.
    fn lists_models(&self) -> bool {
        true
    }

    /// The latest preview of the call now running (an image of the picture taking shape, as the server
    /// sends or serves it), for providers that make one; `None` when there is none (yet).
    async fn preview(&self) -> Option<Vec<u8>> {
        None
    }

    /// What would make this backend's calls fail, found by asking the server (a ComfyUI workflow naming
    /// a node class, an input value or a checkpoint the server lacks), for `easel check` and start-up
    /// warnings; each in words naming what to fix. Nothing by default.
    async fn setup_problems(&self) -> Vec<String> {
        Vec::new()
    }

    /// The samplers and schedulers the server offers (AUTOMATIC1111): the members' `sampler` choices,
    /// and a check of the catalogue's `scheduler`. Empty when the server does not say.
    async fn sampling_options(&self) -> SamplingOptions {
        SamplingOptions::default()
    }

    /// How far the call now running has got, for providers that say (Stable Diffusion's sampling
    /// steps). `None` when the provider does not report it or nothing runs.
    async fn progress(&self) -> Option<Progress> {
        None
    }
}

/// How far a running generation has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Steps done.
    pub step: u32,
    /// Steps in all.
    pub steps: u32,
}

impl Progress {
    /// A report a person can read: at least one step in all, at most 10,000, and no step past the last.
    pub fn checked(step: u64, steps: u64) -> Option<Self> {
        let steps = u32::try_from(steps).ok().filter(|s| (1..=10_000).contains(s))?;
        let step = u32::try_from(step).ok().filter(|s| *s <= steps)?;
        Some(Self { step, steps })
    }
}
