//! Community requests: a card in the requests channel, votes counted once, a moderator's approval run
//! on the server's budget and posted in the gallery, a denial's reason reaching the requester, and an
//! approval policy that turns `/generate` into a request.

use axum::http::Method;
use serde_json::{json, Value};

use crate::support::discord::{Member, Received, Sent, DM_CHANNEL_ID, GUILD_ID, MEMBER_ID};
use crate::support::{channel_option, field, role_option, spawn_app, string, subcommand, TestApp};

const REQUESTS: u64 = 900_000_000_000_000_101;
const GALLERY: u64 = 900_000_000_000_000_102;

fn moderator() -> Member {
    Member::manager(900_000_000_000_000_098)
}

fn voter(n: u64) -> Member {
    Member { id: 900_000_000_000_000_200 + n, ..Member::ordinary() }
}

/// Sets the board's channel and gallery, as a manager.
async fn board(app: &TestApp) {
    for (name, id) in [("channel", REQUESTS), ("gallery", GALLERY)] {
        let (option, resolved) = channel_option("channel", id);
        let set = app.discord.invoke_as(&moderator(), "requests", subcommand(name, json!([option])), resolved);
        let (text, _) = app.direct_answer(&set).await;
        assert!(text.contains(&format!("<#{id}>")), "{text}");
    }
}

fn posted_in(r: &Received, channel: u64) -> bool {
    r.method == Method::POST && r.path.ends_with(&format!("/channels/{channel}/messages"))
}

/// Asks for `prompt` with `/request` and returns the interaction and the card message.
async fn request(app: &TestApp, prompt: &str) -> (Sent, Value) {
    let sent = app.discord.invoke(
        "request",
        json!([string("prompt", prompt), string("note", "for the summer event")]),
        json!({}),
    );
    let requests = app
        .discord
        .wait_for("the answer", |r| r.iter().any(|r| r.method == Method::PATCH && r.path.contains(&sent.token)))
        .await;
    let answer = requests.iter().find(|r| r.method == Method::PATCH && r.path.contains(&sent.token)).unwrap();
    assert!(answer.payload["content"]
        .as_str()
        .unwrap()
        .starts_with(&format!("Your request is posted in <#{REQUESTS}>")));
    assert!(requests.iter().any(|r| posted_in(r, REQUESTS)), "a card was posted");
    let card = app.discord.card(&sent.id).expect("the card is a message in the requests channel");
    assert_eq!(card["channel_id"], REQUESTS.to_string());
    (sent, card)
}

