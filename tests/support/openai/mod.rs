//! A fake OpenAI-compatible Images API on 127.0.0.1, built from the provider's documented protocol.
//!
//! It answers what the test scripted (real PNG bytes as base64 or as a link that dies after one
//! download, refusals, 429 with `retry-after`, 500, a hang) and records every request it got.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde_json::{json, Value};
use tokio::sync::Notify;

mod chat;
mod stream;

use super::png;

/// One scripted answer to an image call.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Base64 images (gpt-image style), with a revised prompt and token usage.
    Base64,
    /// Links to the images, each served once (DALL-E style).
    Url,
    /// Links that are already dead.
    ExpiredUrl,
    /// An error body with this status, `code` and `type`, and optionally `retry-after`.
    Error { status: u16, code: &'static str, kind: &'static str, retry_after: Option<&'static str> },
    /// Never answers.
    Hang,
    /// One base64 PNG of incompressible noise, this many pixels square.
    Noise(u32),
    /// The same, after this many milliseconds (a realistic result: 708 px square is about 2 MB as base64).
    #[allow(dead_code)] // the benchmark's (examples/bench.rs)
    SlowNoise(u32, u64),
    /// Waits this many milliseconds, then answers base64 images.
    Delayed(u64),
    /// A complete HTTP answer holding the first half of a PNG, as base64.
    HalfPng,
    /// A link to the first half of a PNG (the download itself completes).
    HalfPngUrl,
    /// An answer this many bytes long (one base64 image of that size).
    Huge(usize),
}

impl Reply {
    /// 400 `moderation_blocked`, as gpt-image models refuse.
    pub fn moderation_blocked() -> Self {
        Self::Error { status: 400, code: "moderation_blocked", kind: "image_generation_user_error", retry_after: None }
    }

    /// 429 `rate_limit_exceeded` asking to retry at once.
    pub fn rate_limited() -> Self {
        Self::Error { status: 429, code: "rate_limit_exceeded", kind: "requests", retry_after: Some("0") }
    }

    /// 500 from the server.
    pub fn server_error() -> Self {
        Self::Error { status: 500, code: "server_error", kind: "server_error", retry_after: None }
    }
}

/// A request the fake received.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// When it arrived.
    pub at: Instant,
    /// e.g. `/v1/images/generations`.
    pub path: String,
    /// The `Authorization` header.
    pub authorization: Option<String>,
    /// JSON body, or the multipart text fields as a JSON object.
    pub body: Value,
    /// Multipart files: (field name, bytes).
    pub files: Vec<(String, Vec<u8>)>,
}

#[derive(Default)]
struct Inner {
    script: VecDeque<Reply>,
    default_reply: Option<Reply>,
    requests: Vec<Recorded>,
    links: HashMap<String, Vec<u8>>,
    downloads: Vec<String>,
    served_models: Vec<Value>,
    images_made: Vec<Vec<u8>>,
    answering: usize,
    most_answering: usize,
    /// When set, a request with `stream: true` is refused (400 `unknown_parameter`), as servers without
    /// streaming refuse it.
    refuse_stream: bool,
    /// Scripted translations of the chat model, by prompt.
    translations: HashMap<String, String>,
    /// How many more chat calls fail.
    chat_failures: usize,
}

/// Handle on a running fake.
#[derive(Clone)]
pub struct FakeOpenAi {
    inner: Arc<Mutex<Inner>>,
    changed: Arc<Notify>,
    /// e.g. `http://127.0.0.1:PORT/v1`.
    pub base_url: String,
}

type Shared = (Arc<Mutex<Inner>>, Arc<Notify>, String);

