use crate::describe::line_label;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::Plan;
use crate::state::SourceRef;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcePanelProps {
    pub lang: Lang,
    pub source: SourceRef,
    pub plan: Option<Plan>,
    pub on_close: Callback<()>,
}

/// The plan's own sentence behind a number: quote, line, and which plan it is.
#[function_component(SourcePanel)]
pub fn source_panel(props: &SourcePanelProps) -> Html {
    let lang = props.lang;
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with(props.source.clone(), move |_| {
            if let Some(button) = close_ref.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
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
    let plan = props.plan.as_ref();
    let stated = |v: Option<String>| v.unwrap_or_else(|| t(lang, Key::NotStated).to_string());
    html! {
        <div class="backdrop" onclick={close.clone()}>
            <div class="source-panel" role="dialog" aria-modal="true" aria-labelledby="source-title"
                onclick={Callback::from(|e: MouseEvent| e.stop_propagation())} onkeydown={on_key}>
                <h2 id="source-title">{ t(lang, Key::SourceTitle) }</h2>
                <p class="what">{ props.source.what.clone() }</p>
                <blockquote lang="zh-CN">{ props.source.quote.clone() }</blockquote>
                if let Some(plan) = plan {
                    <dl class="plan-meta">
                        <dt>{ t(lang, Key::Plan) }</dt>
                        <dd lang="zh-CN">{ format!("《{}》", plan.title.zh) }</dd>
                        if lang == Lang::En { <dd>{ plan.title.en.clone() }</dd> }
                        <dt>{ t(lang, Key::Issuer) }</dt>
                        <dd>{ stated(plan.issuer.as_ref().map(|i| i.get(lang).to_string())) }</dd>
                        <dt>{ t(lang, Key::Date) }</dt>
                        <dd>{ stated(plan.date.clone()) }</dd>
                        <dt>{ t(lang, Key::Source) }</dt>
                        <dd>{ format!("{}, {}", plan.source_file, line_label(lang, props.source.line)) }</dd>
                    </dl>
                }
                <button type="button" class="close" ref={close_ref} onclick={close}>{ t(lang, Key::Close) }</button>
            </div>
        </div>
    }
}
