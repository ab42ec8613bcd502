//! Easel wherever a member is: installed to their own account and used in a direct message, a group DM
//! or a server that never invited it (their own job: their personal budget, the owner's home rules and
//! log), and message commands on a message's images.

use axum::http::Method;
use serde_json::{json, Value};

use crate::support::discord::{
    Member, Place, Received, APP_ID, FOREIGN_GUILD_ID, GUILD_ID, MEMBER_ID, ORDINARY, USE_EXTERNAL_APPS,
};
use crate::support::{png, spawn_app_with, string, Reply, TestApp};

const LOG_CHANNEL: u64 = 960_000_000_000_000_077;

async fn app_with(vars: &[(&str, &str)]) -> TestApp {
    let log = LOG_CHANNEL.to_string();
    let mut all = vec![("MODERATION_LOG_CHANNEL_ID", log.as_str())];
    all.extend_from_slice(vars);
    spawn_app_with(&all, |_| {}).await
}

/// `/generate prompt` typed by an ordinary member in `place`.
fn generate_in(app: &TestApp, place: Place, prompt: &str) -> crate::support::discord::Sent {
    app.discord.invoke_in(place, &Member::ordinary(), "generate", json!([string("prompt", prompt)]), json!({}))
}

/// A home-server moderator adds `word` to its blocklist; returns what they were told.
async fn block_word(app: &TestApp, word: &str) -> String {
    let add = json!([{"name": "blocklist", "type": 2, "options": [{"name": "add", "type": 1, "options": [string("pattern", word)]}]}]);
    let added = app.discord.invoke_as(&Member::manager(900_000_000_000_000_098), "moderation", add, json!({}));
    app.direct_answer(&added).await.0
}

/// A member of a server that did not install Easel, allowed to use external apps there.
fn outsider() -> Member {
    Member { id: MEMBER_ID, roles: Vec::new(), permissions: ORDINARY | USE_EXTERNAL_APPS }
}

fn log_posts(requests: &[Received]) -> Vec<&Received> {
    let path = format!("/api/v10/channels/{LOG_CHANNEL}/messages");
    requests.iter().filter(|r| r.method == Method::POST && r.path == path).collect()
}

#[tokio::test]
async fn a_job_in_a_direct_message_is_the_members_own_charged_to_them_and_logged_for_the_owner() {
    let app = app_with(&[]).await;

    let sent = generate_in(&app, Place::BotDm, "a fox");
    let result = app.result_of(&sent).await;

    crate::support::assert_model_bytes_with_provenance(&result.files[0].2, &app.openai.images_made()[0]);
    let own = app.settled_usage(None).await;
    assert_eq!(own.user_images, 1, "charged to the member's own jobs");
    assert!(own.user_usd > 0.0);
    assert_eq!(app.settled_usage(Some(GUILD_ID)).await.guild_usd, 0.0, "no server paid for it");
    let requests = app.discord.wait_for("the log entry", |r| !log_posts(r).is_empty()).await;
    let entry = &log_posts(&requests)[0].payload["embeds"][0];
    assert!(entry.to_string().contains(&format!("<@{MEMBER_ID}>")), "the owner's log names who asked: {entry}");
}

#[tokio::test]
async fn a_member_who_installed_easel_uses_it_in_a_server_that_never_invited_it() {
    let app = app_with(&[]).await;

    let sent = app.discord.invoke_in(
        Place::ForeignServer,
        &outsider(),
        "generate",
        json!([string("prompt", "a kite")]),
        json!({}),
    );
    let result = app.result_of(&sent).await;

    assert_eq!(result.files.len(), 1);
    assert_eq!(app.discord.answer_ephemeral(&sent.token), Some(false), "the member chose public results");
    assert!(app.discord.followups_of(&sent.token) <= 5);
    let requests = app.discord.requests();
    let foreign = format!("/guilds/{FOREIGN_GUILD_ID}");
    assert!(!requests.iter().any(|r| r.path.ends_with(&foreign)), "the server's roles are not Easel's business");
    assert_eq!(app.settled_usage(None).await.user_images, 1, "the member's own job");
    assert_eq!(app.settled_usage(Some(FOREIGN_GUILD_ID)).await.user_images, 0);
}

