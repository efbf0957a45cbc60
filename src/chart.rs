//! Chart drawing over a [`Painter`]: the same code paints a canvas in the browser and writes an
//! SVG document anywhere. It draws what a view model says and computes nothing about the data
//! beyond where things go. The layout (margins, scales, ticks, rounding) is the one plotters gave
//! these charts, so the pointer readout's [`PlotGeometry`] and the pictures are unchanged.

use crate::format::format_value;
use crate::paint::{text_width, wrap, Anchor, Baseline, Painter, Point, Rgb, Stroke, TextStyle};
use crate::series::PointKind;
use crate::views::compare::CompareChart;
use crate::views::{Mark, TrendChart};

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
}

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
pub const ACTUAL_COLOUR: Rgb = Rgb(0, 114, 178);
pub const TARGET_COLOUR: Rgb = Rgb(213, 94, 0);
pub const REFERENCE_COLOUR: Rgb = Rgb(0, 128, 94);

struct Palette {
    background: Rgb,
    text: Rgb,
    axis: Rgb,
    grid: Rgb,
    actual: Rgb,
    target: Rgb,
    reference: Rgb,
}

fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            background: Rgb(28, 28, 30),
            text: Rgb(236, 236, 236),
            axis: Rgb(190, 190, 190),
            grid: Rgb(70, 70, 74),
            actual: Rgb(86, 180, 233),
            target: Rgb(230, 159, 0),
            reference: Rgb(0, 190, 140),
        }
    } else {
        Palette {
            background: Rgb(255, 255, 255),
            text: Rgb(0, 0, 0),
            axis: Rgb(80, 80, 80),
            grid: Rgb(215, 215, 215),
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
    let magnitude = decade(x);
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|candidate| *candidate >= x - 1e-9)
        .unwrap_or(10.0 * magnitude)
}

/// The largest power of ten not above `x` (positive and finite), found without libm's `pow` and
/// `log10` (2 KB of wasm): a whole power is exact up to 1e22, its reciprocal correctly rounded.
fn decade(x: f64) -> f64 {
    let (mut power, mut exponent) = (1.0_f64, 0_i32);
    while power * 10.0 <= x && exponent < 300 {
        power *= 10.0;
        exponent += 1;
    }
    if x >= 1.0 {
        return power;
    }
    let mut divisor = 10.0_f64;
    while 1.0 / divisor > x && divisor < 1e300 {
        divisor *= 10.0;
    }
    1.0 / divisor
}

/// At most `max` round values from `low` to `high` for an axis's ticks: steps of 1, 2 or 5 times a
/// power of ten, the finest that stays within `max` (plotters' key points, kept as they were).
pub fn ticks(low: f64, high: f64, max: usize) -> Vec<f64> {
    if max == 0 || !(low.is_finite() && high.is_finite()) {
        return vec![];
    }
    let (low, high) = (low.min(high), high.max(low));
    if (high - low).abs() < f64::EPSILON {
        return vec![low];
    }
    let rem = |a: f64, b: f64| {
        let r = a - (a / b).floor() * b;
        if (r - b).abs() < f64::EPSILON {
            0.0
        } else {
            r
        }
    };
    let mut scale = decade(high - low);
    let mut granularity = scale / 10.0;
    if 1 + ((high - low) / scale).floor() as usize > max {
        scale *= 10.0;
        granularity *= 10.0;
    }
    'outer: loop {
        let old = scale;
        for divisor in [2.0, 5.0, 10.0] {
            let step = old / divisor;
            let mut left = low - rem(low, step);
            if left < low {
                left += step;
            }
            let right = high - rem(high, step);
            if (1.0 + (right - left) / step).round() as usize > max {
                break 'outer;
            }
            scale = step;
        }
        scale = old / 10.0;
        granularity /= 10.0;
    }
    let mut left = low - rem(low, scale);
    if left < low {
        left += scale;
    }
    let base = (left / granularity).floor() * granularity;
    let mut relative = left - base;
    let right = high - rem(high, scale);
    let mut out = vec![];
    while right - relative - base >= -f64::EPSILON {
        if (relative / granularity).round() * granularity < 0.0 {
            relative += granularity;
        }
        out.push(relative + base);
        relative += scale;
    }
    out
}

