//! What every provider's HTTP exchange shares: transport faults and error statuses sorted into
//! [`BackendError`] cases, answers read with a cap, and the waits providers ask for.

use std::time::Duration;

use reqwest::StatusCode;

use super::BackendError;
use crate::media::download::{read_capped, FetchError};

/// Sorts an error status the usual way, after a provider's own cases: 401/403 a key the server
/// refuses, 402 no credit, 404 a model it no longer serves, 429 a rate limit (with its wait), 408 and
/// 5xx an unavailable server (retried), anything else a request it rejects (`param`, if it named one).
pub(super) fn by_status(
    status: StatusCode,
    message: String,
    param: String,
    retry_after: Option<Duration>,
) -> BackendError {
    match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => BackendError::Unauthorized(message),
        StatusCode::PAYMENT_REQUIRED => BackendError::OutOfCredit(message),
        StatusCode::NOT_FOUND => BackendError::ModelGone(message),
        StatusCode::TOO_MANY_REQUESTS => BackendError::RateLimited { retry_after },
        s if s == StatusCode::REQUEST_TIMEOUT || s.is_server_error() => {
            BackendError::Unavailable(format!("status {s}: {message}"))
        }
        _ => BackendError::BadRequest { param, message },
    }
}

/// As [`by_status`] for a self-hosted server (AUTOMATIC1111, ComfyUI), which retires no models: a 404
/// is a route or file it lacks, the owner's setup to fix.
pub(super) fn by_server_status(status: StatusCode, message: String, param: &str) -> BackendError {
    if status == StatusCode::NOT_FOUND {
        return BackendError::BadRequest { param: param.to_owned(), message: format!("status {status}: {message}") };
    }
    by_status(status, message, param.to_owned(), None)
}

/// Sorts a failed HTTP exchange: a timeout, an unreadable answer, or an unreachable server (retried).
/// The whole cause chain is kept in the text, so the owner's log says why.
pub(super) fn transport_error(e: reqwest::Error) -> BackendError {
    let detail = crate::text::chain(&e);
    if e.is_timeout() {
        BackendError::TimedOut
    } else if e.is_decode() {
        BackendError::Malformed(detail)
    } else {
        BackendError::Unavailable(detail)
    }
}

/// The most Easel reads of a provider's error answer or model listing.
pub(super) const MAX_SMALL_ANSWER: u64 = 4 * 1024 * 1024;

/// The most Easel reads of an answer holding `n` images of at most `per_image` bytes each, as base64
/// (4 bytes for every 3) with room for the JSON around them.
pub(super) fn images_answer_cap(n: u8, per_image: u64) -> u64 {
    u64::from(n.max(1)).saturating_mul((per_image / 3).saturating_mul(4).saturating_add(4)).saturating_add(1024 * 1024)
}

/// Reads a provider's answer with a cap: never more than `max` bytes in memory, however long the body.
pub(super) async fn read_body(response: reqwest::Response, max: u64) -> Result<Vec<u8>, BackendError> {
    read_capped(response, max).await.map_err(|e| match e {
        FetchError::TooLarge { max } => BackendError::TooLarge { max },
        other => BackendError::Unavailable(crate::text::chain(&other)),
    })
}

/// Reads a provider's JSON answer with a cap.
pub(super) async fn read_json<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
    max: u64,
) -> Result<T, BackendError> {
    let body = read_body(response, max).await?;
    serde_json::from_slice(&body).map_err(|e| BackendError::Malformed(format!("not the JSON expected: {e}")))
}

/// The longest wait Easel takes from a provider's `retry-after`; the retry policy caps it further.
const MAX_PROVIDER_WAIT: Duration = Duration::from_secs(3600);

/// Reads a wait a provider asks for: seconds (`retry-after: 2`, `0.5`) or a duration as OpenAI's
/// `x-ratelimit-reset-*` headers write it (`250ms`, `1s`, `6m0s`, `1h2m3.5s`). Anything negative, not
/// finite or unreadable is `None`; anything longer than an hour is an hour. Never panics.
pub fn parse_wait(value: &str) -> Option<Duration> {
    let value = value.trim();
    let seconds = match value.parse::<f64>() {
        Ok(secs) => secs,
        Err(_) => duration_seconds(value)?,
    };
    if !seconds.is_finite() || seconds < 0.0 {
        return None;
    }
    Some(Duration::try_from_secs_f64(seconds).unwrap_or(MAX_PROVIDER_WAIT).min(MAX_PROVIDER_WAIT))
}

/// `1h2m3.5s`-style durations (units h, m, s, ms, us, ns), in seconds.
fn duration_seconds(text: &str) -> Option<f64> {
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    let mut total = 0.0;
    let mut rest = text;
    while !rest.is_empty() {
        let number_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
        let number: f64 = rest[..number_end].parse().ok()?;
        rest = &rest[number_end..];
        let unit_end = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let scale = match &rest[..unit_end] {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 1e-3,
            "us" | "µs" => 1e-6,
            "ns" => 1e-9,
            _ => return None,
        };
        total += number * scale;
        rest = &rest[unit_end..];
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn error_statuses_sort_the_same_way_for_every_provider_and_self_hosted_servers_retire_nothing() {
        let sorted = |code: u16| by_status(StatusCode::from_u16(code).unwrap(), "m".into(), "size".into(), None);
        assert!(matches!(sorted(401), BackendError::Unauthorized(_)));
        assert!(matches!(sorted(402), BackendError::OutOfCredit(_)));
        assert!(matches!(sorted(404), BackendError::ModelGone(_)));
        assert!(matches!(sorted(429), BackendError::RateLimited { .. }));
        assert!(sorted(408).is_transient() && sorted(503).is_transient());
        assert!(matches!(sorted(400), BackendError::BadRequest { param, .. } if param == "size"));
        let missing_route = by_server_status(StatusCode::NOT_FOUND, "Not Found".into(), "upscaler");
        assert!(matches!(missing_route, BackendError::BadRequest { param, .. } if param == "upscaler"));
    }

    #[test]
    fn waits_are_read_in_every_form_providers_write_them() {
        assert_eq!(parse_wait("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_wait("0.5"), Some(Duration::from_millis(500)));
        assert_eq!(parse_wait("250ms"), Some(Duration::from_millis(250)));
        assert_eq!(parse_wait("6m0s"), Some(Duration::from_secs(360)));
        assert_eq!(parse_wait("1m2.5s"), Some(Duration::from_secs_f64(62.5)));
        assert_eq!(parse_wait("2h"), Some(MAX_PROVIDER_WAIT), "capped at an hour");
        assert_eq!(parse_wait("soon"), None);
        assert_eq!(parse_wait("-1"), None);
    }

    #[test]
    fn absurd_waits_are_capped_instead_of_panicking() {
        assert_eq!(parse_wait("1e20"), Some(MAX_PROVIDER_WAIT));
        assert_eq!(parse_wait("inf"), None);
        assert_eq!(parse_wait("NaN"), None);
        assert_eq!(parse_wait("99999999999999999999h"), Some(MAX_PROVIDER_WAIT));
    }

    proptest! {
        #[test]
        fn parsing_a_wait_never_panics_and_stays_within_an_hour(text in "\\PC{0,24}") {
            if let Some(wait) = parse_wait(&text) {
                prop_assert!(wait <= MAX_PROVIDER_WAIT);
            }
        }

        #[test]
        fn the_image_answer_cap_never_overflows(n in any::<u8>(), per_image in any::<u64>()) {
            prop_assert!(images_answer_cap(n, per_image) >= 1024 * 1024);
        }
    }
}
