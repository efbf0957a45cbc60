pub mod chart_canvas;
pub mod indicator_chart;

pub use chart_canvas::ChartCanvas;
pub use indicator_chart::IndicatorChart;
