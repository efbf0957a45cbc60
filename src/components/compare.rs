use crate::chart::ChartModel;
use crate::components::{ChartCanvas, PrintedValue};
use crate::lang::Lang;
use crate::views::compare::CompareView;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub lang: Lang,
    pub dark: bool,
    pub view: Rc<CompareView>,
    pub on_metric: Callback<String>,
}

/// One catalog metric across the cities, each against its own plan's target: a chart, then a table.
#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let v = &props.view;
    let chart = use_memo(props.view.clone(), |v| {
        v.chart.clone().map(|c| Rc::new(ChartModel::Compare(c)))
    });
    let onchange = {
        let on_metric = props.on_metric.clone();
        Callback::from(move |e: Event| {
            on_metric.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let [city, latest, target, progress] = v.headers.clone();
    html! {
        <section class="view compare" aria-labelledby="view-title">
            <div class="view-read"><crate::components::ReadAloud text={crate::views::speech::compare(v, props.lang)} what={v.title.clone()} /></div>
            <h2 id="view-title">{ v.title.clone() }</h2>
            <label class="metric-picker">
                <span>{ v.metric_label.clone() }</span>
                <select id="metric" {onchange}>
                { for v.metrics.iter().map(|m| html! {
                    <option value={m.id.clone()} selected={m.selected}>{ m.name.clone() }</option>
                }) }
                </select>
            </label>
            if let Some(model) = (*chart).clone() {
                <figure class="compare-chart">
                    <figcaption>{ v.caption.clone().unwrap_or_default() }</figcaption>
                    <ChartCanvas model={model} lang={props.lang} dark={props.dark} />
                    if let Some(c) = &v.chart {
                        <p class="legend" aria-hidden="true">
                            <span><span class="key latest">{ "●" }</span>{ c.latest_label.clone() }</span>
                            <span><span class="key target">{ "▲" }</span>{ c.target_label.clone() }</span>
                            if let Some(r) = &c.reference { <span><span class="key limit">{ "┊" }</span>{ r.label.clone() }</span> }
                        </p>
                    }
                </figure>
            }
            if let Some(caption) = &v.caption {
                <table class="compare-table">
                    <caption>{ caption.clone() }</caption>
                    <thead><tr>
                        <th scope="col">{ city.clone() }</th>
                        <th scope="col">{ latest.clone() }</th>
                        <th scope="col">{ target.clone() }</th>
                        <th scope="col">{ progress.clone() }</th>
                    </tr></thead>
                    <tbody>
                    { for v.rows.iter().map(|r| html! {
                        <tr data-city={r.city.clone()}>
                            <th scope="row">{ r.name.clone() }
                                if let Some(scope) = &r.scope { <span class="scope">{ format!(" ({scope})") }</span> }
                            </th>
                            if let Some(status) = &r.status {
                                <td colspan="3" class={if r.failed { "error" } else { "none" }}>{ status.clone() }</td>
                            } else {
                                <td data-label={latest.clone()}><PrintedValue cell={r.latest.clone()} /></td>
                                <td data-label={target.clone()}><PrintedValue cell={r.target.clone()} /></td>
                                <td class="progress-cell">
                                    if let Some(share) = r.share { <meter min="0" max="1" value={crate::format::format_value(share)} /> }
                                    <span class="progress">{ r.progress.clone() }</span>
                                </td>
                            }
                        </tr>
                    }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
