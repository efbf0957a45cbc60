use crate::components::about::About;
use crate::components::compare::Compare;
use crate::components::embed_panel::EmbedPanel;
use crate::components::green::Green;
use crate::components::header::Header;
use crate::components::overview::Overview;
use crate::components::source_panel::SourcePanel;
use crate::components::tabs::Tabs;
use crate::components::targets::Targets;
use crate::components::trends::Trends;
use crate::components::Ctx;
use crate::export::city_csv;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{
    city_index, default_city, parse_catalog, parse_city, CityData, Domain, MetricCatalog,
};
use crate::state::{Action, DataAction, DataState, Failure, Load, UiState};
use crate::url_state::{to_address, Theme, View};
use crate::views::{self, CityStatus};
use crate::web;
use gloo::net::http::Request;
use std::rc::Rc;
use yew::prelude::*;

pub fn city_path(city: &str) -> String {
    format!("data/cities/{city}.json")
}

/// The second part of a city's file, where the build splits it (scripts/postbuild.mjs): its
/// measures and green actions, which the first screen does not need.
pub fn more_path(city: &str) -> String {
    format!("data/cities/{city}.more.json")
}

/// Whether this build publishes the city in two parts (the page lists the second part).
fn split(city: &str) -> bool {
    web::listed(&more_path(city))
}

/// The views that show a city's measures or green actions.
fn needs_more(view: View) -> bool {
    matches!(view, View::Air | View::Water | View::Green)
}

/// How long a data file may take before the reader is told and offered a retry: a city's file is
/// about 20 KB compressed, a few seconds on a slow phone network.
const TIMEOUT_MS: i32 = 20_000;

/// One request for a data file, given up after `TIMEOUT_MS`.
async fn fetch_text(path: &str) -> Result<String, Failure> {
    let abort = web::Deadline::start(TIMEOUT_MS);
    let failed = |e: gloo::net::Error| {
        if abort.as_ref().is_some_and(|a| a.expired()) {
            Failure {
                detail: format!("{path}: no answer after {} s", TIMEOUT_MS / 1000),
                timed_out: true,
            }
        } else {
            Failure::new(format!("{path}: {e}"))
        }
    };
    let response = Request::get(&web::file_url(path))
        .abort_signal(abort.as_ref().map(|a| a.signal()).as_ref())
        .send()
        .await
        .map_err(failed)?;
    if !response.ok() {
        return Err(Failure::new(format!("{path}: HTTP {}", response.status())));
    }
    response.text().await.map_err(failed)
}

async fn fetch_city(path: String) -> Result<(CityData, String), Failure> {
    let body = fetch_text(&path).await?;
    let city = parse_city(&path, &body).map_err(|e| Failure::new(e.to_string()))?;
    Ok((city, body))
}

async fn fetch_index() -> Result<crate::model::CitiesIndex, Failure> {
    let path = "data/index.json";
    let body = fetch_text(path).await?;
    crate::model::parse_index(path, &body).map_err(|e| Failure::new(e.to_string()))
}

async fn fetch_catalog() -> Result<MetricCatalog, Failure> {
    let path = "data/metrics.json";
    let body = fetch_text(path).await?;
    parse_catalog(path, &body).map_err(|e| Failure::new(e.to_string()))
}

/// What the app starts from other than the browser's state: the build's prerendering (every view
/// of every city, natively) and a prerendered page taken over with the data boot.js read for it.
/// Either way the first render is the complete view, not a placeholder.
#[derive(Clone)]
pub struct Start {
    pub ui: UiState,
    pub data: DataState,
    pub prerender: bool,
}

#[derive(Properties, Clone, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub start: Option<Rc<Start>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        match (&self.start, &other.start) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

