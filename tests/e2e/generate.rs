//! `/generate` and `/hd`: the member sees the model's pixels as a Discord attachment with the details.

use axum::http::Method;
use serde_json::json;

use crate::support::discord::{Received, MEMBER_ID};
use crate::support::{field, spawn_app, spawn_app_with, string, Reply};

/// The bot's edit of the deferred answer (the message that holds the images).
fn edits_of<'a>(requests: &'a [Received], token: &str) -> Vec<&'a Received> {
    requests.iter().filter(|r| r.method == Method::PATCH && r.path.contains(token)).collect()
}

#[tokio::test]
async fn generate_in_base64_mode_attaches_the_models_pixels_with_the_details() {
    let app = spawn_app().await;

    let sent = app.discord.invoke("generate", json!([string("prompt", "a red fox in snow")]), json!({}));
    let requests = app
        .discord
        .wait_for("the edited answer", |r| edits_of(r, &sent.token).iter().any(|e| crate::support::is_result(e)))
        .await;

    let callback = requests.iter().find(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")).unwrap();
    assert_eq!(callback.payload["type"], 5, "the first answer is a deferral");
    let model_call = &app.openai.image_calls()[0];
    assert!(callback.at <= model_call.at, "the deferral reached Discord before the model was called");
    assert_eq!(model_call.path, "/v1/images/generations");
    assert_eq!(model_call.body["model"], "gpt-image-2");
    assert_eq!(model_call.body["prompt"], "a red fox in snow");
    assert!(model_call.body.get("response_format").is_none(), "gpt-image rejects response_format");
    assert_eq!(model_call.body["moderation"], "auto", "the strictest provider moderation, never `low`");
    assert_eq!(model_call.authorization.as_deref(), Some("Bearer sk-test-key"));
    let streamed = (&model_call.body["stream"], &model_call.body["partial_images"]);
    assert_eq!(streamed, (&json!(true), &json!(2)), "gpt-image streams two partial images for the preview");

    let edit = edits_of(&requests, &sent.token).into_iter().find(|e| crate::support::is_result(e)).unwrap();
    assert_eq!(edit.files.len(), 1);
    crate::support::assert_model_bytes_with_provenance(&edit.files[0].2, &app.openai.images_made()[0]);
    assert_eq!(edit.payload["allowed_mentions"]["parse"], json!([]));
    let embed = &edit.payload["embeds"][0];
    assert_eq!(embed["description"], "a red fox in snow");
    assert_eq!(field(embed, "Revised prompt"), None, "a streamed gpt-image answer revises nothing");
    assert_eq!(field(embed, "Model"), Some("gpt-image-2"));
    assert_eq!(field(embed, "Size"), Some("1024x1024"));
    assert_eq!(field(embed, "Quality"), Some("medium"));
    // 100 text tokens at $5/M + 1000 image tokens and 2 partial images' 200 at $30/M = $0.0365
    assert_eq!(field(embed, "Cost"), Some("$0.0365 (from token usage)"));
    assert_eq!(field(embed, "Requested by"), Some(format!("<@{MEMBER_ID}>").as_str()));
    assert_eq!(embed["image"]["url"], format!("attachment://{}", edit.files[0].1));
    assert!(embed["footer"]["text"].as_str().unwrap().contains(&sent.id), "the job id is in the footer");
    app.stop().await;
}

#[tokio::test]
async fn generate_in_url_mode_downloads_the_link_once_so_the_image_outlives_it() {
    let app = spawn_app_with(&[], |openai| openai.always(Reply::Url)).await;

    let options = json!([string("prompt", "a lighthouse"), string("model", "dall-e-3"), string("style", "natural")]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let requests = app
        .discord
        .wait_for("the edited answer", |r| edits_of(r, &sent.token).iter().any(|e| crate::support::is_result(e)))
        .await;

    let call = &app.openai.image_calls()[0];
    assert_eq!(call.body["response_format"], "url");
    assert_eq!(call.body["style"], "natural");
    assert_eq!(call.body["quality"], "standard");
    assert_eq!(app.openai.downloads().len(), 1, "the link was fetched exactly once");
    let edit = edits_of(&requests, &sent.token).into_iter().find(|e| crate::support::is_result(e)).unwrap();
    crate::support::assert_model_bytes_with_provenance(&edit.files[0].2, &app.openai.images_made()[0]);
    assert_eq!(field(&edit.payload["embeds"][0], "Cost"), Some("$0.0400 (catalogue price)"));
}

#[tokio::test]
async fn hd_asks_each_model_for_its_top_quality() {
    let app = spawn_app().await;

    let gpt = app.discord.invoke("hd", json!([string("prompt", "a castle")]), json!({}));
    app.openai.wait_for_calls(|c| c.len() == 1).await;
    let dalle = app.discord.invoke("hd", json!([string("prompt", "a castle"), string("model", "dall-e-3")]), json!({}));
    let calls = app.openai.wait_for_calls(|c| c.len() == 2).await;

    assert_eq!(calls[0].body["quality"], "high");
    assert_eq!(calls[1].body["quality"], "hd");
    for sent in [gpt, dalle] {
        app.discord
            .wait_for("both answers", |r| edits_of(r, &sent.token).iter().any(|e| crate::support::is_result(e)))
            .await;
    }
}

#[tokio::test]
async fn an_invalid_size_is_refused_at_once_listing_what_the_model_allows() {
    let app = spawn_app().await;

    let options = json!([string("prompt", "a cat"), string("model", "dall-e-3"), string("size", "256x256")]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let requests = app
        .discord
        .wait_for("the refusal", |r| r.iter().any(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")))
        .await;

    let callback = requests.iter().find(|r| r.path.contains(&sent.id)).unwrap();
    assert_eq!(callback.payload["type"], 4, "answered directly, not deferred");
    assert_eq!(callback.payload["data"]["flags"], 64, "ephemeral");
    let text = callback.payload["data"]["content"].as_str().unwrap();
    assert!(text.contains("`256x256`") && text.contains("`1792x1024`"), "{text}");
    assert!(app.openai.image_calls().is_empty(), "no model call for an invalid request");
}

#[tokio::test]
async fn a_prompt_with_everyone_and_a_role_mention_pings_nobody() {
    let app = spawn_app().await;

    let prompt = "@everyone look <@&123456789012345678> and <@111111111111111111>";
    let sent = app.discord.invoke("generate", json!([string("prompt", prompt)]), json!({}));
    let requests = app
        .discord
        .wait_for("the edited answer", |r| edits_of(r, &sent.token).iter().any(|e| crate::support::is_result(e)))
        .await;

    let edit = edits_of(&requests, &sent.token).into_iter().find(|e| crate::support::is_result(e)).unwrap();
    assert_eq!(edit.payload["embeds"][0]["description"], prompt, "the prompt is echoed as typed");
    for message in requests.iter().filter(|r| r.method != Method::GET && r.payload.get("embeds").is_some()) {
        assert_eq!(
            message.payload["allowed_mentions"],
            json!({"parse": [], "users": [], "roles": []}),
            "{}",
            message.path
        );
    }
}

#[tokio::test]
async fn an_image_over_the_channels_upload_limit_is_reencoded_to_fit_not_dropped() {
    let app = spawn_app_with(&[], |o| o.always(Reply::Noise(400))).await;
    let limit = 200_000;

    let sent = app.discord.invoke_with_limit("generate", json!([string("prompt", "static")]), json!({}), limit);
    let requests = app
        .discord
        .wait_for("the edited answer", |r| edits_of(r, &sent.token).iter().any(|e| crate::support::is_result(e)))
        .await;

    let original = app.openai.images_made()[0].len() as u64;
    assert!(original > limit, "the model's PNG ({original} bytes) is over the limit");
    let edit = edits_of(&requests, &sent.token).into_iter().find(|e| crate::support::is_result(e)).unwrap();
    let (_, filename, bytes) = &edit.files[0];
    assert!(bytes.len() as u64 <= limit, "{} bytes", bytes.len());
    assert!(filename.ends_with(".jpg"), "{filename}");
    let delivered = image::load_from_memory(bytes).unwrap();
    assert_eq!((delivered.width(), delivered.height()), (400, 400), "same size, only re-encoded");
    let text = String::from_utf8_lossy(bytes);
    assert!(text.contains("<easel:Notice>AI-generated</easel:Notice>"), "the provenance survives the re-encode");
    assert!(text.contains("static") && text.contains(&format!("<easel:Job>{}</easel:Job>", sent.id)));
}
