//! Why a request is not allowed, in the words the member reads: each message lists what is allowed
//! instead.

use crate::domain::request::{InvalidRequest, CFG_RANGE, MAX_STYLES, STEPS_RANGE};

/// What the member reads for a request the catalogue does not allow.
pub fn invalid(e: &InvalidRequest) -> String {
    match e {
        InvalidRequest::UnknownModel { model, offered } => {
            format!("`{model}` is not a model this bot offers. Choose one of: {}.", list(offered))
        }
        InvalidRequest::EmptyPrompt => "Please give a prompt describing the image you want.".into(),
        InvalidRequest::PromptTooLong { model, len, max } => {
            format!("Your prompt is {len} characters long; `{model}` accepts at most {max}.")
        }
        InvalidRequest::NotAllowed { model, option, value, allowed } => {
            format!("`{model}` does not offer {option} `{value}`. It allows: {}.", list(allowed))
        }
        InvalidRequest::NoStyles { model } => format!("`{model}` takes no style; leave the style option out."),
        InvalidRequest::CountOutOfRange { model, n, min, max } => {
            format!("`{model}` makes {min} to {max} images a request; you asked for {n}.")
        }
        InvalidRequest::VariationUnsupported { model, capable } => {
            format!("`{model}` cannot make variations. Models that can: {}.", list(capable))
        }
        InvalidRequest::MissingImage => "Please attach the image to make a variation of.".into(),
        InvalidRequest::EditUnsupported { model, capable } => {
            format!("`{model}` cannot edit images. Models that can: {}.", list(capable))
        }
        InvalidRequest::OptionUnsupported { model, option, capable } => {
            format!("`{model}` takes no {option}; leave it out or pick a model that does: {}.", list(capable))
        }
        InvalidRequest::TuningOutOfRange { option } => {
            format!("{option} must be within {}; please pick another value.", range_of(option))
        }
        InvalidRequest::SeedOutOfRange { seed } => {
            format!("A seed must be a whole number from -1 to 4294967295; you gave {seed}.")
        }
        InvalidRequest::BadStyles => format!("Please name 1 to {MAX_STYLES} styles, separated by commas."),
        InvalidRequest::StylesUnsupported { model } => {
            format!("`{model}` makes one image per style; pick another model for `/styles`.")
        }
        InvalidRequest::NotAnImage { filename } => {
            format!("`{filename}` is not an image. Please attach a PNG, JPEG or WebP picture.")
        }
        InvalidRequest::ImageTooLarge { filename, size, max } => {
            format!("`{filename}` is {} MB; the largest image I accept is {} MB.", mb(*size), mb(*max))
        }
    }
}

fn range_of(option: &str) -> String {
    if option == "steps" {
        format!("{} to {}", STEPS_RANGE.start(), STEPS_RANGE.end())
    } else {
        format!("{} to {}", CFG_RANGE.start(), CFG_RANGE.end())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_lists_what_is_allowed_instead() {
        let size = InvalidRequest::NotAllowed {
            model: "dall-e-3".into(),
            option: "size",
            value: "256x256".into(),
            allowed: vec!["1024x1024".into(), "1792x1024".into()],
        };
        assert_eq!(invalid(&size), "`dall-e-3` does not offer size `256x256`. It allows: `1024x1024`, `1792x1024`.");
        let count = InvalidRequest::CountOutOfRange { model: "dall-e-3".into(), n: 2, min: 1, max: 1 };
        assert!(invalid(&count).contains("1 to 1 images"));
        let none = InvalidRequest::VariationUnsupported { model: "m".into(), capable: Vec::new() };
        assert!(invalid(&none).ends_with("Models that can: none."));
    }
}