impl Start {
    /// The state a page asks for, with the data files boot.js read for it (`web::prefetched`):
    /// the catalog, and the city's parts or the index of every city. `None` unless every file
    /// the view needs is there and reads.
    pub fn from_page() -> Option<Start> {
        let ui = initial_state();
        let read =
            |path: &str| web::prefetched(&web::file_url(path)).map(|text| (path.to_string(), text));
        let mut data = Rc::new(DataState::default());
        let (path, text) = read("data/metrics.json")?;
        let catalog = parse_catalog(&path, &text).ok()?;
        data = data.reduce(DataAction::Catalog(Ok(Rc::new(catalog))));
        if matches!(ui.view, View::Compare | View::Sources) {
            let (path, text) = read("data/index.json")?;
            let index = crate::model::parse_index(&path, &text).ok()?;
            data = data.reduce(DataAction::Index(Ok(Rc::new(index))));
        } else {
            let (path, text) = read(&city_path(ui.city))?;
            let city = parse_city(&path, &text).ok()?;
            data = data.reduce(DataAction::City(ui.city, Ok((city, text))));
            if needs_more(ui.view) && split(ui.city) {
                let (path, text) = read(&more_path(ui.city))?;
                let more = parse_city(&path, &text).ok()?;
                data = data.reduce(DataAction::MoreLoading(ui.city));
                data = data.reduce(DataAction::More(ui.city, Ok((more, text))));
            }
        }
        Some(Start {
            ui,
            data: (*data).clone(),
            prerender: false,
        })
    }
}

