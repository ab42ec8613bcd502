//! The stores' contract: every storage port's promises, checked with the same assertions against
//! SQLite (always) and Postgres (when `EASEL_TEST_DATABASE_URL` names a server, e.g.
//! `postgres://easel@127.0.0.1:5432/easel_test`; each test then works in a fresh schema of its own, so
//! tests run in parallel). Each test gets two handles on one database, as two processes would have.

use chrono::{DateTime, Duration, Utc};
use easel::community::moderation::{AuditEntry, ModerationStore, Outcome, Rule};
use easel::community::report::{ReportStore, RequesterSpend};
use easel::community::settings::{MemberSettings, SettingsStore};
use easel::community::spend::AlertStore;
use easel::desk::{BoardSettings, CommunityRequest, Policy, RequestState, RequestStore, Sort};
use easel::domain::catalogue::BackendKind;
use easel::domain::ids::{MemberId, ServerId};
use easel::domain::ledger::{Charge, InstanceId, LedgerState, ReserveError, Store};
use easel::domain::limits::{Block, LimitName, Limits, Override, Scope};
use easel::domain::request::{Command, JobId, JobRequest, JobTag, Requester};
use easel::jobs::queue::{Fence, JobState, JobStore, QueueCaps, StoredJob, StoredResult, Ticket};
use easel::secret::Secret;
use easel::store::postgres::PostgresStore;
use easel::store::sqlite::SqliteStore;

use crate::support::postgres::Schema;
use futures_util::future::join_all;

const GUILD: u64 = 1_000_000_000_000_000_001;
const MEMBER: u64 = 2_000_000_000_000_000_002;
const CHANNEL: u64 = 3_000_000_000_000_000_003;
/// Room enough in the queue for any test that is not about the queue's caps.
const ROOMY: QueueCaps = QueueCaps { per_guild: 1000, total: 1000 };

/// Runs `$body` with two handles (`$a`, `$b`) on one fresh SQLite file, then on one fresh Postgres
/// schema when `EASEL_TEST_DATABASE_URL` is set (saying so when it is not).
macro_rules! contract {
    ($name:ident, |$a:ident, $b:ident| $body:block) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            {
                eprintln!("{}: SQLite", stringify!($name));
                let ($a, $b) = sqlite_pair(stringify!($name));
                let _ = (&$a, &$b);
                $body
            }
            if let Some(schema) = Schema::create(stringify!($name)).await {
                {
                    eprintln!("{}: Postgres, schema {}", stringify!($name), schema.name);
                    let ($a, $b) = schema.pair().await;
                    let _ = (&$a, &$b);
                    $body
                }
                schema.remove().await;
            }
        }
    };
}

/// Two handles on one new SQLite database file.
fn sqlite_pair(name: &str) -> (SqliteStore, SqliteStore) {
    let path = std::env::temp_dir().join(format!("easel-stores-{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    (SqliteStore::open(&path).unwrap(), SqliteStore::open(&path).unwrap())
}

fn at(time: &str) -> DateTime<Utc> {
    time.parse().unwrap()
}

fn approx(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn no_limits() -> Limits {
    Limits::new([None; 6], false)
}

fn charge(job: &str, guild: Option<u64>, user: u64, usd: f64, owner: &InstanceId) -> Charge {
    Charge {
        tag: JobTag {
            job_id: job.into(),
            guild_id: guild,
            channel_id: CHANNEL,
            user_id: user,
            command: "generate".into(),
            model: "gpt-image-2".into(),
        },
        images: 1,
        usd,
        owner: owner.clone(),
    }
}

fn queued(job: &str, guild: Option<u64>, user: u64, now: DateTime<Utc>) -> StoredJob {
    let requester = Requester {
        user_id: user,
        guild_id: guild,
        channel_id: CHANNEL,
        roles: Vec::new(),
        is_manager: false,
        locale: None,
    };
    let request = JobRequest {
        prompt: Some(format!("a fox for {job}")),
        ..JobRequest::new(JobId(job.into()), Command::Generate, requester, 10 << 20)
    };
    let ticket = Ticket { token: Secret::new(format!("token-{job}")), expires_at: now + Duration::minutes(15) };
    StoredJob::queued(request, BackendKind::Openai, ticket)
}

/// Queues a job of `user` costing `usd`, no limits in the way.
async fn admit(store: &impl JobStore, job: &str, user: u64, usd: f64, owner: &InstanceId, now: DateTime<Utc>) {
    let charge = charge(job, Some(GUILD), user, usd, owner);
    store.enqueue(&queued(job, Some(GUILD), user, now), &charge, &no_limits(), false, ROOMY, now).await.unwrap();
}

/// Runs a queued job to `generated` at `cost`; returns the run's fence.
async fn generate(store: &impl JobStore, job: &str, owner: &InstanceId, cost: f64, now: DateTime<Utc>) -> Fence {
    let attempt = store.start(&JobId::from(job), owner, now).await.unwrap().expect("started");
    let fence = Fence { owner: owner.clone(), attempt };
    let result = StoredResult { files: vec![format!("{job}-0.png")], cost_usd: cost, ..StoredResult::default() };
    assert!(store.generated(&JobId::from(job), &fence, &result, now).await.unwrap());
    fence
}

contract!(racing_reservations_of_one_member_across_two_processes_admit_exactly_the_limit, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let mut limits = no_limits();
    limits.set(LimitName::ImagesPerDay, Some(3.0));
    let owner = InstanceId("racer".into());
    let charges: Vec<Charge> =
        (0..12).map(|i| charge(&format!("race-{i}"), Some(GUILD), MEMBER, 0.01, &owner)).collect();
    let results = join_all(charges.iter().enumerate().map(|(i, c)| {
        let store: &dyn Store = if i % 2 == 0 { &a } else { &b };
        store.reserve(c, &limits, false, now)
    }))
    .await;

    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 3, "{results:?}");
    for refused in results.iter().filter_map(|r| r.as_ref().err()) {
        assert!(matches!(refused, ReserveError::Limit(l) if l.name == LimitName::ImagesPerDay), "{refused:?}");
    }
    assert_eq!(b.usage(Some(ServerId(GUILD)), MemberId(MEMBER), now).await.unwrap().user_images, 3);
});

contract!(racing_admissions_across_two_processes_never_queue_more_than_the_cap, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let owner = InstanceId("racer".into());
    let caps = QueueCaps { per_guild: 4, total: 100 };
    let limits = no_limits();
    let jobs: Vec<(StoredJob, Charge)> = (0..12u64)
        .map(|i| {
            let job = format!("queue-{i}");
            (queued(&job, Some(GUILD), MEMBER + i, now), charge(&job, Some(GUILD), MEMBER + i, 0.01, &owner))
        })
        .collect();
    let results = join_all(jobs.iter().enumerate().map(|(i, (job, charge))| {
        let store: &dyn JobStore = if i % 2 == 0 { &a } else { &b };
        store.enqueue(job, charge, &limits, false, caps, now)
    }))
    .await;

    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 4, "{results:?}");
    for refused in results.iter().filter_map(|r| r.as_ref().err()) {
        assert!(matches!(refused, ReserveError::QueueFull { waiting: 4, whole_bot: false }), "{refused:?}");
    }
    let refused = results.iter().position(|r| r.is_err()).unwrap();
    assert_eq!(
        a.ledger_state(&JobId::from(&format!("queue-{refused}"))).await.unwrap(),
        None,
        "a refused job reserves nothing"
    );
});

