//! What each view shows, as plain structs of worded cells, chart models and citations, computed
//! from (city data, catalog, language) without a DOM. Components only render these; native tests
//! and `ecoplan-data views` read them as they are.

pub mod compare;
pub mod green;
pub mod overview;
pub mod picture;
pub mod sources;
pub mod speech;
pub mod targets;
pub mod trends;

use crate::derive;
use crate::describe::{line_label, point_kind_label, year_label};
use crate::format::{bound_sign, format_value, unit_label, value_text};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, Limit, Provenance, Standard, Target};
use crate::series::{Entry, PointKind, Series};
use crate::url_state::View;

/// One province's cities in the city picker: (id, label).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct PickerGroup {
    pub label: String,
    pub cities: Vec<(&'static str, String)>,
}

/// The city picker: the cities of the build's list by province, in its order. `offline`: where the
/// widget works offline, the cities whose data this browser keeps: their labels say so, but for
/// the city on screen (which is being read; its name stays whole in a narrow select).
pub fn city_picker(
    index: &'static crate::model::CityIndex,
    lang: Lang,
    offline: Option<&[&str]>,
    current: &str,
) -> Vec<PickerGroup> {
    let mut groups: Vec<PickerGroup> = Vec::new();
    for city in &index.cities {
        let mut label = city.name.get(lang).to_string();
        if city.id != current && offline.is_some_and(|kept| kept.contains(&city.id.as_str())) {
            label.push_str(t(lang, Key::KeptOffline));
        }
        let province = city.province.get(lang);
        match groups.last_mut() {
            Some(group) if group.label == province => group.cities.push((&city.id, label)),
            _ => groups.push(PickerGroup {
                label: province.to_string(),
                cities: vec![(&city.id, label)],
            }),
        }
    }
    groups
}

/// A city's data as a view that needs several cities sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CityStatus<'a> {
    Ready(&'a CityData),
    Loading,
    Failed,
}

/// A sentence of a plan, with its line.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Quote {
    pub line: u32,
    /// `第 165 行` / `line 165`.
    pub line_label: String,
    pub text: String,
    /// For a derived value's inputs: which one this is ("2020年 · 51 μg/m³").
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub of: Option<String>,
}

/// The national standard behind a reference line.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct StandardRef {
    pub number: String,
    pub title: String,
    pub issuer: String,
    pub date: String,
    /// `表1 · 二级 · 年平均` / `Table 1 · Class II · Annual mean`.
    pub clause: String,
}

/// What the source dialog shows for a number: what it is, the sentence(s) it comes from, and for
/// a derived value how it was computed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Citation {
    /// e.g. "PM2.5 浓度 · 2020年 · 51 μg/m³".
    pub what: String,
    /// Whose plan the quotes are from.
    pub city: String,
    /// The city's other document the quotes are from, by id, if not its plan.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub document: Option<String>,
    pub quotes: Vec<Quote>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub formula: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub standard: Option<StandardRef>,
}

/// A value on screen that opens its citation: the words, the year beneath.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Cell {
    pub text: String,
    pub year: String,
    pub citation: Citation,
}

/// A figure a chart cannot show (a change, a five-year total, a level in words), as a line of text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Fact {
    pub year: String,
    pub text: String,
    pub citation: Citation,
}

/// One thing on a chart a reader can point at, tap or reach with the arrow keys.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Mark {
    pub year: u16,
    pub value: Option<f64>,
    pub kind: PointKind,
    /// Drawn beside the marker: `51`, `≈88`, `目标 43`, `2025 · 完成省定目标`.
    pub label: String,
    /// What the tooltip says: `2020年 · 51 μg/m³ · 实测`.
    pub readout: String,
    /// Further tooltip lines: a derived value's formula and its two sentences.
    pub detail: Vec<String>,
    pub citation: Citation,
}

/// A national limit drawn as a horizontal reference line.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Reference {
    pub value: f64,
    /// Drawn on the line: `国家二级标准 35`.
    pub label: String,
    pub citation: Citation,
}

