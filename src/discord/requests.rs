//! The request board in Discord: `/request` and `/requests`, the card with its Approve, Deny and Vote
//! buttons, the Deny modal, and [`DiscordBoard`], which posts and redraws cards and tells requesters.

use std::sync::Arc;

use serenity::all::{
    ButtonStyle, ChannelType, CommandInteraction, CommandOptionType, ComponentInteraction, CreateActionRow,
    CreateAllowedMentions, CreateButton, CreateCommand, CreateCommandOption, CreateEmbed, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal, InputTextStyle, ModalInteraction,
};
use serenity::http::Http;
use tracing::warn;

use super::board::DiscordBoard;
use super::options::Options;
use super::words::{self, Lang};
use super::{commands, Asked, Services};
use crate::desk::board::{Decider, Reference, MAX_NOTE_CHARS};
use crate::desk::{Board, BoardSettings, CommunityRequest, Policy, RequestState, Sort};
use crate::discord::words::t;
use crate::domain::request::{Command, JobId, JobRequest};

/// The prefix of the card buttons' custom ids: `easel-req:{approve|deny|vote}:{request id}`.
const CARD: &str = "easel-req:";
/// The prefix of the Deny modal's custom id.
const DENY_MODAL: &str = "easel-req-deny:";
/// The Deny modal's reason input.
const REASON: &str = "reason";

/// `/request` and `/requests`.
pub fn definitions() -> Vec<CreateCommand> {
    let text = |name: &str, description: &str| CreateCommandOption::new(CommandOptionType::String, name, description);
    let request = CreateCommand::new("request")
        .description("Ask the community for an image: moderators approve, the server pays")
        .dm_permission(false)
        .add_option(text("prompt", "Describe the image you want").required(true).max_length(4000))
        .add_option(super::commands::attachment("reference", "A picture for reference"))
        .add_option(text("note", "A note for the moderators").max_length(MAX_NOTE_CHARS as u16));
    let sub =
        |name: &str, description: &str| CreateCommandOption::new(CommandOptionType::SubCommand, name, description);
    let channel = |description: &str| {
        CreateCommandOption::new(CommandOptionType::Channel, "channel", description)
            .required(true)
            .channel_types(vec![ChannelType::Text])
    };
    let requests = CreateCommand::new("requests")
        .description("The community request board")
        .dm_permission(false)
        .add_option(sub("list", "The open requests").add_sub_option(
            text("sort", "Order").add_string_choice("most votes", "votes").add_string_choice("oldest", "age"),
        ))
        .add_option(
            sub("channel", "Where request cards are posted (Manage Server)")
                .add_sub_option(channel("The requests channel")),
        )
        .add_option(
            sub("gallery", "Where approved results are posted (Manage Server)")
                .add_sub_option(channel("The gallery channel")),
        )
        .add_option(
            sub("moderators", "A role that may approve and deny requests (Manage Server)")
                .add_sub_option(CreateCommandOption::new(CommandOptionType::Role, "role", "The role").required(true)),
        )
        .add_option(
            sub("policy", "Which requests need approval first (Manage Server)")
                .add_sub_option(
                    text("mode", "Who needs approval")
                        .required(true)
                        .add_string_choice("nobody (off)", "off")
                        .add_string_choice("everyone", "everyone")
                        .add_string_choice("members without a role", "without_role")
                        .add_string_choice("requests over a cost", "over_cost"),
                )
                .add_sub_option(CreateCommandOption::new(
                    CommandOptionType::Role,
                    "role",
                    "For `members without a role`",
                ))
                .add_sub_option(
                    CreateCommandOption::new(CommandOptionType::Number, "usd", "For `requests over a cost`: USD")
                        .min_number_value(0.0)
                        .max_number_value(1000.0),
                ),
        );
    vec![request, requests]
}

/// Who acts, with their server-level rights.
async fn decider(http: &Http, services: &Services, asked: Asked<'_>, guild: u64) -> Decider {
    Decider {
        user_id: asked.user().id.get(),
        guild_id: guild,
        roles: asked.roles().iter().map(|r| r.get()).collect(),
        can_moderate: asked.authority(http, services).await.moderate,
    }
}

