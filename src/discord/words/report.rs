//! `/usage server`'s words.

use super::{member, Lang};
use crate::community::report::{DaySpend, RequesterSpend, DAYS};
use crate::discord::words::t;

/// `/usage server`'s text: totals and the top requesters (mentions that ping nobody).
/// `failed` is what the owner paid for the server's jobs that delivered nothing (never charged to members).
pub fn summary(lang: Lang, days: &[DaySpend], top: &[RequesterSpend], failed: f64) -> String {
    let usd: f64 = days.iter().map(|d| d.usd).sum();
    let images: u32 = days.iter().map(|d| d.images).sum();
    let mut text = t!(lang, "report-heading", days = DAYS, usd = lang.money(usd, 2), images = images);
    if failed > 0.0 {
        text.push('\n');
        text.push_str(&t!(lang, "report-failed", usd = lang.money(failed, 2)));
    }
    if !top.is_empty() {
        text.push('\n');
        text.push_str(&t!(lang, "report-top"));
        for (i, r) in top.iter().enumerate() {
            let who = if r.user_id == crate::domain::ledger::SERVER_ACCOUNT {
                t!(lang, "report-community")
            } else {
                member(r.user_id)
            };
            let line = t!(lang, "report-line", rank = i + 1, who = who, usd = lang.money(r.usd, 2), images = r.images);
            text.push('\n');
            text.push_str(&line);
        }
    }
    text
}
