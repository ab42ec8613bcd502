//! The owner's tools, run from the command line without joining Discord's gateway:
//!
//! - `easel health`: asks a running bot's `/healthz` (a container's health check);
//! - `easel check`: the configuration, the Discord token, the database and every backend, with every
//!   catalogue model's status and what to do about each problem;
//! - `easel generate`: the same runner the bot uses, writing the images and a JSON sidecar to a folder.
//!
//! Each returns what to print and whether it succeeded; `main` prints and sets the exit code. No secret
//! is ever part of what they print.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use serde_json::json;

use crate::app::lifecycle::Notice;
use crate::app::startup::{self, Listings};
use crate::config::Config;
use crate::domain::catalogue::BackendKind;
use crate::domain::clock::SystemClock;
use crate::domain::request::{Command, JobId, JobRequest, Requester};
use crate::jobs::error;

/// What a tool says, and whether it succeeded (exit 0) or found a problem (exit 1).
pub struct Report {
    /// The lines to print.
    pub text: String,
    /// Whether everything needed is in order.
    pub ok: bool,
}

/// `easel health`: GET `/healthz` on `EASEL_HTTP_ADDR` (default `127.0.0.1:9000`; `0.0.0.0` is asked as
/// `127.0.0.1`).
pub async fn health(address: Option<&str>) -> Report {
    let address = address.unwrap_or("127.0.0.1:9000").replace("0.0.0.0", "127.0.0.1");
    if address.eq_ignore_ascii_case("off") {
        return Report { text: "EASEL_HTTP_ADDR is off: there is no health endpoint to ask".into(), ok: false };
    }
    let client = reqwest::Client::builder().timeout(std::time::Duration::from_secs(5)).build();
    let answer = match client {
        Ok(client) => client.get(format!("http://{address}/healthz")).send().await,
        Err(e) => return Report { text: format!("unhealthy: {}", error::chain(&e)), ok: false },
    };
    match answer {
        Ok(response) => {
            let ok = response.status().is_success();
            let body = response.text().await.unwrap_or_default();
            Report { text: format!("{}: {}", if ok { "healthy" } else { "unhealthy" }, body.trim()), ok }
        }
        Err(e) => Report { text: format!("unhealthy: no answer from {address}: {}", error::chain(&e)), ok: false },
    }
}

/// Whether the spool takes a probe object, gives it back and deletes it.
async fn spool_works(place: &crate::media::spool::SpoolPlace) -> Result<(), String> {
    let spool = crate::media::spool::Spool::at(place).map_err(|e| error::chain(&e))?;
    spool.probe().await.map_err(|e| error::chain(&e))
}

/// `easel check`: everything the bot needs, checked the way it starts, with what to do about problems.
pub async fn check(config: &Config) -> Report {
    let mut out = String::new();
    let mut problems = 0;
    let mut notes = 0;
    let _ = writeln!(out, "configuration: read ({} catalogue models)", config.catalogue.models().len());
    match crate::store::Stores::open(config).await {
        Ok(stores) => {
            let _ = writeln!(out, "database: {} opens and is migrated", stores.describe);
        }
        Err(e) => {
            problems += 1;
            let which = if config.database_url.is_some() {
                "EASEL_DATABASE_URL"
            } else {
                "EASEL_DB and the folder's permissions"
            };
            let _ = writeln!(out, "database: PROBLEM: it cannot be opened ({}); check {which}", error::chain(&e));
        }
    }
    let _ = writeln!(out, "shards: this process runs {}", config.shards);
    match spool_works(&config.spool).await {
        Ok(()) => {
            let _ = writeln!(out, "spool: {} takes, gives back and deletes an image", config.spool);
        }
        Err(why) => {
            problems += 1;
            let _ = writeln!(
                out,
                "spool: PROBLEM: {} cannot be used ({why}); check EASEL_SPOOL and the AWS_* variables",
                config.spool
            );
        }
    }
    match discord_identity(config).await {
        Ok(name) => {
            let _ = writeln!(out, "discord: the token works; the bot is `{name}`");
            let (lines, missing) = server_permissions(config).await;
            notes += missing;
            for line in lines {
                let _ = writeln!(out, "{line}");
            }
        }
        Err(why) => {
            problems += 1;
            let _ = writeln!(out, "discord: PROBLEM: {why}");
        }
    }
    let openai = Arc::new(startup::openai_backend(config));
    let backends = startup::backends(config, openai);
    let unused = startup::unused(config);
    let listings = Listings::ask_skipping(&backends, &unused).await;
    for kind in BackendKind::ALL {
        let line = match listings.of(kind) {
            None if unused.contains(&kind) => {
                format!(
                    "{}: not asked (no catalogue model uses it, and OPENAI_API_KEY is unset)",
                    startup::variable(kind)
                )
            }
            None => format!("{}: not set; its catalogue models are not offered", startup::variable(kind)),
            Some(Ok(Some(list))) => format!("{}: answers and serves {} models", startup::variable(kind), list.len()),
            Some(Ok(None)) => {
                format!("{}: answers (it lists no models; its catalogue models are offered)", startup::variable(kind))
            }
            Some(Err(why)) => {
                problems += 1;
                format!(
                    "{}: PROBLEM: it does not answer ({why}); check the URL, that the server runs, and the key",
                    startup::variable(kind)
                )
            }
        };
        let _ = writeln!(out, "{line}");
    }
    if let (Some(comfy), Some(Ok(_))) = (&backends.comfyui, listings.of(BackendKind::Comfyui)) {
        let found = comfy.setup_problems().await;
        problems += found.len();
        for problem in found {
            let _ = writeln!(out, "COMFYUI_URL: PROBLEM: {problem}");
        }
    }
    let today = Utc::now().date_naive();
    let (offered, notices) = listings.narrow(&config.catalogue, today);
    let _ = writeln!(out, "models:");
    for model in config.catalogue.models() {
        let status = model_status(&model.id, offered.get(&model.id).is_some(), &notices, &listings, model.backend);
        if !status.starts_with("offered") {
            notes += 1;
        }
        let _ = writeln!(out, "  {:<24} {status}", model.id);
    }
    if offered.is_empty() {
        problems += 1;
        let _ = writeln!(out, "PROBLEM: no model can be offered; the bot would not start");
    } else if offered.get(&config.default_model).is_none() {
        problems += 1;
        let _ = writeln!(
            out,
            "PROBLEM: EASEL_DEFAULT_MODEL `{}` is not offered; set it to one of the offered models",
            config.default_model
        );
    }
    let verdict = if problems == 0 { "ready to start" } else { "not ready" };
    let _ = write!(out, "result: {verdict} ({problems} problem(s), {notes} note(s))");
    Report { text: out, ok: problems == 0 }
}