/// `/request prompt [reference] [note]`: deferred privately, then posted as a card. The member's block,
/// pause and cooldown apply; a reference is downloaded and checked like any upload, and the card shows
/// Easel's checked copy.
pub(super) async fn request(http: &Http, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let lang = asked.lang(services);
    if let Err(e) = asked.defer(http, true).await {
        return warn!(error = %e, "could not defer a community request");
    }
    let mut request = JobRequest::new(
        JobId(command.id.to_string()),
        Command::Generate,
        commands::requester(command),
        u64::from(command.attachment_size_limit),
    );
    let o = Options::of(command);
    request.prompt = o.string("prompt").map(str::to_owned);
    request.source = o.attachment("reference").map(commands::source_of);
    let note = o.string("note").map(str::to_owned);
    if let Some(guild) = request.requester.guild_id {
        match services.settings.read(guild, request.requester.user_id).await {
            Ok(saved) => saved.apply(&mut request, &services.jobs.admission().catalogue()),
            Err(e) => {
                warn!(error = %crate::text::chain(&e), "could not read the member's settings for a request")
            }
        }
    }
    request.private = false;
    request.requester.is_manager = asked.authority(http, services).await.manage;
    let reference = match &request.source {
        None => None,
        Some(source) => match services.jobs.checked_picture(source).await {
            Ok(png) => Some(Reference { png }),
            Err(e) => return asked.answer_deferred(http, &words::failure::said(lang, &e)).await,
        },
    };
    let text = match services.desk.submit(request, note, reference).await {
        Ok(channel) => words::desk::posted(lang, channel),
        Err(refusal) => words::desk::refused(lang, &refusal),
    };
    asked.answer_deferred(http, &text).await;
}

/// `/requests list|channel|gallery|moderators|policy`.
pub(super) async fn requests(http: &Http, services: &Services, command: &CommandInteraction) {
    let asked = Asked::Command(command);
    let lang = asked.lang(services);
    let Some(guild) = command.guild_id.map(|g| g.get()) else { return };
    let Some((name, o)) = Options::subcommand(command) else { return };
    if name == "list" {
        let sort = if o.string("sort") == Some("age") { Sort::Age } else { Sort::Votes };
        let text = match services.desk.list(guild, sort).await {
            Ok(open) if open.is_empty() => t!(lang, "desk-no-open"),
            Ok(open) => list_text(lang, guild, &open),
            Err(refusal) => words::desk::refused(lang, &refusal),
        };
        return asked.reply_ephemeral(http, &text).await;
    }
    if !asked.authority(http, services).await.manage {
        return asked.reply_ephemeral(http, &t!(lang, "desk-managers-only")).await;
    }
    let mut settings = services.desk.settings(guild).await;
    let text = match change(lang, &mut settings, &name, &o) {
        Ok(done) => match services.desk.save_settings(guild, &settings).await {
            Ok(()) => done,
            Err(refusal) => words::desk::refused(lang, &refusal),
        },
        Err(refusal) => refusal,
    };
    asked.reply_ephemeral(http, &text).await;
}

/// Applies one settings subcommand; returns what to say.
fn change(lang: Lang, settings: &mut BoardSettings, name: &str, o: &Options<'_>) -> Result<String, String> {
    let (channel, role, usd, mode) = (o.channel("channel"), o.role("role"), o.number("usd"), o.string("mode"));
    match name {
        "channel" => {
            settings.requests_channel = channel;
            Ok(t!(lang, "desk-channel-set", channel = words::channel(channel.unwrap_or_default())))
        }
        "gallery" => {
            settings.gallery_channel = channel;
            Ok(t!(lang, "desk-gallery-set", channel = words::channel(channel.unwrap_or_default())))
        }
        "moderators" => {
            settings.moderator_role = role;
            Ok(t!(lang, "desk-moderators-set", role = words::role(role.unwrap_or_default())))
        }
        "policy" => {
            settings.policy = match (mode, role, usd) {
                (Some("off"), _, _) => Policy::Off,
                (Some("everyone"), _, _) => Policy::Everyone,
                (Some("without_role"), Some(role), _) => Policy::WithoutRole { role },
                (Some("over_cost"), _, Some(usd)) if usd.is_finite() && (0.0..=1000.0).contains(&usd) => {
                    Policy::OverCost { usd }
                }
                (Some("without_role"), None, _) => return Err(t!(lang, "desk-need-role")),
                _ => return Err(t!(lang, "desk-need-cost")),
            };
            if settings.policy != Policy::Off && settings.requests_channel.is_none() {
                return Err(t!(lang, "desk-need-channel"));
            }
            Ok(policy_text(lang, settings.policy))
        }
        _ => Err(t!(lang, "unknown-subcommand")),
    }
}

