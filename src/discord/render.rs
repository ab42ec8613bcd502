//! How results look in Discord: the result embed and file names. Pure functions, unit-tested.

use serenity::all::{CreateAttachment, CreateEmbed, CreateEmbedFooter};

use super::words::{member, Lang};
use crate::discord::words::t;
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

/// The embed beside the images: prompt, revised prompt, model, size, quality, cost and requester, in
/// the member's language.
pub fn result_embed(lang: Lang, request: &JobRequest, spec: &JobSpec, job: &FinishedJob) -> CreateEmbed {
    if request.command == Command::Describe {
        return described_embed(lang, request, spec, job);
    }
    let title = match request.command {
        Command::Generate => t!(lang, "result-title-generate"),
        Command::Hd | Command::Upscale => t!(lang, "result-title-hd"),
        Command::Variation => t!(lang, "result-title-variation"),
        Command::Edit => t!(lang, "result-title-edit"),
        Command::Styles => t!(lang, "result-title-styles"),
        Command::Describe => t!(lang, "result-title-describe"),
        Command::Extend => t!(lang, "result-title-extend"),
        Command::Blend => t!(lang, "result-title-blend"),
    };
    let prompt = request.prompt.as_deref().map(str::trim).filter(|p| !p.is_empty());
    let description = prompt.map_or_else(|| t!(lang, "result-variation-description"), |p| crate::text::echo(p, 4000));
    let mut embed = CreateEmbed::new().title(title).colour(COLOUR).description(description);
    if let Some(revised) = job.revised_prompt.as_deref().filter(|r| Some(*r) != prompt) {
        // For a model that reads English only, what it was sent is the member's prompt in English.
        let label =
            if spec.model.translate_prompt { t!(lang, "field-prompt-sent") } else { t!(lang, "field-revised-prompt") };
        embed = embed.field(label, crate::text::echo(revised, 1024), false);
    }
    embed = embed
        .field(t!(lang, "field-model"), spec.model.id.clone(), true)
        .field(t!(lang, "field-size"), spec.size.clone(), true)
        .field(t!(lang, "field-quality"), spec.quality.clone(), true)
        .field(t!(lang, "field-cost"), cost_text(lang, job), true)
        .field(t!(lang, "field-ai-generated"), t!(lang, "result-ai-generated"), true)
        .field(t!(lang, "field-requested-by"), member(request.requester.user_id), true);
    if spec.draft {
        let enhanced = lang.money(spec.enhanced_estimate_usd(), 3);
        let note = t!(
            lang,
            "result-draft",
            quality = spec.quality.as_str(),
            top = spec.model.hd_quality.as_str(),
            estimate = enhanced
        );
        embed = embed.field(t!(lang, "field-draft"), note, false);
    }
    if !job.seeds.is_empty() {
        let seeds: Vec<String> = job.seeds.iter().map(i64::to_string).collect();
        embed = embed.field(t!(lang, "field-seeds", count = seeds.len()), seeds.join(", "), true);
    }
    if let Some(details) = &job.details {
        embed = embed.field(t!(lang, "field-parameters"), truncate(details, 1024), false);
    }
    if let Some(negative) = &spec.negative_prompt {
        embed = embed.field(t!(lang, "field-negative-prompt"), crate::text::echo(negative, 1024), false);
    }
    if !spec.style_prompts.is_empty() {
        let styles: Vec<&str> = spec.style_prompts.iter().map(|(_, style)| style.as_str()).collect();
        embed = embed.field(t!(lang, "field-styles"), styles.join(" · "), false);
    }
    if let Some(from) = lineage(lang, request) {
        embed = embed.field(t!(lang, "field-from"), from, false);
    }
    embed = embed.footer(CreateEmbedFooter::new(t!(lang, "result-footer", job = request.id.to_string())));
    if let Some(first) = job.images.first() {
        embed = embed.image(format!("attachment://{}", file_name(request, 0, first.extension)));
    }
    embed
}

/// A description's embed: the numbered prompt suggestions (each with its Use button below), the
/// describer, the cost and who asked.
fn described_embed(lang: Lang, request: &JobRequest, spec: &JobSpec, job: &FinishedJob) -> CreateEmbed {
    let numbered: Vec<String> = job
        .suggestions
        .iter()
        .enumerate()
        .map(|(i, prompt)| format!("**{}.** {}", i + 1, crate::text::echo(prompt, 900)))
        .collect();
    let description = format!("{}\n\n{}", t!(lang, "result-describe-intro"), numbered.join("\n\n"));
    CreateEmbed::new()
        .title(t!(lang, "result-title-describe"))
        .colour(COLOUR)
        .description(truncate(&description, 4000))
        .field(t!(lang, "field-model"), spec.model.id.clone(), true)
        .field(t!(lang, "field-cost"), cost_text(lang, job), true)
        .field(t!(lang, "field-requested-by"), member(request.requester.user_id), true)
        .footer(CreateEmbedFooter::new(t!(lang, "result-footer", job = request.id.to_string())))
}

/// What a result came from: its parent job's number (for `/show`) and a link to the parent's result.
pub fn lineage(lang: Lang, request: &JobRequest) -> Option<String> {
    let parent = request.parent.as_ref()?;
    let mut from = t!(lang, "result-from", job = parent.to_string());
    if let Some((channel, message)) = request.parent_message {
        let server = request.requester.guild_id.map_or_else(|| "@me".to_owned(), |g| g.to_string());
        let link = format!("https://discord.com/channels/{server}/{channel}/{message}");
        from.push_str(&format!(" · [{}]({link})", t!(lang, "log-jump")));
    }
    Some(from)
}

fn cost_text(lang: Lang, job: &FinishedJob) -> String {
    let cost = lang.money(job.cost.usd, 4);
    if job.cost.from_usage {
        t!(lang, "result-cost-usage", cost = cost)
    } else {
        t!(lang, "result-cost-catalogue", cost = cost)
    }
}
