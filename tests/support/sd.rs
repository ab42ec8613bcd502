//! A fake AUTOMATIC1111 API (`--api`) on 127.0.0.1: txt2img, img2img, the checkpoint list, and the
//! progress of the image being made (`GET /sdapi/v1/progress`).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde_json::{json, Value};

use super::png;

/// Handle on a running fake.
#[derive(Clone)]
pub struct FakeSd {
    calls: Arc<Mutex<Vec<(String, Value)>>>,
    made: Arc<Mutex<Vec<Vec<u8>>>>,
    delay_ms: Arc<AtomicU64>,
    crash_next: Arc<AtomicBool>,
    /// `http://127.0.0.1:PORT`, the value of `SD_BASE_URL`.
    pub base_url: String,
}

type Shared = (Arc<Mutex<Vec<(String, Value)>>>, Arc<Mutex<Vec<Vec<u8>>>>, Arc<AtomicU64>, Arc<AtomicBool>);

impl FakeSd {
    /// Starts the fake on a free port.
    pub async fn start() -> Self {
        Self::start_with_auth(None).await
    }

    /// Starts the fake requiring HTTP basic auth (`user:password`), as `--api-auth` does: anything
    /// else is answered 401.
    pub async fn start_with_auth(credentials: Option<&str>) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let fake = Self {
            calls: Arc::default(),
            made: Arc::default(),
            delay_ms: Arc::default(),
            crash_next: Arc::default(),
            base_url,
        };
        let state: Shared =
            (Arc::clone(&fake.calls), Arc::clone(&fake.made), Arc::clone(&fake.delay_ms), Arc::clone(&fake.crash_next));
        let app = Router::new()
            .route("/sdapi/v1/sd-models", get(models))
            .route("/sdapi/v1/txt2img", post(txt2img))
            .route("/sdapi/v1/img2img", post(img2img))
            .route("/sdapi/v1/progress", get(progress))
            .route("/sdapi/v1/extra-single-image", post(upscale))
            .route("/sdapi/v1/samplers", get(samplers))
            .route("/sdapi/v1/schedulers", get(schedulers))
            .route("/sdapi/v1/interrupt", post(interrupt))
            .route("/sdapi/v1/interrogate", post(interrogate))
            .with_state(state);
        let expected = credentials.map(|c| format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(c)));
        let app = app.layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let expected = expected.clone();
                async move {
                    let given = request.headers().get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned);
                    match expected {
                        Some(expected) if given.as_deref() != Some(expected.as_str()) => {
                            axum::response::IntoResponse::into_response((
                                axum::http::StatusCode::UNAUTHORIZED,
                                "Not authenticated",
                            ))
                        }
                        _ => next.run(request).await,
                    }
                }
            },
        ));
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        fake
    }

    /// Image calls received: (path, JSON body).
    pub fn calls(&self) -> Vec<(String, Value)> {
        self.calls.lock().unwrap().clone()
    }

    /// Makes every image call take this long (the server's progress then says step 5 of 20).
    pub fn take(&self, delay: Duration) {
        self.delay_ms.store(delay.as_millis() as u64, Ordering::SeqCst);
    }

    /// Makes the next image call die mid-way, its connection cut, as when AUTOMATIC1111 restarts.
    pub fn restart_during_next_call(&self) {
        self.crash_next.store(true, Ordering::SeqCst);
    }

    /// The PNGs produced, in order.
    pub fn made(&self) -> Vec<Vec<u8>> {
        self.made.lock().unwrap().clone()
    }
}

async fn models() -> Json<Value> {
    Json(json!([{"title": "sd_xl_base_1.0.safetensors [31e35c80fc]", "model_name": "sd_xl_base_1.0",
                 "hash": "31e35c80fc", "filename": "/models/sd_xl_base_1.0.safetensors", "config": null}]))
}