fn policy_text(lang: Lang, policy: Policy) -> String {
    match policy {
        Policy::Off => t!(lang, "desk-policy-off"),
        Policy::Everyone => t!(lang, "desk-policy-everyone"),
        Policy::WithoutRole { role } => t!(lang, "desk-policy-without-role", role = words::role(role)),
        Policy::OverCost { usd } => t!(lang, "desk-policy-over-cost", usd = lang.money(usd, 2)),
    }
}

fn list_text(lang: Lang, guild: u64, open: &[CommunityRequest]) -> String {
    let lines: Vec<String> = open
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let prompt = crate::text::echo(r.request.prompt.as_deref().unwrap_or_default(), 80);
            let link =
                r.card.map_or_else(String::new, |(c, m)| format!(" · https://discord.com/channels/{guild}/{c}/{m}"));
            t!(
                lang,
                "desk-list-line",
                rank = i + 1,
                prompt = prompt,
                member = words::member(r.user_id()),
                votes = r.votes,
                usd = lang.money(r.estimate_usd, 3),
                when = words::relative(r.created_at),
                link = link
            )
        })
        .collect();
    crate::text::truncate(&format!("{}\n{}", t!(lang, "desk-list-heading"), lines.join("\n")), 2000)
}

/// The card, in the server's language: the request, who asked (pinging nobody), the note, the
/// estimate, the votes and the decision.
pub fn card_embed(lang: Lang, r: &CommunityRequest) -> CreateEmbed {
    let status = match (r.state, r.decided_by) {
        (RequestState::Open, _) => t!(lang, "card-waiting"),
        (RequestState::Approved, Some(m)) => t!(lang, "card-approved-by", moderator = words::member(m)),
        (RequestState::Denied, Some(m)) => {
            let reason = crate::text::echo(r.reason.as_deref().unwrap_or_default(), 900);
            t!(lang, "card-denied-by", moderator = words::member(m), reason = reason)
        }
        (_, None) => r.state.key().to_owned(),
    };
    let mut embed = CreateEmbed::new()
        .title(t!(lang, "card-title"))
        .colour(0x9B59B6)
        .description(crate::text::echo(r.request.prompt.as_deref().unwrap_or_default(), 4000))
        .field(t!(lang, "field-requested-by"), words::member(r.user_id()), true)
        .field(t!(lang, "card-estimated-cost"), lang.money(r.estimate_usd, 3), true)
        .field(t!(lang, "card-votes"), r.votes.to_string(), true)
        .field(t!(lang, "card-status"), crate::text::truncate(&status, 1024), false);
    if let Some(model) = &r.request.model {
        embed = embed.field(t!(lang, "field-model"), model.clone(), true);
    }
    if let Some(note) = &r.note {
        embed = embed.field(t!(lang, "card-note"), crate::text::echo(note, 1024), false);
    }
    if r.request.source.is_some() {
        // Easel's own checked copy, attached to the card: never the member's link.
        embed = embed.image(format!("attachment://{REFERENCE_FILE}"));
    }
    embed.footer(serenity::all::CreateEmbedFooter::new(t!(lang, "card-footer", request = r.id.to_string())))
}

/// The file name of a card's reference picture.
pub(super) const REFERENCE_FILE: &str = "reference.png";