#[tokio::test]
async fn a_request_is_voted_once_each_approved_and_delivered_to_the_gallery_on_the_servers_budget() {
    let app = spawn_app().await;
    board(&app).await;
    let (sent, card) = request(&app, "a summer banner with sunflowers").await;
    let embed = &card["embeds"][0];
    assert_eq!(embed["description"], "a summer banner with sunflowers");
    assert_eq!(field(embed, "Requested by"), Some(format!("<@{MEMBER_ID}>").as_str()));
    assert_eq!(field(embed, "Note"), Some("for the summer event"));
    assert_eq!(field(embed, "Estimated cost"), Some("$0.048"));
    let posted = app.discord.requests().into_iter().find(|r| posted_in(r, REQUESTS)).unwrap();
    assert_eq!(posted.payload["allowed_mentions"]["parse"], json!([]), "the card pings nobody");
    let id = &sent.id;

    let vote = app.discord.click_on(&voter(1), &card, &format!("easel-req:vote:{id}"));
    let redrawn = callback(&app, &vote).await;
    assert_eq!(redrawn["type"], 7, "the card is redrawn");
    assert_eq!(field(&redrawn["data"]["embeds"][0], "Votes"), Some("1"));
    let again = app.discord.click_on(&voter(1), &card, &format!("easel-req:vote:{id}"));
    assert_eq!(app.direct_answer(&again).await.0, "You have already voted for this request.");
    let other = app.discord.click_on(&voter(2), &card, &format!("easel-req:vote:{id}"));
    assert_eq!(field(&callback(&app, &other).await["data"]["embeds"][0], "Votes"), Some("2"));

    let not_a_moderator = app.discord.click_on(&voter(3), &card, &format!("easel-req:approve:{id}"));
    assert!(app.private_answer(&not_a_moderator).await.starts_with("Only moderators"));
    assert!(app.openai.image_calls().is_empty());

    let approve = app.discord.click_on(&moderator(), &card, &format!("easel-req:approve:{id}"));
    let text = app.private_answer(&approve).await;
    assert!(text.starts_with("Approved."), "{text}");
    let requests = app
        .discord
        .wait_for("the gallery post and the requester's message", |r| {
            r.iter().any(|r| posted_in(r, GALLERY) && crate::support::is_result(r))
                && r.iter().any(|r| posted_in(r, DM_CHANNEL_ID))
        })
        .await;
    let gallery = requests.iter().find(|r| posted_in(r, GALLERY) && crate::support::is_result(r)).unwrap();
    assert_eq!(gallery.payload["content"], format!("Requested by <@{MEMBER_ID}> · approved by <@{}>", moderator().id));
    assert_eq!(gallery.payload["allowed_mentions"]["parse"], json!([]));
    crate::support::assert_model_bytes_with_provenance(&gallery.files[0].2, &app.openai.images_made()[0]);
    let dm = requests.iter().find(|r| posted_in(r, DM_CHANNEL_ID)).unwrap();
    let told = dm.payload["content"].as_str().unwrap();
    assert!(
        told.contains("was approved by")
            && told.contains(&format!("https://discord.com/channels/{GUILD_ID}/{GALLERY}/")),
        "{told}"
    );
    assert_eq!(app.usage().await.user_images, 0, "not on the requester's own budget");
    let server = crate::support::settled_usage(&app.db_path, easel::domain::ledger::SERVER_ACCOUNT).await;
    assert_eq!(server.user_images, 1, "on the server's");
    let card_now = app.discord.stored_message(card["id"].as_str().unwrap()).unwrap();
    assert_eq!(field(&card_now["embeds"][0], "Status"), Some(format!("Approved by <@{}>", moderator().id).as_str()));
    assert_eq!(card_now["components"], json!([]), "a decided card has no buttons");
    let twice = app.discord.click_on(&moderator(), &card, &format!("easel-req:approve:{id}"));
    assert_eq!(app.private_answer(&twice).await, "This request has already been decided.");
}

async fn callback(app: &TestApp, sent: &Sent) -> Value {
    let requests = app.discord.wait_for("the answer", |r| r.iter().any(|r| r.path.contains(&sent.id))).await;
    requests.into_iter().find(|r| r.path.contains(&sent.id)).unwrap().payload
}

#[tokio::test]
async fn a_denial_reaches_the_requester_by_direct_message_or_in_the_channel_when_those_are_closed() {
    let app = spawn_app().await;
    board(&app).await;
    for closed in [false, true] {
        let (sent, card) = request(&app, if closed { "a second banner" } else { "a first banner" }).await;
        if closed {
            app.discord.fail_with_code(Method::POST, &format!("/channels/{DM_CHANNEL_ID}/messages"), 403, 50007, 1);
        }
        let deny = app.discord.click_on(&moderator(), &card, &format!("easel-req:deny:{}", sent.id));
        let modal = callback(&app, &deny).await;
        assert_eq!(modal["type"], 9, "a modal asks why");
        let submitted = app.discord.submit_modal(
            &moderator(),
            &card,
            modal["data"]["custom_id"].as_str().unwrap(),
            &[("reason", "off-topic for this server")],
        );
        assert_eq!(app.direct_answer(&submitted).await.0, "Denied; the requester has been told why.");
        let expected = if closed { REQUESTS } else { DM_CHANNEL_ID };
        let requests = app
            .discord
            .wait_for("the requester is told", |r| {
                r.iter().any(|r| {
                    posted_in(r, expected) && r.payload["content"].as_str().is_some_and(|c| c.contains("off-topic"))
                })
            })
            .await;
        let told = requests
            .iter()
            .rev()
            .find(|r| posted_in(r, expected) && r.payload["content"].as_str().is_some_and(|c| c.contains("off-topic")))
            .unwrap();
        let text = told.payload["content"].as_str().unwrap();
        assert!(text.contains("was not approved by the moderators. Their reason: off-topic for this server"), "{text}");
        if closed {
            assert!(text.starts_with(&format!("<@{MEMBER_ID}>")), "mentioned in the channel: {text}");
            assert_eq!(told.payload["allowed_mentions"]["users"], json!([MEMBER_ID.to_string()]));
        }
    }
    assert!(app.openai.image_calls().is_empty());
}

