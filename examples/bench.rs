//! Prints figures for Easel, beside a bare serenity bot measured in the same run on the same Discord
//! stand-in (loopback), to size a machine and to catch regressions:
//!
//! - deferral latency (interaction sent → deferral received) for bursts of 500 and 2,000 interactions
//!   from 500 members: Easel against a bot that only defers and uploads the same bytes;
//! - re-encoding a large result to fit Discord's upload limit;
//! - admitting jobs through the ledger.
//!
//! Run with `cargo run --release --example bench`. Not a test: nothing here fails a build.

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use easel::imaging::{fit_for_upload, noise_png, verify};
use easel::limits::{LimitName, Limits};
use easel::store::sqlite::SqliteStore;
use easel::store::{Charge, InstanceId, Store};
use serde_json::json;
use serenity::all::{
    ClientBuilder, CreateAttachment, CreateInteractionResponse, CreateInteractionResponseMessage,
    EditInteractionResponse, EventHandler, GatewayIntents, HttpBuilder, Interaction,
};
use serenity::async_trait;
use support::discord::{FakeDiscord, Member, Received, Sent, ORDINARY};
use support::{spawn_app_with, string, Reply};

/// The bytes both bots upload: what the model stand-in answers.
fn model_png() -> Vec<u8> {
    support::png(64, 48, [200, 0, 30])
}

/// The bare bot: defers every command, then uploads the image. Nothing else.
struct Bare;

#[async_trait]
impl EventHandler for Bare {
    async fn interaction_create(&self, ctx: serenity::all::Context, interaction: Interaction) {
        let Interaction::Command(command) = interaction else { return };
        let deferral = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new());
        if command.create_response(&ctx.http, deferral).await.is_err() {
            return;
        }
        let file = CreateAttachment::bytes(model_png(), "image.png");
        let _ = command.edit_response(&ctx.http, EditInteractionResponse::new().new_attachment(file)).await;
    }
}

async fn start_bare(discord: &FakeDiscord) {
    let http = HttpBuilder::new("bare-bot-token").proxy(discord.origin.clone()).ratelimiter_disabled(true).build();
    let mut client =
        ClientBuilder::new_with_http(http, GatewayIntents::empty()).event_handler(Bare).await.expect("a client");
    if let Ok(gateway) = client.http.get_bot_gateway().await {
        *client.ws_url.lock().await = gateway.url;
    }
    tokio::spawn(async move { client.start().await });
    discord.wait_for("the bare bot", |_| discord.connected()).await;
}

/// Sends `count` interactions from 500 members as fast as the gateway takes them; returns each one's
/// deferral latency, sorted.
async fn burst(discord: &FakeDiscord, count: usize, label: &str) -> Vec<Duration> {
    let members: Vec<Member> = (0..500)
        .map(|i| Member { id: 910_000_000_000_000_000 + i, roles: Vec::new(), permissions: ORDINARY })
        .collect();
    let sent: Vec<Sent> = (0..count)
        .map(|i| {
            let prompt = json!([string("prompt", &format!("{label} {i}"))]);
            discord.invoke_as(&members[i % members.len()], "generate", prompt, json!({}))
        })
        .collect();
    let is_ack = |r: &Received| r.path.ends_with("/callback");
    let ids: std::collections::HashSet<&str> = sent.iter().map(|s| s.id.as_str()).collect();
    let acks = discord
        .wait_for_within("every deferral", Duration::from_secs(300), |r| {
            r.iter().filter(|r| is_ack(r) && r.path.split('/').any(|p| ids.contains(p))).count() >= count
        })
        .await;
    let mut latencies: Vec<Duration> = sent
        .iter()
        .filter_map(|s| acks.iter().find(|r| is_ack(r) && r.path.contains(&s.id)).map(|r| r.at.duration_since(s.at)))
        .collect();
    latencies.sort();
    latencies
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn deferrals() {
    println!("deferral latency (interaction sent -> deferral received), loopback stand-in, 500 members:");
    println!("{:>7} | {:>21} | {:>21} | {:>11}", "burst", "bare serenity p50/p99", "easel p50/p99", "p99 ratio");
    for count in [500, 2000] {
        let bare_discord = FakeDiscord::start().await;
        start_bare(&bare_discord).await;
        let bare = burst(&bare_discord, count, "bare").await;

        let vars = [
            ("EASEL_MAX_IN_FLIGHT", "none"),
            ("EASEL_IMAGES_PER_DAY", "none"),
            ("EASEL_USER_USD_PER_DAY", "none"),
            ("EASEL_GUILD_USD_PER_DAY", "none"),
            ("EASEL_GLOBAL_USD_PER_MONTH", "none"),
            ("EASEL_QUEUE_MAX", "100000"),
        ];
        let app = spawn_app_with(&vars, |o| o.always(Reply::Base64)).await;
        let easel = burst(&app.discord, count, "easel").await;
        let (b50, b99, e50, e99) =
            (percentile(&bare, 0.5), percentile(&bare, 0.99), percentile(&easel, 0.5), percentile(&easel, 0.99));
        println!(
            "{count:>7} | {:>8.1} / {:>8.1} ms | {:>8.1} / {:>8.1} ms | {:>10.2}x",
            ms(b50),
            ms(b99),
            ms(e50),
            ms(e99),
            e99.as_secs_f64() / b99.as_secs_f64().max(1e-6)
        );
        drop(app);
    }
}

fn reencode() {
    let png = noise_png(2000, 2000);
    let started = Instant::now();
    let fitted = fit_for_upload(verify(png.clone()).expect("a PNG"), 10 * 1024 * 1024).expect("fits");
    println!(
        "re-encode: {:.1} MB PNG -> {:.1} MB {} at {}x{} in {:.0} ms (decoded in full first)",
        png.len() as f64 / 1e6,
        fitted.bytes.len() as f64 / 1e6,
        fitted.extension,
        fitted.width,
        fitted.height,
        started.elapsed().as_secs_f64() * 1000.0
    );
}

async fn admissions() {
    let path = std::env::temp_dir().join(format!("easel-bench-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).expect("a database"));
    let mut limits = Limits::new([None; 6], false);
    limits.set(LimitName::ImagesPerDay, Some(100_000.0));
    let jobs = 2_000;
    let started = Instant::now();
    let tasks: Vec<_> = (0..jobs)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let charge = Charge {
                    job_id: format!("bench-{i}"),
                    guild_id: Some(1),
                    channel_id: 2,
                    user_id: i % 50,
                    command: "generate".into(),
                    model: "gpt-image-2".into(),
                    images: 1,
                    usd: 0.042,
                    owner: InstanceId("bench".into()),
                };
                store.reserve(&charge, &limits, false, Utc::now()).await.expect("admitted");
                store.commit(&charge.job_id, 0.03, 1, Utc::now()).await.expect("committed");
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a task");
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "ledger: {jobs} jobs reserved and committed by 50 members in {seconds:.2} s ({:.0} jobs/s)",
        jobs as f64 / seconds
    );
    let _ = std::fs::remove_file(&path);
}

#[tokio::main]
async fn main() {
    deferrals().await;
    reencode();
    admissions().await;
}