contract!(a_job_delivered_is_charged_once_at_its_real_cost, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let me = InstanceId("me".into());
    admit(&a, "job", MEMBER, 0.25, &me, now).await;
    let again = a
        .enqueue(
            &queued("job", Some(GUILD), MEMBER, now),
            &charge("job", Some(GUILD), MEMBER, 0.25, &me),
            &no_limits(),
            false,
            ROOMY,
            now,
        )
        .await;
    assert!(matches!(again, Err(ReserveError::Duplicate(_))), "a redelivered interaction is admitted once");
    assert_eq!(b.usage(Some(ServerId(GUILD)), MemberId(MEMBER), now).await.unwrap().in_flight, 1);

    let fence = generate(&a, "job", &me, 0.04, now).await;
    assert!(!b.generated(&JobId::from("job"), &fence, &StoredResult::default(), now).await.unwrap(), "generated once");
    assert_eq!(
        b.ledger_state(&JobId::from("job")).await.unwrap(),
        Some(LedgerState::Reserved),
        "not charged before delivery"
    );

    let waiting = b.job(&JobId::from("job")).await.unwrap().unwrap();
    assert_eq!((waiting.state, waiting.ticket.token.expose()), (JobState::Generated, "token-job"));
    assert_eq!(waiting.ticket.expires_at, now + Duration::minutes(15));

    let job = JobId::from("job");
    let (first, second) = tokio::join!(
        a.delivered(&job, &fence, (Some(77), Some(CHANNEL)), 1, now),
        b.delivered(&job, &fence, (Some(77), Some(CHANNEL)), 1, now)
    );
    assert!(first.unwrap() != second.unwrap(), "delivered once, even by two processes at once");
    assert!(!b.delivered(&JobId::from("job"), &fence, (Some(78), Some(CHANNEL)), 1, now).await.unwrap());
    assert!(!b.fail(&JobId::from("job"), "too late", None, now).await.unwrap(), "a delivered job cannot fail");
    assert_eq!(b.cancel(&JobId::from("job"), now).await.unwrap(), None, "nor be cancelled");

    let job = b.job(&JobId::from("job")).await.unwrap().unwrap();
    assert_eq!(
        (job.state, job.attempts, job.message_id, job.channel_id),
        (JobState::Delivered, 1, Some(77), Some(CHANNEL))
    );
    assert_eq!(job.ticket.token.expose(), "", "the token is blanked once the job ends");
    assert_eq!(job.result.unwrap().files, vec!["job-0.png".to_owned()]);
    assert_eq!(job.request.prompt.as_deref(), Some("a fox for job"));
    assert_eq!(b.ledger_state(&JobId::from("job")).await.unwrap(), Some(LedgerState::Committed));
    let usage = b.usage(Some(ServerId(GUILD)), MemberId(MEMBER), now).await.unwrap();
    assert_eq!((usage.in_flight, usage.user_images), (0, 1));
    assert!(approx(usage.user_usd, 0.04) && approx(usage.global_usd, 0.04), "the real cost, once: {usage:?}");
});

contract!(a_job_starts_once_per_attempt_and_the_newest_active_one_is_found, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let (me, other) = (InstanceId("me".into()), InstanceId("other".into()));
    admit(&a, "older", MEMBER, 0.1, &me, now).await;
    admit(&a, "newer", MEMBER, 0.1, &me, now + Duration::seconds(1)).await;
    assert_eq!(b.latest_active(Some(ServerId(GUILD)), MemberId(MEMBER)).await.unwrap(), Some(JobId::from("newer")));
    assert_eq!(b.latest_active(None, MemberId(MEMBER)).await.unwrap(), None, "direct messages are another place");

    let newer = JobId::from("newer");
    let (first, second) = tokio::join!(a.start(&newer, &me, now), b.start(&newer, &other, now));
    let (first, second) = (first.unwrap(), second.unwrap());
    assert!(first.is_some() != second.is_some(), "one process starts it: {first:?} {second:?}");
    assert!(b.requeue(&JobId::from("newer"), now).await.unwrap());
    assert!(!a.requeue(&JobId::from("newer"), now).await.unwrap(), "only a running job goes back to the queue");
    assert_eq!(a.start(&JobId::from("newer"), &me, now).await.unwrap(), Some(2), "each start is an attempt");
    assert!(a.fail(&JobId::from("newer"), "the model said no", None, now).await.unwrap());
    assert_eq!(b.latest_active(Some(ServerId(GUILD)), MemberId(MEMBER)).await.unwrap(), Some(JobId::from("older")));
});

contract!(a_failed_job_releases_its_reservation, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let me = InstanceId("me".into());
    admit(&a, "doomed", MEMBER, 0.3, &me, now).await;
    a.start(&JobId::from("doomed"), &me, now).await.unwrap();

    assert!(b.fail(&JobId::from("doomed"), "the model is down", None, now).await.unwrap());
    assert!(!a.fail(&JobId::from("doomed"), "again", None, now).await.unwrap(), "fails once");
    let job = a.job(&JobId::from("doomed")).await.unwrap().unwrap();
    assert_eq!((job.state, job.ticket.token.expose()), (JobState::Failed, ""));
    assert_eq!(a.ledger_state(&JobId::from("doomed")).await.unwrap(), Some(LedgerState::Released));
    let usage = a.usage(Some(ServerId(GUILD)), MemberId(MEMBER), now).await.unwrap();
    assert_eq!((usage.in_flight, usage.user_images, usage.last_request), (0, 0, None));
    assert!(approx(usage.global_usd, 0.0), "nothing charged: {usage:?}");
    assert!(b.fail(&JobId::from("never-admitted"), "no such job", None, now).await.is_ok_and(|moved| !moved));
});

contract!(a_job_that_failed_after_a_paid_call_costs_the_member_nothing_and_the_owner_its_price, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let me = InstanceId("me".into());
    admit(&a, "unusable", MEMBER, 0.3, &me, now).await;
    a.start(&JobId::from("unusable"), &me, now).await.unwrap();

    assert!(b.fail(&JobId::from("unusable"), "the model's result cannot be used", Some(0.04), now).await.unwrap());
    assert!(!a.fail(&JobId::from("unusable"), "again", Some(0.04), now).await.unwrap(), "counted once");
    assert_eq!(a.ledger_state(&JobId::from("unusable")).await.unwrap(), Some(LedgerState::Released));
    let usage = a.usage(Some(ServerId(GUILD)), MemberId(MEMBER), now).await.unwrap();
    assert_eq!((usage.in_flight, usage.user_images), (0, 0));
    assert!(approx(usage.user_usd, 0.0) && approx(usage.guild_usd, 0.0), "never the member's: {usage:?}");
    assert!(approx(usage.global_usd, 0.04), "the owner's month counts what the provider billed: {usage:?}");
    let since = now - Duration::days(30);
    assert!(approx(b.failed_spend(ServerId(GUILD), since).await.unwrap(), 0.04), "shown to the server's moderators");
    assert!(approx(b.failed_spend(ServerId(GUILD + 1), since).await.unwrap(), 0.0), "per server");
});

