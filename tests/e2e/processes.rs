//! Several Easel processes on one database (a rolling deploy, a double start): each keeps its own
//! reservations, none releases another's live jobs, so the ledger stays exact.

use axum::http::Method;
use serde_json::json;

use crate::support::discord::{Received, Sent};
use crate::support::{images_for, string, taken_over, BotProcess, FakeDiscord, FakeOpenAi, Reply};

/// One bot process with its own Discord and model stand-ins, on the shared database `db`.
async fn start_bot(dir: &std::path::Path, db: &std::path::Path) -> (BotProcess, FakeDiscord, FakeOpenAi) {
    let discord = FakeDiscord::start().await;
    let openai = FakeOpenAi::start().await;
    let bot = start_on(dir, db, &discord, &openai, &[("EASEL_IMAGES_PER_DAY", "2")]).await;
    (bot, discord, openai)
}

/// A bot process on `discord` and `openai`, on the database `db`; returns once its commands are
/// registered (again, when an earlier process registered them before).
async fn start_on(
    dir: &std::path::Path,
    db: &std::path::Path,
    discord: &FakeDiscord,
    openai: &FakeOpenAi,
    extra: &[(&str, &str)],
) -> BotProcess {
    let mut vars = vec![("EASEL_DB", db.display().to_string()), ("EASEL_MAX_IN_FLIGHT", "none".to_owned())];
    vars.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    crate::support::start_bot(dir, discord, openai, &vars).await
}

async fn ledger(db: &std::path::Path) -> easel::domain::limits::Usage {
    crate::support::settled_usage(db, crate::support::discord::MEMBER_ID).await
}

