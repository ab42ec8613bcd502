//! Who runs next: one lane per backend, each with a cap on jobs running at once, and fairness across
//! members (round-robin over members, first come first served within one member), so one member's ten
//! requests do not delay another member's first.
//!
//! The rotation is ordered by when each member was last served: a member who just had a job started
//! goes to the back, and a member arriving with their first request goes ahead of everyone already
//! served, even when the other member's earlier job is still running.
//!
//! Pure bookkeeping under one short std `Mutex` section per call (never held across an `.await`); the
//! durable truth is the job store, from which a restarted process rebuilds these lanes.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use crate::domain::catalogue::BackendKind;

/// A member as fairness sees them: one queue per member per server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Member {
    /// The server (`None` in DMs).
    pub guild_id: Option<u64>,
    /// The member.
    pub user_id: u64,
}

/// A job waiting in a lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// The job.
    pub job_id: String,
    /// Whose it is.
    pub member: Member,
}

#[derive(Default)]
struct Lane {
    /// Members with waiting jobs, in the order they are served next (by `served_at`, oldest first).
    turns: VecDeque<Member>,
    /// Each member's waiting jobs, oldest first.
    waiting: HashMap<Member, VecDeque<String>>,
    /// When each member with waiting or running jobs was last served (a tick of `clock`).
    served_at: HashMap<Member, u64>,
    /// Each member's running jobs.
    running_of: HashMap<Member, usize>,
    clock: u64,
    running: usize,
    cap: usize,
}

impl Lane {
    /// Forgets a member once nothing of theirs waits or runs.
    fn tidy(&mut self, member: Member) {
        if !self.waiting.contains_key(&member) && self.running_of.get(&member).is_none_or(|n| *n == 0) {
            self.served_at.remove(&member);
            self.running_of.remove(&member);
        }
    }

    /// Puts a member into the rotation after everyone served before (or as recently as) them.
    fn join(&mut self, member: Member) {
        let mine = self.served_at.get(&member).copied().unwrap_or(0);
        let at = self.turns.iter().position(|m| self.served_at.get(m).copied().unwrap_or(0) > mine);
        match at {
            Some(index) => self.turns.insert(index, member),
            None => self.turns.push_back(member),
        }
    }

    fn len(&self) -> usize {
        self.waiting.values().map(VecDeque::len).sum()
    }

    /// Jobs that would start before `job_id`: each round serves one job of every member in turn.
    fn position(&self, job_id: &str) -> Option<usize> {
        let (turn, member) = self.turns.iter().enumerate().find_map(|(turn, member)| {
            self.waiting.get(member).filter(|jobs| jobs.iter().any(|j| j == job_id)).map(|_| (turn, member))
        })?;
        let index = self.waiting[member].iter().position(|j| j == job_id)?;
        let before: usize = self
            .turns
            .iter()
            .enumerate()
            .filter(|(_, other)| *other != member)
            .map(|(other_turn, other)| {
                let rounds = if other_turn < turn { index + 1 } else { index };
                self.waiting[other].len().min(rounds)
            })
            .sum();
        Some(before + index)
    }
}

/// The lanes of every backend.
pub struct Scheduler {
    lanes: Mutex<HashMap<BackendKind, Lane>>,
}

impl Scheduler {
    /// Lanes with these caps on jobs running at once (a backend not listed runs one at a time).
    pub fn new(caps: &[(BackendKind, usize)]) -> Self {
        let lanes = caps.iter().map(|(kind, cap)| (*kind, Lane { cap: (*cap).max(1), ..Lane::default() })).collect();
        Self { lanes: Mutex::new(lanes) }
    }

    fn with<T>(&self, kind: BackendKind, work: impl FnOnce(&mut Lane) -> T) -> T {
        let mut lanes = self.lanes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        work(lanes.entry(kind).or_insert_with(|| Lane { cap: 1, ..Lane::default() }))
    }

    /// Puts a job at the back of its member's queue.
    pub fn push(&self, kind: BackendKind, waiting: Waiting) {
        self.with(kind, |lane| {
            let jobs = lane.waiting.entry(waiting.member).or_default();
            let joins = jobs.is_empty();
            if !jobs.contains(&waiting.job_id) {
                jobs.push_back(waiting.job_id);
            }
            if joins {
                lane.join(waiting.member);
            }
        });
    }

    /// Takes the next job to run, if the lane has room: the member whose turn it is, their oldest job.
    /// The caller MUST call [`Self::finished`] when that job stops running.
    pub fn next(&self, kind: BackendKind) -> Option<Waiting> {
        self.with(kind, |lane| {
            if lane.running >= lane.cap {
                return None;
            }
            let member = lane.turns.pop_front()?;
            let jobs = lane.waiting.get_mut(&member)?;
            let job_id = jobs.pop_front()?;
            let more = !jobs.is_empty();
            lane.clock += 1;
            lane.served_at.insert(member, lane.clock);
            *lane.running_of.entry(member).or_default() += 1;
            if more {
                lane.turns.push_back(member);
            } else {
                lane.waiting.remove(&member);
            }
            lane.running += 1;
            Some(Waiting { job_id, member })
        })
    }

    /// A job that [`Self::next`] handed out for `member` stopped running: its place is free.
    pub fn finished(&self, kind: BackendKind, member: Member) {
        self.with(kind, |lane| {
            lane.running = lane.running.saturating_sub(1);
            if let Some(n) = lane.running_of.get_mut(&member) {
                *n = n.saturating_sub(1);
            }
            lane.tidy(member);
        });
    }

