use crate::chart::{format_value, points_of, ChartStyle};
use crate::components::ChartCanvas;
use crate::format::value_text;
use crate::i18n::{t, Key, Lang};
use crate::model::{Indicator, ValueKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorChartProps {
    pub indicator: Indicator,
    pub lang: Lang,
}

/// One indicator: its chart and, with the same numbers, a table that cites each value's source line.
#[function_component(IndicatorChart)]
pub fn indicator_chart(props: &IndicatorChartProps) -> Html {
    let lang = props.lang;
    let ind = &props.indicator;
    let points = points_of(ind);
    let style = ChartStyle {
        unit: ind.unit.clone(),
        year_label: t(lang, Key::Year).into(),
        target_label: t(lang, Key::Target).into(),
        scale: 1.0,
        font_family: "sans-serif".into(),
    };
    let summary = points
        .iter()
        .map(|p| format!("{} {} {}", p.year, format_value(p.value), ind.unit))
        .collect::<Vec<_>>()
        .join(", ");
    let summary = format!("{}: {summary}", ind.name.get(lang));
    html! {
        <figure class="indicator">
            <figcaption><h2>{ ind.name.get(lang) }</h2></figcaption>
            <ChartCanvas points={points} style={style} summary={summary} />
            <table class="values">
                <thead><tr>
                    <th scope="col">{ t(lang, Key::Year) }</th>
                    <th scope="col">{ t(lang, Key::Value) }</th>
                    <th scope="col">{ t(lang, Key::Source) }</th>
                </tr></thead>
                <tbody>
                { for ind.values.iter().map(|v| html! {
                    <tr>
                        <td>{ v.year }</td>
                        <td>
                            { value_text(lang, v, &ind.unit) }
                            if v.kind == ValueKind::Target { { format!(" ({})", t(lang, Key::Target)) } }
                        </td>
                        <td><q>{ v.source.quote.clone() }</q>{ format!(" ({} {})", t(lang, Key::Line), v.source.line) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
        </figure>
    }
}
