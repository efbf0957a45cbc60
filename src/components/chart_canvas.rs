use crate::chart::{draw, ChartModel, ChartStyle, PlotGeometry};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::web::device_pixel_ratio;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

const FONT: &str =
    "system-ui, \"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif";

/// How much larger the elder mode draws a chart's labels, lines and marks: 13 px labels become 17.
const ELDER_ZOOM: f64 = 1.3;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub model: Rc<ChartModel>,
    pub lang: Lang,
    pub dark: bool,
    /// Controls of the chart's own (the metric block's table toggle), first in its row of actions.
    #[prop_or_default]
    pub children: Html,
}

/// A chart on a canvas: sized to its container and the device pixel ratio, redrawn when
/// either changes, with a readout of the mark chosen by mouse, tap or arrow keys. The readout stays
/// when the pointer or focus leaves (Escape clears it): a readout that collapsed as the pointer
/// moved on would pull the page up under it.
#[function_component(ChartCanvas)]
pub fn chart_canvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let ctx = use_context::<super::Ctx>();
    let elder = ctx.as_ref().is_some_and(|c| c.elder);
    // Only the build prerenders (natively): the browser's code has no SVG stand-in.
    let prerender = cfg!(not(target_arch = "wasm32")) && ctx.as_ref().is_some_and(|c| c.prerender);
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
        // Another city's or metric's chart in the same place starts with nothing picked.
        let active = active.clone();
        use_effect_with(props.model.clone(), move |_| active.set(None));
    }
    {
        let canvas_ref = canvas_ref.clone();
        let geometry = geometry.clone();
        use_effect_with(
            (props.model.clone(), props.dark, *active, *width, elder),
            move |(model, dark, active, width, elder)| {
                // Drawn once the resize observer has measured the box (before the first paint),
                // not also at mount: one drawing per chart on a first screen, not two, and no
                // layout forced in between.
                if *width <= 0.0 {
                    return;
                }
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    let drawn = paint(&canvas, model, *dark, *elder, *active);
                    let answers = drawn.is_some();
                    *geometry.borrow_mut() = drawn;
                    // Told once the chart can answer a pointer (its marks' places are kept), not
                    // before: a reader's first tap, as soon as the page hears of the chart, picks.
                    if answers {
                        crate::web::first_chart_drawn();
                    }
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
    let count = props.model.marks().len();
    let on_key = {
        let active = active.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match (e.key().as_str(), *active) {
                _ if count == 0 => return,
                ("ArrowRight" | "ArrowDown", None) | ("Home", _) => 0,
                ("ArrowLeft" | "ArrowUp", None) | ("End", _) => count - 1,
                ("ArrowRight" | "ArrowDown", Some(i)) => (i + 1).min(count - 1),
                ("ArrowLeft" | "ArrowUp", Some(i)) => i.saturating_sub(1),
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

    let save = |svg: bool| {
        let model = props.model.clone();
        Callback::from(move |_: MouseEvent| {
            let file = &model.picture().file;
            if svg {
                let picture = crate::chart::picture_svg(&model, &crate::web::page_address(), FONT);
                crate::web::download(&format!("{file}.svg"), "image/svg+xml", &picture);
            } else if let Some(url) = png(&model) {
                crate::web::download_url(&format!("{file}.png"), &url);
            }
        })
    };
    let title = props.model.picture().title.clone();
    let saves = (!title.is_empty()).then(|| {
        let title = title.clone();
        let lang = props.lang;
        html! {
            <>
                <button type="button" class="save" aria-label={format!("{}{title}", t(lang, Key::SaveSvg))} onclick={save(true)}>{ "SVG" }</button>
                <button type="button" class="save" aria-label={format!("{}{title}", t(lang, Key::SavePng))} onclick={save(false)}>{ "PNG" }</button>
            </>
        }
    });

    let mark = (*active).and_then(|i| props.model.marks().get(i));
    // Compare's height follows its rows, not its width: a spacer that tall holds the chart's place
    // before it has drawn (the browser may paint in between), and the canvas lies over it. A
    // trend's height follows its width, which the stylesheet reserves.
    let compact = matches!(&*props.model, ChartModel::Trend(c) if c.compact);
    let fixed = matches!(&*props.model, ChartModel::Compare(_))
        .then(|| (props.model.css_height(0.0).round() as u32).to_string());
    let rows = fixed.is_some();
    html! {
        <div class={classes!("chart-box", rows.then_some("fixed"))}>
            if let Some(height) = fixed.filter(|_| !prerender) {
                <svg class="chart-space" height={height} aria-hidden="true"></svg>
            }
            if let Some((width, height, drawing)) = prerender.then(|| still_svg(&props.model)) {
                <svg class={classes!("chart", "still", compact.then_some("compact"), rows.then_some("rows"))} role="img"
                    aria-label={props.model.summary().to_string()} height={height.to_string()}
                    viewBox={format!("0 0 {width} {height}")} xmlns="http://www.w3.org/2000/svg">
                    { Html::from_html_unchecked(drawing.into()) }
                </svg>
            } else {
                <canvas
                    ref={canvas_ref}
                    class={classes!("chart", compact.then_some("compact"))}
                    role="img"
                    tabindex="0"
                    aria-label={props.model.summary().to_string()}
                    onpointermove={on_move}
                    onpointerdown={on_down}
                    onkeydown={on_key}
                    onfocus={on_focus}
                />
            }
            <div class={classes!("readout", mark.is_some().then_some("active"))} aria-live="polite">
                <p class="main">{ mark.map_or_else(|| t(props.lang, Key::ChartHint).to_string(), |m| m.readout.clone()) }</p>
                { for mark.into_iter().flat_map(|m| m.detail.iter()).map(|d| html! { <p class="detail">{ d.clone() }</p> }) }
            </div>
            <div class="chart-actions">
                { props.children.clone() }
                <super::ReadAloud text={props.model.summary().to_string()} what={if title.is_empty() { props.model.summary().to_string() } else { title.clone() }} />
                { for saves }
            </div>
        </div>
    }
}

/// Widths in CSS px a prerendered chart is drawn for: its box on a 375 px phone, the commonest
/// screen. Elsewhere the drawing is scaled into the box (the stylesheet gives it the canvas's
/// size) until the app draws the chart for the box's own width.
const STILL_WIDTH: f64 = 351.0;
const STILL_COMPACT_WIDTH: f64 = 325.0;

/// The chart as the page carries it before the app runs: the same drawing as the canvas's, by
/// plotters' SVG backend, light, at 1 device pixel per CSS pixel; its width, its height and what
/// is inside plotters' `<svg>` element (the page's own element carries the chart's name).
fn still_svg(model: &ChartModel) -> (u32, u32, String) {
    let width = match model {
        ChartModel::Trend(c) if c.compact => STILL_COMPACT_WIDTH,
        _ => STILL_WIDTH,
    };
    let size = (width as u32, model.css_height(width).round() as u32);
    let style = ChartStyle {
        scale: 1.0,
        font_family: FONT.into(),
        dark: false,
        text: crate::chart::SVG_TEXT,
    };
    let svg = crate::chart::to_svg(size, model, &style, None).0;
    let inner = svg
        .find('>')
        .zip(svg.rfind("</svg>"))
        .map_or("", |(open, close)| &svg[open + 1..close]);
    (size.0, size.1, inner.to_string())
}

/// The chart's picture as a PNG data URL, drawn at twice its CSS size on a canvas of its own.
fn png(model: &ChartModel) -> Option<String> {
    let address = crate::web::page_address();
    let size = crate::chart::picture_size(model, &address, 2.0);
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(size.0 as u32);
    canvas.set_height(size.1 as u32);
    let style = ChartStyle {
        scale: 2.0,
        font_family: FONT.into(),
        dark: false,
        text: 1.0,
    };
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    crate::chart::draw_picture(&root, model, &address, &style).ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

fn paint(
    canvas: &HtmlCanvasElement,
    model: &ChartModel,
    dark: bool,
    elder: bool,
    active: Option<usize>,
) -> Option<PlotGeometry> {
    let css_width = f64::from(canvas.client_width());
    if css_width <= 0.0 {
        return None;
    }
    let ratio = device_pixel_ratio();
    let css_height = model.css_height(css_width);
    let size = (
        (css_width * ratio).round() as u32,
        (css_height * ratio).round() as u32,
    );
    // A canvas whose size is set is cleared and its backing store made anew, even to the same
    // size: only when it changes (every drawing starts by filling the whole canvas anyway).
    if canvas.width() != size.0 {
        canvas.set_width(size.0);
    }
    if canvas.height() != size.1 {
        canvas.set_height(size.1);
    }
    // The elder mode draws everything (labels, lines, marks) larger by `ELDER_ZOOM`.
    let style = ChartStyle {
        scale: ratio * if elder { ELDER_ZOOM } else { 1.0 },
        font_family: FONT.into(),
        dark,
        text: 1.0,
    };
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    let geometry = draw(&root, model, &style, active).ok()?;
    // Where each mark is, in CSS pixels: what a test (or a curious reader) can aim at.
    let at: Vec<String> = geometry
        .marks
        .iter()
        .map(|(x, y)| {
            format!(
                "{},{}",
                (f64::from(*x) / ratio).round() as i32,
                (f64::from(*y) / ratio).round() as i32
            )
        })
        .collect();
    let _ = canvas.set_attribute("data-points", &at.join(" "));
    Some(geometry)
}
