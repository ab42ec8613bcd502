//! `/edit`: an uploaded image changed as the member says, only where their mask marks, with the mask
//! converted to each provider's convention.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, Luma};
use serde_json::{json, Value};

use crate::support::sd::FakeSd;
use crate::support::{png, spawn_app, spawn_app_with, string, TestApp};

const IMAGE_ID: &str = "940000000000000001";
const MASK_ID: &str = "940000000000000002";

/// A mask as people draw it: white (repaint) on the left `white` columns, black (keep) elsewhere.
fn drawn_mask(width: u32, height: u32, white: u32) -> Vec<u8> {
    let mask = GrayImage::from_fn(width, height, |x, _| Luma([if x < white { 255 } else { 0 }]));
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageLuma8(mask).write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Sends `/edit` with an image, a mask and a prompt (and extra options).
fn edit(app: &TestApp, image: Vec<u8>, mask: Vec<u8>, prompt: &str, extra: &[Value]) -> crate::support::discord::Sent {
    let image_url = app.discord.host_file("photo.png", image.clone());
    let mask_url = app.discord.host_file("mask.png", mask.clone());
    let mut options = vec![
        json!({"name": "image", "type": 11, "value": IMAGE_ID}),
        string("prompt", prompt),
        json!({"name": "mask", "type": 11, "value": MASK_ID}),
    ];
    options.extend(extra.iter().cloned());
    let resolved = json!({"attachments": {
        IMAGE_ID: {"id": IMAGE_ID, "filename": "photo.png", "size": image.len(), "url": image_url,
                   "proxy_url": image_url, "content_type": "image/png"},
        MASK_ID: {"id": MASK_ID, "filename": "mask.png", "size": mask.len(), "url": mask_url,
                  "proxy_url": mask_url, "content_type": "image/png"}}});
    app.discord.invoke("edit", Value::Array(options), resolved)
}

#[tokio::test]
async fn a_black_and_white_mask_reaches_openai_as_an_alpha_mask() {
    let app = spawn_app().await;

    let sent = edit(&app, png(64, 48, [10, 120, 200]), drawn_mask(64, 48, 20), "add a red balloon", &[]);
    let requests = app
        .discord
        .wait_for("the edit", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let call = &app.openai.image_calls()[0];
    assert_eq!((call.path.as_str(), &call.body["prompt"]), ("/v1/images/edits", &json!("add a red balloon")));
    let mask = &call.files.iter().find(|(field, _)| field == "mask").expect("a mask part").1;
    let mask = image::load_from_memory_with_format(mask, image::ImageFormat::Png).unwrap().to_rgba8();
    assert_eq!(mask.dimensions(), (64, 48));
    assert_eq!(mask.get_pixel(5, 10)[3], 0, "drawn white: transparent, so repainted");
    assert_eq!(mask.get_pixel(40, 10)[3], 255, "drawn black: opaque, so kept");
    let image = &call.files.iter().find(|(field, _)| field == "image[]").unwrap().1;
    assert_eq!(image::load_from_memory(image).unwrap().to_rgb8().get_pixel(1, 1).0, [10, 120, 200]);
    let result = requests.iter().find(|r| r.path.contains(&sent.token) && crate::support::is_result(r)).unwrap();
    assert_eq!(result.payload["embeds"][0]["title"], "Your edit");
}

#[tokio::test]
async fn a_mask_of_another_size_is_refused_with_both_sizes_and_costs_nothing() {
    let app = spawn_app().await;

    let sent = edit(&app, png(64, 48, [10, 120, 200]), drawn_mask(32, 32, 10), "add a hat", &[]);
    let text = app.explanation(&sent).await;

    assert!(text.starts_with("Your mask is 32×32 pixels but your image is 64×48."), "{text}");
    assert!(app.openai.image_calls().is_empty());
    assert_eq!(app.usage().await.user_images, 0);
}

#[tokio::test]
async fn stable_diffusion_inpaints_with_a_white_means_repaint_mask() {
    let sd = FakeSd::start().await;
    let app = spawn_app_with(&[("SD_BASE_URL", &sd.base_url)], |_| {}).await;

    let model = string("model", "stable-diffusion");
    let sent = edit(&app, png(64, 48, [10, 120, 200]), drawn_mask(64, 48, 20), "a boat on the lake", &[model]);
    app.discord
        .wait_for("the edit", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;

    let (path, body) = &sd.calls()[0];
    assert_eq!(path, "/sdapi/v1/img2img");
    assert_eq!(body["prompt"], "a boat on the lake");
    use base64::Engine;
    let mask = base64::engine::general_purpose::STANDARD.decode(body["mask"].as_str().unwrap()).unwrap();
    let mask = image::load_from_memory(&mask).unwrap().to_luma8();
    assert_eq!((mask.get_pixel(5, 5)[0], mask.get_pixel(40, 5)[0]), (255, 0));
    assert_eq!(body["inpainting_fill"], 1);
}

#[tokio::test]
async fn a_model_that_cannot_edit_is_refused_at_once_with_those_that_can() {
    let app = spawn_app().await;

    let sent = edit(&app, png(64, 48, [1, 1, 1]), drawn_mask(64, 48, 1), "x", &[string("model", "dall-e-3")]);
    let (text, ephemeral) = app.direct_answer(&sent).await;

    assert!(ephemeral && text.starts_with("`dall-e-3` cannot edit images. Models that can:"), "{text}");
    assert!(text.contains("`dall-e-2`"), "{text}");
}

#[tokio::test]
async fn a_markup_drawn_over_the_image_goes_to_a_model_that_takes_it_and_is_refused_by_one_that_does_not() {
    let app = spawn_app().await;
    let image = png(64, 48, [10, 120, 200]);
    let markup = png(64, 48, [250, 0, 0]);
    let image_url = app.discord.host_file("photo.png", image.clone());
    let markup_url = app.discord.host_file("markup.png", markup.clone());
    let resolved = json!({"attachments": {
        IMAGE_ID: {"id": IMAGE_ID, "filename": "photo.png", "size": image.len(), "url": image_url,
                   "proxy_url": image_url, "content_type": "image/png"},
        MASK_ID: {"id": MASK_ID, "filename": "markup.png", "size": markup.len(), "url": markup_url,
                  "proxy_url": markup_url, "content_type": "image/png"}}});
    let options = |model: &str| {
        json!([{"name": "image", "type": 11, "value": IMAGE_ID}, string("prompt", "as drawn"),
               {"name": "markup", "type": 11, "value": MASK_ID}, string("model", model)])
    };

    let sent = app.discord.invoke("edit", options("gpt-image-2.6-flare"), resolved.clone());
    app.discord
        .wait_for("the edit", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    let call = &app.openai.image_calls()[0];
    let sent_markup = &call.files.iter().find(|(field, _)| field == "markup").expect("a markup part").1;
    assert_eq!(image::load_from_memory(sent_markup).unwrap().to_rgb8().get_pixel(3, 3).0, [250, 0, 0]);

    let refused = app.discord.invoke("edit", options("gpt-image-2"), resolved);
    let (text, _) = app.direct_answer(&refused).await;
    assert!(text.starts_with("`gpt-image-2` takes no markup; leave it out or pick a model that does:"), "{text}");
}
