//! Asking for a job through any interaction (a slash command, a result's button, a modal): one path for
//! all of them, so admission, limits, the approval policy and privacy hold the same everywhere.
//!
//! Discord is answered from memory only: the member's saved settings and the server's approval policy
//! are mirrored in memory, and a bad option is answered at once from the catalogue. When something the
//! answer depends on is not known yet, it fails closed: the deferral is private, and the policy is
//! decided after it. Should any of it panic, the member is still told privately that something went
//! wrong and nothing was charged.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use futures_util::FutureExt;
use serenity::all::{CreateAllowedMentions, GuildId};
use serenity::builder::Builder;
use serenity::http::Http;
use tracing::{error, info, warn};

pub(crate) use super::interaction::Asked;
use super::{DiscordCourier, Services, TOKEN_LIFETIME};
use crate::desk::Desk;
use crate::domain::catalogue::BackendKind;
use crate::domain::request::JobRequest;
use crate::jobs::error::{self, JobError};
use crate::jobs::log_failure;
use crate::jobs::queue::{StoredJob, Ticket};
use crate::secret::Secret;

/// How a request came: a slash command takes the member's saved settings; a click on a result repeats
/// that result's options (only the clicker's privacy is added).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// `/generate`, `/hd`, `/variation`, `/edit`, `/styles`.
    Command,
    /// A result's button or the Edit modal.
    Click,
}

/// Whether a moderator must approve a request first, as far as memory can tell before Discord is
/// answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Approval {
    No,
    Yes,
    /// Not known yet (the board, the member's settings or their rights are not in memory): decided
    /// after a private deferral.
    Maybe,
}

/// Answers one request for a job, whatever interaction it came by; see the module's docs.
pub(crate) async fn ask_for_job(
    http: &Arc<Http>,
    services: &Services,
    asked: Asked<'_>,
    request: JobRequest,
    origin: Origin,
) {
    let deferred = AtomicBool::new(false);
    let id = request.id.clone();
    let ticket = ticket(services, asked.token());
    let job = AssertUnwindSafe(submit_job(http, services, asked, request, origin, &deferred));
    if job.catch_unwind().await.is_ok() {
        return;
    }
    let failure = JobError::Unexpected("the request's handler panicked".into());
    log_failure(&id.0, &failure);
    let request = placeholder(asked, id);
    let text = super::words::failure::told(asked.lang(services), &request, &failure);
    if deferred.load(Ordering::SeqCst) {
        tell_privately(http, services, request, ticket, &text).await;
    } else {
        asked.reply_ephemeral(http, &text).await;
    }
}

/// A request standing for `asked` when there is none to hand (a panic, an answer about no job): who
/// asked, where, under `id`.
pub(crate) fn placeholder(asked: Asked<'_>, id: crate::domain::request::JobId) -> JobRequest {
    let requester =
        super::commands::requester_of(asked.user().id, asked.server(), asked.channel(), None, asked.locale());
    JobRequest::new(id, crate::domain::request::Command::Generate, requester, 0)
}

/// Tells the member privately after a deferral, as the courier explains a job that made nothing: an
/// ephemeral follow-up, then the "thinking…" answer removed (a direct message once the token is gone).
pub(crate) async fn tell_privately(
    http: &Arc<Http>,
    services: &Services,
    request: JobRequest,
    ticket: Ticket,
    text: &str,
) {
    let job = StoredJob::queued(request, BackendKind::Openai, ticket);
    DiscordCourier::new(http, services).tell(&job, text).await;
}

/// How to reach the member about a job: its interaction's token, while Discord takes it.
pub(crate) fn ticket(services: &Services, token: &str) -> Ticket {
    Ticket { token: Secret::new(token.to_owned()), expires_at: services.clock.now() + TOKEN_LIFETIME }
}

/// Decides and sends the deferral from memory, then finishes the request behind it: the member's
/// settings read when they were not known, their rights, the approval policy, then a card or a job.
async fn submit_job(
    http: &Arc<Http>,
    services: &Services,
    asked: Asked<'_>,
    mut request: JobRequest,
    origin: Origin,
    deferred: &AtomicBool,
) {
    let jobs = &services.jobs;
    let known = settings_known(services, &mut request, origin);
    if known {
        if let Err(e) = jobs.check(&request) {
            info!(job = %request.id, reason = %error::chain(&e), "request refused before any model call");
            let lang = services.languages.of_request(&request);
            return asked.reply_ephemeral(http, &super::words::failure::told(lang, &request, &e)).await;
        }
    } else {
        // The member's privacy is not known: their answer is private until it is.
        request.private = true;
    }
    // Where Discord shows the answers to the member alone, the job is private from the start.
    request.private |= asked.forced_private();
    let approval = approval_from_memory(services, asked, &request, known);
    let private = request.private || approval != Approval::No;
    if let Err(e) = asked.defer(http, private).await {
        return error!(job = %request.id, error = %error::chain(&e), "could not defer the interaction; nothing was queued");
    }
    deferred.store(true, Ordering::SeqCst);
    let ticket = ticket(services, asked.token());
    // What was not known before the deferral is read now.
    if !known {
        if let Err(e) = read_settings(services, &mut request, origin).await {
            return explain(http, services, &request, ticket, &e).await;
        }
    }
    if let Some(note) = super::member::move_retired_default(services, &request).await {
        followup_note(http, asked, &note).await;
    }
    let spec = match jobs.check(&request) {
        Ok(spec) => spec,
        Err(e) => return explain(http, services, &request, ticket, &e).await,
    };
    // The managers' exemption holds in their server; a member's own job has none.
    if request.requester.guild_id.is_some() {
        request.requester.is_manager = asked.authority(http, services).await.manage;
    }
    // The deferral decided who sees the answer: a private deferral's result is private.
    request.private = private;
    let covered = match request.requester.guild_id {
        Some(guild) => Desk::covers(services.desk.settings(guild).await.policy, &request, &spec),
        None => false,
    };
    if covered {
        let lang = services.languages.of_request(&request);
        let text = match card_picture(services, &request).await {
            Ok(picture) => match services.desk.submit(request.clone(), None, picture).await {
                Ok(channel) => super::words::desk::posted(lang, channel),
                Err(refusal) => super::words::desk::refused(lang, &refusal),
            },
            Err(e) => super::words::failure::said(lang, &e),
        };
        if private {
            return asked.answer_deferred(http, &text).await;
        }
        // Only when the policy changed during the deferral: said privately, the public answer removed.
        return tell_privately(http, services, request, ticket, &text).await;
    }
    jobs.admit_later(request, ticket);
}

