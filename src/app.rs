use crate::components::IndicatorChart;
use crate::i18n::{t, Key, Lang};
use crate::model::{parse_city, CityData};
use gloo::net::http::Request;
use std::rc::Rc;
use yew::prelude::*;

/// Until the city picker arrives, the widget opens on Jiaozuo's PM2.5.
pub const FIRST_CITY_PATH: &str = "data/cities/jiaozuo.json";
const FIRST_METRIC: &str = "pm25";

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Rc<CityData>),
    Failed(String),
}

async fn fetch_city(path: &str) -> Result<CityData, String> {
    let response = Request::get(path).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let body = response.text().await.map_err(|e| e.to_string())?;
    parse_city(path, &body).map_err(|e| e.to_string())
}

#[function_component(App)]
pub fn app() -> Html {
    let lang = Lang::default();
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                load.set(match fetch_city(FIRST_CITY_PATH).await {
                    Ok(city) => Load::Ready(Rc::new(city)),
                    Err(e) => Load::Failed(e),
                });
            });
        });
    }
    let body = match &*load {
        Load::Loading => html! { <p class="status" role="status">{ t(lang, Key::Loading) }</p> },
        Load::Failed(detail) => html! {
            <div class="error" role="alert">
                <p>{ t(lang, Key::LoadFailed) }</p>
                <p class="detail">{ detail.clone() }</p>
            </div>
        },
        Load::Ready(city) => html! {
            <>
                <p class="city"><span class="name">{ city.name.get(lang) }</span><span class="plan">{ city.plan.title.get(lang) }</span></p>
                <p class="notice">{ t(lang, Key::PreviewNotice) }</p>
                { for city.indicators.iter().filter(|ind| ind.metric.as_deref() == Some(FIRST_METRIC)).take(1).map(|ind| html! {
                    <IndicatorChart indicator={ind.clone()} lang={lang} />
                }) }
            </>
        },
    };
    html! {
        <main class="ecoplan" lang={lang.code()}>
            <h1>{ t(lang, Key::AppTitle) }</h1>
            { body }
        </main>
    }
}
