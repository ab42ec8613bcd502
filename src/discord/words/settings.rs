//! `/settings`' words.

use crate::community::settings::{MemberSettings, SettingsError, MAX_SUFFIX_CHARS};

/// A member's settings as they read them.
pub fn describe(settings: &MemberSettings, default_model: &str) -> String {
    let show = |v: &Option<String>, unset: &str| v.as_deref().map_or(unset.to_owned(), |v| format!("`{v}`"));
    [
        format!("Model: {}", show(&settings.model, &format!("the server's default (`{default_model}`)"))),
        format!("Size: {}", show(&settings.size, "the model's default")),
        format!("Quality: {}", show(&settings.quality, "the model's default")),
        format!("Style: {}", show(&settings.style, "none")),
        format!("Prompt suffix: {}", show(&settings.suffix, "none")),
        format!(
            "Results: {}",
            if settings.public == Some(false) { "shown to you alone" } else { "posted for everyone" }
        ),
    ]
    .join("\n")
}

/// Why a setting was refused, for the member.
pub fn refused(error: &SettingsError) -> String {
    match error {
        SettingsError::UnknownModel(model) => {
            format!("`{model}` is not a model this bot offers; see `/help` for the list.")
        }
        SettingsError::NotOffered { model, option, value } => format!("`{model}` does not offer {option} `{value}`."),
        SettingsError::SuffixTooLong(len) => {
            format!("Your prompt suffix is {len} characters; the most is {MAX_SUFFIX_CHARS}.")
        }
    }
}
