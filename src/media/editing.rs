//! The inputs of an edit: the member's image converted to what the model accepts, and their mask
//! converted to the provider's convention.
//!
//! People draw masks white where the picture should change and black where it should stay, without
//! transparency; OpenAI wants the opposite encoding (fully transparent pixels are repainted) and Stable
//! Diffusion the people's one. A mask that already has transparency is taken as OpenAI's. The mask must
//! cover the image pixel for pixel; it then goes through the same crop and resize as the image.

use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView, GrayImage, Luma, Rgba, RgbaImage};

use crate::domain::catalogue::VariationSpec;
use crate::media::imaging;
use crate::media::SourceError;

/// Which way a provider reads a mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaskForm {
    /// OpenAI: an RGBA PNG whose fully transparent pixels are repainted.
    TransparentRepaints,
    /// Stable Diffusion: a greyscale PNG whose white pixels are repainted.
    WhiteRepaints,
}

/// An edit's image, mask and markup, as PNG, ready for the provider.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedEdit {
    /// The image.
    pub image: Vec<u8>,
    /// The mask, in the provider's form.
    pub mask: Option<Vec<u8>>,
    /// The markup (an instruction drawn over a copy of the image), cropped and scaled as the image.
    pub markup: Option<Vec<u8>>,
}

/// What the member uploaded for an edit, as downloaded.
#[derive(Debug, Clone, Copy)]
pub struct Uploads<'a> {
    /// The image to change.
    pub image: &'a [u8],
    /// Where to change it.
    pub mask: Option<&'a [u8]>,
    /// What to change, drawn over a copy of the image.
    pub markup: Option<&'a [u8]>,
}

/// Converts an edit's uploads for a model whose input rules are `spec`, the mask into `form`.
pub fn prepare(uploads: Uploads<'_>, spec: &VariationSpec, form: MaskForm) -> Result<PreparedEdit, SourceError> {
    if uploads.mask.is_none() && uploads.markup.is_none() {
        let image = imaging::prepare_variation_input(uploads.image, spec)?;
        return Ok(PreparedEdit { image, mask: None, markup: None });
    }
    let picture = imaging::decode(uploads.image)?;
    let same_size = |what: &'static str, bytes: &[u8]| -> Result<DynamicImage, SourceError> {
        let drawn = imaging::decode(bytes)?;
        if drawn.dimensions() != picture.dimensions() {
            return Err(SourceError::MaskMismatch { what, mask: drawn.dimensions(), image: picture.dimensions() });
        }
        Ok(drawn)
    };
    let repaint = uploads.mask.map(|m| same_size("mask", m)).transpose()?.map(|m| repaint_map(&m));
    let markup = uploads.markup.map(|m| same_size("markup", m)).transpose()?;
    let picture = DynamicImage::ImageRgba8(fit(picture, spec, FilterType::CatmullRom).to_rgba8());
    let encode = |img: &DynamicImage| imaging::encode_png_checked(img, spec.max_bytes);
    let mask = match repaint.map(|r| fit(DynamicImage::ImageLuma8(r), spec, FilterType::Nearest).to_luma8()) {
        None => None,
        Some(repaint) => Some(encode(&match form {
            MaskForm::WhiteRepaints => DynamicImage::ImageLuma8(repaint),
            MaskForm::TransparentRepaints => DynamicImage::ImageRgba8(transparent_where_repainted(&picture, &repaint)),
        })?),
    };
    let markup = markup.map(|m| encode(&fit(m, spec, FilterType::CatmullRom))).transpose()?;
    Ok(PreparedEdit { image: encode(&picture)?, mask, markup })
}

/// White where the mask says repaint: its transparent pixels when it has any, else its light ones.
fn repaint_map(mask: &DynamicImage) -> GrayImage {
    let rgba = mask.to_rgba8();
    let has_transparency = rgba.pixels().any(|p| p[3] < 255);
    GrayImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let Rgba([r, g, b, a]) = *rgba.get_pixel(x, y);
        let repaint = if has_transparency {
            a == 0
        } else {
            (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000 >= 128
        };
        Luma([if repaint { 255 } else { 0 }])
    })
}

