//! The member's own commands: `/show` (a result again, with its buttons), `/settings` (their defaults)
//! and `/help`.

use std::sync::Arc;

use serenity::all::{
    CommandInteraction, CreateAllowedMentions, CreateEmbed, CreateInteractionResponse,
    CreateInteractionResponseMessage, ResolvedOption, ResolvedValue,
};
use serenity::http::{Http, HttpError};
use tracing::warn;

use super::{buttons, canceller, commands, render, Asked, Services};
use crate::job::{JobRequest, SourceImage};
use crate::jobs::show::Shown;
use crate::queue::StoredJob;
use crate::runner::{Cost, FinishedJob};
use crate::settings::MemberSettings;

/// How long the store reads before Discord is answered (the member's settings, the server's approval
/// policy) may take together: Discord wants an answer within 3 s.
const SETTINGS_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

/// When the store reads before an interaction's answer must have ended (one bound for all of them).
pub(super) fn answer_deadline() -> tokio::time::Instant {
    tokio::time::Instant::now() + SETTINGS_WAIT
}

/// Fills what the member left out from their `/settings`. A store fault, or a store too busy to answer
/// well inside Discord's 3 seconds, leaves the request as typed (and says so in the log). When the saved
/// default model has retired, the saved default becomes the model offered in its place, and the returned
/// note tells the member.
pub(super) async fn apply_settings(
    services: &Services,
    request: &mut JobRequest,
    deadline: tokio::time::Instant,
) -> Option<String> {
    let guild = request.requester.guild_id?;
    let user = request.requester.user_id;
    let read = services.settings.member_settings(guild, user);
    let mut saved = match tokio::time::timeout_at(deadline, read).await {
        Ok(Ok(saved)) => saved,
        Ok(Err(e)) => {
            warn!(job = %request.id, error = %crate::error::chain(&e), "could not read the member's settings");
            return None;
        }
        Err(_) => {
            warn!(job = %request.id, "the store was too slow to read the member's settings; using the request as typed");
            return None;
        }
    };
    let admission = services.jobs.admission();
    let retired = saved.model.clone().and_then(|old| Some((admission.replacement_of(&old)?, old)));
    let note = match retired {
        Some((replacement, old)) => {
            saved.model = Some(replacement.clone());
            if let Err(e) = services.settings.save_member_settings(guild, user, &saved).await {
                warn!(error = %crate::error::chain(&e), "could not move a retired default model");
            }
            Some(format!(
                "Your saved default model `{old}` has been retired, so `{replacement}` takes its place (now saved \
                 as your default; change it with `/settings`)."
            ))
        }
        None => None,
    };
    saved.apply(request, &admission.catalogue());
    note
}

/// Whether the server's approval policy covers this request (read by `deadline`, the settings' own; a
/// store too slow to say lets the request run as a job).
pub(super) async fn needs_approval(services: &Services, request: &JobRequest, deadline: tokio::time::Instant) -> bool {
    let Ok(spec) = services.jobs.admission().check(request) else { return false };
    tokio::time::timeout_at(deadline, services.desk.needs_approval(request, &spec)).await.unwrap_or(false)
}

/// `/settings`: with no option shows them; `reset` clears them; otherwise saves the options given.
pub(super) async fn settings(http: &Http, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let (Some(guild), user) = (command.guild_id, command.user.id) else { return };
    let admission = services.jobs.admission();
    let mut change = MemberSettings::default();
    let mut reset = false;
    for ResolvedOption { name, value, .. } in command.data.options() {
        match (name, value) {
            ("model", ResolvedValue::String(v)) => change.model = Some(v.to_owned()),
            ("size", ResolvedValue::String(v)) => change.size = Some(v.to_owned()),
            ("quality", ResolvedValue::String(v)) => change.quality = Some(v.to_owned()),
            ("style", ResolvedValue::String(v)) => change.style = Some(v.to_owned()),
            ("suffix", ResolvedValue::String(v)) => change.suffix = Some(v.to_owned()),
            ("public", ResolvedValue::Boolean(v)) => change.public = Some(v),
            ("reset", ResolvedValue::Boolean(v)) => reset = v,
            _ => {}
        }
    }
    let store = &services.settings;
    let current = match store.member_settings(guild.get(), user.get()).await {
        Ok(current) => current,
        Err(e) => {
            warn!(error = %crate::error::chain(&e), "could not read settings");
            return asked.reply_ephemeral(http, "I couldn't read your settings just now. Please try again.").await;
        }
    };
    let (next, heading) = if reset {
        (MemberSettings::default(), "Your defaults are cleared.")
    } else if change == MemberSettings::default() {
        return asked
            .reply_ephemeral(http, &format!("**Your defaults**\n{}", current.describe(&admission.default_model())))
            .await;
    } else {
        match current.updated(change, &admission.catalogue(), &admission.default_model()) {
            Ok(next) => (next, "Saved. Your defaults are now:"),
            Err(e) => return asked.reply_ephemeral(http, &e.to_string()).await,
        }
    };
    let text = match store.save_member_settings(guild.get(), user.get(), &next).await {
        Ok(()) => format!("{heading}\n{}", next.describe(&admission.default_model())),
        Err(e) => {
            warn!(error = %crate::error::chain(&e), "could not save settings");
            "I couldn't save your settings just now. Please try again.".to_owned()
        }
    };
    asked.reply_ephemeral(http, &text).await;
}

