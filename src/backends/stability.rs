//! Stability AI's hosted API (`STABILITY_API_KEY`): the v2beta stable-image endpoints, multipart
//! requests answered with the image's bytes (`Accept: image/*`).
//!
//! `provider_model` names the service: `core` and `ultra` have endpoints of their own, anything else
//! (`sd3.5-large`, …) is a `model` of the `sd3` endpoint. Sizes are aspect ratios. A `finish-reason:
//! CONTENT_FILTERED` answer is a refusal, never an image. Each call makes one image, so `n` images are
//! `n` calls, each billed in credits ($0.01 a credit, priced in the catalogue).

use std::time::Duration;

use async_trait::async_trait;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, Response, StatusCode, Url};
use serde::Deserialize;

use super::{
    by_status, parse_wait, read_body, read_json, transport_error, BackendCall, BackendError, EditInput, Generated,
    ImageBackend, ServedModel, MAX_SMALL_ANSWER,
};
use crate::domain::catalogue::VariationMethod;
use crate::secret::Secret;

/// How much an image-to-image variation may depart from the upload.
const VARIATION_STRENGTH: f64 = 0.55;

/// A client of Stability AI's API.
pub struct StabilityBackend {
    client: Client,
    base: Url,
    key: Secret,
    max_image_bytes: u64,
}

/// What a call asks of Stability: an endpoint and the form sent to it.
struct Request {
    path: String,
    form: Form,
}

impl StabilityBackend {
    /// A backend for `base` (`https://api.stability.ai`) with `key`; images may be `max_image_bytes`.
    pub fn new(base: Url, key: Secret, timeout: Duration, max_image_bytes: u64) -> Self {
        let client = Client::builder().timeout(timeout).build().expect("a TLS backend is compiled in");
        Self { client, base, key, max_image_bytes }
    }

    fn endpoint(&self, path: &str) -> String {
        format!("{}/{path}", self.base.as_str().trim_end_matches('/'))
    }

    /// Sends one request and reads its one image (and the seed Stability reports).
    async fn one(&self, request: Request) -> Result<(Vec<u8>, Option<i64>), BackendError> {
        let response = self
            .client
            .post(self.endpoint(&request.path))
            .bearer_auth(self.key.expose())
            .header("accept", "image/*")
            .multipart(request.form)
            .send()
            .await
            .map_err(transport_error)?;
        if !response.status().is_success() {
            return Err(error_from(response).await);
        }
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        if header("finish-reason").is_some_and(|r| r.eq_ignore_ascii_case("CONTENT_FILTERED")) {
            return Err(BackendError::Refused { message: "Stability AI's content filter (CONTENT_FILTERED)".into() });
        }
        let seed = header("seed").and_then(|s| s.trim().parse::<i64>().ok()).filter(|s| *s >= 0);
        let image = read_body(response, self.max_image_bytes).await?;
        Ok((image, seed))
    }

    /// `n` calls, one image each; a given seed counts up from one image to the next, as other servers do.
    async fn many(&self, call: &BackendCall, make: impl Fn(Option<i64>) -> Request) -> Result<Generated, BackendError> {
        let mut generated = Generated::default();
        for i in 0..i64::from(call.n.max(1)) {
            let (image, seed) = self.one(make(call.seed.filter(|s| *s >= 0).map(|s| s + i))).await?;
            generated.images.push(image);
            generated.seeds.extend(seed);
        }
        Ok(generated)
    }
}

/// The endpoint of a service, and the `model` field the `sd3` endpoint wants.
fn service(provider_model: &str) -> (String, Option<String>) {
    match provider_model {
        "core" | "ultra" => (format!("v2beta/stable-image/generate/{provider_model}"), None),
        model => ("v2beta/stable-image/generate/sd3".to_owned(), Some(model.to_owned())),
    }
}

/// The fields every request shares: prompt, negative prompt, seed, and PNG output.
fn common(call: &BackendCall, seed: Option<i64>) -> Form {
    let mut form = Form::new().text("output_format", "png");
    if let Some(prompt) = &call.prompt {
        form = form.text("prompt", prompt.clone());
    }
    if let Some(negative) = &call.negative_prompt {
        form = form.text("negative_prompt", negative.clone());
    }
    if let Some(seed) = seed {
        form = form.text("seed", seed.to_string());
    }
    form
}

