//! Iterating on a result: the buttons under it (Re-roll, Vary k, HD k, Edit, Delete), each click a new
//! job through the same limits and queue, working after a restart.

use axum::http::Method;
use serde_json::{json, Value};

use crate::support::discord::{Member, Sent, MEMBER_ID};
use crate::support::{integer, spawn_app, spawn_app_with, string, TestApp};

/// Asks for `n` images of `prompt` and returns the interaction and the delivered result message.
async fn delivered(app: &TestApp, prompt: &str, n: i64) -> (Sent, Value) {
    let sent = app.discord.invoke("generate", json!([string("prompt", prompt), integer("n", n)]), json!({}));
    app.discord
        .wait_for("the result", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    (sent, app.discord.last_result())
}

fn custom_ids(message: &Value) -> Vec<String> {
    message["components"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| {
            row["components"].as_array().unwrap().iter().map(|b| b["custom_id"].as_str().unwrap().to_owned())
        })
        .collect()
}

fn pixels(bytes: &[u8]) -> Vec<u8> {
    image::load_from_memory(bytes).unwrap().to_rgba8().into_raw()
}

#[tokio::test]
async fn each_button_makes_a_new_job_with_the_right_parameters() {
    let app = spawn_app().await;
    let (first, message) = delivered(&app, "a fox in snow", 2).await;
    let ids = custom_ids(&message);
    let job = &first.id;
    for expected in ["reroll", "edit", "delete", "vary1", "vary2", "hd1", "hd2"] {
        assert!(ids.contains(&format!("easel:{expected}:{job}")), "{expected} in {ids:?}");
    }
    let me = Member::ordinary();

    let reroll = app.discord.click_on(&me, &message, &format!("easel:reroll:{job}"));
    app.result_of(&reroll).await;
    let call = &app.openai.image_calls()[1];
    assert_eq!(
        (call.path.as_str(), &call.body["prompt"], &call.body["n"]),
        ("/v1/images/generations", &json!("a fox in snow"), &json!(2))
    );

    let vary = app.discord.click_on(&me, &message, &format!("easel:vary2:{job}"));
    app.result_of(&vary).await;
    let call = &app.openai.image_calls()[2];
    assert_eq!(call.path, "/v1/images/edits");
    assert!(call.body["prompt"].as_str().unwrap().starts_with("Create a variation"));
    assert_eq!(pixels(&call.files[0].1), pixels(&app.openai.images_made()[1]), "image 2 of the result was sent");

    let hd = app.discord.click_on(&me, &message, &format!("easel:hd1:{job}"));
    let hd_result = app.result_of(&hd).await;
    let call = &app.openai.image_calls()[3];
    assert_eq!(
        (call.path.as_str(), &call.body["quality"], &call.body["n"]),
        ("/v1/images/edits", &json!("high"), &json!("1"))
    );
    assert_eq!(pixels(&call.files[0].1), pixels(&app.openai.images_made()[0]), "image 1 of the result was sent");
    assert_eq!(hd_result.payload["embeds"][0]["title"], "Your HD image");

    let callbacks: Vec<Value> = app
        .discord
        .requests()
        .into_iter()
        .filter(|r| {
            [&reroll.id, &vary.id, &hd.id].iter().any(|id| r.path.contains(id.as_str()))
                && r.path.ends_with("/callback")
        })
        .map(|r| r.payload)
        .collect();
    assert!(
        callbacks.len() == 3 && callbacks.iter().all(|c| c["type"] == 5),
        "each click deferred a new message: {callbacks:?}"
    );
    assert_eq!(app.usage().await.user_images, 2 + 2 + 2 + 1, "each click is a job in the ledger");
}

#[tokio::test]
async fn a_click_is_refused_privately_when_the_members_limit_is_reached() {
    let app = spawn_app_with(&[("EASEL_IMAGES_PER_DAY", "1")], |_| {}).await;
    let (first, message) = delivered(&app, "a fox", 1).await;

    let click = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:reroll:{}", first.id));
    let text = app.refusal(&click).await;

    assert!(text.starts_with("Daily image limit reached"), "{text}");
    assert_eq!(app.openai.image_calls().len(), 1, "no model call for the refused click");
}

#[tokio::test]
async fn a_reroll_clicked_after_a_restart_repeats_the_stored_request() {
    let app = spawn_app().await;
    let (first, message) = delivered(&app, "a lighthouse at dusk", 1).await;
    let db = app.db_path.display().to_string();
    app.stop().await;

    let again = spawn_app_with(&[("EASEL_DB", &db)], |_| {}).await;
    let click = again.discord.click_on(&Member::ordinary(), &message, &format!("easel:reroll:{}", first.id));
    again.result_of(&click).await;

    assert_eq!(again.openai.image_calls()[0].body["prompt"], "a lighthouse at dusk");
}

#[tokio::test]
async fn a_strangers_delete_is_refused_and_the_requesters_removes_the_message() {
    let app = spawn_app().await;
    let (first, message) = delivered(&app, "a fox", 1).await;
    let delete = format!("easel:delete:{}", first.id);
    let stranger = Member { id: 900_000_000_000_000_077, ..Member::ordinary() };

    let refused = app.discord.click_on(&stranger, &message, &delete);
    let (text, ephemeral) = app.direct_answer(&refused).await;
    assert!(ephemeral && text.starts_with("Only the member who asked for this image"), "{text}");
    let message_id = message["id"].as_str().unwrap();
    assert!(app.discord.stored_message(message_id).is_some(), "the result is still there");

    let mine = app.discord.click_on(&Member::ordinary(), &message, &delete);
    let (text, _) = app.direct_answer(&mine).await;
    assert_eq!(text, "Deleted.");
    assert!(app.discord.stored_message(message_id).is_none(), "the result was deleted");
    let deletes = app
        .discord
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::DELETE && r.path.contains(message_id))
        .count();
    assert_eq!(deletes, 1);
}

