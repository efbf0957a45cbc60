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
    html! {
        <button type="button" class="src" aria-haspopup="dialog" {onclick}>{ props.label.clone() }</button>
    }
}
