//! Downloads from trusted hosts only, with a size cap and a timeout.
//!
//! Easel downloads two kinds of images: members' uploads (from Discord's CDN) and model results given
//! as links. Both are fetched here so the same rules hold: only the listed hosts (redirects included),
//! never more than the cap (checked against `Content-Length` and again while streaming).

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use reqwest::{redirect, Client, StatusCode, Url};

/// Why a download failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// The link points at a host Easel does not trust.
    #[error("`{0}` is not a trusted host")]
    UntrustedHost(String),
    /// The file is over the cap.
    #[error("the file is larger than {max} bytes")]
    TooLarge {
        /// The cap.
        max: u64,
    },
    /// The server answered 403, 404 or 410: the link expired or was removed.
    #[error("the link has expired ({0})")]
    Gone(StatusCode),
    /// Any other failure (status, timeout, connection).
    #[error("the download failed: {0}")]
    Failed(String),
}

/// Fetches the bytes behind a link.
#[async_trait]
pub trait Fetch: Send + Sync {
    /// Downloads `url`. MUST refuse untrusted hosts and MUST stop at `max_bytes`.
    async fn fetch(&self, url: &str, max_bytes: u64) -> Result<Vec<u8>, FetchError>;
}

/// A [`Fetch`] over HTTP(S) that trusts only the hosts it was given.
#[derive(Clone)]
pub struct HttpFetcher {
    client: Client,
    hosts: Arc<Vec<String>>,
}

impl HttpFetcher {
    /// A fetcher for `hosts` (compared case-insensitively, ports ignored) with a per-download timeout.
    pub fn new(hosts: Vec<String>, timeout: Duration) -> Self {
        let hosts = Arc::new(hosts.into_iter().map(|h| h.to_lowercase()).collect::<Vec<_>>());
        let allowed = Arc::clone(&hosts);
        let client = Client::builder()
            .timeout(timeout)
            .redirect(redirect::Policy::custom(move |attempt| {
                if attempt.previous().len() > 5 {
                    attempt.error("too many redirects")
                } else if is_trusted(&allowed, attempt.url()) {
                    attempt.follow()
                } else {
                    attempt.error("redirected to an untrusted host")
                }
            }))
            .build()
            .expect("a TLS backend is compiled in");
        Self { client, hosts }
    }
}

fn is_trusted(hosts: &[String], url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|h| hosts.iter().any(|trusted| host_matches(trusted, h)))
}

/// Whether `host` is the `trusted` one: the same name (any case), a subdomain of a `*.example.com`
/// entry, or, when the trusted host is this machine, any of this machine's loopback names.
fn host_matches(trusted: &str, host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    if let Some(suffix) = trusted.strip_prefix("*.") {
        return host.ends_with(&format!(".{suffix}"));
    }
    trusted.eq_ignore_ascii_case(&host) || (is_loopback(trusted) && is_loopback(&host))
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[async_trait]
impl Fetch for HttpFetcher {
    async fn fetch(&self, url: &str, max_bytes: u64) -> Result<Vec<u8>, FetchError> {
        let parsed = Url::parse(url).map_err(|_| FetchError::UntrustedHost(url.to_owned()))?;
        if !is_trusted(&self.hosts, &parsed) {
            return Err(FetchError::UntrustedHost(parsed.host_str().unwrap_or(url).to_owned()));
        }
        let mut response = self.client.get(parsed).send().await.map_err(|e| FetchError::Failed(e.to_string()))?;
        let status = response.status();
        if matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND | StatusCode::GONE) {
            return Err(FetchError::Gone(status));
        }
        if !status.is_success() {
            return Err(FetchError::Failed(format!("status {status}")));
        }
        if response.content_length().is_some_and(|len| len > max_bytes) {
            return Err(FetchError::TooLarge { max: max_bytes });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| FetchError::Failed(e.to_string()))? {
            if body.len() as u64 + chunk.len() as u64 > max_bytes {
                return Err(FetchError::TooLarge { max: max_bytes });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn untrusted_hosts_are_refused_before_any_request() {
        let fetcher = HttpFetcher::new(vec!["cdn.discordapp.com".into()], Duration::from_secs(1));
        let err = fetcher.fetch("http://169.254.169.254/latest", 10).await.unwrap_err();
        assert_eq!(err, FetchError::UntrustedHost("169.254.169.254".into()));
        let err = fetcher.fetch("file:///etc/passwd", 10).await.unwrap_err();
        assert!(matches!(err, FetchError::UntrustedHost(_)));
    }

    #[test]
    fn trust_ignores_case_and_port_but_not_subdomains() {
        let hosts = vec!["cdn.discordapp.com".to_owned()];
        assert!(is_trusted(&hosts, &Url::parse("https://CDN.discordapp.com:443/x").unwrap()));
        assert!(!is_trusted(&hosts, &Url::parse("https://cdn.discordapp.com.evil.io/x").unwrap()));
        assert!(!is_trusted(&hosts, &Url::parse("https://x.cdn.discordapp.com/x").unwrap()));
    }

    #[test]
    fn wildcard_entries_trust_subdomains_only() {
        let hosts = vec!["*.blob.example.net".to_owned()];
        assert!(is_trusted(&hosts, &Url::parse("https://a.blob.example.net/img.png").unwrap()));
        assert!(!is_trusted(&hosts, &Url::parse("https://blob.example.net.evil.io/img.png").unwrap()));
        assert!(!is_trusted(&hosts, &Url::parse("https://evilblob.example.net/img.png").unwrap()));
    }

    #[test]
    fn a_trusted_loopback_host_trusts_this_machines_other_names_only() {
        let hosts = vec!["127.0.0.1".to_owned()];
        assert!(is_trusted(&hosts, &Url::parse("http://localhost:8080/a.png").unwrap()));
        assert!(is_trusted(&hosts, &Url::parse("http://[::1]:8080/a.png").unwrap()));
        assert!(!is_trusted(&hosts, &Url::parse("http://10.0.0.1/a.png").unwrap()));
        let public = vec!["cdn.discordapp.com".to_owned()];
        assert!(!is_trusted(&public, &Url::parse("http://localhost/a.png").unwrap()), "no loopback for public hosts");
    }
}
