//! The admin commands' words: `/limits` and `/moderation`.

use super::{channel, fit, full_time, member, relative, role, Lang};
use crate::community::admin::MAX_BLOCK_HOURS;
use crate::community::admin::{Action, AdminDone, AdminError, HistoryPage, LimitsShown, PatternProblem};
use crate::community::moderation::{AuditEntry, Rule};
use crate::discord::words::t;
use crate::domain::limits::{LimitName, Scope};

/// What an admin command did, for the admin.
pub fn done(lang: Lang, done: &AdminDone) -> String {
    match done {
        AdminDone::LogChannel { channel: id } => t!(lang, "admin-log-channel", channel = channel(*id)),
        AdminDone::RuleAdded { rule, new } => {
            let (kind, pattern) = rule_parts(lang, rule);
            if *new {
                t!(lang, "admin-rule-added", kind = kind, pattern = pattern)
            } else {
                t!(lang, "admin-rule-exists", kind = kind, pattern = pattern)
            }
        }
        AdminDone::RuleRemoved { rule, removed } => {
            let (kind, pattern) = rule_parts(lang, rule);
            if *removed {
                t!(lang, "admin-rule-removed", kind = kind, pattern = pattern)
            } else {
                t!(lang, "admin-rule-missing", kind = kind, pattern = pattern)
            }
        }
        AdminDone::Blocklist(rules) => blocklist(lang, rules),
        AdminDone::Limits(shown) => limits(lang, shown),
        AdminDone::LimitSet { name, scope, value } => t!(
            lang,
            "admin-limit-set",
            limit = name.key(),
            whom = whom(lang, *scope),
            value = super::limits::show(lang, *name, *value)
        ),
        AdminDone::Reset { scope: None, removed } => t!(lang, "admin-reset-server", count = *removed),
        AdminDone::Reset { scope: Some(scope), removed } => {
            t!(lang, "admin-reset", count = *removed, whom = whom(lang, *scope))
        }
        AdminDone::Blocked { user, until: Some(t) } => {
            t!(lang, "admin-blocked-until", member = member(*user), when = relative(*t))
        }
        AdminDone::Blocked { user, until: None } => t!(lang, "admin-blocked", member = member(*user)),
        AdminDone::Unblocked { user, was_blocked: true } => t!(lang, "admin-unblocked", member = member(*user)),
        AdminDone::Unblocked { user, was_blocked: false } => t!(lang, "admin-not-blocked", member = member(*user)),
    }
}

/// A blocklist rule's kind in words, and its pattern.
fn rule_parts(lang: Lang, rule: &Rule) -> (String, &str) {
    let (kind, pattern) = rule.parts();
    let kind = if kind == "regex" { t!(lang, "rule-kind-regex") } else { t!(lang, "rule-kind-word") };
    (kind, pattern)
}

/// Why an admin command did nothing, for the admin.
pub fn refused(lang: Lang, error: &AdminError) -> String {
    match error {
        AdminError::NotAllowed(action) => t!(lang, "admin-not-manager", action = action_words(lang, *action)),
        AdminError::NotModerator(action) => t!(lang, "admin-not-moderator", action = action_words(lang, *action)),
        AdminError::BadPattern(PatternProblem::Length) => t!(lang, "admin-pattern-length"),
        AdminError::BadPattern(PatternProblem::NoLetterOrDigit) => t!(lang, "admin-pattern-no-letter"),
        AdminError::BadPattern(PatternProblem::Regex(why)) => t!(lang, "admin-pattern-regex", why = why.as_str()),
        AdminError::NotInGuild => t!(lang, "admin-not-in-server"),
        AdminError::UnknownLimit(name) => t!(lang, "admin-unknown-limit", limit = name.as_str()),
        AdminError::ServerOnly(name) => t!(lang, "admin-server-only", limit = name.key()),
        AdminError::BadValue(bad) => super::limits::bad_value(lang, bad),
        AdminError::AboveOwnerCap(max) => t!(lang, "admin-above-owner-cap", max = lang.money(*max, 2)),
        AdminError::BadHours => t!(lang, "admin-bad-hours", max = MAX_BLOCK_HOURS),
        AdminError::Store(_) => t!(lang, "admin-store-failed"),
    }
}