/// The card's buttons while it is open.
pub fn card_rows(lang: Lang, r: &CommunityRequest) -> Vec<CreateActionRow> {
    if r.state != RequestState::Open {
        return Vec::new();
    }
    let button = |action: &str, label: String, style| {
        CreateButton::new(format!("{CARD}{action}:{}", r.id)).label(label).style(style)
    };
    vec![CreateActionRow::Buttons(vec![
        button("approve", t!(lang, "card-approve"), ButtonStyle::Success),
        button("deny", t!(lang, "card-deny"), ButtonStyle::Danger),
        button("vote", t!(lang, "card-vote", votes = r.votes), ButtonStyle::Primary),
    ])]
}

/// Answers a card button; `None` when the custom id is not a card's.
pub(super) async fn card_clicked(http: &Arc<Http>, services: &Services, click: &ComponentInteraction) -> Option<()> {
    let (action, id) = click.data.custom_id.strip_prefix(CARD)?.split_once(':')?;
    let asked = Asked::Click(click);
    let (lang, server) = (asked.lang(services), asked.server_lang(services));
    let Some(guild) = click.guild_id.map(|g| g.get()) else { return Some(()) };
    match action {
        "vote" => match services.desk.vote(id, guild, click.user.id.get()).await {
            Ok(request) => {
                let redrawn = CreateInteractionResponseMessage::new()
                    .embed(card_embed(server, &request))
                    .components(card_rows(server, &request))
                    .allowed_mentions(CreateAllowedMentions::new());
                if let Err(e) = asked.respond(http, CreateInteractionResponse::UpdateMessage(redrawn)).await {
                    warn!(error = %e, "could not redraw a request card");
                }
            }
            Err(refusal) => asked.reply_ephemeral(http, &words::desk::refused(lang, &refusal)).await,
        },
        "approve" => {
            // Deferred first: approving queues a job and redraws the card, which can outlast 3 seconds.
            if let Err(e) = asked.defer(http, true).await {
                warn!(error = %e, "could not defer an approval");
                return Some(());
            }
            let by = decider(http, services, asked, guild).await;
            let text = match services.desk.approve(id, &by, &click.id.to_string()).await {
                Ok((gallery, request)) => {
                    DiscordBoard::new(Arc::clone(http), Arc::clone(&services.languages)).update_card(&request).await;
                    words::desk::approved(lang, gallery)
                }
                Err(refusal) => words::desk::refused(lang, &refusal),
            };
            asked.answer_deferred(http, &text).await;
        }
        "deny" => {
            let by = decider(http, services, asked, guild).await;
            if let Err(refusal) = services.desk.check_decider(guild, &by).await {
                asked.reply_ephemeral(http, &words::desk::refused(lang, &refusal)).await;
                return Some(());
            }
            let reason = CreateInputText::new(InputTextStyle::Paragraph, t!(lang, "deny-modal-reason"), REASON)
                .max_length(MAX_NOTE_CHARS as u16)
                .required(true);
            let modal = CreateModal::new(format!("{DENY_MODAL}{id}"), t!(lang, "deny-modal-title"))
                .components(vec![CreateActionRow::InputText(reason)]);
            if let Err(e) = asked.respond(http, CreateInteractionResponse::Modal(modal)).await {
                warn!(error = %e, "could not open the Deny modal");
            }
        }
        _ => {}
    }
    Some(())
}

/// The Deny modal's submission; `None` when the modal is not it.
pub(super) async fn deny_submitted(http: &Arc<Http>, services: &Services, modal: &ModalInteraction) -> Option<()> {
    let id = modal.data.custom_id.strip_prefix(DENY_MODAL)?;
    let asked = Asked::Modal(modal);
    let lang = asked.lang(services);
    let Some(guild) = modal.guild_id.map(|g| g.get()) else { return Some(()) };
    let reason = modal
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|c| match c {
            serenity::all::ActionRowComponent::InputText(input) if input.custom_id == REASON => input.value.clone(),
            _ => None,
        })
        .unwrap_or_default();
    let by = decider(http, services, asked, guild).await;
    let text = match services.desk.deny(id, &by, &reason).await {
        Ok(request) => {
            DiscordBoard::new(Arc::clone(http), Arc::clone(&services.languages)).update_card(&request).await;
            words::desk::denied(lang)
        }
        Err(refusal) => words::desk::refused(lang, &refusal),
    };
    asked.reply_ephemeral(http, &text).await;
    Some(())
}