/// A plot's rectangle in device pixels (ends exclusive) and the values at its edges.
struct Frame {
    x: (i32, i32),
    y: (i32, i32),
    values_x: (f64, f64),
    values_y: (f64, f64),
}

impl Frame {
    fn x(&self, v: f64) -> i32 {
        scale(v, self.values_x, (self.x.0, self.x.1 - 1))
    }

    /// Upwards: the low value on the bottom row.
    fn y(&self, v: f64) -> i32 {
        scale(v, self.values_y, (self.y.1 - 1, self.y.0))
    }

    fn at(&self, (x, y): (f64, f64)) -> Point {
        (self.x(x), self.y(y))
    }

    /// plotters' tick length: 5 px, less on a tiny plot.
    fn tick(&self) -> i32 {
        let smaller = (self.x.1 - self.x.0).min(self.y.1 - self.y.0);
        ((0.05 * f64::from(smaller)).round() as i32).min(5)
    }

    fn geometry(&self, marks: usize, by_rows: bool) -> PlotGeometry {
        PlotGeometry {
            plot_x: self.x,
            plot_y: self.y,
            marks: vec![(0, 0); marks],
            by_rows,
        }
    }
}

/// A value's pixel between two ends, rounded towards the first as plotters did.
fn scale(v: f64, (low, high): (f64, f64), (from, to): (i32, i32)) -> i32 {
    if high == low {
        return (to - from) / 2;
    }
    let share = (v - low) / (high - low);
    let length = to - from;
    if length == 0 {
        return to;
    }
    if share.is_infinite() {
        return if share > 0.0 { to } else { from };
    }
    if length > 0 {
        from + (f64::from(length) * share + 1e-3).floor() as i32
    } else {
        from + (f64::from(length) * share - 1e-3).ceil() as i32
    }
}

/// What every drawing function needs: the painter, the scale, the family and the colours.
struct Pen<'a> {
    painter: &'a mut dyn Painter,
    scale: f64,
    family: &'a str,
    colours: Palette,
}

