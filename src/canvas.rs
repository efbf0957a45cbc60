//! A browser canvas as a [`Painter`]: the chart's shapes and text on its 2D context, in backing
//! store (device) pixels.

use crate::format::format_value;
use crate::paint::{Anchor, Baseline, Painter, Point, Rgb, Stroke, TextStyle};
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

pub struct Canvas {
    context: CanvasRenderingContext2d,
}

impl Canvas {
    pub fn new(context: CanvasRenderingContext2d) -> Self {
        Canvas { context }
    }

    fn set_stroke(&self, stroke: Stroke) {
        let c = &self.context;
        c.set_stroke_style_str(&stroke.colour.hex());
        c.set_line_width(f64::from(stroke.width));
        let dash = js_sys::Array::new();
        if let Some((on, off)) = stroke.dash {
            dash.push(&JsValue::from(on));
            dash.push(&JsValue::from(off));
        }
        let _ = c.set_line_dash(&dash);
    }

    fn path(&self, points: &[Point]) {
        let c = &self.context;
        c.begin_path();
        for (n, (x, y)) in points.iter().enumerate() {
            let (x, y) = (f64::from(*x), f64::from(*y));
            if n == 0 {
                c.move_to(x, y);
            } else {
                c.line_to(x, y);
            }
        }
    }

    fn finish(&self, fill: Option<Rgb>, stroke: Option<Stroke>) {
        if let Some(colour) = fill {
            self.context.set_fill_style_str(&colour.hex());
            self.context.fill();
        }
        if let Some(stroke) = stroke {
            self.set_stroke(stroke);
            self.context.stroke();
        }
    }
}

impl Painter for Canvas {
    fn rect(&mut self, from: Point, to: Point, fill: Option<Rgb>, stroke: Option<Stroke>) {
        let (x, y) = (f64::from(from.0), f64::from(from.1));
        let (w, h) = (f64::from(to.0 - from.0), f64::from(to.1 - from.1));
        if let Some(colour) = fill {
            self.context.set_fill_style_str(&colour.hex());
            self.context.fill_rect(x, y, w, h);
        }
        if let Some(stroke) = stroke {
            self.set_stroke(stroke);
            self.context.stroke_rect(x, y, w, h);
        }
    }

    fn line(&mut self, from: Point, to: Point, stroke: Stroke) {
        let (mut a, mut b) = (
            (f64::from(from.0), f64::from(from.1)),
            (f64::from(to.0), f64::from(to.1)),
        );
        // A 1 px rule on a pixel's centre covers one row of pixels, not half of two.
        if from.0 == to.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if from.1 == to.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        let c = &self.context;
        c.begin_path();
        c.move_to(a.0, a.1);
        c.line_to(b.0, b.1);
        self.finish(None, Some(stroke));
    }

    fn polyline(&mut self, points: &[Point], stroke: Stroke) {
        self.path(points);
        self.finish(None, Some(stroke));
    }

    fn polygon(&mut self, points: &[Point], fill: Rgb) {
        self.path(points);
        self.context.close_path();
        self.finish(Some(fill), None);
    }

    fn circle(&mut self, (x, y): Point, radius: i32, fill: Option<Rgb>, stroke: Option<Stroke>) {
        self.context.begin_path();
        let _ = self.context.arc(
            f64::from(x),
            f64::from(y),
            f64::from(radius),
            0.0,
            std::f64::consts::TAU,
        );
        self.finish(fill, stroke);
    }

    fn text(&mut self, text: &str, (x, y): Point, style: &TextStyle) {
        let c = &self.context;
        c.set_text_align(match style.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "center",
            Anchor::End => "end",
        });
        c.set_text_baseline(match style.baseline {
            Baseline::Top => "top",
            Baseline::Middle => "middle",
            Baseline::Bottom => "bottom",
        });
        c.set_fill_style_str(&style.colour.hex());
        c.set_font(&format!(
            "{} {}px {}",
            if style.bold { "bold" } else { "normal" },
            format_value(style.size),
            style.family
        ));
        let _ = c.fill_text(text, f64::from(x), f64::from(y));
    }
}
