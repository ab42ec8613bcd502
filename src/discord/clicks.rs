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

use super::buttons::{ResultButton, EDIT_MODAL, GENERATE_MODAL, IMAGE_INPUT, INSTRUCTION_INPUT, PROMPT_INPUT};
use super::words::Lang;
use super::{ask_for_job, canceller, commands, Asked, Origin, Services};
use crate::discord::words::t;
use crate::domain::request::{Command, JobId, JobRequest, SourceImage};
use crate::jobs::iterate::{attachment_index, follow_up, Action, Click};
use crate::jobs::queue::StoredJob;

/// Answers a click on one of a result's buttons.
pub(super) async fn result_clicked(
    http: &Arc<Http>,
    services: &Services,
    click: &ComponentInteraction,
    button: ResultButton,
    job_id: &str,
) {
    let asked = Asked::Click(click);
    let lang = asked.lang(services);
    let Some(original) = services.jobs.stored(&job_id.into()).await else {
        return asked.reply_ephemeral(http, &t!(lang, "click-not-on-record")).await;
    };
    if let Err(refusal) = may_click(click, &original) {
        return asked.reply_ephemeral(http, &refusal(lang)).await;
    }
    let action = match button {
        ResultButton::Delete => return delete(http, services, click, &original).await,
        ResultButton::Edit => return open_edit_modal(http, lang, click, &original).await,
        ResultButton::Use(k) => return open_generate_modal(http, lang, click, &original, k).await,
        ResultButton::Reroll => Action::Reroll,
        ResultButton::Enhance => {
            Action::Enhance { seed: original.result.as_ref().and_then(|r| r.seeds.first().copied()) }
        }
        ResultButton::Vary(_) => Action::Vary,
        ResultButton::Hd(_) => Action::Hd,
        ResultButton::Extend(extension) => Action::Extend(extension),
        ResultButton::Creative => Action::Creative,
    };
    let image = match button {
        ResultButton::Extend(_) | ResultButton::Creative => match image_of(&click.message, &original, 1) {
            Some(image) => Some(image),
            None => return asked.reply_ephemeral(http, &t!(lang, "edit-no-such-image", number = 1)).await,
        },
        ResultButton::Vary(k) | ResultButton::Hd(k) => match image_of(&click.message, &original, k) {
            Some(image) => Some(image),
            None => return asked.reply_ephemeral(http, &t!(lang, "edit-no-such-image", number = k)).await,
        },
        _ => None,
    };
    let request = follow_up(&original.request, action, the_click(asked, asked.server(), image));
    ask_for_job(http, services, asked, request, Origin::Click).await;
}

/// A click acts only on the job of the message clicked (the message carries the very button), in that
/// job's own server, and on a private job only for its requester.
fn may_click(click: &ComponentInteraction, original: &StoredJob) -> Result<(), Refusal> {
    let carried = click.message.components.iter().flat_map(|row| &row.components).any(|component| {
        matches!(component, ActionRowComponent::Button(b)
            if matches!(&b.data, serenity::all::ButtonKind::NonLink { custom_id, .. } if *custom_id == click.data.custom_id))
    });
    if !carried {
        return Err(|lang| t!(lang, "click-not-on-record"));
    }
    may_act_on(original, Asked::Click(click).server(), click.user.id)
}

/// Why a click does nothing, in the clicker's language.
type Refusal = fn(Lang) -> String;

/// Whether `user`, asking for `server`'s job (`None`: their own), may act on `original`: only in the
/// job's own server; on a private job or a member's own job, only its requester.
fn may_act_on(original: &StoredJob, server: Option<GuildId>, user: UserId) -> Result<(), Refusal> {
    if original.request.requester.guild_id != server.map(GuildId::get) {
        return Err(|lang| t!(lang, "click-other-server"));
    }
    let personal = original.request.requester.guild_id.is_none();
    if (original.request.private || personal) && original.request.requester.user_id != user.get() {
        return Err(|lang| t!(lang, "click-private"));
    }
    Ok(())
}

/// Who clicked (a button, or the Edit form's submit) for `server`'s job (`None`: their own), and the
/// image they chose.
fn the_click(asked: Asked<'_>, server: Option<GuildId>, image: Option<SourceImage>) -> Click {
    let roles = server.map(|_| asked.roles());
    let message = match asked {
        Asked::Click(c) => Some(&c.message),
        Asked::Modal(m) => m.message.as_ref(),
        Asked::Command(_) => None,
    };
    Click {
        id: JobId(asked.id().to_string()),
        requester: commands::requester_of(asked.user().id, server, asked.channel(), roles, asked.locale()),
        upload_limit: asked.upload_limit(),
        image,
        message: message.map(|m| (m.channel_id.get(), m.id.get())),
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
    let lang = asked.lang(services);
    let by = canceller(http, services, asked).await;
    if !services.jobs.may_delete(original, by) {
        return asked.reply_ephemeral(http, &t!(lang, "delete-not-yours")).await;
    }
    if click.message.flags.is_some_and(|f| f.contains(serenity::all::MessageFlags::EPHEMERAL)) {
        // A private result cannot be deleted, only emptied.
        let emptied = CreateInteractionResponseMessage::new()
            .content(t!(lang, "delete-done"))
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
        Ok(()) => asked.reply_ephemeral(http, &t!(lang, "delete-done")).await,
        Err(e) => {
            warn!(job = %original.request.id, error = %e, "could not delete a result");
            asked.reply_ephemeral(http, &t!(lang, "delete-failed")).await;
        }
    }
}

/// Opens the modal asking what to change (and in which image, when there are several).
async fn open_edit_modal(http: &Http, lang: Lang, click: &ComponentInteraction, original: &StoredJob) {
    let images = original.result.as_ref().map_or(1, |r| r.files.len());
    let images = if original.request.command == crate::domain::request::Command::Styles {
        images.saturating_sub(1)
    } else {
        images
    };
    let mut rows = vec![CreateActionRow::InputText(
        CreateInputText::new(InputTextStyle::Paragraph, t!(lang, "edit-modal-instruction"), INSTRUCTION_INPUT)
            .placeholder(t!(lang, "edit-modal-placeholder"))
            .max_length(1000)
            .required(true),
    )];
    if images > 1 {
        rows.push(CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Short, t!(lang, "edit-modal-which", count = images), IMAGE_INPUT)
                .value("1")
                .max_length(2)
                .required(true),
        ));
    }
    let title = t!(lang, "edit-modal-title");
    let modal = CreateModal::new(format!("{EDIT_MODAL}{}", original.request.id), title).components(rows);
    if let Err(e) = Asked::Click(click).respond(http, CreateInteractionResponse::Modal(modal)).await {
        warn!(error = %e, "could not open the Edit modal");
    }
}

