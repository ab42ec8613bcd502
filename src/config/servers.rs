//! The Stable Diffusion servers' settings: AUTOMATIC1111 / Forge, ComfyUI and Stability AI's hosted
//! API. Each is optional; a server that is not configured has its models hidden.

use std::time::Duration;

use reqwest::Url;

use super::{ranged, url_var, ConfigError, Secret};
use crate::backends::comfyui::workflow::{Workflow, WorkflowError, WorkflowKind};
use crate::domain::catalogue::{BackendKind, Catalogue};

/// Where Stability AI's API is, unless `STABILITY_BASE_URL` says otherwise.
pub const STABILITY_ORIGIN: &str = "https://api.stability.ai";

/// An AUTOMATIC1111 or Forge server started with `--api`.
#[derive(Debug, Clone)]
pub struct Automatic1111Config {
    /// `SD_BASE_URL`, e.g. `http://127.0.0.1:7860`.
    pub url: Url,
    /// `SD_AUTH` (`user:password`), when the server was started with `--api-auth`.
    pub auth: Option<(String, Secret)>,
    /// How long one generation may take (a home GPU can take minutes).
    pub timeout: Duration,
}

/// A ComfyUI server.
#[derive(Debug, Clone)]
pub struct ComfyUiConfig {
    /// `COMFYUI_URL`, e.g. `http://127.0.0.1:8188`.
    pub url: Url,
    /// How long one workflow may run.
    pub timeout: Duration,
}

/// Stability AI's hosted API.
#[derive(Debug, Clone)]
pub struct StabilityConfig {
    /// `STABILITY_BASE_URL`.
    pub url: Url,
    /// `STABILITY_API_KEY`.
    pub key: Secret,
    /// How long one call may take.
    pub timeout: Duration,
}

/// The Stable Diffusion servers configured, with how many calls each takes at once.
#[derive(Debug, Clone)]
pub struct Servers {
    /// AUTOMATIC1111 / Forge.
    pub automatic1111: Option<Automatic1111Config>,
    /// ComfyUI.
    pub comfyui: Option<ComfyUiConfig>,
    /// Stability AI.
    pub stability: Option<StabilityConfig>,
    /// Calls to ComfyUI at once.
    pub comfyui_concurrency: usize,
    /// Calls to Stability AI at once.
    pub stability_concurrency: usize,
}

impl Servers {
    /// Reads the servers' variables.
    pub fn from_lookup(get: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let seconds = |name, default| -> Result<Duration, ConfigError> {
            Ok(Duration::from_secs(ranged(get, name, "seconds", 1..=3600, default)?))
        };
        let automatic1111 = match get("SD_BASE_URL") {
            None => None,
            Some(_) => Some(Automatic1111Config {
                url: url_var(get, "SD_BASE_URL", "")?,
                auth: basic_auth(get)?,
                timeout: seconds("EASEL_SD_TIMEOUT_SECS", 600)?,
            }),
        };
        let comfyui = match get("COMFYUI_URL") {
            None => None,
            Some(_) => Some(ComfyUiConfig {
                url: url_var(get, "COMFYUI_URL", "")?,
                timeout: seconds("EASEL_COMFYUI_TIMEOUT_SECS", 600)?,
            }),
        };
        let stability = match get("STABILITY_API_KEY").filter(|k| !k.trim().is_empty()) {
            None => None,
            Some(key) => Some(StabilityConfig {
                url: url_var(get, "STABILITY_BASE_URL", STABILITY_ORIGIN)?,
                key: Secret::new(key.trim()),
                timeout: seconds("EASEL_STABILITY_TIMEOUT_SECS", 180)?,
            }),
        };
        Ok(Self {
            automatic1111,
            comfyui,
            stability,
            comfyui_concurrency: ranged(get, "EASEL_COMFYUI_CONCURRENCY", "calls", 1..=16, 1)? as usize,
            stability_concurrency: ranged(get, "EASEL_STABILITY_CONCURRENCY", "calls", 1..=64, 4)? as usize,
        })
    }
}

/// `SD_AUTH=user:password`, the server's `--api-auth`.
fn basic_auth(get: &impl Fn(&str) -> Option<String>) -> Result<Option<(String, Secret)>, ConfigError> {
    let Some(raw) = get("SD_AUTH") else { return Ok(None) };
    match raw.split_once(':') {
        Some((user, password)) if !user.is_empty() => Ok(Some((user.to_owned(), Secret::new(password)))),
        _ => Err(ConfigError::Invalid {
            name: "SD_AUTH",
            expected: "user:password, as given to the server's --api-auth",
            got: "(hidden: it holds a password)".to_owned(),
        }),
    }
}

/// Reads and checks the workflows of every ComfyUI model in `catalogue`; relative paths are read from
/// the folder of the catalogue file (`EASEL_MODELS`) when there is one.
pub fn workflows(catalogue: &Catalogue, catalogue_file: Option<&str>) -> Result<Vec<Workflow>, ConfigError> {
    let folder = catalogue_file.and_then(|f| std::path::Path::new(f).parent().map(std::path::Path::to_path_buf));
    let mut loaded: Vec<Workflow> = Vec::new();
    for entry in catalogue.models().iter().filter(|m| m.backend == BackendKind::Comfyui) {
        let wanted = [
            (entry.workflow.as_deref(), WorkflowKind::Text),
            (entry.image_workflow.as_deref(), WorkflowKind::Image),
            (entry.blend_workflow.as_deref(), WorkflowKind::Blend),
            (entry.inpaint_workflow.as_deref(), WorkflowKind::Inpaint),
        ];
        for (name, kind) in wanted {
            let Some(name) = name else { continue };
            let workflow = match loaded.iter().position(|w| w.name == name) {
                Some(at) => &loaded[at],
                None => {
                    loaded.push(Workflow::load_beside(name, folder.as_deref(), kind)?);
                    &loaded[loaded.len() - 1]
                }
            };
            if kind == WorkflowKind::Blend && workflow.images < entry.input_images {
                return Err(ConfigError::Workflow(WorkflowError::TooFewImages {
                    name: name.to_owned(),
                    model: entry.id.clone(),
                    images: workflow.images,
                    wanted: entry.input_images,
                }));
            }
        }
    }
    Ok(loaded)
}
