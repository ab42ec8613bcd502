//! A request checked against the offered catalogue: the model, its sizes, qualities and styles, the
//! count, the prompt, uploads and Stable Diffusion's tuning, with the defaults filled in.

use super::extension::{canvas, nearest_size};
use super::*;
use crate::domain::catalogue::{DESCRIBE_QUALITY, DESCRIBE_SIZE};

impl JobRequest {
    /// Checks the request against the offered catalogue and fills in defaults.
    ///
    /// `max_source_bytes` is the download cap for `/variation` uploads.
    pub fn resolve(
        &self,
        catalogue: &Catalogue,
        default_model: &str,
        max_source_bytes: u64,
    ) -> Result<JobSpec, InvalidRequest> {
        if self.command == Command::Describe {
            return self.resolve_describe(catalogue, max_source_bytes);
        }
        let model_id = self.model.as_deref().unwrap_or(default_model);
        let model = catalogue.get(model_id).ok_or_else(|| InvalidRequest::UnknownModel {
            model: model_id.to_owned(),
            offered: catalogue.models().iter().map(|m| m.id.clone()).collect(),
        })?;
        let member_prompt = self.checked_prompt(model)?;
        let prompt = member_prompt.clone();
        let size = match self.command {
            Command::Extend => self.extension_size(catalogue, model, max_source_bytes)?,
            Command::Upscale if self.creative => self.creative_size(model),
            _ => pick(model, "size", self.size.as_deref(), &model.default_size, &model.sizes)?,
        };
        let draft = self.command == Command::Generate && self.draft == Some(true);
        let quality = match self.command {
            Command::Hd => model.hd_quality.clone(),
            _ if draft => cheapest_quality(model, &size),
            _ => pick(model, "quality", self.quality.as_deref(), &model.default_quality, &model.qualities)?,
        };
        let style = match self.style.as_deref() {
            None => None,
            Some(_) if model.styles.is_empty() => return Err(InvalidRequest::NoStyles { model: model.id.clone() }),
            Some(s) => Some(pick(model, "style", Some(s), s, &model.styles)?),
        };
        let (seed, negative_prompt) = self.checked_sd_options(catalogue, model)?;
        let (steps, cfg_scale, sampler) = self.checked_tuning(catalogue, model)?;
        let mut n = self.checked_n(model)?;
        let mut quality = quality;
        let mut style_prompts = Vec::new();
        let prompt = match self.command {
            Command::Variation => {
                self.check_variation(catalogue, model, max_source_bytes)?;
                prompt.or_else(|| model.variation.as_ref().and_then(|v| v.instruction.clone()))
            }
            Command::Edit => {
                self.check_edit(catalogue, model, max_source_bytes)?;
                Some(prompt.ok_or(InvalidRequest::EmptyPrompt)?)
            }
            Command::Upscale => {
                self.check_variation(catalogue, model, max_source_bytes)?;
                quality = model.hd_quality.clone();
                n = 1;
                let instruction = if self.creative { CREATIVE_INSTRUCTION } else { UPSCALE_INSTRUCTION };
                prompt.or_else(|| Some(instruction.to_owned()))
            }
            Command::Styles => {
                let subject = prompt.ok_or(InvalidRequest::EmptyPrompt)?;
                style_prompts = self.checked_styles(model, &subject)?;
                n = style_prompts.len() as u8;
                Some(subject)
            }
            Command::Generate | Command::Hd => {
                self.check_reference(catalogue, model, max_source_bytes)?;
                Some(prompt.ok_or(InvalidRequest::EmptyPrompt)?)
            }
            Command::Extend => {
                n = 1;
                prompt.or_else(|| Some(EXTEND_INSTRUCTION.to_owned()))
            }
            Command::Blend => {
                self.check_blend(catalogue, model, max_source_bytes)?;
                prompt.or_else(|| Some(BLEND_INSTRUCTION.to_owned()))
            }
            // Resolved on its own above.
            Command::Describe => None,
        };
        Ok(JobSpec {
            estimate_usd: model.estimate_usd(&size, &quality, n),
            model: model.clone(),
            prompt,
            member_prompt,
            size,
            quality,
            style,
            n,
            seed,
            negative_prompt,
            style_prompts,
            steps,
            cfg_scale,
            sampler,
            hires: self.command == Command::Hd
                && model.upscaler.is_some()
                && model.backend == BackendKind::Automatic1111,
            translated_prompt: None,
            draft,
        })
    }

