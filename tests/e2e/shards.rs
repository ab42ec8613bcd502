//! Gateway shards: a process runs the shards `EASEL_SHARDS` names (or all of Discord's recommended
//! count), answers the guilds whose events arrive on them, and shows them in `/healthz` and `/metrics`;
//! two processes split a bot's shards between them.

use std::time::Duration;

use serde_json::{json, Value};

use crate::support::discord::{FakeDiscord, Sent, GUILD_ID, GUILD_ON_SHARD_0};
use crate::support::{free_address, spawn_app_with, string, BotProcess, FakeOpenAi};

async fn delivered(discord: &FakeDiscord, sent: &Sent) {
    discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
}

#[tokio::test]
async fn a_process_runs_the_shard_range_it_is_given_and_answers_the_guilds_on_them() {
    let address = free_address();
    let app = spawn_app_with(&[("EASEL_SHARDS", "0-1/2"), ("EASEL_HTTP_ADDR", &address)], |_| {}).await;
    app.discord.wait_for_shards(&[(0, 2), (1, 2)]).await;

    let identified: Vec<Value> = app.discord.identifies().iter().map(|d| d["shard"].clone()).collect();
    assert!(identified.contains(&json!([0, 2])) && identified.contains(&json!([1, 2])), "{identified:?}");
    for guild in [GUILD_ID, GUILD_ON_SHARD_0] {
        let sent = app.discord.invoke_in_guild(guild, "generate", json!([string("prompt", "a lantern")]));
        delivered(&app.discord, &sent).await;
    }
    let health: Value = reqwest::get(format!("http://{address}/healthz")).await.unwrap().json().await.unwrap();
    assert_eq!(health["shards"]["plan"], "shards 0 to 1 of 2");
    assert_eq!(health["shards"]["running"], json!([{"id": 0, "connected": true}, {"id": 1, "connected": true}]));
    let metrics = reqwest::get(format!("http://{address}/metrics")).await.unwrap().text().await.unwrap();
    assert!(metrics.contains("easel_shard_connected{shard=\"1\"} 1"), "{metrics}");
}

#[tokio::test]
async fn by_default_a_process_runs_every_shard_discord_recommends() {
    let discord = FakeDiscord::start().await;
    discord.recommend_shards(2);
    let openai = FakeOpenAi::start().await;
    let dir = std::env::temp_dir().join(format!("easel-autoshard-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let vars = base_vars(&discord, &openai, &dir.join("easel.db"), None);
    let _bot = BotProcess::start(&dir, &vars);

    discord.wait_for_shards(&[(0, 2), (1, 2)]).await;
}

fn base_vars(
    discord: &FakeDiscord,
    openai: &FakeOpenAi,
    db: &std::path::Path,
    shards: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut vars = vec![
        ("DISCORD_TOKEN", "test-bot-token".to_owned()),
        ("DISCORD_API_BASE", discord.origin.clone()),
        ("DISCORD_GUILD_ID", GUILD_ID.to_string()),
        ("OPENAI_BASE_URL", openai.base_url.clone()),
        ("EASEL_DB", db.display().to_string()),
        ("EASEL_COOLDOWN_SECS", "0".into()),
        ("EASEL_HTTP_ADDR", "off".into()),
    ];
    if let Some(shards) = shards {
        vars.push(("EASEL_SHARDS", shards.to_owned()));
    }
    vars
}

#[tokio::test]
async fn two_processes_split_the_shards_and_each_answers_its_own_guilds() {
    let discord = FakeDiscord::start().await;
    let openai = FakeOpenAi::start().await;
    let dir = std::env::temp_dir().join(format!("easel-split-shards-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("easel.db");
    let first = BotProcess::start(&dir, &base_vars(&discord, &openai, &db, Some("0/2")));
    discord.wait_for_shards(&[(0, 2)]).await;
    let second = BotProcess::start(&dir, &base_vars(&discord, &openai, &db, Some("1/2")));
    discord.wait_for_shards(&[(0, 2), (1, 2)]).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    for guild in [GUILD_ON_SHARD_0, GUILD_ID] {
        let sent = discord.invoke_in_guild(guild, "generate", json!([string("prompt", "a split fox")]));
        delivered(&discord, &sent).await;
    }
    let (status, _) = second.terminate().await;
    assert!(status.success());
    discord.wait_for_shards(&[(0, 2)]).await;
    let sent = discord.invoke_in_guild(GUILD_ON_SHARD_0, "generate", json!([string("prompt", "still here")]));
    delivered(&discord, &sent).await;
    let (status, _) = first.terminate().await;
    assert!(status.success());
}
