//! Stand-ins and a `spawn_app` helper: each test gets its own fake Discord, fake model API and bot.

pub mod comfyui;
pub mod discord;
pub mod openai;
pub mod postgres;
pub mod sd;
pub mod stability;

use std::collections::HashMap;
use std::io::Cursor;
use std::path::PathBuf;

use easel::config::Config;
use easel::domain::ids::{MemberId, ServerId};
use image::{DynamicImage, Rgb, RgbImage};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use discord::FakeDiscord;
pub use openai::{FakeOpenAi, Reply};

/// The UTC date `days` from today (negative: in the past), as `YYYY-MM-DD`: tests that need a date
/// relative to "now" (a model retiring soon, one already retired) compute it, so they pass on any day.
pub fn date_in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).format("%Y-%m-%d").to_string()
}

/// A running bot with its stand-ins.
pub struct TestApp {
    /// The Discord the bot is connected to.
    pub discord: FakeDiscord,
    /// The model API the bot calls.
    pub openai: FakeOpenAi,
    /// The bot's database file.
    pub db_path: std::path::PathBuf,
    stop: Option<oneshot::Sender<()>>,
    bot: Option<JoinHandle<Result<(), easel::RunError>>>,
}

impl TestApp {
    /// The member's (`MEMBER_ID`) usage today in `server` (`None`: their own jobs), once nothing is
    /// reserved any more: what the ledger holds for them.
    pub async fn settled_usage(&self, server: Option<u64>) -> easel::domain::limits::Usage {
        settled_usage_in(&self.db_path, server, discord::MEMBER_ID).await
    }

    /// What the member (`MEMBER_ID`) was charged today in `server` (`None`: their own jobs), settled.
    pub async fn settled_spend(&self, server: Option<u64>) -> f64 {
        self.settled_usage(server).await.user_usd
    }

    /// The delivered result of the job `sent` started: the message carrying its images.
    pub async fn result_of(&self, sent: &discord::Sent) -> discord::Received {
        let token = sent.token.clone();
        let is_result = move |r: &discord::Received| r.path.contains(&token) && is_result(r);
        let requests = self.discord.wait_for("the result", |r| r.iter().any(&is_result)).await;
        requests.into_iter().find(is_result).unwrap()
    }

