//! OpenAI's Images API, and every server that copies it (`OPENAI_BASE_URL`).
//!
//! Generations are JSON; edits and variations are multipart. Answers carry base64 images or links; links
//! are downloaded at once through the trusted-host [`Fetch`]. Error bodies
//! (`{"error": {"message", "type", "param", "code"}}`) are sorted into [`BackendError`] cases.

mod describe;
mod stream;
mod translate;

pub use translate::ChatTranslator;

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use base64::Engine;
use chrono::NaiveDate;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, RequestBuilder, Response, StatusCode, Url};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{
    by_status, images_answer_cap, parse_wait, read_json, transport_error, BackendCall, BackendError, EditInput,
    Generated, ImageBackend, ServedModel, MAX_SMALL_ANSWER,
};
use crate::community::moderation::{ContentCheck, Verdict};
use crate::domain::catalogue::{ResponseForm, TokenUsage, VariationMethod};
use crate::media::download::{Fetch, FetchError};
use crate::secret::Secret;

/// A client of one OpenAI-compatible server.
pub struct OpenAiBackend {
    client: Client,
    base: Url,
    key: Option<Secret>,
    results: Arc<dyn Fetch>,
    max_result_bytes: u64,
    /// Whether members see previews: then models with `partial_images` are asked to stream.
    previews: bool,
    /// Set once the server refused `stream`: it is not asked again.
    no_stream: AtomicBool,
    /// The latest partial image of the streamed call going on.
    preview: Mutex<Option<Vec<u8>>>,
}

impl OpenAiBackend {
    /// A backend for `base` (e.g. `https://api.openai.com/v1`); result links are fetched with `results`.
    pub fn new(
        base: Url,
        key: Option<Secret>,
        timeout: Duration,
        results: Arc<dyn Fetch>,
        max_result_bytes: u64,
    ) -> Self {
        let client = Client::builder().timeout(timeout).build().expect("a TLS backend is compiled in");
        Self {
            client,
            base,
            key,
            results,
            max_result_bytes,
            previews: false,
            no_stream: AtomicBool::new(false),
            preview: Mutex::new(None),
        }
    }

    /// Asks models with `partial_images` to stream them, for members' previews.
    pub fn with_previews(mut self, on: bool) -> Self {
        self.previews = on;
        self
    }

    fn set_preview(&self, preview: Option<Vec<u8>>) {
        *self.preview.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = preview;
    }

    fn endpoint(&self, path: &str) -> String {
        format!("{}/{path}", self.base.as_str().trim_end_matches('/'))
    }

    fn authorised(&self, request: RequestBuilder) -> RequestBuilder {
        match &self.key {
            Some(key) => request.bearer_auth(key.expose()),
            None => request,
        }
    }

    async fn send(&self, request: RequestBuilder) -> Result<Response, BackendError> {
        let response = self.authorised(request).send().await.map_err(transport_error)?;
        if response.status().is_success() {
            Ok(response)
        } else {
            Err(error_from(response).await)
        }
    }

    async fn images(&self, request: RequestBuilder, call: &BackendCall) -> Result<Generated, BackendError> {
        let response = self.send(request).await?;
        self.answer(response, call).await
    }

    /// The images of an answer (plain JSON).
    async fn answer(&self, response: Response, call: &BackendCall) -> Result<Generated, BackendError> {
        let form = call.response;
        let cap = images_answer_cap(call.n, self.max_result_bytes);
        let answer: ImagesAnswer = read_json(response, cap).await?;
        if answer.data.len() > usize::from(call.n.max(1)) {
            return Err(BackendError::Malformed(format!("{} images for {} asked", answer.data.len(), call.n)));
        }
        let mut images = Vec::with_capacity(answer.data.len());
        let mut revised_prompt = None;
        for item in answer.data {
            revised_prompt = revised_prompt.or(item.revised_prompt);
            images.push(self.image_bytes(item.b64_json, item.url, form).await?);
        }
        if images.is_empty() {
            return Err(BackendError::Malformed("the answer holds no image".into()));
        }
        // Usage only prices the job: an answer whose usage cannot be read still delivers its images.
        let usage = answer.usage.and_then(|u| serde_json::from_value::<UsageAnswer>(u).ok()).map(Into::into);
        Ok(Generated { images, revised_prompt, usage, ..Generated::default() })
    }

    async fn image_bytes(
        &self,
        b64: Option<String>,
        url: Option<String>,
        form: ResponseForm,
    ) -> Result<Vec<u8>, BackendError> {
        match (b64, url) {
            (Some(b64), _) => decode_image(&b64),
            (None, Some(url)) => self.results.fetch(&url, self.max_result_bytes).await.map_err(|e| match e {
                FetchError::Gone(_) | FetchError::Failed(_) | FetchError::CutShort(_) => {
                    BackendError::ResultUnavailable(crate::text::chain(&e))
                }
                FetchError::TooLarge { max } => BackendError::TooLarge { max },
                FetchError::UntrustedHost(_) => BackendError::Malformed(format!("result link: {e}")),
            }),
            (None, None) => Err(BackendError::Malformed(format!("an image without data (expected {form:?})"))),
        }
    }

