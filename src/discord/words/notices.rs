//! The moderation log's notices: spend alerts and models retiring.

use crate::community::moderation::LogNotice;
use crate::community::spend::{Scope, SpendAlert};

/// What moderators and the owner read in the log channel.
pub fn notice(notice: &LogNotice) -> String {
    match notice {
        LogNotice::Spend(alert) => spend(alert),
        LogNotice::ModelRetired { model, replacement } => format!(
            "**Model retired**: `{model}` is no longer served, so it is no longer offered. Requests for it use \
             `{replacement}` instead."
        ),
        LogNotice::ModelRetiring { model, on, days_left, replacement } => {
            let instead = replacement
                .as_deref()
                .map_or_else(String::new, |r| format!(" Move to `{r}` (members can pick it now)."));
            let when = if *days_left <= 1 { "tomorrow".to_owned() } else { format!("in {days_left} days") };
            format!("**Model retiring**: `{model}` shuts down on {on} ({when}).{instead}")
        }
    }
}

fn spend(alert: &SpendAlert) -> String {
    let (what, when) = match alert.scope {
        Scope::Server(_) => ("This server's daily image budget", "in the last 24 hours"),
        Scope::Bot => ("The bot's monthly image budget", "this month"),
    };
    let status = if alert.threshold >= 100 { "is used up" } else { "has passed" };
    format!(
        "**Spend alert**: {what} {status}: ${:.2} of ${:.2} spent {when} ({}%).{}",
        alert.spent,
        alert.budget,
        alert.threshold,
        if alert.threshold >= 100 { " New requests are refused until it frees up." } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spend_alert_says_whose_budget_how_much_and_what_happens_next() {
        let alert = SpendAlert { scope: Scope::Server(1), threshold: 100, spent: 10.2, budget: 10.0 };
        assert_eq!(
            notice(&LogNotice::Spend(alert)),
            "**Spend alert**: This server's daily image budget is used up: $10.20 of $10.00 spent in the last 24 hours (100%). New requests are refused until it frees up."
        );
    }
}
