//! The [`Courier`] over Discord: progress and results edit the member's deferred answer through the
//! interaction's token while it lasts (15 minutes); after that (or when Discord answers 401 / code
//! 50027) a result is posted in the job's channel mentioning the member once, and failing that (403,
//! codes 50013 / 50001) sent as a direct message.

use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use serenity::all::{
    ButtonStyle, ChannelId, CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton, CreateEmbed,
    CreateInteractionResponseFollowup, CreateMessage, EditInteractionResponse, Message, UserId,
};
use serenity::async_trait;
use serenity::builder::Builder;
use serenity::http::{Http, HttpError};
use tracing::{info, warn};

use super::languages::Languages;
use super::words::{member, Lang};
use super::{buttons, render, Services};
use crate::discord::words::t;
use crate::domain::clock::Clock;
use crate::domain::request::JobSpec;
use crate::jobs::queue::StoredJob;
use crate::jobs::runner::FinishedJob;
use crate::jobs::{Courier, DeliveryError, Receipt};
use crate::text::chain;

/// The prefix of a Cancel button's `custom_id`: `easel-cancel:{job id}`.
pub const CANCEL_BUTTON: &str = "easel-cancel";

/// Discord error codes that mean the interaction token no longer works.
const INVALID_WEBHOOK_TOKEN: isize = 50027;
/// Discord error codes that mean the bot may not post in a channel.
const MISSING_ACCESS: [isize; 2] = [50001, 50013];

/// Reaches members through Discord.
pub struct DiscordCourier {
    http: Arc<Http>,
    clock: Arc<dyn Clock>,
    languages: Arc<Languages>,
}

impl DiscordCourier {
    /// Tells the member privately about `job` (why it made nothing): an ephemeral follow-up, then the
    /// "thinking…" answer removed; a direct message once the token is gone, the channel (mentioning
    /// them) only when direct messages are closed and the job was public.
    pub(crate) async fn tell(&self, job: &StoredJob, text: &str) {
        let token = job.ticket.token.expose();
        if self.token_valid(job) {
            let followup = CreateInteractionResponseFollowup::new()
                .content(text)
                .ephemeral(true)
                .allowed_mentions(CreateAllowedMentions::new());
            let send = || followup.clone().execute(&self.http, (None, token));
            match send.retry(discord_backoff()).sleep(tokio::time::sleep).when(is_retryable).await {
                Ok(_) => {
                    if let Err(e) = self.http.delete_original_interaction_response(token).await {
                        warn!(job = %job.request.id, error = %e, "could not delete the deferred answer of a failed job");
                    }
                    return;
                }
                Err(e) if !token_gone(&e) => {
                    let edit = EditInteractionResponse::new()
                        .content(text)
                        .components(Vec::new())
                        .allowed_mentions(CreateAllowedMentions::new());
                    if let Err(e) = self.edit(job, edit).await {
                        warn!(job = %job.request.id, error = %chain(&e), "could not tell the member why the job failed");
                    }
                    return;
                }
                Err(_) => {}
            }
        }
        // Without a token nothing is private: a direct message first, the channel only when DMs are closed
        // and the job was public.
        let user = job.request.requester.user_id;
        if self.direct_message(user, CreateMessage::new().content(text)).await.is_ok() {
            return;
        }
        if job.request.private {
            // A private job's words never go to the channel; the member can still ask `/usage`.
            return info!(job = %job.request.id, "a private job's failure could not reach its member privately");
        }
        let message = CreateMessage::new().content(format!("<@{user}> {text}"));
        if let Err(e) = self.post_elsewhere(job, message).await {
            warn!(job = %job.request.id, error = %chain(&e), "could not tell the member why the job failed");
        }
    }

    /// A courier over the connected client's `http` (it knows the application id).
    pub fn new(http: &Arc<Http>, services: &Services) -> Self {
        let (clock, languages) = (Arc::clone(&services.clock), Arc::clone(&services.languages));
        Self { http: Arc::clone(http), clock, languages }
    }

    /// The language of `job`'s member.
    fn lang(&self, job: &StoredJob) -> Lang {
        self.languages.of_request(&job.request)
    }

    fn token_valid(&self, job: &StoredJob) -> bool {
        self.clock.now() < job.ticket.expires_at && !job.ticket.token.expose().is_empty()
    }

    /// Edits the member's deferred answer, retrying Discord's rate limits and outages.
    async fn edit(&self, job: &StoredJob, edit: EditInteractionResponse) -> Result<Message, serenity::Error> {
        let token = job.ticket.token.expose();
        let send = || edit.clone().execute(&self.http, token);
        send.retry(discord_backoff())
            .sleep(tokio::time::sleep)
            .when(is_retryable)
            .notify(|e, wait| warn!(job = %job.request.id, error = %e, ?wait, "Discord refused an edit, retrying"))
            .await
    }

