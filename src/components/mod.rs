//! The Yew shell: one component per file. Each renders a view model from `views`; none computes.

pub mod about;
pub mod chart_canvas;
pub mod compare;
pub mod embed_panel;
pub mod green;
pub mod header;
pub mod metric_block;
pub mod overview;
pub mod printed_value;
pub mod read_aloud;
pub mod source_button;
pub mod source_panel;
pub mod tabs;
pub mod targets;
pub mod trends;

pub use chart_canvas::ChartCanvas;
pub use metric_block::MetricBlockView;
pub use printed_value::PrintedValue;
pub use read_aloud::ReadAloud;
pub use source_button::SourceButton;

use crate::lang::Lang;
use crate::state::OpenSource;
use yew::Callback;

/// What every view needs from the app: the language, the theme, and how to show a source.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    pub dark: bool,
    /// The elder mode: charts drawn with larger labels and thicker lines.
    pub elder: bool,
    pub show_source: Callback<OpenSource>,
    /// Rendered by the build into a static document: charts are drawn as SVG, not on canvases.
    pub prerender: bool,
}
