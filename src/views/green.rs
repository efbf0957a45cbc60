//! The Green living view: what the plan asks of residents, by theme.

use super::{cite, target_cell, Cell, Citation};
use crate::i18n::{t, theme_name, Key};
use crate::lang::Lang;
use crate::model::{CityData, Theme};

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct ActionCard {
    pub id: String,
    pub title: String,
    pub you_can: String,
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
pub struct ThemeGroup {
    pub name: String,
    pub actions: Vec<ActionCard>,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct GreenView {
    pub title: String,
    pub you_can_label: String,
    pub target_label: String,
    pub source_label: String,
    pub themes: Vec<ThemeGroup>,
}

pub fn green(city: &CityData, lang: Lang) -> GreenView {
    let mut themes: Vec<Theme> = Vec::new();
    for a in &city.actions {
        if !themes.contains(&a.theme) {
            themes.push(a.theme);
        }
    }
    GreenView {
        title: format!("{} · {}", city.name.get(lang), t(lang, Key::ViewGreen)),
        you_can_label: t(lang, Key::YouCan).to_string(),
        target_label: t(lang, Key::ActionTarget).to_string(),
        source_label: t(lang, Key::Source).to_string(),
        themes: themes
            .into_iter()
            .map(|theme| ThemeGroup {
                name: theme_name(lang, theme).to_string(),
                actions: city
                    .actions
                    .iter()
                    .filter(|a| a.theme == theme)
                    .map(|a| {
                        let title = a.title.get(lang);
                        ActionCard {
                            id: a.id.clone(),
                            title: title.to_string(),
                            you_can: a.you_can.get(lang).to_string(),
                            summary: a.summary.get(lang).to_string(),
                            target: a
                                .target
                                .as_ref()
                                .map(|tg| target_cell(lang, &city.city, title, tg)),
                            citation: cite(lang, &city.city, title.to_string(), &a.source),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}
