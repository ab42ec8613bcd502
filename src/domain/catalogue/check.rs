//! Each catalogue entry checked when the catalogue is read, so a mistake in `models.toml` is named (entry
//! and field) at start-up, never met by a member; and the limits a catalogue may state.

use super::{BackendKind, CatalogueError, ModelEntry};

pub(super) fn entry_error(entry: &ModelEntry, field: &'static str, problem: String) -> CatalogueError {
    CatalogueError::Entry { model: entry.id.clone(), field, problem }
}

impl ModelEntry {
    pub(super) fn check(&self) -> Result<(), CatalogueError> {
        let fail = |field, problem: String| Err(entry_error(self, field, problem));
        if self.id.trim().is_empty() {
            return fail("id", "must not be empty".into());
        }
        if self.sizes.is_empty() {
            return fail("sizes", "must list at least one size".into());
        }
        if !self.sizes.contains(&self.default_size) {
            return fail("default_size", format!("`{}` is not in `sizes`", self.default_size));
        }
        if self.qualities.is_empty() {
            return fail("qualities", "must list at least one quality".into());
        }
        for (field, value) in [("default_quality", &self.default_quality), ("hd_quality", &self.hd_quality)] {
            if !self.qualities.contains(value) {
                return fail(field, format!("`{value}` is not in `qualities`"));
            }
        }
        if self.n_min == 0 || self.n_min > self.n_max || self.n_max > 10 {
            return fail("n_max", format!("{}..={} is not a range within 1..=10", self.n_min, self.n_max));
        }
        if !(1..=16).contains(&self.input_images) {
            return fail("input_images", "must be from 1 to 16".into());
        }
        if self.input_fidelity.as_deref().is_some_and(|f| !matches!(f, "high" | "low")) {
            return fail("input_fidelity", "must be `high` or `low`".into());
        }
        if self.moderation.as_deref().is_some_and(|m| m != "auto") {
            return fail("moderation", "Easel only asks for the strict `auto` level".into());
        }
        if !(1..=MAX_PROMPT_CHARS).contains(&self.prompt_max_chars) {
            return fail("prompt_max_chars", format!("must be from 1 to {MAX_PROMPT_CHARS}"));
        }
        if let Some(bad) = self.sizes.iter().find(|s| parse_size(s).is_some_and(|(w, h)| w.max(h) > MAX_SIDE)) {
            return fail("sizes", format!("`{bad}` is larger than the {MAX_SIDE} pixels a side Easel can check"));
        }
        if let Some((quality, steps)) = self.steps.iter().find(|(_, steps)| !(1..=MAX_STEPS).contains(*steps)) {
            return fail("steps", format!("{steps} steps for `{quality}` is not from 1 to {MAX_STEPS}"));
        }
        if self.backend == BackendKind::Stability {
            if let Some(bad) = self.sizes.iter().find(|s| parse_ratio(s).is_none()) {
                return fail("sizes", format!("Stability takes aspect ratios such as `16:9`, not `{bad}`"));
            }
        } else if let Some(bad) = self.sizes.iter().find(|s| !is_size(s)) {
            return fail("sizes", format!("`{bad}` is not WIDTHxHEIGHT or `auto`"));
        }
        if self.backend == BackendKind::Comfyui && self.workflow.is_none() {
            return fail("workflow", "a ComfyUI model needs a workflow (a file, or `builtin:txt2img`)".into());
        }
        if self.blend_workflow.is_some() && (self.backend != BackendKind::Comfyui || self.input_images < 2) {
            return fail(
                "blend_workflow",
                "only a ComfyUI model has a blend workflow, and it needs `input_images` of 2 or more".into(),
            );
        }
        if self.inpaint_workflow.is_some() && self.backend != BackendKind::Comfyui {
            return fail("inpaint_workflow", "only a ComfyUI model has an inpainting workflow".into());
        }
        if self.partial_images > 3 {
            return fail(
                "partial_images",
                format!("OpenAI streams 0 to 3 partial images, not {}", self.partial_images),
            );
        }
        if self.partial_images > 0 && self.backend != BackendKind::Openai {
            return fail("partial_images", "only OpenAI-compatible models stream partial images".into());
        }
        if matches!(self.backend, BackendKind::Automatic1111 | BackendKind::Comfyui) {
            if let Some(q) = self.qualities.iter().find(|q| !self.steps.contains_key(*q)) {
                return fail("steps", format!("no number of steps for quality `{q}`"));
            }
            if let Some(bad) = self.sizes.iter().find(|s| parse_size(s).is_none()) {
                return fail("sizes", format!("Stable Diffusion needs WIDTHxHEIGHT sizes, not `{bad}`"));
            }
        }
        if let Some(v) = &self.variation {
            if !(64..=MAX_SIDE).contains(&v.max_side) || !(1024..=MAX_INPUT_BYTES).contains(&v.max_bytes) {
                return fail(
                    "variation",
                    format!("max_side must be from 64 to {MAX_SIDE} and max_bytes from 1024 to {MAX_INPUT_BYTES}"),
                );
            }
        }
        self.check_prices()
    }

