//! Recovery from a crash, with jobs left in the database exactly as a process that died would leave
//! them: generated but not delivered, with a live or an expired token, or interrupted too many times.

use std::path::PathBuf;
use std::time::Duration;

use easel::domain::ledger::{Charge, InstanceId};
use easel::domain::request::{Command, JobId, JobRequest, JobTag, Requester};
use easel::jobs::queue::{JobState, JobStore, QueueCaps, StoredJob, StoredResult, Ticket};
use easel::media::spool::Spool;
use easel::store::sqlite::SqliteStore;

use crate::support::discord::{Received, CHANNEL_ID, GUILD_ID, MEMBER_ID};
use crate::support::{spawn_app_with, TestApp};

const JOB: &str = "960000000000000001";
const TOKEN: &str = "token-crashed";

/// A database (and spool) where a process that crashed left one job in `state`, having started it
/// `attempts` times, its token valid for `token_minutes` more.
struct Crashed {
    db: PathBuf,
    store: SqliteStore,
    spool: Spool,
    pixels: Vec<u8>,
    files: Vec<String>,
}

async fn crashed(name: &str, state: JobState, attempts: u32, token_minutes: i64) -> Crashed {
    let db = std::env::temp_dir().join(format!("easel-crashed-{name}-{}", std::process::id())).join("easel.db");
    let _ = std::fs::remove_dir_all(db.parent().unwrap());
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let store = SqliteStore::open(&db).unwrap();
    let spool = Spool::open(&db.parent().unwrap().join("spool")).unwrap();
    let now = chrono::Utc::now();
    let requester = Requester {
        user_id: MEMBER_ID,
        guild_id: Some(GUILD_ID),
        channel_id: CHANNEL_ID,
        roles: Vec::new(),
        is_manager: false,
        locale: None,
    };
    let request = JobRequest {
        prompt: Some("a fox made before the crash".into()),
        ..JobRequest::new(JobId(JOB.into()), Command::Generate, requester, 10 << 20)
    };
    let dead = InstanceId("a-process-that-crashed".into());
    let ticket =
        Ticket { token: easel::secret::Secret::new(TOKEN), expires_at: now + chrono::Duration::minutes(token_minutes) };
    let job = StoredJob::queued(request, easel::domain::catalogue::BackendKind::Openai, ticket);
    let charge = Charge {
        tag: JobTag {
            job_id: JOB.into(),
            guild_id: Some(GUILD_ID),
            channel_id: CHANNEL_ID,
            user_id: MEMBER_ID,
            command: "generate".into(),
            model: "gpt-image-2".into(),
        },
        images: 1,
        usd: 0.042,
        owner: dead.clone(),
    };
    let caps = QueueCaps { per_guild: 10, total: 10 };
    store
        .enqueue(&job, &charge, &easel::domain::limits::Limits::new([None; 6], false), false, caps, now)
        .await
        .unwrap();
    for _ in 0..attempts {
        store.start(&JobId::from(JOB), &dead, now).await.unwrap();
        if state == JobState::Running {
            store.requeue(&JobId::from(JOB), now).await.unwrap();
        }
    }
    if state == JobState::Running {
        store.start(&JobId::from(JOB), &dead, now).await.unwrap();
    }
    let pixels = crate::support::png(40, 30, [1, 2, 3]);
    let mut files = Vec::new();
    if state == JobState::Generated {
        let image =
            easel::media::imaging::EncodedImage { bytes: pixels.clone(), extension: "png", width: 40, height: 30 };
        files = spool.write(JOB, &[image]).await.unwrap();
        let result = StoredResult { files: files.clone(), cost_usd: 0.03, from_usage: true, ..StoredResult::default() };
        let fence = easel::jobs::queue::Fence { owner: dead.clone(), attempt: attempts };
        assert!(store.generated(&JobId::from(JOB), &fence, &result, now).await.unwrap());
    }
    Crashed { db, store, spool, pixels, files }
}

async fn restart(crashed: &Crashed) -> TestApp {
    spawn_app_with(&[("EASEL_DB", &crashed.db.display().to_string())], |_| {}).await
}

async fn ended(crashed: &Crashed) -> JobState {
    for _ in 0..200 {
        let state = crashed.store.job(&JobId::from(JOB)).await.unwrap().unwrap().state;
        if state.is_final() {
            return state;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the job never ended");
}

fn channel_post(r: &Received) -> bool {
    r.path.ends_with(&format!("/channels/{CHANNEL_ID}/messages")) && crate::support::is_result(r)
}

#[tokio::test]
async fn a_job_generated_before_a_crash_is_delivered_from_the_spool_without_another_model_call() {
    let crashed = crashed("spooled", JobState::Generated, 1, 10).await;

    let app = restart(&crashed).await;
    let requests = app
        .discord
        .wait_for("the spooled image", |r| r.iter().any(|r| r.path.contains(TOKEN) && crate::support::is_result(r)))
        .await;

    let delivered = requests.iter().find(|r| r.path.contains(TOKEN) && crate::support::is_result(r)).unwrap();
    assert_eq!(delivered.files[0].2, crashed.pixels, "the spooled pixels");
    assert!(app.openai.image_calls().is_empty(), "no second model call");
    assert_eq!(ended(&crashed).await, JobState::Delivered);
    let usage = app.usage().await;
    assert_eq!((usage.user_images, usage.user_usd, usage.in_flight), (1, 0.03, 0), "charged once, at its real cost");
    // Kept after delivery for `/show`, until the keep period prunes it.
    assert!(crashed.spool.read(&crashed.files).await.is_ok(), "the delivered image stays kept for /show");
}

#[tokio::test]
async fn a_result_whose_token_expired_while_the_bot_was_down_is_posted_in_the_channel() {
    let crashed = crashed("expired", JobState::Generated, 1, -5).await;

    let app = restart(&crashed).await;
    let requests = app.discord.wait_for("the channel post", |r| r.iter().any(channel_post)).await;

    let post = requests.iter().find(|r| channel_post(r)).unwrap();
    assert_eq!(post.files[0].2, crashed.pixels);
    assert_eq!(post.payload["allowed_mentions"]["users"], serde_json::json!([MEMBER_ID.to_string()]));
    assert!(!requests.iter().any(|r| r.path.contains(TOKEN)), "an expired token is not even tried");
    assert_eq!(ended(&crashed).await, JobState::Delivered);
    assert_eq!(app.usage().await.user_images, 1);
}

#[tokio::test]
async fn a_job_interrupted_as_often_as_allowed_fails_politely_and_costs_nothing() {
    let crashed = crashed("attempts", JobState::Running, 1, 10).await;

    let app = restart(&crashed).await;
    let text = app
        .explanation(&crate::support::discord::Sent {
            id: JOB.into(),
            token: TOKEN.into(),
            at: std::time::Instant::now(),
        })
        .await;

    assert!(text.starts_with("Something went wrong on my side."), "{text}");
    assert!(app.openai.image_calls().is_empty(), "not tried a third time");
    assert_eq!(ended(&crashed).await, JobState::Failed);
    let usage = app.usage().await;
    assert_eq!((usage.user_images, usage.in_flight), (0, 0));
}
