//! Start-up: the binary's configuration errors, and the catalogue narrowed to what is served.

use std::process::Command;

use serde_json::{json, Value};

use crate::support::{date_in_days, spawn_app_with, string, BotProcess, FakeDiscord, FakeOpenAi};

fn model_choices(registration: &Value, command: &str) -> Vec<String> {
    let command = registration.as_array().unwrap().iter().find(|c| c["name"] == command).unwrap();
    let model = command["options"].as_array().unwrap().iter().find(|o| o["name"] == "model").unwrap();
    model["choices"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn only_served_models_before_their_shutdown_are_offered() {
    let app = spawn_app_with(&[], |openai| {
        openai.serve_models(vec![
            json!({"id": "gpt-image-2", "object": "model", "shutdown_date": null}),
            json!({"id": "gpt-image-2.6-sunburst", "object": "model", "shutdown_date": date_in_days(180)}),
            json!({"id": "gpt-image-2.5-flare", "object": "model", "shutdown_date": date_in_days(-30)}),
        ])
    })
    .await;

    let registration = app.discord.wait_until_ready().await;

    assert_eq!(model_choices(&registration.payload, "generate"), ["gpt-image-2", "gpt-image-2.6-sunburst"]);
    assert!(registration.path.ends_with("/applications/900000000000000001/commands"), "user-installable: global");
}

#[tokio::test]
async fn the_bot_identifies_with_its_token() {
    let app = spawn_app_with(&[], |_| {}).await;
    let identify = app.discord.identify().unwrap();
    assert!(identify["token"].as_str().unwrap().ends_with("test-bot-token"), "{identify}");
}

#[test]
fn a_missing_token_stops_the_binary_with_one_line_and_exit_code_2() {
    let dir = std::env::temp_dir().join("easel-no-env");
    std::fs::create_dir_all(&dir).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_easel")).current_dir(&dir).env_clear().output().unwrap();

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("DISCORD_TOKEN is not set"), "{stderr}");
}

#[test]
fn a_malformed_catalogue_stops_the_binary_naming_entry_and_field() {
    let dir = std::env::temp_dir().join("easel-bad-catalogue");
    std::fs::create_dir_all(&dir).unwrap();
    let catalogue = easel::domain::catalogue::DEFAULT_CATALOGUE.replacen(
        "default_size = \"1024x1024\"",
        "default_size = \"7x7\"",
        1,
    );
    std::fs::write(dir.join("models.toml"), catalogue).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_easel"))
        .current_dir(&dir)
        .env_clear()
        .env("DISCORD_TOKEN", "secret-token-value")
        .env("EASEL_MODELS", "models.toml")
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("`gpt-image-2`") && stderr.contains("default_size"), "{stderr}");
    assert!(!stderr.contains("secret-token-value"));
}

#[tokio::test]
async fn the_binary_serves_a_command_stops_on_sigterm_and_never_logs_its_secrets() {
    let discord = FakeDiscord::start().await;
    let openai = FakeOpenAi::start().await;
    let dir = std::env::temp_dir().join(format!("easel-binary-{}", std::process::id()));
    let bot = BotProcess::start(
        &dir,
        &[
            ("DISCORD_TOKEN", "very-secret-bot-token".into()),
            ("OPENAI_API_KEY", "sk-very-secret-key".into()),
            ("DISCORD_API_BASE", discord.origin.clone()),
            ("OPENAI_BASE_URL", openai.base_url.clone()),
            ("EASEL_DB", dir.join("easel.db").display().to_string()),
            // The most verbose level there is: no secret and no interaction token at any level.
            ("RUST_LOG", "trace".into()),
        ],
    );

    let registration = discord.wait_until_ready().await;
    let sent = discord.invoke("generate", json!([string("prompt", "a kite")]), json!({}));
    discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    let (status, logs) = bot.terminate().await;

    assert!(registration.path.ends_with("/applications/900000000000000001/commands"), "global without a guild id");
    assert!(status.success(), "a clean stop on SIGTERM: {status:?}");
    assert!(logs.contains(&format!("job={}", sent.id)), "the job id is in the log");
    assert!(!logs.contains("very-secret-bot-token") && !logs.contains("sk-very-secret-key"), "secrets leaked:\n{logs}");
    let leaks: Vec<&str> = logs.lines().filter(|l| l.contains(&sent.token)).collect();
    assert!(
        leaks.is_empty(),
        "{} log line(s) hold the interaction token:\n{}",
        leaks.len(),
        leaks.iter().map(|l| format!("{:.300}", l)).collect::<Vec<_>>().join("\n")
    );
}