    /// Posts in the job's channel, mentioning the member (and nobody else); else a direct message.
    async fn post_elsewhere(&self, job: &StoredJob, message: CreateMessage) -> Result<Message, serenity::Error> {
        let user = job.request.requester.user_id;
        let mention = CreateAllowedMentions::new().users([UserId::new(user)]);
        let in_channel = message.clone().allowed_mentions(mention);
        let channel = ChannelId::new(job.request.requester.channel_id);
        let send = || in_channel.clone().execute(&self.http, (channel, None));
        match send.retry(discord_backoff()).sleep(tokio::time::sleep).when(is_retryable).await {
            Err(e) if has_code(&e, &MISSING_ACCESS) => {
                warn!(job = %job.request.id, error = %e, "may not post in the job's channel; sending a direct message");
                self.direct_message(user, message).await
            }
            other => other,
        }
    }

    /// Posts an approved community request's result in the gallery (the job's channel), crediting the
    /// requester and the moderator without pinging them, then tells the requester where it is.
    async fn post_in_gallery(
        &self,
        job: &StoredJob,
        community: &crate::domain::request::Community,
        embed: CreateEmbed,
        rows: Vec<CreateActionRow>,
        files: &[CreateAttachment],
    ) -> Result<Message, serenity::Error> {
        let requester = job.request.requester.user_id;
        let moderator = community.approved_by;
        let server = self.languages.server(job.request.requester.guild_id);
        let credit = t!(server, "result-gallery-credit", requester = member(requester), moderator = member(moderator));
        let post = CreateMessage::new()
            .content(credit)
            .embed(embed)
            .components(rows)
            .allowed_mentions(CreateAllowedMentions::new());
        let post = with_files(once(post, job), files, CreateMessage::add_file);
        let channel = ChannelId::new(job.request.requester.channel_id);
        let send = || post.clone().execute(&self.http, (channel, None));
        let message = send.retry(discord_backoff()).sleep(tokio::time::sleep).when(is_retryable).await?;
        let guild = job.request.requester.guild_id.unwrap_or_default();
        let link = format!("https://discord.com/channels/{guild}/{}/{}", message.channel_id, message.id);
        let prompt = job.request.prompt.as_deref().unwrap_or_default();
        let text = super::words::desk::delivered_to_requester(self.lang(job), prompt, moderator, &link);
        let fallback = community.notice_channel.map_or(channel, ChannelId::new);
        if let Err(e) = tell_member(&self.http, requester, fallback, &text).await {
            warn!(job = %job.request.id, error = %e, "could not tell the requester where their image is");
        }
        Ok(message)
    }

    async fn direct_message(&self, user: u64, message: CreateMessage) -> Result<Message, serenity::Error> {
        direct_message(&self.http, user, message).await
    }
}

/// Sends `message` to `user` as a direct message, pinging nobody.
async fn direct_message(http: &Http, user: u64, message: CreateMessage) -> Result<Message, serenity::Error> {
    let dm = UserId::new(user.max(1)).create_dm_channel(http).await?;
    dm.id.send_message(http, message.allowed_mentions(CreateAllowedMentions::new())).await
}

/// Tells a member privately (a direct message), or, when their direct messages are closed, in
/// `fallback` mentioning them and nobody else.
pub(super) async fn tell_member(
    http: &Http,
    user: u64,
    fallback: ChannelId,
    text: &str,
) -> Result<(), serenity::Error> {
    if direct_message(http, user, CreateMessage::new().content(text)).await.is_ok() {
        return Ok(());
    }
    let mention = CreateAllowedMentions::new().users([UserId::new(user.max(1))]);
    let note = CreateMessage::new().content(format!("<@{user}> {text}")).allowed_mentions(mention);
    fallback.send_message(http, note).await.map(|_| ())
}

fn discord_backoff() -> ExponentialBuilder {
    // serenity does not hand over a 429's Retry-After here, so back off long enough to outlast one:
    // 0.5 + 1 + 2 + 4 + 8 seconds, well inside the interaction token's 15 minutes.
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(500))
        .with_max_delay(Duration::from_secs(8))
        .with_max_times(5)
}

/// Whether Discord may accept the same request on a later try: rate limits and its own outages.
pub(super) fn is_retryable(error: &serenity::Error) -> bool {
    match error {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => {
            response.status_code.as_u16() == 429 || response.status_code.is_server_error()
        }
        serenity::Error::Http(HttpError::Request(_)) => true,
        _ => false,
    }
}

fn has_code(error: &serenity::Error, codes: &[isize]) -> bool {
    matches!(error, serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) if codes.contains(&r.error.code))
}

/// Whether Discord says the interaction token no longer works (401, or code 50027).
fn token_gone(error: &serenity::Error) -> bool {
    matches!(error, serenity::Error::Http(HttpError::UnsuccessfulRequest(r))
        if r.status_code.as_u16() == 401 || r.error.code == INVALID_WEBHOOK_TOKEN)
}