    fn common_fields(call: &BackendCall) -> Map<String, Value> {
        let mut body = Map::new();
        body.insert("model".into(), json!(call.provider_model));
        body.insert("n".into(), json!(call.n));
        body.insert("size".into(), json!(call.size));
        body.insert("quality".into(), json!(call.quality));
        if let Some(prompt) = &call.prompt {
            body.insert("prompt".into(), json!(prompt));
        }
        if call.send_response_format {
            let format = match call.response {
                ResponseForm::Url => "url",
                ResponseForm::B64Json => "b64_json",
            };
            body.insert("response_format".into(), json!(format));
        }
        body
    }
}

#[async_trait]
impl ImageBackend for OpenAiBackend {
    async fn generate(&self, call: &BackendCall) -> Result<Generated, BackendError> {
        let mut body = Self::common_fields(call);
        if let Some(style) = &call.style {
            body.insert("style".into(), json!(style));
        }
        if let Some(level) = &call.moderation {
            body.insert("moderation".into(), json!(level));
        }
        let ask = |partials: Option<u8>| {
            let mut body = body.clone();
            if let Some(partials) = partials {
                body.insert("stream".into(), json!(true));
                body.insert("partial_images".into(), json!(partials));
            }
            self.client.post(self.endpoint("images/generations")).json(&body)
        };
        self.call(ask, call).await
    }

    async fn vary(
        &self,
        call: &BackendCall,
        input: EditInput,
        method: VariationMethod,
    ) -> Result<Generated, BackendError> {
        let mut fields = Self::common_fields(call);
        let (path, image_field) = match method {
            VariationMethod::Edits => ("images/edits", call.edit_image_field.clone()),
            VariationMethod::Variations => {
                fields.remove("prompt");
                fields.remove("quality");
                ("images/variations", "image".to_owned())
            }
            VariationMethod::Img2img => {
                return Err(BackendError::BadRequest {
                    param: "variation".into(),
                    message: "img2img is a Stable Diffusion method; use `edits` or `variations`".into(),
                })
            }
        };
        let png = |bytes: &[u8], name: &'static str| {
            Part::bytes(bytes.to_vec()).file_name(name).mime_str("image/png").expect("a valid mime type")
        };
        let ask = |partials: Option<u8>| {
            let mut form = Form::new();
            for (name, value) in &fields {
                let text = value.as_str().map_or_else(|| value.to_string(), str::to_owned);
                form = form.text(name.clone(), text);
            }
            if let Some(partials) = partials {
                form = form.text("stream", "true").text("partial_images", partials.to_string());
            }
            form = form.part(image_field.clone(), png(&input.image, "image.png"));
            for (i, extra) in input.extra.iter().enumerate() {
                let name = ["image-2.png", "image-3.png", "image-4.png", "image-5.png"]
                    .get(i)
                    .copied()
                    .unwrap_or("image-n.png");
                form = form.part(image_field.clone(), png(extra, name));
            }
            if let Some(fidelity) = call.input_fidelity.as_deref().filter(|_| method == VariationMethod::Edits) {
                form = form.text("input_fidelity", fidelity.to_owned());
            }
            if let Some(mask) = input.mask.as_deref().filter(|_| method == VariationMethod::Edits) {
                form = form.part("mask", png(mask, "mask.png"));
            }
            if let (Some(markup), Some(field)) = (input.markup.as_deref(), call.markup_field.clone()) {
                form = form.part(field, png(markup, "markup.png"));
            }
            self.client.post(self.endpoint(path)).multipart(form)
        };
        if method == VariationMethod::Edits {
            // Only edits stream; variations have no streamed form.
            return self.call(ask, call).await;
        }
        self.images(ask(None), call).await
    }

    /// The latest partial image of a streamed generation.
    async fn preview(&self) -> Option<Vec<u8>> {
        self.preview.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    async fn served_models(&self) -> Result<Vec<ServedModel>, BackendError> {
        let answer: ModelsAnswer =
            read_json(self.send(self.client.get(self.endpoint("models"))).await?, MAX_SMALL_ANSWER).await?;
        Ok(answer
            .data
            .into_iter()
            .map(|m| ServedModel {
                shutdown_date: m.shutdown_date.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                id: m.id,
            })
            .collect())
    }
}

