//! [`DiscordBoard`]: the desk's `Board` port over Discord: request cards posted and redrawn in the
//! server's language, requesters told of a denial in theirs.

use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use serenity::all::{ChannelId, CreateAllowedMentions, CreateMessage, EditMessage, MessageId};
use serenity::async_trait;
use serenity::http::Http;
use tracing::warn;

use super::languages::Languages;
use super::requests::{card_embed, card_rows, REFERENCE_FILE};
use super::words::{self, Lang};
use crate::desk::board::Reference;
use crate::desk::{Board, CommunityRequest};

/// Cards and requesters in Discord.
pub struct DiscordBoard {
    http: Arc<Http>,
    languages: Arc<Languages>,
}

impl DiscordBoard {
    /// A board over the connected client's `http`, writing cards in each server's language.
    pub fn new(http: Arc<Http>, languages: Arc<Languages>) -> Self {
        Self { http, languages }
    }

    /// The language of `request`'s server (its card is read by everyone there).
    fn server(&self, request: &CommunityRequest) -> Lang {
        self.languages.server(request.request.requester.guild_id)
    }
}

#[async_trait]
impl Board for DiscordBoard {
    async fn post_card(
        &self,
        channel_id: u64,
        request: &CommunityRequest,
        reference: Option<&Reference>,
    ) -> Result<u64, String> {
        let lang = self.server(request);
        let mut message = CreateMessage::new()
            .embed(card_embed(lang, request))
            .components(card_rows(lang, request))
            .allowed_mentions(CreateAllowedMentions::new());
        if let Some(reference) = reference {
            message = message.add_file(serenity::all::CreateAttachment::bytes(reference.png.clone(), REFERENCE_FILE));
        }
        // One card a request: retried through Discord's hiccups, and a retry after a lost answer
        // returns the card already posted.
        let message = super::delivery::only_once(message, &format!("card{}", request.id));
        let send = || ChannelId::new(channel_id).send_message(&self.http, message.clone());
        let backoff = ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(500))
            .with_max_delay(Duration::from_secs(5))
            .with_max_times(3);
        let posted = send
            .retry(backoff)
            .sleep(tokio::time::sleep)
            .when(super::delivery::is_retryable)
            .await
            .map_err(|e| e.to_string())?;
        Ok(posted.id.get())
    }

    async fn update_card(&self, request: &CommunityRequest) {
        let Some((channel, message)) = request.card else { return };
        let lang = self.server(request);
        let edit = EditMessage::new()
            .embed(card_embed(lang, request))
            .components(card_rows(lang, request))
            .allowed_mentions(CreateAllowedMentions::new());
        if let Err(e) = ChannelId::new(channel).edit_message(&self.http, MessageId::new(message), edit).await {
            warn!(request = %request.id, error = %e, "could not redraw a request card");
        }
    }

    async fn tell_denied(&self, request: &CommunityRequest, fallback_channel: u64, reason: &str) {
        let fallback = ChannelId::new(fallback_channel);
        let text = words::desk::denied_to_requester(self.languages.of_request(&request.request), request, reason);
        if let Err(e) = super::delivery::tell_member(&self.http, request.user_id(), fallback, &text).await {
            warn!(request = %request.id, error = %e, "could not tell the requester");
        }
    }
}
