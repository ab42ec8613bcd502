//! `/usage`'s words: each limit, what is used and what is left.

use chrono::{DateTime, Utc};

use super::{relative, Lang};
use crate::discord::words::t;
use crate::domain::limits::{later, LimitName, Limits, Usage};
use crate::jobs::admission::UsageReport;

/// What a limit is called in `/usage`.
fn label(lang: Lang, name: LimitName) -> String {
    match name {
        LimitName::Cooldown => t!(lang, "usage-label-cooldown"),
        LimitName::InFlight => t!(lang, "usage-label-in-flight"),
        LimitName::ImagesPerDay => t!(lang, "usage-label-images"),
        LimitName::UserUsdPerDay => t!(lang, "usage-label-user-usd"),
        LimitName::GuildUsdPerDay => t!(lang, "usage-label-guild-usd"),
        LimitName::GlobalUsdPerMonth => t!(lang, "usage-label-global-usd"),
    }
}

/// The lines of a member's `/usage` (also in `/help`).
pub fn lines(lang: Lang, report: &UsageReport) -> Vec<String> {
    let usage = &report.usage;
    let mut lines = limit_lines(lang, &report.limits, usage, report.now, report.exempt);
    if usage.cancelled_images > 0 {
        let usd = lang.money(usage.cancelled_usd, 3);
        lines.push(t!(lang, "usage-cancelled", count = usage.cancelled_images, usd = usd));
    }
    lines
}

/// One line of `/usage` per limit: a limit, what is used and what is left.
fn limit_lines(lang: Lang, limits: &Limits, usage: &Usage, now: DateTime<Utc>, exempt: bool) -> Vec<String> {
    LimitName::ALL
        .into_iter()
        .map(|name| {
            let label = label(lang, name);
            if exempt && !name.applies_to_exempt() {
                return t!(lang, "usage-exempt", label = label);
            }
            let limit = limits.get(name);
            let show = |value| super::limits::show(lang, name, value);
            let used = match name {
                LimitName::Cooldown => {
                    let ready = usage.last_request.zip(limit).map(|(t, l)| later(t, l));
                    return match ready.filter(|r| *r > now) {
                        Some(r) => {
                            t!(lang, "usage-cooldown-waiting", label = label, limit = show(limit), when = relative(r))
                        }
                        None => t!(lang, "usage-cooldown-ready", label = label, limit = show(limit)),
                    };
                }
                LimitName::InFlight => f64::from(usage.in_flight),
                LimitName::ImagesPerDay => f64::from(usage.user_images),
                LimitName::UserUsdPerDay => usage.user_usd,
                LimitName::GuildUsdPerDay => usage.guild_usd,
                LimitName::GlobalUsdPerMonth => usage.global_usd,
            };
            match limit {
                None => t!(lang, "usage-unlimited", label = label, used = show(Some(used))),
                Some(l) => t!(
                    lang,
                    "usage-used",
                    label = label,
                    used = show(Some(used)),
                    left = show(Some((l - used).max(0.0))),
                    limit = show(Some(l))
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_limit_has_a_line_and_cancelled_images_are_explained() {
        let now: DateTime<Utc> = "2026-11-25T12:00:00Z".parse().unwrap();
        let limits = Limits::new([Some(86_400.0), Some(2.0), Some(10.0), Some(1.0), Some(5.0), Some(100.0)], true);
        let usage = Usage { last_request: Some(now), user_images: 3, ..Usage::default() };
        let report = UsageReport { limits, usage, exempt: false, now };
        let shown = lines(Lang::EnUs, &report);
        assert_eq!(shown.len(), 6, "{shown:?}");
        assert!(shown[0].contains(&format!("next request <t:{}:R>", now.timestamp() + 86_400)), "{shown:?}");
        assert!(shown[2].starts_with("**Images (24 h)**: 3 used, 7 left of 10"), "{shown:?}");

        let cancelled = Usage { cancelled_images: 1, cancelled_usd: 0.048, ..usage };
        let shown = lines(Lang::EnUs, &UsageReport { limits, usage: cancelled, exempt: true, now });
        assert!(shown[0].ends_with("exempt (Manage Server)"), "{shown:?}");
        assert!(shown.last().unwrap().starts_with("-# Includes 1 image(s) you cancelled"), "{shown:?}");
    }
}
