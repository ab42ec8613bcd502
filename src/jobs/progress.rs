//! Progress in the member's message: while a job waits, its place in the queue ("3rd in the queue"),
//! edited as it moves; while it runs, that it is being generated and by which model; with a Cancel
//! button on both. What it shows is a [`Status`]; the Discord adapter puts it into words.
//!
//! Edits are coalesced: a job that starts at once is shown only once it has run for [`EDIT_EVERY`] (a
//! job that starts and ends quickly is never edited before its result), each message at most once per
//! [`EDIT_EVERY`], and at most [`EDITS_PER_TICK`] edits per tick across all jobs, nearest the front
//! first, so a long queue never floods Discord.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tracing::debug;

use super::Jobs;
use crate::backends::Progress;
use crate::domain::catalogue::BackendKind;
use crate::jobs::error;
use crate::jobs::queue::StoredJob;
use crate::media::imaging;

/// The least time between two edits of one message, and before a job's first.
pub const EDIT_EVERY: Duration = Duration::from_secs(2);
/// The most progress edits in one tick.
const EDITS_PER_TICK: usize = 20;

/// Whether a job's message may still show progress: locked for the whole of each progress edit, and
/// set (under the lock) when the job ends, so no edit can land after the result or the explanation.
pub type Gate = Arc<tokio::sync::Mutex<bool>>;

/// Where a job stands, as its message shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Waiting behind `ahead` jobs (0: next) for `model`; `backend_down` while that model's service
    /// does not answer (the job keeps its place).
    Queued {
        /// The catalogue id.
        model: String,
        /// Jobs before it.
        ahead: usize,
        /// Whether the model's service is not answering now.
        backend_down: bool,
    },
    /// Being made by `model`, `steps` far when the server says.
    Running {
        /// The catalogue id.
        model: String,
        /// How far it has got.
        steps: Option<Progress>,
    },
    /// Cancelled by member `by`; `charged` is the estimate it counts at when the model had started.
    Cancelled {
        /// Who cancelled it.
        by: u64,
        /// USD it counts at (`None`: nothing, it was still waiting).
        charged: Option<f64>,
    },
}

struct Watched {
    job: StoredJob,
    gate: Gate,
    since: DateTime<Utc>,
    running: bool,
    shown: Option<(Status, DateTime<Utc>)>,
    /// The last preview shown (a hash of it) and when.
    preview: Option<(u64, DateTime<Utc>)>,
    /// The job's life as one tracing span, from admission to its end.
    span: tracing::Span,
}

/// The jobs whose progress is shown, and what each message shows now.
#[derive(Default)]
pub struct Board {
    watched: Mutex<HashMap<String, Watched>>,
    /// Each backend's latest preview made small (with the hash of the server's picture), so a picture
    /// that did not change is not decoded and encoded again every tick.
    small_previews: Mutex<HashMap<BackendKind, SmallPreview>>,
}

/// A preview as members see it (a small JPEG), with the hash of the server's picture it was made from.
type SmallPreview = (u64, Arc<Vec<u8>>);