    /// The direct (not deferred) answer to an interaction: its text and whether it is ephemeral.
    /// Asserts it was answered at once and pings nobody.
    pub async fn direct_answer(&self, sent: &discord::Sent) -> (String, bool) {
        let requests = self
            .discord
            .wait_for("the answer", |r| r.iter().any(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")))
            .await;
        let callback = requests.iter().find(|r| r.path.contains(&sent.id)).unwrap();
        assert_eq!(callback.payload["type"], 4, "answered at once, not deferred: {}", callback.payload);
        let data = &callback.payload["data"];
        assert_eq!(data["allowed_mentions"]["parse"], serde_json::json!([]));
        (data["content"].as_str().unwrap_or_default().to_owned(), data["flags"] == 64)
    }

    /// Why a request was refused: the answer the member alone sees, given at once (a bad option) or,
    /// after the deferral, as an ephemeral follow-up. Asserts it pings nobody and carries no image.
    pub async fn refusal(&self, sent: &discord::Sent) -> String {
        let is_answer = |r: &discord::Received| {
            (r.path.contains(&sent.id) && r.path.ends_with("/callback") && r.payload["type"] == 4)
                || is_followup(r, &sent.token)
        };
        let requests = self.discord.wait_for("the refusal", |r| r.iter().any(is_answer)).await;
        let answer = requests.iter().find(|r| is_answer(r)).unwrap();
        let message = if answer.path.ends_with("/callback") { &answer.payload["data"] } else { &answer.payload };
        assert_eq!(message["flags"], 64, "only the member sees it: {message}");
        assert_eq!(message["allowed_mentions"]["parse"], serde_json::json!([]));
        assert!(answer.files.is_empty());
        message["content"].as_str().unwrap_or_default().to_owned()
    }

    /// A deferred answer's final form: the deferral (`type` 5, its flags) and the edit of the deferred
    /// message that followed it (content, embeds, files).
    pub async fn deferred_answer(&self, sent: &discord::Sent) -> (serde_json::Value, discord::Received) {
        let token = sent.token.clone();
        let is_edit = move |r: &discord::Received| {
            r.method == axum::http::Method::PATCH && r.path.contains(&token) && r.path.ends_with("/messages/@original")
        };
        let requests = self.discord.wait_for("the deferred answer", |r| r.iter().any(&is_edit)).await;
        let deferral = requests.iter().find(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")).unwrap();
        assert_eq!(deferral.payload["type"], 5, "deferred first: {}", deferral.payload);
        let edit = requests.iter().find(|r| is_edit(r)).unwrap().clone();
        assert_eq!(edit.payload["allowed_mentions"]["parse"], serde_json::json!([]));
        (deferral.payload["data"].clone(), edit)
    }

    /// What a deferred command told the member alone: the edit of its private deferral, or an ephemeral
    /// follow-up after a public one.
    pub async fn private_answer(&self, sent: &discord::Sent) -> String {
        let token = sent.token.clone();
        let is_answer = move |r: &discord::Received| {
            (r.method == axum::http::Method::PATCH
                && r.path.contains(&token)
                && r.path.ends_with("/messages/@original"))
                || is_followup(r, &token)
        };
        let requests = self.discord.wait_for("the private answer", |r| r.iter().any(&is_answer)).await;
        let deferral = requests.iter().find(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")).unwrap();
        let answer = requests.iter().find(|r| is_answer(r)).unwrap();
        if answer.method == axum::http::Method::PATCH {
            assert_eq!(deferral.payload["data"]["flags"], 64, "the deferral was private: {}", deferral.payload);
        } else {
            assert_eq!(answer.payload["flags"], 64, "the follow-up is ephemeral: {}", answer.payload);
        }
        assert_eq!(answer.payload["allowed_mentions"]["parse"], serde_json::json!([]));
        assert!(answer.files.is_empty(), "no image with a refusal");
        answer.payload["content"].as_str().unwrap_or_default().to_owned()
    }

    /// The ephemeral follow-up explaining why a deferred job delivered nothing.
    pub async fn followup_text(&self, sent: &discord::Sent) -> String {
        let requests =
            self.discord.wait_for("the explanation", |r| r.iter().any(|r| is_followup(r, &sent.token))).await;
        let followup = requests.iter().find(|r| is_followup(r, &sent.token)).unwrap();
        assert_eq!(followup.payload["flags"], 64, "ephemeral");
        assert_eq!(followup.payload["allowed_mentions"]["parse"], serde_json::json!([]));
        followup.payload["content"].as_str().unwrap().to_owned()
    }

    /// The ephemeral explanation of a job that delivered nothing, checking the member saw no image and
    /// the public "thinking…" answer was removed.
    pub async fn explanation(&self, sent: &discord::Sent) -> String {
        let token = &sent.token;
        let requests = self
            .discord
            .wait_for("the explanation and the deletion", |r| {
                r.iter().any(|r| is_followup(r, token))
                    && r.iter().any(|r| r.method == axum::http::Method::DELETE && r.path.contains(token.as_str()))
            })
            .await;
        let mine: Vec<&discord::Received> = requests.iter().filter(|r| r.path.contains(token.as_str())).collect();
        assert!(mine.iter().all(|r| r.files.is_empty()), "no image was attached");
        let followup = mine.iter().find(|r| is_followup(r, token)).unwrap();
        assert_eq!(followup.payload["flags"], 64, "the explanation is ephemeral");
        assert_eq!(followup.payload["allowed_mentions"]["parse"], serde_json::json!([]));
        followup.payload["content"].as_str().unwrap().to_owned()
    }

    /// The Reason field of the first post in moderation-log `channel` that has one (a job that
    /// delivered nothing): where the owner reads why.
    pub async fn logged_reason(&self, channel: &str) -> String {
        let path = format!("/api/v10/channels/{channel}/messages");
        let reason = |r: &discord::Received| {
            (r.path == path).then(|| field(&r.payload["embeds"][0], "Reason").map(str::to_owned)).flatten()
        };
        let requests = self
            .discord
            .wait_for_within("the log post", std::time::Duration::from_secs(120), |r| {
                r.iter().any(|r| reason(r).is_some())
            })
            .await;
        requests.iter().find_map(reason).unwrap()
    }

    /// What the default member has used, as the database says.
    pub async fn usage(&self) -> easel::domain::limits::Usage {
        let store = easel::store::sqlite::SqliteStore::open(&self.db_path).unwrap();
        easel::domain::ledger::Store::usage(
            &store,
            Some(ServerId(discord::GUILD_ID)),
            MemberId(discord::MEMBER_ID),
            chrono::Utc::now(),
        )
        .await
        .unwrap()
    }

    /// Stops the bot the way Ctrl-C does and waits for it.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(bot) = self.bot.take() {
            bot.await.unwrap().unwrap();
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(bot) = self.bot.take() {
            bot.abort();
        }
    }
}

/// Starts stand-ins and the bot with default settings, and waits until its commands are registered.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[], |_| {}).await
}

/// As [`spawn_app`], with extra variables and a chance to script the fake model API before start-up.
pub async fn spawn_app_with(vars: &[(&str, &str)], prepare: impl FnOnce(&FakeOpenAi)) -> TestApp {
    let discord = FakeDiscord::start().await;
    let openai = FakeOpenAi::start().await;
    prepare(&openai);
    let db_path = std::env::temp_dir().join(format!("easel-test-{}.db", discord.origin.rsplit(':').next().unwrap()));
    let _ = std::fs::remove_file(&db_path);
    let mut env: HashMap<String, String> = HashMap::from([
        ("DISCORD_TOKEN".into(), "test-bot-token".into()),
        ("DISCORD_API_BASE".into(), discord.origin.clone()),
        ("DISCORD_GUILD_ID".into(), discord::GUILD_ID.to_string()),
        ("OPENAI_BASE_URL".into(), openai.base_url.clone()),
        ("OPENAI_API_KEY".into(), "sk-test-key".into()),
        ("EASEL_DB".into(), db_path.display().to_string()),
        ("EASEL_RETRY_DELAY_MS".into(), "10".into()),
        ("EASEL_MODEL_TIMEOUT_SECS".into(), "5".into()),
        ("EASEL_COOLDOWN_SECS".into(), "0".into()),
        ("EASEL_HTTP_ADDR".into(), "off".into()),
    ]);
    if !vars.iter().any(|(k, _)| *k == "EASEL_DB") {
        // Each test's spool of its own, so delivered images kept for `/show` do not pile up in one folder.
        let spool = format!("{}-spool", db_path.display());
        let _ = std::fs::remove_dir_all(&spool);
        env.insert("EASEL_SPOOL".into(), spool);
    }
    // `{discord}` in a value stands for the stand-in's origin, unknown until it started.
    env.extend(vars.iter().map(|(k, v)| (k.to_string(), v.replace("{discord}", &discord.origin))));
    let config = Config::from_lookup(|k| env.get(k).cloned()).expect("test configuration is valid");
    let (stop, stopped) = oneshot::channel::<()>();
    let bot = tokio::spawn(easel::run(config, async move {
        let _ = stopped.await;
    }));
    discord.wait_until_ready().await;
    TestApp { discord, openai, db_path: PathBuf::from(&env["EASEL_DB"]), stop: Some(stop), bot: Some(bot) }
}

/// A follow-up message of the interaction with `token` (not its initial callback).
pub fn is_followup(request: &discord::Received, token: &str) -> bool {
    request.method == axum::http::Method::POST
        && request.path.starts_with("/api/v10/webhooks/")
        && request.path.contains(token)
}

/// `image` (a PNG) with a `tEXt` chunk `keyword`: `text` after its header, as image servers write
/// their settings into the files they save (ComfyUI's `prompt`, AUTOMATIC1111's `parameters`).
pub fn with_text_chunk(image: Vec<u8>, keyword: &str, text: &str) -> Vec<u8> {
    let mut data = keyword.as_bytes().to_vec();
    data.push(0);
    data.extend_from_slice(text.as_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(b"tEXt");
    crc.update(&data);
    let mut out = image[..33].to_vec(); // the signature and IHDR
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(b"tEXt");
    out.extend_from_slice(&data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
    out.extend_from_slice(&image[33..]);
    out
}

/// Whether `request` carries a job's result: files other than the preview shown while it ran.
pub fn is_result(request: &discord::Received) -> bool {
    request.files.iter().any(|(_, name, _)| name != "preview.jpg")
}

/// A real PNG of one colour.
pub fn png(width: u32, height: u32, colour: [u8; 3]) -> Vec<u8> {
    let img = DynamicImage::ImageRgb8(RgbImage::from_pixel(width, height, Rgb(colour)));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// The value of the embed field `name`.
pub fn field<'a>(embed: &'a serde_json::Value, name: &str) -> Option<&'a str> {
    embed["fields"].as_array()?.iter().find(|f| f["name"] == name)?["value"].as_str()
}

/// A string option as Discord sends it.
pub fn string(name: &str, value: &str) -> serde_json::Value {
    serde_json::json!({"name": name, "type": 3, "value": value})
}

/// An integer option as Discord sends it.
pub fn integer(name: &str, value: i64) -> serde_json::Value {
    serde_json::json!({"name": name, "type": 4, "value": value})
}

/// A subcommand with its options, as Discord nests them.
pub fn subcommand(name: &str, options: serde_json::Value) -> serde_json::Value {
    serde_json::json!([{"name": name, "type": 1, "options": options}])
}

/// A USER option naming member `id`, and the `resolved` data Discord sends with it.
pub fn member_option(id: u64) -> (serde_json::Value, serde_json::Value) {
    let option = serde_json::json!({"name": "user", "type": 6, "value": id.to_string()});
    let resolved = serde_json::json!({
        "users": {id.to_string(): {"id": id.to_string(), "username": "bob", "discriminator": "0",
                  "global_name": "Bob", "avatar": null}},
        "members": {id.to_string(): {"roles": [], "joined_at": "2025-01-01T00:00:00.000000+00:00",
                    "deaf": false, "mute": false, "flags": 0, "permissions": discord::ORDINARY.to_string()}}
    });
    (option, resolved)
}

/// The ATTACHMENT option `image` pointing at attachment `id`.
pub fn attachment_option(id: &str) -> serde_json::Value {
    serde_json::json!({"name": "image", "type": 11, "value": id})
}

/// The `resolved` data of one uploaded attachment, as Discord describes it (`size` is what Discord
/// declares, whatever the CDN then serves).
pub fn uploaded(id: &str, url: &str, filename: &str, content_type: &str, size: usize) -> serde_json::Value {
    serde_json::json!({"attachments": {id: {"id": id, "filename": filename, "size": size, "url": url,
        "proxy_url": url, "content_type": content_type, "width": 300, "height": 200}}})
}

/// A PNG that is nothing but its signature and a header declaring `width`×`height` pixels: the shape of
/// a decompression bomb (a few bytes claiming gigabytes).
pub fn header_only_png(width: u32, height: u32) -> Vec<u8> {
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    let mut chunk = b"IHDR".to_vec();
    chunk.extend_from_slice(&width.to_be_bytes());
    chunk.extend_from_slice(&height.to_be_bytes());
    chunk.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut crc = !0u32;
    for &b in &chunk {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    png.extend_from_slice(&chunk);
    png.extend_from_slice(&(!crc).to_be_bytes());
    png
}

/// A bot process in `dir` on `discord` and `openai`, with `vars` besides what every process here takes
/// (its token, Discord, the home server, the model API, no cooldown); returns once its commands are
/// registered (again, when an earlier process registered them before).
pub async fn start_bot(
    dir: &std::path::Path,
    discord: &FakeDiscord,
    openai: &FakeOpenAi,
    vars: &[(&str, String)],
) -> BotProcess {
    let is_registration = |r: &discord::Received| r.method == axum::http::Method::PUT;
    let registered = discord.requests().iter().filter(|r| is_registration(r)).count();
    let mut all = vec![
        ("DISCORD_TOKEN", "test-bot-token".to_owned()),
        ("DISCORD_API_BASE", discord.origin.clone()),
        ("DISCORD_GUILD_ID", discord::GUILD_ID.to_string()),
        ("OPENAI_BASE_URL", openai.base_url.clone()),
        ("EASEL_COOLDOWN_SECS", "0".to_owned()),
    ];
    all.extend(vars.iter().cloned());
    let bot = BotProcess::start(dir, &all);
    discord.wait_for("the commands registered", |r| r.iter().filter(|r| is_registration(r)).count() > registered).await;
    bot
}

/// How many results of `sent`'s job are among `requests`.
pub fn images_for(requests: &[discord::Received], sent: &discord::Sent) -> usize {
    requests.iter().filter(|r| r.path.contains(&sent.token) && is_result(r)).count()
}

/// Kills `dying` (as a machine is lost) and waits, at most 20 s, until `other` delivers `sent`'s job;
/// returns how long after the kill that was.
pub async fn taken_over(dying: BotProcess, other: &FakeDiscord, sent: &discord::Sent) -> std::time::Duration {
    dying.signal("KILL");
    let killed_at = std::time::Instant::now();
    let _ = dying.exited().await;
    let delivered = |r: &[discord::Received]| images_for(r, sent) == 1;
    other.wait_for_within("the other's delivery", std::time::Duration::from_secs(20), delivered).await;
    killed_at.elapsed()
}

/// The `easel` binary running as its own process, its logs read as it writes them.
pub struct BotProcess {
    child: tokio::process::Child,
    stdout: JoinHandle<String>,
    stderr: JoinHandle<String>,
}

impl BotProcess {
    /// Starts the binary in `dir` with exactly `vars` as its environment.
    pub fn start(dir: &std::path::Path, vars: &[(&str, String)]) -> Self {
        std::fs::create_dir_all(dir).unwrap();
        // Set by cargo for integration tests only (the benchmark shares this module but starts no binary).
        let Some(binary) = option_env!("CARGO_BIN_EXE_easel") else {
            panic!("the easel binary is built for integration tests only")
        };
        let mut command = tokio::process::Command::new(binary);
        command.current_dir(dir).env_clear().kill_on_drop(true).env("EASEL_HTTP_ADDR", "off");
        command.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
        for (name, value) in vars {
            command.env(name, value);
        }
        let mut child = command.spawn().unwrap();
        // Read the logs while the bot runs: a full pipe would block its logging, and so the bot.
        let stdout = tokio::spawn(read_all(child.stdout.take().unwrap()));
        let stderr = tokio::spawn(read_all(child.stderr.take().unwrap()));
        Self { child, stdout, stderr }
    }

    /// Sends `signal` (e.g. `TERM`, `KILL`) to the process.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.id().unwrap().to_string();
        assert!(std::process::Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap().success());
    }

    /// Waits for the exit (30 s at most) and returns its status and everything it logged.
    pub async fn exited(mut self) -> (std::process::ExitStatus, String) {
        let status =
            tokio::time::timeout(std::time::Duration::from_secs(30), self.child.wait()).await.unwrap().unwrap();
        let logs = format!("{}{}", self.stdout.await.unwrap(), self.stderr.await.unwrap());
        (status, logs)
    }

    /// Sends SIGTERM, waits for the exit (30 s at most) and returns its status and everything it logged.
    pub async fn terminate(self) -> (std::process::ExitStatus, String) {
        self.signal("TERM");
        self.exited().await
    }
}

async fn read_all(mut pipe: impl tokio::io::AsyncRead + Unpin) -> String {
    let mut out = Vec::new();
    tokio::io::AsyncReadExt::read_to_end(&mut pipe, &mut out).await.unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

/// A free port on 127.0.0.1, for a bot's `EASEL_HTTP_ADDR`.
pub fn free_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

/// A member's usage in the home server once nothing of theirs is reserved any more (a delivered image
/// reaches Discord a moment before its charge is recorded), or as it stands after five seconds.
pub async fn settled_usage(db: &std::path::Path, member: u64) -> easel::domain::limits::Usage {
    settled_usage_in(db, Some(discord::GUILD_ID), member).await
}

/// As [`settled_usage`], in `server` (`None`: the member's own jobs).
pub async fn settled_usage_in(db: &std::path::Path, server: Option<u64>, member: u64) -> easel::domain::limits::Usage {
    let store = easel::store::sqlite::SqliteStore::open(db).unwrap();
    let mut usage = easel::domain::limits::Usage::default();
    for _ in 0..100 {
        usage = easel::domain::ledger::Store::usage(&store, server.map(ServerId), MemberId(member), chrono::Utc::now())
            .await
            .unwrap();
        if usage.in_flight == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    usage
}

/// Asserts `delivered` is the model's `made` image, byte for byte, with Easel's provenance added: the
/// PNG's chunks without the `iTXt` ones Easel writes are exactly `made`, and those say "AI-generated".
pub fn assert_model_bytes_with_provenance(delivered: &[u8], made: &[u8]) {
    let (kept, text) = split_itxt(delivered);
    let (made_image, _) = split_itxt(made);
    assert_eq!(kept, made_image, "the model's bytes, untouched apart from the provenance chunks");
    assert!(text.iter().any(|t| t.contains("AI-generated")), "marked as AI-generated: {text:?}");
    assert!(!text.iter().any(|t| t.starts_with("tEXt") || t.starts_with("zTXt")), "no provider text: {text:?}");
}

/// A PNG's bytes without its text chunks (`tEXt`, `zTXt`, `iTXt`), and those chunks' texts (a `tEXt` or
/// `zTXt` one prefixed with its type; `iTXt` ones are Easel's).
pub fn split_itxt(png: &[u8]) -> (Vec<u8>, Vec<String>) {
    let mut kept = png[..8].to_vec();
    let mut texts = Vec::new();
    let mut at = 8;
    while at + 12 <= png.len() {
        let length = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let chunk = &png[at..at + 12 + length];
        let text = String::from_utf8_lossy(&chunk[8..8 + length]).replace('\0', "|");
        match &chunk[4..8] {
            b"iTXt" => texts.push(text),
            kind @ (b"tEXt" | b"zTXt") => texts.push(format!("{}:{text}", String::from_utf8_lossy(kind))),
            _ => kept.extend_from_slice(chunk),
        }
        at += 12 + length;
    }
    (kept, texts)
}

/// A channel option and its `resolved` entry, as Discord sends them.
pub fn channel_option(name: &str, id: u64) -> (serde_json::Value, serde_json::Value) {
    let option = serde_json::json!({"name": name, "type": 7, "value": id.to_string()});
    let resolved = serde_json::json!({"channels": {id.to_string(): {"id": id.to_string(), "name": "board", "type": 0,
        "permissions": "2248473465835073"}}});
    (option, resolved)
}

/// A role option and its `resolved` entry, as Discord sends them.
pub fn role_option(name: &str, id: u64) -> (serde_json::Value, serde_json::Value) {
    let option = serde_json::json!({"name": name, "type": 8, "value": id.to_string()});
    let resolved = serde_json::json!({"roles": {id.to_string(): {"id": id.to_string(), "name": "curators", "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false, "icon": null, "unicode_emoji": null, "position": 1, "permissions": "0", "managed": false,
        "mentionable": false, "flags": 0}}});
    (option, resolved)
}
