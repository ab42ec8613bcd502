//! A fake ComfyUI, written from its server API: `POST /prompt` queues an API-format workflow for a
//! client id, the websocket `/ws?clientId=` sends that client `progress` and `executing` messages, and
//! `GET /history/{id}` and `GET /view` serve the outputs; `POST /upload/image` stores inputs and
//! `GET /object_info/CheckpointLoaderSimple` lists the checkpoints. A workflow with a placeholder left
//! unfilled, or a node without `class_type`, is rejected as ComfyUI rejects an invalid prompt.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::png;

/// The checkpoint the fake has.
pub const CHECKPOINT: &str = "sd_xl_base_1.0.safetensors";

#[derive(Default)]
struct Inner {
    /// Workflows queued, as received.
    prompts: Vec<Value>,
    /// Uploaded inputs by name.
    uploads: HashMap<String, Vec<u8>>,
    /// Outputs by file name.
    outputs: HashMap<String, Vec<u8>>,
    /// History by prompt id.
    history: HashMap<String, Value>,
    /// Open websockets by client id.
    sockets: HashMap<String, mpsc::UnboundedSender<String>>,
    /// How long each sampling step takes.
    step_ms: u64,
}

/// Handle on a running fake.
#[derive(Clone)]
pub struct FakeComfyUi {
    inner: Arc<Mutex<Inner>>,
    ids: Arc<AtomicU64>,
    /// `http://127.0.0.1:PORT`, the value of `COMFYUI_URL`.
    pub base_url: String,
}

type Shared = FakeComfyUi;

impl FakeComfyUi {
    /// Starts the fake on a free port.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let fake = Self { inner: Arc::default(), ids: Arc::new(AtomicU64::new(1)), base_url };
        let app = Router::new()
            .route("/object_info/CheckpointLoaderSimple", get(checkpoints))
            .route("/upload/image", post(upload))
            .route("/prompt", post(prompt))
            .route("/history/:id", get(history))
            .route("/view", get(view))
            .route("/ws", get(socket))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        fake
    }

    /// The workflows queued, filled, in order.
    pub fn prompts(&self) -> Vec<Value> {
        self.inner.lock().unwrap().prompts.clone()
    }

    /// The inputs uploaded, by name.
    pub fn uploads(&self) -> HashMap<String, Vec<u8>> {
        self.inner.lock().unwrap().uploads.clone()
    }

    /// The images saved, in the order they were made.
    pub fn made(&self) -> Vec<Vec<u8>> {
        let inner = self.inner.lock().unwrap();
        let mut names: Vec<&String> = inner.outputs.keys().collect();
        names.sort();
        names.into_iter().map(|n| inner.outputs[n].clone()).collect()
    }

    /// Makes each of a run's 20 sampling steps take this long.
    pub fn take(&self, step: Duration) {
        self.inner.lock().unwrap().step_ms = step.as_millis() as u64;
    }

    fn send(&self, client: &str, message: Value) {
        if let Some(socket) = self.inner.lock().unwrap().sockets.get(client) {
            let _ = socket.send(message.to_string());
        }
    }
}

async fn checkpoints() -> Json<Value> {
    Json(
        json!({"CheckpointLoaderSimple": {"input": {"required": {"ckpt_name": [[CHECKPOINT, "v1-5-pruned.safetensors"], {}]}},
        "output": ["MODEL", "CLIP", "VAE"], "name": "CheckpointLoaderSimple"}}),
    )
}

async fn upload(State(fake): State<Shared>, mut form: Multipart) -> Response {
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("image") {
            let name = field.file_name().unwrap_or("upload.png").to_owned();
            let bytes = field.bytes().await.unwrap().to_vec();
            fake.inner.lock().unwrap().uploads.insert(name.clone(), bytes);
            return Json(json!({"name": name, "subfolder": "", "type": "input"})).into_response();
        }
    }
    (StatusCode::BAD_REQUEST, "no image").into_response()
}

/// Any string still holding `{{`: a placeholder Easel did not fill.
fn unfilled(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains("{{"),
        Value::Array(items) => items.iter().any(unfilled),
        Value::Object(map) => map.values().any(unfilled),
        _ => false,
    }
}

/// How many images the workflow makes: its `batch_size` or `amount` input, else one.
fn batch(workflow: &Value) -> u64 {
    workflow
        .as_object()
        .into_iter()
        .flat_map(|nodes| nodes.values())
        .find_map(|node| node["inputs"]["batch_size"].as_u64().or(node["inputs"]["amount"].as_u64()))
        .unwrap_or(1)
}

