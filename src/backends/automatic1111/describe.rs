//! AUTOMATIC1111's interrogator as a [`Describer`]: `POST /sdapi/v1/interrogate` with the picture and
//! the interrogator's name (`clip`) answers `{"caption": "…"}`, one prompt suggestion.

use async_trait::async_trait;
use base64::Engine;
use serde::Deserialize;
use serde_json::json;

use super::Automatic1111Backend;
use crate::backends::{
    by_server_status, checked_suggestions, read_body, read_json, transport_error, BackendError, Describer,
    MAX_SMALL_ANSWER,
};

#[async_trait]
impl Describer for Automatic1111Backend {
    async fn describe(&self, model: &str, png: &[u8]) -> Result<Vec<String>, BackendError> {
        #[derive(Deserialize)]
        struct Caption {
            #[serde(default)]
            caption: Option<String>,
        }
        let image = base64::engine::general_purpose::STANDARD.encode(png);
        let body = json!({"image": format!("data:image/png;base64,{image}"), "model": model});
        let response = self.post("interrogate").json(&body).send().await.map_err(transport_error)?;
        let status = response.status();
        if !status.is_success() {
            let body = read_body(response, MAX_SMALL_ANSWER).await.unwrap_or_default();
            let body = crate::text::truncate(&String::from_utf8_lossy(&body), 500);
            return Err(by_server_status(status, body, ""));
        }
        let answer: Caption = read_json(response, MAX_SMALL_ANSWER).await?;
        checked_suggestions(answer.caption)
    }
}