fn cancel_row(lang: Lang, job_id: &str) -> CreateActionRow {
    CreateActionRow::Buttons(vec![CreateButton::new(format!("{CANCEL_BUTTON}:{job_id}"))
        .label(t!(lang, "button-cancel"))
        .style(ButtonStyle::Secondary)])
}

/// The file name of the preview shown under a running job's progress.
pub const PREVIEW_FILE: &str = "preview.jpg";

fn with_files<T>(builder: T, files: &[CreateAttachment], add: impl Fn(T, CreateAttachment) -> T) -> T {
    files.iter().cloned().fold(builder, add)
}

#[async_trait]
impl Courier for DiscordCourier {
    async fn progress(
        &self,
        job: &StoredJob,
        status: &crate::jobs::progress::Status,
        cancellable: bool,
        preview: Option<&[u8]>,
    ) -> Result<(), DeliveryError> {
        if !self.token_valid(job) {
            return Ok(());
        }
        let lang = self.lang(job);
        let components = if cancellable { vec![cancel_row(lang, &job.request.id.0)] } else { Vec::new() };
        let mut edit = EditInteractionResponse::new()
            .content(super::words::progress::status(lang, status, &job.request.id.0))
            .components(components)
            .allowed_mentions(CreateAllowedMentions::new());
        edit = match (preview, cancellable) {
            // The new preview replaces the last one (the attachments not listed go).
            (Some(jpeg), _) => edit.new_attachment(CreateAttachment::bytes(jpeg.to_vec(), PREVIEW_FILE)),
            // The job ended: its preview goes with it.
            (None, false) => edit.clear_attachments(),
            (None, true) => edit,
        };
        self.edit(job, edit).await?;
        Ok(())
    }

    async fn deliver(&self, job: &StoredJob, spec: &JobSpec, finished: &FinishedJob) -> Result<Receipt, DeliveryError> {
        let lang = self.lang(job);
        let embed: CreateEmbed = render::result_embed(lang, &job.request, spec, finished);
        let files = render::attachments(&job.request, finished);
        let rows = buttons::rows_for(lang, &job.request.id.0, spec, finished);
        let mut sent = None;
        if self.token_valid(job) {
            let edit = EditInteractionResponse::new()
                .content("")
                .components(rows.clone())
                .embed(embed.clone())
                .allowed_mentions(CreateAllowedMentions::new());
            match self.edit(job, with_files(edit, &files, EditInteractionResponse::new_attachment)).await {
                Ok(message) => sent = Some(message),
                Err(e) if token_gone(&e) => {
                    warn!(job = %job.request.id, error = %e, "the interaction token no longer works; posting in the channel")
                }
                Err(e) => return Err(e.into()),
            }
        }
        let message = match (sent, &job.request.community) {
            (Some(message), _) => message,
            (None, Some(community)) => self.post_in_gallery(job, community, embed, rows, &files).await?,
            (None, None) => {
                let post = CreateMessage::new()
                    .content(t!(lang, "result-ready", member = member(job.request.requester.user_id)))
                    .embed(embed)
                    .components(rows);
                let post = with_files(once(post, job), &files, CreateMessage::add_file);
                if job.request.private {
                    // A private result never goes to the channel: by direct message only.
                    self.direct_message(job.request.requester.user_id, post).await?
                } else {
                    self.post_elsewhere(job, post).await?
                }
            }
        };
        if message.attachments.len() < finished.images.len() {
            let kept = message.attachments.len();
            return Err(format!("Discord kept {kept} of {} images", finished.images.len()).into());
        }
        Ok(Receipt {
            message_id: Some(message.id.get()),
            channel_id: Some(message.channel_id.get()),
            attachment_urls: message.attachments.iter().map(|a| a.url.clone()).collect(),
        })
    }

    fn failure_words(&self, job: &StoredJob, failure: &crate::jobs::error::JobError) -> String {
        super::words::failure::said(self.lang(job), failure)
    }

    async fn explain(&self, job: &StoredJob, failure: &crate::jobs::error::JobError) {
        self.tell(job, &super::words::failure::told(self.lang(job), &job.request, failure)).await;
    }
}

/// A job's result post made at most once: Discord's `nonce` (the job's id, a snowflake of at most 25
/// characters) with `enforce_nonce`, so a retry after a lost answer or a crash returns the message
/// already posted instead of posting it again.
fn once(post: CreateMessage, job: &StoredJob) -> CreateMessage {
    only_once(post, &job.request.id.0)
}

/// `post` made at most once under `nonce` (Discord's limit is 25 characters: a longer one is not
/// sent, and the post is then an ordinary one).
pub(super) fn only_once(post: CreateMessage, nonce: &str) -> CreateMessage {
    if nonce.is_empty() || nonce.len() > 25 {
        return post;
    }
    post.nonce(serenity::all::Nonce::String(nonce.to_owned())).enforce_nonce(true)
}
