use crate::components::Ctx;
use crate::state::OpenSource;
use crate::views::Citation;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceButtonProps {
    /// What the reader sees: the number or the words.
    pub label: AttrValue,
    pub citation: Citation,
}

/// A number or an action that opens the plan's own sentence when tapped.
#[function_component(SourceButton)]
pub fn source_button(props: &SourceButtonProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return html! { <span>{ props.label.clone() }</span> };
    };
    let onclick = {
        let citation = props.citation.clone();
        let show = ctx.show_source.clone();
        Callback::from(move |e: MouseEvent| {
            // Where the number is on the page, by mouse, tap or keyboard alike.
            let anchor = e
                .target_dyn_into::<web_sys::Element>()
                .map_or(0.0, |el| el.get_bounding_client_rect().top())
                + crate::web::scroll_y();
            show.emit(OpenSource {
                citation: citation.clone(),
                anchor: anchor.round() as i32,
            })
        })
    };
    let button = html! {
        <button type="button" class="src" aria-haspopup="dialog" {onclick}>{ props.label.clone() }</button>
    };
    if cfg!(target_arch = "wasm32") || !ctx.prerender {
        return button;
    }
    // A page read without code cannot open the source: it says it beside the number instead.
    html! {
        <>
            { button }
            <noscript><small class="still-source">{ still_source(&props.citation) }</small></noscript>
        </>
    }
}

/// A citation in one line: each sentence with its line, how a derived value is computed, the
/// standard and its clause behind a reference line.
fn still_source(c: &Citation) -> String {
    let mut parts: Vec<String> = c
        .quotes
        .iter()
        .map(|q| match &q.of {
            Some(of) => format!("{of}: {} «{}»", q.line_label, q.text),
            None => format!("{} «{}»", q.line_label, q.text),
        })
        .collect();
    if let Some(formula) = &c.formula {
        parts.push(formula.clone());
    }
    if let Some(s) = &c.standard {
        parts.push(format!("{} {}", s.number, s.clause));
    }
    parts.join("; ")
}
