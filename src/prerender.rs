//! The build's prerendering: every city's every view in both languages, rendered by the widget's
//! own components with Yew's server renderer, so that a page carries its whole view (figures,
//! charts as SVG, sources) before any code runs, and the app then takes it over in place.

use crate::app::{App, AppProps, Start};
use crate::lang::Lang;
use crate::model::{CitiesIndex, CityData, MetricCatalog};
use crate::state::{DataAction, DataState, UiState};
use crate::url_state::{UrlState, View};
use std::rc::Rc;
use yew::Reducible;

/// One page the build writes: a view of a city in a language, at its own address.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Document {
    pub city: String,
    pub view: &'static str,
    pub lang: &'static str,
    /// Its file in `dist/`, beside `index.html`: `jiaozuo-air-en.html`.
    pub file: String,
    /// The page's title: the view, the city and the widget, in its language.
    pub title: String,
}

/// Every document of the data: each city in the picker's order, each view, each language.
pub fn documents(cities: &[CityData]) -> Vec<Document> {
    let mut out = Vec::new();
    for city in cities {
        for lang in [Lang::Zh, Lang::En] {
            for view in View::ALL {
                out.push(Document {
                    city: city.city.clone(),
                    view: view.code(),
                    lang: lang.param(),
                    file: crate::url_state::page_file(&city.city, view, lang),
                    title: crate::views::page_title(city.name.get(lang), view, lang),
                });
            }
        }
    }
    out
}

/// The app's markup for one view of one city, as its first render in the browser makes it but
/// with each chart drawn as SVG: what goes inside the page's `#ecoplan`. `cities` are complete
/// (their measures and actions too); the city must be one of `model::city_index()`.
pub fn render(
    cities: &[CityData],
    catalog: &MetricCatalog,
    city: &str,
    view: View,
    lang: Lang,
) -> String {
    let Some(id) = crate::model::known_city(city) else {
        return String::new();
    };
    let url = UrlState {
        lang: Some(lang),
        city: Some(id),
        view,
        ..UrlState::default()
    };
    let ui = UiState::from_url(&url, lang, id, false);
    let mut data = Rc::new(DataState::default());
    data = data.reduce(DataAction::Catalog(Ok(Rc::new(catalog.clone()))));
    let index = CitiesIndex {
        cities: cities.to_vec(),
    };
    data = data.reduce(DataAction::Index(Ok(Rc::new(index))));
    if let Some(whole) = cities.iter().find(|c| c.city == id) {
        data = data.reduce(DataAction::City(id, Ok((whole.clone(), String::new()))));
    }
    let start = Start {
        ui,
        data: (*data).clone(),
        prerender: true,
    };
    render_start(start)
}

fn render_start(start: Start) -> String {
    // The renderer wants a props maker it can send to its runtime; the state is made on this
    // thread and rendered here, on a runtime of one thread.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        let props = AppProps {
            start: Some(Rc::new(start)),
        };
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render()
            .await
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_catalog, parse_city};

    fn data() -> (Vec<CityData>, MetricCatalog) {
        let read = |p: &str| std::fs::read_to_string(p).unwrap();
        let catalog = parse_catalog("metrics.json", &read("data/metrics.json")).unwrap();
        let cities = crate::model::city_ids()
            .map(|id| {
                let path = format!("data/cities/{id}.json");
                parse_city(&path, &read(&path)).unwrap()
            })
            .collect();
        (cities, catalog)
    }

    #[test]
    fn a_page_carries_its_view_its_charts_as_svg_and_links_to_the_other_pages() {
        let (cities, catalog) = data();
        let city = cities.iter().find(|c| c.city == "jiaozuo").unwrap();
        let view =
            crate::views::trends::trends(city, &catalog, crate::model::Domain::Air, Lang::Zh);
        let html = render(&cities, &catalog, "jiaozuo", View::Air, Lang::Zh);
        assert!(html.contains(&format!("<h2 id=\"view-title\">{}</h2>", view.title)));
        let charts: Vec<&str> = html
            .match_indices("<svg role=\"img\"")
            .map(|(i, _)| &html[i..])
            .collect();
        let with_chart: Vec<_> = view
            .blocks
            .iter()
            .filter_map(|b| b.chart.as_ref())
            .collect();
        assert_eq!(charts.len(), with_chart.len(), "one SVG per chart");
        for (svg, chart) in charts.iter().zip(&with_chart) {
            assert!(
                svg.contains(&format!("aria-label=\"{}\"", chart.summary)),
                "named by its summary"
            );
            assert!(
                svg[..svg.find("</svg>").unwrap()].contains("<circle"),
                "its marks drawn"
            );
        }
        assert!(!html.contains("<canvas"), "no canvas in a page");
        // Every number names its source line for a reader without code.
        let buttons = html.matches("class=\"src\"").count();
        assert!(buttons > 0);
        assert_eq!(
            html.matches("<noscript><small class=\"still-source\">")
                .count(),
            buttons
        );
        assert!(html.contains("第 "), "a line of the plan");
        // The views and the footer's sources link to the pages themselves.
        for view in View::ALL {
            let href = format!("href=\"jiaozuo-{}-zh.html\"", view.code());
            assert!(html.contains(&href), "{href}");
        }
    }

    #[test]
    fn every_view_of_every_city_in_both_languages_is_a_page_with_its_title() {
        let (cities, _) = data();
        let docs = documents(&cities);
        assert_eq!(docs.len(), cities.len() * View::ALL.len() * 2);
        let air = docs
            .iter()
            .find(|d| d.file == "jiaozuo-air-en.html")
            .unwrap();
        assert_eq!(air.title, "Air · Jiaozuo · EcoPlan");
        let zh = docs
            .iter()
            .find(|d| d.file == "jiaozuo-overview-zh.html")
            .unwrap();
        assert_eq!(zh.title, "概览 · 焦作市 · 生态规划看板");
    }
}
