use crate::components::SourceButton;
use crate::views::Cell;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintedValueProps {
    /// The value, or `None` where the plan prints nothing.
    pub cell: Option<Cell>,
    /// Shown where there is no value.
    #[prop_or(AttrValue::Static("—"))]
    pub fallback: AttrValue,
}

/// A printed value that opens the plan's sentence when tapped, with its year beneath.
#[function_component(PrintedValue)]
pub fn printed_value(props: &PrintedValueProps) -> Html {
    let Some(cell) = &props.cell else {
        return html! { <span class="none">{ props.fallback.clone() }</span> };
    };
    html! {
        <>
            <SourceButton label={cell.text.clone()} citation={cell.citation.clone()} />
            if !cell.year.is_empty() { <span class="year">{ cell.year.clone() }</span> }
        </>
    }
}
