use crate::components::PrintedValue;
use crate::views::targets::TargetsView;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetsProps {
    pub view: Rc<TargetsView>,
}

/// Every indicator of the plan, grouped as the plan groups them: baseline, target, type, notes.
#[function_component(Targets)]
pub fn targets(props: &TargetsProps) -> Html {
    let v = &props.view;
    let lang = use_context::<crate::components::Ctx>().map_or(crate::lang::Lang::Zh, |c| c.lang);
    let [indicator, baseline, target] = v.headers.clone();
    html! {
        <section class="view targets" aria-labelledby="view-title">
            <div class="view-read"><crate::components::ReadAloud text={crate::views::speech::targets(v, lang)} what={v.title.clone()} /></div>
            <h2 id="view-title">{ v.title.clone() }</h2>
            { for v.groups.iter().map(|g| html! {
                <section class="group">
                    <h3>{ g.name.clone() }</h3>
                    <table class="targets-table">
                        <thead><tr>
                            <th scope="col">{ indicator.clone() }</th>
                            <th scope="col">{ baseline.clone() }</th>
                            <th scope="col">{ target.clone() }</th>
                        </tr></thead>
                        <tbody>
                        { for g.rows.iter().map(|r| html! {
                            <tr data-indicator={r.id.clone()}>
                                <th scope="row">
                                    if let Some(row) = r.row { <span class="row-no">{ format!("{row}. ") }</span> }
                                    { r.name.clone() }
                                    if !r.unit.is_empty() { <span class="unit">{ r.unit.clone() }</span> }
                                    if let (Some(b), Some(class)) = (&r.binding, r.binding_class) { <span class={classes!("badge", class)}>{ b.clone() }</span> }
                                    if let Some(scope) = &r.scope { <span class="scope">{ scope.clone() }</span> }
                                    if !r.notes.is_empty() {
                                        <ul class="notes">{ for r.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                                    }
                                </th>
                                <td data-label={baseline.clone()}><PrintedValue cell={r.baseline.clone()} /></td>
                                <td data-label={target.clone()}><PrintedValue cell={r.target.clone()} /></td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                </section>
            }) }
        </section>
    }
}
