//! The member's own commands: `/show` (a result again, with its buttons), `/settings` (their defaults)
//! and `/help`.

use std::sync::Arc;

use serenity::all::{
    CommandInteraction, CreateAllowedMentions, CreateEmbed, CreateInteractionResponse,
    CreateInteractionResponseMessage, EditInteractionResponse, GuildId,
};
use serenity::builder::Builder;
use serenity::http::{Http, HttpError};
use tracing::warn;

use super::options::Options;
use super::words::Lang;
use super::{buttons, canceller, commands, render, words, Asked, Services};
use crate::community::settings::MemberSettings;
use crate::discord::words::t;
use crate::domain::ids::ServerId;
use crate::domain::request::{JobRequest, SourceImage};
use crate::jobs::queue::StoredJob;
use crate::jobs::runner::{Cost, FinishedJob};
use crate::jobs::show::Shown;

/// When a member's saved default model has retired, saves the model offered in its place as their
/// default, and returns the note telling them (asked after the deferral: it writes to the store).
pub(super) async fn move_retired_default(services: &Services, request: &JobRequest) -> Option<String> {
    let guild = crate::community::settings::scope_key(request.requester.guild_id);
    let user = request.requester.user_id;
    let mut saved = services.settings.known(guild, user)?;
    let old = saved.model.clone()?;
    let replacement = services.jobs.admission().replacement_of(&old)?;
    saved.model = Some(replacement.clone());
    if let Err(e) = services.settings.save(guild, user, &saved).await {
        warn!(error = %crate::text::chain(&e), "could not move a retired default model");
    }
    let lang = services.languages.of_request(request);
    Some(t!(lang, "settings-retired-default", old = old, replacement = replacement))
}

/// `/settings`: with no option shows them; `reset` clears them; otherwise saves the options given.
pub(super) async fn settings(http: &Http, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let (guild, user) = (crate::community::settings::scope_key(asked.server().map(GuildId::get)), command.user.id);
    let admission = services.jobs.admission();
    let o = Options::of(command);
    let text = |name| o.string(name).map(str::to_owned);
    let lang = asked.lang(services);
    let language = match o.string("language") {
        Some(commands::DISCORD_LANGUAGE) => Some(String::new()),
        Some(code) => Some(Lang::from_code(code).map_or_else(String::new, |l| l.code().to_owned())),
        None => None,
    };
    let change = MemberSettings {
        model: text("model"),
        size: text("size"),
        quality: text("quality"),
        style: text("style"),
        suffix: text("suffix"),
        public: o.boolean("public"),
        language,
        draft: o.boolean("draft"),
        styles: Default::default(),
        style_pictures: Default::default(),
    };
    let reset = o.boolean("reset").unwrap_or(false);
    let store = &services.settings;
    let current = match store.read(guild, user.get()).await {
        Ok(current) => current,
        Err(e) => {
            warn!(error = %crate::text::chain(&e), "could not read settings");
            return asked.reply_ephemeral(http, &t!(lang, "settings-read-failed")).await;
        }
    };
    let discord = services.languages.member(None, Some(asked.locale()));
    let describe = |settings: &MemberSettings, lang| {
        words::settings::describe(lang, settings, &admission.default_model(), discord)
    };
    let lang = services.languages.member(current.language.as_deref(), Some(asked.locale()));
    let (next, cleared) = if reset {
        // Saved styles are not defaults: `/style delete` removes them.
        let (styles, style_pictures) = (current.styles.clone(), current.style_pictures.clone());
        (MemberSettings { styles, style_pictures, ..MemberSettings::default() }, true)
    } else if change == MemberSettings::default() {
        let text = format!("{}\n{}", t!(lang, "settings-heading"), describe(&current, lang));
        return asked.reply_ephemeral(http, &text).await;
    } else {
        match current.updated(change, &admission.catalogue(), &admission.default_model()) {
            Ok(next) => (next, false),
            Err(e) => return asked.reply_ephemeral(http, &words::settings::refused(lang, &e)).await,
        }
    };
    // Answered in the language just chosen.
    let lang = services.languages.member(next.language.as_deref(), Some(asked.locale()));
    let text = match store.save(guild, user.get(), &next).await {
        Ok(()) => {
            let heading = if cleared { t!(lang, "settings-cleared") } else { t!(lang, "settings-saved") };
            format!("{heading}\n{}", describe(&next, lang))
        }
        Err(e) => {
            warn!(error = %crate::text::chain(&e), "could not save settings");
            t!(lang, "settings-save-failed")
        }
    };
    asked.reply_ephemeral(http, &text).await;
}

