//! Pictures Easel keeps for members: a saved style's reference, checked like any upload when saved
//! (trusted host, every pixel decoded, the moderation pre-check when on), kept as a PNG in the spool's
//! own folder (shared by every process when the spool is a bucket) until the style is replaced or
//! deleted, and sent with the prompts that pick the style.

use super::error::JobError;
use super::Jobs;
use crate::domain::request::SourceImage;
use crate::media::{imaging, SourceError};

/// The longest side of a kept picture: what the reference-taking models read well.
const KEPT_SIDE: u32 = 1024;

impl Jobs {
    /// Checks `upload` and keeps it as `name` (unique: the interaction's id); returns the picture as a
    /// job's input refers to it.
    pub async fn keep_picture(&self, upload: &SourceImage, name: &str) -> Result<SourceImage, JobError> {
        let png = self.runner.checked_picture(upload, KEPT_SIDE).await?;
        let png = imaging::described(png).map_err(SourceError::from)?;
        let file = format!("{name}.png");
        let picture = SourceImage {
            url: String::new(),
            filename: file.clone(),
            content_type: Some("image/png".to_owned()),
            size: png.bytes.len() as u64,
            dimensions: Some((png.width, png.height)),
            kept: Some(file.clone()),
        };
        self.spool.keep(&file, png.bytes).await.map_err(|e| JobError::unexpected("keeping a picture", e))?;
        Ok(picture)
    }

    /// Removes a kept picture no style uses any more.
    pub async fn forget_picture(&self, picture: &SourceImage) {
        if let Some(file) = &picture.kept {
            self.spool.forget(file).await;
        }
    }
}