    /// Steps, CFG scale and sampler: only for models whose entry has `tuning`, each in its range, the
    /// sampler one the server offers (when it said).
    fn checked_tuning(&self, catalogue: &Catalogue, model: &ModelEntry) -> Result<Tuning, InvalidRequest> {
        if self.steps.is_none() && self.cfg_scale.is_none() && self.sampler.is_none() {
            return Ok((None, None, None));
        }
        if !model.tuning {
            return Err(InvalidRequest::OptionUnsupported {
                model: model.id.clone(),
                option: "steps, cfg_scale or sampler",
                capable: capable(catalogue, |m| m.tuning),
            });
        }
        let steps = match self.steps {
            Some(s) if !STEPS_RANGE.contains(&s) => return Err(InvalidRequest::TuningOutOfRange { option: "steps" }),
            other => other.map(|s| s as u32),
        };
        if self.cfg_scale.is_some_and(|c| !c.is_finite() || !CFG_RANGE.contains(&c)) {
            return Err(InvalidRequest::TuningOutOfRange { option: "cfg_scale" });
        }
        if let Some(sampler) = &self.sampler {
            if !model.samplers.is_empty() && !model.samplers.contains(sampler) {
                return Err(InvalidRequest::NotAllowed {
                    model: model.id.clone(),
                    option: "sampler",
                    value: sampler.clone(),
                    allowed: model.samplers.clone(),
                });
            }
        }
        Ok((steps, self.cfg_scale, self.sampler.clone()))
    }

    /// Seed and negative prompt: only for models whose catalogue entry takes them, the seed in range.
    fn checked_sd_options(
        &self,
        catalogue: &Catalogue,
        model: &ModelEntry,
    ) -> Result<(Option<i64>, Option<String>), InvalidRequest> {
        let unsupported = |option, takes: fn(&ModelEntry) -> bool| InvalidRequest::OptionUnsupported {
            model: model.id.clone(),
            option,
            capable: capable(catalogue, takes),
        };
        if let Some(seed) = self.seed {
            if !model.seed {
                return Err(unsupported("seed", |m| m.seed));
            }
            if !SEED_RANGE.contains(&seed) {
                return Err(InvalidRequest::SeedOutOfRange { seed });
            }
        }
        let negative = self.negative_prompt.as_deref().map(crate::text::clean).filter(|p| !p.is_empty());
        if negative.is_some() && !model.negative_prompt {
            return Err(unsupported("negative prompt", |m| m.negative_prompt));
        }
        if let Some(len) = negative.as_ref().map(|p| p.chars().count()).filter(|len| *len > model.prompt_max_chars) {
            return Err(InvalidRequest::PromptTooLong { model: model.id.clone(), len, max: model.prompt_max_chars });
        }
        Ok((self.seed, negative))
    }

    /// The prompt of each style's call: the subject, then the style.
    fn checked_styles(&self, model: &ModelEntry, subject: &str) -> Result<Vec<(String, String)>, InvalidRequest> {
        let styles: Vec<String> = if self.styles.is_empty() {
            DEFAULT_STYLES.iter().map(|s| (*s).to_owned()).collect()
        } else {
            self.styles.iter().map(|s| crate::text::clean(s)).collect()
        };
        if styles.is_empty() || styles.len() > MAX_STYLES || styles.iter().any(|s| s.is_empty() || s.len() > 100) {
            return Err(InvalidRequest::BadStyles);
        }
        if model.n_min > 1 {
            return Err(InvalidRequest::StylesUnsupported { model: model.id.clone() });
        }
        let prompts: Vec<(String, String)> = styles.into_iter().map(|s| (format!("{subject}, {s}"), s)).collect();
        if let Some((p, _)) = prompts.iter().find(|(p, _)| p.chars().count() > model.prompt_max_chars) {
            let len = p.chars().count();
            return Err(InvalidRequest::PromptTooLong { model: model.id.clone(), len, max: model.prompt_max_chars });
        }
        Ok(prompts)
    }

