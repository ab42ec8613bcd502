//! `/usage server`: what a server spent each day of the last 30, drawn as a small bar chart (plotters
//! into a bitmap, labelled with the same 8×8 font as the style sheet), and its top requesters.

use async_trait::async_trait;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use image::{DynamicImage, RgbImage};
use plotters::prelude::*;

use crate::domain::ids::ServerId;
use crate::domain::ledger::StoreError;
use crate::media::imaging::{self, ImagingError};

/// How many days the report covers.
pub const DAYS: i64 = 30;
/// The chart's size.
pub const WIDTH: u32 = 600;
/// The chart's height.
pub const HEIGHT: u32 = 260;
/// Room under the bars for the dates, and above them for the title.
const MARGIN: u32 = 28;

/// One day's spend in a server.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DaySpend {
    /// The UTC day.
    pub day: NaiveDate,
    /// USD charged that day.
    pub usd: f64,
    /// Images delivered that day.
    pub images: u32,
}

/// A member's spend over the report's days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RequesterSpend {
    /// The member (0: the server's own, approved community requests).
    pub user_id: u64,
    /// Images delivered.
    pub images: u32,
    /// USD charged.
    pub usd: f64,
}

/// What the report reads from the ledger (charged jobs only).
#[async_trait]
pub trait ReportStore: Send + Sync {
    /// A server's spend per UTC day since `since` (days without spend left out).
    async fn spend_by_day(&self, guild_id: ServerId, since: DateTime<Utc>) -> Result<Vec<DaySpend>, StoreError>;
    /// A server's biggest spenders since `since`, most first, at most `limit`.
    async fn top_requesters(
        &self,
        guild_id: ServerId,
        since: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<RequesterSpend>, StoreError>;
    /// What the owner paid since `since` for this server's jobs that delivered nothing (the model call
    /// had returned, then the result was unusable or could not be delivered): never charged to members.
    async fn failed_spend(&self, guild_id: ServerId, since: DateTime<Utc>) -> Result<f64, StoreError>;
}

/// The first day the report covers, for `now`.
pub fn since(now: DateTime<Utc>) -> DateTime<Utc> {
    let first = now.date_naive() - Duration::days(DAYS - 1);
    first.and_hms_opt(0, 0, 0).map_or(now, |t| t.and_utc())
}

/// The index of `day` among the report's days ending `today` (0 is the oldest), if within them.
pub fn slot(day: NaiveDate, today: NaiveDate) -> Option<usize> {
    let back = (today - day).num_days();
    (0..DAYS).contains(&back).then(|| (DAYS - 1 - back) as usize)
}

/// The chart: one bar a day for the last 30 days ending `today`, the tallest bar the highest spend.
pub fn chart_png(days: &[DaySpend], today: NaiveDate) -> Result<Vec<u8>, ImagingError> {
    let mut values = [0.0_f64; DAYS as usize];
    for d in days {
        if let Some(i) = slot(d.day, today) {
            values[i] += d.usd.max(0.0);
        }
    }
    let top = values.iter().copied().fold(0.0, f64::max);
    let mut buffer = vec![255_u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buffer, (WIDTH, HEIGHT)).into_drawing_area();
        let plot = root.margin(MARGIN, MARGIN, 8, 8);
        let y_top = if top > 0.0 { top * 1.05 } else { 1.0 };
        let mut chart = ChartBuilder::on(&plot)
            .build_cartesian_2d(0.0..DAYS as f64, 0.0..y_top)
            .map_err(|e| ImagingError::Encode(e.to_string()))?;
        let bars = values.iter().enumerate().map(|(i, v)| {
            Rectangle::new([(i as f64 + 0.15, 0.0), (i as f64 + 0.85, *v)], RGBColor(91, 141, 239).filled())
        });
        chart.draw_series(bars).map_err(|e| ImagingError::Encode(e.to_string()))?;
        let axis = PathElement::new(vec![(0.0, 0.0), (DAYS as f64, 0.0)], BLACK.stroke_width(1));
        chart.draw_series(std::iter::once(axis)).map_err(|e| ImagingError::Encode(e.to_string()))?;
        root.present().map_err(|e| ImagingError::Encode(e.to_string()))?;
    }
    let mut image =
        RgbImage::from_raw(WIDTH, HEIGHT, buffer).ok_or_else(|| ImagingError::Encode("chart buffer".into()))?;
    // No words: the chart is read in every language (the message above it says what it shows). The
    // scale's top, then the first and last day as numbers.
    crate::media::grid::write_text(&mut image, &format!("${top:.2}"), 8, 8);
    let first = today - Duration::days(DAYS - 1);
    crate::media::grid::write_text(&mut image, &first.format("%Y-%m-%d").to_string(), 8, HEIGHT - 20);
    let end = today.format("%Y-%m-%d").to_string();
    crate::media::grid::write_text(&mut image, &end, WIDTH - 8 - end.len() as u32 * 16, HEIGHT - 20);
    imaging::encode_png(&DynamicImage::ImageRgb8(image))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_chart_has_a_bar_for_each_day_with_spend_and_none_elsewhere() {
        let today = day("2026-11-26");
        let days = [
            DaySpend { day: day("2026-11-26"), usd: 2.0, images: 4 },
            DaySpend { day: day("2026-11-20"), usd: 1.0, images: 2 },
        ];
        let png = chart_png(&days, today).unwrap();
        let chart = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(chart.dimensions(), (WIDTH, HEIGHT));
        let bar = |i: usize| {
            let x = 8 + ((WIDTH - 16) as f64 * (i as f64 + 0.5) / DAYS as f64) as u32;
            (MARGIN..HEIGHT - MARGIN).filter(|y| chart.get_pixel(x, *y).0 == [91, 141, 239]).count()
        };
        let (today_bar, week_ago, empty) = (bar(29), bar(23), bar(10));
        assert!(today_bar > 100 && week_ago > 40 && empty == 0, "{today_bar} {week_ago} {empty}");
        assert!(today_bar > week_ago * 3 / 2, "twice the spend, about twice the height");
    }

    #[test]
    fn days_outside_the_report_are_not_slotted() {
        let today = day("2026-11-26");
        assert_eq!(slot(today, today), Some(29));
        assert_eq!(slot(day("2026-10-28"), today), Some(0));
        assert_eq!(slot(day("2026-10-27"), today), None);
        assert_eq!(slot(day("2026-11-27"), today), None);
    }
}