contract!(a_job_cancelled_while_queued_is_free_and_once_its_model_call_started_counts_at_its_estimate, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let me = InstanceId("me".into());
    admit(&a, "waiting", MEMBER, 0.2, &me, now).await;
    admit(&a, "running", MEMBER, 0.3, &me, now).await;
    a.start(&JobId::from("running"), &me, now).await.unwrap();

    assert_eq!(b.cancel(&JobId::from("waiting"), now).await.unwrap(), Some(JobState::Queued));
    assert_eq!(b.cancel(&JobId::from("running"), now).await.unwrap(), Some(JobState::Running));
    assert_eq!(a.cancel(&JobId::from("running"), now).await.unwrap(), None, "cancelled once");
    assert_eq!(a.cancel(&JobId::from("never-admitted"), now).await.unwrap(), None);
    assert_eq!(a.start(&JobId::from("waiting"), &me, now).await.unwrap(), None, "a cancelled job never starts");

    for job in ["waiting", "running"] {
        let stored = a.job(&JobId::from(job)).await.unwrap().unwrap();
        assert_eq!((stored.state, stored.ticket.token.expose()), (JobState::Cancelled, ""));
    }
    assert_eq!(a.ledger_state(&JobId::from("waiting")).await.unwrap(), Some(LedgerState::Released));
    assert_eq!(a.ledger_state(&JobId::from("running")).await.unwrap(), Some(LedgerState::Committed));
    let usage = a.usage(Some(ServerId(GUILD)), MemberId(MEMBER), now).await.unwrap();
    assert_eq!((usage.in_flight, usage.user_images, usage.last_request), (0, 1, Some(now)), "{usage:?}");
    assert!(approx(usage.user_usd, 0.3) && approx(usage.guild_usd, 0.3), "like a delivered job: {usage:?}");
    assert!(approx(usage.global_usd, 0.3), "and the owner's month: {usage:?}");
    assert_eq!(usage.cancelled_images, 1, "/usage can say so");
    assert!(approx(usage.cancelled_usd, 0.3));
});

contract!(a_run_that_lost_its_job_can_neither_record_nor_deliver_it, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let (paused, taker) = (InstanceId("paused".into()), InstanceId("taker".into()));
    admit(&a, "contested", MEMBER, 0.1, &paused, now).await;
    let lost = Fence {
        owner: paused.clone(),
        attempt: a.start(&JobId::from("contested"), &paused, now).await.unwrap().unwrap(),
    };
    assert!(a.holds(&JobId::from("contested"), &lost).await.unwrap());
    // The paused process's lease ran out: another takes the job over and runs it again.
    b.heartbeat(&taker, now).await.unwrap();
    assert_eq!(b.take_over(&taker, Duration::seconds(60), now).await.unwrap().len(), 1);
    assert!(b.requeue(&JobId::from("contested"), now).await.unwrap());
    let won = Fence {
        owner: taker.clone(),
        attempt: b.start(&JobId::from("contested"), &taker, now).await.unwrap().unwrap(),
    };
    assert_eq!(b.owned(&taker).await.unwrap().iter().map(|o| o.job_id.as_str()).collect::<Vec<_>>(), ["contested"]);
    assert!(a.owned(&paused).await.unwrap().is_empty());

    let result = StoredResult { files: vec!["x.png".into()], cost_usd: 0.04, ..StoredResult::default() };
    assert!(!a.holds(&JobId::from("contested"), &lost).await.unwrap(), "the paused run no longer holds it");
    assert!(!a.generated(&JobId::from("contested"), &lost, &result, now).await.unwrap(), "nor records it");
    assert!(b.generated(&JobId::from("contested"), &won, &result, now).await.unwrap());
    assert!(
        !a.delivered(&JobId::from("contested"), &lost, (Some(1), Some(CHANNEL)), 1, now).await.unwrap(),
        "nor charges it"
    );
    assert!(b.delivered(&JobId::from("contested"), &won, (Some(2), Some(CHANNEL)), 1, now).await.unwrap());
    let job = a.job(&JobId::from("contested")).await.unwrap().unwrap();
    assert_eq!((job.state, job.message_id), (JobState::Delivered, Some(2)));
});

contract!(members_words_older_than_the_retention_period_are_forgotten_and_the_ledger_stays, |a, b| {
    let then = at("2026-08-01T12:00:00Z");
    let now = at("2026-11-25T12:00:00Z");
    let me = InstanceId("me".into());
    for (job, when) in [("old", then), ("recent", now)] {
        admit(&a, job, MEMBER, 0.1, &me, when).await;
        let fence = generate(&a, job, &me, 0.04, when).await;
        a.delivered(&JobId::from(job), &fence, (Some(1), Some(CHANNEL)), 1, when).await.unwrap();
        let mut entry = audit(job, MEMBER, Outcome::Delivered, when);
        entry.image_url = Some("https://cdn.discordapp.com/x.png".into());
        a.record_audit(&entry).await.unwrap();
        a.create_request(&community(job, MEMBER, when)).await.unwrap();
        a.decide(job, RequestState::Open, RequestState::Denied, 7, Some("no"), when).await.unwrap();
    }
    let cutoff = now - Duration::days(90);
    assert_eq!(JobStore::forget_words_before(&b, cutoff).await.unwrap(), 1, "jobs");
    assert_eq!(ModerationStore::forget_words_before(&b, cutoff).await.unwrap(), 1, "audit entries");
    assert_eq!(RequestStore::forget_words_before(&b, cutoff).await.unwrap(), 1, "requests");
    assert_eq!(JobStore::forget_words_before(&b, cutoff).await.unwrap(), 0, "once");

    let old = a.job(&JobId::from("old")).await.unwrap().unwrap();
    assert_eq!((old.request.prompt, old.state), (None, JobState::Delivered), "the words go, the job stays");
    assert_eq!(
        a.job(&JobId::from("recent")).await.unwrap().unwrap().request.prompt.as_deref(),
        Some("a fox for recent")
    );
    let (entries, _) = a.audit_history(ServerId(GUILD), Some(MemberId(MEMBER)), 0, 10).await.unwrap();
    let old_entry = entries.iter().find(|e| e.tag.job_id == "old").unwrap();
    assert_eq!((old_entry.prompt.as_str(), old_entry.image_url.as_deref()), ("", None));
    assert!(entries.iter().any(|e| e.tag.job_id == "recent" && !e.prompt.is_empty()));
    let old_request = a.community_request("old").await.unwrap().unwrap();
    assert_eq!((old_request.request.prompt, old_request.note), (None, None));
    assert_eq!(a.ledger_state(&JobId::from("old")).await.unwrap(), Some(LedgerState::Committed), "the ledger stays");
});

