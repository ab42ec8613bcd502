//! What a model's images cost: the catalogue's per-image figures, and the provider's token usage.

use super::{ModelEntry, TokenUsage, PARTIAL_IMAGE_TOKENS};

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
