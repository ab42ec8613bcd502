//! The model catalogue: which models members may pick and what each allows and costs.
//!
//! Models are retired and renamed every few months, so every name, size, quality and price lives in a
//! TOML file (`models.toml`, compiled in as the default, replaceable with `EASEL_MODELS`). This module
//! parses that file, refuses a malformed one with a message naming the entry and the field, and answers
//! the questions the rest of Easel asks: is this combination allowed, what will it cost.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Deserialize;

/// The catalogue shipped with Easel, used when `EASEL_MODELS` is not set.
pub const DEFAULT_CATALOGUE: &str = include_str!("../../models.toml");

/// The output tokens one streamed partial image costs (OpenAI's image API: about 100 each).
pub const PARTIAL_IMAGE_TOKENS: f64 = 100.0;

/// Why a catalogue file cannot be used; the text names the entry and field so an owner can fix it.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// The file is not valid TOML or does not have the catalogue's shape.
    #[error("the model catalogue is not valid: {0}")]
    Syntax(String),
    /// One entry breaks a rule of the catalogue.
    #[error("model catalogue entry `{model}`, field `{field}`: {problem}")]
    Entry {
        /// The entry's `id`.
        model: String,
        /// The field at fault.
        field: &'static str,
        /// What is wrong with it.
        problem: String,
    },
    /// The catalogue offers nothing.
    #[error("the model catalogue has no `[[model]]` entries")]
    Empty,
}

/// Which provider adapter serves a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackendKind {
    /// OpenAI's Images API or any server that copies it (`OPENAI_BASE_URL`).
    Openai,
    /// A self-hosted Stable Diffusion server with AUTOMATIC1111's API (`SD_BASE_URL`).
    Automatic1111,
    /// A ComfyUI server running a workflow per model (`COMFYUI_URL`).
    Comfyui,
    /// Stability AI's hosted API (`STABILITY_API_KEY`).
    Stability,
}

impl BackendKind {
    /// Every kind, in a fixed order.
    pub const ALL: [Self; 4] = [Self::Openai, Self::Automatic1111, Self::Comfyui, Self::Stability];

    /// The name stored with a job and shown in logs.
    pub fn key(self) -> &'static str {
        match self {
            Self::Openai => "openai",
            Self::Automatic1111 => "automatic1111",
            Self::Comfyui => "comfyui",
            Self::Stability => "stability",
        }
    }

    /// Whether the backend is a Stable Diffusion one (masks are white where to repaint).
    pub fn is_stable_diffusion(self) -> bool {
        self != Self::Openai
    }

    /// Parses [`Self::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// How the provider hands back images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseForm {
    /// A link that expires within the hour: Easel downloads it at once.
    Url,
    /// The image bytes, base64-encoded, in the answer.
    B64Json,
}

/// The provider endpoint used to make a variation of an uploaded image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VariationMethod {
    /// `POST /images/variations` (dall-e-2 only).
    Variations,
    /// `POST /images/edits` with an instruction (the gpt-image models).
    Edits,
    /// Stable Diffusion's img2img, starting from the upload.
    Img2img,
}

/// How a variation is made, and what input image the provider accepts for it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariationSpec {
    /// The endpoint to call.
    pub method: VariationMethod,
    /// The instruction sent with an edit when the member gave no prompt.
    #[serde(default)]
    pub instruction: Option<String>,
    /// Whether the input must be square (it is centre-cropped).
    #[serde(default)]
    pub square: bool,
    /// The longest side of the input sent, in pixels.
    pub max_side: u32,
    /// The largest input file the provider accepts, in bytes.
    pub max_bytes: u64,
}

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

