//! Opens the configured store and hands out each port it implements: SQLite (embedded, the default) or
//! Postgres when `EASEL_DATABASE_URL` names one.

use std::sync::Arc;

use super::postgres::PostgresStore;
use super::sqlite::SqliteStore;
use super::{Store, StoreError};
use crate::community::moderation::ModerationStore;
use crate::community::report::ReportStore;
use crate::community::settings::SettingsStore;
use crate::community::spend::AlertStore;
use crate::config::Config;
use crate::desk::RequestStore;
use crate::jobs::queue::JobStore;

/// Every storage port, over one database.
#[derive(Clone)]
pub struct Stores {
    /// The ledger, limits and blocks.
    pub store: Arc<dyn Store>,
    /// The job queue.
    pub jobs: Arc<dyn JobStore>,
    /// The audit log, blocklists and log channels.
    pub moderation: Arc<dyn ModerationStore>,
    /// Members' `/settings`.
    pub settings: Arc<dyn SettingsStore>,
    /// Community requests.
    pub requests: Arc<dyn RequestStore>,
    /// Spend alerts and model warnings already posted.
    pub alerts: Arc<dyn AlertStore>,
    /// `/usage server`'s reads.
    pub report: Arc<dyn ReportStore>,
    /// What the database is, for the log and `easel check` (a Postgres URL without its password).
    pub describe: String,
}

impl Stores {
    /// Opens (and migrates) the configured database.
    pub async fn open(config: &Config) -> Result<Self, StoreError> {
        match &config.database_url {
            Some(url) => {
                let store = Arc::new(PostgresStore::connect_with(url.expose(), config.database_ca.as_deref()).await?);
                let link = if store.encrypted().await? { "TLS" } else { "plain connection" };
                Ok(Self::over(store, format!("Postgres at {} ({link})", super::postgres::redact(url.expose()))))
            }
            None => {
                let store = Arc::new(SqliteStore::open(&config.database_path)?);
                Ok(Self::over(store, format!("SQLite file {}", config.database_path.display())))
            }
        }
    }

    fn over<S>(store: Arc<S>, describe: String) -> Self
    where
        S: Store + JobStore + ModerationStore + SettingsStore + RequestStore + AlertStore + ReportStore + 'static,
    {
        Self {
            store: Arc::clone(&store) as Arc<dyn Store>,
            jobs: Arc::clone(&store) as Arc<dyn JobStore>,
            moderation: Arc::clone(&store) as Arc<dyn ModerationStore>,
            settings: Arc::clone(&store) as Arc<dyn SettingsStore>,
            requests: Arc::clone(&store) as Arc<dyn RequestStore>,
            alerts: Arc::clone(&store) as Arc<dyn AlertStore>,
            report: store as Arc<dyn ReportStore>,
            describe,
        }
    }
}
