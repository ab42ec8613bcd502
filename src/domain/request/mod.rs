//! What a member asked for, and the checked job Easel will run for it.
//!
//! A [`JobRequest`] is what the Discord adapter parsed from a slash command, options still as typed.
//! [`JobRequest::resolve`] checks it against the catalogue and fills the defaults, giving a [`JobSpec`]:
//! the one place where "is this combination allowed" is decided, so the message listing what a model
//! allows is the same everywhere.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::catalogue::{BackendKind, Catalogue, ModelEntry};

mod invalid;
pub use invalid::InvalidRequest;

/// Which slash command started a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// `/generate`: any allowed quality.
    Generate,
    /// `/hd`: the model's top quality tier.
    Hd,
    /// `/variation`: a new take on an uploaded image.
    Variation,
    /// `/edit` or a result's Edit button: an image changed as an instruction says, optionally only where
    /// a mask marks.
    Edit,
    /// A result's HD button: one image redone at the model's top quality (or the server's upscaler).
    Upscale,
    /// `/styles`: one subject in several styles, delivered as a captioned grid and each single image.
    Styles,
}

impl Command {
    /// Every command, for what is reported per command (each at zero from start-up in `/metrics`).
    pub const ALL: [Self; 6] = [Self::Generate, Self::Hd, Self::Variation, Self::Edit, Self::Upscale, Self::Styles];

    /// The slash command's name, for logs and embeds.
    pub fn name(self) -> &'static str {
        match self {
            Self::Generate => "generate",
            Self::Hd => "hd",
            Self::Variation => "variation",
            Self::Edit => "edit",
            Self::Upscale => "upscale",
            Self::Styles => "styles",
        }
    }
}

/// A job's id: the interaction's snowflake in Discord, so a complaint can be traced end to end.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JobId(pub String);

impl JobId {
    /// Whether `text` can be a job id (a snowflake: up to 40 digits), before any store is asked about
    /// what a member typed or a button carries.
    pub fn looks_valid(text: &str) -> bool {
        !text.is_empty() && text.len() <= 40 && text.bytes().all(|b| b.is_ascii_digit())
    }
}

impl JobId {
    /// The id as text (as stored, and as Discord's snowflake).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for JobId {
    fn from(id: &str) -> Self {
        Self(id.to_owned())
    }
}

impl From<&String> for JobId {
    fn from(id: &String) -> Self {
        Self(id.clone())
    }
}

impl From<String> for JobId {
    fn from(id: String) -> Self {
        Self(id)
    }
}

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who asked, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requester {
    /// The member's user id.
    pub user_id: u64,
    /// The guild, when not in a DM.
    pub guild_id: Option<u64>,
    /// The channel the command was typed in.
    pub channel_id: u64,
    /// The member's roles in the guild (for limit tiers).
    pub roles: Vec<u64>,
    /// Whether Discord says they may manage the server (exempt from per-member limits by default).
    pub is_manager: bool,
}

/// An image the member uploaded for `/variation`, as Discord described it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceImage {
    /// Where Discord serves it (signed, expiring).
    pub url: String,
    /// The file's name.
    pub filename: String,
    /// Its declared type, e.g. `image/png`.
    pub content_type: Option<String>,
    /// Its declared size in bytes.
    pub size: u64,
}

