//! Per-member limits and money budgets: what they are for one member, and whether a request fits.
//!
//! Pure logic over a usage snapshot: the store runs [`check`] inside the same transaction that records
//! the reservation, so the check and the reservation are one atomic step.
//!
//! Windows: "per day" is a rolling 24 hours (no time zone to configure, no midnight rush); "per month"
//! is the calendar month in UTC, matching how providers bill.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};

/// The limits Easel enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LimitName {
    /// Seconds between two requests of one member.
    Cooldown,
    /// Jobs of one member running at once.
    InFlight,
    /// Images per member per rolling 24 hours.
    ImagesPerDay,
    /// USD per member per rolling 24 hours.
    UserUsdPerDay,
    /// USD per guild per rolling 24 hours.
    GuildUsdPerDay,
    /// USD for the whole bot per calendar month (UTC). Set by the owner only.
    GlobalUsdPerMonth,
}

impl LimitName {
    /// Every limit, in display order.
    pub const ALL: [Self; 6] = [
        Self::Cooldown,
        Self::InFlight,
        Self::ImagesPerDay,
        Self::UserUsdPerDay,
        Self::GuildUsdPerDay,
        Self::GlobalUsdPerMonth,
    ];

    /// The name used in commands and the database.
    pub fn key(self) -> &'static str {
        match self {
            Self::Cooldown => "cooldown_secs",
            Self::InFlight => "max_in_flight",
            Self::ImagesPerDay => "images_per_day",
            Self::UserUsdPerDay => "user_usd_per_day",
            Self::GuildUsdPerDay => "guild_usd_per_day",
            Self::GlobalUsdPerMonth => "global_usd_per_month",
        }
    }

    /// Parses [`Self::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.key() == key)
    }

    /// Whether a guild admin may change it (the global budget is the owner's, in the environment).
    pub fn settable_by_guild(self) -> bool {
        self != Self::GlobalUsdPerMonth
    }

    /// Whether it can differ per role or member (a guild's own budget cannot).
    pub fn per_member(self) -> bool {
        !matches!(self, Self::GuildUsdPerDay | Self::GlobalUsdPerMonth)
    }

    /// Whether it applies to members exempted by Manage Server (budgets protect the owner's money).
    pub fn applies_to_exempt(self) -> bool {
        matches!(self, Self::GuildUsdPerDay | Self::GlobalUsdPerMonth)
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The values a limit may take, inclusive, in its own unit. Documented in the README; anything
    /// outside is refused when typed, and clamped when read back from an older database.
    pub fn range(self) -> (f64, f64) {
        match self {
            Self::Cooldown => (0.0, 86_400.0),
            Self::InFlight => (0.0, 100.0),
            Self::ImagesPerDay => (0.0, 100_000.0),
            Self::UserUsdPerDay | Self::GuildUsdPerDay => (0.0, 100_000.0),
            Self::GlobalUsdPerMonth => (0.0, 1_000_000.0),
        }
    }

    /// Whether the limit counts whole things (images, jobs) rather than seconds or dollars.
    pub fn whole(self) -> bool {
        matches!(self, Self::InFlight | Self::ImagesPerDay)
    }

    /// Reads a value as people type it: a number in [`Self::range`] (`$` allowed before money), or
    /// `none`/`off` for no limit.
    pub fn parse(self, raw: &str) -> Result<Option<f64>, BadLimitValue> {
        let trimmed = raw.trim().trim_start_matches('$').trim();
        if trimmed.eq_ignore_ascii_case("none") || trimmed.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let (min, max) = self.range();
        let fits = |v: &f64| v.is_finite() && (min..=max).contains(v) && (!self.whole() || v.fract() == 0.0);
        trimmed
            .parse::<f64>()
            .ok()
            .filter(fits)
            .map(Some)
            .ok_or_else(|| BadLimitValue { name: self, got: crate::text::truncate(raw.trim(), 40) })
    }

    /// Brings a stored value into [`Self::range`] (settings saved before ranges were checked).
    fn clamp(self, value: Option<f64>) -> Option<f64> {
        let (min, max) = self.range();
        value.map(|v| if v.is_nan() { max } else { v.clamp(min, max) })
    }
}