contract!(two_processes_taking_over_at_once_never_take_the_same_job, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let lease = Duration::seconds(60);
    let (dead, alive, first, second) = (
        InstanceId("dead".into()),
        InstanceId("alive".into()),
        InstanceId("first".into()),
        InstanceId("second".into()),
    );
    a.heartbeat(&dead, now - Duration::minutes(5)).await.unwrap();
    for live in [&alive, &first, &second] {
        a.heartbeat(live, now).await.unwrap();
    }
    let mut orphans = Vec::new();
    for i in 0..16u64 {
        let job = format!("orphan-{i:02}");
        admit(&a, &job, MEMBER + i, 0.1, &dead, now + Duration::milliseconds(i as i64)).await;
        if i % 3 == 1 {
            a.start(&JobId::from(&job), &dead, now).await.unwrap();
        }
        orphans.push(job);
    }
    admit(&a, "made", MEMBER, 0.1, &dead, now).await;
    generate(&a, "made", &dead, 0.05, now).await;
    orphans.push("made".into());
    admit(&a, "shipped", MEMBER, 0.1, &dead, now).await;
    let fence = generate(&a, "shipped", &dead, 0.05, now).await;
    a.delivered(&JobId::from("shipped"), &fence, (Some(1), Some(CHANNEL)), 1, now).await.unwrap();
    admit(&a, "someone-elses", MEMBER, 0.1, &alive, now).await;

    let (taken_first, taken_second) = tokio::join!(a.take_over(&first, lease, now), b.take_over(&second, lease, now));
    let (taken_first, taken_second) = (taken_first.unwrap(), taken_second.unwrap());

    let ids = |jobs: &[StoredJob]| jobs.iter().map(|j| j.request.id.0.clone()).collect::<Vec<_>>();
    let (ids_first, ids_second) = (ids(&taken_first), ids(&taken_second));
    assert!(ids_first.iter().all(|id| !ids_second.contains(id)), "taken twice: {ids_first:?} {ids_second:?}");
    let mut all: Vec<String> = ids_first.iter().chain(&ids_second).cloned().collect();
    all.sort();
    orphans.sort();
    assert_eq!(all, orphans, "every unfinished orphan, and nothing else, is taken over");
    for taken in [&taken_first, &taken_second] {
        let created: Vec<&str> =
            taken.iter().map(|j| j.request.id.0.as_str()).filter(|j| j.starts_with("orphan")).collect();
        assert!(created.windows(2).all(|w| w[0] < w[1]), "oldest first: {created:?}");
    }
    assert!(a.take_over(&first, lease, now).await.unwrap().is_empty(), "the new owners are alive");
    assert_eq!(b.release_orphans(lease, now).await.unwrap(), 0, "the reservations moved with the jobs");
    assert_eq!(b.ledger_state(&JobId::from("orphan-00")).await.unwrap(), Some(LedgerState::Reserved));
});

contract!(only_reservations_of_a_process_whose_heartbeat_stopped_are_released, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let lease = Duration::seconds(60);
    let (alive, dead, gone) = (InstanceId("alive".into()), InstanceId("dead".into()), InstanceId("gone".into()));
    a.heartbeat(&dead, now - Duration::seconds(90)).await.unwrap();
    a.heartbeat(&alive, now - Duration::seconds(30)).await.unwrap();
    b.heartbeat(&gone, now).await.unwrap();
    b.heartbeat(&gone, now).await.unwrap();
    a.reserve(&charge("live", Some(GUILD), MEMBER, 0.1, &alive), &no_limits(), false, now).await.unwrap();
    a.reserve(&charge("orphan", Some(GUILD), MEMBER, 0.1, &dead), &no_limits(), false, now).await.unwrap();
    admit(&a, "queued-orphan", MEMBER, 0.1, &dead, now).await;
    let mut instances: Vec<String> = b.instances().await.unwrap().into_iter().map(|i| i.0).collect();
    instances.sort();
    assert_eq!(instances, ["alive", "dead", "gone"]);

    assert_eq!(b.release_orphans(lease, now).await.unwrap(), 1, "a queued job keeps its reservation");
    assert_eq!(
        a.ledger_state(&JobId::from("live")).await.unwrap(),
        Some(LedgerState::Reserved),
        "a live process's job"
    );
    assert_eq!(a.ledger_state(&JobId::from("orphan")).await.unwrap(), Some(LedgerState::Released));
    assert_eq!(a.ledger_state(&JobId::from("queued-orphan")).await.unwrap(), Some(LedgerState::Reserved));
    b.forget(&gone).await.unwrap();
    assert_eq!(a.instances().await.unwrap(), vec![alive.clone()]);

    assert_eq!(b.retire(&alive, now).await.unwrap(), 1, "a clean stop releases its own leftovers");
    assert_eq!(a.ledger_state(&JobId::from("live")).await.unwrap(), Some(LedgerState::Released));
    assert!(a.instances().await.unwrap().is_empty());
    b.commit(&JobId::from("live"), 9.0, 1, now).await.unwrap();
    b.release(&JobId::from("orphan"), now).await.unwrap();
    assert_eq!(
        a.ledger_state(&JobId::from("live")).await.unwrap(),
        Some(LedgerState::Released),
        "a settled job stays settled"
    );
});

contract!(usage_counts_a_rolling_day_for_members_and_servers_and_the_calendar_month_for_the_bot, |a, b| {
    let now = at("2026-11-01T06:00:00Z");
    let me = InstanceId("me".into());
    let reserve = |job: &'static str, guild: Option<u64>, user: u64, usd: f64, when: DateTime<Utc>| {
        let store: &dyn Store = &a;
        let charge = charge(job, guild, user, usd, &me);
        async move { store.reserve(&charge, &no_limits(), false, when).await.unwrap() }
    };
    reserve("two-days-ago", Some(GUILD), MEMBER, 0.25, at("2026-10-30T12:00:00Z")).await;
    a.commit(&JobId::from("two-days-ago"), 0.25, 1, at("2026-10-30T12:01:00Z")).await.unwrap();
    reserve("last-month", Some(GUILD), MEMBER, 0.5, at("2026-10-31T12:00:00Z")).await;
    a.commit(&JobId::from("last-month"), 0.4, 2, at("2026-10-31T12:01:00Z")).await.unwrap();
    reserve("released", Some(GUILD), MEMBER, 0.7, at("2026-10-31T13:00:00Z")).await;
    a.release(&JobId::from("released"), at("2026-10-31T13:01:00Z")).await.unwrap();
    reserve("neighbour", Some(GUILD), MEMBER + 1, 0.1, at("2026-11-01T05:00:00Z")).await;
    reserve("in-a-dm", None, MEMBER, 0.2, at("2026-11-01T05:30:00Z")).await;
    admit(&a, "abandoned", MEMBER + 2, 0.3, &me, at("2026-11-01T05:40:00Z")).await;
    a.start(&JobId::from("abandoned"), &me, now).await.unwrap();
    // Its model call had started: it counts like a delivered job, for its member and the server.
    a.cancel(&JobId::from("abandoned"), at("2026-11-01T05:50:00Z")).await.unwrap();

    let usage = b.usage(Some(ServerId(GUILD)), MemberId(MEMBER), now).await.unwrap();
    assert_eq!(usage.last_request, Some(at("2026-10-31T12:00:00Z")), "a released job is not a request");
    assert_eq!((usage.in_flight, usage.user_images), (0, 2), "{usage:?}");
    assert!(approx(usage.user_usd, 0.4), "the last 24 hours, at the real cost: {usage:?}");
    assert_eq!(usage.user_oldest, Some(at("2026-10-31T12:00:00Z")));
    assert!(approx(usage.guild_usd, 0.8), "the member's, the neighbour's and the abandoned one: {usage:?}");
    assert_eq!(usage.guild_oldest, Some(at("2026-10-31T12:00:00Z")));
    assert!(approx(usage.global_usd, 0.1 + 0.2 + 0.3), "November only, owner spend included: {usage:?}");

    let in_dm = b.usage(None, MemberId(MEMBER), now).await.unwrap();
    assert_eq!((in_dm.in_flight, in_dm.user_images), (1, 1));
    assert!(approx(in_dm.user_usd, 0.2) && approx(in_dm.guild_usd, 0.2), "{in_dm:?}");
});

