//! The buttons under a result, as Discord delivers their clicks: Re-roll, Vary k and HD k become new
//! jobs through the same path as a slash command; Edit opens a modal whose submission becomes a job;
//! Delete removes the result for its requester or a moderator (checked server-side, from the store).

use std::sync::Arc;

use serenity::all::{
    ActionRowComponent, ComponentInteraction, CreateActionRow, CreateAllowedMentions, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal, GuildId, InputTextStyle, Message,
    ModalInteraction, UserId,
};
use serenity::http::Http;
use tracing::warn;

use super::buttons::{ResultButton, EDIT_MODAL, IMAGE_INPUT, INSTRUCTION_INPUT};
use super::{ask_for_job, canceller, commands, words, Asked, Origin, Services, SERVERS_ONLY};
use crate::domain::request::{JobId, SourceImage};
use crate::jobs::iterate::{attachment_index, follow_up, Action, Click};
use crate::jobs::queue::StoredJob;

/// Said when a button's job is not in the store (never existed, or removed).
const NOT_ON_RECORD: &str = "I no longer have that result on record, so its buttons cannot work. \
     Please ask again with `/generate`.";

/// Answers a click on one of a result's buttons.
pub(super) async fn result_clicked(
    http: &Arc<Http>,
    services: &Services,
    click: &ComponentInteraction,
    button: ResultButton,
    job_id: &str,
) {
    let asked = Asked::Click(click);
    if click.guild_id.is_none() {
        return asked.reply_ephemeral(http, SERVERS_ONLY).await;
    }
    let Some(original) = services.jobs.stored(&job_id.into()).await else {
        return asked.reply_ephemeral(http, NOT_ON_RECORD).await;
    };
    if let Err(text) = may_click(click, &original) {
        return asked.reply_ephemeral(http, text).await;
    }
    let action = match button {
        ResultButton::Delete => return delete(http, services, click, &original).await,
        ResultButton::Edit => return open_edit_modal(http, click, &original).await,
        ResultButton::Reroll => Action::Reroll,
        ResultButton::Vary(_) => Action::Vary,
        ResultButton::Hd(_) => Action::Hd,
    };
    let image = match button {
        ResultButton::Vary(k) | ResultButton::Hd(k) => match image_of(&click.message, &original, k) {
            Some(image) => Some(image),
            None => return asked.reply_ephemeral(http, &format!("I can't find image {k} on that message.")).await,
        },
        _ => None,
    };
    let request = follow_up(&original.request, action, the_click(Asked::Click(click), image));
    ask_for_job(http, services, asked, request, Origin::Click).await;
}

/// A click acts only on the job of the message clicked (the message carries the very button), in that
/// job's own server, and on a private job only for its requester.
fn may_click(click: &ComponentInteraction, original: &StoredJob) -> Result<(), &'static str> {
    let carried = click.message.components.iter().flat_map(|row| &row.components).any(|component| {
        matches!(component, ActionRowComponent::Button(b)
            if matches!(&b.data, serenity::all::ButtonKind::NonLink { custom_id, .. } if *custom_id == click.data.custom_id))
    });
    if !carried {
        return Err(NOT_ON_RECORD);
    }
    may_act_on(original, click.guild_id, click.user.id)
}

/// Whether `user`, in `guild`, may act on `original`: only in the job's own server, and on a private
/// job only its requester.
fn may_act_on(original: &StoredJob, guild: Option<GuildId>, user: UserId) -> Result<(), &'static str> {
    if original.request.requester.guild_id != guild.map(GuildId::get) {
        return Err("That result belongs to another server, so its buttons work only there.");
    }
    if original.request.private && original.request.requester.user_id != user.get() {
        return Err("That result is private to the member who asked for it.");
    }
    Ok(())
}

/// Who clicked (a button, or the Edit form's submit), and the image they chose.
fn the_click(asked: Asked<'_>, image: Option<SourceImage>) -> Click {
    Click {
        id: JobId(asked.id().to_string()),
        requester: commands::requester_of(asked.user().id, asked.guild(), asked.channel(), Some(asked.roles())),
        upload_limit: asked.upload_limit(),
        image,
    }
}

