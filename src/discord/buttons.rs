//! The buttons under a result and what their `custom_id`s say: `easel:{action}:{job id}`, with the
//! image's number in Vary and HD (`easel:vary2:{job}`). Only the job id is carried, so a button works
//! after a restart and on a result posted days ago.

use serenity::all::{ButtonStyle, CreateActionRow, CreateButton};

use super::words::Lang;
use crate::discord::words::t;
use crate::domain::request::extension::{Extension, Side};
use crate::domain::request::JobSpec;

/// The prefix of every result button's `custom_id`.
const PREFIX: &str = "easel:";
/// The `custom_id` prefix of the Edit modal.
pub const EDIT_MODAL: &str = "easel-edit:";
/// The text inputs of the Edit modal.
pub const INSTRUCTION_INPUT: &str = "instruction";
/// Which image the Edit modal changes (when there are several).
pub const IMAGE_INPUT: &str = "image";

/// What a result button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultButton {
    /// Re-roll.
    Reroll,
    /// Vary image k (from 1).
    Vary(usize),
    /// HD of image k (from 1).
    Hd(usize),
    /// Edit (opens a modal).
    Edit,
    /// Delete the result.
    Delete,
    /// Use prompt suggestion k (from 1) of a description: opens `/generate`'s form with it.
    Use(usize),
    /// A draft's Enhance: the same request at the model's top quality.
    Enhance,
    /// Pan or Zoom Out: the image on a larger canvas, the new area filled by the model.
    Extend(Extension),
    /// Upscale (Creative): the image re-detailed at the model's largest size of its shape.
    Creative,
}

/// The Pan and Zoom Out buttons, with their `custom_id` actions.
const EXTENSIONS: [(Extension, &str); 6] = [
    (Extension::Pan(Side::Left), "panl"),
    (Extension::Pan(Side::Right), "panr"),
    (Extension::Pan(Side::Up), "panu"),
    (Extension::Pan(Side::Down), "pand"),
    (Extension::ZoomOut(15), "zoom15"),
    (Extension::ZoomOut(20), "zoom20"),
];

impl ResultButton {
    /// The `custom_id` for this button on `job`'s result (well under Discord's 100 characters: a job
    /// id is a snowflake).
    pub fn custom_id(self, job: &str) -> String {
        let action = match self {
            Self::Reroll => "reroll".to_owned(),
            Self::Vary(k) => format!("vary{k}"),
            Self::Hd(k) => format!("hd{k}"),
            Self::Edit => "edit".to_owned(),
            Self::Delete => "delete".to_owned(),
            Self::Use(k) => format!("use{k}"),
            Self::Enhance => "enhance".to_owned(),
            Self::Creative => "creative".to_owned(),
            Self::Extend(e) => EXTENSIONS.iter().find(|(x, _)| *x == e).map_or("panr", |(_, a)| a).to_owned(),
        };
        format!("{PREFIX}{action}:{job}")
    }

    /// Reads a `custom_id` back: the button and its job's id.
    pub fn parse(custom_id: &str) -> Option<(Self, String)> {
        let (action, job) = custom_id.strip_prefix(PREFIX)?.split_once(':')?;
        if !crate::domain::request::JobId::looks_valid(job) {
            return None;
        }
        let number = |rest: &str| rest.parse::<usize>().ok().filter(|k| (1..=10).contains(k));
        let button = match action {
            "reroll" => Self::Reroll,
            "edit" => Self::Edit,
            "delete" => Self::Delete,
            "enhance" => Self::Enhance,
            "creative" => Self::Creative,
            a if EXTENSIONS.iter().any(|(_, id)| *id == a) => {
                Self::Extend(EXTENSIONS.iter().find(|(_, id)| *id == a).map(|(e, _)| *e)?)
            }
            a => match (a.strip_prefix("vary"), a.strip_prefix("hd"), a.strip_prefix("use")) {
                (Some(k), _, _) => Self::Vary(number(k)?),
                (_, Some(k), _) => Self::Hd(number(k)?),
                (_, _, Some(k)) => Self::Use(number(k)?),
                _ => return None,
            },
        };
        Some((button, job.to_owned()))
    }
}

/// Whether a result of `spec`'s model can be panned and zoomed out (see [`ModelEntry::extends`]).
fn extends(spec: &JobSpec) -> bool {
    spec.model.extends()
}

/// The `custom_id` prefix of `/generate`'s form opened by a description's Use button:
/// `easel-generate:{description's job}`.
pub const GENERATE_MODAL: &str = "easel-generate:";
/// The prompt input of `/generate`'s form.
pub const PROMPT_INPUT: &str = "prompt";

/// The rows under a finished job: a description's Use buttons, else a result's (see [`result_rows`]).
pub fn rows_for(
    lang: Lang,
    job: &str,
    spec: &JobSpec,
    finished: &crate::jobs::runner::FinishedJob,
) -> Vec<CreateActionRow> {
    if finished.suggestions.is_empty() {
        return result_rows(lang, job, spec, finished.model_images(spec));
    }
    let uses = (1..=finished.suggestions.len().min(5))
        .map(|k| {
            CreateButton::new(ResultButton::Use(k).custom_id(job))
                .label(t!(lang, "button-use-numbered", number = k))
                .style(ButtonStyle::Primary)
        })
        .collect();
    let delete = CreateButton::new(ResultButton::Delete.custom_id(job))
        .label(t!(lang, "button-delete"))
        .style(ButtonStyle::Danger);
    vec![CreateActionRow::Buttons(uses), CreateActionRow::Buttons(vec![delete])]
}