/// The centre crop (when the model wants a square) and downscale every upload of an edit gets, so
/// image, mask and markup still line up.
fn fit(image: DynamicImage, spec: &VariationSpec, filter: FilterType) -> DynamicImage {
    let mut image = image;
    if spec.square {
        let (w, h) = image.dimensions();
        let side = w.min(h);
        image = image.crop_imm((w - side) / 2, (h - side) / 2, side, side);
    }
    if image.width().max(image.height()) > spec.max_side {
        image = image.resize(spec.max_side, spec.max_side, filter);
    }
    image
}

fn transparent_where_repainted(picture: &DynamicImage, repaint: &GrayImage) -> RgbaImage {
    let mut out = picture.to_rgba8();
    for (x, y, pixel) in out.enumerate_pixels_mut() {
        pixel[3] = if repaint.get_pixel(x, y)[0] > 127 { 0 } else { 255 };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::VariationMethod;

    fn spec(square: bool) -> VariationSpec {
        VariationSpec {
            method: VariationMethod::Edits,
            instruction: None,
            square,
            max_side: 1024,
            max_bytes: 4_000_000,
        }
    }

    fn uploads<'a>(image: &'a [u8], mask: Option<&'a [u8]>) -> Uploads<'a> {
        Uploads { image, mask, markup: None }
    }

    fn png(img: DynamicImage) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    /// A 64x32 black mask whose left half is white (repaint the left half).
    fn drawn_mask() -> Vec<u8> {
        png(DynamicImage::ImageLuma8(GrayImage::from_fn(64, 32, |x, _| Luma([if x < 32 { 255 } else { 0 }]))))
    }

    #[test]
    fn a_drawn_mask_becomes_transparent_where_white_for_openai() {
        let image = imaging::noise_png(64, 32);
        let edit = prepare(uploads(&image, Some(&drawn_mask())), &spec(false), MaskForm::TransparentRepaints).unwrap();
        let mask = image::load_from_memory(&edit.mask.unwrap()).unwrap().to_rgba8();
        assert_eq!(mask.dimensions(), (64, 32));
        assert_eq!(mask.get_pixel(5, 5)[3], 0, "white drawn: repainted, so transparent");
        assert_eq!(mask.get_pixel(50, 5)[3], 255, "black drawn: kept, so opaque");
    }

    #[test]
    fn stable_diffusion_gets_white_where_to_repaint_and_both_are_cropped_alike() {
        let image = imaging::noise_png(64, 32);
        let edit = prepare(uploads(&image, Some(&drawn_mask())), &spec(true), MaskForm::WhiteRepaints).unwrap();
        let mask = image::load_from_memory(&edit.mask.unwrap()).unwrap().to_luma8();
        let picture = image::load_from_memory(&edit.image).unwrap();
        assert_eq!((mask.dimensions(), picture.dimensions()), ((32, 32), (32, 32)));
        assert_eq!((mask.get_pixel(2, 2)[0], mask.get_pixel(30, 2)[0]), (255, 0), "the centre crop spans both halves");
    }

    #[test]
    fn an_alpha_mask_is_kept_as_it_means_and_a_mismatched_one_is_refused() {
        let image = imaging::noise_png(64, 32);
        let alpha = RgbaImage::from_fn(64, 32, |x, _| Rgba([9, 9, 9, if x < 10 { 0 } else { 255 }]));
        let edit = prepare(
            uploads(&image, Some(&png(DynamicImage::ImageRgba8(alpha)))),
            &spec(false),
            MaskForm::WhiteRepaints,
        )
        .unwrap();
        let mask = image::load_from_memory(&edit.mask.unwrap()).unwrap().to_luma8();
        assert_eq!((mask.get_pixel(1, 1)[0], mask.get_pixel(40, 1)[0]), (255, 0));
        let small = png(DynamicImage::ImageLuma8(GrayImage::new(10, 10)));
        let refused = prepare(uploads(&image, Some(&small)), &spec(false), MaskForm::TransparentRepaints).unwrap_err();
        assert!(matches!(refused, SourceError::MaskMismatch { what: "mask", mask: (10, 10), image: (64, 32) }));
    }
}
