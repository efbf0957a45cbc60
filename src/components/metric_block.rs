use crate::chart::ChartModel;
use crate::components::{ChartCanvas, Ctx, SourceButton};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::views::MetricBlock;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MetricBlockProps {
    pub block: MetricBlock,
    pub lang: Lang,
}

/// One metric: its chart and a table with the same numbers citing each value's sentence, then the
/// figures no chart can show. The table is always read by screen readers; sighted readers open it.
#[function_component(MetricBlockView)]
pub fn metric_block(props: &MetricBlockProps) -> Html {
    let lang = props.lang;
    let b = &props.block;
    let dark = use_context::<Ctx>().is_some_and(|c| c.dark);
    let table_shown = use_state(|| false);
    let model = use_memo(b.chart.clone(), |chart| {
        chart.clone().map(|c| Rc::new(ChartModel::Trend(c)))
    });
    let toggle = {
        let table_shown = table_shown.clone();
        Callback::from(move |_: MouseEvent| table_shown.set(!*table_shown))
    };
    let table_id = format!("table-{}", b.id);
    html! {
        <figure class={classes!("indicator", b.chart.is_none().then_some("worded"))} id={b.id.clone()}>
            <figcaption>
                <h3>{ b.title.clone() }</h3>
                if let Some(scope) = &b.scope {
                    <p class="scope">{ scope.clone() }</p>
                }
            </figcaption>
            if let Some(model) = (*model).clone() {
                <ChartCanvas model={model} lang={lang} dark={dark}>
                    <button type="button" class="link" aria-expanded={table_shown.to_string()} aria-controls={table_id.clone()} onclick={toggle}>
                        { t(lang, if *table_shown { Key::HideTable } else { Key::ShowTable }) }
                    </button>
                </ChartCanvas>
                <div id={table_id} class={classes!("table-wrap", (!*table_shown).then_some("sr-only"))}>
                <table class="values">
                    <caption class="sr-only">{ b.title.clone() }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Key::Year) }</th>
                        <th scope="col">{ t(lang, Key::Value) }</th>
                        <th scope="col">{ t(lang, Key::Kind) }</th>
                        <th scope="col">{ t(lang, Key::Source) }</th>
                    </tr></thead>
                    <tbody>
                    { for b.table.iter().map(|r| html! {
                        <tr>
                            <td>{ r.year.clone() }</td>
                            <td>{ r.value.clone() }</td>
                            <td>{ r.kind.clone() }</td>
                            <td><SourceButton label={r.source.clone()} citation={r.citation.clone()} /></td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
            }
            if !b.facts.is_empty() {
                <ul class="facts">
                { for b.facts.iter().map(|f| html! {
                    <li>
                        <span class="year">{ f.year.clone() }</span>{ " " }
                        <SourceButton label={f.text.clone()} citation={f.citation.clone()} />
                    </li>
                }) }
                </ul>
            }
        </figure>
    }
}
