//! The widget's state and every change to it, as one reducer: readable and testable without a browser.

use crate::lang::Lang;
use crate::model::{CityData, MetricCatalog};
use crate::url_state::{Theme, UrlState, View};
use crate::views::{Citation, CityStatus};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// A source the reader opened, and where on the page it was opened (CSS px from the top of the
/// document), so a dialog in a frame as tall as its content can open there.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenSource {
    pub citation: Citation,
    pub anchor: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UiState {
    pub lang: Lang,
    pub city: &'static str,
    pub view: View,
    pub metric: Option<String>,
    pub theme: Option<Theme>,
    pub source: Option<OpenSource>,
}

impl UiState {
    /// The state a URL asks for, with the reader's remembered or browser defaults for the rest.
    pub fn from_url(url: &UrlState, default_lang: Lang, default_city: &'static str) -> UiState {
        UiState {
            lang: url.lang.unwrap_or(default_lang),
            city: url.city.unwrap_or(default_city),
            view: url.view,
            metric: url.metric.clone(),
            theme: url.theme,
            source: None,
        }
    }

    pub fn url(&self) -> UrlState {
        UrlState {
            lang: Some(self.lang),
            city: Some(self.city),
            view: self.view,
            metric: self.metric.clone(),
            theme: self.theme,
        }
    }
}

pub enum Action {
    SetLang(Lang),
    SetCity(&'static str),
    SetView(View),
    SetMetric(String),
    ShowSource(OpenSource),
    CloseSource,
    /// Back/forward: the URL changed under us.
    FromUrl(UrlState),
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetCity(city) => {
                next.city = city;
                next.source = None;
            }
            Action::SetView(view) => {
                next.view = view;
                next.source = None;
            }
            Action::SetMetric(metric) => next.metric = Some(metric),
            Action::ShowSource(source) => next.source = Some(source),
            Action::CloseSource => next.source = None,
            Action::FromUrl(url) => {
                next = UiState::from_url(&url, self.lang, self.city);
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// A data file: on its way, there, or failed with a message for the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(Rc<T>),
    Failed(Failure),
}

/// Why a file did not arrive: the technical detail (file, status or parse error), and whether the
/// network simply took too long (then trying again is the advice).
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub detail: String,
    pub timed_out: bool,
}

impl Failure {
    pub fn new(detail: impl Into<String>) -> Failure {
        Failure {
            detail: detail.into(),
            timed_out: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataState {
    pub catalog: Option<Load<MetricCatalog>>,
    pub cities: BTreeMap<&'static str, Load<CityData>>,
    /// Each ready city's file as it was fetched: the JSON download offers exactly the published file.
    pub city_json: BTreeMap<&'static str, Rc<str>>,
}

pub enum DataAction {
    CatalogLoading,
    Catalog(Result<Rc<MetricCatalog>, Failure>),
    CityLoading(&'static str),
    /// A city's file arrived and parsed (the data and the text as fetched), or failed.
    City(&'static str, Result<(Rc<CityData>, Rc<str>), Failure>),
}

impl DataState {
    pub fn city(&self, id: &str) -> Option<&Load<CityData>> {
        self.cities.get(id)
    }

    /// Every city in the picker's order, with its name and how far its file has come.
    pub fn statuses(&self) -> Vec<(&'static str, &'static crate::model::Text, CityStatus<'_>)> {
        crate::model::city_index()
            .cities
            .iter()
            .map(|c| {
                let status = match self.cities.get(c.id.as_str()) {
                    Some(Load::Ready(city)) => CityStatus::Ready(city),
                    Some(Load::Failed(_)) => CityStatus::Failed,
                    _ => CityStatus::Loading,
                };
                (c.id.as_str(), &c.name, status)
            })
            .collect()
    }

    pub fn catalog(&self) -> Option<Rc<MetricCatalog>> {
        match &self.catalog {
            Some(Load::Ready(c)) => Some(c.clone()),
            _ => None,
        }
    }
}

fn loaded<T>(result: Result<Rc<T>, Failure>) -> Load<T> {
    match result {
        Ok(value) => Load::Ready(value),
        Err(failure) => Load::Failed(failure),
    }
}

impl Reducible for DataState {
    type Action = DataAction;

    fn reduce(self: Rc<Self>, action: DataAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DataAction::CatalogLoading => next.catalog = Some(Load::Loading),
            DataAction::Catalog(result) => next.catalog = Some(loaded(result)),
            DataAction::CityLoading(city) => {
                next.cities.insert(city, Load::Loading);
                next.city_json.remove(city);
            }
            DataAction::City(city, result) => {
                let result = result.map(|(data, json)| {
                    next.city_json.insert(city, json);
                    data
                });
                next.cities.insert(city, loaded(result));
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_state::parse_query;

    fn state() -> Rc<UiState> {
        Rc::new(UiState::from_url(
            &parse_query("?city=jiaozuo&view=air"),
            Lang::Zh,
            "zhengzhou",
        ))
    }

    #[test]
    fn the_url_wins_over_defaults_and_fills_the_rest() {
        let s = state();
        assert_eq!((s.city, s.view, s.lang), ("jiaozuo", View::Air, Lang::Zh));
        let s = UiState::from_url(&parse_query(""), Lang::En, "xingtai");
        assert_eq!(
            (s.city, s.view, s.lang),
            ("xingtai", View::Overview, Lang::En)
        );
    }

    #[test]
    fn changing_city_or_view_closes_an_open_source() {
        let source = Citation {
            what: "PM2.5".into(),
            city: "jiaozuo".into(),
            quotes: vec![],
            formula: None,
            standard: None,
        };
        let source = OpenSource {
            citation: source,
            anchor: 640,
        };
        let s = state().reduce(Action::ShowSource(source.clone()));
        assert_eq!(s.source, Some(source));
        let s = s.reduce(Action::SetCity("jiyuan"));
        assert_eq!((s.city, s.source.clone()), ("jiyuan", None));
    }

    #[test]
    fn back_and_forward_restore_the_state_of_the_url() {
        let s = state().reduce(Action::SetView(View::Green));
        let s = s.reduce(Action::FromUrl(parse_query(
            "?city=jiaozuo&view=air&lang=en",
        )));
        assert_eq!((s.city, s.view, s.lang), ("jiaozuo", View::Air, Lang::En));
        assert_eq!(
            crate::url_state::to_query(&s.url()),
            "?lang=en&city=jiaozuo&view=air"
        );
    }

    #[test]
    fn an_unchanged_state_is_the_same_rc() {
        let s = state();
        let same = s.clone().reduce(Action::SetView(View::Air));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn a_failed_city_does_not_touch_the_others() {
        let d = Rc::new(DataState::default())
            .reduce(DataAction::City("jiaozuo", Err(Failure::new("broken"))))
            .reduce(DataAction::CityLoading("xingtai"));
        assert_eq!(
            d.city("jiaozuo"),
            Some(&Load::Failed(Failure::new("broken")))
        );
        assert_eq!(d.city("xingtai"), Some(&Load::Loading));
    }
}
