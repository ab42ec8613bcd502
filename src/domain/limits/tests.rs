//! Unit tests of `limits`.

use proptest::prelude::*;

use super::*;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn limits() -> Limits {
    Limits::new([Some(30.0), Some(2.0), Some(10.0), Some(1.0), Some(5.0), Some(100.0)], true)
}

const ASK: Ask = Ask { images: 1, usd: 0.04 };

#[test]
fn cooldown_refuses_until_its_last_second_then_admits() {
    let now = at("2026-11-25T12:00:00Z");
    let usage = Usage { last_request: Some(now - Duration::seconds(29)), ..Usage::default() };
    let refusal = check(&limits(), &usage, ASK, now, false).unwrap_err();
    assert_eq!(refusal.name, LimitName::Cooldown);
    assert_eq!(refusal.resets_at, Some(now + Duration::seconds(1)));
    let usage = Usage { last_request: Some(now - Duration::seconds(30)), ..usage };
    assert!(check(&limits(), &usage, ASK, now, false).is_ok(), "exactly the cooldown later is fine");
}

#[test]
fn in_flight_and_image_counts_are_capped() {
    let now = at("2026-11-25T12:00:00Z");
    let busy = Usage { in_flight: 2, ..Usage::default() };
    assert_eq!(check(&limits(), &busy, ASK, now, false).unwrap_err().name, LimitName::InFlight);
    let oldest = now - Duration::hours(20);
    let nine = Usage { user_images: 9, user_oldest: Some(oldest), ..Usage::default() };
    assert!(check(&limits(), &nine, ASK, now, false).is_ok());
    let refusal = check(&limits(), &nine, Ask { images: 2, usd: 0.08 }, now, false).unwrap_err();
    assert_eq!((refusal.name, refusal.left, refusal.needed), (LimitName::ImagesPerDay, 1.0, 2.0));
    assert_eq!(refusal.resets_at, Some(oldest + Duration::hours(24)), "the rolling window frees the oldest first");
}

#[test]
fn budgets_count_money_across_models_and_sizes() {
    let now = at("2026-11-25T12:00:00Z");
    // $0.167 (gpt-image high) + $0.25 (high, wide) + 2 x $0.04 (dall-e-3) = $0.497 spent
    let usage = Usage { user_usd: 0.167 + 0.25 + 0.08, user_oldest: Some(now), ..Usage::default() };
    assert!(check(&limits(), &usage, Ask { images: 1, usd: 0.504 }, now, false).is_err());
    assert!(check(&limits(), &usage, Ask { images: 1, usd: 0.503 }, now, false).is_ok(), "exactly the budget fits");
    let guild = Usage { guild_usd: 4.99, guild_oldest: Some(now), ..Usage::default() };
    assert_eq!(check(&limits(), &guild, ASK, now, false).unwrap_err().name, LimitName::GuildUsdPerDay);
}

#[test]
fn the_monthly_budget_resets_on_the_first_of_the_next_month() {
    let now = at("2026-12-31T23:00:00Z");
    let usage = Usage { global_usd: 100.0, ..Usage::default() };
    let refusal = check(&limits(), &usage, ASK, now, true).unwrap_err();
    assert_eq!(refusal.name, LimitName::GlobalUsdPerMonth, "budgets bind exempt members too");
    assert_eq!(refusal.resets_at, Some(at("2027-01-01T00:00:00Z")));
    assert_eq!(month_start(now), at("2026-12-01T00:00:00Z"));
}

#[test]
fn managers_skip_member_limits_but_not_budgets() {
    let now = at("2026-11-25T12:00:00Z");
    let usage = Usage { last_request: Some(now), in_flight: 5, user_images: 50, user_usd: 9.0, ..Usage::default() };
    assert!(check(&limits(), &usage, ASK, now, true).is_ok());
    assert!(check(&limits(), &usage, ASK, now, false).is_err());
}

