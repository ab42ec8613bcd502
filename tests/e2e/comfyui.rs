//! ComfyUI through the same commands: the model's workflow filled and queued, followed on the
//! websocket (progress in the member's message), its outputs delivered; and ComfyUI as a real server
//! behaves: history written after `execution_success`, node errors, failed and interrupted runs, dropped
//! websockets, restarts, and runs stopped on the server when Easel abandons them.

use std::time::Duration;

use serde_json::json;

use crate::support::comfyui::{FakeComfyUi, CHECKPOINT};
use crate::support::discord::Member;
use crate::support::{attachment_option, field, integer, png, spawn_app_with, string, uploaded, TestApp};

async fn app(comfy: &FakeComfyUi) -> TestApp {
    spawn_app_with(&[("COMFYUI_URL", &comfy.base_url)], |_| {}).await
}

const LOG_CHANNEL: &str = "960000000000000009";

/// An app on `comfy` with a moderation log channel (where the owner reads why a job failed).
async fn app_with(comfy: &FakeComfyUi, vars: &[(&str, &str)]) -> TestApp {
    let mut all = vec![("COMFYUI_URL", comfy.base_url.as_str()), ("MODERATION_LOG_CHANNEL_ID", LOG_CHANNEL)];
    all.extend_from_slice(vars);
    spawn_app_with(&all, |_| {}).await
}

fn generate(app: &TestApp, prompt: &str) -> crate::support::discord::Sent {
    app.discord.invoke("generate", json!([string("prompt", prompt), string("model", "comfyui-sdxl")]), json!({}))
}

async fn delivered(app: &TestApp, sent: &crate::support::discord::Sent) {
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
}

