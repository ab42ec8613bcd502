//! `/usage`'s words: each limit, what is used and what is left.

use chrono::{DateTime, Utc};

use super::relative;
use crate::domain::limits::{later, LimitName, Limits, Usage};
use crate::jobs::admission::UsageReport;

/// What a limit is called in `/usage`.
fn label(name: LimitName) -> &'static str {
    match name {
        LimitName::Cooldown => "Cooldown",
        LimitName::InFlight => "Images in progress",
        LimitName::ImagesPerDay => "Images (24 h)",
        LimitName::UserUsdPerDay => "Your budget (24 h)",
        LimitName::GuildUsdPerDay => "Server budget (24 h)",
        LimitName::GlobalUsdPerMonth => "Bot budget (this month)",
    }
}

/// The lines of a member's `/usage` (also in `/help`).
pub fn lines(report: &UsageReport) -> Vec<String> {
    let usage = &report.usage;
    let mut lines = limit_lines(&report.limits, usage, report.now, report.exempt);
    if usage.cancelled_images > 0 {
        lines.push(format!(
            "-# Includes {} image(s) you cancelled after the model had started, counted at their estimate \
             (${:.3}): the provider bills a call once it starts.",
            usage.cancelled_images, usage.cancelled_usd
        ));
    }
    lines
}

/// One line of `/usage` per limit: a limit, what is used and what is left.
fn limit_lines(limits: &Limits, usage: &Usage, now: DateTime<Utc>, exempt: bool) -> Vec<String> {
    LimitName::ALL
        .into_iter()
        .map(|name| {
            let label = label(name);
            if exempt && !name.applies_to_exempt() {
                return format!("**{label}**: exempt (Manage Server)");
            }
            let limit = limits.get(name);
            let used = match name {
                LimitName::Cooldown => {
                    let ready = usage.last_request.zip(limit).map(|(t, l)| later(t, l));
                    return match ready.filter(|r| *r > now) {
                        Some(r) => {
                            format!("**{label}**: {}, next request {}", super::limits::show(name, limit), relative(r))
                        }
                        None => format!("**{label}**: {}, ready now", super::limits::show(name, limit)),
                    };
                }
                LimitName::InFlight => f64::from(usage.in_flight),
                LimitName::ImagesPerDay => f64::from(usage.user_images),
                LimitName::UserUsdPerDay => usage.user_usd,
                LimitName::GuildUsdPerDay => usage.guild_usd,
                LimitName::GlobalUsdPerMonth => usage.global_usd,
            };
            match limit {
                None => format!("**{label}**: {} used, no limit", super::limits::show(name, Some(used))),
                Some(l) => format!(
                    "**{label}**: {} used, {} left of {}",
                    super::limits::show(name, Some(used)),
                    super::limits::show(name, Some((l - used).max(0.0))),
                    super::limits::show(name, Some(l))
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
        let shown = lines(&report);
        assert_eq!(shown.len(), 6, "{shown:?}");
        assert!(shown[0].contains(&format!("next request <t:{}:R>", now.timestamp() + 86_400)), "{shown:?}");
        assert!(shown[2].starts_with("**Images (24 h)**: 3 used, 7 left of 10"), "{shown:?}");

        let cancelled = Usage { cancelled_images: 1, cancelled_usd: 0.048, ..usage };
        let shown = lines(&UsageReport { limits, usage: cancelled, exempt: true, now });
        assert!(shown[0].ends_with("exempt (Manage Server)"), "{shown:?}");
        assert!(shown.last().unwrap().starts_with("-# Includes 1 image(s) you cancelled"), "{shown:?}");
    }
}
