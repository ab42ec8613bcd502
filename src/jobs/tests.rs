//! The jobs' guarantees with fake ports: whatever a job does (even panic), its member is answered and
//! nothing is charged for an image they did not get.

use std::sync::Mutex;

use super::*;
use crate::domain::catalogue::Catalogue;
use crate::domain::clock::SystemClock;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::Store;
use crate::domain::limits::Limits;
use crate::domain::request::Command;
use crate::jobs::admission::AdmissionPorts;
use crate::jobs::queue::{JobState, QueueCaps, Ticket};
use crate::jobs::runner::tests::{runner, ScriptedBackend};
use crate::store::sqlite::SqliteStore;

/// A courier that records what the member was told, and panics on delivery when asked to.
#[derive(Default)]
struct Recorded {
    panic_on_delivery: bool,
    explained: Mutex<Vec<String>>,
    delivered: Mutex<usize>,
}

#[async_trait]
impl Courier for Recorded {
    async fn progress(
        &self,
        _: &StoredJob,
        _: &super::progress::Status,
        _: bool,
        _: Option<&[u8]>,
    ) -> Result<(), DeliveryError> {
        Ok(())
    }
    async fn deliver(&self, _: &StoredJob, _: &JobSpec, _: &FinishedJob) -> Result<Receipt, DeliveryError> {
        assert!(!self.panic_on_delivery, "a bug in delivery");
        *self.delivered.lock().unwrap() += 1;
        Ok(Receipt { message_id: Some(42), channel_id: Some(2), attachment_urls: Vec::new() })
    }
    async fn explain(&self, _: &StoredJob, failure: &JobError) {
        self.explained.lock().unwrap().push(format!("{failure:?}"));
    }
    fn failure_words(&self, _: &StoredJob, failure: &JobError) -> String {
        failure.to_string()
    }
}

fn jobs(name: &str) -> (Arc<Jobs>, Arc<SqliteStore>) {
    let dir = std::env::temp_dir().join(format!("easel-jobs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let store = Arc::new(SqliteStore::open(&dir.join("easel.db")).unwrap());
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let instance = InstanceId("test".into());
    let admission = Admission::new(
        Arc::new(Catalogue::builtin()),
        "gpt-image-2".into(),
        1 << 20,
        Limits::new([None; 6], false),
        QueueCaps { per_guild: 100, total: 100 },
        AdmissionPorts {
            store: Arc::clone(&store) as Arc<dyn Store>,
            jobs: Arc::clone(&store) as Arc<dyn JobStore>,
            clock: Arc::clone(&clock),
            instance: instance.clone(),
        },
    );
    let jobs = Jobs::new(JobsParts {
        store: Arc::clone(&store) as Arc<dyn JobStore>,
        admission: Arc::new(admission),
        runner: Arc::new(runner(Arc::new(ScriptedBackend::default()), 5)),
        scheduler: Scheduler::new(&[(BackendKind::Openai, 1)]),
        spool: Spool::open(&dir.join("spool")).unwrap(),
        clock,
        instance,
        moderation: None,
        policy: JobsPolicy {
            max_attempts: 2,
            grace: Duration::from_secs(5),
            lease: chrono::Duration::seconds(60),
            keep: Duration::from_secs(7 * 86_400),
            shared_store: false,
            preview_every: None,
        },
        metrics: Arc::new(crate::jobs::telemetry::Metrics::new()),
        spend: None,
    });
    (jobs, store)
}

fn ticket() -> Ticket {
    Ticket { token: crate::secret::Secret::new("t"), expires_at: chrono::Utc::now() + chrono::Duration::minutes(10) }
}

async fn settled(store: &SqliteStore, job: &str) -> JobState {
    for _ in 0..200 {
        let state = store.job(&JobId::from(job)).await.unwrap().unwrap().state;
        if state.is_final() {
            return state;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("job {job} never ended");
}

#[tokio::test]
async fn a_job_that_panics_is_answered_and_costs_nothing() {
    let (jobs, store) = jobs("panic");
    let courier = Arc::new(Recorded { panic_on_delivery: true, ..Recorded::default() });
    jobs.start(Arc::clone(&courier) as Arc<dyn Courier>);

    let request = crate::domain::request::tests::request(Command::Generate, "a fox");
    jobs.submit(&request, ticket()).await.unwrap();

    assert_eq!(settled(&store, "1").await, JobState::Failed);
    for _ in 0..200 {
        if !courier.explained.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let explained = courier.explained.lock().unwrap().clone();
    assert_eq!(explained.len(), 1, "told once");
    assert!(explained[0].starts_with("Unexpected("), "an internal fault: {explained:?}");
    let usage = store.usage(Some(ServerId(1)), MemberId(7), chrono::Utc::now()).await.unwrap();
    assert_eq!((usage.user_images, usage.in_flight), (0, 0), "the reservation was released");
}

#[tokio::test]
async fn a_delivered_job_is_charged_once_and_its_images_are_kept_for_show() {
    let (jobs, store) = jobs("charged");
    let courier = Arc::new(Recorded::default());
    jobs.start(Arc::clone(&courier) as Arc<dyn Courier>);

    let request = crate::domain::request::tests::request(Command::Generate, "a fox");
    jobs.submit(&request, ticket()).await.unwrap();

    assert_eq!(settled(&store, "1").await, JobState::Delivered);
    assert_eq!(*courier.delivered.lock().unwrap(), 1);
    let job = store.job(&JobId::from("1")).await.unwrap().unwrap();
    assert_eq!((job.message_id, job.channel_id), (Some(42), Some(2)));
    assert!(job.ticket.token.expose().is_empty(), "the token is forgotten once the job ends");
    let usage = store.usage(Some(ServerId(1)), MemberId(7), chrono::Utc::now()).await.unwrap();
    assert_eq!((usage.user_images, usage.user_usd, usage.in_flight), (1, 0.048, 0));
    let by = super::Canceller { user_id: 7, guild_id: Some(1), can_moderate: false };
    match jobs.show("1", by).await {
        Ok(super::show::Shown::Kept { finished, .. }) => assert_eq!(finished.images.len(), 1),
        other => panic!("the delivered images are kept: {other:?}"),
    }
    let stranger = super::Canceller { user_id: 8, ..by };
    assert!(matches!(jobs.show("1", stranger).await.unwrap_err(), super::show::NotShown::NotYours));
    assert_eq!(jobs.spool.prune(Duration::ZERO).await, 1, "pruned once past the keep period");
    match jobs.show("1", by).await {
        Ok(super::show::Shown::Posted { channel_id, message_id, .. }) => assert_eq!((channel_id, message_id), (2, 42)),
        other => panic!("after pruning, the delivered message is where to look: {other:?}"),
    }
}
