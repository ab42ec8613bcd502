//! Hostile and careless input: nothing a member, an admin or a provider sends can crash Easel, poison
//! its store, exhaust its memory or cost a member money for an image they did not get. One test per way
//! it used to break.

use easel::domain::ids::ServerId;
use easel::domain::ledger::Store;
use easel::domain::limits::{LimitName, Scope};
use easel::store::sqlite::SqliteStore;
use serde_json::json;

use crate::support::discord::{Member, Sent, GUILD_ID, MEMBER_ID, ORDINARY};
use crate::support::{
    attachment_option, header_only_png, member_option, png, spawn_app, spawn_app_with, string, subcommand, uploaded,
    Reply, TestApp,
};

fn admin() -> Member {
    Member::manager(900_000_000_000_000_099)
}

fn another_member() -> Member {
    Member { id: 900_000_000_000_000_077, roles: Vec::new(), permissions: ORDINARY }
}

async fn delivered(app: &TestApp, sent: &Sent) {
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
}

async fn private_answer(app: &TestApp, sent: &Sent) -> String {
    let (text, ephemeral) = app.direct_answer(sent).await;
    assert!(ephemeral, "{text}");
    text
}

fn generate(prompt: &str) -> serde_json::Value {
    json!([string("prompt", prompt)])
}

#[tokio::test]
async fn an_absurd_cooldown_is_refused_and_one_already_stored_cannot_take_the_bot_down() {
    let app = spawn_app().await;
    let (user, resolved) = member_option(MEMBER_ID);
    let options = subcommand("set", json!([string("limit", "cooldown_secs"), string("value", "1e13"), user]));

    let refused = private_answer(&app, &app.discord.invoke_as(&admin(), "limits", options, resolved)).await;

    assert_eq!(
        refused,
        "`1e13` is not a value `cooldown_secs` can take: give a number from 0 to 86400 (seconds), or `none` for no limit."
    );
    let store = SqliteStore::open(&app.db_path).unwrap();
    assert!(store.overrides(ServerId(GUILD_ID)).await.unwrap().is_empty(), "nothing was saved");

    // A value saved by an older Easel, before values were range-checked.
    store.set_override(ServerId(GUILD_ID), Scope::User(MEMBER_ID), LimitName::Cooldown, Some(1e13)).await.unwrap();
    let first = app.discord.invoke("generate", generate("a fox"), json!({}));
    delivered(&app, &first).await;
    let second = app.refusal(&app.discord.invoke("generate", generate("a fox again"), json!({}))).await;
    assert!(second.starts_with("Please wait a little between requests"), "{second}");
    let other = app.discord.invoke_as(&another_member(), "generate", generate("an owl"), json!({}));
    delivered(&app, &other).await;
    let usage = private_answer(&app, &app.discord.invoke("usage", json!([]), json!({}))).await;
    assert!(usage.contains("**Cooldown**: 86,400 s, next request <t:"), "clamped to a day: {usage}");
}

#[tokio::test]
async fn an_absurd_block_length_is_refused_and_the_member_is_not_blocked() {
    let app = spawn_app().await;
    let (user, resolved) = member_option(MEMBER_ID);
    let options = subcommand("block", json!([user, {"name": "hours", "type": 10, "value": 1e300}]));

    let refused = private_answer(&app, &app.discord.invoke_as(&admin(), "limits", options, resolved)).await;

    assert!(refused.starts_with("A block lasts more than 0 and at most 8760 hours"), "{refused}");
    let sent = app.discord.invoke("generate", generate("still allowed"), json!({}));
    delivered(&app, &sent).await;
}

#[tokio::test]
async fn a_provider_asking_to_wait_forever_is_waited_on_within_the_retry_policy() {
    let forever =
        |wait| Reply::Error { status: 429, code: "rate_limit_exceeded", kind: "requests", retry_after: Some(wait) };
    let app = spawn_app_with(&[], |o| o.script([forever("1e20"), forever("inf"), forever("-5")])).await;

    let sent = app.discord.invoke("generate", generate("a patient fox"), json!({}));

    delivered(&app, &sent).await;
    assert_eq!(app.openai.image_calls().len(), 4, "three waits, each capped, then the image");
}

