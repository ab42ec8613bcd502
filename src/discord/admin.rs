//! `/usage` and `/limits`: parse the options, call the core, answer ephemerally.

use serenity::all::{
    CommandInteraction, CommandOptionType, CreateCommand, CreateCommandOption, GuildId, Permissions, ResolvedOption,
    ResolvedValue,
};
use serenity::http::Http;

use super::words;
use super::{Asked, Services};
use crate::community::admin::{Actor, Admin, AdminDone, AdminError};
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

/// The options of a `/limits` subcommand, as typed.
#[derive(Default)]
struct Typed {
    user: Option<(u64, Vec<u64>)>,
    role: Option<u64>,
    limit: Option<String>,
    value: Option<String>,
    hours: Option<f64>,
    reason: Option<String>,
}

fn typed(options: Vec<ResolvedOption<'_>>) -> Typed {
    let mut t = Typed::default();
    for option in options {
        match (option.name, option.value) {
            ("user", ResolvedValue::User(user, member)) => {
                let roles = member.map(|m| m.roles.iter().map(|r| r.get()).collect()).unwrap_or_default();
                t.user = Some((user.id.get(), roles));
            }
            ("role", ResolvedValue::Role(role)) => t.role = Some(role.id.get()),
            ("limit", ResolvedValue::String(v)) => t.limit = Some(v.to_owned()),
            ("value", ResolvedValue::String(v)) => t.value = Some(v.to_owned()),
            ("hours", ResolvedValue::Number(v)) => t.hours = Some(v),
            ("hours", ResolvedValue::Integer(v)) => t.hours = Some(v as f64),
            ("reason", ResolvedValue::String(v)) => t.reason = Some(v.to_owned()),
            _ => {}
        }
    }
    t
}

/// Who invoked an admin command or clicked an admin button, with their server-level rights.
pub(super) async fn actor(http: &Http, services: &Services, asked: Asked<'_>) -> Actor {
    let authority = asked.authority(http, services).await;
    Actor {
        guild_id: asked.guild().map(GuildId::get),
        user_id: asked.user().id.get(),
        can_manage: authority.manage,
        can_moderate: authority.moderate,
    }
}

/// Runs a `/limits` subcommand for `actor` and returns the text for the admin.
pub async fn run_limits(admin: &Admin, actor: Actor, command: &CommandInteraction) -> String {
    let Some(ResolvedOption { name, value: ResolvedValue::SubCommand(options), .. }) =
        command.data.options().into_iter().next()
    else {
        return "Please choose a subcommand.".to_owned();
    };
    let t = typed(options);
    let scope = match (&t.user, t.role) {
        (Some((id, _)), _) => Some(Scope::User(*id)),
        (None, Some(role)) => Some(Scope::Role(role)),
        (None, None) => None,
    };
    let result: Result<AdminDone, AdminError> = match name {
        "show" => admin.show(&actor, t.user).await,
        "set" => {
            let (limit, value) = (t.limit.unwrap_or_default(), t.value.unwrap_or_default());
            admin.set(&actor, scope.unwrap_or(Scope::Guild), &limit, &value).await
        }
        "reset" => admin.reset(&actor, scope).await,
        "block" => match t.user {
            Some((user, _)) => {
                admin.block(&actor, user, t.hours, t.reason.as_deref().unwrap_or("no reason given")).await
            }
            None => return "Please choose the member to block.".to_owned(),
        },
        "unblock" => match t.user {
            Some((user, _)) => admin.unblock(&actor, user).await,
            None => return "Please choose the member to unblock.".to_owned(),
        },
        _ => return "Unknown subcommand.".to_owned(),
    };
    result.map_or_else(|e| words::admin::refused(&e), |done| words::admin::done(&done))
}
