//! Unit tests of `sqlite`.

use super::*;
use crate::domain::request::JobTag;

pub(crate) fn temp_db(name: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("easel-unit-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

fn charge(job: &str, usd: f64) -> Charge {
    Charge {
        tag: JobTag {
            job_id: job.into(),
            guild_id: Some(1),
            channel_id: 2,
            user_id: 3,
            command: "generate".into(),
            model: "gpt-image-2".into(),
        },
        images: 1,
        usd,
        owner: InstanceId("this".into()),
    }
}

fn no_limits() -> Limits {
    Limits::new([None; 6], false)
}

#[tokio::test]
async fn reserve_commit_and_release_move_the_usage() {
    let store = SqliteStore::open(&temp_db("ledger")).unwrap();
    let now: DateTime<Utc> = "2026-11-25T12:00:00Z".parse().unwrap();
    store.reserve(&charge("a", 0.25), &no_limits(), false, now).await.unwrap();
    store.reserve(&charge("b", 0.25), &no_limits(), false, now).await.unwrap();
    let usage = store.usage(Some(ServerId(1)), MemberId(3), now).await.unwrap();
    assert_eq!((usage.in_flight, usage.user_images, usage.user_usd), (2, 2, 0.5));

    store.commit(&JobId::from("a"), 0.03, 1, now).await.unwrap();
    store.release(&JobId::from("b"), now).await.unwrap();
    store.release(&JobId::from("a"), now).await.unwrap();
    let usage = store.usage(Some(ServerId(1)), MemberId(3), now).await.unwrap();
    assert_eq!((usage.in_flight, usage.user_images, usage.user_usd), (0, 1, 0.03), "settled at the real cost");
    assert_eq!(store.ledger_state(&JobId::from("a")).await.unwrap(), Some(LedgerState::Committed));
    assert_eq!(store.ledger_state(&JobId::from("b")).await.unwrap(), Some(LedgerState::Released));
    assert!(matches!(
        store.reserve(&charge("a", 0.1), &no_limits(), false, now).await,
        Err(ReserveError::Duplicate(_))
    ));
}

#[tokio::test]
async fn usage_older_than_a_day_no_longer_counts() {
    let store = SqliteStore::open(&temp_db("window")).unwrap();
    let then: DateTime<Utc> = "2026-11-24T11:00:00Z".parse().unwrap();
    store.reserve(&charge("old", 0.5), &no_limits(), false, then).await.unwrap();
    store.commit(&JobId::from("old"), 0.5, 1, then).await.unwrap();
    let now: DateTime<Utc> = "2026-11-25T11:00:01Z".parse().unwrap();
    let usage = store.usage(Some(ServerId(1)), MemberId(3), now).await.unwrap();
    assert_eq!((usage.user_usd, usage.user_images, usage.global_usd), (0.0, 0, 0.5));
}

#[tokio::test]
async fn overrides_and_blocks_round_trip() {
    let store = SqliteStore::open(&temp_db("settings")).unwrap();
    let now: DateTime<Utc> = "2026-11-25T12:00:00Z".parse().unwrap();
    store.set_override(ServerId(1), Scope::User(3), LimitName::ImagesPerDay, Some(4.0)).await.unwrap();
    store.set_override(ServerId(1), Scope::User(3), LimitName::ImagesPerDay, None).await.unwrap();
    store.set_override(ServerId(1), Scope::Role(8), LimitName::Cooldown, Some(5.0)).await.unwrap();
    let overrides = store.overrides(ServerId(1)).await.unwrap();
    assert_eq!(overrides.len(), 2);
    assert!(overrides.contains(&Override { scope: Scope::User(3), name: LimitName::ImagesPerDay, value: None }));
    assert_eq!(store.clear_overrides(ServerId(1), Some(Scope::Role(8))).await.unwrap(), 1);

    let until = now + chrono::Duration::hours(1);
    store.block(ServerId(1), MemberId(3), &Block { until: Some(until), reason: "spam".into() }, now).await.unwrap();
    assert!(store.block_of(ServerId(1), MemberId(3), now).await.unwrap().is_some());
    assert!(store.block_of(ServerId(1), MemberId(3), until).await.unwrap().is_none(), "a timed block ends by itself");
    assert!(store.unblock(ServerId(1), MemberId(3)).await.unwrap());
    assert!(store.block_of(ServerId(1), MemberId(3), now).await.unwrap().is_none());
}

#[tokio::test]
async fn only_reservations_of_a_process_whose_heartbeat_stopped_are_released() {
    let store = SqliteStore::open(&temp_db("owners")).unwrap();
    let now: DateTime<Utc> = "2026-11-25T12:00:00Z".parse().unwrap();
    let lease = chrono::Duration::seconds(60);
    let (alive, dead) = (InstanceId("alive".into()), InstanceId("dead".into()));
    store.heartbeat(&dead, now - chrono::Duration::seconds(90)).await.unwrap();
    store.heartbeat(&alive, now - chrono::Duration::seconds(30)).await.unwrap();
    store.reserve(&Charge { owner: alive.clone(), ..charge("live", 0.1) }, &no_limits(), false, now).await.unwrap();
    store.reserve(&Charge { owner: dead.clone(), ..charge("orphan", 0.1) }, &no_limits(), false, now).await.unwrap();

    assert_eq!(store.release_orphans(lease, now).await.unwrap(), 1);
    assert_eq!(
        store.ledger_state(&JobId::from("live")).await.unwrap(),
        Some(LedgerState::Reserved),
        "a live process's job"
    );
    assert_eq!(store.ledger_state(&JobId::from("orphan")).await.unwrap(), Some(LedgerState::Released));

    assert_eq!(store.retire(&alive, now).await.unwrap(), 1, "a clean stop releases its own leftovers");
    assert_eq!(store.ledger_state(&JobId::from("live")).await.unwrap(), Some(LedgerState::Released));
}

#[tokio::test]
async fn a_panic_inside_the_store_leaves_it_usable() {
    let store = SqliteStore::open(&temp_db("panic")).unwrap();
    let now: DateTime<Utc> = "2026-11-25T12:00:00Z".parse().unwrap();
    let failed: Result<(), StoreError> = store
        .with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
            tx.execute("INSERT INTO instances (id, started_at, heartbeat_at) VALUES ('x', 0, 0)", []).unwrap();
            panic!("a bug inside a transaction")
        })
        .await;
    assert!(failed.is_err());
    store.reserve(&charge("after", 0.1), &no_limits(), false, now).await.unwrap();
    assert_eq!(store.ledger_state(&JobId::from("after")).await.unwrap(), Some(LedgerState::Reserved));
    let leftover: i64 =
        store.with(|c| c.query_row("SELECT COUNT(*) FROM instances", [], |r| r.get(0)).map_err(fail)).await.unwrap();
    assert_eq!(leftover, 0, "the panicking transaction rolled back");
}

#[test]
fn a_process_on_this_machine_without_its_pid_is_gone_and_others_are_left_to_the_lease() {
    let me = InstanceId::generate();
    assert!(!me.is_gone_here(), "this process is alive");
    let host = me.0.split('/').next().unwrap().to_owned();
    if std::path::Path::new("/proc/self").exists() {
        assert!(InstanceId(format!("{host}/4194399/1")).is_gone_here(), "no such pid");
    }
    assert!(!InstanceId("another-machine/4194399/1".into()).is_gone_here());
    assert!(!InstanceId("legacy-12-34".into()).is_gone_here());
}