#[tokio::test]
async fn where_a_server_forbids_external_apps_the_answer_is_the_members_alone() {
    let app = app_with(&[]).await;
    let member = Member { id: MEMBER_ID, roles: Vec::new(), permissions: ORDINARY };

    let sent = app.discord.invoke_in(
        Place::ForeignServer,
        &member,
        "generate",
        json!([string("prompt", "a boat")]),
        json!({}),
    );
    app.result_of(&sent).await;

    let requests = app.discord.requests();
    let deferral = requests.iter().find(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")).unwrap();
    assert_eq!(deferral.payload["data"]["flags"], 64, "Easel knew its answer would be private");
    assert_eq!(app.discord.answer_ephemeral(&sent.token), Some(true));
}

#[tokio::test]
async fn the_personal_budget_refuses_what_it_cannot_cover_at_no_charge() {
    let app = app_with(&[("EASEL_PERSONAL_USD_PER_DAY", "0.01")]).await;

    let sent = generate_in(&app, Place::BotDm, "a fox");
    let text = app.refusal(&sent).await;

    assert!(text.starts_with("Your personal daily budget"), "{text}");
    assert!(text.contains("$0.01"), "{text}");
    assert!(app.openai.image_calls().is_empty());
    assert_eq!(app.settled_usage(None).await.user_usd, 0.0);
}

#[tokio::test]
async fn with_personal_use_off_a_direct_message_is_turned_away_without_a_model_call() {
    let app = app_with(&[("EASEL_PERSONAL_USD_PER_DAY", "0")]).await;

    let sent = app.discord.invoke_in_dm("generate", json!([string("prompt", "a fox")]));
    let (text, ephemeral) = app.direct_answer(&sent).await;

    assert!(ephemeral);
    assert!(text.starts_with("Easel works in servers"), "{text}");
    assert!(app.openai.image_calls().is_empty());
}

#[tokio::test]
async fn the_home_servers_blocklist_applies_to_a_members_own_jobs() {
    let app = app_with(&[]).await;
    let text = block_word(&app, "dragon").await;
    assert!(text.starts_with("Added word `dragon`"), "{text}");

    let sent = generate_in(&app, Place::GroupDm, "a red dragon");
    let refused = app.refusal(&sent).await;

    assert!(refused.starts_with("This prompt breaks the rules for image requests Easel's owner set"), "{refused}");
    assert!(app.openai.image_calls().is_empty());
}

#[tokio::test]
async fn a_member_whose_own_jobs_are_refused_again_and_again_is_paused_as_in_a_server() {
    let app = app_with(&[("EASEL_REFUSALS_BEFORE_PAUSE", "2"), ("EASEL_PAUSE_MINUTES", "60")]).await;
    block_word(&app, "dragon").await;
    let own = |prompt: &str| generate_in(&app, Place::BotDm, prompt);

    let first = app.refusal(&own("a dragon")).await;
    let second = app.refusal(&own("the dragon at dusk")).await;
    let third = app.refusal(&own("a kitten")).await;

    assert!(!first.contains("paused"), "{first}");
    assert!(second.contains("Because of repeated refusals you are paused from Easel; the pause ends <t:"), "{second}");
    assert!(
        third.starts_with("You can't use Easel right now: you are blocked or paused in its home server."),
        "{third}"
    );
    let in_server = app.discord.invoke("generate", json!([string("prompt", "a kitten")]), json!({}));
    let told = app.refusal(&in_server).await;
    assert!(told.starts_with("You can't use Easel in this server right now"), "the home server's pause: {told}");
    assert!(app.openai.image_calls().is_empty());
}

#[tokio::test]
async fn image_commands_are_registered_for_user_install_everywhere_and_admin_commands_stay_in_servers() {
    let app = app_with(&[]).await;

    let registration = app.discord.wait_until_ready().await;

    assert!(registration.path.ends_with(&format!("/applications/{APP_ID}/commands")), "global: {}", registration.path);
    assert!(app.discord.refused_registrations().is_empty(), "{:?}", app.discord.refused_registrations());
    let commands = app.discord.registered(None);
    let find = |name: &str| commands.iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no {name}")).clone();
    for name in ["generate", "variation", "settings", "Edit with Easel", "Vary with Easel"] {
        let command = find(name);
        assert_eq!(command["integration_types"], json!([0, 1]), "{name}");
        assert_eq!(command["contexts"], json!([0, 1, 2]), "{name}");
    }
    for name in ["limits", "moderation", "requests"] {
        let command = find(name);
        assert_eq!((&command["integration_types"], &command["contexts"]), (&json!([0]), &json!([0])), "{name}");
    }
    assert_eq!(find("Vary with Easel")["type"], 3, "a message command");
    assert!(app.discord.registered(Some(GUILD_ID)).is_empty(), "nothing twice in the home server");
}

#[tokio::test]
async fn without_user_install_commands_stay_in_the_home_server_and_direct_messages_are_refused() {
    let app = app_with(&[("EASEL_USER_INSTALL", "false")]).await;

    let registration = app.discord.wait_until_ready().await;
    let sent = app.discord.invoke_in_dm("generate", json!([string("prompt", "a fox")]));
    let (text, _) = app.direct_answer(&sent).await;

    assert!(registration.path.contains(&format!("/guilds/{GUILD_ID}/")), "{}", registration.path);
    let commands = registration.payload.as_array().unwrap();
    assert!(commands.iter().all(|c| c["contexts"] == json!([0]) && c["integration_types"] == json!([0])));
    assert!(text.starts_with("Easel works in servers"), "{text}");
    assert!(app.openai.image_calls().is_empty());
}

/// A message with `images` (filename, bytes) that a member posted where `place` is.
fn posted(app: &TestApp, place: Place, images: &[(&str, Vec<u8>)]) -> Value {
    let hosted: Vec<(String, String)> =
        images.iter().map(|(name, bytes)| (name.to_string(), app.discord.host_file(name, bytes.clone()))).collect();
    let pairs: Vec<(&str, &str)> = hosted.iter().map(|(n, u)| (n.as_str(), u.as_str())).collect();
    app.discord.posted_by_member(place, "look at this", &pairs)
}

#[tokio::test]
async fn vary_with_easel_on_a_message_makes_a_variation_of_its_image() {
    let app = app_with(&[]).await;
    let message = posted(&app, Place::GroupDm, &[("cat.png", png(90, 60, [200, 10, 10]))]);

    let sent = app.discord.invoke_message_command(Place::GroupDm, &Member::ordinary(), "Vary with Easel", &message);
    let result = app.result_of(&sent).await;

    let call = &app.openai.image_calls()[0];
    assert_eq!(call.path, "/v1/images/edits");
    let sent_image = image::load_from_memory(&call.files[0].1).unwrap();
    assert_eq!((sent_image.width(), sent_image.height()), (90, 60), "the message's own picture");
    assert_eq!(result.files.len(), 1);
    assert_eq!(app.settled_usage(None).await.user_images, 1, "a member's own job, charged once");
}

#[tokio::test]
async fn edit_with_easel_on_a_message_with_two_images_asks_which_then_what_to_change() {
    let app = app_with(&[]).await;
    let message =
        posted(&app, Place::Server, &[("a.png", png(40, 40, [0, 0, 255])), ("b.png", png(64, 32, [0, 255, 0]))]);

    let sent = app.discord.invoke_message_command(Place::Server, &Member::ordinary(), "Edit with Easel", &message);
    let (text, ephemeral) = app.direct_answer(&sent).await;
    assert!(ephemeral && text.starts_with("Which image?"), "{text}");
    let requests = app.discord.requests();
    let choice = requests.iter().find(|r| r.path.contains(&sent.id)).unwrap().payload["data"].clone();
    let second = choice["components"][0]["components"][1]["custom_id"].as_str().unwrap().to_owned();

    // The private "Which image?" answer, as the member's client holds it.
    let shown = app.discord.posted_by_member(Place::Server, "Which image? Pick one:", &[]);
    let click = app.discord.click_in(Place::Server, &Member::ordinary(), &shown, &second);
    let requests = app.discord.wait_for("the modal", |r| r.iter().any(|r| r.path.contains(&click.id))).await;
    let modal = &requests.iter().find(|r| r.path.contains(&click.id)).unwrap().payload;
    assert_eq!(modal["type"], 9, "the modal asking what to change: {modal}");
    let form = modal["data"]["custom_id"].as_str().unwrap().to_owned();
    let submit =
        app.discord.submit_modal_in(Place::Server, &Member::ordinary(), None, &form, &[("instruction", "add a hat")]);
    app.result_of(&submit).await;

    let call = &app.openai.image_calls()[0];
    assert_eq!(call.path, "/v1/images/edits");
    assert_eq!(call.body["prompt"], "add a hat");
    let sent_image = image::load_from_memory(&call.files[0].1).unwrap();
    assert_eq!((sent_image.width(), sent_image.height()), (64, 32), "the second image");
    let usage = app.settled_usage(Some(GUILD_ID)).await;
    assert_eq!(usage.user_images, 1, "in a server that installed Easel: the server's job");
}

#[tokio::test]
async fn a_message_without_images_is_answered_at_once_without_a_job() {
    let app = app_with(&[]).await;
    let message = posted(&app, Place::BotDm, &[]);

    let sent = app.discord.invoke_message_command(Place::BotDm, &Member::ordinary(), "Vary with Easel", &message);
    let (text, ephemeral) = app.direct_answer(&sent).await;

    assert!(ephemeral && text.starts_with("This message has no picture"), "{text}");
    assert!(app.openai.image_calls().is_empty());
}

#[tokio::test]
async fn when_discord_refuses_a_sixth_follow_up_the_member_is_still_told_why() {
    let app = app_with(&[]).await;
    app.openai.script([Reply::moderation_blocked()]);

    let sent = generate_in(&app, Place::BotDm, "a duel");
    app.discord.use_up_followups(&sent.token);
    let token = sent.token.clone();
    let is_told = move |r: &Received| {
        r.method == Method::PATCH
            && r.path.contains(&token)
            && r.payload["content"].as_str().is_some_and(|c| !c.is_empty())
    };
    let requests = app.discord.wait_for("the explanation", |r| r.iter().any(&is_told)).await;

    let refused_followup = requests.iter().any(|r| crate::support::is_followup(r, &sent.token));
    assert!(refused_followup, "Easel tried a follow-up first");
    assert_eq!(app.discord.followups_of(&sent.token), 5, "Discord took no sixth");
    let told = requests.iter().find(|r| is_told(r)).unwrap();
    assert!(told.payload["content"].as_str().unwrap().contains("content policy"), "{}", told.payload);
    assert_eq!(app.settled_usage(None).await.user_usd, 0.0, "nothing charged");
}

#[tokio::test]
async fn a_members_own_result_in_a_server_easel_does_not_serve_can_still_be_edited_through_its_form() {
    let app = app_with(&[("EASEL_GUILDS", &GUILD_ID.to_string())]).await;
    let options = json!([string("prompt", "a kite")]);
    let sent = app.discord.invoke_in(Place::ForeignServer, &outsider(), "generate", options, json!({}));
    app.result_of(&sent).await;
    let message = app.discord.last_result();
    let edit = format!("easel:edit:{}", sent.id);

    let click = app.discord.click_in(Place::ForeignServer, &outsider(), &message, &edit);
    let requests = app.discord.wait_for("the form", |r| r.iter().any(|r| r.path.contains(&click.id))).await;
    let form = requests.iter().find(|r| r.path.contains(&click.id)).unwrap().payload.clone();
    assert_eq!(form["type"], 9, "the Edit form opens: {form}");
    let custom_id = form["data"]["custom_id"].as_str().unwrap();
    let values = [("instruction", "make it red")];
    let submit = app.discord.submit_modal_in(Place::ForeignServer, &outsider(), Some(&message), custom_id, &values);
    app.result_of(&submit).await;

    let call = &app.openai.image_calls()[1];
    assert_eq!((call.path.as_str(), call.body["prompt"].as_str()), ("/v1/images/edits", Some("make it red")));
    assert_eq!(app.settled_usage(None).await.user_images, 2, "both the member's own jobs");
}
