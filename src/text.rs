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

/// A member's (or a model's) text as Easel echoes it to Discord, in an embed, a log post or a list, at
/// most `max` characters: [`clean`]ed, so bidirectional overrides cannot reorder what readers see, and
/// with Markdown's brackets escaped, so `[a harmless label](https://somewhere-else)` shows as typed
/// instead of as a masked link. Mentions never ping anyway: every message Easel sends allows none.
pub fn echo(text: &str, max: usize) -> String {
    let cleaned = clean(text);
    let width = |c: char| if matches!(c, '[' | ']' | '\\') { 2 } else { 1 };
    let total: usize = cleaned.chars().map(width).sum();
    let budget = if total <= max { max } else { max.saturating_sub(1) };
    let mut out = String::with_capacity(cleaned.len() + 8);
    let mut used = 0;
    for c in cleaned.chars() {
        if used + width(c) > budget {
            break;
        }
        used += width(c);
        if width(c) == 2 {
            out.push('\\');
        }
        out.push(c);
    }
    if total > max {
        out.push('…');
    }
    out
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

/// An error and every cause under it on one line (`a: b: c`), for the owner's log.
pub fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        let next = e.to_string();
        if !text.ends_with(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        cause = e.source();
    }
    text
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

    #[test]
    fn echoed_text_has_no_bidi_overrides_and_no_masked_links() {
        assert_eq!(echo("a \u{202E}kcilc\u{202C} fox", 100), "a kcilc fox");
        assert_eq!(echo("[free nitro](https://evil.example)", 100), "\\[free nitro\\](https://evil.example)");
        assert_eq!(echo("a\\[b", 100), "a\\\\\\[b", "a typed backslash cannot undo the escape");
        assert!(echo(&"[".repeat(50), 10).chars().count() <= 10);
    }

    proptest! {
        #[test]
        fn cleaning_never_panics_and_is_idempotent(text in any::<String>()) {
            let once = clean(&text);
            prop_assert_eq!(clean(&once), once.clone());
            prop_assert!(once.chars().all(|c| !c.is_control()));
        }

        #[test]
        fn echoes_never_exceed_their_limit_nor_hold_a_bracket_unescaped(text in any::<String>(), max in 2usize..300) {
            let echoed = echo(&text, max);
            prop_assert!(echoed.chars().count() <= max);
            let reorders = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            let has_bidi = echoed.chars().any(reorders);
            prop_assert!(!has_bidi);
            let mut chars = echoed.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => prop_assert!(matches!(chars.next(), Some('[' | ']' | '\\'))),
                    '[' | ']' => prop_assert!(false, "a bare bracket in {:?}", echoed),
                    _ => {}
                }
            }
        }

        #[test]
        fn truncation_never_exceeds_its_limit(text in any::<String>(), max in 1usize..300) {
            prop_assert!(truncate(&text, max).chars().count() <= max);
        }
    }
}
