//! Moderation through the real bot: the log channel, server rules, provider refusals, the pre-check,
//! repeat offenders and the audit history.

use axum::http::Method;
use chrono::Utc;
use easel::community::moderation::{AuditEntry, ModerationStore, Outcome};
use easel::domain::ids::{MemberId, ServerId};
use easel::domain::ledger::Store;
use easel::domain::request::JobTag;
use easel::store::sqlite::SqliteStore;
use serde_json::{json, Value};

use crate::support::discord::{Member, Received, Sent, CHANNEL_ID, GUILD_ID, MEMBER_ID, ORDINARY};
use crate::support::{field, member_option, spawn_app_with, string, subcommand, Reply, TestApp};

const LOG_CHANNEL: u64 = 960_000_000_000_000_001;

fn logged(requests: &[Received], channel: u64) -> Vec<&Received> {
    let path = format!("/api/v10/channels/{channel}/messages");
    requests.iter().filter(|r| r.method == Method::POST && r.path == path).collect()
}

/// Waits for the `n`-th log message in the log channel and returns its embed.
async fn log_message(app: &TestApp, n: usize) -> Received {
    let requests = app.discord.wait_for("the moderation log", |r| logged(r, LOG_CHANNEL).len() >= n).await;
    logged(&requests, LOG_CHANNEL)[n - 1].clone()
}

/// The direct answer's text, asserting it is ephemeral.
async fn direct_answer(app: &TestApp, sent: &Sent) -> String {
    let (text, ephemeral) = app.direct_answer(sent).await;
    assert!(ephemeral, "{text}");
    text
}

fn moderator() -> Member {
    Member::manager(900_000_000_000_000_098)
}

fn blocklist_add(word: &str) -> Value {
    json!([{"name": "blocklist", "type": 2, "options": [{"name": "add", "type": 1, "options": [string("pattern", word)]}]}])
}

async fn with_log_channel(vars: &[(&str, &str)], prepare: impl FnOnce(&crate::support::FakeOpenAi)) -> TestApp {
    let channel = LOG_CHANNEL.to_string();
    let mut all = vec![("MODERATION_LOG_CHANNEL_ID", channel.as_str())];
    all.extend_from_slice(vars);
    spawn_app_with(&all, prepare).await
}

#[tokio::test]
async fn a_delivered_job_is_logged_with_who_where_what_and_a_thumbnail_of_its_own() {
    let app = with_log_channel(&[], |_| {}).await;
    let prompt = "@everyone a fox <@&123456789012345678>";

    let sent = app.discord.invoke("generate", json!([string("prompt", prompt)]), json!({}));
    let log = log_message(&app, 1).await;

    let requests = app.discord.requests();
    let result = requests.iter().find(|r| r.method == Method::PATCH && crate::support::is_result(r)).unwrap();
    let embed = &log.payload["embeds"][0];
    assert_eq!(log.payload["allowed_mentions"]["parse"], json!([]), "the echoed prompt pings nobody");

    assert_eq!(embed["description"], prompt);
    assert_eq!(field(embed, "Requester"), Some(format!("<@{MEMBER_ID}>").as_str()));
    assert_eq!(field(embed, "Channel"), Some(format!("<#{CHANNEL_ID}>").as_str()));
    assert!(field(embed, "Result")
        .unwrap()
        .contains(&format!("https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/")));
    assert_eq!(field(embed, "Command"), Some("/generate"));
    assert_eq!(field(embed, "Model"), Some("gpt-image-2"));
    assert_eq!(field(embed, "Size"), Some("1024x1024"));
    assert_eq!(field(embed, "Quality"), Some("medium"));
    assert_eq!(field(embed, "Cost"), Some("$0.0365"), "the image and its two partial images");
    assert_eq!(field(embed, "Outcome"), Some("delivered"));
    assert_eq!(field(embed, "Revised prompt"), None, "a streamed gpt-image answer revises nothing");
    assert_eq!(embed["thumbnail"]["url"], "attachment://thumbnail.png", "the log message carries its own thumbnail");
    let (_, name, thumbnail) = &log.files[0];
    assert_eq!(name, "thumbnail.png");
    let thumbnail = image::load_from_memory(thumbnail).unwrap();
    let original = image::load_from_memory(&result.files[0].2).unwrap();
    assert!(thumbnail.width().max(thumbnail.height()) <= 256, "at most 256 px");
    assert_eq!(thumbnail.width() * original.height(), thumbnail.height() * original.width(), "the same shape");
    assert_eq!(embed["footer"]["text"], format!("Job {}", sent.id), "the same job id as the member's footer");

    let store = SqliteStore::open(&app.db_path).unwrap();
    let (entries, total) = store.audit_history(ServerId(GUILD_ID), Some(MemberId(MEMBER_ID)), 0, 10).await.unwrap();
    assert_eq!(total, 1);
    assert_eq!((entries[0].tag.job_id.as_str(), entries[0].outcome), (sent.id.as_str(), Outcome::Delivered));
}

