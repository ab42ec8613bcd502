//! The prompt translator over an OpenAI-compatible chat model (`EASEL_TRANSLATE_MODEL`): a member's
//! prompt rendered in English for a Stable Diffusion model trained on English captions.

use std::sync::Arc;

use async_trait::async_trait;
use serde::Deserialize;
use serde_json::json;

use super::OpenAiBackend;
use crate::backends::{read_json, BackendError, Translator, MAX_SMALL_ANSWER};

/// What the chat model is asked to do with the member's words.
const INSTRUCTION: &str = "You translate prompts for an image model that understands English only. \
    Translate the user's message into natural English, keeping every detail, name, style and \
    comma-separated tag in its order. If it is already English, return it unchanged. Reply with the \
    translation only: no quotes, notes or explanations.";

/// A translation longer than this many times the prompt (plus a margin) is not one.
const MAX_GROWTH: usize = 4;

/// Translates through `POST /chat/completions` on the OpenAI-compatible server.
pub struct ChatTranslator {
    backend: Arc<OpenAiBackend>,
    model: String,
}

impl ChatTranslator {
    /// A translator asking `model` on `backend`'s server (same base URL and key).
    pub fn new(backend: Arc<OpenAiBackend>, model: String) -> Self {
        Self { backend, model }
    }
}

#[async_trait]
impl Translator for ChatTranslator {
    async fn to_english(&self, text: &str) -> Result<String, BackendError> {
        let body = json!({
            "model": self.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": INSTRUCTION}, {"role": "user", "content": text}],
        });
        let request = self.backend.client.post(self.backend.endpoint("chat/completions")).json(&body);
        let answer: ChatAnswer = read_json(self.backend.send(request).await?, MAX_SMALL_ANSWER).await?;
        let english = answer.choices.into_iter().next().and_then(|c| c.message.content).unwrap_or_default();
        let english = english.trim();
        if english.is_empty() {
            return Err(BackendError::Malformed("the translation is empty".into()));
        }
        if english.chars().count() > MAX_GROWTH * text.chars().count() + 200 {
            return Err(BackendError::Malformed("the translation is far longer than the prompt".into()));
        }
        Ok(crate::text::clean(english))
    }
}

/// A chat completion's answer: its choices' messages (the first holds the text).
#[derive(Deserialize)]
pub(super) struct ChatAnswer {
    #[serde(default)]
    pub(super) choices: Vec<Choice>,
}

/// One choice of a chat answer.
#[derive(Deserialize)]
pub(super) struct Choice {
    pub(super) message: ChatMessage,
}

/// The assistant's message of a choice.
#[derive(Deserialize)]
pub(super) struct ChatMessage {
    #[serde(default)]
    pub(super) content: Option<String>,
}
