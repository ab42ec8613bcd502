//! What a job sends beyond its prompt, and what `/styles` adds: the member's uploads (image, mask,
//! markup) downloaded from a trusted host and converted for the provider, one call per style, and the
//! captioned comparison sheet.

use std::sync::Arc;

use super::Runner;
use crate::backends::{BackendCall, BackendError, EditInput, Generated, ImageBackend};
use crate::domain::catalogue::{BackendKind, TokenUsage, VariationMethod, VariationSpec};
use crate::domain::request::{JobRequest, JobSpec, SourceImage};
use crate::jobs::error::JobError;
use crate::media::download::FetchError;
use crate::media::editing::{self, MaskForm, Uploads};
use crate::media::imaging;
use crate::media::SourceError;

/// The longest side of the copy of an upload sent to the moderation check: enough to judge, small to send.
const SCREEN_SIDE: u32 = 512;

/// How the model takes an input image: its variation's rules, else an edit's (any side up to 2048 px,
/// 50 MB), for models that edit without varying.
fn input_rules(spec: &JobSpec) -> VariationSpec {
    spec.model.variation.clone().unwrap_or(VariationSpec {
        method: VariationMethod::Edits,
        instruction: None,
        square: false,
        max_side: 2048,
        max_bytes: 50_000_000,
    })
}

impl Runner {
    /// The comparison sheet of `/styles`, first, then each style's image.
    pub(super) async fn with_sheet(&self, spec: &JobSpec, images: Vec<Vec<u8>>) -> Result<Vec<Vec<u8>>, JobError> {
        let captioned: Vec<(Vec<u8>, String)> =
            images.iter().cloned().zip(spec.style_prompts.iter().map(|(_, style)| style.clone())).collect();
        let sheet = self.image_work.run(move || crate::media::grid::compose(&captioned)).await;
        let sheet = sheet.map_err(|e| JobError::ResultUnusable(Box::new(e)))?;
        Ok(std::iter::once(sheet).chain(images).collect())
    }

    /// One call per style of `/styles` (one image each), their usage added up.
    pub(super) async fn each_style(
        &self,
        kind: BackendKind,
        job: &str,
        backend: &Arc<dyn ImageBackend>,
        call: &BackendCall,
        spec: &JobSpec,
    ) -> Result<Generated, BackendError> {
        let mut all = Generated::default();
        for (prompt, _) in &spec.style_prompts {
            let one = BackendCall { prompt: Some(prompt.clone()), n: 1, ..call.clone() };
            let made = self.retrying(kind, job, || backend.generate(&one)).await?;
            let first = made.images.into_iter().next().ok_or_else(|| BackendError::Malformed("no image".into()))?;
            all.images.push(first);
            all.seeds.extend(made.seeds.into_iter().take(1));
            all.usage = match (all.usage, made.usage) {
                (Some(a), Some(b)) => Some(TokenUsage {
                    text_input: a.text_input.saturating_add(b.text_input),
                    image_input: a.image_input.saturating_add(b.image_input),
                    image_output: a.image_output.saturating_add(b.image_output),
                }),
                (a, b) => a.or(b),
            };
        }
        Ok(all)
    }

    /// The image (and mask) of a variation, edit or HD, downloaded from a trusted host and converted for
    /// the model: the mask in the provider's convention.
    pub(super) async fn edit_input(&self, request: &JobRequest, spec: &JobSpec) -> Result<EditInput, JobError> {
        let variation = input_rules(spec);
        let source = request.source.as_ref().ok_or_else(|| JobError::Unexpected("an edit without its image".into()))?;
        let image = self.download(source).await?;
        let mask = match &request.mask {
            Some(mask) => Some(self.download(mask).await?),
            None => None,
        };
        let markup = match &request.markup {
            Some(markup) => Some(self.download(markup).await?),
            None => None,
        };
        let form = if spec.model.backend.is_stable_diffusion() {
            MaskForm::WhiteRepaints
        } else {
            MaskForm::TransparentRepaints
        };
        let prepared = self
            .image_work
            .run(move || {
                let uploads = Uploads { image: &image, mask: mask.as_deref(), markup: markup.as_deref() };
                Ok(editing::prepare(uploads, &variation, form))
            })
            .await;
        let prepared = prepared.map_err(SourceError::from)??;
        if let (Some(screen), None) = (&self.screen, &request.parent) {
            // A member's own upload (not a result of Easel's, clicked): checked before any model call.
            let image = prepared.image.clone();
            let small = self.image_work.run(move || imaging::thumbnail_png(&image, SCREEN_SIDE)).await;
            screen.screen(&small.map_err(SourceError::from)?).await?;
        }
        Ok(EditInput { image: prepared.image, mask: prepared.mask, markup: prepared.markup, extra: Vec::new() })
    }