fn fresh_dir(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("easel-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("easel.db");
    (dir, db)
}

#[tokio::test]
async fn a_process_killed_mid_job_has_its_jobs_finished_by_the_next_once() {
    let (dir, db) = fresh_dir("killed");
    let (discord, openai) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    openai.always(Reply::Delayed(3000));
    let first = start_on(&dir, &db, &discord, &openai, &[]).await;
    let sent: Vec<Sent> =
        (0..2).map(|i| discord.invoke("generate", json!([string("prompt", &format!("fox {i}"))]), json!({}))).collect();
    openai.wait_for_calls(|calls| calls.len() == 2).await;

    first.signal("KILL");
    let (_, _) = first.exited().await;
    openai.always(Reply::Base64);
    // The restart sees the killed process is gone (its pid) and takes over at once, lease or not.
    let second = start_on(&dir, &db, &discord, &openai, &[]).await;
    discord.wait_for("both images", |r| sent.iter().all(|s| images_for(r, s) > 0)).await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;

    let (status, logs) = second.terminate().await;
    assert!(status.success(), "{logs}");
    for s in &sent {
        assert_eq!(images_for(&discord.requests(), s), 1, "delivered exactly once");
    }
    assert!(logs.contains("took over jobs left by a process that stopped"), "{logs}");
    let usage = ledger(&db).await;
    assert_eq!((usage.user_images, usage.in_flight), (2, 0), "charged once each, nothing held");
}

#[tokio::test]
async fn sigterm_finishes_the_running_job_and_the_next_start_delivers_the_queued_ones() {
    let (dir, db) = fresh_dir("sigterm");
    let (discord, openai) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    openai.always(Reply::Delayed(3000));
    let settings = [("EASEL_OPENAI_CONCURRENCY", "1"), ("EASEL_SHUTDOWN_GRACE_SECS", "20")];
    let first = start_on(&dir, &db, &discord, &openai, &settings).await;
    let sent: Vec<Sent> =
        (0..3).map(|i| discord.invoke("generate", json!([string("prompt", &format!("owl {i}"))]), json!({}))).collect();
    openai.wait_for_calls(|calls| calls.len() == 1).await;

    first.signal("TERM");
    // Well inside the running job's three seconds: the bot is stopping but still connected.
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    let late = discord.invoke("generate", json!([string("prompt", "too late")]), json!({}));
    let (status, logs) = first.exited().await;
    let after_stop = discord.requests();
    openai.always(Reply::Base64);
    let second = start_on(&dir, &db, &discord, &openai, &settings).await;
    discord.wait_for("every image", |r| sent.iter().all(|s| images_for(r, s) > 0)).await;
    let (second_status, second_logs) = second.terminate().await;

    assert!(status.success(), "a clean stop: {logs}");
    let before_exit: Vec<usize> = sent.iter().map(|s| images_for(&after_stop, s)).collect();
    assert_eq!(
        before_exit.iter().sum::<usize>(),
        1,
        "the running job finished before the exit, the rest waited: {logs}"
    );
    let refusal = after_stop.iter().find(|r| r.path.contains(&late.id) && r.path.ends_with("/callback")).unwrap();
    assert!(refusal.payload["data"]["content"].as_str().unwrap().starts_with("Easel is restarting right now."));
    assert!(second_status.success(), "{second_logs}");
    for s in &sent {
        assert_eq!(images_for(&discord.requests(), s), 1, "delivered exactly once");
    }
    let usage = ledger(&db).await;
    assert_eq!((usage.user_images, usage.in_flight), (3, 0));
}

fn delivered(requests: &[Received]) -> usize {
    requests.iter().filter(|r| r.method == Method::PATCH && crate::support::is_result(r)).count()
}

#[tokio::test]
async fn a_second_process_on_the_same_database_leaves_the_firsts_live_jobs_alone() {
    let dir = std::env::temp_dir().join(format!("easel-two-processes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = dir.join("easel.db");
    let (first, first_discord, first_model) = start_bot(&dir, &db).await;
    first_model.always(Reply::Delayed(4000));
    let mine: Vec<_> = (0..2)
        .map(|i| first_discord.invoke("generate", json!([string("prompt", &format!("slow fox {i}"))]), json!({})))
        .collect();
    first_model.wait_for_calls(|calls| calls.len() == 2).await;

    // Started while the first process's two images are still being made, as a rolling deploy would.
    let (second, second_discord, second_model) = start_bot(&dir, &db).await;
    let theirs: Vec<_> = (0..2)
        .map(|i| second_discord.invoke("generate", json!([string("prompt", &format!("quick owl {i}"))]), json!({})))
        .collect();
    let answers = second_discord
        .wait_for("both refusals", |r| {
            r.iter().filter(|r| r.method == Method::POST && r.payload["flags"] == 64).count() == 2
        })
        .await;
    let delivered_first = first_discord.wait_for("the slow images", |r| delivered(r) == 2).await;

    for sent in &theirs {
        let answer = answers.iter().find(|r| r.payload["flags"] == 64 && r.path.contains(&sent.token)).unwrap();
        let text = answer.payload["content"].as_str().unwrap_or_default();
        assert!(text.starts_with("Daily image limit reached: 0 left of 2"), "{text}");
    }
    assert!(second_model.image_calls().is_empty(), "the second process made no image");
    assert_eq!(delivered(&delivered_first), mine.len());
    let (first_status, first_logs) = first.terminate().await;
    let (second_status, second_logs) = second.terminate().await;
    assert!(first_status.success() && second_status.success(), "{first_logs}\n{second_logs}");
    assert!(!second_logs.contains("released reservations"), "the second process released nothing:\n{second_logs}");
    let usage = ledger(&db).await;
    assert_eq!((usage.user_images, usage.in_flight), (2, 0), "two images charged, as the limit allows");
}

/// One race: a member sends `each` requests to each of two processes sharing one SQLite file at once;
/// returns the images they received and the images the ledger charged.
async fn race_two_processes_on_one_file(round: usize, each: usize, extra: &[(&str, &str)]) -> (usize, u32) {
    let (dir, db) = fresh_dir(&format!("sqlite-race-{round}"));
    let (first_discord, first_model) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    let (second_discord, second_model) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    first_model.always(Reply::Delayed(3500));
    second_model.always(Reply::Delayed(3500));
    let first = start_on(&dir.join("a"), &db, &first_discord, &first_model, extra).await;
    let second = start_on(&dir.join("b"), &db, &second_discord, &second_model, extra).await;
    let mut sent = Vec::new();
    for i in 0..each {
        for discord in [&first_discord, &second_discord] {
            let prompt = format!("racing fox {i}");
            sent.push((discord.clone(), discord.invoke("generate", json!([string("prompt", &prompt)]), json!({}))));
        }
    }
    for (discord, one) in &sent {
        let token = one.token.clone();
        discord
            .wait_for("an answer", |r| {
                r.iter().any(|r| r.path.contains(&token) && (crate::support::is_result(r) || r.payload["flags"] == 64))
            })
            .await;
    }
    let images: usize = sent.iter().map(|(discord, one)| images_for(&discord.requests(), one)).sum();
    let (_, first_logs) = first.terminate().await;
    let (_, second_logs) = second.terminate().await;
    let usage = ledger(&db).await;
    assert_eq!(usage.in_flight, 0, "{first_logs}\n{second_logs}");
    (images, usage.user_images)
}

#[tokio::test]
async fn a_member_racing_two_processes_on_one_sqlite_file_never_passes_the_daily_limit() {
    // A short lease: a process whose heartbeat is late (the file is busy with the race) looks stopped to
    // the other, which takes its jobs over while it still works on them.
    let extra = [("EASEL_IMAGES_PER_DAY", "3"), ("EASEL_LEASE_SECS", "3")];
    for round in 0..4 {
        let (images, charged) = race_two_processes_on_one_file(round, 10, &extra).await;
        assert_eq!((images, charged), (3, 3), "round {round}: exactly the limit, delivered and charged");
    }
}

#[tokio::test]
async fn a_process_paused_past_its_lease_finds_its_job_taken_over_and_posts_nothing() {
    let (dir, db) = fresh_dir("paused");
    let lease = [("EASEL_LEASE_SECS", "3")];
    let (paused_discord, paused_model) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    let (other_discord, other_model) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    paused_model.always(Reply::Delayed(6000));
    let paused = start_on(&dir.join("a"), &db, &paused_discord, &paused_model, &lease).await;
    let other = start_on(&dir.join("b"), &db, &other_discord, &other_model, &lease).await;
    let sent = paused_discord.invoke("generate", json!([string("prompt", "a patient owl")]), json!({}));
    paused_model.wait_for_calls(|calls| calls.len() == 1).await;

    // Stopped mid-call (a long GC pause, a frozen VM): its heartbeat goes stale and the other takes over.
    paused.signal("STOP");
    other_discord
        .wait_for_within("the other's delivery", std::time::Duration::from_secs(30), |r| images_for(r, &sent) == 1)
        .await;
    paused.signal("CONT");
    // The paused process's own model call now returns: it must notice it lost the job and stop.
    tokio::time::sleep(std::time::Duration::from_secs(7)).await;

    let (_, paused_logs) = paused.terminate().await;
    let (_, other_logs) = other.terminate().await;
    assert_eq!(images_for(&paused_discord.requests(), &sent), 0, "the paused process posted nothing:\n{paused_logs}");
    assert_eq!(images_for(&other_discord.requests(), &sent), 1, "{other_logs}");
    let usage = ledger(&db).await;
    assert_eq!((usage.user_images, usage.in_flight), (1, 0), "charged once, nothing held");
}

#[tokio::test]
async fn a_killed_processs_job_is_delivered_by_another_running_one_within_fifteen_seconds() {
    let (dir, db) = fresh_dir("takeover");
    let (dying_discord, dying_model) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    let (other_discord, other_model) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    dying_model.always(Reply::Hang);
    // The default lease and heartbeat: what an owner running two processes gets.
    let dying = start_on(&dir.join("a"), &db, &dying_discord, &dying_model, &[]).await;
    let other = start_on(&dir.join("b"), &db, &other_discord, &other_model, &[]).await;
    let sent = dying_discord.invoke("generate", json!([string("prompt", "an owl that outlives its bot")]), json!({}));
    dying_model.wait_for_calls(|calls| calls.len() == 1).await;

    let taken = taken_over(dying, &other_discord, &sent).await;
    println!("taken over and delivered {taken:?} after the kill");

    let (_, other_logs) = other.terminate().await;
    assert!(taken <= std::time::Duration::from_secs(15), "delivered {taken:?} after the kill:\n{other_logs}");
    assert_eq!(images_for(&other_discord.requests(), &sent), 1, "posted once");
    let usage = ledger(&db).await;
    assert_eq!((usage.user_images, usage.in_flight), (1, 0), "charged once, nothing held");
}
