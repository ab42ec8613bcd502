//! A fake of Stability AI's hosted API, written from its v2beta documentation: multipart requests to
//! `/v2beta/stable-image/generate/{core|ultra|sd3}`, `/edit/inpaint` and `/upscale/fast`, answered with
//! the image's bytes (`Accept: image/*`) and `finish-reason` / `seed` headers; errors as
//! `{"id", "name", "errors": [...]}`. A prompt containing "forbidden" comes back `CONTENT_FILTERED`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use super::png;

/// One call the fake received.
#[derive(Debug, Clone)]
pub struct StabilityCall {
    /// e.g. `/v2beta/stable-image/generate/sd3`.
    pub path: String,
    /// The multipart text fields.
    pub fields: HashMap<String, String>,
    /// The multipart files: (field, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// The `Accept` header.
    pub accept: String,
}

/// Handle on a running fake.
#[derive(Clone)]
pub struct FakeStability {
    calls: Arc<Mutex<Vec<StabilityCall>>>,
    made: Arc<Mutex<Vec<Vec<u8>>>>,
    /// `http://127.0.0.1:PORT`, the value of `STABILITY_BASE_URL`.
    pub base_url: String,
}

/// The key the fake accepts.
pub const KEY: &str = "sk-stability-test";

type Shared = (Arc<Mutex<Vec<StabilityCall>>>, Arc<Mutex<Vec<Vec<u8>>>>);

impl FakeStability {
    /// Starts the fake on a free port.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let fake = Self { calls: Arc::default(), made: Arc::default(), base_url };
        let state: Shared = (Arc::clone(&fake.calls), Arc::clone(&fake.made));
        let app = Router::new()
            .route("/v1/user/balance", get(balance))
            .route("/v2beta/stable-image/generate/:service", post(generate))
            .route("/v2beta/stable-image/edit/inpaint", post(inpaint))
            .route("/v2beta/stable-image/upscale/fast", post(upscale))
            .with_state(state);
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        fake
    }

    /// The image calls received, in order.
    pub fn calls(&self) -> Vec<StabilityCall> {
        self.calls.lock().unwrap().clone()
    }

    /// The PNGs answered, in order.
    pub fn made(&self) -> Vec<Vec<u8>> {
        self.made.lock().unwrap().clone()
    }
}

fn authorised(headers: &HeaderMap) -> bool {
    headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Bearer {KEY}"))
}

fn error(status: StatusCode, name: &str, message: &str) -> Response {
    (status, Json(json!({"id": "e0123456789", "name": name, "errors": [message]}))).into_response()
}

async fn balance(headers: HeaderMap) -> Response {
    if !authorised(&headers) {
        return error(StatusCode::UNAUTHORIZED, "unauthorized", "invalid API key");
    }
    Json(json!({"credits": 42.5})).into_response()
}

async fn record(path: String, headers: &HeaderMap, mut form: Multipart) -> StabilityCall {
    let mut call = StabilityCall {
        path,
        fields: HashMap::new(),
        files: Vec::new(),
        accept: headers.get("accept").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned(),
    };
    while let Ok(Some(field)) = form.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        if field.file_name().is_some() {
            call.files.push((name, field.bytes().await.unwrap().to_vec()));
        } else {
            call.fields.insert(name, field.text().await.unwrap());
        }
    }
    call
}

/// As Stability answers a success: the bytes, with the finish reason and the seed in headers.
fn image(state: &Shared, call: StabilityCall, size: u32) -> Response {
    let filtered = call.fields.get("prompt").is_some_and(|p| p.contains("forbidden"));
    let seed: i64 = call.fields.get("seed").and_then(|s| s.parse().ok()).unwrap_or(4_242_424);
    let bytes = png(size, size, [120, (seed % 200) as u8, 60]);
    state.0.lock().unwrap().push(call);
    state.1.lock().unwrap().push(bytes.clone());
    let reason = if filtered { "CONTENT_FILTERED" } else { "SUCCESS" };
    (
        [("content-type", "image/png".to_owned()), ("finish-reason", reason.to_owned()), ("seed", seed.to_string())],
        bytes,
    )
        .into_response()
}

fn check(call: &StabilityCall, headers: &HeaderMap, needs_prompt: bool) -> Option<Response> {
    if !authorised(headers) {
        return Some(error(StatusCode::UNAUTHORIZED, "unauthorized", "invalid API key"));
    }
    if call.accept != "image/*" && call.accept != "application/json" {
        return Some(error(StatusCode::BAD_REQUEST, "bad_request", "accept: must be image/* or application/json"));
    }
    if needs_prompt && call.fields.get("prompt").is_none_or(|p| p.is_empty()) {
        return Some(error(StatusCode::BAD_REQUEST, "bad_request", "prompt: cannot be empty"));
    }
    None
}

async fn generate(
    State(state): State<Shared>,
    Path(service): Path<String>,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let call = record(format!("/v2beta/stable-image/generate/{service}"), &headers, form).await;
    if let Some(refusal) = check(&call, &headers, true) {
        return refusal;
    }
    if service == "core" && call.files.iter().any(|(f, _)| f == "image") {
        return error(StatusCode::BAD_REQUEST, "bad_request", "image: not accepted by core");
    }
    image(&state, call, 48)
}

async fn inpaint(State(state): State<Shared>, headers: HeaderMap, form: Multipart) -> Response {
    let call = record("/v2beta/stable-image/edit/inpaint".into(), &headers, form).await;
    if let Some(refusal) = check(&call, &headers, true) {
        return refusal;
    }
    image(&state, call, 48)
}

async fn upscale(State(state): State<Shared>, headers: HeaderMap, form: Multipart) -> Response {
    let call = record("/v2beta/stable-image/upscale/fast".into(), &headers, form).await;
    if let Some(refusal) = check(&call, &headers, false) {
        return refusal;
    }
    image(&state, call, 96)
}
