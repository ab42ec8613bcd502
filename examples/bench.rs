//! Prints figures for Easel's two hot paths, to size a machine and to catch regressions:
//! re-encoding a large result to fit Discord's upload limit, and admitting jobs through the ledger.
//!
//! Run with `cargo run --release --example bench`.

use std::sync::Arc;
use std::time::Instant;

use chrono::Utc;
use easel::imaging::{fit_for_upload, noise_png, verify};
use easel::limits::{LimitName, Limits};
use easel::store::sqlite::SqliteStore;
use easel::store::{Charge, InstanceId, Store};

fn reencode() {
    let png = noise_png(2000, 2000);
    let started = Instant::now();
    let fitted = fit_for_upload(verify(png.clone()).expect("a PNG"), 10 * 1024 * 1024).expect("fits");
    println!(
        "re-encode: {:.1} MB PNG -> {:.1} MB {} at {}x{} in {:.0} ms",
        png.len() as f64 / 1e6,
        fitted.bytes.len() as f64 / 1e6,
        fitted.extension,
        fitted.width,
        fitted.height,
        started.elapsed().as_secs_f64() * 1000.0
    );
}

async fn admissions() {
    let path = std::env::temp_dir().join(format!("easel-bench-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).expect("a database"));
    let mut limits = Limits::new([None; 6], false);
    limits.set(LimitName::ImagesPerDay, Some(1_000_000.0));
    let jobs = 2_000;
    let started = Instant::now();
    let tasks: Vec<_> = (0..jobs)
        .map(|i| {
            let store = Arc::clone(&store);
            tokio::spawn(async move {
                let charge = Charge {
                    job_id: format!("bench-{i}"),
                    guild_id: Some(1),
                    channel_id: 2,
                    user_id: i % 50,
                    command: "generate".into(),
                    model: "gpt-image-2".into(),
                    images: 1,
                    usd: 0.042,
                    owner: InstanceId("bench".into()),
                };
                store.reserve(&charge, &limits, false, Utc::now()).await.expect("admitted");
                store.commit(&charge.job_id, 0.03, 1, Utc::now()).await.expect("committed");
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("a task");
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "ledger: {jobs} jobs reserved and committed by 50 members in {seconds:.2} s ({:.0} jobs/s)",
        jobs as f64 / seconds
    );
    let _ = std::fs::remove_file(&path);
}

#[tokio::main]
async fn main() {
    reencode();
    admissions().await;
}
