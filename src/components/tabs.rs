use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::url_state::{to_address, UrlState, View};
use crate::views::view_name;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub lang: Lang,
    pub url: UrlState,
    pub on_view: Callback<View>,
}

/// The views as links: each is a real URL (shareable, opens in a new tab), handled in place on click.
#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    html! {
        <nav class="tabs" aria-label={t(props.lang, Key::Views)}>
            <ul>
            { for View::ALL.into_iter().map(|view| {
                let href = to_address(&UrlState { view, ..props.url.clone() });
                let current = view == props.url.view;
                let onclick = {
                    let on_view = props.on_view.clone();
                    Callback::from(move |e: MouseEvent| {
                        if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                            e.prevent_default();
                            on_view.emit(view);
                        }
                    })
                };
                html! {
                    <li><a {href}
                        aria-current={current.then_some("page")} {onclick}>
                        { view_name(props.lang, view) }
                    </a></li>
                }
            }) }
            </ul>
        </nav>
    }
}
