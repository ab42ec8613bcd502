//! The studio: drafts with their Enhance button, and lineage (every result says what it came from).

use serde_json::{json, Value};

use crate::support::discord::{Member, Received, GUILD_ID};
use crate::support::{field, spawn_app, string, subcommand, TestApp};

/// The stored message of a delivered result, to click its buttons.
fn message_of(app: &TestApp, result: &Received) -> Value {
    let job = result.payload["embeds"][0]["footer"]["text"].as_str().unwrap().to_owned();
    app.discord
        .stored_message_ids()
        .into_iter()
        .filter_map(|id| app.discord.stored_message(&id.to_string()))
        .find(|m| m["embeds"][0]["footer"]["text"] == job.as_str() && !m["attachments"].as_array().unwrap().is_empty())
        .unwrap()
}

/// The colour of each input image an edit call sent in its `image[]` field, in order.
fn input_colours(call: &crate::support::openai::Recorded) -> Vec<[u8; 3]> {
    call.files
        .iter()
        .filter(|(name, _)| name == "image[]")
        .map(|(_, bytes)| image::load_from_memory(bytes).unwrap().to_rgb8().get_pixel(5, 5).0)
        .collect()
}

fn button(message: &Value, label: &str) -> Option<String> {
    message["components"]
        .as_array()?
        .iter()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .find(|b| b["label"] == label)
        .and_then(|b| b["custom_id"].as_str().map(str::to_owned))
}

#[tokio::test]
async fn a_draft_is_made_at_the_cheapest_quality_and_enhance_redoes_it_at_the_top_quality() {
    let app = crate::support::spawn_app_with(&[("MODERATION_LOG_CHANNEL_ID", LOG_CHANNEL)], |_| {}).await;

    let sent = app.discord.invoke(
        "generate",
        json!([string("prompt", "a fox sketch"), {"name": "draft", "type": 5, "value": true}]),
        json!({}),
    );
    let draft = app.result_of(&sent).await;

    assert_eq!(app.openai.image_calls()[0].body["quality"], "low", "the cheapest of gpt-image-2");
    // Enhance's estimate: gpt-image-2's `high` at 1024x1024 ($0.167) and its two streamed previews.
    let note = field(&draft.payload["embeds"][0], "Draft").unwrap();
    assert!(note.contains("`low`") && note.contains("`high`") && note.contains("$0.173"), "what Enhance costs: {note}");
    let message = message_of(&app, &draft);
    let enhance = button(&message, "Enhance").expect("an Enhance button under a draft");

    let click = app.discord.click_on(&Member::ordinary(), &message, &enhance);
    let enhanced = app.result_of(&click).await;

    let call = &app.openai.image_calls()[1];
    assert_eq!((call.body["quality"].as_str(), call.body["prompt"].as_str()), (Some("high"), Some("a fox sketch")));
    assert!(field(&enhanced.payload["embeds"][0], "Draft").is_none(), "the enhanced image is no draft");
    let from = field(&enhanced.payload["embeds"][0], "From").expect("it says what it came from");
    let link = format!(
        "https://discord.com/channels/{GUILD_ID}/{}/{}",
        message["channel_id"].as_str().unwrap(),
        message["id"].as_str().unwrap()
    );
    assert!(
        from.starts_with(&format!("Job {}", sent.id)) && from.contains(&link),
        "the draft's number and a jump link: {from}"
    );
    assert!(button(&message_of(&app, &enhanced), "Enhance").is_none());
    let log = format!("/api/v10/channels/{LOG_CHANNEL}/messages");
    let entries = app.discord.wait_for("both log entries", |r| r.iter().filter(|r| r.path == log).count() == 2).await;
    let logged: Vec<&Received> = entries.iter().filter(|r| r.path == log).collect();
    let froms: Vec<Option<&str>> = logged.iter().map(|r| field(&r.payload["embeds"][0], "From")).collect();
    assert!(froms.contains(&Some(format!("Job {}", sent.id).as_str())), "the log walks the chain too: {froms:?}");

    let moderator = Member::manager(900_000_000_000_000_098);
    let history = app.discord.invoke_as(&moderator, "moderation", subcommand("history", json!([])), json!({}));
    let (text, _) = app.direct_answer(&history).await;
    assert!(
        text.contains(&format!("job {} · From: Job {}", click.id, sent.id)),
        "the stored history walks the chain after the log's messages: {text}"
    );
    assert!(text.contains(&format!("job {}\n", sent.id)) || text.ends_with(&format!("job {}", sent.id)), "{text}");
}

