//! The Air and Water views: one block per metric (chart, table, the figures in words), then what
//! the city is doing about it.

use super::{cite, metric_block, target_cell, Cell, Citation, MetricBlock};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, Domain, MetricCatalog};
use crate::series::Series;

/// One of the plan's main measures.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct MeasureItem {
    pub id: String,
    pub title: String,
    pub summary: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub target: Option<Cell>,
    pub citation: Citation,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct TrendsView {
    pub title: String,
    pub blocks: Vec<MetricBlock>,
    /// Said when no block has a chart.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub no_charts: Option<String>,
    pub measures_title: String,
    pub measures: Vec<MeasureItem>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub no_measures: Option<String>,
}

pub fn trends(city: &CityData, catalog: &MetricCatalog, domain: Domain, lang: Lang) -> TrendsView {
    let view = if domain == Domain::Water {
        crate::url_state::View::Water
    } else {
        crate::url_state::View::Air
    };
    let mut blocks: Vec<MetricBlock> = Series::of_domain(city, domain)
        .iter()
        .map(|s| {
            let mut block = metric_block(lang, &city.city, s, catalog);
            if let Some(chart) = &mut block.chart {
                chart.picture = super::picture::for_city(city, &block.title, &s.lead.id, lang);
            }
            block
        })
        .collect();
    // Charts first, in the plan's order; then the metrics that are a sentence.
    blocks.sort_by_key(|b| b.chart.is_none());
    let measures: Vec<MeasureItem> = city
        .measures
        .iter()
        .filter(|m| m.domain == domain)
        .map(|m| {
            let title = m.title.get(lang);
            MeasureItem {
                id: m.id.clone(),
                title: title.to_string(),
                summary: m.summary.get(lang).to_string(),
                target: m
                    .target
                    .as_ref()
                    .map(|tg| target_cell(lang, &city.city, title, tg)),
                citation: cite(lang, &city.city, title.to_string(), &m.source),
            }
        })
        .collect();
    TrendsView {
        title: format!("{} · {}", city.name.get(lang), super::view_name(lang, view)),
        no_charts: blocks
            .iter()
            .all(|b| b.chart.is_none())
            .then(|| t(lang, Key::NothingToChart).to_string()),
        blocks,
        measures_title: t(lang, Key::CityIsDoing).to_string(),
        no_measures: measures
            .is_empty()
            .then(|| t(lang, Key::NoMeasures).to_string()),
        measures,
    }
}
