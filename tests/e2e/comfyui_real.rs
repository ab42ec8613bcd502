//! The same checks against a **real ComfyUI**, opt-in: set `EASEL_TEST_COMFYUI_URL` (e.g.
//! `http://127.0.0.1:8188`) to a ComfyUI with `tests/comfyui/easel_test_nodes.py` in its
//! `custom_nodes/` (README: "Testing against a real ComfyUI"). Without it each test says so and passes:
//! `cargo test` never needs a ComfyUI. The workflows (`tests/comfyui/*.json`) need no model weights.
//!
//! `EASEL_TEST_COMFYUI_RUNS` (default 20) sets how many runs the delivery test makes in a row.

use std::time::Duration;

use serde_json::{json, Value};

use crate::support::discord::Sent;
use crate::support::{spawn_app_with, string, TestApp};

const LOG_CHANNEL: &str = "960000000000000019";

/// The real server, or `None` (the test is skipped, saying so).
fn server() -> Option<String> {
    let url = std::env::var("EASEL_TEST_COMFYUI_URL").ok().filter(|u| !u.trim().is_empty());
    if url.is_none() {
        eprintln!("note: EASEL_TEST_COMFYUI_URL is unset: the real-ComfyUI checks were skipped");
    }
    url
}

/// A catalogue whose ComfyUI models run the test workflows, with few steps; returns its path.
fn catalogue(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("easel-real-comfy-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/comfyui");
    let orange = std::fs::read_to_string(here.join("progress.json")).unwrap().replace("16746496", "\"orange\"");
    std::fs::write(dir.join("orange.json"), orange).unwrap();
    let base = easel::domain::catalogue::DEFAULT_CATALOGUE;
    let start = base.find("[[model]]\nid = \"comfyui-sdxl\"").unwrap();
    let end = start + base[start..].find("\n# Stability AI").unwrap();
    let block = &base[start..end];
    let mut text = base.to_owned();
    let blend = here.join("blend.json").display().to_string();
    let inpaint = here.join("inpaint.json").display().to_string();
    for (id, workflow) in [
        ("real-progress", here.join("progress.json")),
        ("real-fails", here.join("fails.json")),
        ("real-slow", here.join("slow.json")),
        ("real-orange", dir.join("orange.json")),
    ] {
        let model = block
            .replace("id = \"comfyui-sdxl\"", &format!("id = \"{id}\""))
            .replace("provider_model = \"sd_xl_base_1.0.safetensors\"", "provider_model = \"default\"")
            .replace("workflow = \"builtin:txt2img\"", &format!("workflow = {:?}", workflow.display().to_string()))
            .replace("blend_workflow = \"builtin:blend\"", &format!("blend_workflow = {blend:?}"))
            .replace("inpaint_workflow = \"builtin:inpaint\"", &format!("inpaint_workflow = {inpaint:?}"))
            .replace("draft = 15", "draft = 2")
            .replace("standard = 25", "standard = 3")
            .replace("high = 40", "high = 4")
            .replace("\"1024x1024\", \"1152x896\"", "\"512x512\", \"1024x1024\", \"1152x896\"")
            .replace("default_size = \"1024x1024\"", "default_size = \"512x512\"");
        text.push('\n');
        text.push_str(&model);
    }
    let path = dir.join("models.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

async fn app(url: &str, name: &str) -> TestApp {
    let models = catalogue(name);
    let vars = [
        ("COMFYUI_URL", url),
        ("EASEL_MODELS", models.as_str()),
        ("MODERATION_LOG_CHANNEL_ID", LOG_CHANNEL),
        ("EASEL_COMFYUI_TIMEOUT_SECS", "120"),
        ("EASEL_IMAGES_PER_DAY", "none"),
        ("EASEL_USER_USD_PER_DAY", "none"),
        ("EASEL_MAX_IN_FLIGHT", "none"),
    ];
    spawn_app_with(&vars, |_| {}).await
}

fn generate(app: &TestApp, model: &str, prompt: &str) -> Sent {
    app.discord.invoke("generate", json!([string("prompt", prompt), string("model", model)]), json!({}))
}

/// The image delivered for `sent`, or the explanation the member got instead.
async fn outcome(app: &TestApp, sent: &Sent) -> Result<Vec<u8>, String> {
    let token = sent.token.clone();
    // The result's files (previews shown while it ran are not the result).
    let ended = move |r: &crate::support::discord::Received| {
        r.path.contains(&token)
            && (r.files.iter().any(|f| f.1 != "preview.jpg") || crate::support::is_followup(r, &token))
    };
    let requests = app.discord.wait_for_within("the outcome", Duration::from_secs(120), |r| r.iter().any(&ended)).await;
    let answer = requests.iter().find(|r| ended(r)).unwrap();
    match answer.files.first() {
        Some(file) => Ok(file.2.clone()),
        None => Err(answer.payload["content"].as_str().unwrap_or_default().to_owned()),
    }
}

async fn get(url: &str) -> Value {
    reqwest::get(url).await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn a_real_comfyui_delivers_every_run_with_easels_mark_and_without_its_workflow() {
    let Some(url) = server() else { return };
    let app = app(&url, "runs").await;
    let runs: usize = std::env::var("EASEL_TEST_COMFYUI_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(20);

    let started = std::time::Instant::now();
    let mut failures = Vec::new();
    for i in 0..runs {
        match outcome(&app, &generate(&app, "real-progress", &format!("a test card {i}"))).await {
            Ok(png) => {
                let text = String::from_utf8_lossy(&png);
                assert!(!text.contains("EaselProgressImage"), "ComfyUI's workflow is not in the delivered file");
                assert!(text.contains("AI-generated"), "Easel's provenance is");
            }
            Err(told) => failures.push(told),
        }
    }

    eprintln!(
        "real ComfyUI at {url}: {runs} runs, {} failed, {:.1} s in all",
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{failures:?}");
}

#[tokio::test]
async fn a_real_comfyui_failure_and_refusal_name_their_node_for_the_owner() {
    let Some(url) = server() else { return };
    let app = app(&url, "errors").await;

    let failed = outcome(&app, &generate(&app, "real-fails", "a red fox")).await.unwrap_err();
    let reason = app.logged_reason(LOG_CHANNEL).await;
    assert!(failed.starts_with("Easel is not set up correctly for this model"), "{failed}");
    assert!(reason.ends_with("node 2 (EaselFail) failed: RuntimeError: easel test failure: a red fox"), "{reason}");

    let app = self::app(&url, "refusal").await;
    let refused = outcome(&app, &generate(&app, "real-orange", "a blue fox")).await.unwrap_err();
    let reason = app.logged_reason(LOG_CHANNEL).await;
    assert!(refused.starts_with("Easel is not set up correctly for this model"), "{refused}");
    assert!(
        reason.ends_with(
            "node 1 (EaselProgressImage) input color: Failed to convert an input value to a INT value (orange)"
        ),
        "{reason}"
    );
}

#[tokio::test]
async fn a_real_comfyuis_preview_reaches_the_member_and_a_cancel_interrupts_the_run() {
    let Some(url) = server() else { return };
    let app = app(&url, "cancel").await;

    let sent = generate(&app, "real-slow", "a slow heron");
    let mut running = None;
    for _ in 0..600 {
        let queue = get(&format!("{url}/queue")).await;
        // This test's run (other tests may share the server).
        running = queue["queue_running"].as_array().into_iter().flatten().find_map(|item| {
            (item[2]["1"]["inputs"]["prompt"] == "a slow heron").then(|| item[1].as_str().map(str::to_owned)).flatten()
        });
        if running.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let prompt_id = running.expect("the run started on the server");
    // The member's message shows ComfyUI's own preview frames while it runs.
    let token = sent.token.clone();
    let previews = app
        .discord
        .wait_for_within("a preview", Duration::from_secs(30), |r| {
            r.iter().any(|r| r.path.contains(&token) && r.files.iter().any(|f| f.1 == "preview.jpg"))
        })
        .await;
    let preview: Vec<usize> = previews
        .iter()
        .filter(|r| r.path.contains(&sent.token))
        .flat_map(|r| r.files.iter().filter(|f| f.1 == "preview.jpg").map(|f| f.2.len()))
        .collect();
    let jpeg = image::load_from_memory_with_format(
        &previews.iter().rev().find_map(|r| r.files.iter().find(|f| f.1 == "preview.jpg")).unwrap().2,
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    eprintln!(
        "real ComfyUI preview: {} edit(s) of {:?} bytes, {}x{}",
        preview.len(),
        preview,
        jpeg.width(),
        jpeg.height()
    );
    app.direct_answer(&app.discord.invoke("cancel", json!([]), json!({}))).await;

    let mut status = Value::Null;
    for _ in 0..200 {
        status = get(&format!("{url}/history/{prompt_id}")).await[&prompt_id]["status"].clone();
        if !status.is_null() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let messages = status["messages"].to_string();
    assert!(messages.contains("execution_interrupted"), "the server stopped the run: {status}");
}

#[tokio::test]
async fn a_real_comfyui_blends_two_uploads_through_a_blend_workflow_of_its_own_nodes() {
    let Some(url) = server() else { return };
    let app = app(&url, "blend").await;
    let (mut options, mut attachments) = (vec![string("model", "real-progress")], serde_json::Map::new());
    for (i, colour) in [[250, 0, 0], [0, 0, 250]].into_iter().enumerate() {
        let (id, picture) = (format!("93200000000000000{i}"), crate::support::png(64, 48, colour));
        let url = app.discord.host_file(&format!("{id}.png"), picture.clone());
        options.push(json!({"name": format!("image{}", i + 1), "type": 11, "value": id}));
        attachments.insert(
            id.clone(),
            json!({"id": id, "filename": format!("{id}.png"), "size": picture.len(),
            "url": url, "proxy_url": url, "content_type": "image/png", "width": 64, "height": 48}),
        );
    }
    let sent = app.discord.invoke("blend", Value::Array(options), json!({"attachments": attachments}));

    let png = outcome(&app, &sent).await.expect("the blend is delivered");
    let blended = image::load_from_memory(&png).unwrap().to_rgb8();
    assert_eq!(blended.dimensions(), (512, 512), "scaled to the job's size by the workflow");
    let [r, g, b] = blended.get_pixel(256, 256).0;
    assert!(r.abs_diff(125) < 12 && g < 12 && b.abs_diff(125) < 12, "half red, half blue: {:?}", [r, g, b]);
}

#[tokio::test]
async fn a_real_comfyui_pans_a_result_repainting_only_the_masked_new_area() {
    let Some(url) = server() else { return };
    let app = app(&url, "pan").await;
    let sent = generate(&app, "real-progress", "an orange card");
    outcome(&app, &sent).await.expect("the first image");
    let message = app.discord.last_result();

    let pan = app.discord.click_on(
        &crate::support::discord::Member::ordinary(),
        &message,
        &format!("easel:panr:{}", sent.id),
    );
    let png = outcome(&app, &pan).await.expect("the panned image");
    let panned = image::load_from_memory(&png).unwrap().to_rgb8();

    // 512x512 grown by half to the right is nearest 1216x832: the card scaled to 832x832 at the left
    // (kept: orange), the rest masked white and painted by the workflow (blue).
    assert_eq!(panned.dimensions(), (1216, 832));
    let [r, g, b] = panned.get_pixel(400, 400).0;
    assert!(r > 200 && g.abs_diff(136) < 40 && b < 60, "the kept card is still orange: {:?}", [r, g, b]);
    let [r, g, b] = panned.get_pixel(1100, 400).0;
    assert!(r < 40 && g < 40 && b > 200, "the new area was painted: {:?}", [r, g, b]);
}
