//! The admin commands' words: `/limits` and `/moderation`.

use super::{channel, fit, full_time, member, relative, role};
use crate::community::admin::MAX_BLOCK_HOURS;
use crate::community::admin::{Action, AdminDone, AdminError, HistoryPage, LimitsShown, PatternProblem};
use crate::community::moderation::{AuditEntry, Rule};
use crate::domain::limits::{LimitName, Scope};

/// What an admin command did, for the admin.
pub fn done(done: &AdminDone) -> String {
    match done {
        AdminDone::LogChannel { channel: id } => format!("Easel's moderation log now goes to {}.", channel(*id)),
        AdminDone::RuleAdded { rule, new: true } => {
            let (kind, pattern) = rule.parts();
            format!("Added {kind} `{pattern}` to the blocklist. Prompts that match are refused before any model call.")
        }
        AdminDone::RuleAdded { rule, new: false } => {
            let (kind, pattern) = rule.parts();
            format!("{kind} `{pattern}` was already on the blocklist.")
        }
        AdminDone::RuleRemoved { rule, removed: true } => {
            let (kind, pattern) = rule.parts();
            format!("Removed {kind} `{pattern}` from the blocklist.")
        }
        AdminDone::RuleRemoved { rule, removed: false } => {
            let (kind, pattern) = rule.parts();
            format!("{kind} `{pattern}` was not on the blocklist.")
        }
        AdminDone::Blocklist(rules) => blocklist(rules),
        AdminDone::Limits(shown) => limits(shown),
        AdminDone::LimitSet { name, scope, value } => {
            format!("`{}` for {} is now {}.", name.key(), whom(*scope), super::limits::show(*name, *value))
        }
        AdminDone::Reset { scope, removed } => {
            let whom = scope.map_or_else(|| "this server (every setting)".to_owned(), whom);
            format!("Reset {removed} setting(s) for {whom}; the defaults apply again.")
        }
        AdminDone::Blocked { user, until: Some(t) } => {
            format!("{} is blocked from Easel here; the block ends {}.", member(*user), relative(*t))
        }
        AdminDone::Blocked { user, until: None } => {
            format!("{} is blocked from Easel here until unblocked.", member(*user))
        }
        AdminDone::Unblocked { user, was_blocked: true } => format!("{} may use Easel here again.", member(*user)),
        AdminDone::Unblocked { user, was_blocked: false } => format!("{} was not blocked.", member(*user)),
    }
}

/// Why an admin command did nothing, for the admin.
pub fn refused(error: &AdminError) -> String {
    match error {
        AdminError::NotAllowed(action) => {
            format!("Only members with the Manage Server permission may {}.", action_words(*action))
        }
        AdminError::NotModerator(action) => format!(
            "Only this server's moderators (Manage Messages, Moderate Members or Manage Server permission) may {}.",
            action_words(*action)
        ),
        AdminError::BadPattern(PatternProblem::Length) => "A blocklist entry must be 1 to 200 characters.".into(),
        AdminError::BadPattern(PatternProblem::NoLetterOrDigit) => {
            "A blocked word needs at least one letter or digit.".into()
        }
        AdminError::BadPattern(PatternProblem::Regex(why)) => {
            format!("That regular expression does not compile: {why}")
        }
        AdminError::NotInGuild => "Limits belong to a server: use this command in one.".into(),
        AdminError::UnknownLimit(name) => format!("`{name}` is not a limit a server can set."),
        AdminError::ServerOnly(name) => {
            format!("`{}` is the server's own budget: set it without a user or role.", name.key())
        }
        AdminError::BadValue(bad) => super::limits::bad_value(bad),
        AdminError::AboveOwnerCap(max) => {
            format!("The bot's owner caps a server's daily budget at ${max:.2}: choose a value from 0 to that.")
        }
        AdminError::BadHours => format!(
            "A block lasts more than 0 and at most {MAX_BLOCK_HOURS} hours (a year); leave `hours` out to block until unblocked."
        ),
        AdminError::Store(_) => "Something went wrong saving that; nothing was changed.".into(),
    }
}