/// The member asking, with whether they manage the server (for the managers' exemption).
async fn requester(
    http: &Http,
    services: &Services,
    command: &CommandInteraction,
) -> crate::domain::request::Requester {
    let mut requester = commands::requester(command);
    requester.is_manager = Asked::Command(command).authority(http, services).await.manage;
    requester
}

/// `/usage`: what the member has used and has left, and their latest failed requests.
pub(super) async fn usage(http: &Http, services: &Services, command: &CommandInteraction) {
    let requester = requester(http, services, command).await;
    let lang = Asked::Command(command).lang(services);
    let mut text = match services.jobs.admission().usage_report(&requester).await {
        Ok(report) => format!("{}\n{}", t!(lang, "usage-heading"), words::usage::lines(lang, &report).join("\n")),
        Err(e) => words::failure::said(lang, &e),
    };
    if let Some(failure) = services.jobs.private_failure(requester.guild_id, requester.user_id).await {
        let (when, job) = (words::relative(failure.at), failure.job_id.to_string());
        text.push_str("\n\n");
        text.push_str(&t!(lang, "usage-latest-failure", when = when, job = job, reason = failure.reason.as_str()));
    }
    Asked::Command(command).reply_ephemeral(http, &crate::text::truncate(&text, 2000)).await;
}

/// `/help`: the prompt formula, the commands, the models and prices, and the member's limits.
pub(super) async fn help(http: &Http, services: &Services, command: &CommandInteraction) {
    let admission = services.jobs.admission();
    let lang = Asked::Command(command).lang(services);
    let report = admission.usage_report(&requester(http, services, command).await).await;
    let limits = report.map(|report| words::usage::lines(lang, &report)).unwrap_or_default();
    let catalogue = admission.catalogue();
    let translating = services.jobs.translates_prompts();
    let sections = words::help::sections(lang, &catalogue, &admission.default_model(), &limits, translating);
    let embed = sections.into_iter().fold(
        CreateEmbed::new().title(t!(lang, "help-title")).description(words::help::prompt_formula(lang)),
        |embed, (title, text)| embed.field(title, crate::text::truncate(&text, 1024), false),
    );
    let message = CreateInteractionResponseMessage::new()
        .embed(embed)
        .ephemeral(true)
        .allowed_mentions(CreateAllowedMentions::new());
    if let Err(e) = command.create_response(http, CreateInteractionResponse::Message(message)).await {
        warn!(error = %e, "could not answer /help");
    }
}

/// `/show job`: the result again with working buttons, ephemeral unless the job was public.
pub(super) async fn show(http: &Arc<Http>, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let lang = asked.lang(services);
    let job_id = Options::of(command).string("job").unwrap_or_default().to_owned();
    // Deferred first (the work below may take longer than Discord's 3 seconds), privately unless the
    // job is known to be public.
    let private = match tokio::time::timeout(PRIVACY_WAIT, services.jobs.is_public(&job_id)).await {
        Ok(Some(public)) => !public,
        _ => true,
    };
    if let Err(e) = asked.defer(http, private).await {
        return warn!(error = %e, "could not defer /show");
    }
    let by = canceller(http, services, asked).await;
    let shown = match services.jobs.show(&job_id, by).await {
        Ok(shown) => shown,
        Err(why) => return answer_privately(http, services, asked, private, &words::show::not_shown(lang, &why)).await,
    };
    let (job, spec, finished, note) = match shown {
        Shown::Kept { job, spec, finished } => (job, spec, finished, None),
        Shown::Posted { job, spec, channel_id, message_id } => {
            match refetched(http, services, &job, channel_id, message_id).await {
                Ok(finished) => (job, spec, finished, Some(t!(lang, "result-fetched-again"))),
                Err(text) => return answer_privately(http, services, asked, private, &text(lang)).await,
            }
        }
    };
    if job.request.private && !private {
        // Made public meanwhile? Never: a private job is shown privately, the public answer removed.
        return answer_privately(http, services, asked, private, &t!(lang, "show-private")).await;
    }
    let embed = render::result_embed(lang, &job.request, &spec, &finished);
    let rows = buttons::rows_for(lang, &job.request.id.0, &spec, &finished);
    let edit = render::attachments(&job.request, &finished).into_iter().fold(
        EditInteractionResponse::new()
            .content(note.unwrap_or_default())
            .embed(embed)
            .components(rows)
            .allowed_mentions(CreateAllowedMentions::new()),
        EditInteractionResponse::new_attachment,
    );
    if let Err(e) = edit.execute(http, &command.token).await {
        warn!(job = %job.request.id, error = %e, "could not show a result again");
    }
}

