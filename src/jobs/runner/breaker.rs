//! A circuit breaker per backend: after enough consecutive outages (transport errors, 5xx, timeouts)
//! the backend is presumed down, its queued jobs wait instead of failing one by one, members are told at
//! once, and after a cool-off one job probes it again.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

/// When a breaker trips and how long it rests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreakerPolicy {
    /// Consecutive outages that trip it.
    pub threshold: u32,
    /// How long it stays open before a probe.
    pub cool_off: Duration,
}

/// What a breaker lets through now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    /// The backend is presumed up.
    Closed,
    /// The backend is presumed down until this instant.
    Open {
        /// When a probe may go.
        until: DateTime<Utc>,
    },
    /// One probe is out; others wait for its outcome.
    Probing,
}

/// One backend's breaker.
#[derive(Debug)]
pub struct Breaker {
    policy: BreakerPolicy,
    inner: Mutex<(u32, BreakerState)>,
}

impl Breaker {
    /// A closed breaker.
    pub fn new(policy: BreakerPolicy) -> Self {
        Self { policy, inner: Mutex::new((0, BreakerState::Closed)) }
    }

    fn with<T>(&self, work: impl FnOnce(&mut (u32, BreakerState)) -> T) -> T {
        work(&mut self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Whether a job may call the backend at `now`. An open breaker past its cool-off lets exactly one
    /// probe through.
    pub fn allow(&self, now: DateTime<Utc>) -> bool {
        self.with(|(_, state)| match *state {
            BreakerState::Closed => true,
            BreakerState::Open { until } if now >= until => {
                *state = BreakerState::Probing;
                true
            }
            BreakerState::Open { .. } | BreakerState::Probing => false,
        })
    }

    /// Whether members should be told the backend is down.
    pub fn is_down(&self) -> bool {
        self.with(|(_, state)| *state != BreakerState::Closed)
    }

    /// Consecutive outages so far.
    pub fn failures(&self) -> u32 {
        self.with(|(count, _)| *count)
    }

    /// What it lets through now.
    pub fn state(&self) -> BreakerState {
        self.with(|(_, state)| *state)
    }

    /// A call reached the backend and got an answer (an image, or a refusal: the backend is up).
    pub fn succeeded(&self) {
        self.with(|inner| *inner = (0, BreakerState::Closed));
    }

    /// A call met an outage. Returns true when this trips the breaker.
    pub fn failed(&self, now: DateTime<Utc>) -> bool {
        let until = now.checked_add_signed(self.policy.cool_off).unwrap_or(DateTime::<Utc>::MAX_UTC);
        self.with(|(count, state)| {
            *count = count.saturating_add(1);
            let trip =
                *state == BreakerState::Probing || (*count >= self.policy.threshold && *state == BreakerState::Closed);
            if trip {
                *state = BreakerState::Open { until };
            }
            trip
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn it_trips_after_the_threshold_rests_then_lets_one_probe_through() {
        let breaker = Breaker::new(BreakerPolicy { threshold: 3, cool_off: Duration::seconds(30) });
        let now = at("2026-11-26T10:00:00Z");
        assert!(!breaker.failed(now) && !breaker.failed(now));
        assert!(breaker.allow(now));
        assert!(breaker.failed(now), "the third outage trips it");
        assert!(!breaker.allow(now + Duration::seconds(29)));
        assert!(breaker.is_down());
        assert!(breaker.allow(now + Duration::seconds(30)), "one probe after the cool-off");
        assert!(!breaker.allow(now + Duration::seconds(31)), "only one");
        assert!(breaker.failed(now + Duration::seconds(32)), "a failed probe opens it again");
        assert!(breaker.allow(now + Duration::seconds(62)));
        breaker.succeeded();
        assert!(!breaker.is_down() && breaker.allow(now + Duration::seconds(63)));
    }
}