/// What each refused action is called in a refusal.
fn action_words(action: Action) -> &'static str {
    match action {
        Action::ChooseLogChannel => "choose Easel's log channel",
        Action::ChangeBlocklist => "change the blocklist",
        Action::ReadBlocklist => "read the blocklist",
        Action::ReadHistory => "read Easel's job history",
        Action::SeeLimits => "see Easel's limits",
        Action::ChangeLimits => "change Easel's limits",
        Action::BlockMembers => "block members from Easel",
        Action::LiftBlock => "lift a block",
    }
}

fn whom(scope: Scope) -> String {
    match scope {
        Scope::Guild => "this server".to_owned(),
        Scope::Role(id) => format!("members with {}", role(id)),
        Scope::User(id) => member(id),
    }
}

fn blocklist(rules: &[Rule]) -> String {
    if rules.is_empty() {
        return "The blocklist is empty.".to_owned();
    }
    let lines: Vec<String> = rules.iter().map(|r| r.parts()).map(|(kind, p)| format!("{kind}: `{p}`")).collect();
    fit(format!("**Blocklist** ({} rules)\n{}", rules.len(), lines.join("\n")))
}

fn limits(shown: &LimitsShown) -> String {
    let heading =
        shown.user.map_or_else(|| "Limits for this server".to_owned(), |id| format!("Limits for {}", member(id)));
    let mut lines = vec![format!("**{heading}**")];
    lines.extend(
        LimitName::ALL.iter().map(|n| format!("`{}`: {}", n.key(), super::limits::show(*n, shown.limits.get(*n)))),
    );
    let tiers: Vec<String> = shown
        .tiers
        .iter()
        .filter_map(|o| match o.scope {
            Scope::Role(id) => {
                Some(format!("{} `{}`: {}", role(id), o.name.key(), super::limits::show(o.name, o.value)))
            }
            _ => None,
        })
        .collect();
    if !tiers.is_empty() {
        lines.push(format!("Role tiers: {}", tiers.join("; ")));
    }
    if let Some(block) = &shown.block {
        let until = block.until.map_or_else(|| "until unblocked".to_owned(), |t| format!("ends {}", relative(t)));
        lines.push(format!("Blocked ({until}): {}", block.reason));
    }
    lines.push(format!(
        "Members with Manage Server are {} per-member limits.",
        if shown.limits.exempt_managers { "exempt from" } else { "held to" }
    ));
    lines.join("\n")
}

/// A page of `/moderation history`.
pub fn history(page: &HistoryPage) -> String {
    let whose = page.user.map_or_else(|| "this server".to_owned(), member);
    if page.entries.is_empty() {
        return format!("No jobs on page {} of {} for {whose}.", page.page, page.pages);
    }
    let mut lines =
        vec![format!("**Easel jobs of {whose}**: page {} of {} ({} in all)", page.page, page.pages, page.total)];
    lines.extend(page.entries.iter().map(history_line));
    fit(lines.join("\n"))
}

fn history_line(e: &AuditEntry) -> String {
    let jump = match (e.guild_id, e.message_id) {
        (Some(g), Some(m)) => format!(" [result](https://discord.com/channels/{g}/{}/{m})", e.channel_id),
        _ => String::new(),
    };
    let reason = e.reason.as_deref().map(|r| format!(" ({})", crate::text::echo(r, 60))).unwrap_or_default();
    format!(
        "{} {} /{} {} · **{}**{} · ${:.4} · \"{}\"{} · job {}",
        full_time(e.created_at),
        member(e.user_id),
        e.command,
        e.model,
        e.outcome.label(),
        reason,
        e.cost_usd,
        crate::text::echo(&e.prompt, 60),
        jump,
        e.job_id
    )
}
