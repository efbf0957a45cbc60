use crate::components::{MetricBlockView, PrintedValue, SourceButton};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::views::trends::TrendsView;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrendsProps {
    pub lang: Lang,
    pub view: Rc<TrendsView>,
}

/// The Air or Water view: a block per metric, then what the city is doing.
#[function_component(Trends)]
pub fn trends(props: &TrendsProps) -> Html {
    let lang = props.lang;
    let v = &props.view;
    html! {
        <section class="view trends" aria-labelledby="view-title">
            <div class="view-read"><crate::components::ReadAloud text={crate::views::speech::trends(v, lang)} what={v.title.clone()} /></div>
            <h2 id="view-title">{ v.title.clone() }</h2>
            if let Some(notice) = &v.no_charts { <p class="notice">{ notice.clone() }</p> }
            <div class="charts">
                { for v.blocks.iter().map(|b| html! { <MetricBlockView key={b.id.clone()} block={b.clone()} lang={lang} /> }) }
            </div>
            <section class="measures" aria-labelledby="measures-title">
                <h3 id="measures-title">{ v.measures_title.clone() }</h3>
                if let Some(none) = &v.no_measures { <p class="notice">{ none.clone() }</p> }
                <ul class="measure-list">
                { for v.measures.iter().map(|m| html! {
                    <li class="measure" id={format!("measure-{}", m.id)}>
                        <h4>{ m.title.clone() }</h4>
                        <p>{ m.summary.clone() }</p>
                        if let Some(target) = &m.target {
                            <p class="action-target">{ format!("{}: ", t(lang, Key::ActionTarget)) }<PrintedValue cell={Some(target.clone())} /></p>
                        }
                        <SourceButton label={t(lang, Key::Source)} citation={m.citation.clone()} />
                    </li>
                }) }
                </ul>
            </section>
        </section>
    }
}