/// A chart of one metric over the years.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct TrendChart {
    /// The unit above the value axis, in the reader's language.
    pub unit: String,
    pub marks: Vec<Mark>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub reference: Option<Reference>,
    /// The final target's value, drawn dashed across the chart, when it is a number (a later
    /// target in words leaves an earlier milestone a marker only).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub target_line: Option<f64>,
    /// The way still to go: from the latest level (index into `marks`) to the final numeric target.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub goal: Option<(usize, usize)>,
    /// The chart in one sentence: its accessible name, and what read-aloud says.
    pub summary: String,
    /// Drawn small, as on the overview's cards.
    pub compact: bool,
    /// What its saved picture says besides the chart (filled in by the view that has the city).
    pub picture: picture::PictureText,
}

/// A row of a chart's table alternative.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct TableRow {
    pub year: String,
    pub value: String,
    pub kind: String,
    /// The source button's label: the line, or the standard's number.
    pub source: String,
    pub citation: Citation,
}

/// What a metric's block shows: a chart with its table when it shows more than a sentence would,
/// and the figures no chart can hold, in words.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct MetricBlock {
    /// The DOM id: `indicator-<lead indicator id>`.
    pub id: String,
    pub title: String,
    /// `范围: 市城区` / `Scope: City urban area`.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub scope: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub chart: Option<TrendChart>,
    pub table: Vec<TableRow>,
    pub facts: Vec<Fact>,
}

/// A page's title: the view, the city and the widget, in the page's language (the build's pages
/// and the app, which keeps it as the reader moves on).
pub fn page_title(city_name: &str, view: View, lang: Lang) -> String {
    let app = t(lang, Key::AppTitle);
    format!("{} · {city_name} · {app}", view_name(lang, view))
}

pub fn view_name(lang: Lang, view: View) -> &'static str {
    t(
        lang,
        match view {
            View::Overview => Key::ViewOverview,
            View::Air => Key::ViewAir,
            View::Water => Key::ViewWater,
            View::Targets => Key::ViewTargets,
            View::Green => Key::ViewGreen,
            View::Compare => Key::ViewCompare,
            View::Sources => Key::ViewSources,
        },
    )
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn serialize_view<S: serde::Serializer>(view: &View, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(view.code())
}

pub fn standard_ref(lang: Lang, standard: &Standard, limit: &Limit) -> StandardRef {
    StandardRef {
        number: standard.number.clone(),
        title: standard.title.get(lang).to_string(),
        issuer: standard.issuer.get(lang).to_string(),
        date: standard.date.clone(),
        clause: format!(
            "{} · {} · {}",
            limit.table.get(lang),
            limit.class.get(lang),
            limit.averaging.get(lang)
        ),
    }
}

fn quote(lang: Lang, source: &Provenance, of: Option<String>) -> Quote {
    Quote {
        line: source.line,
        line_label: line_label(lang, source.line),
        text: source.quote.clone(),
        of,
    }
}

/// The citation of a printed quote (an action, a measure, a note).
pub fn cite(lang: Lang, city: &str, what: String, source: &Provenance) -> Citation {
    Citation {
        what,
        city: city.to_string(),
        document: source.document.clone(),
        quotes: vec![quote(lang, source, None)],
        formula: None,
        standard: None,
    }
}

/// `2020年 · 51 μg/m³`: a value with its year, as a caption.
fn value_caption(lang: Lang, entry: &Entry) -> String {
    format!(
        "{} · {}",
        year_label(lang, entry.obs.year),
        value_text(lang, entry.obs, entry.unit())
    )
}

/// The citation of a value: its sentence, or for a derived value its formula and both inputs'.
pub fn cite_value(lang: Lang, city: &str, subject: &str, entry: &Entry) -> Citation {
    let what = format!("{subject} · {}", value_caption(lang, entry));
    let (quotes, formula) = match &entry.obs.derived {
        Some(derivation) => {
            let quotes = match derive::inputs(entry.indicator, entry.obs.year, derivation) {
                Ok(inputs) => [inputs.level, inputs.change]
                    .into_iter()
                    .filter_map(|obs| {
                        let input = Entry {
                            indicator: entry.indicator,
                            obs,
                        };
                        let of = value_caption(lang, &input);
                        obs.source.as_ref().map(|s| quote(lang, s, Some(of)))
                    })
                    .collect(),
                // The validator rejects such data; shown without quotes rather than not at all.
                Err(_) => Vec::new(),
            };
            (quotes, Some(derivation.formula.get(lang).to_string()))
        }
        None => (
            entry
                .obs
                .source
                .iter()
                .map(|s| quote(lang, s, None))
                .collect(),
            None,
        ),
    };
    Citation {
        what,
        city: city.to_string(),
        document: entry.obs.source.as_ref().and_then(|s| s.document.clone()),
        quotes,
        formula,
        standard: None,
    }
}

