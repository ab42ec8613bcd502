//! Easel beside a bare serenity bot, measured in the same run on the same Discord stand-in (loopback),
//! each bot its own process so their memory can be told apart:
//!
//! - deferral latency (interaction sent → deferral received) for bursts of 500 and 2,000 interactions
//!   from 500 members;
//! - resident memory idle, right after each burst, and once the burst has drained;
//! - one job end to end with a realistic result (a 2 MB base64 PNG after a 500 ms model): Easel against
//!   the bare bot waiting as long and uploading the same bytes;
//! - Easel's resident memory with 10,000 jobs waiting in its queue;
//! - and two hot paths in-process: re-encoding a large result, and the ledger.
//!
//! Build the binaries first, then run it (nothing here is a test; figures vary by ±20% between runs):
//!
//! ```sh
//! cargo build --release --bin easel --examples && cargo run --release --example bench
//! ```
//!
//! (`-- deferral` runs only the interleaved deferral rounds.)

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use easel::domain::ledger::{Charge, InstanceId, Store};
use easel::domain::limits::{LimitName, Limits};
use easel::domain::request::{JobId, JobTag};
use easel::media::imaging::{fit_for_upload, noise_png, verify};
use easel::store::sqlite::SqliteStore;
use serde_json::json;
use support::discord::{FakeDiscord, Member, Received, Sent, ORDINARY};
use support::{string, FakeOpenAi, Reply};

/// Pixels a side of the "realistic" result: a noise PNG this size is about 1.5 MB, 2 MB as base64.
const REALISTIC_SIDE: u32 = 708;
/// How long the model stand-in takes for the end-to-end comparison.
const MODEL_DELAY_MS: u64 = 500;

fn release_binary(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release");
    let path = if name == "easel" { root.join("easel") } else { root.join("examples").join(name) };
    assert!(path.exists(), "{} is missing: run `cargo build --release --bin easel --examples` first", path.display());
    path
}

/// A bot process with its memory readable from /proc.
struct Bot {
    child: Child,
}

impl Bot {
    fn rss_mb(&self) -> f64 {
        self.status_mb("VmRSS:")
    }

