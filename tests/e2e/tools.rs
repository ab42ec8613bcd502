//! The owner's tools through the binary: `easel check`, `easel generate`, and JSON logs.

use std::process::Command;

use serde_json::{json, Value};

use crate::support::discord::{GUILD_ID, REJECTED_TOKEN};
use crate::support::{date_in_days, string, BotProcess, FakeDiscord, FakeOpenAi, Reply};
use easel::domain::ids::{MemberId, ServerId};

/// Runs `easel` with `args` and exactly `vars` as its environment; returns the exit code and stdout.
fn easel(dir: &std::path::Path, args: &[&str], vars: &[(&str, String)]) -> (i32, String) {
    std::fs::create_dir_all(dir).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_easel"));
    command.current_dir(dir).env_clear().args(args);
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

fn dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("easel-tools-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

async fn stand_ins() -> (FakeDiscord, FakeOpenAi) {
    (FakeDiscord::start().await, FakeOpenAi::start().await)
}

fn vars(discord: &FakeDiscord, openai: &FakeOpenAi, token: &str) -> Vec<(&'static str, String)> {
    vec![
        ("DISCORD_TOKEN", token.to_owned()),
        ("DISCORD_API_BASE", discord.origin.clone()),
        ("OPENAI_BASE_URL", openai.base_url.clone()),
        ("OPENAI_API_KEY", "sk-secret-check-key".to_owned()),
        ("EASEL_DB", "easel.db".to_owned()),
    ]
}

#[tokio::test]
async fn check_passes_a_good_setup_and_lists_every_model_with_its_status() {
    let (discord, openai) = stand_ins().await;
    let retiring = date_in_days(20);
    openai.serve_models(vec![
        json!({"id": "gpt-image-2", "object": "model", "shutdown_date": null}),
        json!({"id": "gpt-image-1.5", "object": "model", "shutdown_date": retiring}),
    ]);
    let vars = vars(&discord, &openai, "secret-good-token");

    let (code, out) = tokio::task::spawn_blocking(move || easel(&dir("good"), &["check"], &vars)).await.unwrap();

    assert_eq!(code, 0, "{out}");
    assert!(out.contains("discord: the token works; the bot is `Easel`"), "{out}");
    assert!(out.contains("spool: the folder ") && out.contains("takes, gives back and deletes an image"), "{out}");
    assert!(out.contains("every server lets it send messages, embed links and attach files"), "{out}");
    assert!(out.contains("OPENAI_BASE_URL: answers and serves 2 models"), "{out}");
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("gpt-image-2 ") && l.trim_end().ends_with("offered")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "retiring on {retiring}: point members and EASEL_DEFAULT_MODEL at `gpt-image-2.6-sunburst`"
        )),
        "{out}"
    );
    assert!(out.contains("dall-e-3") && out.contains("not served by OPENAI_BASE_URL"), "{out}");
    assert!(out.contains("stable-diffusion") && out.contains("set SD_BASE_URL to offer it"), "{out}");
    assert!(out.contains("comfyui-sdxl") && out.contains("set COMFYUI_URL to offer it"), "{out}");
    assert!(out.contains("stability-core") && out.contains("set STABILITY_API_KEY to offer it"), "{out}");
    assert!(out.ends_with("result: ready to start (0 problem(s), 11 note(s))\n"), "{out}");
    assert!(!out.contains("secret-good-token") && !out.contains("sk-secret-check-key"), "never a secret: {out}");
}

#[tokio::test]
async fn check_names_a_rejected_token_an_unreachable_backend_and_a_retired_default_model() {
    let (discord, openai) = stand_ins().await;
    let retired = date_in_days(-30);
    openai.serve_models(vec![json!({"id": "gpt-image-2", "object": "model", "shutdown_date": retired})]);
    let mut bad = vars(&discord, &openai, REJECTED_TOKEN);
    bad.push(("SD_BASE_URL", "http://127.0.0.1:9".to_owned()));

    let (code, out) = tokio::task::spawn_blocking(move || easel(&dir("bad"), &["check"], &bad)).await.unwrap();

    assert_eq!(code, 1, "{out}");
    assert!(out.contains("discord: PROBLEM: Discord refused the token (401)"), "{out}");
    assert!(out.contains("SD_BASE_URL: PROBLEM: it does not answer"), "{out}");
    assert!(out.contains(&format!("retired on {retired}: hidden from members")), "{out}");
    assert!(out.contains("PROBLEM: EASEL_DEFAULT_MODEL `gpt-image-2` is not offered"), "{out}");
    assert!(out.contains("result: not ready (3 problem(s)"), "{out}");
}

