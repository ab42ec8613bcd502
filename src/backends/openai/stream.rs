//! Streamed generations and edits: with `stream: true` and `partial_images` (1-3), OpenAI's image API answers
//! with server-sent events: `image_generation.partial_image` (or `image_edit.partial_image`) events
//! (`b64_json`, `partial_image_index`) while the picture takes shape, then one `….completed` event
//! holding the image and the call's `usage` (and no `revised_prompt`). The partial images become the member's preview; the completed one is the result.
//!
//! Each partial image costs about [`crate::domain::catalogue::PARTIAL_IMAGE_TOKENS`] extra output tokens, which
//! the catalogue's estimate includes and the `usage` settles. A server that refuses `stream` (older or
//! other OpenAI-compatible servers) is asked again without it once, and remembered.

use std::sync::atomic::Ordering;

use reqwest::{RequestBuilder, Response};
use serde_json::Value;
use tracing::warn;

use super::{decode_image, images_answer_cap, OpenAiBackend, UsageAnswer};
use crate::backends::{transport_error, BackendCall, BackendError, Generated};

/// What a finished stream gave: the image and the call's usage.
struct Streamed {
    image: Vec<u8>,
    usage: Option<Value>,
}

/// Whether `error` says the server does not take a streamed request (so it is asked again without).
fn refuses_streaming(error: &BackendError) -> bool {
    match error {
        BackendError::BadRequest { param, message } => {
            let said = format!("{param} {message}").to_lowercase();
            said.contains("stream") || said.contains("partial_images")
        }
        _ => false,
    }
}

/// Whether `response` is a stream of events (a server that ignores `stream` answers plain JSON).
fn is_event_stream(response: &Response) -> bool {
    response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/event-stream"))
}

impl OpenAiBackend {
    /// Makes the call `ask` builds: streamed with partial images when the call wants them (a single
    /// image of a model with `partial_images`, previews on, the server not known to refuse), else
    /// plain. `ask(Some(n))` is the request asking for `n` partial images, `ask(None)` the plain one. A
    /// server refusing `stream` is asked again plainly, and not asked to stream again.
    pub(super) async fn call(
        &self,
        ask: impl Fn(Option<u8>) -> RequestBuilder,
        call: &BackendCall,
    ) -> Result<Generated, BackendError> {
        let partials = call.partial_images.min(3);
        if !self.previews || partials == 0 || call.n != 1 || self.no_stream.load(Ordering::Relaxed) {
            return self.images(ask(None), call).await;
        }
        let response = match self.send(ask(Some(partials))).await {
            Ok(response) => response,
            Err(e) if refuses_streaming(&e) => {
                warn!(error = %e, "OPENAI_BASE_URL refuses streamed images: asking without previews from now on");
                self.no_stream.store(true, Ordering::Relaxed);
                return self.images(ask(None), call).await;
            }
            Err(e) => return Err(e),
        };
        let result = if is_event_stream(&response) {
            // The partial images' bytes come first: room for them besides the image.
            let cap = images_answer_cap(1, self.max_result_bytes).saturating_mul(1 + u64::from(partials));
            self.read_stream(response, cap).await.map(Streamed::generated)
        } else {
            self.answer(response, call).await
        };
        self.set_preview(None);
        result
    }

    /// Reads a streamed answer of at most `cap` bytes, keeping each partial image as the preview.
    async fn read_stream(&self, mut response: Response, cap: u64) -> Result<Streamed, BackendError> {
        let mut buffer: Vec<u8> = Vec::new();
        let mut read: u64 = 0;
        loop {
            while let Some(end) = event_end(&buffer) {
                let event: Vec<u8> = buffer.drain(..end).collect();
                if let Some(done) = self.event(&event)? {
                    return Ok(done);
                }
            }
            let Some(chunk) = response.chunk().await.map_err(transport_error)? else { break };
            read += chunk.len() as u64;
            if read > cap {
                return Err(BackendError::TooLarge { max: cap });
            }
            buffer.extend_from_slice(&chunk);
        }
        // The last event may lack its blank line.
        match self.event(&buffer)? {
            Some(done) => Ok(done),
            None => Err(BackendError::Malformed("the stream ended without a completed image".into())),
        }
    }

