//! Why a request is not allowed, in the words the member reads: each message lists what is allowed
//! instead.

use super::{code_list, Lang};
use crate::discord::words::t;
use crate::domain::request::{InvalidRequest, CFG_RANGE, MAX_STYLES, STEPS_RANGE};

/// What the member reads for a request the catalogue does not allow.
pub fn invalid(lang: Lang, e: &InvalidRequest) -> String {
    let list = |values: &[String]| code_list(lang, values);
    match e {
        InvalidRequest::UnknownModel { model, offered } => {
            t!(lang, "invalid-unknown-model", model = model.as_str(), offered = list(offered))
        }
        InvalidRequest::EmptyPrompt => t!(lang, "invalid-empty-prompt"),
        InvalidRequest::PromptTooLong { model, len, max } => {
            t!(lang, "invalid-prompt-too-long", length = *len, model = model.as_str(), max = *max)
        }
        InvalidRequest::NotAllowed { model, option, value, allowed } => t!(
            lang,
            "invalid-not-allowed",
            model = model.as_str(),
            option = option_word(lang, option),
            value = value.as_str(),
            allowed = list(allowed)
        ),
        InvalidRequest::NoStyles { model } => t!(lang, "invalid-no-styles", model = model.as_str()),
        InvalidRequest::CountOutOfRange { model, n, min, max } => {
            t!(lang, "invalid-count", model = model.as_str(), min = *min, max = *max, count = n.to_string())
        }
        InvalidRequest::VariationUnsupported { model, capable } => {
            t!(lang, "invalid-variation-unsupported", model = model.as_str(), capable = list(capable))
        }
        InvalidRequest::MissingImage => t!(lang, "invalid-missing-image"),
        InvalidRequest::BlendUnsupported { model, capable } => {
            t!(lang, "invalid-blend-unsupported", model = model.as_str(), capable = list(capable))
        }
        InvalidRequest::BlendCount { given, max } => t!(lang, "invalid-blend-count", given = *given, max = *max),
        InvalidRequest::EditUnsupported { model, capable } => {
            t!(lang, "invalid-edit-unsupported", model = model.as_str(), capable = list(capable))
        }
        InvalidRequest::StylePictureUnsupported { model, capable } => {
            t!(lang, "invalid-style-picture-unsupported", model = model.as_str(), capable = list(capable))
        }
        InvalidRequest::OptionUnsupported { model, option, capable } => t!(
            lang,
            "invalid-option-unsupported",
            model = model.as_str(),
            option = option_word(lang, option),
            capable = list(capable)
        ),
        InvalidRequest::TuningOutOfRange { option } => {
            let (min, max) = if *option == "steps" {
                (STEPS_RANGE.start().to_string(), STEPS_RANGE.end().to_string())
            } else {
                (lang.number(*CFG_RANGE.start(), 0), lang.number(*CFG_RANGE.end(), 0))
            };
            t!(lang, "invalid-tuning-range", option = option_word(lang, option), min = min, max = max)
        }
        InvalidRequest::SeedOutOfRange { seed } => t!(lang, "invalid-seed", seed = seed.to_string()),
        InvalidRequest::BadStyles => t!(lang, "invalid-styles", max = MAX_STYLES),
        InvalidRequest::StylesUnsupported { model } => t!(lang, "invalid-styles-unsupported", model = model.as_str()),
        InvalidRequest::NotAnImage { filename } => t!(lang, "invalid-not-an-image", file = filename.as_str()),
        InvalidRequest::ImageTooLarge { filename, size, max } => t!(
            lang,
            "invalid-image-too-large",
            file = filename.as_str(),
            size = lang.number(mb(*size), 1),
            max = lang.number(mb(*max), 1)
        ),
    }
}

/// What a request's option is called in a sentence (`option` as the core names it).
pub fn option_word(lang: Lang, option: &str) -> String {
    match option {
        "size" => t!(lang, "option-word-size"),
        "quality" => t!(lang, "option-word-quality"),
        "style" => t!(lang, "option-word-style"),
        "steps" => t!(lang, "option-word-steps"),
        "cfg_scale" => t!(lang, "option-word-cfg_scale"),
        "sampler" => t!(lang, "option-word-sampler"),
        "markup" => t!(lang, "option-word-markup"),
        "mask" => t!(lang, "option-word-mask"),
        "reference" => t!(lang, "option-word-reference"),
        "steps, cfg_scale or sampler" => t!(lang, "option-word-tuning"),
        other => other.to_owned(),
    }
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
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
        assert_eq!(
            invalid(Lang::EnUs, &size),
            "`dall-e-3` does not offer size `256x256`. It allows: `1024x1024`, `1792x1024`."
        );
        let count = InvalidRequest::CountOutOfRange { model: "dall-e-3".into(), n: 2, min: 1, max: 1 };
        assert!(invalid(Lang::EnUs, &count).contains("1 to 1 images"));
        let none = InvalidRequest::VariationUnsupported { model: "m".into(), capable: Vec::new() };
        assert!(invalid(Lang::EnUs, &none).ends_with("Models that can: none."));
    }
}
