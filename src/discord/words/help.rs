//! The words of `/help`: the seed guide's prompt formula with worked examples, every command, the
//! models this server offers with their prices, and the member's own limits.

use super::Lang;
use crate::discord::words::t;
use crate::domain::catalogue::Catalogue;

/// One section of the help: a heading and its text.
pub type Section = (String, String);

/// How to write a prompt, with two worked examples.
pub fn prompt_formula(lang: Lang) -> String {
    [
        format!("{}\n{}", t!(lang, "help-formula-rule"), t!(lang, "help-formula-explain")),
        format!("{}\n{}", t!(lang, "help-example-one"), t!(lang, "help-example-one-command")),
        format!("{}\n{}", t!(lang, "help-example-two"), t!(lang, "help-example-two-command")),
        t!(lang, "help-styles-tip"),
    ]
    .join("\n\n")
}

/// The sections of `/help` for a member whose limits read `limits` (one line each); `translating`
/// says whether a translator renders prompts into English for models that need it.
pub fn sections(
    lang: Lang,
    catalogue: &Catalogue,
    default_model: &str,
    limits: &[String],
    translating: bool,
) -> Vec<Section> {
    let limits = if limits.is_empty() { t!(lang, "help-limits-none") } else { limits.join("\n") };
    let mut commands = vec![t!(lang, "help-commands")];
    if !catalogue.describers().is_empty() {
        commands.push(t!(lang, "help-describe"));
    }
    commands.push(t!(lang, "help-menus"));
    let mut studio = Vec::new();
    if catalogue.models().iter().any(|m| m.blends()) {
        studio.push(t!(lang, "help-blend"));
    }
    if catalogue.models().iter().any(|m| m.takes_references()) {
        studio.push(t!(lang, "help-reference"));
    }
    studio.push(t!(lang, "help-studio"));
    vec![
        (t!(lang, "help-section-commands"), commands.join("\n")),
        (t!(lang, "help-section-studio"), studio.join("\n")),
        (t!(lang, "help-section-models"), models(lang, catalogue, default_model, translating)),
        (t!(lang, "help-section-limits"), limits),
    ]
}

fn models(lang: Lang, catalogue: &Catalogue, default_model: &str, translating: bool) -> String {
    catalogue
        .models()
        .iter()
        .map(|m| {
            let usd = m.estimate_usd(&m.default_size, &m.default_quality, 1);
            let price = if usd == 0.0 { t!(lang, "help-model-free") } else { lang.money(usd, 3) };
            let line = if m.id == default_model {
                t!(lang, "help-model-default", model = m.id.as_str(), price = price)
            } else {
                t!(lang, "help-model", model = m.id.as_str(), price = price)
            };
            match (m.translate_prompt, translating) {
                (false, _) => line,
                (true, true) => format!("{line} · {}", t!(lang, "help-model-translates")),
                (true, false) => format!("{line} · {}", t!(lang, "help-model-english-only")),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lists_every_offered_model_with_its_price_and_the_members_limits() {
        let sections =
            sections(Lang::EnUs, &Catalogue::builtin(), "gpt-image-2", &["Images today: 1 of 5".into()], false);
        let models = &sections[2].1;
        assert!(models.contains("`gpt-image-2` (default): $0.048"), "{models}");
        assert!(models.contains("`stable-diffusion`: self-hosted, no charge"));
        assert_eq!(sections[3].1, "Images today: 1 of 5");
        assert!(
            sections[1].1.contains("/blend") && sections[1].1.contains("Zoom Out"),
            "the studio: {}",
            sections[1].1
        );
    }

    #[test]
    fn every_language_s_help_fits_discord_s_embed_fields() {
        for lang in Lang::ALL {
            let sections = sections(lang, &Catalogue::builtin(), "gpt-image-2", &[], false);
            assert!(prompt_formula(lang).chars().count() < 4096, "{lang:?}");
            for (title, text) in sections {
                assert!(title.chars().count() <= 256 && text.chars().count() <= 1024, "{lang:?} {title}: {text}");
            }
        }
    }
}
