//! ComfyUI through the same commands: the model's workflow filled and queued, followed on the
//! websocket (progress in the member's message), its outputs delivered.

use std::time::Duration;

use serde_json::json;

use crate::support::comfyui::{FakeComfyUi, CHECKPOINT};
use crate::support::discord::Member;
use crate::support::{attachment_option, field, integer, png, spawn_app_with, string, uploaded, TestApp};

async fn app(comfy: &FakeComfyUi) -> TestApp {
    spawn_app_with(&[("COMFYUI_URL", &comfy.base_url)], |_| {}).await
}

#[tokio::test]
async fn generate_fills_the_workflow_and_delivers_its_outputs_with_the_seed() {
    let comfy = FakeComfyUi::start().await;
    let app = app(&comfy).await;

    let options = json!([
        string("prompt", "a lighthouse"),
        string("model", "comfyui-sdxl"),
        integer("seed", 99),
        string("negative_prompt", "fog"),
        string("size", "1216x832"),
        integer("n", 2)
    ]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let requests = app
        .discord
        .wait_for("the images", |r| r.iter().any(|r| r.path.contains(&sent.token) && r.files.len() == 2))
        .await;

    let workflow = &comfy.prompts()[0];
    assert_eq!(
        (&workflow["6"]["inputs"]["text"], &workflow["7"]["inputs"]["text"]),
        (&json!("a lighthouse"), &json!("fog"))
    );
    assert_eq!((&workflow["3"]["inputs"]["seed"], &workflow["3"]["inputs"]["steps"]), (&json!(99), &json!(25)));
    let latent = &workflow["5"]["inputs"];
    assert_eq!((&latent["width"], &latent["height"], &latent["batch_size"]), (&json!(1216), &json!(832), &json!(2)));
    assert_eq!(workflow["4"]["inputs"]["ckpt_name"], CHECKPOINT);
    let result = requests.iter().find(|r| r.path.contains(&sent.token) && r.files.len() == 2).unwrap();
    for (i, made) in comfy.made().iter().enumerate() {
        crate::support::assert_model_bytes_with_provenance(&result.files[i].2, made);
    }
    assert_eq!(field(&result.payload["embeds"][0], "Seed"), Some("99"));
}

#[tokio::test]
async fn a_variation_uploads_the_image_and_runs_the_image_workflow_and_hd_asks_for_the_top_steps() {
    let comfy = FakeComfyUi::start().await;
    let app = app(&comfy).await;
    let upload = png(64, 48, [200, 30, 30]);
    let url = app.discord.host_file("red.png", upload.clone());
    let id = "960000000000000001";

    let options = json!([attachment_option(id), string("model", "comfyui-sdxl")]);
    let sent = app.discord.invoke("variation", options, uploaded(id, &url, "red.png", "image/png", upload.len()));
    app.discord
        .wait_for("the variation", |r| r.iter().any(|r| r.path.contains(&sent.token) && !r.files.is_empty()))
        .await;

    let workflow = &comfy.prompts()[0];
    let name = workflow["10"]["inputs"]["image"].as_str().unwrap();
    let stored = &comfy.uploads()[name];
    assert_eq!(
        image::load_from_memory(stored).unwrap().to_rgb8().get_pixel(3, 3).0,
        [200, 30, 30],
        "the upload reached ComfyUI"
    );
    assert_eq!(workflow["3"]["inputs"]["denoise"], 0.55);

    let hd =
        app.discord.invoke("hd", json!([string("prompt", "a castle"), string("model", "comfyui-sdxl")]), json!({}));
    app.discord.wait_for("the HD image", |r| r.iter().any(|r| r.path.contains(&hd.token) && !r.files.is_empty())).await;
    assert_eq!(comfy.prompts()[1]["3"]["inputs"]["steps"], 40, "the top quality's steps");

    let message = app.discord.last_result();
    let vary = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:vary1:{}", hd.id));
    app.discord
        .wait_for("the click's variation", |r| r.iter().any(|r| r.path.contains(&vary.token) && !r.files.is_empty()))
        .await;
    assert!(comfy.prompts()[2]["10"]["inputs"]["image"].is_string(), "the result's image went back to ComfyUI");
}

#[tokio::test]
async fn a_slow_comfyui_job_shows_its_progress_from_the_websocket() {
    let comfy = FakeComfyUi::start().await;
    comfy.take(Duration::from_millis(250));
    let app = app(&comfy).await;

    let sent = app.discord.invoke(
        "generate",
        json!([string("prompt", "a slow river"), string("model", "comfyui-sdxl")]),
        json!({}),
    );
    let requests = app
        .discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && !r.files.is_empty()))
        .await;

    let steps: Vec<String> = requests
        .iter()
        .filter(|r| r.path.contains(&sent.token))
        .filter_map(|r| r.payload["content"].as_str().map(str::to_owned))
        .filter(|c| c.contains(" of 20"))
        .collect();
    assert!(!steps.is_empty(), "progress from ComfyUI's websocket was shown");
    assert!(steps[0].starts_with("Generating your image with `comfyui-sdxl`: step "), "{}", steps[0]);
}

