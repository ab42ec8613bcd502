//! Iterating on a delivered result: each button under it (Re-roll, Vary k, HD k, Edit) makes a new
//! request from the stored job, which then goes through the same admission, limits, moderation, queue
//! and ledger as a slash command; Delete removes the result for its requester or a moderator.
//!
//! The buttons only carry the job's id, so they keep working after a restart and on results posted
//! long ago: everything else is read back from the store.

use super::{Canceller, Jobs};
use crate::domain::request::{Command, JobId, JobRequest, Requester, SourceImage};
use crate::jobs::queue::StoredJob;

/// What a click asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The same request again (a new seed).
    Reroll,
    /// A variation of the result's image.
    Vary,
    /// The result's image at the model's top quality (or through the server's upscaler).
    Hd,
    /// The result's image changed as the instruction says.
    Edit {
        /// What to change.
        instruction: String,
    },
    /// The result's image re-detailed at the model's largest size of its shape (Upscale (Creative)).
    Creative,
    /// The result's image on a larger canvas (Pan, Zoom Out), the new area filled by the same model.
    Extend(crate::domain::request::extension::Extension),
    /// A draft's request again at the model's top quality, with the draft's seed when it had one (so
    /// a Stable Diffusion model keeps the composition).
    Enhance {
        /// The draft's first seed.
        seed: Option<i64>,
    },
}

/// Who clicked, where, and what Discord says about the click.
#[derive(Debug, Clone)]
pub struct Click {
    /// The click's interaction id: the new job's id.
    pub id: JobId,
    /// Who clicked (their limits apply).
    pub requester: Requester,
    /// The largest attachment Discord accepts in the click's channel.
    pub upload_limit: u64,
    /// The image of the result the action works on (Vary, HD, Edit), as Discord serves it now.
    pub image: Option<SourceImage>,
    /// The message clicked (channel, message): where the parent's result is shown.
    pub message: Option<(u64, u64)>,
}

/// The new request a click on `original`'s result makes.
pub fn follow_up(original: &JobRequest, action: Action, click: Click) -> JobRequest {
    let base = JobRequest {
        parent: Some(original.id.clone()),
        parent_message: click.message,
        seed: None,
        ..JobRequest::new(click.id, original.command, click.requester, click.upload_limit)
    };
    let same_model = JobRequest {
        model: original.model.clone(),
        size: original.size.clone(),
        quality: original.quality.clone(),
        style: original.style.clone(),
        negative_prompt: original.negative_prompt.clone(),
        private: original.private,
        ..base
    };
    match action {
        Action::Reroll => JobRequest {
            prompt: original.prompt.clone(),
            n: original.n,
            source: original.source.clone(),
            mask: original.mask.clone(),
            styles: original.styles.clone(),
            ..same_model
        },
        Action::Vary => JobRequest {
            command: Command::Variation,
            n: (original.command != Command::Styles).then_some(original.n).flatten(),
            source: click.image,
            ..same_model
        },
        Action::Hd => JobRequest { command: Command::Upscale, source: click.image, ..same_model },
        Action::Edit { instruction } => {
            JobRequest { command: Command::Edit, prompt: Some(instruction), source: click.image, ..same_model }
        }
        Action::Creative => {
            JobRequest { command: Command::Upscale, source: click.image, creative: true, size: None, ..same_model }
        }
        Action::Extend(extension) => JobRequest {
            command: Command::Extend,
            prompt: original.prompt.clone(),
            source: click.image,
            extension: Some(extension),
            size: None,
            quality: None,
            ..same_model
        },
        Action::Enhance { seed } => JobRequest {
            command: Command::Hd,
            prompt: original.prompt.clone(),
            n: original.n,
            seed: seed.or(original.seed),
            steps: original.steps,
            cfg_scale: original.cfg_scale,
            sampler: original.sampler.clone(),
            draft: Some(false),
            ..same_model
        },
    }
}

/// Where image `k` (from 1) of a job's result sits among its message's attachments: the comparison
/// sheet of `/styles` comes first.
pub fn attachment_index(command: Command, k: usize) -> usize {
    if command == Command::Styles {
        k
    } else {
        k.saturating_sub(1)
    }
}

impl Jobs {
    /// A stored job, for the buttons under its result.
    pub async fn stored(&self, job_id: &JobId) -> Option<StoredJob> {
        self.load(job_id).await
    }

    /// Whether `by` may delete `job`'s result: its requester, or a moderator of its server.
    pub fn may_delete(&self, job: &StoredJob, by: Canceller) -> bool {
        by.may_cancel(job)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::request::tests::request;

    fn click(image: Option<SourceImage>) -> Click {
        let requester =
            Requester { user_id: 99, guild_id: Some(1), channel_id: 3, roles: vec![], is_manager: false, locale: None };
        Click { id: JobId("500".into()), requester, upload_limit: 1 << 20, image, message: None }
    }

    fn image() -> SourceImage {
        SourceImage {
            url: "https://cdn.discordapp.com/a/2.png".into(),
            filename: "2.png".into(),
            content_type: None,
            size: 9,
            dimensions: None,
            kept: None,
        }
    }

    #[test]
    fn a_reroll_repeats_the_request_for_the_clicker_with_a_new_seed() {
        let mut original = request(Command::Generate, "a fox");
        original.model = Some("stable-diffusion".into());
        original.seed = Some(42);
        original.n = Some(2);
        let again = follow_up(&original, Action::Reroll, click(None));
        assert_eq!((again.id.0.as_str(), again.requester.user_id), ("500", 99));
        assert_eq!(
            (again.prompt, again.model, again.n, again.seed),
            (Some("a fox".into()), Some("stable-diffusion".into()), Some(2), None)
        );
        assert_eq!(again.parent, Some(original.id));
    }

    #[test]
    fn vary_hd_and_edit_work_on_the_clicked_image() {
        let original = request(Command::Generate, "a fox");
        let vary = follow_up(&original, Action::Vary, click(Some(image())));
        assert_eq!((vary.command, vary.prompt, vary.source), (Command::Variation, None, Some(image())));
        let hd = follow_up(&original, Action::Hd, click(Some(image())));
        assert_eq!(hd.command, Command::Upscale);
        let edit = follow_up(&original, Action::Edit { instruction: "add a hat".into() }, click(Some(image())));
        assert_eq!((edit.command, edit.prompt.as_deref()), (Command::Edit, Some("add a hat")));
        assert_eq!(attachment_index(Command::Styles, 2), 2);
        assert_eq!(attachment_index(Command::Generate, 2), 1);
    }
}
