//! How one variable is read: a range, a flag, a URL, trusted hosts, the default limits; each mistake
//! named with what the variable should hold.

use std::path::PathBuf;

use reqwest::Url;

use super::{ConfigError, LIMIT_VARS};
use crate::domain::limits::Limits;
use crate::media::download::TrustedHost;

/// `EASEL_HTTP_ADDR`: an `address:port`, or `off` (default `127.0.0.1:9000`).
pub(super) fn http_addr(get: &impl Fn(&str) -> Option<String>) -> Result<Option<std::net::SocketAddr>, ConfigError> {
    let raw = get("EASEL_HTTP_ADDR").unwrap_or_else(|| "127.0.0.1:9000".to_owned());
    if raw.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| ConfigError::Invalid {
        name: "EASEL_HTTP_ADDR",
        expected: "an address and port such as 127.0.0.1:9000 or 0.0.0.0:9000, or `off`",
        got: raw,
    })
}

/// An optional images-per-minute cap (1 to 100000; unset: none).
pub(super) fn per_minute(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
) -> Result<Option<std::num::NonZeroU32>, ConfigError> {
    if get(name).is_none() {
        return Ok(None);
    }
    let value = ranged(get, name, "images a minute", 1..=100_000, 1)?;
    Ok(std::num::NonZeroU32::new(value as u32))
}

/// `name` in the folder holding `file`.
pub(super) fn beside(file: &std::path::Path, name: &str) -> PathBuf {
    file.parent().map_or_else(|| PathBuf::from(name), |dir| dir.join(name))
}

pub(super) fn image_hosts(get: &impl Fn(&str) -> Option<String>) -> Result<Vec<TrustedHost>, ConfigError> {
    let Some(raw) = get("EASEL_IMAGE_HOSTS") else { return Ok(Vec::new()) };
    raw.split(',').map(str::trim).filter(|h| !h.is_empty()).map(TrustedHost::parse).collect::<Result<_, _>>().map_err(
        |e| ConfigError::Invalid {
            name: "EASEL_IMAGE_HOSTS",
            expected: "comma-separated host names, `host:port` or `*.domain`",
            got: e.0,
        },
    )
}

/// A whole number of `unit` within `range`, or `default` when unset.
pub(super) fn ranged(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    unit: &'static str,
    range: std::ops::RangeInclusive<u64>,
    default: u64,
) -> Result<u64, ConfigError> {
    let Some(raw) = get(name) else { return Ok(default) };
    raw.parse::<u64>().ok().filter(|v| range.contains(v)).ok_or(ConfigError::OutOfRange {
        name,
        unit,
        min: *range.start(),
        max: *range.end(),
        got: raw,
    })
}

pub(super) fn bool_var(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: bool,
) -> Result<bool, ConfigError> {
    match get(name).map(|v| v.to_lowercase()).as_deref() {
        None => Ok(default),
        Some("true" | "1" | "yes" | "on") => Ok(true),
        Some("false" | "0" | "no" | "off") => Ok(false),
        Some(other) => Err(ConfigError::Invalid { name, expected: "true or false", got: other.to_owned() }),
    }
}

pub(super) fn limits_from(get: &impl Fn(&str) -> Option<String>) -> Result<Limits, ConfigError> {
    let exempt = bool_var(get, "EASEL_EXEMPT_MANAGERS", true)?;
    let mut limits = Limits::new([None; 6], exempt);
    for (limit, name, default) in LIMIT_VARS {
        let value = match get(name) {
            None => default,
            Some(raw) => limit.parse(&raw).map_err(|e| ConfigError::Limit { name, reason: e.to_string() })?,
        };
        limits.set(limit, value);
    }
    Ok(limits)
}

pub(super) fn url_var(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: &str,
) -> Result<Url, ConfigError> {
    let raw = get(name).unwrap_or_else(|| default.to_owned());
    match Url::parse(&raw) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => Ok(url),
        _ => Err(ConfigError::Invalid { name, expected: "an http(s) URL such as https://example.com", got: raw }),
    }
}

pub(super) fn parse_var<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    expected: &'static str,
) -> Result<Option<T>, ConfigError> {
    get(name).map(|raw| raw.parse().map_err(|_| ConfigError::Invalid { name, expected, got: raw.clone() })).transpose()
}

/// A chat model's name on the OpenAI-compatible server (`None` when unset or empty).
pub(super) fn chat_model(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
) -> Result<Option<String>, ConfigError> {
    match get(name).map(|m| m.trim().to_owned()) {
        None => Ok(None),
        Some(model) if model.is_empty() => Ok(None),
        Some(model) if model.len() <= 100 && !model.contains(char::is_whitespace) => Ok(Some(model)),
        Some(model) => Err(ConfigError::Invalid {
            name,
            expected: "a chat model's name on the OpenAI-compatible server, e.g. gpt-4.1-mini",
            got: model,
        }),
    }
}
