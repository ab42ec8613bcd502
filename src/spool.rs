//! The spool: a folder beside the database where generated images wait until they are delivered, so a
//! job whose process dies after the model call is delivered by the next one instead of paid for twice.

use std::path::{Path, PathBuf};

use crate::imaging::{self, EncodedImage};

/// Generated images on disk, one file per image, named after their job.
#[derive(Debug, Clone)]
pub struct Spool {
    dir: PathBuf,
}

impl Spool {
    /// The spool in `dir`, created if needed.
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        Ok(Self { dir: dir.to_owned() })
    }

    /// The spool's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes a job's images; returns their file names, in order.
    pub async fn write(&self, job_id: &str, images: &[EncodedImage]) -> std::io::Result<Vec<String>> {
        let mut names = Vec::with_capacity(images.len());
        for (i, image) in images.iter().enumerate() {
            let name = format!("{}-{}.{}", safe(job_id), i + 1, image.extension);
            let partial = self.dir.join(format!("{name}.partial"));
            tokio::fs::write(&partial, &image.bytes).await?;
            // Written then renamed: a crash mid-write never leaves a half file under the real name.
            tokio::fs::rename(&partial, self.dir.join(&name)).await?;
            names.push(name);
        }
        Ok(names)
    }

    /// Reads a job's images back.
    pub async fn read(&self, names: &[String]) -> std::io::Result<Vec<EncodedImage>> {
        let mut images = Vec::with_capacity(names.len());
        for name in names {
            let bytes = tokio::fs::read(self.dir.join(safe(name))).await?;
            let (_, width, height) = imaging::probe(&bytes)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
            let extension = match name.rsplit('.').next() {
                Some("jpg") => "jpg",
                Some("webp") => "webp",
                _ => "png",
            };
            images.push(EncodedImage { bytes, extension, width, height });
        }
        Ok(images)
    }

    /// Removes a delivered job's images (what is already gone is fine).
    pub async fn remove(&self, names: &[String]) {
        for name in names {
            let _ = tokio::fs::remove_file(self.dir.join(safe(name))).await;
        }
    }
}

/// A file name made only of letters, digits, `-` and `.` (never a path).
fn safe(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.')).collect::<String>().replace("..", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn images_round_trip_and_names_cannot_escape_the_folder() {
        let dir = std::env::temp_dir().join(format!("easel-spool-{}", std::process::id()));
        let spool = Spool::open(&dir).unwrap();
        let png = imaging::noise_png(8, 6);
        let image = EncodedImage { bytes: png.clone(), extension: "png", width: 8, height: 6 };
        let names = spool.write("../../etc/42", std::slice::from_ref(&image)).await.unwrap();
        assert_eq!(names, ["etc42-1.png"]);
        assert_eq!(spool.read(&names).await.unwrap(), [image]);
        spool.remove(&names).await;
        assert!(spool.read(&names).await.is_err());
    }
}
