//! Why a request is not allowed: each case carries what is allowed instead, for the member's words
//! (`discord::words::invalid`).

/// A request the catalogue does not allow, with what is allowed instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InvalidRequest {
    /// No such model is offered.
    #[error("`{model}` is not offered")]
    UnknownModel {
        /// What was asked.
        model: String,
        /// What is offered.
        offered: Vec<String>,
    },
    /// The prompt is missing or blank.
    #[error("no prompt")]
    EmptyPrompt,
    /// The prompt is over the model's limit.
    #[error("a prompt of {len} characters, over `{model}`'s {max}")]
    PromptTooLong {
        /// Model id.
        model: String,
        /// Characters given.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// An option's value is not one the model allows.
    #[error("`{model}` does not offer {option} `{value}`")]
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
    #[error("`{model}` takes no style")]
    NoStyles {
        /// Model id.
        model: String,
    },
    /// `n` is out of the model's range.
    #[error("`{model}` makes {min} to {max} images, not {n}")]
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
    #[error("`{model}` cannot make variations")]
    VariationUnsupported {
        /// Model id.
        model: String,
        /// Offered models that can.
        capable: Vec<String>,
    },
    /// `/variation` without an image.
    #[error("no image to vary")]
    MissingImage,
    /// The model cannot blend several images (nor take a reference).
    #[error("`{model}` cannot blend images")]
    BlendUnsupported {
        /// Model id.
        model: String,
        /// Offered models that can.
        capable: Vec<String>,
    },
    /// `/blend` with fewer than two images, or more than the model takes.
    #[error("{given} images to blend, outside 2..={max}")]
    BlendCount {
        /// Images given.
        given: usize,
        /// The most this model blends.
        max: usize,
    },
    /// A saved style picked with the prompt keeps a reference picture, which the model cannot take.
    #[error("`{model}` takes no reference picture, which the saved style keeps")]
    StylePictureUnsupported {
        /// Model id.
        model: String,
        /// Offered models that take a reference.
        capable: Vec<String>,
    },
    /// The model cannot edit images.
    #[error("`{model}` cannot edit images")]
    EditUnsupported {
        /// Model id.
        model: String,
        /// Offered models that can.
        capable: Vec<String>,
    },
    /// An option the model does not take (seed, negative prompt).
    #[error("`{model}` takes no {option}")]
    OptionUnsupported {
        /// Model id.
        model: String,
        /// The option's name.
        option: &'static str,
        /// Offered models that take it.
        capable: Vec<String>,
    },
    /// Steps or CFG scale outside their range.
    #[error("{option} out of range")]
    TuningOutOfRange {
        /// `steps` or `cfg_scale`.
        option: &'static str,
    },
    /// A seed outside what the model takes.
    #[error("seed {seed} out of range")]
    SeedOutOfRange {
        /// What was given.
        seed: i64,
    },
    /// `/styles` with too many styles, or a blank one.
    #[error("too many or blank styles")]
    BadStyles,
    /// `/styles` on a model that cannot make that many images' worth of calls in one job.
    #[error("`{model}` cannot make a style sheet")]
    StylesUnsupported {
        /// Model id.
        model: String,
    },
    /// The upload is not an image by its declared type.
    #[error("`{filename}` is not an image")]
    NotAnImage {
        /// The file's name.
        filename: String,
    },
    /// The upload is over Easel's download cap.
    #[error("`{filename}` is {size} bytes, over {max}")]
    ImageTooLarge {
        /// The file's name.
        filename: String,
        /// Its size.
        size: u64,
        /// The cap.
        max: u64,
    },
}
