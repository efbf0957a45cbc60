use crate::components::Ctx;
use crate::model::Provenance;
use crate::state::SourceRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceButtonProps {
    /// What the reader sees: the number or the words.
    pub label: AttrValue,
    pub source: Option<Provenance>,
    /// What the source is for, in the reader's language, shown above the quote.
    pub what: AttrValue,
}

/// A number or an action that opens the plan's own sentence when tapped.
#[function_component(SourceButton)]
pub fn source_button(props: &SourceButtonProps) -> Html {
    let (Some(ctx), Some(provenance)) = (use_context::<Ctx>(), props.source.as_ref()) else {
        return html! { <span>{ props.label.clone() }</span> };
    };
    let onclick = {
        let source = SourceRef {
            city: ctx.city,
            line: provenance.line,
            quote: provenance.quote.clone(),
            what: props.what.to_string(),
        };
        let show = ctx.show_source.clone();
        Callback::from(move |_: MouseEvent| show.emit(source.clone()))
    };
    html! {
        <button type="button" class="src" aria-haspopup="dialog" {onclick}>{ props.label.clone() }</button>
    }
}
