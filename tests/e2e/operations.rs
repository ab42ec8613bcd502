//! Operating Easel: `/healthz` and `/metrics` as an owner's monitoring scrapes them.

use std::time::Duration;

use serde_json::{json, Value};

use crate::support::{free_address, spawn_app_with, string, TestApp};

async fn get(address: &str, path: &str) -> (u16, String) {
    let response = reqwest::get(format!("http://{address}{path}")).await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The value of one sample of the metrics text (0 when it has none yet).
fn sample(metrics: &str, series: &str) -> f64 {
    metrics
        .lines()
        .find(|line| line.starts_with(series) && line[series.len()..].starts_with(' '))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

async fn app_with_endpoint() -> (TestApp, String) {
    let address = free_address();
    let app = spawn_app_with(&[("EASEL_HTTP_ADDR", &address)], |_| {}).await;
    (app, address)
}

#[tokio::test]
async fn metrics_move_by_exactly_one_job_and_one_refusal() {
    let (app, address) = app_with_endpoint().await;
    let delivered = r#"easel_jobs_total{command="generate",model="gpt-image-2",outcome="delivered"}"#;
    let invalid = r#"easel_refusals_total{reason="invalid"}"#;
    let (status, before) = get(&address, "/metrics").await;
    assert_eq!(status, 200);
    for at_zero in [delivered, invalid, r#"easel_jobs_total{command="generate",model="gpt-image-2",outcome="failed"}"#]
    {
        assert!(before.lines().any(|l| l == format!("{at_zero} 0")), "{at_zero} shown at 0 from start-up: {before}");
    }

    let sent = app.discord.invoke("generate", json!([string("prompt", "a counted fox")]), json!({}));
    app.discord
        .wait_for("the image", |r| r.iter().any(|r| r.path.contains(&sent.token) && crate::support::is_result(r)))
        .await;
    let refused = app.discord.invoke("generate", json!([string("prompt", "x"), string("size", "7x7")]), json!({}));
    app.refusal(&refused).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (_, after) = get(&address, "/metrics").await;

    assert_eq!(sample(&after, delivered) - sample(&before, delivered), 1.0, "{after}");
    assert_eq!(sample(&after, invalid) - sample(&before, invalid), 1.0, "{after}");
    assert_eq!(sample(&after, "easel_images_total") - sample(&before, "easel_images_total"), 1.0);
    assert!(sample(&after, "easel_spent_usd_total") > 0.0);
    assert_eq!(sample(&after, r#"easel_queue_length{backend="openai"}"#), 0.0);
    assert!(after.contains("easel_generation_seconds_bucket"), "latency histograms: {after}");
}

#[tokio::test]
async fn healthz_reports_the_gateway_the_store_and_the_backends_and_fails_when_discord_is_gone() {
    let (app, address) = app_with_endpoint().await;

    let (status, body) = get(&address, "/healthz").await;
    let health: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(health["gateway"], "connected");
    assert_eq!(health["store"], "reachable");
    assert_eq!(health["backends"], json!({"openai": "up"}));

    app.discord.drop_gateway();
    let mut unhealthy = None;
    for _ in 0..100 {
        let (status, body) = get(&address, "/healthz").await;
        if status == 503 {
            unhealthy = Some(body);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let body = unhealthy.expect("/healthz turns 503 when the gateway is gone");
    let health: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(health["gateway"], "disconnected");
    assert_eq!(health["store"], "reachable");

    app.discord.reopen_gateway();
    let mut healthy = false;
    for _ in 0..200 {
        if get(&address, "/healthz").await.0 == 200 {
            healthy = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(healthy, "healthy again once Discord is back");
}

#[tokio::test]
async fn healthz_shows_each_stable_diffusion_server_and_one_that_did_not_answer_at_start_up_as_down() {
    let comfy = crate::support::comfyui::FakeComfyUi::start().await;
    let address = free_address();
    let down = format!("http://{}", free_address());
    let vars = [
        ("EASEL_HTTP_ADDR", address.as_str()),
        ("COMFYUI_URL", comfy.base_url.as_str()),
        ("STABILITY_API_KEY", crate::support::stability::KEY),
        ("STABILITY_BASE_URL", down.as_str()),
    ];
    let _app = spawn_app_with(&vars, |_| {}).await;

    let (status, body) = get(&address, "/healthz").await;

    assert_eq!(status, 200, "a backend that is down never stops the bot: {body}");
    let health: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(health["backends"], json!({"openai": "up", "comfyui": "up", "stability": "down"}));
}