const LOG_CHANNEL: &str = "960000000000000088";

#[tokio::test]
async fn a_member_who_saved_drafts_gets_drafts_unless_a_command_says_otherwise() {
    let app = spawn_app().await;
    let saved = app.discord.invoke("settings", json!([{"name": "draft", "type": 5, "value": true}]), json!({}));
    let (text, _) = app.direct_answer(&saved).await;
    assert!(text.contains("Drafts: on"), "{text}");

    let drafted = app.discord.invoke("generate", json!([string("prompt", "a kite")]), json!({}));
    app.result_of(&drafted).await;
    let full = app.discord.invoke(
        "generate",
        json!([string("prompt", "a kite"), {"name": "draft", "type": 5, "value": false}]),
        json!({}),
    );
    app.result_of(&full).await;

    let qualities: Vec<Value> = app.openai.image_calls().iter().map(|c| c.body["quality"].clone()).collect();
    assert_eq!(qualities, [json!("low"), json!("medium")], "the saved draft, then the command's own choice");
}

#[tokio::test]
async fn pan_right_sets_the_image_on_a_wider_canvas_at_a_size_of_the_model_and_masks_the_new_area() {
    let app = spawn_app().await;
    let sent = app.discord.invoke("generate", json!([string("prompt", "a harbour at dawn")]), json!({}));
    let first = app.result_of(&sent).await;
    let message = message_of(&app, &first);
    let pan = button(&message, "➡️ Pan").expect("Pan buttons under a single image of an editing model");
    assert!(button(&message, "Zoom Out 2×").is_some());

    let before = app.settled_spend(Some(GUILD_ID)).await;
    let click = app.discord.click_on(&Member::ordinary(), &message, &pan);
    let extended = app.result_of(&click).await;
    let charged = app.settled_spend(Some(GUILD_ID)).await - before;
    let cost = field(&extended.payload["embeds"][0], "Cost").unwrap();
    assert!(charged > 0.0 && cost.starts_with(&format!("${charged:.4}")), "charged {charged}, shown {cost}");

    let call = &app.openai.image_calls()[1];
    assert_eq!(call.path, "/v1/images/edits");
    assert_eq!(
        (call.body["size"].as_str(), call.body["prompt"].as_str()),
        (Some("1536x1024"), Some("a harbour at dawn"))
    );
    let file = |name: &str| image::load_from_memory(&call.files.iter().find(|(n, _)| n == name).unwrap().1).unwrap();
    let (picture, mask) = (file("image[]"), file("mask").to_rgba8());
    assert_eq!(((picture.width(), picture.height()), mask.dimensions()), ((1536, 1024), (1536, 1024)));
    // The 64x48 result scaled 16 times (1024x768), at the left, centred top to bottom.
    assert_eq!(mask.get_pixel(500, 500)[3], 255, "the image is kept");
    assert_eq!(mask.get_pixel(1300, 500)[3], 0, "the new area on the right is repainted");
    assert_eq!(mask.get_pixel(500, 50)[3], 0, "and the band the shape left above it");
    assert_eq!(extended.payload["embeds"][0]["title"], "Your extended image");
    assert!(field(&extended.payload["embeds"][0], "From").unwrap().starts_with(&format!("Job {}", sent.id)));
}

/// An ATTACHMENT option `name` of upload `id` and its `resolved` entry, the picture hosted by the stand-in.
fn upload(app: &TestApp, name: &str, id: &str, picture: Vec<u8>) -> (Value, (String, Value)) {
    let url = app.discord.host_file(&format!("{id}.png"), picture.clone());
    let option = json!({"name": name, "type": 11, "value": id});
    let described = json!({"id": id, "filename": format!("{id}.png"), "size": picture.len(), "url": url,
        "proxy_url": url, "content_type": "image/png", "width": 40, "height": 30});
    (option, (id.to_owned(), described))
}

fn resolved(uploads: &[(String, Value)]) -> Value {
    json!({"attachments": uploads.iter().cloned().collect::<serde_json::Map<String, Value>>()})
}

