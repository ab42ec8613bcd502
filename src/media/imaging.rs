//! Image checks and conversions: is this really an image, what a provider accepts, what Discord takes.
//!
//! All of it is CPU- and memory-heavy, so it is bounded three ways: an image's size in pixels is read
//! from its header and refused above [`MAX_SIDE`] a side or [`MAX_PIXELS`] in all before anything is
//! decoded; the decoder runs with an explicit allocation cap; and [`ImageWork`] lets only a few images be
//! worked on at once (on the blocking pool, so the gateway never stalls). Peak memory is therefore about
//! `workers × 300 MB` in the worst case (a 24-megapixel 16-bit PNG), whatever members upload at once.

use std::io::Cursor;
use std::sync::Arc;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader};
use tokio::sync::Semaphore;

use crate::domain::catalogue::VariationSpec;

pub use crate::domain::catalogue::MAX_SIDE;
/// The most pixels Easel decodes in one image (a 6000×4000 camera photo fits).
pub const MAX_PIXELS: u64 = 24_000_000;
/// The decoder's allocation cap: a 24-megapixel image at 16 bits per channel with alpha, and some room.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// Why an image could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImagingError {
    /// The bytes are not a PNG, JPEG or WebP picture.
    #[error("the file is not a PNG, JPEG or WebP image")]
    NotAnImage,
    /// The header declares more pixels than Easel decodes.
    #[error("the image is {width}x{height} pixels, over the {MAX_SIDE}-pixel side or {MAX_PIXELS}-pixel limit")]
    TooManyPixels {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
    },
    /// The header is an image's but the rest is missing or broken (a cut-short or damaged file).
    #[error("the image is damaged or incomplete: {0}")]
    Damaged(String),
    /// The image could not be made small enough.
    #[error("the image cannot be made smaller than {limit} bytes")]
    CannotFit {
        /// The limit that could not be met.
        limit: u64,
    },
    /// Encoding failed.
    #[error("the image could not be encoded: {0}")]
    Encode(String),
}

/// An encoded image ready to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedImage {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// File extension matching the bytes (`png`, `jpg`, `webp`).
    pub extension: &'static str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// An image whose every pixel was decoded: its bytes are known to be a whole, readable picture.
#[derive(Debug)]
pub struct Verified {
    /// The image as it came.
    pub encoded: EncodedImage,
    pixels: DynamicImage,
}

/// Caps how many images are decoded or encoded at once, so peak memory stays predictable.
#[derive(Clone)]
pub struct ImageWork {
    permits: Arc<Semaphore>,
}

impl ImageWork {
    /// At most `workers` images worked on at once (at least one).
    pub fn new(workers: usize) -> Self {
        Self { permits: Arc::new(Semaphore::new(workers.max(1))) }
    }

    /// Runs `work` on the blocking pool once a worker is free. A panic in `work` becomes an error.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, ImagingError> + Send + 'static,
    ) -> Result<T, ImagingError> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| ImagingError::Encode("image work has stopped".into()))?;
        tokio::task::spawn_blocking(move || {
            let result = work();
            drop(permit);
            result
        })
        .await
        .map_err(|e| ImagingError::Encode(format!("image work failed: {e}")))?
    }
}

const ACCEPTED: [ImageFormat; 3] = [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP];

/// Reads format and size from the header alone, refusing other formats and oversized images before
/// a single pixel is decoded.
pub fn probe(bytes: &[u8]) -> Result<(ImageFormat, u32, u32), ImagingError> {
    let format = image::guess_format(bytes).map_err(|_| ImagingError::NotAnImage)?;
    if !ACCEPTED.contains(&format) {
        return Err(ImagingError::NotAnImage);
    }
    let (width, height) = match png_header_size(bytes) {
        Some(size) if format == ImageFormat::Png => size,
        _ => ImageReader::with_format(Cursor::new(bytes), format)
            .into_dimensions()
            .map_err(|e| ImagingError::Damaged(e.to_string()))?,
    };
    if width == 0 || height == 0 {
        return Err(ImagingError::Damaged("the image has no pixels".into()));
    }
    if width.max(height) > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImagingError::TooManyPixels { width, height });
    }
    Ok((format, width, height))
}

/// A PNG's size as its first chunk (IHDR, always right after the signature) declares it: read
/// directly, so a file that is nothing but a header is judged by what it claims.
fn png_header_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let ihdr = bytes.get(12..24).filter(|h| &h[..4] == b"IHDR")?;
    let number = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((number(&ihdr[4..8]), number(&ihdr[8..12])))
}

/// Decodes `bytes` whole, accepting only the formats the providers take, whatever the file claimed to
/// be, within the pixel and memory limits.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, ImagingError> {
    let (format, _, _) = probe(bytes)?;
    if format == ImageFormat::Jpeg && !ends_like_a_jpeg(bytes) {
        return Err(ImagingError::Damaged("the JPEG has no end marker".into()));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    reader.decode().map_err(|e| ImagingError::Damaged(e.to_string()))
}

/// A whole JPEG ends with the EOI marker (`FF D9`), give or take some padding; a cut-short one does
/// not, and some decoders would quietly fill the missing rows with grey.
fn ends_like_a_jpeg(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Checks a provider's output is a whole image by decoding every pixel, so a broken or cut-short
/// result is never delivered or charged.
pub fn verify(bytes: Vec<u8>) -> Result<Verified, ImagingError> {
    let pixels = decode(&bytes)?;
    let extension = image::guess_format(&bytes).map_or("webp", extension_of);
    let encoded = EncodedImage { bytes, extension, width: pixels.width(), height: pixels.height() };
    Ok(Verified { encoded, pixels })
}

/// The file extension of an accepted format.
fn extension_of(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "png",
        ImageFormat::Jpeg => "jpg",
        _ => "webp",
    }
}

