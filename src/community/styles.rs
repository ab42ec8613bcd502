//! Saved styles: words a member (or, for everyone in a server, its moderators) saves under a name and
//! adds to a prompt by picking that name as `/generate`'s `style`. Kept in the settings document of their
//! owner (a member's own, or the server's account's), so the settings' mirror serves them before Discord
//! is answered. The words are screened like prompts when saved, and again in every prompt they join.
//! A style may keep a reference picture (checked like any upload, kept by Easel: see `jobs::kept`),
//! sent with the prompts that pick it on models that take a reference.

use super::settings::MemberSettings;
use crate::domain::request::SourceImage;

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

/// A saved style's name as kept, and the picture it no longer keeps (replaced or deleted), for the
/// caller to forget once the settings are saved.
pub type Changed = (String, Option<SourceImage>);

/// Saves (or replaces, picture and all) style `name` as `text`, keeping `picture` when given, in
/// `owner`'s settings.
pub fn save(
    owner: &mut MemberSettings,
    name: &str,
    text: &str,
    picture: Option<SourceImage>,
) -> Result<Changed, StyleError> {
    let name = checked_name(name)?;
    let text = crate::text::clean(text.trim());
    if text.is_empty() || text.chars().count() > MAX_TEXT {
        return Err(StyleError::BadText);
    }
    if !owner.styles.contains_key(&name) && owner.styles.len() >= MAX_SAVED {
        return Err(StyleError::TooMany);
    }
    owner.styles.insert(name.clone(), text);
    let replaced = match picture {
        Some(picture) => owner.style_pictures.insert(name.clone(), picture),
        None => owner.style_pictures.remove(&name),
    };
    Ok((name, replaced))
}

/// Deletes style `name` (and its picture) from `owner`'s settings.
pub fn delete(owner: &mut MemberSettings, name: &str) -> Result<Changed, StyleError> {
    let name = checked_name(name).map_err(|_| StyleError::NotFound(name.trim().to_owned()))?;
    if owner.styles.remove(&name).is_none() {
        return Err(StyleError::NotFound(name));
    }
    let picture = owner.style_pictures.remove(&name);
    Ok((name, picture))
}

/// Style `name`'s words and picture: the member's own style first, else their server's.
pub fn find<'a>(
    own: &'a MemberSettings,
    server: Option<&'a MemberSettings>,
    name: &str,
) -> Option<(&'a str, Option<&'a SourceImage>)> {
    let name = checked_name(name).ok()?;
    let owner = if own.styles.contains_key(&name) { own } else { server.filter(|s| s.styles.contains_key(&name))? };
    Some((owner.styles[&name].as_str(), owner.style_pictures.get(&name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_saved_by_a_clean_name_found_own_first_and_capped() {
        let (mut own, mut server) = (MemberSettings::default(), MemberSettings::default());
        assert_eq!(save(&mut own, "  Noir ", "black and white, film grain", None).unwrap().0, "noir");
        save(&mut server, "noir", "the server's noir", Some(picture("a"))).unwrap();
        save(&mut server, "house", "pastel, soft light", Some(picture("b"))).unwrap();
        assert_eq!(find(&own, Some(&server), "NOIR"), Some(("black and white, film grain", None)));
        assert_eq!(find(&own, Some(&server), "house"), Some(("pastel, soft light", Some(&picture("b")))));
        assert_eq!(find(&own, None, "house"), None);
        assert_eq!(save(&mut own, "a/b", "x", None), Err(StyleError::BadName));
        assert_eq!(save(&mut own, "ok", &"x".repeat(MAX_TEXT + 1), None), Err(StyleError::BadText));
        for i in 1..MAX_SAVED {
            save(&mut own, &format!("s{i}"), "x", None).unwrap();
        }
        assert_eq!(save(&mut own, "one more", "x", None), Err(StyleError::TooMany));
        assert!(save(&mut own, "noir", "replaced", None).is_ok(), "replacing is not adding");
        assert_eq!(delete(&mut own, "Noir"), Ok(("noir".to_owned(), None)));
        assert_eq!(delete(&mut own, "noir"), Err(StyleError::NotFound("noir".to_owned())));
    }

    fn picture(file: &str) -> SourceImage {
        SourceImage {
            url: String::new(),
            filename: file.into(),
            content_type: Some("image/png".into()),
            size: 10,
            dimensions: Some((4, 4)),
            kept: Some(file.into()),
        }
    }

    #[test]
    fn a_styles_picture_is_replaced_with_it_and_returned_to_be_forgotten() {
        let mut owner = MemberSettings::default();
        save(&mut owner, "logo", "our mascot", Some(picture("one"))).unwrap();
        assert_eq!(save(&mut owner, "logo", "our mascot", Some(picture("two"))).unwrap().1, Some(picture("one")));
        assert_eq!(save(&mut owner, "logo", "words alone", None).unwrap().1, Some(picture("two")));
        assert_eq!(find(&owner, None, "logo"), Some(("words alone", None)));
        save(&mut owner, "logo", "again", Some(picture("three"))).unwrap();
        assert_eq!(delete(&mut owner, "logo"), Ok(("logo".to_owned(), Some(picture("three")))));
        assert!(owner.style_pictures.is_empty());
    }
}
