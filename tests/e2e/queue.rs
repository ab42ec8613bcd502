//! The queue through the real bot: fair lanes with a cap, progress in the member's message, Cancel,
//! a full queue, a backend that is down, and delivery once the interaction's token no longer works.

use std::time::Duration;

use axum::http::Method;
use easel::domain::request::JobId;
use easel::jobs::queue::JobStore;
use easel::store::sqlite::SqliteStore;
use serde_json::json;

use crate::support::discord::{Member, Received, Sent, CHANNEL_ID, DM_CHANNEL_ID, MEMBER_ID, ORDINARY};
use crate::support::{spawn_app_with, string, Reply, TestApp};

/// No per-member or money limit in the way: these tests are about the queue.
const UNLIMITED: [(&str, &str); 5] = [
    ("EASEL_MAX_IN_FLIGHT", "none"),
    ("EASEL_IMAGES_PER_DAY", "none"),
    ("EASEL_USER_USD_PER_DAY", "none"),
    ("EASEL_GUILD_USD_PER_DAY", "none"),
    ("EASEL_GLOBAL_USD_PER_MONTH", "none"),
];

async fn app(vars: &[(&str, &str)], reply: Reply) -> TestApp {
    let mut all = UNLIMITED.to_vec();
    all.extend_from_slice(vars);
    spawn_app_with(&all, |o| o.always(reply)).await
}

fn member(id: u64) -> Member {
    Member { id, roles: Vec::new(), permissions: ORDINARY }
}

fn generate(app: &TestApp, who: &Member, prompt: &str) -> Sent {
    app.discord.invoke_as(who, "generate", json!([string("prompt", prompt)]), json!({}))
}

fn image_of<'a>(requests: &'a [Received], sent: &Sent) -> Option<&'a Received> {
    requests.iter().find(|r| r.path.contains(&sent.token) && crate::support::is_result(r))
}

async fn all_delivered(app: &TestApp, sent: &[Sent]) -> Vec<Received> {
    app.discord
        .wait_for_within("every image", Duration::from_secs(60), |r| sent.iter().all(|s| image_of(r, s).is_some()))
        .await
}

/// Waits until the store holds every one of these jobs (admitted and queued).
async fn queued(app: &TestApp, sent: &[Sent]) {
    let store = SqliteStore::open(&app.db_path).unwrap();
    for _ in 0..200 {
        let mut all = true;
        for s in sent {
            all &= store.job(&JobId::from(&s.id)).await.unwrap().is_some();
        }
        if all {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the jobs were never queued");
}

fn edits_of<'a>(requests: &'a [Received], sent: &Sent) -> Vec<&'a Received> {
    requests.iter().filter(|r| r.method == Method::PATCH && r.path.contains(&sent.token)).collect()
}