pub fn cell(lang: Lang, city: &str, subject: &str, entry: &Entry) -> Cell {
    Cell {
        text: value_text(lang, entry.obs, entry.unit()),
        year: year_label(lang, entry.obs.year),
        citation: cite_value(lang, city, subject, entry),
    }
}

/// A target attached to an action or a measure: its number or its words, and its sentence.
pub fn target_cell(lang: Lang, city: &str, subject: &str, target: &Target) -> Cell {
    let words = target.text.get(lang);
    let text = match target.value {
        Some(v) if words.is_empty() => {
            crate::format::with_unit(lang, &format_value(v), &target.unit)
        }
        _ => words.to_string(),
    };
    Cell {
        year: target.year.map(|y| year_label(lang, y)).unwrap_or_default(),
        citation: cite(lang, city, format!("{subject} · {text}"), &target.source),
        text,
    }
}

fn mark(lang: Lang, city: &str, subject: &str, entry: &Entry, kind: PointKind) -> Mark {
    let text = value_text(lang, entry.obs, entry.unit());
    let value = entry.obs.value;
    let label = match kind {
        PointKind::Actual => format_value(value.unwrap_or_default()),
        PointKind::Derived => format!("≈{}", format_value(value.unwrap_or_default())),
        PointKind::Target => format!(
            "{} {}{}",
            t(lang, Key::Target),
            entry.obs.bound.map(bound_sign).unwrap_or(""),
            format_value(value.unwrap_or_default())
        ),
        PointKind::WordTarget => format!("{} · {text}", entry.obs.year),
    };
    let citation = cite_value(lang, city, subject, entry);
    let mut detail = Vec::new();
    if let Some(formula) = &citation.formula {
        detail.push(format!("{}: {formula}", t(lang, Key::Formula)));
        for q in &citation.quotes {
            detail.push(format!("{} «{}»", q.line_label, q.text));
        }
    }
    Mark {
        year: entry.obs.year,
        value,
        kind,
        label,
        readout: format!(
            "{} · {text} · {}",
            year_label(lang, entry.obs.year),
            point_kind_label(lang, kind)
        ),
        detail,
        citation,
    }
}

/// The reference line of a series' chart: its metric's national limit, if the catalog has one.
pub fn reference_for(
    lang: Lang,
    series: &Series,
    catalog: &crate::model::MetricCatalog,
) -> Option<Reference> {
    let (standard, limit) = series.reference(catalog)?;
    let value = crate::format::with_unit(lang, &format_value(limit.value), &limit.unit);
    let what = format!(
        "{} · {} {} · {value}",
        series.lead.name.get(lang),
        standard.number,
        limit.class.get(lang)
    );
    Some(Reference {
        value: limit.value,
        label: format!(
            "{} {}",
            t(lang, Key::ClassTwoLimit),
            format_value(limit.value)
        ),
        citation: Citation {
            what,
            city: String::new(),
            document: None,
            quotes: Vec::new(),
            formula: None,
            standard: Some(standard_ref(lang, standard, limit)),
        },
    })
}

/// A series' answer to "how is it going": its latest printed figure, its final target, and the
/// progress between them (what an Overview card and a Compare row both show).
pub(crate) struct Headline<'a> {
    pub latest: Option<Entry<'a>>,
    pub target: Option<Entry<'a>>,
    pub progress: crate::progress::Progress,
    /// Share of the way covered, for a meter, where a later level than the baseline is printed.
    pub share: Option<f64>,
}

pub(crate) fn headline<'a>(series: &Series<'a>, better: crate::model::Better) -> Headline<'a> {
    let merged = series.merged();
    // The rules pick from the merged values; the entries keep which indicator each came from.
    let find = |obs: Option<&crate::model::Observation>| {
        obs.and_then(|o| series.entries.iter().find(|e| e.obs == o).copied())
    };
    let progress = crate::progress::progress(&merged, Some(better));
    Headline {
        latest: find(crate::progress::latest(&merged)),
        target: find(merged.target()),
        share: match &progress {
            crate::progress::Progress::Measured { share, .. } => Some(share.clamp(0.0, 1.0)),
            _ => None,
        },
        progress,
    }
}