/// One model members can pick.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelEntry {
    /// What members pick.
    pub id: String,
    /// Which adapter serves it.
    pub backend: BackendKind,
    /// The name sent to the provider.
    pub provider_model: String,
    /// Allowed sizes.
    pub sizes: Vec<String>,
    /// Size used when the member gives none.
    pub default_size: String,
    /// Allowed qualities.
    pub qualities: Vec<String>,
    /// Quality used when the member gives none.
    pub default_quality: String,
    /// Quality `/hd` asks for: the model's top tier.
    pub hd_quality: String,
    /// Allowed styles (empty: the model takes none).
    #[serde(default)]
    pub styles: Vec<String>,
    /// Fewest images one request may ask for.
    pub n_min: u8,
    /// Most images one request may ask for.
    pub n_max: u8,
    /// The provider's prompt length limit, in characters.
    pub prompt_max_chars: usize,
    /// How images come back.
    pub response: ResponseForm,
    /// Whether to send `response_format` (DALL-E-style models only; gpt-image rejects it).
    #[serde(default)]
    pub send_response_format: bool,
    /// Multipart field of the input image of an edit.
    #[serde(default = "default_edit_field")]
    pub edit_image_field: String,
    /// The `moderation` level sent with generations (gpt-image: `auto`, the strict one). Easel never
    /// asks for a relaxed level, in any channel.
    #[serde(default)]
    pub moderation: Option<String>,
    /// How `/variation` works with this model; `None` when it cannot.
    #[serde(default)]
    pub variation: Option<VariationSpec>,
    /// Prices.
    #[serde(default)]
    pub price: Price,
    /// Sampling steps for each quality (Stable Diffusion models only).
    #[serde(default)]
    pub steps: std::collections::BTreeMap<String, u32>,
    /// The day the provider stops serving it, when known before `GET /models` says so.
    #[serde(default)]
    pub shutdown_date: Option<NaiveDate>,
    /// The model members are told to pick instead once this one is retired.
    #[serde(default)]
    pub replacement: Option<String>,
    /// Whether the provider's edit endpoint takes this model even though its variations use another
    /// method (dall-e-2: `/images/variations`, yet `/images/edits` with a mask).
    #[serde(default)]
    pub edits: bool,
    /// Whether members may give a `seed` (Stable Diffusion).
    #[serde(default)]
    pub seed: bool,
    /// Whether members may give a `negative_prompt` (Stable Diffusion).
    #[serde(default)]
    pub negative_prompt: bool,
    /// The Stable Diffusion server's upscaler used by a result's HD button (e.g. `R-ESRGAN 4x+`).
    #[serde(default)]
    pub upscaler: Option<String>,
    /// The multipart field of a markup image (an instruction drawn over the input) for models whose
    /// edits take one (gpt-image-2.6); `None` when the model takes none.
    #[serde(default)]
    pub markup_field: Option<String>,
    /// ComfyUI only: the API-format workflow for text to image (a file, or `builtin:txt2img`).
    #[serde(default)]
    pub workflow: Option<String>,
    /// ComfyUI only: the workflow for image to image (variations, HD, edits), or `builtin:img2img`.
    #[serde(default)]
    pub image_workflow: Option<String>,
    /// Stable Diffusion: whether members may choose `steps`, `cfg_scale` and `sampler`.
    #[serde(default)]
    pub tuning: bool,
    /// OpenAI only: partial images (0-3) streamed while a single image is made, shown to the member as
    /// previews; each costs about [`PARTIAL_IMAGE_TOKENS`] output tokens, priced into the estimate.
    #[serde(default)]
    pub partial_images: u8,
    /// AUTOMATIC1111: the sampler asked for unless the member picks one (`None`: the server's default).
    #[serde(default)]
    pub sampler: Option<String>,
    /// AUTOMATIC1111 1.9+: the scheduler asked for (`None`: the server's default).
    #[serde(default)]
    pub scheduler: Option<String>,
    /// The samplers the server offers, read from it at start-up (never from the file).
    #[serde(skip)]
    pub samplers: Vec<String>,
}

impl ModelEntry {
    /// Whether `/edit` and the Edit button work with this model: an edit endpoint (gpt-image, dall-e-2)
    /// or Stable Diffusion's inpainting.
    pub fn can_edit(&self) -> bool {
        self.variation.as_ref().is_some_and(|v| v.method != VariationMethod::Variations) || self.edits
    }
}

fn default_edit_field() -> String {
    "image".to_owned()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    #[serde(default)]
    model: Vec<ModelEntry>,
}

/// The models Easel may offer, in catalogue order.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    models: Vec<ModelEntry>,
}

impl Catalogue {
    /// Parses and checks a catalogue; every rule broken is reported with its entry and field.
    pub fn parse(text: &str) -> Result<Self, CatalogueError> {
        let file: CatalogueFile = toml::from_str(text).map_err(|e| CatalogueError::Syntax(e.to_string()))?;
        if file.model.is_empty() {
            return Err(CatalogueError::Empty);
        }
        let mut seen = BTreeSet::new();
        for entry in &file.model {
            if !seen.insert(entry.id.as_str()) {
                return Err(entry_error(entry, "id", "appears twice in the catalogue".into()));
            }
            entry.check()?;
        }
        Ok(Self { models: file.model })
    }

    /// The catalogue compiled into the binary.
    pub fn builtin() -> Self {
        Self::parse(DEFAULT_CATALOGUE).expect("the built-in catalogue is checked by its unit tests")
    }

    /// Tells the models of `kind` that let members tune which samplers the server offers.
    pub fn set_samplers(&mut self, kind: BackendKind, samplers: &[String]) {
        for model in self.models.iter_mut().filter(|m| m.backend == kind && m.tuning) {
            model.samplers = samplers.to_vec();
        }
    }

