//! Components rendered into a real DOM in headless Chromium (wasm-bindgen-test), read back and
//! compared with the view model they render.
#![cfg(target_arch = "wasm32")]

use ecoplan::components::metric_block::MetricBlockProps;
use ecoplan::components::MetricBlockView;
use ecoplan::lang::Lang;
use ecoplan::model::{parse_catalog, parse_city, Domain};
use ecoplan::views::{trends::trends, MetricBlock};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Jiaozuo's PM2.5 block of the Air view, as the widget computes it.
fn jiaozuo_pm25(lang: Lang) -> MetricBlock {
    let city = parse_city("jiaozuo.json", include_str!("../data/cities/jiaozuo.json")).unwrap();
    let catalog = parse_catalog("metrics.json", include_str!("../data/metrics.json")).unwrap();
    trends(&city, &catalog, Domain::Air, lang)
        .blocks
        .into_iter()
        .find(|b| b.id == "indicator-pm25")
        .unwrap()
}

async fn render(lang: Lang) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 360px").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let props = MetricBlockProps {
        block: jiaozuo_pm25(lang),
        lang,
    };
    yew::Renderer::<MetricBlockView>::with_root_and_props(root.clone(), props).render();
    // Rendering and the chart's effect run on yew's scheduler: give them a turn.
    yew::platform::time::sleep(Duration::from_millis(150)).await;
    root
}

fn cells(root: &Element) -> Vec<Vec<String>> {
    let rows = root.query_selector_all("tbody tr").unwrap();
    (0..rows.length())
        .map(|i| {
            let row: Element = rows.item(i).unwrap().dyn_into().unwrap();
            let cells = row.query_selector_all("td").unwrap();
            (0..cells.length())
                .map(|j| cells.item(j).unwrap().text_content().unwrap_or_default())
                .collect()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_table_alternative_is_the_view_models_rows() {
    let root = render(Lang::Zh).await;
    let block = jiaozuo_pm25(Lang::Zh);
    assert_eq!(
        root.query_selector("h3")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        block.title
    );
    let rows = cells(&root);
    let expected: Vec<Vec<String>> = block
        .table
        .iter()
        .map(|r| {
            vec![
                r.year.clone(),
                r.value.clone(),
                r.kind.clone(),
                r.source.clone(),
            ]
        })
        .collect();
    assert_eq!(rows, expected);
    assert!(
        rows.iter()
            .any(|r| r[0] == "2020" && r[1] == "56 μg/m³" && r[3] == "第 142 行"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r[0] == "2025" && r[1] == "43 μg/m³" && r[2] == "目标"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r[1] == "35 μg/m³" && r[3] == "GB 3095—2012"),
        "the standard's row: {rows:?}"
    );
}

#[wasm_bindgen_test]
async fn the_chart_is_an_image_named_by_its_summary_and_has_drawn_its_lines() {
    let root = render(Lang::En).await;
    let block = jiaozuo_pm25(Lang::En);
    let canvas: HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    let summary = block.chart.as_ref().unwrap().summary.clone();
    assert_eq!(canvas.get_attribute("aria-label").unwrap(), summary);
    assert!(summary.contains("2020 · 56 μg/m³ · Measured"), "{summary}");
    assert!(
        summary.contains("National Class II limit 35 μg/m³"),
        "{summary}"
    );
    assert!(
        canvas.width() >= 280,
        "backing store sized: {}",
        canvas.width()
    );
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    let count = |f: &dyn Fn(&[u8]) -> bool| data.chunks(4).filter(|px| f(px)).count();
    let orange = count(&|px| px[0] > 190 && (70..120).contains(&px[1]) && px[2] < 40);
    let green =
        count(&|px| px[0] < 30 && (110..150).contains(&px[1]) && (80..110).contains(&px[2]));
    assert!(orange > 20, "the target line is drawn: {orange} px");
    assert!(green > 20, "the Class II line is drawn: {green} px");
}
