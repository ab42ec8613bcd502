//! `/variation`: the upload is fetched from Discord, converted for the model, and the result delivered.

use axum::http::Method;
use serde_json::json;

use crate::support::{attachment_option, integer, is_followup, png, spawn_app, string, uploaded};

#[tokio::test]
async fn a_dalle2_variation_sends_a_square_png_and_delivers_the_result() {
    let app = spawn_app().await;
    let upload = png(300, 200, [10, 20, 250]);
    let url = app.discord.host_file("photo.png", upload.clone());

    let options = json!([attachment_option("930000000000000001"), string("model", "dall-e-2"), integer("n", 2)]);
    let sent = app.discord.invoke(
        "variation",
        options,
        uploaded("930000000000000001", &url, "photo.png", "image/png", upload.len()),
    );
    let requests = app
        .discord
        .wait_for("the variation", |r| r.iter().any(|r| r.path.contains(&sent.token) && r.files.len() == 2))
        .await;

    let call = &app.openai.image_calls()[0];
    assert_eq!(call.path, "/v1/images/variations");
    assert_eq!(call.body["model"], "dall-e-2");
    assert_eq!(call.body["n"], "2");
    let (field, sent_png) = &call.files[0];
    assert_eq!(field, "image");
    let sent_image = image::load_from_memory_with_format(sent_png, image::ImageFormat::Png).unwrap();
    assert_eq!((sent_image.width(), sent_image.height()), (200, 200), "centre-cropped to a square");
    let edit = requests.iter().find(|r| r.method == Method::PATCH && r.files.len() == 2).unwrap();
    crate::support::assert_model_bytes_with_provenance(&edit.files[1].2, &app.openai.images_made()[1]);
    assert_eq!(edit.payload["embeds"][0]["description"], "A variation of your image");
}

#[tokio::test]
async fn a_gpt_image_variation_is_an_edit_with_the_members_prompt() {
    let app = spawn_app().await;
    let upload = png(120, 90, [250, 250, 10]);
    let url = app.discord.host_file("sun.png", upload.clone());

    let options = json!([attachment_option("930000000000000002"), string("prompt", "make it night")]);
    let sent = app.discord.invoke(
        "variation",
        options,
        uploaded("930000000000000002", &url, "sun.png", "image/png", upload.len()),
    );
    app.discord
        .wait_for("the variation", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let call = &app.openai.image_calls()[0];
    assert_eq!(call.path, "/v1/images/edits");
    assert_eq!(call.body["prompt"], "make it night");
    assert_eq!(call.files[0].0, "image[]");
    let sent_image = image::load_from_memory(&call.files[0].1).unwrap();
    assert_eq!((sent_image.width(), sent_image.height()), (120, 90), "not cropped for edits");
}

#[tokio::test]
async fn a_text_file_posing_as_an_image_is_refused_and_costs_nothing() {
    let app = spawn_app().await;
    let url = app.discord.host_file("notes.png", b"these are my notes, not a picture".to_vec());

    let sent = app.discord.invoke(
        "variation",
        json!([attachment_option("930000000000000003")]),
        uploaded("930000000000000003", &url, "notes.png", "image/png", 33),
    );
    let requests = app.discord.wait_for("the explanation", |r| r.iter().any(|r| is_followup(r, &sent.token))).await;

    let followup = requests.iter().find(|r| is_followup(r, &sent.token)).unwrap();
    assert_eq!(followup.payload["flags"], 64);
    let text = followup.payload["content"].as_str().unwrap();
    assert!(text.starts_with("That file isn't a PNG, JPEG or WebP picture."), "{text}");
    assert!(text.contains("You were not charged."), "{text}");
    assert!(app.openai.image_calls().is_empty());
}

#[tokio::test]
async fn a_declared_non_image_is_refused_before_deferring() {
    let app = spawn_app().await;

    let sent = app.discord.invoke(
        "variation",
        json!([attachment_option("930000000000000004")]),
        uploaded("930000000000000004", "https://cdn.discordapp.com/x.pdf", "x.pdf", "application/pdf", 1000),
    );
    let requests = app.discord.wait_for("the refusal", |r| r.iter().any(|r| r.path.contains(&sent.id))).await;

    let callback = requests.iter().find(|r| r.path.contains(&sent.id)).unwrap();
    assert_eq!(callback.payload["type"], 4);
    assert_eq!(callback.payload["data"]["flags"], 64);
    assert!(callback.payload["data"]["content"].as_str().unwrap().contains("`x.pdf` is not an image"));
}