impl Pen<'_> {
    /// CSS pixels to device pixels.
    fn s(&self, px: f64) -> i32 {
        (px * self.scale).round() as i32
    }

    fn text(&mut self, text: &str, at: Point, size: f64, colour: Rgb, pos: (Anchor, Baseline)) {
        let style = TextStyle {
            family: self.family,
            size: size * self.scale,
            bold: false,
            colour,
            anchor: pos.0,
            baseline: pos.1,
        };
        self.painter.text(text, at, &style);
    }

    fn background(&mut self, (width, height): (i32, i32)) {
        let fill = self.colours.background;
        self.painter.rect((0, 0), (width, height), Some(fill), None);
    }

    /// The unit above the value axis, in the top left corner.
    fn unit(&mut self, unit: &str) {
        if !unit.is_empty() {
            let at = (self.s(6.0), self.s(4.0));
            let axis = self.colours.axis;
            self.text(unit, at, 12.0, axis, (Anchor::Start, Baseline::Top));
        }
    }

    /// A horizontal value axis under the plot (Compare): grid, axis line, ticks, labels.
    fn value_axis_below(&mut self, frame: &Frame, count: usize) {
        let (grid, axis) = (self.colours.grid, self.colours.axis);
        let values = ticks(frame.values_x.0, frame.values_x.1, count);
        for v in &values {
            let x = frame.x(*v);
            self.painter
                .line((x, frame.y.1 - 1), (x, frame.y.0), Stroke::solid(grid, 1));
        }
        let (bottom, tick) = (frame.y.1, frame.tick());
        let line = Stroke::solid(axis, 1);
        self.painter
            .polyline(&[(frame.x.0, bottom), (frame.x.1 - 1, bottom)], line);
        for v in &values {
            let x = frame.x(*v);
            let label = (x, bottom + 2 * tick);
            self.text(
                &format_value(*v),
                label,
                12.0,
                axis,
                (Anchor::Middle, Baseline::Top),
            );
            self.painter
                .polyline(&[(x, bottom), (x, bottom + tick)], line);
        }
    }

    /// A vertical value axis left of the plot (Trend), and the time axis's line under it.
    fn value_axis_left(&mut self, frame: &Frame, count: usize) {
        let (grid, axis) = (self.colours.grid, self.colours.axis);
        let values = ticks(frame.values_y.0, frame.values_y.1, count);
        for v in &values {
            let y = frame.y(*v);
            self.painter
                .line((frame.x.0, y), (frame.x.1 - 1, y), Stroke::solid(grid, 1));
        }
        let (left, tick) = (frame.x.0 - 1, frame.tick());
        let line = Stroke::solid(axis, 1);
        self.painter
            .polyline(&[(left, frame.y.0), (left, frame.y.1 - 1)], line);
        for v in &values {
            let y = frame.y(*v);
            let label = (frame.x.0 - 2 * tick, y);
            self.text(
                &format_value(*v),
                label,
                12.0,
                axis,
                (Anchor::End, Baseline::Middle),
            );
            self.painter.polyline(&[(left - tick, y), (left, y)], line);
        }
        self.painter
            .polyline(&[(frame.x.0, frame.y.1), (frame.x.1 - 1, frame.y.1)], line);
    }

    fn marker(&mut self, (x, y): Point, kind: PointKind) {
        let (actual, target) = (self.colours.actual, self.colours.target);
        let r = self.s(5.0);
        match kind {
            PointKind::Actual => self.painter.circle((x, y), r, Some(actual), None),
            PointKind::Derived => {
                let ring = Stroke::solid(actual, self.s(2.0));
                let fill = self.colours.background;
                self.painter.circle((x, y), r, Some(fill), None);
                self.painter.circle((x, y), r, None, Some(ring));
            }
            PointKind::Target => {
                // Corners at -90°, -210° and -330° on a circle, rounded up as plotters did.
                let size = f64::from(self.s(7.0));
                let corner = |cos: f64, sin: f64| {
                    (
                        (cos * size + f64::from(x)).ceil() as i32,
                        (sin * size + f64::from(y)).ceil() as i32,
                    )
                };
                let corners = [
                    corner(6.123233995736766e-17, -1.0),
                    corner(-0.8660254037844386, 0.5000000000000001),
                    corner(0.8660254037844384, 0.5000000000000004),
                ];
                self.painter.polygon(&corners, target);
            }
            PointKind::WordTarget => {
                let r = self.s(6.0);
                let diamond = [(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)];
                self.painter
                    .polyline(&diamond, Stroke::solid(target, self.s(2.0)));
            }
        }
    }

    /// The ring around the mark the readout describes: it does not rely on colour alone.
    fn ring(&mut self, at: Point) {
        let ring = Stroke::solid(self.colours.text, self.s(2.0));
        self.painter.circle(at, self.s(11.0), None, Some(ring));
    }

    fn thin(&self) -> i32 {
        self.s(1.5).max(1)
    }
}

/// Draws a chart on `painter`, a surface of `size` device pixels, and says where things went.
pub fn draw(
    painter: &mut dyn Painter,
    size: (i32, i32),
    model: &ChartModel,
    style: &ChartStyle,
    active: Option<usize>,
) -> PlotGeometry {
    let mut pen = Pen {
        painter,
        scale: style.scale,
        family: &style.font_family,
        colours: palette(style.dark),
    };
    match model {
        ChartModel::Trend(c) => draw_trend(&mut pen, size, c, active),
        ChartModel::Compare(c) => draw_compare(&mut pen, size, c, active),
    }
}