/// How long `/show` waits to learn whether a job is public before answering privately.
const PRIVACY_WAIT: std::time::Duration = std::time::Duration::from_millis(1000);

/// Says `text` to the member alone after a deferral: in the deferred answer when it was private, else
/// as an ephemeral follow-up with the public "thinking…" answer removed.
async fn answer_privately(http: &Arc<Http>, services: &Services, asked: Asked<'_>, private: bool, text: &str) {
    if private {
        return asked.answer_deferred(http, text).await;
    }
    let request = super::asked::placeholder(asked, crate::domain::request::JobId(String::new()));
    super::asked::tell_privately(http, services, request, super::asked::ticket(services, asked.token()), text).await;
}

/// Why a delivered message's images cannot be shown, in a reader's language.
type ShowProblem = fn(Lang) -> String;

/// The images of a delivered message, downloaded through its fresh attachment links.
async fn refetched(
    http: &Http,
    services: &Services,
    job: &StoredJob,
    channel_id: u64,
    message_id: u64,
) -> Result<FinishedJob, ShowProblem> {
    let request = &job.request;
    let message = match http.get_message(channel_id.into(), message_id.into()).await {
        Ok(message) => message,
        Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(r))) if r.status_code.as_u16() == 404 => {
            return Err(|lang| t!(lang, "show-deleted"))
        }
        Err(e) => {
            warn!(job = %request.id, error = %e, "could not fetch a delivered message");
            return Err(|lang| t!(lang, "show-unreachable"));
        }
    };
    let mut images = Vec::with_capacity(message.attachments.len());
    for attachment in &message.attachments {
        let source: SourceImage = commands::source_of(attachment);
        let bytes = services.jobs.download(&source).await.map_err(|e| {
            warn!(job = %request.id, error = %crate::text::chain(&e), "could not download a delivered image");
            (|lang| t!(lang, "show-download-failed")) as ShowProblem
        })?;
        let unreadable: ShowProblem = |lang| t!(lang, "show-unreadable");
        images.push(crate::media::imaging::described(bytes).map_err(|_| unreadable)?);
    }
    if images.is_empty() {
        return Err(|lang| t!(lang, "show-emptied"));
    }
    let result = job.result.clone().unwrap_or_default();
    let cost = Cost { usd: result.cost_usd, from_usage: result.from_usage };
    Ok(FinishedJob {
        images,
        revised_prompt: result.revised_prompt,
        cost,
        seeds: result.seeds,
        details: result.details,
        suggestions: result.suggestions,
    })
}

/// Whether `/usage` asks for the server's report.
pub(super) fn wants_server_report(command: &CommandInteraction) -> bool {
    Options::of(command).boolean("server") == Some(true)
}

/// `/usage server`: the server's spend by day for 30 days as a chart, its top requesters, and what the
/// owner paid for jobs that delivered nothing, for moderators only (checked here, from their
/// server-level rights).
pub(super) async fn server_report(http: &Http, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let lang = asked.lang(services);
    let Some(guild) = asked.server().map(GuildId::get) else {
        return asked.reply_ephemeral(http, &t!(lang, "report-moderators-only")).await;
    };
    if !asked.authority(http, services).await.moderate {
        return asked.reply_ephemeral(http, &t!(lang, "report-moderators-only")).await;
    }
    let now = services.clock.now();
    let since = crate::community::report::since(now);
    let report = &services.report;
    let read = tokio::join!(
        report.spend_by_day(ServerId(guild), since),
        report.top_requesters(ServerId(guild), since, 5),
        report.failed_spend(ServerId(guild), since)
    );
    let (days, top, failed) = match read {
        (Ok(days), Ok(top), Ok(failed)) => (days, top, failed),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            warn!(error = %crate::text::chain(&e), "could not read the server's spend");
            return asked.reply_ephemeral(http, &t!(lang, "report-read-failed")).await;
        }
    };
    let summary = words::report::summary(lang, &days, &top, failed);
    let Ok(chart) = crate::community::report::chart_png(&days, now.date_naive()) else {
        return asked.reply_ephemeral(http, &summary).await;
    };
    let message = CreateInteractionResponseMessage::new()
        .content(summary)
        .embed(CreateEmbed::new().image("attachment://spend.png"))
        .add_file(serenity::all::CreateAttachment::bytes(chart, "spend.png"))
        .ephemeral(true)
        .allowed_mentions(CreateAllowedMentions::new());
    if let Err(e) = command.create_response(http, CreateInteractionResponse::Message(message)).await {
        warn!(error = %e, "could not answer /usage server");
    }
}