/// One model's status in plain words, with what to do about it.
fn model_status(model: &str, offered: bool, notices: &[Notice], listings: &Listings, kind: BackendKind) -> String {
    let retiring = notices.iter().find_map(|n| match n {
        Notice::ShuttingDown { model: m, on, replacement } if m == model => Some((*on, replacement.clone())),
        _ => None,
    });
    if offered {
        return match retiring {
            Some((on, replacement)) => retiring_text(on, replacement.as_deref()),
            None if matches!(listings.of(kind), Some(Err(_))) => {
                "offered as written (its backend is down, so it could not be checked)".into()
            }
            None => "offered".into(),
        };
    }
    for notice in notices {
        match notice {
            Notice::NotConfigured(m) if m == model => {
                return format!("not offered: set {} to offer it", startup::variable(kind));
            }
            Notice::NotServed(m) if m == model => {
                return format!(
                    "not served by {}: members don't see it (remove it from your catalogue if that is expected)",
                    startup::variable(kind)
                );
            }
            Notice::Retired { model: m, on } if m == model => {
                return format!("retired on {on}: hidden from members; remove it from your catalogue");
            }
            _ => {}
        }
    }
    "not offered".into()
}

fn retiring_text(on: NaiveDate, replacement: Option<&str>) -> String {
    match replacement {
        Some(r) => format!("offered, retiring on {on}: point members and EASEL_DEFAULT_MODEL at `{r}` before then"),
        None => format!("offered, retiring on {on}: choose another model before then"),
    }
}

/// The bot's name, by `GET /users/@me` with its token; a plain-words reason when that fails.
async fn discord_identity(config: &Config) -> Result<String, String> {
    let http = crate::discord::http_client(config);
    match http.get_current_user().await {
        Ok(user) => Ok(user.name.clone()),
        Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)))
            if r.status_code.as_u16() == 401 =>
        {
            Err("Discord refused the token (401): copy it again from the developer portal (Bot → Reset Token) into DISCORD_TOKEN".into())
        }
        Err(e) => Err(format!("Discord could not be asked about the token ({e}); check the network and DISCORD_API_BASE")),
    }
}

/// What the bot must be allowed in a server to deliver images: Send Messages, Embed Links, Attach Files.
const NEEDED: [(u64, &str); 3] = [(0x800, "Send Messages"), (0x4000, "Embed Links"), (0x8000, "Attach Files")];

