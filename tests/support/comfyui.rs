//! A fake ComfyUI, written from its server API and from what a real ComfyUI (0.3.64) was seen doing:
//!
//! - `POST /prompt` validates and queues an API-format workflow for a client id; prompts run **one at a
//!   time** in queue order (`GET /queue` lists the running and the pending ones).
//! - The websocket `/ws?clientId=` sends that client `execution_start`, `executing`, `progress` each
//!   followed by a **binary preview frame** (event 1, PNG), `executed` with the saved images, then
//!   `execution_success` **before** the run is written into `/history` (Comfy-Org/ComfyUI#11540), then
//!   `status` and `executing` with `node: null`, the true end.
//! - A refused workflow gets 400 with `node_errors` naming the node, its class and the input, with the
//!   server's whole `input_config` (long, as with many checkpoints installed).
//! - A run that fails sends `execution_error` (an `exception_message` ending in a newline); `POST
//!   /interrupt` stops the running prompt (`execution_interrupted`), ignoring one naming another prompt;
//!   `POST /queue {"delete": [...]}` takes pending prompts off the queue without a word on the websocket.
//! - Saved PNGs carry a `prompt` text chunk holding the whole filled graph, as ComfyUI writes them.
//! - Tests can drop every websocket (a proxy's idle timeout) or restart the server (queue and history
//!   lost).

use std::collections::{HashMap, VecDeque};
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
use tokio::sync::{mpsc, Notify};

use super::png;

/// The checkpoint the fake has.
pub const CHECKPOINT: &str = "sd_xl_base_1.0.safetensors";
/// How many checkpoints the fake lists besides [`CHECKPOINT`]: a server with many installed, whose
/// validation errors are long.
const MORE_CHECKPOINTS: usize = 400;

/// A prompt in the queue: its id, its client and the filled graph.
#[derive(Clone)]
struct Queued {
    id: String,
    client: String,
    graph: Value,
}

/// A run scripted to fail: the node and ComfyUI's exception.
#[derive(Clone)]
struct Failure {
    node: String,
    class: String,
    kind: String,
    message: String,
}

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
    sockets: HashMap<String, mpsc::UnboundedSender<Message>>,
    /// How long each sampling step takes.
    step_ms: u64,
    pending: VecDeque<Queued>,
    running: Option<Queued>,
    /// Set by `POST /interrupt` for the running prompt.
    interrupt: bool,
    /// Bumped by a restart: a run of an older generation stops without a word.
    generation: u64,
    /// The next runs that fail, in order.
    failures: VecDeque<Failure>,
    /// Every `POST /interrupt` body and every `POST /queue` body.
    interrupts: Vec<Value>,
    deletes: Vec<Value>,
    /// Runs that completed (not interrupted, failed or lost).
    completed: usize,
}