/// Waits until ComfyUI runs a prompt; returns its id.
async fn running(comfy: &FakeComfyUi) -> String {
    for _ in 0..400 {
        if let Some(id) = comfy.running() {
            return id;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("ComfyUI never ran the prompt");
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
        .wait_for("the variation", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
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
    app.discord
        .wait_for("the HD image", |r| r.iter().any(|r| r.path.contains(&hd.token) && crate::support::is_result(r)))
        .await;
    assert_eq!(comfy.prompts()[1]["3"]["inputs"]["steps"], 40, "the top quality's steps");

    let message = app.discord.last_result();
    let vary = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:vary1:{}", hd.id));
    app.discord
        .wait_for("the click's variation", |r| {
            r.iter().any(|r| r.path.contains(&vary.token) && crate::support::is_result(r))
        })
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
    let is_result = |r: &crate::support::discord::Received| r.files.iter().any(|f| f.1 != "preview.jpg");
    let requests =
        app.discord.wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && is_result(r))).await;

    let steps: Vec<String> = requests
        .iter()
        .filter(|r| r.path.contains(&sent.token))
        .filter_map(|r| r.payload["content"].as_str().map(str::to_owned))
        .filter(|c| c.contains(" of 20"))
        .collect();
    assert!(!steps.is_empty(), "progress from ComfyUI's websocket was shown");
    assert!(steps[0].starts_with("Generating your image with `comfyui-sdxl`: step "), "{}", steps[0]);
    // No progress edit may land over the result, however late it was sent.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mine: Vec<_> = app.discord.requests().into_iter().filter(|r| r.path.contains(&sent.token)).collect();
    let result = mine.iter().position(is_result).unwrap();
    let later: Vec<_> = mine[result + 1..].iter().filter(|r| r.method == axum::http::Method::PATCH).collect();
    assert!(later.is_empty(), "edits after the result: {:?}", later.iter().map(|r| &r.payload).collect::<Vec<_>>());
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
    let catalogue = easel::domain::catalogue::DEFAULT_CATALOGUE
        .replace(r#"workflow = "builtin:txt2img""#, r#"workflow = "no-seed.json""#);
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
async fn a_workflow_comfyui_rejects_costs_nothing_and_is_explained_node_by_node_without_the_servers_lists() {
    let comfy = FakeComfyUi::start().await;
    let dir = std::env::temp_dir().join(format!("easel-comfy-rejected-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A placeholder Easel does not know stays unfilled, and ComfyUI rejects the prompt (400, node_errors).
    let flow = easel::backends::comfyui::workflow::BUILTIN_TXT2IMG
        .replace(r#""sampler_name": "euler""#, r#""sampler_name": "{{sampler}}""#);
    std::fs::write(dir.join("flow.json"), flow).unwrap();
    let catalogue = easel::domain::catalogue::DEFAULT_CATALOGUE
        .replace(r#"workflow = "builtin:txt2img""#, r#"workflow = "flow.json""#);
    std::fs::write(dir.join("models.toml"), catalogue).unwrap();
    let models = dir.join("models.toml").display().to_string();
    let app = app_with(&comfy, &[("EASEL_MODELS", &models)]).await;

    let text = app.explanation(&generate(&app, "x")).await;
    let reason = app.logged_reason(LOG_CHANNEL).await;

    assert!(text.starts_with("Easel is not set up correctly for this model"), "{text}");
    assert!(comfy.prompts().is_empty(), "nothing was queued");
    assert_eq!(app.usage().await.user_images, 0);
    assert!(reason.ends_with("node 3 (KSampler) input sampler_name: Value not in list ({{sampler}})"), "{reason}");
    assert!(!reason.contains("community-model"), "not the server's whole list: {reason}");
}

#[tokio::test]
async fn every_run_is_delivered_though_comfyui_writes_its_history_after_saying_success() {
    let comfy = FakeComfyUi::start().await;
    let app = app(&comfy).await;

    for i in 0..8 {
        let sent = generate(&app, &format!("a lighthouse {i}"));
        delivered(&app, &sent).await;
    }

    assert_eq!(comfy.completed(), 8);
    let results: Vec<_> = app.discord.requests().into_iter().filter(crate::support::is_result).collect();
    assert_eq!(results.len(), 8, "one result each");
    for (result, made) in results.iter().zip(comfy.made()) {
        // The model's pixels, without ComfyUI's `prompt` text (the whole graph), with Easel's mark.
        crate::support::assert_model_bytes_with_provenance(&result.files[0].2, &made);
        assert!(!String::from_utf8_lossy(&result.files[0].2).contains("ckpt_name"), "no workflow in the file");
    }
}

#[tokio::test]
async fn a_run_that_fails_on_the_server_names_its_node_for_the_owner_and_out_of_memory_is_retried() {
    let comfy = FakeComfyUi::start().await;
    let app = app_with(&comfy, &[("EASEL_MODEL_RETRIES", "1")]).await;

    comfy.fail_next_run("3", "KSampler", "torch.OutOfMemoryError", "CUDA out of memory. Tried to allocate 2.00 GiB");
    let retried = generate(&app, "a big castle");
    delivered(&app, &retried).await;
    assert_eq!(comfy.prompts().len(), 2, "out of memory is the server being busy: tried again");

    comfy.fail_next_run("8", "VAEDecode", "RuntimeError", "expected 4 channels");
    let failed = generate(&app, "a small castle");
    let told = app.explanation(&failed).await;
    let reason = app.logged_reason(LOG_CHANNEL).await;

    assert!(told.starts_with("Easel is not set up correctly for this model"), "{told}");
    assert!(reason.ends_with("node 8 (VAEDecode) failed: RuntimeError: expected 4 channels"), "{reason}");
    assert_eq!(comfy.prompts().len(), 3, "a set-up fault is not retried");
}

#[tokio::test]
async fn a_cancel_or_a_timeout_stops_the_run_on_comfyui_itself() {
    let comfy = FakeComfyUi::start().await;
    comfy.take(Duration::from_millis(200));
    let app = app_with(&comfy, &[("EASEL_COMFYUI_CONCURRENCY", "2")]).await;

    let first = generate(&app, "a long river");
    let running_id = running(&comfy).await;
    let second = generate(&app, "a long road");
    for _ in 0..200 {
        if comfy.prompts().len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let cancel_second = app.discord.invoke("cancel", json!([]), json!({}));
    app.direct_answer(&cancel_second).await;
    let cancel_first = app.discord.invoke("cancel", json!([]), json!({}));
    app.direct_answer(&cancel_first).await;
    for _ in 0..300 {
        if comfy.running().is_none() && !comfy.stops().0.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    let (interrupts, deletes) = comfy.stops();
    assert_eq!(interrupts, [json!({"prompt_id": running_id})], "only the running prompt, by its id");
    assert!(deletes.iter().any(|d| d["delete"].as_array().is_some_and(|ids| ids.len() == 1)), "{deletes:?}");
    assert_eq!(comfy.completed(), 0, "ComfyUI stopped working for nobody");
    let _ = (first, second);
}

#[tokio::test]
async fn an_operators_interrupt_on_the_server_ends_the_job_at_no_cost_without_a_retry() {
    let comfy = FakeComfyUi::start().await;
    comfy.take(Duration::from_millis(100));
    let app = app(&comfy).await;

    let sent = generate(&app, "a quiet harbour");
    running(&comfy).await;
    reqwest::Client::new().post(format!("{}/interrupt", comfy.base_url)).send().await.unwrap();
    let told = app.explanation(&sent).await;

    assert!(told.starts_with("The image server's operator stopped this run"), "{told}");
    assert_eq!(comfy.prompts().len(), 1, "not undone by a retry");
    assert_eq!(app.usage().await.user_images, 0);
}

#[tokio::test]
async fn a_dropped_websocket_is_followed_again_without_queueing_the_run_twice() {
    let comfy = FakeComfyUi::start().await;
    comfy.take(Duration::from_millis(60));
    let app = app(&comfy).await;

    let sent = generate(&app, "a windy cliff");
    running(&comfy).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    comfy.drop_sockets();
    delivered(&app, &sent).await;

    assert_eq!(comfy.prompts().len(), 1, "the same prompt, followed again: no second GPU run");
    assert_eq!(comfy.completed(), 1);
}

#[tokio::test]
async fn a_comfyui_restart_mid_job_ends_in_one_delivered_image() {
    let comfy = FakeComfyUi::start().await;
    comfy.take(Duration::from_millis(60));
    let app = app(&comfy).await;

    let sent = generate(&app, "a stormy sea");
    running(&comfy).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    comfy.restart();
    delivered(&app, &sent).await;
    tokio::time::sleep(Duration::from_millis(300)).await;

    assert_eq!(comfy.prompts().len(), 2, "the lost run was queued again once");
    assert_eq!(comfy.completed(), 1);
    let images =
        app.discord.requests().iter().filter(|r| r.path.contains(&sent.token) && crate::support::is_result(r)).count();
    assert_eq!(images, 1, "delivered once");
    assert_eq!(crate::support::settled_usage(&app.db_path, crate::support::discord::MEMBER_ID).await.user_images, 1);
}

#[tokio::test]
async fn a_run_past_its_timeout_is_interrupted_on_comfyui() {
    let comfy = FakeComfyUi::start().await;
    comfy.take(Duration::from_millis(200));
    let app = app_with(&comfy, &[("EASEL_COMFYUI_TIMEOUT_SECS", "1")]).await;

    let sent = generate(&app, "an endless plain");
    let running_id = running(&comfy).await;
    let told = app.explanation(&sent).await;
    for _ in 0..300 {
        if comfy.running().is_none() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    assert!(told.starts_with("The image service took too long"), "{told}");
    assert_eq!(comfy.stops().0, [json!({"prompt_id": running_id})]);
    assert_eq!(comfy.completed(), 0);
}

/// A `/blend` ATTACHMENT option and its `resolved` entry, for a picture hosted by the stand-in.
fn picture(app: &TestApp, option: &str, id: &str, colour: [u8; 3]) -> (serde_json::Value, (String, serde_json::Value)) {
    let bytes = png(48, 40, colour);
    let url = app.discord.host_file(&format!("{id}.png"), bytes.clone());
    let described = json!({"id": id, "filename": format!("{id}.png"), "size": bytes.len(), "url": url,
        "proxy_url": url, "content_type": "image/png", "width": 48, "height": 40});
    (json!({"name": option, "type": 11, "value": id}), (id.to_owned(), described))
}

fn blend(app: &TestApp, colours: &[[u8; 3]]) -> crate::support::discord::Sent {
    let (mut options, mut attachments) = (vec![string("model", "comfyui-sdxl")], serde_json::Map::new());
    for (i, colour) in colours.iter().enumerate() {
        let (option, (id, described)) =
            picture(app, &format!("image{}", i + 1), &format!("93100000000000000{i}"), *colour);
        options.push(option);
        attachments.insert(id, described);
    }
    app.discord.invoke("blend", serde_json::Value::Array(options), json!({"attachments": attachments}))
}

#[tokio::test]
async fn blend_uploads_every_picture_and_runs_the_blend_workflow_and_a_third_picture_is_refused() {
    let comfy = FakeComfyUi::start().await;
    let app = app(&comfy).await;

    let sent = blend(&app, &[[220, 20, 20], [20, 20, 220]]);
    delivered(&app, &sent).await;

    let workflow = &comfy.prompts()[0];
    let uploads = comfy.uploads();
    let colour = |node: &str| {
        let name = workflow[node]["inputs"]["image"].as_str().expect("a LoadImage filled with an upload's name");
        image::load_from_memory(&uploads[name]).unwrap().to_rgb8().get_pixel(4, 4).0
    };
    assert_eq!((colour("10"), colour("13")), ([220, 20, 20], [20, 20, 220]), "both pictures, in order");
    assert_eq!(workflow["14"]["class_type"], "ImageBlend");
    assert_eq!((&workflow["15"]["inputs"]["width"], &workflow["15"]["inputs"]["height"]), (&json!(1024), &json!(1024)));
    assert_eq!(workflow["3"]["inputs"]["denoise"], 0.7);
    assert_eq!(app.discord.last_result()["embeds"][0]["title"], "Your blend");

    let three = blend(&app, &[[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    let text = app.refusal(&three).await;
    assert!(text.starts_with("Please give exactly 2 pictures to blend (you gave 3)."), "{text}");
    assert_eq!(comfy.prompts().len(), 1, "ComfyUI was not asked");
}

#[tokio::test]
async fn a_workflow_naming_an_image_never_uploaded_is_refused_by_comfyui_as_a_real_server_does() {
    let comfy = FakeComfyUi::start().await;
    let client = reqwest::Client::new();
    let graph = json!({"10": {"class_type": "LoadImage", "inputs": {"image": "never-uploaded.png"}}});
    let answer =
        client.post(format!("{}/prompt", comfy.base_url)).json(&json!({"prompt": graph})).send().await.unwrap();

    assert_eq!(answer.status(), 400);
    let body: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(body["node_errors"]["10"]["errors"][0]["details"], "image - Invalid image file: never-uploaded.png");
}

#[tokio::test]
async fn pan_right_on_a_comfyui_result_runs_the_inpainting_workflow_with_the_grown_canvas_and_its_mask() {
    let comfy = FakeComfyUi::start().await;
    let app = app(&comfy).await;
    let sent = generate(&app, "a lighthouse");
    delivered(&app, &sent).await;
    let message = app.discord.last_result();
    let labels: Vec<&str> = message["components"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row["components"].as_array().unwrap())
        .filter_map(|b| b["label"].as_str())
        .collect();
    assert!(labels.contains(&"➡️ Pan") && labels.contains(&"Zoom Out 2×"), "{labels:?}");

    let pan = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:panr:{}", sent.id));
    delivered(&app, &pan).await;

    let workflow = &comfy.prompts()[1];
    assert_eq!(
        (workflow["17"]["class_type"].as_str(), workflow["11"]["class_type"].as_str()),
        (Some("LoadImageMask"), Some("VAEEncodeForInpaint"))
    );
    let uploads = comfy.uploads();
    let picture = image::load_from_memory(&uploads[workflow["10"]["inputs"]["image"].as_str().unwrap()]).unwrap();
    let mask =
        image::load_from_memory(&uploads[workflow["17"]["inputs"]["image"].as_str().unwrap()]).unwrap().to_luma8();
    // The 40x40 result grown by half to the right is nearest comfyui-sdxl's 1216x832: the picture scaled
    // to 832x832 at the left, the rest to be painted.
    assert_eq!((picture.width(), picture.height(), mask.dimensions()), (1216, 832, (1216, 832)));
    assert_eq!((mask.get_pixel(400, 400)[0], mask.get_pixel(1100, 400)[0]), (0, 255), "white where to repaint");
    assert_eq!(
        (&workflow["3"]["inputs"]["denoise"], &workflow["6"]["inputs"]["text"]),
        (&json!(1.0), &json!("a lighthouse"))
    );
}

#[tokio::test]
async fn a_mask_on_a_comfyui_model_without_an_inpainting_workflow_is_refused_before_any_run() {
    let comfy = FakeComfyUi::start().await;
    let catalogue = easel::domain::catalogue::DEFAULT_CATALOGUE.replace("inpaint_workflow = \"builtin:inpaint\"\n", "");
    let path = std::env::temp_dir().join(format!("easel-no-inpaint-{}.toml", std::process::id()));
    std::fs::write(&path, catalogue).unwrap();
    let app =
        spawn_app_with(&[("COMFYUI_URL", &comfy.base_url), ("EASEL_MODELS", &path.display().to_string())], |_| {})
            .await;
    let (picture, mask) = (png(64, 48, [10, 10, 200]), png(64, 48, [255, 255, 255]));
    let (picture_url, mask_url) =
        (app.discord.host_file("p.png", picture.clone()), app.discord.host_file("m.png", mask.clone()));
    let described = |id: &str, url: &str, name: &str, size: usize| json!({"id": id, "filename": name, "size": size, "url": url, "proxy_url": url, "content_type": "image/png", "width": 64, "height": 48});
    let options = json!([
        {"name": "image", "type": 11, "value": "931000000000000101"},
        {"name": "mask", "type": 11, "value": "931000000000000102"},
        string("prompt", "a red door"),
        string("model", "comfyui-sdxl")
    ]);
    let resolved = json!({"attachments": {
        "931000000000000101": described("931000000000000101", &picture_url, "p.png", picture.len()),
        "931000000000000102": described("931000000000000102", &mask_url, "m.png", mask.len())
    }});
    let sent = app.discord.invoke("edit", options, resolved);

    let text = app.refusal(&sent).await;
    assert!(text.starts_with("`comfyui-sdxl` takes no mask"), "{text}");
    assert!(comfy.prompts().is_empty(), "ComfyUI was not asked");
}
