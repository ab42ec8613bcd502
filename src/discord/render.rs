//! How results look in Discord: the result embed and file names. Pure functions, unit-tested.

use serenity::all::{CreateAttachment, CreateEmbed, CreateEmbedFooter};

use crate::domain::request::{Command, JobRequest, JobSpec};
use crate::jobs::runner::FinishedJob;
use crate::text::truncate;

/// Easel's accent colour on embeds.
const COLOUR: u32 = 0x5B8DEF;

/// File name of the `index`-th image of a job.
pub fn file_name(request: &JobRequest, index: usize, extension: &str) -> String {
    format!("easel-{}-{}.{extension}", request.id, index + 1)
}

/// The images as attachments, named as the embed refers to them.
pub fn attachments(request: &JobRequest, job: &FinishedJob) -> Vec<CreateAttachment> {
    job.images
        .iter()
        .enumerate()
        .map(|(i, img)| CreateAttachment::bytes(img.bytes.clone(), file_name(request, i, img.extension)))
        .collect()
}

/// The embed beside the images: prompt, revised prompt, model, size, quality, cost and requester.
pub fn result_embed(request: &JobRequest, spec: &JobSpec, job: &FinishedJob) -> CreateEmbed {
    let title = match request.command {
        Command::Generate => "Your image",
        Command::Hd => "Your HD image",
        Command::Variation => "Your variation",
        Command::Edit => "Your edit",
        Command::Upscale => "Your HD image",
        Command::Styles => "Your style comparison",
    };
    let prompt = request.prompt.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let description = prompt.map_or_else(|| "A variation of your image".to_owned(), |p| crate::text::echo(p, 4000));
    let mut embed = CreateEmbed::new().title(title).colour(COLOUR).description(description);
    if let Some(revised) = job.revised_prompt.as_deref().filter(|r| Some(*r) != prompt) {
        embed = embed.field("Revised prompt", crate::text::echo(revised, 1024), false);
    }
    embed = embed
        .field("Model", spec.model.id.clone(), true)
        .field("Size", spec.size.clone(), true)
        .field("Quality", spec.quality.clone(), true)
        .field("Cost", cost_text(job), true)
        .field("AI-generated", "Marked in each file's metadata", true)
        .field("Requested by", format!("<@{}>", request.requester.user_id), true);
    if !job.seeds.is_empty() {
        let seeds: Vec<String> = job.seeds.iter().map(i64::to_string).collect();
        embed = embed.field(if seeds.len() == 1 { "Seed" } else { "Seeds" }, seeds.join(", "), true);
    }
    if let Some(details) = &job.details {
        embed = embed.field("Parameters", truncate(details, 1024), false);
    }
    if let Some(negative) = &spec.negative_prompt {
        embed = embed.field("Negative prompt", crate::text::echo(negative, 1024), false);
    }
    if !spec.style_prompts.is_empty() {
        let styles: Vec<&str> = spec.style_prompts.iter().map(|(_, style)| style.as_str()).collect();
        embed = embed.field("Styles", styles.join(" · "), false);
    }
    embed = embed.footer(CreateEmbedFooter::new(format!("Job {} · /show {}", request.id, request.id)));
    if let Some(first) = job.images.first() {
        embed = embed.image(format!("attachment://{}", file_name(request, 0, first.extension)));
    }
    embed
}

fn cost_text(job: &FinishedJob) -> String {
    let basis = if job.cost.from_usage { "from token usage" } else { "catalogue price" };
    format!("${:.4} ({basis})", job.cost.usd)
}
