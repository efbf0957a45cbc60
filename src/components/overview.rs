use crate::chart::ChartModel;
use crate::components::{ChartCanvas, PrintedValue};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::url_state::View;
use crate::views::overview::OverviewView;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub lang: Lang,
    pub dark: bool,
    pub view: Rc<OverviewView>,
    pub on_view: Callback<View>,
}

/// Is the air and water getting better, and is the city on track for its target?
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let lang = props.lang;
    let v = &props.view;
    let charts = use_memo(props.view.clone(), |v| {
        v.cards
            .iter()
            .map(|c| c.chart.clone().map(|c| Rc::new(ChartModel::Trend(c))))
            .collect::<Vec<_>>()
    });
    html! {
        <section class="view overview" aria-labelledby="view-title">
            <div class="view-read"><crate::components::ReadAloud text={crate::views::speech::overview(v, lang)} what={v.title.clone()} /></div>
            <h2 id="view-title">{ v.title.clone() }<span class="plan-title">{ v.plan_title.clone() }</span></h2>
            <p class="notice">{ v.notice.clone() }</p>
            <div class="cards">
            { for v.cards.iter().zip(charts.iter()).map(|(card, chart)| {
                if let Some(missing) = &card.missing {
                    return html! {
                        <article key={card.metric.clone()} class="card missing" data-metric={card.metric.clone()}>
                            <h3>{ card.name.clone() }</h3>
                            <p>{ missing.clone() }</p>
                        </article>
                    };
                }
                let go = {
                    let on_view = props.on_view.clone();
                    let view = card.more;
                    Callback::from(move |_: MouseEvent| on_view.emit(view))
                };
                html! {
                    <article key={card.metric.clone()} class="card" data-metric={card.metric.clone()}>
                        <h3>{ card.name.clone() }</h3>
                        if let Some(named) = &card.as_named { <p class="as-named">{ named.clone() }</p> }
                        <dl>
                            <div class="latest">
                                <dt>{ t(lang, Key::Latest) }</dt>
                                <dd><PrintedValue cell={card.latest.clone()} fallback={t(lang, Key::NotStated)} /></dd>
                            </div>
                            <div class="target">
                                <dt>{ t(lang, Key::TargetFor2025) }</dt>
                                <dd><PrintedValue cell={card.target.clone()} fallback={t(lang, Key::NoTargetSet)} /></dd>
                            </div>
                        </dl>
                        if let Some(model) = chart.clone() {
                            <ChartCanvas model={model} lang={lang} dark={props.dark} />
                        }
                        if let Some(share) = card.share {
                            <meter min="0" max="1" value={crate::format::format_value(share)} aria-label={t(lang, Key::Progress)} />
                        }
                        <p class="progress">{ card.progress.clone() }</p>
                        <button type="button" class="link" onclick={go}>{ card.more_label.clone() }</button>
                    </article>
                }
            }) }
            </div>
        </section>
    }
}
