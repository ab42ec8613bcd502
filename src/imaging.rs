//! Image checks and conversions: is this really an image, what a provider accepts, what Discord takes.
//!
//! All of it is CPU-bound; callers run it on the blocking pool so the gateway never stalls.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView, ImageFormat};

use crate::catalogue::VariationSpec;

/// Why an image could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImagingError {
    /// The bytes are not a PNG, JPEG or WebP picture.
    #[error("the file is not a PNG, JPEG or WebP image")]
    NotAnImage,
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

const ACCEPTED: [ImageFormat; 3] = [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP];

/// Decodes `bytes`, accepting only the formats the providers take, whatever the file claimed to be.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, ImagingError> {
    let format = image::guess_format(bytes).map_err(|_| ImagingError::NotAnImage)?;
    if !ACCEPTED.contains(&format) {
        return Err(ImagingError::NotAnImage);
    }
    image::load_from_memory_with_format(bytes, format).map_err(|_| ImagingError::NotAnImage)
}

/// Describes a provider's output as-is, checking it really is an image.
pub fn describe(bytes: Vec<u8>) -> Result<EncodedImage, ImagingError> {
    let format = image::guess_format(&bytes).map_err(|_| ImagingError::NotAnImage)?;
    let extension = match format {
        ImageFormat::Png => "png",
        ImageFormat::Jpeg => "jpg",
        ImageFormat::WebP => "webp",
        _ => return Err(ImagingError::NotAnImage),
    };
    let reader = image::ImageReader::with_format(Cursor::new(&bytes), format);
    let (width, height) = reader.into_dimensions().map_err(|_| ImagingError::NotAnImage)?;
    Ok(EncodedImage { bytes, extension, width, height })
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

fn encode_png(img: &DynamicImage) -> Result<Vec<u8>, ImagingError> {
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
pub fn fit_for_upload(image: EncodedImage, limit: u64) -> Result<EncodedImage, ImagingError> {
    if image.bytes.len() as u64 <= limit {
        return Ok(image);
    }
    let mut img = decode(&image.bytes)?;
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

#[cfg(test)]
pub(crate) mod tests {
    use image::{Rgba, RgbaImage};

    use super::*;

    pub(crate) use super::noise_png;

    fn flat_png(width: u32, height: u32) -> Vec<u8> {
        encode_png(&DynamicImage::ImageRgba8(RgbaImage::from_pixel(width, height, Rgba([10, 200, 30, 255])))).unwrap()
    }

    #[test]
    fn a_12_mb_noise_png_is_reencoded_under_10_mib_at_the_same_size() {
        let png = noise_png(2000, 2000);
        assert!(png.len() > 12_000_000, "the fixture is {} bytes", png.len());
        let fitted = fit_for_upload(describe(png).unwrap(), 10 * 1024 * 1024).unwrap();
        assert!(fitted.bytes.len() <= 10 * 1024 * 1024, "{} bytes", fitted.bytes.len());
        assert_eq!((fitted.width, fitted.height, fitted.extension), (2000, 2000, "jpg"));
        assert_eq!(decode(&fitted.bytes).unwrap().dimensions(), (2000, 2000));
    }

    #[test]
    fn an_image_that_fits_is_left_untouched_and_a_tiny_limit_downscales() {
        let png = flat_png(300, 200);
        let same = fit_for_upload(describe(png.clone()).unwrap(), 1 << 20).unwrap();
        assert_eq!(same.bytes, png);
        let small = fit_for_upload(describe(noise_png(400, 400)).unwrap(), 60_000).unwrap();
        assert!(small.bytes.len() <= 60_000 && small.width < 400);
    }

    #[test]
    fn dalle2_variations_get_a_square_png_under_the_cap() {
        let spec = VariationSpec {
            method: crate::catalogue::VariationMethod::Variations,
            instruction: None,
            square: true,
            max_side: 1024,
            max_bytes: 4_000_000,
        };
        let out = prepare_variation_input(&noise_png(1600, 1200), &spec).unwrap();
        assert!(out.len() <= 4_000_000, "{}", out.len());
        assert_eq!(image::guess_format(&out).unwrap(), ImageFormat::Png);
        let (w, h) = decode(&out).unwrap().dimensions();
        assert_eq!(w, h);
        assert!(w <= 1024);
    }

    #[test]
    fn text_pretending_to_be_an_image_is_refused() {
        assert_eq!(decode(b"hello, I am a PNG").unwrap_err(), ImagingError::NotAnImage);
        assert_eq!(describe(b"GIF89a....".to_vec()).unwrap_err(), ImagingError::NotAnImage);
    }
}
