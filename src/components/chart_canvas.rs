use crate::chart::{draw, ChartPoint, ChartStyle};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub points: Vec<ChartPoint>,
    pub style: ChartStyle,
    /// The chart's text summary: its accessible name.
    pub summary: AttrValue,
}

/// A plotters chart on a canvas whose backing store is sized to the device pixel ratio.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with(
            (props.points.clone(), props.style.clone()),
            move |(points, style)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    paint(canvas, points, style);
                }
            },
        );
    }
    html! {
        <canvas ref={canvas_ref} class="chart" role="img" aria-label={props.summary.clone()} />
    }
}

fn paint(canvas: HtmlCanvasElement, points: &[ChartPoint], style: &ChartStyle) {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let css_width = f64::from(canvas.client_width().max(280));
    let css_height = (css_width * 0.6).clamp(200.0, 360.0);
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let style = ChartStyle {
        scale: ratio,
        ..style.clone()
    };
    // A failed draw leaves the table alternative beside the chart as the readable record.
    let _ = draw(&backend.into_drawing_area(), points, &style);
}
