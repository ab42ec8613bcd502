//! The words of `/help`: the seed guide's prompt formula with worked examples, every command, the
//! models this server offers with their prices, and the member's own limits.

use crate::domain::catalogue::Catalogue;

/// One section of the help: a heading and its text.
pub type Section = (&'static str, String);

/// How to write a prompt, with two worked examples.
pub const PROMPT_FORMULA: &str = "\
**Subject + action or state + style + environment + details + quality words.**\n\
Say what is in the picture, what it is doing, how it is drawn, where it is, the details that matter, \
and how finished it should look.\n\n\
**Example 1**: a red fox · curled up asleep · watercolor · in a snowy birch forest · soft morning light · \
highly detailed\n\
`/generate prompt: A red fox curled up asleep, watercolor, in a snowy birch forest, soft morning light, highly detailed`\n\n\
**Example 2**: a lighthouse keeper · reading by lamplight · oil painting · inside a stone tower during a storm · \
rain on the window, warm glow · masterpiece, sharp focus\n\
`/generate prompt: A lighthouse keeper reading by lamplight, oil painting, inside a stone tower during a storm, \
rain on the window, warm glow, masterpiece, sharp focus`\n\n\
Not sure of the style? `/styles subject: a lighthouse at dusk` shows one subject in four styles side by side.";

/// Every command, one line each.
pub const COMMANDS: &str = "\
`/generate` a prompt into images · `/hd` the same at the model's top quality\n\
`/variation` a new take on an image you upload · `/edit` change an upload (a mask limits where)\n\
`/styles` one subject in up to 4 styles · `/show` post a result again with its buttons\n\
`/settings` your defaults · `/usage` what you have used · `/cancel` your waiting request\n\
Buttons under a result: Re-roll, Vary, HD, Edit, Delete.\n\
Moderators: `/moderation` · Server managers: `/limits`";

/// The sections of `/help` for a member whose limits read `limits` (one line each).
pub fn sections(catalogue: &Catalogue, default_model: &str, limits: &[String]) -> Vec<Section> {
    vec![
        ("Commands", COMMANDS.to_owned()),
        ("Models here (price of one image at the default size and quality)", models(catalogue, default_model)),
        ("Your limits", if limits.is_empty() { "None set.".to_owned() } else { limits.join("\n") }),
    ]
}

fn models(catalogue: &Catalogue, default_model: &str) -> String {
    catalogue
        .models()
        .iter()
        .map(|m| {
            let usd = m.estimate_usd(&m.default_size, &m.default_quality, 1);
            let price = if usd == 0.0 { "self-hosted, no charge".to_owned() } else { format!("${usd:.3}") };
            let default = if m.id == default_model { " (default)" } else { "" };
            format!("`{}`{default}: {price}", m.id)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lists_every_offered_model_with_its_price_and_the_members_limits() {
        let sections = sections(&Catalogue::builtin(), "gpt-image-2", &["Images today: 1 of 5".into()]);
        let models = &sections[1].1;
        assert!(models.contains("`gpt-image-2` (default): $0.048"), "{models}");
        assert!(models.contains("`stable-diffusion`: self-hosted, no charge"));
        assert_eq!(sections[2].1, "Images today: 1 of 5");
        assert!(PROMPT_FORMULA.len() < 4096 && sections.iter().all(|(_, text)| text.len() <= 1024));
    }
}
