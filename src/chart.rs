//! Chart drawing with plotters, generic over its `DrawingBackend`: the same code draws on a canvas
//! in the browser (plotters-canvas) and into an SVG document anywhere (plotters' SVG backend), for
//! the pictures and for tests. It draws what a view model says and computes nothing about the
//! data beyond where things go.

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

    pub fn picture(&self) -> &crate::views::picture::PictureText {
        match self {
            ChartModel::Trend(c) => &c.picture,
            ChartModel::Compare(c) => &c.picture,
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
    /// What a font's size is multiplied by: 1 on a canvas, [`SVG_TEXT`] for plotters' SVG backend.
    pub text: f64,
}

/// plotters' SVG backend writes a font's size divided by 1.24 (plotters-svg's `draw_text`); an
/// SVG drawing asks for 1.24 times the size, so its text is as large as the canvas's.
pub const SVG_TEXT: f64 = 1.24;

impl ChartStyle {
    /// CSS pixels to device pixels.
    fn s(&self, px: f64) -> i32 {
        (px * self.scale).round() as i32
    }

    /// A line a little thinner than the levels': 1.5 px, never under 1 device pixel.
    fn thin(&self) -> u32 {
        self.s(1.5).max(1) as u32
    }

    /// The chart's font at `px` CSS pixels.
    fn font(&self, px: f64) -> FontDesc<'_> {
        (self.font_family.as_str(), px * self.scale * self.text).into_font()
    }
}

/// What drawing on a backend can fail with.
pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Where the drawing put things, in device pixels: for tooltips, hit tests and tests.
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

    /// The mark nearest to a pointer at (x, y) in device pixels: a tap anywhere above or below a
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

/// A rough width of a label in CSS pixels at `size`: CJK characters are square, others about
/// half. plotters measures text only with font files (its `ttf` feature), which a widget that
/// loads no fonts does not have; labels are placed and wrapped by this estimate instead.
pub fn text_width(text: &str, size: f64) -> f64 {
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

/// Draws a chart filling `root` and says where things went, in the backend's pixels. It does not
/// present the drawing: a picture goes on drawing around it.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &ChartModel,
    style: &ChartStyle,
    active: Option<usize>,
) -> DrawResult<PlotGeometry, DB> {
    match model {
        ChartModel::Trend(c) => draw_trend(root, c, style, active),
        ChartModel::Compare(c) => draw_compare(root, c, style, active),
    }
}

/// A chart as a standalone SVG document of `size` (width, height) device pixels.
pub fn to_svg(
    size: (u32, u32),
    model: &ChartModel,
    style: &ChartStyle,
    active: Option<usize>,
) -> (String, PlotGeometry) {
    let mut svg = String::new();
    let geometry = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let geometry = draw(&root, model, style, active);
        let _ = root.present();
        geometry
    };
    // Drawing into a string cannot fail.
    (svg, geometry.unwrap_or_else(|_| PlotGeometry::empty()))
}

impl PlotGeometry {
    fn empty() -> Self {
        PlotGeometry {
            plot_x: (0, 0),
            plot_y: (0, 0),
            marks: vec![],
            by_rows: false,
        }
    }
}

/// A point of the backend in the coordinates of `area`, which may not start at its top left.
fn within<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, (x, y): (i32, i32)) -> (i32, i32) {
    let (x0, y0) = area.get_base_pixel();
    (x - x0, y - y0)
}

fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    kind: PointKind,
    colours: &Palette,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let at = within(root, at);
    let s = |px| style.s(px);
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

/// The ring around the mark the readout describes: it does not rely on colour alone.
fn draw_ring<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    colours: &Palette,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    root.draw(&Circle::new(
        within(root, at),
        style.s(11.0),
        colours.text.stroke_width(style.s(2.0) as u32),
    ))
}

/// A label at a point of the backend, placed by `pos` around it.
fn label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    at: (i32, i32),
    font: FontDesc<'_>,
    colour: &RGBColor,
    pos: (HPos, VPos),
) -> DrawResult<(), DB> {
    let style = font.color(colour).pos(Pos::new(pos.0, pos.1));
    root.draw(&Text::new(text, within(root, at), style))
}

