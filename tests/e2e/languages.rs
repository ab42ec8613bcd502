//! Members and servers read Easel in their own language: a member's Discord `locale`, a server's
//! `guild_locale` for what everyone there reads, `/settings language` over both, and commands
//! registered with every language's names. Expected words come from the catalogues in `locales/`.

use axum::http::Method;
use serde_json::{json, Value};

use crate::support::discord::{Member, Place, Received, MEMBER_ID, ORDINARY};
use crate::support::sd::FakeSd;
use crate::support::{field, spawn_app_with, string, Reply, TestApp};

const LOG_CHANNEL: u64 = 960_000_000_000_000_001;

/// The text of single-line message `key` in catalogue `code` (`locales/{code}.ftl`).
fn says(code: &str, key: &str) -> String {
    let path = format!("{}/locales/{code}.ftl", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let prefix = format!("{key} = ");
    let line = source.lines().find(|l| l.starts_with(&prefix)).unwrap_or_else(|| panic!("{key} in {path}"));
    line[prefix.len()..].trim().to_owned()
}

async fn with_log_channel(prepare: impl FnOnce(&crate::support::FakeOpenAi)) -> TestApp {
    spawn_app_with(&[("MODERATION_LOG_CHANNEL_ID", &LOG_CHANNEL.to_string())], prepare).await
}

/// The first message posted in the log channel.
async fn first_log_entry(app: &TestApp) -> Received {
    let path = format!("/api/v10/channels/{LOG_CHANNEL}/messages");
    let is_log = |r: &Received| r.method == Method::POST && r.path == path;
    let requests = app.discord.wait_for("the log entry", |r| r.iter().any(is_log)).await;
    requests.into_iter().find(|r| is_log(r)).unwrap()
}

#[tokio::test]
async fn a_chinese_member_reads_results_and_refusals_in_chinese_and_sees_chinese_command_names() {
    let app = with_log_channel(|o| o.script([Reply::Base64, Reply::moderation_blocked()])).await;
    app.discord.set_user_locale(MEMBER_ID, "zh-CN");

    let made = app.discord.invoke("generate", json!([string("prompt", "一只在雪地里睡觉的狐狸")]), json!({}));
    let result = app.result_of(&made).await;
    let embed = &result.payload["embeds"][0];
    assert_eq!(embed["title"], says("zh-CN", "result-title-generate"));
    assert_eq!(field(embed, &says("zh-CN", "field-model")), Some("gpt-image-2"));
    assert_eq!(embed["description"], "一只在雪地里睡觉的狐狸", "the prompt stays as the member wrote it");
    let sent_prompt = &app.openai.image_calls()[0].body["prompt"];
    assert_eq!(sent_prompt, "一只在雪地里睡觉的狐狸", "gpt-image reads Chinese: nothing translated");
    let buttons = result.payload["components"][0]["components"].as_array().unwrap();
    assert_eq!(buttons[0]["label"], says("zh-CN", "button-reroll"));

    let refused = app.discord.invoke("generate", json!([string("prompt", "两个人决斗")]), json!({}));
    let text = app.followup_text(&refused).await;
    let reason = says("zh-CN", "refusal-category-violence");
    let expected = says("zh-CN", "failure-provider-refused").replace("{ $category }", &reason);
    assert!(text.starts_with(&expected), "a Chinese refusal with its reason: {text}");
    assert!(!text.contains("content policy"), "no English: {text}");

    let registration = app.discord.wait_until_ready().await;
    assert!(app.discord.refused_registrations().is_empty(), "{:?}", app.discord.refused_registrations());
    let generate = registration.payload.as_array().unwrap().iter().find(|c| c["name"] == "generate").unwrap();
    assert_eq!(generate["name_localizations"]["zh-CN"], says("zh-CN", "name-generate"));
    assert_eq!(generate["description_localizations"]["zh-CN"], says("zh-CN", "desc-generate"));
}

#[tokio::test]
async fn a_german_server_logs_in_german_while_a_french_member_there_reads_french() {
    let app = with_log_channel(|_| {}).await;
    app.discord.set_guild_locale("de");
    app.discord.set_user_locale(MEMBER_ID, "fr");

    let made = app.discord.invoke("generate", json!([string("prompt", "un renard")]), json!({}));
    let result = app.result_of(&made).await;
    let embed = &result.payload["embeds"][0];
    assert_eq!(embed["title"], says("fr", "result-title-generate"));
    let footer = says("fr", "result-footer").replace("{ $job }", &made.id);
    assert_eq!(embed["footer"]["text"], footer);

    let log = first_log_entry(&app).await;
    let entry = &log.payload["embeds"][0];
    assert_eq!(field(entry, &says("de", "field-outcome")), Some(says("de", "outcome-delivered").as_str()));
    assert_eq!(field(entry, &says("de", "field-requester")), Some(format!("<@{MEMBER_ID}>").as_str()));
    let cost = field(entry, &says("de", "field-cost")).unwrap();
    assert!(cost.ends_with("\u{a0}$") && cost.contains(','), "German money: {cost}");
}

#[tokio::test]
async fn settings_language_overrides_discords_and_going_back_follows_discord_again() {
    let app = spawn_app_with(&[], |_| {}).await;
    let chosen = app.discord.invoke("settings", json!([string("language", "ja")]), json!({}));
    let (text, ephemeral) = app.direct_answer(&chosen).await;
    assert!(ephemeral && text.starts_with(&says("ja", "settings-saved")), "{text}");
    assert!(text.contains("日本語"), "{text}");

    let usage = app.discord.invoke("usage", json!([]), json!({}));
    let (text, _) = app.direct_answer(&usage).await;
    assert!(text.starts_with(&says("ja", "usage-heading")), "{text}");

    let back = app.discord.invoke("settings", json!([string("language", "discord")]), json!({}));
    let (text, _) = app.direct_answer(&back).await;
    assert!(text.starts_with("Saved. Your defaults are now:"), "English again, Discord's language: {text}");
}

#[tokio::test]
async fn the_language_chosen_for_ones_own_jobs_holds_wherever_no_other_was_chosen() {
    let app = spawn_app_with(&[], |_| {}).await;
    let in_dm =
        |name: &str, options: Value| app.discord.invoke_in(Place::BotDm, &Member::ordinary(), name, options, json!({}));
    let chosen = in_dm("settings", json!([string("language", "ja")]));
    let (text, _) = app.direct_answer(&chosen).await;
    assert!(text.starts_with(&says("ja", "settings-saved")), "{text}");

    let usage = app.discord.invoke("usage", json!([]), json!({}));
    let (text, _) = app.direct_answer(&usage).await;
    assert!(text.starts_with(&says("ja", "usage-heading")), "the server, where none was chosen: {text}");
    let made = app.discord.invoke("generate", json!([string("prompt", "a fox")]), json!({}));
    let result = app.result_of(&made).await;
    assert_eq!(result.payload["embeds"][0]["title"], says("ja", "result-title-generate").as_str(), "a job's words too");

    let french = app.discord.invoke("settings", json!([string("language", "fr")]), json!({}));
    app.direct_answer(&french).await;
    let (text, _) = app.direct_answer(&app.discord.invoke("usage", json!([]), json!({}))).await;
    assert!(text.starts_with(&says("fr", "usage-heading")), "the server's own choice wins there: {text}");
    let (text, _) = app.direct_answer(&in_dm("usage", json!([]))).await;
    assert!(text.starts_with(&says("ja", "usage-heading")), "and the member's own elsewhere: {text}");
}

/// An app whose Stable Diffusion reads English only, with the translator on when `translator` is set.
async fn with_stable_diffusion(sd: &FakeSd, translator: Option<&str>) -> TestApp {
    let mut vars = vec![("SD_BASE_URL", sd.base_url.as_str())];
    vars.extend(translator.map(|model| ("EASEL_TRANSLATE_MODEL", model)));
    spawn_app_with(&vars, |_| {}).await
}

fn on_stable_diffusion(prompt: &str) -> serde_json::Value {
    json!([string("prompt", prompt), string("model", "stable-diffusion")])
}

#[tokio::test]
async fn a_prompt_for_a_model_that_reads_english_only_is_translated_first_and_both_are_shown() {
    let sd = FakeSd::start().await;
    let app = with_stable_diffusion(&sd, Some("gpt-4.1-mini")).await;
    app.openai.translates("一只在雪地里睡觉的狐狸", "a fox asleep in the snow");
    app.discord.set_user_locale(MEMBER_ID, "zh-CN");

    let made = app.discord.invoke("generate", on_stable_diffusion("一只在雪地里睡觉的狐狸"), json!({}));
    let result = app.result_of(&made).await;

    assert_eq!(sd.calls()[0].1["prompt"], "a fox asleep in the snow", "the model is sent English");
    let chat = &app.openai.chat_calls()[0].body;
    assert_eq!(chat["model"], "gpt-4.1-mini");
    assert_eq!(chat["messages"][1]["content"], "一只在雪地里睡觉的狐狸");
    let embed = &result.payload["embeds"][0];
    assert_eq!(embed["description"], "一只在雪地里睡觉的狐狸", "the member's words as they wrote them");
    assert_eq!(field(embed, &says("zh-CN", "field-prompt-sent")), Some("a fox asleep in the snow"));
    let usage = crate::support::settled_usage(&app.db_path, MEMBER_ID).await;
    assert_eq!(usage.user_usd, 0.0, "the translation costs the member nothing (and self-hosted images are free)");

    // An English reader's plain prompt goes as written, with no translator call.
    let english = Member { id: 900_000_000_000_000_071, roles: Vec::new(), permissions: ORDINARY };
    let plain = app.discord.invoke_as(&english, "generate", on_stable_diffusion("a lighthouse"), json!({}));
    app.result_of(&plain).await;
    assert_eq!(sd.calls()[1].1["prompt"], "a lighthouse");
    assert_eq!(app.openai.chat_calls().len(), 1);
}

#[tokio::test]
async fn without_a_translator_help_says_which_models_read_english_only_and_prompts_go_as_written() {
    let sd = FakeSd::start().await;
    let app = with_stable_diffusion(&sd, None).await;
    let help = app.discord.invoke("help", json!([]), json!({}));
    let requests = app
        .discord
        .wait_for("the help", |r| r.iter().any(|r| r.path.contains(&help.id) && r.path.ends_with("/callback")))
        .await;
    let answer = &requests.iter().find(|r| r.path.contains(&help.id)).unwrap().payload["data"];
    let models = field(&answer["embeds"][0], "Models here (price of one image at the default size and quality)")
        .unwrap()
        .to_owned();
    assert!(
        models.contains("`stable-diffusion`: self-hosted, no charge · understands prompts in English only"),
        "{models}"
    );
    assert!(!models.contains("`gpt-image-2` (default): $0.048 ·"), "gpt-image reads every language: {models}");

    let made = app.discord.invoke("generate", on_stable_diffusion("un zorro dormido"), json!({}));
    app.result_of(&made).await;
    assert_eq!(sd.calls()[0].1["prompt"], "un zorro dormido");
    assert!(app.openai.chat_calls().is_empty());
}

#[tokio::test]
async fn a_translator_that_keeps_failing_leaves_the_member_told_and_uncharged() {
    let sd = FakeSd::start().await;
    let app = with_stable_diffusion(&sd, Some("gpt-4.1-mini")).await;
    app.openai.fail_chat(100);
    // A German reader's prompt may be plain ASCII: it is translated all the same.
    app.discord.set_user_locale(MEMBER_ID, "de");

    let made = app.discord.invoke("generate", on_stable_diffusion("ein schlafender Fuchs"), json!({}));
    let text = app.followup_text(&made).await;

    assert!(text.starts_with(&says("de", "failure-translation")), "{text}");
    assert!(sd.calls().is_empty(), "no image was asked for");
    assert!(app.openai.chat_calls().len() > 1, "transient faults are retried");
    let usage = crate::support::settled_usage(&app.db_path, MEMBER_ID).await;
    assert_eq!((usage.user_images, usage.user_usd), (0, 0.0));
}
