use crate::components::PrintedValue;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{Binding, CityData, Indicator, Observation, ValueKind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetsProps {
    pub lang: Lang,
    pub city: std::rc::Rc<CityData>,
}

fn cell(lang: Lang, ind: &Indicator, v: Option<&Observation>) -> Html {
    html! {
        <PrintedValue lang={lang} obs={v.cloned()} unit={ind.unit.clone()} subject={ind.name.get(lang).to_string()} />
    }
}

/// Every indicator of the plan, grouped as the plan groups them: baseline, target, type, notes.
#[function_component(Targets)]
pub fn targets(props: &TargetsProps) -> Html {
    let lang = props.lang;
    let city = &props.city;
    let mut groups: Vec<(Option<&str>, String)> = city
        .groups
        .iter()
        .map(|g| (Some(g.id.as_str()), g.name.get(lang).to_string()))
        .collect();
    if city.indicators.iter().any(|i| i.group.is_none()) {
        groups.push((None, t(lang, Key::OtherIndicators).to_string()));
    }
    html! {
        <section class="view targets" aria-labelledby="view-title">
            <h2 id="view-title">{ format!("{} · {}", city.name.get(lang), t(lang, Key::ViewTargets)) }</h2>
            { for groups.iter().filter_map(|(group, name)| {
                let rows: Vec<&Indicator> = city.indicators.iter().filter(|i| i.group.as_deref() == *group).collect();
                if rows.is_empty() {
                    return None;
                }
                Some(html! {
                    <section class="group">
                        <h3>{ name.clone() }</h3>
                        <table class="targets-table">
                            <thead><tr>
                                <th scope="col">{ t(lang, Key::Indicator) }</th>
                                <th scope="col">{ t(lang, Key::Baseline) }</th>
                                <th scope="col">{ t(lang, Key::Target) }</th>
                            </tr></thead>
                            <tbody>
                            { for rows.iter().map(|ind| {
                                let baseline = ind.values.iter().filter(|v| v.kind == ValueKind::Actual && v.year <= 2020).max_by_key(|v| v.year);
                                let target = ind.target();
                                html! {
                                    <tr>
                                        <th scope="row">
                                            if let Some(row) = ind.row { <span class="row-no">{ format!("{row}. ") }</span> }
                                            { ind.name.get(lang) }
                                            if !ind.unit.is_empty() && ind.unit != "count" { <span class="unit">{ format!(" ({})", ind.unit) }</span> }
                                            { match ind.binding {
                                                Some(Binding::Binding) => html! { <span class="badge binding">{ t(lang, Key::Binding) }</span> },
                                                Some(Binding::Expected) => html! { <span class="badge expected">{ t(lang, Key::Expected) }</span> },
                                                None => html! {},
                                            } }
                                            if let Some(scope) = &ind.scope { <span class="scope">{ format!("{}: {}", t(lang, Key::Scope), scope.get(lang)) }</span> }
                                            if !ind.notes.is_empty() {
                                                <ul class="notes">
                                                { for ind.notes.iter().map(|n| html! { <li>{ n.text.get(lang) }</li> }) }
                                                </ul>
                                            }
                                        </th>
                                        <td data-label={t(lang, Key::Baseline)}>{ cell(lang, ind, baseline) }</td>
                                        <td data-label={t(lang, Key::Target)}>{ cell(lang, ind, target) }</td>
                                    </tr>
                                }
                            }) }
                            </tbody>
                        </table>
                    </section>
                })
            }) }
        </section>
    }
}
