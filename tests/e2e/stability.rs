//! Stability AI's hosted API through the same commands: multipart requests with aspect ratios, the
//! image bytes delivered with the seed, a filtered result refused at no cost.

use serde_json::json;

use crate::support::discord::Member;
use crate::support::stability::{FakeStability, KEY};
use crate::support::{attachment_option, field, free_address, integer, png, spawn_app_with, string, uploaded, TestApp};

async fn app(stability: &FakeStability) -> TestApp {
    spawn_app_with(&[("STABILITY_API_KEY", KEY), ("STABILITY_BASE_URL", &stability.base_url)], |_| {}).await
}

#[tokio::test]
async fn generate_sends_a_multipart_request_with_the_aspect_ratio_and_delivers_the_bytes_with_the_seed() {
    let stability = FakeStability::start().await;
    let app = app(&stability).await;

    let options = json!([
        string("prompt", "a harbour at dawn"),
        string("model", "stability-core"),
        string("size", "16:9"),
        integer("seed", 1234),
        string("negative_prompt", "people"),
        integer("n", 2)
    ]);
    let sent = app.discord.invoke("generate", options, json!({}));
    let requests = app
        .discord
        .wait_for("the images", |r| r.iter().any(|r| r.path.contains(&sent.token) && r.files.len() == 2))
        .await;

    let calls = stability.calls();
    assert_eq!(calls.len(), 2, "one call per image");
    let first = &calls[0];
    assert_eq!((first.path.as_str(), first.accept.as_str()), ("/v2beta/stable-image/generate/core", "image/*"));
    let get = |k: &str| first.fields.get(k).map(String::as_str);
    assert_eq!(
        (get("prompt"), get("aspect_ratio"), get("negative_prompt")),
        (Some("a harbour at dawn"), Some("16:9"), Some("people"))
    );
    assert_eq!(
        (get("seed"), get("output_format"), calls[1].fields.get("seed").map(String::as_str)),
        (Some("1234"), Some("png"), Some("1235"))
    );
    let result = requests.iter().find(|r| r.path.contains(&sent.token) && r.files.len() == 2).unwrap();
    crate::support::assert_model_bytes_with_provenance(&result.files[0].2, &stability.made()[0]);
    let embed = &result.payload["embeds"][0];
    assert_eq!(field(embed, "Seeds"), Some("1234, 1235"));
    assert_eq!(field(embed, "Cost"), Some("$0.0600 (catalogue price)"), "3 credits an image at $0.01");
    assert_eq!(app.usage().await.user_images, 2);
}

#[tokio::test]
async fn a_variation_on_sd3_is_image_to_image_and_the_hd_button_upscales() {
    let stability = FakeStability::start().await;
    let app = app(&stability).await;
    let upload = png(80, 60, [5, 90, 200]);
    let url = app.discord.host_file("sea.png", upload.clone());
    let id = "970000000000000001";

    let options = json!([attachment_option(id), string("model", "sd3"), string("prompt", "stormier")]);
    let sent = app.discord.invoke("variation", options, uploaded(id, &url, "sea.png", "image/png", upload.len()));
    app.discord
        .wait_for("the variation", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let call = &stability.calls()[0];
    assert_eq!(call.path, "/v2beta/stable-image/generate/sd3");
    let get = |k: &str| call.fields.get(k).map(String::as_str);
    assert_eq!(
        (get("mode"), get("model"), get("strength"), get("prompt")),
        (Some("image-to-image"), Some("sd3.5-large"), Some("0.55"), Some("stormier"))
    );
    let sent_image = &call.files.iter().find(|(f, _)| f == "image").unwrap().1;
    assert_eq!(image::load_from_memory(sent_image).unwrap().to_rgb8().get_pixel(1, 1).0, [5, 90, 200]);

    let message = app.discord.last_result();
    let hd = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:hd1:{}", sent.id));
    app.discord
        .wait_for("the HD image", |r| r.iter().any(|r| r.path.contains(&hd.token) && crate::support::is_result(r)))
        .await;
    assert_eq!(stability.calls().last().unwrap().path, "/v2beta/stable-image/upscale/fast");
}

#[tokio::test]
async fn hd_on_a_stability_model_is_served_too() {
    let stability = FakeStability::start().await;
    let app = app(&stability).await;
    let sent =
        app.discord.invoke("hd", json!([string("prompt", "a tower"), string("model", "stability-ultra")]), json!({}));
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    assert_eq!(stability.calls()[0].path, "/v2beta/stable-image/generate/ultra");
}

#[tokio::test]
async fn a_content_filtered_result_is_a_refusal_that_costs_nothing() {
    let stability = FakeStability::start().await;
    let app = app(&stability).await;

    let sent = app.discord.invoke(
        "generate",
        json!([string("prompt", "a forbidden scene"), string("model", "stability-core")]),
        json!({}),
    );
    let text = app.explanation(&sent).await;

    assert!(text.starts_with("The image provider refused this request under its content policy"), "{text}");
    assert_eq!(stability.calls().len(), 1, "a refusal is not retried");
    assert_eq!(app.usage().await.user_images, 0);
}

#[tokio::test]
async fn a_stability_api_that_is_down_is_explained_and_costs_nothing_and_the_bot_still_starts() {
    let down = format!("http://{}", free_address());
    let vars = [("STABILITY_API_KEY", KEY), ("STABILITY_BASE_URL", down.as_str()), ("EASEL_MODEL_RETRIES", "1")];
    let app = spawn_app_with(&vars, |_| {}).await;

    let sent = app.discord.invoke(
        "generate",
        json!([string("prompt", "a tower"), string("model", "stability-core")]),
        json!({}),
    );
    let text = app.explanation(&sent).await;

    assert!(text.starts_with("The image service isn't answering right now"), "{text}");
    assert_eq!(app.usage().await.user_images, 0);
    let fine = app.discord.invoke("generate", json!([string("prompt", "a tower")]), json!({}));
    app.discord
        .wait_for("the other backend's image", |r| {
            r.iter().any(|r| r.path.contains(&fine.token) && crate::support::is_result(r))
        })
        .await;
}

#[tokio::test]
async fn a_rejected_key_is_explained_as_a_set_up_problem_that_costs_nothing() {
    let stability = FakeStability::start().await;
    let vars = [("STABILITY_API_KEY", "sk-wrong"), ("STABILITY_BASE_URL", stability.base_url.as_str())];
    let app = spawn_app_with(&vars, |_| {}).await;

    let sent = app.discord.invoke("generate", json!([string("prompt", "a tower"), string("model", "sd3")]), json!({}));
    let text = app.explanation(&sent).await;

    assert!(text.starts_with("Easel is not set up correctly for this model"), "{text}");
    assert!(!text.contains("sk-wrong"), "never the key");
    assert_eq!(app.usage().await.user_images, 0);
}
