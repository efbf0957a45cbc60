//! The browser around the widget: storage, the address bar, media queries, downloads. Every call
//! that can throw (storage in a sandboxed frame, history in an odd embed) fails quietly.

use crate::lang::Lang;
use wasm_bindgen::JsCast;

const CITY_KEY: &str = "ecoplan:city";
const LANG_KEY: &str = "ecoplan:lang";
const MODE_KEY: &str = "ecoplan:mode";

/// The browser's window; none where the shell is rendered natively (the build prerendering every
/// view), so that everything here answers as a browser without that feature would.
fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

fn storage() -> Option<web_sys::Storage> {
    // `localStorage` itself throws in a sandboxed frame: that is an Err here, not a panic.
    window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remembered_city() -> Option<&'static str> {
    let city = load(CITY_KEY)?;
    crate::model::known_city(&city)
}

pub fn remember_city(city: &str) {
    store(CITY_KEY, city);
}

pub fn remembered_lang() -> Option<Lang> {
    Lang::from_code(&load(LANG_KEY)?)
}

pub fn remember_lang(lang: Lang) {
    store(LANG_KEY, lang.code());
}

/// Whether the reader turned the elder mode on (boot.js reads the same key, to size the skeleton).
pub fn remembered_elder() -> Option<bool> {
    load(MODE_KEY).map(|mode| mode == "elder")
}

pub fn remember_elder(elder: bool) {
    store(MODE_KEY, if elder { "elder" } else { "standard" });
}

/// The elder mode as `<html data-mode="elder">`: the stylesheet's root size (rem) follows it.
pub fn set_mode(elder: bool) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if elder {
            root.set_attribute("data-mode", "elder")
        } else {
            root.remove_attribute("data-mode")
        };
    }
}

/// The browser's preferred language, if it is one we have.
pub fn browser_lang() -> Option<Lang> {
    let navigator = window()?.navigator();
    navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .chain(navigator.language())
        .find_map(|l| Lang::from_code(&l))
}

/// Where the widget is deployed: this page's address without its query, ending in `/`.
pub fn widget_url() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    format!("{origin}{folder}")
}

thread_local! {
    static FILES: Option<wasm_bindgen::JsValue> = build_files();
}

/// This build's address of a data file: the build content-hashes `data/` and lists each file's
/// hashed name under its plain path in the page (`<script type="application/json"
/// id="ecoplan-files">`). A page without that list (a test page) uses the plain path.
pub fn file_url(path: &str) -> String {
    FILES
        .with(|files| {
            let files = files.as_ref()?;
            js_sys::Reflect::get(files, &wasm_bindgen::JsValue::from_str(path))
                .ok()?
                .as_string()
        })
        .unwrap_or_else(|| path.to_string())
}

/// Whether the page lists this data file (a page without the list lists none).
pub fn listed(path: &str) -> bool {
    FILES.with(|files| {
        files.as_ref().is_some_and(|files| {
            js_sys::Reflect::has(files, &wasm_bindgen::JsValue::from_str(path)).unwrap_or(false)
        })
    })
}

/// A city's file whole again from its two published parts (the first with its measures and
/// actions empty, the second with them), by the browser's JSON: the same document as `data/`,
/// indented, keys in the file's order. `None` if a part is not a JSON object.
pub fn join_city_json(first: &str, more: &str) -> Option<String> {
    let first = js_sys::JSON::parse(first).ok().filter(|v| v.is_object())?;
    let more = js_sys::JSON::parse(more).ok().filter(|v| v.is_object())?;
    for key in ["actions", "measures"] {
        let key = wasm_bindgen::JsValue::from_str(key);
        js_sys::Reflect::set(&first, &key, &js_sys::Reflect::get(&more, &key).ok()?).ok()?;
    }
    js_sys::JSON::stringify_with_replacer_and_space(
        &first,
        &wasm_bindgen::JsValue::NULL,
        &wasm_bindgen::JsValue::from_f64(2.0),
    )
    .ok()?
    .as_string()
}

/// The cities this build offers, as the build wrote them into the page
/// (`<script type="application/json" id="ecoplan-cities">`): set once, before the app starts.
pub fn read_city_index() {
    let text = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("ecoplan-cities"))
        .and_then(|e| e.text_content());
    if let Some(index) = text.and_then(|t| crate::model::parse("ecoplan-cities", &t).ok()) {
        crate::model::set_city_index(index);
    }
}

/// A data file boot.js read before the app started, by its plain path: in a prerendered page it
/// waits for the data the page shows, so that the app takes the page over complete at once.
pub fn prefetched(path: &str) -> Option<String> {
    let root: wasm_bindgen::JsValue = window()?.document()?.get_element_by_id("ecoplan")?.into();
    let data = js_sys::Reflect::get(&root, &"ecoplanData".into()).ok()?;
    js_sys::Reflect::get(&data, &path.into()).ok()?.as_string()
}

