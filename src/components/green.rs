use crate::components::SourceButton;
use crate::format::with_unit;
use crate::i18n::{t, theme_name, Key};
use crate::lang::Lang;
use crate::model::{CityData, GreenAction, Theme};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GreenProps {
    pub lang: Lang,
    pub city: std::rc::Rc<CityData>,
}

/// What the plan asks of residents, by theme, each with what you can do and the plan's sentence.
#[function_component(Green)]
pub fn green(props: &GreenProps) -> Html {
    let lang = props.lang;
    let city = &props.city;
    let mut themes: Vec<Theme> = Vec::new();
    for a in &city.actions {
        if !themes.contains(&a.theme) {
            themes.push(a.theme);
        }
    }
    html! {
        <section class="view green" aria-labelledby="view-title">
            <h2 id="view-title">{ format!("{} · {}", city.name.get(lang), t(lang, Key::ViewGreen)) }</h2>
            { for themes.iter().map(|theme| {
                let actions: Vec<&GreenAction> = city.actions.iter().filter(|a| a.theme == *theme).collect();
                html! {
                    <section class="theme">
                        <h3>{ theme_name(lang, *theme) }</h3>
                        <div class="cards">
                        { for actions.iter().map(|a| html! {
                            <article class="card action" id={format!("action-{}", a.id)}>
                                <h4>{ a.title.get(lang) }</h4>
                                <p class="you-can"><strong>{ format!("{}: ", t(lang, Key::YouCan)) }</strong>{ a.you_can.get(lang) }</p>
                                <p class="summary">{ a.summary.get(lang) }</p>
                                if let Some(target) = &a.target {
                                    <p class="action-target">
                                        { format!("{}: ", t(lang, Key::ActionTarget)) }
                                        <SourceButton
                                            label={match target.value {
                                                Some(v) if target.text.get(lang).is_empty() => with_unit(lang, &crate::format::format_value(v), &target.unit),
                                                _ => target.text.get(lang).to_string(),
                                            }}
                                            source={Some(target.source.clone())}
                                            what={a.title.get(lang).to_string()} />
                                    </p>
                                }
                                <SourceButton label={t(lang, Key::Source)} source={Some(a.source.clone())} what={a.title.get(lang).to_string()} />
                            </article>
                        }) }
                        </div>
                    </section>
                }
            }) }
        </section>
    }
}