/// `/help`: the prompt formula, the commands, the models and prices, and the member's limits.
pub(super) async fn help(http: &Http, services: &Services, command: &CommandInteraction) {
    let admission = services.jobs.admission();
    let limits = admission.usage_report(&commands::requester(command)).await.unwrap_or_default();
    let sections = crate::help::sections(&admission.catalogue(), &admission.default_model(), &limits);
    let embed = sections.into_iter().fold(
        CreateEmbed::new().title("Easel: making images together").description(crate::help::PROMPT_FORMULA),
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
    let job_id = command
        .data
        .options()
        .into_iter()
        .find_map(|o| match (o.name, o.value) {
            ("job", ResolvedValue::String(v)) => Some(v.to_owned()),
            _ => None,
        })
        .unwrap_or_default();
    let by = canceller(command.guild_id, command.user.id, command.member.as_ref().and_then(|m| m.permissions));
    let shown = match services.jobs.show(&job_id, by).await {
        Ok(shown) => shown,
        Err(text) => return asked.reply_ephemeral(http, &text).await,
    };
    let (job, spec, finished, note) = match shown {
        Shown::Kept { job, spec, finished } => (job, spec, finished, None),
        Shown::Posted { job, spec, channel_id, message_id } => {
            match refetched(http, services, &job, channel_id, message_id).await {
                Ok(finished) => (job, spec, finished, Some("Fetched again from its message on Discord.")),
                Err(text) => return asked.reply_ephemeral(http, text).await,
            }
        }
    };
    let embed = render::result_embed(&job.request, &spec, &finished);
    let rows = buttons::result_rows(&job.request.id.0, &spec, finished.model_images(&spec));
    let message = render::attachments(&job.request, &finished).into_iter().fold(
        CreateInteractionResponseMessage::new()
            .content(note.unwrap_or_default())
            .embed(embed)
            .components(rows)
            .ephemeral(job.request.private)
            .allowed_mentions(CreateAllowedMentions::new()),
        CreateInteractionResponseMessage::add_file,
    );
    if let Err(e) = command.create_response(http, CreateInteractionResponse::Message(message)).await {
        warn!(job = %job.request.id, error = %e, "could not show a result again");
    }
}

/// The images of a delivered message, downloaded through its fresh attachment links.
async fn refetched(
    http: &Http,
    services: &Services,
    job: &StoredJob,
    channel_id: u64,
    message_id: u64,
) -> Result<FinishedJob, &'static str> {
    let request = &job.request;
    let message = match http.get_message(channel_id.into(), message_id.into()).await {
        Ok(message) => message,
        Err(serenity::Error::Http(HttpError::UnsuccessfulRequest(r))) if r.status_code.as_u16() == 404 => {
            return Err("That result was deleted from Discord, and its images are no longer kept, so I can't show it.")
        }
        Err(e) => {
            warn!(job = %request.id, error = %e, "could not fetch a delivered message");
            return Err("I couldn't reach that result's message on Discord just now. Please try again.");
        }
    };
    let mut images = Vec::with_capacity(message.attachments.len());
    for attachment in &message.attachments {
        let source: SourceImage = commands::source_of(attachment);
        let bytes = services.jobs.download(&source).await.map_err(|e| {
            warn!(job = %request.id, error = %crate::error::chain(&e), "could not download a delivered image");
            "I couldn't download that result's images from Discord just now. Please try again."
        })?;
        images.push(crate::imaging::described(bytes).map_err(|_| "That result's images can no longer be read.")?);
    }
    if images.is_empty() {
        return Err("That result's message no longer holds its images, so I can't show it.");
    }
    let result = job.result.clone().unwrap_or_default();
    let cost = Cost { usd: result.cost_usd, from_usage: result.from_usage };
    Ok(FinishedJob {
        images,
        revised_prompt: result.revised_prompt,
        cost,
        seeds: result.seeds,
        details: result.details,
    })
}

/// Whether `/usage` asks for the server's report.
pub(super) fn wants_server_report(command: &CommandInteraction) -> bool {
    command.data.options().iter().any(|o| o.name == "server" && matches!(o.value, ResolvedValue::Boolean(true)))
}

/// `/usage server`: the server's spend by day for 30 days as a chart, and its top requesters, for
/// moderators only (checked here, from the permissions Discord computed).
pub(super) async fn server_report(http: &Http, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let Some(guild) = command.guild_id.map(|g| g.get()) else { return };
    if !commands::moderates(command.member.as_ref().and_then(|m| m.permissions)) {
        return asked.reply_ephemeral(http, "Only moderators can see the server's spend.").await;
    }
    let now = services.clock.now();
    let since = crate::report::since(now);
    let (days, top) =
        match (services.report.spend_by_day(guild, since).await, services.report.top_requesters(guild, since, 5).await)
        {
            (Ok(days), Ok(top)) => (days, top),
            (Err(e), _) | (_, Err(e)) => {
                warn!(error = %crate::error::chain(&e), "could not read the server's spend");
                return asked
                    .reply_ephemeral(http, "I couldn't read the server's spend just now. Please try again.")
                    .await;
            }
        };
    let Ok(chart) = crate::report::chart_png(&days, now.date_naive()) else {
        return asked.reply_ephemeral(http, &crate::report::summary(&days, &top)).await;
    };
    let message = CreateInteractionResponseMessage::new()
        .content(crate::report::summary(&days, &top))
        .embed(CreateEmbed::new().image("attachment://spend.png"))
        .add_file(serenity::all::CreateAttachment::bytes(chart, "spend.png"))
        .ephemeral(true)
        .allowed_mentions(CreateAllowedMentions::new());
    if let Err(e) = command.create_response(http, CreateInteractionResponse::Message(message)).await {
        warn!(error = %e, "could not answer /usage server");
    }
}