#[tokio::test]
async fn a_policy_turns_generate_into_a_request_and_the_list_orders_by_votes() {
    let app = spawn_app().await;
    board(&app).await;
    let (role, resolved) = role_option("role", 900_000_000_000_000_301);
    let policy = app.discord.invoke_as(
        &moderator(),
        "requests",
        subcommand("policy", json!([string("mode", "without_role"), role])),
        resolved,
    );
    assert!(app.direct_answer(&policy).await.0.contains("now need a moderator's approval"));

    let sent = app.discord.invoke("generate", json!([string("prompt", "a dragon kite")]), json!({}));
    let requests = app.discord.wait_for("the card", |r| r.iter().any(|r| posted_in(r, REQUESTS))).await;
    let deferral = requests.iter().find(|r| r.path.contains(&sent.id)).unwrap();
    assert_eq!(deferral.payload["data"]["flags"], 64, "the member is told privately");
    let trusted = Member { roles: vec![900_000_000_000_000_301], ..voter(9) };
    let skipped = app.discord.invoke_as(&trusted, "generate", json!([string("prompt", "a kite")]), json!({}));
    app.discord
        .wait_for("the trusted member's image", |r| {
            r.iter().any(|r| r.path.contains(&skipped.token) && crate::support::is_result(r))
        })
        .await;
    assert_eq!(app.openai.image_calls().len(), 1, "only the member with the role skipped approval");

    let (_, card) = request(&app, "a lantern parade").await;
    let voted = app.discord.click_on(&voter(1), &card, &format!("easel-req:vote:{}", card_id(&card)));
    callback(&app, &voted).await;
    let list = app.discord.invoke("requests", subcommand("list", json!([])), json!({}));
    let (text, ephemeral) = app.direct_answer(&list).await;
    assert!(ephemeral, "{text}");
    let lantern = text.find("a lantern parade").unwrap();
    let kite = text.find("a dragon kite").unwrap();
    assert!(lantern < kite, "most votes first: {text}");
}

fn card_id(card: &Value) -> String {
    card["embeds"][0]["footer"]["text"].as_str().unwrap().trim_start_matches("Request ").to_owned()
}

#[tokio::test]
async fn an_approved_requester_with_closed_direct_messages_is_told_in_the_requests_channel() {
    let app = spawn_app().await;
    board(&app).await;
    let (sent, card) = request(&app, "a harvest banner").await;
    app.discord.fail_with_code(Method::POST, &format!("/channels/{DM_CHANNEL_ID}/messages"), 403, 50007, 1);

    let approve = app.discord.click_on(&moderator(), &card, &format!("easel-req:approve:{}", sent.id));
    assert!(app.private_answer(&approve).await.starts_with("Approved."));
    let told = |r: &Received| {
        posted_in(r, REQUESTS) && r.payload["content"].as_str().is_some_and(|c| c.contains("was approved by"))
    };
    let requests = app.discord.wait_for("the requester is told", |r| r.iter().any(told)).await;

    let message = requests.iter().find(|r| told(r)).unwrap();
    assert!(message.payload["content"].as_str().unwrap().starts_with(&format!("<@{MEMBER_ID}>")));
    assert_eq!(message.payload["allowed_mentions"]["users"], json!([MEMBER_ID.to_string()]));
    assert!(
        requests.iter().any(|r| posted_in(r, GALLERY) && crate::support::is_result(r)),
        "the image is in the gallery"
    );
}

#[tokio::test]
async fn a_card_whose_answer_was_lost_is_posted_once_when_retried() {
    let app = spawn_app().await;
    board(&app).await;
    let cards = format!("/channels/{REQUESTS}/messages");
    app.discord.lose_answers(&cards, 1);

    let (sent, card) = request(&app, "a lighthouse for the summer event").await;

    let posts: Vec<Received> = app.discord.requests().into_iter().filter(|r| posted_in(r, REQUESTS)).collect();
    assert_eq!(posts.len(), 2, "tried again after the lost answer");
    assert!(posts
        .iter()
        .all(|p| p.payload["nonce"] == format!("card{}", sent.id) && p.payload["enforce_nonce"] == true));
    assert_eq!(app.discord.messages_in(REQUESTS), 1, "Discord made the card once; the retry returned it");
    assert_eq!(card_id(&card), sent.id);
}