/// The picture a card shows for a request with an image (a variation, an edit): Easel's checked copy.
async fn card_picture(
    services: &Services,
    request: &JobRequest,
) -> Result<Option<crate::desk::board::Reference>, JobError> {
    let Some(source) = &request.source else { return Ok(None) };
    let png = services.jobs.checked_picture(source).await?;
    Ok(Some(crate::desk::board::Reference { png }))
}

/// Applies what memory knows of the member's settings (a command: their defaults and privacy; a click:
/// their privacy). Returns whether they were known.
fn settings_known(services: &Services, request: &mut JobRequest, origin: Origin) -> bool {
    let key = crate::community::settings::scope_key(request.requester.guild_id);
    let Some(saved) = services.settings.known(key, request.requester.user_id) else { return false };
    apply(services, request, origin, saved);
    true
}

/// Reads the member's settings from the store (memory did not know them) and applies them.
async fn read_settings(services: &Services, request: &mut JobRequest, origin: Origin) -> Result<(), JobError> {
    let key = crate::community::settings::scope_key(request.requester.guild_id);
    let saved = services
        .settings
        .read(key, request.requester.user_id)
        .await
        .map_err(|e| JobError::unexpected("reading the member's settings", e))?;
    apply(services, request, origin, saved);
    Ok(())
}

fn apply(
    services: &Services,
    request: &mut JobRequest,
    origin: Origin,
    mut saved: crate::community::settings::MemberSettings,
) {
    // Where they chose no language, the one they chose for their own jobs (as `Asked::lang` reads).
    if saved.language.is_none() {
        let key = crate::community::settings::PERSONAL;
        saved.language = services.settings.language(key, request.requester.user_id);
    }
    let admission = services.jobs.admission();
    match origin {
        Origin::Command => {
            add_saved_style(services, request, &saved);
            // A retired default model reads as the model offered in its place (saved after the deferral).
            if let Some(replacement) = saved.model.as_deref().and_then(|old| admission.replacement_of(old)) {
                saved.model = Some(replacement);
            }
            saved.apply(request, &admission.catalogue());
        }
        Origin::Click => {
            request.private |= saved.public == Some(false);
            saved.apply_language(request);
        }
    }
}

/// When the request's `style` names a saved style (the member's own, else their server's), its words
/// join the prompt (screened with it), its picture is the reference unless the member gave one, and the
/// style is no model's.
fn add_saved_style(services: &Services, request: &mut JobRequest, own: &crate::community::settings::MemberSettings) {
    let Some(name) = request.style.clone() else { return };
    let account = crate::domain::ledger::SERVER_ACCOUNT;
    let server = request.requester.guild_id.and_then(|g| services.settings.known(g, account));
    let Some((words, picture)) = crate::community::styles::find(own, server.as_ref(), &name) else { return };
    if request.reference.is_none() {
        request.reference = picture.cloned();
    }
    request.prompt = Some(match request.prompt.take() {
        Some(prompt) => format!("{prompt}, {words}"),
        None => words.to_owned(),
    });
    request.style = None;
}

/// The approval decision from memory alone: the server's board, the checked request, and the member's
/// rights if Discord's roles for the server are cached.
fn approval_from_memory(services: &Services, asked: Asked<'_>, request: &JobRequest, known: bool) -> Approval {
    let Some(guild) = request.requester.guild_id else { return Approval::No };
    let Some(board) = services.desk.known_settings(guild) else { return Approval::Maybe };
    if board.policy == crate::desk::Policy::Off {
        return Approval::No;
    }
    let spec = match (known, services.jobs.admission().check(request)) {
        (true, Ok(spec)) => spec,
        _ => return Approval::Maybe,
    };
    if !Desk::covers(board.policy, request, &spec) {
        return Approval::No;
    }
    let authority = services.rights.cached_of(GuildId::new(guild), asked.user().id, asked.roles());
    match authority {
        Some(authority) if authority.manage => Approval::No,
        Some(_) => Approval::Yes,
        None => Approval::Maybe,
    }
}

/// Tells the member privately why their deferred request went no further (nothing was queued).
async fn explain(http: &Arc<Http>, services: &Services, request: &JobRequest, ticket: Ticket, e: &JobError) {
    info!(job = %request.id, reason = %error::chain(e), "request refused before any model call");
    let text = super::words::failure::told(services.languages.of_request(request), request, e);
    tell_privately(http, services, request.clone(), ticket, &text).await;
}

async fn followup_note(http: &Http, asked: Asked<'_>, note: &str) {
    let followup = serenity::all::CreateInteractionResponseFollowup::new()
        .content(note)
        .ephemeral(true)
        .allowed_mentions(CreateAllowedMentions::new());
    if let Err(e) = followup.execute(http, (None, asked.token())).await {
        warn!(error = %e, "could not tell the member their default model moved");
    }
}