#[tokio::test]
async fn check_notes_a_server_where_the_bot_cannot_attach_files() {
    let (discord, openai) = stand_ins().await;
    discord.set_bot_permissions(0x800 | 0x4000);
    let vars = vars(&discord, &openai, "secret-good-token");

    let (code, out) = tokio::task::spawn_blocking(move || easel(&dir("perms"), &["check"], &vars)).await.unwrap();

    assert_eq!(code, 0, "a note, not a problem: {out}");
    assert!(out.contains("`Art Club`: lacks Attach Files; results cannot be delivered there"), "{out}");
}

#[tokio::test]
async fn generate_writes_the_models_image_and_a_sidecar_without_discord() {
    let openai = FakeOpenAi::start().await;
    let out_dir = dir("generate");
    let vars = vec![("OPENAI_BASE_URL", openai.base_url.clone()), ("EASEL_DB", "easel.db".to_owned())];
    let target = out_dir.join("images");
    let args = ["generate", "a lighthouse at dusk", "--size", "1536x1024", "--out", target.to_str().unwrap()]
        .map(str::to_owned);

    let (code, printed) = tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        easel(&out_dir, &args, &vars)
    })
    .await
    .unwrap();

    assert_eq!(code, 0, "{printed}");
    let call = &openai.image_calls()[0];
    assert_eq!(
        (call.body["prompt"].as_str(), call.body["size"].as_str()),
        (Some("a lighthouse at dusk"), Some("1536x1024"))
    );
    let files: Vec<String> = printed.lines().map(str::to_owned).collect();
    assert_eq!(files.len(), 2, "{printed}");
    crate::support::assert_model_bytes_with_provenance(&std::fs::read(&files[0]).unwrap(), &openai.images_made()[0]);
    let sidecar: Value = serde_json::from_slice(&std::fs::read(&files[1]).unwrap()).unwrap();
    assert_eq!(sidecar["prompt"], "a lighthouse at dusk");
    assert_eq!(sidecar["revised_prompt"], "a lighthouse at dusk, rendered in warm light");
    assert_eq!(
        (sidecar["model"].as_str(), sidecar["parameters"]["size"].as_str()),
        (Some("gpt-image-2"), Some("1536x1024"))
    );
    assert_eq!(sidecar["provenance"]["ai_generated"], true);
    assert!(sidecar["cost_usd"].as_f64().unwrap() > 0.0);
}

#[tokio::test]
async fn json_logs_are_one_json_object_a_line_with_the_job_id() {
    let (discord, openai) = stand_ins().await;
    openai.always(Reply::Base64);
    let dir = dir("json-logs");
    let mut env = vars(&discord, &openai, "test-bot-token");
    env.push(("EASEL_LOG_FORMAT", "json".to_owned()));
    env.push(("EASEL_DB", dir.join("easel.db").display().to_string()));
    let bot = BotProcess::start(&dir, &env);
    discord.wait_until_ready().await;
    let sent = discord.invoke("generate", json!([string("prompt", "a logged fox")]), json!({}));
    discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let (status, logs) = bot.terminate().await;

    assert!(status.success(), "{logs}");
    let lines: Vec<Value> = logs
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert!(
        lines.iter().any(|l| l["fields"]["message"] == "job delivered" && l["span"]["id"] == sent.id.as_str()),
        "{logs}"
    );
    let closed = lines.iter().find(|l| l["fields"]["message"] == "close" && l["span"]["id"] == sent.id.as_str());
    let closed = closed.unwrap_or_else(|| panic!("the job's span closes with its durations: {logs}"));
    assert!(closed["fields"]["time.busy"].is_string() && closed["fields"]["time.idle"].is_string(), "{closed}");
}

