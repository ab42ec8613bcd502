//! Unit tests of `openai`.

use super::*;

#[test]
fn usage_splits_text_and_image_input() {
    let raw = r#"{"input_tokens": 50, "output_tokens": 4160,
        "input_tokens_details": {"text_tokens": 40, "image_tokens": 10}}"#;
    let usage: TokenUsage = serde_json::from_str::<UsageAnswer>(raw).unwrap().into();
    assert_eq!(usage, TokenUsage { text_input: 40, image_input: 10, image_output: 4160 });
}
