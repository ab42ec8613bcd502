//! `/styles`: one subject in several styles, delivered as a captioned sheet and each single image, one
//! job in the ledger whose whole cost is checked before any model call.

use serde_json::json;

use crate::support::{field, spawn_app, spawn_app_with, string};

/// Pixels that are caption ink (near-black) in a band.
fn ink(sheet: &image::RgbImage, x: u32, y: u32, width: u32, height: u32) -> usize {
    (x..x + width)
        .flat_map(|px| (y..y + height).map(move |py| (px, py)))
        .filter(|(px, py)| sheet.get_pixel(*px, *py).0.iter().all(|c| *c < 60))
        .count()
}

#[tokio::test]
async fn four_styles_arrive_as_a_captioned_two_by_two_sheet_and_four_images_in_one_job() {
    let app = spawn_app().await;
    let styles = "photorealistic, oil painting, watercolor, 3D render";
    let sent =
        app.discord.invoke("styles", json!([string("subject", "a lighthouse"), string("styles", styles)]), json!({}));
    let requests = app
        .discord
        .wait_for("the sheet", |r| r.iter().any(|r| r.path.contains(&sent.token) && r.files.len() == 5))
        .await;

    let prompts: Vec<String> =
        app.openai.image_calls().iter().map(|c| c.body["prompt"].as_str().unwrap().to_owned()).collect();
    assert_eq!(
        prompts,
        [
            "a lighthouse, photorealistic",
            "a lighthouse, oil painting",
            "a lighthouse, watercolor",
            "a lighthouse, 3D render"
        ]
    );
    assert!(app.openai.image_calls().iter().all(|c| c.body["n"] == 1));
    let result = requests.iter().find(|r| r.path.contains(&sent.token) && r.files.len() == 5).unwrap();
    let sheet = image::load_from_memory(&result.files[0].2).unwrap().to_rgb8();
    let (tile, band) = (easel::media::grid::TILE, easel::media::grid::BAND);
    assert_eq!(sheet.dimensions(), (2 * tile, 2 * (tile + band)), "two by two tiles with a caption band each");
    for index in 0..4 {
        let (x, y) = easel::media::grid::tile_origin(index, 4);
        assert!(ink(&sheet, x, y + tile, tile, band) > 30, "a caption under tile {index}");
        assert_eq!(ink(&sheet, x, y + tile - 40, tile, 30), 0, "no caption ink inside tile {index}");
    }
    for (i, made) in app.openai.images_made().iter().enumerate() {
        crate::support::assert_model_bytes_with_provenance(&result.files[i + 1].2, made);
    }
    let embed = &result.payload["embeds"][0];
    assert_eq!(embed["title"], "Your style comparison");
    assert_eq!(field(embed, "Styles"), Some("photorealistic · oil painting · watercolor · 3D render"));
    let usage = app.usage().await;
    assert_eq!((usage.user_images, (usage.user_usd * 1000.0).round()), (4, 168.0), "one job: four images at $0.042");
}

#[tokio::test]
async fn a_member_who_cannot_afford_every_tile_is_refused_before_any_model_call() {
    let app = spawn_app_with(&[("EASEL_USER_USD_PER_DAY", "0.1")], |_| {}).await;
    let sent = app.discord.invoke("styles", json!([string("subject", "a lighthouse")]), json!({}));

    let text = app.refusal(&sent).await;

    assert!(text.starts_with("Your daily budget is nearly spent") && text.contains("costs about $0.17"), "{text}");
    assert!(app.openai.image_calls().is_empty(), "no tile was drawn");
    assert_eq!(app.usage().await.user_images, 0);
}

#[tokio::test]
async fn more_than_four_styles_are_refused_at_once() {
    let app = spawn_app().await;
    let sent =
        app.discord.invoke("styles", json!([string("subject", "a fox"), string("styles", "a, b, c, d, e")]), json!({}));
    let (text, _) = app.direct_answer(&sent).await;
    assert_eq!(text.lines().next().unwrap(), "Please name 1 to 4 styles, separated by commas.");
}
