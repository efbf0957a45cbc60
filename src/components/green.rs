use crate::components::{PrintedValue, SourceButton};
use crate::views::green::GreenView;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GreenProps {
    pub view: Rc<GreenView>,
}

/// What the plan asks of residents, by theme, each with what you can do and the plan's sentence.
#[function_component(Green)]
pub fn green(props: &GreenProps) -> Html {
    let v = &props.view;
    let lang = use_context::<crate::components::Ctx>().map_or(crate::lang::Lang::Zh, |c| c.lang);
    html! {
        <section class="view green" aria-labelledby="view-title">
            <div class="view-read"><crate::components::ReadAloud text={crate::views::speech::green(v, lang)} what={v.title.clone()} /></div>
            <h2 id="view-title">{ v.title.clone() }</h2>
            { for v.themes.iter().map(|theme| html! {
                <section class="theme">
                    <h3>{ theme.name.clone() }</h3>
                    <div class="cards">
                    { for theme.actions.iter().map(|a| html! {
                        <article class="card action" id={format!("action-{}", a.id)}>
                            <h4>{ a.title.clone() }</h4>
                            <p class="you-can"><strong>{ format!("{}: ", v.you_can_label) }</strong>{ a.you_can.clone() }</p>
                            <p class="summary">{ a.summary.clone() }</p>
                            if let Some(target) = &a.target {
                                <p class="action-target">{ format!("{}: ", v.target_label) }<PrintedValue cell={Some(target.clone())} /></p>
                            }
                            <SourceButton label={v.source_label.clone()} citation={a.citation.clone()} />
                        </article>
                    }) }
                    </div>
                </section>
            }) }
        </section>
    }
}
