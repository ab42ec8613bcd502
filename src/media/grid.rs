//! The style comparison sheet of `/styles`: one tile per style, side by side, each style's name
//! written under its tile, so members compare styles at a glance (the seed guide's practice).
//!
//! Captions use an 8×8 bitmap font (ASCII; other characters show as `?`), drawn at twice its size.

use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView, Rgb, RgbImage};

use crate::media::imaging::{self, ImagingError};

/// Each tile's side, in pixels.
pub const TILE: u32 = 512;
/// The caption band under each tile, in pixels.
pub const BAND: u32 = 32;
/// How much the 8×8 font is enlarged.
const SCALE: u32 = 2;
const BACKGROUND: Rgb<u8> = Rgb([255, 255, 255]);
const INK: Rgb<u8> = Rgb([20, 20, 20]);

/// Columns and rows of a sheet of `tiles` tiles: a row of up to three, four as two by two.
pub fn layout(tiles: usize) -> (u32, u32) {
    match tiles {
        0 | 1 => (1, 1),
        2 => (2, 1),
        3 => (3, 1),
        _ => (2, tiles.div_ceil(2) as u32),
    }
}

/// Where tile `index` starts (its top-left corner) on the sheet.
pub fn tile_origin(index: usize, tiles: usize) -> (u32, u32) {
    let (columns, _) = layout(tiles);
    let index = index as u32;
    ((index % columns) * TILE, (index / columns) * (TILE + BAND))
}

/// Composes the sheet from encoded images and their captions, as PNG.
pub fn compose(images: &[(Vec<u8>, String)]) -> Result<Vec<u8>, ImagingError> {
    let (columns, rows) = layout(images.len());
    let mut sheet = RgbImage::from_pixel(columns * TILE, rows * (TILE + BAND), BACKGROUND);
    for (index, (bytes, caption)) in images.iter().enumerate() {
        let tile = imaging::decode(bytes)?.resize(TILE, TILE, FilterType::Triangle);
        let (x, y) = tile_origin(index, images.len());
        let (w, h) = tile.dimensions();
        image::imageops::overlay(
            &mut sheet,
            &tile.to_rgb8(),
            i64::from(x + (TILE - w) / 2),
            i64::from(y + (TILE - h) / 2),
        );
        write_caption(&mut sheet, caption, x, y + TILE);
    }
    imaging::encode_png(&DynamicImage::ImageRgb8(sheet))
}

/// Writes `text` centred in the band starting at (`x`, `y`), cut to what fits.
fn write_caption(sheet: &mut RgbImage, text: &str, x: u32, y: u32) {
    let glyph = 8 * SCALE;
    let fits = (TILE / glyph) as usize - 1;
    let text: String = text.chars().take(fits).collect();
    let width = text.chars().count() as u32 * glyph;
    write_text(sheet, &text, x + (TILE - width) / 2, y + (BAND - glyph) / 2);
}

/// Writes `text` in dark ink with its top-left corner at (`left`, `top`), each character 16 pixels
/// wide; what falls outside the image is left out.
pub fn write_text(sheet: &mut RgbImage, text: &str, left: u32, top: u32) {
    let glyph = 8 * SCALE;
    for (i, ch) in text.chars().enumerate() {
        let code = if ch.is_ascii() && !ch.is_ascii_control() { ch as usize } else { '?' as usize };
        let rows = font8x8::legacy::BASIC_LEGACY[code];
        for (row, bits) in rows.iter().enumerate() {
            for column in 0..8u32 {
                if bits >> column & 1 == 1 {
                    let px = left + i as u32 * glyph + column * SCALE;
                    let py = top + row as u32 * SCALE;
                    for (dx, dy) in (0..SCALE).flat_map(|dx| (0..SCALE).map(move |dy| (dx, dy))) {
                        if px + dx < sheet.width() && py + dy < sheet.height() {
                            sheet.put_pixel(px + dx, py + dy, INK);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ink_in(sheet: &RgbImage, x: u32, y: u32, w: u32, h: u32) -> usize {
        (x..x + w)
            .flat_map(|px| (y..y + h).map(move |py| (px, py)))
            .filter(|(px, py)| *sheet.get_pixel(*px, *py) == INK)
            .count()
    }

    #[test]
    fn four_styles_make_a_two_by_two_sheet_with_a_caption_under_each_tile() {
        let tiles: Vec<_> = ["photo", "oil", "watercolor", "3D"]
            .iter()
            .map(|s| (imaging::noise_png(64, 64), (*s).to_owned()))
            .collect();
        let sheet = image::load_from_memory(&compose(&tiles).unwrap()).unwrap().to_rgb8();
        assert_eq!(sheet.dimensions(), (2 * TILE, 2 * (TILE + BAND)));
        for index in 0..4 {
            let (x, y) = tile_origin(index, 4);
            assert!(ink_in(&sheet, x, y + TILE, TILE, BAND) > 20, "caption {index} is written");
        }
        let ink_of_widest = ink_in(&sheet, 0, TILE, TILE, BAND);
        let ink_of_shortest = ink_in(&sheet, TILE, 2 * TILE + BAND, TILE, BAND);
        assert!(ink_of_widest > ink_of_shortest, "captions differ by their text");
    }

    #[test]
    fn layouts_fit_up_to_four_tiles() {
        assert_eq!([layout(1), layout(2), layout(3), layout(4)], [(1, 1), (2, 1), (3, 1), (2, 2)]);
        assert_eq!(tile_origin(3, 4), (TILE, TILE + BAND));
    }
}