    /// A figure of `/proc/{pid}/status` in MB (`VmRSS:`, `RssAnon:`, `RssFile:`…).
    fn status_mb(&self, field: &str) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        kb / 1024.0
    }

    /// Resident memory as `anon + file` MB: the heap and stacks, and the binary's pages in use.
    fn rss_parts(&self) -> String {
        format!("{:.1} anon + {:.1} file", self.status_mb("RssAnon:"), self.status_mb("RssFile:"))
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(binary: &Path, dir: &Path, vars: &[(&str, String)]) -> Bot {
    std::fs::create_dir_all(dir).expect("a folder");
    let mut command = Command::new(binary);
    command.current_dir(dir).env_clear().stdout(Stdio::null()).stderr(Stdio::null());
    for (name, value) in vars {
        command.env(name, value);
    }
    Bot { child: command.spawn().expect("the bot starts") }
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("easel-bench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

async fn start_bare(discord: &FakeDiscord, image: &Path, delay_ms: u64) -> Bot {
    let vars = [
        ("DISCORD_TOKEN", "bare-bot-token".to_owned()),
        ("DISCORD_API_BASE", discord.origin.clone()),
        ("BARE_IMAGE", image.display().to_string()),
        ("BARE_MODEL_DELAY_MS", delay_ms.to_string()),
    ];
    let bot = spawn(&release_binary("bare_bot"), &folder("bare"), &vars);
    discord.wait_for_within("the bare bot", Duration::from_secs(30), |_| discord.connected()).await;
    bot
}

async fn start_easel(discord: &FakeDiscord, openai: &FakeOpenAi, name: &str, extra: &[(&str, &str)]) -> Bot {
    let dir = folder(name);
    let mut vars = vec![
        ("DISCORD_TOKEN", "easel-bench-token".to_owned()),
        ("DISCORD_API_BASE", discord.origin.clone()),
        ("OPENAI_BASE_URL", openai.base_url.clone()),
        ("EASEL_DB", dir.join("easel.db").display().to_string()),
        ("EASEL_HTTP_ADDR", "off".to_owned()),
        ("EASEL_COOLDOWN_SECS", "0".to_owned()),
        ("EASEL_MAX_IN_FLIGHT", "none".to_owned()),
        ("EASEL_IMAGES_PER_DAY", "none".to_owned()),
        ("EASEL_USER_USD_PER_DAY", "none".to_owned()),
        ("EASEL_GUILD_USD_PER_DAY", "none".to_owned()),
        ("EASEL_GLOBAL_USD_PER_MONTH", "none".to_owned()),
        ("EASEL_QUEUE_MAX", "100000".to_owned()),
        ("EASEL_QUEUE_MAX_TOTAL", "100000".to_owned()),
    ];
    vars.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let bot = spawn(&release_binary("easel"), &dir, &vars);
    discord
        .wait_for_within("Easel", Duration::from_secs(30), |r| {
            discord.connected() && r.iter().any(|r| r.path.ends_with("/commands"))
        })
        .await;
    bot
}

fn members(count: u64) -> Vec<Member> {
    (0..count).map(|i| Member { id: 910_000_000_000_000_000 + i, roles: Vec::new(), permissions: ORDINARY }).collect()
}

fn send(discord: &FakeDiscord, count: usize, label: &str) -> Vec<Sent> {
    send_from(discord, count, 500, label)
}

/// `count` `/generate` interactions from `from` members in turn, as fast as the gateway takes them.
fn send_from(discord: &FakeDiscord, count: usize, from: u64, label: &str) -> Vec<Sent> {
    let members = members(from);
    (0..count)
        .map(|i| {
            let prompt = json!([string("prompt", &format!("{label} {i}"))]);
            discord.invoke_as(&members[i % members.len()], "generate", prompt, json!({}))
        })
        .collect()
}

fn is_ack(r: &Received) -> bool {
    r.path.ends_with("/callback")
}

/// Waits for every deferral of `sent`; returns each latency, sorted.
async fn deferrals(discord: &FakeDiscord, sent: &[Sent]) -> Vec<Duration> {
    let ids: std::collections::HashMap<&str, Instant> = sent.iter().map(|s| (s.id.as_str(), s.at)).collect();
    let acks = discord
        .wait_for_within("every deferral", Duration::from_secs(600), |r| {
            r.iter().filter(|r| is_ack(r) && r.path.split('/').any(|p| ids.contains_key(p))).count() >= sent.len()
        })
        .await;
    let mut latencies: Vec<Duration> = acks
        .iter()
        .filter(|r| is_ack(r))
        .filter_map(|r| r.path.split('/').find_map(|p| ids.get(p)).map(|at| r.at.duration_since(*at)))
        .collect();
    latencies.sort();
    latencies
}

/// Waits until every one of `sent` has its image.
async fn drained(discord: &FakeDiscord, sent: &[Sent]) {
    let tokens: std::collections::HashSet<&str> = sent.iter().map(|s| s.token.as_str()).collect();
    discord
        .wait_for_within("every image", Duration::from_secs(900), |r| {
            r.iter().filter(|r| support::is_result(r) && r.path.split('/').any(|p| tokens.contains(p))).count()
                >= sent.len()
        })
        .await;
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(easel: f64, bare: f64) -> f64 {
    easel / bare.max(1e-9)
}

/// Idle memory only: each bot fresh, connected and left alone for 3 s, three rounds.
async fn compare_idle(image: &Path) {
    println!("\nidle RSS (connected, no interaction), three rounds:");
    for round in 1..=3 {
        let discord = FakeDiscord::start().await;
        let bare = start_bare(&discord, image, 0).await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        let (bare_idle, bare_parts) = (bare.rss_mb(), bare.rss_parts());
        drop(bare);
        let (discord, openai) = (FakeDiscord::start().await, FakeOpenAi::start().await);
        let easel = start_easel(&discord, &openai, &format!("idle-{round}"), &[]).await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        let (easel_idle, easel_parts) = (easel.rss_mb(), easel.rss_parts());
        println!(
            "round {round}: bare {bare_idle:.1} MB ({bare_parts}), easel {easel_idle:.1} MB ({easel_parts}), ratio {:.2}x",
            ratio(easel_idle, bare_idle)
        );
    }
}

/// A burst against one bot: deferral p50/p99, RSS right after it and once it drained.
async fn burst_against(discord: &FakeDiscord, bot: &Bot, count: usize, label: &str) -> (Duration, Duration, f64, f64) {
    let sent = send(discord, count, label);
    let latencies = deferrals(discord, &sent).await;
    let after = bot.rss_mb();
    drained(discord, &sent).await;
    // Idle blocking threads exit after 10 s, and Easel gives memory back when its queue is empty.
    tokio::time::sleep(Duration::from_secs(15)).await;
    (percentile(&latencies, 0.5), percentile(&latencies, 0.99), after, bot.rss_mb())
}

async fn compare_bursts(image: &Path) {
    println!("\nbursts from 500 members on a loopback stand-in (model answers at once):");
    println!(
        "{:>6} | {:>24} | {:>24} | {:>9} | {:>28} | {:>28}",
        "burst",
        "bare p50 / p99 deferral",
        "easel p50 / p99 deferral",
        "p99 ratio",
        "bare RSS idle/after/drained",
        "easel RSS idle/after/drained"
    );
    for count in [500, 2000] {
        let bare_discord = FakeDiscord::start().await;
        let bare = start_bare(&bare_discord, image, 0).await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let bare_idle = bare.rss_mb();
        let (b50, b99, b_after, b_drained) = burst_against(&bare_discord, &bare, count, "bare").await;
        drop(bare);

        let (discord, openai) = (FakeDiscord::start().await, FakeOpenAi::start().await);
        openai.always(Reply::Base64);
        let easel = start_easel(&discord, &openai, &format!("burst-{count}"), &[]).await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let easel_idle = easel.rss_mb();
        let (e50, e99, e_after, e_drained) = burst_against(&discord, &easel, count, "easel").await;
        println!(
            "{count:>6} | {:>10.1} / {:>8.1} ms | {:>10.1} / {:>8.1} ms | {:>8.2}x | {:>8.1} / {:>6.1} / {:>6.1} MB | {:>8.1} / {:>6.1} / {:>6.1} MB",
            ms(b50), ms(b99), ms(e50), ms(e99), ratio(ms(e99), ms(b99)),
            bare_idle, b_after, b_drained, easel_idle, e_after, e_drained
        );
        println!(
            "       | idle RSS ratio {:.2}x; easel drained within {:+.0}% of its idle RSS",
            ratio(easel_idle, bare_idle),
            (e_drained / easel_idle.max(1e-9) - 1.0) * 100.0
        );
    }
}

/// A burst of 500 interactions from 100 members, five rounds interleaved (bare, Easel, bare, Easel…),
/// each bot fresh each round: the median round's deferral p99 of each. Easel answers from memory (the
/// members' privacy and the server's approval policy are mirrored), so the store never delays it.
async fn compare_deferrals_interleaved(image: &Path) {
    let rounds = 5;
    let (mut bare_p99, mut easel_p99) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let bare_discord = FakeDiscord::start().await;
        let bare = start_bare(&bare_discord, image, 0).await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let sent = send_from(&bare_discord, 500, 100, "bare");
        bare_p99.push(percentile(&deferrals(&bare_discord, &sent).await, 0.99));
        drained(&bare_discord, &sent).await;
        drop(bare);

        let (discord, openai) = (FakeDiscord::start().await, FakeOpenAi::start().await);
        openai.always(Reply::Base64);
        let easel = start_easel(&discord, &openai, &format!("interleaved-{round}"), &[]).await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let sent = send_from(&discord, 500, 100, "easel");
        easel_p99.push(percentile(&deferrals(&discord, &sent).await, 0.99));
        drained(&discord, &sent).await;
        drop(easel);
    }
    let rounds_ms = |p99: &[Duration]| p99.iter().map(|d| format!("{:.1}", ms(*d))).collect::<Vec<_>>().join(", ");
    println!(
        "
deferral p99, burst of 500 from 100 members, {rounds} interleaved rounds:"
    );
    println!("  bare  {} ms", rounds_ms(&bare_p99));
    println!("  easel {} ms", rounds_ms(&easel_p99));
    bare_p99.sort();
    easel_p99.sort();
    let (bare, easel) = (ms(bare_p99[rounds / 2]), ms(easel_p99[rounds / 2]));
    println!("  median: bare {bare:.1} ms, easel {easel:.1} ms, ratio {:.2}x (target <= 1.5x)", ratio(easel, bare));
}

/// One interaction's time from sending to its image, for each bot, with the same bytes and delay.
async fn compare_one_job() {
    let png = noise_png(REALISTIC_SIDE, REALISTIC_SIDE);
    let image = folder("image").join("result.png");
    std::fs::create_dir_all(image.parent().unwrap()).unwrap();
    std::fs::write(&image, &png).unwrap();
    let base64_mb = png.len() as f64 * 4.0 / 3.0 / 1e6;
    let rounds = 5;
    let mut bare_times = Vec::new();
    let bare_discord = FakeDiscord::start().await;
    let _bare = start_bare(&bare_discord, &image, MODEL_DELAY_MS).await;
    let (discord, openai) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    openai.always(Reply::SlowNoise(REALISTIC_SIDE, MODEL_DELAY_MS));
    let _easel = start_easel(&discord, &openai, "one-job", &[]).await;
    let mut easel_times = Vec::new();
    for round in 0..rounds {
        for (fake, times) in [(&bare_discord, &mut bare_times), (&discord, &mut easel_times)] {
            let sent = send(fake, 1, &format!("one {round}"));
            drained(fake, &sent).await;
            let done =
                fake.requests().iter().find(|r| support::is_result(r) && r.path.contains(&sent[0].token)).map(|r| r.at);
            times.push(done.expect("delivered").duration_since(sent[0].at));
        }
    }
    bare_times.sort();
    easel_times.sort();
    let (bare, easel) = (bare_times[rounds / 2], easel_times[rounds / 2]);
    println!(
        "\none job end to end ({base64_mb:.1} MB base64 PNG, model {MODEL_DELAY_MS} ms, median of {rounds}): bare {:.0} ms, easel {:.0} ms, ratio {:.2}x",
        ms(bare),
        ms(easel),
        ratio(ms(easel), ms(bare))
    );
    let _ = std::fs::remove_file(&image);
}

/// Easel's memory with 10,000 jobs waiting behind a model that never answers.
async fn ten_thousand_queued() {
    let (discord, openai) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    openai.always(Reply::Hang);
    let address = support::free_address();
    let settings = [("EASEL_OPENAI_CONCURRENCY", "1"), ("EASEL_HTTP_ADDR", address.as_str())];
    let easel = start_easel(&discord, &openai, "queued", &settings).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle = easel.rss_mb();
    let sent = send(&discord, 10_000, "queued");
    deferrals(&discord, &sent).await;
    let peak_during_admission = easel.rss_mb();
    // Admission (the ledger and the job rows) follows the deferrals: wait until all wait in the queue.
    let started = Instant::now();
    while queue_length(&address).await < 9_999.0 && started.elapsed() < Duration::from_secs(300) {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let admitted_in = started.elapsed();
    tokio::time::sleep(Duration::from_secs(6)).await;
    println!(
        "\n10,000 jobs queued: easel RSS {:.1} MB once all are queued (idle {:.1} MB, {:.1} MB while the burst was admitted, \
         admission done {:.1} s after the last deferral; target < 100 MB)",
        easel.rss_mb(),
        idle,
        peak_during_admission,
        admitted_in.as_secs_f64()
    );
}

/// `easel_queue_length{backend="openai"}` from a bot's `/metrics`.
async fn queue_length(address: &str) -> f64 {
    let Ok(response) = reqwest::get(format!("http://{address}/metrics")).await else { return 0.0 };
    let text = response.text().await.unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with("easel_queue_length{backend=\"openai\"}"))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

fn reencode() {
    let png = noise_png(2000, 2000);
    let started = Instant::now();
    let fitted = fit_for_upload(verify(png.clone()).expect("a PNG"), 10 * 1024 * 1024).expect("fits");
    println!(
        "\nre-encode: {:.1} MB PNG -> {:.1} MB {} at {}x{} in {:.0} ms (decoded in full first)",
        png.len() as f64 / 1e6,
        fitted.bytes.len() as f64 / 1e6,
        fitted.extension,
        fitted.width,
        fitted.height,
        started.elapsed().as_secs_f64() * 1000.0
    );
}

async fn admissions() {
    let path = folder("ledger").join("easel.db");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
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
                    tag: JobTag {
                        job_id: format!("bench-{i}"),
                        guild_id: Some(1),
                        channel_id: 2,
                        user_id: i % 50,
                        command: "generate".into(),
                        model: "gpt-image-2".into(),
                    },
                    images: 1,
                    usd: 0.042,
                    owner: InstanceId("bench".into()),
                };
                store.reserve(&charge, &limits, false, Utc::now()).await.expect("admitted");
                store.commit(&JobId::from(&charge.tag.job_id), 0.03, 1, Utc::now()).await.expect("committed");
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
}

#[tokio::main]
async fn main() {
    let image = folder("burst-image").join("image.png");
    std::fs::create_dir_all(image.parent().unwrap()).unwrap();
    std::fs::write(&image, support::png(64, 48, [200, 0, 30])).unwrap();
    if std::env::args().any(|a| a == "idle") {
        return compare_idle(&image).await; // `-- idle`: only the idle memory, three rounds
    }
    compare_deferrals_interleaved(&image).await;
    if std::env::args().any(|a| a == "deferral") {
        return; // `-- deferral`: only the interleaved deferral rounds
    }
    compare_bursts(&image).await;
    compare_one_job().await;
    ten_thousand_queued().await;
    reencode();
    admissions().await;
}