contract!(limit_settings_and_blocks_round_trip, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    a.set_override(ServerId(GUILD), Scope::User(MEMBER), LimitName::ImagesPerDay, Some(4.0)).await.unwrap();
    b.set_override(ServerId(GUILD), Scope::User(MEMBER), LimitName::ImagesPerDay, None).await.unwrap();
    a.set_override(ServerId(GUILD), Scope::Role(8), LimitName::Cooldown, Some(5.0)).await.unwrap();
    a.set_override(ServerId(GUILD), Scope::Guild, LimitName::GuildUsdPerDay, Some(2.5)).await.unwrap();
    a.set_override(ServerId(GUILD + 1), Scope::Guild, LimitName::GuildUsdPerDay, Some(1.0)).await.unwrap();
    let overrides = b.overrides(ServerId(GUILD)).await.unwrap();
    assert_eq!(overrides.len(), 3);
    for expected in [
        Override { scope: Scope::User(MEMBER), name: LimitName::ImagesPerDay, value: None },
        Override { scope: Scope::Role(8), name: LimitName::Cooldown, value: Some(5.0) },
        Override { scope: Scope::Guild, name: LimitName::GuildUsdPerDay, value: Some(2.5) },
    ] {
        assert!(overrides.contains(&expected), "{expected:?} in {overrides:?}");
    }
    assert_eq!(b.clear_overrides(ServerId(GUILD), Some(Scope::Role(8))).await.unwrap(), 1);
    assert_eq!(b.clear_overrides(ServerId(GUILD), None).await.unwrap(), 2);
    assert_eq!(a.overrides(ServerId(GUILD + 1)).await.unwrap().len(), 1, "another server's settings stay");

    let until = now + Duration::hours(1);
    a.block(ServerId(GUILD), MemberId(MEMBER), &Block { until: Some(until), reason: "spam".into() }, now)
        .await
        .unwrap();
    assert_eq!(
        b.block_of(ServerId(GUILD), MemberId(MEMBER), now).await.unwrap(),
        Some(Block { until: Some(until), reason: "spam".into() })
    );
    assert_eq!(
        b.block_of(ServerId(GUILD), MemberId(MEMBER), until).await.unwrap(),
        None,
        "a timed block ends by itself"
    );
    b.pause(ServerId(GUILD), MemberId(MEMBER), &Block { until: None, reason: "repeat offender".into() }, now)
        .await
        .unwrap();
    assert_eq!(
        a.block_of(ServerId(GUILD), MemberId(MEMBER), until).await.unwrap().map(|b| b.reason).as_deref(),
        Some("repeat offender")
    );
    assert!(a.unblock(ServerId(GUILD), MemberId(MEMBER)).await.unwrap());
    assert!(!a.unblock(ServerId(GUILD), MemberId(MEMBER)).await.unwrap());
    assert_eq!(b.block_of(ServerId(GUILD), MemberId(MEMBER), now).await.unwrap(), None);
});

