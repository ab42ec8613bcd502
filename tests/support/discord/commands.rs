//! Discord's form validation of command registrations: names, descriptions, localisations, message
//! commands, and where a command may be installed and used.

use super::*;

/// The locales Discord accepts in `name_localizations` and `description_localizations`.
pub(super) const DISCORD_LOCALES: [&str; 34] = [
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
    "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko", "ar",
    "he",
];

/// Why Discord would refuse these command definitions, as its form validation does: a slash command's or
/// option's name must be 1-32 lowercase letters, digits, `-` or `_` (any script), unique among its
/// siblings (of the same command type) in every language; a description at most 100 characters;
/// localisations only for Discord's locales; `integration_types` and `contexts` only Discord's values. A
/// context-menu command (type 2 user, 3 message) may have spaces and capitals, and has neither
/// description nor options.
pub(super) fn invalid_command_form(payload: &Value) -> Option<String> {
    let mut top: HashMap<u64, HashMap<String, Vec<String>>> = HashMap::new();
    payload.as_array().into_iter().flatten().find_map(|command| {
        let kind = command["type"].as_u64().unwrap_or(1);
        invalid_installation(command).or_else(|| invalid_node(command, top.entry(kind).or_default(), kind != 1))
    })
}

/// Why Discord would refuse `node` (a command, or an option when not `context_menu`) among `siblings`
/// (the names taken, by locale).
pub(super) fn invalid_node(
    node: &Value,
    siblings: &mut HashMap<String, Vec<String>>,
    context_menu: bool,
) -> Option<String> {
    let name = node["name"].as_str().unwrap_or_default();
    let names = match localized_names(node, name) {
        Ok(names) => names,
        Err(why) => return Some(why),
    };
    for (locale, text) in &names {
        if !valid_name(text, context_menu) {
            return Some(format!("{name}: the {locale} name {text:?} is not a valid command name"));
        }
        let taken = siblings.entry(locale.clone()).or_default();
        if taken.contains(text) {
            return Some(format!("{name}: the {locale} name {text:?} is used twice"));
        }
        taken.push(text.clone());
    }
    if context_menu {
        return invalid_context_menu(node, name);
    }
    let description = node["description"].as_str().unwrap_or_default();
    if description.chars().count() > 100 {
        return Some(format!("{name}: description longer than 100 characters"));
    }
    let mut children = HashMap::new();
    node["options"].as_array().into_iter().flatten().find_map(|option| invalid_node(option, &mut children, false))
}

/// The names of `node` (called `name`) by locale, `default` first; or why its localisations are refused:
/// only Discord's locales, names 1-32 and descriptions 1-100 characters.
pub(super) fn localized_names(node: &Value, name: &str) -> Result<Vec<(String, String)>, String> {
    let mut names = vec![("default".to_owned(), name.to_owned())];
    for (field, max) in [("name_localizations", 32), ("description_localizations", 100)] {
        for (locale, text) in node[field].as_object().into_iter().flatten() {
            let text = text.as_str().unwrap_or_default();
            if !DISCORD_LOCALES.contains(&locale.as_str()) {
                return Err(format!("{name}: {locale} is not a Discord locale"));
            }
            if text.is_empty() || text.chars().count() > max {
                return Err(format!("{name}: {field}.{locale} must be 1-{max} characters: {text:?}"));
            }
            if field == "name_localizations" {
                names.push((locale.clone(), text.to_owned()));
            }
        }
    }
    Ok(names)
}

/// Whether Discord takes `text` as a name: for slash commands and options lowercase letters, digits, `-`
/// or `_`, at most 32; for context-menu commands 1-32 characters of any case, spaces too, not only
/// whitespace.
pub(super) fn valid_name(text: &str, context_menu: bool) -> bool {
    let length = text.chars().count();
    if context_menu {
        return (1..=32).contains(&length) && !text.trim().is_empty();
    }
    let allowed = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.chars().all(allowed) && text.to_lowercase() == text && length <= 32
}

/// Why Discord would refuse context-menu command `name`: it has no description and no options.
pub(super) fn invalid_context_menu(node: &Value, name: &str) -> Option<String> {
    if !node["description"].as_str().unwrap_or_default().is_empty() {
        return Some(format!("{name}: a context-menu command's description must be empty"));
    }
    if node["options"].as_array().is_some_and(|options| !options.is_empty()) {
        return Some(format!("{name}: a context-menu command takes no options"));
    }
    None
}

/// Why Discord would refuse where `command` may be installed and used: `integration_types` 0 (server) or
/// 1 (user); `contexts` 0 (server), 1 (the bot's DM) or 2 (other private channels).
pub(super) fn invalid_installation(command: &Value) -> Option<String> {
    let name = command["name"].as_str().unwrap_or_default();
    for (field, max) in [("integration_types", 1), ("contexts", 2)] {
        for value in command[field].as_array().into_iter().flatten() {
            if value.as_u64().is_none_or(|v| v > max) {
                return Some(format!("{name}: {field} value {value} is not valid"));
            }
        }
    }
    None
}

/// The commands as Discord answers an accepted registration (and lists them after): each with its `id`,
/// `application_id`, `version`, `type` and `description`.
pub(super) fn registered_commands(payload: &Value) -> Vec<Value> {
    let commands = payload.as_array().cloned().unwrap_or_default();
    commands
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            c["id"] = json!(format!("92000000000000000{i}"));
            c["application_id"] = json!(APP_ID.to_string());
            c["version"] = json!("1");
            c["type"] = c.get("type").cloned().unwrap_or(json!(1));
            c["description"] = c.get("description").cloned().unwrap_or(json!(""));
            c
        })
        .collect()
}
