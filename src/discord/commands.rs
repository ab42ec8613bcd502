//! The slash commands: their definitions (built from the offered catalogue) and how an interaction's
//! options become a [`JobRequest`]. No rule about what is allowed lives here: the core decides.

use serenity::all::{
    ChannelId, CommandInteraction, CommandOptionType, CommandType, CreateCommand, CreateCommandOption, GuildId, RoleId,
    UserId,
};

use super::options::Options;
use super::words::Lang;
use crate::domain::catalogue::{Catalogue, ModelEntry};
use crate::domain::request::{Command, JobId, JobRequest, Requester, SourceImage};

/// Discord allows at most this many choices an option.
const MAX_CHOICES: usize = 25;
/// Discord's longest string option.
const MAX_STRING_OPTION: u16 = 6000;

/// The commands Easel registers, with choices from what the provider serves.
pub fn definitions(catalogue: &Catalogue) -> Vec<CreateCommand> {
    let all_models: Vec<&str> = catalogue.models().iter().map(|m| m.id.as_str()).collect();
    let varying: Vec<&str> = catalogue.ids_where(|m| m.variation.is_some());
    let max_n = catalogue.max_n();

    let mut generate = CreateCommand::new("generate")
        .description("Turn a prompt into an image")
        .add_option(prompt_option(true))
        .add_option(choices("model", "Which model draws it", &all_models))
        .add_option(choices("size", "Image size", &catalogue.all_sizes()))
        .add_option(choices("quality", "Quality tier (higher costs more)", &catalogue.all_qualities()));
    generate = generate.add_option(style_option());
    generate = generate.add_option(count_option(max_n)).add_option(CreateCommandOption::new(
        CommandOptionType::Boolean,
        "draft",
        "A cheap draft first (the model's lowest quality); Enhance redoes it at the top quality",
    ));
    if catalogue.models().iter().any(|m| m.seed) {
        generate = generate.add_option(
            CreateCommandOption::new(
                CommandOptionType::Integer,
                "seed",
                "Seed, to reproduce a result (Stable Diffusion)",
            )
            .min_int_value(0)
            .max_int_value(4_294_967_295u64),
        );
    }
    if catalogue.models().iter().any(|m| m.tuning) {
        let mut samplers: Vec<&str> = Vec::new();
        for sampler in catalogue.models().iter().flat_map(|m| m.samplers.iter()) {
            if !samplers.contains(&sampler.as_str()) {
                samplers.push(sampler);
            }
        }
        generate = generate
            .add_option(
                CreateCommandOption::new(CommandOptionType::Integer, "steps", "Sampling steps (Stable Diffusion)")
                    .min_int_value(1)
                    .max_int_value(150),
            )
            .add_option(
                CreateCommandOption::new(CommandOptionType::Number, "cfg_scale", "How closely to follow the prompt")
                    .min_number_value(1.0)
                    .max_number_value(30.0),
            )
            .add_option(choices("sampler", "Sampler (Stable Diffusion)", &samplers));
    }
    if catalogue.models().iter().any(|m| m.takes_references()) {
        generate = generate.add_option(attachment(
            "reference",
            "A picture of a person, object or product to keep to (models that take one)",
        ));
    }
    if catalogue.models().iter().any(|m| m.negative_prompt) {
        generate = generate.add_option(
            CreateCommandOption::new(CommandOptionType::String, "negative_prompt", "What the image should not show")
                .max_length(MAX_STRING_OPTION),
        );
    }

    let hd = CreateCommand::new("hd")
        .description("Turn a prompt into an image at the model's top quality")
        .add_option(prompt_option(true))
        .add_option(choices("model", "Which model draws it", &all_models))
        .add_option(choices("size", "Image size", &catalogue.all_sizes()))
        .add_option(style_option());

    let mut variation = CreateCommand::new("variation")
        .description("Make a new take on an image you upload")
        .add_option(attachment("image", "A PNG, JPEG or WebP picture").required(true))
        .add_option(prompt_option(false).description("What to change (optional)"));
    if !varying.is_empty() {
        variation = variation.add_option(choices("model", "Which model varies it", &varying));
    }
    variation = variation.add_option(count_option(max_n));
    let cancel =
        CreateCommand::new("cancel").description("Cancel your latest image request that is waiting or in progress");
    let mut commands = vec![generate, hd, variation, cancel, styles_command(catalogue, &all_models)];
    commands.extend(edit_command(catalogue, max_n));
    commands.extend(member_commands(catalogue, &all_models));
    if catalogue.models().iter().any(|m| m.can_edit()) {
        commands.push(CreateCommand::new(EDIT_MESSAGE).kind(CommandType::Message));
    }
    if !varying.is_empty() {
        commands.push(CreateCommand::new(VARY_MESSAGE).kind(CommandType::Message));
    }
    commands.extend(describe_commands(catalogue));
    commands.extend(blend_command(catalogue, max_n));
    commands
}