/// An image Easel already checked (kept in the spool, or delivered), described from its header alone:
/// format, extension and size, without decoding its pixels again.
pub fn described(bytes: Vec<u8>) -> Result<EncodedImage, ImagingError> {
    let (format, width, height) = probe(&bytes)?;
    Ok(EncodedImage { bytes, extension: extension_of(format), width, height })
}

/// Converts an upload into the PNG a model's variation method accepts: centre-cropped to a square when
/// required, no side above `max_side`, and downscaled further until under `max_bytes`.
pub fn prepare_variation_input(bytes: &[u8], spec: &VariationSpec) -> Result<Vec<u8>, ImagingError> {
    let mut img = decode(bytes)?;
    if spec.square {
        let (w, h) = img.dimensions();
        let side = w.min(h);
        img = img.crop_imm((w - side) / 2, (h - side) / 2, side, side);
    }
    if img.width().max(img.height()) > spec.max_side {
        img = img.resize(spec.max_side, spec.max_side, FilterType::CatmullRom);
    }
    let mut img = DynamicImage::ImageRgba8(img.to_rgba8());
    loop {
        let png = encode_png(&img)?;
        if png.len() as u64 <= spec.max_bytes {
            return Ok(png);
        }
        img = shrink(&img, spec.max_bytes)?;
    }
}

/// Three quarters of the size, or `CannotFit` once the image is too small to be worth sending.
fn shrink(img: &DynamicImage, limit: u64) -> Result<DynamicImage, ImagingError> {
    if img.width().min(img.height()) < 64 {
        return Err(ImagingError::CannotFit { limit });
    }
    Ok(img.resize(img.width() * 3 / 4, img.height() * 3 / 4, FilterType::CatmullRom))
}

/// A PNG of `bytes` no larger than `side` pixels a side (a thumbnail, or a copy to check).
pub fn thumbnail_png(bytes: &[u8], side: u32) -> Result<Vec<u8>, ImagingError> {
    let img = decode(bytes)?;
    let img = if img.width().max(img.height()) > side { img.thumbnail(side, side) } else { img };
    encode_png(&DynamicImage::ImageRgba8(img.to_rgba8()))
}

/// Encodes a PNG that must be at most `max_bytes` (an edit's image and mask must keep their size, so
/// they are never shrunk apart).
pub fn encode_png_checked(img: &DynamicImage, max_bytes: u64) -> Result<Vec<u8>, ImagingError> {
    let png = encode_png(img)?;
    if png.len() as u64 > max_bytes {
        return Err(ImagingError::CannotFit { limit: max_bytes });
    }
    Ok(png)
}

pub(crate) fn encode_png(img: &DynamicImage) -> Result<Vec<u8>, ImagingError> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png).map_err(|e| ImagingError::Encode(e.to_string()))?;
    Ok(out.into_inner())
}

fn encode_jpeg(img: &DynamicImage, quality: u8) -> Result<Vec<u8>, ImagingError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&DynamicImage::ImageRgb8(img.to_rgb8()))
        .map_err(|e| ImagingError::Encode(e.to_string()))?;
    Ok(out)
}

/// Makes an image fit under Discord's upload `limit`, never dropping it: kept as-is when it fits,
/// else re-encoded as high-quality JPEG at the same size (lower qualities next), and only then
/// downscaled. Transparency is lost in the JPEG.
pub fn fit_for_upload(image: Verified, limit: u64) -> Result<EncodedImage, ImagingError> {
    let Verified { encoded, pixels: mut img } = image;
    if encoded.bytes.len() as u64 <= limit {
        return Ok(encoded);
    }
    loop {
        for quality in [90, 80, 70] {
            let jpeg = encode_jpeg(&img, quality)?;
            if jpeg.len() as u64 <= limit {
                return Ok(EncodedImage { bytes: jpeg, extension: "jpg", width: img.width(), height: img.height() });
            }
        }
        img = shrink(&img, limit)?;
    }
}

/// A PNG of pseudo-random noise: incompressible, so its size is close to width * height * 3, like a
/// richly detailed picture. The worst case for re-encoding, used by the tests and the benchmark.
pub fn noise_png(width: u32, height: u32) -> Vec<u8> {
    let mut state: u32 = 0x9E37_79B9;
    let img = image::RgbImage::from_fn(width, height, |_, _| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let [a, b, c, _] = state.to_le_bytes();
        image::Rgb([a, b, c])
    });
    encode_png(&DynamicImage::ImageRgb8(img)).expect("a PNG of an in-memory image always encodes")
}

/// The longest side of a preview shown while a job runs.
pub const PREVIEW_SIDE: u32 = 384;

/// The most pixels a preview may have before it is made small: a server's preview is a sampling step at
/// the job's size at most (2048×2048), so nothing larger is decoded every two seconds.
const PREVIEW_MAX_PIXELS: u64 = 2048 * 2048;

/// A preview a server sent, as a member's message shows it while the job runs: a JPEG at most
/// [`PREVIEW_SIDE`] pixels a side, a few tens of KB. `None` for bytes that are not a picture, or one
/// larger than [`PREVIEW_MAX_PIXELS`] (or [`MAX_SIDE`] a side), checked from the header before decoding.
pub fn preview_jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?;
    let (width, height) = reader.into_dimensions().ok()?;
    if width == 0
        || height == 0
        || width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > PREVIEW_MAX_PIXELS
    {
        return None;
    }
    let picture = image::load_from_memory(bytes).ok()?.thumbnail(PREVIEW_SIDE, PREVIEW_SIDE).to_rgb8();
    let mut out = std::io::Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 70).encode_image(&picture).ok()?;
    Some(out.into_inner())
}

#[cfg(test)]
pub(crate) mod tests;
