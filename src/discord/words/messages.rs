//! Each language's message catalogue (Project Fluent, `locales/<code>.ftl`, compiled into the binary)
//! and the lookup every sentence goes through.
//!
//! A message missing in a language falls back to English, and one missing in English (a bug the
//! catalogue tests catch) to a polite generic sentence, never to its key.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{Entry, Message, Pattern, PatternElement};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use tracing::error;
use unic_langid::LanguageIdentifier;

use crate::domain::lang::Lang;

/// Each language's catalogue, as written in `locales/`.
const SOURCES: [(Lang, &str); 8] = [
    (Lang::EnUs, include_str!("../../../locales/en-US.ftl")),
    (Lang::ZhCn, include_str!("../../../locales/zh-CN.ftl")),
    (Lang::Ja, include_str!("../../../locales/ja.ftl")),
    (Lang::EsEs, include_str!("../../../locales/es-ES.ftl")),
    (Lang::PtBr, include_str!("../../../locales/pt-BR.ftl")),
    (Lang::De, include_str!("../../../locales/de.ftl")),
    (Lang::Fr, include_str!("../../../locales/fr.ftl")),
    (Lang::Ko, include_str!("../../../locales/ko.ftl")),
];

/// The message `id` in `lang` with `args`, else in English, else a generic apology.
pub fn say(lang: Lang, id: &str, args: &FluentArgs) -> String {
    for lang in [lang, Lang::EnUs] {
        if let Some(text) = format(lang, id, args) {
            return text;
        }
    }
    error!(message = id, "a message is missing from the English catalogue");
    "Something went wrong on my side. Please try again.".to_owned()
}

/// One compiled catalogue per language, in [`Lang::ALL`]'s order, each built the first time someone
/// reads that language (a bot whose members all read English holds English alone).
static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 8] = [const { OnceLock::new() }; 8];

/// `lang`'s compiled catalogue.
fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    BUNDLES[lang.index()].get_or_init(|| bundle(lang, SOURCES[lang.index()].1))
}

/// A language's catalogue: its messages (a broken entry is skipped and logged), Discord's markup kept
/// as written (no isolation marks), and `ORDINAL()` for "1st", "2nd".
fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, errors)| {
        error!(language = lang.code(), ?errors, "a message catalogue has broken entries; they read English");
        partial
    });
    if let Err(errors) = bundle.add_resource(resource) {
        error!(language = lang.code(), ?errors, "a message catalogue repeats entries");
    }
    // The plural rules name languages without regions ("en", not "en-US").
    let language = LanguageIdentifier::from_parts(id.language, None, None, &[]);
    let rules = PluralRules::create(language, PluralRuleType::ORDINAL).ok();
    let added = bundle.add_function("ORDINAL", move |positional, _named| ordinal(rules.as_ref(), positional));
    if let Err(e) = added {
        error!(language = lang.code(), error = ?e, "could not add ORDINAL to a message catalogue");
    }
    bundle
}

/// `ORDINAL($n)`: the ordinal plural category of `$n` ("one" for 1 in English, as in "1st").
fn ordinal<'a>(rules: Option<&PluralRules>, positional: &[FluentValue<'a>]) -> FluentValue<'a> {
    let category = match (positional.first(), rules) {
        (Some(FluentValue::Number(n)), Some(rules)) => rules.select(n.value).unwrap_or(PluralCategory::OTHER),
        _ => PluralCategory::OTHER,
    };
    FluentValue::from(category_name(category))
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// The message `id` in `lang` alone, if that catalogue has it and it formats cleanly.
fn format(lang: Lang, id: &str, args: &FluentArgs) -> Option<String> {
    let bundle = bundle_of(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    if errors.is_empty() {
        Some(text.into_owned())
    } else {
        error!(language = lang.code(), message = id, ?errors, "a message did not format; English is used");
        None
    }
}

/// Whether `lang`'s own catalogue has the message `id` (not counting the English fallback).
#[cfg(test)]
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle_of(lang).has_message(id)
}

