//! The Yew shell: one component per file. Each reads the pure core and renders; none computes.

pub mod about;
pub mod chart_canvas;
pub mod compare;
pub mod embed_panel;
pub mod green;
pub mod header;
pub mod indicator_chart;
pub mod overview;
pub mod printed_value;
pub mod source_button;
pub mod source_panel;
pub mod tabs;
pub mod targets;
pub mod trends;

pub use chart_canvas::ChartCanvas;
pub use indicator_chart::IndicatorChart;
pub use printed_value::{source_caption, PrintedValue};
pub use source_button::SourceButton;

use crate::lang::Lang;
use crate::state::SourceRef;
use yew::Callback;

/// What every view needs from the app: the language, the theme, the city, and how to show a source.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    pub dark: bool,
    pub city: &'static str,
    pub show_source: Callback<SourceRef>,
}