/// A chart as a standalone SVG document of `size` (width, height) device pixels.
pub fn to_svg(
    size: (i32, i32),
    model: &ChartModel,
    style: &ChartStyle,
    active: Option<usize>,
) -> (String, PlotGeometry) {
    let mut svg = crate::paint::Svg::new(size.0, size.1);
    let geometry = draw(&mut svg, size, model, style, active);
    (svg.finish(), geometry)
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

/// Draws a chart's picture (see [`PICTURE_WIDTH`]) on a surface of [`picture_size`]; always light.
pub fn draw_picture(
    painter: &mut dyn Painter,
    model: &ChartModel,
    address: &str,
    style: &ChartStyle,
) {
    let layout = picture_layout(model, address);
    let scale = style.scale;
    let size = picture_size(model, address, scale);
    let colours = palette(false);
    painter.rect((0, 0), size, Some(colours.background), None);
    let px = |v: f64| (v * scale).round() as i32;
    let line =
        |painter: &mut dyn Painter, text: &str, y: f64, size: f64, bold: bool, colour: Rgb| {
            let style = TextStyle {
                family: &style.font_family,
                size: size * scale,
                bold,
                colour,
                anchor: Anchor::Start,
                baseline: Baseline::Top,
            };
            painter.text(text, (px(PICTURE_PAD), px(y)), &style);
        };
    for (i, text) in layout.title.iter().enumerate() {
        line(
            painter,
            text,
            PICTURE_PAD + TITLE_LINE * i as f64,
            TITLE_SIZE,
            true,
            colours.text,
        );
    }
    // Inside the page's margins on both sides: the chart's last label does not touch the edge.
    let chart_size = (
        px(PICTURE_WIDTH - 2.0 * PICTURE_PAD),
        px(layout.chart_height),
    );
    let mut shifted = crate::paint::Shifted {
        inner: painter,
        dx: px(PICTURE_PAD),
        dy: px(layout.chart_top),
    };
    let chart_style = ChartStyle {
        dark: false,
        ..style.clone()
    };
    draw(&mut shifted, chart_size, model, &chart_style, None);
    let top = layout.chart_top + layout.chart_height + 12.0;
    for (i, text) in layout.sources.iter().enumerate() {
        line(
            painter,
            text,
            top + SOURCE_LINE * i as f64,
            SOURCE_SIZE,
            false,
            colours.axis,
        );
    }
}

/// A chart's picture as a standalone SVG document, at 1 device pixel per CSS pixel.
pub fn picture_svg(model: &ChartModel, address: &str, font_family: &str) -> String {
    let (width, height) = picture_size(model, address, 1.0);
    let mut svg = crate::paint::Svg::new(width, height);
    let style = ChartStyle {
        scale: 1.0,
        font_family: font_family.into(),
        dark: false,
    };
    draw_picture(&mut svg, model, address, &style);
    svg.finish()
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

fn draw_trend(
    pen: &mut Pen,
    (width, height): (i32, i32),
    chart_model: &TrendChart,
    active: Option<usize>,
) -> PlotGeometry {
    let label_size = if chart_model.compact { 12.0 } else { 13.0 };
    let marks = &chart_model.marks;
    pen.background((width, height));

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

    // Margins of 22, 18 and 8 px; 40 px for the value labels, 26 for the years.
    let frame = Frame {
        x: (pen.s(8.0) + pen.s(40.0), width - pen.s(18.0)),
        y: (pen.s(22.0), height - pen.s(26.0)),
        values_x: years,
        values_y: (low, top),
    };
    pen.value_axis_left(&frame, if chart_model.compact { 3 } else { 5 });
    pen.unit(&chart_model.unit);
    let c = pen.colours.axis;
    // Year labels only where the plan gives something, so the axis does not suggest yearly data.
    let mut labelled: Vec<u16> = marks.iter().map(|m| m.year).collect();
    labelled.dedup();
    for year in &labelled {
        let at = (frame.x(f64::from(*year)), frame.y.1 + pen.s(7.0));
        pen.text(
            &year.to_string(),
            at,
            12.0,
            c,
            (Anchor::Middle, Baseline::Top),
        );
    }

    if let Some(reference) = &chart_model.reference {
        let colour = pen.colours.reference;
        let y = frame.y(reference.value);
        let line = [(frame.x.0, y), (frame.x(years.1), y)];
        let dots = Stroke::dashed(colour, pen.s(2.0), pen.s(2.0), pen.s(3.0));
        pen.painter.polyline(&line, dots);
        // Below the line, where a target (set above the limit) is not; above it near the axis.
        let below = y + pen.s(18.0) < frame.y.1;
        let (at, baseline) = if below {
            ((frame.x.0 + pen.s(4.0), y + pen.s(3.0)), Baseline::Top)
        } else {
            ((frame.x.0 + pen.s(4.0), y - pen.s(3.0)), Baseline::Bottom)
        };
        pen.text(
            &reference.label,
            at,
            12.0,
            colour,
            (Anchor::Start, baseline),
        );
    }
    if let Some(v) = chart_model.target_line {
        let y = frame.y(v);
        let dashes = Stroke::dashed(pen.colours.target, pen.thin(), pen.s(6.0), pen.s(4.0));
        pen.painter
            .polyline(&[(frame.x.0, y), (frame.x(years.1), y)], dashes);
    }
    // Successive levels are joined (the years between get no marker, tooltip or row); a segment
    // that touches a derived level is dashed, so an estimate never reads as a printed trend.
    let levels: Vec<&Mark> = marks
        .iter()
        .filter(|m| matches!(m.kind, PointKind::Actual | PointKind::Derived) && m.value.is_some())
        .collect();
    let at = |m: &Mark| frame.at((f64::from(m.year), m.value.unwrap_or_default()));
    let actual = pen.colours.actual;
    for pair in levels.windows(2) {
        let ends = [at(pair[0]), at(pair[1])];
        let stroke = if pair.iter().any(|m| m.kind == PointKind::Derived) {
            Stroke::dashed(actual, pen.s(2.0), pen.s(5.0), pen.s(3.0))
        } else {
            Stroke::solid(actual, pen.s(2.0))
        };
        pen.painter.polyline(&ends, stroke);
    }
    // The latest level to the final numeric target: the way still to go.
    if let Some((from, to)) = chart_model.goal {
        let dashes = Stroke::dashed(actual, pen.thin(), pen.s(4.0), pen.s(4.0));
        pen.painter
            .polyline(&[at(&marks[from]), at(&marks[to])], dashes);
    }

    let word_y = top * 0.92;
    let mut geometry = frame.geometry(0, false);
    let text = pen.colours.text;
    for (i, m) in marks.iter().enumerate() {
        let at = frame.at((f64::from(m.year), m.value.unwrap_or(word_y)));
        geometry.marks.push(at);
        if active == Some(i) {
            pen.ring(at);
        }
        pen.marker(at, m.kind);
        if m.kind == PointKind::WordTarget {
            // Right-aligned to the marker when it is in the right half, so it stays inside.
            let right_half = at.0 > (frame.x.0 + frame.x.1) / 2;
            let room = if right_half {
                f64::from(at.0 - frame.x.0)
            } else {
                f64::from(frame.x.1 - at.0)
            } / pen.scale;
            let lines = wrap(&m.label, label_size, room - 12.0);
            let count = lines.len() as i32;
            for (n, line) in lines.into_iter().enumerate() {
                let dy = pen.s(label_size + 2.0) * (n as i32 - count + 1);
                let (x, anchor) = if right_half {
                    (at.0 - pen.s(10.0), Anchor::End)
                } else {
                    (at.0 + pen.s(10.0), Anchor::Start)
                };
                let pos = (anchor, Baseline::Middle);
                pen.text(&line, (x, at.1 + dy), label_size, text, pos);
            }
        } else {
            let above = (at.0, at.1 - pen.s(10.0));
            let pos = (Anchor::Middle, Baseline::Bottom);
            pen.text(&m.label, above, label_size, text, pos);
        }
    }
    geometry
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

fn draw_compare(
    pen: &mut Pen,
    (width, height): (i32, i32),
    model: &CompareChart,
    active: Option<usize>,
) -> PlotGeometry {
    pen.background((width, height));
    let values = model
        .marks
        .iter()
        .filter_map(|m| m.value)
        .chain(model.reference.as_ref().map(|r| r.value));
    let (low, top) = value_range(values, model.unit == "%");
    let rows = model.rows.len().max(1) as f64;
    // Margins of 22 and 12 px beside the plot, 24 px for the value labels under it.
    let frame = Frame {
        x: (pen.s(12.0), width - pen.s(22.0)),
        y: (pen.s(compare_header(model)), height - pen.s(24.0)),
        values_x: (low, top),
        values_y: (0.0, rows),
    };
    pen.value_axis_below(&frame, 5);
    pen.unit(&model.unit);
    if let Some(reference) = &model.reference {
        let colour = pen.colours.reference;
        let x = frame.x(reference.value);
        let dots = Stroke::dashed(colour, pen.s(2.0), pen.s(2.0), pen.s(3.0));
        pen.painter
            .polyline(&[(x, frame.y(0.0)), (x, frame.y(rows))], dots);
        let right = f64::from(frame.x.1 - x) / pen.scale > text_width(&reference.label, 12.0) + 6.0;
        let (at, anchor) = if right {
            ((x + pen.s(4.0), frame.y.0 - pen.s(4.0)), Anchor::Start)
        } else {
            ((x - pen.s(4.0), frame.y.0 - pen.s(4.0)), Anchor::End)
        };
        pen.text(
            &reference.label,
            at,
            12.0,
            colour,
            (anchor, Baseline::Bottom),
        );
    }
    let mut geometry = frame.geometry(model.marks.len(), true);
    let (text, axis) = (pen.colours.text, pen.colours.axis);
    for (i, row) in model.rows.iter().enumerate() {
        // Top to bottom: the city's name on the upper half of its band, its marks below.
        let band_top = rows - i as f64;
        let name_y = frame.y(band_top - 0.12);
        let name_at = (frame.x.0 + pen.s(4.0), name_y);
        pen.text(
            &row.name,
            name_at,
            13.0,
            text,
            (Anchor::Start, Baseline::Top),
        );
        let y = band_top - 0.7;
        let at = |m: usize| frame.at((model.marks[m].value.unwrap_or(low), y));
        if let (Some(a), Some(b)) = (row.latest, row.target) {
            let joint = Stroke::solid(axis, pen.thin());
            pen.painter.polyline(&[at(a), at(b)], joint);
        }
        for m in [row.latest, row.target].into_iter().flatten() {
            let p = at(m);
            geometry.marks[m] = p;
            if active == Some(m) {
                pen.ring(p);
            }
            pen.marker(p, model.marks[m].kind);
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
            let (x, anchor) = if left {
                (p.0 - pen.s(10.0), Anchor::End)
            } else {
                (p.0 + pen.s(10.0), Anchor::Start)
            };
            let label = &model.marks[*m].label;
            pen.text(label, (x, p.1), 12.0, text, (anchor, Baseline::Middle));
        }
        if let Some(words) = &row.words {
            // Beside the name when the row has marks, else where the marks would be.
            let has_marks = row.latest.is_some() || row.target.is_some();
            let wy = frame.y(if has_marks { band_top - 0.12 } else { y });
            let (at, pos) = if has_marks {
                ((frame.x.1 - pen.s(2.0), wy), (Anchor::End, Baseline::Top))
            } else {
                (
                    (frame.x.0 + pen.s(4.0), wy),
                    (Anchor::Start, Baseline::Middle),
                )
            };
            pen.text(words, at, 12.0, axis, pos);
        }
    }
    geometry
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
        crate::paint::tests::assert_well_formed(&svg);
        for text in [
            "焦作市 · 城市细颗粒物(PM2.5)浓度",
            "μg/m³",
            "焦作市人民政府办公室《焦作市“十四五”生态环境保护和生态经济发展规划》，2022",
            "https://gov.example/widgets/ecoplan/?city=jiaozuo&amp;view=air",
        ] {
            assert!(svg.contains(&format!(">{text}<")), "{text} in {svg}");
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
        assert!(svg.contains(">数据版本：20"), "{svg}");
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
            .split(' ')
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect()
    }

    #[test]
    fn the_standards_limit_is_a_labelled_dotted_line_below_the_levels() {
        let (svg, geometry) = render(&ChartModel::Trend(pingdingshan()));
        assert!(texts(&svg).iter().any(|t| t == "国家二级标准 35"));
        let dotted = elements(
            &svg,
            "polyline",
            &["stroke=\"#00805E\"", "stroke-dasharray=\"2 3\""],
        );
        assert_eq!(dotted.len(), 1, "one dotted line: {svg}");
        let line = points(dotted[0]);
        let (left, right) = (line[0], line[line.len() - 1]);
        assert_eq!(left.1, right.1, "level");
        assert_eq!(
            (left.0, right.0),
            (geometry.plot_x.0, geometry.plot_x.1 - 1),
            "across the plot"
        );
        // 35 is drawn below 51 (larger y is lower on screen).
        let y51 = geometry.marks[1].1;
        assert!(left.1 > y51, "{} below {y51}", left.1);
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
        let joined = elements(&svg, "polyline", &["stroke=\"#0072B2\""]);
        let from_2015: Vec<&&str> = joined
            .iter()
            .filter(|e| points(e) == [(x, y), geometry.marks[1]])
            .collect();
        assert_eq!(from_2015.len(), 1, "{joined:?}");
        assert!(
            from_2015[0].contains("stroke-dasharray=\"5 3\""),
            "dashed: {}",
            from_2015[0]
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
        let solid = format!("points=\"{x1},{y1} {x2},{y2}\"");
        let joined = elements(&svg, "polyline", &[&solid, "stroke=\"#0072B2\""]);
        assert_eq!(joined.len(), 1, "2019 and 2020 joined by one line");
        assert!(!joined[0].contains("dasharray"), "solid: {}", joined[0]);
        let target = elements(&svg, "polyline", &["stroke=\"#D55E00\""]);
        assert_eq!(target.len(), 1, "the target's line: {target:?}");
        assert!(target[0].contains("stroke-dasharray=\"6 4\""), "dashed");
        assert_eq!(points(target[0])[0].1, y3, "at the target's level");
        let goal = format!("points=\"{x2},{y2} {x3},{y3}\"");
        let way = elements(&svg, "polyline", &[&goal, "stroke-dasharray=\"4 4\""]);
        assert_eq!(way.len(), 1, "the dashed way from 56 to 43");
        let without_goal = TrendChart {
            goal: None,
            ..jiaozuo
        };
        let (plain, _) = render(&ChartModel::Trend(without_goal));
        assert!(elements(&plain, "polyline", &[&goal]).is_empty());
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
            let size = ((360.0 * scale) as i32, (240.0 * scale) as i32);
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
            let size = format!("font-size=\"{}\"", format_value(13.0 * scale));
            let label = elements(&svg, "text", &[&size, "text-anchor=\"middle\""]);
            assert!(
                label.iter().any(|t| t.contains(&format!("x=\"{x}\""))),
                "the target's label over it: {label:?}"
            );
            crate::paint::tests::assert_well_formed(&svg);
        }
    }

    #[test]
    fn a_chart_is_well_formed_svg_with_its_labels_escaped() {
        let mut model = pingdingshan();
        model.marks[2].label = "2025 · <meet> \"R&D\"".into();
        let (svg, _) = render(&ChartModel::Trend(model));
        crate::paint::tests::assert_well_formed(&svg);
        assert!(svg.contains("&lt;meet&gt; &quot;R&amp;D&quot;"), "{svg}");
        assert!(svg
            .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"360\" height=\"240\""));
    }

    #[test]
    fn the_dark_scheme_draws_on_a_dark_background_in_lighter_colours() {
        let style = ChartStyle {
            dark: true,
            ..style()
        };
        let (svg, _) = to_svg((360, 240), &ChartModel::Trend(pingdingshan()), &style, None);
        assert!(svg.contains("<rect x=\"0\" y=\"0\" width=\"360\" height=\"240\" fill=\"#1C1C1E\""));
        assert!(elements(&svg, "text", &["fill=\"#ECECEC\""]).len() >= 2);
        assert!(!elements(&svg, "polyline", &["stroke=\"#00BE8C\""]).is_empty());
        assert!(elements(&svg, "text", &["fill=\"#000000\""]).is_empty());
    }

    #[test]
    fn a_decade_is_the_power_of_ten_at_or_below() {
        for (x, decade_of_x) in [
            (1.0, 1.0),
            (9.99, 1.0),
            (10.0, 10.0),
            (64.4, 10.0),
            (1000.0, 1000.0),
            (116.0, 100.0),
            (0.5, 0.1),
            (0.1, 0.1),
            (0.0999, 0.01),
            (0.0015, 0.001),
        ] {
            assert_eq!(decade(x), decade_of_x, "{x}");
        }
        for e in -12..=20 {
            let p = 10f64.powi(e);
            for x in [p, p * 1.5, p * 9.9] {
                assert_eq!(decade(x), 10f64.powf(x.log10().floor()), "{x}");
            }
        }
    }

    #[test]
    fn ticks_are_round_values_within_the_axis() {
        assert_eq!(ticks(0.0, 80.0, 5), [0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(ticks(0.0, 150.0, 5), [0.0, 50.0, 100.0, 150.0]);
        assert_eq!(ticks(0.0, 100.0, 3), [0.0, 50.0, 100.0]);
        assert_eq!(ticks(0.0, 1.0, 5), [0.0, 0.5, 1.0]);
        assert!(ticks(0.0, 10.0, 0).is_empty());
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
}