/// The page's list, parsed by the browser's own JSON (no Rust deserializer for one small map).
fn build_files() -> Option<wasm_bindgen::JsValue> {
    let text = window()?
        .document()?
        .get_element_by_id("ecoplan-files")?
        .text_content()?;
    js_sys::JSON::parse(&text).ok().filter(|v| v.is_object())
}

thread_local! {
    static FIRST_CHART: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static AFTER_FIRST_CHART: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Called after every chart drawing; the first time, marks it for measurement
/// (`performance.mark("ecoplan:first-chart")`), tells the page (an `ecoplan:first-chart`
/// event on `document`), which then starts the offline precache, and runs what waited for it.
pub fn first_chart_drawn() {
    if FIRST_CHART.with(|done| done.replace(true)) {
        return;
    }
    if let Some(window) = window() {
        if let Some(performance) = window.performance() {
            let _ = performance.mark("ecoplan:first-chart");
        }
        if let (Some(document), Ok(event)) = (
            window.document(),
            web_sys::Event::new("ecoplan:first-chart"),
        ) {
            let _ = document.dispatch_event(&event);
        }
    }
    for waiting in AFTER_FIRST_CHART.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        waiting();
    }
}

/// Runs `then` once the first chart is drawn: now, if it has been.
pub fn after_first_chart(then: impl FnOnce() + 'static) {
    if FIRST_CHART.with(std::cell::Cell::get) {
        then();
    } else {
        AFTER_FIRST_CHART.with(|w| w.borrow_mut().push(Box::new(then)));
    }
}

/// What the address bar asks for: the page (one the build wrote for a city's view in a language)
/// and the query.
pub fn address() -> crate::url_state::UrlState {
    let location = window().map(|w| w.location());
    let path = location.as_ref().and_then(|l| l.pathname().ok());
    let query = location.as_ref().and_then(|l| l.search().ok());
    crate::url_state::parse_address(&path.unwrap_or_default(), &query.unwrap_or_default())
}

/// Puts `address` (relative to the widget's folder, `url_state::to_address`) in the address bar:
/// a new history entry, so back returns to the previous view.
pub fn push_address(address: &str) {
    set_address(address, true);
}

/// Puts `address` in the address bar in place of the current entry (first load, back/forward).
pub fn replace_address(address: &str) {
    set_address(address, false);
}

fn set_address(address: &str, new_entry: bool) {
    let Some(window) = window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let hash = location.hash().unwrap_or_default();
    let url = format!("{folder}{address}{hash}");
    let here = format!("{path}{}{hash}", location.search().unwrap_or_default());
    if url == here {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if new_entry {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Calls `f` on back/forward; the listener is removed when the returned value is dropped.
pub fn on_popstate(f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "popstate",
        move |_| f(),
    ))
}

/// Calls `f` whenever the document hears the event `name` (boot.js's own events).
pub fn on_document_event(
    name: &'static str,
    f: impl Fn() + 'static,
) -> Option<gloo::events::EventListener> {
    let document = window()?.document()?;
    Some(gloo::events::EventListener::new(
        &document,
        name,
        move |_| f(),
    ))
}

/// The cities whose data this browser keeps for offline reading, as boot.js last found them in the
/// service worker's cache (`data-kept` on the page's city list, ids separated by spaces). `None`
/// where the page works online only (no worker controls it), where a list would promise what the
/// browser cannot keep.
pub fn kept_offline() -> Option<Vec<&'static str>> {
    let kept = window()?
        .document()?
        .get_element_by_id("ecoplan-cities")?
        .get_attribute("data-kept")?;
    Some(
        kept.split(' ')
            .filter_map(crate::model::known_city)
            .collect(),
    )
}

/// Calls `f` when the browser has printed (or the reader cancelled the print dialog).
pub fn on_afterprint(f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "afterprint",
        move |_| f(),
    ))
}

/// Opens the browser's print dialog after the next frames, once what is to print has drawn.
pub fn print_soon() {
    let print = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(window) = window() {
            let _ = window.print();
        }
    });
    if let Some(window) = window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(print.unchecked_ref(), 400);
    }
}

pub fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A fixed scheme from `?theme=` as `<html data-theme>`, which the stylesheet follows over the
/// reader's own setting.
pub fn set_theme(theme: Option<crate::url_state::Theme>) {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Some(crate::url_state::Theme::Dark) => root.set_attribute("data-theme", "dark"),
        Some(crate::url_state::Theme::Light) => root.set_attribute("data-theme", "light"),
        None => root.remove_attribute("data-theme"),
    };
}

