//! `/usage` and `/limits`: parse the options, call the core, answer ephemerally.

use serenity::all::{CommandInteraction, CommandOptionType, CreateCommand, CreateCommandOption, GuildId, Permissions};
use serenity::http::Http;

use super::options::Options;
use super::words::{self, Lang};
use super::{Asked, Services};
use crate::community::admin::{Actor, Admin, AdminDone, AdminError};
use crate::discord::words::t;
use crate::domain::limits::{LimitName, Scope};

/// The `/usage` and `/limits` definitions.
pub fn definitions() -> Vec<CreateCommand> {
    let usage = CreateCommand::new("usage")
        .description("What you have used today and what is left")
        .dm_permission(false)
        .add_option(CreateCommandOption::new(
            CommandOptionType::Boolean,
            "server",
            "Moderators: the server's spend by day for 30 days, and its top requesters",
        ));
    let user = |required| CreateCommandOption::new(CommandOptionType::User, "user", "A member").required(required);
    let role = CreateCommandOption::new(CommandOptionType::Role, "role", "A role (a limit tier)");
    let limit = LimitName::ALL.iter().filter(|n| n.settable_by_guild()).fold(
        CreateCommandOption::new(CommandOptionType::String, "limit", "Which limit").required(true),
        |option, n| option.add_string_choice(n.key(), n.key()),
    );
    let sub =
        |name: &str, description: &str| CreateCommandOption::new(CommandOptionType::SubCommand, name, description);
    let limits = CreateCommand::new("limits")
        .description("See or change Easel's limits in this server")
        .default_member_permissions(Permissions::MANAGE_GUILD)
        .dm_permission(false)
        .add_option(sub("show", "Show the limits of the server or a member").add_sub_option(user(false)))
        .add_option(
            sub("set", "Set a limit for the server, a role tier or a member")
                .add_sub_option(limit)
                .add_sub_option(
                    CreateCommandOption::new(CommandOptionType::String, "value", "A number, or `none` for no limit")
                        .required(true),
                )
                .add_sub_option(user(false))
                .add_sub_option(role.clone()),
        )
        .add_option(
            sub("reset", "Back to the defaults for the server, a role or a member")
                .add_sub_option(user(false))
                .add_sub_option(role),
        )
        .add_option(
            sub("block", "Stop a member from using Easel here")
                .add_sub_option(user(true))
                .add_sub_option(
                    CreateCommandOption::new(
                        CommandOptionType::Number,
                        "hours",
                        "For how long, up to a year (default: until unblocked)",
                    )
                    .min_number_value(0.0)
                    .max_number_value(crate::community::admin::MAX_BLOCK_HOURS),
                )
                .add_sub_option(CreateCommandOption::new(CommandOptionType::String, "reason", "Why, for moderators")),
        )
        .add_option(sub("unblock", "Let a blocked member use Easel again").add_sub_option(user(true)));
    vec![usage, limits]
}

/// Who invoked an admin command or clicked an admin button, with their server-level rights.
pub(super) async fn actor(http: &Http, services: &Services, asked: Asked<'_>) -> Actor {
    let authority = asked.authority(http, services).await;
    Actor {
        guild_id: asked.server().map(GuildId::get),
        user_id: asked.user().id.get(),
        can_manage: authority.manage,
        can_moderate: authority.moderate,
    }
}

/// Runs a `/limits` subcommand for `actor` and returns the text for the admin.
pub async fn run_limits(admin: &Admin, actor: Actor, command: &CommandInteraction, lang: Lang) -> String {
    let Some((name, o)) = Options::subcommand(command) else {
        return t!(lang, "choose-subcommand");
    };
    let user = o.user("user");
    let scope = match (&user, o.role("role")) {
        (Some((id, _)), _) => Some(Scope::User(*id)),
        (None, Some(role)) => Some(Scope::Role(role)),
        (None, None) => None,
    };
    let result: Result<AdminDone, AdminError> = match name.as_str() {
        "show" => admin.show(&actor, user).await,
        "set" => {
            let (limit, value) = (o.string("limit").unwrap_or_default(), o.string("value").unwrap_or_default());
            admin.set(&actor, scope.unwrap_or(Scope::Guild), limit, value).await
        }
        "reset" => admin.reset(&actor, scope).await,
        "block" => match user {
            Some((user, _)) => {
                let given = o.string("reason").map_or_else(|| t!(lang, "admin-no-reason"), str::to_owned);
                let moderator = words::member(actor.user_id);
                let reason = t!(lang, "admin-block-reason", reason = given, moderator = moderator);
                admin.block(&actor, user, o.number("hours"), &reason).await
            }
            None => return t!(lang, "choose-member-to-block"),
        },
        "unblock" => match user {
            Some((user, _)) => admin.unblock(&actor, user).await,
            None => return t!(lang, "choose-member-to-unblock"),
        },
        _ => return t!(lang, "unknown-subcommand"),
    };
    result.map_or_else(|e| words::admin::refused(lang, &e), |done| words::admin::done(lang, &done))
}