contract!(a_member_s_settings_round_trip_and_all_unset_clears_them, |a, b| {
    assert_eq!(b.member_settings(ServerId(GUILD), MemberId(MEMBER)).await.unwrap(), MemberSettings::default());
    let mine = MemberSettings {
        model: Some("gpt-image-2".into()),
        size: Some("1024x1536".into()),
        suffix: Some(", watercolour — «soft» 🦊".into()),
        public: Some(false),
        ..MemberSettings::default()
    };
    let (then, now) = (at("2026-11-25T12:00:00Z"), at("2026-11-25T12:00:05Z"));
    a.save_member_settings(ServerId(GUILD), MemberId(MEMBER), &mine, then).await.unwrap();
    a.save_member_settings(ServerId(GUILD), MemberId(MEMBER + 1), &mine, then).await.unwrap();
    let changed = MemberSettings { quality: Some("high".into()), ..mine.clone() };
    a.save_member_settings(ServerId(GUILD), MemberId(MEMBER), &changed, now).await.unwrap();
    assert_eq!(b.member_settings(ServerId(GUILD), MemberId(MEMBER)).await.unwrap(), changed);
    assert_eq!(
        b.member_settings(ServerId(GUILD + 1), MemberId(MEMBER)).await.unwrap(),
        MemberSettings::default(),
        "per server"
    );
    let everything = b.member_settings_changed(DateTime::<Utc>::MIN_UTC).await.unwrap();
    assert_eq!(everything.len(), 2);
    let recent = b.member_settings_changed(now).await.unwrap();
    assert_eq!(recent.len(), 1, "what changed since a moment: {recent:?}");
    assert_eq!((recent[0].user_id, &recent[0].settings, recent[0].changed_at), (MEMBER, &changed, now));

    b.save_member_settings(ServerId(GUILD), MemberId(MEMBER), &MemberSettings::default(), now + Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!(a.member_settings(ServerId(GUILD), MemberId(MEMBER)).await.unwrap(), MemberSettings::default());
    let cleared = a.member_settings_changed(now + Duration::seconds(1)).await.unwrap();
    assert_eq!(cleared.len(), 1, "a clearing is a change other processes see");
    assert_eq!(cleared[0].settings, MemberSettings::default());
});

fn community(id: &str, user: u64, created_at: DateTime<Utc>) -> CommunityRequest {
    CommunityRequest {
        id: id.into(),
        request: queued(id, Some(GUILD), user, created_at).request,
        note: Some(format!("please, {id}")),
        estimate_usd: 0.08,
        state: RequestState::Open,
        card: None,
        votes: 0,
        decided_by: None,
        reason: None,
        job_id: None,
        created_at,
    }
}

contract!(a_community_request_is_voted_once_per_member_decided_once_and_listed_by_votes_then_age, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    assert_eq!(a.board(ServerId(GUILD)).await.unwrap(), BoardSettings::default());
    let board = BoardSettings {
        requests_channel: Some(CHANNEL),
        gallery_channel: Some(CHANNEL + 1),
        moderator_role: Some(42),
        policy: Policy::OverCost { usd: 0.5 },
    };
    a.save_board(ServerId(GUILD), &board, now).await.unwrap();
    assert_eq!(b.board(ServerId(GUILD)).await.unwrap(), board);
    assert_eq!(b.boards_changed(now).await.unwrap(), vec![(GUILD, board.clone(), now)]);
    assert!(b.boards_changed(now + Duration::seconds(1)).await.unwrap().is_empty());

    for (i, id) in ["oldest", "middle", "newest", "decided"].into_iter().enumerate() {
        a.create_request(&community(id, MEMBER, now + Duration::minutes(i as i64))).await.unwrap();
    }
    assert!(a.vote("newest", MemberId(1)).await.unwrap());
    assert!(!b.vote("newest", MemberId(1)).await.unwrap(), "one vote per member");
    assert!(b.vote("newest", MemberId(2)).await.unwrap());
    assert!(b.vote("middle", MemberId(1)).await.unwrap());
    b.set_card("oldest", CHANNEL, 555).await.unwrap();

    let (approve, deny) = tokio::join!(
        a.decide("decided", RequestState::Open, RequestState::Approved, 7, None, now),
        b.decide("decided", RequestState::Open, RequestState::Denied, 8, Some("not here"), now)
    );
    assert!(approve.unwrap() != deny.unwrap(), "two moderators cannot both decide");
    a.set_request_job("decided", "job-of-decided").await.unwrap();
    assert_eq!(
        b.member_requests(ServerId(GUILD), MemberId(MEMBER)).await.unwrap(),
        (3, Some(now + Duration::minutes(3))),
        "open requests, and the latest made"
    );
    assert_eq!(b.member_requests(ServerId(GUILD), MemberId(MEMBER + 1)).await.unwrap(), (0, None));
    let decided = b.community_request("decided").await.unwrap().unwrap();
    assert!(decided.state != RequestState::Open && decided.decided_by.is_some());
    assert_eq!(decided.job_id.as_deref(), Some("job-of-decided"));

    let by_votes: Vec<String> =
        b.open_requests(ServerId(GUILD), Sort::Votes, 10).await.unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(by_votes, ["newest", "middle", "oldest"]);
    let by_age: Vec<String> =
        b.open_requests(ServerId(GUILD), Sort::Age, 2).await.unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(by_age, ["oldest", "middle"]);
    assert!(a.open_requests(ServerId(GUILD + 1), Sort::Age, 10).await.unwrap().is_empty());

    let oldest = a.community_request("oldest").await.unwrap().unwrap();
    assert_eq!(oldest, CommunityRequest { card: Some((CHANNEL, 555)), ..community("oldest", MEMBER, now) });
    assert_eq!(a.community_request("newest").await.unwrap().unwrap().votes, 2);
    assert_eq!(a.community_request("missing").await.unwrap(), None);
});

contract!(a_spend_alert_is_marked_once_per_scope_period_and_threshold, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let (first, second) =
        tokio::join!(a.mark_alert("guild:1", "2026-11-25", 80, now), b.mark_alert("guild:1", "2026-11-25", 80, now));
    assert!(first.unwrap() != second.unwrap(), "posted once, even by two processes at once");
    assert!(!a.mark_alert("guild:1", "2026-11-25", 80, now).await.unwrap());
    assert!(a.mark_alert("guild:1", "2026-11-25", 100, now).await.unwrap());
    assert!(a.mark_alert("guild:1", "2026-11-26", 80, now).await.unwrap());
    assert!(b.mark_alert("bot", "2026-11", 80, now).await.unwrap());
});

contract!(the_server_report_sums_charged_jobs_by_utc_day_and_ranks_requesters, |a, b| {
    let me = InstanceId("me".into());
    let spend = |job: &'static str, guild: u64, user: u64, cost: Option<f64>, when: &'static str| {
        let store: &dyn Store = &a;
        let charge = charge(job, Some(guild), user, 1.0, &me);
        async move {
            let when = at(when);
            store.reserve(&charge, &no_limits(), false, when).await.unwrap();
            match cost {
                Some(cost) => store.commit(&JobId::from(job), cost, 2, when).await.unwrap(),
                None => store.release(&JobId::from(job), when).await.unwrap(),
            }
        }
    };
    spend("before", GUILD, MEMBER, Some(5.0), "2026-11-23T23:59:59.999Z").await;
    spend("late", GUILD, MEMBER, Some(0.5), "2026-11-24T23:59:59.999Z").await;
    spend("early", GUILD, MEMBER + 1, Some(0.25), "2026-11-24T00:00:00Z").await;
    spend("midnight", GUILD, MEMBER + 1, Some(1.0), "2026-11-25T00:00:00Z").await;
    spend("server's", GUILD, 0, Some(0.1), "2026-11-25T10:00:00Z").await;
    spend("released", GUILD, MEMBER + 2, None, "2026-11-25T11:00:00Z").await;
    spend("elsewhere", GUILD + 1, MEMBER, Some(9.0), "2026-11-25T11:00:00Z").await;
    a.reserve(&charge("pending", Some(GUILD), MEMBER + 3, 3.0, &me), &no_limits(), false, at("2026-11-25T11:00:00Z"))
        .await
        .unwrap();

    let since = at("2026-11-24T00:00:00Z");
    let days = b.spend_by_day(ServerId(GUILD), since).await.unwrap();
    let day = |d: &str| d.parse().unwrap();
    assert_eq!(days.len(), 2, "{days:?}");
    assert_eq!((days[0].day, days[0].images), (day("2026-11-24"), 4));
    assert!(approx(days[0].usd, 0.75), "{days:?}");
    assert_eq!((days[1].day, days[1].images), (day("2026-11-25"), 4));
    assert!(approx(days[1].usd, 1.1), "{days:?}");

    let top: Vec<RequesterSpend> = b.top_requesters(ServerId(GUILD), since, 2).await.unwrap();
    assert_eq!(top.iter().map(|r| (r.user_id, r.images)).collect::<Vec<_>>(), [(MEMBER + 1, 4), (MEMBER, 2)]);
    assert!(approx(top[0].usd, 1.25) && approx(top[1].usd, 0.5), "{top:?}");
    assert_eq!(b.top_requesters(ServerId(GUILD), since, 10).await.unwrap().len(), 3, "the server's own spend too");
});