/// Turns the Edit modal's submission into an edit job of the chosen image.
pub(super) async fn edit_submitted(http: &Arc<Http>, services: &Services, modal: &ModalInteraction) {
    let Some(job_id) = modal.data.custom_id.strip_prefix(EDIT_MODAL) else { return };
    let asked = Asked::Modal(modal);
    let lang = asked.lang(services);
    let Some(original) = services.jobs.stored(&job_id.into()).await else {
        return asked.reply_ephemeral(http, &t!(lang, "click-not-on-record")).await;
    };
    // A modal carries no installation: the job's own scope, in the server it was asked in (one Easel
    // still works in).
    let server = original.request.requester.guild_id.map(GuildId::new);
    if server.is_some_and(|s| !services.trust.serves(s.get())) {
        return asked.reply_ephemeral(http, &t!(lang, "not-enabled")).await;
    }
    if server.is_some_and(|s| modal.guild_id != Some(s)) || may_act_on(&original, server, modal.user.id).is_err() {
        return asked.reply_ephemeral(http, &t!(lang, "click-not-on-record")).await;
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
            _ => return asked.reply_ephemeral(http, &t!(lang, "edit-which-number")).await,
        },
    };
    let image = modal.message.as_deref().and_then(|message| image_of(message, &original, k));
    let Some(image) = image else {
        return asked.reply_ephemeral(http, &t!(lang, "edit-no-such-image", number = k)).await;
    };
    let request = follow_up(&original.request, Action::Edit { instruction }, the_click(asked, server, Some(image)));
    ask_for_job(http, services, asked, request, Origin::Click).await;
}

/// Opens `/generate`'s form with prompt suggestion `k` (from 1) of a description, to change or send.
async fn open_generate_modal(http: &Http, lang: Lang, click: &ComponentInteraction, original: &StoredJob, k: usize) {
    let suggestion = original.result.as_ref().and_then(|r| r.suggestions.get(k - 1));
    let Some(suggestion) = suggestion else {
        return Asked::Click(click).reply_ephemeral(http, &t!(lang, "click-not-on-record")).await;
    };
    let prompt = CreateInputText::new(InputTextStyle::Paragraph, t!(lang, "generate-modal-prompt"), PROMPT_INPUT)
        .value(suggestion.clone())
        .max_length(4000)
        .required(true);
    let title = t!(lang, "generate-modal-title");
    let modal = CreateModal::new(format!("{GENERATE_MODAL}{}", original.request.id), title)
        .components(vec![CreateActionRow::InputText(prompt)]);
    if let Err(e) = Asked::Click(click).respond(http, CreateInteractionResponse::Modal(modal)).await {
        warn!(error = %e, "could not open the Generate form");
    }
}

/// Turns `/generate`'s form, opened from a description, into a generate job in the description's
/// scope; `None` when the modal is not that form.
pub(super) async fn generate_submitted(http: &Arc<Http>, services: &Services, modal: &ModalInteraction) -> Option<()> {
    let job_id = modal.data.custom_id.strip_prefix(GENERATE_MODAL)?;
    let asked = Asked::Modal(modal);
    let lang = asked.lang(services);
    let original = services.jobs.stored(&job_id.into()).await;
    let server = original.as_ref().and_then(|o| o.request.requester.guild_id).map(GuildId::new);
    let allowed = original
        .as_ref()
        .filter(|_| server.is_none_or(|s| modal.guild_id == Some(s) && services.trust.serves(s.get())))
        .filter(|o| may_act_on(o, server, modal.user.id).is_ok());
    let Some(original) = allowed else {
        asked.reply_ephemeral(http, &t!(lang, "click-not-on-record")).await;
        return Some(());
    };
    let prompt = modal.data.components.iter().flat_map(|row| &row.components).find_map(|c| match c {
        ActionRowComponent::InputText(input) if input.custom_id == PROMPT_INPUT => input.value.clone(),
        _ => None,
    });
    let click = the_click(asked, server, None);
    let mut request = JobRequest::new(click.id, Command::Generate, click.requester, click.upload_limit);
    request.prompt = prompt;
    request.parent = Some(original.request.id.clone());
    request.parent_message = click.message;
    ask_for_job(http, services, asked, request, Origin::Command).await;
    Some(())
}
