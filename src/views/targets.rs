//! The Targets view: every indicator, grouped as the plan groups them, with its baseline and target.

use super::{cell, Cell};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{Binding, CityData, Indicator};
use crate::progress::baseline;
use crate::series::Entry;

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct TargetRow {
    pub id: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub row: Option<u32>,
    pub name: String,
    /// ` (μg/m³)`, empty for an index or a count.
    pub unit: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub binding: Option<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub binding_class: Option<&'static str>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub scope: Option<String>,
    pub notes: Vec<String>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub baseline: Option<Cell>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub target: Option<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct TargetGroup {
    pub name: String,
    pub rows: Vec<TargetRow>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct TargetsView {
    pub title: String,
    pub headers: [String; 3],
    pub groups: Vec<TargetGroup>,
}

fn row(lang: Lang, city: &str, ind: &Indicator) -> TargetRow {
    let subject = ind.name.get(lang);
    let entry = |obs| Entry {
        indicator: ind,
        obs,
    };
    TargetRow {
        id: ind.id.clone(),
        row: ind.row,
        name: subject.to_string(),
        unit: if ind.unit.is_empty() || ind.unit == "count" {
            String::new()
        } else {
            format!(" ({})", crate::format::unit_label(lang, &ind.unit))
        },
        binding: ind.binding.map(|b| {
            t(
                lang,
                if b == Binding::Binding {
                    Key::Binding
                } else {
                    Key::Expected
                },
            )
            .to_string()
        }),
        binding_class: ind.binding.map(|b| {
            if b == Binding::Binding {
                "binding"
            } else {
                "expected"
            }
        }),
        scope: ind
            .scope
            .as_ref()
            .map(|s| format!("{}: {}", t(lang, Key::Scope), s.get(lang))),
        notes: ind
            .notes
            .iter()
            .map(|n| n.text.get(lang).to_string())
            .collect(),
        baseline: baseline(ind).map(|o| cell(lang, city, subject, &entry(o))),
        target: ind.target().map(|o| cell(lang, city, subject, &entry(o))),
    }
}

pub fn targets(city: &CityData, lang: Lang) -> TargetsView {
    let mut groups: Vec<(Option<&str>, String)> = city
        .groups
        .iter()
        .map(|g| (Some(g.id.as_str()), g.name.get(lang).to_string()))
        .collect();
    if city.indicators.iter().any(|i| i.group.is_none()) {
        groups.push((None, t(lang, Key::OtherIndicators).to_string()));
    }
    TargetsView {
        title: format!("{} · {}", city.name.get(lang), t(lang, Key::ViewTargets)),
        headers: [Key::Indicator, Key::Baseline, Key::Target].map(|k| t(lang, k).to_string()),
        groups: groups
            .into_iter()
            .map(|(group, name)| TargetGroup {
                name,
                rows: city
                    .indicators
                    .iter()
                    .filter(|i| i.group.as_deref() == group)
                    .map(|i| row(lang, &city.city, i))
                    .collect(),
            })
            .filter(|g| !g.rows.is_empty())
            .collect(),
    }
}
