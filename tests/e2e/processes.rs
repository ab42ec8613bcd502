//! Several Easel processes on one database (a rolling deploy, a double start): each keeps its own
//! reservations, none releases another's live jobs, so the ledger stays exact.

use axum::http::Method;
use serde_json::json;

use crate::support::discord::Received;
use crate::support::{string, BotProcess, FakeDiscord, FakeOpenAi, Reply};

/// One bot process with its own Discord and model stand-ins, on the shared database `db`.
async fn start_bot(dir: &std::path::Path, db: &std::path::Path) -> (BotProcess, FakeDiscord, FakeOpenAi) {
    let discord = FakeDiscord::start().await;
    let openai = FakeOpenAi::start().await;
    let bot = BotProcess::start(
        dir,
        &[
            ("DISCORD_TOKEN", "test-bot-token".into()),
            ("DISCORD_API_BASE", discord.origin.clone()),
            ("DISCORD_GUILD_ID", crate::support::discord::GUILD_ID.to_string()),
            ("OPENAI_BASE_URL", openai.base_url.clone()),
            ("EASEL_DB", db.display().to_string()),
            ("EASEL_COOLDOWN_SECS", "0".into()),
            ("EASEL_MAX_IN_FLIGHT", "none".into()),
            ("EASEL_IMAGES_PER_DAY", "2".into()),
        ],
    );
    discord.wait_until_ready().await;
    (bot, discord, openai)
}

fn delivered(requests: &[Received]) -> usize {
    requests.iter().filter(|r| r.method == Method::PATCH && !r.files.is_empty()).count()
}

#[tokio::test]
async fn a_second_process_on_the_same_database_leaves_the_firsts_live_jobs_alone() {
    let dir = std::env::temp_dir().join(format!("easel-two-processes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("easel.db");
    let (first, first_discord, first_model) = start_bot(&dir, &db).await;
    first_model.always(Reply::Delayed(4000));
    let mine: Vec<_> = (0..2)
        .map(|i| first_discord.invoke("generate", json!([string("prompt", &format!("slow fox {i}"))]), json!({})))
        .collect();
    first_model.wait_for_calls(|calls| calls.len() == 2).await;

    // Started while the first process's two images are still being made, as a rolling deploy would.
    let (second, second_discord, second_model) = start_bot(&dir, &db).await;
    let theirs: Vec<_> = (0..2)
        .map(|i| second_discord.invoke("generate", json!([string("prompt", &format!("quick owl {i}"))]), json!({})))
        .collect();
    let answers = second_discord
        .wait_for("both refusals", |r| {
            r.iter().filter(|r| r.method == Method::POST && r.payload["flags"] == 64).count() == 2
        })
        .await;
    let delivered_first = first_discord.wait_for("the slow images", |r| delivered(r) == 2).await;

    for sent in &theirs {
        let answer = answers.iter().find(|r| r.payload["flags"] == 64 && r.path.contains(&sent.token)).unwrap();
        let text = answer.payload["content"].as_str().unwrap_or_default();
        assert!(text.starts_with("Daily image limit reached: 0 left of 2"), "{text}");
    }
    assert!(second_model.image_calls().is_empty(), "the second process made no image");
    assert_eq!(delivered(&delivered_first), mine.len());
    let (first_status, first_logs) = first.terminate().await;
    let (second_status, second_logs) = second.terminate().await;
    assert!(first_status.success() && second_status.success(), "{first_logs}\n{second_logs}");
    assert!(!second_logs.contains("released reservations"), "the second process released nothing:\n{second_logs}");
    let usage = easel::store::Store::usage(
        &easel::store::sqlite::SqliteStore::open(&db).unwrap(),
        Some(crate::support::discord::GUILD_ID),
        crate::support::discord::MEMBER_ID,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!((usage.user_images, usage.in_flight), (2, 0), "two images charged, as the limit allows");
}
