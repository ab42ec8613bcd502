//! Message commands, from a message's Apps menu: "Vary with Easel" makes a variation of the message's
//! image, "Describe with Easel" turns it into prompt suggestions and "Edit with Easel" asks in a modal
//! what to change. A message with several images first gets
//! a private row of numbered buttons. Each becomes a job through the same path as a slash command
//! (admission, limits, policy, queue, ledger and log), in the scope the menu was used in.
//!
//! Discord sends the message's images only with the menu's interaction, and a modal's submission
//! carries neither them nor where the member installed Easel: both are kept in memory for the
//! interaction token's lifetime, bounded, under the menu interaction's id.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serenity::all::{
    ActionRowComponent, ButtonStyle, CommandInteraction, ComponentInteraction, CreateActionRow, CreateButton,
    CreateInputText, CreateInteractionResponse, CreateModal, InputTextStyle, ModalInteraction,
};
use serenity::http::Http;
use tracing::warn;

use super::buttons::INSTRUCTION_INPUT;
use super::commands::{self, DESCRIBE_MESSAGE, EDIT_MESSAGE, VARY_MESSAGE};
use super::{ask_for_job, Asked, Origin, Services, TOKEN_LIFETIME};
use crate::discord::words::t;
use crate::domain::request::{Command, JobId, JobRequest, Requester, SourceImage};

/// The `custom_id` prefix of a menu's image buttons: `easel-menu:{edit|vary}:{key}:{k}`.
const PICK: &str = "easel-menu:";
/// The `custom_id` prefix of the menu's Edit modal: `easel-menu-edit:{key}:{k}`.
const EDIT_FORM: &str = "easel-menu-edit:";
/// The most menus remembered at once (the oldest forgotten first).
const MAX_PENDING: usize = 1000;
/// The most images of one message offered (Discord's attachments a message).
const MAX_IMAGES: usize = 10;

/// What a menu asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Edit,
    Vary,
    Describe,
}

impl Action {
    fn key(self) -> &'static str {
        match self {
            Self::Edit => "edit",
            Self::Vary => "vary",
            Self::Describe => "describe",
        }
    }

    /// The job an image is put to, once chosen (an edit waits for its modal first).
    fn command(self) -> Command {
        match self {
            Self::Edit => Command::Edit,
            Self::Vary => Command::Variation,
            Self::Describe => Command::Describe,
        }
    }
}

/// A menu used on a message, remembered until its choice or modal comes back.
#[derive(Debug, Clone)]
struct Menu {
    images: Vec<SourceImage>,
    /// Who used it and in whose scope (their server's, or their own).
    requester: Requester,
    /// Whether its answers are the member's alone (Discord forces them so, or their choice).
    private: bool,
    upload_limit: u64,
    until: DateTime<Utc>,
}

/// The menus awaiting a choice or a modal, by the menu interaction's id.
#[derive(Default)]
pub struct Menus {
    pending: Mutex<HashMap<String, Menu>>,
}

impl Menus {
    fn keep(&self, key: String, menu: Menu, now: DateTime<Utc>) {
        let mut pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.retain(|_, m| m.until > now);
        if pending.len() >= MAX_PENDING {
            if let Some(oldest) = pending.iter().min_by_key(|(_, m)| m.until).map(|(k, _)| k.clone()) {
                pending.remove(&oldest);
            }
        }
        pending.insert(key, menu);
    }

    fn get(&self, key: &str, now: DateTime<Utc>) -> Option<Menu> {
        let pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.get(key).filter(|m| m.until > now).cloned()
    }
}

/// The images of a message Easel may work on: its image attachments, in order.
fn images_of(message: &serenity::all::Message) -> Vec<SourceImage> {
    let is_image = |a: &&serenity::all::Attachment| {
        a.content_type.as_deref().is_some_and(|t| t.starts_with("image/"))
            || [".png", ".jpg", ".jpeg", ".webp"].iter().any(|ext| a.filename.to_lowercase().ends_with(ext))
    };
    message.attachments.iter().filter(is_image).take(MAX_IMAGES).map(commands::source_of).collect()
}

/// Answers "Edit with Easel" or "Vary with Easel" on a message.
pub(super) async fn used(http: &Arc<Http>, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let lang = asked.lang(services);
    let action = match command.data.name.as_str() {
        EDIT_MESSAGE => Action::Edit,
        DESCRIBE_MESSAGE => Action::Describe,
        _ => Action::Vary,
    };
    let message = command.data.target_id.and_then(|id| command.data.resolved.messages.get(&id.to_message_id()));
    let images = message.map(images_of).unwrap_or_default();
    if images.is_empty() {
        return asked.reply_ephemeral(http, &t!(lang, "menu-no-image")).await;
    }
    let menu = Menu {
        images,
        requester: commands::requester(command),
        private: asked.forced_private(),
        upload_limit: asked.upload_limit(),
        until: services.clock.now() + TOKEN_LIFETIME,
    };
    let key = command.id.to_string();
    let several = menu.images.len() > 1;
    services.menus.keep(key.clone(), menu.clone(), services.clock.now());
    match (several, action) {
        (true, _) => {
            let buttons: Vec<CreateButton> = (1..=menu.images.len())
                .map(|k| {
                    CreateButton::new(format!("{PICK}{}:{key}:{k}", action.key()))
                        .label(t!(lang, "menu-image-numbered", number = k))
                        .style(ButtonStyle::Secondary)
                })
                .collect();
            let rows = buttons.chunks(5).map(|row| CreateActionRow::Buttons(row.to_vec())).collect();
            asked.reply_ephemeral_with(http, &t!(lang, "menu-which-image"), rows).await;
        }
        (false, Action::Edit) => open_form(http, asked, lang, &key, 1).await,
        (false, _) => put_to(http, services, asked, &menu, action, 0).await,
    }
}