    /// Takes a waiting job out (cancelled); returns whether it was waiting.
    pub fn remove(&self, kind: BackendKind, job_id: &str) -> bool {
        self.with(kind, |lane| {
            let Some(member) = lane.waiting.iter().find(|(_, jobs)| jobs.iter().any(|j| j == job_id)).map(|(m, _)| *m)
            else {
                return false;
            };
            let jobs = lane.waiting.get_mut(&member).expect("found above");
            jobs.retain(|j| j != job_id);
            if jobs.is_empty() {
                lane.waiting.remove(&member);
                lane.turns.retain(|m| *m != member);
                lane.tidy(member);
            }
            true
        })
    }

    /// How many jobs would start before this one (0: it is next), if it is waiting.
    pub fn position(&self, kind: BackendKind, job_id: &str) -> Option<usize> {
        self.with(kind, |lane| lane.position(job_id))
    }

    /// Every waiting job of a lane with its position, in the order they would start (for progress).
    pub fn waiting(&self, kind: BackendKind) -> Vec<(String, usize)> {
        self.with(kind, |lane| {
            let mut order = Vec::with_capacity(lane.len());
            for round in 0.. {
                let before = order.len();
                for member in &lane.turns {
                    if let Some(job) = lane.waiting.get(member).and_then(|jobs| jobs.get(round)) {
                        order.push((job.clone(), order.len()));
                    }
                }
                if order.len() == before {
                    break;
                }
            }
            order
        })
    }

    /// Jobs waiting in a lane.
    pub fn len(&self, kind: BackendKind) -> usize {
        self.with(kind, |lane| lane.len())
    }

    /// Whether no job waits in any lane.
    pub fn is_empty(&self) -> bool {
        BackendKind::ALL.iter().all(|kind| self.len(*kind) == 0)
    }

    /// Jobs running in a lane, and its cap.
    pub fn running(&self, kind: BackendKind) -> (usize, usize) {
        self.with(kind, |lane| (lane.running, lane.cap))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const KIND: BackendKind = BackendKind::Openai;

    fn member(user_id: u64) -> Member {
        Member { guild_id: Some(1), user_id }
    }

    fn push(s: &Scheduler, user: u64, job: &str) {
        s.push(KIND, Waiting { job_id: job.into(), member: member(user) });
    }

    fn run_all(s: &Scheduler) -> Vec<String> {
        let mut order = Vec::new();
        while let Some(w) = s.next(KIND) {
            order.push(w.job_id);
            s.finished(KIND, w.member);
        }
        order
    }

    #[test]
    fn a_member_with_ten_requests_does_not_delay_anothers_first() {
        let s = Scheduler::new(&[(KIND, 1)]);
        for i in 0..10 {
            push(&s, 1, &format!("a{i}"));
        }
        push(&s, 2, "b0");
        assert_eq!(s.position(KIND, "b0"), Some(1));
        let order = run_all(&s);
        assert_eq!(&order[..3], ["a0", "b0", "a1"]);
        assert_eq!(order.len(), 11);
    }

    #[test]
    fn a_newcomer_goes_ahead_of_a_member_whose_first_job_is_already_running() {
        let s = Scheduler::new(&[(KIND, 1)]);
        push(&s, 1, "a0");
        let running = s.next(KIND).unwrap();
        for i in 1..10 {
            push(&s, 1, &format!("a{i}"));
        }
        push(&s, 2, "b0");
        assert_eq!(s.position(KIND, "b0"), Some(0), "b0 runs second, right after a0");
        s.finished(KIND, running.member);
        assert_eq!(run_all(&s)[..2], ["b0", "a1"]);
    }

    #[test]
    fn the_cap_holds_until_a_job_finishes() {
        let s = Scheduler::new(&[(KIND, 2)]);
        for i in 0..5 {
            push(&s, i, &format!("j{i}"));
        }
        let first = s.next(KIND).unwrap();
        assert!(s.next(KIND).is_some());
        assert_eq!(s.next(KIND), None, "two running, the cap");
        s.finished(KIND, first.member);
        assert_eq!(s.next(KIND).map(|w| w.job_id), Some("j2".into()));
        assert_eq!(s.running(KIND), (2, 2));
    }

    #[test]
    fn a_cancelled_job_leaves_the_queue_and_positions_move_up() {
        let s = Scheduler::new(&[(KIND, 1)]);
        push(&s, 1, "a0");
        push(&s, 1, "a1");
        push(&s, 2, "b0");
        assert_eq!(s.position(KIND, "a1"), Some(2));
        assert!(s.remove(KIND, "a0"));
        assert!(!s.remove(KIND, "a0"));
        assert_eq!(s.position(KIND, "a1"), Some(0), "a1 takes the turn a0 left");
        assert_eq!(s.position(KIND, "b0"), Some(1));
        assert_eq!(run_all(&s), ["a1", "b0"]);
    }

    proptest! {
        #[test]
        fn positions_predict_the_order_jobs_start_in(users in prop::collection::vec(0u64..5, 0..40)) {
            let s = Scheduler::new(&[(KIND, 1)]);
            for (i, user) in users.iter().enumerate() {
                push(&s, *user, &format!("j{i}"));
            }
            let predicted: Vec<String> = s.waiting(KIND).into_iter().map(|(job, _)| job).collect();
            let positions: Vec<usize> = s.waiting(KIND).into_iter().map(|(_, p)| p).collect();
            prop_assert_eq!(positions, (0..users.len()).collect::<Vec<_>>());
            prop_assert_eq!(run_all(&s), predicted);
        }
    }
}
