//! Components rendered into a real DOM in headless Chromium (wasm-bindgen-test), read back.
#![cfg(target_arch = "wasm32")]

use ecoplan::components::indicator_chart::IndicatorChartProps;
use ecoplan::components::IndicatorChart;
use ecoplan::lang::Lang;
use ecoplan::model::{parse_city, Indicator};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn jiaozuo_pm25() -> Indicator {
    let city = parse_city("jiaozuo.json", include_str!("../data/cities/jiaozuo.json")).unwrap();
    city.indicators
        .into_iter()
        .find(|i| i.metric.as_deref() == Some("pm25"))
        .unwrap()
}

async fn render_sample(lang: Lang) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 360px").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let props = IndicatorChartProps {
        indicator: jiaozuo_pm25(),
        lang,
        dark: false,
    };
    yew::Renderer::<IndicatorChart>::with_root_and_props(root.clone(), props).render();
    // Rendering and the chart's effect run on yew's scheduler: give them a turn.
    yew::platform::time::sleep(Duration::from_millis(100)).await;
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
async fn table_alternative_lists_each_printed_value_with_its_source_line() {
    let root = render_sample(Lang::Zh).await;
    let indicator = jiaozuo_pm25();
    assert_eq!(
        root.query_selector("h3")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        indicator.name.zh
    );
    let rows = cells(&root);
    assert_eq!(rows.len(), indicator.values.len());
    for (row, value) in rows.iter().zip(&indicator.values) {
        assert_eq!(row[0], value.year.to_string());
        match &value.source {
            Some(source) => assert_eq!(row[3], format!("第 {} 行", source.line)),
            // A derived value is printed nowhere: its inputs carry the sources.
            None => assert_eq!(row[2], "推算", "{row:?}"),
        }
    }
    let printed: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert!(printed.contains(&("2020", "56 μg/m³")), "{printed:?}");
    assert!(printed.contains(&("2025", "43 μg/m³")), "{printed:?}");
    assert!(
        rows.iter().any(|r| r[0] == "2025" && r[2] == "目标"),
        "{rows:?}"
    );
    assert!(
        printed.contains(&("2020", "比2015年下降 35.6%")),
        "{printed:?}"
    );
}

#[wasm_bindgen_test]
async fn chart_is_an_image_named_by_its_values_and_has_drawn_pixels() {
    let root = render_sample(Lang::En).await;
    let canvas: HtmlCanvasElement = root
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        canvas.get_attribute("aria-label").unwrap(),
        format!(
            "{}: 2015 87 μg/m³ (Derived), 2020 56 μg/m³ (Measured), 2025 43 μg/m³ (Target)",
            jiaozuo_pm25().name.en
        )
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
    let target_orange = data
        .chunks(4)
        .filter(|px| px[0] > 190 && (70..120).contains(&px[1]) && px[2] < 40)
        .count();
    assert!(
        target_orange > 20,
        "the target line is drawn: {target_orange} px"
    );
    assert!(cells(&root)
        .iter()
        .any(|r| r[1] == "43 μg/m³" && r[2] == "Target"));
}
