use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::url_state::{to_address, UrlState};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The two ways to embed the widget on another site: `embed.js` with a div, or a plain iframe.
pub fn snippets(widget_url: &str, state: &UrlState) -> (String, String) {
    let mut attrs = vec![format!(
        "data-ecoplan-city=\"{}\"",
        state.city.unwrap_or_else(crate::model::default_city)
    )];
    if state.view != crate::url_state::View::Overview {
        attrs.push(format!("data-ecoplan-view=\"{}\"", state.view.code()));
    }
    if let Some(lang) = state.lang {
        attrs.push(format!(
            "data-ecoplan-lang=\"{}\"",
            if lang == Lang::En { "en" } else { "zh" }
        ));
    }
    let script = format!(
        "<div {}></div>\n<script src=\"{widget_url}embed.js\" defer></script>",
        attrs.join(" ")
    );
    // The reader's own elder mode is theirs, not the host page's (a host sets data-ecoplan-mode).
    let frame_state = UrlState {
        metric: None,
        mode: None,
        ..state.clone()
    };
    let iframe = format!(
        "<iframe src=\"{widget_url}{}\" title=\"生态规划看板 EcoPlan\" width=\"100%\" height=\"900\" frameborder=\"0\"></iframe>",
        to_address(&frame_state)
    );
    (script, iframe)
}

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub lang: Lang,
    pub url: UrlState,
}

/// "Embed": the snippet for the current city, view and language, with a copy button.
#[function_component(EmbedPanel)]
pub fn embed_panel(props: &EmbedPanelProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let copied = use_state(|| None::<usize>);
    let refs = [use_node_ref(), use_node_ref()];
    let widget_url = crate::web::widget_url();
    let (script, iframe) = snippets(&widget_url, &props.url);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let copy = |i: usize, text: String| {
        let copied = copied.clone();
        let area = refs[i].clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let area = area.clone();
            let text = text.clone();
            yew::platform::spawn_local(async move {
                if crate::web::copy(&text).await {
                    copied.set(Some(i));
                } else if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                    // No clipboard here (an insecure page, a strict frame): select it for the reader.
                    area.select();
                }
            });
        })
    };
    html! {
        <div class="embed">
            <button type="button" class="link" aria-expanded={open.to_string()} aria-controls="embed-panel" onclick={toggle}>
                { t(lang, Key::Embed) }
            </button>
            if *open {
                <section id="embed-panel" class="embed-panel">
                    <p>{ t(lang, Key::EmbedHelp) }</p>
                    { for [(0, t(lang, Key::EmbedScript), script), (1, t(lang, Key::EmbedIframe), iframe)].into_iter().map(|(i, label, text)| html! {
                        <div class="snippet">
                            <label for={format!("snippet-{i}")}>{ label }</label>
                            <textarea id={format!("snippet-{i}")} ref={refs[i].clone()} readonly=true rows="3" value={text.clone()} />
                            <button type="button" onclick={copy(i, text)}>
                                { if *copied == Some(i) { t(lang, Key::Copied) } else { t(lang, Key::Copy) } }
                            </button>
                        </div>
                    }) }
                </section>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_state::{parse_query, View};

    #[test]
    fn snippets_carry_the_current_city_view_and_language() {
        let state = parse_query("?lang=en&city=xingtai&view=air&metric=pm25");
        let (script, iframe) = snippets("https://gov.example/widgets/ecoplan/", &state);
        assert_eq!(
            script,
            "<div data-ecoplan-city=\"xingtai\" data-ecoplan-view=\"air\" data-ecoplan-lang=\"en\"></div>\n<script src=\"https://gov.example/widgets/ecoplan/embed.js\" defer></script>"
        );
        // The frame opens the view's own page, which carries it drawn.
        assert!(iframe.starts_with(
            "<iframe src=\"https://gov.example/widgets/ecoplan/xingtai-air-en.html\""
        ));
        let (script, _) = snippets(
            "/",
            &UrlState {
                view: View::Overview,
                ..state
            },
        );
        assert!(!script.contains("data-ecoplan-view"));
    }
}