    /// One event: a partial image (kept as the preview), the completed image, or an error.
    fn event(&self, event: &[u8]) -> Result<Option<Streamed>, BackendError> {
        let text = String::from_utf8_lossy(event);
        let data: String = text
            .lines()
            .filter_map(|line| line.strip_prefix("data:"))
            .map(str::trim_start)
            .collect::<Vec<_>>()
            .join("\n");
        if data.is_empty() || data == "[DONE]" {
            return Ok(None);
        }
        let Ok(event) = serde_json::from_str::<Value>(&data) else { return Ok(None) };
        let decode = |field: &Value| {
            decode_image(
                field.as_str().ok_or_else(|| BackendError::Malformed("an image event without b64_json".into()))?,
            )
        };
        match event["type"].as_str().unwrap_or_default() {
            "image_generation.partial_image" | "image_edit.partial_image" => {
                self.set_preview(decode(&event["b64_json"]).ok());
                Ok(None)
            }
            "image_generation.completed" | "image_edit.completed" => {
                Ok(Some(Streamed { image: decode(&event["b64_json"])?, usage: event.get("usage").cloned() }))
            }
            "error" => Err(stream_error(&event["error"])),
            _ => Ok(None),
        }
    }
}

/// The end (exclusive) of the first complete event in `buffer`: a blank line (`\n\n` or `\r\n\r\n`).
fn event_end(buffer: &[u8]) -> Option<usize> {
    let lf = buffer.windows(2).position(|w| w == b"\n\n").map(|at| at + 2);
    let crlf = buffer.windows(4).position(|w| w == b"\r\n\r\n").map(|at| at + 4);
    match (lf, crlf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// An `error` event in the terms of any other failed answer.
fn stream_error(error: &Value) -> BackendError {
    let message = error["message"].as_str().unwrap_or("the stream failed").to_owned();
    match error["code"].as_str().unwrap_or_default() {
        "content_policy_violation" | "moderation_blocked" => BackendError::Refused { message },
        "rate_limit_exceeded" => BackendError::RateLimited { retry_after: None },
        "server_error" => BackendError::Unavailable(message),
        _ => BackendError::BadRequest { param: error["param"].as_str().unwrap_or_default().to_owned(), message },
    }
}

impl Streamed {
    /// The finished call, as an unstreamed answer would have given it.
    fn generated(self) -> Generated {
        let usage = self.usage.and_then(|u| serde_json::from_value::<UsageAnswer>(u).ok()).map(Into::into);
        Generated { images: vec![self.image], usage, ..Generated::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_end_at_a_blank_line_of_either_kind() {
        assert_eq!(event_end(b"data: {}\n\nrest"), Some(10));
        assert_eq!(event_end(b"data: {}\r\n\r\nrest"), Some(12));
        assert_eq!(event_end(b"data: {}\n"), None);
    }

    #[test]
    fn a_refusal_of_stream_is_told_apart_from_other_bad_requests() {
        let stream = BackendError::BadRequest { param: "stream".into(), message: "Unknown parameter".into() };
        let partial =
            BackendError::BadRequest { param: String::new(), message: "Unrecognized 'partial_images'".into() };
        let size = BackendError::BadRequest { param: "size".into(), message: "Invalid size".into() };
        assert!(refuses_streaming(&stream) && refuses_streaming(&partial) && !refuses_streaming(&size));
        let refused = stream_error(&serde_json::json!({"code": "moderation_blocked", "message": "no"}));
        assert!(matches!(refused, BackendError::Refused { .. }));
    }
}