    /// A Pan or Zoom Out's input: the result's image on its grown canvas at the job's size, and the
    /// mask of the new area in the provider's convention.
    pub(super) async fn extend_input(&self, request: &JobRequest, spec: &JobSpec) -> Result<EditInput, JobError> {
        let missing = |what: &str| JobError::Unexpected(format!("an extension without {what}").into());
        let source = request.source.as_ref().ok_or_else(|| missing("its image"))?;
        let extension = request.extension.ok_or_else(|| missing("its direction"))?;
        let target = crate::domain::catalogue::parse_size(&spec.size).ok_or_else(|| missing("a size in pixels"))?;
        let image = self.download(source).await?;
        let form = if spec.model.backend.is_stable_diffusion() {
            MaskForm::WhiteRepaints
        } else {
            MaskForm::TransparentRepaints
        };
        let extended =
            self.image_work.run(move || Ok(crate::media::canvas::extend(&image, extension, target, form))).await;
        let (image, mask) = extended.map_err(SourceError::from)??;
        Ok(EditInput { image, mask: Some(mask), markup: None, extra: Vec::new() })
    }

    /// The input images of a blend (its uploads, in order) or of a generation with a reference, each
    /// fetched from a trusted host, checked, converted as the model's edits take them and screened.
    pub(super) async fn reference_input(&self, request: &JobRequest, spec: &JobSpec) -> Result<EditInput, JobError> {
        let uploads: Vec<&SourceImage> = match &request.reference {
            Some(reference) => vec![reference],
            None => request.source.iter().chain(&request.extra_images).collect(),
        };
        let variation = input_rules(spec);
        let mut images = Vec::with_capacity(uploads.len());
        for upload in uploads {
            let bytes = self.download(upload).await?;
            let spec = variation.clone();
            let png = self.image_work.run(move || imaging::prepare_variation_input(&bytes, &spec)).await;
            let png = png.map_err(SourceError::from)?;
            if let Some(screen) = &self.screen {
                let small = png.clone();
                let small = self.image_work.run(move || imaging::thumbnail_png(&small, SCREEN_SIDE)).await;
                screen.screen(&small.map_err(SourceError::from)?).await?;
            }
            images.push(png);
        }
        let mut images = images.into_iter();
        let image = images.next().ok_or_else(|| JobError::Unexpected("a blend without its images".into()))?;
        Ok(EditInput { image, mask: None, markup: None, extra: images.collect() })
    }

    /// A member's picture that Easel shows but sends to no model (a community request's reference):
    /// downloaded from a trusted host like any upload, decoded in full, passed through the moderation
    /// pre-check when it is on, and returned as a PNG at most `side` pixels a side.
    pub async fn checked_picture(&self, source: &SourceImage, side: u32) -> Result<Vec<u8>, JobError> {
        let bytes = self.download(source).await?;
        let png = self.image_work.run(move || imaging::thumbnail_png(&bytes, side)).await;
        let png = png.map_err(SourceError::from)?;
        if let Some(screen) = &self.screen {
            let small = png.clone();
            let small = self.image_work.run(move || imaging::thumbnail_png(&small, SCREEN_SIDE)).await;
            screen.screen(&small.map_err(SourceError::from)?).await?;
        }
        Ok(png)
    }

    /// Downloads a member's upload from a trusted host. The download stops at the size Discord declared
    /// for the file (and Easel's own cap), so a body longer than declared is refused. A picture Easel
    /// kept itself is read from its storage.
    pub async fn download(&self, source: &SourceImage) -> Result<Vec<u8>, JobError> {
        if let Some(name) = &source.kept {
            let missing = || std::io::Error::new(std::io::ErrorKind::NotFound, "no storage for kept pictures");
            let kept = self.kept.as_ref().ok_or_else(missing).map_err(SourceError::Kept)?;
            return Ok(kept.kept(name).await.map_err(SourceError::Kept)?);
        }
        let cap = source.size.min(self.max_source_bytes);
        let bytes = self.uploads.fetch(&source.url, cap).await.map_err(|e| match e {
            FetchError::TooLarge { .. } if cap < self.max_source_bytes => {
                SourceError::LongerThanDeclared { declared: source.size }
            }
            other => SourceError::Fetch(other),
        })?;
        Ok(bytes)
    }
}