fn audit(job: &str, user: u64, outcome: Outcome, created_at: DateTime<Utc>) -> AuditEntry {
    AuditEntry {
        tag: JobTag {
            job_id: job.into(),
            guild_id: Some(GUILD),
            channel_id: CHANNEL,
            user_id: user,
            command: "generate".into(),
            model: "gpt-image-2".into(),
        },
        size: "1024x1024".into(),
        quality: "medium".into(),
        prompt: format!("prompt of {job}"),
        revised_prompt: None,
        outcome,
        reason: outcome.is_refusal().then(|| "against the rules".to_owned()),
        cost_usd: 0.0,
        message_id: None,
        image_url: None,
        created_at,
        thumbnail: None,
        parent: None,
    }
}

contract!(moderation_keeps_the_audit_log_the_blocklist_and_the_log_channels, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    a.record_audit(&audit("j1", MEMBER, Outcome::RefusedByRules, now - Duration::minutes(30))).await.unwrap();
    a.record_audit(&audit("j2", MEMBER, Outcome::Failed, now - Duration::minutes(20))).await.unwrap();
    a.record_audit(&audit("j3", MEMBER + 1, Outcome::RefusedByProvider, now - Duration::minutes(10))).await.unwrap();
    let delivered = AuditEntry {
        revised_prompt: Some("a better prompt".into()),
        cost_usd: 0.04,
        message_id: Some(99),
        image_url: Some("https://cdn.example/x.png".into()),
        parent: Some("j1".into()),
        ..audit("j2", MEMBER, Outcome::Delivered, now - Duration::minutes(5))
    };
    b.record_audit(&delivered).await.unwrap();
    b.record_audit(&audit("j4", MEMBER, Outcome::RefusedByProvider, now - Duration::minutes(5))).await.unwrap();

    let (page, total) = b.audit_history(ServerId(GUILD), None, 0, 2).await.unwrap();
    assert_eq!(total, 4, "a second write of a job replaces it");
    assert_eq!(page.iter().map(|e| e.tag.job_id.as_str()).collect::<Vec<_>>(), ["j4", "j2"], "newest first");
    assert_eq!(page[1], delivered, "every stored field, the parent job too");
    let (page, total) = a.audit_history(ServerId(GUILD), Some(MemberId(MEMBER)), 1, 10).await.unwrap();
    assert_eq!((total, page.iter().map(|e| e.tag.job_id.as_str()).collect::<Vec<_>>()), (3, vec!["j2", "j1"]));
    assert_eq!(
        a.refusals_since(Some(ServerId(GUILD)), MemberId(MEMBER), now - Duration::minutes(30)).await.unwrap(),
        2
    );
    assert_eq!(
        a.refusals_since(Some(ServerId(GUILD)), MemberId(MEMBER), now - Duration::minutes(29)).await.unwrap(),
        1
    );
    let mut own = audit("j5", MEMBER, Outcome::RefusedByRules, now - Duration::minutes(1));
    own.tag.guild_id = None;
    b.record_audit(&own).await.unwrap();
    let since = now - Duration::minutes(30);
    assert_eq!(a.refusals_since(None, MemberId(MEMBER), since).await.unwrap(), 1, "own jobs apart");
    assert_eq!(b.refusals_since(Some(ServerId(GUILD)), MemberId(MEMBER), since).await.unwrap(), 2);

    assert!(a.add_rule(ServerId(GUILD), &Rule::word("Dragon"), now).await.unwrap());
    assert!(!b.add_rule(ServerId(GUILD), &Rule::word("DRAGON"), now).await.unwrap(), "already there");
    assert!(a.add_rule(ServerId(GUILD), &Rule::regex("b[a-z]+d"), now).await.unwrap());
    assert!(a.add_rule(ServerId(GUILD), &Rule::word("apple"), now).await.unwrap());
    assert!(a.add_rule(ServerId(GUILD), &Rule::word("zebra"), now - Duration::minutes(1)).await.unwrap());
    assert!(a.add_rule(ServerId(GUILD + 1), &Rule::word("other"), now).await.unwrap());
    assert_eq!(
        b.blocklist(ServerId(GUILD)).await.unwrap(),
        [Rule::word("zebra"), Rule::word("apple"), Rule::regex("b[a-z]+d"), Rule::word("dragon")],
        "oldest first, then by pattern"
    );
    assert!(b.remove_rule(ServerId(GUILD), &Rule::word("dragon")).await.unwrap());
    assert!(!b.remove_rule(ServerId(GUILD), &Rule::word("dragon")).await.unwrap());

    assert_eq!(a.log_channel(ServerId(GUILD)).await.unwrap(), None);
    a.set_log_channel(ServerId(GUILD), CHANNEL).await.unwrap();
    b.set_log_channel(ServerId(GUILD), CHANNEL + 5).await.unwrap();
    b.set_log_channel(ServerId(GUILD + 1), CHANNEL + 6).await.unwrap();
    assert_eq!(a.log_channel(ServerId(GUILD)).await.unwrap(), Some(CHANNEL + 5));
    let mut channels = a.log_channels().await.unwrap();
    channels.sort();
    assert_eq!(channels, [(GUILD, CHANNEL + 5), (GUILD + 1, CHANNEL + 6)]);
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn processes_starting_at_once_on_postgres_migrate_once() {
    let Some(schema) = Schema::create("processes_starting_at_once_on_postgres_migrate_once").await else { return };
    let url = schema.url();
    let started = join_all((0..4).map(|_| PostgresStore::connect(&url))).await;
    assert!(started.iter().all(Result::is_ok), "every process starts");
    drop(started);
    let versions: Vec<i32> = schema
        .admin
        .query(&format!("SELECT version FROM {}.schema_migrations ORDER BY version", schema.name), &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(versions, [1, 2, 3, 4], "each migration once");
    PostgresStore::connect(&url).await.expect("a restart finds nothing to do");
    schema.remove().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_session_holding_a_lock_cannot_freeze_a_process_on_postgres() {
    let Some(schema) = Schema::create("a_stalled_session_holding_a_lock").await else { return };
    let store = PostgresStore::connect(&schema.url()).await.unwrap();
    // Another session (a stalled process, an operator's console) takes the ledger and never lets go.
    schema.admin.batch_execute("BEGIN").await.unwrap();
    schema.admin.batch_execute(&format!("LOCK TABLE {}.ledger IN ACCESS EXCLUSIVE MODE", schema.name)).await.unwrap();

    let started = std::time::Instant::now();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(40),
        store.usage(Some(ServerId(GUILD)), MemberId(MEMBER), Utc::now()),
    )
    .await;
    let waited = started.elapsed();
    schema.admin.batch_execute("ROLLBACK").await.unwrap();

    let outcome = read.expect("the store gave up by itself (lock_timeout), not after the test's 40 s");
    assert!(outcome.is_err(), "an error the caller can retry or explain, not a wait without end");
    assert!(waited < std::time::Duration::from_secs(30), "gave up after {waited:?}");
    assert!(
        store.usage(Some(ServerId(GUILD)), MemberId(MEMBER), Utc::now()).await.is_ok(),
        "and works once the lock is gone"
    );
    drop(store);
    schema.remove().await;
}

#[tokio::test]
async fn a_postgres_server_that_does_not_answer_is_named_without_its_password() {
    let error = match PostgresStore::connect("postgres://easel:hunter2@127.0.0.1:1/easel").await {
        Ok(_) => panic!("nothing listens on port 1"),
        Err(e) => e,
    };
    let mut chain = Vec::new();
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(e) = cause {
        chain.push(format!("{e} / {e:?}"));
        cause = e.source();
    }
    let chain = chain.join("\n");
    assert!(chain.contains("postgres://easel:***@127.0.0.1:1/easel"), "the server is named: {chain}");
    assert!(!chain.contains("hunter2"), "the password never is: {chain}");
}

contract!(free_text_holding_a_nul_character_is_still_recorded, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let me = InstanceId("me".into());
    let odd = "a fox\0 in snow";
    let entry = AuditEntry { reason: Some(odd.into()), ..audit("nul", MEMBER, Outcome::RefusedByRules, now) };
    a.record_audit(&AuditEntry { prompt: odd.into(), revised_prompt: Some(odd.into()), ..entry }).await.unwrap();
    let (page, _) = b.audit_history(ServerId(GUILD), None, 0, 1).await.unwrap();
    let shown = |s: &str| s.replace('\u{FFFD}', "\0");
    assert_eq!(shown(&page[0].prompt), odd, "kept, or its NUL shown as U+FFFD where the store cannot hold it");
    assert_eq!(page[0].revised_prompt.as_deref().map(shown).as_deref(), Some(odd));

    admit(&a, "nul-job", MEMBER, 0.1, &me, now).await;
    assert!(b.fail(&JobId::from("nul-job"), odd, None, now).await.unwrap());
    a.block(ServerId(GUILD), MemberId(MEMBER), &Block { until: None, reason: odd.into() }, now).await.unwrap();
    assert_eq!(
        b.block_of(ServerId(GUILD), MemberId(MEMBER), now).await.unwrap().map(|b| shown(&b.reason)).as_deref(),
        Some(odd)
    );
    a.create_request(&CommunityRequest { note: Some(odd.into()), ..community("nul-request", MEMBER, now) })
        .await
        .unwrap();
    assert!(b.decide("nul-request", RequestState::Open, RequestState::Denied, 7, Some(odd), now).await.unwrap());
    let request = a.community_request("nul-request").await.unwrap().unwrap();
    assert_eq!(
        (request.note.as_deref().map(shown), request.reason.as_deref().map(shown)),
        (Some(odd.into()), Some(odd.into()))
    );
    assert!(a.add_rule(ServerId(GUILD), &Rule::regex("fox\0"), now).await.unwrap());
    assert!(b.remove_rule(ServerId(GUILD), &Rule::regex("fox\0")).await.unwrap(), "removed by the same words");
});

contract!(racing_starts_across_two_processes_never_run_more_than_the_backends_cap, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let owner = InstanceId("starter".into());
    for i in 0..6 {
        admit(&a, &format!("capped-{i}"), MEMBER + i, 0.01, &owner, now).await;
    }
    let owner_ref = &owner;
    let starts = (0..6).map(|i| {
        let store: &dyn JobStore = if i % 2 == 0 { &a } else { &b };
        async move {
            store
                .start_capped(&JobId::from(&format!("capped-{i}")), owner_ref, BackendKind::Openai, 2, false, now)
                .await
                .unwrap()
        }
    });
    let outcomes = join_all(starts).await;
    let started = outcomes.iter().filter(|o| matches!(o, easel::jobs::queue::Start::Started(_))).count();
    assert_eq!(started, 2, "{outcomes:?}");
    assert_eq!(outcomes.iter().filter(|o| **o == easel::jobs::queue::Start::Full).count(), 4, "the rest stay queued");
    assert_eq!(
        a.start_capped(&JobId::from("capped-missing"), &owner, BackendKind::Openai, 9, false, now).await.unwrap(),
        easel::jobs::queue::Start::Gone
    );
    let other =
        a.start_capped(&JobId::from("capped-0"), &owner, BackendKind::Automatic1111, 1, false, now).await.unwrap();
    assert_ne!(other, easel::jobs::queue::Start::Full, "another backend's cap is its own");
});

