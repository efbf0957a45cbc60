use crate::components::{source_caption, IndicatorChart, SourceButton};
use crate::describe::year_label;
use crate::format::value_text;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, Domain};
use crate::summary::charts_of;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrendsProps {
    pub lang: Lang,
    pub dark: bool,
    pub city: std::rc::Rc<CityData>,
    pub domain: Domain,
    pub title: AttrValue,
}

/// The Air or Water view: a chart for every indicator with printed figures, then the rest.
#[function_component(Trends)]
pub fn trends(props: &TrendsProps) -> Html {
    let lang = props.lang;
    let (charts, rest) = charts_of(&props.city, props.domain);
    html! {
        <section class="view trends" aria-labelledby="view-title">
            <h2 id="view-title">{ format!("{} · {}", props.city.name.get(lang), props.title) }</h2>
            if charts.is_empty() {
                <p class="notice">{ t(lang, Key::NothingToChart) }</p>
            }
            <div class="charts">
                { for charts.iter().map(|ind| html! {
                    <IndicatorChart indicator={(*ind).clone()} lang={lang} dark={props.dark} />
                }) }
            </div>
            if !rest.is_empty() {
                <h3>{ t(lang, Key::OtherIndicators) }</h3>
                <ul class="facts">
                { for rest.iter().map(|ind| html! {
                    <li>
                        <span class="name">{ ind.name.get(lang) }</span>
                        if let Some(scope) = &ind.scope { <span class="scope">{ format!(" ({})", scope.get(lang)) }</span> }
                        <ul>
                        { for ind.values.iter().map(|v| {
                            let text = value_text(lang, v, &ind.unit);
                            html! {
                                <li>
                                    <span class="year">{ year_label(lang, v.year) }</span>{ " " }
                                    <SourceButton label={text.clone()} source={v.source.clone()}
                                        what={source_caption(lang, ind.name.get(lang), v, &text)} />
                                </li>
                            }
                        }) }
                        </ul>
                    </li>
                }) }
                </ul>
            }
        </section>
    }
}
