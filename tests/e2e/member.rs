//! The member's own commands: `/settings` (defaults for `/generate`), `/help`, and `/show` (a result
//! again, from the spool while kept, else from its message on Discord).

use serde_json::{json, Value};

use crate::support::discord::{Member, Sent};
use crate::support::{field, spawn_app, string, TestApp};

fn boolean(name: &str, value: bool) -> Value {
    json!({"name": name, "type": 5, "value": value})
}

/// The answer to an interaction, given at once (type 4): its message data.
async fn answer(app: &TestApp, sent: &Sent) -> Value {
    let requests = app
        .discord
        .wait_for("the answer", |r| r.iter().any(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")))
        .await;
    let callback = requests.into_iter().find(|r| r.path.contains(&sent.id)).unwrap();
    assert_eq!(callback.payload["type"], 4, "{}", callback.payload);
    callback.payload["data"].clone()
}

async fn generated(app: &TestApp, prompt: &str) -> Sent {
    let sent = app.discord.invoke("generate", json!([string("prompt", prompt)]), json!({}));
    app.discord
        .wait_for("the result", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    sent
}

#[tokio::test]
async fn settings_change_what_the_next_generate_sends_and_reset_clears_them() {
    let app = spawn_app().await;
    let saved = app.discord.invoke(
        "settings",
        json!([string("size", "1536x1024"), string("quality", "low"), string("suffix", "in pastel colours")]),
        json!({}),
    );
    let (text, ephemeral) = app.direct_answer(&saved).await;
    assert!(ephemeral && text.starts_with("Saved."), "{text}");
    assert!(text.contains("Size: `1536x1024`") && text.contains("Prompt suffix: `in pastel colours`"), "{text}");

    generated(&app, "a harbour").await;
    let call = &app.openai.image_calls()[0];
    assert_eq!(call.body["prompt"], "a harbour, in pastel colours");
    assert_eq!((&call.body["size"], &call.body["quality"]), (&json!("1536x1024"), &json!("low")));

    let shown = app.discord.invoke("settings", json!([]), json!({}));
    assert!(app.direct_answer(&shown).await.0.contains("Quality: `low`"));
    let reset = app.discord.invoke("settings", json!([boolean("reset", true)]), json!({}));
    assert!(app.direct_answer(&reset).await.0.starts_with("Your defaults are cleared."));
    generated(&app, "a harbour").await;
    let call = &app.openai.image_calls()[1];
    assert_eq!((&call.body["prompt"], &call.body["size"]), (&json!("a harbour"), &json!("1024x1024")));
}

#[tokio::test]
async fn a_setting_the_model_does_not_offer_is_refused_and_private_results_are_ephemeral() {
    let app = spawn_app().await;
    let refused = app.discord.invoke("settings", json!([string("size", "256x256")]), json!({}));
    assert_eq!(app.direct_answer(&refused).await.0, "`gpt-image-2` does not offer size `256x256`.");

    let private = app.discord.invoke("settings", json!([boolean("public", false)]), json!({}));
    assert!(app.direct_answer(&private).await.0.contains("Results: shown to you alone"));
    let sent = app.discord.invoke("generate", json!([string("prompt", "a secret garden")]), json!({}));
    let requests = app.discord.wait_for("the deferral", |r| r.iter().any(|r| r.path.contains(&sent.id))).await;
    let deferral = &requests.iter().find(|r| r.path.contains(&sent.id)).unwrap().payload;
    assert_eq!((&deferral["type"], &deferral["data"]["flags"]), (&json!(5), &json!(64)), "deferred as ephemeral");
}

#[tokio::test]
async fn help_shows_the_prompt_formula_the_models_with_prices_and_the_members_limits() {
    let app = spawn_app().await;
    let sent = app.discord.invoke("help", json!([]), json!({}));
    let data = answer(&app, &sent).await;

    assert_eq!(data["flags"], 64);
    let embed = &data["embeds"][0];
    let formula = embed["description"].as_str().unwrap();
    assert!(formula.contains("Subject + action or state + style + environment + details + quality words"));
    assert_eq!(formula.matches("/generate prompt:").count(), 2, "two worked examples");
    let models = field(embed, "Models here (price of one image at the default size and quality)").unwrap();
    assert!(models.contains("`gpt-image-2` (default): $0.048"), "{models}");
    let limits = field(embed, "Your limits").unwrap();
    assert!(limits.contains("25"), "the default 25 images a day: {limits}");
    assert!(field(embed, "Commands").unwrap().contains("/styles"));
}

#[tokio::test]
async fn show_reposts_a_kept_result_with_its_buttons_and_refuses_a_stranger() {
    let app = spawn_app().await;
    let first = generated(&app, "a red kite").await;

    let shown = app.discord.invoke("show", json!([string("job", &first.id)]), json!({}));
    let (deferral, again) = app.deferred_answer(&shown).await;
    assert_ne!(deferral["flags"], json!(64), "a public job is shown publicly: {deferral}");
    crate::support::assert_model_bytes_with_provenance(&again.files[0].2, &app.openai.images_made()[0]);
    assert!(again.payload["components"].to_string().contains(&format!("easel:vary1:{}", first.id)));

    let stranger = Member { id: 900_000_000_000_000_079, ..Member::ordinary() };
    let refused = app.discord.invoke_as(&stranger, "show", json!([string("job", &first.id)]), json!({}));
    assert!(app.private_answer(&refused).await.starts_with("Only the member who asked for this image"));
    let unknown = app.discord.invoke("show", json!([string("job", "123")]), json!({}));
    assert_eq!(app.private_answer(&unknown).await, "I have no image job `123` on record.");
}

#[tokio::test]
async fn show_fetches_a_purged_result_from_its_message_and_says_when_it_was_deleted() {
    let app = spawn_app().await;
    let first = generated(&app, "a red kite").await;
    let spool = format!("{}-spool", app.db_path.display());
    for file in std::fs::read_dir(&spool).unwrap().flatten() {
        if file.file_name().to_string_lossy().contains(&first.id) {
            std::fs::remove_file(file.path()).unwrap();
        }
    }

    let message = app.discord.last_result();
    let message_id = message["id"].as_str().unwrap().to_owned();

    let shown = app.discord.invoke("show", json!([string("job", &first.id)]), json!({}));
    let (_, again) = app.deferred_answer(&shown).await;
    let requests = app.discord.requests();
    assert_eq!(again.payload["content"], "Fetched again from its message on Discord.");
    let fetched = |r: &crate::support::discord::Received| {
        r.method == axum::http::Method::GET && r.path.ends_with(&format!("/messages/{message_id}"))
    };
    assert!(requests.iter().any(fetched), "the delivered message was fetched from Discord");
    let pixels = |bytes: &[u8]| image::load_from_memory(bytes).unwrap().to_rgba8().into_raw();
    assert_eq!(pixels(&again.files[0].2), pixels(&app.openai.images_made()[0]));

    let delete = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:delete:{}", first.id));
    assert_eq!(app.direct_answer(&delete).await.0, "Deleted.");
    let gone = app.discord.invoke("show", json!([string("job", &first.id)]), json!({}));
    assert!(app.private_answer(&gone).await.starts_with("That result was deleted from Discord"));
}

#[tokio::test]
async fn a_private_result_whose_token_is_refused_goes_by_direct_message_never_to_the_channel() {
    let app = spawn_app().await;
    let private = app.discord.invoke("settings", json!([boolean("public", false)]), json!({}));
    app.direct_answer(&private).await;
    app.discord.fail_with_code(axum::http::Method::PATCH, "/messages/@original", 401, 50027, 100);

    app.discord.invoke("generate", json!([string("prompt", "a secret garden")]), json!({}));
    let dm = format!("/channels/{}/messages", crate::support::discord::DM_CHANNEL_ID);
    let requests = app
        .discord
        .wait_for("the direct message", |r| r.iter().any(|r| r.path.ends_with(&dm) && crate::support::is_result(r)))
        .await;

    let channel = format!("/channels/{}/messages", crate::support::discord::CHANNEL_ID);
    assert!(!requests.iter().any(|r| r.path.ends_with(&channel)), "nothing was posted in the channel");
    assert_eq!(app.usage().await.user_images, 1);
}