/// What a saved picture of a chart looks like, in CSS pixels: a white page of `PICTURE_WIDTH`, the
/// title, the chart, then its sources and the widget's address, so that a shared image keeps its
/// citation.
pub const PICTURE_WIDTH: f64 = 720.0;
const PICTURE_PAD: f64 = 16.0;
const TITLE_SIZE: f64 = 18.0;
const TITLE_LINE: f64 = 26.0;
const SOURCE_SIZE: f64 = 13.0;
const SOURCE_LINE: f64 = 19.0;

struct PictureLayout {
    title: Vec<String>,
    sources: Vec<String>,
    chart_top: f64,
    chart_height: f64,
    height: f64,
}

fn picture_layout(model: &ChartModel, address: &str) -> PictureLayout {
    let text = model.picture();
    let inner = PICTURE_WIDTH - 2.0 * PICTURE_PAD;
    let title = wrap_lines(&text.title, TITLE_SIZE, inner);
    let mut sources: Vec<String> = text
        .sources
        .iter()
        .flat_map(|s| wrap_lines(s, SOURCE_SIZE, inner))
        .collect();
    sources.extend(wrap_lines(address, SOURCE_SIZE, inner));
    let chart_top = PICTURE_PAD + TITLE_LINE * title.len() as f64 + 8.0;
    let chart_height = model.css_height(PICTURE_WIDTH - 2.0 * PICTURE_PAD);
    let height = chart_top + chart_height + 12.0 + SOURCE_LINE * sources.len() as f64 + PICTURE_PAD;
    PictureLayout {
        title,
        sources,
        chart_top,
        chart_height,
        height,
    }
}

/// A picture's size in device pixels at `scale` (2 for a PNG that stays sharp on a phone).
pub fn picture_size(model: &ChartModel, address: &str, scale: f64) -> (i32, i32) {
    let layout = picture_layout(model, address);
    (
        (PICTURE_WIDTH * scale).round() as i32,
        (layout.height * scale).round() as i32,
    )
}

/// Draws a chart's picture (see [`PICTURE_WIDTH`]) filling `root`, a surface of
/// [`picture_size`]; always light.
pub fn draw_picture<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &ChartModel,
    address: &str,
    style: &ChartStyle,
) -> DrawResult<(), DB> {
    let layout = picture_layout(model, address);
    let colours = palette(false);
    root.fill(&colours.background)?;
    let px = |v: f64| (v * style.scale).round() as i32;
    let family = style.font_family.as_str();
    for (i, text) in layout.title.iter().enumerate() {
        let size = TITLE_SIZE * style.scale * style.text;
        let font = (family, size, FontStyle::Bold)
            .into_font()
            .color(&colours.text);
        let at = (px(PICTURE_PAD), px(PICTURE_PAD + TITLE_LINE * i as f64));
        root.draw(&Text::new(text.as_str(), at, font))?;
    }
    // Inside the page's margins on both sides: the chart's last label does not touch the edge.
    let chart = root.clone().shrink(
        (px(PICTURE_PAD), px(layout.chart_top)),
        (
            px(PICTURE_WIDTH - 2.0 * PICTURE_PAD),
            px(layout.chart_height),
        ),
    );
    let chart_style = ChartStyle {
        dark: false,
        ..style.clone()
    };
    draw(&chart, model, &chart_style, None)?;
    let top = layout.chart_top + layout.chart_height + 12.0;
    for (i, text) in layout.sources.iter().enumerate() {
        let at = (px(PICTURE_PAD), px(top + SOURCE_LINE * i as f64));
        let font = style.font(SOURCE_SIZE).color(&colours.axis);
        root.draw(&Text::new(text.as_str(), at, font))?;
    }
    Ok(())
}

/// A chart's picture as a standalone SVG document, at 1 device pixel per CSS pixel.
pub fn picture_svg(model: &ChartModel, address: &str, font_family: &str) -> String {
    let (width, height) = picture_size(model, address, 1.0);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (width as u32, height as u32)).into_drawing_area();
        let style = ChartStyle {
            scale: 1.0,
            font_family: font_family.into(),
            dark: false,
            text: SVG_TEXT,
        };
        // Drawing into a string cannot fail.
        let _ = draw_picture(&root, model, address, &style);
        let _ = root.present();
    }
    svg
}