#[tokio::test]
async fn a_decompression_bomb_is_refused_from_its_header_with_the_pixel_limit() {
    let app = spawn_app().await;
    let bomb = header_only_png(10_000, 10_000);
    let url = app.discord.host_file("huge.png", bomb.clone());

    let sent = app.discord.invoke(
        "variation",
        json!([attachment_option("931000000000000001")]),
        uploaded("931000000000000001", &url, "huge.png", "image/png", bomb.len()),
    );
    let text = app.explanation(&sent).await;

    assert!(
        text.starts_with("Your image is 10000×10000 pixels; I work with images of up to 8192 pixels a side and 24 megapixels in all."),
        "{text}"
    );
    assert!(app.openai.image_calls().is_empty(), "never sent to the model");
    assert_eq!(app.usage().await.user_images, 0, "not charged");
}

#[tokio::test]
async fn half_an_image_from_the_model_is_never_delivered_or_charged() {
    let app = spawn_app_with(&[], |o| o.script([Reply::HalfPng, Reply::HalfPngUrl])).await;

    let as_base64 = app.discord.invoke("generate", generate("a broken fox"), json!({}));
    let first = app.explanation(&as_base64).await;
    let as_link = app.discord.invoke("generate", generate("a broken owl"), json!({}));
    let second = app.explanation(&as_link).await;

    for text in [first, second] {
        assert!(text.starts_with("The image service sent back an image I couldn't read"), "{text}");
        assert!(text.contains("you were not charged"), "{text}");
    }
    let usage = app.usage().await;
    assert_eq!((usage.user_images, usage.user_usd, usage.in_flight), (0, 0.0, 0));
}

#[tokio::test]
async fn a_prompt_of_invisible_characters_is_empty_and_cannot_hide_a_blocked_word() {
    let app = spawn_app().await;
    let moderator = admin();
    let add = json!([{"name": "blocklist", "type": 2, "options": [{"name": "add", "type": 1,
        "options": [string("pattern", "dragon")]}]}]);
    private_answer(&app, &app.discord.invoke_as(&moderator, "moderation", add, json!({}))).await;

    let empty = private_answer(
        &app,
        &app.discord.invoke("generate", generate("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}"), json!({})),
    )
    .await;
    let hidden = app.discord.invoke("generate", generate("a dra\u{200B}g\u{2060}on"), json!({}));
    let hidden = app.refusal(&hidden).await;

    assert_eq!(empty.lines().next(), Some("Please give a prompt describing the image you want."));
    assert!(hidden.starts_with("This prompt breaks this server's rules"), "{hidden}");
    assert!(app.openai.image_calls().is_empty(), "neither reached the model");
    assert_eq!(app.usage().await.user_images, 0);
}

#[tokio::test]
async fn each_unusable_upload_is_refused_with_what_really_went_wrong() {
    let app = spawn_app().await;
    let picture = png(300, 200, [10, 20, 250]);
    let elsewhere = format!("{}/files/photo.png", app.openai.base_url.trim_end_matches("/v1"));
    let cases = [
        (
            "longer.png",
            app.discord.host_file("longer.png", picture.clone()),
            100,
            "larger than the upload Discord announced",
        ),
        ("elsewhere.png", elsewhere, picture.len(), "I only download pictures from Discord itself"),
        ("cut.png", app.discord.host_file_cut_short("cut.png", picture.clone()), picture.len(), "was cut short"),
        (
            "half.png",
            app.discord.host_file("half.png", picture[..picture.len() / 2].to_vec()),
            picture.len() / 2,
            "damaged or incomplete",
        ),
    ];

    for (i, (name, url, declared, expected)) in cases.into_iter().enumerate() {
        let id = format!("93200000000000000{i}");
        let sent = app.discord.invoke(
            "variation",
            json!([attachment_option(&id)]),
            uploaded(&id, &url, name, "image/png", declared),
        );
        let text = app.explanation(&sent).await;
        assert!(text.contains(expected), "{name}: {text}");
        assert!(text.contains("You were not charged."), "{name}: {text}");
    }
    assert!(app.openai.image_calls().is_empty(), "no upload reached the model");
    assert_eq!(app.usage().await.user_images, 0);
}

