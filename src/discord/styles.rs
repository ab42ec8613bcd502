//! `/style save|list|delete` and the `style` option's suggestions: a member's saved styles (their own,
//! in any scope), and a server's (saved by its moderators, for everyone there). Picking a saved style's
//! name as `/generate style:` adds its words to the prompt (see `asked.rs`).

use serenity::all::{
    CommandInteraction, CommandOptionType, CreateAutocompleteResponse, CreateCommand, CreateCommandOption,
    CreateInteractionResponse, GuildId,
};
use serenity::http::Http;
use tracing::warn;

use super::options::Options;
use super::{Asked, Services};
use crate::community::settings::{scope_key, MemberSettings};
use crate::community::styles::{self, StyleError, MAX_NAME, MAX_TEXT};
use crate::discord::words::{t, Lang};
use crate::domain::ledger::SERVER_ACCOUNT;

/// `/style`'s definition.
pub fn definition() -> CreateCommand {
    let sub = |name: &str, what: &str| CreateCommandOption::new(CommandOptionType::SubCommand, name, what);
    let text = |name: &str, what: &str| CreateCommandOption::new(CommandOptionType::String, name, what);
    let scope = || {
        text("scope", "Yours alone, or the server's for everyone (moderators)")
            .add_string_choice("mine", "mine")
            .add_string_choice("server", "server")
    };
    CreateCommand::new("style")
        .description("Your saved styles: words added to a prompt by picking their name as style")
        .add_option(
            sub("save", "Save words under a name")
                .add_sub_option(text("name", "The style's name").required(true).max_length(MAX_NAME as u16))
                .add_sub_option(
                    text("text", "The words it adds to a prompt").required(true).max_length(MAX_TEXT as u16),
                )
                .add_sub_option(scope()),
        )
        .add_option(sub("list", "Your styles and the server's"))
        .add_option(
            sub("delete", "Delete a style")
                .add_sub_option(text("name", "The style's name").required(true).max_length(MAX_NAME as u16))
                .add_sub_option(scope()),
        )
}

/// Answers `/style`.
pub(super) async fn run(http: &Http, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let lang = asked.lang(services);
    let Some((sub, o)) = Options::subcommand(command) else { return };
    let server = asked.server().map(GuildId::get);
    let for_server = o.string("scope") == Some("server");
    if for_server && (server.is_none() || !asked.authority(http, services).await.moderate) {
        return asked.reply_ephemeral(http, &t!(lang, "style-moderators-only")).await;
    }
    let owner =
        if for_server { (scope_key(server), SERVER_ACCOUNT) } else { (scope_key(server), command.user.id.get()) };
    let text = match sub.as_str() {
        "list" => list(services, lang, server, command.user.id.get()).await,
        "save" => {
            let (name, words) = (o.string("name").unwrap_or_default(), o.string("text").unwrap_or_default());
            let requester = super::commands::requester(command);
            if let Err(e) = services.jobs.admission().screen_words(&requester, words).await {
                return asked.reply_ephemeral(http, &super::words::failure::said(lang, &e)).await;
            }
            change(services, lang, owner, |s| styles::save(s, name, words), "style-saved").await
        }
        "delete" => {
            let name = o.string("name").unwrap_or_default();
            change(services, lang, owner, |s| styles::delete(s, name), "style-deleted").await
        }
        _ => return,
    };
    asked.reply_ephemeral(http, &crate::text::truncate(&text, 2000)).await;
}

/// Applies `edit` to `owner`'s settings and saves them; the words of the outcome.
async fn change(
    services: &Services,
    lang: Lang,
    (key, user): (u64, u64),
    edit: impl FnOnce(&mut MemberSettings) -> Result<String, StyleError>,
    done: &'static str,
) -> String {
    let mut settings = match services.settings.read(key, user).await {
        Ok(settings) => settings,
        Err(e) => {
            warn!(error = %crate::text::chain(&e), "could not read saved styles");
            return t!(lang, "settings-read-failed");
        }
    };
    let name = match edit(&mut settings) {
        Ok(name) => name,
        Err(e) => return refused(lang, &e),
    };
    match services.settings.save(key, user, &settings).await {
        Ok(()) if done == "style-saved" => t!(lang, "style-saved", name = name),
        Ok(()) => t!(lang, "style-deleted", name = name),
        Err(e) => {
            warn!(error = %crate::text::chain(&e), "could not save styles");
            t!(lang, "settings-save-failed")
        }
    }
}

/// Why a style was not saved or deleted.
fn refused(lang: Lang, e: &StyleError) -> String {
    match e {
        StyleError::BadName => t!(lang, "style-bad-name", max = MAX_NAME),
        StyleError::BadText => t!(lang, "style-bad-text", max = MAX_TEXT),
        StyleError::TooMany => t!(lang, "style-too-many", max = styles::MAX_SAVED),
        StyleError::NotFound(name) => t!(lang, "style-not-found", name = name.as_str()),
    }
}

/// The member's styles and their server's, one line each.
async fn list(services: &Services, lang: Lang, server: Option<u64>, user: u64) -> String {
    let own = services.settings.read(scope_key(server), user).await.unwrap_or_default();
    let shared = match server {
        Some(server) => services.settings.read(server, SERVER_ACCOUNT).await.unwrap_or_default(),
        None => MemberSettings::default(),
    };
    let line = |(name, words): (&String, &String)| format!("`{name}`: {}", crate::text::echo(words, 120));
    let mut lines = vec![t!(lang, "style-list-mine")];
    lines.extend(own.styles.iter().map(line));
    if own.styles.is_empty() {
        lines.push(t!(lang, "list-none"));
    }
    if server.is_some() {
        lines.push(t!(lang, "style-list-server"));
        lines.extend(shared.styles.iter().map(line));
        if shared.styles.is_empty() {
            lines.push(t!(lang, "list-none"));
        }
    }
    lines.join("\n")
}

/// Suggests, for the `style` option being typed, the member's saved styles, their server's, and the
/// models' own styles whose names start with what is typed (Discord shows at most 25).
pub(super) async fn suggest(http: &Http, services: &Services, command: &CommandInteraction) {
    let Some(focused) = command.data.autocomplete() else { return };
    let typed = focused.value.trim().to_lowercase();
    let asked = Asked::Command(command);
    let key = scope_key(asked.server().map(GuildId::get));
    let own = services.settings.known(key, command.user.id.get()).unwrap_or_default();
    let shared = asked.server().and_then(|g| services.settings.known(g.get(), SERVER_ACCOUNT)).unwrap_or_default();
    let catalogue = services.jobs.admission().catalogue();
    let mut names: Vec<String> = own.styles.keys().chain(shared.styles.keys()).cloned().collect();
    names.extend(catalogue.all_styles().into_iter().map(str::to_owned));
    names.dedup();
    let mut response = CreateAutocompleteResponse::new();
    for name in names.into_iter().filter(|n| n.to_lowercase().starts_with(&typed)).take(25) {
        response = response.add_string_choice(name.clone(), name);
    }
    if let Err(e) = command.create_response(http, CreateInteractionResponse::Autocomplete(response)).await {
        warn!(error = %e, "could not suggest styles");
    }
}
