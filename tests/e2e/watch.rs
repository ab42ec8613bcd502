//! The live model watch: a model retiring while the bot runs is warned of in the log channels, then
//! hidden on its date with the commands registered again, and a member whose default it was is moved to
//! its replacement and told, all without a restart.

use std::time::Duration;

use axum::http::Method;
use chrono::Utc;
use serde_json::{json, Value};

use crate::support::discord::{Received, MEMBER_ID};
use crate::support::{is_followup, spawn_app_with, string};

const LOG_CHANNEL: u64 = 960_000_000_000_000_009;

fn notices(requests: &[Received]) -> Vec<String> {
    let path = format!("/api/v10/channels/{LOG_CHANNEL}/messages");
    requests
        .iter()
        .filter(|r| r.method == Method::POST && r.path == path)
        .filter_map(|r| r.payload["content"].as_str().map(str::to_owned))
        .collect()
}

fn served(shutdown: &str) -> Vec<Value> {
    vec![
        json!({"id": "gpt-image-2", "object": "model", "shutdown_date": null}),
        json!({"id": "gpt-image-2.6-flare", "object": "model", "shutdown_date": shutdown}),
    ]
}

fn generate_models(registration: &Received) -> Vec<String> {
    let generate = registration.payload.as_array().unwrap().iter().find(|c| c["name"] == "generate").unwrap();
    let model = generate["options"].as_array().unwrap().iter().find(|o| o["name"] == "model").unwrap();
    model["choices"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn a_model_retiring_while_the_bot_runs_is_warned_of_then_hidden_without_a_restart() {
    let in_five_days = (Utc::now().date_naive() + chrono::Duration::days(5)).to_string();
    let channel = LOG_CHANNEL.to_string();
    let vars = [("EASEL_MODEL_WATCH_SECS", "1"), ("MODERATION_LOG_CHANNEL_ID", channel.as_str())];
    let app = spawn_app_with(&vars, |openai| openai.serve_models(served(&in_five_days))).await;
    let saved = app.discord.invoke("settings", json!([string("model", "gpt-image-2.6-flare")]), json!({}));
    assert!(app.direct_answer(&saved).await.0.starts_with("Saved."));

    let requests = app.discord.wait_for("the warning", |r| !notices(r).is_empty()).await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let warned = notices(&app.discord.requests());
    assert_eq!(warned.len(), 1, "warned once, however often the watch looks: {warned:?}");
    assert_eq!(
        warned[0],
        format!("**Model retiring**: `gpt-image-2.6-flare` shuts down on {in_five_days} (in 5 days).")
    );
    let first = requests.iter().find(|r| r.method == Method::PUT && r.path.ends_with("/commands")).unwrap().clone();
    assert!(generate_models(&first).contains(&"gpt-image-2.6-flare".to_owned()));

    let today = Utc::now().date_naive().to_string();
    app.openai.serve_models(served(&today));
    let requests = app
        .discord
        .wait_for("the commands registered again", |r| {
            r.iter().filter(|r| r.method == Method::PUT && r.path.ends_with("/commands")).count() >= 2
        })
        .await;
    let again = requests.iter().filter(|r| r.method == Method::PUT && r.path.ends_with("/commands")).nth(1).unwrap();
    assert!(!generate_models(again).contains(&"gpt-image-2.6-flare".to_owned()), "hidden on its date");
    let requests = app.discord.wait_for("the retirement notice", |r| notices(r).len() >= 2).await;
    assert_eq!(notices(&requests)[1], "**Model retired**: `gpt-image-2.6-flare` is no longer served, so it is no longer offered. Requests for it use `gpt-image-2` instead.");

    let sent = app.discord.invoke("generate", json!([string("prompt", "a heron")]), json!({}));
    let requests = app
        .discord
        .wait_for("the image and the note", |r| {
            r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r))
                && r.iter().any(|r| is_followup(r, &sent.token))
        })
        .await;
    assert_eq!(app.openai.image_calls()[0].body["model"], "gpt-image-2", "the replacement was used");
    let note = requests.iter().find(|r| is_followup(r, &sent.token)).unwrap();
    assert_eq!(note.payload["flags"], 64);
    assert!(note.payload["content"].as_str().unwrap().starts_with(
        "Your saved default model `gpt-image-2.6-flare` has been retired, so `gpt-image-2` takes its place"
    ));
    let _ = MEMBER_ID;
}
