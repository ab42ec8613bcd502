//! One typed reader of a command's options, so every handler reads them alike: by name, as the type
//! the command declared (a number also reads an integer; a user comes with the roles Discord sent).

use serenity::all::{Attachment, CommandInteraction, ResolvedOption, ResolvedValue};

/// A command's (or a subcommand's) options.
pub struct Options<'a> {
    options: Vec<ResolvedOption<'a>>,
}

impl<'a> Options<'a> {
    /// The command's own options.
    pub fn of(command: &'a CommandInteraction) -> Self {
        Self { options: command.data.options() }
    }

    /// The subcommand chosen (`"add"`, or `"blocklist add"` inside a group) and its options; `None`
    /// when the command has no subcommand.
    pub fn subcommand(command: &'a CommandInteraction) -> Option<(String, Self)> {
        let first = command.data.options().into_iter().next()?;
        match first.value {
            ResolvedValue::SubCommand(options) => Some((first.name.to_owned(), Self { options })),
            ResolvedValue::SubCommandGroup(inner) => {
                let sub = inner.into_iter().next()?;
                match sub.value {
                    ResolvedValue::SubCommand(options) => {
                        Some((format!("{} {}", first.name, sub.name), Self { options }))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn value(&self, name: &str) -> Option<&ResolvedValue<'a>> {
        self.options.iter().find(|o| o.name == name).map(|o| &o.value)
    }

    /// A text option.
    pub fn string(&self, name: &str) -> Option<&'a str> {
        match self.value(name)? {
            ResolvedValue::String(v) => Some(v),
            _ => None,
        }
    }

    /// A whole-number option.
    pub fn integer(&self, name: &str) -> Option<i64> {
        match self.value(name)? {
            ResolvedValue::Integer(v) => Some(*v),
            _ => None,
        }
    }

    /// A number option (a whole number reads too).
    pub fn number(&self, name: &str) -> Option<f64> {
        match self.value(name)? {
            ResolvedValue::Number(v) => Some(*v),
            ResolvedValue::Integer(v) => Some(*v as f64),
            _ => None,
        }
    }

    /// A true/false option.
    pub fn boolean(&self, name: &str) -> Option<bool> {
        match self.value(name)? {
            ResolvedValue::Boolean(v) => Some(*v),
            _ => None,
        }
    }

    /// An uploaded file.
    pub fn attachment(&self, name: &str) -> Option<&'a Attachment> {
        match self.value(name)? {
            ResolvedValue::Attachment(a) => Some(a),
            _ => None,
        }
    }

    /// A member: their id, and their roles in the server when Discord sent them.
    pub fn user(&self, name: &str) -> Option<(u64, Vec<u64>)> {
        match self.value(name)? {
            ResolvedValue::User(user, member) => {
                let roles = member.map(|m| m.roles.iter().map(|r| r.get()).collect()).unwrap_or_default();
                Some((user.id.get(), roles))
            }
            _ => None,
        }
    }

    /// A role's id.
    pub fn role(&self, name: &str) -> Option<u64> {
        match self.value(name)? {
            ResolvedValue::Role(role) => Some(role.id.get()),
            _ => None,
        }
    }

    /// A channel's id.
    pub fn channel(&self, name: &str) -> Option<u64> {
        match self.value(name)? {
            ResolvedValue::Channel(channel) => Some(channel.id.get()),
            _ => None,
        }
    }
}
