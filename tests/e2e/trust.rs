//! Trust, tried as a determined member, a helper with one channel's rights and a stranger would
//! (issue 24): cancels that cost, server-level rights, one admission for every way in, screened texts,
//! request cards with limits, failed paid calls counted, the owner's list of servers and budget cap.

use axum::http::Method;
use serde_json::{json, Value};

use crate::support::discord::{Member, Received, Sent, GUILD_ID, MEMBER_ID, MODERATOR};
use crate::support::{channel_option, member_option, spawn_app_with, string, subcommand, Reply, TestApp};
use easel::domain::ids::ServerId;

const REQUESTS: u64 = 900_000_000_000_000_121;

fn manager() -> Member {
    Member::manager(900_000_000_000_000_098)
}

/// Whatever the bot told the member about `sent`: its direct answer, the edit of its deferral, or an
/// ephemeral follow-up. Asserts nobody else saw it and nobody was pinged.
async fn told(app: &TestApp, sent: &Sent) -> String {
    let token = sent.token.clone();
    let id = sent.id.clone();
    let is_told = move |r: &Received| {
        (r.path.contains(&id) && r.path.ends_with("/callback") && r.payload["type"] == 4)
            || (r.path.contains(&token) && r.method == Method::PATCH && r.path.ends_with("/@original"))
            || crate::support::is_followup(r, &token)
    };
    let requests = app.discord.wait_for("the answer", |r| r.iter().any(&is_told)).await;
    let answer = requests.iter().find(|r| is_told(r)).unwrap();
    let message = if answer.path.ends_with("/callback") { &answer.payload["data"] } else { &answer.payload };
    assert_eq!(message["allowed_mentions"]["parse"], json!([]), "pings nobody: {message}");
    if answer.method != Method::PATCH {
        assert_eq!(message["flags"], 64, "only the member sees it: {message}");
    } else {
        let deferral = requests.iter().find(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")).unwrap();
        assert_eq!(deferral.payload["data"]["flags"], 64, "deferred privately: {}", deferral.payload);
    }
    message["content"].as_str().unwrap_or_default().to_owned()
}

/// `/generate prompt` by the default member, waited for until its image reached Discord.
async fn delivered(app: &TestApp, prompt: &str) -> (Sent, Value) {
    let sent = app.discord.invoke("generate", json!([string("prompt", prompt)]), json!({}));
    app.discord
        .wait_for("the result", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    (sent, app.discord.last_result())
}

/// Waits until the delivered job's audit row is written (just after its image reached Discord).
async fn logged(app: &TestApp) {
    use easel::community::moderation::ModerationStore;
    let store = easel::store::sqlite::SqliteStore::open(&app.db_path).unwrap();
    for _ in 0..200 {
        if !store.audit_history(ServerId(GUILD_ID), None, 0, 10).await.unwrap().0.is_empty() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the delivered job was never logged");
}

/// Chooses the requests channel as a manager.
async fn requests_channel(app: &TestApp) {
    let (option, resolved) = channel_option("channel", REQUESTS);
    let set = app.discord.invoke_as(&manager(), "requests", subcommand("channel", json!([option])), resolved);
    assert!(app.direct_answer(&set).await.0.contains(&format!("<#{REQUESTS}>")));
}

fn cards_posted(app: &TestApp) -> usize {
    let path = format!("/api/v10/channels/{REQUESTS}/messages");
    app.discord.requests().iter().filter(|r| r.method == Method::POST && r.path == path).count()
}

#[tokio::test]
async fn a_cancel_after_the_model_started_counts_like_a_delivered_image_and_usage_says_so() {
    let app = spawn_app_with(&[("EASEL_COOLDOWN_SECS", "600")], |o| o.always(Reply::Delayed(3000))).await;
    app.discord.invoke("generate", json!([string("prompt", "a paper crane")]), json!({}));
    app.openai.wait_for_calls(|c| c.len() == 1).await;

    let cancel = app.discord.invoke("cancel", json!([]), json!({}));
    assert_eq!(
        told(&app, &cancel).await,
        "Cancelled. The model had already started, so it counts towards the limits at its estimate ($0.048)."
    );
    let again = app.discord.invoke("generate", json!([string("prompt", "another crane")]), json!({}));
    let refused = told(&app, &again).await;
    let usage = app.discord.invoke("usage", json!([]), json!({}));
    let report = told(&app, &usage).await;

    assert!(refused.starts_with("Please wait a little between requests"), "the cooldown started: {refused}");
    assert_eq!(app.openai.image_calls().len(), 1, "a cancel-and-ask-again loop gets no second call");
    assert!(report.contains("Includes 1 image(s) you cancelled after the model had started"), "{report}");
    let used = app.usage().await;
    assert_eq!((used.user_images, used.user_usd, used.guild_usd, used.global_usd), (1, 0.048, 0.048, 0.048));
}

#[tokio::test]
async fn manage_messages_in_one_channel_is_not_a_moderator_but_a_role_granting_it_is() {
    let app = spawn_app_with(&[], |_| {}).await;
    let helpers = 900_000_000_000_000_064;
    app.discord.add_role(helpers, 0x2000);
    let (first, message) = delivered(&app, "a fox").await;
    // Discord computes Manage Messages for this channel (an overwrite); none of the helper's roles grant it.
    let helper = Member { id: 900_000_000_000_000_061, roles: Vec::new(), permissions: MODERATOR };

    let delete = app.discord.click_on(&helper, &message, &format!("easel:delete:{}", first.id));
    let refused_delete = told(&app, &delete).await;
    let history = app.discord.invoke_as(&helper, "moderation", subcommand("history", json!([])), json!({}));
    let refused_history = told(&app, &history).await;
    let (user, resolved) = member_option(MEMBER_ID);
    let block = subcommand("block", json!([user, {"name": "hours", "type": 10, "value": 1.0}]));
    let refused_block = told(&app, &app.discord.invoke_as(&helper, "limits", block, resolved)).await;

    assert!(refused_delete.starts_with("Only the member who asked for this image, or a moderator"), "{refused_delete}");
    assert!(refused_history.starts_with("Only this server's moderators"), "{refused_history}");
    assert!(refused_block.starts_with("Only"), "{refused_block}");
    assert!(app.discord.stored_message(message["id"].as_str().unwrap()).is_some(), "the result is still there");

    let moderator = Member { id: 900_000_000_000_000_062, roles: vec![helpers], permissions: MODERATOR };
    logged(&app).await;
    let history = app.discord.invoke_as(&moderator, "moderation", subcommand("history", json!([])), json!({}));
    let page = told(&app, &history).await;
    assert!(page.contains("a fox"), "a role granting Manage Messages reads the history: {page}");
    let delete = app.discord.click_on(&moderator, &message, &format!("easel:delete:{}", first.id));
    assert_eq!(told(&app, &delete).await, "Deleted.");
    assert!(app.discord.stored_message(message["id"].as_str().unwrap()).is_none());
    assert!(app.discord.guild_reads() <= 2, "the server's roles are cached, not asked per click");
}

#[tokio::test]
async fn with_approval_for_everyone_a_re_roll_becomes_a_request_card_not_a_job() {
    let app = spawn_app_with(&[], |_| {}).await;
    let (first, message) = delivered(&app, "a lighthouse").await;
    requests_channel(&app).await;
    let policy = app.discord.invoke_as(
        &manager(),
        "requests",
        subcommand("policy", json!([string("mode", "everyone")])),
        json!({}),
    );
    let set = app.direct_answer(&policy).await.0;
    assert_eq!(set, "Every member's request now needs a moderator's approval.");

    let reroll = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:reroll:{}", first.id));
    let text = told(&app, &reroll).await;

    assert!(text.starts_with(&format!("Your request is posted in <#{REQUESTS}>")), "{text}");
    assert_eq!(cards_posted(&app), 1, "a card for the moderators");
    assert_eq!(app.openai.image_calls().len(), 1, "the click started no job");
}

#[tokio::test]
async fn the_edit_forms_instruction_and_a_requests_note_are_screened_like_prompts() {
    let app = spawn_app_with(&[], |_| {}).await;
    let (first, message) = delivered(&app, "a market").await;
    requests_channel(&app).await;
    let add = json!([{"name": "blocklist", "type": 2, "options": [{"name": "add", "type": 1,
        "options": [string("pattern", "goblin")]}]}]);
    assert!(app
        .direct_answer(&app.discord.invoke_as(&manager(), "moderation", add, json!({})))
        .await
        .0
        .contains("goblin"));

    let edit = app.discord.submit_modal(
        &Member::ordinary(),
        &message,
        &format!("easel-edit:{}", first.id),
        &[("instruction", "add a goblin"), ("image", "1")],
    );
    let edit_refused = told(&app, &edit).await;
    let request = app.discord.invoke(
        "request",
        json!([string("prompt", "a fair"), string("note", "with a goblin please")]),
        json!({}),
    );
    let note_refused = told(&app, &request).await;

    assert!(edit_refused.starts_with("This prompt breaks this server's rules"), "{edit_refused}");
    assert!(note_refused.starts_with("This prompt breaks this server's rules"), "{note_refused}");
    assert_eq!(app.openai.image_calls().len(), 1, "neither reached the model");
    assert_eq!(cards_posted(&app), 0, "nor the requests channel");
}

#[tokio::test]
async fn request_cards_keep_blocks_and_at_most_the_owners_number_open() {
    let app = spawn_app_with(&[("EASEL_REQUESTS_OPEN_MAX", "2")], |_| {}).await;
    requests_channel(&app).await;
    for prompt in ["a kite", "a boat"] {
        let sent = app.discord.invoke("request", json!([string("prompt", prompt)]), json!({}));
        assert!(told(&app, &sent).await.starts_with("Your request is posted"));
    }
    let third = app.discord.invoke("request", json!([string("prompt", "a train")]), json!({}));
    let too_many = told(&app, &third).await;

    let (user, resolved) = member_option(900_000_000_000_000_063);
    let block = subcommand("block", json!([user, {"name": "hours", "type": 10, "value": 1.0}]));
    app.direct_answer(&app.discord.invoke_as(&manager(), "limits", block, resolved)).await;
    let blocked = Member { id: 900_000_000_000_000_063, ..Member::ordinary() };
    let sent = app.discord.invoke_as(&blocked, "request", json!([string("prompt", "a bike")]), json!({}));
    let refused = told(&app, &sent).await;

    assert!(too_many.starts_with("You already have 2 open request(s) here"), "{too_many}");
    assert!(refused.starts_with("You can't use Easel in this server right now"), "{refused}");
    assert_eq!(cards_posted(&app), 2);
}

#[tokio::test]
async fn a_result_that_arrives_broken_counts_for_the_owner_and_never_for_the_member() {
    let app = spawn_app_with(&[], |o| o.always(Reply::HalfPng)).await;
    let sent = app.discord.invoke("generate", json!([string("prompt", "a vase")]), json!({}));
    app.explanation(&sent).await;

    let used = app.usage().await;
    assert_eq!((used.user_images, used.user_usd), (0, 0.0), "the member is not charged");
    assert!(used.global_usd > 0.0, "the owner's month counts the paid call");
    let server = json!([{"name": "server", "type": 5, "value": true}]);
    let report = told(&app, &app.discord.invoke_as(&manager(), "usage", server, json!({}))).await;
    assert!(report.contains("Spent on failed jobs"), "{report}");
}

#[tokio::test]
async fn a_server_the_owner_did_not_list_gets_one_polite_refusal_and_no_work() {
    let app = spawn_app_with(&[("EASEL_GUILDS", "900000000000000777")], |_| {}).await;
    let sent = app.discord.invoke("generate", json!([string("prompt", "a fox")]), json!({}));
    let (text, ephemeral) = app.direct_answer(&sent).await;
    assert!(ephemeral);
    assert_eq!(text, "Easel is not enabled in this server. Its owner chooses the servers it works in.");
    assert!(app.openai.image_calls().is_empty());
}

#[tokio::test]
async fn a_servers_admins_move_its_budget_only_up_to_the_owners_cap() {
    let app = spawn_app_with(&[("EASEL_GUILD_USD_PER_DAY", "2")], |_| {}).await;
    let set = |value: &str| {
        let options = subcommand("set", json!([string("limit", "guild_usd_per_day"), string("value", value)]));
        app.discord.invoke_as(&manager(), "limits", options, json!({}))
    };
    let none = app.direct_answer(&set("none")).await.0;
    let above = app.direct_answer(&set("25")).await.0;
    let within = app.direct_answer(&set("15")).await.0;

    let cap = "The bot's owner caps a server's daily budget at $20.00: choose a value from 0 to that.";
    assert_eq!((none.as_str(), above.as_str()), (cap, cap));
    assert!(within.ends_with("is now $15.00."), "{within}");
}

#[tokio::test]
async fn a_private_jobs_failure_never_reaches_the_channel_even_when_its_member_cannot_be_reached() {
    let app = spawn_app_with(&[], |o| o.always(Reply::moderation_blocked())).await;
    let private = app.discord.invoke("settings", json!([{"name": "public", "type": 5, "value": false}]), json!({}));
    app.direct_answer(&private).await;
    let dm = format!("/channels/{}/messages", crate::support::discord::DM_CHANNEL_ID);
    app.discord.fail_with_code(Method::POST, "/webhooks/", 401, 50027, 100);
    app.discord.fail_with_code(Method::PATCH, "/messages/@original", 401, 50027, 100);
    app.discord.fail_with_code(Method::POST, &dm, 403, 50007, 100);

    app.discord.invoke("generate", json!([string("prompt", "a secret garden")]), json!({}));
    app.discord.wait_for("the direct message tried", |r| r.iter().any(|r| r.path.ends_with(&dm))).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    let channel = format!("/channels/{}/messages", crate::support::discord::CHANNEL_ID);
    let posted: Vec<Received> = app.discord.requests().into_iter().filter(|r| r.path.ends_with(&channel)).collect();
    assert!(posted.is_empty(), "nothing about a private job in the channel: {posted:?}");
    // Kept for the member: `/usage` (answered privately, at once) tells them.
    let (usage, ephemeral) = app.direct_answer(&app.discord.invoke("usage", json!([]), json!({}))).await;
    assert!(ephemeral);
    assert!(usage.contains("Your latest private request that made no image"), "{usage}");
    assert!(usage.contains("content policy"), "with what they were told: {usage}");
}

#[tokio::test]
async fn an_echoed_prompt_cannot_reorder_text_or_hide_a_link() {
    let app = spawn_app_with(&[], |_| {}).await;
    let (_, message) = delivered(&app, "[free nitro](https://evil.example) a \u{202E}xof\u{202C}").await;

    let description = message["embeds"][0]["description"].as_str().unwrap();
    assert_eq!(description, "\\[free nitro\\](https://evil.example) a xof");
}

#[tokio::test]
async fn a_store_that_refuses_writes_for_seconds_mid_job_still_delivers_once_and_charges_once() {
    let app = spawn_app_with(&[("EASEL_LEASE_SECS", "3")], |o| o.always(Reply::Delayed(1000))).await;
    let sent = app.discord.invoke("generate", json!([string("prompt", "a patient heron")]), json!({}));
    app.openai.wait_for_calls(|c| c.len() == 1).await;

    // Another program holds the database's write lock for longer than one write waits (5 s): the
    // job's "generated" write fails at first, and is retried.
    let db = app.db_path.clone();
    let held = tokio::task::spawn_blocking(move || {
        let mut other = rusqlite::Connection::open(db).unwrap();
        let lock = other.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
        std::thread::sleep(std::time::Duration::from_secs(8));
        lock.commit().unwrap();
    });
    let requests = app
        .discord
        .wait_for_within("the image", std::time::Duration::from_secs(60), |r| {
            r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r))
        })
        .await;
    held.await.unwrap();

    let posted = requests.iter().filter(|r| r.path.contains(&sent.token) && crate::support::is_result(r)).count();
    assert_eq!(posted, 1, "delivered once");
    let used = crate::support::settled_usage(&app.db_path, MEMBER_ID).await;
    assert_eq!((used.user_images, used.in_flight), (1, 0), "charged once, nothing left reserved, no restart");
}

#[tokio::test]
async fn the_deferral_never_waits_on_a_stalled_store_and_keeps_a_private_members_answer_private() {
    let Some(schema) = crate::support::postgres::Schema::create("deferral_from_memory").await else { return };
    let url = schema.url();
    let app = spawn_app_with(&[("EASEL_DATABASE_URL", &url)], |_| {}).await;
    let private = app.discord.invoke("settings", json!([{"name": "public", "type": 5, "value": false}]), json!({}));
    app.direct_answer(&private).await;

    // Another session locks the settings and the requests boards: any read of them now waits.
    let table = |t: &str| format!("{}.{t}", schema.name);
    schema.admin.batch_execute("BEGIN").await.unwrap();
    let lock = format!("LOCK TABLE {}, {} IN ACCESS EXCLUSIVE MODE", table("member_settings"), table("request_boards"));
    schema.admin.batch_execute(&lock).await.unwrap();
    let sent = app.discord.invoke("generate", json!([string("prompt", "a secret garden")]), json!({}));
    let requests = app
        .discord
        .wait_for("the deferral", |r| r.iter().any(|r| r.path.contains(&sent.id) && r.path.ends_with("/callback")))
        .await;
    let deferral = requests.iter().find(|r| r.path.contains(&sent.id)).unwrap();
    let waited = deferral.at.duration_since(sent.at);
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    schema.admin.batch_execute("COMMIT").await.unwrap();

    assert!(waited < std::time::Duration::from_millis(1500), "answered from memory in {waited:?}");
    assert_eq!((&deferral.payload["type"], &deferral.payload["data"]["flags"]), (&json!(5), &json!(64)), "private");
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    app.stop().await;
    schema.remove().await;
}

#[tokio::test]
async fn a_click_acts_only_on_the_job_its_message_carries_and_a_result_is_shown_only_in_its_server() {
    let app = spawn_app_with(&[], |_| {}).await;
    let (first, message) = delivered(&app, "a fox").await;
    let (second, _) = delivered(&app, "an owl").await;

    // A hand-made click: the first result's message, the second job's button.
    let forged = app.discord.click_on(&Member::ordinary(), &message, &format!("easel:reroll:{}", second.id));
    let refused = told(&app, &forged).await;
    let elsewhere = app.discord.invoke_in_guild(
        crate::support::discord::GUILD_ON_SHARD_0,
        "show",
        json!([string("job", &first.id)]),
    );
    let not_there = told(&app, &elsewhere).await;

    assert!(refused.starts_with("I no longer have that result on record"), "{refused}");
    assert_eq!(app.openai.image_calls().len(), 2, "no job from the forged click");
    assert_eq!(not_there, format!("I have no image job `{}` on record.", first.id));
}

#[tokio::test]
async fn a_requester_cannot_vote_for_their_own_card() {
    let app = spawn_app_with(&[], |_| {}).await;
    requests_channel(&app).await;
    let sent = app.discord.invoke("request", json!([string("prompt", "a kite festival")]), json!({}));
    assert!(told(&app, &sent).await.starts_with("Your request is posted"));
    let card = app.discord.card(&sent.id).expect("the card");

    let own = app.discord.click_on(&Member::ordinary(), &card, &format!("easel-req:vote:{}", sent.id));

    assert_eq!(told(&app, &own).await, "You can't vote for your own request.");
    let votes = easel::desk::RequestStore::community_request(
        &easel::store::sqlite::SqliteStore::open(&app.db_path).unwrap(),
        &sent.id,
    )
    .await
    .unwrap()
    .unwrap()
    .votes;
    assert_eq!(votes, 0);
}

#[tokio::test]
async fn members_words_past_the_retention_period_are_gone_after_a_restart_and_the_charge_stays() {
    let app = spawn_app_with(&[], |_| {}).await;
    let (sent, _) = delivered(&app, "a very private poem").await;
    logged(&app).await;
    let db = app.db_path.clone();
    app.stop().await;
    // The job, its log entry and its ledger row are made two days older.
    let two_days = 2 * 86_400_000_i64;
    let file = rusqlite::Connection::open(&db).unwrap();
    for table in ["jobs", "audit", "ledger"] {
        file.execute(&format!("UPDATE {table} SET created_at = created_at - ?1"), [two_days]).unwrap();
    }
    drop(file);

    let again = spawn_app_with(&[("EASEL_DB", &db.display().to_string()), ("EASEL_RETAIN_DAYS", "1")], |_| {}).await;
    let store = easel::store::sqlite::SqliteStore::open(&db).unwrap();
    let mut forgotten = false;
    for _ in 0..100 {
        let job = easel::jobs::queue::JobStore::job(&store, &sent.id.as_str().into()).await.unwrap().unwrap();
        let (entries, _) =
            easel::community::moderation::ModerationStore::audit_history(&store, ServerId(GUILD_ID), None, 0, 10)
                .await
                .unwrap();
        if job.request.prompt.is_none() && entries.iter().all(|e| !e.prompt.contains("poem")) {
            forgotten = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    assert!(forgotten, "the prompt is gone from the job and the log at start-up");
    let ledger = easel::domain::ledger::LedgerState::Committed;
    assert_eq!(
        easel::domain::ledger::Store::ledger_state(&store, &sent.id.as_str().into()).await.unwrap(),
        Some(ledger),
        "the charge stays"
    );
    again.stop().await;
}

#[tokio::test]
async fn a_burst_from_a_server_whose_roles_are_not_cached_asks_discord_for_them_once() {
    let app = spawn_app_with(&[], |_| {}).await;
    let sent: Vec<Sent> = (0..20)
        .map(|i| {
            let member = Member { id: 900_000_000_000_000_500 + i, ..Member::ordinary() };
            app.discord.invoke_as(&member, "usage", json!([]), json!({}))
        })
        .collect();
    for one in &sent {
        app.direct_answer(one).await;
    }
    assert_eq!(app.discord.guild_reads(), 1, "one GET /guilds/{{id}} for the whole burst");
}

#[tokio::test]
async fn a_manager_is_answered_within_discords_deadline_when_discord_is_slow_to_say_who_holds_which_role() {
    let app = spawn_app_with(&[], |_| {}).await;
    app.discord.delay_guild_reads(std::time::Duration::from_secs(6));
    let policy = subcommand("policy", json!([string("mode", "everyone")]));

    let slow = app.discord.invoke_as(&manager(), "requests", policy, json!({}));
    let (refused, private) = app.direct_answer(&slow).await;
    let callback = app.discord.requests().into_iter().find(|r| r.path.contains(&slow.id)).unwrap();

    assert!(callback.at.duration_since(slow.at) < std::time::Duration::from_millis(2500), "within Discord's 3 s");
    assert!(refused.starts_with("Only members who can manage the server"), "fails closed: {refused}");
    assert!(private, "the refusal is the manager's alone");

    app.discord.delay_guild_reads(std::time::Duration::ZERO);
    requests_channel(&app).await; // once Discord answers, the manager is a manager again
}
