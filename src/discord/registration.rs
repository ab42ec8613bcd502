//! The commands as Discord registers them, in every language Easel speaks: each command's, option's and
//! choice's name and description localised from the catalogues (`name_localizations`,
//! `description_localizations`), so a member sees Easel's commands in their Discord language.
//!
//! Catalogue keys follow the command tree: `name-<name>` names an option or command wherever it
//! appears, `desc-<command>[-<option>…]` describes it, `choice-<choice name>` names a fixed choice
//! (model ids and sizes are not words and stay as they are). The English text is the builders' own
//! and matches `en-US.ftl` (a test holds them together).

use std::collections::HashMap;

use serde_json::{json, Map, Value};
use serenity::all::{CreateCommand, GuildId};
use serenity::http::Http;
use tracing::{error, info, warn};

use super::words::messages::plain_texts;
use super::words::Lang;
use super::Services;

/// Every language's plain messages, in [`Lang::ALL`]'s order (read from the catalogues' sources).
type Texts = Vec<(Lang, HashMap<&'static str, &'static str>)>;

/// Discord's longest command, option or choice name.
pub const MAX_NAME: usize = 32;
/// Discord's longest description.
pub const MAX_DESCRIPTION: usize = 100;

/// The commands' JSON with every language's names and descriptions added.
pub fn localized(commands: Vec<CreateCommand>) -> Vec<Value> {
    let texts: Texts = Lang::ALL.into_iter().map(|lang| (lang, plain_texts(lang))).collect();
    commands
        .into_iter()
        .map(|command| {
            let mut json = serde_json::to_value(command).unwrap_or(Value::Null);
            localize(&texts, &mut json, &mut Vec::new());
            json
        })
        .collect()
}

/// Adds localisations to one command or option (and everything under it); `path` is the names above it.
fn localize(texts: &Texts, node: &mut Value, path: &mut Vec<String>) {
    let Some(object) = node.as_object_mut() else { return };
    let Some(name) = object.get("name").and_then(Value::as_str).map(str::to_owned) else { return };
    if path.is_empty() && object.get("type").and_then(Value::as_u64) == Some(MESSAGE_COMMAND) {
        // A message command has a name in the Apps menu (words, spaces allowed) and no description.
        return set_localizations(texts, object, "name_localizations", &menu_key(&name), "", MAX_NAME);
    }
    path.push(name.clone());
    set_localizations(texts, object, "name_localizations", &format!("name-{name}"), "", MAX_NAME);
    let key = format!("desc-{}", path.join("-"));
    // What the builder added after the catalogue's words (examples of values) goes with every language.
    let english = object.get("description").and_then(Value::as_str).unwrap_or_default();
    let catalogue = texts[0].1.get(key.as_str()).copied().unwrap_or_default();
    let tail = english.strip_prefix(catalogue).unwrap_or_default().to_owned();
    set_localizations(texts, object, "description_localizations", &key, &tail, MAX_DESCRIPTION);
    if let Some(choices) = object.get_mut("choices").and_then(Value::as_array_mut) {
        for choice in choices.iter_mut().filter_map(Value::as_object_mut) {
            let Some(shown) = choice.get("name").and_then(Value::as_str).map(choice_key) else { continue };
            set_localizations(texts, choice, "name_localizations", &shown, "", MAX_DESCRIPTION);
        }
    }
    if let Some(options) = object.get_mut("options").and_then(Value::as_array_mut) {
        for option in options {
            localize(texts, option, path);
        }
    }
    path.pop();
}

/// Every command, its choices from what is offered now, in every language Easel speaks, with where it
/// may be used: with `user_install`, the member's commands in servers, the bot's DM and private
/// channels, installed by a server or by the member; the rest (and everything without it) in servers
/// that installed Easel only.
pub fn definitions(catalogue: &crate::domain::catalogue::Catalogue, user_install: bool) -> Vec<serde_json::Value> {
    let mut definitions = super::commands::definitions(catalogue);
    definitions.extend(super::admin::definitions());
    definitions.push(super::moderation::definition());
    definitions.extend(super::requests::definitions());
    definitions.push(super::styles::definition());
    let mut definitions = localized(definitions);
    for command in &mut definitions {
        let everywhere = user_install && command["name"].as_str().is_some_and(super::commands::works_everywhere);
        let (installs, contexts) =
            if everywhere { (json!([0, 1]), json!([0, 1, 2])) } else { (json!([0]), json!([0])) };
        command["integration_types"] = installs;
        command["contexts"] = contexts;
    }
    definitions
}

/// Registers every command (replacing what was registered before). Discord ignores where a server's
/// own commands may be used, so with user install everything is registered globally (and a home
/// server's earlier registration emptied, or its commands would show twice there); without it, in
/// `guild` when set (at once), else globally.
pub(super) async fn register(http: &Http, services: &Services, guild: Option<GuildId>) {
    let user_install = services.trust.user_install;
    let definitions = definitions(&services.jobs.admission().catalogue(), user_install);
    let registered = match guild.filter(|_| !user_install) {
        Some(guild) => http.create_guild_commands(guild, &definitions).await,
        None => http.create_global_commands(&definitions).await,
    };
    match registered {
        Ok(list) => info!(commands = list.len(), guild = ?guild, user_install, "commands registered"),
        Err(e) => error!(error = %e, "could not register slash commands"),
    }
    if let Some(guild) = guild.filter(|_| user_install) {
        match http.get_guild_commands(guild).await {
            Ok(old) if !old.is_empty() => {
                if let Err(e) = http.create_guild_commands(guild, &Vec::<serde_json::Value>::new()).await {
                    warn!(error = %e, "could not remove the home server's own copies of the commands");
                }
            }
            Ok(_) => {}
            Err(e) => warn!(error = %e, "could not read the home server's own commands"),
        }
    }
}

