use crate::i18n::{t, Key};
use crate::lang::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub city: &'static str,
    /// The cities by province, in the picker's order.
    pub picker: Vec<crate::views::PickerGroup>,
    pub elder: bool,
    pub on_city: Callback<&'static str>,
    pub on_lang: Callback<Lang>,
    pub on_elder: Callback<bool>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let onchange = {
        let on_city = props.on_city.clone();
        let ids: Vec<&'static str> = props
            .picker
            .iter()
            .flat_map(|g| g.cities.iter().map(|(id, _)| *id))
            .collect();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(id) = ids.iter().find(|id| **id == value) {
                on_city.emit(id);
            }
        })
    };
    let switch = {
        let on_lang = props.on_lang.clone();
        Callback::from(move |_: MouseEvent| on_lang.emit(lang.other()))
    };
    let elder = props.elder;
    let toggle_elder = {
        let on_elder = props.on_elder.clone();
        Callback::from(move |_: MouseEvent| on_elder.emit(!elder))
    };
    html! {
        <header class="top">
            <div class="brand">
                <div class="title-row">
                    <h1>{ t(lang, Key::AppTitle) }</h1>
                    <button type="button" class="mode" aria-pressed={elder.to_string()} onclick={toggle_elder}>
                        { t(lang, Key::ElderMode) }
                    </button>
                </div>
                <p class="tagline">{ t(lang, Key::Tagline) }</p>
            </div>
            <div class="controls">
                <label class="city-picker">
                    <span>{ t(lang, Key::City) }</span>
                    <select id="city" {onchange}>
                        { for props.picker.iter().map(|group| html! {
                            <optgroup label={group.label.clone()}>
                                { for group.cities.iter().map(|(id, name)| html! {
                                    <option value={*id} selected={*id == props.city}>{ name.clone() }</option>
                                }) }
                            </optgroup>
                        }) }
                    </select>
                </label>
                <button type="button" class="lang" lang={lang.other().code()}
                    title={t(lang, Key::SwitchLanguage)} onclick={switch}>
                    { t(lang, Key::OtherLanguageName) }
                </button>

            </div>
        </header>
    }
}
