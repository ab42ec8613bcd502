//! Limits and the ledger through the real bot: nobody gets around a limit, nobody pays for a failure.

use std::path::Path;

use axum::http::Method;
use chrono::Utc;
use easel::domain::ids::ServerId;
use easel::domain::ledger::{Charge, InstanceId, LedgerState, Store};
use easel::domain::limits::{Limits, Usage};
use easel::domain::request::{JobId, JobTag};
use easel::store::sqlite::SqliteStore;
use serde_json::json;

use crate::support::discord::{Member, Received, Sent, GUILD_ID, MEMBER_ID, ORDINARY};
use crate::support::{is_followup, member_option, spawn_app_with, string, subcommand, Reply, TestApp};

async fn usage_in_db(path: &Path) -> Usage {
    crate::support::settled_usage(path, MEMBER_ID).await
}

async fn delivered(app: &TestApp, sent: &Sent) {
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
}

fn admin() -> Member {
    Member::manager(900_000_000_000_000_099)
}

#[tokio::test]
async fn fifty_racing_requests_whose_budget_fits_three_admit_exactly_three() {
    // gpt-image-2 medium 1024x1024 is estimated at $0.048 (two partial images included): the budget fits
    // exactly three, and settled at $0.0365 each, three leave no room for a fourth.
    let vars = [("EASEL_USER_USD_PER_DAY", "0.145"), ("EASEL_MAX_IN_FLIGHT", "none"), ("EASEL_IMAGES_PER_DAY", "none")];
    let app = spawn_app_with(&vars, |_| {}).await;

    let sent: Vec<Sent> = (0..50)
        .map(|i| app.discord.invoke("generate", json!([string("prompt", &format!("fox {i}"))]), json!({})))
        .collect();
    let requests = app
        .discord
        .wait_for("every answer", |r| {
            let refused = r.iter().filter(|r| r.payload["flags"] == 64 && r.method == Method::POST).count();
            let images = r.iter().filter(|r| r.method == Method::PATCH && crate::support::is_result(r)).count();
            refused + images == 50
        })
        .await;

    let images: Vec<&Received> =
        requests.iter().filter(|r| r.method == Method::PATCH && crate::support::is_result(r)).collect();
    assert_eq!(images.len(), 3, "exactly three admitted and delivered");
    assert_eq!(app.openai.image_calls().len(), 3, "no model call for a refused request");
    let refusal = requests.iter().find(|r| r.payload["flags"] == 64 && r.method == Method::POST).unwrap();
    let text = refusal.payload["content"].as_str().unwrap();
    assert!(text.contains("daily budget"), "{text}");
    assert_eq!(sent.len(), 50);
    let usage = usage_in_db(&app.db_path).await;
    assert_eq!(usage.user_images, 3, "the ledger shows exactly three charges");
    assert!((usage.user_usd - 3.0 * 0.0365).abs() < 1e-9, "settled at the real cost: {}", usage.user_usd);
    assert_eq!(usage.in_flight, 0);
}

#[tokio::test]
async fn an_upstream_failure_a_refusal_and_a_failed_upload_cost_nothing() {
    let app = spawn_app_with(&[("EASEL_MODEL_RETRIES", "1")], |openai| {
        openai.script([Reply::server_error(), Reply::server_error(), Reply::moderation_blocked()]);
    })
    .await;

    for prompt in ["upstream 500", "refused"] {
        let sent = app.discord.invoke("generate", json!([string("prompt", prompt)]), json!({}));
        app.discord.wait_for("the explanation", |r| r.iter().any(|r| is_followup(r, &sent.token))).await;
    }
    // 413: Discord will not take the upload; retrying the same bytes cannot help.
    app.discord.fail(Method::PATCH, "/messages/@original", 413, 1);
    let sent = app.discord.invoke("generate", json!([string("prompt", "upload fails")]), json!({}));
    let requests = app.discord.wait_for("the explanation", |r| r.iter().any(|r| is_followup(r, &sent.token))).await;

    let explanation = requests.iter().find(|r| is_followup(r, &sent.token)).unwrap();
    assert!(explanation.payload["content"].as_str().unwrap().contains("Discord would not accept"));
    let usage = usage_in_db(&app.db_path).await;
    assert_eq!((usage.user_images, usage.user_usd, usage.in_flight), (0, 0.0, 0), "usage unchanged: {usage:?}");
    let store = SqliteStore::open(&app.db_path).unwrap();
    assert_eq!(store.ledger_state(&JobId::from(&sent.id)).await.unwrap(), Some(LedgerState::Released));
}