/// Discord's type of a message command (shown in a message's Apps menu); an option's type 3 is a
/// string, so it is read at the top level only.
pub const MESSAGE_COMMAND: u64 = 3;

/// The catalogue key of a message command's name ("Edit with Easel" → `menu-edit-with-easel`).
pub fn menu_key(name: &str) -> String {
    choice_key(name).replacen("choice-", "menu-", 1)
}

/// The catalogue key of a fixed choice shown as `name` ("most votes" → `choice-most-votes`).
pub fn choice_key(name: &str) -> String {
    let slug: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("choice-{}", slug.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-"))
}

/// Sets `field` to each other language's text of `key` followed by `tail`, within `cap` characters,
/// when the catalogue has the key.
fn set_localizations(texts: &Texts, object: &mut Map<String, Value>, field: &str, key: &str, tail: &str, cap: usize) {
    if !texts[0].1.contains_key(key) {
        return;
    }
    let texts: Map<String, Value> = texts[1..]
        .iter()
        .filter_map(|(lang, plain)| Some((lang, plain.get(key)?)))
        .map(|(lang, text)| {
            let text = crate::text::truncate(&format!("{text}{tail}"), cap);
            (lang.code().to_owned(), Value::String(text))
        })
        .collect();
    if !texts.is_empty() {
        object.insert(field.to_owned(), Value::Object(texts));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::collections::HashSet;

    use fluent_bundle::FluentArgs;

    use crate::discord::words::messages::{has_message, say};
    use crate::domain::catalogue::Catalogue;

    /// Checks one command or option and everything under it; `siblings` holds the names taken beside
    /// it, per language.
    fn check(node: &Value, path: &mut Vec<String>, siblings: &mut [HashSet<String>]) {
        let name = node["name"].as_str().unwrap().to_owned();
        if path.is_empty() && node["type"] == MESSAGE_COMMAND {
            for lang in Lang::ALL.into_iter().skip(1) {
                let shown = node["name_localizations"][lang.code()].as_str().unwrap_or_default();
                assert!((1..=MAX_NAME).contains(&shown.chars().count()), "{} name of {name:?}", lang.code());
            }
            return assert!(node.get("description").is_none_or(|d| d == ""), "{name} has no description");
        }
        path.push(name.clone());
        let english = node["description"].as_str().unwrap();
        let key = format!("desc-{}", path.join("-"));
        let catalogue = say(Lang::EnUs, &key, &FluentArgs::new());
        assert!(english.starts_with(&catalogue), "{key}: the code says {english:?}, en-US.ftl {catalogue:?}");
        for (i, lang) in Lang::ALL.into_iter().skip(1).enumerate() {
            let localized = &node["name_localizations"][lang.code()];
            let shown = localized.as_str().unwrap_or_else(|| panic!("{path:?} has no {} name", lang.code()));
            let valid = shown.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            assert!(valid && shown.to_lowercase() == shown, "{} name of {path:?}: {shown:?}", lang.code());
            assert!((1..=MAX_NAME).contains(&shown.chars().count()), "{} name of {path:?}: {shown:?}", lang.code());
            assert!(siblings[i].insert(shown.to_owned()), "{} name {shown:?} used twice beside {path:?}", lang.code());
            let described = node["description_localizations"][lang.code()].as_str().unwrap_or_default();
            assert!((1..=MAX_DESCRIPTION).contains(&described.chars().count()), "{} {key}: {described:?}", lang.code());
        }
        for choice in node["choices"].as_array().into_iter().flatten() {
            let key = choice_key(choice["name"].as_str().unwrap());
            if has_message(Lang::EnUs, &key) {
                for lang in Lang::ALL.into_iter().skip(1) {
                    let shown = choice["name_localizations"][lang.code()].as_str().unwrap_or_default();
                    assert!((1..=MAX_DESCRIPTION).contains(&shown.chars().count()), "{} {key}", lang.code());
                }
            }
        }
        let mut children = vec![HashSet::new(); Lang::ALL.len() - 1];
        for option in node["options"].as_array().into_iter().flatten() {
            check(option, path, &mut children);
        }
        path.pop();
    }

    #[test]
    fn every_command_option_and_choice_is_registered_in_every_language_within_discords_limits() {
        let commands = crate::discord::definitions(&Catalogue::builtin(), true);
        let mut top = vec![HashSet::new(); Lang::ALL.len() - 1];
        for command in &commands {
            check(command, &mut Vec::new(), &mut top);
        }
        let generate = &commands[0];
        assert_eq!(generate["name_localizations"]["de"], say(Lang::De, "name-generate", &FluentArgs::new()));
        let size = generate["options"].as_array().unwrap().iter().find(|o| o["name"] == "size").unwrap();
        let german = size["description_localizations"]["de"].as_str().unwrap();
        assert!(german.contains("(1024x1024, "), "the examples follow every language: {german}");
    }

    #[test]
    fn choice_keys_are_catalogue_identifiers() {
        assert_eq!(choice_key("most votes"), "choice-most-votes");
        assert_eq!(choice_key("nobody (off)"), "choice-nobody-off");
    }
}