#[tokio::test]
async fn a_blocked_word_and_its_evasions_are_refused_before_any_model_call_and_logged() {
    let app = with_log_channel(&[("EASEL_REFUSALS_BEFORE_PAUSE", "0")], |_| {}).await;
    let added = app.discord.invoke_as(&moderator(), "moderation", blocklist_add("Dragon"), json!({}));
    assert!(direct_answer(&app, &added).await.starts_with("Added word `dragon`"));

    let mut texts = Vec::new();
    for prompt in ["a red dragon", "a D R A G O N", "a dr@g0n.", "a drаgon" /* Cyrillic а */] {
        let sent = app.discord.invoke("generate", json!([string("prompt", prompt)]), json!({}));
        texts.push(app.refusal(&sent).await);
    }
    let clean = app.discord.invoke("generate", json!([string("prompt", "a dragonfly? no: a moth")]), json!({}));

    for text in &texts {
        assert!(text.starts_with("This prompt breaks this server's rules"), "{text}");
        assert!(!text.contains("dragon"), "the rule is not revealed: {text}");
    }
    app.discord
        .wait_for("the moth", |r| r.iter().any(|r| r.path.contains(&clean.token) && crate::support::is_result(r)))
        .await;
    assert_eq!(app.openai.image_calls().len(), 1, "only the clean prompt reached the model");
    let log = log_message(&app, 2).await;
    let embed = &log.payload["embeds"][0];
    assert_eq!(field(embed, "Outcome"), Some("refused by server rules"));
    assert_eq!(field(embed, "Reason"), Some("matched blocklist rule `dragon`"));
    assert_eq!(field(embed, "Cost"), Some("$0.0000"));
    let store = SqliteStore::open(&app.db_path).unwrap();
    let (entries, _) = store.audit_history(ServerId(GUILD_ID), Some(MemberId(MEMBER_ID)), 0, 10).await.unwrap();
    assert_eq!(entries.iter().filter(|e| e.outcome == Outcome::RefusedByRules).count(), 4);
    assert_eq!(
        store.usage(Some(ServerId(GUILD_ID)), MemberId(MEMBER_ID), Utc::now()).await.unwrap().user_images,
        1,
        "refusals cost nothing"
    );
}

#[tokio::test]
async fn a_provider_refusal_names_its_category_to_the_member_and_its_words_to_moderators() {
    let app = with_log_channel(&[], |o| o.script([Reply::moderation_blocked()])).await;

    let sent = app.discord.invoke("generate", json!([string("prompt", "a duel")]), json!({}));
    let text = app.followup_text(&sent).await;
    let log = log_message(&app, 1).await;

    assert!(text.contains("(reason: violence)") && !text.contains("safety system"), "{text}");
    let embed = &log.payload["embeds"][0];
    assert_eq!(field(embed, "Outcome"), Some("refused by provider"));
    assert!(field(embed, "Reason").unwrap().contains("rejected by the safety system"), "the provider's words");
}