async fn prompt(State(fake): State<Shared>, Json(body): Json<Value>) -> Response {
    let workflow = body["prompt"].clone();
    let nodes = workflow.as_object().cloned().unwrap_or_default();
    if nodes.is_empty() || nodes.values().any(|n| n.get("class_type").is_none()) || unfilled(&workflow) {
        let error = json!({"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation",
            "details": "", "extra_info": {}});
        return (StatusCode::BAD_REQUEST, Json(json!({"error": error, "node_errors": {}}))).into_response();
    }
    let client = body["client_id"].as_str().unwrap_or_default().to_owned();
    let id = format!("prompt-{}", fake.ids.fetch_add(1, Ordering::SeqCst));
    fake.inner.lock().unwrap().prompts.push(workflow.clone());
    let runner = fake.clone();
    let prompt_id = id.clone();
    tokio::spawn(async move { runner.execute(&client, &prompt_id, &workflow).await });
    Json(json!({"prompt_id": id, "number": 1, "node_errors": {}})).into_response()
}

impl FakeComfyUi {
    /// Runs a queued workflow: progress for 20 steps, then the outputs and the end of the run.
    async fn execute(&self, client: &str, prompt_id: &str, workflow: &Value) {
        // The client connected before queueing; its socket may still be registering.
        for _ in 0..200 {
            if self.inner.lock().unwrap().sockets.contains_key(client) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        self.send(client, json!({"type": "execution_start", "data": {"prompt_id": prompt_id, "timestamp": 0}}));
        self.send(
            client,
            json!({"type": "executing", "data": {"node": "3", "display_node": "3", "prompt_id": prompt_id}}),
        );
        let step = self.inner.lock().unwrap().step_ms;
        for value in 1..=20 {
            if step > 0 {
                tokio::time::sleep(Duration::from_millis(step)).await;
            }
            self.send(
                client,
                json!({"type": "progress", "data": {"value": value, "max": 20, "prompt_id": prompt_id, "node": "3"}}),
            );
        }
        let images: Vec<Value> = (0..batch(workflow))
            .map(|i| {
                let name = format!("easel_{prompt_id}_{i:05}_.png");
                self.inner.lock().unwrap().outputs.insert(name.clone(), png(40, 40, [10, 180, (i * 40) as u8]));
                json!({"filename": name, "subfolder": "", "type": "output"})
            })
            .collect();
        let history = json!({prompt_id: {"prompt": [1, prompt_id, workflow, {}, ["9"]],
            "outputs": {"9": {"images": images}}, "status": {"status_str": "success", "completed": true, "messages": []}}});
        self.inner.lock().unwrap().history.insert(prompt_id.to_owned(), history);
        self.send(client, json!({"type": "executed", "data": {"node": "9", "display_node": "9", "output": {"images": images}, "prompt_id": prompt_id}}));
        self.send(client, json!({"type": "executing", "data": {"node": null, "prompt_id": prompt_id}}));
    }
}

async fn history(State(fake): State<Shared>, Path(id): Path<String>) -> Json<Value> {
    Json(fake.inner.lock().unwrap().history.get(&id).cloned().unwrap_or(json!({})))
}

async fn view(State(fake): State<Shared>, Query(query): Query<HashMap<String, String>>) -> Response {
    let name = query.get("filename").cloned().unwrap_or_default();
    match fake.inner.lock().unwrap().outputs.get(&name).cloned() {
        Some(bytes) if query.get("type").map(String::as_str) == Some("output") => {
            ([("content-type", "image/png")], bytes).into_response()
        }
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn socket(
    State(fake): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
    upgrade: WebSocketUpgrade,
) -> Response {
    let client = query.get("clientId").cloned().unwrap_or_default();
    upgrade.on_upgrade(move |socket| serve_socket(fake, client, socket))
}

async fn serve_socket(fake: FakeComfyUi, client: String, mut socket: WebSocket) {
    let (send, mut outgoing) = mpsc::unbounded_channel();
    fake.inner.lock().unwrap().sockets.insert(client.clone(), send);
    let status = json!({"type": "status", "data": {"status": {"exec_info": {"queue_remaining": 0}}, "sid": client}});
    if socket.send(Message::Text(status.to_string())).await.is_err() {
        return;
    }
    // A preview, as ComfyUI sends while sampling: binary frames Easel must skip.
    let _ = socket.send(Message::Binary(vec![0, 0, 0, 1, 0, 0, 0, 2])).await;
    while let Some(text) = outgoing.recv().await {
        if socket.send(Message::Text(text)).await.is_err() {
            break;
        }
    }
    fake.inner.lock().unwrap().sockets.remove(&client);
}
