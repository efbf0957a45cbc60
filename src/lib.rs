//! EcoPlan (生态规划看板): five cities' ecological-environment plans as an embeddable widget.
//!
//! `model`, `chart` and `i18n` are the pure core, built and tested natively; `app` and
//! `components` are the thin Yew shell around them.

pub mod app;
pub mod chart;
pub mod components;
pub mod format;
pub mod i18n;
pub mod model;
pub mod validate;

/// Mounts the widget into the page's `<body>`.
pub fn mount() {
    yew::Renderer::<app::App>::new().render();
}
