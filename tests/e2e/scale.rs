//! Outgrowing one machine: two bot processes on one Postgres, each running half the shards of a
//! sharded gateway. The bot's budget stays exact when racing requests reach both processes, and a
//! process killed mid-job has its job finished by the other, delivered once and charged once.
//! Skipped (saying so) when `EASEL_TEST_DATABASE_URL` is unset; `.ci/run` always sets it.

use std::time::Duration;

use serde_json::json;

use crate::support::discord::{FakeDiscord, Received, Sent, GUILD_ID, GUILD_ON_SHARD_0};
use crate::support::postgres::Schema;
use crate::support::{string, BotProcess, FakeOpenAi, Reply};
use easel::domain::ids::{MemberId, ServerId};

fn start(
    dir: &std::path::Path,
    discord: &FakeDiscord,
    openai: &FakeOpenAi,
    url: &str,
    shard: &str,
    extra: &[(&'static str, &str)],
) -> BotProcess {
    let mut vars = vec![
        ("DISCORD_TOKEN", "test-bot-token".to_owned()),
        ("DISCORD_API_BASE", discord.origin.clone()),
        ("DISCORD_GUILD_ID", GUILD_ID.to_string()),
        ("OPENAI_BASE_URL", openai.base_url.clone()),
        ("EASEL_DATABASE_URL", url.to_owned()),
        ("EASEL_DB", dir.join("unused.db").display().to_string()),
        ("EASEL_SPOOL", dir.join("spool").display().to_string()),
        ("EASEL_COOLDOWN_SECS", "0".into()),
        ("EASEL_MAX_IN_FLIGHT", "none".into()),
        ("EASEL_SHARDS", shard.to_owned()),
    ];
    vars.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    BotProcess::start(dir, &vars)
}

/// Two bot processes on one fresh Postgres schema, one per half of a two-shard gateway, both connected.
struct TwoProcesses {
    schema: Schema,
    url: String,
    discord: FakeDiscord,
    openai: FakeOpenAi,
    first: BotProcess,
    second: BotProcess,
}

impl TwoProcesses {
    /// `None` (the test skipped, saying so) without `EASEL_TEST_DATABASE_URL`; `prepare` scripts the
    /// model before the processes start.
    async fn start(name: &str, extra: &[(&'static str, &str)], prepare: impl FnOnce(&FakeOpenAi)) -> Option<Self> {
        let schema = Schema::create(name).await?;
        let url = schema.url();
        let discord = FakeDiscord::start().await;
        let openai = FakeOpenAi::start().await;
        prepare(&openai);
        let dir = std::env::temp_dir().join(format!("easel-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = start(&dir.join("a"), &discord, &openai, &url, "0/2", extra);
        let second = start(&dir.join("b"), &discord, &openai, &url, "1/2", extra);
        discord.wait_for_shards(&[(0, 2), (1, 2)]).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        Some(Self { schema, url, discord, openai, first, second })
    }
}

fn delivered(requests: &[Received], sent: &Sent) -> bool {
    requests.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r))
}

fn answered(requests: &[Received], sent: &Sent) -> bool {
    delivered(requests, sent)
        || requests.iter().any(|r| {
            r.path.contains(&sent.token)
                && r.method == axum::http::Method::POST
                && r.path.starts_with("/api/v10/webhooks/")
        })
}

#[tokio::test]
async fn two_processes_on_one_postgres_keep_the_bots_budget_exact_and_finish_each_others_jobs() {
    // Three images' worth of the bot's monthly budget (the catalogue reserves $0.048 an image, two
    // partial images included, and settles $0.0365 from usage: a fourth never fits).
    let budget = [("EASEL_GLOBAL_USD_PER_MONTH", "0.15"), ("EASEL_LEASE_SECS", "3")];
    let Some(TwoProcesses { schema, discord, first, second, .. }) =
        TwoProcesses::start("two_processes_on_one_postgres", &budget, |_| {}).await
    else {
        return;
    };

    let sent: Vec<Sent> = (0..6)
        .map(|i| {
            let guild = if i % 2 == 0 { GUILD_ON_SHARD_0 } else { GUILD_ID };
            discord.invoke_in_guild(guild, "generate", json!([string("prompt", &format!("racing fox {i}"))]))
        })
        .collect();
    let requests = discord.wait_for("every request answered", |r| sent.iter().all(|s| answered(r, s))).await;

    let images = sent.iter().filter(|s| delivered(&requests, s)).count();
    assert_eq!(images, 3, "exactly the budget's three images, across both processes");
    let on_each = [GUILD_ON_SHARD_0, GUILD_ID].map(|g| {
        sent.iter()
            .enumerate()
            .filter(|(i, s)| (if i % 2 == 0 { GUILD_ON_SHARD_0 } else { GUILD_ID }) == g && delivered(&requests, s))
            .count()
    });
    assert!(on_each.iter().sum::<usize>() == 3, "{on_each:?}");

    drop((first, second));
    schema.remove().await;
}

#[tokio::test]
async fn a_process_killed_mid_job_has_its_job_finished_by_the_other_delivered_and_charged_once() {
    let lease = [("EASEL_LEASE_SECS", "3")];
    let Some(TwoProcesses { schema, url, discord, openai, first, second }) =
        TwoProcesses::start("a_process_killed_mid_job", &lease, |openai| openai.script([Reply::Delayed(20_000)])).await
    else {
        return;
    };

    let sent = discord.invoke_in_guild(GUILD_ON_SHARD_0, "generate", json!([string("prompt", "a fox mid-flight")]));
    openai.wait_for_calls(|calls| calls.len() == 1).await;
    first.signal("KILL");
    let requests = discord
        .wait_for_within("the other process to finish it", Duration::from_secs(40), |r| delivered(r, &sent))
        .await;

    let deliveries = requests.iter().filter(|r| r.path.contains(&sent.token) && crate::support::is_result(r)).count();
    assert_eq!(deliveries, 1, "delivered once");
    assert_eq!(openai.image_calls().len(), 2, "the interrupted call, then the retry on the other process");
    let store = easel::store::postgres::PostgresStore::connect(&url).await.unwrap();
    let usage = easel::domain::ledger::Store::usage(
        &store,
        Some(ServerId(GUILD_ON_SHARD_0)),
        MemberId(crate::support::discord::MEMBER_ID),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!((usage.user_images, usage.in_flight), (1, 0), "charged once, nothing left reserved");
    let (status, _) = second.terminate().await;
    assert!(status.success());
    schema.remove().await;
}

#[tokio::test]
async fn a_backends_concurrency_cap_holds_across_both_processes() {
    let cap = [("EASEL_OPENAI_CONCURRENCY", "1")];
    let Some(TwoProcesses { schema, discord, openai, first, second, .. }) =
        TwoProcesses::start("a_backends_concurrency_cap", &cap, |openai| openai.always(Reply::Delayed(600))).await
    else {
        return;
    };

    let sent: Vec<Sent> = (0..4)
        .map(|i| {
            let guild = if i % 2 == 0 { GUILD_ON_SHARD_0 } else { GUILD_ID };
            discord.invoke_in_guild(guild, "generate", json!([string("prompt", &format!("one at a time {i}"))]))
        })
        .collect();
    discord.wait_for_within("every image", Duration::from_secs(40), |r| sent.iter().all(|s| delivered(r, s))).await;

    assert_eq!(openai.most_at_once(), 1, "one model call at a time for the whole bot, not one per process");
    drop((first, second));
    schema.remove().await;
}

#[tokio::test]
async fn the_round_robin_over_members_holds_across_both_processes() {
    let cap = [("EASEL_OPENAI_CONCURRENCY", "1")];
    let Some(TwoProcesses { schema, discord, openai, first, second, .. }) =
        TwoProcesses::start("the_round_robin_over_members", &cap, |openai| openai.always(Reply::Delayed(800))).await
    else {
        return;
    };

    // Three requests from a member of the first process's guild, then one from the other's.
    let mut sent: Vec<Sent> = (0..3)
        .map(|i| {
            discord.invoke_in_guild(
                GUILD_ON_SHARD_0,
                "generate",
                json!([string("prompt", &format!("busy member {i}"))]),
            )
        })
        .collect();
    openai.wait_for_calls(|calls| calls.len() == 1).await;
    sent.push(discord.invoke_in_guild(GUILD_ID, "generate", json!([string("prompt", "the other member")])));
    discord.wait_for_within("every image", Duration::from_secs(40), |r| sent.iter().all(|s| delivered(r, s))).await;

    let prompts: Vec<String> =
        openai.image_calls().iter().map(|c| c.body["prompt"].as_str().unwrap().to_owned()).collect();
    assert_eq!(prompts[1], "the other member", "their turn came before the busy member's second: {prompts:?}");
    drop((first, second));
    schema.remove().await;
}
