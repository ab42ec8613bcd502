//! Unit tests of `imaging`, and pictures other tests build on.

use image::{Rgba, RgbaImage};

use super::*;

pub(crate) use super::noise_png;

#[test]
fn a_preview_is_a_small_jpeg_and_garbage_is_none() {
    let preview = preview_jpeg(&noise_png(1000, 800)).unwrap();
    let shown = image::load_from_memory_with_format(&preview, image::ImageFormat::Jpeg).unwrap();
    assert_eq!((shown.width(), shown.height()), (384, 307));
    assert!(preview.len() < 120_000, "{} bytes", preview.len());
    assert_eq!(preview_jpeg(b"not a picture"), None);
    assert_eq!(preview_jpeg(&header_only_png(4000, 4000)), None, "too large to decode every two seconds");
}

fn flat_png(width: u32, height: u32) -> Vec<u8> {
    encode_png(&DynamicImage::ImageRgba8(RgbaImage::from_pixel(width, height, Rgba([10, 200, 30, 255])))).unwrap()
}

#[test]
fn a_12_mb_noise_png_is_reencoded_under_10_mib_at_the_same_size() {
    let png = noise_png(2000, 2000);
    assert!(png.len() > 12_000_000, "the fixture is {} bytes", png.len());
    let fitted = fit_for_upload(verify(png).unwrap(), 10 * 1024 * 1024).unwrap();
    assert!(fitted.bytes.len() <= 10 * 1024 * 1024, "{} bytes", fitted.bytes.len());
    assert_eq!((fitted.width, fitted.height, fitted.extension), (2000, 2000, "jpg"));
    assert_eq!(decode(&fitted.bytes).unwrap().dimensions(), (2000, 2000));
}

#[test]
fn an_image_that_fits_is_left_untouched_and_a_tiny_limit_downscales() {
    let png = flat_png(300, 200);
    let same = fit_for_upload(verify(png.clone()).unwrap(), 1 << 20).unwrap();
    assert_eq!(same.bytes, png);
    let small = fit_for_upload(verify(noise_png(400, 400)).unwrap(), 60_000).unwrap();
    assert!(small.bytes.len() <= 60_000 && small.width < 400);
}

#[test]
fn dalle2_variations_get_a_square_png_under_the_cap() {
    let spec = VariationSpec {
        method: crate::domain::catalogue::VariationMethod::Variations,
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
    assert_eq!(verify(b"GIF89a....".to_vec()).unwrap_err(), ImagingError::NotAnImage);
}

/// A PNG's signature and header chunk declaring `width`×`height`, with no pixel data: the shape of a
/// decompression bomb (a few bytes that claim gigabytes).
pub(crate) fn header_only_png(width: u32, height: u32) -> Vec<u8> {
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    let mut chunk = b"IHDR".to_vec();
    chunk.extend_from_slice(&width.to_be_bytes());
    chunk.extend_from_slice(&height.to_be_bytes());
    chunk.extend_from_slice(&[8, 6, 0, 0, 0]);
    let crc = crc32(&chunk);
    png.extend_from_slice(&chunk);
    png.extend_from_slice(&crc.to_be_bytes());
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn a_bomb_is_refused_from_its_header_before_any_decoding() {
    let bomb = header_only_png(10_000, 10_000);
    assert!(bomb.len() < 100);
    assert_eq!(probe(&bomb).unwrap_err(), ImagingError::TooManyPixels { width: 10_000, height: 10_000 });
    assert_eq!(decode(&bomb).unwrap_err(), ImagingError::TooManyPixels { width: 10_000, height: 10_000 });
    assert!(matches!(probe(&header_only_png(5000, 5000)), Err(ImagingError::TooManyPixels { .. })), "25 MP");
    assert!(matches!(decode(&header_only_png(4000, 4000)), Err(ImagingError::Damaged(_))), "16 MP, no data");
}

#[test]
fn half_an_image_is_damaged_not_delivered() {
    let png = noise_png(64, 64);
    assert!(matches!(verify(png[..png.len() / 2].to_vec()), Err(ImagingError::Damaged(_))));
    let jpeg = encode_jpeg(&decode(&png).unwrap(), 90).unwrap();
    assert!(verify(jpeg.clone()).is_ok());
    assert!(matches!(verify(jpeg[..jpeg.len() / 2].to_vec()), Err(ImagingError::Damaged(_))));
}

#[tokio::test]
async fn image_work_runs_at_most_its_workers_at_once() {
    let work = ImageWork::new(2);
    let running = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let most = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let (work, running, most) = (work.clone(), Arc::clone(&running), Arc::clone(&most));
            tokio::spawn(async move {
                work.run(move || {
                    let now = running.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                    most.fetch_max(now, std::sync::atomic::Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    running.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    Ok(())
                })
                .await
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(most.load(std::sync::atomic::Ordering::SeqCst), 2);
}
