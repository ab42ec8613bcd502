//! Delivery through an interaction: the deferred answer is edited to hold the images and the embed.

use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use serenity::all::{CommandInteraction, CreateAllowedMentions, EditInteractionResponse, Message};
use serenity::async_trait;
use serenity::http::{Http, HttpError};
use tracing::warn;

use super::render;
use crate::job::{JobRequest, JobSpec};
use crate::pipeline::{Delivery, DeliveryError, FinishedJob, Receipt};

/// Delivers a job into the deferred answer of the interaction that asked for it.
pub struct InteractionDelivery {
    http: Arc<Http>,
    command: CommandInteraction,
}

impl InteractionDelivery {
    /// Delivery for `command`, whose deferral has been sent.
    pub fn new(http: Arc<Http>, command: CommandInteraction) -> Self {
        Self { http, command }
    }
}

/// Whether Discord may accept the same edit on a later try: rate limits and its own outages.
pub(super) fn is_retryable(error: &serenity::Error) -> bool {
    match error {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => {
            response.status_code.as_u16() == 429 || response.status_code.is_server_error()
        }
        serenity::Error::Http(HttpError::Request(_)) => true,
        _ => false,
    }
}

#[async_trait]
impl Delivery for InteractionDelivery {
    async fn deliver(&self, request: &JobRequest, spec: &JobSpec, job: &FinishedJob) -> Result<Receipt, DeliveryError> {
        let embed = render::result_embed(request, spec, job);
        let files = render::attachments(request, job);
        let edit = || {
            let builder = files.iter().cloned().fold(
                EditInteractionResponse::new().embed(embed.clone()).allowed_mentions(CreateAllowedMentions::new()),
                EditInteractionResponse::new_attachment,
            );
            self.command.edit_response(&self.http, builder)
        };
        // serenity does not hand over a 429's Retry-After here, so back off long enough to outlast one:
        // 0.5 + 1 + 2 + 4 + 8 seconds, well inside the interaction token's 15 minutes.
        let backoff = ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(500))
            .with_max_delay(Duration::from_secs(8))
            .with_max_times(5);
        let message: Message = edit
            .retry(backoff)
            .sleep(tokio::time::sleep)
            .when(is_retryable)
            .notify(|e, wait| warn!(job = %request.id, error = %e, ?wait, "Discord refused the upload, retrying"))
            .await?;
        if message.attachments.len() < job.images.len() {
            return Err(format!("Discord kept {} of {} images", message.attachments.len(), job.images.len()).into());
        }
        Ok(Receipt {
            message_id: Some(message.id.get()),
            attachment_urls: message.attachments.iter().map(|a| a.url.clone()).collect(),
        })
    }
}