/// A limit value that cannot be used, with the range that can.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
/// (The owner reads this one when a variable holds it; admins read the adapter's words.)
#[error("`{got}` is not a value `{}` can take: give {} from {} to {}, or `none` for no limit",
    name.key(), if name.whole() { "a whole number" } else { "a number" }, name.range().0, name.range().1)]
pub struct BadLimitValue {
    /// The limit.
    pub name: LimitName,
    /// What was given (cut short when long).
    pub got: String,
}

/// The limits in force for one member: `None` means no limit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    values: [Option<f64>; 6],
    /// Whether members with Manage Server skip the per-member limits.
    pub exempt_managers: bool,
}

impl Limits {
    /// Limits from values in [`LimitName::ALL`] order.
    pub fn new(values: [Option<f64>; 6], exempt_managers: bool) -> Self {
        Self { values, exempt_managers }
    }

    /// One limit's value.
    pub fn get(&self, name: LimitName) -> Option<f64> {
        self.values[name.index()]
    }

    /// Sets one limit, clamped into its range.
    pub fn set(&mut self, name: LimitName, value: Option<f64>) {
        self.values[name.index()] = name.clamp(value);
    }
}

/// A member blocked from Easel in a guild.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Until when (`None`: until unblocked).
    pub until: Option<DateTime<Utc>>,
    /// Why, for moderators.
    pub reason: String,
}

/// Who an override applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The whole guild.
    Guild,
    /// Members with this role (a tier).
    Role(u64),
    /// One member.
    User(u64),
}

/// A limit set at run time by a guild admin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Override {
    /// Who it applies to.
    pub scope: Scope,
    /// Which limit.
    pub name: LimitName,
    /// The value (`None`: no limit).
    pub value: Option<f64>,
}

/// The limits for a member: the owner's defaults, then the guild's overrides, then the most generous of
/// their roles' tiers, then their own.
pub fn resolve(defaults: &Limits, overrides: &[Override], roles: &[u64], user: u64) -> Limits {
    let mut limits = *defaults;
    for o in overrides.iter().filter(|o| o.scope == Scope::Guild) {
        limits.set(o.name, o.value);
    }
    for name in LimitName::ALL {
        let tiers: Vec<Option<f64>> = overrides
            .iter()
            .filter(|o| o.name == name && matches!(o.scope, Scope::Role(r) if roles.contains(&r)))
            .map(|o| o.value)
            .collect();
        if let Some(best) = tiers.into_iter().reduce(|a, b| more_generous(name, a, b)) {
            limits.set(name, best);
        }
    }
    for o in overrides.iter().filter(|o| o.scope == Scope::User(user)) {
        limits.set(o.name, o.value);
    }
    limits
}

fn more_generous(name: LimitName, a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (None, _) | (_, None) => None,
        (Some(a), Some(b)) if name == LimitName::Cooldown => Some(a.min(b)),
        (Some(a), Some(b)) => Some(a.max(b)),
    }
}

/// What a member, their guild and the bot have used, as the ledger says at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Usage {
    /// When the member's last counted request was made.
    pub last_request: Option<DateTime<Utc>>,
    /// The member's jobs still running.
    pub in_flight: u32,
    /// Images the member got (or has reserved) in the last 24 hours.
    pub user_images: u32,
    /// USD the member spent (or reserved) in the last 24 hours.
    pub user_usd: f64,
    /// The oldest of those, which frees up first.
    pub user_oldest: Option<DateTime<Utc>>,
    /// USD the guild spent (or reserved) in the last 24 hours.
    pub guild_usd: f64,
    /// The oldest of those.
    pub guild_oldest: Option<DateTime<Utc>>,
    /// USD the whole bot spent (or reserved) this calendar month.
    pub global_usd: f64,
    /// Of the member's images in the last 24 hours, those of jobs they cancelled after the model had
    /// started (counted at their estimate). Filled for `/usage` only.
    pub cancelled_images: u32,
    /// What those cost, USD (their estimate).
    pub cancelled_usd: f64,
}

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ask {
    /// Images.
    pub images: u32,
    /// Estimated USD.
    pub usd: f64,
}