#[test]
fn tiers_take_the_most_generous_role_and_users_override_all() {
    let overrides = [
        Override { scope: Scope::Guild, name: LimitName::ImagesPerDay, value: Some(5.0) },
        Override { scope: Scope::Role(1), name: LimitName::ImagesPerDay, value: Some(20.0) },
        Override { scope: Scope::Role(2), name: LimitName::ImagesPerDay, value: Some(50.0) },
        Override { scope: Scope::Role(2), name: LimitName::Cooldown, value: Some(60.0) },
        Override { scope: Scope::Role(1), name: LimitName::Cooldown, value: Some(5.0) },
        Override { scope: Scope::User(9), name: LimitName::ImagesPerDay, value: None },
    ];
    assert_eq!(resolve(&limits(), &overrides, &[], 7).get(LimitName::ImagesPerDay), Some(5.0));
    let tiered = resolve(&limits(), &overrides, &[1, 2], 7);
    assert_eq!(tiered.get(LimitName::ImagesPerDay), Some(50.0));
    assert_eq!(tiered.get(LimitName::Cooldown), Some(5.0), "a shorter cooldown is more generous");
    assert_eq!(resolve(&limits(), &overrides, &[1], 9).get(LimitName::ImagesPerDay), None);
}

#[test]
fn values_out_of_range_are_refused_with_the_range() {
    let refusal = LimitName::Cooldown.parse("1e13").unwrap_err();
    assert_eq!(refusal, BadLimitValue { name: LimitName::Cooldown, got: "1e13".into() });
    assert!(LimitName::ImagesPerDay.parse("2.5").is_err(), "images are whole");
    assert!(LimitName::UserUsdPerDay.parse("inf").is_err());
    assert!(LimitName::UserUsdPerDay.parse("NaN").is_err());
    assert_eq!(LimitName::UserUsdPerDay.parse(" $2.50 "), Ok(Some(2.5)));
    assert_eq!(LimitName::InFlight.parse("None"), Ok(None));
}

#[test]
fn a_huge_stored_cooldown_is_clamped_and_never_panics() {
    let now = at("2026-11-25T12:00:00Z");
    let overrides = [Override { scope: Scope::User(7), name: LimitName::Cooldown, value: Some(1e13) }];
    let limits = resolve(&limits(), &overrides, &[], 7);
    assert_eq!(limits.get(LimitName::Cooldown), Some(86_400.0));
    let usage = Usage { last_request: Some(now), ..Usage::default() };
    let refusal = check(&limits, &usage, ASK, now, false).unwrap_err();
    assert_eq!(refusal.resets_at, Some(now + Duration::days(1)));
    assert_eq!(later(DateTime::<Utc>::MAX_UTC, 1e300), DateTime::<Utc>::MAX_UTC);
}

fn any_limit() -> impl Strategy<Value = LimitName> {
    prop::sample::select(LimitName::ALL.to_vec())
}

proptest! {
    #[test]
    fn parsing_a_limit_never_panics_and_what_it_accepts_is_in_range(name in any_limit(), raw in ".{0,40}") {
        if let Ok(Some(v)) = name.parse(&raw) {
            let (min, max) = name.range();
            prop_assert!(v.is_finite() && v >= min && v <= max);
        }
    }

    #[test]
    fn accepted_values_round_trip_through_their_text(name in any_limit(), v in 0.0f64..2_000_000.0) {
        let v = if name.whole() { v.trunc() } else { v };
        match name.parse(&v.to_string()) {
            Ok(parsed) => prop_assert_eq!(parsed, Some(v)),
            Err(_) => prop_assert!(v > name.range().1),
        }
    }

    #[test]
    fn checks_never_panic_whatever_the_stored_values(
        cooldown in any::<f64>(), images in any::<f64>(), last in -8_000_000_000_000i64..8_000_000_000_000,
    ) {
        let now = at("2026-11-25T12:00:00Z");
        let mut limits = limits();
        limits.set(LimitName::Cooldown, Some(cooldown));
        limits.set(LimitName::ImagesPerDay, Some(images));
        let last = DateTime::<Utc>::from_timestamp_millis(last);
        let usage = Usage { last_request: last, user_oldest: last, guild_oldest: last, ..Usage::default() };
        let _ = check(&limits, &usage, ASK, now, false);
    }
}