/// As AUTOMATIC1111 answers while sampling: a fraction, an estimate, and the step counts.
/// With `skip_current_image=false`, `current_image` is the live preview (base64 PNG), as AUTOMATIC1111
/// serves it while a job samples.
async fn progress(
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Json<Value> {
    let preview = (query.get("skip_current_image").map(String::as_str) == Some("false"))
        .then(|| base64::engine::general_purpose::STANDARD.encode(png(512, 512, [90, 60, 200])));
    Json(json!({"progress": 0.25, "eta_relative": 3.0, "state": {"skipped": false, "interrupted": false,
        "job": "", "job_count": 1, "job_timestamp": "20261126000000", "job_no": 0,
        "sampling_step": 5, "sampling_steps": 20}, "current_image": preview, "textinfo": null}))
}

/// `POST /sdapi/v1/interrupt`: recorded as a call (path, `null`).
async fn interrupt(State(state): State<Shared>) -> Json<Value> {
    state.0.lock().unwrap().push(("/sdapi/v1/interrupt".to_owned(), Value::Null));
    Json(json!({}))
}

/// A PNG with AUTOMATIC1111's `parameters` text chunk (the prompt, the negative prompt, the settings).
fn with_parameters(image: Vec<u8>, body: &Value) -> Vec<u8> {
    let text = format!(
        "{}\nNegative prompt: {}\nSteps: {}, Seed: {}",
        body["prompt"].as_str().unwrap_or_default(),
        body["negative_prompt"].as_str().unwrap_or_default(),
        body["steps"],
        body["seed"]
    );
    super::with_text_chunk(image, "parameters", &text)
}

async fn answer(state: Shared, path: &str, body: Value) -> Json<Value> {
    tokio::time::sleep(Duration::from_millis(state.2.load(Ordering::SeqCst))).await;
    if state.3.swap(false, Ordering::SeqCst) {
        state.0.lock().unwrap().push((format!("{path} (cut by a restart)"), body));
        // The process goes away mid-call: the connection is dropped without an answer.
        panic!("the fake AUTOMATIC1111 restarts mid-call (expected by the test)");
    }
    let n = body["batch_size"].as_u64().unwrap_or(1);
    let images: Vec<Vec<u8>> = (0..n).map(|i| with_parameters(png(32, 32, [20, 200, (i * 50) as u8]), &body)).collect();
    state.1.lock().unwrap().extend(images.iter().cloned());
    state.0.lock().unwrap().push((path.to_owned(), body.clone()));
    let encoded: Vec<String> = images.iter().map(|b| base64::engine::general_purpose::STANDARD.encode(b)).collect();
    // As AUTOMATIC1111 does: a random seed when asked for -1, then one seed per image, counting up.
    let seed = body["seed"].as_i64().filter(|s| *s >= 0).unwrap_or(1_234_567);
    let all_seeds: Vec<i64> = (0..n as i64).map(|i| seed + i).collect();
    let info = json!({"prompt": body["prompt"], "seed": seed, "all_seeds": all_seeds,
        "steps": body["steps"], "sampler_name": body["sampler_name"].as_str().unwrap_or("Euler a"),
        "scheduler": body["scheduler"].as_str().unwrap_or("Automatic"), "cfg_scale": body["cfg_scale"].as_f64().unwrap_or(7.0),
        "sd_model_name": "sd_xl_base_1.0"})
    .to_string();
    Json(json!({"images": encoded, "parameters": body, "info": info}))
}

/// `POST /sdapi/v1/extra-single-image`: the upscaler, answering an image twice the size.
async fn upscale(State(state): State<Shared>, Json(body): Json<Value>) -> Json<Value> {
    let image = png(64, 64, [200, 10, 10]);
    state.1.lock().unwrap().push(image.clone());
    state.0.lock().unwrap().push(("/sdapi/v1/extra-single-image".to_owned(), body));
    Json(json!({"html_info": "", "image": base64::engine::general_purpose::STANDARD.encode(image)}))
}

async fn txt2img(State(state): State<Shared>, Json(body): Json<Value>) -> Json<Value> {
    answer(state, "/sdapi/v1/txt2img", body).await
}

async fn img2img(State(state): State<Shared>, Json(body): Json<Value>) -> Json<Value> {
    answer(state, "/sdapi/v1/img2img", body).await
}

/// `POST /sdapi/v1/interrogate` as AUTOMATIC1111 answers it: the picture (base64, a data URL allowed)
/// and an interrogator (`clip` or `deepdanbooru`) give `{"caption"}`; the caption names the picture's
/// size, so a test sees the very picture arrived. Anything else is answered 422 as FastAPI does.
async fn interrogate(State(state): State<Shared>, Json(body): Json<Value>) -> axum::response::Response {
    use axum::response::IntoResponse;
    state.0.lock().unwrap().push(("/sdapi/v1/interrogate".to_owned(), body.clone()));
    let encoded = body["image"].as_str().unwrap_or_default();
    let encoded = encoded.split_once("base64,").map_or(encoded, |(_, b64)| b64);
    let picture =
        base64::engine::general_purpose::STANDARD.decode(encoded).ok().and_then(|b| image::load_from_memory(&b).ok());
    let model = body["model"].as_str().unwrap_or("clip");
    match picture {
        Some(picture) if ["clip", "deepdanbooru"].contains(&model) => {
            let caption = format!("a {}x{} picture of a flat colour, minimalism", picture.width(), picture.height());
            Json(json!({"caption": caption})).into_response()
        }
        _ => {
            let detail =
                json!({"detail": [{"loc": ["body", "image"], "msg": "invalid image or model", "type": "value_error"}]});
            (axum::http::StatusCode::UNPROCESSABLE_ENTITY, Json(detail)).into_response()
        }
    }
}

/// `GET /sdapi/v1/samplers`, as AUTOMATIC1111 1.9 lists them (the scheduler is a field of its own).
async fn samplers() -> Json<Value> {
    Json(json!([{"name": "DPM++ 2M", "aliases": ["k_dpmpp_2m"], "options": {}},
                {"name": "Euler a", "aliases": ["k_euler_a"], "options": {}}]))
}

/// `GET /sdapi/v1/schedulers`.
async fn schedulers() -> Json<Value> {
    Json(json!([{"name": "automatic", "label": "Automatic"}, {"name": "karras", "label": "Karras"}]))
}