    /// All entries, in catalogue order.
    pub fn models(&self) -> &[ModelEntry] {
        &self.models
    }

    /// The entry members know as `id`.
    pub fn get(&self, id: &str) -> Option<&ModelEntry> {
        self.models.iter().find(|m| m.id == id)
    }

    /// Asks no model for partial images: with previews off they would be paid for and never shown, so
    /// neither the call nor the estimate includes them.
    pub fn without_partial_images(&mut self) {
        for model in &mut self.models {
            model.partial_images = 0;
        }
    }

    /// Keeps only the entries `keep` accepts: how start-up narrows the catalogue to what is served.
    pub fn retain(&mut self, mut keep: impl FnMut(&ModelEntry) -> bool) {
        self.models.retain(|m| keep(m));
    }

    /// Whether nothing is left to offer.
    pub fn is_empty(&self) -> bool {
        self.models.is_empty()
    }

    /// Every size any model allows, for the slash command's choices.
    pub fn all_sizes(&self) -> Vec<&str> {
        union(self.models.iter().flat_map(|m| m.sizes.iter()))
    }

    /// Every quality any model allows, for the slash command's choices.
    pub fn all_qualities(&self) -> Vec<&str> {
        union(self.models.iter().flat_map(|m| m.qualities.iter()))
    }

    /// Every style any model allows, for the slash command's choices.
    pub fn all_styles(&self) -> Vec<&str> {
        union(self.models.iter().flat_map(|m| m.styles.iter()))
    }

    /// The largest `n` any model allows.
    pub fn max_n(&self) -> u8 {
        self.models.iter().map(|m| m.n_max).max().unwrap_or(1)
    }
}

fn union<'a>(values: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for v in values {
        if !out.contains(&v.as_str()) {
            out.push(v);
        }
    }
    out
}

fn entry_error(entry: &ModelEntry, field: &'static str, problem: String) -> CatalogueError {
    CatalogueError::Entry { model: entry.id.clone(), field, problem }
}

