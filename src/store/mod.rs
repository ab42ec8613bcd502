//! Persistence adapters behind the ledger port ([`crate::domain::ledger::Store`]) and the other
//! services' store ports: SQLite ([`sqlite::SqliteStore`]) by default, embedded, one file, nothing to
//! install; Postgres ([`postgres::PostgresStore`]) when `EASEL_DATABASE_URL` names one. Adapters only:
//! every port and type they implement is defined by the code that uses it.
//!
//! May import: every wing below it (`domain`, `media`, `community`, `backends`, `jobs`, `desk`,
//! `config`) and the leaf helpers.

pub mod migrate;
mod open;
pub mod postgres;
mod sql;
pub use open::Stores;
pub mod sqlite;

use crate::domain::ledger::{Charge, InstanceId, LedgerState, ReserveError, Store, StoreError};
use crate::domain::limits::Block;
