//! The spool: where generated images wait until they are delivered, so a job whose process dies after
//! the model call is delivered by the next one instead of paid for twice. Delivered images stay a while
//! longer (`EASEL_KEEP_DAYS`) for `/show`, then are pruned.
//!
//! A folder beside the database by default, or an S3-compatible bucket (`EASEL_SPOOL=s3://bucket/prefix`)
//! so processes on several machines share it: one interface over both (`object_store`), so `/show`,
//! recovery and pruning work the same. A write is atomic on both (a folder's file is written aside and
//! renamed; an object appears whole), so no reader ever sees half an image.

use std::path::Path;
use std::sync::Arc;

use futures_util::StreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as Key;
use object_store::{ObjectStore, PutPayload};

use crate::media::imaging::{self, EncodedImage};
use crate::secret::Secret;

/// Where the spool lives.
#[derive(Debug, Clone, PartialEq)]
pub enum SpoolPlace {
    /// A local folder (created if needed).
    Folder(std::path::PathBuf),
    /// An S3-compatible bucket and a prefix inside it.
    Bucket(BucketConfig),
}

/// An S3-compatible bucket: `s3://bucket/prefix` and the `AWS_*` settings.
#[derive(Debug, Clone, PartialEq)]
pub struct BucketConfig {
    /// The bucket's name.
    pub bucket: String,
    /// The folder inside it (may be empty).
    pub prefix: String,
    /// `AWS_ENDPOINT_URL`: a non-AWS server (MinIO, moto, R2…); `None`: AWS itself.
    pub endpoint: Option<String>,
    /// `AWS_REGION` (default `us-east-1`).
    pub region: String,
    /// `AWS_ACCESS_KEY_ID`.
    pub access_key_id: Option<String>,
    /// `AWS_SECRET_ACCESS_KEY`. Never logged.
    pub secret_access_key: Option<Secret>,
}

impl SpoolPlace {
    /// Reads `EASEL_SPOOL`'s value: `s3://bucket[/prefix]` is a bucket (`aws` gives the `AWS_*`
    /// variables), anything else a folder. `None` for an `s3://` without a bucket name.
    pub fn parse(raw: &str, aws: impl Fn(&str) -> Option<String>) -> Option<Self> {
        let Some(rest) = raw.strip_prefix("s3://") else { return Some(Self::Folder(raw.into())) };
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.');
        if bucket.len() < 3 || bucket.len() > 63 || !bucket.chars().all(valid) {
            return None;
        }
        Some(Self::Bucket(BucketConfig {
            bucket: bucket.to_owned(),
            prefix: prefix.trim_matches('/').to_owned(),
            endpoint: aws("AWS_ENDPOINT_URL"),
            region: aws("AWS_REGION").unwrap_or_else(|| "us-east-1".to_owned()),
            access_key_id: aws("AWS_ACCESS_KEY_ID"),
            secret_access_key: aws("AWS_SECRET_ACCESS_KEY").map(Secret::new),
        }))
    }
}

impl std::fmt::Display for SpoolPlace {
    /// Where it is, for the log and `easel check` (never a secret).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Folder(dir) => write!(f, "the folder {}", dir.display()),
            Self::Bucket(b) => write!(f, "the bucket s3://{}/{}", b.bucket, b.prefix),
        }
    }
}

/// The folder (inside the spool) of the pictures Easel keeps for members: saved styles' references.
const KEPT: &str = "kept";

/// Generated images, one object per image, named after their job; and, in their own folder, the
/// pictures Easel keeps for members.
#[derive(Debug, Clone)]
pub struct Spool {
    store: Arc<dyn ObjectStore>,
    prefix: Key,
    /// The folder, for a folder spool: where a crash can leave a write's staging copy.
    folder: Option<std::path::PathBuf>,
}