/// An ATTACHMENT option: a picture the member uploads with the command.
pub(super) fn attachment(name: &str, what: &str) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::Attachment, name, what)
}

/// `/blend`, when an offered model takes several images.
fn blend_command(catalogue: &Catalogue, max_n: u8) -> Option<CreateCommand> {
    let blending: Vec<&str> = catalogue.ids_where(ModelEntry::blends);
    if blending.is_empty() {
        return None;
    }
    let mut blend = CreateCommand::new("blend")
        .description("Fuse 2 to 5 pictures you upload into one")
        .add_option(attachment("image1", "The first picture").required(true))
        .add_option(attachment("image2", "The second picture").required(true));
    for (name, what) in [("image3", "A third picture"), ("image4", "A fourth picture"), ("image5", "A fifth picture")] {
        blend = blend.add_option(attachment(name, what));
    }
    let blend = blend
        .add_option(prompt_option(false).description("How to blend them (optional)"))
        .add_option(choices("model", "Which model blends them", &blending))
        .add_option(count_option(max_n));
    Some(blend)
}

/// `/describe` and "Describe with Easel", when a describer is offered.
fn describe_commands(catalogue: &Catalogue) -> Vec<CreateCommand> {
    let describers: Vec<&str> = catalogue.describers().iter().map(|d| d.id.as_str()).collect();
    if describers.is_empty() {
        return Vec::new();
    }
    let describe = CreateCommand::new("describe")
        .description("Turn a picture into prompts you can use")
        .add_option(attachment("image", "A PNG, JPEG or WebP picture").required(true))
        .add_option(choices("model", "Which describer reads it", &describers));
    vec![describe, CreateCommand::new(DESCRIBE_MESSAGE).kind(CommandType::Message)]
}

/// The message command (a message's Apps menu) that edits the message's image.
pub const EDIT_MESSAGE: &str = "Edit with Easel";
/// The message command that makes a variation of the message's image.
pub const VARY_MESSAGE: &str = "Vary with Easel";
/// The message command that turns the message's image into prompt suggestions.
pub const DESCRIBE_MESSAGE: &str = "Describe with Easel";

/// The commands a member may use wherever they use Easel: in servers that installed it, and for their
/// own jobs in direct messages, group DMs and servers where only they installed it. The rest (limits,
/// moderation, community requests) belong to a server.
const EVERYWHERE: [&str; 16] = [
    "generate",
    "hd",
    "variation",
    "edit",
    "styles",
    "describe",
    "blend",
    "cancel",
    "show",
    "settings",
    "help",
    "usage",
    "style",
    EDIT_MESSAGE,
    VARY_MESSAGE,
    DESCRIBE_MESSAGE,
];

/// Whether command `name` works outside the servers that installed Easel (see [`EVERYWHERE`]).
pub fn works_everywhere(name: &str) -> bool {
    EVERYWHERE.contains(&name)
}

/// `/edit`, when an offered model can edit.
fn edit_command(catalogue: &Catalogue, max_n: u8) -> Option<CreateCommand> {
    let editing: Vec<&str> = catalogue.ids_where(ModelEntry::can_edit);
    if editing.is_empty() {
        return None;
    }
    let mut edit = CreateCommand::new("edit")
        .description("Change an image you upload, everywhere or only where a mask marks")
        .add_option(attachment("image", "A PNG, JPEG or WebP picture").required(true))
        .add_option(prompt_option(true).description("What to change"))
        .add_option(attachment(
            "mask",
            "Same size as the image: white where it should change, black where it should stay",
        ));
    if catalogue.models().iter().any(|m| m.markup_field.is_some()) {
        edit = edit.add_option(attachment(
            "markup",
            "Your instruction drawn over a copy of the image (models that take markup)",
        ));
    }
    Some(edit.add_option(choices("model", "Which model edits it", &editing)).add_option(count_option(max_n)))
}

/// `/styles`: one subject in several styles.
fn styles_command(catalogue: &Catalogue, all_models: &[&str]) -> CreateCommand {
    CreateCommand::new("styles")
        .description("See one subject in up to 4 styles, side by side")
        .add_option(
            CreateCommandOption::new(CommandOptionType::String, "subject", "What to draw, e.g. a lighthouse at dusk")
                .required(true)
                .max_length(MAX_STRING_OPTION),
        )
        .add_option(
            CreateCommandOption::new(
                CommandOptionType::String,
                "styles",
                "Up to 4 styles, separated by commas (default: photorealistic, oil painting, watercolor, cyberpunk)",
            )
            .max_length(400),
        )
        .add_option(choices("model", "Which model draws them", all_models))
        .add_option(choices("size", "Image size", &catalogue.all_sizes()))
}