    fn check_edit(&self, catalogue: &Catalogue, model: &ModelEntry, max: u64) -> Result<(), InvalidRequest> {
        if !model.can_edit() {
            return Err(InvalidRequest::EditUnsupported {
                model: model.id.clone(),
                capable: capable(catalogue, ModelEntry::can_edit),
            });
        }
        let source = self.source.as_ref().ok_or(InvalidRequest::MissingImage)?;
        check_upload(source, max)?;
        if let Some(mask) = &self.mask {
            if !model.inpaints() {
                let capable = capable(catalogue, ModelEntry::inpaints);
                return Err(InvalidRequest::OptionUnsupported { model: model.id.clone(), option: "mask", capable });
            }
            check_upload(mask, max)?;
        }
        if let Some(markup) = &self.markup {
            if model.markup_field.is_none() {
                return Err(InvalidRequest::OptionUnsupported {
                    model: model.id.clone(),
                    option: "markup",
                    capable: catalogue
                        .models()
                        .iter()
                        .filter(|m| m.markup_field.is_some())
                        .map(|m| m.id.clone())
                        .collect(),
                });
            }
            check_upload(markup, max)?;
        }
        Ok(())
    }

    /// The prompt as Easel judges and sends it: cleaned of invisible characters first, so a prompt of
    /// zero-width spaces is empty and the length counts what the model will see.
    fn checked_prompt(&self, model: &ModelEntry) -> Result<Option<String>, InvalidRequest> {
        let Some(prompt) = self.prompt.as_deref().map(crate::text::clean).filter(|p| !p.is_empty()) else {
            return Ok(None);
        };
        let len = prompt.chars().count();
        if len > model.prompt_max_chars {
            return Err(InvalidRequest::PromptTooLong { model: model.id.clone(), len, max: model.prompt_max_chars });
        }
        Ok(Some(prompt))
    }

    fn checked_n(&self, model: &ModelEntry) -> Result<u8, InvalidRequest> {
        let n = self.n.unwrap_or(i64::from(model.n_min));
        match u8::try_from(n) {
            Ok(v) if (model.n_min..=model.n_max).contains(&v) => Ok(v),
            _ => {
                Err(InvalidRequest::CountOutOfRange { model: model.id.clone(), n, min: model.n_min, max: model.n_max })
            }
        }
    }

    fn check_variation(&self, catalogue: &Catalogue, model: &ModelEntry, max: u64) -> Result<(), InvalidRequest> {
        if model.variation.is_none() {
            return Err(InvalidRequest::VariationUnsupported {
                model: model.id.clone(),
                capable: capable(catalogue, |m| m.variation.is_some()),
            });
        }
        let source = self.source.as_ref().ok_or(InvalidRequest::MissingImage)?;
        check_upload(source, max)
    }
}

impl JobRequest {
    /// A blend's images: two to five (and no more than the model takes), each an image upload under
    /// the cap, on a model that takes several.
    fn check_blend(&self, catalogue: &Catalogue, model: &ModelEntry, max: u64) -> Result<(), InvalidRequest> {
        if !model.blends() {
            let capable = capable(catalogue, ModelEntry::blends);
            return Err(InvalidRequest::BlendUnsupported { model: model.id.clone(), capable });
        }
        let images: Vec<&SourceImage> = self.source.iter().chain(&self.extra_images).collect();
        let most = MAX_BLEND_IMAGES.min(usize::from(model.input_images));
        if images.len() < 2 || images.len() > most {
            return Err(InvalidRequest::BlendCount { given: images.len(), max: most });
        }
        images.into_iter().try_for_each(|image| check_upload(image, max))
    }

    /// `/generate reference:` (or a saved style's picture): an image under the cap, on a model that takes
    /// input images.
    fn check_reference(&self, catalogue: &Catalogue, model: &ModelEntry, max: u64) -> Result<(), InvalidRequest> {
        let Some(reference) = &self.reference else { return Ok(()) };
        if !model.takes_references() {
            let (model, capable) = (model.id.clone(), capable(catalogue, ModelEntry::takes_references));
            return Err(match reference.kept {
                Some(_) => InvalidRequest::StylePictureUnsupported { model, capable },
                None => InvalidRequest::OptionUnsupported { model, option: "reference", capable },
            });
        }
        check_upload(reference, max)
    }

    /// An Upscale (Creative)'s size: of the model's sizes, the one nearest the image's shape (the
    /// largest among equals); the model's default when Discord gave no dimensions.
    fn creative_size(&self, model: &ModelEntry) -> String {
        let shape = self.source.as_ref().and_then(|s| s.dimensions);
        let nearest = shape.and_then(|dims| nearest_size(model.sizes.iter().map(String::as_str), dims));
        nearest.map_or_else(|| model.default_size.clone(), str::to_owned)
    }

