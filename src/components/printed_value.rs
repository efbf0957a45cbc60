use crate::components::SourceButton;
use crate::describe::year_label;
use crate::format::value_text;
use crate::lang::Lang;
use crate::model::Observation;
use yew::prelude::*;

/// What a source dialog says it is the source of: "PM2.5 · 2020年 · 56 μg/m³".
pub fn source_caption(lang: Lang, subject: &str, obs: &Observation, text: &str) -> String {
    format!("{subject} · {} · {text}", year_label(lang, obs.year))
}

#[derive(Properties, PartialEq)]
pub struct PrintedValueProps {
    pub lang: Lang,
    /// The value, or `None` where the plan prints nothing.
    pub obs: Option<Observation>,
    pub unit: AttrValue,
    /// What the value is of (an indicator, or a city and an indicator), for the source dialog.
    pub subject: AttrValue,
    /// Shown where there is no value.
    #[prop_or(AttrValue::Static("—"))]
    pub fallback: AttrValue,
}

/// A printed value that opens the plan's sentence when tapped, with its year beneath.
#[function_component(PrintedValue)]
pub fn printed_value(props: &PrintedValueProps) -> Html {
    let Some(obs) = &props.obs else {
        return html! { <span class="none">{ props.fallback.clone() }</span> };
    };
    let text = value_text(props.lang, obs, &props.unit);
    let what = source_caption(props.lang, &props.subject, obs, &text);
    html! {
        <>
            <SourceButton label={text} source={obs.source.clone()} what={what} />
            <span class="year">{ year_label(props.lang, obs.year) }</span>
        </>
    }
}
