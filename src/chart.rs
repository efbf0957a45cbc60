//! Chart drawing, generic over plotters' `DrawingBackend`: the same code draws on a canvas in the
//! browser and into an SVG string in native tests. It draws what a view model says and computes
//! nothing about the data beyond where things go.

use crate::format::format_value;
use crate::series::PointKind;
use crate::views::compare::CompareChart;
use crate::views::{Mark, TrendChart};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Either kind of chart a view shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartModel {
    Trend(TrendChart),
    Compare(CompareChart),
}

impl ChartModel {
    pub fn marks(&self) -> &[Mark] {
        match self {
            ChartModel::Trend(c) => &c.marks,
            ChartModel::Compare(c) => &c.marks,
        }
    }

    pub fn summary(&self) -> &str {
        match self {
            ChartModel::Trend(c) => &c.summary,
            ChartModel::Compare(c) => &c.summary,
        }
    }

    /// Height in CSS pixels for a width: wide charts are not taller than a phone screen allows.
    pub fn css_height(&self, css_width: f64) -> f64 {
        match self {
            ChartModel::Trend(c) if c.compact => (css_width * 0.5).clamp(150.0, 200.0),
            ChartModel::Trend(_) => (css_width * 0.6).clamp(220.0, 320.0),
            ChartModel::Compare(c) => 26.0 + compare_header(c) + 52.0 * c.rows.len() as f64,
        }
    }
}

/// How to draw: the device pixel ratio the backing store is scaled by, the font, the scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStyle {
    pub scale: f64,
    pub font_family: String,
    pub dark: bool,
}

/// Where the drawing put things, in backend pixels: for tooltips, hit tests and tests.
#[derive(Debug, Clone, PartialEq)]
pub struct PlotGeometry {
    pub plot_x: (i32, i32),
    pub plot_y: (i32, i32),
    /// Where each of the model's marks is, in its order.
    pub marks: Vec<(i32, i32)>,
    /// Rows (Compare) are picked by height first; years by distance along the time axis.
    pub by_rows: bool,
}

impl PlotGeometry {
    pub fn contains(&self, (x, y): (i32, i32)) -> bool {
        (self.plot_x.0..=self.plot_x.1).contains(&x) && (self.plot_y.0..=self.plot_y.1).contains(&y)
    }

    /// The mark nearest to a pointer at (x, y) in backend pixels: a tap anywhere above or below a
    /// year picks that year (or, on Compare, anywhere along a city's row picks that city).
    pub fn nearest(&self, (x, y): (i32, i32)) -> Option<usize> {
        self.marks
            .iter()
            .enumerate()
            .min_by_key(|(_, (px, py))| {
                let (dx, dy) = ((px - x).abs(), (py - y).abs());
                if self.by_rows {
                    (dy, dx)
                } else {
                    (dx, dy)
                }
            })
            .map(|(i, _)| i)
    }
}

/// Okabe-Ito colours, safe for colour-blind readers; each kind also differs by marker and dash.
pub const ACTUAL_COLOUR: RGBColor = RGBColor(0, 114, 178);
pub const TARGET_COLOUR: RGBColor = RGBColor(213, 94, 0);
pub const REFERENCE_COLOUR: RGBColor = RGBColor(0, 128, 94);

struct Palette {
    background: RGBColor,
    text: RGBColor,
    axis: RGBColor,
    grid: RGBColor,
    actual: RGBColor,
    target: RGBColor,
    reference: RGBColor,
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
            reference: RGBColor(0, 190, 140),
        }
    } else {
        Palette {
            background: WHITE,
            text: BLACK,
            axis: RGBColor(80, 80, 80),
            grid: RGBColor(215, 215, 215),
            actual: ACTUAL_COLOUR,
            target: TARGET_COLOUR,
            reference: REFERENCE_COLOUR,
        }
    }
}

/// The value axis: from zero to a round number above the largest value; a share stops at 100%.
pub fn value_range(values: impl Iterator<Item = f64>, unit_is_share: bool) -> (f64, f64) {
    let (mut min, mut max) = (0.0_f64, 0.0_f64);
    for v in values {
        min = min.min(v);
        max = max.max(v);
    }
    let mut top = nice_ceiling(max * 1.15);
    if unit_is_share && max <= 100.0 {
        // A share of nothing still reads on a 0-10% axis, not one of a hundredth of a per cent.
        top = top.clamp(10.0, 100.0);
    }
    (min, top)
}