    /// A Pan or Zoom Out's size: of the model's sizes, the one nearest the shape of the grown canvas.
    /// Only models that repaint a masked area at pixel sizes extend (see [`ModelEntry::extends`]).
    fn extension_size(&self, catalogue: &Catalogue, model: &ModelEntry, max: u64) -> Result<String, InvalidRequest> {
        let extends = ModelEntry::extends;
        let unsupported =
            || InvalidRequest::EditUnsupported { model: model.id.clone(), capable: capable(catalogue, extends) };
        if !extends(model) {
            return Err(unsupported());
        }
        let source = self.source.as_ref().ok_or(InvalidRequest::MissingImage)?;
        check_upload(source, max)?;
        let ((w, h), extension) = source.dimensions.zip(self.extension).ok_or(InvalidRequest::MissingImage)?;
        let (cw, ch, _, _) = canvas(w, h, extension);
        let size = nearest_size(model.sizes.iter().map(String::as_str), (cw, ch)).ok_or_else(unsupported)?;
        Ok(size.to_owned())
    }

    /// A `/describe`: the describer asked for (else the first offered) and the picture, checked.
    fn resolve_describe(&self, catalogue: &Catalogue, max_source_bytes: u64) -> Result<JobSpec, InvalidRequest> {
        let offered = || catalogue.describers().iter().map(|d| d.id.clone()).collect();
        let describer = match self.model.as_deref() {
            Some(id) => catalogue.describer(id),
            None => catalogue.describers().first(),
        };
        let describer = describer.ok_or_else(|| InvalidRequest::UnknownModel {
            model: self.model.clone().unwrap_or_default(),
            offered: offered(),
        })?;
        check_upload(self.source.as_ref().ok_or(InvalidRequest::MissingImage)?, max_source_bytes)?;
        let model = describer.as_model();
        Ok(JobSpec {
            estimate_usd: model.estimate_usd(DESCRIBE_SIZE, DESCRIBE_QUALITY, 1),
            model,
            prompt: None,
            member_prompt: None,
            size: DESCRIBE_SIZE.to_owned(),
            quality: DESCRIBE_QUALITY.to_owned(),
            style: None,
            n: 1,
            seed: None,
            negative_prompt: None,
            style_prompts: Vec::new(),
            steps: None,
            cfg_scale: None,
            sampler: None,
            hires: false,
            translated_prompt: None,
            draft: false,
        })
    }
}

/// The offered models `can` picks, named to a member whose model cannot.
fn capable(catalogue: &Catalogue, can: impl Fn(&ModelEntry) -> bool) -> Vec<String> {
    catalogue.ids_where(can).into_iter().map(str::to_owned).collect()
}

/// The model's cheapest quality at `size` (its catalogue price; the first listed among equals).
fn cheapest_quality(model: &ModelEntry, size: &str) -> String {
    let price = |q: &String| model.image_price(size, q).unwrap_or(f64::INFINITY);
    let cheapest = model.qualities.iter().min_by(|a, b| price(a).total_cmp(&price(b)));
    cheapest.cloned().unwrap_or_else(|| model.default_quality.clone())
}

/// An upload must be an image by its declared type and under the download cap.
fn check_upload(source: &SourceImage, max: u64) -> Result<(), InvalidRequest> {
    let declared_image = source.content_type.as_deref().is_none_or(|t| t.starts_with("image/"));
    if !declared_image {
        return Err(InvalidRequest::NotAnImage { filename: source.filename.clone() });
    }
    if source.size > max {
        return Err(InvalidRequest::ImageTooLarge { filename: source.filename.clone(), size: source.size, max });
    }
    Ok(())
}

fn pick(
    model: &ModelEntry,
    option: &'static str,
    given: Option<&str>,
    default: &str,
    allowed: &[String],
) -> Result<String, InvalidRequest> {
    let value = given.unwrap_or(default);
    if allowed.iter().any(|a| a == value) {
        Ok(value.to_owned())
    } else {
        Err(InvalidRequest::NotAllowed {
            model: model.id.clone(),
            option,
            value: value.to_owned(),
            allowed: allowed.to_vec(),
        })
    }
}