impl Spool {
    /// The spool in folder `dir`, created if needed.
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let store = LocalFileSystem::new_with_prefix(dir).map_err(io)?;
        Ok(Self { store: Arc::new(store), prefix: Key::default(), folder: Some(dir.to_owned()) })
    }

    /// The spool at `place`: a folder (created if needed) or a bucket (not contacted yet).
    pub fn at(place: &SpoolPlace) -> std::io::Result<Self> {
        let bucket = match place {
            SpoolPlace::Folder(dir) => return Self::open(dir),
            SpoolPlace::Bucket(bucket) => bucket,
        };
        let mut builder = AmazonS3Builder::new().with_bucket_name(&bucket.bucket).with_region(&bucket.region);
        if let Some(endpoint) = &bucket.endpoint {
            builder = builder.with_endpoint(endpoint).with_allow_http(endpoint.starts_with("http://"));
        }
        if let (Some(id), Some(secret)) = (&bucket.access_key_id, &bucket.secret_access_key) {
            builder = builder.with_access_key_id(id).with_secret_access_key(secret.expose());
        }
        let prefix = Key::parse(&bucket.prefix).map_err(io)?;
        Ok(Self { store: Arc::new(builder.build().map_err(io)?), prefix, folder: None })
    }

    fn key(&self, name: &str) -> Key {
        self.prefix.child(safe(name))
    }

    fn kept_key(&self, name: &str) -> Key {
        self.prefix.child(KEPT).child(safe(name))
    }

    /// Keeps a picture for members (a saved style's reference) under `name`, in a folder of its own
    /// that [`Spool::prune`] never touches: it stays until [`Spool::forget`].
    pub async fn keep(&self, name: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.store.put(&self.kept_key(name), PutPayload::from(bytes)).await.map_err(io).map(|_| ())
    }

    /// A kept picture's bytes.
    pub async fn kept(&self, name: &str) -> std::io::Result<Vec<u8>> {
        let found = self.store.get(&self.kept_key(name)).await.map_err(io)?;
        Ok(found.bytes().await.map_err(io)?.to_vec())
    }

    /// Removes a kept picture (one already gone is fine).
    pub async fn forget(&self, name: &str) {
        let _ = self.store.delete(&self.kept_key(name)).await;
    }

    /// Writes a job's images; returns their names, in order.
    pub async fn write(&self, job_id: &str, images: &[EncodedImage]) -> std::io::Result<Vec<String>> {
        let mut names = Vec::with_capacity(images.len());
        for (i, image) in images.iter().enumerate() {
            let name = format!("{}-{}.{}", safe(job_id), i + 1, image.extension);
            self.store.put(&self.key(&name), PutPayload::from(image.bytes.clone())).await.map_err(io)?;
            names.push(name);
        }
        Ok(names)
    }

    /// Reads a job's images back.
    pub async fn read(&self, names: &[String]) -> std::io::Result<Vec<EncodedImage>> {
        let mut images = Vec::with_capacity(names.len());
        for name in names {
            let bytes = self.store.get(&self.key(name)).await.map_err(io)?.bytes().await.map_err(io)?;
            let image = imaging::described(bytes.to_vec())
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
            images.push(image);
        }
        Ok(images)
    }

    /// Removes Easel's own images (named as [`Spool::write`] names them) written more than `age` ago;
    /// returns how many. Anything else (an owner may point `EASEL_SPOOL` at a folder of their own, and
    /// what is in its subfolders) is left alone. Images of jobs still waiting for delivery are far
    /// younger than any keep period.
    pub async fn prune(&self, age: std::time::Duration) -> usize {
        let Ok(listed) = self.store.list_with_delimiter(Some(&self.prefix)).await else { return 0 };
        let age = chrono::Duration::from_std(age).ok();
        let Some(cutoff) = age.and_then(|age| chrono::Utc::now().checked_sub_signed(age)) else { return 0 };
        let old = listed
            .objects
            .into_iter()
            .filter(|o| o.location.filename().is_some_and(is_ours) && o.last_modified < cutoff)
            .map(|o| Ok(o.location));
        let removed = self.store.delete_stream(futures_util::stream::iter(old).boxed());
        let removed = removed.filter(|r| std::future::ready(r.is_ok())).count().await;
        removed + self.prune_staging(cutoff).await
    }

    /// Removes the staging copies (`{name}#{n}`, which listings leave out) of Easel's writes that a crash
    /// cut short in a folder spool, once as old as what [`Spool::prune`] removes.
    async fn prune_staging(&self, cutoff: chrono::DateTime<chrono::Utc>) -> usize {
        let Some(folder) = self.folder.clone() else { return 0 };
        let staged = move || -> usize {
            let Ok(entries) = std::fs::read_dir(&folder) else { return 0 };
            let old = |entry: &std::fs::DirEntry| {
                let modified = entry.metadata().and_then(|m| m.modified()).ok();
                modified.is_some_and(|m| chrono::DateTime::<chrono::Utc>::from(m) < cutoff)
            };
            entries
                .flatten()
                .filter(|e| e.file_name().to_str().and_then(staged_name).is_some_and(is_ours) && old(e))
                .filter(|e| std::fs::remove_file(e.path()).is_ok())
                .count()
        };
        tokio::task::spawn_blocking(staged).await.unwrap_or(0)
    }

    /// Whether every one of a job's images is still kept.
    pub async fn has(&self, names: &[String]) -> bool {
        for name in names {
            if self.store.head(&self.key(name)).await.is_err() {
                return false;
            }
        }
        !names.is_empty()
    }

    /// Removes a job's images (what is already gone is fine).
    pub async fn remove(&self, names: &[String]) {
        for name in names {
            let _ = self.store.delete(&self.key(name)).await;
        }
    }

    /// Writes, reads back and deletes a probe object: what `easel check` asks of a bucket (the keys,
    /// the endpoint, the bucket's existence and the rights to write and delete in it).
    pub async fn probe(&self) -> std::io::Result<()> {
        let key = self.key(".easel-check-probe");
        let payload = b"easel check".to_vec();
        self.store.put(&key, PutPayload::from(payload.clone())).await.map_err(io)?;
        let read = self.store.get(&key).await.map_err(io)?.bytes().await.map_err(io)?;
        self.store.delete(&key).await.map_err(io)?;
        if read.as_ref() != payload.as_slice() {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "the probe read back differs"));
        }
        Ok(())
    }
}