/// How far the page is scrolled, in CSS px.
pub fn scroll_y() -> f64 {
    window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// True inside a frame (an embed): the page is then as tall as its content.
pub fn is_framed() -> bool {
    window()
        .and_then(|w| Some(w.parent().ok()??.ne(&w)))
        .unwrap_or(false)
}

pub fn device_pixel_ratio() -> f64 {
    window().map_or(1.0, |w| w.device_pixel_ratio())
}

pub fn set_document_lang(lang: Lang, title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document.set_title(title);
    }
}

/// Puts `text` on the clipboard; false where the page may not (an insecure page, a strict frame).
pub async fn copy(text: &str) -> bool {
    match window().map(|w| w.navigator().clipboard()) {
        Some(clipboard) => wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
            .await
            .is_ok(),
        None => false,
    }
}

/// This page's whole address: what a saved picture names as where it comes from.
pub fn page_address() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Offers `contents` as a file download, without any request.
pub fn download(filename: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(filename, &url);
    // Revoked later, not at once: iOS Safari reads the blob after `click()` returns, and fails
    // on a URL revoked in the meantime.
    revoke_later(&url);
}

/// Offers what `url` (a blob or data URL) holds as a file download.
pub fn download_url(filename: &str, url: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(url);
        a.set_download(filename);
        a.click();
    }
}

/// How long a download's blob URL lives: long enough for any browser to have read it.
const REVOKE_AFTER_MS: i32 = 30_000;

fn revoke_later(url: &str) {
    let url = url.to_string();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    // Without a window or a timer the URL lives until the page goes: a small leak, not a failure.
    if let Some(window) = window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            REVOKE_AFTER_MS,
        );
    }
}

/// A timer that aborts a request: `signal()` goes to the request, `expired()` says whether the
/// time ran out (rather than the request failing on its own). Dropping it stops the timer.
pub struct Deadline {
    controller: web_sys::AbortController,
    expired: std::rc::Rc<std::cell::Cell<bool>>,
    timer: i32,
}

impl Deadline {
    /// `None` where the browser has no `AbortController`: the request then simply has no deadline.
    pub fn start(ms: i32) -> Option<Deadline> {
        let window = window()?;
        let controller = web_sys::AbortController::new().ok()?;
        let expired = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_timeout = {
            let controller = controller.clone();
            let expired = expired.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                expired.set(true);
                controller.abort();
            })
        };
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.unchecked_ref(), ms)
            .ok()?;
        Some(Deadline {
            controller,
            expired,
            timer,
        })
    }

    pub fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }

    pub fn expired(&self) -> bool {
        self.expired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(window) = window() {
            window.clear_timeout_with_handle(self.timer);
        }
    }
}

/// The browser's speech synthesis, where it has one.
fn speech() -> Option<web_sys::SpeechSynthesis> {
    // Read as a property, not through web-sys's getter: a browser without it (or a host that
    // removed it) has `undefined` there, which must not be called.
    let window: wasm_bindgen::JsValue = window()?.into();
    let value = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    value.is_object().then(|| value.unchecked_into())
}

/// Whether the browser can speak `lang`: it has speech synthesis and, where it has listed its
/// voices, one for the language (an empty list is a list not loaded yet: then it is tried).
pub fn can_speak(lang: Lang) -> bool {
    let Some(speech) = speech() else {
        return false;
    };
    let prefix = if lang == Lang::Zh { "zh" } else { "en" };
    let voices = speech.get_voices();
    voices.length() == 0
        || voices.iter().any(|v| {
            js_sys::Reflect::get(&v, &"lang".into())
                .ok()
                .and_then(|l| l.as_string())
                .is_some_and(|l| l.to_ascii_lowercase().starts_with(prefix))
        })
}

/// Reads `text` aloud in `lang` (anything being read is stopped first); `done` runs when it ends,
/// is stopped, or fails (with `true` if no voice could read the language).
pub fn speak(text: &str, lang: Lang, done: impl Fn(bool) + 'static) -> bool {
    let Some(speech) = speech() else {
        return false;
    };
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return false;
    };
    utterance.set_lang(lang.code());
    let done = std::rc::Rc::new(done);
    let on_end = {
        let done = done.clone();
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || done(false))
    };
    let on_error = wasm_bindgen::closure::Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(
        move |e: wasm_bindgen::JsValue| {
            let error = js_sys::Reflect::get(&e, &"error".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            done(matches!(
                error.as_str(),
                "language-unavailable" | "voice-unavailable" | "synthesis-unavailable"
            ));
        },
    );
    utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The utterance holds them for as long as it lives.
    on_end.forget();
    on_error.forget();
    speech.cancel();
    speech.speak(&utterance);
    true
}

pub fn pause_speech() {
    if let Some(s) = speech() {
        s.pause();
    }
}

pub fn resume_speech() {
    if let Some(s) = speech() {
        s.resume();
    }
}

pub fn stop_speech() {
    if let Some(s) = speech() {
        s.cancel();
    }
}
