//! Compare: one metric across the cities, each against its own plan's target, on one chart and in
//! a table.

use super::{cell, headline, reference_for, Cell, CityStatus, Mark, Reference};
use crate::describe::{progress_text, year_label};
use crate::format::{format_value, unit_label, value_text};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{Metric, MetricCatalog};
use crate::series::{main_indicator, PointKind, Series};

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct MetricOption {
    pub id: String,
    pub name: String,
    pub selected: bool,
}

/// A city on the comparison chart: the indexes of its marks, or why it has none.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct CompareChartRow {
    pub city: String,
    pub name: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub latest: Option<usize>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub target: Option<usize>,
    /// Shown in place of a number: the target's words, or that the plan gives none.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub words: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct CompareChart {
    pub unit: String,
    pub rows: Vec<CompareChartRow>,
    pub marks: Vec<Mark>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub reference: Option<Reference>,
    pub summary: String,
    pub latest_label: String,
    pub target_label: String,
    /// What its saved picture says besides the chart: the metric, and every city's plan.
    pub picture: super::picture::PictureText,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct CompareRow {
    pub city: String,
    pub name: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub scope: Option<String>,
    /// Instead of figures: not in this plan, loading, or failed.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub status: Option<String>,
    pub failed: bool,
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
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub share: Option<f64>,
    pub progress: String,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct CompareView {
    pub title: String,
    pub metric_label: String,
    pub metrics: Vec<MetricOption>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub caption: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub chart: Option<CompareChart>,
    pub headers: [String; 4],
    pub rows: Vec<CompareRow>,
}

/// The catalog metrics that at least two cities report: the ones worth comparing.
pub fn comparable_metrics<'a>(
    catalog: &'a MetricCatalog,
    cities: &[CityStatus],
) -> Vec<&'a Metric> {
    catalog
        .metrics
        .iter()
        .filter(|m| {
            cities
                .iter()
                .filter(|c| matches!(c, CityStatus::Ready(city) if main_indicator(city, &m.id).is_some()))
                .count()
                >= 2
        })
        .collect()
}