#[tokio::test]
async fn blend_fuses_the_uploads_in_one_edit_of_several_images() {
    let app = spawn_app().await;
    let colours = [[250, 0, 0], [0, 250, 0], [0, 0, 250]];
    let (mut options, mut attachments) = (Vec::new(), Vec::new());
    for (i, colour) in colours.iter().enumerate() {
        let (option, attachment) = upload(
            &app,
            &format!("image{}", i + 1),
            &format!("93000000000000010{i}"),
            crate::support::png(40, 30, *colour),
        );
        options.push(option);
        attachments.push(attachment);
    }
    options.push(string("prompt", "one poster of all three"));

    let sent = app.discord.invoke("blend", Value::Array(options), resolved(&attachments));
    let result = app.result_of(&sent).await;

    let call = &app.openai.image_calls()[0];
    assert_eq!(call.path, "/v1/images/edits");
    assert_eq!(call.body["prompt"], "one poster of all three");
    assert_eq!(input_colours(call), colours, "every upload, in order, in the same image[] field");
    assert!(call.body.get("input_fidelity").is_none(), "gpt-image-2 takes no input_fidelity");
    assert_eq!(result.payload["embeds"][0]["title"], "Your blend");
    let (charged, cost) =
        (app.settled_spend(Some(GUILD_ID)).await, field(&result.payload["embeds"][0], "Cost").unwrap());
    assert!(charged > 0.0 && cost.starts_with(&format!("${charged:.4}")), "charged {charged}, shown {cost}");
}

#[tokio::test]
async fn a_reference_is_sent_with_the_prompt_and_a_model_that_takes_none_is_refused() {
    let app = spawn_app().await;
    let (option, attachment) =
        upload(&app, "reference", "930000000000000201", crate::support::png(40, 30, [9, 99, 199]));

    let options = json!([string("prompt", "this mug on a beach"), option.clone()]);
    let sent = app.discord.invoke("generate", options, resolved(std::slice::from_ref(&attachment)));
    app.result_of(&sent).await;
    let refused = app.discord.invoke(
        "generate",
        json!([string("prompt", "this mug on a beach"), string("model", "dall-e-3"), option]),
        resolved(&[attachment]),
    );
    let (text, _) = app.direct_answer(&refused).await;

    let call = &app.openai.image_calls()[0];
    assert_eq!((call.path.as_str(), call.body["prompt"].as_str()), ("/v1/images/edits", Some("this mug on a beach")));
    let reference = image::load_from_memory(&call.files[0].1).unwrap().to_rgb8();
    assert_eq!(reference.get_pixel(3, 3).0, [9, 99, 199], "the very picture");
    assert!(text.starts_with("`dall-e-3` takes no reference"), "{text}");
    assert_eq!(app.openai.image_calls().len(), 1, "the refusal cost nothing");
}

#[tokio::test]
async fn upscale_creative_re_details_the_image_at_the_models_largest_size_of_its_shape() {
    let app = spawn_app().await;
    let sent = app.discord.invoke("generate", json!([string("prompt", "a lantern")]), json!({}));
    let message = message_of(&app, &app.result_of(&sent).await);
    let creative = button(&message, "Upscale (Creative)").expect("beside HD under a single image");

    let click = app.discord.click_on(&Member::ordinary(), &message, &creative);
    app.result_of(&click).await;

    let call = &app.openai.image_calls()[1];
    assert_eq!(call.path, "/v1/images/edits");
    // The 64x48 result's shape (4:3) is nearest gpt-image-2's 1536x1024.
    assert_eq!((call.body["size"].as_str(), call.body["quality"].as_str()), (Some("1536x1024"), Some("high")));
    assert!(call.body["prompt"].as_str().unwrap().starts_with("Re-render this exact picture larger"));
}

fn style_command(sub: &str, options: Value) -> Value {
    json!([{"name": sub, "type": 1, "options": options}])
}

#[tokio::test]
async fn a_saved_style_adds_its_words_to_a_prompt_and_is_suggested_as_the_member_types() {
    let app = spawn_app().await;
    let save = json!([string("name", "Noir"), string("text", "black and white, film grain")]);
    let saved = app.discord.invoke("style", style_command("save", save), json!({}));
    let (text, ephemeral) = app.direct_answer(&saved).await;
    assert!(ephemeral && text.starts_with("Saved style `noir`"), "{text}");

    let typing = app.discord.autocomplete(
        &Member::ordinary(),
        "generate",
        json!([string("prompt", "a street"), {"name": "style", "type": 3, "value": "no", "focused": true}]),
    );
    let requests = app.discord.wait_for("the suggestions", |r| r.iter().any(|r| r.path.contains(&typing.id))).await;
    let suggestions = &requests.iter().find(|r| r.path.contains(&typing.id)).unwrap().payload;
    assert_eq!(suggestions["type"], 8, "{suggestions}");
    assert_eq!(suggestions["data"]["choices"], json!([{"name": "noir", "value": "noir"}]));

    let sent =
        app.discord.invoke("generate", json!([string("prompt", "a street"), string("style", "noir")]), json!({}));
    app.result_of(&sent).await;

    let call = &app.openai.image_calls()[0];
    assert_eq!(call.body["prompt"], "a street, black and white, film grain");
    assert!(call.body.get("style").is_none(), "a saved style is no model style");
}