/// Handle on a running fake.
#[derive(Clone)]
pub struct FakeComfyUi {
    inner: Arc<Mutex<Inner>>,
    work: Arc<Notify>,
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
        let fake =
            Self { inner: Arc::default(), work: Arc::new(Notify::new()), ids: Arc::new(AtomicU64::new(1)), base_url };
        let app = Router::new()
            .route("/object_info/CheckpointLoaderSimple", get(checkpoints))
            .route("/object_info", get(object_info))
            .route("/upload/image", post(upload))
            .route("/prompt", post(prompt))
            .route("/queue", get(queue).post(delete))
            .route("/interrupt", post(interrupt))
            .route("/history/:id", get(history))
            .route("/view", get(view))
            .route("/ws", get(socket))
            .with_state(fake.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let worker = fake.clone();
        tokio::spawn(async move { worker.work().await });
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

    /// Makes the next run fail at `node` (`class`) with ComfyUI's exception `kind` and `message`.
    pub fn fail_next_run(&self, node: &str, class: &str, kind: &str, message: &str) {
        let failure =
            Failure { node: node.into(), class: class.into(), kind: kind.into(), message: format!("{message}\n") };
        self.inner.lock().unwrap().failures.push_back(failure);
    }

    /// Every `POST /interrupt` body (`null` for none) and `POST /queue` body, in order.
    pub fn stops(&self) -> (Vec<Value>, Vec<Value>) {
        let inner = self.inner.lock().unwrap();
        (inner.interrupts.clone(), inner.deletes.clone())
    }

    /// The id of the prompt running now, if any.
    pub fn running(&self) -> Option<String> {
        self.inner.lock().unwrap().running.as_ref().map(|q| q.id.clone())
    }

    /// How many runs completed with images.
    pub fn completed(&self) -> usize {
        self.inner.lock().unwrap().completed
    }

    /// Closes every websocket, as a reverse proxy's idle timeout does; runs go on.
    pub fn drop_sockets(&self) {
        let sockets: Vec<_> = self.inner.lock().unwrap().sockets.drain().map(|(_, s)| s).collect();
        for socket in sockets {
            let _ = socket.send(Message::Close(None));
        }
    }

    /// Restarts the server: websockets close, the running prompt, the queue and the history are lost.
    pub fn restart(&self) {
        {
            let mut inner = self.inner.lock().unwrap();
            inner.generation += 1;
            inner.pending.clear();
            inner.running = None;
            inner.history.clear();
        }
        self.drop_sockets();
    }

    fn send(&self, client: &str, message: Value) {
        if let Some(socket) = self.inner.lock().unwrap().sockets.get(client) {
            let _ = socket.send(Message::Text(message.to_string()));
        }
    }

    fn send_binary(&self, client: &str, bytes: Vec<u8>) {
        if let Some(socket) = self.inner.lock().unwrap().sockets.get(client) {
            let _ = socket.send(Message::Binary(bytes));
        }
    }

    /// Runs the queued prompts one at a time, as ComfyUI's prompt worker does.
    async fn work(self) {
        loop {
            let next = {
                let mut inner = self.inner.lock().unwrap();
                let next = inner.pending.pop_front();
                inner.running = next.clone();
                inner.interrupt = false;
                next.map(|q| (q, inner.generation))
            };
            match next {
                Some((queued, generation)) => {
                    self.execute(&queued, generation).await;
                    let mut inner = self.inner.lock().unwrap();
                    if inner.running.as_ref().is_some_and(|r| r.id == queued.id) {
                        inner.running = None;
                    }
                }
                None => {
                    let _ = tokio::time::timeout(Duration::from_millis(50), self.work.notified()).await;
                }
            }
        }
    }

    /// Whether the run must stop: interrupted (`Some(true)`), lost in a restart (`Some(false)`).
    fn stopped(&self, generation: u64) -> Option<bool> {
        let inner = self.inner.lock().unwrap();
        if inner.generation != generation {
            return Some(false);
        }
        inner.interrupt.then_some(true)
    }

    /// The end of a run that saved nothing: its history (status "error"), `status`, `executing` null.
    fn ended_badly(&self, queued: &Queued, message: (&str, Value)) {
        let (client, id) = (&queued.client, &queued.id);
        self.send(client, json!({"type": message.0, "data": message.1.clone()}));
        let entry = json!({"prompt": [1, id, queued.graph, {"client_id": client}, ["9"]], "outputs": {},
            "status": {"status_str": "error", "completed": false,
                "messages": [["execution_start", {"prompt_id": id}], [message.0, message.1]]}});
        self.inner.lock().unwrap().history.insert(id.clone(), json!(entry));
        self.send(client, json!({"type": "status", "data": {"status": {"exec_info": {"queue_remaining": 0}}}}));
        self.send(client, json!({"type": "executing", "data": {"node": null, "prompt_id": id}}));
    }

    /// Runs one prompt: 20 sampling steps with previews, then its outputs and the end of the run.
    async fn execute(&self, queued: &Queued, generation: u64) {
        let (client, id) = (queued.client.as_str(), queued.id.as_str());
        // The client connected before queueing; its socket may still be registering.
        for _ in 0..200 {
            if self.inner.lock().unwrap().sockets.contains_key(client) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        self.send(client, json!({"type": "execution_start", "data": {"prompt_id": id, "timestamp": 0}}));
        self.send(client, json!({"type": "execution_cached", "data": {"nodes": [], "prompt_id": id, "timestamp": 0}}));
        self.send(client, json!({"type": "executing", "data": {"node": "3", "display_node": "3", "prompt_id": id}}));
        let step = self.inner.lock().unwrap().step_ms;
        for value in 1..=20 {
            tokio::time::sleep(Duration::from_millis(step.max(1))).await;
            match self.stopped(generation) {
                Some(true) => {
                    let data = json!({"prompt_id": id, "node_id": "3", "node_type": "KSampler", "executed": [],
                        "timestamp": 0});
                    return self.ended_badly(queued, ("execution_interrupted", data));
                }
                Some(false) => return, // the server restarted: the run is simply gone
                None => {}
            }
            let progress = json!({"value": value, "max": 20, "prompt_id": id, "node": "3"});
            self.send(client, json!({"type": "progress", "data": progress}));
            // A preview: event 1 (PREVIEW_IMAGE), image type 2 (PNG), the PNG.
            let mut frame = vec![0, 0, 0, 1, 0, 0, 0, 2];
            frame.extend_from_slice(&png(8, 8, [value as u8 * 10, 0, 0]));
            self.send_binary(client, frame);
        }
        let failure = self.inner.lock().unwrap().failures.pop_front();
        if let Some(f) = failure {
            let data = json!({"prompt_id": id, "node_id": f.node, "node_type": f.class, "executed": ["4"],
                "exception_message": f.message, "exception_type": f.kind, "traceback": ["  File \"execution.py\"\n"],
                "current_inputs": {"samples": ["tensor([[[[0.9752, 0.1]]]])"]}, "current_outputs": ["9"], "timestamp": 0});
            return self.ended_badly(queued, ("execution_error", data));
        }
        let images: Vec<Value> = (0..batch(&queued.graph))
            .map(|i| {
                let name = format!("easel_{id}_{i:05}_.png");
                // As ComfyUI's `SaveImage` writes it: the whole filled graph in a `prompt` text chunk.
                let image =
                    super::with_text_chunk(png(40, 40, [10, 180, (i * 40) as u8]), "prompt", &queued.graph.to_string());
                self.inner.lock().unwrap().outputs.insert(name.clone(), image);
                json!({"filename": name, "subfolder": "", "type": "output"})
            })
            .collect();
        self.send(client, json!({"type": "executed", "data": {"node": "9", "display_node": "9", "output": {"images": images}, "prompt_id": id}}));
        self.send(client, json!({"type": "execution_success", "data": {"prompt_id": id, "timestamp": 0}}));
        // ComfyUI's prompt worker writes the history only after `execution_success` went out.
        tokio::time::sleep(Duration::from_millis(60)).await;
        if self.stopped(generation) == Some(false) {
            return;
        }
        let entry = json!({"prompt": [1, id, queued.graph, {"client_id": client}, ["9"]],
            "outputs": {"9": {"images": images}},
            "status": {"status_str": "success", "completed": true, "messages": [["execution_success", {"prompt_id": id}]]}});
        {
            let mut inner = self.inner.lock().unwrap();
            inner.history.insert(id.to_owned(), entry);
            inner.completed += 1;
        }
        self.send(client, json!({"type": "status", "data": {"status": {"exec_info": {"queue_remaining": 0}}}}));
        self.send(client, json!({"type": "executing", "data": {"node": null, "prompt_id": id}}));
    }
}

fn checkpoint_names() -> Vec<String> {
    let mut names = vec![CHECKPOINT.to_owned(), "v1-5-pruned.safetensors".to_owned()];
    names.extend((0..MORE_CHECKPOINTS).map(|i| format!("community-model-{i:03}.safetensors")));
    names
}

async fn checkpoints() -> Json<Value> {
    Json(json!({"CheckpointLoaderSimple": {"input": {"required": {"ckpt_name": [checkpoint_names(), {}]}},
        "output": ["MODEL", "CLIP", "VAE"], "name": "CheckpointLoaderSimple"}}))
}

/// `GET /object_info`: the node classes the built-in workflows use, their required inputs, and list
/// inputs in both forms ComfyUI has used (`[[...], {}]` and `["COMBO", {"options": [...]}]`).
async fn object_info() -> Json<Value> {
    let node = |required: Value| json!({"input": {"required": required}, "output": [], "name": ""});
    Json(json!({
        "CheckpointLoaderSimple": node(json!({"ckpt_name": [checkpoint_names(), {}]})),
        "EmptyLatentImage": node(json!({"width": ["INT", {}], "height": ["INT", {}], "batch_size": ["INT", {}]})),
        "CLIPTextEncode": node(json!({"text": ["STRING", {"multiline": true}], "clip": ["CLIP"]})),
        "KSampler": node(json!({"model": ["MODEL"], "seed": ["INT", {}], "steps": ["INT", {}], "cfg": ["FLOAT", {}],
            "sampler_name": ["COMBO", {"options": ["euler", "euler_ancestral", "dpmpp_2m"]}],
            "scheduler": [["normal", "karras", "simple"], {}], "positive": ["CONDITIONING"],
            "negative": ["CONDITIONING"], "latent_image": ["LATENT"], "denoise": ["FLOAT", {}]})),
        "VAEDecode": node(json!({"samples": ["LATENT"], "vae": ["VAE"]})),
        "VAEEncode": node(json!({"pixels": ["IMAGE"], "vae": ["VAE"]})),
        "LoadImage": node(json!({"image": [["example.png"], {"image_upload": true}]})),
        "LoadImageMask": node(json!({"image": [["example.png"], {"image_upload": true}],
            "channel": [["alpha", "red", "green", "blue"], {}]})),
        "VAEEncodeForInpaint": node(json!({"pixels": ["IMAGE"], "vae": ["VAE"], "mask": ["MASK"],
            "grow_mask_by": ["INT", {}]})),
        "RepeatLatentBatch": node(json!({"samples": ["LATENT"], "amount": ["INT", {}]})),
        "ImageBlend": node(json!({"image1": ["IMAGE"], "image2": ["IMAGE"], "blend_factor": ["FLOAT", {}],
            "blend_mode": [["normal", "multiply", "screen", "overlay", "soft_light", "difference"], {}]})),
        "ImageScale": node(json!({"image": ["IMAGE"],
            "upscale_method": [["nearest-exact", "bilinear", "area", "bicubic", "lanczos"], {}],
            "width": ["INT", {}], "height": ["INT", {}], "crop": [["disabled", "center"], {}]})),
        "SaveImage": node(json!({"images": ["IMAGE"], "filename_prefix": ["STRING", {}]})),
    }))
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

/// How many images the workflow makes: its `batch_size` or `amount` input, else one.
fn batch(workflow: &Value) -> u64 {
    workflow
        .as_object()
        .into_iter()
        .flat_map(|nodes| nodes.values())
        .find_map(|node| node["inputs"]["batch_size"].as_u64().or(node["inputs"]["amount"].as_u64()))
        .unwrap_or(1)
}

/// ComfyUI's validation: each input still holding a `{{placeholder}}` is refused as a value not in the
/// input's list, with the server's whole list (`input_config`) attached, as a real server does; and a
/// `LoadImage` or `LoadImageMask` naming a file not in its input folder (never uploaded) fails its
/// `VALIDATE_INPUTS`.
fn node_errors(workflow: &Value, uploads: &HashMap<String, Vec<u8>>) -> serde_json::Map<String, Value> {
    let mut errors = serde_json::Map::new();
    for (id, node) in workflow.as_object().into_iter().flatten() {
        let inputs = node["inputs"].as_object().cloned().unwrap_or_default();
        let mut failing: Vec<Value> = inputs
            .iter()
            .filter(|(_, value)| value.as_str().is_some_and(|s| s.contains("{{")))
            .map(|(name, value)| {
                json!({"type": "value_not_in_list", "message": "Value not in list",
                    "details": format!("{name}: '{}' not in [...]", value.as_str().unwrap()),
                    "extra_info": {"input_name": name, "input_config": [checkpoint_names(), {}], "received_value": value}})
            })
            .collect();
        let image = node["inputs"]["image"].as_str().filter(|i| !i.contains("{{"));
        let loads = matches!(node["class_type"].as_str(), Some("LoadImage" | "LoadImageMask"));
        if let Some(missing) = image.filter(|i| loads && !uploads.contains_key(*i)) {
            failing.push(json!({"type": "custom_validation_failed", "message": "Custom validation failed for node",
                "details": format!("image - Invalid image file: {missing}"), "extra_info": {"input_name": "image"}}));
        }
        if !failing.is_empty() {
            errors.insert(
                id.clone(),
                json!({"errors": failing, "dependent_outputs": ["9"], "class_type": node["class_type"]}),
            );
        }
    }
    errors
}

async fn prompt(State(fake): State<Shared>, Json(body): Json<Value>) -> Response {
    let workflow = body["prompt"].clone();
    let nodes = workflow.as_object().cloned().unwrap_or_default();
    if nodes.is_empty() || nodes.values().any(|n| n.get("class_type").is_none()) {
        let error = json!({"type": "invalid_prompt", "message": "Cannot execute because a node is missing the class_type property.",
            "details": "Node ID '#1'", "extra_info": {}});
        return (StatusCode::BAD_REQUEST, Json(json!({"error": error, "node_errors": {}}))).into_response();
    }
    let uploads = fake.inner.lock().unwrap().uploads.clone();
    let errors = node_errors(&workflow, &uploads);
    if !errors.is_empty() {
        let error = json!({"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation",
            "details": "", "extra_info": {}});
        return (StatusCode::BAD_REQUEST, Json(json!({"error": error, "node_errors": errors}))).into_response();
    }
    let client = body["client_id"].as_str().unwrap_or_default().to_owned();
    let id = format!("prompt-{}", fake.ids.fetch_add(1, Ordering::SeqCst));
    {
        let mut inner = fake.inner.lock().unwrap();
        inner.prompts.push(workflow.clone());
        inner.pending.push_back(Queued { id: id.clone(), client, graph: workflow });
    }
    fake.work.notify_one();
    Json(json!({"prompt_id": id, "number": 1, "node_errors": {}})).into_response()
}

fn listed(queued: &Queued) -> Value {
    json!([1, queued.id, queued.graph, {"client_id": queued.client}, ["9"]])
}

async fn queue(State(fake): State<Shared>) -> Json<Value> {
    let inner = fake.inner.lock().unwrap();
    Json(json!({"queue_running": inner.running.iter().map(listed).collect::<Vec<_>>(),
        "queue_pending": inner.pending.iter().map(listed).collect::<Vec<_>>()}))
}

/// `POST /queue {"delete": [ids]}`: pending prompts leave the queue; the running one is not affected.
async fn delete(State(fake): State<Shared>, Json(body): Json<Value>) -> StatusCode {
    let mut inner = fake.inner.lock().unwrap();
    let ids: Vec<String> =
        body["delete"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)).collect();
    inner.pending.retain(|q| !ids.contains(&q.id));
    inner.deletes.push(body);
    StatusCode::OK
}

/// `POST /interrupt`, optionally `{"prompt_id"}`: stops the running prompt (only that one when named).
async fn interrupt(State(fake): State<Shared>, body: axum::body::Bytes) -> StatusCode {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let mut inner = fake.inner.lock().unwrap();
    let named = body["prompt_id"].as_str().map(str::to_owned);
    let running = inner.running.as_ref().map(|q| q.id.clone());
    if running.is_some() && (named.is_none() || named == running) {
        inner.interrupt = true;
    }
    inner.interrupts.push(body);
    StatusCode::OK
}

async fn history(State(fake): State<Shared>, Path(id): Path<String>) -> Json<Value> {
    let entry = fake.inner.lock().unwrap().history.get(&id).cloned();
    Json(entry.map_or_else(|| json!({}), |entry| json!({id: entry})))
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
    fake.inner.lock().unwrap().sockets.insert(client.clone(), send.clone());
    let status = json!({"type": "status", "data": {"status": {"exec_info": {"queue_remaining": 0}}, "sid": client}});
    if socket.send(Message::Text(status.to_string())).await.is_err() {
        return;
    }
    while let Some(message) = outgoing.recv().await {
        let closing = matches!(message, Message::Close(_));
        if socket.send(message).await.is_err() || closing {
            break;
        }
    }
    let mut inner = fake.inner.lock().unwrap();
    if inner.sockets.get(&client).is_some_and(|s| s.same_channel(&send)) {
        inner.sockets.remove(&client);
    }
}