/// A command as the member typed it: options unchecked, defaults not yet applied. Stored with its job
/// (as JSON), so a restarted process runs exactly what was asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobRequest {
    /// Traceable id.
    pub id: JobId,
    /// Which command.
    pub command: Command,
    /// The prompt (optional for `/variation`).
    pub prompt: Option<String>,
    /// Model id, when given.
    pub model: Option<String>,
    /// Size, when given.
    pub size: Option<String>,
    /// Quality, when given (ignored by `/hd`).
    pub quality: Option<String>,
    /// Style, when given.
    pub style: Option<String>,
    /// Number of images, when given.
    pub n: Option<i64>,
    /// The uploaded image of `/variation`.
    pub source: Option<SourceImage>,
    /// Who asked.
    pub requester: Requester,
    /// The largest attachment Discord accepts in this channel, in bytes.
    pub upload_limit: u64,
    /// The mask of `/edit`: what to repaint.
    #[serde(default)]
    pub mask: Option<SourceImage>,
    /// The markup of `/edit`: an instruction drawn over a copy of the image (models that take one).
    #[serde(default)]
    pub markup: Option<SourceImage>,
    /// A seed, for models that take one.
    #[serde(default)]
    pub seed: Option<i64>,
    /// What the image should not show, for models that take it.
    #[serde(default)]
    pub negative_prompt: Option<String>,
    /// Sampling steps, for models that let members tune them.
    #[serde(default)]
    pub steps: Option<i64>,
    /// CFG scale, for models that let members tune it.
    #[serde(default)]
    pub cfg_scale: Option<f64>,
    /// Sampler, for models that let members tune it.
    #[serde(default)]
    pub sampler: Option<String>,
    /// The styles of `/styles`.
    #[serde(default)]
    pub styles: Vec<String>,
    /// Whether the result is shown to the member alone (their `/settings`).
    #[serde(default)]
    pub private: bool,
    /// The job whose result this one iterates on (a button click), for the log.
    #[serde(default)]
    pub parent: Option<JobId>,
    /// Set when the job is an approved community request: the server's budget pays, and the result goes
    /// to the gallery.
    #[serde(default)]
    pub community: Option<Community>,
}

/// An approved community request, as its job carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Community {
    /// The request's id.
    pub request_id: String,
    /// The moderator who approved it.
    pub approved_by: u64,
    /// Where the requester is told when their direct messages are closed (the requests channel).
    #[serde(default)]
    pub notice_channel: Option<u64>,
}

/// A checked job: every option allowed by its model, defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct JobSpec {
    /// The catalogue entry.
    pub model: ModelEntry,
    /// The prompt sent (for an edit-based variation without prompt: the catalogue's instruction).
    pub prompt: Option<String>,
    /// The member's own prompt, cleaned ([`crate::text::clean`]): what the server's rules judge.
    pub member_prompt: Option<String>,
    /// The size sent.
    pub size: String,
    /// The quality sent.
    pub quality: String,
    /// The style sent, if any.
    pub style: Option<String>,
    /// How many images.
    pub n: u8,
    /// The catalogue's estimate of the cost, USD.
    pub estimate_usd: f64,
    /// The seed asked for, if any.
    pub seed: Option<i64>,
    /// The negative prompt, cleaned, if any.
    pub negative_prompt: Option<String>,
    /// The prompt of each model call of `/styles` (the subject in one style each); empty otherwise.
    pub style_prompts: Vec<(String, String)>,
    /// Sampling steps the member chose.
    pub steps: Option<u32>,
    /// CFG scale the member chose.
    pub cfg_scale: Option<f64>,
    /// Sampler the member chose.
    pub sampler: Option<String>,
    /// `/hd` on a Stable Diffusion server with an upscaler: hires fix.
    pub hires: bool,
}

impl JobSpec {
    /// Every text of the member's that the model will read: the prompt (with their saved suffix), the
    /// negative prompt, the styles of `/styles`. All of them are screened, and logged.
    pub fn member_texts(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = self.member_prompt.iter().map(String::as_str).collect();
        texts.extend(self.negative_prompt.as_deref());
        texts.extend(self.style_prompts.iter().map(|(_, style)| style.as_str()));
        texts
    }

    /// The member's words as the audit log keeps them, in full: the prompt, then the negative prompt
    /// and the styles when there are any.
    pub fn logged_words(&self) -> String {
        let mut words = self.member_prompt.clone().unwrap_or_default();
        if let Some(negative) = &self.negative_prompt {
            words.push_str(&format!("\nNegative prompt: {negative}"));
        }
        if !self.style_prompts.is_empty() {
            let styles: Vec<&str> = self.style_prompts.iter().map(|(_, s)| s.as_str()).collect();
            words.push_str(&format!("\nStyles: {}", styles.join(", ")));
        }
        words
    }
}

