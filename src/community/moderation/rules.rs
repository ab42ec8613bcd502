//! The server's blocklist: rules stored in one folded form, matched against prompts with their
//! evasions (letters split by spaces or punctuation, look-alike characters) and never inside longer
//! words.

use regex::{Regex, RegexBuilder};
use tracing::warn;

/// A blocklist entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A word or phrase, matched whatever the spacing, punctuation, case or look-alike characters.
    Word(String),
    /// A regular expression, matched case-insensitively.
    Regex(String),
}

impl Rule {
    /// A blocked word or phrase in the one form it is stored, listed and removed in: cleaned of invisible
    /// characters ([`crate::text::clean`]), lower-cased, single-spaced. So `add Dragon` and
    /// `remove DRAGON` name the same rule.
    pub fn word(pattern: &str) -> Self {
        // Cleaned again after lower-casing: a lower-case letter may compose with its accent where the
        // capital could not (`T` + U+0308 → `ẗ`), so the stored form folds to itself.
        let folded = crate::text::clean(&crate::text::clean(pattern).to_lowercase());
        Self::Word(folded.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// A regular expression, stored as typed (trimmed): a regex's case and spacing are its meaning.
    pub fn regex(pattern: &str) -> Self {
        Self::Regex(pattern.trim().to_owned())
    }

    /// How it is stored: kind and pattern.
    pub fn parts(&self) -> (&'static str, &str) {
        match self {
            Self::Word(p) => ("word", p),
            Self::Regex(p) => ("regex", p),
        }
    }
}

/// Lower-cases, strips accents and maps look-alike characters (digits, symbols, Cyrillic and Greek
/// homoglyphs, full-width forms) to the Latin letters they imitate.
pub fn normalise(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).map(fold).collect()
}

fn fold(c: char) -> char {
    match c {
        '0' | 'ο' | 'о' | 'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' => 'o',
        '1' | '!' | '|' | 'ı' | 'і' | 'ї' | 'í' | 'ì' | 'î' | 'ï' | 'ι' => 'i',
        '3' | 'е' | 'ё' | 'é' | 'è' | 'ê' | 'ë' | 'ε' => 'e',
        '4' | '@' | 'а' | 'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'α' => 'a',
        '5' | '$' | 'ѕ' => 's',
        '7' | '+' | 'т' | 'τ' => 't',
        '8' | 'в' | 'β' => 'b',
        '9' => 'g',
        'с' | 'ç' => 'c',
        'р' | 'ρ' => 'p',
        'х' | 'χ' => 'x',
        'у' | 'ү' | 'ý' | 'ÿ' => 'y',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'н' | 'η' => 'h',
        'ν' => 'v',
        'ú' | 'ù' | 'û' | 'ü' | 'υ' => 'u',
        'ñ' => 'n',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).map_or(c, fold),
        _ => c,
    }
}

/// The words of a normalised text: runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// A guild's blocklist, ready to match.
pub struct Rules {
    pub(super) words: Vec<(String, String)>,
    regexes: Vec<(String, Regex)>,
}

impl Rules {
    /// Compiles rules; a regex that does not compile is skipped (it was checked when added).
    pub fn compile(rules: &[Rule]) -> Self {
        let mut words = Vec::new();
        let mut regexes = Vec::new();
        for rule in rules {
            match rule {
                Rule::Word(w) => {
                    let squashed: String = words_of(w).concat();
                    if !squashed.is_empty() {
                        words.push((w.clone(), squashed));
                    }
                }
                Rule::Regex(r) => match compile_regex(r) {
                    Ok(re) => regexes.push((r.clone(), re)),
                    Err(e) => warn!(pattern = %r, error = %e, "skipping a blocklist regex that does not compile"),
                },
            }
        }
        Self { words, regexes }
    }

    /// The first rule `prompt` breaks, if any.
    ///
    /// A word matches a word of the prompt, or adjacent words that spell it when joined ("b a d",
    /// "b.a.d", "ba-d"), after [`normalise`]; a word inside a longer word ("class" for "ass") does not
    /// match, to spare innocent prompts. A regex is tried on the prompt as typed and normalised.
    pub fn first_match(&self, prompt: &str) -> Option<&str> {
        let normalised = normalise(prompt);
        let tokens = words(&normalised);
        for (rule, squashed) in &self.words {
            if spelled_by_adjacent_words(&tokens, squashed) {
                return Some(rule);
            }
        }
        self.regexes.iter().find(|(_, re)| re.is_match(prompt) || re.is_match(&normalised)).map(|(r, _)| r.as_str())
    }
}

fn words_of(text: &str) -> Vec<String> {
    words(&normalise(text))
}

fn spelled_by_adjacent_words(tokens: &[String], target: &str) -> bool {
    (0..tokens.len()).any(|start| {
        let mut joined = String::new();
        for token in &tokens[start..] {
            joined.push_str(token);
            if joined.len() >= target.len() {
                return joined == target;
            }
            if !target.starts_with(&joined) {
                return false;
            }
        }
        false
    })
}

/// Compiles a blocklist regex with a size cap, so a pathological pattern cannot eat memory.
pub fn compile_regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).case_insensitive(true).size_limit(1 << 20).build()
}
