//! The moderation log's notices: spend alerts and models retiring.

use super::Lang;
use crate::community::moderation::LogNotice;
use crate::community::spend::{Scope, SpendAlert};
use crate::discord::words::t;

/// What moderators and the owner read in the log channel.
pub fn notice(lang: Lang, notice: &LogNotice) -> String {
    match notice {
        LogNotice::Spend(alert) => spend(lang, alert),
        LogNotice::ModelRetired { model, replacement } => {
            t!(lang, "notice-model-retired", model = model.as_str(), replacement = replacement.as_str())
        }
        LogNotice::ModelRetiring { model, on, days_left, replacement } => {
            let (model, date) = (model.as_str(), lang.date(*on));
            let retiring = if *days_left <= 1 {
                t!(lang, "notice-model-retiring-tomorrow", model = model, date = date)
            } else {
                t!(lang, "notice-model-retiring", model = model, date = date, days = *days_left)
            };
            let instead =
                replacement.as_deref().map_or_else(String::new, |r| t!(lang, "notice-move-to", replacement = r));
            super::sentences(lang, &[retiring, instead])
        }
    }
}

fn spend(lang: Lang, alert: &SpendAlert) -> String {
    let (spent, budget, percent) = (lang.money(alert.spent, 2), lang.money(alert.budget, 2), alert.threshold);
    match (alert.scope, alert.threshold >= 100) {
        (Scope::Server(_), true) => t!(lang, "spend-server-used-up", spent = spent, budget = budget, percent = percent),
        (Scope::Server(_), false) => t!(lang, "spend-server-passed", spent = spent, budget = budget, percent = percent),
        (Scope::Bot, true) => t!(lang, "spend-bot-used-up", spent = spent, budget = budget, percent = percent),
        (Scope::Bot, false) => t!(lang, "spend-bot-passed", spent = spent, budget = budget, percent = percent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spend_alert_says_whose_budget_how_much_and_what_happens_next() {
        let alert = SpendAlert { scope: Scope::Server(1), threshold: 100, spent: 10.2, budget: 10.0 };
        assert_eq!(
            notice(Lang::EnUs, &LogNotice::Spend(alert)),
            "**Spend alert**: This server's daily image budget is used up: $10.20 of $10.00 spent in the last 24 hours (100%). New requests are refused until it frees up."
        );
    }
}
