use crate::views::sources::SourcesView;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub view: Rc<SourcesView>,
}

/// The plans the numbers come from, and the national standards behind the reference lines.
#[function_component(About)]
pub fn about(props: &AboutProps) -> Html {
    let v = &props.view;
    let lang = use_context::<crate::components::Ctx>().map_or(crate::lang::Lang::Zh, |c| c.lang);
    html! {
        <section class="view about" aria-labelledby="view-title">
            <div class="view-read"><crate::components::ReadAloud text={crate::views::speech::sources(v, lang)} what={v.title.clone()} /></div>
            <h2 id="view-title">{ v.title.clone() }</h2>
            <p>{ v.text.clone() }</p>
            { for v.plans.iter().map(|p| match &p.status {
                Some(status) => html! {
                    <p class={if p.failed { "error" } else { "status" }} data-city={p.city.clone()}>{ format!("{}: {status}", p.name) }</p>
                },
                None => html! {
                    <article class="plan" data-city={p.city.clone()}>
                        <h3>{ p.name.clone() }</h3>
                        <p class="plan-title" lang="zh-CN">{ p.title_zh.clone() }</p>
                        if let Some(en) = &p.title_en { <p class="plan-title">{ en.clone() }</p> }
                        <dl class="plan-meta">
                            { for p.meta.iter().map(|(k, val)| html! { <><dt>{ k.clone() }</dt><dd>{ val.clone() }</dd></> }) }
                        </dl>
                        if let Some(note) = &p.note { <p class="note">{ note.clone() }</p> }
                    </article>
                },
            }) }
            if !v.standards.is_empty() {
                <h3>{ v.standards_title.clone() }</h3>
                <p>{ v.standards_text.clone() }</p>
                { for v.standards.iter().map(|s| html! {
                    <article class="plan standard">
                        <p class="plan-title">{ s.reference.clone() }</p>
                        <ul>{ for s.limits.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ul>
                    </article>
                }) }
            }
        </section>
    }
}