impl FakeOpenAi {
    /// Starts the fake on a free port, serving every catalogue model by default.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let inner = Arc::new(Mutex::new(Inner {
            served_models: ["gpt-image-2", "gpt-image-2.5-flare", "gpt-image-2.6-flare", "dall-e-3", "dall-e-2"]
                .iter()
                .map(|id| json!({"id": id, "object": "model", "owned_by": "openai", "shutdown_date": null}))
                .collect(),
            ..Inner::default()
        }));
        let changed = Arc::new(Notify::new());
        let state: Shared = (Arc::clone(&inner), Arc::clone(&changed), origin.clone());
        let app = Router::new()
            .route("/v1/models", get(models))
            .route("/v1/images/generations", post(generations))
            .route("/v1/images/edits", post(multipart_call))
            .route("/v1/images/variations", post(multipart_call))
            .route("/v1/moderations", post(moderations))
            .route("/v1/chat/completions", post(chat::chat))
            .route("/files/:name", get(download))
            .with_state(state);
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { inner, changed, base_url: format!("{origin}/v1") }
    }

    /// Answers the next image calls with these replies, in order; then with the default.
    pub fn script(&self, replies: impl IntoIterator<Item = Reply>) {
        self.inner.lock().unwrap().script.extend(replies);
    }

    /// Refuses `stream: true` from now on, as an OpenAI-compatible server without streaming does.
    pub fn refuse_streaming(&self) {
        self.inner.lock().unwrap().refuse_stream = true;
    }

    /// Answers every image call not scripted with `reply` (default: base64).
    pub fn always(&self, reply: Reply) {
        self.inner.lock().unwrap().default_reply = Some(reply);
    }

    /// Replaces what `GET /models` lists.
    pub fn serve_models(&self, models: Vec<Value>) {
        self.inner.lock().unwrap().served_models = models;
    }

    /// Every image call received (not `/models`, not downloads).
    pub fn image_calls(&self) -> Vec<Recorded> {
        self.inner.lock().unwrap().requests.iter().filter(|r| r.path.contains("/images/")).cloned().collect()
    }

    /// Every moderation call received.
    pub fn moderation_calls(&self) -> Vec<Recorded> {
        self.inner.lock().unwrap().requests.iter().filter(|r| r.path.ends_with("/moderations")).cloned().collect()
    }

    /// Paths of result links downloaded, in order.
    pub fn downloads(&self) -> Vec<String> {
        self.inner.lock().unwrap().downloads.clone()
    }

    /// The encoded images the fake produced, in order.
    pub fn images_made(&self) -> Vec<Vec<u8>> {
        self.inner.lock().unwrap().images_made.clone()
    }

    /// The most image calls the fake was answering at the same moment.
    pub fn most_at_once(&self) -> usize {
        self.inner.lock().unwrap().most_answering
    }

    /// Waits until `ready` holds for the image calls (a few seconds at most).
    pub async fn wait_for_calls(&self, ready: impl Fn(&[Recorded]) -> bool) -> Vec<Recorded> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let notified = self.changed.notified();
            let calls = self.image_calls();
            if ready(&calls) {
                return calls;
            }
            assert!(Instant::now() < deadline, "timed out waiting for model calls; got {calls:#?}");
            let _ = tokio::time::timeout(Duration::from_millis(200), notified).await;
        }
    }
}

impl Recorded {
    /// A request arriving now at `path`.
    fn now(path: &str, headers: &HeaderMap, body: Value, files: Vec<(String, Vec<u8>)>) -> Self {
        let authorization = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned);
        Self { at: Instant::now(), path: path.to_owned(), authorization, body, files }
    }
}

fn record(state: &Shared, path: &str, headers: &HeaderMap, body: Value, files: Vec<(String, Vec<u8>)>) -> Reply {
    let mut inner = state.0.lock().unwrap();
    inner.requests.push(Recorded::now(path, headers, body, files));
    let reply = inner.script.pop_front().or_else(|| inner.default_reply.clone()).unwrap_or(Reply::Base64);
    drop(inner);
    state.1.notify_waiters();
    reply
}

/// Flags any input containing "forbidden" as violence, like `omni-moderation-latest` would a threat.
async fn moderations(State(state): State<Shared>, headers: HeaderMap, Json(body): Json<Value>) -> Json<Value> {
    // Text containing "forbidden" is flagged, and so is an image whose first pixel is pure red.
    let red = |item: &Value| {
        let url = item["image_url"]["url"].as_str().unwrap_or_default();
        let data = url.split_once("base64,").map(|(_, d)| d).unwrap_or_default();
        let bytes = base64::engine::general_purpose::STANDARD.decode(data).unwrap_or_default();
        image::load_from_memory(&bytes).is_ok_and(|img| img.to_rgb8().get_pixel(0, 0).0 == [255, 0, 0])
    };
    let flagged = match &body["input"] {
        Value::String(text) => text.contains("forbidden"),
        Value::Array(items) => {
            items.iter().any(|i| i["text"].as_str().unwrap_or_default().contains("forbidden") || red(i))
        }
        _ => false,
    };
    {
        let mut inner = state.0.lock().unwrap();
        inner.requests.push(Recorded::now("/v1/moderations", &headers, body, Vec::new()));
    }
    state.1.notify_waiters();
    Json(json!({"id": "modr-1", "model": "omni-moderation-latest", "results": [{
        "flagged": flagged,
        "categories": {"violence": flagged, "sexual": false, "hate": false},
        "category_scores": {"violence": if flagged { 0.97 } else { 0.01 }, "sexual": 0.0, "hate": 0.0}
    }]}))
}