/// Splits a text into lines no wider than `width` at `size`: at a space where there is one in
/// the line (Latin text), else between any two characters (Chinese).
fn wrap_lines(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if text_width(&current, size) > width {
            let cut = current
                .trim_end()
                .rfind(' ')
                .filter(|i| *i > 0)
                .unwrap_or(current.len() - c.len_utf8());
            let rest = current.split_off(cut);
            lines.push(current.trim_end().to_string());
            current = rest.trim_start().to_string();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn draw_trend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart_model: &TrendChart,
    style: &ChartStyle,
    active: Option<usize>,
) -> DrawResult<PlotGeometry, DB> {
    let s = |px: f64| style.s(px);
    let label_size = if chart_model.compact { 12.0 } else { 13.0 };
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
        .label_style(style.font(12.0).color(&colours.axis))
        .max_light_lines(0)
        .bold_line_style(colours.grid)
        .axis_style(colours.axis)
        .draw()?;
    let corner = (
        root.get_base_pixel().0 + s(6.0),
        root.get_base_pixel().1 + s(4.0),
    );
    if !chart_model.unit.is_empty() {
        let font = style.font(12.0);
        label(
            root,
            &chart_model.unit,
            corner,
            font,
            &colours.axis,
            (HPos::Left, VPos::Top),
        )?;
    }
    let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
    // Year labels only where the plan gives something, so the axis does not suggest yearly data.
    let mut labelled: Vec<u16> = marks.iter().map(|m| m.year).collect();
    labelled.dedup();
    for year in &labelled {
        let (x, _) = chart.backend_coord(&(f64::from(*year), low));
        let at = (x, plot_y.end + s(7.0));
        let font = style.font(12.0);
        label(
            root,
            &year.to_string(),
            at,
            font,
            &colours.axis,
            (HPos::Center, VPos::Top),
        )?;
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
        let (at, v) = if below {
            ((plot_x.start + s(4.0), y + s(3.0)), VPos::Top)
        } else {
            ((plot_x.start + s(4.0), y - s(3.0)), VPos::Bottom)
        };
        let font = style.font(12.0);
        label(
            root,
            &reference.label,
            at,
            font,
            &colours.reference,
            (HPos::Left, v),
        )?;
    }
    if let Some(v) = chart_model.target_line {
        chart.draw_series(DashedLineSeries::new(
            [(years.0, v), (years.1, v)],
            s(6.0),
            s(4.0),
            colours.target.stroke_width(style.thin()),
        ))?;
    }
    // Successive levels are joined (the years between get no marker, tooltip or row); a segment
    // that touches a derived level is dashed, so an estimate never reads as a printed trend.
    let levels: Vec<&Mark> = marks
        .iter()
        .filter(|m| matches!(m.kind, PointKind::Actual | PointKind::Derived) && m.value.is_some())
        .collect();
    let at = |m: &Mark| (f64::from(m.year), m.value.unwrap_or_default());
    let level_line = colours.actual.stroke_width(s(2.0) as u32);
    for pair in levels.windows(2) {
        let ends = [at(pair[0]), at(pair[1])];
        if pair.iter().any(|m| m.kind == PointKind::Derived) {
            chart.draw_series(DashedLineSeries::new(ends, s(5.0), s(3.0), level_line))?;
        } else {
            chart.draw_series(LineSeries::new(ends, level_line))?;
        }
    }
    // The latest level to the final numeric target: the way still to go.
    if let Some((from, to)) = chart_model.goal {
        chart.draw_series(DashedLineSeries::new(
            [at(&marks[from]), at(&marks[to])],
            s(4.0),
            s(4.0),
            colours.actual.stroke_width(style.thin()),
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
            draw_ring(root, at, &colours, style)?;
        }
        draw_marker(root, at, m.kind, &colours, style)?;
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
                let font = style.font(label_size);
                label(
                    root,
                    &line,
                    (x, at.1 + dy),
                    font,
                    &colours.text,
                    (h, VPos::Center),
                )?;
            }
        } else {
            let above = (at.0, at.1 - s(10.0));
            let font = style.font(label_size);
            label(
                root,
                &m.label,
                above,
                font,
                &colours.text,
                (HPos::Center, VPos::Bottom),
            )?;
        }
    }
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
) -> DrawResult<PlotGeometry, DB> {
    let s = |px: f64| style.s(px);
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
        .label_style(style.font(12.0).color(&colours.axis))
        .max_light_lines(0)
        .bold_line_style(colours.grid)
        .axis_style(colours.axis)
        .draw()?;
    let corner = (
        root.get_base_pixel().0 + s(6.0),
        root.get_base_pixel().1 + s(4.0),
    );
    if !model.unit.is_empty() {
        let font = style.font(12.0);
        label(
            root,
            &model.unit,
            corner,
            font,
            &colours.axis,
            (HPos::Left, VPos::Top),
        )?;
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
        let (at, h) = if right {
            ((x + s(4.0), plot_y.start - s(4.0)), HPos::Left)
        } else {
            ((x - s(4.0), plot_y.start - s(4.0)), HPos::Right)
        };
        let font = style.font(12.0);
        label(
            root,
            &reference.label,
            at,
            font,
            &colours.reference,
            (h, VPos::Bottom),
        )?;
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
        let name_at = (plot_x.start + s(4.0), name_y);
        let font = style.font(13.0);
        label(
            root,
            &row.name,
            name_at,
            font,
            &colours.text,
            (HPos::Left, VPos::Top),
        )?;
        let y = band_top - 0.7;
        let at = |m: usize| chart.backend_coord(&(model.marks[m].value.unwrap_or(low), y));
        if let (Some(a), Some(b)) = (row.latest, row.target) {
            root.draw(&PathElement::new(
                vec![within(root, at(a)), within(root, at(b))],
                colours.axis.stroke_width(style.thin()),
            ))?;
        }
        for m in [row.latest, row.target].into_iter().flatten() {
            let p = at(m);
            geometry.marks[m] = p;
            if active == Some(m) {
                draw_ring(root, p, &colours, style)?;
            }
            draw_marker(root, p, model.marks[m].kind, &colours, style)?;
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
            let (x, h) = if left {
                (p.0 - s(10.0), HPos::Right)
            } else {
                (p.0 + s(10.0), HPos::Left)
            };
            let text = &model.marks[*m].label;
            let font = style.font(12.0);
            label(root, text, (x, p.1), font, &colours.text, (h, VPos::Center))?;
        }
        if let Some(words) = &row.words {
            // Beside the name when the row has marks, else where the marks would be.
            let has_marks = row.latest.is_some() || row.target.is_some();
            let (_, wy) = chart.backend_coord(&(low, if has_marks { band_top - 0.12 } else { y }));
            let (at, pos) = if has_marks {
                ((plot_x.end - s(2.0), wy), (HPos::Right, VPos::Top))
            } else {
                ((plot_x.start + s(4.0), wy), (HPos::Left, VPos::Center))
            };
            label(root, words, at, style.font(12.0), &colours.axis, pos)?;
        }
    }
    Ok(geometry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::{Citation, Reference};

    #[test]
    fn a_picture_carries_its_title_city_unit_source_and_address() {
        let read = |p: &str| std::fs::read_to_string(p).unwrap();
        let catalog = crate::model::parse_catalog("m", &read("data/metrics.json")).unwrap();
        let path = "data/cities/jiaozuo.json";
        let city = crate::model::parse_city(path, &read(path)).unwrap();
        let view = crate::views::trends::trends(
            &city,
            &catalog,
            crate::model::Domain::Air,
            crate::lang::Lang::Zh,
        );
        let chart = view.blocks[0].chart.clone().unwrap();
        let model = ChartModel::Trend(chart);
        let address = "https://gov.example/widgets/ecoplan/?city=jiaozuo&view=air";
        let svg = picture_svg(&model, address, "sans-serif");
        assert_well_formed(&svg);
        for text in [
            "焦作市 · 城市细颗粒物(PM2.5)浓度",
            "μg/m³",
            "焦作市人民政府办公室《焦作市“十四五”生态环境保护和生态经济发展规划》，2022",
            "https://gov.example/widgets/ecoplan/?city=jiaozuo&amp;view=air",
        ] {
            assert!(texts(&svg).iter().any(|t| t == text), "{text} in {svg}");
        }
        // Twice the size as a PNG; the chart below the title, the sources below the chart.
        let (w1, h1) = picture_size(&model, address, 1.0);
        assert_eq!(picture_size(&model, address, 2.0), (w1 * 2, h1 * 2));
        assert_eq!(w1, 720);
        assert_eq!(
            f64::from(h1),
            16.0 + 26.0 + 8.0 + 320.0 + 12.0 + 3.0 * 19.0 + 16.0
        );
        // The data's version under the source line.
        assert!(
            texts(&svg).iter().any(|t| t.starts_with("数据版本：20")),
            "{svg}"
        );
    }

    #[test]
    fn long_lines_wrap_at_spaces_or_between_chinese_characters() {
        let lines = wrap_lines(
            "General Office of the Jiaozuo Municipal People's Government",
            13.0,
            200.0,
        );
        assert!(
            lines.len() > 1 && lines.iter().all(|l| text_width(l, 13.0) <= 200.0),
            "{lines:?}"
        );
        assert_eq!(
            lines.join(" "),
            "General Office of the Jiaozuo Municipal People's Government"
        );
        let lines = wrap_lines("焦作市人民政府办公室焦作市人民政府办公室", 10.0, 100.0);
        assert_eq!(lines, ["焦作市人民政府办公室", "焦作市人民政府办公室"]);
        assert_eq!(
            wrap_lines("焦作市人民政府办公室", 10.0, 95.0),
            ["焦作市人民政府办公", "室"]
        );
    }

    fn citation() -> Citation {
        Citation {
            what: String::new(),
            city: "x".into(),
            document: None,
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
            picture: Default::default(),
        }
    }

    fn style() -> ChartStyle {
        ChartStyle {
            scale: 1.0,
            font_family: "sans-serif".into(),
            dark: false,
            text: SVG_TEXT,
        }
    }

    fn render(model: &ChartModel) -> (String, PlotGeometry) {
        to_svg((360, 240), model, &style(), None)
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

    /// Every SVG element of a kind that mentions all of `needles`.
    fn elements<'a>(svg: &'a str, tag: &str, needles: &[&str]) -> Vec<&'a str> {
        svg.split('<')
            .filter(|e| e.starts_with(tag) && needles.iter().all(|n| e.contains(n)))
            .collect()
    }

    /// The points of a polyline or polygon element.
    fn points(element: &str) -> Vec<(i32, i32)> {
        let list = element
            .split("points=\"")
            .nth(1)
            .and_then(|p| p.split('"').next());
        list.unwrap_or_default()
            .split_whitespace()
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect()
    }

    /// The polylines drawn in a colour, as their points: plotters draws a dashed line as one
    /// short polyline per dash.
    fn strokes(svg: &str, colour: &str) -> Vec<Vec<(i32, i32)>> {
        let stroke = format!("stroke=\"{colour}\"");
        elements(svg, "polyline", &[&stroke])
            .into_iter()
            .map(points)
            .collect()
    }

    /// The dashes of a line from `from` to `to`: every stroke that lies on the segment between them.
    fn dashes_between(
        strokes: &[Vec<(i32, i32)>],
        from: (i32, i32),
        to: (i32, i32),
    ) -> Vec<Vec<(i32, i32)>> {
        let on = |(x, y): (i32, i32)| {
            let cross = i64::from(to.0 - from.0) * i64::from(y - from.1)
                - i64::from(to.1 - from.1) * i64::from(x - from.0);
            let length = f64::from(to.0 - from.0).hypot(f64::from(to.1 - from.1));
            (cross as f64).abs() / length <= 1.5
                && (from.0.min(to.0)..=from.0.max(to.0)).contains(&x)
                && (from.1.min(to.1) - 1..=from.1.max(to.1) + 1).contains(&y)
        };
        strokes
            .iter()
            .filter(|s| s.iter().all(|p| on(*p)))
            .cloned()
            .collect()
    }

    fn length(stroke: &[(i32, i32)]) -> f64 {
        stroke
            .windows(2)
            .map(|w| f64::from(w[1].0 - w[0].0).hypot(f64::from(w[1].1 - w[0].1)))
            .sum()
    }

    #[test]
    fn the_standards_limit_is_a_labelled_dotted_line_below_the_levels() {
        let (svg, geometry) = render(&ChartModel::Trend(pingdingshan()));
        assert!(texts(&svg).iter().any(|t| t == "国家二级标准 35"));
        let dots = strokes(&svg, "#00805E");
        assert!(dots.len() >= 40, "a dotted line of short dashes: {dots:?}");
        let y = dots[0][0].1;
        assert!(dots.iter().flatten().all(|p| p.1 == y), "level: {dots:?}");
        assert!(dots.iter().all(|d| length(d) <= 2.5), "2 px dots: {dots:?}");
        let xs: Vec<i32> = dots.iter().flatten().map(|p| p.0).collect();
        let (left, right) = (*xs.iter().min().unwrap(), *xs.iter().max().unwrap());
        assert_eq!(left, geometry.plot_x.0, "from the plot's left edge");
        assert!(right >= geometry.plot_x.1 - 6, "across the plot: {right}");
        // 35 is drawn below 51 (larger y is lower on screen).
        let y51 = geometry.marks[1].1;
        assert!(y > y51, "{y} below {y51}");
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
        // 2015 to 2020 is dashed, never one solid line through both points.
        let levels = strokes(&svg, "#0072B2");
        assert!(
            !levels.contains(&vec![(x, y), geometry.marks[1]]),
            "not solid"
        );
        let dashes = dashes_between(&levels, (x, y), geometry.marks[1]);
        assert!(dashes.len() >= 10, "dashed: {dashes:?}");
        assert!(
            dashes.iter().all(|d| length(d) <= 6.0),
            "5 px dashes: {dashes:?}"
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
        let [(x1, y1), (x2, y2), (x3, y3)] =
            [geometry.marks[0], geometry.marks[1], geometry.marks[2]];
        let levels = strokes(&svg, "#0072B2");
        assert!(
            levels.contains(&vec![(x1, y1), (x2, y2)]),
            "2019 and 2020 joined by one solid line: {levels:?}"
        );
        let target = strokes(&svg, "#D55E00");
        assert!(target.len() >= 20, "the target's dashed line: {target:?}");
        assert!(
            target.iter().flatten().all(|p| p.1 == y3),
            "at the target's level"
        );
        assert!(target.iter().all(|d| length(d) <= 6.5), "6 px dashes");
        let way = dashes_between(&levels, (x2, y2), (x3, y3));
        assert!(way.len() >= 10, "the dashed way from 56 to 43: {way:?}");
        let without_goal = TrendChart {
            goal: None,
            ..jiaozuo
        };
        let (plain, _) = render(&ChartModel::Trend(without_goal));
        let plain = strokes(&plain, "#0072B2");
        assert!(dashes_between(&plain, (x2, y2), (x3, y3)).is_empty());
        assert!(y2 < y3, "56 is drawn higher than 43");
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
        let target = elements(&svg, "polyline", &["stroke=\"#D55E00\""]);
        assert_eq!(target.len(), 1, "markers only");
        let (x, y) = geometry.marks[2];
        assert_eq!(
            points(target[0]),
            [(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y), (x, y - 6)],
            "a diamond at the word target"
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
    fn each_mark_is_drawn_where_the_geometry_says() {
        let model = ChartModel::Trend(TrendChart {
            marks: vec![
                mark(2020, Some(56.0), PointKind::Actual, "56"),
                mark(2025, Some(43.0), PointKind::Target, "目标 43"),
            ],
            reference: None,
            ..pingdingshan()
        });
        for scale in [1.0, 2.0, 2.625] {
            let style = ChartStyle { scale, ..style() };
            let size = ((360.0 * scale) as u32, (240.0 * scale) as u32);
            let (svg, geometry) = to_svg(size, &model, &style, Some(0));
            let (x, y) = geometry.marks[0];
            let dot = [
                format!("cx=\"{x}\" cy=\"{y}\""),
                format!("r=\"{}\"", (5.0 * scale).round()),
            ];
            let dot: Vec<&str> = dot.iter().map(String::as_str).collect();
            assert_eq!(elements(&svg, "circle", &dot).len(), 1, "{svg}");
            let ring = format!("r=\"{}\"", (11.0 * scale).round());
            assert_eq!(
                elements(&svg, "circle", &[dot[0], &ring]).len(),
                1,
                "the active mark's ring"
            );
            let (x, y) = geometry.marks[1];
            let triangle = elements(&svg, "polygon", &["fill=\"#D55E00\""]);
            let corners = points(triangle[0]);
            assert_eq!(corners[0], (x, y - (7.0 * scale).round() as i32), "apex");
            assert!(corners[1].0 < x && x < corners[2].0 && corners[1].1 > y);
            // As plotters' SVG backend writes it (see `SVG_TEXT`).
            let size = format!("font-size=\"{}\"", 13.0 * scale * SVG_TEXT / 1.24);
            let label = elements(&svg, "text", &[&size, "text-anchor=\"middle\""]);
            assert!(
                label.iter().any(|t| t.contains(&format!("x=\"{x}\""))),
                "the target's label over it: {label:?}"
            );
            assert_well_formed(&svg);
        }
    }

    #[test]
    fn a_chart_is_well_formed_svg_with_its_labels_escaped() {
        let mut model = pingdingshan();
        model.marks[2].label = "2025 · <meet> \"R&D\"".into();
        let (svg, _) = render(&ChartModel::Trend(model));
        assert_well_formed(&svg);
        assert!(svg.contains("&lt;meet&gt; &quot;R&amp;D&quot;"), "{svg}");
        assert!(svg.starts_with(
            "<svg width=\"360\" height=\"240\" viewBox=\"0 0 360 240\" xmlns=\"http://www.w3.org/2000/svg\">"
        ));
    }

    #[test]
    fn the_dark_scheme_draws_on_a_dark_background_in_lighter_colours() {
        let style = ChartStyle {
            dark: true,
            ..style()
        };
        let (svg, _) = to_svg((360, 240), &ChartModel::Trend(pingdingshan()), &style, None);
        assert!(svg.contains(
            "<rect x=\"0\" y=\"0\" width=\"360\" height=\"240\" opacity=\"1\" fill=\"#1C1C1E\""
        ));
        assert!(elements(&svg, "text", &["fill=\"#ECECEC\""]).len() >= 2);
        assert!(!elements(&svg, "polyline", &["stroke=\"#00BE8C\""]).is_empty());
        assert!(elements(&svg, "text", &["fill=\"#000000\""]).is_empty());
    }

    #[test]
    fn the_value_axis_is_labelled_with_round_values_from_zero() {
        let (svg, _) = render(&ChartModel::Trend(TrendChart {
            marks: vec![mark(2020, Some(56.0), PointKind::Actual, "56")],
            reference: None,
            ..pingdingshan()
        }));
        let labels = texts(&svg);
        for tick in ["0", "20", "40", "60", "80"] {
            assert!(labels.iter().any(|t| t == tick), "{tick} in {labels:?}");
        }
        assert!(!labels.iter().any(|t| t == "100"), "{labels:?}");
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
            picture: Default::default(),
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

    /// Every element is closed in order, every attribute quoted, and no `<`, `>` or bare `&` is
    /// left in text or attributes: what an XML parser needs (none is a dependency here).
    fn assert_well_formed(svg: &str) {
        let mut open: Vec<&str> = vec![];
        let mut rest = svg;
        while let Some(start) = rest.find('<') {
            assert_text(&rest[..start]);
            let end = rest[start..].find('>').expect("a tag ends") + start;
            let tag = &rest[start + 1..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name), "closes the open element");
                continue;
            }
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
            assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "{name}");
            while !attrs.trim().is_empty() {
                let (key, value) = attrs.trim_start().split_once("=\"").expect("key=\"value\"");
                assert!(
                    key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                    "{key}"
                );
                let close = value.find('"').expect("a closing quote");
                assert_text(&value[..close]);
                attrs = &value[close + 1..];
            }
            if !self_closing {
                open.push(name);
            }
        }
        assert_text(rest);
        assert!(open.is_empty(), "unclosed: {open:?}");
    }

    fn assert_text(text: &str) {
        assert!(!text.contains(['<', '>', '"']), "{text}");
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                "{entity}"
            );
        }
        assert!(
            !text
                .chars()
                .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')),
            "{text:?}"
        );
    }
}