fn initial_state() -> UiState {
    let lang = web::remembered_lang()
        .or_else(web::browser_lang)
        .unwrap_or(Lang::Zh);
    let city = web::remembered_city().unwrap_or_else(default_city);
    let elder = web::remembered_elder().unwrap_or(false);
    UiState::from_url(&web::address(), lang, city, elder)
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let start = props.start.clone();
    let prerender = start.as_ref().is_some_and(|s| s.prerender);
    let ui = use_reducer_eq({
        let start = start.clone();
        move || start.map_or_else(initial_state, |s| s.ui.clone())
    });
    let data = use_reducer(move || start.map(|s| s.data.clone()).unwrap_or_default());
    let prefers_dark = use_memo((), |_| web::prefers_dark());
    let dark = use_memo((ui.theme, *prefers_dark), |(theme, prefers)| match theme {
        Some(Theme::Dark) => true,
        Some(Theme::Light) => false,
        None => *prefers,
    });
    use_effect_with(ui.theme, |theme| web::set_theme(*theme));
    // Remembered only when the reader chooses it, not when a host's `?mode=elder` turned it on.
    let elder_chosen = use_mut_ref(|| false);
    use_effect_with(ui.elder, {
        let elder_chosen = elder_chosen.clone();
        move |elder| {
            web::set_mode(*elder);
            if *elder_chosen.borrow() {
                web::remember_elder(*elder);
            }
        }
    });
    // "Print this city": the city's summary (headline figures with their charts, targets, what
    // residents can do, the plan) laid out for paper until the browser says printing is over.
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listener = web::on_afterprint(move || printing.set(false));
            move || drop(listener)
        });
    }
    use_effect_with(*printing, |printing| {
        if *printing {
            // Once the summary's charts have drawn (their boxes are measured before a frame).
            web::print_soon();
        }
    });
    // Set when the URL changed by itself (first load, back/forward): mirror it, do not push.
    let url_from_browser = use_mut_ref(|| true);

    // Data: the catalog once, the current city, and for the views that show every city the
    // index of them (one small file, whatever the number of cities).
    {
        let data = data.clone();
        use_effect_with((ui.city, ui.view), move |(city, view)| {
            let every_city = matches!(view, View::Compare | View::Sources);
            if every_city && data.index.is_none() {
                load_index(&data);
            }
            load_missing(&data, if every_city { vec![] } else { vec![*city] });
        });
    }
    // Which cities this browser keeps for offline reading: boot.js finds out from the service
    // worker's cache, at start and whenever the worker has kept another file (`ecoplan:kept`).
    {
        let data = data.clone();
        use_effect_with((), move |_| {
            let ask = move || data.dispatch(DataAction::Offline(web::kept_offline()));
            ask();
            let listener = web::on_document_event("ecoplan:kept", ask);
            move || drop(listener)
        });
    }
    // Then the current city's measures and actions: at once for a view that shows them (boot.js
    // has already asked for them) or has no chart, otherwise once the first chart is drawn, so
    // that they never compete with it.
    // (Asked for once per city here, whichever comes first; a failed one's retry asks again.)
    let more_asked = use_mut_ref(Vec::<&'static str>::new);
    {
        let data = data.clone();
        let first_part = matches!(data.city(ui.city), Some(Load::Ready(_)));
        use_effect_with(
            (ui.city, ui.view, first_part),
            move |(city, view, first_part)| {
                let city = *city;
                // A prerendered page's app may start with them (boot.js read them with the page).
                let have = data.more.contains_key(city);
                let ask = move || {
                    if !have && !more_asked.borrow().contains(&city) {
                        more_asked.borrow_mut().push(city);
                        load_more(&data, city);
                    }
                };
                if *first_part && split(city) {
                    if matches!(view, View::Overview | View::Compare) {
                        web::after_first_chart(ask);
                    } else {
                        ask();
                    }
                }
            },
        );
    }

    // The address bar follows the state; back/forward bring the state back.
    {
        let url_from_browser = url_from_browser.clone();
        use_effect_with(ui.url(), move |url| {
            let address = to_address(url);
            if std::mem::replace(&mut *url_from_browser.borrow_mut(), false) {
                web::replace_address(&address);
            } else {
                web::push_address(&address);
            }
        });
    }
    {
        let ui = ui.clone();
        let url_from_browser = url_from_browser.clone();
        use_effect_with((), move |_| {
            let listener = web::on_popstate(move || {
                *url_from_browser.borrow_mut() = true;
                ui.dispatch(Action::FromUrl(web::address()));
            });
            move || drop(listener)
        });
    }
    use_effect_with((ui.lang, ui.city), |(lang, city)| {
        web::remember_lang(*lang);
        web::remember_city(city);
    });
    // The page's title names the view and the city, as the build's page for them does.
    use_effect_with((ui.lang, ui.city, ui.view), |(lang, city, view)| {
        let name = city_index().cities.iter().find(|c| c.id == *city);
        let name = name.map_or("", |c| c.name.get(*lang));
        web::set_document_lang(*lang, &views::page_title(name, *view, *lang));
    });

    let lang = ui.lang;
    let ctx = Ctx {
        lang,
        dark: *dark,
        elder: ui.elder,
        show_source: dispatch_with(&ui, Action::ShowSource),
        prerender,
    };
    let on_city = dispatch_with(&ui, Action::SetCity);
    let on_lang = dispatch_with(&ui, Action::SetLang);
    let on_elder = {
        let ui = ui.clone();
        Callback::from(move |elder: bool| {
            *elder_chosen.borrow_mut() = true;
            ui.dispatch(Action::SetElder(elder));
        })
    };
    let on_view = dispatch_with(&ui, Action::SetView);
    let on_metric = dispatch_with(&ui, Action::SetMetric);
    let picker = views::city_picker(city_index(), lang, data.offline.as_deref(), ui.city);
    let statuses = data.statuses();
    let cities: Vec<(&str, &str, CityStatus)> = statuses
        .iter()
        .flatten()
        .map(|(id, name, status)| (*id, name.get(lang), *status))
        .collect();

    // Compare and Sources show every city: they wait for the index (and the catalog), so that no
    // row or plan arriving later moves what is already on screen.
    let all_arrived = !matches!(data.catalog, None | Some(Load::Loading)) && statuses.is_some();
    // A city's file (or the part of it this view needs) that failed: what failed, and a retry.
    let city_failed = |why: &Failure, load: fn(&UseReducerHandle<DataState>, &'static str)| {
        let retry = {
            let data = data.clone();
            let city = ui.city;
            Callback::from(move |_: MouseEvent| load(&data, city))
        };
        failure(
            lang,
            Key::LoadFailed,
            Some(Key::OtherCitiesWork),
            why,
            retry,
        )
    };
    let more_failed = match data.more.get(ui.city) {
        Some(Load::Failed(why)) if needs_more(ui.view) => Some(why),
        _ => None,
    };
    // `None` while the view's data is on its way.
    let index_failed = match &data.index {
        Some(Load::Failed(why)) => Some(why),
        _ => None,
    };
    let body = match (ui.view, data.catalog.as_ref(), data.city(ui.city)) {
        (View::Compare | View::Sources, _, _) if index_failed.is_some() => {
            index_failed.map(|why| {
                let retry = {
                    let data = data.clone();
                    Callback::from(move |_: MouseEvent| load_index(&data))
                };
                failure(lang, Key::IndexFailed, None, why, retry)
            })
        }
        (View::Compare | View::Sources, _, _) if !all_arrived => None,
        (View::Sources, catalog, _) => {
            let catalog = match catalog {
                Some(Load::Ready(c)) => Some(&**c),
                _ => None,
            };
            let view = std::rc::Rc::new(views::sources::sources(&cities, catalog, lang));
            Some(html! { <About view={view} /> })
        }
        (View::Compare, Some(Load::Ready(catalog)), _) => {
            let view = Rc::new(views::compare::compare(
                &cities,
                catalog,
                ui.metric.as_deref(),
                lang,
            ));
            Some(html! { <Compare lang={lang} dark={*dark} view={view} on_metric={on_metric} /> })
        }
        (_, Some(Load::Failed(why)), _) => {
            // Without the catalog no city can be shown: say so, not that one city failed.
            let retry = {
                let data = data.clone();
                Callback::from(move |_: MouseEvent| load_catalog(&data))
            };
            Some(failure(lang, Key::CatalogFailed, None, why, retry))
        }
        (_, _, Some(Load::Failed(why))) => Some(city_failed(why, load_city)),
        (_, Some(Load::Ready(_)), Some(Load::Ready(_))) if more_failed.is_some() => {
            more_failed.map(|why| city_failed(why, load_more))
        }
        (_, Some(Load::Ready(catalog)), Some(Load::Ready(city)))
            if *printing && data.complete(ui.city, split(ui.city)) =>
        {
            Some(print_city(lang, city, catalog, on_view.clone()))
        }
        (view, Some(Load::Ready(catalog)), Some(Load::Ready(city)))
            if !needs_more(view) || data.complete(ui.city, split(ui.city)) =>
        {
            Some(city_view(view, lang, *dark, city, catalog, on_view.clone()))
        }
        _ => None,
    };
    // Nothing below the view until it is there: a footer the view then pushed down would move.
    // (Hidden, not removed: the embed panel in it keeps its state.)
    let loaded = body.is_some();
    let body = body.unwrap_or_else(|| placeholder(lang, ui.view));
    let source_panel = ui.source.as_ref().map(|open| {
        let source = &open.citation;
        let plan = data.plan_of(&source.city).and_then(|c| match &source.document {
            Some(id) => views::sources::document_card(c, id, lang),
            None => Some(views::sources::plan_card(c, lang)),
        });
        let close = dispatch_with(&ui, |()| Action::CloseSource);
        html! { <SourcePanel lang={lang} citation={source.clone()} anchor={open.anchor} plan={plan} on_close={close} /> }
    });
    // With the city's first part: the CSV is its indicators; the JSON, the whole file, waits
    // (disabled, in its place) for the second part.
    let downloads = match (data.city(ui.city), data.texts.get(ui.city)) {
        (Some(Load::Ready(city)), Some(text))
            if !matches!(ui.view, View::Compare | View::Sources) =>
        {
            let more = match data.more.get(ui.city) {
                Some(Load::Ready(more)) => Some(more.clone()),
                _ => None,
            };
            let whole = data.complete(ui.city, split(ui.city));
            let print = {
                let printing = printing.clone();
                Callback::from(move |_: MouseEvent| printing.set(true))
            };
            downloads(
                lang,
                ui.city,
                city.clone(),
                text.clone(),
                more,
                whole,
                print,
            )
        }
        _ => html! {},
    };

    html! {
        <ContextProvider<Ctx> context={ctx}>
            <div class={classes!("ecoplan", dark.then_some("dark"), ui.elder.then_some("elder"))} lang={lang.code()}>
                <Header lang={lang} city={ui.city} picker={picker} elder={ui.elder} on_city={on_city} on_lang={on_lang} on_elder={on_elder} />
                <Tabs lang={lang} url={ui.url()} on_view={on_view.clone()} />
                <main id="main">{ body }</main>
                <footer class="bottom" hidden={!loaded}>
                    { downloads }
                    <EmbedPanel lang={lang} url={ui.url()} />
                    <p class="credit"><a href={to_address(&crate::url_state::UrlState { view: View::Sources, ..ui.url() })}
                        onclick={{
                            let on_view = on_view.clone();
                            Callback::from(move |e: MouseEvent| { e.prevent_default(); on_view.emit(View::Sources); })
                        }}>{ t(lang, Key::AboutLink) }</a></p>
                </footer>
                // One stable slot: a child appearing at the end must not remount the others.
                <div class="dialog-slot">{ for source_panel }</div>
            </div>
        </ContextProvider<Ctx>>
    }
}

