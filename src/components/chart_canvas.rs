use crate::chart::{draw, ChartPoint, ChartStyle, PlotGeometry};
use crate::describe::{point_kind_label, year_label};
use crate::format::format_value;
use crate::format::with_unit;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::web::device_pixel_ratio;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub points: Vec<ChartPoint>,
    pub style: ChartStyle,
    /// The chart's text summary: its accessible name.
    pub summary: AttrValue,
    pub unit: AttrValue,
    pub lang: Lang,
}

/// A plotters chart on a canvas: sized to its container and the device pixel ratio, redrawn when
/// either changes, with a readout of the point chosen by mouse, tap or arrow keys.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let active = use_state_eq(|| None::<usize>);
    let width = use_state_eq(|| 0.0_f64);
    let geometry = use_mut_ref(|| None::<PlotGeometry>);

    {
        let canvas_ref = canvas_ref.clone();
        let width = width.setter();
        use_effect_with((), move |_| {
            let observer = canvas_ref.cast::<HtmlCanvasElement>().and_then(|canvas| {
                let on_resize =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            width.set(entry.content_rect().width().round());
                        }
                    });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&canvas);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _on_resize)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    {
        let canvas_ref = canvas_ref.clone();
        let geometry = geometry.clone();
        use_effect_with(
            (props.points.clone(), props.style.clone(), *active, *width),
            move |(points, style, active, _)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    *geometry.borrow_mut() = paint(&canvas, points, style, *active);
                }
            },
        );
    }

    let pick = {
        let canvas_ref = canvas_ref.clone();
        let geometry = geometry.clone();
        move |e: &PointerEvent| -> Option<usize> {
            let canvas = canvas_ref.cast::<HtmlCanvasElement>()?;
            let ratio = f64::from(canvas.width()) / f64::from(canvas.client_width().max(1));
            let at = (
                (f64::from(e.offset_x()) * ratio) as i32,
                (f64::from(e.offset_y()) * ratio) as i32,
            );
            geometry.borrow().as_ref()?.nearest(at)
        }
    };
    let on_move = {
        let active = active.clone();
        let pick = pick.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" {
                active.set(pick(&e));
            }
        })
    };
    let on_down = {
        let active = active.clone();
        Callback::from(move |e: PointerEvent| active.set(pick(&e)))
    };
    let on_leave = {
        let active = active.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" {
                active.set(None);
            }
        })
    };
    let count = props.points.len();
    let on_key = {
        let active = active.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match (e.key().as_str(), *active) {
                _ if count == 0 => return,
                ("ArrowRight" | "ArrowUp", None) | ("Home", _) => 0,
                ("ArrowLeft" | "ArrowDown", None) | ("End", _) => count - 1,
                ("ArrowRight" | "ArrowUp", Some(i)) => (i + 1).min(count - 1),
                ("ArrowLeft" | "ArrowDown", Some(i)) => i.saturating_sub(1),
                ("Escape", _) => {
                    active.set(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            active.set(Some(next));
        })
    };
    let on_focus = {
        let active = active.clone();
        Callback::from(move |_: FocusEvent| {
            if active.is_none() && count > 0 {
                active.set(Some(0));
            }
        })
    };
    let on_blur = {
        let active = active.clone();
        Callback::from(move |_: FocusEvent| active.set(None))
    };

    let lang = props.lang;
    let readout = match (*active).and_then(|i| props.points.get(i)) {
        Some(p) => {
            let kind = point_kind_label(lang, p.kind);
            format!(
                "{} · {} · {kind}",
                year_label(lang, p.year),
                with_unit(lang, &format_value(p.value), &props.unit)
            )
        }
        None => t(lang, Key::ChartHint).to_string(),
    };
    html! {
        <div class="chart-box">
            <canvas
                ref={canvas_ref}
                class="chart"
                role="img"
                tabindex="0"
                aria-label={props.summary.clone()}
                onpointermove={on_move}
                onpointerdown={on_down}
                onpointerleave={on_leave}
                onkeydown={on_key}
                onfocus={on_focus}
                onblur={on_blur}
            />
            <p class={classes!("readout", active.is_some().then_some("active"))} aria-live="polite">{ readout }</p>
        </div>
    }
}

fn paint(
    canvas: &HtmlCanvasElement,
    points: &[ChartPoint],
    style: &ChartStyle,
    active: Option<usize>,
) -> Option<PlotGeometry> {
    let css_width = f64::from(canvas.client_width());
    if css_width <= 0.0 {
        return None;
    }
    let ratio = device_pixel_ratio();
    let css_height = (css_width * 0.6).clamp(200.0, 320.0);
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let style = ChartStyle {
        scale: ratio,
        ..style.clone()
    };
    let geometry = draw(&backend.into_drawing_area(), points, &style, active).ok()?;
    // Where each point is, in CSS pixels: what a test (or a curious reader) can aim at.
    let at: Vec<String> = geometry
        .points
        .iter()
        .map(|(_, (x, y))| {
            format!(
                "{},{}",
                (f64::from(*x) / ratio).round(),
                (f64::from(*y) / ratio).round()
            )
        })
        .collect();
    let _ = canvas.set_attribute("data-points", &at.join(" "));
    Some(geometry)
}
