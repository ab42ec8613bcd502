//! The state of this process's gateway shards, shared by the Discord adapter (which watches them) and
//! the owner's `/healthz` and `/metrics` (which show them).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::config::shards::ShardPlan;

/// This process's shards and whether they are connected.
#[derive(Debug, Default)]
pub struct Gateway {
    plan: ShardPlan,
    connected: AtomicBool,
    shards: Mutex<Vec<(u32, bool)>>,
}

impl Gateway {
    /// The gateway of a process running `plan`, not yet connected.
    pub fn new(plan: ShardPlan) -> Self {
        Self { plan, ..Self::default() }
    }

    /// The shards this process was told to run.
    pub fn plan(&self) -> ShardPlan {
        self.plan
    }

    /// Whether every shard this process runs is connected.
    pub fn is_connected(&self) -> bool {
        self.connected.load(Ordering::SeqCst)
    }

    /// Each shard this process runs, and whether it is connected, by shard id.
    pub fn shards(&self) -> Vec<(u32, bool)> {
        self.shards.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    /// Records what the shard manager says; returns whether every shard is connected now.
    pub fn observe(&self, mut shards: Vec<(u32, bool)>) -> bool {
        shards.sort_unstable();
        let all = !shards.is_empty() && shards.iter().all(|(_, up)| *up);
        *self.shards.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = shards;
        self.connected.store(all, Ordering::SeqCst);
        all
    }

    /// Records that `shard` connected (its READY arrived), before the next look at the shard manager.
    pub fn ready(&self, shard: u32) {
        let mut shards = self.shards();
        shards.retain(|(id, _)| *id != shard);
        shards.push((shard, true));
        self.observe(shards);
    }

    /// Marks every shard disconnected (the process is stopping).
    pub fn disconnected(&self) {
        let shards = self.shards().into_iter().map(|(id, _)| (id, false)).collect();
        self.observe(shards);
    }
}
