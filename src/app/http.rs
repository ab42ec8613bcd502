//! The owner's HTTP endpoint (`EASEL_HTTP_ADDR`): `GET /healthz` for a container's health check and
//! `GET /metrics` for Prometheus.
//!
//! `/healthz` answers 200 with a small JSON (gateway connected, store reachable, each configured
//! backend `up`, `down` or `tripped`), and 503 when the gateway is disconnected or the store
//! unreachable: a backend that is down never makes the bot unhealthy (its jobs wait).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use crate::domain::ledger::Store;
use crate::jobs::Jobs;

/// What the endpoint reports on.
#[derive(Clone)]
pub struct Health {
    /// The jobs (metrics, backends' states).
    pub jobs: Arc<Jobs>,
    /// The store, pinged on each health check.
    pub store: Arc<dyn Store>,
    /// This process's gateway shards (watched by the Discord adapter).
    pub gateway: Arc<crate::discord::gateway::Gateway>,
}

/// Serves `/healthz` and `/metrics` on `listener` until `stop` resolves.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    health: Health,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    tracing::info!(address = %listener.local_addr()?, "health and metrics endpoint listening");
    let app = Router::new().route("/healthz", get(healthz)).route("/metrics", get(metrics)).with_state(health);
    axum::serve(listener, app).with_graceful_shutdown(stop).await
}

async fn healthz(State(health): State<Health>) -> impl IntoResponse {
    let gateway = health.gateway.is_connected();
    let shards: Vec<Value> =
        health.gateway.shards().into_iter().map(|(id, up)| json!({"id": id, "connected": up})).collect();
    let store = health.store.instances().await.is_ok();
    let backends: Map<String, Value> =
        health.jobs.backends().into_iter().map(|(kind, state)| (kind.key().to_owned(), json!(state))).collect();
    let healthy = gateway && store;
    let status = if healthy { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = json!({
        "status": if healthy { "ok" } else { "unhealthy" },
        "gateway": if gateway { "connected" } else { "disconnected" },
        "store": if store { "reachable" } else { "unreachable" },
        "backends": backends,
        "shards": {"plan": health.gateway.plan().to_string(), "running": shards},
        "accepting_jobs": health.jobs.accepting(),
    });
    (status, Json(body))
}

async fn metrics(State(health): State<Health>) -> impl IntoResponse {
    let metrics = health.jobs.metrics();
    for (shard, up) in health.gateway.shards() {
        metrics.shard(shard, up);
    }
    let text = metrics.render();
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text)
}