/// Image `k` (from 1) of a result message, as an upload Easel may download from Discord.
fn image_of(message: &Message, original: &StoredJob, k: usize) -> Option<SourceImage> {
    let attachment = message.attachments.get(attachment_index(original.request.command, k))?;
    Some(commands::source_of(attachment))
}

/// Deletes the result for its requester or a moderator; anybody else is told privately.
async fn delete(http: &Http, services: &Services, click: &ComponentInteraction, original: &StoredJob) {
    let asked = Asked::Click(click);
    let by = canceller(http, services, asked).await;
    if !services.jobs.may_delete(original, by) {
        return asked.reply_ephemeral(http, words::progress::NOT_YOURS_TO_DELETE).await;
    }
    if click.message.flags.is_some_and(|f| f.contains(serenity::all::MessageFlags::EPHEMERAL)) {
        // A private result cannot be deleted, only emptied.
        let emptied = CreateInteractionResponseMessage::new()
            .content("Deleted.")
            .embeds(Vec::new())
            .components(Vec::new())
            .files(Vec::new())
            .allowed_mentions(CreateAllowedMentions::new());
        if let Err(e) = asked.respond(http, CreateInteractionResponse::UpdateMessage(emptied)).await {
            warn!(error = %e, "could not empty a private result");
        }
        return;
    }
    match click.message.delete(http).await {
        Ok(()) => asked.reply_ephemeral(http, "Deleted.").await,
        Err(e) => {
            warn!(job = %original.request.id, error = %e, "could not delete a result");
            asked.reply_ephemeral(http, "I couldn't delete that message. Please try again in a moment.").await;
        }
    }
}

/// Opens the modal asking what to change (and in which image, when there are several).
async fn open_edit_modal(http: &Http, click: &ComponentInteraction, original: &StoredJob) {
    let images = original.result.as_ref().map_or(1, |r| r.files.len());
    let images = if original.request.command == crate::domain::request::Command::Styles {
        images.saturating_sub(1)
    } else {
        images
    };
    let mut rows = vec![CreateActionRow::InputText(
        CreateInputText::new(InputTextStyle::Paragraph, "What should change?", INSTRUCTION_INPUT)
            .placeholder("e.g. give the fox a red scarf")
            .max_length(1000)
            .required(true),
    )];
    if images > 1 {
        rows.push(CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Short, format!("Which image (1 to {images})?"), IMAGE_INPUT)
                .value("1")
                .max_length(2)
                .required(true),
        ));
    }
    let modal = CreateModal::new(format!("{EDIT_MODAL}{}", original.request.id), "Edit this image").components(rows);
    if let Err(e) = Asked::Click(click).respond(http, CreateInteractionResponse::Modal(modal)).await {
        warn!(error = %e, "could not open the Edit modal");
    }
}

/// Turns the Edit modal's submission into an edit job of the chosen image.
pub(super) async fn edit_submitted(http: &Arc<Http>, services: &Services, modal: &ModalInteraction) {
    let Some(job_id) = modal.data.custom_id.strip_prefix(EDIT_MODAL) else { return };
    let asked = Asked::Modal(modal);
    let Some(original) = services.jobs.stored(&job_id.into()).await else {
        return asked.reply_ephemeral(http, NOT_ON_RECORD).await;
    };
    if may_act_on(&original, modal.guild_id, modal.user.id).is_err() {
        return asked.reply_ephemeral(http, NOT_ON_RECORD).await;
    }
    let value = |id: &str| {
        modal.data.components.iter().flat_map(|row| &row.components).find_map(|c| match c {
            ActionRowComponent::InputText(input) if input.custom_id == id => input.value.clone(),
            _ => None,
        })
    };
    let instruction = value(INSTRUCTION_INPUT).unwrap_or_default();
    let k = match value(IMAGE_INPUT) {
        None => 1,
        Some(text) => match text.trim().parse::<usize>() {
            Ok(k) if k >= 1 => k,
            _ => return asked.reply_ephemeral(http, "Please give the image's number, such as 1 or 2.").await,
        },
    };
    let image = modal.message.as_deref().and_then(|message| image_of(message, &original, k));
    let Some(image) = image else {
        return asked.reply_ephemeral(http, &format!("I can't find image {k} on that message.")).await;
    };
    let request = follow_up(&original.request, Action::Edit { instruction }, the_click(asked, Some(image)));
    ask_for_job(http, services, asked, request, Origin::Click).await;
}
