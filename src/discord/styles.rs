//! `/style save|list|delete` and the `style` option's suggestions: a member's saved styles (their own,
//! in any scope), and a server's (saved by its moderators, for everyone there). Picking a saved style's
//! name as `/generate style:` adds its words to the prompt, and its reference picture when it keeps one
//! (see `asked.rs`).

use serenity::all::{
    CommandInteraction, CommandOptionType, CreateAutocompleteResponse, CreateCommand, CreateCommandOption,
    CreateInteractionResponse, GuildId,
};
use serenity::http::Http;
use tracing::warn;

use super::options::Options;
use super::{Asked, Services};
use crate::community::settings::{scope_key, MemberSettings};
use crate::community::styles::{self, Changed, StyleError, MAX_NAME, MAX_TEXT};
use crate::discord::words::{t, Lang};
use crate::domain::ledger::SERVER_ACCOUNT;
use crate::jobs::error::JobError;

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
                .add_sub_option(scope())
                .add_sub_option(super::commands::attachment(
                    "reference",
                    "A picture the style keeps to (models that take a reference)",
                )),
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
        "save" => return save(http, services, command, &o, owner).await,
        "delete" => {
            let name = o.string("name").unwrap_or_default();
            match change(services, lang, owner, |s| styles::delete(s, name)).await {
                Ok((name, picture)) => {
                    if let Some(picture) = picture {
                        services.jobs.forget_picture(&picture).await;
                    }
                    t!(lang, "style-deleted", name = name)
                }
                Err(text) => text,
            }
        }
        _ => return,
    };
    asked.reply_ephemeral(http, &crate::text::truncate(&text, 2000)).await;
}

/// `/style save`: the words screened like a prompt; a reference picture checked like any upload and
/// kept (the answer is deferred first: that may take longer than Discord waits); then the style saved,
/// and the picture it replaced forgotten (or, when it could not be saved, the new one).
async fn save(http: &Http, services: &Services, command: &CommandInteraction, o: &Options<'_>, owner: (u64, u64)) {
    let asked = Asked::Command(command);
    let lang = asked.lang(services);
    let (name, words) = (o.string("name").unwrap_or_default(), o.string("text").unwrap_or_default());
    let upload = o.attachment("reference").map(super::commands::source_of);
    let deferred = upload.is_some() && asked.defer(http, true).await.is_ok();
    let answer = |text: String| async move {
        let text = crate::text::truncate(&text, 2000);
        if deferred {
            asked.answer_deferred(http, &text).await;
        } else {
            asked.reply_ephemeral(http, &text).await;
        }
    };
    if upload.is_some() && !deferred {
        return;
    }
    // A name that cannot be kept is said before any picture is fetched.
    if let Err(e) = styles::checked_name(name) {
        return answer(refused(lang, &e)).await;
    }
    let requester = super::commands::requester(command);
    if let Err(e) = services.jobs.admission().screen_words(&requester, words).await {
        let text = match (&e, requester.guild_id) {
            (JobError::RefusedByRules { .. }, Some(_)) => t!(lang, "style-refused"),
            (JobError::RefusedByRules { .. }, None) => t!(lang, "style-refused-personal"),
            _ => super::words::failure::said(lang, &e),
        };
        return answer(text).await;
    }
    let picture = match &upload {
        Some(upload) => match services.jobs.keep_picture(upload, &command.id.to_string()).await {
            Ok(picture) => Some(picture),
            Err(e) => return answer(super::words::failure::said(lang, &e)).await,
        },
        None => None,
    };
    let kept = picture.clone();
    match change(services, lang, owner, |s| styles::save(s, name, words, picture)).await {
        Ok((name, replaced)) => {
            if let Some(replaced) = replaced {
                services.jobs.forget_picture(&replaced).await;
            }
            let saved = match kept {
                Some(_) => t!(lang, "style-saved-with-picture", name = name),
                None => t!(lang, "style-saved", name = name),
            };
            answer(saved).await;
        }
        Err(text) => {
            if let Some(kept) = kept {
                services.jobs.forget_picture(&kept).await;
            }
            answer(text).await;
        }
    }
}

/// Applies `edit` to `owner`'s settings and saves them: what changed, or the words saying why nothing did.
async fn change(
    services: &Services,
    lang: Lang,
    (key, user): (u64, u64),
    edit: impl FnOnce(&mut MemberSettings) -> Result<Changed, StyleError>,
) -> Result<Changed, String> {
    let mut settings = services.settings.read(key, user).await.map_err(|e| {
        warn!(error = %crate::text::chain(&e), "could not read saved styles");
        t!(lang, "settings-read-failed")
    })?;
    let changed = edit(&mut settings).map_err(|e| refused(lang, &e))?;
    services.settings.save(key, user, &settings).await.map_err(|e| {
        warn!(error = %crate::text::chain(&e), "could not save styles");
        t!(lang, "settings-save-failed")
    })?;
    Ok(changed)
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
    let lines_of = |owner: &MemberSettings| -> Vec<String> {
        let picture = |name: &String| match owner.style_pictures.contains_key(name) {
            true => format!(" · {}", t!(lang, "style-list-picture")),
            false => String::new(),
        };
        let line =
            |(name, words): (&String, &String)| format!("`{name}`: {}{}", crate::text::echo(words, 120), picture(name));
        owner.styles.iter().map(line).collect()
    };
    let mut lines = vec![t!(lang, "style-list-mine")];
    lines.extend(lines_of(&own));
    if own.styles.is_empty() {
        lines.push(t!(lang, "list-none"));
    }
    if server.is_some() {
        lines.push(t!(lang, "style-list-server"));
        lines.extend(lines_of(&shared));
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