fn buttons(edit: &Received) -> Vec<String> {
    let rows = edit.payload["components"].as_array().cloned().unwrap_or_default();
    rows.iter()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["custom_id"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn a_member_with_ten_requests_does_not_delay_anothers_first() {
    let app = app(&[("EASEL_OPENAI_CONCURRENCY", "1")], Reply::Delayed(100)).await;
    let (ann, bob) = (member(MEMBER_ID), member(900_000_000_000_000_044));

    let anns: Vec<Sent> = (0..10).map(|i| generate(&app, &ann, &format!("ann {i}"))).collect();
    queued(&app, &anns).await;
    let bobs = vec![generate(&app, &bob, "bob 0")];
    all_delivered(&app, &[anns.clone(), bobs].concat()).await;

    let prompts: Vec<String> =
        app.openai.image_calls().iter().map(|c| c.body["prompt"].as_str().unwrap().to_owned()).collect();
    assert_eq!(prompts.len(), 11);
    assert_eq!(prompts[1], "bob 0", "Bob's first runs right after Ann's first: {prompts:?}");
}

#[tokio::test]
async fn the_model_never_sees_more_calls_at_once_than_the_cap() {
    let app = app(&[("EASEL_OPENAI_CONCURRENCY", "2"), ("EASEL_QUEUE_MAX", "1000")], Reply::Delayed(20)).await;

    let sent: Vec<Sent> =
        (0..200).map(|i| generate(&app, &member(900_000_000_000_100_000 + i % 50), &format!("fox {i}"))).collect();
    all_delivered(&app, &sent).await;

    assert_eq!(app.openai.image_calls().len(), 200);
    assert_eq!(app.openai.most_at_once(), 2, "two at once, never more");
}

#[tokio::test]
async fn a_waiting_job_shows_its_place_and_a_cancel_button_before_its_image() {
    let app = app(&[("EASEL_OPENAI_CONCURRENCY", "1")], Reply::Delayed(4500)).await;
    let first = generate(&app, &member(MEMBER_ID), "first");
    app.openai.wait_for_calls(|c| c.len() == 1).await;
    let second = generate(&app, &member(900_000_000_000_000_044), "second");

    let requests = all_delivered(&app, &[first.clone(), second.clone()]).await;

    let edits = edits_of(&requests, &second);
    let place = edits
        .iter()
        .position(|e| {
            e.payload["content"].as_str().unwrap_or_default().starts_with("Next in the queue for `gpt-image-2`.")
        })
        .expect("a place in the queue was shown");
    let image = edits.iter().position(|e| crate::support::is_result(e)).unwrap();
    assert!(place < image, "the place came before the image");
    assert_eq!(buttons(edits[place]), [format!("easel-cancel:{}", second.id)]);
    let under_result = buttons(edits[image]);
    assert!(!under_result.iter().any(|b| b.starts_with("easel-cancel")), "the Cancel button is gone with the result");
    assert!(under_result.contains(&format!("easel:reroll:{}", second.id)), "{under_result:?}");
    let running = edits_of(&requests, &first);
    assert!(
        running.iter().any(|e| e.payload["content"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Generating your image with `gpt-image-2`")),
        "the running job says so"
    );
}

#[tokio::test]
async fn cancel_withdraws_a_waiting_job_for_free_and_counts_a_running_one_at_its_estimate() {
    let app = app(&[("EASEL_OPENAI_CONCURRENCY", "1")], Reply::Delayed(4000)).await;
    let ann = member(MEMBER_ID);
    let running = generate(&app, &ann, "running");
    app.openai.wait_for_calls(|c| c.len() == 1).await;
    let waiting = generate(&app, &ann, "waiting");
    let third = generate(&app, &ann, "third");
    queued(&app, &[waiting.clone(), third.clone()]).await;

    let stranger = app.discord.click(&member(900_000_000_000_000_044), &format!("easel-cancel:{}", waiting.id));
    let refused = answer_text(&app, &stranger).await;
    let clicked = app.discord.click(&ann, &format!("easel-cancel:{}", waiting.id));
    let cancelled = answer_text(&app, &clicked).await;
    let moderator = Member::moderator(900_000_000_000_000_055);
    let by_moderator = answer_text(&app, &app.discord.click(&moderator, &format!("easel-cancel:{}", third.id))).await;
    let command = app.discord.invoke_as(&ann, "cancel", json!([]), json!({}));
    let (latest, _) = app.direct_answer(&command).await;
    tokio::time::sleep(Duration::from_millis(4500)).await;

    assert_eq!(refused, "Only the member who asked for this image, or a moderator, can cancel it.");
    assert_eq!(cancelled, "Cancelled. Nothing was charged.");
    assert_eq!(by_moderator, "Cancelled. Nothing was charged.", "a moderator (Manage Messages) may cancel");
    assert_eq!(
        latest, "Cancelled. The model had already started, so it counts towards the limits at its estimate ($0.048).",
        "/cancel takes the running one, whose model call cannot be taken back"
    );
    let requests = app.discord.requests();
    for sent in [&waiting, &running] {
        assert!(image_of(&requests, sent).is_none(), "no image after a cancel");
        let marked = edits_of(&requests, sent).iter().any(|e| {
            e.payload["content"].as_str().unwrap_or_default().starts_with(&format!("Cancelled by <@{MEMBER_ID}>"))
        });
        assert!(marked, "the message says it was cancelled");
    }
    assert_eq!(app.openai.image_calls().len(), 1, "the waiting job never reached the model");
    let usage = app.usage().await;
    assert_eq!((usage.user_images, usage.user_usd, usage.in_flight), (1, 0.048, 0), "the started one counts, once");
    assert_eq!(usage.guild_usd, 0.048, "for the server too");
    assert_eq!(usage.global_usd, 0.048, "and for the owner's month");
    let store = easel::store::sqlite::SqliteStore::open(&app.db_path).unwrap();
    let (entries, _) = easel::community::moderation::ModerationStore::audit_history(
        &store,
        easel::domain::ids::ServerId(crate::support::discord::GUILD_ID),
        None,
        0,
        10,
    )
    .await
    .unwrap();
    let logged = entries.iter().find(|e| e.tag.job_id == third.id).unwrap();
    let by = easel::community::moderation::AuditEntry::cancelled_by(logged.reason.as_deref().unwrap_or_default());
    assert_eq!(by, Some(easel::domain::ids::MemberId(moderator.id)), "who cancelled is logged, as an id");
}

async fn answer_text(app: &TestApp, click: &Sent) -> String {
    let (text, ephemeral) = app.direct_answer(click).await;
    assert!(ephemeral);
    text
}

#[tokio::test]
async fn a_full_queue_turns_requests_away_at_no_cost() {
    let app = app(&[("EASEL_OPENAI_CONCURRENCY", "1"), ("EASEL_QUEUE_MAX", "2")], Reply::Delayed(1500)).await;
    let ann = member(MEMBER_ID);
    let running = generate(&app, &ann, "one");
    app.openai.wait_for_calls(|c| c.len() == 1).await;
    let waiting: Vec<Sent> = ["two", "three"].iter().map(|p| generate(&app, &ann, p)).collect();
    queued(&app, &waiting).await;

    let turned_away = app.refusal(&generate(&app, &ann, "four")).await;

    assert!(turned_away.starts_with("Easel is busy: this server's queue of image requests is full."), "{turned_away}");
    all_delivered(&app, &[vec![running], waiting].concat()).await;
    assert_eq!(app.usage().await.user_images, 3, "the fourth cost nothing");
}

#[tokio::test]
async fn a_backend_that_is_down_holds_its_queue_then_recovers() {
    let vars = [("EASEL_BREAKER_THRESHOLD", "2"), ("EASEL_BREAKER_COOLOFF_SECS", "4"), ("EASEL_MODEL_RETRIES", "1")];
    let mut all = UNLIMITED.to_vec();
    all.extend_from_slice(&vars);
    let app = spawn_app_with(&all, |o| o.script([Reply::server_error(), Reply::server_error()])).await;

    let failed = generate(&app, &member(MEMBER_ID), "while down");
    let busy = app.explanation(&failed).await;
    let waiting = generate(&app, &member(900_000_000_000_000_044), "after");
    let requests = all_delivered(&app, std::slice::from_ref(&waiting)).await;

    assert!(busy.starts_with("The image service isn't answering right now"), "{busy}");
    let edits = edits_of(&requests, &waiting);
    let told =
        edits.iter().any(|e| e.payload["content"].as_str().unwrap_or_default().contains("not answering right now"));
    assert!(told, "the waiting member was told the service is down");
    assert_eq!(app.openai.image_calls().len(), 3, "two outages, then one probe that succeeded");
}

#[tokio::test]
async fn a_result_whose_token_is_refused_is_posted_in_the_channel_mentioning_only_the_member() {
    let app = app(&[], Reply::Base64).await;
    app.discord.fail_with_code(Method::PATCH, "/messages/@original", 401, 50027, 100);

    generate(&app, &member(MEMBER_ID), "a late fox");
    let requests = app
        .discord
        .wait_for("the channel post", |r| {
            r.iter()
                .any(|r| r.path.ends_with(&format!("/channels/{CHANNEL_ID}/messages")) && crate::support::is_result(r))
        })
        .await;

    let post = requests.iter().find(|r| r.path.ends_with(&format!("/channels/{CHANNEL_ID}/messages"))).unwrap();
    let mentions = &post.payload["allowed_mentions"];
    assert_eq!((&mentions["parse"], &mentions["users"]), (&json!([]), &json!([MEMBER_ID.to_string()])));
    assert!(mentions["roles"].as_array().is_none_or(Vec::is_empty), "{mentions}");
    assert!(post.payload["content"].as_str().unwrap().starts_with(&format!("<@{MEMBER_ID}>")));
    crate::support::assert_model_bytes_with_provenance(&post.files[0].2, &app.openai.images_made()[0]);
    assert_eq!(app.usage().await.user_images, 1, "charged once");
}

#[tokio::test]
async fn a_channel_post_whose_answer_was_lost_is_not_posted_twice_when_retried() {
    let app = app(&[], Reply::Base64).await;
    app.discord.fail_with_code(Method::PATCH, "/messages/@original", 401, 50027, 100);
    let channel_posts = format!("/channels/{CHANNEL_ID}/messages");
    app.discord.lose_answers(&channel_posts, 1);

    let sent = generate(&app, &member(MEMBER_ID), "a fox posted once");
    let requests = app
        .discord
        .wait_for("the retried post", |r| {
            r.iter().filter(|r| r.path.ends_with(&channel_posts) && crate::support::is_result(r)).count() == 2
        })
        .await;
    for _ in 0..100 {
        if app.usage().await.user_images == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let posts: Vec<&Received> =
        requests.iter().filter(|r| r.path.ends_with(&channel_posts) && crate::support::is_result(r)).collect();
    assert!(posts.iter().all(|p| p.payload["nonce"] == json!(sent.id) && p.payload["enforce_nonce"] == true));
    assert_eq!(app.discord.messages_in(CHANNEL_ID), 1, "Discord made the message once; the retry returned it");
    assert_eq!(app.usage().await.user_images, 1, "delivered and charged once");
}

#[tokio::test]
async fn without_the_token_or_the_channel_a_result_goes_by_direct_message() {
    let app = app(&[], Reply::Base64).await;
    app.discord.fail_with_code(Method::PATCH, "/messages/@original", 401, 50027, 100);
    app.discord.fail_with_code(Method::POST, &format!("/channels/{CHANNEL_ID}/messages"), 403, 50013, 100);

    generate(&app, &member(MEMBER_ID), "a private fox");
    let requests = app
        .discord
        .wait_for("the direct message", |r| {
            r.iter().any(|r| {
                r.path.ends_with(&format!("/channels/{DM_CHANNEL_ID}/messages")) && crate::support::is_result(r)
            })
        })
        .await;

    assert!(requests
        .iter()
        .any(|r| r.path.ends_with("/users/@me/channels") && r.payload["recipient_id"] == json!(MEMBER_ID.to_string())));
    assert_eq!(app.usage().await.user_images, 1);
}

// On two worker threads, as the bot runs: a burst is the one test where a single thread would measure
// the test harness rather than Easel.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_a_thousand_requests_is_acknowledged_in_time_and_settled_exactly() {
    let vars = [("EASEL_OPENAI_CONCURRENCY", "4"), ("EASEL_IMAGES_PER_DAY", "2"), ("EASEL_QUEUE_MAX", "1000")];
    let mut all = UNLIMITED.to_vec();
    all.retain(|(name, _)| *name != "EASEL_IMAGES_PER_DAY");
    all.extend_from_slice(&vars);
    let app = spawn_app_with(&all, |o| o.always(Reply::Delayed(200))).await;
    let members: Vec<Member> = (0..200).map(|i| member(900_000_000_000_200_000 + i)).collect();

    let sent: Vec<Sent> = (0..1000).map(|i| generate(&app, &members[i % 200], &format!("burst {i}"))).collect();
    let done = |r: &[Received], s: &Sent| {
        image_of(r, s).is_some()
            || r.iter().any(|r| crate::support::is_followup(r, &s.token) && r.payload["flags"] == 64)
    };
    let requests = app
        .discord
        .wait_for_within("every answer", Duration::from_secs(240), |r| sent.iter().all(|s| done(r, s)))
        .await;

    let mut slowest = Duration::ZERO;
    for s in &sent {
        let ack =
            requests.iter().find(|r| r.path.contains(&s.id) && r.path.ends_with("/callback")).expect("acknowledged");
        slowest = slowest.max(ack.at.duration_since(s.at));
    }
    assert!(slowest < Duration::from_secs(3), "every interaction acknowledged within Discord's 3 s: {slowest:?}");
    let delivered = sent.iter().filter(|s| image_of(&requests, s).is_some()).count();
    assert_eq!(delivered, 400, "two images for each of 200 members, the rest refused with a reason");
    let mut charged = 0;
    for m in &members {
        let usage = crate::support::settled_usage(&app.db_path, m.id).await;
        assert_eq!(usage.in_flight, 0);
        charged += usage.user_images;
    }
    assert_eq!(charged, 400, "the ledger is exact");
}
