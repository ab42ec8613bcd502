//! The spool: a folder beside the database where generated images wait until they are delivered, so a
//! job whose process dies after the model call is delivered by the next one instead of paid for twice.
//! Delivered images stay a while longer (`EASEL_KEEP_DAYS`) for `/show`, then are pruned.

use std::path::{Path, PathBuf};

use crate::media::imaging::{self, EncodedImage};

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
            let image = imaging::described(bytes)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
            images.push(image);
        }
        Ok(images)
    }

    /// Removes Easel's own files (named as [`Spool::write`] names them) last written more than `age` ago;
    /// returns how many. Anything else in the folder (an owner may point `EASEL_SPOOL` at a folder of
    /// their own) is left alone. Files of jobs still waiting for delivery are far younger than any keep
    /// period.
    pub async fn prune(&self, age: std::time::Duration) -> usize {
        let dir = self.dir.clone();
        let pruned = tokio::task::spawn_blocking(move || {
            let Ok(entries) = std::fs::read_dir(&dir) else { return 0 };
            let now = std::time::SystemTime::now();
            let mut pruned = 0;
            for entry in entries.flatten() {
                let ours =
                    entry.file_name().to_str().is_some_and(is_ours) && entry.file_type().is_ok_and(|t| t.is_file());
                let old = ours
                    && entry
                        .metadata()
                        .and_then(|m| m.modified())
                        .is_ok_and(|at| now.duration_since(at).is_ok_and(|d| d > age));
                if old && std::fs::remove_file(entry.path()).is_ok() {
                    pruned += 1;
                }
            }
            pruned
        });
        pruned.await.unwrap_or(0)
    }

    /// Whether every one of a job's images is still kept.
    pub async fn has(&self, names: &[String]) -> bool {
        for name in names {
            if tokio::fs::metadata(self.dir.join(safe(name))).await.is_err() {
                return false;
            }
        }
        !names.is_empty()
    }

    /// Removes a job's images (what is already gone is fine).
    pub async fn remove(&self, names: &[String]) {
        for name in names {
            let _ = tokio::fs::remove_file(self.dir.join(safe(name))).await;
        }
    }
}

/// Whether `name` is one [`Spool::write`] makes: `{job}-{k}.{image extension}`, or its `.partial`.
fn is_ours(name: &str) -> bool {
    let name = name.strip_suffix(".partial").unwrap_or(name);
    let Some((stem, extension)) = name.rsplit_once('.') else { return false };
    let Some((job, k)) = stem.rsplit_once('-') else { return false };
    matches!(extension, "png" | "jpeg" | "jpg" | "webp" | "gif")
        && !k.is_empty()
        && k.bytes().all(|b| b.is_ascii_digit())
        && !job.is_empty()
        && job.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
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
        assert!(spool.has(&names).await);
        assert_eq!(spool.prune(std::time::Duration::from_secs(3600)).await, 0, "young files are kept");
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(spool.prune(std::time::Duration::from_millis(10)).await, 1);
        assert!(spool.read(&names).await.is_err() && !spool.has(&names).await);
    }

    #[tokio::test]
    async fn pruning_removes_only_easels_own_files() {
        let dir = std::env::temp_dir().join(format!("easel-spool-shared-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let spool = Spool::open(&dir).unwrap();
        let image = EncodedImage { bytes: imaging::noise_png(4, 4), extension: "png", width: 4, height: 4 };
        spool.write("1234567890", std::slice::from_ref(&image)).await.unwrap();
        std::fs::write(dir.join("1234567890-2.png.partial"), b"half").unwrap();
        for theirs in ["holiday.png", "notes.txt", "my-cat.png", "backup-1.png.bak"] {
            std::fs::write(dir.join(theirs), b"the owner's").unwrap();
        }
        std::fs::create_dir(dir.join("999-1.png")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));

        assert_eq!(spool.prune(std::time::Duration::from_millis(10)).await, 2, "the image and its partial");
        let mut left: Vec<String> =
            std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left, ["999-1.png", "backup-1.png.bak", "holiday.png", "my-cat.png", "notes.txt"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