/// The smallest 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten that is at least `x` (1 for nothing to show).
pub fn nice_ceiling(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(x.log10().floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|candidate| *candidate >= x - 1e-9)
        .unwrap_or(10.0 * magnitude)
}

/// A rough width of a label in pixels at `size`: CJK characters are square, others about half.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c as u32 >= 0x2E80 { 1.0 } else { 0.56 })
        .sum::<f64>()
        * size
}

/// Splits a label into lines no wider than `width` (at most two; a word target is short).
fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    if text_width(text, size) <= width {
        return vec![text.to_string()];
    }
    let chars: Vec<char> = text.chars().collect();
    let mut best = chars.len() / 2;
    // Prefer a break at a space or after " · " near the middle.
    if let Some(i) = (0..chars.len())
        .filter(|i| chars[*i] == ' ')
        .min_by_key(|i| (*i as i64 - (chars.len() / 2) as i64).abs())
    {
        best = i;
    }
    let first: String = chars[..best].iter().collect();
    let rest: String = chars[best..].iter().collect();
    vec![first.trim().to_string(), rest.trim().to_string()]
}

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &ChartModel,
    style: &ChartStyle,
    active: Option<usize>,
) -> Result<PlotGeometry, DrawingAreaErrorKind<DB::ErrorType>> {
    match model {
        ChartModel::Trend(c) => draw_trend(root, c, style, active),
        ChartModel::Compare(c) => draw_compare(root, c, style, active),
    }
}

fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    kind: PointKind,
    colours: &Palette,
    s: &dyn Fn(f64) -> i32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match kind {
        PointKind::Actual => root.draw(&Circle::new(at, s(5.0), colours.actual.filled())),
        PointKind::Derived => {
            root.draw(&Circle::new(at, s(5.0), colours.background.filled()))?;
            root.draw(&Circle::new(
                at,
                s(5.0),
                colours.actual.stroke_width(s(2.0) as u32),
            ))
        }
        PointKind::Target => root.draw(&TriangleMarker::new(at, s(7.0), colours.target.filled())),
        PointKind::WordTarget => {
            let r = s(6.0);
            let (x, y) = at;
            root.draw(&PathElement::new(
                vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)],
                colours.target.stroke_width(s(2.0) as u32),
            ))
        }
    }
}

