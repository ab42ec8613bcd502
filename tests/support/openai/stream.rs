//! Streamed image calls, as OpenAI sends them when asked `stream: true` with `partial_images`:
//! server-sent events, `{kind}.partial_image` events spread over the reply's delay, then one
//! `{kind}.completed` event with the image and the call's usage (no `revised_prompt`: the completed
//! event has none). `kind` is `image_generation` or `image_edit`.
//!
//! Every scripted reply is served as the real API would serve it streamed: a refusal, a rate limit or a
//! server error is the usual JSON error before any event; a hang sends nothing; broken or huge images
//! arrive in the completed event.

use std::time::Duration;

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use serde_json::json;

use super::{png, reply_with, Answering, Reply, Shared};

/// The answer to a streamed call scripted as `reply`.
pub(super) async fn answer(state: &Shared, reply: Reply, partials: u64, kind: &'static str) -> Response {
    if state.0.lock().unwrap().refuse_stream {
        let error = json!({"message": "Unknown parameter: 'stream'.", "type": "invalid_request_error",
            "param": "stream", "code": "unknown_parameter"});
        return (StatusCode::BAD_REQUEST, Json(json!({"error": error}))).into_response();
    }
    let encode = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let (delay_ms, completed) = match reply {
        Reply::Error { .. } | Reply::Hang => return reply_with(state, reply, 1, "").await,
        Reply::Delayed(ms) => (ms, encode(&made(state, png(64, 48, [200, 0, 30])))),
        Reply::SlowNoise(side, ms) => (ms, encode(&made(state, easel::media::imaging::noise_png(side, side)))),
        Reply::Noise(side) => (0, encode(&made(state, easel::media::imaging::noise_png(side, side)))),
        Reply::HalfPng | Reply::HalfPngUrl => {
            let whole = easel::media::imaging::noise_png(64, 64);
            (0, encode(&whole[..whole.len() / 2]))
        }
        Reply::Huge(len) => (0, "A".repeat(len)),
        // gpt-image models answer base64 only: a scripted link is a plain image here.
        Reply::Base64 | Reply::Url | Reply::ExpiredUrl => (0, encode(&made(state, png(64, 48, [200, 0, 30])))),
    };
    events(state, partials, kind, Duration::from_millis(delay_ms), completed)
}

/// Records `bytes` as an image the model made.
fn made(state: &Shared, bytes: Vec<u8>) -> Vec<u8> {
    state.0.lock().unwrap().images_made.push(bytes.clone());
    bytes
}

/// The event stream: `partials` partial images over `total`, then the completed image (`b64`).
fn events(state: &Shared, partials: u64, kind: &'static str, total: Duration, b64: String) -> Response {
    let answering = Answering::start(state);
    let (send, receive) = tokio::sync::mpsc::unbounded_channel::<String>();
    tokio::spawn(async move {
        let step = total / u32::try_from(partials + 1).unwrap_or(1);
        let encode = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        for index in 0..partials {
            tokio::time::sleep(step).await;
            let partial = png(32, 24, [(index * 80) as u8, 40, 40]);
            let data = json!({"type": format!("{kind}.partial_image"), "b64_json": encode(&partial),
                "partial_image_index": index, "created_at": 1_790_000_000, "size": "1024x1024",
                "quality": "medium", "background": "opaque", "output_format": "png"});
            let _ = send.send(format!("event: {kind}.partial_image\ndata: {data}\n\n"));
        }
        tokio::time::sleep(step).await;
        let done = json!({"type": format!("{kind}.completed"), "b64_json": b64, "created_at": 1_790_000_000,
            "size": "1024x1024", "quality": "medium", "background": "opaque", "output_format": "png",
            "usage": {"input_tokens": 100, "output_tokens": 1000 + 100 * partials,
                "input_tokens_details": {"text_tokens": 100, "image_tokens": 0}}});
        let _ = send.send(format!("event: {kind}.completed\ndata: {done}\n\n"));
        drop(answering);
    });
    let body = futures_util::stream::unfold(receive, |mut receive| async move {
        receive.recv().await.map(|event| (Ok::<_, std::convert::Infallible>(Bytes::from(event)), receive))
    });
    ([("content-type", "text/event-stream")], axum::body::Body::from_stream(body)).into_response()
}