/// `/show`, `/settings` and `/help`.
fn member_commands(catalogue: &Catalogue, all_models: &[&str]) -> Vec<CreateCommand> {
    let show = CreateCommand::new("show").description("Post one of your results again, with its buttons").add_option(
        CreateCommandOption::new(CommandOptionType::String, "job", "The job number under the result")
            .required(true)
            .max_length(40),
    );
    let mut settings = CreateCommand::new("settings")
        .description("Your defaults for /generate (no options: show them)")
        .add_option(choices("model", "Your default model", all_models))
        .add_option(choices("size", "Your default size", &catalogue.all_sizes()))
        .add_option(choices("quality", "Your default quality", &catalogue.all_qualities()));
    let styles = catalogue.all_styles();
    if !styles.is_empty() {
        settings = settings.add_option(choices("style", "Your default style", &styles));
    }
    settings = settings
        .add_option(
            CreateCommandOption::new(
                CommandOptionType::String,
                "suffix",
                "Words added after every prompt (empty: none)",
            )
            .max_length(crate::community::settings::MAX_SUFFIX_CHARS as u16),
        )
        .add_option(CreateCommandOption::new(
            CommandOptionType::Boolean,
            "public",
            "Post results for everyone (true) or show them to you alone (false)",
        ))
        .add_option(language_option())
        .add_option(CreateCommandOption::new(
            CommandOptionType::Boolean,
            "draft",
            "Make /generate's images as cheap drafts unless you say otherwise",
        ))
        .add_option(CreateCommandOption::new(CommandOptionType::Boolean, "reset", "Clear all your defaults"));
    let help =
        CreateCommand::new("help").description("How to write prompts, every command, models and prices, your limits");
    vec![show, settings, help]
}

/// `/settings language`: every language Easel speaks, by its own name, or back to Discord's.
fn language_option() -> CreateCommandOption {
    let option = CreateCommandOption::new(
        CommandOptionType::String,
        "language",
        "The language Easel answers you in (default: your Discord language)",
    )
    .add_string_choice("my Discord language", DISCORD_LANGUAGE);
    Lang::ALL.into_iter().fold(option, |option, lang| option.add_string_choice(lang.native_name(), lang.code()))
}

/// The `style` option of `/generate` and `/hd`: a saved style's name (its words join the prompt) or a
/// model's own style, suggested as the member types.
fn style_option() -> CreateCommandOption {
    CreateCommandOption::new(
        CommandOptionType::String,
        "style",
        "A style you saved, or the model's own (type to see them)",
    )
    .set_autocomplete(true)
    .max_length(100)
}

/// `/settings language`'s value for "my Discord language".
pub const DISCORD_LANGUAGE: &str = "discord";

fn prompt_option(required: bool) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::String, "prompt", "Describe the image you want")
        .required(required)
        .max_length(MAX_STRING_OPTION)
}

fn count_option(max_n: u8) -> CreateCommandOption {
    CreateCommandOption::new(CommandOptionType::Integer, "n", "How many images")
        .min_int_value(1)
        .max_int_value(u64::from(max_n.max(1)))
}

/// A string option offering `values` as choices; with more than Discord's 25, a free-text option whose
/// description shows a few examples (the core checks the value and lists what the model allows).
fn choices(name: &str, description: &str, values: &[&str]) -> CreateCommandOption {
    let option = CreateCommandOption::new(CommandOptionType::String, name, description);
    if values.len() > MAX_CHOICES {
        let examples = values.iter().take(3).copied().collect::<Vec<_>>().join(", ");
        let typed = format!("{description} ({examples}…)");
        return option.description(crate::text::truncate(&typed, 100)).max_length(100);
    }
    values.iter().fold(option, |option, value| option.add_string_choice(*value, *value))
}

