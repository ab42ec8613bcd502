//! Unit tests of `moderation`.

use proptest::prelude::*;

use super::*;

fn rules() -> Rules {
    Rules::compile(&[Rule::Word("badword".into()), Rule::Word("ass".into()), Rule::Regex(r"blood\s*bath".into())])
}

#[test]
fn plain_and_cased_words_match() {
    assert_eq!(rules().first_match("a BadWord here"), Some("badword"));
    assert_eq!(rules().first_match("what an ass."), Some("ass"));
}

#[test]
fn spacing_punctuation_and_lookalikes_do_not_evade() {
    for evasion in
        ["b a d w o r d", "b.a.d-w.o.r.d", "B4DW0RD", "bаdword" /* Cyrillic а */, "ｂａｄｗｏｒｄ", "bad word"]
    {
        assert_eq!(rules().first_match(evasion), Some("badword"), "{evasion}");
    }
}

#[test]
fn words_inside_longer_words_are_spared() {
    assert_eq!(rules().first_match("a classic passage by the bass player"), None);
}

#[test]
fn regexes_match_case_insensitively_on_the_normalised_text() {
    assert_eq!(rules().first_match("A BLOOD BATH"), Some(r"blood\s*bath"));
    assert_eq!(rules().first_match("bl00dbath"), Some(r"blood\s*bath"));
    assert!(compile_regex("(unclosed").is_err());
}

#[test]
fn provider_messages_are_named_by_category() {
    assert_eq!(refusal_category("This request may contain violent content"), RefusalCategory::Violence);
    let unnamed = refusal_category("Your request was rejected by our safety system");
    assert_eq!(unnamed, RefusalCategory::Unnamed);
}

#[test]
fn a_word_is_stored_in_one_form_whatever_its_case_and_spacing() {
    assert_eq!(Rule::word("  Dragon\u{200B}  FIRE "), Rule::Word("dragon fire".into()));
    assert_eq!(Rule::word("DRAGON fire"), Rule::word("dragon  Fire"));
    assert_eq!(Rule::regex("  Dr[a@]gon "), Rule::Regex("Dr[a@]gon".into()));
    let composed_once_lower = Rule::word("T\u{308}");
    assert_eq!(Rule::word(composed_once_lower.parts().1), composed_once_lower, "found by the property below");
}

proptest! {
    #[test]
    fn folding_a_word_twice_changes_nothing(pattern in "\\PC{0,40}") {
        let once = Rule::word(&pattern);
        prop_assert_eq!(Rule::word(once.parts().1), once);
    }

    #[test]
    fn a_blocked_word_always_matches_its_own_text(pattern in "[a-zA-Z0-9 @!$.-]{1,20}") {
        let rule = Rule::word(&pattern);
        let compiled = Rules::compile(std::slice::from_ref(&rule));
        if !compiled.words.is_empty() {
            prop_assert!(compiled.first_match(&pattern).is_some(), "{:?}", rule);
            prop_assert!(compiled.first_match(&pattern.to_uppercase()).is_some());
        }
    }

    #[test]
    fn matching_never_panics_whatever_the_rules_and_prompt(
        words in prop::collection::vec("\\PC{0,12}", 0..4),
        regexes in prop::collection::vec("\\PC{0,12}", 0..3),
        prompt in "\\PC{0,80}",
    ) {
        let mut all: Vec<Rule> = words.iter().map(|w| Rule::word(w)).collect();
        all.extend(regexes.iter().map(|r| Rule::regex(r)));
        let _ = Rules::compile(&all).first_match(&prompt);
    }
}