/// What each refused action is called in a refusal.
fn action_words(lang: Lang, action: Action) -> String {
    match action {
        Action::ChooseLogChannel => t!(lang, "action-choose-log-channel"),
        Action::ChangeBlocklist => t!(lang, "action-change-blocklist"),
        Action::ReadBlocklist => t!(lang, "action-read-blocklist"),
        Action::ReadHistory => t!(lang, "action-read-history"),
        Action::SeeLimits => t!(lang, "action-see-limits"),
        Action::ChangeLimits => t!(lang, "action-change-limits"),
        Action::BlockMembers => t!(lang, "action-block-members"),
        Action::LiftBlock => t!(lang, "action-lift-block"),
    }
}

fn whom(lang: Lang, scope: Scope) -> String {
    match scope {
        Scope::Guild => t!(lang, "whom-server"),
        Scope::Role(id) => t!(lang, "whom-role", role = role(id)),
        Scope::User(id) => member(id),
    }
}

fn blocklist(lang: Lang, rules: &[Rule]) -> String {
    if rules.is_empty() {
        return t!(lang, "blocklist-empty");
    }
    let lines: Vec<String> =
        rules.iter().map(|r| rule_parts(lang, r)).map(|(kind, p)| format!("{kind}: `{p}`")).collect();
    fit(format!("{}\n{}", t!(lang, "blocklist-heading", count = rules.len()), lines.join("\n")))
}

fn limits(lang: Lang, shown: &LimitsShown) -> String {
    let heading = shown
        .user
        .map_or_else(|| t!(lang, "limits-heading-server"), |id| t!(lang, "limits-heading-member", member = member(id)));
    let show = |name: LimitName, value| super::limits::show(lang, name, value);
    let mut lines = vec![heading];
    lines.extend(LimitName::ALL.iter().map(|n| format!("`{}`: {}", n.key(), show(*n, shown.limits.get(*n)))));
    let tiers: Vec<String> = shown
        .tiers
        .iter()
        .filter_map(|o| match o.scope {
            Scope::Role(id) => Some(format!("{} `{}`: {}", role(id), o.name.key(), show(o.name, o.value))),
            _ => None,
        })
        .collect();
    if !tiers.is_empty() {
        lines.push(t!(lang, "limits-role-tiers", tiers = tiers.join("; ")));
    }
    if let Some(block) = &shown.block {
        let reason = block.reason.as_str();
        lines.push(match block.until {
            Some(t) => t!(lang, "limits-blocked-until", when = relative(t), reason = reason),
            None => t!(lang, "limits-blocked", reason = reason),
        });
    }
    lines.push(if shown.limits.exempt_managers {
        t!(lang, "limits-managers-exempt")
    } else {
        t!(lang, "limits-managers-held")
    });
    lines.join("\n")
}

/// A page of `/moderation history`.
pub fn history(lang: Lang, page: &HistoryPage) -> String {
    let (n, of) = (page.page, page.pages);
    if page.entries.is_empty() {
        return match page.user {
            None => t!(lang, "history-empty-server", page = n, pages = of),
            Some(id) => t!(lang, "history-empty-member", page = n, pages = of, member = member(id)),
        };
    }
    let heading = match page.user {
        None => t!(lang, "history-heading-server", page = n, pages = of, total = page.total),
        Some(id) => t!(lang, "history-heading-member", page = n, pages = of, total = page.total, member = member(id)),
    };
    let mut lines = vec![heading];
    lines.extend(page.entries.iter().map(|e| history_line(lang, e)));
    fit(lines.join("\n"))
}

fn history_line(lang: Lang, e: &AuditEntry) -> String {
    let link = match (e.tag.guild_id, e.message_id) {
        (Some(g), Some(m)) => {
            format!(" [{}](https://discord.com/channels/{g}/{}/{m})", t!(lang, "history-result"), e.tag.channel_id)
        }
        _ => String::new(),
    };
    let reason = e.reason.as_deref().map(|r| super::audit_reason(lang, r));
    let reason = reason.map(|r| format!(" ({})", crate::text::echo(&r, 60))).unwrap_or_default();
    // What it came from, so a moderator can walk a chain with the next job's number.
    let from = e.parent.as_deref().map_or_else(String::new, |parent| {
        format!(" · {}: {}", t!(lang, "field-from"), t!(lang, "result-from", job = crate::text::echo(parent, 40)))
    });
    t!(
        lang,
        "history-line",
        time = full_time(e.created_at),
        member = member(e.tag.user_id),
        command = e.tag.command.as_str(),
        model = e.tag.model.as_str(),
        outcome = super::outcome(lang, e.outcome),
        reason = reason,
        cost = lang.money(e.cost_usd, 4),
        prompt = crate::text::echo(&e.prompt, 60),
        link = link,
        job = e.tag.job_id.as_str(),
        from = from
    )
}