/// A request refused by a limit: which, how much is left, and when it resets.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitRefusal {
    /// The limit.
    pub name: LimitName,
    /// Its value.
    pub limit: f64,
    /// What is left of it (same unit).
    pub left: f64,
    /// What the request needed (same unit).
    pub needed: f64,
    /// When room frees up, if it does by itself.
    pub resets_at: Option<DateTime<Utc>>,
}

/// `t` plus `seconds`, saturating at the end of time instead of panicking on overflow (a cooldown or a
/// block is never longer than the calendar can hold).
pub fn later(t: DateTime<Utc>, seconds: f64) -> DateTime<Utc> {
    let millis = (seconds * 1000.0).round();
    let delta = if millis.is_nan() { None } else { Duration::try_milliseconds(millis.clamp(0.0, 9.0e15) as i64) };
    delta.and_then(|d| t.checked_add_signed(d)).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Start of the rolling day window ending at `now`.
pub fn day_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now.checked_sub_signed(Duration::hours(24)).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Start of the calendar month (UTC) holding `now`.
pub fn month_start(now: DateTime<Utc>) -> DateTime<Utc> {
    first_of(now.year(), now.month()).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Start of the next calendar month (UTC): when the monthly budget resets.
pub fn next_month_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let (y, m) = if now.month() == 12 { (now.year() + 1, 1) } else { (now.year(), now.month() + 1) };
    first_of(y, m).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

fn first_of(year: i32, month: u32) -> Option<DateTime<Utc>> {
    NaiveDate::from_ymd_opt(year, month, 1).map(|day| Utc.from_utc_datetime(&day.into()))
}

/// Tolerance for comparing sums of money, so $0.10 + $0.20 fits a $0.30 budget.
const EPSILON: f64 = 1e-9;

/// Whether `ask` fits `limits` given `usage` at `now`. `exempt` members skip per-member limits.
pub fn check(limits: &Limits, usage: &Usage, ask: Ask, now: DateTime<Utc>, exempt: bool) -> Result<(), LimitRefusal> {
    for name in LimitName::ALL {
        if exempt && !name.applies_to_exempt() {
            continue;
        }
        let Some(limit) = limits.get(name) else { continue };
        let (used, needed, resets_at) = match name {
            LimitName::Cooldown => {
                // A zero cooldown is none: requests racing in the same millisecond must not wait.
                let Some(last) = usage.last_request.filter(|_| limit > 0.0) else { continue };
                let ready = later(last, limit);
                if ready <= now {
                    continue;
                }
                let wait = ready.signed_duration_since(now).num_milliseconds() as f64 / 1000.0;
                return Err(LimitRefusal { name, limit, left: 0.0, needed: wait, resets_at: Some(ready) });
            }
            LimitName::InFlight => (f64::from(usage.in_flight), 1.0, None),
            LimitName::ImagesPerDay => {
                (f64::from(usage.user_images), f64::from(ask.images), after_day(usage.user_oldest))
            }
            LimitName::UserUsdPerDay => (usage.user_usd, ask.usd, after_day(usage.user_oldest)),
            LimitName::GuildUsdPerDay => (usage.guild_usd, ask.usd, after_day(usage.guild_oldest)),
            LimitName::GlobalUsdPerMonth => (usage.global_usd, ask.usd, Some(next_month_start(now))),
        };
        if used + needed > limit + EPSILON {
            return Err(LimitRefusal { name, limit, left: (limit - used).max(0.0), needed, resets_at });
        }
    }
    Ok(())
}

fn after_day(oldest: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    oldest.map(|t| later(t, 86_400.0))
}

impl fmt::Display for LimitRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the `{}` limit ({}) is reached", self.name.key(), self.limit)
    }
}

#[cfg(test)]
mod tests;
