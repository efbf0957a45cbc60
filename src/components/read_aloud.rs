use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    pub text: AttrValue,
    /// What is read, for the button's accessible name: `朗读：焦作市 · 空气`.
    pub what: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum ReadState {
    Idle,
    Speaking,
    Paused,
    /// The browser has no voice for the page's language: said, not failed silently.
    NoVoice,
}

/// 读一读 / Read aloud: the browser's own speech synthesis reads `text` in the page's language,
/// offline; pause, resume and stop while it reads.
#[function_component(ReadAloud)]
pub fn read_aloud(props: &ReadAloudProps) -> Html {
    let lang = use_context::<super::Ctx>().map_or(Lang::Zh, |c| c.lang);
    let state = use_state_eq(|| ReadState::Idle);
    // Another text (a city, a language) stops what this one was reading.
    {
        let state = state.clone();
        use_effect_with((props.text.clone(), lang), move |_| {
            move || {
                if matches!(*state, ReadState::Speaking | ReadState::Paused) {
                    web::stop_speech();
                }
            }
        });
    }
    let start = {
        let state = state.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            if !web::can_speak(lang) {
                state.set(ReadState::NoVoice);
                return;
            }
            let done = {
                let state = state.clone();
                move |no_voice: bool| {
                    state.set(if no_voice {
                        ReadState::NoVoice
                    } else {
                        ReadState::Idle
                    })
                }
            };
            if web::speak(&text, lang, done) {
                state.set(ReadState::Speaking);
            } else {
                state.set(ReadState::NoVoice);
            }
        })
    };
    let pause = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if *state == ReadState::Paused {
                web::resume_speech();
                state.set(ReadState::Speaking);
            } else {
                web::pause_speech();
                state.set(ReadState::Paused);
            }
        })
    };
    let stop = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            web::stop_speech();
            state.set(ReadState::Idle);
        })
    };
    let label = format!("{}{}", t(lang, Key::ReadAloudOf), props.what);
    html! {
        <span class="read-aloud">
            if matches!(*state, ReadState::Speaking | ReadState::Paused) {
                <button type="button" class="speak" onclick={pause} aria-pressed={(*state == ReadState::Paused).to_string()}>
                    { t(lang, if *state == ReadState::Paused { Key::Resume } else { Key::Pause }) }
                </button>
                <button type="button" class="speak" onclick={stop}>{ t(lang, Key::Stop) }</button>
            } else {
                <button type="button" class="speak" aria-label={label} onclick={start}>{ t(lang, Key::ReadAloud) }</button>
            }
            <span class="no-voice" role="status">
                if *state == ReadState::NoVoice { { t(lang, Key::NoVoice) } }
            </span>
        </span>
    }
}