#[tokio::test]
async fn a_refusal_names_the_limit_what_is_left_and_when_it_resets() {
    let app = spawn_app_with(&[("EASEL_IMAGES_PER_DAY", "1")], |_| {}).await;
    let first = app.discord.invoke("generate", json!([string("prompt", "one")]), json!({}));
    delivered(&app, &first).await;

    let second = app.discord.invoke("generate", json!([string("prompt", "two")]), json!({}));
    let text = app.refusal(&second).await;

    assert!(text.starts_with("Daily image limit reached: 0 left of 1 per 24 hours"), "{text}");
    assert!(text.contains("<t:") && text.contains(":R>."), "a Discord relative timestamp: {text}");
    assert!(text.ends_with(&format!("-# Job {}", second.id)), "the job id, to trace a complaint: {text}");
    assert_eq!(app.openai.image_calls().len(), 1);
}

#[tokio::test]
async fn a_cooldown_refuses_a_quick_second_request() {
    let app = spawn_app_with(&[("EASEL_COOLDOWN_SECS", "600")], |_| {}).await;
    let first = app.discord.invoke("generate", json!([string("prompt", "one")]), json!({}));
    delivered(&app, &first).await;

    let second = app.discord.invoke("generate", json!([string("prompt", "two")]), json!({}));
    let text = app.refusal(&second).await;

    assert!(text.starts_with("Please wait a little between requests"), "{text}");
}