#[tokio::test]
async fn a_moderator_may_delete_a_members_result() {
    let app = spawn_app().await;
    let (first, message) = delivered(&app, "a fox", 1).await;
    let moderator = Member::manager(900_000_000_000_000_078);

    let click = app.discord.click_on(&moderator, &message, &format!("easel:delete:{}", first.id));

    assert_eq!(app.direct_answer(&click).await.0, "Deleted.");
    assert!(app.discord.stored_message(message["id"].as_str().unwrap()).is_none());
}

#[tokio::test]
async fn the_edit_modal_sends_the_instruction_with_the_chosen_image() {
    let app = spawn_app().await;
    let (first, message) = delivered(&app, "a fox", 2).await;
    let me = Member::ordinary();

    let click = app.discord.click_on(&me, &message, &format!("easel:edit:{}", first.id));
    let requests = app.discord.wait_for("the modal", |r| r.iter().any(|r| r.path.contains(&click.id))).await;
    let modal = &requests.iter().find(|r| r.path.contains(&click.id)).unwrap().payload;
    assert_eq!(modal["type"], 9, "a modal opens: {modal}");
    let custom_id = modal["data"]["custom_id"].as_str().unwrap();
    let inputs = modal["data"]["components"].to_string();
    assert!(inputs.contains("\"instruction\"") && inputs.contains("Which image (1 to 2)?"), "{inputs}");

    let submitted =
        app.discord.submit_modal(&me, &message, custom_id, &[("instruction", "give it a red scarf"), ("image", "2")]);
    let result = app.result_of(&submitted).await;

    let call = &app.openai.image_calls()[1];
    assert_eq!((call.path.as_str(), &call.body["prompt"]), ("/v1/images/edits", &json!("give it a red scarf")));
    assert_eq!(pixels(&call.files[0].1), pixels(&app.openai.images_made()[1]));
    assert_eq!(result.payload["embeds"][0]["title"], "Your edit");
    assert_eq!(app.usage().await.user_images, 3);
    let _ = MEMBER_ID;
}

#[tokio::test]
async fn a_reroll_of_a_prompt_the_server_has_since_blocked_is_refused_by_its_rules() {
    let app = spawn_app().await;
    let (first, message) = delivered(&app, "a goblin market", 1).await;
    let moderator = Member::manager(900_000_000_000_000_098);
    let add = json!([{"name": "blocklist", "type": 2, "options": [{"name": "add", "type": 1,
        "options": [string("pattern", "goblin")]}]}]);
    let added = app.discord.invoke_as(&moderator, "moderation", add, json!({}));
    assert!(app.direct_answer(&added).await.0.starts_with("Added word `goblin`"));

    let click = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:reroll:{}", first.id));
    let text = app.refusal(&click).await;

    assert!(text.starts_with("This prompt breaks this server's rules"), "{text}");
    assert_eq!(app.openai.image_calls().len(), 1, "no model call for the refused click");
}
