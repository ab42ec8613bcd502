//! Work Easel does on a timer, beside members' jobs: keeping the in-memory settings and approval
//! policies current with other processes' writes, and forgetting members' words past the retention
//! period.

use std::sync::Arc;
use std::time::Duration;

use tracing::{info, warn};

use crate::community::moderation::ModerationStore;
use crate::community::settings::Settings;
use crate::desk::{Desk, RequestStore};
use crate::domain::clock::Clock;
use crate::jobs::queue::JobStore;

/// How often the mirrored settings and boards are brought up to date: another process's change is seen
/// within this.
pub const REFRESH_EVERY: Duration = Duration::from_secs(3);

/// How often old rows lose their words.
const FORGET_EVERY: Duration = Duration::from_secs(3600);

/// Loads the members' settings and the request boards into memory, then keeps them current.
pub async fn mirror(settings: Arc<Settings>, desk: Arc<Desk>) {
    let mut ticks = tokio::time::interval(REFRESH_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut failing = false;
    loop {
        ticks.tick().await;
        let refreshed = match (settings.refresh().await, desk.refresh().await) {
            (Ok(()), Ok(())) => Ok(()),
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        match refreshed {
            Ok(()) if failing => {
                info!("members' settings and request boards are current again");
                failing = false;
            }
            Ok(()) => {}
            Err(e) if !failing => {
                warn!(error = %crate::text::chain(&e), "could not refresh members' settings and request boards; answering privately until it works");
                failing = true;
            }
            Err(_) => {}
        }
    }
}

/// The stores whose rows hold members' words.
pub struct Remembering {
    /// Jobs (the request's prompt, its links).
    pub jobs: Arc<dyn JobStore>,
    /// The audit log.
    pub moderation: Arc<dyn ModerationStore>,
    /// Community requests.
    pub requests: Arc<dyn RequestStore>,
}

/// Removes prompt text and links older than `retain` from jobs, the audit log and community requests,
/// at start-up and hourly; the ledger's figures stay.
pub async fn forget_old_words(stores: Remembering, clock: Arc<dyn Clock>, retain: Duration) {
    let retain = chrono::Duration::from_std(retain).unwrap_or(chrono::Duration::days(90));
    let mut ticks = tokio::time::interval(FORGET_EVERY);
    loop {
        ticks.tick().await;
        let cutoff = clock.now() - retain;
        let forgotten = (
            stores.jobs.forget_words_before(cutoff).await,
            stores.moderation.forget_words_before(cutoff).await,
            stores.requests.forget_words_before(cutoff).await,
        );
        match forgotten {
            (Ok(jobs), Ok(audit), Ok(requests)) if jobs + audit + requests > 0 => {
                info!(jobs, audit, requests, "removed members' words past the retention period");
            }
            (Ok(_), Ok(_), Ok(_)) => {}
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                warn!(error = %crate::text::chain(&e), "could not remove members' words past the retention period");
            }
        }
    }
}
