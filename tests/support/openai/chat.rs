//! `POST /v1/chat/completions` as OpenAI answers it, for the prompt translator and `/describe`'s
//! vision model: the system message says what to do, the user message holds the member's prompt (or a
//! picture as an `image_url` part), the answer's first choice holds the text. Translations are scripted per prompt (anything else comes back marked as English); a number
//! of calls can be made to fail with a 500.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::{FakeOpenAi, Recorded, Shared};

impl FakeOpenAi {
    /// Makes the chat model render `prompt` as `english`.
    pub fn translates(&self, prompt: &str, english: &str) {
        self.inner.lock().unwrap().translations.insert(prompt.to_owned(), english.to_owned());
    }

    /// Makes the next `calls` chat calls fail with a 500.
    pub fn fail_chat(&self, calls: usize) {
        self.inner.lock().unwrap().chat_failures = calls;
    }

    /// Every chat call received.
    pub fn chat_calls(&self) -> Vec<Recorded> {
        self.inner.lock().unwrap().requests.iter().filter(|r| r.path.ends_with("/chat/completions")).cloned().collect()
    }
}

/// The picture of a vision request (a user message's `image_url` part, a base64 data URL), decoded.
fn picture_in(body: &Value) -> Option<image::DynamicImage> {
    let parts = body["messages"].as_array()?.iter().filter_map(|m| m["content"].as_array()).flatten();
    let url = parts.filter(|p| p["type"] == "image_url").find_map(|p| p["image_url"]["url"].as_str())?;
    let encoded = url.strip_prefix("data:image/")?.split_once(";base64,")?.1;
    let bytes = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, encoded).ok()?;
    image::load_from_memory(&bytes).ok()
}

/// A vision model's answer to "prompts for this picture": a JSON array of four prompts naming the
/// picture's size (so a test sees the very picture arrived), as the instruction asks.
fn described(picture: &image::DynamicImage) -> String {
    let (w, h) = (picture.width(), picture.height());
    json!([
        format!("a {w}x{h} flat colour field, still, minimalist painting, empty studio, soft edges, high quality"),
        format!("a {w}x{h} colour swatch, resting, product photo, white backdrop, crisp light, 4k"),
        format!("a {w}x{h} abstract plane, floating, digital art, void, subtle grain, masterpiece"),
        format!("a {w}x{h} monochrome card, lying flat, watercolor, on a desk, paper texture, detailed"),
    ])
    .to_string()
}

pub(super) async fn chat(State(state): State<Shared>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    let model = body["model"].as_str().unwrap_or_default().to_owned();
    if let Some(picture) = picture_in(&body) {
        state.0.lock().unwrap().requests.push(Recorded::now(
            "/v1/chat/completions",
            &headers,
            body.clone(),
            Vec::new(),
        ));
        state.1.notify_waiters();
        return answer(&model, &described(&picture));
    }
    let user = body["messages"]
        .as_array()
        .and_then(|m| m.iter().rev().find(|m| m["role"] == "user"))
        .and_then(|m| m["content"].as_str())
        .map(str::to_owned);
    let (failing, translation) = {
        let mut inner = state.0.lock().unwrap();
        inner.requests.push(Recorded::now("/v1/chat/completions", &headers, body.clone(), Vec::new()));
        let failing = inner.chat_failures > 0;
        inner.chat_failures = inner.chat_failures.saturating_sub(1);
        let translation = user.as_ref().map(|u| inner.translations.get(u).cloned().unwrap_or(format!("(English) {u}")));
        (failing, translation)
    };
    state.1.notify_waiters();
    if failing {
        let error = json!({"error": {"message": "The server had an error while processing your request.",
            "type": "server_error", "param": null, "code": null}});
        return (StatusCode::INTERNAL_SERVER_ERROR, Json(error)).into_response();
    }
    let (Some(translation), false) = (translation, model.is_empty()) else {
        let error = json!({"error": {"message": "you must provide a model and messages",
            "type": "invalid_request_error", "param": "messages", "code": null}});
        return (StatusCode::BAD_REQUEST, Json(error)).into_response();
    };
    answer(&model, &translation)
}

/// A chat completion whose first choice says `content`.
fn answer(model: &str, content: &str) -> Response {
    Json(json!({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1_765_000_000, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content, "refusal": null},
            "logprobs": null, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 40, "completion_tokens": 12, "total_tokens": 52}
    }))
    .into_response()
}