fn draw_trend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart_model: &TrendChart,
    style: &ChartStyle,
    active: Option<usize>,
) -> Result<PlotGeometry, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = |px: f64| (px * style.scale).round() as i32;
    let label_size = if chart_model.compact { 12.0 } else { 13.0 };
    let font = |px: f64| (style.font_family.as_str(), px * style.scale).into_font();
    let colours = palette(style.dark);
    let marks = &chart_model.marks;
    root.fill(&colours.background)?;

    let first = marks.iter().map(|m| m.year).min().unwrap_or(2020);
    let last = marks.iter().map(|m| m.year).max().unwrap_or(2025);
    let years = (f64::from(first) - 0.5, f64::from(last) + 0.5);
    let has_words = marks.iter().any(|m| m.kind == PointKind::WordTarget);
    let values = marks
        .iter()
        .filter_map(|m| m.value)
        .chain(chart_model.reference.as_ref().map(|r| r.value));
    let share = chart_model.unit == "%";
    let (low, top) = value_range(values, share);
    // Room above the highest value for a word target's marker and label, but a share stops at 100%.
    let top = match (has_words, share) {
        (false, _) => top,
        (true, true) => (top * 1.25).min(100.0).max(top),
        (true, false) => top * 1.25,
    };

    let mut chart = ChartBuilder::on(root)
        .margin_top(s(22.0))
        .margin_right(s(18.0))
        .margin_left(s(8.0))
        .x_label_area_size(s(26.0))
        .y_label_area_size(s(40.0))
        .build_cartesian_2d(years.0..years.1, low..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(if chart_model.compact { 3 } else { 5 })
        .y_label_formatter(&|v| format_value(*v))
        .label_style(font(12.0).color(&colours.axis))
        .max_light_lines(0)
        .bold_line_style(colours.grid)
        .axis_style(colours.axis)
        .draw()?;
    if !chart_model.unit.is_empty() {
        root.draw(&Text::new(
            chart_model.unit.clone(),
            (s(6.0), s(4.0)),
            font(12.0).color(&colours.axis),
        ))?;
    }
    let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
    // Year labels only where the plan gives something, so the axis does not suggest yearly data.
    let mut labelled: Vec<u16> = marks.iter().map(|m| m.year).collect();
    labelled.dedup();
    for year in &labelled {
        let (x, _) = chart.backend_coord(&(f64::from(*year), low));
        root.draw(&Text::new(
            year.to_string(),
            (x, plot_y.end + s(7.0)),
            font(12.0)
                .color(&colours.axis)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }

    if let Some(reference) = &chart_model.reference {
        chart.draw_series(DashedLineSeries::new(
            [(years.0, reference.value), (years.1, reference.value)],
            s(2.0),
            s(3.0),
            colours.reference.stroke_width(s(2.0) as u32),
        ))?;
        // Below the line, where a target (set above the limit) is not; above it near the axis.
        let (_, y) = chart.backend_coord(&(years.0, reference.value));
        let below = y + s(18.0) < plot_y.end;
        root.draw(&Text::new(
            reference.label.clone(),
            (
                plot_x.start + s(4.0),
                if below { y + s(3.0) } else { y - s(3.0) },
            ),
            font(12.0).color(&colours.reference).pos(Pos::new(
                HPos::Left,
                if below { VPos::Top } else { VPos::Bottom },
            )),
        ))?;
    }
    if let Some(v) = chart_model.target_line {
        chart.draw_series(DashedLineSeries::new(
            [(years.0, v), (years.1, v)],
            s(6.0),
            s(4.0),
            colours.target.stroke_width(s(1.5).max(1) as u32),
        ))?;
    }
    // Successive levels are joined (the years between get no marker, tooltip or row); a segment
    // that touches a derived level is dashed, so an estimate never reads as a printed trend.
    let levels: Vec<&Mark> = marks
        .iter()
        .filter(|m| matches!(m.kind, PointKind::Actual | PointKind::Derived) && m.value.is_some())
        .collect();
    let at = |m: &Mark| (f64::from(m.year), m.value.unwrap_or_default());
    for pair in levels.windows(2) {
        let ends = [at(pair[0]), at(pair[1])];
        if pair.iter().any(|m| m.kind == PointKind::Derived) {
            chart.draw_series(DashedLineSeries::new(
                ends,
                s(5.0),
                s(3.0),
                colours.actual.stroke_width(s(2.0) as u32),
            ))?;
        } else {
            chart.draw_series(LineSeries::new(
                ends,
                colours.actual.stroke_width(s(2.0) as u32),
            ))?;
        }
    }
    // The latest level to the final numeric target: the way still to go.
    if let Some((from, to)) = chart_model.goal {
        chart.draw_series(DashedLineSeries::new(
            [at(&marks[from]), at(&marks[to])],
            s(4.0),
            s(4.0),
            colours.actual.stroke_width(s(1.5).max(1) as u32),
        ))?;
    }

    let word_y = top * 0.92;
    let mut geometry = PlotGeometry {
        plot_x: (plot_x.start, plot_x.end),
        plot_y: (plot_y.start, plot_y.end),
        marks: Vec::with_capacity(marks.len()),
        by_rows: false,
    };
    for (i, m) in marks.iter().enumerate() {
        let at = chart.backend_coord(&(f64::from(m.year), m.value.unwrap_or(word_y)));
        geometry.marks.push(at);
        if active == Some(i) {
            // The mark the tooltip describes: a ring that does not rely on colour alone.
            root.draw(&Circle::new(
                at,
                s(11.0),
                colours.text.stroke_width(s(2.0) as u32),
            ))?;
        }
        draw_marker(root, at, m.kind, &colours, &s)?;
        if m.kind == PointKind::WordTarget {
            // Right-aligned to the marker when it is in the right half, so it stays inside.
            let right_half = at.0 > (plot_x.start + plot_x.end) / 2;
            let room = if right_half {
                f64::from(at.0 - plot_x.start)
            } else {
                f64::from(plot_x.end - at.0)
            } / style.scale;
            let lines = wrap(&m.label, label_size, room - 12.0);
            let count = lines.len() as i32;
            for (n, line) in lines.into_iter().enumerate() {
                let dy = s(label_size + 2.0) * (n as i32 - count + 1);
                let (x, h) = if right_half {
                    (at.0 - s(10.0), HPos::Right)
                } else {
                    (at.0 + s(10.0), HPos::Left)
                };
                root.draw(&Text::new(
                    line,
                    (x, at.1 + dy),
                    font(label_size)
                        .color(&colours.text)
                        .pos(Pos::new(h, VPos::Center)),
                ))?;
            }
        } else {
            root.draw(&Text::new(
                m.label.clone(),
                (at.0, at.1 - s(10.0)),
                font(label_size)
                    .color(&colours.text)
                    .pos(Pos::new(HPos::Center, VPos::Bottom)),
            ))?;
        }
    }
    root.present()?;
    Ok(geometry)
}

/// The space above a Compare plot, in CSS px: the unit and the reference line's label each get a
/// line of their own, since on a phone the label, placed beside the line, can reach the unit.
fn compare_header(model: &CompareChart) -> f64 {
    if model.reference.is_some() && !model.unit.is_empty() {
        36.0
    } else {
        22.0
    }
}

fn draw_compare<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &CompareChart,
    style: &ChartStyle,
    active: Option<usize>,
) -> Result<PlotGeometry, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = |px: f64| (px * style.scale).round() as i32;
    let font = |px: f64| (style.font_family.as_str(), px * style.scale).into_font();
    let colours = palette(style.dark);
    root.fill(&colours.background)?;
    let values = model
        .marks
        .iter()
        .filter_map(|m| m.value)
        .chain(model.reference.as_ref().map(|r| r.value));
    let (low, top) = value_range(values, model.unit == "%");
    let rows = model.rows.len().max(1) as f64;
    let mut chart = ChartBuilder::on(root)
        .margin_top(s(compare_header(model)))
        .margin_right(s(22.0))
        .margin_left(s(12.0))
        .x_label_area_size(s(24.0))
        .build_cartesian_2d(low..top, 0.0..rows)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(5)
        .x_label_formatter(&|v| format_value(*v))
        .label_style(font(12.0).color(&colours.axis))
        .max_light_lines(0)
        .bold_line_style(colours.grid)
        .axis_style(colours.axis)
        .draw()?;
    if !model.unit.is_empty() {
        root.draw(&Text::new(
            model.unit.clone(),
            (s(6.0), s(4.0)),
            font(12.0).color(&colours.axis),
        ))?;
    }
    let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
    if let Some(reference) = &model.reference {
        chart.draw_series(DashedLineSeries::new(
            [(reference.value, 0.0), (reference.value, rows)],
            s(2.0),
            s(3.0),
            colours.reference.stroke_width(s(2.0) as u32),
        ))?;
        let (x, _) = chart.backend_coord(&(reference.value, rows));
        let right =
            f64::from(plot_x.end - x) / style.scale > text_width(&reference.label, 12.0) + 6.0;
        root.draw(&Text::new(
            reference.label.clone(),
            (
                if right { x + s(4.0) } else { x - s(4.0) },
                plot_y.start - s(4.0),
            ),
            font(12.0).color(&colours.reference).pos(Pos::new(
                if right { HPos::Left } else { HPos::Right },
                VPos::Bottom,
            )),
        ))?;
    }
    let mut geometry = PlotGeometry {
        plot_x: (plot_x.start, plot_x.end),
        plot_y: (plot_y.start, plot_y.end),
        marks: vec![(0, 0); model.marks.len()],
        by_rows: true,
    };
    for (i, row) in model.rows.iter().enumerate() {
        // Top to bottom: the city's name on the upper half of its band, its marks below.
        let band_top = rows - i as f64;
        let (_, name_y) = chart.backend_coord(&(low, band_top - 0.12));
        root.draw(&Text::new(
            row.name.clone(),
            (plot_x.start + s(4.0), name_y),
            font(13.0)
                .color(&colours.text)
                .pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        let y = band_top - 0.7;
        let at = |m: usize| chart.backend_coord(&(model.marks[m].value.unwrap_or(low), y));
        if let (Some(a), Some(b)) = (row.latest, row.target) {
            root.draw(&PathElement::new(
                vec![at(a), at(b)],
                colours.axis.stroke_width(s(1.5).max(1) as u32),
            ))?;
        }
        for m in [row.latest, row.target].into_iter().flatten() {
            let p = at(m);
            geometry.marks[m] = p;
            if active == Some(m) {
                root.draw(&Circle::new(
                    p,
                    s(11.0),
                    colours.text.stroke_width(s(2.0) as u32),
                ))?;
            }
            draw_marker(root, p, model.marks[m].kind, &colours, &s)?;
        }
        // Value labels beside their markers, the smaller value's to its left.
        let mut labelled: Vec<usize> = [row.latest, row.target].into_iter().flatten().collect();
        labelled.sort_by(|a, b| {
            model.marks[*a]
                .value
                .partial_cmp(&model.marks[*b].value)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let single = labelled.len() == 1;
        for (n, m) in labelled.iter().enumerate() {
            let p = at(*m);
            let left = n == 0 && !single;
            let label = &model.marks[*m].label;
            root.draw(&Text::new(
                label.clone(),
                (if left { p.0 - s(10.0) } else { p.0 + s(10.0) }, p.1),
                font(12.0).color(&colours.text).pos(Pos::new(
                    if left { HPos::Right } else { HPos::Left },
                    VPos::Center,
                )),
            ))?;
        }
        if let Some(words) = &row.words {
            // Beside the name when the row has marks, else where the marks would be.
            let has_marks = row.latest.is_some() || row.target.is_some();
            let (_, wy) = chart.backend_coord(&(low, if has_marks { band_top - 0.12 } else { y }));
            let (x, h, v) = if has_marks {
                (plot_x.end - s(2.0), HPos::Right, VPos::Top)
            } else {
                (plot_x.start + s(4.0), HPos::Left, VPos::Center)
            };
            root.draw(&Text::new(
                words.clone(),
                (x, wy),
                font(12.0).color(&colours.axis).pos(Pos::new(h, v)),
            ))?;
        }
    }
    root.present()?;
    Ok(geometry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::{Citation, Reference};
    use plotters::backend::SVGBackend;

    fn citation() -> Citation {
        Citation {
            what: String::new(),
            city: "x".into(),
            quotes: vec![],
            formula: None,
            standard: None,
        }
    }

    fn mark(year: u16, value: Option<f64>, kind: PointKind, label: &str) -> Mark {
        Mark {
            year,
            value,
            kind,
            label: label.into(),
            readout: String::new(),
            detail: vec![],
            citation: citation(),
        }
    }

    /// Pingdingshan's PM2.5 as the plan gives it: ≈88 derived for 2015, 51 in 2020, the
    /// province's words for 2025, and the Class II limit.
    fn pingdingshan() -> TrendChart {
        TrendChart {
            unit: "μg/m³".into(),
            marks: vec![
                mark(2015, Some(88.0), PointKind::Derived, "≈88"),
                mark(2020, Some(51.0), PointKind::Actual, "51"),
                mark(2025, None, PointKind::WordTarget, "2025 · 完成省定目标"),
            ],
            reference: Some(Reference {
                value: 35.0,
                label: "国家二级标准 35".into(),
                citation: citation(),
            }),
            target_line: None,
            goal: None,
            summary: String::new(),
            compact: false,
        }
    }

    fn style() -> ChartStyle {
        ChartStyle {
            scale: 1.0,
            font_family: "sans-serif".into(),
            dark: false,
        }
    }

    fn render(model: &ChartModel) -> (String, PlotGeometry) {
        let mut svg = String::new();
        let geometry = {
            let root = SVGBackend::with_string(&mut svg, (360, 240)).into_drawing_area();
            draw(&root, model, &style(), None).expect("draws")
        };
        (svg, geometry)
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

    #[test]
    fn a_word_target_is_a_labelled_marker_at_its_year_not_a_number() {
        let (svg, geometry) = render(&ChartModel::Trend(pingdingshan()));
        let texts = texts(&svg);
        assert!(
            texts.iter().any(|t| t == "2025 · 完成省定目标"),
            "{texts:?}"
        );
        for year in ["2015", "2020", "2025"] {
            assert!(
                texts.iter().any(|t| t == year),
                "{year} on the axis: {texts:?}"
            );
        }
        assert_eq!(geometry.marks.len(), 3);
        for at in &geometry.marks {
            assert!(geometry.contains(*at), "{at:?} inside {geometry:?}");
        }
        let (x2020, _) = geometry.marks[1];
        let (x2025, _) = geometry.marks[2];
        assert!(x2025 > x2020, "the word target sits at 2025");
    }

    #[test]
    fn the_standards_limit_is_a_labelled_line_below_the_levels() {
        let (svg, geometry) = render(&ChartModel::Trend(pingdingshan()));
        assert!(texts(&svg).iter().any(|t| t == "国家二级标准 35"));
        let reference = "stroke=\"#00805E\"";
        assert!(
            svg.matches(reference).count() >= 10,
            "a dotted line of short segments"
        );
        // 35 is drawn below 51 (larger y is lower on screen).
        let y51 = geometry.marks[1].1;
        let line_y: Vec<i32> = svg
            .lines()
            .filter(|l| l.contains(reference) && l.contains("<polyline"))
            .filter_map(|l| {
                l.split("points=\"")
                    .nth(1)?
                    .split([',', ' '])
                    .nth(1)?
                    .parse()
                    .ok()
            })
            .collect();
        assert!(!line_y.is_empty(), "the line's segments are found");
        assert!(line_y.iter().all(|y| *y > y51), "{line_y:?} below {y51}");
    }

    /// Every SVG element of a kind that mentions all of `needles`.
    fn elements<'a>(svg: &'a str, tag: &str, needles: &[&str]) -> Vec<&'a str> {
        svg.split('<')
            .filter(|e| e.starts_with(tag) && needles.iter().all(|n| e.contains(n)))
            .collect()
    }

    #[test]
    fn a_derived_level_is_hollow_and_its_segment_dashed() {
        let (svg, geometry) = render(&ChartModel::Trend(pingdingshan()));
        let (x, y) = geometry.marks[0];
        let centre = [format!("cx=\"{x}\""), format!("cy=\"{y}\"")];
        let at: Vec<&str> = centre.iter().map(String::as_str).collect();
        let fill = [at.clone(), vec!["fill=\"#FFFFFF\""]].concat();
        let ring = [at.clone(), vec!["stroke=\"#0072B2\""]].concat();
        assert_eq!(
            elements(&svg, "circle", &fill).len(),
            1,
            "a background disc at 2015"
        );
        assert_eq!(
            elements(&svg, "circle", &ring).len(),
            1,
            "a ring in the level's colour at 2015"
        );
        assert!(
            elements(&svg, "circle", &[&at[..], &["fill=\"#0072B2\""]].concat()).is_empty(),
            "not a filled dot"
        );
        // 2015 to 2020 is drawn in short pieces, never as one solid polyline through both points.
        let (x2, y2) = geometry.marks[1];
        let solid = format!("{x},{y} {x2},{y2}");
        assert!(
            !svg.contains(&solid),
            "no solid segment from the derived level"
        );
        assert!(
            elements(&svg, "polyline", &["stroke=\"#0072B2\""]).len() >= 4,
            "a dashed segment"
        );
    }

    #[test]
    fn printed_levels_are_joined_solid_and_the_latest_dashed_to_the_final_target() {
        let jiaozuo = TrendChart {
            marks: vec![
                mark(2019, Some(60.0), PointKind::Actual, "60"),
                mark(2020, Some(56.0), PointKind::Actual, "56"),
                mark(2025, Some(43.0), PointKind::Target, "目标 43"),
            ],
            reference: None,
            target_line: Some(43.0),
            goal: Some((1, 2)),
            ..pingdingshan()
        };
        let (svg, geometry) = render(&ChartModel::Trend(jiaozuo.clone()));
        let labels = texts(&svg);
        for text in ["56", "目标 43", "μg/m³", "0"] {
            assert!(
                labels.iter().any(|t| t == text),
                "missing {text} in {labels:?}"
            );
        }
        let [(x1, y1), (x2, y2), _] = [geometry.marks[0], geometry.marks[1], geometry.marks[2]];
        assert!(
            svg.contains(&format!("{x1},{y1} {x2},{y2}")),
            "2019 and 2020 joined by one solid line"
        );
        let target = elements(&svg, "polyline", &["stroke=\"#D55E00\""]).len();
        assert!(target >= 5, "the target's dashed line across: {target}");
        let without_goal = TrendChart {
            goal: None,
            ..jiaozuo
        };
        let (plain, _) = render(&ChartModel::Trend(without_goal));
        let pieces = |svg: &str| elements(svg, "polyline", &["stroke=\"#0072B2\""]).len();
        assert!(
            pieces(&svg) >= pieces(&plain) + 3,
            "the dashed way from 56 to 43"
        );
        assert!(y2 < geometry.marks[2].1, "56 is drawn higher than 43");
    }

    #[test]
    fn no_target_line_is_drawn_when_the_final_target_is_words() {
        let outfalls = TrendChart {
            unit: "%".into(),
            marks: vec![
                mark(2023, Some(30.0), PointKind::Target, "目标 30"),
                mark(2024, Some(70.0), PointKind::Target, "目标 70"),
                mark(2025, None, PointKind::WordTarget, "2025 · 全部"),
            ],
            reference: None,
            target_line: None,
            goal: None,
            ..pingdingshan()
        };
        let (svg, geometry) = render(&ChartModel::Trend(outfalls));
        // In the target's colour only the word target's diamond: no dashed line across.
        assert_eq!(
            elements(&svg, "polyline", &["stroke=\"#D55E00\""]).len(),
            1,
            "markers only"
        );
        assert!(
            texts(&svg).iter().any(|t| t == "100"),
            "a share's axis ends at 100%"
        );
        assert!(
            !texts(&svg).iter().any(|t| t == "120" || t == "125"),
            "and not above it"
        );
        assert!(geometry.contains(geometry.marks[2]));
    }

    #[test]
    fn the_value_axis_covers_every_value_and_the_limit_from_zero() {
        assert_eq!(value_range([56.0, 43.0].into_iter(), false), (0.0, 80.0));
        assert_eq!(value_range([90.0].into_iter(), true), (0.0, 100.0));
        assert_eq!(value_range([0.0, 0.0].into_iter(), true), (0.0, 10.0));
        assert_eq!(value_range([90.0].into_iter(), false), (0.0, 120.0));
        assert_eq!(nice_ceiling(64.4), 80.0);
        assert_eq!(nice_ceiling(116.0), 120.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(2.1), 2.5);
    }

    #[test]
    fn compare_draws_each_city_on_its_row_and_names_one_without_a_number() {
        use crate::views::compare::{CompareChart, CompareChartRow};
        let row = |city: &str, latest, target, words: Option<&str>| CompareChartRow {
            city: city.into(),
            name: city.into(),
            latest,
            target,
            words: words.map(String::from),
        };
        let model = CompareChart {
            unit: "μg/m³".into(),
            rows: vec![
                row("jiaozuo", Some(0), Some(1), None),
                row("zhengzhou", None, Some(2), None),
                row("jiyuan", None, None, Some("规划未给出数值")),
            ],
            marks: vec![
                mark(2020, Some(56.0), PointKind::Actual, "56"),
                mark(2025, Some(43.0), PointKind::Target, "43"),
                mark(2025, Some(40.0), PointKind::Target, "40"),
            ],
            reference: None,
            summary: String::new(),
            latest_label: "最新".into(),
            target_label: "目标".into(),
        };
        let (svg, geometry) = render(&ChartModel::Compare(model));
        let labels = texts(&svg);
        for text in [
            "jiaozuo",
            "zhengzhou",
            "jiyuan",
            "规划未给出数值",
            "56",
            "43",
            "40",
        ] {
            assert!(
                labels.iter().any(|t| t == text),
                "missing {text} in {labels:?}"
            );
        }
        let [a, b, c] = [geometry.marks[0], geometry.marks[1], geometry.marks[2]];
        assert_eq!(a.1, b.1, "a city's level and target share its row");
        assert!(c.1 > a.1, "the next city is below");
        assert!(a.0 > b.0, "56 is right of 43 on the shared axis");
        assert_eq!(
            geometry.nearest((0, c.1)),
            Some(2),
            "a tap on a row picks that row"
        );
    }
}
