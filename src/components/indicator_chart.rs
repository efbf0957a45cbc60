use crate::chart::{points_of, ChartStyle};
use crate::components::{source_caption, ChartCanvas, SourceButton};
use crate::describe::{point_kind_label, year_label};
use crate::format::format_value;
use crate::format::{value_text, with_unit};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{Indicator, ValueKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorChartProps {
    pub indicator: Indicator,
    pub lang: Lang,
    #[prop_or_default]
    pub dark: bool,
}

/// One indicator: its chart, and a table with the same numbers that cites each value's line.
/// The table is always read by screen readers; sighted readers open it on request.
#[function_component(IndicatorChart)]
pub fn indicator_chart(props: &IndicatorChartProps) -> Html {
    let lang = props.lang;
    let ind = &props.indicator;
    let table_shown = use_state(|| false);
    let points = points_of(ind);
    let style = ChartStyle {
        unit: ind.unit.clone(),
        target_label: t(lang, Key::Target).into(),
        scale: 1.0,
        font_family:
            "system-ui, \"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif"
                .into(),
        dark: props.dark,
    };
    let described: Vec<String> = points
        .iter()
        .map(|p| {
            let kind = point_kind_label(lang, p.kind);
            format!(
                "{} {} ({kind})",
                year_label(lang, p.year),
                with_unit(lang, &format_value(p.value), &ind.unit)
            )
        })
        .collect();
    let summary = format!("{}: {}", ind.name.get(lang), described.join(", "));
    let toggle = {
        let table_shown = table_shown.clone();
        Callback::from(move |_: MouseEvent| table_shown.set(!*table_shown))
    };
    let table_id = format!("table-{}", ind.id);
    html! {
        <figure class="indicator" id={format!("indicator-{}", ind.id)}>
            <figcaption>
                <h3>{ ind.name.get(lang) }</h3>
                if let Some(scope) = &ind.scope {
                    <p class="scope">{ format!("{}: {}", t(lang, Key::Scope), scope.get(lang)) }</p>
                }
            </figcaption>
            <ChartCanvas points={points} style={style} summary={summary} unit={ind.unit.clone()} lang={lang} />
            <button type="button" class="link" aria-expanded={table_shown.to_string()} aria-controls={table_id.clone()} onclick={toggle}>
                { t(lang, if *table_shown { Key::HideTable } else { Key::ShowTable }) }
            </button>
            <div id={table_id} class={classes!("table-wrap", (!*table_shown).then_some("sr-only"))}>
            <table class="values">
                <caption class="sr-only">{ ind.name.get(lang) }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, Key::Year) }</th>
                    <th scope="col">{ t(lang, Key::Value) }</th>
                    <th scope="col">{ t(lang, Key::Kind) }</th>
                    <th scope="col">{ t(lang, Key::Source) }</th>
                </tr></thead>
                <tbody>
                { for ind.values.iter().map(|v| {
                    let text = value_text(lang, v, &ind.unit);
                    let kind = match (v.kind, v.is_derived()) {
                        (_, true) => t(lang, Key::Derived),
                        (ValueKind::Actual, _) => t(lang, Key::Measured),
                        (ValueKind::Target, _) => t(lang, Key::Target),
                        (ValueKind::Change, _) => t(lang, Key::Change),
                    };
                    let what = source_caption(lang, ind.name.get(lang), v, &text);
                    let text = text.clone();
                    html! {
                        <tr>
                            <td>{ v.year }</td>
                            <td>{ text }</td>
                            <td>{ kind }</td>
                            <td><SourceButton label={crate::describe::line_label(lang, v.source.as_ref().map_or(0, |s| s.line))} source={v.source.clone()} what={what} /></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
        </figure>
    }
}
