use crate::i18n::{t, Key};
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
    // The city whose reference was copied last: its button says so.
    let copied = use_state(|| None::<String>);
    let copy = |city: String, text: String| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let (city, text) = (city.clone(), text.clone());
            yew::platform::spawn_local(async move {
                if crate::web::copy(&text).await {
                    copied.set(Some(city));
                }
            });
        })
    };
    html! {
        <section class="view about" aria-labelledby="view-title">
            <div class="view-read"><crate::components::ReadAloud text={crate::views::speech::sources(v, lang)} what={v.title.clone()} /></div>
            <h2 id="view-title">{ v.title.clone() }</h2>
            <p>{ v.text.clone() }</p>
            if let Some(version) = &v.version { <p class="data-version">{ version.clone() }</p> }
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
                        <div class="cite-as">
                            <p class="cite-label" id={format!("cite-{}", p.city)}>{ t(lang, Key::CiteAs) }</p>
                            <p class="cite" lang="zh-CN">{ p.reference.clone() }</p>
                            <button type="button" class="copy-cite" aria-label={if copied.as_deref() == Some(p.city.as_str()) { format!("{}{}{}", t(lang, Key::Copied), if lang == crate::lang::Lang::Zh { "：" } else { ": " }, p.name) } else { format!("{}{}", t(lang, Key::CopyCiteOf), p.name) }}
                                onclick={copy(p.city.clone(), p.reference.clone())}>
                                { if copied.as_deref() == Some(p.city.as_str()) { t(lang, Key::Copied) } else { t(lang, Key::Copy) } }
                            </button>
                        </div>
                        if !p.documents.is_empty() {
                            <p class="cite-label">{ t(lang, Key::OtherDocuments) }</p>
                            <ul class="documents">
                                { for p.documents.iter().map(|d| html! { <li class="cite" lang="zh-CN">{ d.clone() }</li> }) }
                            </ul>
                        }
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
