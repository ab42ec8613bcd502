//! TLS to Postgres, as hosted services require: against the test server `.ci/run` starts with TLS on
//! and a throwaway CA (`EASEL_TEST_DATABASE_CA`), the connection is encrypted and verified; a wrong CA,
//! a host the certificate does not name (for `verify-full`) or the system's roots refuse it.

use std::path::PathBuf;

use easel::store::postgres::PostgresStore;

use crate::support::postgres::Schema;

/// The CA the test server's certificate chains to, when the server has TLS on.
fn test_ca() -> Option<PathBuf> {
    let ca = std::env::var("EASEL_TEST_DATABASE_CA").ok().filter(|c| !c.is_empty()).map(PathBuf::from);
    if ca.is_none() {
        println!("EASEL_TEST_DATABASE_CA is unset: the Postgres TLS tests skipped (.ci/run sets it)");
    }
    ca
}

/// `url` reached at `host` with `sslmode`.
fn with(url: &str, host: &str, sslmode: &str) -> String {
    let url = url.replacen("@127.0.0.1:", &format!("@{host}:"), 1);
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}sslmode={sslmode}")
}

async fn refusal(url: &str, ca: Option<&std::path::Path>) -> String {
    match PostgresStore::connect_with(url, ca).await {
        Ok(_) => panic!("connected through {url}"),
        Err(e) => easel::text::chain(&e),
    }
}

#[tokio::test]
async fn a_tls_database_is_reached_encrypted_and_verified_against_its_ca() {
    let Some(schema) = Schema::create("database TLS").await else { return };
    let Some(ca) = test_ca() else { return schema.remove().await };

    let store = PostgresStore::connect_with(&with(&schema.url(), "localhost", "verify-full"), Some(&ca)).await.unwrap();
    assert!(store.encrypted().await.unwrap(), "the server says the connection is TLS");
    let plain = PostgresStore::connect(&schema.url()).await.unwrap();
    assert!(!plain.encrypted().await.unwrap(), "no sslmode: a plain connection, as before");

    let by_address = with(&schema.url(), "127.0.0.1", "verify-full");
    let wrong_name = refusal(&by_address, Some(&ca)).await;
    assert!(wrong_name.to_lowercase().contains("certificate"), "the certificate names localhost: {wrong_name}");
    let chain_only = PostgresStore::connect_with(&with(&schema.url(), "127.0.0.1", "verify-ca"), Some(&ca)).await;
    assert!(chain_only.unwrap().encrypted().await.unwrap(), "verify-ca checks the chain, not the name");

    let unrelated = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/unrelated-ca.pem"));
    let wrong_ca = refusal(&with(&schema.url(), "localhost", "verify-full"), Some(&unrelated)).await;
    assert!(wrong_ca.to_lowercase().contains("certificate"), "{wrong_ca}");
    let system_roots = refusal(&with(&schema.url(), "localhost", "require"), None).await;
    assert!(system_roots.to_lowercase().contains("certificate"), "require still verifies: {system_roots}");
    assert!(!system_roots.contains("hunter2"));
    schema.remove().await;
}

#[tokio::test]
async fn an_sslmode_that_leaves_tls_to_chance_is_refused_with_the_choices() {
    let error = refusal("postgres://easel:hunter2@127.0.0.1:1/easel?sslmode=prefer", None).await;
    assert!(error.contains("verify-full") && !error.contains("hunter2"), "{error}");
}
