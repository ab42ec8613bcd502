//! Downloads from trusted origins only, with a size cap and a timeout.
//!
//! Easel downloads two kinds of images: members' uploads (from Discord's CDN) and model results given
//! as links. Both are fetched here so the same rules hold: only the listed hosts **on their own port**
//! (redirects included, hop by hop), never more than the cap (checked against `Content-Length` and
//! again while streaming). [`read_capped`] is the same streaming cap for provider answers.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use reqwest::{redirect, Client, Response, StatusCode, Url};

/// Why a download failed, each case told to the member in its own words.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The link points at a host (or port) Easel does not trust.
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
    /// The transfer stopped before the whole file arrived.
    #[error("the transfer was cut short")]
    CutShort(#[source] reqwest::Error),
    /// Any other failure (status, timeout, connection).
    #[error("the download failed")]
    Failed(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl FetchError {
    fn status(status: StatusCode) -> Self {
        Self::Failed(format!("status {status}").into())
    }
}

/// Fetches the bytes behind a link.
#[async_trait]
pub trait Fetch: Send + Sync {
    /// Downloads `url`. MUST refuse untrusted origins and MUST stop at `max_bytes`.
    async fn fetch(&self, url: &str, max_bytes: u64) -> Result<Vec<u8>, FetchError>;
}

/// A host Easel downloads from, with its port: `cdn.discordapp.com` (the scheme's default port),
/// `127.0.0.1:8080`, or `*.example.com` (its subdomains, default port).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedHost {
    host: String,
    port: Option<u16>,
}

/// A trusted-host entry that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a host name, `host:port` or `*.domain`")]
pub struct BadHost(pub String);

impl TrustedHost {
    /// Parses `host`, `host:port` or `*.domain` (case-insensitive).
    pub fn parse(entry: &str) -> Result<Self, BadHost> {
        let entry = entry.trim().to_ascii_lowercase();
        let bad = || BadHost(entry.clone());
        let (wildcard, rest) = match entry.strip_prefix("*.") {
            Some(rest) => (true, rest),
            None => (false, entry.as_str()),
        };
        let url = Url::parse(&format!("http://{rest}")).map_err(|_| bad())?;
        let host = url.host_str().filter(|h| !h.is_empty()).ok_or_else(bad)?;
        if url.path() != "/" || url.query().is_some() || !url.username().is_empty() {
            return Err(bad());
        }
        let host = if wildcard { format!("*.{host}") } else { host.to_owned() };
        Ok(Self { host, port: url.port() })
    }

    /// The origin of `url` (scheme, host and port) as a trusted host.
    pub fn of(url: &Url) -> Option<Self> {
        let host = url.host_str()?.to_ascii_lowercase();
        Some(Self { host, port: url.port() })
    }

    fn trusts(&self, url: &Url) -> bool {
        let Some(host) = url.host_str().map(str::to_ascii_lowercase) else { return false };
        if url.port() != self.port {
            return false;
        }
        if let Some(suffix) = self.host.strip_prefix("*.") {
            return host.ends_with(&format!(".{suffix}"));
        }
        // A loopback origin is one machine under several names, but only on its own port.
        host == self.host || (self.port.is_some() && is_loopback(&self.host) && is_loopback(&host))
    }
}

impl fmt::Display for TrustedHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.port {
            Some(port) => write!(f, "{}:{port}", self.host),
            None => f.write_str(&self.host),
        }
    }
}

/// A [`Fetch`] over HTTP(S) that trusts only the origins it was given.
#[derive(Clone)]
pub struct HttpFetcher {
    client: Client,
    hosts: Arc<Vec<TrustedHost>>,
}

