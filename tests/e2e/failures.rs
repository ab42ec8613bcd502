//! Upstream faults: retried where that helps, explained (ephemerally, with no image) where it does not.

use axum::http::Method;
use serde_json::json;

use crate::support::{spawn_app_with, string, Reply};

#[tokio::test]
async fn a_provider_refusal_says_so_without_retrying() {
    let app = spawn_app_with(&[], |o| o.always(Reply::moderation_blocked())).await;

    let sent = app.discord.invoke("generate", json!([string("prompt", "something forbidden")]), json!({}));
    let text = app.explanation(&sent).await;

    assert!(text.contains("refused this request under its content policy (reason: violence)"), "{text}");
    assert!(!text.contains("safety system"), "the raw provider text stays in the log: {text}");
    assert_eq!(app.openai.image_calls().len(), 1, "a refusal is never retried");
}

#[tokio::test]
async fn a_rate_limit_is_retried_then_explained_as_busy() {
    let app = spawn_app_with(&[("EASEL_MODEL_RETRIES", "2")], |o| o.always(Reply::rate_limited())).await;

    let sent = app.discord.invoke("generate", json!([string("prompt", "a cat")]), json!({}));
    let text = app.explanation(&sent).await;

    assert!(text.contains("busy"), "{text}");
    assert_eq!(app.openai.image_calls().len(), 3, "one call and two retries");
}

#[tokio::test]
async fn a_server_error_then_success_delivers_the_image() {
    let app = spawn_app_with(&[], |o| o.script([Reply::server_error(), Reply::server_error()])).await;

    let sent = app.discord.invoke("generate", json!([string("prompt", "a cat")]), json!({}));
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    assert_eq!(app.openai.image_calls().len(), 3);
}

#[tokio::test]
async fn a_hanging_model_times_out_with_an_explanation() {
    let app = spawn_app_with(&[("EASEL_MODEL_TIMEOUT_SECS", "1")], |o| o.always(Reply::Hang)).await;

    let sent = app.discord.invoke("generate", json!([string("prompt", "a cat")]), json!({}));
    let text = app.explanation(&sent).await;

    assert!(text.contains("took too long"), "{text}");
}

#[tokio::test]
async fn an_expired_result_link_is_explained_not_delivered() {
    let app = spawn_app_with(&[], |o| o.always(Reply::ExpiredUrl)).await;

    let sent =
        app.discord.invoke("generate", json!([string("prompt", "a cat"), string("model", "dall-e-3")]), json!({}));
    let text = app.explanation(&sent).await;

    assert!(text.contains("link expired"), "{text}");
}

#[tokio::test]
async fn a_retired_model_names_the_replacement() {
    let retired =
        Reply::Error { status: 404, code: "model_not_found", kind: "invalid_request_error", retry_after: None };
    let app = spawn_app_with(&[], |o| o.always(retired)).await;

    let sent =
        app.discord.invoke("generate", json!([string("prompt", "a cat"), string("model", "dall-e-3")]), json!({}));
    let text = app.explanation(&sent).await;

    assert_eq!(
        text,
        format!(
            "The model `dall-e-3` has been retired by its provider. Please choose `gpt-image-2` instead.\n-# Job {}",
            sent.id
        )
    );
}

#[tokio::test]
async fn an_exhausted_account_is_told_as_misconfiguration_without_details() {
    let broke = Reply::Error { status: 429, code: "insufficient_quota", kind: "insufficient_quota", retry_after: None };
    let app = spawn_app_with(&[], |o| o.always(broke)).await;

    let sent = app.discord.invoke("generate", json!([string("prompt", "a cat")]), json!({}));
    let text = app.explanation(&sent).await;

    assert!(text.contains("not set up correctly") && !text.contains("quota"), "{text}");
    assert_eq!(app.openai.image_calls().len(), 1, "out of credit never heals by retrying");
}

#[tokio::test]
async fn a_discord_outage_during_upload_is_retried() {
    let app = spawn_app_with(&[], |_| {}).await;
    app.discord.fail(Method::PATCH, "/messages/@original", 500, 1);
    app.discord.fail(Method::PATCH, "/messages/@original", 429, 1);

    let sent = app.discord.invoke("generate", json!([string("prompt", "a cat")]), json!({}));
    let requests = app
        .discord
        .wait_for("three tries", |r| {
            r.iter().filter(|r| r.path.contains(&sent.token) && crate::support::is_result(r)).count() == 3
        })
        .await;

    let after_deferral: Vec<_> =
        requests.iter().filter(|r| r.path.contains(&sent.token) && !r.path.ends_with("/callback")).collect();
    assert_eq!(after_deferral.len(), 3, "three edits, no deletion or explanation after the third succeeded");
}
