//! Watching it being made: a running job's message shows a small preview of the picture taking shape
//! (ComfyUI's websocket preview frames, AUTOMATIC1111's `current_image`), at most every
//! `EASEL_PREVIEW_EVERY_MS`, then the result replaces it in the same message.

use std::time::Duration;

use axum::http::Method;
use serde_json::json;

use crate::support::comfyui::FakeComfyUi;
use crate::support::discord::{Received, Sent};
use crate::support::sd::FakeSd;
use crate::support::{spawn_app_with, string, TestApp};

const PREVIEW: &str = "preview.jpg";

fn edits(app: &TestApp, sent: &Sent) -> Vec<Received> {
    app.discord
        .requests()
        .into_iter()
        .filter(|r| r.method == Method::PATCH && r.path.contains(&sent.token) && r.path.ends_with("/@original"))
        .collect()
}

fn is_preview(edit: &Received) -> bool {
    edit.files.iter().any(|(_, name, _)| name == PREVIEW)
}

async fn result(app: &TestApp, sent: &Sent) {
    app.discord
        .wait_for_within("the result", Duration::from_secs(30), |r| {
            r.iter().any(|r| r.path.contains(&sent.token) && r.files.iter().any(|f| f.1 != PREVIEW))
        })
        .await;
}

fn generate(app: &TestApp, model: &str) -> Sent {
    app.discord.invoke("generate", json!([string("prompt", "a harbour at dawn"), string("model", model)]), json!({}))
}

#[tokio::test]
async fn a_running_comfyui_job_shows_small_previews_then_the_result_replaces_them() {
    let comfy = FakeComfyUi::start().await;
    comfy.take(Duration::from_millis(300)); // a six-second run
    let app = spawn_app_with(&[("COMFYUI_URL", &comfy.base_url)], |_| {}).await;

    let sent = generate(&app, "comfyui-sdxl");
    result(&app, &sent).await;

    let edits = edits(&app, &sent);
    let previews: Vec<&Received> = edits.iter().filter(|e| is_preview(e)).collect();
    assert!(!previews.is_empty(), "at least one preview while it ran");
    assert!(previews.len() <= 3, "at most one every two seconds of a six-second run: {}", previews.len());
    let jpeg = &previews[0].files.iter().find(|f| f.1 == PREVIEW).unwrap().2;
    let shown = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg).unwrap();
    assert!(shown.width() <= 384 && shown.height() <= 384 && jpeg.len() < 100_000);
    assert!(previews[0].payload["content"].as_str().unwrap().contains("step"), "with the progress line");
    let last = edits.last().unwrap();
    assert!(!is_preview(last) && !last.files.is_empty(), "the result came last, in the same message");
    let kept = last.payload["attachments"].to_string();
    assert!(!kept.contains(PREVIEW), "the preview is gone from the final message: {kept}");
}

#[tokio::test]
async fn an_automatic1111_job_shows_its_current_image_and_zero_turns_previews_off() {
    let sd = FakeSd::start().await;
    sd.take(Duration::from_secs(5));
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;
    let sent = generate(&app, "stable-diffusion");
    result(&app, &sent).await;
    assert!(edits(&app, &sent).iter().any(is_preview), "AUTOMATIC1111's current_image was shown");

    let quiet = FakeSd::start().await;
    quiet.take(Duration::from_secs(5));
    let app = spawn_app_with(&[("SD_BASE_URL", &quiet.base_url), ("EASEL_PREVIEW_EVERY_MS", "0")], |_| {}).await;
    let sent = generate(&app, "stable-diffusion");
    result(&app, &sent).await;
    assert!(!edits(&app, &sent).iter().any(is_preview), "previews off");
}

