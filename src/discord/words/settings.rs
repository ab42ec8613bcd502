//! `/settings`' words.

use super::Lang;
use crate::community::settings::{MemberSettings, SettingsError, MAX_SUFFIX_CHARS};
use crate::discord::words::t;

/// A member's settings as they read them; `discord` is the language Discord says they use.
pub fn describe(lang: Lang, settings: &MemberSettings, default_model: &str, discord: Lang) -> String {
    let show = |v: &Option<String>, unset: String| v.as_deref().map_or(unset, |v| format!("`{v}`"));
    let model_default = || t!(lang, "settings-model-default");
    let language = match settings.language.as_deref().and_then(Lang::from_code) {
        Some(chosen) => chosen.native_name().to_owned(),
        None => t!(lang, "settings-discord-language", language = discord.native_name()),
    };
    [
        t!(
            lang,
            "settings-model",
            value = show(&settings.model, t!(lang, "settings-server-default", model = default_model))
        ),
        t!(lang, "settings-size", value = show(&settings.size, model_default())),
        t!(lang, "settings-quality", value = show(&settings.quality, model_default())),
        t!(lang, "settings-style", value = show(&settings.style, t!(lang, "list-none"))),
        t!(lang, "settings-suffix", value = show(&settings.suffix, t!(lang, "list-none"))),
        if settings.public == Some(false) {
            t!(lang, "settings-results-private")
        } else {
            t!(lang, "settings-results-public")
        },
        t!(lang, "settings-language", value = language),
        if settings.draft == Some(true) { t!(lang, "settings-drafts-on") } else { t!(lang, "settings-drafts-off") },
    ]
    .join("\n")
}

/// Why a setting was refused, for the member.
pub fn refused(lang: Lang, error: &SettingsError) -> String {
    match error {
        SettingsError::UnknownModel(model) => t!(lang, "settings-unknown-model", model = model.as_str()),
        SettingsError::NotOffered { model, option, value } => t!(
            lang,
            "settings-not-offered",
            model = model.as_str(),
            option = super::invalid::option_word(lang, option),
            value = value.as_str()
        ),
        SettingsError::SuffixTooLong(len) => {
            t!(lang, "settings-suffix-too-long", length = *len, max = MAX_SUFFIX_CHARS)
        }
    }
}