#[tokio::test]
async fn migrate_store_copies_a_bots_sqlite_data_into_an_empty_postgres_once() {
    let Some(schema) = crate::support::postgres::Schema::create("migrate_store").await else { return };
    let app = crate::support::spawn_app().await;
    let sent = app.discord.invoke("generate", json!([crate::support::string("prompt", "a fox to keep")]), json!({}));
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    let saved = app.discord.invoke("settings", json!([crate::support::string("quality", "low")]), json!({}));
    app.direct_answer(&saved).await;
    let before = app.usage().await;
    let db = app.db_path.clone();
    app.stop().await;
    let vars = vec![("EASEL_DB", db.display().to_string()), ("EASEL_DATABASE_URL", schema.url())];

    let here = dir("migrate");
    std::fs::create_dir_all(&here).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_easel"));
    command.current_dir(&here).env_clear().arg("migrate-store").envs(vars.iter().map(|(k, v)| (*k, v.as_str())));
    let output = command.output().unwrap();
    let out = String::from_utf8_lossy(&output.stdout).into_owned();

    assert!(output.status.success(), "{out}{}", String::from_utf8_lossy(&output.stderr));
    assert!(out.contains("ledger: 1 row(s)") && out.contains("member_settings: 1 row(s)"), "{out}");
    let store = easel::store::postgres::PostgresStore::connect(&schema.url()).await.unwrap();
    let after = easel::domain::ledger::Store::usage(
        &store,
        Some(ServerId(GUILD_ID)),
        MemberId(crate::support::discord::MEMBER_ID),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!((after.user_images, after.user_usd), (before.user_images, before.user_usd), "the same ledger");
    let job = easel::jobs::queue::JobStore::job(&store, &sent.id.as_str().into()).await.unwrap().unwrap();
    assert_eq!(job.state, easel::jobs::queue::JobState::Delivered);
    let settings = easel::community::settings::SettingsStore::member_settings(
        &store,
        ServerId(GUILD_ID),
        MemberId(crate::support::discord::MEMBER_ID),
    )
    .await
    .unwrap();
    assert_eq!(settings.quality.as_deref(), Some("low"));
    let (again, _) = easel(&here, &["migrate-store"], &vars);
    assert_eq!(again, 1, "a second copy into a database holding data is refused");
    schema.remove().await;
}

#[tokio::test]
async fn check_and_start_up_never_show_a_database_password_holding_question_marks_slashes_or_at_signs() {
    let (discord, openai) = stand_ins().await;
    let closed = crate::support::free_address();
    for password in ["hun?ter2", "hun/ter?2", "hu@n#ter/2"] {
        let mut all = vars(&discord, &openai, "test-bot-token");
        all.push(("EASEL_DATABASE_URL", format!("postgres://easel:{password}@{closed}/easel")));
        let (checked, started) = tokio::task::spawn_blocking(move || {
            let dir = dir("password");
            let checked = easel(&dir, &["check"], &all);
            let output = Command::new(env!("CARGO_BIN_EXE_easel"))
                .current_dir(&dir)
                .env_clear()
                .envs(all.iter().map(|(k, v)| (*k, v.as_str())))
                .output()
                .unwrap();
            let said =
                format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
            (checked, (output.status.success(), said))
        })
        .await
        .unwrap();

        let ((code, check), (started_ok, start_up)) = (checked, started);
        assert!(code != 0 && check.contains("database: PROBLEM"), "no database there: {check}");
        assert!(!started_ok && start_up.contains("could not be opened"), "{start_up}");
        for shown in [&check, &start_up] {
            assert!(
                !shown.contains("hun") && !shown.contains("ter2") && !shown.contains("ter?2"),
                "{password}: {shown}"
            );
        }
    }
}

#[tokio::test]
async fn check_validates_comfyui_workflows_against_the_servers_nodes_and_skips_an_unused_openai() {
    let (discord, openai) = stand_ins().await;
    let comfy = crate::support::comfyui::FakeComfyUi::start().await;
    let dir = dir("comfy-check");
    std::fs::create_dir_all(&dir).unwrap();
    let flow = easel::backends::comfyui::workflow::BUILTIN_TXT2IMG
        .replace(r#""sampler_name": "euler""#, r#""sampler_name": "ddim""#)
        .replace(r#""class_type": "VAEDecode""#, r#""class_type": "VAEDecodeTiled""#);
    std::fs::write(dir.join("flow.json"), flow).unwrap();
    // A Stable Diffusion-only catalogue: the ComfyUI model alone.
    let base = easel::domain::catalogue::DEFAULT_CATALOGUE;
    let start = base.find("[[model]]\nid = \"comfyui-sdxl\"").unwrap();
    let end = start + base[start..].find("\n# Stability AI").unwrap();
    let comfy_only = base[start..end].replace(r#"workflow = "builtin:txt2img""#, r#"workflow = "flow.json""#);
    std::fs::write(dir.join("models.toml"), comfy_only).unwrap();
    let mut all = vars(&discord, &openai, "secret-good-token");
    all.retain(|(k, _)| *k != "OPENAI_API_KEY" && *k != "OPENAI_BASE_URL");
    all.push(("COMFYUI_URL", comfy.base_url.clone()));
    all.push(("EASEL_MODELS", "models.toml".to_owned()));
    all.push(("EASEL_DEFAULT_MODEL", "comfyui-sdxl".to_owned()));

    let (code, out) = tokio::task::spawn_blocking(move || easel(&dir, &["check"], &all)).await.unwrap();

    assert_ne!(code, 0, "{out}");
    assert!(out.contains("OPENAI_BASE_URL: not asked"), "{out}");
    assert!(
        out.contains("COMFYUI_URL: PROBLEM: workflow `flow.json` node 3 (KSampler) input sampler_name: `ddim` is not on the server"),
        "{out}"
    );
    assert!(out.contains("workflow `flow.json` node 8: ComfyUI has no node `VAEDecodeTiled`"), "{out}");
    assert!(!out.contains("builtin:img2img` node"), "the built-in image workflow is fine: {out}");
}

#[tokio::test]
async fn check_probes_a_bucket_spool_and_names_one_it_cannot_use() {
    let Some(endpoint) = std::env::var("EASEL_TEST_S3_ENDPOINT").ok().filter(|e| !e.is_empty()) else {
        return println!("EASEL_TEST_S3_ENDPOINT is unset: the bucket check skipped (.ci/run starts an S3 server)");
    };
    let bucket = format!("easel-check-{}", std::process::id());
    reqwest::Client::new().put(format!("{endpoint}/{bucket}")).send().await.unwrap().error_for_status().unwrap();
    let (discord, openai) = stand_ins().await;
    let with_spool = |spool: String| {
        let mut all = vars(&discord, &openai, "secret-good-token");
        all.extend([
            ("EASEL_SPOOL", spool),
            ("AWS_ENDPOINT_URL", endpoint.clone()),
            ("AWS_ACCESS_KEY_ID", "testing".to_owned()),
            ("AWS_SECRET_ACCESS_KEY", "secret-aws-key".to_owned()),
        ]);
        all
    };
    let (good, missing) =
        (with_spool(format!("s3://{bucket}/spool")), with_spool("s3://no-such-bucket-x/spool".into()));

    let (code, out) = tokio::task::spawn_blocking(move || easel(&dir("bucket"), &["check"], &good)).await.unwrap();
    let (bad_code, bad) =
        tokio::task::spawn_blocking(move || easel(&dir("nobucket"), &["check"], &missing)).await.unwrap();

    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&format!("spool: the bucket s3://{bucket}/spool takes, gives back and deletes an image")),
        "{out}"
    );
    assert_ne!(bad_code, 0, "{bad}");
    assert!(bad.contains("spool: PROBLEM: the bucket s3://no-such-bucket-x/spool cannot be used"), "{bad}");
    assert!(!out.contains("secret-aws-key") && !bad.contains("secret-aws-key"), "never a secret");
}
