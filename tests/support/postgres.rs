//! A Postgres schema of a test's own, on the server `EASEL_TEST_DATABASE_URL` names (`.ci/run` starts
//! one); tests that need Postgres skip their Postgres half, saying so, when it is unset.

use std::sync::atomic::{AtomicU32, Ordering};

use easel::store::postgres::PostgresStore;

/// A schema of its own in the test server's database, dropped at the end of a test that passed (one
/// that failed leaves it to look at).
pub struct Schema {
    url: String,
    /// The schema's name.
    pub name: String,
    /// A connection for the test's own statements.
    pub admin: tokio_postgres::Client,
}

impl Schema {
    /// A new, empty schema; `None` (with a line saying so) when `EASEL_TEST_DATABASE_URL` is unset.
    pub async fn create(test: &str) -> Option<Self> {
        let Some(url) = std::env::var("EASEL_TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) else {
            println!("EASEL_TEST_DATABASE_URL is unset: {test} ran against SQLite only, its Postgres half skipped");
            // Once per run, past the test harness's capture, so a run without Postgres says so.
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                let line = "note: EASEL_TEST_DATABASE_URL is unset: the store contract tests ran against SQLite only\n";
                let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
            });
            return None;
        };
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
        let name = format!("t_{}_{nanos}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let (admin, connection) =
            tokio_postgres::connect(&url, tokio_postgres::NoTls).await.expect("EASEL_TEST_DATABASE_URL answers");
        tokio::spawn(connection);
        admin.batch_execute(&format!("CREATE SCHEMA {name}")).await.unwrap();
        Some(Self { url, name, admin })
    }

    /// The server's URL with this schema as the connections' search path.
    pub fn url(&self) -> String {
        let separator = if self.url.contains('?') { '&' } else { '?' };
        format!("{}{separator}options=-csearch_path%3D{}", self.url, self.name)
    }

    /// Two stores (two pools, as two processes) started at once on this schema.
    pub async fn pair(&self) -> (PostgresStore, PostgresStore) {
        let url = self.url();
        let (a, b) = tokio::join!(PostgresStore::connect(&url), PostgresStore::connect(&url));
        (a.unwrap(), b.unwrap())
    }

    /// Drops the schema. A process still stopping may hold its tables for a moment (a deadlock for the
    /// drop): it is tried again a few times, and a schema left over is harmless in a throwaway database.
    pub async fn remove(self) {
        for _ in 0..10 {
            if self.admin.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.name)).await.is_ok() {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
    }
}
