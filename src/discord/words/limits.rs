//! Limits' words: a request a limit refused, a value a limit cannot take.

use super::relative;
use crate::domain::limits::{BadLimitValue, LimitName, LimitRefusal};

/// Why a limit refused the request, and when it frees up.
pub fn refusal(r: &LimitRefusal) -> String {
    let when = r.resets_at.map(relative);
    let when = when.as_deref().unwrap_or("as soon as one of them finishes");
    let show = |v| show(r.name, Some(v));
    match r.name {
        LimitName::Cooldown => format!("Please wait a little between requests: you can ask again {when}."),
        LimitName::InFlight => format!(
            "You already have {} image request(s) in progress, the most allowed at once. Please wait until one finishes.",
            show(r.limit)
        ),
        LimitName::ImagesPerDay => format!(
            "Daily image limit reached: {} left of {} per 24 hours, and this request needs {}. More frees up {when}.",
            show(r.left),
            show(r.limit),
            show(r.needed)
        ),
        LimitName::UserUsdPerDay => format!(
            "Your daily budget is nearly spent: {} left of {} per 24 hours, and this request costs about {}. More frees up {when}.",
            show(r.left),
            show(r.limit),
            show(r.needed)
        ),
        LimitName::GuildUsdPerDay => format!(
            "This server's daily image budget is nearly spent: {} left of {}, and this request costs about {}. More frees up {when}.",
            show(r.left),
            show(r.limit),
            show(r.needed)
        ),
        LimitName::GlobalUsdPerMonth => format!(
            "The bot's monthly budget is nearly spent: {} left, and this request costs about {}. It resets {when}.",
            show(r.left),
            show(r.needed)
        ),
    }
}

/// Why a value cannot be set, with the range that can.
pub fn bad_value(bad: &BadLimitValue) -> String {
    let name = bad.name;
    let (min, max) = name.range();
    let kind = if name.whole() { "a whole number" } else { "a number" };
    format!(
        "`{}` is not a value `{}` can take: give {kind} from {min} to {max} ({}), or `none` for no limit.",
        bad.got,
        name.key(),
        unit(name)
    )
}

/// A limit's unit, in words.
fn unit(name: LimitName) -> &'static str {
    match name {
        LimitName::Cooldown => "seconds",
        LimitName::InFlight => "jobs at once",
        LimitName::ImagesPerDay => "images",
        _ => "US dollars",
    }
}

/// A value of a limit as people read it (`None`: no limit).
pub fn show(name: LimitName, value: Option<f64>) -> String {
    match (name, value) {
        (_, None) => "no limit".to_owned(),
        (LimitName::Cooldown, Some(v)) => format!("{v:.0} s"),
        (LimitName::InFlight | LimitName::ImagesPerDay, Some(v)) => format!("{v:.0}"),
        (_, Some(v)) => format!("${v:.2}"),
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
        assert!(refusal(&cooldown).contains(&format!("<t:{}:R>", at.timestamp())));
        let bad = LimitName::Cooldown.parse("1e13").unwrap_err();
        assert_eq!(
            bad_value(&bad),
            "`1e13` is not a value `cooldown_secs` can take: give a number from 0 to 86400 (seconds), or `none` for no limit."
        );
    }
}
