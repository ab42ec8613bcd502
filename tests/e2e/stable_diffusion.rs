//! Self-hosted Stable Diffusion through the same commands, offered only when `SD_BASE_URL` is set.

use axum::http::Method;
use serde_json::json;

use crate::support::sd::FakeSd;
use crate::support::{field, png, spawn_app, spawn_app_with, string};

#[tokio::test]
async fn generate_on_stable_diffusion_sends_steps_and_size_and_delivers_its_pixels() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;

    let options = json!([string("prompt", "a lighthouse"), string("model", "stable-diffusion"),
        string("quality", "draft"), string("size", "1152x896"), {"name": "n", "type": 4, "value": 2}]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let requests = app
        .discord
        .wait_for("the images", |r| r.iter().any(|r| r.path.contains(&sent.token) && r.files.len() == 2))
        .await;

    let (path, body) = &sd.calls()[0];
    assert_eq!(path, "/sdapi/v1/txt2img");
    assert_eq!((body["width"].as_u64(), body["height"].as_u64()), (Some(1152), Some(896)));
    assert_eq!((body["steps"].as_u64(), body["batch_size"].as_u64()), (Some(15), Some(2)));
    assert_eq!(body["prompt"], "a lighthouse");
    assert!(app.openai.image_calls().is_empty());
    let edit = requests.iter().find(|r| r.method == Method::PATCH && r.files.len() == 2).unwrap();
    crate::support::assert_model_bytes_with_provenance(&edit.files[0].2, &sd.made()[0]);
    assert_eq!(field(&edit.payload["embeds"][0], "Cost"), Some("$0.0000 (catalogue price)"));
}

#[tokio::test]
async fn a_stable_diffusion_variation_is_img2img_from_the_upload() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;
    let upload = png(40, 30, [1, 2, 3]);
    let url = app.discord.host_file("cat.png", upload.clone());
    let id = "930000000000000099";
    let resolved = json!({"attachments": {id: {"id": id, "filename": "cat.png", "size": upload.len(), "url": url,
        "proxy_url": url, "content_type": "image/png", "width": 40, "height": 30}}});

    let options = json!([{"name": "image", "type": 11, "value": id}, string("model", "stable-diffusion")]);
    let sent = app.discord.invoke("variation", options, resolved);
    app.discord
        .wait_for("the variation", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let (path, body) = &sd.calls()[0];
    assert_eq!(path, "/sdapi/v1/img2img");
    let sent_png =
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body["init_images"][0].as_str().unwrap())
            .unwrap();
    assert_eq!(image::load_from_memory(&sent_png).unwrap().width(), 40, "the upload, converted to PNG");
    assert_eq!(body["denoising_strength"], 0.55);
}

#[tokio::test]
async fn without_sd_base_url_stable_diffusion_is_not_offered() {
    let app = spawn_app().await;
    let registration = app.discord.wait_until_ready().await;
    assert!(!registration.payload.to_string().contains("stable-diffusion"));
}

#[tokio::test]
async fn a_slow_stable_diffusion_job_shows_its_sampling_step() {
    let sd = FakeSd::start().await;
    sd.take(std::time::Duration::from_millis(4500));
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;

    let options =
        json!([string("prompt", "a slow lighthouse"), string("model", "stable-diffusion"), string("size", "512x512")]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let requests = app
        .discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let edits: Vec<&str> = requests
        .iter()
        .filter(|r| r.method == Method::PATCH && r.path.contains(&sent.token))
        .filter_map(|r| r.payload["content"].as_str())
        .collect();
    assert!(
        edits.iter().any(|t| t.starts_with("Generating your image with `stable-diffusion`: step 5 of 20…")),
        "{edits:?}"
    );
}

#[tokio::test]
async fn the_seed_and_negative_prompt_are_sent_and_the_seeds_used_are_shown() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;

    let options = json!([string("prompt", "a lighthouse"), string("model", "stable-diffusion"),
        {"name": "seed", "type": 4, "value": 777}, string("negative_prompt", "blurry, text"),
        {"name": "n", "type": 4, "value": 2}]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let requests = app
        .discord
        .wait_for("the images", |r| r.iter().any(|r| r.path.contains(&sent.token) && r.files.len() == 2))
        .await;

    let (_, body) = &sd.calls()[0];
    assert_eq!((body["seed"].as_i64(), body["negative_prompt"].as_str()), (Some(777), Some("blurry, text")));
    let edit = requests.iter().find(|r| r.method == Method::PATCH && r.files.len() == 2).unwrap();
    let embed = &edit.payload["embeds"][0];
    assert_eq!(field(embed, "Seeds"), Some("777, 778"), "the seeds AUTOMATIC1111 reported, to reproduce it");
    assert_eq!(field(embed, "Negative prompt"), Some("blurry, text"));
}

#[tokio::test]
async fn a_seed_for_a_model_that_takes_none_is_refused_naming_those_that_do() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;
    let sent = app.discord.invoke(
        "generate",
        json!([string("prompt", "x"), {"name": "seed", "type": 4, "value": 1}]),
        json!({}),
    );
    let (text, _) = app.direct_answer(&sent).await;
    assert!(
        text.starts_with("`gpt-image-2` takes no seed; leave it out or pick a model that does: `stable-diffusion`."),
        "{text}"
    );
}