/// Reads a command interaction into a request; `None` for a command Easel does not own.
pub fn parse(interaction: &CommandInteraction) -> Option<JobRequest> {
    let command = match interaction.data.name.as_str() {
        "generate" => Command::Generate,
        "hd" => Command::Hd,
        "variation" => Command::Variation,
        "edit" => Command::Edit,
        "styles" => Command::Styles,
        "describe" => Command::Describe,
        "blend" => Command::Blend,
        _ => return None,
    };
    let id = JobId(interaction.id.to_string());
    let upload_limit = u64::from(interaction.attachment_size_limit);
    let mut request = JobRequest::new(id, command, requester(interaction), upload_limit);
    let o = Options::of(interaction);
    let text = |name| o.string(name).map(str::to_owned);
    request.prompt = text("prompt").or_else(|| text("subject"));
    if let Some(styles) = o.string("styles") {
        // Chinese and Japanese members type full-width commas and enumeration commas.
        request.styles =
            styles.split([',', '，', '、']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        if request.styles.is_empty() {
            // Only commas: one blank style, which the core refuses, rather than quietly the defaults.
            request.styles.push(String::new());
        }
    }
    (request.seed, request.steps, request.n) = (o.integer("seed"), o.integer("steps"), o.integer("n"));
    request.cfg_scale = o.number("cfg_scale");
    (request.sampler, request.negative_prompt) = (text("sampler"), text("negative_prompt"));
    (request.model, request.size, request.quality, request.style) =
        (text("model"), text("size"), text("quality"), text("style"));
    request.source = o.attachment("image").or_else(|| o.attachment("image1")).map(source_of);
    request.extra_images =
        ["image2", "image3", "image4", "image5"].iter().filter_map(|name| o.attachment(name)).map(source_of).collect();
    request.reference = o.attachment("reference").map(source_of);
    request.mask = o.attachment("mask").map(source_of);
    request.markup = o.attachment("markup").map(source_of);
    request.draft = o.boolean("draft");
    Some(request)
}

/// An attachment as Discord described it: an upload Easel may download.
pub fn source_of(a: &serenity::all::Attachment) -> SourceImage {
    SourceImage {
        url: a.url.clone(),
        filename: a.filename.clone(),
        content_type: a.content_type.clone(),
        size: u64::from(a.size),
        dimensions: a.width.zip(a.height),
        kept: None,
    }
}

/// Who invoked a command, with their roles.
pub fn requester(interaction: &CommandInteraction) -> Requester {
    let server = super::Asked::Command(interaction).server();
    // A server's roles count only in a server that installed Easel: the member's own job has none.
    let roles = interaction.member.as_deref().map(|m| m.roles.as_slice()).filter(|_| server.is_some());
    requester_of(interaction.user.id, server, interaction.channel_id, roles, &interaction.locale)
}

/// Who sent any interaction (a command, a click, a modal), with their roles and their client's language
/// (their saved `/settings language` replaces it once their settings are applied). Whether they manage
/// the server is not read here: it comes from their server-level rights (`rights`), set after the deferral.
pub fn requester_of(
    user: UserId,
    guild: Option<GuildId>,
    channel: ChannelId,
    roles: Option<&[RoleId]>,
    locale: &str,
) -> Requester {
    Requester {
        user_id: user.get(),
        guild_id: guild.map(GuildId::get),
        channel_id: channel.get(),
        roles: roles.map(|r| r.iter().map(|r| r.get()).collect()).unwrap_or_default(),
        is_manager: false,
        locale: Some(locale.to_owned()).filter(|l| !l.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_offer_the_catalogue_within_discord_limits() {
        let commands = definitions(&Catalogue::builtin());
        let json = serde_json::to_value(&commands).unwrap();
        let generate = &json[0];
        assert_eq!(generate["name"], "generate");
        let options = generate["options"].as_array().unwrap();
        let model = options.iter().find(|o| o["name"] == "model").unwrap();
        let names: Vec<_> = model["choices"].as_array().unwrap().iter().map(|c| c["value"].clone()).collect();
        assert!(names.contains(&"gpt-image-2.6-sunburst".into()));
        let size = options.iter().find(|o| o["name"] == "size").unwrap();
        assert!(
            size["choices"].as_array().is_none_or(Vec::is_empty),
            "more sizes than Discord's 25 choices: typed, checked by the core"
        );
        assert!(size["description"].as_str().unwrap().contains("(1024x1024, "), "{size}");
        for option in options {
            assert!(option["choices"].as_array().map_or(0, Vec::len) <= MAX_CHOICES);
        }
        for command in json.as_array().unwrap() {
            let texts = std::iter::once(&command["description"])
                .chain(command["options"].as_array().into_iter().flatten().map(|o| &o["description"]));
            for text in texts {
                assert!(
                    text.as_str().unwrap_or_default().chars().count() <= 100,
                    "Discord's 100-character limit: {text}"
                );
            }
        }
        let variation_models = json[2]["options"].as_array().unwrap().iter().find(|o| o["name"] == "model").unwrap();
        assert!(!variation_models.to_string().contains("dall-e-3"), "dall-e-3 cannot vary images");
    }
}
