//! Stand-ins and a `spawn_app` helper: each test gets its own fake Discord, fake model API and bot.

pub mod discord;
pub mod openai;
pub mod sd;

use std::collections::HashMap;
use std::io::Cursor;
use std::path::PathBuf;

use easel::config::Config;
use image::{DynamicImage, Rgb, RgbImage};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use discord::FakeDiscord;
pub use openai::{FakeOpenAi, Reply};

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

    /// The ephemeral follow-up explaining why a deferred job delivered nothing.
    pub async fn followup_text(&self, sent: &discord::Sent) -> String {
        let requests =
            self.discord.wait_for("the explanation", |r| r.iter().any(|r| is_followup(r, &sent.token))).await;
        let followup = requests.iter().find(|r| is_followup(r, &sent.token)).unwrap();
        assert_eq!(followup.payload["flags"], 64, "ephemeral");
        assert_eq!(followup.payload["allowed_mentions"]["parse"], serde_json::json!([]));
        followup.payload["content"].as_str().unwrap().to_owned()
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
    ]);
    env.extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
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