/// Requests what `DataState` does not have yet: a file is requested once, when it first appears
/// there (as loading), so the state itself says what has been asked for.
fn load_missing(data: &UseReducerHandle<DataState>, cities: Vec<&'static str>) {
    if data.catalog.is_none() {
        load_catalog(data);
    }
    for city in cities {
        if data.city(city).is_none() {
            load_city(data, city);
        }
    }
}

fn load_index(data: &UseReducerHandle<DataState>) {
    data.dispatch(DataAction::IndexLoading);
    let data = data.clone();
    yew::platform::spawn_local(async move {
        data.dispatch(DataAction::Index(fetch_index().await.map(Rc::new)));
    });
}

fn load_catalog(data: &UseReducerHandle<DataState>) {
    data.dispatch(DataAction::CatalogLoading);
    let data = data.clone();
    yew::platform::spawn_local(async move {
        data.dispatch(DataAction::Catalog(fetch_catalog().await.map(Rc::new)));
    });
}

fn load_city(data: &UseReducerHandle<DataState>, city: &'static str) {
    data.dispatch(DataAction::CityLoading(city));
    let data = data.clone();
    yew::platform::spawn_local(async move {
        data.dispatch(DataAction::City(city, fetch_city(city_path(city)).await));
    });
}

fn load_more(data: &UseReducerHandle<DataState>, city: &'static str) {
    data.dispatch(DataAction::MoreLoading(city));
    let data = data.clone();
    yew::platform::spawn_local(async move {
        data.dispatch(DataAction::More(city, fetch_city(more_path(city)).await));
    });
}