/// Answers a click on a menu's image button; `None` when the click is not one.
pub(super) async fn picked(http: &Arc<Http>, services: &Services, click: &ComponentInteraction) -> Option<()> {
    let rest = click.data.custom_id.strip_prefix(PICK)?;
    let mut parts = rest.splitn(3, ':');
    let (action, key, k) = (parts.next()?, parts.next()?, parts.next()?.parse::<usize>().ok()?);
    let asked = Asked::Click(click);
    let lang = asked.lang(services);
    let Some(menu) = services.menus.get(key, services.clock.now()) else {
        asked.reply_ephemeral(http, &t!(lang, "menu-expired")).await;
        return Some(());
    };
    if menu.requester.user_id != click.user.id.get() || !(1..=menu.images.len()).contains(&k) {
        asked.reply_ephemeral(http, &t!(lang, "click-not-on-record")).await;
        return Some(());
    }
    match action {
        "edit" => open_form(http, asked, lang, key, k).await,
        "describe" => put_to(http, services, asked, &menu, Action::Describe, k - 1).await,
        _ => put_to(http, services, asked, &menu, Action::Vary, k - 1).await,
    }
    Some(())
}

/// Opens the modal asking what to change in image `k` (from 1) of menu `key`.
async fn open_form(http: &Http, asked: Asked<'_>, lang: super::words::Lang, key: &str, k: usize) {
    let row = CreateActionRow::InputText(
        CreateInputText::new(InputTextStyle::Paragraph, t!(lang, "edit-modal-instruction"), INSTRUCTION_INPUT)
            .placeholder(t!(lang, "edit-modal-placeholder"))
            .max_length(1000)
            .required(true),
    );
    let modal = CreateModal::new(format!("{EDIT_FORM}{key}:{k}"), t!(lang, "edit-modal-title")).components(vec![row]);
    if let Err(e) = asked.respond(http, CreateInteractionResponse::Modal(modal)).await {
        warn!(error = %e, "could not open the Edit modal of a message");
    }
}

/// Turns the menu's Edit modal into an edit job; `None` when the modal is not the menu's.
pub(super) async fn submitted(http: &Arc<Http>, services: &Services, modal: &ModalInteraction) -> Option<()> {
    let (key, k) = modal.data.custom_id.strip_prefix(EDIT_FORM)?.split_once(':')?;
    let k = k.parse::<usize>().ok()?;
    let asked = Asked::Modal(modal);
    let Some(menu) =
        services.menus.get(key, services.clock.now()).filter(|m| m.requester.user_id == modal.user.id.get())
    else {
        asked.reply_ephemeral(http, &t!(asked.lang(services), "menu-expired")).await;
        return Some(());
    };
    let instruction = modal.data.components.iter().flat_map(|row| &row.components).find_map(|c| match c {
        ActionRowComponent::InputText(input) if input.custom_id == INSTRUCTION_INPUT => input.value.clone(),
        _ => None,
    });
    let mut request = request(asked, &menu, Command::Edit, k.saturating_sub(1));
    request.prompt = instruction;
    ask_for_job(http, services, asked, request, Origin::Command).await;
    Some(())
}

/// Puts image `index` (from 0) of `menu` to `action`'s job, asked by `asked`.
async fn put_to(http: &Arc<Http>, services: &Services, asked: Asked<'_>, menu: &Menu, action: Action, index: usize) {
    let request = request(asked, menu, action.command(), index);
    ask_for_job(http, services, asked, request, Origin::Command).await;
}

/// A job on image `index` of `menu`, its id the interaction that asks for it.
fn request(asked: Asked<'_>, menu: &Menu, command: Command, index: usize) -> JobRequest {
    let mut request =
        JobRequest::new(JobId(asked.id().to_string()), command, menu.requester.clone(), menu.upload_limit);
    request.source = menu.images.get(index).cloned();
    request.private = menu.private;
    request
}

/// Whether `name` is a message command of Easel's.
pub(super) fn is_menu(name: &str) -> bool {
    [EDIT_MESSAGE, VARY_MESSAGE, DESCRIBE_MESSAGE].contains(&name)
}
