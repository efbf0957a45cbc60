//! The first screen: for each headline metric, the latest figure, the target, progress in words,
//! and a compact chart of the trend.

use super::{cell, headline, trend_chart, Cell, TrendChart};
use crate::describe::progress_text;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, Domain, MetricCatalog};
use crate::series::Series;
use crate::url_state::View;

/// The overview's cards, in order: is the air and the water getting better?
pub const HEADLINE_METRICS: [&str; 3] = ["pm25", "good_air_days_ratio", "surface_water_good"];

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Card {
    pub metric: String,
    pub name: String,
    /// The plan's own name for it, where that says more (a scope, another wording).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub as_named: Option<String>,
    /// `None` where the plan does not give this metric: then `missing` says so.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub missing: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub latest: Option<Cell>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub target: Option<Cell>,
    /// Share of the way from baseline to target, where a later level is printed.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub share: Option<f64>,
    pub progress: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub chart: Option<TrendChart>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(serialize_with = "super::serialize_view")
    )]
    pub more: View,
    pub more_label: String,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct OverviewView {
    pub title: String,
    pub plan_title: String,
    pub notice: String,
    pub cards: Vec<Card>,
}

pub fn overview(city: &CityData, catalog: &MetricCatalog, lang: Lang) -> OverviewView {
    let cards = HEADLINE_METRICS
        .iter()
        .map(|metric_id| {
            let metric = catalog.metric(metric_id);
            let name = metric
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default();
            let domain_view = match metric.map(|m| m.domain) {
                Some(Domain::Water) => View::Water,
                _ => View::Air,
            };
            let more_label = format!("{} →", super::view_name(lang, domain_view));
            let series = metric.and_then(|_| Series::for_metric(city, metric_id));
            let Some((series, metric)) = series.zip(metric) else {
                return Card {
                    metric: metric_id.to_string(),
                    name,
                    as_named: None,
                    missing: Some(t(lang, Key::NoHeadline).to_string()),
                    latest: None,
                    target: None,
                    share: None,
                    progress: String::new(),
                    chart: None,
                    more: domain_view,
                    more_label,
                };
            };
            let ind = series.lead;
            let subject = ind.name.get(lang);
            let h = headline(&series, metric.better);
            Card {
                metric: metric_id.to_string(),
                name,
                as_named: (ind.scope.is_some() || ind.name.zh != metric.name.zh)
                    .then(|| subject.to_string()),
                missing: None,
                latest: h.latest.map(|e| cell(lang, &city.city, subject, &e)),
                target: h.target.map(|e| cell(lang, &city.city, subject, &e)),
                share: h.share,
                progress: progress_text(lang, &h.progress, &ind.unit),
                chart: trend_chart(lang, &city.city, &series, catalog, true).map(|mut c| {
                    c.picture = super::picture::for_city(city, subject, &ind.id, lang);
                    c
                }),
                more: domain_view,
                more_label,
            }
        })
        .collect();
    OverviewView {
        title: city.name.get(lang).to_string(),
        plan_title: city.plan.title.get(lang).to_string(),
        notice: format!(
            "{} {}",
            t(lang, Key::PlansNotice),
            t(lang, Key::TapForSource)
        ),
        cards,
    }
}