/// A callback that turns its argument into an action on the widget's state.
fn dispatch_with<T: 'static>(
    ui: &UseReducerHandle<UiState>,
    action: fn(T) -> Action,
) -> Callback<T> {
    let ui = ui.clone();
    Callback::from(move |value| ui.dispatch(action(value)))
}

fn city_view(
    view: View,
    lang: Lang,
    dark: bool,
    city: &CityData,
    catalog: &MetricCatalog,
    on_view: Callback<View>,
) -> Html {
    match view {
        View::Overview => {
            let view = Rc::new(views::overview::overview(city, catalog, lang));
            html! { <Overview lang={lang} dark={dark} view={view} on_view={on_view} /> }
        }
        View::Air | View::Water => {
            let domain = if view == View::Water {
                Domain::Water
            } else {
                Domain::Air
            };
            let view = Rc::new(views::trends::trends(city, catalog, domain, lang));
            html! { <Trends lang={lang} view={view} /> }
        }
        View::Targets => html! { <Targets view={Rc::new(views::targets::targets(city, lang))} /> },
        View::Green => html! { <Green view={Rc::new(views::green::green(city, lang))} /> },
        View::Compare | View::Sources => html! {},
    }
}

/// The city on paper: its headline figures with their charts, its targets, what residents can do,
/// and the plan they come from, one after another (the print stylesheet leaves out the controls).
fn print_city(
    lang: Lang,
    city: &CityData,
    catalog: &MetricCatalog,
    on_view: Callback<View>,
) -> Html {
    let plan = views::sources::plan_card(city, lang);
    html! {
        <div class="print-city">
            { city_view(View::Overview, lang, false, city, catalog, on_view.clone()) }
            { city_view(View::Targets, lang, false, city, catalog, on_view.clone()) }
            { city_view(View::Green, lang, false, city, catalog, on_view) }
            <section class="view print-plan">
                <h2>{ t(lang, Key::Plan) }</h2>
                <p class="plan-title" lang="zh-CN">{ plan.title_zh.clone() }</p>
                if let Some(en) = &plan.title_en { <p class="plan-title">{ en.clone() }</p> }
                <dl class="plan-meta">
                    { for plan.meta.iter().map(|(k, v)| html! { <><dt>{ k.clone() }</dt><dd>{ v.clone() }</dd></> }) }
                </dl>
                <p class="cite" lang="zh-CN">{ plan.reference.clone() }</p>
                <p class="address">{ web::page_address() }</p>
            </section>
        </div>
    }
}

