//! What a model's images cost: the catalogue's per-image figures, and the provider's token usage.

use serde::Deserialize;

use super::{ModelEntry, PARTIAL_IMAGE_TOKENS};

/// One row of a price table: a price per image for some qualities at some sizes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImagePrice {
    /// The qualities this row prices.
    pub qualities: Vec<String>,
    /// The sizes this row prices.
    pub sizes: Vec<String>,
    /// USD per image.
    pub usd: f64,
}

/// What a model costs: per image, and for token-priced models the rates used to settle from `usage`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// USD per million text input tokens.
    #[serde(default)]
    pub text_input_per_million: Option<f64>,
    /// USD per million image input tokens.
    #[serde(default)]
    pub image_input_per_million: Option<f64>,
    /// USD per million image output tokens.
    #[serde(default)]
    pub image_output_per_million: Option<f64>,
    /// Per-image prices (the price itself, or the estimate used before the call for token models).
    #[serde(default)]
    pub image: Vec<ImagePrice>,
}

/// Token counts a provider reports for one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TokenUsage {
    /// Text tokens of the prompt.
    pub text_input: u64,
    /// Tokens of input images (edits and variations).
    pub image_input: u64,
    /// Tokens of the generated images.
    pub image_output: u64,
}

impl ModelEntry {
    /// USD for one image of this size and quality (the estimate, for token-priced models).
    pub fn image_price(&self, size: &str, quality: &str) -> Option<f64> {
        self.price
            .image
            .iter()
            .find(|row| row.sizes.iter().any(|s| s == size) && row.qualities.iter().any(|q| q == quality))
            .map(|row| row.usd)
    }

    /// What a call will cost before it is made: the per-image figure times `n`, and for a single image
    /// the output tokens of its streamed partial images.
    pub fn estimate_usd(&self, size: &str, quality: &str, n: u8) -> f64 {
        let partials = match (n, self.price.image_output_per_million) {
            (1, Some(rate)) => f64::from(self.partial_images) * PARTIAL_IMAGE_TOKENS * rate / 1e6,
            _ => 0.0,
        };
        self.image_price(size, quality).unwrap_or(0.0) * f64::from(n) + partials
    }

    /// What a call cost from the provider's token counts, when this model is priced by token.
    pub fn usage_usd(&self, usage: &TokenUsage) -> Option<f64> {
        let p = &self.price;
        let out = p.image_output_per_million?;
        let per_token = |count: u64, rate: Option<f64>| count as f64 * rate.unwrap_or(0.0) / 1e6;
        Some(
            per_token(usage.text_input, p.text_input_per_million)
                + per_token(usage.image_input, p.image_input_per_million)
                + per_token(usage.image_output, Some(out)),
        )
    }
}
