//! Why a request is not allowed, in the words the member reads: each message lists what is allowed
//! instead.

use super::{CFG_RANGE, MAX_STYLES, STEPS_RANGE};

fn range_of(option: &str) -> String {
    if option == "steps" {
        format!("{} to {}", STEPS_RANGE.start(), STEPS_RANGE.end())
    } else {
        format!("{} to {}", CFG_RANGE.start(), CFG_RANGE.end())
    }
}

/// A request the catalogue does not allow; the text lists what is allowed instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InvalidRequest {
    /// No such model is offered.
    #[error("`{model}` is not a model this bot offers. Choose one of: {}.", list(offered))]
    UnknownModel {
        /// What was asked.
        model: String,
        /// What is offered.
        offered: Vec<String>,
    },
    /// The prompt is missing or blank.
    #[error("Please give a prompt describing the image you want.")]
    EmptyPrompt,
    /// The prompt is over the model's limit.
    #[error("Your prompt is {len} characters long; `{model}` accepts at most {max}.")]
    PromptTooLong {
        /// Model id.
        model: String,
        /// Characters given.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// An option's value is not one the model allows.
    #[error("`{model}` does not offer {option} `{value}`. It allows: {}.", list(allowed))]
    NotAllowed {
        /// Model id.
        model: String,
        /// Which option (size, quality, style).
        option: &'static str,
        /// The value given.
        value: String,
        /// What it allows.
        allowed: Vec<String>,
    },
    /// A style was given to a model that takes none.
    #[error("`{model}` takes no style; leave the style option out.")]
    NoStyles {
        /// Model id.
        model: String,
    },
    /// `n` is out of the model's range.
    #[error("`{model}` makes {min} to {max} images a request; you asked for {n}.")]
    CountOutOfRange {
        /// Model id.
        model: String,
        /// What was asked.
        n: i64,
        /// Fewest allowed.
        min: u8,
        /// Most allowed.
        max: u8,
    },
    /// The model cannot vary an image.
    #[error("`{model}` cannot make variations. Models that can: {}.", list(capable))]
    VariationUnsupported {
        /// Model id.
        model: String,
        /// Offered models that can.
        capable: Vec<String>,
    },
    /// `/variation` without an image.
    #[error("Please attach the image to make a variation of.")]
    MissingImage,
    /// The model cannot edit images.
    #[error("`{model}` cannot edit images. Models that can: {}.", list(capable))]
    EditUnsupported {
        /// Model id.
        model: String,
        /// Offered models that can.
        capable: Vec<String>,
    },
    /// An option the model does not take (seed, negative prompt).
    #[error("`{model}` takes no {option}; leave it out or pick a model that does: {}.", list(capable))]
    OptionUnsupported {
        /// Model id.
        model: String,
        /// The option's name.
        option: &'static str,
        /// Offered models that take it.
        capable: Vec<String>,
    },
    /// Steps or CFG scale outside their range.
    #[error("{option} must be within {}; please pick another value.", range_of(option))]
    TuningOutOfRange {
        /// `steps` or `cfg_scale`.
        option: &'static str,
    },
    /// A seed outside what the model takes.
    #[error("A seed must be a whole number from -1 to 4294967295; you gave {seed}.")]
    SeedOutOfRange {
        /// What was given.
        seed: i64,
    },
    /// `/styles` with too many styles, or a blank one.
    #[error("Please name 1 to {max} styles, separated by commas.", max = MAX_STYLES)]
    BadStyles,
    /// `/styles` on a model that cannot make that many images' worth of calls in one job.
    #[error("`{model}` makes one image per style; pick another model for `/styles`.")]
    StylesUnsupported {
        /// Model id.
        model: String,
    },
    /// The upload is not an image by its declared type.
    #[error("`{filename}` is not an image. Please attach a PNG, JPEG or WebP picture.")]
    NotAnImage {
        /// The file's name.
        filename: String,
    },
    /// The upload is over Easel's download cap.
    #[error("`{filename}` is {} MB; the largest image I accept is {} MB.", mb(*size), mb(*max))]
    ImageTooLarge {
        /// The file's name.
        filename: String,
        /// Its size.
        size: u64,
        /// The cap.
        max: u64,
    },
}

fn list(values: &[String]) -> String {
    if values.is_empty() {
        return "none".to_owned();
    }
    values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}
