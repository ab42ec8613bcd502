//! ComfyUI (`COMFYUI_URL`): each catalogue model runs an API-format workflow with named placeholders
//! (see [`workflow`]). A job uploads its input image (`POST /upload/image`), queues the filled workflow
//! (`POST /prompt` with a client id), follows ComfyUI's websocket (`/ws?clientId=`) for `progress` and
//! the end of the run, then reads the outputs from `GET /history/{id}` and `GET /view`.

pub mod workflow;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use futures_util::StreamExt;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, Url};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

use self::workflow::Workflow;
use super::{
    read_body, read_json, transport_error, BackendCall, BackendError, EditInput, Generated, ImageBackend, Progress,
    ServedModel, MAX_SMALL_ANSWER,
};
use crate::catalogue::{parse_size, VariationMethod};

/// The `provider_model` meaning "whatever checkpoint the workflow names itself".
pub const WORKFLOW_CHECKPOINT: &str = "default";
/// How much an image-to-image run may depart from its input.
const DENOISE: f64 = 0.55;
/// The CFG scale used unless the member chose one.
const DEFAULT_CFG: f64 = 7.0;
/// The most images one run may return.
const MAX_OUTPUTS: usize = 10;

/// A client of one ComfyUI server, with the workflows its models run.
pub struct ComfyUiBackend {
    client: Client,
    base: Url,
    timeout: Duration,
    max_image_bytes: u64,
    workflows: HashMap<String, Workflow>,
    progress: Mutex<Option<Progress>>,
    runs: AtomicU64,
}

/// An image ComfyUI saved, as `/history` lists it.
#[derive(Debug, Deserialize)]
struct Output {
    filename: String,
    #[serde(default)]
    subfolder: String,
    #[serde(default, rename = "type")]
    kind: String,
}

