//! TLS to Postgres, as hosted Postgres services require: `sslmode` in `EASEL_DATABASE_URL` says how.
//!
//! - `disable` (or none given): a plain connection, for a database on a private network.
//! - `require` and `verify-ca`: encrypted, the server's certificate chain verified against the system's
//!   roots or `EASEL_DATABASE_CA` (stricter than libpq's `require`, which verifies nothing: a database
//!   holding an owner's ledger is never reached through an unverified tunnel).
//! - `verify-full`: the same, and the certificate must name the host connected to.
//!
//! `prefer` and `allow` (TLS only if the server happens to offer it) are refused: say which is meant.

use std::path::Path;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

/// How a connection is made, from the URL's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// No TLS.
    Plain,
    /// TLS with the chain verified, and the host name too when `names` is set.
    Verified {
        /// Whether the certificate must name the host (`verify-full`).
        names: bool,
    },
}

/// A URL's `sslmode` read and taken out (tokio-postgres knows only `disable`, `prefer`, `require`),
/// with the transport it asks for.
pub fn transport_of(url: &str) -> Result<(String, Transport), String> {
    let Some(at) = url.find("sslmode=") else { return Ok((url.to_owned(), Transport::Plain)) };
    let value: String =
        url[at + "sslmode=".len()..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let transport = match value.as_str() {
        "disable" => Transport::Plain,
        "require" | "verify-ca" => Transport::Verified { names: false },
        "verify-full" => Transport::Verified { names: true },
        other => {
            return Err(format!(
                "sslmode `{other}` is not one Easel takes: use disable, require, verify-ca or verify-full"
            ))
        }
    };
    let end = at + "sslmode=".len() + value.len();
    let (before, after) = (&url[..at], &url[end..]);
    // `?sslmode=x&y` keeps `?y`; `&sslmode=x` and `sslmode=x ` (key=value form) drop the separator.
    let rest = match (before.chars().last(), after.chars().next()) {
        (Some('?'), Some('&')) => format!("{before}{}", &after[1..]),
        (Some('?' | '&'), _) => format!("{}{after}", &before[..before.len() - 1]),
        _ => format!("{before}{}", after.trim_start()),
    };
    Ok((rest.trim().to_owned(), transport))
}

/// The TLS connector for `names`: the roots are `ca` (a PEM file of one or more certificates) when
/// given, else the system's.
pub fn connector(ca: Option<&Path>, names: bool) -> Result<MakeRustlsConnect, String> {
    let roots = Arc::new(roots(ca)?);
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let webpki = WebPkiServerVerifier::builder_with_provider(roots, Arc::clone(&provider))
        .build()
        .map_err(|e| format!("the database's certificate roots cannot be used: {e}"))?;
    let verifier: Arc<dyn ServerCertVerifier> = if names { webpki } else { Arc::new(ChainOnly(webpki)) };
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// The certificates a database's may chain to.
fn roots(ca: Option<&Path>) -> Result<RootCertStore, String> {
    let mut store = RootCertStore::empty();
    let certs: Vec<CertificateDer<'static>> = match ca {
        Some(path) => CertificateDer::pem_file_iter(path)
            .and_then(|certs| certs.collect::<Result<_, _>>())
            .map_err(|e| format!("EASEL_DATABASE_CA ({}) holds no readable PEM certificate: {e}", path.display()))?,
        None => rustls_native_certs::load_native_certs().certs,
    };
    let (added, _) = store.add_parsable_certificates(certs);
    if added == 0 {
        return Err(match ca {
            Some(path) => format!("EASEL_DATABASE_CA ({}) holds no usable certificate", path.display()),
            None => "the system has no root certificates: set EASEL_DATABASE_CA to the database's CA".to_owned(),
        });
    }
    Ok(store)
}

/// Verifies the chain (and the signatures) but not that the certificate names the host:
/// `verify-ca`, for a server reached by an address its certificate does not list.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sslmode_is_read_and_taken_out_of_either_form() {
        let full = transport_of("postgres://u@h:5432/db?sslmode=verify-full&application_name=x").unwrap();
        assert_eq!(full, ("postgres://u@h:5432/db?application_name=x".into(), Transport::Verified { names: true }));
        let last = transport_of("postgres://u@h/db?a=1&sslmode=require").unwrap();
        assert_eq!(last, ("postgres://u@h/db?a=1".into(), Transport::Verified { names: false }));
        let kv = transport_of("host=h sslmode=verify-ca dbname=d").unwrap();
        assert_eq!(kv, ("host=h dbname=d".into(), Transport::Verified { names: false }));
        assert_eq!(transport_of("postgres://h/db").unwrap().1, Transport::Plain);
        assert!(transport_of("postgres://h/db?sslmode=prefer").unwrap_err().contains("verify-full"));
    }
}