    fn check_prices(&self) -> Result<(), CatalogueError> {
        let is_price = |usd: f64, max: f64| usd.is_finite() && (0.0..=max).contains(&usd);
        for row in &self.price.image {
            if !is_price(row.usd, MAX_IMAGE_USD) {
                return Err(entry_error(
                    self,
                    "price.image.usd",
                    format!("{} is not a price from 0 to {MAX_IMAGE_USD} USD", row.usd),
                ));
            }
        }
        let p = &self.price;
        for (field, rate) in [
            ("price.text_input_per_million", p.text_input_per_million),
            ("price.image_input_per_million", p.image_input_per_million),
            ("price.image_output_per_million", p.image_output_per_million),
        ] {
            if rate.is_some_and(|r| !is_price(r, MAX_TOKEN_USD)) {
                return Err(entry_error(self, field, format!("must be from 0 to {MAX_TOKEN_USD} USD per million")));
            }
        }
        for size in &self.sizes {
            for quality in &self.qualities {
                if self.image_price(size, quality).is_none() {
                    return Err(entry_error(
                        self,
                        "price.image",
                        format!("no price for quality `{quality}` at size `{size}`"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The longest side Easel decodes, in pixels (every model's largest output, 3840, fits twice over): so
/// the longest side of a size a catalogue may offer, since Easel decodes each result to verify it.
pub const MAX_SIDE: u32 = 8192;
/// The longest prompt limit a catalogue may state.
pub(super) const MAX_PROMPT_CHARS: usize = 1_000_000;
/// The highest per-image price a catalogue may state, USD.
pub(super) const MAX_IMAGE_USD: f64 = 100.0;
/// The highest token rate a catalogue may state, USD per million tokens.
const MAX_TOKEN_USD: f64 = 10_000.0;
/// The most sampling steps a Stable Diffusion quality may ask for.
const MAX_STEPS: u32 = 500;
/// The largest variation input a catalogue may allow, in bytes.
const MAX_INPUT_BYTES: u64 = 100 * 1024 * 1024;

/// Splits an aspect ratio `W:H` (Stability's sizes) into its terms.
pub fn parse_ratio(s: &str) -> Option<(u32, u32)> {
    let (w, h) = s.split_once(':')?;
    Some((w.parse().ok().filter(|v| (1..=64).contains(v))?, h.parse().ok().filter(|v| (1..=64).contains(v))?))
}

fn is_size(s: &str) -> bool {
    s == "auto" || parse_size(s).is_some()
}

/// Splits `WIDTHxHEIGHT` into pixels; `None` for `auto` or anything else.
pub fn parse_size(s: &str) -> Option<(u32, u32)> {
    let (w, h) = s.split_once('x')?;
    Some((w.parse().ok().filter(|v| *v > 0)?, h.parse().ok().filter(|v| *v > 0)?))
}