async fn models(State(state): State<Shared>) -> Json<Value> {
    let data = state.0.lock().unwrap().served_models.clone();
    Json(json!({"object": "list", "data": data}))
}

async fn generations(State(state): State<Shared>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    let n = body["n"].as_u64().unwrap_or(1) as usize;
    let reply = record(&state, "/v1/images/generations", &headers, body.clone(), Vec::new());
    if body["stream"] == true {
        return stream::answer(&state, reply, body["partial_images"].as_u64().unwrap_or(0), "image_generation").await;
    }
    answer(&state, reply, n, body["prompt"].as_str().unwrap_or_default()).await
}

async fn multipart_call(
    State(state): State<Shared>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    let mut fields = serde_json::Map::new();
    let mut files = Vec::new();
    while let Some(field) = form.next_field().await.unwrap() {
        let name = field.name().unwrap_or_default().to_owned();
        if field.file_name().is_some() {
            files.push((name, field.bytes().await.unwrap().to_vec()));
        } else {
            fields.insert(name, Value::String(field.text().await.unwrap()));
        }
    }
    let n = fields.get("n").and_then(|v| v.as_str()).and_then(|v| v.parse().ok()).unwrap_or(1);
    let prompt = fields.get("prompt").and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    let streams = fields.get("stream").and_then(|v| v.as_str()) == Some("true");
    let partials = fields.get("partial_images").and_then(|v| v.as_str()).and_then(|v| v.parse().ok()).unwrap_or(0);
    let images = files.iter().filter(|(name, _)| name == "image[]" || name == "image").count();
    let refusal =
        if images > 16 { Some(format!("Too many images: {images}; at most 16")) } else { mask_refusal(&files) };
    let reply = record(&state, uri.path(), &headers, Value::Object(fields), files);
    if let Some(message) = refusal {
        let error =
            json!({"error": {"message": message, "type": "invalid_request_error", "param": "mask", "code": null}});
        return (StatusCode::BAD_REQUEST, Json(error)).into_response();
    }
    if streams && uri.path().ends_with("/images/edits") {
        return stream::answer(&state, reply, partials, "image_edit").await;
    }
    answer(&state, reply, n, &prompt).await
}

/// Why OpenAI would refuse an edit's mask: it must be a PNG with an alpha channel (its fully
/// transparent pixels are repainted) of the first image's very size.
fn mask_refusal(files: &[(String, Vec<u8>)]) -> Option<String> {
    let mask = files.iter().find(|(name, _)| name == "mask")?;
    let image = files.iter().find(|(name, _)| name == "image" || name == "image[]")?;
    let dimensions = |bytes: &[u8]| image::load_from_memory(bytes).ok();
    let (Some(mask), Some(image)) = (dimensions(&mask.1), dimensions(&image.1)) else {
        return Some("Invalid image file or mode for image or mask.".into());
    };
    if (mask.width(), mask.height()) != (image.width(), image.height()) {
        return Some("Invalid mask image format - mask size does not match image size".into());
    }
    if !mask.color().has_alpha() {
        return Some("Invalid mask image format - the mask must have an alpha channel".into());
    }
    None
}

/// One call being answered, counted (with the most at once) until dropped.
struct Answering(Arc<Mutex<Inner>>);

impl Answering {
    fn start(state: &Shared) -> Self {
        let mut inner = state.0.lock().unwrap();
        inner.answering += 1;
        inner.most_answering = inner.most_answering.max(inner.answering);
        Self(Arc::clone(&state.0))
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        self.0.lock().unwrap().answering -= 1;
    }
}