/// Steps, CFG scale and sampler as a member chose them (each `None` when not).
type Tuning = (Option<u32>, Option<f64>, Option<String>);

/// The sampling steps a member may ask for.
pub const STEPS_RANGE: std::ops::RangeInclusive<i64> = 1..=150;
/// The CFG scales a member may ask for.
pub const CFG_RANGE: std::ops::RangeInclusive<f64> = 1.0..=30.0;

/// What a result's HD button asks an edit-capable model for when the member gave no instruction.
pub const UPSCALE_INSTRUCTION: &str =
    "Recreate this exact image at the highest detail and sharpness: keep its content, composition and colours.";

/// The styles `/styles` compares when the member names none (the seed guide's list).
pub const DEFAULT_STYLES: [&str; 4] = ["photorealistic", "oil painting", "watercolor", "cyberpunk digital art"];

/// The most styles one `/styles` compares.
pub const MAX_STYLES: usize = 4;

/// A seed's range: what Stable Diffusion takes (`-1` asks it to pick).
pub const SEED_RANGE: std::ops::RangeInclusive<i64> = -1..=4_294_967_295;

impl JobRequest {
    /// A request with no option given yet (the adapter fills in what the member typed).
    pub fn new(id: JobId, command: Command, requester: Requester, upload_limit: u64) -> Self {
        Self {
            id,
            command,
            prompt: None,
            model: None,
            size: None,
            quality: None,
            style: None,
            n: None,
            source: None,
            requester,
            upload_limit,
            mask: None,
            markup: None,
            seed: None,
            negative_prompt: None,
            steps: None,
            cfg_scale: None,
            sampler: None,
            styles: Vec::new(),
            private: false,
            parent: None,
            community: None,
        }
    }

    /// Checks the request against the offered catalogue and fills in defaults.
    ///
    /// `max_source_bytes` is the download cap for `/variation` uploads.
    pub fn resolve(
        &self,
        catalogue: &Catalogue,
        default_model: &str,
        max_source_bytes: u64,
    ) -> Result<JobSpec, InvalidRequest> {
        let model_id = self.model.as_deref().unwrap_or(default_model);
        let model = catalogue.get(model_id).ok_or_else(|| InvalidRequest::UnknownModel {
            model: model_id.to_owned(),
            offered: catalogue.models().iter().map(|m| m.id.clone()).collect(),
        })?;
        let member_prompt = self.checked_prompt(model)?;
        let prompt = member_prompt.clone();
        let size = pick(model, "size", self.size.as_deref(), &model.default_size, &model.sizes)?;
        let quality = match self.command {
            Command::Hd => model.hd_quality.clone(),
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
                prompt.or_else(|| Some(UPSCALE_INSTRUCTION.to_owned()))
            }
            Command::Styles => {
                let subject = prompt.ok_or(InvalidRequest::EmptyPrompt)?;
                style_prompts = self.checked_styles(model, &subject)?;
                n = style_prompts.len() as u8;
                Some(subject)
            }
            Command::Generate | Command::Hd => Some(prompt.ok_or(InvalidRequest::EmptyPrompt)?),
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
                capable: catalogue.models().iter().filter(|m| m.tuning).map(|m| m.id.clone()).collect(),
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
            capable: catalogue.models().iter().filter(|m| takes(m)).map(|m| m.id.clone()).collect(),
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
                capable: catalogue.models().iter().filter(|m| m.can_edit()).map(|m| m.id.clone()).collect(),
            });
        }
        let source = self.source.as_ref().ok_or(InvalidRequest::MissingImage)?;
        check_upload(source, max)?;
        if let Some(mask) = &self.mask {
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
                capable: catalogue.models().iter().filter(|m| m.variation.is_some()).map(|m| m.id.clone()).collect(),
            });
        }
        let source = self.source.as_ref().ok_or(InvalidRequest::MissingImage)?;
        check_upload(source, max)
    }
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

#[cfg(test)]
pub(crate) mod tests;