/// The chart of a series, if it shows more than a sentence would.
pub fn trend_chart(
    lang: Lang,
    city: &str,
    series: &Series,
    catalog: &crate::model::MetricCatalog,
    compact: bool,
) -> Option<TrendChart> {
    let reference = reference_for(lang, series, catalog);
    if !series.gets_chart(reference.is_some()) {
        return None;
    }
    let subject = series.lead.name.get(lang);
    let mut marks: Vec<Mark> = series
        .points()
        .iter()
        .map(|(e, k)| mark(lang, city, subject, e, *k))
        .collect();
    marks.extend(
        series
            .word_targets()
            .iter()
            .map(|e| mark(lang, city, subject, e, PointKind::WordTarget)),
    );
    // Reading order is the time axis; a year's level before its target.
    marks.sort_by_key(|m| {
        (
            m.year,
            m.kind == PointKind::Target || m.kind == PointKind::WordTarget,
        )
    });
    let mut parts: Vec<String> = marks.iter().map(|m| m.readout.clone()).collect();
    if let Some(r) = &reference {
        parts.push(format!(
            "{} {}",
            t(lang, Key::ClassTwoLimit),
            crate::format::with_unit(lang, &format_value(r.value), &series.lead.unit)
        ));
    }
    // The plan's final target: the latest year's, a number over words (as `Indicator::target`).
    let last = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.kind, PointKind::Target | PointKind::WordTarget))
        .max_by_key(|(_, m)| (m.year, m.value.is_some()))
        .filter(|(_, m)| m.value.is_some());
    let latest_level = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.kind, PointKind::Actual | PointKind::Derived))
        .max_by_key(|(_, m)| m.year);
    let goal = match (latest_level, last) {
        (Some((from, a)), Some((to, b))) if b.year > a.year => Some((from, to)),
        _ => None,
    };
    let separator = if lang == Lang::Zh { "；" } else { "; " };
    Some(TrendChart {
        target_line: last.and_then(|(_, m)| m.value),
        goal,
        unit: unit_label(lang, &series.lead.unit).to_string(),
        summary: format!(
            "{}{}{}",
            subject,
            if lang == Lang::Zh { "：" } else { ": " },
            parts.join(separator)
        ),
        marks,
        reference,
        compact,
        picture: picture::PictureText::default(),
    })
}

/// The block of a series on the Air or Water view.
pub fn metric_block(
    lang: Lang,
    city: &str,
    series: &Series,
    catalog: &crate::model::MetricCatalog,
) -> MetricBlock {
    let subject = series.lead.name.get(lang);
    let chart = trend_chart(lang, city, series, catalog, false);
    // With a chart, the words are what it cannot show; without one, every value is a sentence.
    let worded = if chart.is_some() {
        series.worded()
    } else {
        series.entries.clone()
    };
    let facts = worded
        .iter()
        .map(|e| Fact {
            year: year_label(lang, e.obs.year),
            text: value_text(lang, e.obs, e.unit()),
            citation: cite_value(lang, city, subject, e),
        })
        .collect();
    let mut table: Vec<TableRow> = Vec::new();
    if let Some(chart) = &chart {
        table = series
            .entries
            .iter()
            .map(|e| {
                let kind = match (e.obs.kind, e.obs.is_derived()) {
                    (_, true) => t(lang, Key::Derived),
                    (crate::model::ValueKind::Actual, _) => t(lang, Key::Measured),
                    (crate::model::ValueKind::Target, _) => t(lang, Key::Target),
                    (crate::model::ValueKind::Change, _) => t(lang, Key::Change),
                };
                let citation = cite_value(lang, city, subject, e);
                let source = match &e.obs.source {
                    Some(s) => line_label(lang, s.line),
                    None => t(lang, Key::Derived).to_string(),
                };
                TableRow {
                    year: e.obs.year.to_string(),
                    value: value_text(lang, e.obs, e.unit()),
                    kind: kind.to_string(),
                    source,
                    citation,
                }
            })
            .collect();
        if let Some(r) = &chart.reference {
            let standard = r.citation.standard.as_ref();
            table.push(TableRow {
                year: "—".into(),
                value: crate::format::with_unit(lang, &format_value(r.value), &series.lead.unit),
                kind: t(lang, Key::ClassTwoLimit).to_string(),
                source: standard.map(|s| s.number.clone()).unwrap_or_default(),
                citation: r.citation.clone(),
            });
        }
    }
    MetricBlock {
        id: format!("indicator-{}", series.lead.id),
        title: subject.to_string(),
        scope: series
            .lead
            .scope
            .as_ref()
            .map(|s| format!("{}: {}", t(lang, Key::Scope), s.get(lang))),
        chart,
        table,
        facts,
    }
}