#[tokio::test]
async fn the_moderation_precheck_refuses_flagged_prompts_before_the_model() {
    let app = with_log_channel(&[("EASEL_MODERATION_PRECHECK", "true")], |_| {}).await;

    let flagged = app.discord.invoke("generate", json!([string("prompt", "something forbidden")]), json!({}));
    let text = app.followup_text(&flagged).await;
    let fine = app.discord.invoke("generate", json!([string("prompt", "a meadow")]), json!({}));
    app.discord
        .wait_for("the meadow", |r| r.iter().any(|r| r.path.contains(&fine.token) && crate::support::is_result(r)))
        .await;

    assert!(text.contains("flagged by the moderation check (violence)"), "{text}");
    let checks = app.openai.moderation_calls();
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[0].body, json!({"model": "omni-moderation-latest", "input": "something forbidden"}));
    assert_eq!(app.openai.image_calls().len(), 1, "the flagged prompt never reached the image model");
    let embed = &log_message(&app, 1).await.payload["embeds"][0];
    assert_eq!(field(embed, "Outcome"), Some("refused by server rules"));
}

#[tokio::test]
async fn repeat_offenders_are_paused_until_a_moderator_lifts_it() {
    let app = with_log_channel(&[("EASEL_REFUSALS_BEFORE_PAUSE", "2"), ("EASEL_PAUSE_MINUTES", "60")], |_| {}).await;
    direct_answer(&app, &app.discord.invoke_as(&moderator(), "moderation", blocklist_add("goblin"), json!({}))).await;

    let first = app.refusal(&app.discord.invoke("generate", json!([string("prompt", "goblin")]), json!({}))).await;
    let second =
        app.refusal(&app.discord.invoke("generate", json!([string("prompt", "g o b l i n")]), json!({}))).await;
    let third = app.refusal(&app.discord.invoke("generate", json!([string("prompt", "a kitten")]), json!({}))).await;

    assert!(!first.contains("paused"), "{first}");
    assert!(
        second.contains("Because of repeated refusals you are paused from Easel in this server; the pause ends <t:"),
        "{second}"
    );
    assert!(third.starts_with("You can't use Easel in this server right now"), "{third}");
    let (user, resolved) = member_option(MEMBER_ID);
    let lift = app.discord.invoke_as(&moderator(), "moderation", subcommand("unblock", json!([user])), resolved);
    assert_eq!(direct_answer(&app, &lift).await, format!("<@{MEMBER_ID}> may use Easel here again."));
    let after = app.discord.invoke("generate", json!([string("prompt", "a kitten")]), json!({}));
    app.discord
        .wait_for("the kitten", |r| r.iter().any(|r| r.path.contains(&after.token) && crate::support::is_result(r)))
        .await;
}

#[tokio::test]
async fn history_pages_through_a_members_jobs_with_outcomes_for_moderators_only() {
    let app = spawn_app_with(&[], |_| {}).await;
    let store = SqliteStore::open(&app.db_path).unwrap();
    for i in 0..10 {
        let outcome = if i % 3 == 0 { Outcome::RefusedByProvider } else { Outcome::Delivered };
        let entry = AuditEntry {
            tag: JobTag {
                job_id: format!("97000000000000000{i}"),
                guild_id: Some(GUILD_ID),
                channel_id: CHANNEL_ID,
                user_id: MEMBER_ID,
                command: "generate".into(),
                model: "gpt-image-2".into(),
            },
            size: "1024x1024".into(),
            quality: "medium".into(),
            prompt: format!("prompt number {i}"),
            revised_prompt: None,
            outcome,
            reason: (outcome == Outcome::RefusedByProvider).then(|| "policy".to_owned()),
            cost_usd: 0.042,
            message_id: Some(980_000_000_000_000_000 + i),
            image_url: None,
            created_at: Utc::now() - chrono::Duration::minutes(10 - i as i64),
            thumbnail: None,
            parent: None,
        };
        store.record_audit(&entry).await.unwrap();
    }
    let (user, resolved) = member_option(MEMBER_ID);

    let page2 = subcommand("history", json!([user.clone(), {"name": "page", "type": 4, "value": 2}]));
    let text = direct_answer(&app, &app.discord.invoke_as(&moderator(), "moderation", page2, resolved.clone())).await;
    let ordinary = Member { id: MEMBER_ID, roles: vec![], permissions: ORDINARY };
    let denied = subcommand("history", json!([user]));
    let refused = direct_answer(&app, &app.discord.invoke_as(&ordinary, "moderation", denied, resolved)).await;

    assert!(text.contains("page 2 of 2 (10 in all)"), "{text}");
    assert!(text.contains("\"prompt number 1\"") && text.contains("\"prompt number 0\""), "the two oldest: {text}");
    assert!(text.contains("**refused by provider** (policy)"), "{text}");
    assert!(text.contains(&format!("https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/980000000000000000")));
    assert!(!text.contains("prompt number 9"), "newest are on page 1");
    assert_eq!(
        refused,
        "Only this server's moderators (Manage Messages, Moderate Members or Manage Server permission) may read Easel's job history."
    );
}

