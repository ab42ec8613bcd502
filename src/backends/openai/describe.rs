//! A vision-capable chat model on the OpenAI-compatible server as a [`Describer`]
//! (`EASEL_DESCRIBE_MODEL`): the picture goes as an `image_url` data URL beside an instruction asking
//! for up to four prompts in the prompt formula's order, answered as a JSON array of strings (a list of
//! lines is read too, for servers that ignore the format).

use async_trait::async_trait;
use base64::Engine;
use serde_json::json;

use super::translate::ChatAnswer;
use super::OpenAiBackend;
use crate::backends::{checked_suggestions, read_json, BackendError, Describer, MAX_SMALL_ANSWER};

/// What the chat model is asked to do with the picture.
const INSTRUCTION: &str = "You write prompts for image models. Look at the picture and write up to 4 \
    different prompts that would make an image like it. Write each in this order: subject, action, \
    style, setting, details, quality words; one sentence of comma-separated phrases, in English. \
    Reply with a JSON array of strings only: no notes, no numbering, no code fences.";

#[async_trait]
impl Describer for OpenAiBackend {
    async fn describe(&self, model: &str, png: &[u8]) -> Result<Vec<String>, BackendError> {
        let image = base64::engine::general_purpose::STANDARD.encode(png);
        let body = json!({
            "model": model,
            "messages": [
                {"role": "system", "content": INSTRUCTION},
                {"role": "user", "content": [
                    {"type": "text", "text": "Prompts for this picture:"},
                    {"type": "image_url", "image_url": {"url": format!("data:image/png;base64,{image}")}}
                ]}
            ],
        });
        let request = self.client.post(self.endpoint("chat/completions")).json(&body);
        let answer: ChatAnswer = read_json(self.send(request).await?, MAX_SMALL_ANSWER).await?;
        let text = answer.choices.into_iter().next().and_then(|c| c.message.content).unwrap_or_default();
        checked_suggestions(suggestions_in(&text))
    }
}

/// The prompts in a chat answer: a JSON array of strings (in a code fence or not), else one prompt a
/// line with any numbering or bullet taken off.
fn suggestions_in(text: &str) -> Vec<String> {
    let trimmed = text.trim().trim_start_matches("```json").trim_start_matches("```").trim_end_matches("```").trim();
    if let Ok(list) = serde_json::from_str::<Vec<String>>(trimmed) {
        return list;
    }
    let unnumbered = |line: &str| {
        line.trim()
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | '*' | ' '))
            .to_owned()
    };
    trimmed.lines().map(unnumbered).filter(|line| !line.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_are_read_from_a_json_array_or_from_numbered_lines() {
        assert_eq!(suggestions_in("```json\n[\"a fox\", \"a red fox\"]\n```"), ["a fox", "a red fox"]);
        assert_eq!(suggestions_in("1. a fox, running\n2) a cat\n- a dog"), ["a fox, running", "a cat", "a dog"]);
        let many: Vec<String> = (0..9).map(|i| format!("prompt {i}")).collect();
        assert_eq!(checked_suggestions(many).unwrap().len(), 4, "four at most");
        assert!(checked_suggestions(suggestions_in("  \n ")).is_err(), "an empty answer describes nothing");
    }
}
