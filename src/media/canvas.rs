//! Pan and zoom out, in pixels: an image set on the larger canvas its extension makes, the new area
//! masked for the model to fill, the whole brought to the model's size.

use crate::domain::request::extension::{canvas, Extension};
use crate::media::editing::MaskForm;
use crate::media::{imaging, SourceError};
use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView, GrayImage, Luma, Rgba, RgbaImage};

/// The extended picture and its mask (in the provider's `form`) at `target` pixels, as PNG: the canvas
/// scaled to fit the target (never larger than it, so memory stays bounded), the image unchanged in
/// shape where it was, everything else filled with the image's mean colour and marked to repaint.
pub fn extend(
    image: &[u8],
    extension: Extension,
    target: (u32, u32),
    form: MaskForm,
) -> Result<(Vec<u8>, Vec<u8>), SourceError> {
    let picture = imaging::decode(image)?;
    let (w, h) = picture.dimensions();
    let (cw, ch, x, y) = canvas(w, h, extension);
    let (tw, th) = (target.0.max(1), target.1.max(1));
    let scale = (f64::from(tw) / f64::from(cw)).min(f64::from(th) / f64::from(ch));
    let at = |v: u32| (f64::from(v) * scale).round() as u32;
    let (sw, sh) = (at(w).clamp(1, tw), at(h).clamp(1, th));
    let ox = (tw.saturating_sub(at(cw)) / 2 + at(x)).min(tw - sw);
    let oy = (th.saturating_sub(at(ch)) / 2 + at(y)).min(th - sh);
    let mut board = RgbaImage::from_pixel(tw, th, mean_colour(&picture));
    let scaled = picture.resize_exact(sw, sh, FilterType::CatmullRom).to_rgba8();
    image::imageops::overlay(&mut board, &scaled, i64::from(ox), i64::from(oy));
    let kept = |px: u32, py: u32| (ox..ox + sw).contains(&px) && (oy..oy + sh).contains(&py);
    let mask = match form {
        MaskForm::WhiteRepaints => {
            DynamicImage::ImageLuma8(GrayImage::from_fn(tw, th, |px, py| Luma([if kept(px, py) { 0 } else { 255 }])))
        }
        MaskForm::TransparentRepaints => {
            let mut out = board.clone();
            for (px, py, pixel) in out.enumerate_pixels_mut() {
                pixel[3] = if kept(px, py) { 255 } else { 0 };
            }
            DynamicImage::ImageRgba8(out)
        }
    };
    let encode = |img: &DynamicImage| imaging::encode_png_checked(img, u64::MAX);
    Ok((encode(&DynamicImage::ImageRgba8(board))?, encode(&mask)?))
}

/// The picture's mean colour, opaque: a neutral start for the area the model fills.
fn mean_colour(picture: &DynamicImage) -> Rgba<u8> {
    let small = picture.resize_exact(1, 1, FilterType::Triangle).to_rgba8();
    let [r, g, b, _] = small.get_pixel(0, 0).0;
    Rgba([r, g, b, 255])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::request::extension::Side;

    #[test]
    fn the_new_area_is_masked_and_the_image_kept_where_it_was() {
        let image = imaging::noise_png(64, 64);
        let (picture, mask) =
            extend(&image, Extension::Pan(Side::Right), (96, 64), MaskForm::TransparentRepaints).unwrap();
        let (picture, mask) =
            (image::load_from_memory(&picture).unwrap(), image::load_from_memory(&mask).unwrap().to_rgba8());
        assert_eq!((picture.dimensions(), mask.dimensions()), ((96, 64), (96, 64)));
        assert_eq!((mask.get_pixel(10, 10)[3], mask.get_pixel(90, 10)[3]), (255, 0), "kept left, repaint right");
        let (_, mask) = extend(&image, Extension::ZoomOut(20), (64, 64), MaskForm::WhiteRepaints).unwrap();
        let mask = image::load_from_memory(&mask).unwrap().to_luma8();
        assert_eq!((mask.get_pixel(1, 1)[0], mask.get_pixel(32, 32)[0]), (255, 0), "a frame to fill around the middle");
    }
}