/// The rows under a result of `images` images: Re-roll, Edit (when the model edits) and Delete; then
/// Vary k and HD k for each image (when the model varies), five to a row: at most five rows.
pub fn result_rows(lang: Lang, job: &str, spec: &JobSpec, images: usize) -> Vec<CreateActionRow> {
    let button = |b: ResultButton, label: String, style| CreateButton::new(b.custom_id(job)).label(label).style(style);
    let mut first = vec![button(ResultButton::Reroll, t!(lang, "button-reroll"), ButtonStyle::Primary)];
    if spec.draft {
        first.push(button(ResultButton::Enhance, t!(lang, "button-enhance"), ButtonStyle::Success));
    }
    if spec.model.can_edit() {
        first.push(button(ResultButton::Edit, t!(lang, "button-edit"), ButtonStyle::Secondary));
    }
    first.push(button(ResultButton::Delete, t!(lang, "button-delete"), ButtonStyle::Danger));
    let mut rows = vec![CreateActionRow::Buttons(first)];
    if images == 1 && extends(spec) {
        let label = |e: Extension| match e {
            Extension::Pan(Side::Left) => t!(lang, "button-pan-left"),
            Extension::Pan(Side::Right) => t!(lang, "button-pan-right"),
            Extension::Pan(Side::Up) => t!(lang, "button-pan-up"),
            Extension::Pan(Side::Down) => t!(lang, "button-pan-down"),
            Extension::ZoomOut(tenths) => {
                let factor = f64::from(tenths) / 10.0;
                t!(lang, "button-zoom-out", factor = lang.number(factor, usize::from(tenths % 10 != 0)))
            }
        };
        let buttons: Vec<CreateButton> = EXTENSIONS
            .iter()
            .map(|(e, _)| button(ResultButton::Extend(*e), label(*e), ButtonStyle::Secondary))
            .collect();
        rows.push(CreateActionRow::Buttons(buttons[..4].to_vec()));
        rows.push(CreateActionRow::Buttons(buttons[4..].to_vec()));
    }
    if spec.model.variation.is_none() {
        return rows;
    }
    let images = images.clamp(1, 10);
    let label = |vary: bool, k: usize| match (vary, images == 1) {
        (true, true) => t!(lang, "button-vary"),
        (true, false) => t!(lang, "button-vary-numbered", number = k),
        (false, true) => t!(lang, "button-hd"),
        (false, false) => t!(lang, "button-hd-numbered", number = k),
    };
    for (make, vary) in [(ResultButton::Vary as fn(usize) -> ResultButton, true), (ResultButton::Hd, false)] {
        let mut buttons: Vec<CreateButton> =
            (1..=images).map(|k| button(make(k), label(vary, k), ButtonStyle::Secondary)).collect();
        if !vary && images == 1 {
            // A single image's HD is the faithful upscale; beside it, the creative one.
            buttons.push(button(ResultButton::Creative, t!(lang, "button-upscale-creative"), ButtonStyle::Secondary));
        }
        rows.extend(buttons.chunks(5).map(|chunk| CreateActionRow::Buttons(chunk.to_vec())));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::request::{tests::request, Command};

    #[test]
    fn custom_ids_round_trip_and_strangers_are_ignored() {
        for b in [
            ResultButton::Reroll,
            ResultButton::Vary(3),
            ResultButton::Hd(10),
            ResultButton::Edit,
            ResultButton::Delete,
            ResultButton::Use(4),
            ResultButton::Enhance,
            ResultButton::Extend(Extension::Pan(Side::Up)),
            ResultButton::Extend(Extension::ZoomOut(20)),
            ResultButton::Creative,
        ] {
            assert_eq!(ResultButton::parse(&b.custom_id("1234")), Some((b, "1234".into())));
        }
        for bad in
            ["easel:vary0:1", "easel:hd11:1", "easel:vary:1", "easel:reroll:", "easel:reroll:1/2", "other:reroll:1"]
        {
            assert_eq!(ResultButton::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ten_images_fill_five_rows_of_at_most_five() {
        let mut r = request(Command::Generate, "a fox");
        r.n = Some(10);
        let spec = r.resolve(&Catalogue::builtin(), "gpt-image-2", 1 << 20).unwrap();
        let rows = serde_json::to_value(result_rows(Lang::EnUs, "1", &spec, 10)).unwrap();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 5);
        assert!(rows.iter().all(|row| row["components"].as_array().unwrap().len() <= 5));
        assert_eq!(rows[0]["components"][1]["label"], "Edit");
        r.model = Some("dall-e-3".into());
        r.n = None;
        let spec = r.resolve(&Catalogue::builtin(), "gpt-image-2", 1 << 20).unwrap();
        assert_eq!(result_rows(Lang::EnUs, "1", &spec, 1).len(), 1, "dall-e-3 neither varies nor edits");
    }
}
