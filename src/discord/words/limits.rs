//! Limits' words: a request a limit refused, a value a limit cannot take.

use super::{relative, Lang};
use crate::discord::words::t;
use crate::domain::limits::{BadLimitValue, LimitName, LimitRefusal};

/// Why a limit refused the request, and when it frees up.
pub fn refusal(lang: Lang, r: &LimitRefusal) -> String {
    let when = r.resets_at.map_or_else(|| t!(lang, "limit-when-one-finishes"), relative);
    let show = |v| show(lang, r.name, Some(v));
    let (left, limit, needed) = (show(r.left), show(r.limit), show(r.needed));
    match r.name {
        LimitName::Cooldown => t!(lang, "limit-cooldown", when = when),
        LimitName::InFlight => t!(lang, "limit-in-flight", limit = limit),
        LimitName::ImagesPerDay => {
            t!(lang, "limit-images-per-day", left = left, limit = limit, needed = needed, when = when)
        }
        LimitName::UserUsdPerDay => {
            t!(lang, "limit-user-usd", left = left, limit = limit, needed = needed, when = when)
        }
        LimitName::GuildUsdPerDay => {
            t!(lang, "limit-guild-usd", left = left, limit = limit, needed = needed, when = when)
        }
        LimitName::GlobalUsdPerMonth => t!(lang, "limit-global-usd", left = left, needed = needed, when = when),
    }
}

/// Why the member's personal daily budget refused the request, and when it frees up.
pub fn personal(lang: Lang, r: &LimitRefusal) -> String {
    let when = r.resets_at.map_or_else(|| t!(lang, "limit-when-one-finishes"), relative);
    let show = |v| show(lang, r.name, Some(v));
    let (left, limit, needed) = (show(r.left), show(r.limit), show(r.needed));
    t!(lang, "limit-personal-usd", left = left, limit = limit, needed = needed, when = when)
}

/// Why a value cannot be set, with the range that can.
pub fn bad_value(lang: Lang, bad: &BadLimitValue) -> String {
    let name = bad.name;
    let (min, max) = name.range();
    let (value, limit, unit) = (bad.got.as_str(), name.key(), unit(lang, name));
    let (min, max) = (min.to_string(), max.to_string());
    if name.whole() {
        t!(lang, "limit-bad-value-whole", value = value, limit = limit, min = min, max = max, unit = unit)
    } else {
        t!(lang, "limit-bad-value", value = value, limit = limit, min = min, max = max, unit = unit)
    }
}

/// A limit's unit, in words.
fn unit(lang: Lang, name: LimitName) -> String {
    match name {
        LimitName::Cooldown => t!(lang, "limit-unit-seconds"),
        LimitName::InFlight => t!(lang, "limit-unit-jobs"),
        LimitName::ImagesPerDay => t!(lang, "limit-unit-images"),
        _ => t!(lang, "limit-unit-usd"),
    }
}

/// A value of a limit as people read it (`None`: no limit).
pub fn show(lang: Lang, name: LimitName, value: Option<f64>) -> String {
    match (name, value) {
        (_, None) => t!(lang, "limit-none"),
        (LimitName::Cooldown, Some(v)) => t!(lang, "limit-seconds", seconds = lang.number(v, 0)),
        (LimitName::InFlight | LimitName::ImagesPerDay, Some(v)) => lang.number(v, 0),
        (_, Some(v)) => lang.money(v, 2),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;

    #[test]
    fn a_cooldown_says_when_the_member_may_ask_again_and_a_bad_value_its_range() {
        let at: DateTime<Utc> = "2026-11-25T12:00:01Z".parse().unwrap();
        let cooldown =
            LimitRefusal { name: LimitName::Cooldown, limit: 30.0, left: 0.0, needed: 1.0, resets_at: Some(at) };
        assert!(refusal(Lang::EnUs, &cooldown).contains(&format!("<t:{}:R>", at.timestamp())));
        let bad = LimitName::Cooldown.parse("1e13").unwrap_err();
        assert_eq!(
            bad_value(Lang::EnUs, &bad),
            "`1e13` is not a value `cooldown_secs` can take: give a number from 0 to 86400 (seconds), or `none` for no limit."
        );
    }
}