#[tokio::test]
async fn a_servers_styles_are_saved_by_its_moderators_for_everyone_and_screened_like_prompts() {
    let app = spawn_app().await;
    let moderator = Member::manager(900_000_000_000_000_098);
    let server_style =
        json!([string("name", "house"), string("text", "pastel, soft light"), string("scope", "server")]);
    let refused = app.discord.invoke("style", style_command("save", server_style.clone()), json!({}));
    let (text, _) = app.direct_answer(&refused).await;
    assert!(text.starts_with("Only the server's moderators"), "{text}");
    let saved = app.discord.invoke_as(&moderator, "style", style_command("save", server_style), json!({}));
    let (text, _) = app.direct_answer(&saved).await;
    assert!(text.starts_with("Saved style `house`"), "{text}");
    let rule = json!([{"name": "blocklist", "type": 2, "options": [{"name": "add", "type": 1, "options": [string("pattern", "gore")]}]}]);
    app.direct_answer(&app.discord.invoke_as(&moderator, "moderation", rule, json!({}))).await;
    let blocked = json!([string("name", "dark"), string("text", "lots of gore")]);
    let (text, _) = app.direct_answer(&app.discord.invoke("style", style_command("save", blocked), json!({}))).await;
    assert!(
        text.starts_with("These words break this server's rules for image requests, so the style was not saved"),
        "{text}"
    );

    let sent = app.discord.invoke("generate", json!([string("prompt", "a cat"), string("style", "House")]), json!({}));
    app.result_of(&sent).await;

    assert_eq!(
        app.openai.image_calls()[0].body["prompt"],
        "a cat, pastel, soft light",
        "the server's style, for everyone"
    );
}

#[tokio::test]
async fn a_saved_styles_picture_is_kept_by_easel_and_sent_as_the_reference_of_the_prompts_that_pick_it() {
    let app = spawn_app().await;
    let (option, attachment) =
        upload(&app, "reference", "930000000000000301", crate::support::png(40, 30, [200, 100, 0]));
    let save = json!([string("name", "mascot"), string("text", "our orange fox mascot"), option]);
    let saved = app.discord.invoke("style", style_command("save", save), resolved(&[attachment]));
    let (deferral, answer) = app.deferred_answer(&saved).await;
    assert_eq!(deferral["flags"], 64, "checking the picture is answered privately");
    let text = answer.payload["content"].as_str().unwrap();
    assert!(text.starts_with("Saved style `mascot` with its reference picture"), "{text}");
    // Discord's signed link expires; Easel's own copy is what later prompts send.
    app.discord.expire_file("930000000000000301.png");

    let sent =
        app.discord.invoke("generate", json!([string("prompt", "on a beach"), string("style", "mascot")]), json!({}));
    app.result_of(&sent).await;
    let call = &app.openai.image_calls()[0];
    assert_eq!(
        (call.path.as_str(), call.body["prompt"].as_str()),
        ("/v1/images/edits", Some("on a beach, our orange fox mascot"))
    );
    assert_eq!(input_colours(call), [[200, 100, 0]], "the kept picture, as the reference");

    let elsewhere = app.discord.invoke(
        "generate",
        json!([string("prompt", "on a beach"), string("style", "mascot"), string("model", "dall-e-3")]),
        json!({}),
    );
    let refusal = app.refusal(&elsewhere).await;
    assert!(
        refusal.starts_with("That saved style keeps a reference picture, which `dall-e-3` cannot use."),
        "{refusal}"
    );
    let listed = app.discord.invoke("style", style_command("list", json!([])), json!({}));
    let (list, _) = app.direct_answer(&listed).await;
    assert!(list.contains("`mascot`: our orange fox mascot · with a reference picture"), "{list}");

    let kept = std::path::PathBuf::from(format!("{}-spool/kept", app.db_path.display()));
    assert_eq!(std::fs::read_dir(&kept).unwrap().count(), 1, "one picture kept");
    let deleted = app.discord.invoke("style", style_command("delete", json!([string("name", "mascot")])), json!({}));
    let (text, _) = app.direct_answer(&deleted).await;
    assert_eq!(text, "Deleted style `mascot`.");
    assert_eq!(std::fs::read_dir(&kept).unwrap().count(), 0, "its picture is forgotten with it");
    assert_eq!(app.openai.image_calls().len(), 1, "dall-e-3 was not asked");
}