#[tokio::test]
async fn the_hd_button_on_a_stable_diffusion_result_uses_the_servers_upscaler() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;
    let options = json!([string("prompt", "a lighthouse"), string("model", "stable-diffusion")]);
    let sent = app.discord.invoke("generate", options, json!({}));
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    let message = app.discord.last_result();

    let click =
        app.discord.click_on(&crate::support::discord::Member::ordinary(), &message, &format!("easel:hd1:{}", sent.id));
    let requests = app
        .discord
        .wait_for("the HD image", |r| r.iter().any(|r| r.path.contains(&click.token) && crate::support::is_result(r)))
        .await;

    let (path, body) = sd.calls().last().cloned().unwrap();
    assert_eq!((path.as_str(), body["upscaler_1"].as_str()), ("/sdapi/v1/extra-single-image", Some("R-ESRGAN 4x+")));
    let hd = requests.iter().find(|r| r.path.contains(&click.token) && crate::support::is_result(r)).unwrap();
    let pixels = image::load_from_memory(&hd.files[0].2).unwrap();
    assert_eq!((pixels.width(), pixels.height()), (64, 64), "the upscaler's image");
}

#[tokio::test]
async fn steps_cfg_and_sampler_reach_automatic1111_behind_basic_auth_and_the_real_parameters_are_shown() {
    let sd = FakeSd::start_with_auth(Some("ann:s3cret")).await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url), ("SD_AUTH", "ann:s3cret")], |_| {}).await;

    let options = json!([string("prompt", "a lighthouse"), string("model", "stable-diffusion"),
        {"name": "steps", "type": 4, "value": 30}, {"name": "cfg_scale", "type": 10, "value": 5.5},
        string("sampler", "DPM++ 2M")]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let requests = app
        .discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let (_, body) = &sd.calls()[0];
    assert_eq!(
        (body["steps"].as_u64(), body["cfg_scale"].as_f64(), body["sampler_name"].as_str()),
        (Some(30), Some(5.5), Some("DPM++ 2M"))
    );
    let edit = requests.iter().find(|r| r.path.contains(&sent.token) && crate::support::is_result(r)).unwrap();
    let parameters = field(&edit.payload["embeds"][0], "Parameters");
    assert_eq!(parameters, Some("30 steps · DPM++ 2M (Automatic) · CFG 5.5 · sd_xl_base_1.0"));
}

#[tokio::test]
async fn a_sampler_the_server_does_not_offer_is_refused_at_once_listing_those_it_does() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;
    let options = json!([string("prompt", "x"), string("model", "stable-diffusion"), string("sampler", "LMS")]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let (text, _) = app.direct_answer(&sent).await;
    assert!(
        text.starts_with("`stable-diffusion` does not offer sampler `LMS`. It allows: `DPM++ 2M`, `Euler a`."),
        "{text}"
    );
    let registration = app.discord.wait_until_ready().await;
    let generate = registration.payload.as_array().unwrap().iter().find(|c| c["name"] == "generate").unwrap().clone();
    assert!(generate.to_string().contains("\"Euler a\""), "the server's samplers are the option's choices");
}

#[tokio::test]
async fn hd_on_automatic1111_uses_hires_fix_through_the_upscaler() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;
    let sent =
        app.discord.invoke("hd", json!([string("prompt", "a tower"), string("model", "stable-diffusion")]), json!({}));
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    let (_, body) = &sd.calls()[0];
    assert_eq!(
        (body["enable_hr"].as_bool(), body["hr_upscaler"].as_str(), body["steps"].as_u64()),
        (Some(true), Some("R-ESRGAN 4x+"), Some(40))
    );
}

#[tokio::test]
async fn a_cancelled_stable_diffusion_job_is_interrupted_on_the_server_and_its_parameters_never_reach_members() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;
    let options = json!([
        string("prompt", "a lighthouse"),
        string("model", "stable-diffusion"),
        string("negative_prompt", "secret words")
    ]);
    let first = app.discord.invoke("generate", options.clone(), json!({}));
    let requests = app
        .discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&first.token) && crate::support::is_result(r)))
        .await;
    let delivered =
        &requests.iter().find(|r| r.path.contains(&first.token) && crate::support::is_result(r)).unwrap().files[0].2;
    assert!(!String::from_utf8_lossy(delivered).contains("secret words"), "AUTOMATIC1111's parameters are gone");

    sd.take(std::time::Duration::from_secs(4));
    app.discord.invoke("generate", options, json!({}));
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    app.direct_answer(&app.discord.invoke("cancel", json!([]), json!({}))).await;
    for _ in 0..200 {
        if sd.calls().iter().any(|(path, _)| path == "/sdapi/v1/interrupt") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("AUTOMATIC1111 was never asked to stop: {:?}", sd.calls().iter().map(|c| c.0.clone()).collect::<Vec<_>>());
}

#[tokio::test]
async fn an_automatic1111_restart_mid_call_ends_in_one_delivered_image_after_a_retry() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;
    sd.take(std::time::Duration::from_millis(300));
    sd.restart_during_next_call();

    let sent = app.discord.invoke(
        "generate",
        json!([string("prompt", "a lighthouse"), string("model", "stable-diffusion")]),
        json!({}),
    );
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let paths: Vec<String> = sd.calls().into_iter().map(|(path, _)| path).collect();
    assert_eq!(paths, ["/sdapi/v1/txt2img (cut by a restart)", "/sdapi/v1/txt2img"], "retried once");
    let images =
        app.discord.requests().iter().filter(|r| r.path.contains(&sent.token) && crate::support::is_result(r)).count();
    assert_eq!(images, 1);
    assert_eq!(crate::support::settled_usage(&app.db_path, crate::support::discord::MEMBER_ID).await.user_images, 1);
}
