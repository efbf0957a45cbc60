use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::views::sources::{location, PlanCard};
use crate::views::Citation;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcePanelProps {
    pub lang: Lang,
    pub citation: Citation,
    /// Where the number was tapped, from the top of the page (CSS px).
    pub anchor: i32,
    /// The plan the quotes are from, once its city's file is here.
    pub plan: Option<PlanCard>,
    pub on_close: Callback<()>,
}

/// The sentence(s) of the plan behind a number, with their lines and which plan it is; for a
/// derived value also how it was computed; for a reference line the national standard.
#[function_component(SourcePanel)]
pub fn source_panel(props: &SourcePanelProps) -> Html {
    let lang = props.lang;
    let close_ref = use_node_ref();
    let panel_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        let panel_ref = panel_ref.clone();
        use_effect_with(
            (props.citation.clone(), props.anchor),
            move |(_, anchor)| {
                // In a frame as tall as its content, open beside the number, not the frame's middle
                // (a CSSOM style, which a strict CSP allows where a style attribute is not).
                if let (true, Some(panel)) =
                    (crate::web::is_framed(), panel_ref.cast::<HtmlElement>())
                {
                    let _ = panel
                        .style()
                        .set_property("top", &format!("{}px", (anchor - 24).max(8)));
                }
                if let Some(button) = close_ref.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            },
        );
    }
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let on_key = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    let c = &props.citation;
    html! {
        <div class="backdrop" onclick={close.clone()}>
            <div class="source-panel" ref={panel_ref} role="dialog" aria-modal="true" aria-labelledby="source-title"
                onclick={Callback::from(|e: MouseEvent| e.stop_propagation())} onkeydown={on_key}>
                <h2 id="source-title">{ t(lang, if c.standard.is_some() { Key::Standard } else { Key::SourceTitle }) }</h2>
                <p class="what">{ c.what.clone() }</p>
                if let Some(formula) = &c.formula {
                    <p class="formula"><strong>{ format!("{}: ", t(lang, Key::Formula)) }</strong>{ formula.clone() }</p>
                    <p class="from">{ t(lang, Key::FromSentences) }</p>
                }
                { for c.quotes.iter().map(|q| html! {
                    <figure class="quote">
                        if let Some(of) = &q.of { <figcaption>{ of.clone() }</figcaption> }
                        <blockquote lang="zh-CN">{ q.text.clone() }</blockquote>
                        if c.quotes.len() > 1 { <p class="line">{ q.line_label.clone() }</p> }
                    </figure>
                }) }
                if let (Some(plan), false) = (props.plan.as_ref(), c.quotes.is_empty()) {
                    <dl class="plan-meta">
                        <dt>{ plan.label.clone() }</dt>
                        <dd lang="zh-CN">{ plan.title_zh.clone() }</dd>
                        if let Some(en) = &plan.title_en { <dd>{ en.clone() }</dd> }
                        { for plan.meta.iter().map(|(k, v)| html! { <><dt>{ k.clone() }</dt><dd>{ v.clone() }</dd></> }) }
                        <dt>{ t(lang, Key::Source) }</dt>
                        <dd>{ location(plan, c) }</dd>
                    </dl>
                }
                if let Some(std) = &c.standard {
                    <dl class="plan-meta">
                        <dt>{ t(lang, Key::Standard) }</dt>
                        <dd>{ format!("{} 《{}》", std.number, std.title) }</dd>
                        <dt>{ t(lang, Key::Issuer) }</dt>
                        <dd>{ std.issuer.clone() }</dd>
                        <dt>{ t(lang, Key::Date) }</dt>
                        <dd>{ std.date.clone() }</dd>
                        <dt>{ t(lang, Key::Clause) }</dt>
                        <dd>{ std.clause.clone() }</dd>
                    </dl>
                }
                <button type="button" class="close" ref={close_ref} onclick={close}>{ t(lang, Key::Close) }</button>
            </div>
        </div>
    }
}
