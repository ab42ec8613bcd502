//! What a member asked for, and the checked job Easel will run for it.
//!
//! A [`JobRequest`] is what the Discord adapter parsed from a slash command, options still as typed.
//! [`JobRequest::resolve`] checks it against the catalogue and fills the defaults, giving a [`JobSpec`]:
//! the one place where "is this combination allowed" is decided, so the message listing what a model
//! allows is the same everywhere.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::catalogue::{BackendKind, Catalogue, ModelEntry};

pub mod extension;
mod invalid;
mod resolve;
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
    /// `/describe`: a picture turned into prompt suggestions (no image is made).
    Describe,
    /// A result's Pan or Zoom Out: its image on a larger canvas, the new area filled by the model.
    Extend,
    /// `/blend`: several uploads fused into one picture by a model whose edits take several images.
    Blend,
}

impl Command {
    /// Every command, for what is reported per command (each at zero from start-up in `/metrics`).
    pub const ALL: [Self; 9] = [
        Self::Generate,
        Self::Hd,
        Self::Variation,
        Self::Edit,
        Self::Upscale,
        Self::Styles,
        Self::Describe,
        Self::Extend,
        Self::Blend,
    ];

    /// The slash command's name, for logs and embeds.
    pub fn name(self) -> &'static str {
        match self {
            Self::Generate => "generate",
            Self::Hd => "hd",
            Self::Variation => "variation",
            Self::Edit => "edit",
            Self::Upscale => "upscale",
            Self::Styles => "styles",
            Self::Describe => "describe",
            Self::Extend => "extend",
            Self::Blend => "blend",
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
    /// The language they read (Discord's locale code: their `/settings language`, else their client's);
    /// `None` when unknown (the bot's default language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
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
    /// Its width and height in pixels, when Discord said (an image's attachment does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<(u32, u32)>,
    /// A picture Easel keeps itself (a saved style's reference): its name in Easel's storage, read from
    /// there instead of `url`. Never taken from what Discord sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<String>,
}

/// Which job, whose, where, by which command and on which model: what both the ledger's charge and
/// the audit log's entry record of a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobTag {
    /// The job id (the interaction's id): the same in the member's footer, the log and the ledger.
    pub job_id: String,
    /// Its server (`None` in direct messages).
    pub guild_id: Option<u64>,
    /// Where the command was typed.
    pub channel_id: u64,
    /// Who asked (in the ledger, the server's own account for an approved community request).
    pub user_id: u64,
    /// `generate`, `hd`, `variation`, …
    pub command: String,
    /// The catalogue model id.
    pub model: String,
}

impl JobTag {
    /// The tag of `request` run on `model`.
    pub fn of(request: &JobRequest, model: &str) -> Self {
        let who = &request.requester;
        Self {
            job_id: request.id.0.clone(),
            guild_id: who.guild_id,
            channel_id: who.channel_id,
            user_id: who.user_id,
            command: request.command.name().to_owned(),
            model: model.to_owned(),
        }
    }
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
    /// Where the parent's result was shown (channel, message), for a jump link from this result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_message: Option<(u64, u64)>,
    /// Set when the job is an approved community request: the server's budget pays, and the result goes
    /// to the gallery.
    #[serde(default)]
    pub community: Option<Community>,
    /// `/blend`'s images after the first (`source`), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_images: Vec<SourceImage>,
    /// `/generate reference:`: an image the model keeps to (a person, an object, a product), sent with
    /// the prompt as an edit's input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<SourceImage>,
    /// An Upscale (Creative): the image re-detailed at the model's largest size of its shape, rather
    /// than enlarged faithfully (HD).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub creative: bool,
    /// How a Pan or Zoom Out grows the source's canvas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<extension::Extension>,
    /// `/generate draft:` (else the member's `/settings draft`): the model's cheapest quality, with an
    /// Enhance button that renders the same request at its top quality. `None`: not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<bool>,
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
    /// The prompt in English as the translator rendered it for a model that reads English only
    /// (`translate_prompt`); then it is what [`Self::prompt`] sends. `None`: sent as the member wrote it.
    pub translated_prompt: Option<String>,
    /// A draft: made at the model's cheapest quality, its result offering the top quality.
    pub draft: bool,
}

impl JobSpec {
    /// What the same request costs at the model's top quality (a draft's Enhance), USD.
    pub fn enhanced_estimate_usd(&self) -> f64 {
        self.model.estimate_usd(&self.size, &self.model.hd_quality, self.n)
    }
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

/// What an Upscale (Creative) asks the model for.
pub const CREATIVE_INSTRUCTION: &str = "Re-render this exact picture larger, with richer detail and texture: keep its \
     composition, subjects and colours, and sharpen and enrich every surface.";

/// What `/blend` asks the model for when the member gave no prompt.
pub const BLEND_INSTRUCTION: &str =
    "Blend these pictures into one coherent image, combining their subjects, styles and colours naturally.";

/// The most images one `/blend` fuses.
pub const MAX_BLEND_IMAGES: usize = 5;

/// What a Pan or Zoom Out asks the model for when the result had no prompt (a variation's).
pub const EXTEND_INSTRUCTION: &str =
    "Extend this picture into the empty area, continuing its scene, style and lighting seamlessly.";

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
            parent_message: None,
            community: None,
            extra_images: Vec::new(),
            reference: None,
            creative: false,
            extension: None,
            draft: None,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
