use crate::components::{Ctx, PrintedValue};
use crate::describe::progress_text;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, MetricCatalog, CITY_IDS};
use crate::progress::{progress, Progress};
use crate::state::Load;
use crate::summary::{comparable_metrics, latest, main_indicator};
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub lang: Lang,
    pub cities: BTreeMap<&'static str, Load<CityData>>,
    pub catalog: Rc<MetricCatalog>,
    pub metric: Option<String>,
    pub on_metric: Callback<String>,
}

/// One catalog metric across the five cities, each against its own plan's target.
#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let lang = props.lang;
    let ctx = use_context::<Ctx>();
    let ready: Vec<&CityData> = CITY_IDS
        .iter()
        .filter_map(|id| match props.cities.get(id) {
            Some(Load::Ready(c)) => Some(&**c),
            _ => None,
        })
        .collect();
    let metrics = comparable_metrics(&props.catalog, &ready);
    let chosen = props
        .metric
        .as_deref()
        .and_then(|id| props.catalog.metrics.iter().find(|m| m.id == id))
        .or_else(|| metrics.first().copied());
    let onchange = {
        let on_metric = props.on_metric.clone();
        Callback::from(move |e: Event| {
            on_metric.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    html! {
        <section class="view compare" aria-labelledby="view-title">
            <h2 id="view-title">{ t(lang, Key::ViewCompare) }</h2>
            <label class="metric-picker">
                <span>{ t(lang, Key::Metric) }</span>
                <select id="metric" {onchange}>
                { for metrics.iter().map(|m| html! {
                    <option value={m.id.clone()} selected={Some(&m.id) == chosen.map(|c| &c.id)}>{ m.name.get(lang) }</option>
                }) }
                </select>
            </label>
            if let Some(metric) = chosen {
                <table class="compare-table">
                    <caption>{ format!("{} ({})", metric.name.get(lang), if metric.unit.is_empty() { "—" } else { &metric.unit }) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Key::City) }</th>
                        <th scope="col">{ t(lang, Key::Latest) }</th>
                        <th scope="col">{ t(lang, Key::TargetFor2025) }</th>
                        <th scope="col">{ t(lang, Key::Progress) }</th>
                    </tr></thead>
                    <tbody>
                    { for CITY_IDS.iter().map(|id| {
                        let row = match props.cities.get(id) {
                            Some(Load::Ready(city)) => {
                                let name = city.name.get(lang).to_string();
                                match main_indicator(city, &metric.id) {
                                    None => html! { <><th scope="row">{ name }</th><td colspan="3" class="none">{ t(lang, Key::NotInPlan) }</td></> },
                                    Some(ind) => {
                                        let p = progress(ind, Some(metric.better));
                                        let subject = format!("{name} · {}", ind.name.get(lang));
                                        let cell = |o: Option<&crate::model::Observation>| html! {
                                            <PrintedValue lang={lang} obs={o.cloned()} unit={ind.unit.clone()} subject={subject.clone()} />
                                        };
                                        html! { <>
                                            <th scope="row">{ name.clone() }
                                                if ind.scope.is_some() { <span class="scope">{ ind.scope.as_ref().map(|s| format!(" ({})", s.get(lang))).unwrap_or_default() }</span> }
                                            </th>
                                            <td data-label={t(lang, Key::Latest)}>{ cell(latest(ind)) }</td>
                                            <td data-label={t(lang, Key::TargetFor2025)}>{ cell(ind.target()) }</td>
                                            <td class="progress-cell">
                                                if let Progress::Measured { share, .. } = &p {
                                                    <meter min="0" max="1" value={share.clamp(0.0, 1.0).to_string()} />
                                                }
                                                <span class="progress">{ progress_text(lang, &p, &ind.unit) }</span>
                                            </td>
                                        </> }
                                    }
                                }
                            }
                            Some(Load::Failed(_)) => html! { <><th scope="row">{ *id }</th><td colspan="3" class="error">{ t(lang, Key::LoadFailed) }</td></> },
                            _ => html! { <><th scope="row">{ *id }</th><td colspan="3">{ t(lang, Key::Loading) }</td></> },
                        };
                        let row = html! { <tr data-city={*id}>{ row }</tr> };
                        // A row's numbers are from that city's plan, not the one in the picker.
                        match &ctx {
                            Some(ctx) => html! {
                                <ContextProvider<Ctx> context={Ctx { city: id, ..ctx.clone() }}>{ row }</ContextProvider<Ctx>>
                            },
                            None => row,
                        }
                    }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
