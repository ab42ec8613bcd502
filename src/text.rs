//! Text helpers shared by everything that reads people's text or writes for Discord.

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Cuts `text` to at most `max` characters, marking the cut, so Discord's field limits are never hit.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A member's text as Easel judges it: Unicode NFC, without invisible format characters (zero-width
/// spaces and joiners, bidirectional overrides, soft hyphens, byte-order marks) or control characters
/// (line breaks and tabs become spaces), trimmed.
///
/// Every emptiness and length check, the blocklist and the model see this form, so a prompt made of
/// invisible characters is empty and a blocked word cannot hide behind a zero-width space.
pub fn clean(text: &str) -> String {
    let composed: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if is_invisible(c) => None,
            c => Some(c),
        })
        .nfc()
        .collect();
    composed.trim().to_owned()
}

/// Control, format, unassigned and private-use characters, and the few blanks Unicode files as letters
/// or marks (Hangul fillers, the Mongolian vowel separator, variation selectors).
fn is_invisible(c: char) -> bool {
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::Unassigned
            | GeneralCategory::PrivateUse
            | GeneralCategory::Surrogate
    ) || matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{180E}' | '\u{FE00}'..='\u{FE0F}')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn truncation_keeps_within_the_limit_and_marks_the_cut() {
        assert_eq!(truncate("short", 10), "short");
        let cut = truncate(&"é".repeat(2000), 1024);
        assert_eq!(cut.chars().count(), 1024);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn invisible_characters_are_removed_and_text_is_composed() {
        assert_eq!(clean("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}"), "");
        assert_eq!(clean("dra\u{200B}gon"), "dragon");
        assert_eq!(clean("\u{202E}evil\u{202C}"), "evil");
        assert_eq!(clean("cafe\u{0301}"), "café", "NFC composes the accent");
        assert_eq!(clean(" a\tb\nc "), "a b c");
        assert_eq!(clean("\u{3164}\u{115F}"), "", "Hangul fillers look blank");
    }

    proptest! {
        #[test]
        fn cleaning_never_panics_and_is_idempotent(text in any::<String>()) {
            let once = clean(&text);
            prop_assert_eq!(clean(&once), once.clone());
            prop_assert!(once.chars().all(|c| !c.is_control()));
        }

        #[test]
        fn truncation_never_exceeds_its_limit(text in any::<String>(), max in 1usize..300) {
            prop_assert!(truncate(&text, max).chars().count() <= max);
        }
    }
}