#[tokio::test]
async fn without_comfyui_url_its_models_are_not_offered() {
    let app = spawn_app_with(&[], |_| {}).await;
    let sent =
        app.discord.invoke("generate", json!([string("prompt", "x"), string("model", "comfyui-sdxl")]), json!({}));
    let (text, _) = app.direct_answer(&sent).await;
    assert!(text.starts_with("`comfyui-sdxl` is not a model this bot offers."), "{text}");
}

#[tokio::test]
async fn a_workflow_missing_a_placeholder_stops_start_up_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("easel-workflow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("no-seed.json"), r#"{"1": {"class_type": "KSampler", "inputs": {"text": "{{prompt}} {{negative_prompt}}", "w": "{{width}}", "h": "{{height}}", "s": "{{steps}}"}}}"#).unwrap();
    let catalogue =
        easel::catalogue::DEFAULT_CATALOGUE.replace(r#"workflow = "builtin:txt2img""#, r#"workflow = "no-seed.json""#);
    std::fs::write(dir.join("models.toml"), catalogue).unwrap();
    let models = dir.join("models.toml").display().to_string();
    let vars = std::collections::HashMap::from([
        ("DISCORD_TOKEN", "t".to_owned()),
        ("COMFYUI_URL", "http://127.0.0.1:9".to_owned()),
        ("EASEL_MODELS", models),
    ]);

    let refused = easel::config::Config::from_lookup(|k| vars.get(k).cloned()).unwrap_err().to_string();

    assert_eq!(
        refused,
        "the ComfyUI workflow `no-seed.json` has no `{{seed}}` placeholder, which a text-to-image workflow needs"
    );
}

#[tokio::test]
async fn a_workflow_comfyui_rejects_is_explained_as_a_set_up_problem_that_costs_nothing() {
    let comfy = FakeComfyUi::start().await;
    let dir = std::env::temp_dir().join(format!("easel-comfy-rejected-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A placeholder Easel does not know stays unfilled, and ComfyUI rejects the prompt (400, node_errors).
    let flow = easel::backends::comfyui::workflow::BUILTIN_TXT2IMG
        .replace(r#""sampler_name": "euler""#, r#""sampler_name": "{{sampler}}""#);
    std::fs::write(dir.join("flow.json"), flow).unwrap();
    let catalogue =
        easel::catalogue::DEFAULT_CATALOGUE.replace(r#"workflow = "builtin:txt2img""#, r#"workflow = "flow.json""#);
    std::fs::write(dir.join("models.toml"), catalogue).unwrap();
    let models = dir.join("models.toml").display().to_string();
    let app = spawn_app_with(&[("COMFYUI_URL", &comfy.base_url), ("EASEL_MODELS", &models)], |_| {}).await;

    let sent =
        app.discord.invoke("generate", json!([string("prompt", "x"), string("model", "comfyui-sdxl")]), json!({}));
    let text = app.explanation(&sent).await;

    assert!(text.starts_with("Easel is not set up correctly for this model"), "{text}");
    assert!(comfy.prompts().is_empty(), "nothing was queued");
    assert_eq!(app.usage().await.user_images, 0);
}
