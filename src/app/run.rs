//! Runs the bot: opens the store, builds the backends, the runner, the job service and the Discord
//! adapter from the configuration, and wires them together. The one place concrete adapters meet.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tracing::{error, info, warn};

use super::{http, startup, upkeep, watch};
use crate::community::moderation::{ContentCheck, Moderation, OffencePolicy};
use crate::community::{admin, settings, spend};
use crate::config::Config;
use crate::discord::gateway;
use crate::domain::catalogue::BackendKind;
use crate::domain::clock::{Clock, SystemClock};
use crate::jobs::admission::{Admission, AdmissionPorts};
use crate::jobs::queue::scheduler::Scheduler;
use crate::jobs::queue::QueueCaps;
use crate::jobs::{error, runner, telemetry};
use crate::jobs::{Jobs, JobsParts, JobsPolicy};
use crate::{desk, discord, store};

use crate::domain::ledger::{InstanceId, Store};
use crate::media::spool::Spool;

/// Why Easel stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Nothing in the catalogue can be offered.
    #[error(
        "no model of the catalogue is served by OPENAI_BASE_URL ({0}), SD_BASE_URL, COMFYUI_URL or STABILITY_API_KEY; check the URLs, the keys or EASEL_MODELS"
    )]
    NothingToOffer(String),
    /// The database could not be opened or migrated.
    #[error("the database (EASEL_DB, or EASEL_DATABASE_URL) could not be opened")]
    Store(#[from] crate::domain::ledger::StoreError),
    /// The spool folder could not be created, or the bucket's settings cannot be used.
    #[error("the spool (EASEL_SPOOL), {0}, could not be set up")]
    Spool(String, #[source] std::io::Error),
    /// The health and metrics endpoint could not listen.
    #[error("EASEL_HTTP_ADDR `{0}` could not be listened on (set another address, or `off`)")]
    Http(String, #[source] std::io::Error),
    /// Discord refused the connection (bad token, network).
    #[error("Discord connection failed: {0}")]
    Discord(Box<serenity::Error>),
}

/// Runs the bot until `shutdown` resolves.
pub async fn run(config: Config, shutdown: impl Future<Output = ()> + Send) -> Result<(), RunError> {
    let stores = store::Stores::open(&config).await?;
    info!(database = %stores.describe, "store opened");
    let store::Stores {
        store,
        jobs: job_store,
        moderation: moderation_store,
        settings: settings_store,
        requests: request_store,
        alerts: alert_store,
        report: report_store,
        describe: _,
    } = stores;
    let spool = Spool::at(&config.spool).map_err(|e| RunError::Spool(config.spool.to_string(), e))?;
    info!(spool = %config.spool, "spool ready");
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let instance = InstanceId::generate();
    let lease = chrono::Duration::from_std(config.lease).unwrap_or(chrono::Duration::seconds(10));
    forget_gone_processes(store.as_ref()).await?;
    store.heartbeat(&instance, clock.now()).await?;
    release_orphans(store.as_ref(), lease, clock.now()).await?;
    if config.openai_api_key.is_none() && startup::host(&config.openai_base_url) == "api.openai.com" {
        warn!("OPENAI_API_KEY is not set: OpenAI will refuse every call until it is");
    }
    let openai = Arc::new(startup::openai_backend(&config));
    let languages = Arc::new(discord::languages::Languages::new(config.default_locale));
    let channel_log = Arc::new(discord::moderation::ChannelLog::new(Arc::clone(&languages)));
    let moderation = Arc::new(
        Moderation::new(
            Arc::clone(&moderation_store),
            Arc::clone(&clock),
            Arc::clone(&channel_log) as _,
            config.moderation_precheck.then(|| Arc::clone(&openai) as Arc<dyn ContentCheck>),
            config.moderation_log_channel.map(|channel| (config.discord_guild_id, channel)),
            OffencePolicy {
                refusals: config.refusals_before_pause,
                window: chrono::Duration::from_std(config.refusal_window).unwrap_or(chrono::Duration::hours(1)),
                pause: chrono::Duration::from_std(config.pause).unwrap_or(chrono::Duration::days(1)),
            },
        )
        .with_home_server(config.discord_guild_id),
    );
    let translator = startup::translator(&config, &openai);
    let describers = startup::describers(&config, &openai);
    let backends = startup::backends(&config, openai);
    let offered = startup::offered(&config, &backends, clock.now().date_naive())
        .await
        .ok_or_else(|| RunError::NothingToOffer(config.openai_base_url.to_string()))?;
    let startup::Offered { catalogue, default_model, unreachable } = offered;
    let metrics = Arc::new(telemetry::Metrics::new());
    let offered_models: Vec<(String, &str)> =
        catalogue.models().iter().map(|m| (m.id.clone(), m.backend.key())).collect();
    metrics.known(&offered_models);
    let admission = Admission::new(
        Arc::new(catalogue),
        default_model,
        config.max_download_bytes,
        config.limits,
        QueueCaps { per_guild: config.queue_max, total: config.queue_max_total },
        AdmissionPorts {
            store: Arc::clone(&store),
            jobs: Arc::clone(&job_store),
            clock: Arc::clone(&clock),
            instance: instance.clone(),
        },
    )
    .with_moderation(Arc::clone(&moderation))
    .with_known(config.catalogue.clone())
    .with_guild_usd_max(config.trust.guild_usd_per_day_max)
    .with_personal(crate::jobs::admission::Personal {
        home: config.discord_guild_id,
        usd_per_day: if config.trust.personal_use() { config.trust.personal_usd_per_day } else { 0.0 },
    });
    let admission = Arc::new(admission);
    let watch = watch::ModelWatch {
        backends: backends.clone(),
        catalogue: config.catalogue.clone(),
        admission: Arc::clone(&admission),
        moderation: Arc::clone(&moderation),
        alerts: Arc::clone(&alert_store),
        clock: Arc::clone(&clock),
        every: config.model_watch,
    };
    let remembering = upkeep::Remembering {
        jobs: Arc::clone(&job_store),
        moderation: Arc::clone(&moderation_store),
        requests: Arc::clone(&request_store),
    };
    let jobs = Jobs::new(JobsParts {
        store: job_store,
        admission,
        runner: {
            let mut runner = startup::runner(&config, backends, Arc::clone(&clock))
                .with_metrics(Arc::clone(&metrics))
                .with_translator(translator)
                .with_kept_pictures(spool.clone());
            for (kind, describer) in describers {
                runner = runner.with_describer(kind, describer);
            }
            if config.moderation_precheck {
                runner = runner.with_input_screen(Arc::clone(&moderation) as Arc<dyn runner::InputScreen>);
            }
            for kind in unreachable {
                // Shown as down by `/healthz` until its first answer.
                runner.breaker(kind).failed(clock.now());
            }
            Arc::new(runner)
        },
        scheduler: Scheduler::new(&[
            (BackendKind::Openai, config.openai_concurrency),
            (BackendKind::Automatic1111, config.sd_concurrency),
            (BackendKind::Comfyui, config.servers.comfyui_concurrency),
            (BackendKind::Stability, config.servers.stability_concurrency),
        ]),
        spool,
        clock: Arc::clone(&clock),
        instance: instance.clone(),
        moderation: Some(moderation),
        policy: JobsPolicy {
            max_attempts: config.max_attempts,
            grace: config.shutdown_grace,
            lease,
            keep: config.keep,
            shared_store: config.database_url.is_some(),
            preview_every: config.preview_every,
        },
        metrics,
        spend: Some(Arc::new(spend::SpendWatch::new(
            Arc::clone(&store),
            alert_store,
            config.limits,
            Arc::clone(&clock),
        ))),
    });
    let model_watch = tokio::spawn(watch.run());
    let heartbeat =
        tokio::spawn(keep_alive(Arc::clone(&store), Arc::clone(&clock), instance.clone(), lease, Arc::clone(&jobs)));
    let admin = admin::Admin::new(Arc::clone(&store), moderation_store, Arc::clone(&clock), config.limits)
        .with_guild_usd_max(config.trust.guild_usd_per_day_max);
    let gateway = Arc::new(gateway::Gateway::new(config.shards));
    let (stop_http, http_stopped) = tokio::sync::oneshot::channel::<()>();
    let endpoint = match config.http_addr {
        Some(addr) => {
            let health =
                http::Health { jobs: Arc::clone(&jobs), store: Arc::clone(&store), gateway: Arc::clone(&gateway) };
            let listener =
                tokio::net::TcpListener::bind(addr).await.map_err(|e| RunError::Http(addr.to_string(), e))?;
            Some(tokio::spawn(http::serve_on(listener, health, async move {
                let _ = http_stopped.await;
            })))
        }
        None => None,
    };
    let desk =
        Arc::new(desk::Desk::new(request_store, Arc::clone(&jobs), Arc::clone(&clock), config.trust.requests_open_max));
    let settings = Arc::new(settings::Settings::new(settings_store, Arc::clone(&clock)));
    let mirrors = tokio::spawn(upkeep::mirror(Arc::clone(&settings), Arc::clone(&desk)));
    let forgetting = tokio::spawn(upkeep::forget_old_words(remembering, Arc::clone(&clock), config.trust.retain));
    let services = discord::Services {
        jobs,
        admin,
        settings,
        rights: discord::rights::Rights::default(),
        trust: config.trust.clone(),
        desk,
        report: report_store,
        clock: Arc::clone(&clock),
        gateway,
        channel_log,
        languages,
        menus: Arc::default(),
    };
    let served = discord::serve(&config, Arc::new(services), shutdown).await;
    let _ = stop_http.send(());
    if let Some(endpoint) = endpoint {
        let _ = endpoint.await;
    }
    heartbeat.abort();
    model_watch.abort();
    mirrors.abort();
    forgetting.abort();
    match store.retire(&instance, clock.now()).await {
        Ok(0) => {}
        Ok(released) => warn!(released, "released the reservations of jobs abandoned at shutdown; nobody was charged"),
        Err(e) => error!(error = %error::chain(&e), "could not release this process's reservations at shutdown"),
    }
    served.map_err(RunError::Discord)?;
    info!("stopped");
    Ok(())
}

/// Forgets the processes on this machine that are certainly gone (a crash, a kill): a restart takes
/// their jobs over at once instead of waiting out their lease.
async fn forget_gone_processes(store: &dyn Store) -> Result<(), RunError> {
    for instance in store.instances().await? {
        if instance.is_gone_here() {
            info!(process = %instance, "a process on this machine stopped without a clean stop; taking over its jobs");
            store.forget(&instance).await?;
        }
    }
    Ok(())
}

/// Releases the reservations of processes that stopped mid-job without a clean stop (their heartbeat
/// is older than the lease), never a live process's.
async fn release_orphans(store: &dyn Store, lease: chrono::Duration, now: DateTime<Utc>) -> Result<(), RunError> {
    let released = store.release_orphans(lease, now).await?;
    if released > 0 {
        warn!(released, "released reservations left by a process that stopped mid-job; nobody was charged");
    }
    Ok(())
}

/// Keeps this process's heartbeat fresh (five beats a lease: a live process that misses a few, its
/// database busy for a moment, keeps its jobs), and takes over the jobs and releases the reservations
/// that stopped processes left: a dead process's jobs move within a lease and a beat.
async fn keep_alive(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    instance: InstanceId,
    lease: chrono::Duration,
    jobs: Arc<Jobs>,
) {
    let beat = lease.to_std().unwrap_or(Duration::from_secs(10)) / 5;
    let mut ticks = tokio::time::interval(beat);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(e) = store.heartbeat(&instance, clock.now()).await {
            error!(error = %error::chain(&e), "could not record this process's heartbeat");
            continue;
        }
        if let Err(e) = release_orphans(store.as_ref(), lease, clock.now()).await {
            error!(error = %error::chain(&e), "could not release abandoned reservations");
        }
        jobs.take_over().await;
        jobs.reconcile().await;
    }
}

/// Resolves on Ctrl-C or SIGTERM: the one shutdown signal.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
