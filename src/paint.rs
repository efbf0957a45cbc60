//! What a chart is drawn with: a few shapes and text in device pixels, behind a small trait. The
//! browser paints them on a canvas (src/canvas.rs); [`Svg`] writes them as a standalone SVG
//! document, natively and in the browser. Numbers are written by integer code: core's float
//! formatting would add about 10 KB to the wasm.

use crate::format::format_value;
use std::fmt::Write;

/// A point in device pixels, (0, 0) at the top left.
pub type Point = (i32, i32);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`, as CSS and SVG read it.
    pub fn hex(self) -> String {
        let mut out = String::with_capacity(7);
        out.push('#');
        for byte in [self.0, self.1, self.2] {
            for nibble in [byte >> 4, byte & 15] {
                out.push(char::from(b"0123456789ABCDEF"[usize::from(nibble)]));
            }
        }
        out
    }
}

/// A line's colour and width; dashed when `dash` gives the lengths of a dash and of the gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stroke {
    pub colour: Rgb,
    pub width: i32,
    pub dash: Option<(i32, i32)>,
}

impl Stroke {
    pub fn solid(colour: Rgb, width: i32) -> Self {
        Stroke {
            colour,
            width,
            dash: None,
        }
    }

    pub fn dashed(colour: Rgb, width: i32, dash: i32, gap: i32) -> Self {
        Stroke {
            colour,
            width,
            dash: Some((dash, gap)),
        }
    }
}

/// Where a text's `x` is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Where a text's `y` is: the top, middle or bottom of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle<'a> {
    pub family: &'a str,
    /// In device pixels.
    pub size: f64,
    pub bold: bool,
    pub colour: Rgb,
    pub anchor: Anchor,
    pub baseline: Baseline,
}

/// Something a chart can be drawn on. Every coordinate and length is in device pixels.
pub trait Painter {
    /// A rectangle from `from` (top left) to `to` (bottom right, exclusive).
    fn rect(&mut self, from: Point, to: Point, fill: Option<Rgb>, stroke: Option<Stroke>);
    /// One straight segment; a horizontal or vertical one lies on the pixel grid (a crisp rule).
    fn line(&mut self, from: Point, to: Point, stroke: Stroke);
    fn polyline(&mut self, points: &[Point], stroke: Stroke);
    fn polygon(&mut self, points: &[Point], fill: Rgb);
    fn circle(&mut self, centre: Point, radius: i32, fill: Option<Rgb>, stroke: Option<Stroke>);
    fn text(&mut self, text: &str, at: Point, style: &TextStyle);
}

/// A painter whose drawing is moved down by `dy` device pixels: a chart inside a larger picture.
pub struct Shifted<'a> {
    pub inner: &'a mut dyn Painter,
    pub dx: i32,
    pub dy: i32,
}

impl Shifted<'_> {
    fn at(&self, (x, y): Point) -> Point {
        (x + self.dx, y + self.dy)
    }
}

impl Painter for Shifted<'_> {
    fn rect(&mut self, from: Point, to: Point, fill: Option<Rgb>, stroke: Option<Stroke>) {
        let (from, to) = (self.at(from), self.at(to));
        self.inner.rect(from, to, fill, stroke);
    }
    fn line(&mut self, from: Point, to: Point, stroke: Stroke) {
        let (from, to) = (self.at(from), self.at(to));
        self.inner.line(from, to, stroke);
    }
    fn polyline(&mut self, points: &[Point], stroke: Stroke) {
        let points: Vec<Point> = points.iter().map(|p| self.at(*p)).collect();
        self.inner.polyline(&points, stroke);
    }
    fn polygon(&mut self, points: &[Point], fill: Rgb) {
        let points: Vec<Point> = points.iter().map(|p| self.at(*p)).collect();
        self.inner.polygon(&points, fill);
    }
    fn circle(&mut self, centre: Point, radius: i32, fill: Option<Rgb>, stroke: Option<Stroke>) {
        let centre = self.at(centre);
        self.inner.circle(centre, radius, fill, stroke);
    }
    fn text(&mut self, text: &str, at: Point, style: &TextStyle) {
        let at = self.at(at);
        self.inner.text(text, at, style);
    }
}

/// A rough width of a label in pixels at `size`: CJK characters are square, others about half.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c as u32 >= 0x2E80 { 1.0 } else { 0.56 })
        .sum::<f64>()
        * size
}

/// Splits a label into lines no wider than `width` (at most two; a word target is short).
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
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

/// A chart as a standalone SVG document: `Svg::new(w, h)`, draw, then [`Svg::finish`].
#[derive(Debug, Clone)]
pub struct Svg {
    out: String,
}

impl Svg {
    pub fn new(width: i32, height: i32) -> Self {
        let mut out = String::with_capacity(4096);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
        );
        out.push('\n');
        Svg { out }
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    fn points(&mut self, points: &[Point]) {
        self.out.push_str(" points=\"");
        for (n, (x, y)) in points.iter().enumerate() {
            let _ = write!(self.out, "{}{x},{y}", if n == 0 { "" } else { " " });
        }
        self.out.push('"');
    }

    fn paint(&mut self, fill: Option<Rgb>, stroke: Option<Stroke>) {
        let fill = fill.map_or_else(|| "none".to_string(), Rgb::hex);
        let _ = write!(self.out, " fill=\"{fill}\"");
        match stroke {
            None => self.out.push_str(" stroke=\"none\""),
            Some(s) => {
                let _ = write!(
                    self.out,
                    " stroke=\"{}\" stroke-width=\"{}\"",
                    s.colour.hex(),
                    s.width
                );
                if let Some((dash, gap)) = s.dash {
                    let _ = write!(self.out, " stroke-dasharray=\"{dash} {gap}\"");
                }
            }
        }
        self.out.push_str("/>\n");
    }
}

impl Painter for Svg {
    fn rect(&mut self, from: Point, to: Point, fill: Option<Rgb>, stroke: Option<Stroke>) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
            from.0,
            from.1,
            to.0 - from.0,
            to.1 - from.1
        );
        self.paint(fill, stroke);
    }

    fn line(&mut self, from: Point, to: Point, stroke: Stroke) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
            from.0, from.1, to.0, to.1
        );
        self.paint(None, Some(stroke));
    }

    fn polyline(&mut self, points: &[Point], stroke: Stroke) {
        self.out.push_str("<polyline");
        self.points(points);
        self.paint(None, Some(stroke));
    }

    fn polygon(&mut self, points: &[Point], fill: Rgb) {
        self.out.push_str("<polygon");
        self.points(points);
        self.paint(Some(fill), None);
    }

    fn circle(&mut self, (x, y): Point, radius: i32, fill: Option<Rgb>, stroke: Option<Stroke>) {
        let _ = write!(self.out, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"");
        self.paint(fill, stroke);
    }

    fn text(&mut self, text: &str, (x, y): Point, style: &TextStyle) {
        let anchor = match style.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        // The shift from `y` to the alphabetic baseline, as a canvas's textBaseline places it.
        let dy = match style.baseline {
            Baseline::Top => "0.8em",
            Baseline::Middle => "0.35em",
            Baseline::Bottom => "-0.2em",
        };
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-family=\"{}\" font-size=\"{}\"{} fill=\"{}\">{}</text>",
            escape(style.family),
            format_value(style.size),
            if style.bold { " font-weight=\"bold\"" } else { "" },
            style.colour.hex(),
            escape(text)
        );
        self.out.push('\n');
    }
}

/// Text as SVG (XML) character data or an attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters, not even as references.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const BLUE: Rgb = Rgb(0, 114, 178);

    fn style(family: &str) -> TextStyle<'_> {
        TextStyle {
            family,
            size: 31.5,
            bold: true,
            colour: BLUE,
            anchor: Anchor::End,
            baseline: Baseline::Middle,
        }
    }

    #[test]
    fn colours_are_written_as_css_hex() {
        assert_eq!(Rgb(0, 128, 94).hex(), "#00805E");
        assert_eq!(Rgb(255, 255, 255).hex(), "#FFFFFF");
    }

    #[test]
    fn a_drawing_is_one_standalone_svg_document() {
        let mut svg = Svg::new(300, 150);
        svg.rect((0, 0), (300, 150), Some(Rgb(255, 255, 255)), None);
        svg.line((10, 20), (290, 20), Stroke::solid(Rgb(215, 215, 215), 1));
        svg.polyline(&[(1, 2), (3, 4), (5, 6)], Stroke::dashed(BLUE, 2, 5, 3));
        svg.polygon(&[(10, 3), (4, 14), (17, 14)], Rgb(213, 94, 0));
        svg.circle((50, 60), 5, None, Some(Stroke::solid(BLUE, 2)));
        svg.text("56", (8, 9), &style("sans-serif"));
        let out = svg.finish();
        assert!(out.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"150\" viewBox=\"0 0 300 150\">"
        ));
        assert!(out.ends_with("</svg>\n"));
        assert_eq!(out.matches("<svg").count(), 1);
        for element in [
            "<rect x=\"0\" y=\"0\" width=\"300\" height=\"150\" fill=\"#FFFFFF\" stroke=\"none\"/>",
            "<line x1=\"10\" y1=\"20\" x2=\"290\" y2=\"20\" fill=\"none\" stroke=\"#D7D7D7\" stroke-width=\"1\"/>",
            "<polyline points=\"1,2 3,4 5,6\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
            "<polygon points=\"10,3 4,14 17,14\" fill=\"#D55E00\" stroke=\"none\"/>",
            "<circle cx=\"50\" cy=\"60\" r=\"5\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\"/>",
            "<text x=\"8\" y=\"9\" dy=\"0.35em\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"31.5\" font-weight=\"bold\" fill=\"#0072B2\">56</text>",
        ] {
            assert!(out.contains(element), "{element} in {out}");
        }
        assert_well_formed(&out);
    }

    #[test]
    fn text_and_font_names_are_escaped() {
        let mut svg = Svg::new(10, 10);
        let family = "system-ui, \"Noto Sans CJK SC\", sans-serif";
        svg.text("a < b & c > \"d\" 'e'\u{1}", (0, 0), &style(family));
        let out = svg.finish();
        assert!(out.contains("font-family=\"system-ui, &quot;Noto Sans CJK SC&quot;, sans-serif\""));
        assert!(out.contains(">a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;</text>"));
        assert_well_formed(&out);
    }

    /// Every element is closed in order, every attribute quoted, and no `<`, `>` or bare `&` is
    /// left in text or attributes: what an XML parser needs (none is a dependency here).
    pub(crate) fn assert_well_formed(svg: &str) {
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
