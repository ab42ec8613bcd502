//! Image model providers, one file each, behind the [`ImageBackend`] port.
//!
//! A backend turns a checked job into image bytes. It does not retry (the pipeline decides, with the
//! provider's `retry-after`), and it downloads URL results before returning, because those links die
//! within the hour.

pub mod automatic1111;
pub mod openai;

use std::time::Duration;

use async_trait::async_trait;
use chrono::NaiveDate;

use crate::catalogue::{ResponseForm, TokenUsage, VariationMethod};

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
}

impl BackendError {
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

/// Sorts a failed HTTP exchange: a timeout, an unreadable answer, or an unreachable server (retried).
fn transport_error(e: reqwest::Error) -> BackendError {
    if e.is_timeout() {
        BackendError::TimedOut
    } else if e.is_decode() {
        BackendError::Malformed(e.to_string())
    } else {
        BackendError::Unavailable(e.to_string())
    }
}

/// An image model provider.
#[async_trait]
pub trait ImageBackend: Send + Sync {
    /// Generates images from a prompt. MUST return downloaded bytes, never links, and MUST NOT retry.
    async fn generate(&self, call: &BackendCall) -> Result<Generated, BackendError>;

    /// Makes a variation of `image_png` (already converted to what the model accepts) with `method`.
    async fn vary(
        &self,
        call: &BackendCall,
        image_png: Vec<u8>,
        method: VariationMethod,
    ) -> Result<Generated, BackendError>;

    /// The models the provider serves, with their announced shutdown dates.
    async fn served_models(&self) -> Result<Vec<ServedModel>, BackendError>;
}
