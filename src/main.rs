//! The `easel` binary: load configuration, start logging, run until Ctrl-C or SIGTERM.

use std::io::IsTerminal;
use std::process::ExitCode;

use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            eprintln!("easel: .env could not be read: {e}");
            return ExitCode::from(2);
        }
    }
    let config = match easel::config::Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("easel: {e}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("easel=info,serenity=warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match start(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("easel: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn start(config: easel::config::Config) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(easel::run(config, easel::shutdown_signal()))?;
    Ok(())
}
