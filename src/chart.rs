//! Chart layout and drawing, generic over plotters' `DrawingBackend`: the same code draws on a
//! canvas in the browser and into an SVG string in native tests.

use crate::format::format_value;
use crate::model::{Indicator, ValueKind};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointKind {
    Actual,
    Target,
    Derived,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartPoint {
    pub year: u16,
    pub value: f64,
    pub kind: PointKind,
}

/// The numeric values of an indicator that can be plotted, by year. Words and changes are not points.
pub fn points_of(indicator: &Indicator) -> Vec<ChartPoint> {
    let mut points: Vec<ChartPoint> = indicator
        .values
        .iter()
        .filter_map(|obs| {
            let kind = match (obs.kind, obs.is_derived()) {
                (ValueKind::Change, _) => return None,
                (ValueKind::Target, _) => PointKind::Target,
                (ValueKind::Actual, true) => PointKind::Derived,
                (ValueKind::Actual, false) => PointKind::Actual,
            };
            obs.value.map(|value| ChartPoint {
                year: obs.year,
                value,
                kind,
            })
        })
        .collect();
    points.sort_by_key(|p| (p.year, p.kind == PointKind::Target));
    // The same figure printed twice (in the table and in the text) is one point.
    points.dedup_by(|a, b| a.year == b.year && a.kind == b.kind && a.value == b.value);
    points
}

/// Axis ranges: half a year of room at both ends, values from zero to a round number above the largest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisRanges {
    pub years: (f64, f64),
    pub values: (f64, f64),
}

pub fn axis_ranges(points: &[ChartPoint], unit: &str) -> AxisRanges {
    let first = points.iter().map(|p| p.year).min().unwrap_or(2020);
    let last = points.iter().map(|p| p.year).max().unwrap_or(2025);
    let max = points.iter().map(|p| p.value).fold(0.0_f64, f64::max);
    let min = points.iter().map(|p| p.value).fold(0.0_f64, f64::min);
    let mut top = nice_ceiling(max * 1.15);
    // A share cannot pass 100%: do not draw room above it.
    if unit == "%" && max <= 100.0 {
        top = top.min(100.0);
    }
    AxisRanges {
        years: (f64::from(first) - 0.5, f64::from(last) + 0.5),
        values: (min, top),
    }
}

/// The smallest 1, 2 or 5 times a power of ten that is at least `x` (1 for nothing to show).
pub fn nice_ceiling(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|candidate| *candidate >= x - 1e-9)
        .unwrap_or(10.0 * magnitude)
}

/// What the chart needs besides the points: labels already in the reader's language, and the
/// device pixel ratio the canvas backing store is scaled by.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStyle {
    pub unit: String,
    pub target_label: String,
    pub scale: f64,
    pub font_family: String,
    pub dark: bool,
}

/// Where the drawing put things, in backend pixels: for tooltips, hit tests and tests.
#[derive(Debug, Clone, PartialEq)]
pub struct PlotGeometry {
    pub plot_x: (i32, i32),
    pub plot_y: (i32, i32),
    pub points: Vec<(ChartPoint, (i32, i32))>,
}

impl PlotGeometry {
    pub fn contains(&self, (x, y): (i32, i32)) -> bool {
        (self.plot_x.0..=self.plot_x.1).contains(&x) && (self.plot_y.0..=self.plot_y.1).contains(&y)
    }

    /// The point nearest to a pointer at (x, y) in backend pixels: by distance along the time
    /// axis first, so a tap anywhere above or below a year picks that year.
    pub fn nearest(&self, (x, y): (i32, i32)) -> Option<usize> {
        self.points
            .iter()
            .enumerate()
            .min_by_key(|(_, (_, (px, py)))| ((px - x).abs(), (py - y).abs()))
            .map(|(i, _)| i)
    }
}

/// Okabe-Ito colours, safe for colour-blind readers; the target also differs by dash and marker.
pub const ACTUAL_COLOUR: RGBColor = RGBColor(0, 114, 178);
pub const TARGET_COLOUR: RGBColor = RGBColor(213, 94, 0);

struct Palette {
    background: RGBColor,
    text: RGBColor,
    axis: RGBColor,
    grid: RGBColor,
    actual: RGBColor,
    target: RGBColor,
}

fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            background: RGBColor(28, 28, 30),
            text: RGBColor(236, 236, 236),
            axis: RGBColor(190, 190, 190),
            grid: RGBColor(70, 70, 74),
            actual: RGBColor(86, 180, 233),
            target: RGBColor(230, 159, 0),
        }
    } else {
        Palette {
            background: WHITE,
            text: BLACK,
            axis: RGBColor(80, 80, 80),
            grid: RGBColor(215, 215, 215),
            actual: ACTUAL_COLOUR,
            target: TARGET_COLOUR,
        }
    }
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[ChartPoint],
    style: &ChartStyle,
    active: Option<usize>,
) -> Result<PlotGeometry, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = |px: f64| (px * style.scale).round() as i32;
    let font = |px: f64| (style.font_family.as_str(), px * style.scale).into_font();
    let ranges = axis_ranges(points, &style.unit);
    let colours = palette(style.dark);
    let fg = colours.text;
    root.fill(&colours.background)?;

    let mut chart = ChartBuilder::on(root)
        .margin_top(s(24.0))
        .margin_right(s(16.0))
        .margin_left(s(8.0))
        .x_label_area_size(s(28.0))
        .y_label_area_size(s(44.0))
        .build_cartesian_2d(
            ranges.years.0..ranges.years.1,
            ranges.values.0..ranges.values.1,
        )?;

    let years: Vec<u16> = {
        let mut y: Vec<u16> = points.iter().map(|p| p.year).collect();
        y.dedup();
        y
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(5)
        .y_label_formatter(&|v| format_value(*v))
        .label_style(font(12.0).color(&colours.axis))
        .max_light_lines(0)
        .bold_line_style(colours.grid)
        .axis_style(colours.axis)
        .draw()?;

    // The unit above the value axis, horizontal, where it cannot collide with the tick labels.
    if !style.unit.is_empty() {
        root.draw(&Text::new(
            style.unit.clone(),
            (s(6.0), s(4.0)),
            font(12.0).color(&colours.axis),
        ))?;
    }
    // Year labels only where the plan prints a value, so the axis does not suggest yearly data.
    let (_, y_bottom) = chart.plotting_area().get_pixel_range();
    for year in &years {
        let (x, _) = chart.backend_coord(&(f64::from(*year), ranges.values.0));
        root.draw(&Text::new(
            year.to_string(),
            (x, y_bottom.end + s(8.0)),
            font(12.0)
                .color(&colours.axis)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }

    let actual: Vec<&ChartPoint> = points
        .iter()
        .filter(|p| p.kind != PointKind::Target)
        .collect();
    // Lines join consecutive years only: a gap in printed years is not drawn as measured.
    for pair in actual.windows(2) {
        if pair[1].year == pair[0].year + 1 {
            chart.draw_series(LineSeries::new(
                pair.iter().map(|p| (f64::from(p.year), p.value)),
                colours.actual.stroke_width(s(2.0) as u32),
            ))?;
        }
    }
    let targets: Vec<&ChartPoint> = points
        .iter()
        .filter(|p| p.kind == PointKind::Target)
        .collect();
    for target in &targets {
        chart.draw_series(DashedLineSeries::new(
            [
                (ranges.years.0, target.value),
                (ranges.years.1, target.value),
            ],
            s(6.0),
            s(4.0),
            colours.target.stroke_width(s(2.0) as u32),
        ))?;
    }

    let mut geometry = PlotGeometry {
        plot_x: (0, 0),
        plot_y: (0, 0),
        points: Vec::with_capacity(points.len()),
    };
    let (px, py) = chart.plotting_area().get_pixel_range();
    geometry.plot_x = (px.start, px.end);
    geometry.plot_y = (py.start, py.end);

    for (i, p) in points.iter().enumerate() {
        let at = chart.backend_coord(&(f64::from(p.year), p.value));
        geometry.points.push((*p, at));
        if active == Some(i) {
            // The point the tooltip describes: a ring that does not rely on colour alone.
            root.draw(&Circle::new(at, s(11.0), fg.stroke_width(s(2.0) as u32)))?;
        }
        match p.kind {
            PointKind::Actual => {
                root.draw(&Circle::new(at, s(5.0), colours.actual.filled()))?;
            }
            PointKind::Derived => {
                root.draw(&Circle::new(
                    at,
                    s(5.0),
                    colours.actual.stroke_width(s(2.0) as u32),
                ))?;
            }
            PointKind::Target => {
                root.draw(&TriangleMarker::new(at, s(7.0), colours.target.filled()))?;
            }
        }
        let label = match p.kind {
            PointKind::Target => format!("{} {}", style.target_label, format_value(p.value)),
            _ => format_value(p.value),
        };
        root.draw(&Text::new(
            label,
            (at.0, at.1 - s(10.0)),
            font(13.0)
                .color(&fg)
                .pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))?;
    }
    root.present()?;
    Ok(geometry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_city;
    use plotters::backend::SVGBackend;

    /// Jiaozuo's PM2.5 as its plan prints it: 56 μg/m³ in 2020, 43 the 2025 target.
    fn sample_points() -> Vec<ChartPoint> {
        vec![
            ChartPoint {
                year: 2020,
                value: 56.0,
                kind: PointKind::Actual,
            },
            ChartPoint {
                year: 2025,
                value: 43.0,
                kind: PointKind::Target,
            },
        ]
    }

    fn style() -> ChartStyle {
        ChartStyle {
            unit: "μg/m³".into(),
            target_label: "目标".into(),
            scale: 1.0,
            font_family: "sans-serif".into(),
            dark: false,
        }
    }

    /// The text of every `<text>` element, in drawing order.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let body = &t[t.find('>')? + 1..t.find("</text>")?];
                Some(body.trim().to_string())
            })
            .collect()
    }

    fn render(points: &[ChartPoint]) -> (String, PlotGeometry) {
        let mut svg = String::new();
        let geometry = {
            let root = SVGBackend::with_string(&mut svg, (360, 240)).into_drawing_area();
            draw(&root, points, &style(), None).expect("draws")
        };
        (svg, geometry)
    }

    #[test]
    fn jiaozuo_pm25_points_are_its_derived_2015_level_printed_level_and_target() {
        let city = parse_city("jiaozuo.json", include_str!("../data/cities/jiaozuo.json")).unwrap();
        let pm25 = city
            .indicators
            .iter()
            .find(|i| i.metric.as_deref() == Some("pm25"))
            .expect("a PM2.5 indicator");
        // 2015: 56 ÷ (1 − 35.6%) ≈ 87, derived from the 2020 level and its printed fall.
        let derived = ChartPoint {
            year: 2015,
            value: 87.0,
            kind: PointKind::Derived,
        };
        assert_eq!(points_of(pm25), [vec![derived], sample_points()].concat());
    }

    #[test]
    fn changes_and_words_are_not_points_and_repeats_are_one() {
        let obs = crate::model::Observation::fixture;
        let indicator = Indicator {
            id: "pm25".into(),
            metric: Some("pm25".into()),
            domain: crate::model::Domain::Air,
            group: None,
            row: Some(1),
            name: crate::model::Text {
                zh: "PM2.5".into(),
                en: "PM2.5".into(),
            },
            unit: "μg/m³".into(),
            binding: None,
            scope: None,
            notes: vec![],
            values: vec![
                obs(2025, Some(43.0), ValueKind::Target),
                obs(2020, Some(56.0), ValueKind::Actual),
                obs(2020, Some(56.0), ValueKind::Actual),
                obs(2020, Some(35.6), ValueKind::Change),
                obs(2025, None, ValueKind::Target),
            ],
        };
        assert_eq!(points_of(&indicator), sample_points());
    }

    #[test]
    fn axis_covers_every_value_from_zero() {
        let r = axis_ranges(&sample_points(), "μg/m³");
        assert_eq!(r.years, (2019.5, 2025.5));
        assert_eq!(r.values, (0.0, 100.0));
        assert_eq!(nice_ceiling(64.4), 100.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(19.0), 20.0);
        assert_eq!(nice_ceiling(2.1), 2.5);
        let share = [ChartPoint {
            year: 2025,
            value: 90.0,
            kind: PointKind::Target,
        }];
        assert_eq!(axis_ranges(&share, "%").values, (0.0, 100.0));
        assert_eq!(axis_ranges(&share, "μg/m³").values, (0.0, 200.0));
    }

    #[test]
    fn every_point_is_drawn_inside_the_plot_area() {
        let (_, geometry) = render(&sample_points());
        assert_eq!(geometry.points.len(), 2);
        for (p, at) in &geometry.points {
            assert!(
                geometry.contains(*at),
                "{p:?} at {at:?} outside {geometry:?}"
            );
        }
        let (_, left) = geometry.points[0];
        let (_, right) = geometry.points[1];
        assert!(left.0 < right.0, "2020 is left of 2025");
        assert!(left.1 < right.1, "56 is drawn higher than 43");
    }

    #[test]
    fn target_is_drawn_dashed_and_labelled_with_its_year_and_value() {
        let (svg, _) = render(&sample_points());
        // A dashed line is drawn as many short segments in the target colour.
        let target_segments = svg.matches("stroke=\"#D55E00\"").count();
        assert!(target_segments >= 5, "{target_segments} target segments");
        let texts = texts(&svg);
        for text in ["2020", "2025", "56", "目标 43", "μg/m³", "0", "100"] {
            assert!(
                texts.iter().any(|t| t == text),
                "missing {text} in {texts:?}"
            );
        }
        assert!(!texts.iter().any(|t| t.ends_with(".0")), "{texts:?}");
    }

    #[test]
    fn years_without_a_printed_value_are_not_joined() {
        let points = [
            ChartPoint {
                year: 2015,
                value: 80.0,
                kind: PointKind::Actual,
            },
            ChartPoint {
                year: 2020,
                value: 56.0,
                kind: PointKind::Actual,
            },
        ];
        let actual_line = "stroke=\"#0072B2\" stroke-width=\"2\"";
        let (svg, _) = render(&points);
        assert!(
            !svg.contains(actual_line),
            "no line across the 2016-2019 gap"
        );
        let joined = [
            points[0],
            ChartPoint {
                year: 2016,
                value: 70.0,
                kind: PointKind::Actual,
            },
        ];
        let (svg, _) = render(&joined);
        assert!(svg.contains(actual_line), "consecutive years are joined");
    }
}