contract!(with_fairness_the_member_whose_turn_is_longest_past_starts_first_whichever_process_asks, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let owner = InstanceId("fair".into());
    let other = MEMBER + 1;
    for (job, user) in [("first", MEMBER), ("second", MEMBER), ("theirs", other)] {
        admit(&a, job, user, 0.01, &owner, now).await;
    }
    assert!(matches!(
        a.start_capped(&JobId::from("first"), &owner, BackendKind::Openai, 5, true, now).await.unwrap(),
        easel::jobs::queue::Start::Started(_)
    ));
    let later = now + Duration::seconds(1);
    let mine = b.start_capped(&JobId::from("second"), &owner, BackendKind::Openai, 5, true, later).await.unwrap();
    assert_eq!(mine, easel::jobs::queue::Start::Full, "the other member, never served, goes first");
    let theirs = b.start_capped(&JobId::from("theirs"), &owner, BackendKind::Openai, 5, true, later).await.unwrap();
    assert!(matches!(theirs, easel::jobs::queue::Start::Started(_)));
    let again = a
        .start_capped(&JobId::from("second"), &owner, BackendKind::Openai, 5, true, later + Duration::seconds(1))
        .await
        .unwrap();
    assert!(matches!(again, easel::jobs::queue::Start::Started(_)), "then the first member again");
});

contract!(a_members_latest_failure_is_found_with_its_words_and_privacy, |a, b| {
    let now = at("2026-11-25T12:00:00Z");
    let me = InstanceId("me".into());
    let mut private = queued("private-one", Some(GUILD), MEMBER, now);
    private.request.private = true;
    a.enqueue(&private, &charge("private-one", Some(GUILD), MEMBER, 0.1, &me), &no_limits(), false, ROOMY, now)
        .await
        .unwrap();
    admit(&a, "public-one", MEMBER, 0.1, &me, now).await;
    let later = now + Duration::minutes(1);
    a.fail(&JobId::from("private-one"), "The image service is busy right now.", None, now).await.unwrap();
    a.fail(&JobId::from("public-one"), "The image service took too long.", None, later).await.unwrap();

    let latest =
        b.latest_failure(Some(ServerId(GUILD)), MemberId(MEMBER), now - Duration::hours(24)).await.unwrap().unwrap();
    assert_eq!((latest.job_id.as_str(), latest.private), ("public-one", false), "the latest first");
    assert_eq!(latest.reason, "The image service took too long.");
    assert!(
        b.latest_failure(Some(ServerId(GUILD)), MemberId(MEMBER), later + Duration::seconds(1))
            .await
            .unwrap()
            .is_none(),
        "since"
    );
    assert!(
        b.latest_failure(Some(ServerId(GUILD + 1)), MemberId(MEMBER), now).await.unwrap().is_none(),
        "another server's"
    );
    let before =
        b.latest_failure(Some(ServerId(GUILD)), MemberId(MEMBER), now - Duration::hours(1)).await.unwrap().unwrap();
    assert!(before.at >= now);
});
