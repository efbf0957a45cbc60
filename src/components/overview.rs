use crate::components::{tabs::view_name, PrintedValue};
use crate::describe::progress_text;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, MetricCatalog};
use crate::progress::Progress;
use crate::summary::{headline, HEADLINE_METRICS};
use crate::url_state::View;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub lang: Lang,
    pub city: std::rc::Rc<CityData>,
    pub catalog: std::rc::Rc<MetricCatalog>,
    pub on_view: Callback<View>,
}

/// Is the air and water getting better, and is the city on track for its target?
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let lang = props.lang;
    let city = &props.city;
    html! {
        <section class="view overview" aria-labelledby="view-title">
            <h2 id="view-title">{ city.name.get(lang) }<span class="plan-title">{ city.plan.title.get(lang) }</span></h2>
            <p class="notice">{ t(lang, Key::PlansNotice) }{ " " }{ t(lang, Key::TapForSource) }</p>
            <div class="cards">
            { for HEADLINE_METRICS.iter().map(|metric_id| {
                let name = crate::summary::metric(&props.catalog, metric_id)
                    .map(|m| m.name.get(lang).to_string())
                    .unwrap_or_default();
                match headline(city, &props.catalog, metric_id) {
                    None => html! {
                        <article class="card missing" data-metric={*metric_id}>
                            <h3>{ name }</h3>
                            <p>{ t(lang, Key::NoHeadline) }</p>
                        </article>
                    },
                    Some(h) => {
                        let unit = &h.indicator.unit;
                        let ind_name = h.indicator.name.get(lang);
                        let value = |obs: Option<&crate::model::Observation>, fallback: Key| html! {
                            <PrintedValue lang={lang} obs={obs.cloned()} unit={unit.clone()}
                                subject={ind_name.to_string()} fallback={t(lang, fallback)} />
                        };
                        let meter = match &h.progress {
                            Progress::Measured { share, .. } => html! {
                                <meter min="0" max="1" value={share.clamp(0.0, 1.0).to_string()}
                                    aria-label={t(lang, Key::Progress)} />
                            },
                            _ => html! {},
                        };
                        let domain_view = if h.metric.domain == crate::model::Domain::Water { View::Water } else { View::Air };
                        let go = {
                            let on_view = props.on_view.clone();
                            Callback::from(move |_: MouseEvent| on_view.emit(domain_view))
                        };
                        html! {
                            <article class="card" data-metric={*metric_id}>
                                <h3>{ name }</h3>
                                if h.indicator.scope.is_some() || h.indicator.name.zh != h.metric.name.zh {
                                    <p class="as-named">{ ind_name }</p>
                                }
                                <dl>
                                    <div class="latest">
                                        <dt>{ t(lang, Key::Latest) }</dt>
                                        <dd>{ value(h.latest, Key::NotStated) }</dd>
                                    </div>
                                    <div class="target">
                                        <dt>{ t(lang, Key::TargetFor2025) }</dt>
                                        <dd>{ value(h.target, Key::NoTargetSet) }</dd>
                                    </div>
                                </dl>
                                { meter }
                                <p class="progress">{ progress_text(lang, &h.progress, unit) }</p>
                                <button type="button" class="link" onclick={go}>{ format!("{} →", view_name(lang, domain_view)) }</button>
                            </article>
                        }
                    }
                }
            }) }
            </div>
        </section>
    }
}