#[tokio::test]
async fn an_upload_served_on_the_stand_ins_own_port_under_another_loopback_name_is_accepted() {
    let app = spawn_app().await;
    let picture = png(120, 90, [250, 250, 10]);
    let url = app.discord.host_file("sun.png", picture.clone()).replace("127.0.0.1", "localhost");

    let sent = app.discord.invoke(
        "variation",
        json!([attachment_option("933000000000000001")]),
        uploaded("933000000000000001", &url, "sun.png", "image/png", picture.len()),
    );

    delivered(&app, &sent).await;
}

#[tokio::test]
async fn the_blocklist_agrees_with_itself_and_moderators_may_edit_it() {
    let app = spawn_app().await;
    let moderator = Member::moderator(900_000_000_000_000_055);
    let blocklist = |sub: &str, pattern: Option<&str>| {
        let options = pattern.map_or_else(|| json!([]), |p| json!([string("pattern", p)]));
        json!([{"name": "blocklist", "type": 2, "options": [{"name": sub, "type": 1, "options": options}]}])
    };
    let run =
        |member: &Member, options: serde_json::Value| app.discord.invoke_as(member, "moderation", options, json!({}));

    let added = private_answer(&app, &run(&moderator, blocklist("add", Some("  Dragon  Fire ")))).await;
    let listed = private_answer(&app, &run(&moderator, blocklist("list", None))).await;
    let removed = private_answer(&app, &run(&moderator, blocklist("remove", Some("DRAGON fire")))).await;
    let refused = private_answer(&app, &run(&Member::ordinary(), blocklist("add", Some("owl")))).await;
    let channel = json!([{"name": "log-channel", "type": 1, "options": [{"name": "channel", "type": 7, "value": "900000000000000050"}]}]);
    let channel_refused = private_answer(&app, &app.discord.invoke_as(&moderator, "moderation", channel, json!({"channels": {"900000000000000050": {"id": "900000000000000050", "name": "log", "type": 0, "permissions": "0"}}}))).await;

    assert!(added.starts_with("Added word `dragon fire`"), "{added}");
    assert!(listed.contains("word: `dragon fire`"), "{listed}");
    assert_eq!(removed, "Removed word `dragon fire` from the blocklist.");
    assert!(refused.starts_with("Only this server's moderators (Manage Messages"), "{refused}");
    assert_eq!(channel_refused, "Only members with the Manage Server permission may choose Easel's log channel.");
}

#[tokio::test]
async fn a_provider_answer_over_the_cap_is_refused_and_costs_nothing() {
    let app = spawn_app_with(&[("EASEL_MAX_DOWNLOAD_MB", "1")], |o| o.script([Reply::Huge(6_000_000)])).await;

    let sent = app.discord.invoke("generate", generate("an enormous fox"), json!({}));
    let text = app.explanation(&sent).await;

    assert!(text.starts_with("The image service sent back an image I couldn't read"), "{text}");
    assert_eq!(app.usage().await.user_images, 0);
}

#[tokio::test]
async fn a_discord_origin_written_with_a_trailing_slash_still_reaches_the_stand_in() {
    let app = spawn_app_with(&[("DISCORD_API_BASE", "{discord}/")], |_| {}).await;

    let sent = app.discord.invoke("generate", generate("a fox"), json!({}));

    delivered(&app, &sent).await;
}
