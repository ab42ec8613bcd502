//! ComfyUI (`COMFYUI_URL`): each catalogue model runs an API-format workflow with named placeholders
//! (see [`workflow`]). A job uploads its input image (`POST /upload/image`), queues the filled workflow
//! (`POST /prompt` with a client id), follows ComfyUI's websocket (`/ws?clientId=`) for `progress`, the
//! saved images and the end of the run (see [`follow`]), then downloads the images from `GET /view`.

mod errors;
mod follow;
mod validate;
pub mod workflow;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, Url};
use serde_json::{json, Value};

use self::follow::{Abandon, Output};
use self::workflow::Workflow;
use super::{
    by_server_status, read_body, read_json, transport_error, BackendCall, BackendError, EditInput, Generated,
    ImageBackend, Progress, ServedModel, MAX_SMALL_ANSWER,
};
use crate::domain::catalogue::{parse_size, VariationMethod};

/// The `provider_model` meaning "whatever checkpoint the workflow names itself".
pub const WORKFLOW_CHECKPOINT: &str = "default";
/// How much an image-to-image run may depart from its input.
const DENOISE: f64 = 0.55;
/// How much a blend may depart from its mixed inputs: more than a variation, so the mix becomes one
/// picture.
const BLEND_DENOISE: f64 = 0.7;
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
    /// The latest preview frame of the run going on (one image at most is held).
    preview: Mutex<Option<Vec<u8>>>,
    runs: AtomicU64,
}

impl ComfyUiBackend {
    /// A backend for `base` (e.g. `http://127.0.0.1:8188`) running `workflows` (checked at start-up).
    pub fn new(base: Url, timeout: Duration, max_image_bytes: u64, workflows: Vec<Workflow>) -> Self {
        let client = Client::builder().timeout(timeout).build().expect("a TLS backend is compiled in");
        let workflows = workflows.into_iter().map(|w| (w.name.clone(), w)).collect();
        Self {
            client,
            base,
            timeout,
            max_image_bytes,
            workflows,
            progress: Mutex::new(None),
            preview: Mutex::new(None),
            runs: AtomicU64::new(0),
        }
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

    fn set_preview(&self, preview: Option<Vec<u8>>) {
        *self.preview.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = preview;
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
        inputs: &[(String, Value)],
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
                values.insert(name.as_str(), value.clone());
            }
            let images = tokio::time::timeout(self.timeout, self.queue_and_collect(workflow.fill(&values)))
                .await
                .map_err(|_| BackendError::TimedOut);
            self.set_progress(None);
            self.set_preview(None);
            generated.images.extend(images??);
            generated.seeds.push(seed + run);
        }
        generated.images.truncate(usize::from(call.n.max(1)));
        if generated.images.is_empty() {
            return Err(BackendError::Malformed("the workflow saved no image".into()));
        }
        Ok(generated)
    }

    /// Queues a filled workflow, follows it until it ends, and downloads the images it saved. Dropped
    /// before the end (a cancel, a timeout), the run is stopped on the server too.
    async fn queue_and_collect(&self, graph: Value) -> Result<Vec<Vec<u8>>, BackendError> {
        let client_id = format!("easel-{:x}", self.fresh());
        let socket = self.connect(&client_id).await?;
        let prompt_id = self.queue(graph, &client_id).await?;
        let mut abandon = Abandon::new(self.client.clone(), self.base.to_string(), prompt_id.clone());
        let saved = self.follow(socket, &client_id, &prompt_id, &mut abandon).await?;
        self.download(saved).await
    }

    /// `POST /prompt`: queues the workflow, returning its id; a workflow ComfyUI rejects is explained
    /// node by node.
    async fn queue(&self, graph: Value, client_id: &str) -> Result<String, BackendError> {
        let body = json!({"prompt": graph, "client_id": client_id});
        let response = self.client.post(self.url("prompt")).json(&body).send().await.map_err(transport_error)?;
        let status = response.status();
        if status.is_server_error() {
            return Err(BackendError::Unavailable(format!("status {status}")));
        }
        // A refusal lists every node's inputs (with many checkpoints, long): read with room to spare.
        let answer: Value = read_json(response, MAX_SMALL_ANSWER * 16).await?;
        if !status.is_success() {
            return Err(BackendError::BadRequest { param: "workflow".into(), message: errors::rejected(&answer) });
        }
        answer["prompt_id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| BackendError::Malformed("POST /prompt answered no prompt_id".into()))
    }

    /// The saved images, from `GET /view`.
    async fn download(&self, saved: Vec<Output>) -> Result<Vec<Vec<u8>>, BackendError> {
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

    /// A blend: every image uploaded, then the blend workflow run with them as `{{image}}`,
    /// `{{image2}}`…; a workflow numbering more images than were given takes them again in turn.
    async fn blend(&self, call: &BackendCall, input: EditInput) -> Result<Generated, BackendError> {
        let workflow = self.workflow(call.blend_workflow.as_deref())?;
        let given = 1 + input.extra.len();
        if given > usize::from(workflow.images) {
            return Err(BackendError::BadRequest {
                param: "image".into(),
                message: format!("the workflow `{}` blends at most {} images", workflow.name, workflow.images),
            });
        }
        let mut uploaded = Vec::with_capacity(given);
        for image in std::iter::once(input.image).chain(input.extra) {
            uploaded.push(self.upload(image).await?);
        }
        let placeholder = |k: usize| if k == 0 { "image".to_owned() } else { format!("image{}", k + 1) };
        let mut inputs: Vec<(String, Value)> =
            (0..usize::from(workflow.images)).map(|k| (placeholder(k), json!(uploaded[k % given]))).collect();
        inputs.push(("denoise".to_owned(), json!(BLEND_DENOISE)));
        self.run(call, workflow, &inputs).await
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
            return Err(by_server_status(status, "upload".into(), "image"));
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
        if !input.extra.is_empty() {
            return self.blend(call, input).await;
        }
        // A masked edit (an /edit with a mask, Pan, Zoom Out) runs the inpainting workflow.
        let name = if input.mask.is_some() { &call.inpaint_workflow } else { &call.image_workflow };
        let workflow = self.workflow(name.as_deref())?;
        let mut inputs = vec![("image".to_owned(), json!(self.upload(input.image).await?))];
        if let Some(mask) = input.mask {
            inputs.push(("mask".to_owned(), json!(self.upload(mask).await?)));
        }
        self.run(call, workflow, &inputs).await
    }

    async fn progress(&self) -> Option<Progress> {
        *self.progress.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The websocket's latest preview frame (`--preview-method auto` on the server).
    async fn preview(&self) -> Option<Vec<u8>> {
        self.preview.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    /// Every workflow against the server's `GET /object_info` (see [`validate`]); a server that does not
    /// answer is reported once.
    async fn setup_problems(&self) -> Vec<String> {
        let info = match self.client.get(self.url("object_info")).send().await.map_err(transport_error) {
            // The whole server's description: megabytes with many custom nodes.
            Ok(response) if response.status().is_success() => read_json::<Value>(response, 64 * 1024 * 1024).await,
            Ok(response) => Err(BackendError::Unavailable(format!("object_info: status {}", response.status()))),
            Err(e) => Err(e),
        };
        let info = match info {
            Ok(info) => info,
            Err(e) => return vec![format!("the workflows could not be checked: {e}")],
        };
        let mut workflows: Vec<&Workflow> = self.workflows.values().collect();
        workflows.sort_by(|a, b| a.name.cmp(&b.name));
        workflows.into_iter().flat_map(|w| validate::problems(&w.name, w.graph(), &info)).collect()
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
