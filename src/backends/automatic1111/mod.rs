//! Self-hosted Stable Diffusion: AUTOMATIC1111's web UI or Forge, started with `--api` (`SD_BASE_URL`).
//!
//! `POST /sdapi/v1/txt2img` makes images from a prompt, `POST /sdapi/v1/img2img` varies an upload; both
//! answer `{"images": [base64 PNG], "parameters", "info"}`. `GET /sdapi/v1/sd-models` lists the
//! checkpoints. The catalogue's `provider_model` names a checkpoint, or `default` for the loaded one, and
//! each quality maps to a number of sampling steps (`[model.steps]`).

use std::time::Duration;

use async_trait::async_trait;
use base64::Engine;
use reqwest::{Client, RequestBuilder, Url};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{
    by_server_status, images_answer_cap, read_body, read_json, transport_error, BackendCall, BackendError, EditInput,
    Generated, ImageBackend, Progress, SamplingOptions, ServedModel, MAX_SMALL_ANSWER,
};
use crate::domain::catalogue::{parse_size, VariationMethod};
use crate::secret::Secret;

mod describe;
mod info;

/// The name meaning "whatever checkpoint the server has loaded".
pub const LOADED_CHECKPOINT: &str = "default";
/// How much an img2img variation may depart from the upload (0: not at all, 1: entirely).
const VARIATION_STRENGTH: f64 = 0.55;
/// How much an inpainting edit repaints inside its mask (or everywhere without one).
const EDIT_STRENGTH: f64 = 0.75;
/// How much a result's HD button enlarges an image with the server's upscaler.
const UPSCALE_FACTOR: f64 = 2.0;

/// How much `/hd`'s hires fix enlarges the first pass.
const HIRES_SCALE: f64 = 2.0;
/// How much the hires pass may change the first pass.
const HIRES_STRENGTH: f64 = 0.5;

/// A client of one AUTOMATIC1111-compatible server.
pub struct Automatic1111Backend {
    client: Client,
    base: Url,
    auth: Option<(String, Secret)>,
    max_image_bytes: u64,
}

/// `POST /sdapi/v1/interrupt`, sent when dropped while armed. AUTOMATIC1111 runs one job at a time, and
/// Easel sends it one at a time by default (`EASEL_SD_CONCURRENCY`), so the job interrupted is Easel's.
struct Interrupt(Option<RequestBuilder>);

impl Drop for Interrupt {
    fn drop(&mut self) {
        let (Some(request), Ok(runtime)) = (self.0.take(), tokio::runtime::Handle::try_current()) else { return };
        runtime.spawn(async move {
            let _ = request.send().await;
            tracing::info!("asked AUTOMATIC1111 to stop an abandoned job");
        });
    }
}

impl Automatic1111Backend {
    /// A backend for `base` (e.g. `http://127.0.0.1:7860`) whose images may be `max_image_bytes` each,
    /// with the server's `--api-auth` credentials when it has them.
    pub fn new(base: Url, auth: Option<(String, Secret)>, timeout: Duration, max_image_bytes: u64) -> Self {
        let client = Client::builder().timeout(timeout).build().expect("a TLS backend is compiled in");
        Self { client, base, auth, max_image_bytes }
    }

    fn endpoint(&self, path: &str) -> String {
        format!("{}/sdapi/v1/{path}", self.base.as_str().trim_end_matches('/'))
    }

    /// A request to `path`, with the server's basic auth when configured.
    fn request(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        let request = self.client.request(method, self.endpoint(path));
        match &self.auth {
            Some((user, password)) => request.basic_auth(user, Some(password.expose())),
            None => request,
        }
    }

    fn post(&self, path: &str) -> RequestBuilder {
        self.request(reqwest::Method::POST, path)
    }

    fn get(&self, path: &str) -> RequestBuilder {
        self.request(reqwest::Method::GET, path)
    }

