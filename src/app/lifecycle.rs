//! The start-up check: which catalogue models the provider really serves, and which are about to die.
//!
//! Providers retire models on announced dates (`shutdown_date` in `GET /models`). Easel offers only
//! models that are served and not past their date, warns the owner a month ahead, and falls back to the
//! catalogue as written (minus models past their catalogue date) when the listing is unavailable.

use chrono::NaiveDate;

use crate::backends::ServedModel;
use crate::domain::catalogue::{BackendKind, Catalogue, ModelEntry};

/// How far ahead an owner is warned of a shutdown.
pub const WARN_DAYS: i64 = 30;

/// What start-up learned of one kind of backend's models.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing<'a> {
    /// The backend is not configured (e.g. no `SD_BASE_URL`): its models are not offered.
    NotConfigured,
    /// The backend could not list its models: its models are offered as the catalogue says.
    Unavailable,
    /// The models the backend serves.
    Listed(&'a [ServedModel]),
}

/// Something the owner should read in the log at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The model's backend is not configured.
    NotConfigured(String),
    /// The provider does not list this model, so it is not offered.
    NotServed(String),
    /// The model is past its shutdown date and hidden.
    Retired {
        /// Model id.
        model: String,
        /// When it shut down.
        on: NaiveDate,
    },
    /// The model shuts down soon.
    ShuttingDown {
        /// Model id.
        model: String,
        /// When.
        on: NaiveDate,
        /// What to move to.
        replacement: Option<String>,
    },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotConfigured(m) => {
                write!(f, "model `{m}` needs its backend configured (e.g. SD_BASE_URL); not offered")
            }
            Self::NotServed(m) => write!(f, "model `{m}` is not served by the provider; not offered"),
            Self::Retired { model, on } => write!(f, "model `{model}` was shut down on {on}; not offered"),
            Self::ShuttingDown { model, on, replacement } => {
                write!(f, "model `{model}` shuts down on {on}")?;
                match replacement {
                    Some(r) => write!(f, "; move to `{r}` (e.g. EASEL_DEFAULT_MODEL={r})"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Narrows `catalogue` to what can be offered on `today`, given what each kind of backend listed.
pub fn narrow<'a>(
    catalogue: &Catalogue,
    listing: impl Fn(BackendKind) -> Listing<'a>,
    today: NaiveDate,
) -> (Catalogue, Vec<Notice>) {
    let mut notices = Vec::new();
    let mut offered = catalogue.clone();
    offered.retain(|entry| {
        let served = match listing(entry.backend) {
            Listing::NotConfigured => {
                notices.push(Notice::NotConfigured(entry.id.clone()));
                return false;
            }
            Listing::Unavailable => None,
            Listing::Listed(list) => match list.iter().find(|s| s.id == entry.provider_model) {
                Some(found) => Some(found),
                None => {
                    notices.push(Notice::NotServed(entry.id.clone()));
                    return false;
                }
            },
        };
        let shutdown = served.and_then(|s| s.shutdown_date).or(entry.shutdown_date);
        keep_until_shutdown(entry, shutdown, today, &mut notices)
    });
    (offered, notices)
}

fn keep_until_shutdown(
    entry: &ModelEntry,
    shutdown: Option<NaiveDate>,
    today: NaiveDate,
    notices: &mut Vec<Notice>,
) -> bool {
    let Some(on) = shutdown else { return true };
    if on <= today {
        notices.push(Notice::Retired { model: entry.id.clone(), on });
        return false;
    }
    if (on - today).num_days() <= WARN_DAYS {
        notices.push(Notice::ShuttingDown { model: entry.id.clone(), on, replacement: entry.replacement.clone() });
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn served(id: &str, shutdown: Option<&str>) -> ServedModel {
        ServedModel { id: id.into(), shutdown_date: shutdown.map(|d| d.parse().unwrap()) }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn only_served_models_are_offered() {
        let listing = [served("gpt-image-2", None), served("gpt-image-2.6-flare", None), served("whisper-1", None)];
        let (offered, notices) = narrow(&Catalogue::builtin(), |_| Listing::Listed(&listing), day("2026-11-25"));
        let ids: Vec<_> = offered.models().iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["gpt-image-2", "gpt-image-2.6-flare"]);
        assert!(notices.contains(&Notice::NotServed("dall-e-3".into())));
    }

    #[test]
    fn the_listed_shutdown_date_warns_then_hides() {
        let listing = [served("gpt-image-2", Some("2026-12-10")), served("gpt-image-1.5", None)];
        let (offered, notices) = narrow(&Catalogue::builtin(), |_| Listing::Listed(&listing), day("2026-11-25"));
        assert!(offered.get("gpt-image-2").is_some());
        assert!(notices.iter().any(|n| matches!(n, Notice::ShuttingDown { model, .. } if model == "gpt-image-2")));
        let warned =
            notices.iter().find(|n| matches!(n, Notice::ShuttingDown { model, .. } if model == "gpt-image-1.5"));
        assert!(warned.unwrap().to_string().contains("gpt-image-2.6-sunburst"), "catalogue date and replacement");

        let (offered, notices) = narrow(&Catalogue::builtin(), |_| Listing::Listed(&listing), day("2026-12-10"));
        assert!(offered.get("gpt-image-2").is_none() && offered.get("gpt-image-1.5").is_none());
        assert!(notices.contains(&Notice::Retired { model: "gpt-image-2".into(), on: day("2026-12-10") }));
    }

    #[test]
    fn models_of_a_backend_not_configured_are_not_offered() {
        let listing = [served("gpt-image-2", None)];
        let pick = |kind| match kind {
            BackendKind::Openai => Listing::Listed(&listing),
            _ => Listing::NotConfigured,
        };
        let (offered, notices) = narrow(&Catalogue::builtin(), pick, day("2026-11-25"));
        assert!(offered.get("stable-diffusion").is_none());
        assert!(notices.contains(&Notice::NotConfigured("stable-diffusion".into())));
    }

    #[test]
    fn without_a_listing_the_catalogue_is_offered_as_is_until_its_dates() {
        let (offered, _) = narrow(&Catalogue::builtin(), |_| Listing::Unavailable, day("2026-11-25"));
        assert_eq!(offered, Catalogue::builtin(), "every backend unavailable: the catalogue as written");
        let (offered, _) = narrow(&Catalogue::builtin(), |_| Listing::Unavailable, day("2026-12-02"));
        assert!(offered.get("gpt-image-1.5").is_none() && offered.get("dall-e-3").is_some());
    }
}
