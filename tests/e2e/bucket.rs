//! The spool in an S3-compatible bucket (`EASEL_SPOOL=s3://bucket/prefix`), against a real S3-protocol
//! server (`.ci/run` starts moto's; `EASEL_TEST_S3_ENDPOINT` names it): what `/show`, recovery and
//! pruning ask of it, and two processes on separate disks that share nothing but Postgres and the
//! bucket. Skipped, saying so, when no S3 server is named.

use chrono::Utc;
use easel::domain::ids::{MemberId, ServerId};
use easel::domain::ledger::Store;
use easel::media::imaging::{self, EncodedImage};
use easel::media::spool::{BucketConfig, Spool, SpoolPlace};
use serde_json::json;

use crate::support::discord::{GUILD_ID, MEMBER_ID};
use crate::support::postgres::Schema;
use crate::support::{images_for, string, taken_over, BotProcess, FakeDiscord, FakeOpenAi};

/// The S3 server's endpoint, or `None` (saying so) when the run has none.
fn endpoint(test: &str) -> Option<String> {
    let endpoint = std::env::var("EASEL_TEST_S3_ENDPOINT").ok().filter(|e| !e.is_empty());
    if endpoint.is_none() {
        println!("EASEL_TEST_S3_ENDPOINT is unset: {test} skipped (.ci/run starts an S3 server)");
        static SAID: std::sync::Once = std::sync::Once::new();
        SAID.call_once(|| {
            let line = "note: EASEL_TEST_S3_ENDPOINT is unset: the bucket spool's tests were skipped\n";
            let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
        });
    }
    endpoint
}

/// A new, empty bucket on the server (the S3 protocol's `PUT /{bucket}`).
async fn new_bucket(endpoint: &str, test: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let bucket = format!("easel-{test}-{}-{nanos}", std::process::id());
    let made = reqwest::Client::new().put(format!("{endpoint}/{bucket}")).send().await.unwrap();
    assert!(made.status().is_success(), "the S3 server made no bucket: {}", made.status());
    bucket
}

fn place(endpoint: &str, bucket: &str) -> SpoolPlace {
    SpoolPlace::Bucket(BucketConfig {
        bucket: bucket.to_owned(),
        prefix: "spool".to_owned(),
        endpoint: Some(endpoint.to_owned()),
        region: "us-east-1".to_owned(),
        access_key_id: Some("testing".to_owned()),
        secret_access_key: Some(easel::secret::Secret::new("testing".to_owned())),
    })
}

#[tokio::test]
async fn a_bucket_spool_keeps_reads_and_prunes_images_as_a_folder_does_and_keeps_style_pictures_unpruned() {
    let Some(endpoint) = endpoint("the bucket spool's round trip") else { return };
    let bucket = new_bucket(&endpoint, "round").await;
    let spool = Spool::at(&place(&endpoint, &bucket)).unwrap();
    let image = EncodedImage { bytes: imaging::noise_png(8, 6), extension: "png", width: 8, height: 6 };

    spool.probe().await.expect("the bucket takes, gives back and deletes a probe");
    let names = spool.write("../../etc/42", std::slice::from_ref(&image)).await.unwrap();
    spool.keep("930000000000000301.png", b"a style's picture".to_vec()).await.unwrap();

    assert_eq!(names, ["etc42-1.png"], "a name never escapes the prefix");
    assert!(spool.has(&names).await);
    assert_eq!(spool.read(&names).await.unwrap(), [image], "the very bytes come back");
    assert_eq!(spool.prune(std::time::Duration::from_secs(3600)).await, 0, "young images are kept");
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(spool.prune(std::time::Duration::from_millis(10)).await, 1, "old ones go");
    assert!(!spool.has(&names).await && spool.read(&names).await.is_err());
    assert_eq!(
        spool.kept("930000000000000301.png").await.unwrap(),
        b"a style's picture",
        "kept pictures are not pruned"
    );
    spool.forget("930000000000000301.png").await;
    assert!(spool.kept("930000000000000301.png").await.is_err(), "until forgotten");
    let missing = Spool::at(&place(&endpoint, "no-such-bucket-here")).unwrap();
    assert!(missing.probe().await.is_err(), "a bucket that is not there is a problem easel check names");
}

/// Starts the binary in `dir` on Postgres (`database`) and the bucket spool; waits for its commands.
async fn start(
    dir: &std::path::Path,
    database: &str,
    spool: &str,
    endpoint: &str,
    discord: &FakeDiscord,
    openai: &FakeOpenAi,
) -> BotProcess {
    let vars = [
        ("EASEL_DATABASE_URL", database.to_owned()),
        ("EASEL_SPOOL", spool.to_owned()),
        ("AWS_ENDPOINT_URL", endpoint.to_owned()),
        ("AWS_REGION", "us-east-1".to_owned()),
        ("AWS_ACCESS_KEY_ID", "testing".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "testing".to_owned()),
    ];
    crate::support::start_bot(dir, discord, openai, &vars).await
}

#[tokio::test]
async fn a_process_killed_after_its_model_call_has_the_images_delivered_by_another_machine_from_the_bucket() {
    let Some(endpoint) = endpoint("the two machines' take-over") else { return };
    let Some(schema) = Schema::create("the two machines' take-over").await else { return };
    let bucket = new_bucket(&endpoint, "takeover").await;
    let spool = format!("s3://{bucket}/spool");
    // Two machines: a folder each, nothing shared on disk.
    let root = std::env::temp_dir().join(format!("easel-bucket-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (dying_discord, dying_model) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    let (other_discord, other_model) = (FakeDiscord::start().await, FakeOpenAi::start().await);
    dying_discord.hang_results();
    let dying = start(&root.join("a"), &schema.url(), &spool, &endpoint, &dying_discord, &dying_model).await;
    let other = start(&root.join("b"), &schema.url(), &spool, &endpoint, &other_discord, &other_model).await;

    let sent = dying_discord.invoke("generate", json!([string("prompt", "an owl kept in a bucket")]), json!({}));
    dying_discord.wait_for("the upload that never ends", |r| images_for(r, &sent) == 1).await;
    let taken = taken_over(dying, &other_discord, &sent).await;
    let (_, logs) = other.terminate().await;

    assert!(taken <= std::time::Duration::from_secs(15), "delivered {taken:?} after the kill:\n{logs}");
    assert!(other_model.image_calls().is_empty(), "delivered from the bucket, not made again:\n{logs}");
    let delivered = other_discord.requests().into_iter().find(|r| images_for(std::slice::from_ref(r), &sent) == 1);
    let made = &dying_model.images_made()[0];
    crate::support::assert_model_bytes_with_provenance(&delivered.unwrap().files[0].2, made);
    let store = easel::store::postgres::PostgresStore::connect(&schema.url()).await.unwrap();
    let usage = store.usage(Some(ServerId(GUILD_ID)), MemberId(MEMBER_ID), Utc::now()).await.unwrap();
    assert_eq!((usage.user_images, usage.in_flight), (1, 0), "charged once, nothing held");
    drop(store);
    schema.remove().await;
}