fn png(bytes: Vec<u8>, name: &'static str) -> Part {
    Part::bytes(bytes).file_name(name).mime_str("image/png").expect("a valid mime type")
}

#[derive(Deserialize, Default)]
struct ErrorAnswer {
    #[serde(default)]
    name: String,
    #[serde(default)]
    errors: Vec<String>,
}

/// Sorts Stability's error answers (`{"id", "name", "errors": [...]}`) into [`BackendError`] cases.
async fn error_from(response: Response) -> BackendError {
    let status = response.status();
    let wait = response.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(parse_wait);
    let body = read_body(response, MAX_SMALL_ANSWER).await.unwrap_or_default();
    let answer: ErrorAnswer = serde_json::from_slice(&body).unwrap_or_default();
    let message = crate::text::truncate(
        &if answer.errors.is_empty() { String::from_utf8_lossy(&body).into_owned() } else { answer.errors.join("; ") },
        500,
    );
    match status {
        // Stability answers a prompt or image its moderation refuses with 403.
        StatusCode::FORBIDDEN => BackendError::Refused { message },
        _ => by_status(status, message, answer.name, wait),
    }
}

#[async_trait]
impl ImageBackend for StabilityBackend {
    async fn generate(&self, call: &BackendCall) -> Result<Generated, BackendError> {
        let (path, model) = service(&call.provider_model);
        self.many(call, |seed| {
            let mut form = common(call, seed).text("aspect_ratio", call.size.clone());
            if let Some(model) = &model {
                form = form.text("model", model.clone());
            }
            Request { path: path.clone(), form }
        })
        .await
    }

    async fn vary(
        &self,
        call: &BackendCall,
        input: EditInput,
        method: VariationMethod,
    ) -> Result<Generated, BackendError> {
        if let Some(mask) = &input.mask {
            // Inpainting: the mask is white where to repaint.
            return self
                .many(call, |seed| Request {
                    path: "v2beta/stable-image/edit/inpaint".to_owned(),
                    form: common(call, seed)
                        .part("image", png(input.image.clone(), "image.png"))
                        .part("mask", png(mask.clone(), "mask.png")),
                })
                .await;
        }
        if method == VariationMethod::Variations {
            return Err(BackendError::BadRequest {
                param: "variation".into(),
                message: "Stability varies images image-to-image, not with a variations endpoint".into(),
            });
        }
        let (path, model) = service(&call.provider_model);
        if model.is_none() && call.provider_model == "core" {
            return Err(BackendError::BadRequest {
                param: "image".into(),
                message: "Stable Image Core takes no input image".into(),
            });
        }
        self.many(call, |seed| {
            let mut form = common(call, seed)
                .part("image", png(input.image.clone(), "image.png"))
                .text("strength", VARIATION_STRENGTH.to_string());
            if let Some(model) = &model {
                form = form.text("model", model.clone()).text("mode", "image-to-image");
            }
            Request { path: path.clone(), form }
        })
        .await
    }

    async fn upscale(&self, _call: &BackendCall, image: Vec<u8>) -> Result<Generated, BackendError> {
        let form = Form::new().text("output_format", "png").part("image", png(image, "image.png"));
        let (image, seed) = self.one(Request { path: "v2beta/stable-image/upscale/fast".to_owned(), form }).await?;
        Ok(Generated { images: vec![image], seeds: seed.into_iter().collect(), ..Generated::default() })
    }

    /// Stability lists no models for v2beta; asking the account's balance checks the key and the
    /// network instead.
    async fn served_models(&self) -> Result<Vec<ServedModel>, BackendError> {
        #[derive(Deserialize)]
        struct Balance {
            #[allow(dead_code)]
            credits: f64,
        }
        let response = self
            .client
            .get(self.endpoint("v1/user/balance"))
            .bearer_auth(self.key.expose())
            .send()
            .await
            .map_err(transport_error)?;
        if !response.status().is_success() {
            return Err(error_from(response).await);
        }
        let _: Balance = read_json(response, MAX_SMALL_ANSWER).await?;
        Ok(Vec::new())
    }

    fn lists_models(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_map_to_their_endpoints() {
        assert_eq!(service("core"), ("v2beta/stable-image/generate/core".to_owned(), None));
        assert_eq!(service("ultra").0, "v2beta/stable-image/generate/ultra");
        assert_eq!(service("sd3.5-large"), ("v2beta/stable-image/generate/sd3".to_owned(), Some("sd3.5-large".into())));
    }
}