/// Every message of `lang` that is plain text (no variables, no selectors), read from the catalogue's
/// source without building its bundle: the commands' names and descriptions in every language, which
/// registration needs at once, cost no catalogue kept in memory.
pub fn plain_texts(lang: Lang) -> HashMap<&'static str, &'static str> {
    let resource = match fluent_syntax::parser::parse(SOURCES[lang.index()].1) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Message(Message { id, value: Some(Pattern { elements }), .. }) => match elements.as_slice() {
                [PatternElement::TextElement { value }] => Some((id.name, *value)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// A message in a language: `t!(lang, "id", name = value, …)`; values are strings or numbers (numbers
/// choose plural forms).
macro_rules! t {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $value); )*
        $crate::discord::words::messages::say($lang, $id, &args)
    }};
}
pub(crate) use t;

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    use super::*;

    /// Each message of a catalogue with the variables it uses; fails on a syntax error.
    fn messages(lang: Lang, source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", lang.code()));
        let mut messages = BTreeMap::new();
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut variables = BTreeSet::new();
                    m.value.iter().for_each(|p| pattern_variables(p, &mut variables));
                    assert!(
                        messages.insert(m.id.name.to_owned(), variables).is_none(),
                        "{} repeats {}",
                        lang.code(),
                        m.id.name
                    );
                }
                Entry::Junk { content } => panic!("{} has a broken entry: {content}", lang.code()),
                _ => {}
            }
        }
        messages
    }

    fn pattern_variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, into);
            }
        }
    }

    fn expression_variables(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            Expression::Select { selector, variants } => {
                inline_variables(selector, into);
                variants.iter().for_each(|v| pattern_variables(&v.value, into));
            }
            Expression::Inline(inline) => inline_variables(inline, into),
        }
    }

    fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match inline {
            InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_owned());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline_variables(a, into));
            }
            InlineExpression::Placeable { expression } => expression_variables(expression, into),
            _ => {}
        }
    }

    #[test]
    fn every_language_has_every_english_message_with_the_same_variables() {
        let english = messages(Lang::EnUs, SOURCES[0].1);
        assert!(english.len() > 300, "{}", english.len());
        for (lang, source) in &SOURCES[1..] {
            let translated = messages(*lang, source);
            for (id, variables) in &english {
                let theirs = translated.get(id).unwrap_or_else(|| panic!("{} lacks {id}", lang.code()));
                assert_eq!(theirs, variables, "{} {id}: other variables than English's", lang.code());
            }
            let extra: Vec<&String> = translated.keys().filter(|id| !english.contains_key(*id)).collect();
            assert!(extra.is_empty(), "{} has messages English lacks: {extra:?}", lang.code());
        }
    }

    #[test]
    fn every_message_formats_cleanly_in_every_language() {
        for (lang, source) in SOURCES {
            for (id, variables) in messages(lang, source) {
                let mut args = FluentArgs::new();
                for variable in &variables {
                    args.set(variable.clone(), 2);
                }
                let text = format(lang, &id, &args).unwrap_or_else(|| panic!("{} {id} does not format", lang.code()));
                assert!(!text.trim().is_empty() && !text.contains('{'), "{} {id}: {text:?}", lang.code());
            }
        }
    }

    #[test]
    fn every_message_the_code_asks_for_is_in_the_english_catalogue() {
        let asked = regex::Regex::new(r#"(?:^|[^A-Za-z0-9_])t!\(\s*[^,]+?,\s*"([A-Za-z0-9_-]+)""#).unwrap();
        let mut files = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        let mut keys = BTreeSet::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                let code: Vec<&str> = source.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
                let source = code.join("\n");
                keys.extend(asked.captures_iter(&source).map(|c| c[1].to_owned()));
            }
        }
        assert!(keys.len() > 250, "the scan finds the code's messages: {}", keys.len());
        let missing: Vec<&String> = keys.iter().filter(|k| !has_message(Lang::EnUs, k)).collect();
        assert!(missing.is_empty(), "asked for but not in en-US.ftl: {missing:?}");
    }

    #[test]
    fn a_missing_message_falls_back_to_english_and_never_shows_its_key() {
        let args = FluentArgs::new();
        assert_eq!(say(Lang::De, "no-such-message", &args), "Something went wrong on my side. Please try again.");
        assert_ne!(say(Lang::De, "list-none", &args), say(Lang::EnUs, "list-none", &args), "German has its own");
        let mut ordinal = FluentArgs::new();
        ordinal.set("place", 22);
        ordinal.set("model", "m");
        assert!(say(Lang::EnUs, "progress-place", &ordinal).starts_with("22nd"));
    }
}
