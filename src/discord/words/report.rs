//! `/usage server`'s words.

use super::member;
use crate::community::report::{DaySpend, RequesterSpend, DAYS};

/// `/usage server`'s text: totals and the top requesters (mentions that ping nobody).
/// `failed` is what the owner paid for the server's jobs that delivered nothing (never charged to members).
pub fn summary(days: &[DaySpend], top: &[RequesterSpend], failed: f64) -> String {
    let usd: f64 = days.iter().map(|d| d.usd).sum();
    let images: u32 = days.iter().map(|d| d.images).sum();
    let mut text = format!("**This server's image spend, last {DAYS} days**: ${usd:.2} for {images} image(s).");
    if failed > 0.0 {
        text.push_str(&format!(
            "\nSpent on failed jobs (the model had answered, then nothing could be delivered; no member was \
             charged): ${failed:.2}."
        ));
    }
    if !top.is_empty() {
        text.push_str("\n**Top requesters**");
        for (i, r) in top.iter().enumerate() {
            let who = if r.user_id == crate::domain::ledger::SERVER_ACCOUNT {
                "community requests".to_owned()
            } else {
                member(r.user_id)
            };
            text.push_str(&format!("\n{}. {who}: ${:.2}, {} image(s)", i + 1, r.usd, r.images));
        }
    }
    text
}