pub fn compare(
    cities: &[(&str, &str, CityStatus)],
    catalog: &MetricCatalog,
    metric: Option<&str>,
    lang: Lang,
) -> CompareView {
    let statuses: Vec<CityStatus> = cities.iter().map(|(_, _, s)| *s).collect();
    let metrics = comparable_metrics(catalog, &statuses);
    let chosen = metric
        .and_then(|id| catalog.metric(id))
        .or_else(|| metrics.first().copied());
    let mut rows = Vec::new();
    let mut chart_rows = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    let mut reference: Option<Reference> = None;
    if let Some(metric) = chosen {
        for (id, fallback_name, status) in cities {
            // The list's name is the city file's (the validator checks), loaded or not.
            let name = fallback_name.to_string();
            let mut row = CompareRow {
                city: id.to_string(),
                name: name.clone(),
                scope: None,
                status: None,
                failed: false,
                latest: None,
                target: None,
                share: None,
                progress: String::new(),
            };
            let mut chart_row = CompareChartRow {
                city: id.to_string(),
                name: name.clone(),
                latest: None,
                target: None,
                words: None,
            };
            let series = match status {
                CityStatus::Ready(city) => Series::for_metric(city, &metric.id).map(|s| (city, s)),
                _ => None,
            };
            match (status, series) {
                (CityStatus::Ready(city), Some((_, series))) => {
                    let subject = format!("{name} · {}", series.lead.name.get(lang));
                    let h = headline(&series, metric.better);
                    let (latest_entry, target_entry) = (h.latest, h.target);
                    row.scope = series.lead.scope.as_ref().map(|s| s.get(lang).to_string());
                    row.latest = latest_entry.map(|e| cell(lang, &city.city, &subject, &e));
                    row.target = target_entry.map(|e| cell(lang, &city.city, &subject, &e));
                    row.share = h.share;
                    row.progress = progress_text(lang, &h.progress, &series.lead.unit);
                    if reference.is_none() {
                        reference = reference_for(lang, &series, catalog);
                    }
                    // Only levels and numeric targets go on the shared axis.
                    let mut add = |e: Option<crate::series::Entry>, kind: PointKind| {
                        let e = e.filter(|e| {
                            e.obs.value.is_some()
                                && !e.obs.cumulative
                                && e.obs.kind != crate::model::ValueKind::Change
                        })?;
                        let text = value_text(lang, e.obs, e.unit());
                        marks.push(Mark {
                            year: e.obs.year,
                            value: e.obs.value,
                            kind,
                            label: format_value(e.obs.value.unwrap_or_default()),
                            readout: format!(
                                "{name} · {} · {text} · {}",
                                year_label(lang, e.obs.year),
                                crate::describe::point_kind_label(lang, kind)
                            ),
                            detail: Vec::new(),
                            citation: super::cite_value(lang, &city.city, &subject, &e),
                        });
                        Some(marks.len() - 1)
                    };
                    chart_row.latest = add(latest_entry, PointKind::Actual);
                    chart_row.target = add(target_entry, PointKind::Target);
                    // What has no place on the axis is said in words: a target in words, or no number.
                    chart_row.words = match (chart_row.latest, chart_row.target, target_entry) {
                        (_, None, Some(e)) => Some(format!(
                            "{}: {}",
                            t(lang, Key::Target),
                            value_text(lang, e.obs, e.unit())
                        )),
                        (None, None, None) => Some(t(lang, Key::NoNumber).to_string()),
                        _ => None,
                    };
                }
                (CityStatus::Ready(_), None) => {
                    row.status = Some(t(lang, Key::NotInPlan).to_string());
                    chart_row.words = row.status.clone();
                }
                (CityStatus::Loading, _) => {
                    row.status = Some(t(lang, Key::Loading).to_string());
                    chart_row.words = row.status.clone();
                }
                (CityStatus::Failed, _) => {
                    row.status = Some(t(lang, Key::LoadFailed).to_string());
                    row.failed = true;
                    chart_row.words = row.status.clone();
                }
            }
            rows.push(row);
            chart_rows.push(chart_row);
        }
    }
    let chart = chosen.filter(|_| !marks.is_empty()).map(|metric| {
        let separator = if lang == Lang::Zh { "；" } else { "; " };
        let mut parts: Vec<String> = chart_rows
            .iter()
            .map(|r| {
                let said: Vec<&str> = [r.latest, r.target]
                    .iter()
                    .flatten()
                    .map(|i| marks[*i].readout.as_str())
                    .collect();
                if said.is_empty() {
                    format!("{} · {}", r.name, r.words.clone().unwrap_or_default())
                } else {
                    said.join(separator)
                }
            })
            .collect();
        if let Some(r) = &reference {
            parts.push(r.label.clone());
        }
        CompareChart {
            unit: unit_label(lang, &metric.unit).to_string(),
            rows: chart_rows,
            summary: format!(
                "{}{}{}",
                metric.name.get(lang),
                if lang == Lang::Zh { "：" } else { ": " },
                parts.join(separator)
            ),
            marks,
            reference,
            latest_label: t(lang, Key::LatestLevel).to_string(),
            target_label: t(lang, Key::Target).to_string(),
            picture: super::picture::PictureText {
                title: format!(
                    "{} · {}",
                    metric.name.get(lang),
                    super::view_name(lang, crate::url_state::View::Compare)
                ),
                sources: cities
                    .iter()
                    .filter_map(|(_, name, status)| match status {
                        CityStatus::Ready(city) => Some(format!(
                            "{name}{}{}",
                            if lang == Lang::Zh { "：" } else { ": " },
                            super::picture::source_line(&city.plan, lang)
                        )),
                        _ => None,
                    })
                    .chain(super::picture::version_line(lang))
                    .collect(),
                file: format!("ecoplan-compare-{}", metric.id),
            },
        }
    });
    CompareView {
        title: t(lang, Key::ViewCompare).to_string(),
        metric_label: t(lang, Key::Metric).to_string(),
        metrics: metrics
            .iter()
            .map(|m| MetricOption {
                id: m.id.clone(),
                name: m.name.get(lang).to_string(),
                selected: Some(&m.id) == chosen.map(|c| &c.id),
            })
            .collect(),
        caption: chosen.map(|m| {
            format!(
                "{} ({})",
                m.name.get(lang),
                if m.unit.is_empty() {
                    "—"
                } else {
                    unit_label(lang, &m.unit)
                }
            )
        }),
        chart,
        headers: [Key::City, Key::Latest, Key::TargetFor2025, Key::Progress]
            .map(|k| t(lang, k).to_string()),
        rows,
    }
}
