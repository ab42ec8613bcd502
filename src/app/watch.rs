//! The live model watch: the served-models check of start-up, again every `EASEL_MODEL_WATCH_SECS`.
//! Servers are warned in their moderation log channels 30, 7 and 1 days before a model's shutdown
//! date (once each); on that date the model is no longer offered and the commands' choices follow,
//! without a restart.

use std::sync::Arc;
use std::time::Duration;

use tracing::{info, warn};

use crate::app::lifecycle::Notice;
use crate::app::startup::Listings;
use crate::community::moderation::{LogNotice, Moderation};
use crate::community::spend::AlertStore;
use crate::domain::catalogue::Catalogue;
use crate::domain::clock::Clock;
use crate::jobs::admission::Admission;
use crate::jobs::runner::Backends;

/// How many days before a shutdown servers are warned.
pub const WARN_AT_DAYS: [i64; 3] = [30, 7, 1];

/// Watches what the backends serve while the bot runs.
pub struct ModelWatch {
    /// The backends asked.
    pub backends: Backends,
    /// The catalogue file's models (all of them; the offer is narrowed from it).
    pub catalogue: Catalogue,
    /// Where the offer is replaced.
    pub admission: Arc<Admission>,
    /// Where warnings are posted.
    pub moderation: Arc<Moderation>,
    /// Where warnings already posted are remembered.
    pub alerts: Arc<dyn AlertStore>,
    /// The time.
    pub clock: Arc<dyn Clock>,
    /// How often to look.
    pub every: Duration,
}

impl ModelWatch {
    /// Looks now and then every [`Self::every`], until the process stops.
    pub async fn run(self) {
        let mut ticks = tokio::time::interval(self.every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            self.look().await;
            // A look builds HTTP answers and catalogues; what it grew can go back to the system.
            crate::memory::give_back();
        }
    }

    /// One look: warnings due, and the offer narrowed to what is served and not retired.
    pub async fn look(&self) {
        let today = self.clock.now().date_naive();
        let listings = Listings::ask(&self.backends).await;
        let (offered, notices) = listings.narrow(&self.catalogue, today);
        for notice in notices {
            if let Notice::ShuttingDown { model, on, replacement } = notice {
                self.warn_once(&model, on, replacement.as_deref(), (on - today).num_days()).await;
            }
        }
        let before: Vec<String> = self.admission.catalogue().models().iter().map(|m| m.id.clone()).collect();
        if self.admission.replace_offer(offered) {
            let now: Vec<String> = self.admission.catalogue().models().iter().map(|m| m.id.clone()).collect();
            let gone: Vec<&String> = before.iter().filter(|m| !now.contains(m)).collect();
            info!(?gone, offered = ?now, "the models offered changed; the commands are registered again");
            for model in gone {
                let replacement = self.admission.replacement_of(model).unwrap_or_default();
                let notice = LogNotice::ModelRetired { model: model.clone(), replacement };
                self.moderation.notice_all(&notice).await;
            }
        }
    }

    /// Posts the warning for the tightest of 30, 7 and 1 days not yet posted for this shutdown.
    async fn warn_once(&self, model: &str, on: chrono::NaiveDate, replacement: Option<&str>, days_left: i64) {
        let due: Vec<i64> = WARN_AT_DAYS.into_iter().filter(|d| days_left <= *d).collect();
        let Some(tightest) = due.last().copied() else { return };
        let now = self.clock.now();
        let mut fresh = false;
        for days in &due {
            match self.alerts.mark_alert(&format!("model:{model}"), &on.to_string(), *days as u32, now).await {
                Ok(new) => fresh |= new && *days == tightest,
                Err(e) => return warn!(error = %crate::text::chain(&e), "could not record a model warning"),
            }
        }
        if !fresh {
            return;
        }
        warn!(model, %on, days_left, "a model is retiring");
        let replacement = replacement.map(str::to_owned);
        let notice = LogNotice::ModelRetiring { model: model.to_owned(), on, days_left, replacement };
        self.moderation.notice_all(&notice).await;
    }
}