/// OpenAI's free moderation endpoint, used as the optional pre-check (`EASEL_MODERATION_PRECHECK`).
#[async_trait]
impl ContentCheck for OpenAiBackend {
    async fn check(&self, text: &str) -> Result<Verdict, String> {
        self.moderate(json!(text)).await
    }

    /// `omni-moderation-latest` takes images as data URLs among its inputs.
    async fn check_image(&self, png: &[u8]) -> Result<Verdict, String> {
        let url = format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png));
        self.moderate(json!([{"type": "image_url", "image_url": {"url": url}}])).await
    }
}

impl OpenAiBackend {
    /// `POST /moderations` with `input`.
    async fn moderate(&self, input: Value) -> Result<Verdict, String> {
        let body = json!({"model": "omni-moderation-latest", "input": input});
        let request = self.client.post(self.endpoint("moderations")).json(&body);
        let response = self.send(request).await.map_err(|e| e.to_string())?;
        let answer: ModerationAnswer = read_json(response, MAX_SMALL_ANSWER).await.map_err(|e| e.to_string())?;
        let result = answer.results.into_iter().next().ok_or("the moderation answer holds no result")?;
        let mut categories: Vec<String> =
            result.categories.into_iter().filter(|(_, flagged)| *flagged).map(|(name, _)| name).collect();
        categories.sort();
        Ok(Verdict { flagged: result.flagged, categories })
    }
}

#[derive(Deserialize)]
struct ModerationAnswer {
    #[serde(default)]
    results: Vec<ModerationResult>,
}

#[derive(Deserialize)]
struct ModerationResult {
    flagged: bool,
    #[serde(default)]
    categories: std::collections::HashMap<String, bool>,
}

/// An image sent as base64 (`b64_json`), in an answer or a streamed event.
fn decode_image(b64: &str) -> Result<Vec<u8>, BackendError> {
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|e| BackendError::Malformed(format!("base64 image: {e}")))
}

async fn error_from(response: Response) -> BackendError {
    let status = response.status();
    let retry_after = retry_after(&response);
    let body: ErrorAnswer = read_json(response, MAX_SMALL_ANSWER).await.unwrap_or_default();
    let ErrorBody { message, kind, param, code } = body.error;
    let code = code.unwrap_or_default();
    let message = message.unwrap_or_else(|| format!("status {status}"));
    match status {
        _ if code == "content_policy_violation" || code == "moderation_blocked" => BackendError::Refused { message },
        StatusCode::TOO_MANY_REQUESTS
            if code == "insufficient_quota" || kind.as_deref() == Some("insufficient_quota") =>
        {
            BackendError::OutOfCredit(message)
        }
        _ => by_status(status, message, param.unwrap_or_default(), retry_after),
    }
}

/// Reads `retry-after` or OpenAI's `x-ratelimit-reset-requests` (e.g. `1s`, `6m0s`), range-checked.
fn retry_after(response: &Response) -> Option<Duration> {
    let header = |name| response.headers().get(name).and_then(|v| v.to_str().ok());
    header("retry-after").and_then(parse_wait).or_else(|| header("x-ratelimit-reset-requests").and_then(parse_wait))
}

#[derive(Deserialize)]
struct ImagesAnswer {
    #[serde(default)]
    data: Vec<ImageItem>,
    #[serde(default)]
    usage: Option<Value>,
}

#[derive(Deserialize)]
struct ImageItem {
    #[serde(default)]
    b64_json: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    revised_prompt: Option<String>,
}

#[derive(Deserialize, Default)]
struct UsageAnswer {
    #[serde(default)]
    input_tokens: u64,
    #[serde(default)]
    output_tokens: u64,
    #[serde(default)]
    input_tokens_details: Option<InputDetails>,
}

#[derive(Deserialize, Default)]
struct InputDetails {
    #[serde(default)]
    text_tokens: u64,
    #[serde(default)]
    image_tokens: u64,
}

impl From<UsageAnswer> for TokenUsage {
    fn from(u: UsageAnswer) -> Self {
        let (text_input, image_input) = match u.input_tokens_details {
            Some(d) => (d.text_tokens, d.image_tokens),
            None => (u.input_tokens, 0),
        };
        Self { text_input, image_input, image_output: u.output_tokens }
    }
}

#[derive(Deserialize)]
struct ModelsAnswer {
    #[serde(default)]
    data: Vec<ModelItem>,
}

#[derive(Deserialize)]
struct ModelItem {
    id: String,
    #[serde(default)]
    shutdown_date: Option<String>,
}

#[derive(Deserialize, Default)]
struct ErrorAnswer {
    #[serde(default)]
    error: ErrorBody,
}

#[derive(Deserialize, Default)]
struct ErrorBody {
    #[serde(default)]
    message: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    param: Option<String>,
    #[serde(default)]
    code: Option<String>,
}

#[cfg(test)]
mod tests;