impl HttpFetcher {
    /// A fetcher for `hosts` with a per-download timeout.
    pub fn new(hosts: Vec<TrustedHost>, timeout: Duration) -> Self {
        let hosts = Arc::new(hosts);
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

fn is_trusted(hosts: &[TrustedHost], url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && hosts.iter().any(|trusted| trusted.trusts(url))
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Reads a response body, refusing one over `max_bytes` (declared or streamed) and telling a transfer
/// cut short from other failures.
pub async fn read_capped(mut response: Response, max_bytes: u64) -> Result<Vec<u8>, FetchError> {
    let declared = response.content_length();
    if declared.is_some_and(|len| len > max_bytes) {
        return Err(FetchError::TooLarge { max: max_bytes });
    }
    let mut body = Vec::with_capacity(declared.unwrap_or(0).min(max_bytes).min(1 << 20) as usize);
    while let Some(chunk) = response.chunk().await.map_err(|e| {
        if e.is_timeout() {
            FetchError::Failed(Box::new(e))
        } else {
            FetchError::CutShort(e)
        }
    })? {
        if body.len() as u64 + chunk.len() as u64 > max_bytes {
            return Err(FetchError::TooLarge { max: max_bytes });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[async_trait]
impl Fetch for HttpFetcher {
    async fn fetch(&self, url: &str, max_bytes: u64) -> Result<Vec<u8>, FetchError> {
        let parsed = Url::parse(url).map_err(|_| FetchError::UntrustedHost(crate::text::truncate(url, 80)))?;
        if !is_trusted(&self.hosts, &parsed) {
            let origin = TrustedHost::of(&parsed).map_or_else(|| crate::text::truncate(url, 80), |o| o.to_string());
            return Err(FetchError::UntrustedHost(origin));
        }
        let response = self.client.get(parsed).send().await.map_err(|e| {
            if e.is_redirect() {
                FetchError::UntrustedHost("a redirect target".into())
            } else {
                FetchError::Failed(Box::new(e))
            }
        })?;
        let status = response.status();
        if matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND | StatusCode::GONE) {
            return Err(FetchError::Gone(status));
        }
        if !status.is_success() {
            return Err(FetchError::status(status));
        }
        read_capped(response, max_bytes).await
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn hosts(entries: &[&str]) -> Vec<TrustedHost> {
        entries.iter().map(|e| TrustedHost::parse(e).unwrap()).collect()
    }

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[tokio::test]
    async fn untrusted_hosts_are_refused_before_any_request() {
        let fetcher = HttpFetcher::new(hosts(&["cdn.discordapp.com"]), Duration::from_secs(1));
        let err = fetcher.fetch("http://169.254.169.254/latest", 10).await.unwrap_err();
        assert!(matches!(err, FetchError::UntrustedHost(ref h) if h == "169.254.169.254"), "{err:?}");
        let err = fetcher.fetch("file:///etc/passwd", 10).await.unwrap_err();
        assert!(matches!(err, FetchError::UntrustedHost(_)));
    }

    #[test]
    fn trust_is_host_and_port_exact() {
        let trusted = hosts(&["cdn.discordapp.com"]);
        assert!(is_trusted(&trusted, &url("https://CDN.discordapp.com:443/x")), "443 is https's own port");
        assert!(!is_trusted(&trusted, &url("https://cdn.discordapp.com:8443/x")), "another port is another service");
        assert!(!is_trusted(&trusted, &url("https://cdn.discordapp.com.evil.io/x")));
        assert!(!is_trusted(&trusted, &url("https://x.cdn.discordapp.com/x")));
        let with_port = hosts(&["images.example.com:8080"]);
        assert!(is_trusted(&with_port, &url("http://images.example.com:8080/a.png")));
        assert!(!is_trusted(&with_port, &url("http://images.example.com/a.png")));
    }

    #[test]
    fn wildcard_entries_trust_subdomains_only() {
        let trusted = hosts(&["*.blob.example.net"]);
        assert!(is_trusted(&trusted, &url("https://a.blob.example.net/img.png")));
        assert!(!is_trusted(&trusted, &url("https://blob.example.net.evil.io/img.png")));
        assert!(!is_trusted(&trusted, &url("https://evilblob.example.net/img.png")));
        assert!(!is_trusted(&trusted, &url("https://a.blob.example.net:9000/img.png")));
    }

    #[test]
    fn a_loopback_origin_trusts_its_other_names_on_its_own_port_only() {
        let trusted = hosts(&["127.0.0.1:8080"]);
        assert!(is_trusted(&trusted, &url("http://localhost:8080/a.png")));
        assert!(is_trusted(&trusted, &url("http://[::1]:8080/a.png")));
        assert!(!is_trusted(&trusted, &url("http://127.0.0.1:6379/a.png")), "another service on this machine");
        assert!(!is_trusted(&trusted, &url("http://localhost/a.png")));
        assert!(!is_trusted(&trusted, &url("http://10.0.0.1:8080/a.png")));
        let public = hosts(&["cdn.discordapp.com"]);
        assert!(!is_trusted(&public, &url("http://localhost/a.png")), "no loopback for public hosts");
    }

    #[test]
    fn malformed_entries_are_refused() {
        for bad in ["", "http://x/", "a b", "x.com/path", "user@x.com", "x.com:99999"] {
            assert!(TrustedHost::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(TrustedHost::parse(" Images.Example.COM:81 ").unwrap().to_string(), "images.example.com:81");
    }

    proptest! {
        #[test]
        fn parsing_hosts_never_panics_and_what_it_accepts_round_trips(entry in "[a-zA-Z0-9.*:/@ -]{0,30}") {
            if let Ok(host) = TrustedHost::parse(&entry) {
                prop_assert_eq!(TrustedHost::parse(&host.to_string()), Ok(host));
            }
        }
    }
}