impl Board {
    fn with<T>(&self, work: impl FnOnce(&mut HashMap<String, Watched>) -> T) -> T {
        work(&mut self.watched.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Starts showing a queued job's progress; `span` is the job's life, entered whenever it works.
    pub fn watch(&self, job: StoredJob, now: DateTime<Utc>, span: tracing::Span) {
        let id = job.request.id.0.clone();
        let gate = Gate::default();
        self.with(|w| {
            w.insert(id, Watched { job, gate, since: now, running: false, shown: None, preview: None, span })
        });
    }

    /// The gate of a watched job's message (see [`Gate`]).
    pub fn gate(&self, job_id: &str) -> Option<Gate> {
        self.with(|w| w.get(job_id).map(|w| Arc::clone(&w.gate)))
    }

    /// The job ended: nothing more to show, and once this returns no progress edit is under way or
    /// can start.
    pub async fn seal(&self, job_id: &str) {
        let gate = self.with(|w| w.remove(job_id).map(|w| w.gate));
        if let Some(gate) = gate {
            *gate.lock().await = true;
        }
    }

    /// The span of a watched job.
    pub fn span(&self, job_id: &str) -> Option<tracing::Span> {
        self.with(|w| w.get(job_id).map(|w| w.span.clone()))
    }

    /// The job started running; returns when it was queued.
    pub fn running(&self, job_id: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.with(|w| {
            let watched = w.get_mut(job_id)?;
            let queued_at = std::mem::replace(&mut watched.since, now);
            watched.running = true;
            Some(queued_at)
        })
    }

    /// Whether no job waits or runs.
    pub fn is_empty(&self) -> bool {
        self.with(|w| w.is_empty())
    }

    /// Whether a job of `kind` is running.
    pub fn any_running(&self, kind: BackendKind) -> bool {
        self.with(|w| w.values().any(|w| w.running && w.job.backend == kind))
    }

    /// The job left this process (taken by another, or gone): nothing more to show.
    /// Whether `job_id`'s message should show the preview whose hash is `hash` now: the job runs (a
    /// waiting one has no picture yet), the picture is new, and none was shown within `every`.
    /// Recorded as shown when so.
    fn preview_due(&self, job_id: &str, hash: u64, now: DateTime<Utc>, every: Duration) -> bool {
        let every = chrono::Duration::from_std(every).unwrap_or_default();
        self.with(|watched| {
            let Some(w) = watched.get_mut(job_id).filter(|w| w.running) else { return false };
            let due = w.preview.is_none_or(|(shown, at)| shown != hash && now - at >= every);
            if due {
                w.preview = Some((hash, now));
            }
            due
        })
    }

    /// A backend's latest preview made small, with the hash of the server's picture it came from.
    fn small_preview(&self, kind: BackendKind) -> Option<SmallPreview> {
        self.small_previews.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&kind).cloned()
    }

    fn keep_small_preview(&self, kind: BackendKind, hash: u64, jpeg: Arc<Vec<u8>>) {
        self.small_previews.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(kind, (hash, jpeg));
    }

    pub fn forget(&self, job_id: &str) {
        self.with(|w| w.remove(job_id));
    }

    /// The edits due now: each job whose text changed and that was not edited lately, nearest the
    /// front first, at most [`EDITS_PER_TICK`]. Texts are worked out only for those candidates.
    fn due(
        &self,
        positions: &HashMap<String, usize>,
        status_of: impl Fn(&Watched, Option<usize>) -> Status,
        now: DateTime<Utc>,
    ) -> Vec<(StoredJob, Status, Gate)> {
        let every = chrono::Duration::from_std(EDIT_EVERY).unwrap_or_default();
        self.with(|watched| {
            let mut candidates: Vec<(usize, String)> = watched
                .iter()
                // A waiting job is shown at once; a running one once it has run a while.
                .filter(|(_, w)| if w.running { now - w.since >= every } else { true })
                .filter(|(_, w)| w.shown.as_ref().is_none_or(|(_, at)| now - *at >= every))
                .filter_map(|(id, w)| match (w.running, positions.get(id)) {
                    (true, _) => Some((0, id.clone())),
                    (false, Some(p)) => Some((*p, id.clone())),
                    (false, None) => None,
                })
                .collect();
            candidates.sort();
            let mut due = Vec::new();
            for (position, id) in candidates {
                if due.len() == EDITS_PER_TICK {
                    break;
                }
                let Some(w) = watched.get_mut(&id) else { continue };
                let status = status_of(w, (!w.running).then_some(position));
                if w.shown.as_ref().is_some_and(|(shown, _)| *shown == status) {
                    continue;
                }
                w.shown = Some((status.clone(), now));
                due.push((w.job.clone(), status, Arc::clone(&w.gate)));
            }
            due
        })
    }
}

/// Where a waiting (`position`: jobs before it) or running job stands.
fn status(model: String, position: Option<usize>, backend_down: bool, steps: Option<Progress>) -> Status {
    match position {
        Some(ahead) => Status::Queued { model, ahead, backend_down },
        None => Status::Running { model, steps },
    }
}

/// Shows `status` (and `preview`, when given) in a job's message unless the job has ended, holding its
/// gate for the whole edit: no progress or preview lands over the result.
pub async fn edit_progress(
    courier: &dyn super::Courier,
    gate: &Gate,
    job: &StoredJob,
    status: &Status,
    preview: Option<&[u8]>,
) {
    let ended = gate.lock().await;
    if *ended {
        return;
    }
    if let Err(e) = courier.progress(job, status, true, preview).await {
        debug!(job = %job.request.id, error = %error::chain(e.as_ref()), "could not show progress");
    }
    drop(ended);
}

/// Shows progress every [`EDIT_EVERY`] until the process stops.
pub async fn show(jobs: Arc<Jobs>) {
    let mut ticks = tokio::time::interval(EDIT_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if jobs.board.is_empty() {
            crate::memory::give_back();
        }
        let Some(courier) = jobs.courier().cloned() else { continue };
        let positions: HashMap<String, usize> =
            BackendKind::ALL.iter().flat_map(|kind| jobs.scheduler.waiting(*kind)).collect();
        // Stable Diffusion servers say how far their running job has got (AUTOMATIC1111 when polled,
        // ComfyUI on its websocket); asked once a tick, only when one runs.
        let mut steps = HashMap::new();
        for kind in [BackendKind::Automatic1111, BackendKind::Comfyui] {
            if jobs.board.any_running(kind) {
                if let Some(progress) = jobs.runner.progress(kind).await {
                    steps.insert(kind, progress);
                }
            }
        }
        let previews = match jobs.policy.preview_every {
            Some(_) => previews(&jobs).await,
            None => HashMap::new(),
        };
        let statuses = |w: &Watched, position: Option<usize>| {
            let model = jobs.admission.check(&w.job.request).map(|s| s.model.id).unwrap_or_default();
            let down = jobs.runner.breaker(w.job.backend).is_down();
            let steps = steps.get(&w.job.backend).copied();
            status(model, if w.running { None } else { position }, down, steps)
        };
        let now = jobs.clock.now();
        for (job, status, gate) in jobs.board.due(&positions, statuses, now) {
            let courier = Arc::clone(&courier);
            let preview = previews.get(&job.backend).filter(|(hash, _)| {
                let every = jobs.policy.preview_every.unwrap_or_default();
                jobs.board.preview_due(&job.request.id.0, *hash, now, every)
            });
            let preview = preview.map(|(_, jpeg)| Arc::clone(jpeg));
            tokio::spawn(async move {
                edit_progress(courier.as_ref(), &gate, &job, &status, preview.as_deref().map(Vec::as_slice)).await
            });
        }
    }
}

/// The latest preview of each backend running a job (OpenAI's streamed partial images, ComfyUI's
/// preview frames, AUTOMATIC1111's current image), made small (a JPEG of at most
/// [`imaging::PREVIEW_SIDE`] pixels a side) off the async threads once per new picture, with a hash to
/// tell a new one.
async fn previews(jobs: &Jobs) -> HashMap<BackendKind, SmallPreview> {
    let mut previews = HashMap::new();
    for kind in [BackendKind::Openai, BackendKind::Automatic1111, BackendKind::Comfyui] {
        if !jobs.board.any_running(kind) {
            continue;
        }
        let Some(raw) = jobs.runner.preview(kind).await else { continue };
        let hash = {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            raw.hash(&mut hasher);
            hasher.finish()
        };
        let made = jobs.board.small_preview(kind).filter(|(made, _)| *made == hash);
        let small = match made {
            Some((_, jpeg)) => Some(jpeg),
            None => tokio::task::spawn_blocking(move || imaging::preview_jpeg(&raw)).await.ok().flatten().map(Arc::new),
        };
        if let Some(jpeg) = small {
            jobs.board.keep_small_preview(kind, hash, Arc::clone(&jpeg));
            previews.insert(kind, (hash, jpeg));
        }
    }
    previews
}