/// The answer to a button click: the updated message's text and its buttons' ids.
async fn page_turned(app: &TestApp, sent: &Sent) -> (String, Vec<String>) {
    let requests = app
        .discord
        .wait_for("the turned page", |r| r.iter().any(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")))
        .await;
    let callback = requests.iter().find(|r| r.path.contains(&sent.id)).unwrap();
    assert_eq!(callback.payload["type"], 7, "the clicked message is updated in place");
    button_ids_and_text(&callback.payload["data"])
}

fn button_ids_and_text(data: &Value) -> (String, Vec<String>) {
    let ids = data["components"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
                .filter(|b| b["disabled"] != true)
                .map(|b| b["custom_id"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default();
    (data["content"].as_str().unwrap_or_default().to_owned(), ids)
}

#[tokio::test]
async fn history_pages_turn_with_buttons_rechecking_the_clicker() {
    let app = with_log_channel(&[], |_| {}).await;
    for i in 0..9 {
        app.discord.invoke("generate", json!([string("prompt", &format!("job {i}"))]), json!({}));
        log_message(&app, i + 1).await; // each job's log post follows its audit row and settlement
    }

    let first = app.discord.invoke_as(&moderator(), "moderation", subcommand("history", json!([])), json!({}));
    let requests = app.discord.wait_for("page 1", |r| r.iter().any(|r| r.path.contains(&first.id))).await;
    let (text, buttons) =
        button_ids_and_text(&requests.iter().find(|r| r.path.contains(&first.id)).unwrap().payload["data"]);
    assert!(text.contains("page 1 of 2 (9 in all)"), "{text}");
    assert_eq!(buttons, ["easel-history:0:2"], "only 'older' is enabled on the first page");

    let (text, buttons) = page_turned(&app, &app.discord.click(&moderator(), &buttons[0])).await;
    assert!(text.contains("page 2 of 2") && text.contains("\"job 0\""), "{text}");
    assert_eq!(buttons, ["easel-history:0:1"]);
    let ordinary = Member { id: MEMBER_ID, roles: vec![], permissions: ORDINARY };
    let (text, buttons) = page_turned(&app, &app.discord.click(&ordinary, "easel-history:0:2")).await;
    assert!(text.starts_with("Only this server's moderators"), "{text}");
    assert!(buttons.is_empty());
}

#[tokio::test]
async fn an_admin_chooses_the_log_channel() {
    let app = spawn_app_with(&[], |_| {}).await;
    let channel = 960_000_000_000_000_777_u64;
    let option = json!({"name": "channel", "type": 7, "value": channel.to_string()});
    let resolved = json!({"channels": {channel.to_string(): {"id": channel.to_string(), "name": "easel-log", "type": 0,
        "permissions": "0"}}});

    let set = app.discord.invoke_as(&moderator(), "moderation", subcommand("log-channel", json!([option])), resolved);
    assert_eq!(direct_answer(&app, &set).await, format!("Easel's moderation log now goes to <#{channel}>."));
    app.discord.invoke("generate", json!([string("prompt", "a boat")]), json!({}));

    let requests = app.discord.wait_for("the log", |r| !logged(r, channel).is_empty()).await;
    assert_eq!(logged(&requests, channel)[0].payload["embeds"][0]["fields"][0]["value"], format!("<@{MEMBER_ID}>"));
}

#[tokio::test]
async fn with_the_pre_check_on_a_flagged_upload_is_refused_before_the_image_model() {
    let app = crate::support::spawn_app_with(&[("EASEL_MODERATION_PRECHECK", "true")], |_| {}).await;
    let mut sent = Vec::new();
    for (id, colour) in [("980000000000000001", [255, 0, 0]), ("980000000000000002", [0, 0, 255])] {
        let upload = crate::support::png(64, 64, colour);
        let url = app.discord.host_file(&format!("{id}.png"), upload.clone());
        let options = json!([crate::support::attachment_option(id), string("prompt", "make it night")]);
        let resolved = crate::support::uploaded(id, &url, "photo.png", "image/png", upload.len());
        sent.push(app.discord.invoke("variation", options, resolved));
    }

    let text = app.explanation(&sent[0]).await;
    app.discord
        .wait_for("the clean upload's result", |r| {
            r.iter().any(|r| r.path.contains(&sent[1].token) && crate::support::is_result(r))
        })
        .await;

    assert!(text.starts_with("The image you uploaded was flagged by the moderation check (violence)"), "{text}");
    let images_checked = app.openai.moderation_calls().iter().filter(|c| c.body["input"].is_array()).count();
    assert_eq!(images_checked, 2, "both uploads went to the moderation endpoint");
    assert_eq!(app.openai.image_calls().len(), 1, "only the clean upload reached the image model");
    assert_eq!(app.usage().await.user_images, 1);
}

#[tokio::test]
async fn spend_alerts_reach_the_log_channel_once_per_threshold() {
    let app =
        with_log_channel(&[("EASEL_GUILD_USD_PER_DAY", "0.13"), ("EASEL_USER_USD_PER_DAY", "none")], |_| {}).await;
    let notices = |requests: &[Received]| -> Vec<String> {
        logged(requests, LOG_CHANNEL)
            .into_iter()
            .filter_map(|r| r.payload["content"].as_str().map(str::to_owned))
            .filter(|c| c.starts_with("**Spend alert**"))
            .collect()
    };
    let mut seen = Vec::new();
    for prompt in ["one fox", "two foxes", "three foxes"] {
        let sent = app.discord.invoke("generate", json!([string("prompt", prompt)]), json!({}));
        app.discord
            .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        seen.push(notices(&app.discord.requests()).len());
    }

    let all = notices(&app.discord.requests());
    assert_eq!(seen, [0, 1, 2], "50% after the second image, 80% after the third, each once: {all:?}");
    assert!(
        all[0].starts_with("**Spend alert**: This server's daily image budget has passed: $0.07 of $0.13"),
        "{all:?}"
    );
    assert!(all[0].ends_with("(50%)."), "{all:?}");
    assert!(all[1].ends_with("(80%)."), "{all:?}");
    let requests = app.discord.requests();
    let logged_alert =
        logged(&requests, LOG_CHANNEL).into_iter().find(|r| r.payload["content"] == all[0].as_str()).unwrap();
    assert_eq!(logged_alert.payload["allowed_mentions"]["parse"], json!([]));
}

#[tokio::test]
async fn a_log_entry_whose_answer_was_lost_is_posted_once_when_retried() {
    let app = with_log_channel(&[], |_| {}).await;
    let entries = format!("/channels/{LOG_CHANNEL}/messages");
    app.discord.lose_answers(&entries, 1);

    let sent = app.discord.invoke("generate", json!([string("prompt", "a fox logged once")]), json!({}));
    let requests = app.discord.wait_for("the retried entry", |r| logged(r, LOG_CHANNEL).len() == 2).await;

    let posts = logged(&requests, LOG_CHANNEL);
    assert!(posts
        .iter()
        .all(|p| p.payload["nonce"] == format!("log{}", sent.id) && p.payload["enforce_nonce"] == true));
    assert_eq!(app.discord.messages_in(LOG_CHANNEL), 1, "Discord made the entry once; the retry returned it");
}
