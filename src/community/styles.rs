//! Saved styles: words a member (or, for everyone in a server, its moderators) saves under a name and
//! adds to a prompt by picking that name as `/generate`'s `style`. Kept in the settings document of their
//! owner (a member's own, or the server's account's), so the settings' mirror serves them before Discord
//! is answered. The words are screened like prompts when saved, and again in every prompt they join.

use super::settings::MemberSettings;

/// The most styles one member, or one server, keeps.
pub const MAX_SAVED: usize = 25;
/// The longest name, in characters (Discord shows it as an autocomplete choice).
pub const MAX_NAME: usize = 32;
/// The longest style, in characters.
pub const MAX_TEXT: usize = 500;

/// Why a style cannot be saved or deleted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StyleError {
    /// A name must be 1 to [`MAX_NAME`] letters, digits, spaces, `-` or `_`.
    #[error("a style's name must be 1 to {MAX_NAME} letters, digits, spaces, - or _")]
    BadName,
    /// The words are empty or longer than [`MAX_TEXT`].
    #[error("a style's words must be 1 to {MAX_TEXT} characters")]
    BadText,
    /// Already [`MAX_SAVED`] styles.
    #[error("at most {MAX_SAVED} styles")]
    TooMany,
    /// No style of that name.
    #[error("no style `{0}`")]
    NotFound(String),
}

/// A name as kept: trimmed, lower case; refused when empty, too long or holding other characters.
pub fn checked_name(raw: &str) -> Result<String, StyleError> {
    let name = crate::text::clean(raw.trim()).to_lowercase();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_');
    if name.is_empty() || name.chars().count() > MAX_NAME || !name.chars().all(allowed) {
        return Err(StyleError::BadName);
    }
    Ok(name)
}

/// Saves (or replaces) style `name` as `text` in `owner`'s settings.
pub fn save(owner: &mut MemberSettings, name: &str, text: &str) -> Result<String, StyleError> {
    let name = checked_name(name)?;
    let text = crate::text::clean(text.trim());
    if text.is_empty() || text.chars().count() > MAX_TEXT {
        return Err(StyleError::BadText);
    }
    if !owner.styles.contains_key(&name) && owner.styles.len() >= MAX_SAVED {
        return Err(StyleError::TooMany);
    }
    owner.styles.insert(name.clone(), text);
    Ok(name)
}

/// Deletes style `name` from `owner`'s settings.
pub fn delete(owner: &mut MemberSettings, name: &str) -> Result<String, StyleError> {
    let name = checked_name(name).map_err(|_| StyleError::NotFound(name.trim().to_owned()))?;
    owner.styles.remove(&name).map(|_| name.clone()).ok_or(StyleError::NotFound(name))
}

/// The words of style `name`: the member's own first, else their server's.
pub fn words<'a>(own: &'a MemberSettings, server: Option<&'a MemberSettings>, name: &str) -> Option<&'a str> {
    let name = checked_name(name).ok()?;
    own.styles.get(&name).or_else(|| server.and_then(|s| s.styles.get(&name))).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_saved_by_a_clean_name_found_own_first_and_capped() {
        let (mut own, mut server) = (MemberSettings::default(), MemberSettings::default());
        assert_eq!(save(&mut own, "  Noir ", "black and white, film grain").unwrap(), "noir");
        save(&mut server, "noir", "the server's noir").unwrap();
        save(&mut server, "house", "pastel, soft light").unwrap();
        assert_eq!(words(&own, Some(&server), "NOIR"), Some("black and white, film grain"));
        assert_eq!(words(&own, Some(&server), "house"), Some("pastel, soft light"));
        assert_eq!(words(&own, None, "house"), None);
        assert_eq!(save(&mut own, "a/b", "x"), Err(StyleError::BadName));
        assert_eq!(save(&mut own, "ok", &"x".repeat(MAX_TEXT + 1)), Err(StyleError::BadText));
        for i in 1..MAX_SAVED {
            save(&mut own, &format!("s{i}"), "x").unwrap();
        }
        assert_eq!(save(&mut own, "one more", "x"), Err(StyleError::TooMany));
        assert!(save(&mut own, "noir", "replaced").is_ok(), "replacing is not adding");
        assert_eq!(delete(&mut own, "Noir"), Ok("noir".to_owned()));
        assert_eq!(delete(&mut own, "noir"), Err(StyleError::NotFound("noir".to_owned())));
    }
}