/// Counts the calls being answered at once while `answer` runs.
async fn answer(state: &Shared, reply: Reply, n: usize, prompt: &str) -> Response {
    let _answering = Answering::start(state);
    reply_with(state, reply, n, prompt).await
}

async fn reply_with(state: &Shared, reply: Reply, n: usize, prompt: &str) -> Response {
    let made: Vec<Vec<u8>> = (0..n).map(|i| png(64, 48, [200, (i * 40) as u8, 30])).collect();
    let revised = format!("{prompt}, rendered in warm light");
    let half = || {
        let whole = easel::media::imaging::noise_png(64, 64);
        whole[..whole.len() / 2].to_vec()
    };
    match reply {
        Reply::Delayed(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            Box::pin(reply_with(state, Reply::Base64, n, prompt)).await
        }
        Reply::SlowNoise(side, ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            Box::pin(reply_with(state, Reply::Noise(side), n, prompt)).await
        }
        Reply::HalfPng => {
            let b64 = base64::engine::general_purpose::STANDARD.encode(half());
            Json(json!({"created": 1_790_000_000, "data": [{"b64_json": b64}]})).into_response()
        }
        Reply::HalfPngUrl => {
            let name = format!("half-{}.png", state.0.lock().unwrap().requests.len());
            state.0.lock().unwrap().links.insert(name.clone(), half());
            Json(json!({"created": 1_790_000_000, "data": [{"url": format!("{}/files/{name}", state.2)}]}))
                .into_response()
        }
        Reply::Huge(len) => {
            let b64 = "A".repeat(len);
            Json(json!({"created": 1_790_000_000, "data": [{"b64_json": b64}]})).into_response()
        }
        Reply::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        Reply::Error { status, code, kind, retry_after } => {
            let message = format!("Your request was rejected by the safety system: violent content ({code})");
            let body = json!({"error": {"message": message, "type": kind, "param": null, "code": code}});
            let mut response = (StatusCode::from_u16(status).unwrap(), Json(body)).into_response();
            if let Some(wait) = retry_after {
                response.headers_mut().insert("retry-after", wait.parse().unwrap());
            }
            response
        }
        Reply::Noise(side) => {
            let bytes = easel::media::imaging::noise_png(side, side);
            state.0.lock().unwrap().images_made.push(bytes.clone());
            let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
            Json(json!({"created": 1_790_000_000, "data": [{"b64_json": b64}]})).into_response()
        }
        Reply::Base64 => {
            state.0.lock().unwrap().images_made.extend(made.iter().cloned());
            let data: Vec<Value> = made
                .iter()
                .map(|b| json!({"b64_json": base64::engine::general_purpose::STANDARD.encode(b), "revised_prompt": revised}))
                .collect();
            Json(json!({"created": 1_790_000_000, "data": data, "usage": {
                "input_tokens": 100, "output_tokens": 1000,
                "input_tokens_details": {"text_tokens": 100, "image_tokens": 0}}}))
            .into_response()
        }
        Reply::Url | Reply::ExpiredUrl => {
            let mut inner = state.0.lock().unwrap();
            let data: Vec<Value> = made
                .iter()
                .enumerate()
                .map(|(i, bytes)| {
                    let name = format!("img-{}-{i}.png", inner.requests.len());
                    if matches!(reply, Reply::Url) {
                        inner.links.insert(name.clone(), bytes.clone());
                    }
                    json!({"url": format!("{}/files/{name}", state.2), "revised_prompt": revised})
                })
                .collect();
            inner.images_made.extend(made);
            Json(json!({"created": 1_790_000_000, "data": data})).into_response()
        }
    }
}

/// Serves a result link once: like a provider's expiring URL, a second download finds nothing.
async fn download(State(state): State<Shared>, Path(name): Path<String>) -> Response {
    let mut inner = state.0.lock().unwrap();
    inner.downloads.push(name.clone());
    match inner.links.remove(&name) {
        Some(bytes) => ([("content-type", "image/png")], Bytes::from(bytes)).into_response(),
        None => (StatusCode::FORBIDDEN, "AuthenticationFailed: Signed expiry time has passed").into_response(),
    }
}