impl ModelEntry {
    fn check(&self) -> Result<(), CatalogueError> {
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

/// The longest side Easel decodes, in pixels (every model's largest output, 3840, fits twice over): so
/// the longest side of a size a catalogue may offer, since Easel decodes each result to verify it.
pub const MAX_SIDE: u32 = 8192;
/// The longest prompt limit a catalogue may state.
const MAX_PROMPT_CHARS: usize = 1_000_000;
/// The highest per-image price a catalogue may state, USD.
const MAX_IMAGE_USD: f64 = 100.0;
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const MINIMAL: &str = r#"
[[model]]
id = "tiny"
backend = "openai"
provider_model = "tiny-1"
sizes = ["256x256", "512x512"]
default_size = "256x256"
qualities = ["standard"]
default_quality = "standard"
hd_quality = "standard"
n_min = 1
n_max = 2
prompt_max_chars = 100
response = "url"

[[model.price.image]]
qualities = ["standard"]
sizes = ["256x256", "512x512"]
usd = 0.02
"#;

    #[test]
    fn the_builtin_catalogue_parses_and_offers_the_current_models() {
        let catalogue = Catalogue::builtin();
        for id in ["gpt-image-2", "gpt-image-2.6-flare", "gpt-image-2.6-sunburst", "dall-e-3", "dall-e-2"] {
            assert!(catalogue.get(id).is_some(), "{id} missing");
        }
        assert!(catalogue.models().len() <= 25, "Discord allows 25 choices of model");
    }

    #[test]
    fn builtin_prices_match_the_published_figures() {
        let catalogue = Catalogue::builtin();
        let dalle3 = catalogue.get("dall-e-3").unwrap();
        assert_eq!(dalle3.image_price("1024x1024", "standard"), Some(0.04));
        assert_eq!(dalle3.image_price("1792x1024", "hd"), Some(0.12));
        let dalle2 = catalogue.get("dall-e-2").unwrap();
        assert_eq!(dalle2.estimate_usd("512x512", "standard", 3), 0.018 * 3.0);
    }

    #[test]
    fn token_usage_is_priced_per_million() {
        let model = Catalogue::builtin().get("gpt-image-2").unwrap().clone();
        let usage = TokenUsage { text_input: 1_000_000, image_input: 0, image_output: 1_000_000 };
        assert_eq!(model.usage_usd(&usage), Some(35.0));
        let tiny = Catalogue::parse(MINIMAL).unwrap();
        assert_eq!(tiny.models()[0].usage_usd(&usage), None, "per-image models have no token price");
    }

    #[test]
    fn a_default_size_outside_the_sizes_names_entry_and_field() {
        let broken = MINIMAL.replace(r#"default_size = "256x256""#, r#"default_size = "999x999""#);
        let err = Catalogue::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("`tiny`") && err.contains("default_size"), "{err}");
    }

    #[test]
    fn a_missing_price_names_the_size_and_quality() {
        let broken = MINIMAL.replace(
            r#"sizes = ["256x256", "512x512"]
usd"#,
            r#"sizes = ["256x256"]
usd"#,
        );
        let err = Catalogue::parse(&broken).unwrap_err().to_string();
        assert!(err.contains("price.image") && err.contains("512x512"), "{err}");
    }

    #[test]
    fn unknown_fields_and_bad_toml_are_refused() {
        let err = Catalogue::parse(&MINIMAL.replace("n_min = 1", "n_min = 1\ncolour = 3")).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
        assert!(matches!(Catalogue::parse("[[model]\n"), Err(CatalogueError::Syntax(_))));
        assert!(matches!(Catalogue::parse(""), Err(CatalogueError::Empty)));
    }

    #[test]
    fn a_bad_size_and_a_bad_n_range_are_refused() {
        let err = Catalogue::parse(&MINIMAL.replace(r#""512x512"]"#, r#""big"]"#)).unwrap_err();
        assert!(err.to_string().contains("`big`"), "{err}");
        let err = Catalogue::parse(&MINIMAL.replace("n_max = 2", "n_max = 0")).unwrap_err();
        assert!(err.to_string().contains("n_max"), "{err}");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let twice = format!("{MINIMAL}\n{MINIMAL}");
        let err = Catalogue::parse(&twice).unwrap_err().to_string();
        assert!(err.contains("appears twice"), "{err}");
    }

    #[test]
    fn the_catalogue_offers_no_size_easel_cannot_verify() {
        let err = Catalogue::parse(&MINIMAL.replace(r#""512x512"]"#, r#""9000x512"]"#)).unwrap_err();
        assert!(err.to_string().contains("`9000x512`"), "{err}");
    }

    #[test]
    fn prices_and_rates_out_of_range_are_refused() {
        let err = Catalogue::parse(&MINIMAL.replace("usd = 0.02", "usd = 1e300")).unwrap_err();
        assert!(err.to_string().contains("price.image.usd"), "{err}");
        let rated = MINIMAL.replace(
            "[[model.price.image]]",
            "[model.price]\nimage_output_per_million = -30.0\n\n[[model.price.image]]",
        );
        let err = Catalogue::parse(&rated).unwrap_err();
        assert!(err.to_string().contains("image_output_per_million"), "{err}");
    }

    /// A number as TOML may hold it in any field: whole, fractional, negative, huge, not finite.
    fn any_number() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<i64>().prop_map(|v| v.to_string()),
            any::<f64>().prop_map(|v| format!("{v:?}")),
            Just("inf".to_owned()),
            Just("nan".to_owned()),
            Just("-0.0".to_owned()),
        ]
    }

    proptest! {
        #[test]
        fn any_value_in_a_numeric_field_is_accepted_in_range_or_refused_never_panics(
            field in prop::sample::select(vec!["n_min = 1", "n_max = 2", "prompt_max_chars = 100", "usd = 0.02"]),
            value in any_number(),
        ) {
            let name = field.split(" = ").next().unwrap();
            let text = MINIMAL.replace(field, &format!("{name} = {value}"));
            if let Ok(catalogue) = Catalogue::parse(&text) {
                let model = &catalogue.models()[0];
                prop_assert!((1..=10).contains(&model.n_min) && model.n_min <= model.n_max && model.n_max <= 10);
                prop_assert!((1..=MAX_PROMPT_CHARS).contains(&model.prompt_max_chars));
                let usd = model.image_price("256x256", "standard").unwrap();
                prop_assert!(usd.is_finite() && (0.0..=MAX_IMAGE_USD).contains(&usd));
            }
        }

        #[test]
        fn any_size_text_is_accepted_as_pixels_or_refused_never_panics(size in "[0-9x]{0,12}|auto|\\PC{0,12}") {
            let text = MINIMAL.replace(r#"sizes = ["256x256", "512x512"]
    default_size = "256x256""#, &format!("sizes = [{size:?}]\ndefault_size = {size:?}"));
            if let Ok(catalogue) = Catalogue::parse(&text) {
                let model = &catalogue.models()[0];
                let (w, h) = parse_size(&model.sizes[0]).unwrap_or((1, 1));
                prop_assert!(w >= 1 && h >= 1 && w.max(h) <= MAX_SIDE);
            }
        }

        #[test]
        fn any_text_is_a_catalogue_or_an_error_never_a_panic(text in "\\PC{0,200}") {
            let _ = Catalogue::parse(&text);
        }
    }
}