#[tokio::test]
async fn a_private_jobs_previews_stay_private_and_a_cancel_takes_the_preview_away() {
    let comfy = FakeComfyUi::start().await;
    comfy.take(Duration::from_millis(400)); // an eight-second run
    let app = spawn_app_with(&[("COMFYUI_URL", &comfy.base_url)], |_| {}).await;
    let private = app.discord.invoke("settings", json!([{"name": "public", "type": 5, "value": false}]), json!({}));
    app.direct_answer(&private).await;

    let sent = generate(&app, "comfyui-sdxl");
    app.discord
        .wait_for_within("a preview", Duration::from_secs(20), |r| {
            r.iter().any(|r| r.path.contains(&sent.token) && r.files.iter().any(|f| f.1 == PREVIEW))
        })
        .await;
    app.direct_answer(&app.discord.invoke("cancel", json!([]), json!({}))).await;
    tokio::time::sleep(Duration::from_millis(2500)).await;

    let requests = app.discord.requests();
    let deferral = requests.iter().find(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")).unwrap();
    assert_eq!(deferral.payload["data"]["flags"], 64, "previews are edits of a private answer");
    assert!(
        !requests.iter().any(|r| r.path.contains("/channels/") && r.files.iter().any(|f| f.1 == PREVIEW)),
        "no preview anywhere else"
    );
    let edits = edits(&app, &sent);
    let cancelled =
        edits.iter().position(|e| e.payload["content"].as_str().is_some_and(|c| c.starts_with("Cancelled"))).unwrap();
    assert_eq!(edits[cancelled].payload["attachments"], json!([]), "the cancel took the preview away");
    assert!(edits[cancelled + 1..].is_empty(), "nothing after the cancel");
}

#[tokio::test]
async fn openai_partial_images_stream_into_previews_priced_into_the_estimate_and_settled_by_usage() {
    let app = spawn_app_with(&[], |o| o.always(crate::support::Reply::Delayed(4500))).await;

    let sent = generate(&app, "gpt-image-2");
    result(&app, &sent).await;

    let call = &app.openai.image_calls()[0];
    assert_eq!((&call.body["stream"], &call.body["partial_images"]), (&json!(true), &json!(2)));
    let edits = edits(&app, &sent);
    assert!(edits.iter().any(is_preview), "a partial image was shown while it was made");
    let last = edits.last().unwrap();
    assert!(!is_preview(last) && crate::support::is_result(last), "then the result, in the same message");
    crate::support::assert_model_bytes_with_provenance(
        &last.files.iter().find(|f| f.1 != PREVIEW).unwrap().2,
        &app.openai.images_made()[0],
    );
    // The estimate counts two partial images' 100 output tokens each at $30 a million: $0.042 + $0.006.
    let card = easel::domain::catalogue::Catalogue::builtin();
    let model = card.get("gpt-image-2").unwrap();
    assert!((model.estimate_usd("1024x1024", "medium", 1) - 0.048).abs() < 1e-9);
    assert!((model.estimate_usd("1024x1024", "medium", 2) - 0.084).abs() < 1e-9, "several images do not stream");
    let used = crate::support::settled_usage(&app.db_path, crate::support::discord::MEMBER_ID).await;
    assert_eq!(used.user_images, 1);
    assert!(used.user_usd > 0.0 && used.user_usd != 0.048, "settled by the stream's usage: {}", used.user_usd);
}

#[tokio::test]
async fn a_server_that_refuses_streaming_is_asked_again_without_it_and_remembered() {
    let app = spawn_app_with(&[], |o| o.refuse_streaming()).await;

    for prompt in ["first", "second"] {
        let sent = app.discord.invoke(
            "generate",
            json!([string("prompt", prompt), string("model", "gpt-image-2")]),
            json!({}),
        );
        result(&app, &sent).await;
    }

    let streamed: Vec<bool> = app.openai.image_calls().iter().map(|c| c.body["stream"] == true).collect();
    assert_eq!(streamed, [true, false, false], "refused once, asked again without, not asked to stream again");
}

#[tokio::test]
async fn an_openai_edit_streams_its_partial_images_into_previews_too() {
    let app = spawn_app_with(&[], |o| o.always(crate::support::Reply::Delayed(4500))).await;
    let photo = crate::support::png(64, 48, [10, 120, 200]);
    let url = app.discord.host_file("photo.png", photo.clone());
    let id = "940000000000000101";
    let resolved = json!({"attachments": {id: {"id": id, "filename": "photo.png", "size": photo.len(),
        "url": url, "proxy_url": url, "content_type": "image/png"}}});
    let options = json!([{"name": "image", "type": 11, "value": id}, string("prompt", "add a red balloon")]);
    let sent = app.discord.invoke("edit", options, resolved);
    result(&app, &sent).await;

    let call = &app.openai.image_calls()[0];
    assert_eq!(call.path, "/v1/images/edits");
    assert_eq!((&call.body["stream"], &call.body["partial_images"]), (&json!("true"), &json!("2")));
    let edits = edits(&app, &sent);
    assert!(edits.iter().any(is_preview), "a partial image of the edit was shown while it was made");
    let last = edits.last().unwrap();
    assert!(!is_preview(last) && crate::support::is_result(last), "then the result, in the same message");
    crate::support::assert_model_bytes_with_provenance(
        &last.files.iter().find(|f| f.1 != PREVIEW).unwrap().2,
        &app.openai.images_made()[0],
    );
}

#[tokio::test]
async fn with_previews_off_gpt_image_is_not_asked_to_stream_nor_priced_for_partial_images() {
    let app = spawn_app_with(&[("EASEL_PREVIEW_EVERY_MS", "0")], |_| {}).await;
    let help = app.discord.invoke("help", json!([]), json!({}));
    let requests = app.discord.wait_for("the help", |r| r.iter().any(|r| r.path.contains(&help.id))).await;
    let answer = requests.iter().find(|r| r.path.contains(&help.id)).unwrap().payload["data"]["embeds"].to_string();
    let sent = generate(&app, "gpt-image-2");
    result(&app, &sent).await;

    let call = &app.openai.image_calls()[0];
    assert!(call.body.get("stream").is_none() && call.body.get("partial_images").is_none(), "{}", call.body);
    assert!(answer.contains("`gpt-image-2` (default): $0.042"), "no partial images in the price: {answer}");
}