/// The servers the bot is in (`GET /users/@me/guilds`) and, in each, whether its permissions let it
/// deliver; returns the lines to print and how many servers lack something.
async fn server_permissions(config: &Config) -> (Vec<String>, usize) {
    let http = crate::discord::http_client(config);
    let guilds = match http.get_guilds(None, Some(200)).await {
        Ok(guilds) => guilds,
        Err(e) => return (vec![format!("discord: could not list the bot's servers ({e})")], 0),
    };
    if guilds.is_empty() {
        let invite = "https://discord.com/oauth2/authorize?client_id=APPLICATION_ID&scope=bot%20applications.commands&permissions=51200";
        return (vec![format!("discord: the bot is in no server yet; invite it with {invite}")], 1);
    }
    let mut lines = vec![format!("discord: the bot is in {} server(s)", guilds.len())];
    let mut lacking = 0;
    for guild in guilds {
        let bits = guild.permissions.bits();
        let administrator = bits & 0x8 != 0;
        let missing: Vec<&str> =
            NEEDED.iter().filter(|(bit, _)| !administrator && bits & bit == 0).map(|(_, name)| *name).collect();
        if !missing.is_empty() {
            lacking += 1;
            lines.push(format!(
                "  `{}`: lacks {}; results cannot be delivered there: grant them to the bot's role",
                guild.name,
                missing.join(", ")
            ));
        }
    }
    if lacking == 0 {
        lines.push("  every server lets it send messages, embed links and attach files".into());
    }
    (lines, lacking)
}

/// What `easel generate` asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateArgs {
    /// The prompt.
    pub prompt: String,
    /// A catalogue model id (default: `EASEL_DEFAULT_MODEL`).
    pub model: Option<String>,
    /// A size the model allows.
    pub size: Option<String>,
    /// A quality the model allows.
    pub quality: Option<String>,
    /// How many images.
    pub n: Option<i64>,
    /// Where to write the images and the sidecar.
    pub out: PathBuf,
}

/// `easel generate`: one request through the catalogue check and the runner (retries, verification),
/// without Discord or the ledger; the images and a JSON sidecar (prompt, revised prompt, model,
/// parameters, cost, provenance) are written to `args.out`.
pub async fn generate(config: &Config, args: &GenerateArgs) -> Report {
    // Nobody watches a preview here: partial images would be paid for and thrown away.
    let mut config = config.clone();
    config.preview_every = None;
    config.catalogue.without_partial_images();
    let config = &config;
    let id = format!("local-{}", Utc::now().format("%Y%m%d-%H%M%S-%3f"));
    let owner =
        Requester { user_id: 0, guild_id: None, channel_id: 0, roles: Vec::new(), is_manager: true, locale: None };
    let request = JobRequest {
        prompt: Some(args.prompt.clone()),
        model: args.model.clone(),
        size: args.size.clone(),
        quality: args.quality.clone(),
        n: args.n,
        ..JobRequest::new(JobId(id.clone()), Command::Generate, owner, config.max_download_bytes)
    };
    let spec = match request.resolve(&config.catalogue, &config.default_model, config.max_download_bytes) {
        Ok(spec) => spec,
        Err(e) => {
            return Report { text: crate::discord::words::invalid::invalid(config.default_locale, &e), ok: false }
        }
    };
    let openai = Arc::new(startup::openai_backend(config));
    let translator = startup::translator(config, &openai);
    let runner =
        startup::runner(config, startup::backends(config, openai), Arc::new(SystemClock)).with_translator(translator);
    let finished = match runner.run(&request, &spec).await {
        Ok(finished) => finished,
        Err(e) => {
            return Report {
                text: format!(
                    "{} ({})",
                    crate::discord::words::failure::said(config.default_locale, &e.error),
                    error::chain(&e.error)
                ),
                ok: false,
            };
        }
    };
    match write_results(&args.out, &id, &request, &spec, &finished) {
        Ok(files) => Report { text: files.join("\n"), ok: true },
        Err(e) => Report { text: format!("could not write to {}: {e}", args.out.display()), ok: false },
    }
}

fn write_results(
    out: &Path,
    id: &str,
    request: &JobRequest,
    spec: &crate::domain::request::JobSpec,
    finished: &crate::jobs::runner::FinishedJob,
) -> std::io::Result<Vec<String>> {
    std::fs::create_dir_all(out)?;
    let mut written = Vec::new();
    let mut names = Vec::new();
    for (i, image) in finished.images.iter().enumerate() {
        let name = format!("easel-{id}-{}.{}", i + 1, image.extension);
        std::fs::write(out.join(&name), &image.bytes)?;
        written.push(out.join(&name).display().to_string());
        names.push(name);
    }
    let sidecar = json!({
        "prompt": request.prompt,
        "revised_prompt": finished.revised_prompt,
        "model": spec.model.id,
        "provider_model": spec.model.provider_model,
        "parameters": {"size": spec.size, "quality": spec.quality, "style": spec.style, "n": spec.n},
        "cost_usd": finished.cost.usd,
        "cost_from_usage": finished.cost.from_usage,
        "images": names,
        "provenance": {
            "generator": format!("Easel {}", env!("CARGO_PKG_VERSION")),
            "ai_generated": true,
            "created_at": Utc::now().to_rfc3339(),
        },
    });
    let sidecar_path = out.join(format!("easel-{id}.json"));
    std::fs::write(&sidecar_path, serde_json::to_vec_pretty(&sidecar).unwrap_or_default())?;
    written.push(sidecar_path.display().to_string());
    Ok(written)
}