    /// The names a listing endpoint (`samplers`, `schedulers`) answers.
    pub async fn names(&self, path: &str) -> Result<Vec<String>, BackendError> {
        #[derive(Deserialize)]
        struct Named {
            name: String,
        }
        let response = self.get(path).send().await.map_err(transport_error)?;
        if !response.status().is_success() {
            return Err(BackendError::Unavailable(format!("status {}", response.status())));
        }
        let named: Vec<Named> = read_json(response, MAX_SMALL_ANSWER).await?;
        Ok(named.into_iter().map(|n| n.name).filter(|n| n.len() <= 100).take(200).collect())
    }

    async fn images(&self, request: RequestBuilder, n: u8) -> Result<Generated, BackendError> {
        // Dropped before the answer (a member's cancel, the call's timeout), the server is told to stop:
        // AUTOMATIC1111 would otherwise keep sampling for nobody while the next job waits behind it.
        let mut abandon = Interrupt(Some(self.post("interrupt")));
        let response = request.send().await.map_err(transport_error);
        abandon.0 = None;
        let response = response?;
        let status = response.status();
        if !status.is_success() {
            let body = read_body(response, MAX_SMALL_ANSWER).await.unwrap_or_default();
            let body = crate::text::truncate(&String::from_utf8_lossy(&body), 500);
            return Err(by_server_status(status, body, ""));
        }
        let answer: ImagesAnswer = read_json(response, images_answer_cap(n, self.max_image_bytes)).await?;
        let asked = usize::from(n.max(1));
        // With several images, AUTOMATIC1111 puts a grid of them all first (its `return_grid` setting).
        let grid = usize::from(asked > 1 && answer.images.len() == asked + 1);
        if answer.images.len() > asked + grid {
            return Err(BackendError::Malformed(format!("{} images for {n} asked", answer.images.len())));
        }
        let images = answer
            .images
            .iter()
            .skip(grid)
            .map(|b64| base64::engine::general_purpose::STANDARD.decode(strip_data_url(b64)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| BackendError::Malformed(format!("base64 image: {e}")))?;
        if images.is_empty() {
            return Err(BackendError::Malformed("the answer holds no image".into()));
        }
        let info = answer.info.as_ref();
        Ok(Generated {
            images,
            revised_prompt: None,
            usage: None,
            seeds: info::seeds_of(info),
            details: info::details_of(info),
            suggestions: Vec::new(),
        })
    }

    fn body(call: &BackendCall) -> Result<Value, BackendError> {
        let (width, height) = parse_size(&call.size).ok_or_else(|| BackendError::BadRequest {
            param: "size".into(),
            message: format!("Stable Diffusion needs WIDTHxHEIGHT, not `{}`", call.size),
        })?;
        let mut body = json!({
            "prompt": call.prompt.clone().unwrap_or_default(),
            "width": width,
            "height": height,
            "batch_size": call.n,
            "n_iter": 1,
            "steps": call.sampling_steps().unwrap_or(25),
            "send_images": true,
            "save_images": false,
            "seed": call.seed.unwrap_or(-1),
        });
        if let Some(negative) = &call.negative_prompt {
            body["negative_prompt"] = json!(negative);
        }
        // Since 1.9 the sampler and the scheduler are separate fields.
        if let Some(sampler) = &call.sampler {
            body["sampler_name"] = json!(sampler);
        }
        if let Some(scheduler) = &call.scheduler {
            body["scheduler"] = json!(scheduler);
        }
        if let Some(cfg) = call.cfg_scale {
            body["cfg_scale"] = json!(cfg);
        }
        if let (true, Some(upscaler)) = (call.hires, &call.upscaler) {
            body["enable_hr"] = json!(true);
            body["hr_scale"] = json!(HIRES_SCALE);
            body["hr_upscaler"] = json!(upscaler);
            body["denoising_strength"] = json!(HIRES_STRENGTH);
        }
        if call.provider_model != LOADED_CHECKPOINT {
            body["override_settings"] = json!({"sd_model_checkpoint": call.provider_model});
        }
        Ok(body)
    }
}

/// Some servers prefix images with a data URL header.
fn strip_data_url(b64: &str) -> &str {
    b64.split_once("base64,").map_or(b64, |(_, data)| data).trim()
}

#[async_trait]
impl ImageBackend for Automatic1111Backend {
    async fn generate(&self, call: &BackendCall) -> Result<Generated, BackendError> {
        let body = Self::body(call)?;
        self.images(self.post("txt2img").json(&body), call.n).await
    }

