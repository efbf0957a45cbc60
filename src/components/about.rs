use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, CITY_IDS};
use crate::state::Load;
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub lang: Lang,
    pub cities: BTreeMap<&'static str, Load<CityData>>,
}

/// The five plans the numbers come from.
#[function_component(About)]
pub fn about(props: &AboutProps) -> Html {
    let lang = props.lang;
    let stated = |v: Option<String>| v.unwrap_or_else(|| t(lang, Key::NotStated).to_string());
    html! {
        <section class="view about" aria-labelledby="view-title">
            <h2 id="view-title">{ t(lang, Key::AboutTitle) }</h2>
            <p>{ t(lang, Key::AboutText) }</p>
            { for CITY_IDS.iter().map(|id| match props.cities.get(id) {
                Some(Load::Ready(city)) => {
                    let plan = &city.plan;
                    html! {
                        <article class="plan" data-city={*id}>
                            <h3>{ city.name.get(lang) }</h3>
                            <p class="plan-title" lang="zh-CN">{ format!("《{}》", plan.title.zh) }</p>
                            if lang == Lang::En { <p class="plan-title">{ plan.title.en.clone() }</p> }
                            <dl class="plan-meta">
                                <dt>{ t(lang, Key::Issuer) }</dt>
                                <dd>{ stated(plan.issuer.as_ref().map(|i| i.get(lang).to_string())) }</dd>
                                <dt>{ t(lang, Key::DocNumber) }</dt>
                                <dd>{ stated(plan.number.clone()) }</dd>
                                <dt>{ t(lang, Key::Date) }</dt>
                                <dd>{ stated(plan.date.clone()) }</dd>
                            </dl>
                            if let Some(note) = &plan.note { <p class="note">{ note.get(lang) }</p> }
                        </article>
                    }
                }
                Some(Load::Failed(_)) => html! { <p class="error" data-city={*id}>{ format!("{id}: {}", t(lang, Key::LoadFailed)) }</p> },
                _ => html! { <p class="status">{ t(lang, Key::Loading) }</p> },
            }) }
        </section>
    }
}
