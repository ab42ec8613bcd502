//! Pan and zoom out, as geometry: how a result's canvas grows, and which of the model's sizes it is
//! brought to (decided when the request is checked, so its price is known before any model call).

use serde::{Deserialize, Serialize};

/// Which side a pan extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// ←
    Left,
    /// →
    Right,
    /// ↑
    Up,
    /// ↓
    Down,
}

/// How a result's canvas grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extension {
    /// Half the image again on one side.
    Pan(Side),
    /// The canvas this many tenths of the image on each axis, the image in its middle (15: 1.5×).
    ZoomOut(u8),
}

/// Where a `w`×`h` image sits on the canvas `extension` makes: (canvas width, height, image x, y).
pub fn canvas(w: u32, h: u32, extension: Extension) -> (u32, u32, u32, u32) {
    match extension {
        Extension::Pan(Side::Left) => (w + w / 2, h, w / 2, 0),
        Extension::Pan(Side::Right) => (w + w / 2, h, 0, 0),
        Extension::Pan(Side::Up) => (w, h + h / 2, 0, h / 2),
        Extension::Pan(Side::Down) => (w, h + h / 2, 0, 0),
        Extension::ZoomOut(tenths) => {
            let tenths = u32::from(tenths.clamp(11, 40));
            let (cw, ch) = (w * tenths / 10, h * tenths / 10);
            (cw, ch, (cw - w) / 2, (ch - h) / 2)
        }
    }
}

/// Of `sizes` (`WIDTHxHEIGHT`; others such as `auto` skipped), the one whose shape is nearest the
/// canvas's, the larger among equals; `None` when none is a size in pixels.
pub fn nearest_size<'a>(sizes: impl IntoIterator<Item = &'a str>, canvas: (u32, u32)) -> Option<&'a str> {
    let shape = |(w, h): (u32, u32)| (f64::from(w.max(1)) / f64::from(h.max(1))).ln();
    let distance = |size: (u32, u32)| (shape(size) - shape(canvas)).abs();
    sizes
        .into_iter()
        .filter_map(|s| crate::domain::catalogue::parse_size(s).map(|d| (s, d)))
        .min_by(|(_, a), (_, b)| distance(*a).total_cmp(&distance(*b)).then((b.0 * b.1).cmp(&(a.0 * a.1))))
        .map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pan_adds_half_on_its_side_and_a_zoom_centres_the_image() {
        assert_eq!(canvas(1024, 1024, Extension::Pan(Side::Left)), (1536, 1024, 512, 0));
        assert_eq!(canvas(1024, 1024, Extension::Pan(Side::Down)), (1024, 1536, 0, 0));
        assert_eq!(canvas(1024, 1024, Extension::ZoomOut(20)), (2048, 2048, 512, 512));
        let sizes = ["1024x1024", "1536x1024", "1024x1536", "auto"];
        assert_eq!(nearest_size(sizes, (1536, 1024)), Some("1536x1024"));
        assert_eq!(nearest_size(sizes, (1024, 1536)), Some("1024x1536"));
        assert_eq!(nearest_size(sizes, (2048, 2048)), Some("1024x1024"));
        assert_eq!(nearest_size(["auto"], (10, 10)), None);
    }
}