    async fn vary(
        &self,
        call: &BackendCall,
        input: EditInput,
        method: VariationMethod,
    ) -> Result<Generated, BackendError> {
        if method != VariationMethod::Img2img {
            return Err(BackendError::BadRequest {
                param: "variation".into(),
                message: format!("Stable Diffusion varies images with img2img, not {method:?}"),
            });
        }
        let mut body = Self::body(call)?;
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        body["init_images"] = json!([b64(&input.image)]);
        body["denoising_strength"] = json!(VARIATION_STRENGTH);
        if let Some(mask) = &input.mask {
            // Inpainting: white repaints, black keeps; the masked area starts from the original.
            body["mask"] = json!(b64(mask));
            body["inpainting_fill"] = json!(1);
            body["inpaint_full_res"] = json!(false);
            body["denoising_strength"] = json!(EDIT_STRENGTH);
        }
        self.images(self.post("img2img").json(&body), call.n).await
    }

    async fn upscale(&self, call: &BackendCall, image: Vec<u8>) -> Result<Generated, BackendError> {
        let upscaler = call.upscaler.clone().ok_or_else(|| BackendError::BadRequest {
            param: "upscaler".into(),
            message: "the catalogue names no upscaler for this model".into(),
        })?;
        let body = json!({
            "image": base64::engine::general_purpose::STANDARD.encode(image),
            "resize_mode": 0,
            "upscaling_resize": UPSCALE_FACTOR,
            "upscaler_1": upscaler,
        });
        let request = self.post("extra-single-image").json(&body);
        let response = request.send().await.map_err(transport_error)?;
        let status = response.status();
        if !status.is_success() {
            let body = read_body(response, MAX_SMALL_ANSWER).await.unwrap_or_default();
            let body = crate::text::truncate(&String::from_utf8_lossy(&body), 500);
            return Err(by_server_status(status, body, "upscaler"));
        }
        let answer: UpscaleAnswer = read_json(response, images_answer_cap(1, self.max_image_bytes)).await?;
        let image = base64::engine::general_purpose::STANDARD
            .decode(strip_data_url(&answer.image))
            .map_err(|e| BackendError::Malformed(format!("base64 image: {e}")))?;
        Ok(Generated { images: vec![image], ..Generated::default() })
    }

    async fn progress(&self) -> Option<Progress> {
        let request = self.get("progress?skip_current_image=true").timeout(PROGRESS_TIMEOUT);
        let response = request.send().await.ok().filter(|r| r.status().is_success())?;
        let answer: ProgressAnswer = read_json(response, MAX_SMALL_ANSWER).await.ok()?;
        Progress::checked(answer.state.sampling_step, answer.state.sampling_steps).filter(|p| p.step > 0)
    }

    /// `current_image` of `/sdapi/v1/progress` (AUTOMATIC1111's live preview), when it has one.
    async fn preview(&self) -> Option<Vec<u8>> {
        #[derive(Deserialize)]
        struct Current {
            current_image: Option<String>,
        }
        let request = self.get("progress?skip_current_image=false").timeout(PROGRESS_TIMEOUT);
        let response = request.send().await.ok().filter(|r| r.status().is_success())?;
        // A preview is small (a few hundred KB as base64 at most, at AUTOMATIC1111's preview size).
        let answer: Current = read_json(response, 8 * 1024 * 1024).await.ok()?;
        let encoded = answer.current_image.filter(|i| !i.is_empty())?;
        base64::engine::general_purpose::STANDARD.decode(strip_data_url(&encoded)).ok()
    }

    async fn sampling_options(&self) -> SamplingOptions {
        SamplingOptions {
            samplers: self.names("samplers").await.unwrap_or_default(),
            schedulers: self.names("schedulers").await.unwrap_or_default(),
        }
    }