#[tokio::test]
async fn usage_survives_a_restart_and_dangling_reservations_are_released() {
    let db = std::env::temp_dir().join(format!("easel-restart-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&db);
    let db_var = db.display().to_string();
    let first = spawn_app_with(&[("EASEL_DB", &db_var)], |_| {}).await;
    let sent = first.discord.invoke("generate", json!([string("prompt", "kept")]), json!({}));
    delivered(&first, &sent).await;
    first.stop().await;
    // A job that was mid-flight when a process died: reserved, never settled.
    let crashed = Charge {
        tag: JobTag {
            job_id: "crashed-job".into(),
            guild_id: Some(GUILD_ID),
            channel_id: 1,
            user_id: MEMBER_ID,
            command: "generate".into(),
            model: "gpt-image-2".into(),
        },
        images: 1,
        usd: 0.042,
        owner: InstanceId("a-process-that-died".into()),
    };
    let store = SqliteStore::open(&db).unwrap();
    store.heartbeat(&crashed.owner, Utc::now() - chrono::Duration::minutes(5)).await.unwrap();
    store.reserve(&crashed, &Limits::new([None; 6], false), false, Utc::now()).await.unwrap();

    let second = spawn_app_with(&[("EASEL_DB", &db_var)], |_| {}).await;
    let asked = second.discord.invoke("usage", json!([]), json!({}));
    let (text, ephemeral) = second.direct_answer(&asked).await;

    assert!(ephemeral);
    assert!(text.contains("**Images (24 h)**: 1 used, 24 left of 25"), "{text}");
    assert!(text.contains("**Images in progress**: 0 used"), "the dangling reservation was released: {text}");
    let store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.ledger_state(&JobId::from("crashed-job")).await.unwrap(), Some(LedgerState::Released));
}

#[tokio::test]
async fn a_member_without_manage_server_cannot_change_limits() {
    let app = spawn_app_with(&[], |_| {}).await;
    let (user, resolved) = member_option(MEMBER_ID);

    let options = subcommand("set", json!([string("limit", "images_per_day"), string("value", "999"), user]));
    let sent = app.discord.invoke("limits", options, resolved);
    let (text, ephemeral) = app.direct_answer(&sent).await;

    assert!(ephemeral);
    assert_eq!(text, "Only members with the Manage Server permission may change Easel's limits.");
    let store = SqliteStore::open(&app.db_path).unwrap();
    assert!(store.overrides(ServerId(GUILD_ID)).await.unwrap().is_empty(), "nothing changed");
}

#[tokio::test]
async fn an_admin_sets_a_members_limit_and_blocks_and_unblocks_them() {
    let app = spawn_app_with(&[], |_| {}).await;
    let (user, resolved) = member_option(MEMBER_ID);

    let options = subcommand("set", json!([string("limit", "images_per_day"), string("value", "1"), user.clone()]));
    let set = app.discord.invoke_as(&admin(), "limits", options, resolved.clone());
    let (text, _) = app.direct_answer(&set).await;
    assert_eq!(text, format!("`images_per_day` for <@{MEMBER_ID}> is now 1."));
    let first = app.discord.invoke("generate", json!([string("prompt", "one")]), json!({}));
    delivered(&app, &first).await;
    let text = app.refusal(&app.discord.invoke("generate", json!([string("prompt", "two")]), json!({}))).await;
    assert!(text.starts_with("Daily image limit reached"), "{text}");

    let shown = app.discord.invoke_as(&admin(), "limits", subcommand("show", json!([user.clone()])), resolved.clone());
    let (text, _) = app.direct_answer(&shown).await;
    assert!(text.contains("`images_per_day`: 1"), "{text}");

    let reset = app.discord.invoke_as(&admin(), "limits", subcommand("reset", json!([user.clone()])), resolved.clone());
    app.direct_answer(&reset).await;
    let block = subcommand("block", json!([user.clone(), {"name": "hours", "type": 10, "value": 2.0}]));
    let (text, _) = app.direct_answer(&app.discord.invoke_as(&admin(), "limits", block, resolved.clone())).await;
    assert!(text.contains("is blocked from Easel here; the block ends <t:"), "{text}");
    let text = app.refusal(&app.discord.invoke("generate", json!([string("prompt", "three")]), json!({}))).await;
    assert!(text.starts_with("You can't use Easel in this server right now"), "{text}");

    let unblock = app.discord.invoke_as(&admin(), "limits", subcommand("unblock", json!([user])), resolved);
    app.direct_answer(&unblock).await;
    let after = app.discord.invoke("generate", json!([string("prompt", "four")]), json!({}));
    delivered(&app, &after).await;
}

#[tokio::test]
async fn a_role_tier_gets_more_than_the_server_default() {
    let supporter = 940_000_000_000_000_001_u64;
    let app = spawn_app_with(&[("EASEL_IMAGES_PER_DAY", "1")], |_| {}).await;
    let role = json!({"name": "role", "type": 8, "value": supporter.to_string()});
    let resolved = json!({"roles": {supporter.to_string(): {"id": supporter.to_string(), "name": "Supporter",
        "color": 0, "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null}, "hoist": false, "position": 1, "permissions": "0", "managed": false, "mentionable": false,
        "icon": null, "unicode_emoji": null, "flags": 0}}});

    let options = subcommand("set", json!([string("limit", "images_per_day"), string("value", "2"), role]));
    let (text, _) = app.direct_answer(&app.discord.invoke_as(&admin(), "limits", options, resolved)).await;
    assert_eq!(text, format!("`images_per_day` for members with <@&{supporter}> is now 2."));

    let member = Member { id: MEMBER_ID, roles: vec![supporter], permissions: ORDINARY };
    for prompt in ["one", "two"] {
        let sent = app.discord.invoke_as(&member, "generate", json!([string("prompt", prompt)]), json!({}));
        delivered(&app, &sent).await;
    }
    let third = app.discord.invoke_as(&member, "generate", json!([string("prompt", "three")]), json!({}));
    let text = app.refusal(&third).await;
    assert!(text.contains("0 left of 2"), "{text}");
}

#[tokio::test]
async fn usage_server_shows_moderators_a_chart_of_spend_by_day_and_the_top_requesters() {
    let app = crate::support::spawn_app().await;
    for prompt in ["a fox", "a hare"] {
        let sent = app.discord.invoke("generate", json!([string("prompt", prompt)]), json!({}));
        app.discord
            .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
            .await;
    }
    let server = json!([{"name": "server", "type": 5, "value": true}]);

    let refused = app.discord.invoke("usage", server.clone(), json!({}));
    assert_eq!(app.direct_answer(&refused).await.0, "Only moderators can see the server's spend.");
    let manager = Member::manager(900_000_000_000_000_098);
    let sent = app.discord.invoke_as(&manager, "usage", server, json!({}));
    let requests = app
        .discord
        .wait_for("the report", |r| r.iter().any(|r| r.path.contains(&sent.id) && crate::support::is_result(r)))
        .await;

    let report = requests.iter().find(|r| r.path.contains(&sent.id)).unwrap();
    let data = &report.payload["data"];
    assert_eq!(data["flags"], 64);
    let text = data["content"].as_str().unwrap();
    assert!(text.starts_with("**This server's image spend, last 30 days**: $0.07 for 2 image(s)."), "{text}");
    assert!(text.contains(&format!("1. <@{MEMBER_ID}>: $0.07, 2 image(s)")), "{text}");
    assert_eq!(data["allowed_mentions"]["parse"], json!([]));
    let chart = image::load_from_memory(&report.files[0].2).unwrap().to_rgb8();
    assert_eq!(chart.dimensions(), (easel::community::report::WIDTH, easel::community::report::HEIGHT));
    let today_x = 8 + ((easel::community::report::WIDTH - 16) as f64 * 29.5 / 30.0) as u32;
    let bar = (0..chart.height()).filter(|y| chart.get_pixel(today_x, *y).0 == [91, 141, 239]).count();
    let earlier = (0..chart.height())
        .filter(|y| chart.get_pixel(8 + (easel::community::report::WIDTH - 16) / 4, *y).0 == [91, 141, 239])
        .count();
    assert!(bar > 100 && earlier == 0, "today's bar and no spend earlier: {bar} {earlier}");
}
