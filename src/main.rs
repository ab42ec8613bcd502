//! The `easel` binary: load configuration, start logging, then run the bot until Ctrl-C or SIGTERM (or
//! one of the owner's tools: `health`, `check`, `generate`).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use easel::app::tools::{self, GenerateArgs, Report};
use easel::config::Config;
use tracing_subscriber::EnvFilter;

/// A Discord bot that turns a community's requests into images. With no command it runs the bot;
/// configuration comes from the environment and `.env` (see `.env.example`).
#[derive(Parser)]
#[command(name = "easel", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Tool>,
}

#[derive(Subcommand)]
enum Tool {
    /// Run the bot (the default).
    Run,
    /// Ask a running bot's /healthz on EASEL_HTTP_ADDR; exit 0 when healthy (a container health check).
    Health,
    /// Check the configuration, the Discord token, the database and the backends, and list every
    /// catalogue model's status; exit 0 when the bot would start cleanly.
    Check,
    /// Copy the SQLite database (EASEL_DB) into the empty Postgres one EASEL_DATABASE_URL names, before
    /// running the bot on Postgres.
    MigrateStore,
    /// Make images from a prompt without Discord, writing them and a JSON sidecar to a folder.
    Generate {
        /// What to draw.
        prompt: String,
        /// A catalogue model id (default: EASEL_DEFAULT_MODEL).
        #[arg(long)]
        model: Option<String>,
        /// A size the model allows, e.g. 1024x1024.
        #[arg(long)]
        size: Option<String>,
        /// A quality the model allows.
        #[arg(long)]
        quality: Option<String>,
        /// How many images.
        #[arg(long)]
        n: Option<i64>,
        /// The folder to write to.
        #[arg(long, default_value = "easel-output")]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            eprintln!("easel: .env could not be read: {e}");
            return ExitCode::from(2);
        }
    }
    match cli.command.unwrap_or(Tool::Run) {
        Tool::Run => run(),
        Tool::Health => report(runtime().block_on(tools::health(std::env::var("EASEL_HTTP_ADDR").ok().as_deref()))),
        Tool::Check => match Config::from_env() {
            Ok(config) => {
                start_logging("warn");
                report(runtime().block_on(tools::check(&config)))
            }
            Err(e) => report(Report { text: format!("configuration: PROBLEM: {e}"), ok: false }),
        },
        Tool::MigrateStore => migrate_store(),
        Tool::Generate { prompt, model, size, quality, n, out } => {
            // No Discord here: the token is not needed.
            let config = Config::from_lookup(|name| {
                std::env::var(name).ok().or_else(|| (name == "DISCORD_TOKEN").then(|| "unused".to_owned()))
            });
            match config {
                Ok(config) => {
                    start_logging("warn");
                    let args = GenerateArgs { prompt, model, size, quality, n, out };
                    report(runtime().block_on(tools::generate(&config, &args)))
                }
                Err(e) => {
                    eprintln!("easel: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn run() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("easel: {e}");
            return ExitCode::from(2);
        }
    };
    start_logging("easel=info,serenity=warn");
    match runtime().block_on(easel::run(config, easel::shutdown_signal())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("easel: {:#}", anyhow::Error::new(e));
            ExitCode::FAILURE
        }
    }
}

/// `easel migrate-store`: SQLite (EASEL_DB) into Postgres (EASEL_DATABASE_URL).
fn migrate_store() -> ExitCode {
    let config = Config::from_lookup(|name| {
        std::env::var(name).ok().or_else(|| (name == "DISCORD_TOKEN").then(|| "unused".to_owned()))
    });
    let config = match config {
        Ok(config) => config,
        Err(e) => {
            eprintln!("easel: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(url) = &config.database_url else {
        eprintln!("easel: EASEL_DATABASE_URL is not set: name the (empty) Postgres database to copy into");
        return ExitCode::from(2);
    };
    start_logging("warn");
    let copied = runtime().block_on(easel::store::migrate::sqlite_to_postgres(
        &config.database_path,
        url.expose(),
        config.database_ca.as_deref(),
    ));
    match copied {
        Ok(tables) => {
            for (table, rows) in tables {
                println!("{table}: {rows} row(s)");
            }
            println!(
                "copied {} into Postgres; start the bot with EASEL_DATABASE_URL set",
                config.database_path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("easel: the copy failed and nothing was written: {}", easel::jobs::error::chain(&e));
            ExitCode::from(1)
        }
    }
}

/// Logs to stderr, filtered by `RUST_LOG` (else `default`); as JSON lines when `EASEL_LOG_FORMAT=json`.
///
/// Whatever `RUST_LOG` says, no secret reaches the log: interaction tokens travel in the paths of
/// serenity's HTTP requests, which its `#[instrument]`ed spans print whole, and in the gateway frames the
/// WebSocket library traces; the Postgres driver logs statements' parameters at debug level.
fn start_logging(default: &str) {
    use tracing_subscriber::filter::{filter_fn, FilterExt};
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;

    let mut filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    for quiet in ["tokio_postgres=info", "tungstenite=debug", "tokio_tungstenite=debug"] {
        filter = filter.add_directive(quiet.parse().expect("a valid directive"));
    }
    // serenity's HTTP spans record each request, its route and interaction token included: never kept.
    let no_token_spans = filter_fn(|meta| !(meta.is_span() && meta.target().starts_with("serenity::http")));
    let filter = filter.and(no_token_spans);
    let json = std::env::var("EASEL_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    let logs = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    if json {
        // Each job is a span: its close event carries how long the job was busy and idle.
        let spans = tracing_subscriber::fmt::format::FmtSpan::CLOSE;
        let logs = logs.json().with_current_span(true).with_span_list(false).with_span_events(spans);
        tracing_subscriber::registry().with(logs.with_filter(filter)).init();
    } else {
        let logs = logs.with_ansi(std::io::stderr().is_terminal());
        tracing_subscriber::registry().with(logs.with_filter(filter)).init();
    }
}

/// The async runtime, with a modest blocking pool: image work and the database are bounded anyway, and
/// every idle blocking thread keeps its stack and allocator arena.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(32)
        .build()
        .expect("the machine can start threads")
}

fn report(report: Report) -> ExitCode {
    println!("{}", report.text);
    if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