    async fn served_models(&self) -> Result<Vec<ServedModel>, BackendError> {
        let response = self.get("sd-models").send().await.map_err(transport_error)?;
        if !response.status().is_success() {
            return Err(BackendError::Unavailable(format!("status {}", response.status())));
        }
        let checkpoints: Vec<Checkpoint> = read_json(response, MAX_SMALL_ANSWER).await?;
        let mut served = vec![ServedModel { id: LOADED_CHECKPOINT.to_owned(), shutdown_date: None }];
        for c in checkpoints {
            served.push(ServedModel { id: c.title, shutdown_date: None });
            served.push(ServedModel { id: c.model_name, shutdown_date: None });
        }
        Ok(served)
    }
}

/// How long a progress poll may take: it only decorates the member's message.
const PROGRESS_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Deserialize, Default)]
struct ProgressAnswer {
    #[serde(default)]
    state: ProgressState,
}

#[derive(Deserialize, Default)]
struct ProgressState {
    #[serde(default)]
    sampling_step: u64,
    #[serde(default)]
    sampling_steps: u64,
}

#[derive(Deserialize)]
struct ImagesAnswer {
    #[serde(default)]
    images: Vec<String>,
    /// A JSON document inside a string (an object on some forks), holding the seeds used.
    #[serde(default)]
    info: Option<Value>,
}

#[derive(Deserialize)]
struct UpscaleAnswer {
    image: String,
}

#[derive(Deserialize)]
struct Checkpoint {
    title: String,
    model_name: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::ResponseForm;

    fn call(size: &str, model: &str) -> BackendCall {
        BackendCall {
            provider_model: model.into(),
            prompt: Some("a lake".into()),
            size: size.into(),
            quality: "draft".into(),
            style: None,
            n: 2,
            response: ResponseForm::B64Json,
            send_response_format: false,
            edit_image_field: "image".into(),
            moderation: None,
            steps: Some(15),
            seed: Some(7),
            negative_prompt: Some("blur".into()),
            upscaler: Some("R-ESRGAN 4x+".into()),
            markup_field: None,
            steps_override: None,
            cfg_scale: Some(6.5),
            sampler: Some("DPM++ 2M".into()),
            scheduler: Some("Karras".into()),
            hires: false,
            workflow: None,
            image_workflow: None,
            blend_workflow: None,
            inpaint_workflow: None,
            partial_images: 0,
            input_fidelity: None,
        }
    }

    #[test]
    fn the_body_carries_size_steps_batch_and_checkpoint() {
        let body = Automatic1111Backend::body(&call("768x512", "sdxl.safetensors")).unwrap();
        assert_eq!((body["width"].as_u64(), body["height"].as_u64()), (Some(768), Some(512)));
        assert_eq!((body["steps"].as_u64(), body["batch_size"].as_u64()), (Some(15), Some(2)));
        assert_eq!(body["override_settings"]["sd_model_checkpoint"], "sdxl.safetensors");
        assert_eq!((body["seed"].as_i64(), body["negative_prompt"].as_str()), (Some(7), Some("blur")));
        assert_eq!((body["sampler_name"].as_str(), body["scheduler"].as_str()), (Some("DPM++ 2M"), Some("Karras")));
        assert_eq!(body["cfg_scale"].as_f64(), Some(6.5));
        assert!(body.get("enable_hr").is_none(), "hires fix only for /hd");
        let hd =
            Automatic1111Backend::body(&BackendCall { hires: true, ..call("512x512", LOADED_CHECKPOINT) }).unwrap();
        assert_eq!((hd["enable_hr"].as_bool(), hd["hr_upscaler"].as_str()), (Some(true), Some("R-ESRGAN 4x+")));
        let loaded = Automatic1111Backend::body(&call("512x512", LOADED_CHECKPOINT)).unwrap();
        assert!(loaded.get("override_settings").is_none(), "the loaded checkpoint is left as it is");
        assert!(Automatic1111Backend::body(&call("auto", LOADED_CHECKPOINT)).is_err());
    }

    #[test]
    fn data_url_prefixes_are_stripped() {
        assert_eq!(strip_data_url("data:image/png;base64,QUJD"), "QUJD");
        assert_eq!(strip_data_url("QUJD"), "QUJD");
    }
}