/// An object store's error as an I/O error, its message (never a secret) kept.
fn io(e: impl std::error::Error + Send + Sync + 'static) -> std::io::Error {
    std::io::Error::other(e)
}

/// The name a staging copy (`{name}#{n}`, object_store's file being written) stands for.
fn staged_name(name: &str) -> Option<&str> {
    let (name, n) = name.rsplit_once('#')?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then_some(name)
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
        std::fs::write(dir.join("1234567890-3.png#4"), b"a write a crash cut short").unwrap();
        std::fs::write(dir.join("holiday.png#1"), b"not ours").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));

        assert_eq!(
            spool.prune(std::time::Duration::from_millis(10)).await,
            3,
            "the image, its partial, a staging copy"
        );
        let mut left: Vec<String> =
            std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left, ["999-1.png", "backup-1.png.bak", "holiday.png", "holiday.png#1", "my-cat.png", "notes.txt"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_kept_picture_outlives_pruning_until_forgotten() {
        let dir = std::env::temp_dir().join(format!("easel-spool-kept-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let spool = Spool::open(&dir).unwrap();
        spool.keep("../style-42.png", b"a picture".to_vec()).await.unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));

        assert_eq!(spool.prune(std::time::Duration::from_millis(10)).await, 0);
        assert_eq!(spool.kept("../style-42.png").await.unwrap(), b"a picture");
        assert!(dir.join("kept/style-42.png").is_file(), "inside its folder, whatever the name says");
        spool.forget("../style-42.png").await;
        assert!(spool.kept("../style-42.png").await.is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
