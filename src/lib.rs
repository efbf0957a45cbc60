//! EcoPlan (生态规划看板): five cities' ecological-environment plans as an embeddable widget.
//!
//! The pure core, built and tested natively: `model` and `validate` (the data), `progress`,
//! `summary`, `format` and `export` (what is shown), `chart` (drawing with plotters on a canvas or into SVG),
//! `i18n`, `url_state` and `state` (the reducer). The thin Yew shell: `app`, `components`, `web`.

pub mod app;
pub mod chart;
pub mod components;
pub mod datatools;
pub mod derive;
pub mod describe;
pub mod export;
pub mod format;
pub mod i18n;
pub mod lang;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod progress;
pub mod series;
pub mod state;
#[cfg(not(target_arch = "wasm32"))]
pub mod strict;
pub mod url_state;
pub mod validate;
pub mod views;
pub mod web;

/// Mounts the widget into the page's `#ecoplan` element, or its `<body>` if there is none. A
/// prerendered page is taken over in place: with the data boot.js read for it the app's first
/// render is the same view, which replaces the page's in the same task (no frame between them).
pub fn mount() {
    web::read_city_index();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("ecoplan"));
    let start = app::Start::from_page().map(std::rc::Rc::new);
    let props = app::AppProps { start };
    match root {
        // Yew empties the root (the skeleton, or the prerendered view) and renders in a microtask.
        Some(root) => yew::Renderer::<app::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<app::App>::with_props(props).render(),
    };
}
