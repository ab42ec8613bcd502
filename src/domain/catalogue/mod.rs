//! The model catalogue: which models members may pick and what each allows and costs.
//!
//! Models are retired and renamed every few months, so every name, size, quality and price lives in a
//! TOML file (`models.toml`, compiled in as the default, replaceable with `EASEL_MODELS`). This module
//! parses that file, refuses a malformed one with a message naming the entry and the field, and answers
//! the questions the rest of Easel asks: is this combination allowed, what will it cost.

use std::collections::BTreeSet;

mod check;
mod describe;
mod price;
#[cfg(test)]
mod tests;

use check::entry_error;
pub use check::{parse_ratio, parse_size, MAX_SIDE};
pub use describe::{DescribeEntry, DESCRIBE_QUALITY, DESCRIBE_SIZE};
pub use price::{ImagePrice, Price, TokenUsage};

use chrono::NaiveDate;
use serde::Deserialize;

/// The catalogue shipped with Easel, used when `EASEL_MODELS` is not set.
pub const DEFAULT_CATALOGUE: &str = include_str!("../../../models.toml");

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
    /// How many images one edit takes (OpenAI's gpt-image: 16): two or more offer `/blend` and
    /// `/generate reference` on the model.
    #[serde(default = "one")]
    pub input_images: u8,
    /// OpenAI: the `input_fidelity` sent with a blend or a reference, on models that take it.
    #[serde(default)]
    pub input_fidelity: Option<String>,
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
    /// ComfyUI only: the workflow that repaints a masked area (`{{mask}}`, white where to repaint), or
    /// `builtin:inpaint`: `/edit` with a mask, Pan and Zoom Out. `None`: the model takes no mask.
    #[serde(default)]
    pub inpaint_workflow: Option<String>,
    /// ComfyUI only: the workflow for `/blend` (`{{image}}`, `{{image2}}`… as many as `input_images`),
    /// or `builtin:blend` (two images). `None`: the model is not offered for blends.
    #[serde(default)]
    pub blend_workflow: Option<String>,
    /// Stable Diffusion: whether members may choose `steps`, `cfg_scale` and `sampler`.
    #[serde(default)]
    pub tuning: bool,
    /// OpenAI only: partial images (0-3) streamed while a single image is made, shown to the member as
    /// previews; each costs about [`PARTIAL_IMAGE_TOKENS`] output tokens, priced into the estimate.
    #[serde(default)]
    pub partial_images: u8,
    /// Whether the model understands English prompts only (Stable Diffusion checkpoints trained on
    /// English captions): a prompt is then rendered in English by the configured translator first.
    #[serde(default)]
    pub translate_prompt: bool,
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

    /// Whether the model repaints a masked area (`/edit` with a mask): OpenAI's edits, AUTOMATIC1111's
    /// and Stability's inpainting, and a ComfyUI model with an inpainting workflow.
    pub fn inpaints(&self) -> bool {
        match self.backend {
            BackendKind::Comfyui => self.can_edit() && self.inpaint_workflow.is_some(),
            _ => self.can_edit(),
        }
    }

    /// Whether Pan and Zoom Out work with this model: it inpaints, at sizes in pixels (Stability's sizes
    /// are aspect ratios, so a grown canvas has no size of its own there).
    pub fn extends(&self) -> bool {
        self.inpaints() && self.backend != BackendKind::Stability
    }

    /// Whether `/generate reference` works with this model: an OpenAI edit of several images (the
    /// prompt's picture made from the reference). Stable Diffusion servers are not offered for it.
    pub fn takes_references(&self) -> bool {
        self.backend == BackendKind::Openai && self.can_edit() && self.input_images >= 2
    }

    /// Whether `/blend` works with this model: an OpenAI edit of several images, or a ComfyUI model
    /// with a blend workflow.
    pub fn blends(&self) -> bool {
        self.takes_references()
            || (self.backend == BackendKind::Comfyui && self.blend_workflow.is_some() && self.input_images >= 2)
    }
}

fn one() -> u8 {
    1
}

fn default_edit_field() -> String {
    "image".to_owned()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    #[serde(default)]
    model: Vec<ModelEntry>,
    #[serde(default)]
    describe: Vec<DescribeEntry>,
}

/// The models Easel may offer, in catalogue order, and what describes pictures.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    models: Vec<ModelEntry>,
    describers: Vec<DescribeEntry>,
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
        for entry in &file.describe {
            if !seen.insert(entry.id.as_str()) {
                return Err(CatalogueError::Entry {
                    model: entry.id.clone(),
                    field: "id",
                    problem: "appears twice in the catalogue".into(),
                });
            }
            entry.check()?;
        }
        Ok(Self { models: file.model, describers: file.describe })
    }

    /// The describers offered, in catalogue order (the first is the default).
    pub fn describers(&self) -> &[DescribeEntry] {
        &self.describers
    }

    /// The describer members know as `id`.
    pub fn describer(&self, id: &str) -> Option<&DescribeEntry> {
        self.describers.iter().find(|d| d.id == id)
    }

    /// Keeps the describers whose server is configured, each sent as `keep` says (`None`: dropped):
    /// how start-up offers only what can describe.
    pub fn keep_describers(&mut self, mut keep: impl FnMut(&DescribeEntry) -> Option<String>) {
        self.describers.retain_mut(|d| match keep(d) {
            Some(provider_model) => {
                d.provider_model = provider_model;
                true
            }
            None => false,
        });
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

    /// Lets a ComfyUI model without an `inpaint_workflow` inpaint with its image workflow when that one
    /// takes a mask (`masking`): what such a workflow did before inpainting had a field of its own.
    pub fn inpaint_with_masking_image_workflows(&mut self, masking: impl Fn(&str) -> bool) {
        for model in self.models.iter_mut().filter(|m| m.backend == BackendKind::Comfyui) {
            if model.inpaint_workflow.is_none() && model.image_workflow.as_deref().is_some_and(&masking) {
                model.inpaint_workflow = model.image_workflow.clone();
            }
        }
    }

    /// The ids of the entries `keep` picks, in catalogue order: the models offered for a command, or
    /// named to a member as those that can do what theirs cannot.
    pub fn ids_where(&self, keep: impl Fn(&ModelEntry) -> bool) -> Vec<&str> {
        self.models.iter().filter(|m| keep(m)).map(|m| m.id.as_str()).collect()
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
