//! Describers: what turns a picture into prompt suggestions for `/describe`, and what a description
//! costs. Each is a `[[describe]]` entry of the catalogue (AUTOMATIC1111's CLIP interrogator, or a
//! vision-capable chat model on the OpenAI-compatible server), offered only when its server is
//! configured; a describe job runs through the same queue and ledger as an image, as a one-"image"
//! entry priced at the describer's `usd`.

use serde::Deserialize;

use super::{BackendKind, CatalogueError, ImagePrice, ModelEntry, Price, ResponseForm};

/// The most a description may cost, USD (a typo's guard, like images' own).
const MAX_DESCRIBE_USD: f64 = 10.0;
/// The size and quality a description is priced at (it has neither).
pub const DESCRIBE_SIZE: &str = "auto";
/// See [`DESCRIBE_SIZE`].
pub const DESCRIBE_QUALITY: &str = "standard";

/// One describer members may pick with `/describe model`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DescribeEntry {
    /// What members pick.
    pub id: String,
    /// Which server describes: `automatic1111` (its interrogator) or `openai` (a chat model).
    pub backend: BackendKind,
    /// The name sent to the provider: the interrogator (`clip`) or the chat model, which
    /// `EASEL_DESCRIBE_MODEL` sets for the OpenAI-compatible server.
    #[serde(default)]
    pub provider_model: String,
    /// USD a description.
    pub usd: f64,
}

impl DescribeEntry {
    /// Checks the entry: a name, a server that can describe, a price in range.
    pub(super) fn check(&self) -> Result<(), CatalogueError> {
        let fail = |field, problem: &str| {
            Err(CatalogueError::Entry { model: self.id.clone(), field, problem: problem.to_owned() })
        };
        if self.id.trim().is_empty() {
            return fail("id", "must not be empty");
        }
        if !matches!(self.backend, BackendKind::Openai | BackendKind::Automatic1111) {
            return fail("backend", "only `openai` (a vision chat model) and `automatic1111` describe pictures");
        }
        if !(self.usd.is_finite() && (0.0..=MAX_DESCRIBE_USD).contains(&self.usd)) {
            return fail("usd", "must be a price from 0 to 10 USD");
        }
        Ok(())
    }

    /// The describer as the job pipeline carries a model: one result, priced at [`Self::usd`].
    pub fn as_model(&self) -> ModelEntry {
        let price = ImagePrice {
            qualities: vec![DESCRIBE_QUALITY.to_owned()],
            sizes: vec![DESCRIBE_SIZE.to_owned()],
            usd: self.usd,
        };
        ModelEntry {
            id: self.id.clone(),
            backend: self.backend,
            provider_model: self.provider_model.clone(),
            sizes: vec![DESCRIBE_SIZE.to_owned()],
            default_size: DESCRIBE_SIZE.to_owned(),
            qualities: vec![DESCRIBE_QUALITY.to_owned()],
            default_quality: DESCRIBE_QUALITY.to_owned(),
            hd_quality: DESCRIBE_QUALITY.to_owned(),
            styles: Vec::new(),
            n_min: 1,
            n_max: 1,
            prompt_max_chars: 0,
            response: ResponseForm::B64Json,
            send_response_format: false,
            edit_image_field: String::new(),
            input_images: 1,
            input_fidelity: None,
            moderation: None,
            variation: None,
            price: Price { image: vec![price], ..Price::default() },
            steps: Default::default(),
            shutdown_date: None,
            replacement: None,
            edits: false,
            seed: false,
            negative_prompt: false,
            upscaler: None,
            markup_field: None,
            workflow: None,
            image_workflow: None,
            blend_workflow: None,
            inpaint_workflow: None,
            tuning: false,
            partial_images: 0,
            translate_prompt: false,
            sampler: None,
            scheduler: None,
            samplers: Vec::new(),
        }
    }
}
