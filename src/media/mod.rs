//! Pictures as bytes: checking and converting images, provenance written into them, downloads from
//! trusted hosts, edits' masks, the comparison sheet, and the spool that keeps results until delivered.
//!
//! May import: `domain` and the leaf helpers.

pub mod canvas;
pub mod download;
pub mod editing;
pub mod grid;
pub mod imaging;
pub mod provenance;
pub mod spool;

use download::FetchError;
use imaging::ImagingError;

/// Why a member's upload could not be used: its download or its pixels.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The download failed or was refused.
    #[error("the upload could not be downloaded")]
    Fetch(#[from] FetchError),
    /// The bytes are not a usable picture.
    #[error("the upload is not a usable picture")]
    Imaging(#[from] ImagingError),
    /// A picture Easel kept (a saved style's reference) cannot be read from its storage: removed, or
    /// the storage is unreachable.
    #[error("the kept picture could not be read")]
    Kept(#[source] std::io::Error),
    /// The CDN served more bytes than Discord declared for the upload: not the file the member sent.
    #[error("the upload's body is longer than the {declared} bytes Discord declared")]
    LongerThanDeclared {
        /// The size Discord declared.
        declared: u64,
    },
    /// An edit's mask or markup does not cover the image pixel for pixel.
    #[error("the {what} is {}x{} but the image is {}x{}", mask.0, mask.1, image.0, image.1)]
    MaskMismatch {
        /// `mask` or `markup`.
        what: &'static str,
        /// The mask's width and height.
        mask: (u32, u32),
        /// The image's width and height.
        image: (u32, u32),
    },
}
