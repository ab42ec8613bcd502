//! Asking for a job through any interaction (a slash command, a result's button, a modal): the
//! catalogue check answered at once, else the deferral, then admission behind it; a refusal or a panic
//! still reaches the member privately.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use futures_util::FutureExt;
use serenity::all::{
    CommandInteraction, ComponentInteraction, CreateActionRow, CreateAllowedMentions, CreateInteractionResponse,
    CreateInteractionResponseMessage, ModalInteraction,
};
use serenity::http::Http;
use tracing::{error, info, warn};

use super::{DiscordCourier, Services, TOKEN_LIFETIME};
use crate::catalogue::BackendKind;
use crate::config::Secret;
use crate::error::{self, JobError};
use crate::job::JobRequest;
use crate::jobs::Courier;
use crate::jobs::{failure_text, log_failure};
use crate::queue::{StoredJob, Ticket};

/// An interaction that asks for a job: a slash command, a button click or a modal's submission.
#[derive(Clone, Copy)]
pub(crate) enum Asked<'a> {
    /// `/generate`, `/hd`, …
    Command(&'a CommandInteraction),
    /// A result's button.
    Click(&'a ComponentInteraction),
    /// The Edit modal.
    Modal(&'a ModalInteraction),
}

impl Asked<'_> {
    pub(crate) fn token(&self) -> &str {
        match self {
            Self::Command(c) => &c.token,
            Self::Click(c) => &c.token,
            Self::Modal(m) => &m.token,
        }
    }

    pub(crate) async fn respond(&self, http: &Http, response: CreateInteractionResponse) -> serenity::Result<()> {
        match self {
            Self::Command(c) => c.create_response(http, response).await,
            Self::Click(c) => c.create_response(http, response).await,
            Self::Modal(m) => m.create_response(http, response).await,
        }
    }

    /// The only reply to the interaction: visible to the member alone, pinging nobody.
    pub(crate) async fn reply_ephemeral(&self, http: &Http, text: &str) {
        self.reply_ephemeral_with(http, text, Vec::new()).await;
    }

    /// As [`Self::reply_ephemeral`], with buttons under the text.
    pub(crate) async fn reply_ephemeral_with(&self, http: &Http, text: &str, components: Vec<CreateActionRow>) {
        let message = CreateInteractionResponseMessage::new()
            .content(text)
            .components(components)
            .ephemeral(true)
            .allowed_mentions(CreateAllowedMentions::new());
        if let Err(e) = self.respond(http, CreateInteractionResponse::Message(message)).await {
            warn!(error = %e, "could not send an ephemeral reply");
        }
    }
}

/// Answers one request for a job: a bad option at once (the catalogue check is in memory), else the
/// deferral first, then admission and the queue; a refusal reaches the member privately. Should any of
/// it panic, the member is still told (privately) that something went wrong and nothing was charged.
pub(crate) async fn ask_for_job(http: &Arc<Http>, services: &Services, asked: Asked<'_>, request: JobRequest) {
    let deferred = AtomicBool::new(false);
    let job = AssertUnwindSafe(submit_job(http, services, asked, &request, &deferred));
    if job.catch_unwind().await.is_ok() {
        return;
    }
    let failure = JobError::Unexpected("the request's handler panicked".into());
    log_failure(&request.id.0, &failure);
    let text = failure_text(&request, &failure);
    if deferred.load(Ordering::SeqCst) {
        // The courier's explanation: an ephemeral follow-up, then the "thinking…" answer removed.
        let ticket = ticket(services, asked.token());
        let job = StoredJob::queued(request, BackendKind::Openai, ticket);
        DiscordCourier::new(Arc::clone(http), Arc::clone(&services.clock)).explain(&job, &text).await;
    } else {
        asked.reply_ephemeral(http, &text).await;
    }
}

/// How to reach the member about a job: its interaction's token, while Discord takes it.
fn ticket(services: &Services, token: &str) -> Ticket {
    Ticket { token: Secret::new(token.to_owned()), expires_at: services.clock.now() + TOKEN_LIFETIME }
}

/// Checks and defers one job, then hands it to admission; `deferred` is set once the deferral reached
/// Discord. A private job's whole answer is ephemeral.
async fn submit_job(
    http: &Arc<Http>,
    services: &Services,
    asked: Asked<'_>,
    request: &JobRequest,
    deferred: &AtomicBool,
) {
    let jobs = &services.jobs;
    if let Err(e) = jobs.check(request) {
        info!(job = %request.id, reason = %error::chain(&e), "request refused before any model call");
        return asked.reply_ephemeral(http, &failure_text(request, &e)).await;
    }
    let deferral = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(request.private));
    if let Err(e) = asked.respond(http, deferral).await {
        return error!(job = %request.id, error = %error::chain(&e), "could not defer the interaction; nothing was queued");
    }
    deferred.store(true, Ordering::SeqCst);
    jobs.admit_later(request.clone(), ticket(services, asked.token()));
}