impl ComfyUiBackend {
    /// A backend for `base` (e.g. `http://127.0.0.1:8188`) running `workflows` (checked at start-up).
    pub fn new(base: Url, timeout: Duration, max_image_bytes: u64, workflows: Vec<Workflow>) -> Self {
        let client = Client::builder().timeout(timeout).build().expect("a TLS backend is compiled in");
        let workflows = workflows.into_iter().map(|w| (w.name.clone(), w)).collect();
        Self { client, base, timeout, max_image_bytes, workflows, progress: Mutex::new(None), runs: AtomicU64::new(0) }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.base.as_str().trim_end_matches('/'))
    }

    /// The websocket of `client_id`: the same server, `ws` for `http` and `wss` for `https`.
    fn socket_url(&self, client_id: &str) -> String {
        let mut url = self.base.clone();
        let scheme = if url.scheme() == "https" { "wss" } else { "ws" };
        let _ = url.set_scheme(scheme);
        format!("{}/ws?clientId={client_id}", url.as_str().trim_end_matches('/'))
    }

    /// A fresh number: client ids and seeds differ from run to run.
    fn fresh(&self) -> u64 {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
        nanos ^ self.runs.fetch_add(1, Ordering::SeqCst).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn set_progress(&self, progress: Option<Progress>) {
        *self.progress.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = progress;
    }

    fn workflow(&self, name: Option<&str>) -> Result<&Workflow, BackendError> {
        name.and_then(|n| self.workflows.get(n)).ok_or_else(|| BackendError::BadRequest {
            param: "workflow".into(),
            message: format!("no ComfyUI workflow `{}` was loaded", name.unwrap_or("(none)")),
        })
    }

    /// Runs `workflow` for `call` (with an uploaded input image for image to image): one run when the
    /// workflow batches, else one run per image, the seed counting up.
    async fn run(
        &self,
        call: &BackendCall,
        workflow: &Workflow,
        inputs: &[(&'static str, String)],
    ) -> Result<Generated, BackendError> {
        let seed = call.seed.filter(|s| *s >= 0).unwrap_or_else(|| (self.fresh() % 4_294_967_296) as i64);
        let (runs, batch) = if workflow.batches { (1, call.n.max(1)) } else { (call.n.max(1), 1) };
        let mut generated = Generated::default();
        for run in 0..i64::from(runs) {
            let mut values = BTreeMap::from([
                ("prompt", json!(call.prompt.clone().unwrap_or_default())),
                ("negative_prompt", json!(call.negative_prompt.clone().unwrap_or_default())),
                ("seed", json!(seed + run)),
                ("steps", json!(call.sampling_steps().unwrap_or(25))),
                ("batch_size", json!(batch)),
                ("cfg", json!(call.cfg_scale.unwrap_or(DEFAULT_CFG))),
                ("denoise", json!(DENOISE)),
            ]);
            if call.provider_model != WORKFLOW_CHECKPOINT {
                values.insert("checkpoint", json!(call.provider_model));
            }
            if let Some((width, height)) = parse_size(&call.size) {
                values.insert("width", json!(width));
                values.insert("height", json!(height));
            }
            for (name, value) in inputs {
                values.insert(name, json!(value));
            }
            let images = tokio::time::timeout(self.timeout, self.queue_and_collect(workflow.fill(&values)))
                .await
                .map_err(|_| BackendError::TimedOut);
            self.set_progress(None);
            generated.images.extend(images??);
            generated.seeds.push(seed + run);
        }
        generated.images.truncate(usize::from(call.n.max(1)));
        if generated.images.is_empty() {
            return Err(BackendError::Malformed("the workflow saved no image".into()));
        }
        Ok(generated)
    }

    /// Queues a filled workflow, follows it on the websocket until it ends, and downloads its outputs.
    async fn queue_and_collect(&self, graph: Value) -> Result<Vec<Vec<u8>>, BackendError> {
        let client_id = format!("easel-{:x}", self.fresh());
        let (mut socket, _) = tokio_tungstenite::connect_async(self.socket_url(&client_id))
            .await
            .map_err(|e| BackendError::Unavailable(format!("ComfyUI's websocket: {e}")))?;
        let prompt_id = self.queue(graph, &client_id).await?;
        while let Some(frame) = socket.next().await {
            let text = match frame.map_err(|e| BackendError::Unavailable(format!("ComfyUI's websocket: {e}")))? {
                Message::Text(text) => text,
                Message::Close(_) => break,
                _ => continue, // previews (binary) and pings
            };
            let Ok(event) = serde_json::from_str::<Value>(&text) else { continue };
            if self.handle_event(&event, &prompt_id)? {
                return self.outputs(&prompt_id).await;
            }
        }
        Err(BackendError::Unavailable("ComfyUI closed its websocket before the run ended".into()))
    }

    /// Reads one websocket event of `prompt_id`'s run; true once it has ended.
    fn handle_event(&self, event: &Value, prompt_id: &str) -> Result<bool, BackendError> {
        let data = &event["data"];
        let ours = data["prompt_id"].as_str().is_none_or(|id| id == prompt_id);
        if !ours {
            return Ok(false);
        }
        match event["type"].as_str().unwrap_or_default() {
            "progress" => {
                let (value, max) = (data["value"].as_u64().unwrap_or(0), data["max"].as_u64().unwrap_or(0));
                self.set_progress(Progress::checked(value, max).filter(|p| p.step > 0));
                Ok(false)
            }
            "executing" => Ok(data["node"].is_null() && data["prompt_id"].is_string()),
            "execution_success" => Ok(true),
            "execution_error" => Err(BackendError::BadRequest {
                param: "workflow".into(),
                message: crate::text::truncate(data["exception_message"].as_str().unwrap_or("the run failed"), 500),
            }),
            "execution_interrupted" => Err(BackendError::Unavailable("the run was interrupted on the server".into())),
            _ => Ok(false),
        }
    }

    /// `POST /prompt`: queues the workflow, returning its id; a workflow ComfyUI rejects is explained.
    async fn queue(&self, graph: Value, client_id: &str) -> Result<String, BackendError> {
        let body = json!({"prompt": graph, "client_id": client_id});
        let response = self.client.post(self.url("prompt")).json(&body).send().await.map_err(transport_error)?;
        let status = response.status();
        if status.is_server_error() {
            return Err(BackendError::Unavailable(format!("status {status}")));
        }
        let answer: Value = read_json(response, MAX_SMALL_ANSWER).await?;
        if !status.is_success() {
            let message = answer["error"]["message"].as_str().unwrap_or("the workflow was rejected");
            let nodes = answer.get("node_errors").map(Value::to_string).unwrap_or_default();
            return Err(BackendError::BadRequest {
                param: "workflow".into(),
                message: crate::text::truncate(&format!("{message} {nodes}"), 500),
            });
        }
        answer["prompt_id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| BackendError::Malformed("POST /prompt answered no prompt_id".into()))
    }

    /// The images a finished run saved: `GET /history/{id}`, then `GET /view` for each.
    async fn outputs(&self, prompt_id: &str) -> Result<Vec<Vec<u8>>, BackendError> {
        let response =
            self.client.get(self.url(&format!("history/{prompt_id}"))).send().await.map_err(transport_error)?;
        if !response.status().is_success() {
            return Err(BackendError::Unavailable(format!("history: status {}", response.status())));
        }
        let history: Value = read_json(response, MAX_SMALL_ANSWER).await?;
        let mut saved: Vec<Output> = Vec::new();
        if let Some(outputs) = history[prompt_id]["outputs"].as_object() {
            for node in outputs.values() {
                let images = node.get("images").cloned().unwrap_or(Value::Null);
                saved.extend(serde_json::from_value::<Vec<Output>>(images).unwrap_or_default());
            }
        }
        let mut images = Vec::new();
        for output in saved.into_iter().filter(|o| o.kind == "output").take(MAX_OUTPUTS) {
            let query = [("filename", output.filename), ("subfolder", output.subfolder), ("type", output.kind)];
            let response = self.client.get(self.url("view")).query(&query).send().await.map_err(transport_error)?;
            if !response.status().is_success() {
                return Err(BackendError::ResultUnavailable(format!("view: status {}", response.status())));
            }
            images.push(read_body(response, self.max_image_bytes).await?);
        }
        Ok(images)
    }

    /// `POST /upload/image`: stores an input image on the server; returns the name a `LoadImage` node
    /// takes.
    async fn upload(&self, png: Vec<u8>) -> Result<String, BackendError> {
        let name = format!("easel-{:x}.png", self.fresh());
        let part = Part::bytes(png).file_name(name).mime_str("image/png").expect("a valid mime type");
        let form = Form::new().part("image", part).text("type", "input").text("overwrite", "true");
        let response =
            self.client.post(self.url("upload/image")).multipart(form).send().await.map_err(transport_error)?;
        let status = response.status();
        if !status.is_success() {
            return Err(if status.is_server_error() {
                BackendError::Unavailable(format!("upload: status {status}"))
            } else {
                BackendError::BadRequest { param: "image".into(), message: format!("upload: status {status}") }
            });
        }
        let stored: Value = read_json(response, MAX_SMALL_ANSWER).await?;
        let name = stored["name"].as_str().ok_or_else(|| BackendError::Malformed("upload answered no name".into()))?;
        Ok(match stored["subfolder"].as_str().filter(|s| !s.is_empty()) {
            Some(folder) => format!("{folder}/{name}"),
            None => name.to_owned(),
        })
    }
}

#[async_trait]
impl ImageBackend for ComfyUiBackend {
    async fn generate(&self, call: &BackendCall) -> Result<Generated, BackendError> {
        let workflow = self.workflow(call.workflow.as_deref())?;
        self.run(call, workflow, &[]).await
    }

    async fn vary(&self, call: &BackendCall, input: EditInput, _: VariationMethod) -> Result<Generated, BackendError> {
        let workflow = self.workflow(call.image_workflow.as_deref())?;
        if input.mask.is_some() && !workflow.takes_mask {
            return Err(BackendError::BadRequest {
                param: "mask".into(),
                message: format!("the workflow `{}` has no `{{{{mask}}}}` placeholder", workflow.name),
            });
        }
        let mut inputs = vec![("image", self.upload(input.image).await?)];
        if let Some(mask) = input.mask {
            inputs.push(("mask", self.upload(mask).await?));
        }
        self.run(call, workflow, &inputs).await
    }

    async fn progress(&self) -> Option<Progress> {
        *self.progress.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The checkpoints ComfyUI can load (`GET /object_info/CheckpointLoaderSimple`), and `default` for
    /// workflows that name their own.
    async fn served_models(&self) -> Result<Vec<ServedModel>, BackendError> {
        let response =
            self.client.get(self.url("object_info/CheckpointLoaderSimple")).send().await.map_err(transport_error)?;
        if !response.status().is_success() {
            return Err(BackendError::Unavailable(format!("status {}", response.status())));
        }
        let info: Value = read_json(response, MAX_SMALL_ANSWER).await?;
        let names = info["CheckpointLoaderSimple"]["input"]["required"]["ckpt_name"][0].as_array().cloned();
        let mut served = vec![ServedModel { id: WORKFLOW_CHECKPOINT.to_owned(), shutdown_date: None }];
        served.extend(
            names
                .unwrap_or_default()
                .iter()
                .filter_map(Value::as_str)
                .map(|id| ServedModel { id: id.to_owned(), shutdown_date: None }),
        );
        Ok(served)
    }
}