/// While a view's data is on its way: boxes of the view's shape, the same as the page's skeleton
/// (www/index.html), so that the view replaces them without moving anything around them.
fn placeholder(lang: Lang, view: View) -> Html {
    html! {
        <div class="placeholder" data-view={view.code()}>
            <div class="ph-title"></div>
            <div class="ph-notice"><p class="status" role="status">{ t(lang, Key::Loading) }</p></div>
            <div class="ph-boxes"><div class="ph-box"></div><div class="ph-box"></div><div class="ph-box"></div></div>
        </div>
    }
}

/// What failed, in the reader's language and true to what it means, the technical detail, and a
/// way to try again.
fn failure(
    lang: Lang,
    what: Key,
    consequence: Option<Key>,
    why: &Failure,
    retry: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="error" role="alert">
            <p><strong>{ t(lang, what) }</strong></p>
            if why.timed_out { <p>{ t(lang, Key::TimedOut) }</p> }
            if let Some(consequence) = consequence { <p>{ t(lang, consequence) }</p> }
            <p class="detail" lang="en">{ why.detail.clone() }</p>
            <button type="button" onclick={retry}>{ t(lang, Key::Retry) }</button>
        </div>
    }
}

/// The file names are the checked id the app asked for (from the city list), never the data's own.
/// The JSON is the city's file as published: the text that arrived, joined with its second part's
/// (`more`) where the build split it; `whole` once nothing is missing.
fn downloads(
    lang: Lang,
    id: &'static str,
    city: Rc<CityData>,
    text: Rc<String>,
    more: Option<Rc<String>>,
    whole: bool,
    print: Callback<MouseEvent>,
) -> Html {
    let csv = {
        let city = city.clone();
        Callback::from(move |_: MouseEvent| {
            web::download(
                &format!("ecoplan-{id}.csv"),
                "text/csv;charset=utf-8",
                &city_csv(&city, lang, &city_index().version),
            )
        })
    };
    let json = Callback::from(move |_: MouseEvent| {
        let file = match &more {
            Some(more) => web::join_city_json(&text, more),
            None => Some((*text).clone()),
        };
        if let Some(file) = file {
            // Named with the data's date, the one thing a reader can compare later copies by.
            let date = city_index().version.split(' ').next().unwrap_or_default();
            let name = if date.is_empty() {
                format!("ecoplan-{id}.json")
            } else {
                format!("ecoplan-{id}-{date}.json")
            };
            web::download(&name, "application/json", &file);
        }
    });
    html! {
        <div class="downloads">
            <span>{ t(lang, Key::Download) }</span>
            <button type="button" onclick={csv}>{ t(lang, Key::DownloadCsv) }</button>
            <button type="button" onclick={json} disabled={!whole}>{ t(lang, Key::DownloadJson) }</button>
            <button type="button" class="print" onclick={print} disabled={!whole}>{ t(lang, Key::PrintCity) }</button>
        </div>
    }
}
