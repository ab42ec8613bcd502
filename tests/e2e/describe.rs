//! `/describe` and "Describe with Easel": a picture turned into prompt suggestions by AUTOMATIC1111's
//! interrogator or a vision chat model, through the same queue, ledger and log as an image, each
//! suggestion with a Use button that opens `/generate`'s form.

use axum::http::Method;
use serde_json::{json, Value};

use crate::support::discord::{Member, Place, Received};
use crate::support::sd::FakeSd;
use crate::support::{attachment_option, png, spawn_app_with, string, uploaded, TestApp};

/// `/describe image:` of a `width`×`height` PNG the member uploaded, from `place`.
fn describe(app: &TestApp, place: Place, width: u32, height: u32, options: &[Value]) -> crate::support::discord::Sent {
    let upload = png(width, height, [30, 120, 200]);
    let url = app.discord.host_file("scene.png", upload.clone());
    let mut all = vec![attachment_option("930000000000000077")];
    all.extend_from_slice(options);
    let resolved = uploaded("930000000000000077", &url, "scene.png", "image/png", upload.len());
    app.discord.invoke_in(place, &Member::ordinary(), "describe", Value::Array(all), resolved)
}

/// The description delivered to interaction `token` (the edit of its answer with an embed).
async fn described(app: &TestApp, token: &str) -> Received {
    let is_description = |r: &Received| {
        r.method == Method::PATCH
            && r.path.contains(token)
            && r.payload["embeds"][0]["title"] == "Prompts for your picture"
    };
    let requests = app.discord.wait_for("the description", |r| r.iter().any(is_description)).await;
    requests.into_iter().find(is_description).unwrap()
}

fn buttons(message: &Value) -> Vec<Value> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn describe_on_automatic1111_gives_the_interrogators_caption_and_use_opens_generate_with_it() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;

    let sent = describe(&app, Place::Server, 90, 60, &[]);
    let result = described(&app, &sent.token).await;

    let interrogated = sd.calls().into_iter().find(|(path, _)| path == "/sdapi/v1/interrogate").unwrap();
    assert_eq!(interrogated.1["model"], "clip");
    let text = result.payload["embeds"][0]["description"].as_str().unwrap();
    assert!(text.contains("**1.** a 90x60 picture of a flat colour"), "the caption of the very picture: {text}");
    assert!(result.files.is_empty(), "a description makes no image");
    let use_one = buttons(&result.payload).into_iter().find(|b| b["label"] == "Use 1").unwrap();
    assert_eq!(use_one["custom_id"], format!("easel:use1:{}", sent.id));

    let message = app
        .discord
        .stored_message_ids()
        .into_iter()
        .filter_map(|id| app.discord.stored_message(&id.to_string()))
        .find(|m| m["embeds"][0]["title"] == "Prompts for your picture")
        .unwrap();
    let click = app.discord.click_on(&Member::ordinary(), &message, use_one["custom_id"].as_str().unwrap());
    let requests = app.discord.wait_for("the form", |r| r.iter().any(|r| r.path.contains(&click.id))).await;
    let form = &requests.iter().find(|r| r.path.contains(&click.id)).unwrap().payload;
    assert_eq!(form["type"], 9, "/generate's form: {form}");
    let prefilled = form["data"]["components"][0]["components"][0]["value"].as_str().unwrap();
    assert!(prefilled.starts_with("a 90x60 picture"), "{prefilled}");
    let custom_id = form["data"]["custom_id"].as_str().unwrap();
    let prompt = format!("{prefilled}, at sunset");
    let submit = app.discord.submit_modal(&Member::ordinary(), &message, custom_id, &[("prompt", &prompt)]);
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&submit.token) && crate::support::is_result(r)))
        .await;
    assert_eq!(app.openai.image_calls()[0].body["prompt"], prompt.as_str(), "the member's edited prompt was drawn");
}

#[tokio::test]
async fn describe_on_a_vision_chat_model_gives_four_prompts_at_the_catalogues_price() {
    let app = spawn_app_with(&[("EASEL_DESCRIBE_MODEL", "gpt-4.1-mini")], |_| {}).await;

    let sent = describe(&app, Place::Server, 64, 32, &[string("model", "vision")]);
    let result = described(&app, &sent.token).await;

    let call = &app.openai.chat_calls()[0];
    assert_eq!(call.body["model"], "gpt-4.1-mini");
    let parts = call.body["messages"][1]["content"].as_array().unwrap();
    assert!(parts.iter().any(|p| p["type"] == "image_url"), "the picture went as an image: {parts:?}");
    let text = result.payload["embeds"][0]["description"].as_str().unwrap();
    for k in 1..=4 {
        assert!(text.contains(&format!("**{k}.** a 64x32")), "suggestion {k}: {text}");
    }
    let labels: Vec<Value> = buttons(&result.payload).iter().map(|b| b["label"].clone()).collect();
    assert_eq!(labels, ["Use 1", "Use 2", "Use 3", "Use 4", "Delete"]);
    assert!(
        (app.settled_spend(Some(crate::support::discord::GUILD_ID)).await - 0.002).abs() < 1e-9,
        "charged the catalogue's price"
    );
    assert!(app.openai.image_calls().is_empty(), "no image model was called");
    let registered = app.discord.registered(None);
    let command = registered.iter().find(|c| c["name"] == "describe").expect("/describe is offered");
    assert_eq!(command["contexts"], json!([0, 1, 2]), "wherever a member is");
}

#[tokio::test]
async fn describe_with_easel_on_a_message_in_a_direct_message_is_the_members_own() {
    let app = spawn_app_with(&[("EASEL_DESCRIBE_MODEL", "gpt-4.1-mini")], |_| {}).await;
    let url = app.discord.host_file("shot.png", png(48, 48, [5, 5, 5]));
    let message = app.discord.posted_by_member(Place::BotDm, "what is this?", &[("shot.png", url.as_str())]);

    let sent = app.discord.invoke_message_command(Place::BotDm, &Member::ordinary(), "Describe with Easel", &message);
    let result = described(&app, &sent.token).await;

    assert!(result.payload["embeds"][0]["description"].as_str().unwrap().contains("a 48x48"));
    assert!((app.settled_spend(None).await - 0.002).abs() < 1e-9, "the member's own budget paid");
}

#[tokio::test]
async fn without_a_describer_describe_is_not_offered() {
    let app = spawn_app_with(&[], |_| {}).await;
    app.discord.wait_until_ready().await;

    let names: Vec<Value> = app.discord.registered(None).iter().map(|c| c["name"].clone()).collect();

    assert!(!names.contains(&json!("describe")) && !names.contains(&json!("Describe with Easel")), "{names:?}");
    assert!(names.contains(&json!("generate")));
}