/// Every view of every city in both languages, as JSON: what `ecoplan-data views` prints and
/// the browser tests compare the page with.
#[cfg(not(target_arch = "wasm32"))]
pub fn every_view(cities: &[CityData], catalog: &crate::model::MetricCatalog) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let mut out = Map::new();
    for lang in [Lang::Zh, Lang::En] {
        let statuses: Vec<(&str, &str, CityStatus)> = cities
            .iter()
            .map(|c| (c.city.as_str(), c.name.get(lang), CityStatus::Ready(c)))
            .collect();
        let mut per_city = Map::new();
        for city in cities {
            per_city.insert(
                city.city.clone(),
                json!({
                    "overview": overview::overview(city, catalog, lang),
                    "air": trends::trends(city, catalog, crate::model::Domain::Air, lang),
                    "water": trends::trends(city, catalog, crate::model::Domain::Water, lang),
                    "targets": targets::targets(city, lang),
                    "green": green::green(city, lang),
                }),
            );
        }
        let plain: Vec<CityStatus> = statuses.iter().map(|(_, _, s)| *s).collect();
        let compare: Map<String, Value> = compare::comparable_metrics(catalog, &plain)
            .iter()
            .map(|m| {
                let view = compare::compare(&statuses, catalog, Some(&m.id), lang);
                (
                    m.id.clone(),
                    serde_json::to_value(view).unwrap_or(Value::Null),
                )
            })
            .collect();
        out.insert(
            match lang {
                Lang::Zh => "zh".into(),
                Lang::En => "en".into(),
            },
            json!({
                "cities": per_city,
                "compare": compare,
                "sources": sources::sources(&statuses, Some(catalog), lang),
            }),
        );
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{city_ids, parse_catalog, parse_city, Domain, MetricCatalog};

    fn catalog() -> MetricCatalog {
        parse_catalog("metrics.json", include_str!("../../data/metrics.json")).unwrap()
    }

    fn city(id: &str) -> CityData {
        let path = format!("{}/data/cities/{id}.json", env!("CARGO_MANIFEST_DIR"));
        parse_city(id, &std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn block<'a>(view: &'a trends::TrendsView, id: &str) -> &'a MetricBlock {
        view.blocks
            .iter()
            .find(|b| b.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    }

    #[test]
    fn every_citys_first_view_draws_a_chart() {
        let catalog = catalog();
        for id in city_ids() {
            let view = overview::overview(&city(id), &catalog, Lang::Zh);
            assert!(view.cards.iter().any(|c| c.chart.is_some()), "{id}");
        }
    }

    #[test]
    fn pm25_charts_show_2015_derived_2020_the_target_and_the_class_ii_line() {
        let catalog = catalog();
        for (id, block_id, target) in [
            ("pingdingshan", "indicator-pm25", PointKind::WordTarget),
            ("jiaozuo", "indicator-pm25", PointKind::Target),
            ("xingtai", "indicator-pm25_urban", PointKind::Target),
        ] {
            let view = trends::trends(&city(id), &catalog, Domain::Air, Lang::Zh);
            let chart = block(&view, block_id).chart.as_ref().unwrap();
            let marks: Vec<(u16, PointKind)> =
                chart.marks.iter().map(|m| (m.year, m.kind)).collect();
            assert_eq!(
                marks,
                [
                    (2015, PointKind::Derived),
                    (2020, PointKind::Actual),
                    (2025, target)
                ],
                "{id}"
            );
            let reference = chart.reference.as_ref().unwrap();
            assert_eq!(reference.value, 35.0);
            assert_eq!(reference.label, "国家二级标准 35");
            let standard = reference.citation.standard.as_ref().unwrap();
            assert_eq!(standard.number, "GB 3095—2012");
            assert_eq!(standard.clause, "表1 · 二级 · 年平均");
        }
    }

    #[test]
    fn a_derived_point_reads_approximately_with_its_formula_and_both_sentences() {
        let view = trends::trends(&city("pingdingshan"), &catalog(), Domain::Air, Lang::Zh);
        let chart = block(&view, "indicator-pm25").chart.as_ref().unwrap();
        let derived = &chart.marks[0];
        assert_eq!(derived.label, "≈88");
        assert_eq!(derived.readout, "2015年 · ≈88 μg/m³ · 推算");
        let c = &derived.citation;
        assert!(
            c.formula
                .as_deref()
                .unwrap()
                .starts_with("51 ÷ (1 − 42%) ≈ 88"),
            "{c:?}"
        );
        let lines: Vec<u32> = c.quotes.iter().map(|q| q.line).collect();
        assert_eq!(lines, [165, 88], "the 2020 level's line, then the change's");
        assert_eq!(c.quotes[1].of.as_deref(), Some("2020年 · 比2015年下降 42%"));
        assert_eq!(derived.detail.len(), 3, "formula, then the two sentences");
        let row = &block(&view, "indicator-pm25").table[0];
        assert_eq!(
            (row.value.as_str(), row.kind.as_str(), row.source.as_str()),
            ("≈88 μg/m³", "推算", "推算")
        );
    }

    #[test]
    fn a_word_target_is_a_marker_with_its_words_and_the_change_stays_beside_the_chart() {
        let view = trends::trends(&city("pingdingshan"), &catalog(), Domain::Air, Lang::En);
        let b = block(&view, "indicator-pm25");
        let word = b.chart.as_ref().unwrap().marks.last().unwrap();
        assert_eq!((word.kind, word.value), (PointKind::WordTarget, None));
        assert_eq!(word.label, "2025 · Meet the provincial target");
        let facts: Vec<&str> = b.facts.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(facts, ["down 42% on 2015"]);
    }

    #[test]
    fn a_metric_with_one_figure_and_no_limit_is_a_sentence_not_a_chart() {
        let view = trends::trends(&city("jiaozuo"), &catalog(), Domain::Air, Lang::Zh);
        let heavy = block(&view, "indicator-heavy_pollution_days_2020");
        assert!(heavy.chart.is_none() && heavy.table.is_empty());
        assert_eq!(heavy.facts.len(), 1);
        // Zhengzhou prints only a 2025 PM2.5 target, but with the Class II line it is a chart.
        let view = trends::trends(&city("zhengzhou"), &catalog(), Domain::Air, Lang::Zh);
        let pm25 = block(&view, "indicator-pm25").chart.as_ref().unwrap();
        assert_eq!(pm25.marks.len(), 1);
        assert!(pm25.reference.is_some());
    }

    #[test]
    fn the_days_unit_reads_in_chinese() {
        let view = trends::trends(&city("jiaozuo"), &catalog(), Domain::Air, Lang::Zh);
        let days = block(&view, "indicator-good_air_days_2020")
            .chart
            .as_ref()
            .unwrap();
        assert_eq!(days.unit, "天");
        assert_eq!(days.marks[1].readout, "2020年 · 210天 · 实测");
    }

    #[test]
    fn a_final_target_in_words_leaves_earlier_numeric_milestones_markers_only() {
        let view = trends::trends(&city("jiyuan"), &catalog(), Domain::Water, Lang::Zh);
        let chart = block(&view, "indicator-outfall_rectification")
            .chart
            .as_ref()
            .unwrap();
        let kinds: Vec<(u16, PointKind)> = chart.marks.iter().map(|m| (m.year, m.kind)).collect();
        assert_eq!(
            kinds,
            [
                (2023, PointKind::Target),
                (2024, PointKind::Target),
                (2025, PointKind::WordTarget)
            ]
        );
        assert_eq!(chart.target_line, None, "2025's goal is 全部, not 70%");
        let jiaozuo = trends::trends(&city("jiaozuo"), &catalog(), Domain::Air, Lang::Zh);
        let pm25 = block(&jiaozuo, "indicator-pm25").chart.as_ref().unwrap();
        assert_eq!(pm25.target_line, Some(43.0));
        assert_eq!(pm25.goal, Some((1, 2)), "from 2020's 56 to 2025's 43");
    }

    #[test]
    fn one_metric_and_scope_is_one_chart_however_many_indicators_print_it() {
        // Xingtai prints 2020's PM2.5 in its table (市城区) and in its text (the same 53, from
        // which 2015 is derived): one chart, with both sentences' values.
        let view = trends::trends(&city("xingtai"), &catalog(), Domain::Air, Lang::Zh);
        let pm25: Vec<&MetricBlock> = view
            .blocks
            .iter()
            .filter(|b| b.title.contains("PM2.5"))
            .collect();
        assert_eq!(
            pm25.len(),
            1,
            "{:?}",
            pm25.iter().map(|b| &b.id).collect::<Vec<_>>()
        );
        let rows: Vec<(&str, &str)> = pm25[0]
            .table
            .iter()
            .map(|r| (r.year.as_str(), r.value.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("2015", "≈101 μg/m³"),
                ("2020", "53 μg/m³"),
                ("2020", "比2015年下降 47.5%"),
                ("2025", "40 μg/m³"),
                ("—", "35 μg/m³")
            ]
        );
    }

    #[test]
    fn air_and_water_list_every_measure_of_their_domain_with_its_sentence() {
        let counts: Vec<usize> = city_ids()
            .flat_map(|id| {
                let data = city(id);
                [Domain::Air, Domain::Water].map(|d| {
                    trends::trends(&data, &catalog(), d, Lang::Zh)
                        .measures
                        .len()
                })
            })
            .collect();
        // Xingtai, Jiaozuo, Jiyuan, Pingdingshan, Zhengzhou: air, water.
        assert_eq!(counts, [13, 12, 8, 10, 11, 8, 15, 13, 14, 10]);
        assert_eq!(counts.iter().sum::<usize>(), 114, "every measure in data/");
        let catalog = catalog();
        for id in city_ids() {
            let data = city(id);
            for domain in [Domain::Air, Domain::Water] {
                let view = trends::trends(&data, &catalog, domain, Lang::Zh);
                let expected: Vec<&str> = data
                    .measures
                    .iter()
                    .filter(|m| m.domain == domain)
                    .map(|m| m.id.as_str())
                    .collect();
                let shown: Vec<&str> = view.measures.iter().map(|m| m.id.as_str()).collect();
                assert_eq!(shown, expected, "{id} {domain:?}");
                assert!(view.measures.iter().all(|m| m.citation.quotes.len() == 1));
            }
        }
    }

    #[test]
    fn compare_draws_every_city_and_names_one_without_a_number_in_words() {
        let catalog = catalog();
        let cities: Vec<CityData> = city_ids().map(city).collect();
        let statuses: Vec<(&str, &str, CityStatus)> = cities
            .iter()
            .map(|c| (c.city.as_str(), c.name.zh.as_str(), CityStatus::Ready(c)))
            .collect();
        let view = compare::compare(&statuses, &catalog, Some("pm25"), Lang::Zh);
        let chart = view.chart.unwrap();
        assert_eq!(chart.rows.len(), 5);
        let pds = chart
            .rows
            .iter()
            .find(|r| r.city == "pingdingshan")
            .unwrap();
        assert_eq!(chart.marks[pds.latest.unwrap()].value, Some(51.0));
        assert_eq!(
            pds.words.as_deref(),
            Some("目标: 完成省定目标"),
            "the words, not a number"
        );
        let jz = chart.rows.iter().find(|r| r.city == "jiaozuo").unwrap();
        assert_eq!(chart.marks[jz.target.unwrap()].value, Some(43.0));
        assert_eq!(chart.reference.unwrap().value, 35.0);
        let view = compare::compare(&statuses, &catalog, Some("good_air_days_ratio"), Lang::En);
        let jiyuan = view
            .chart
            .unwrap()
            .rows
            .into_iter()
            .find(|r| r.city == "jiyuan")
            .unwrap();
        assert!(jiyuan.latest.is_none(), "Jiyuan prints no earlier level");
        let missing = compare::compare(&statuses, &catalog, Some("pm10"), Lang::En);
        let zz = missing.rows.iter().find(|r| r.city == "jiyuan").unwrap();
        assert_eq!(zz.status.as_deref(), Some("Not in this plan"));
    }

    #[test]
    fn one_baseline_rule_for_progress_and_the_targets_table() {
        let data = city("jiaozuo");
        let view = targets::targets(&data, Lang::Zh);
        let pm25 = view
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.id == "pm25")
            .unwrap();
        // The 2015 level is derived: the baseline is the plan's printed 2020 level.
        assert_eq!(
            pm25.baseline.as_ref().map(|c| c.text.as_str()),
            Some("56 μg/m³")
        );
        assert_eq!(
            pm25.baseline.as_ref().map(|c| c.year.as_str()),
            Some("2020年")
        );
    }
}
