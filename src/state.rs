//! The widget's state and every change to it, as one reducer: readable and testable without a browser.

use crate::lang::Lang;
use crate::model::{CityData, MetricCatalog};
use crate::url_state::{Mode, Theme, UrlState, View};
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
    /// The elder-friendly mode (长辈模式): large text, high contrast, one column.
    pub elder: bool,
    pub source: Option<OpenSource>,
}

impl UiState {
    /// The state a URL asks for, with the reader's remembered or browser defaults for the rest.
    pub fn from_url(
        url: &UrlState,
        default_lang: Lang,
        default_city: &'static str,
        default_elder: bool,
    ) -> UiState {
        UiState {
            lang: url.lang.unwrap_or(default_lang),
            city: url.city.unwrap_or(default_city),
            view: url.view,
            metric: url.metric.clone(),
            theme: url.theme,
            elder: url.mode.map_or(default_elder, |m| m == Mode::Elder),
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
            mode: self.elder.then_some(Mode::Elder),
        }
    }
}

pub enum Action {
    SetLang(Lang),
    SetElder(bool),
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
            Action::SetElder(elder) => next.elder = elder,
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
                next = UiState::from_url(&url, self.lang, self.city, self.elder);
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

/// A city's file as the build publishes it: its first part (plan and indicators), then, where the
/// build split them off, its measures and green actions (`data/cities/<id>.more.json`). `text` is
/// each part's JSON as it arrived, for the reader's download.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataState {
    pub catalog: Option<Load<MetricCatalog>>,
    /// Every city's plan and headline indicators (`data/index.json`), for Compare and Sources.
    pub index: Option<Load<crate::model::CitiesIndex>>,
    /// The cities whose data this browser keeps for offline reading (`None`: it keeps none).
    pub offline: Option<Vec<&'static str>>,
    /// The city as far as it has arrived: the first part, then both joined.
    pub cities: BTreeMap<&'static str, Load<CityData>>,
    pub texts: BTreeMap<&'static str, Rc<String>>,
    /// The second part: `Ready` with its text once joined into `cities`.
    pub more: BTreeMap<&'static str, Load<String>>,
}

pub enum DataAction {
    CatalogLoading,
    Catalog(Result<Rc<MetricCatalog>, Failure>),
    IndexLoading,
    Index(Result<Rc<crate::model::CitiesIndex>, Failure>),
    Offline(Option<Vec<&'static str>>),
    CityLoading(&'static str),
    /// A city's (first) file, parsed, and its text.
    City(&'static str, Result<(CityData, String), Failure>),
    MoreLoading(&'static str),
    /// The second part, parsed, and its text: its measures and actions join the first part's city.
    More(&'static str, Result<(CityData, String), Failure>),
}

impl DataState {
    pub fn city(&self, id: &str) -> Option<&Load<CityData>> {
        self.cities.get(id)
    }

    /// Every city of the index in the picker's order, with its name, for the views that show
    /// every city; `None` until the index has arrived.
    pub fn statuses(&self) -> Option<Vec<(&'static str, &crate::model::Text, CityStatus<'_>)>> {
        let Some(Load::Ready(index)) = &self.index else {
            return None;
        };
        Some(
            crate::model::city_index()
                .cities
                .iter()
                .filter_map(|c| {
                    let city = index.cities.iter().find(|i| i.city == c.id)?;
                    Some((c.id.as_str(), &c.name, CityStatus::Ready(city)))
                })
                .collect(),
        )
    }

    /// The city's plan as far as this state knows it: its own file, else the index.
    pub fn plan_of(&self, id: &str) -> Option<&CityData> {
        match self.cities.get(id) {
            Some(Load::Ready(city)) => Some(city),
            _ => match &self.index {
                Some(Load::Ready(index)) => index.cities.iter().find(|c| c.city == id),
                _ => None,
            },
        }
    }

    /// Whether the city's second part has joined it (`split`: the build publishes one).
    pub fn complete(&self, id: &str, split: bool) -> bool {
        !split || matches!(self.more.get(id), Some(Load::Ready(_)))
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
            DataAction::IndexLoading => next.index = Some(Load::Loading),
            DataAction::Index(result) => next.index = Some(loaded(result)),
            DataAction::Offline(cities) => next.offline = cities,
            DataAction::CityLoading(city) => {
                next.cities.insert(city, Load::Loading);
            }
            DataAction::City(city, result) => match result {
                Ok((data, text)) => {
                    next.cities.insert(city, Load::Ready(Rc::new(data)));
                    next.texts.insert(city, Rc::new(text));
                }
                Err(failure) => {
                    next.cities.insert(city, Load::Failed(failure));
                }
            },
            DataAction::MoreLoading(city) => {
                next.more.insert(city, Load::Loading);
            }
            DataAction::More(city, result) => {
                let joined = match (result, next.cities.get(city)) {
                    (Ok((more, text)), Some(Load::Ready(first))) if more.city == first.city => {
                        let mut whole = (**first).clone();
                        whole.actions = more.actions;
                        whole.measures = more.measures;
                        next.cities.insert(city, Load::Ready(Rc::new(whole)));
                        Load::Ready(Rc::new(text))
                    }
                    (Ok((more, _)), _) => Load::Failed(Failure::new(format!(
                        "data/cities/{city}.more.json: the measures of \"{}\", not of this city's file",
                        more.city
                    ))),
                    (Err(failure), _) => Load::Failed(failure),
                };
                next.more.insert(city, joined);
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
            false,
        ))
    }

    #[test]
    fn the_url_wins_over_defaults_and_fills_the_rest() {
        let s = state();
        assert_eq!((s.city, s.view, s.lang), ("jiaozuo", View::Air, Lang::Zh));
        let s = UiState::from_url(&parse_query(""), Lang::En, "xingtai", false);
        assert_eq!(
            (s.city, s.view, s.lang),
            ("xingtai", View::Overview, Lang::En)
        );
    }

    #[test]
    fn the_elder_mode_comes_from_the_url_or_is_remembered_and_stays_in_the_url() {
        // A host's `?mode=elder` turns it on; a remembered one applies where the URL is silent;
        // `?mode=standard` turns a remembered one off.
        let s = UiState::from_url(&parse_query("?mode=elder"), Lang::Zh, "jiyuan", false);
        assert!(s.elder);
        assert_eq!(s.url().mode, Some(crate::url_state::Mode::Elder));
        assert!(UiState::from_url(&parse_query(""), Lang::Zh, "jiyuan", true).elder);
        assert!(!UiState::from_url(&parse_query("mode=standard"), Lang::Zh, "jiyuan", true).elder);
        let s = state().reduce(Action::SetElder(true));
        assert!(s.elder);
        assert!(crate::url_state::to_query(&s.url()).ends_with("&mode=elder"));
        // Back to a URL without it keeps the reader's choice.
        let s = s.reduce(Action::FromUrl(parse_query("?city=jiaozuo")));
        assert!(s.elder);
        let s = s.reduce(Action::SetElder(false));
        assert_eq!(s.url().mode, None);
    }

    #[test]
    fn changing_city_or_view_closes_an_open_source() {
        let source = Citation {
            what: "PM2.5".into(),
            city: "jiaozuo".into(),
            document: None,
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

    fn city(json: &str) -> CityData {
        crate::model::parse_city("test.json", json).unwrap()
    }

    #[test]
    fn the_second_part_joins_its_measures_and_actions_to_the_first() {
        let whole = city(include_str!("../data/cities/jiaozuo.json"));
        assert!(!whole.actions.is_empty() && !whole.measures.is_empty());
        let mut first = whole.clone();
        (first.actions, first.measures) = (vec![], vec![]);
        let mut more = whole.clone();
        more.indicators = vec![];
        let d = Rc::new(DataState::default()).reduce(DataAction::City(
            "jiaozuo",
            Ok((first.clone(), "{1}".into())),
        ));
        assert!(!d.complete("jiaozuo", true));
        assert!(d.complete("jiaozuo", false), "an unsplit file is whole");
        assert_eq!(d.city("jiaozuo"), Some(&Load::Ready(Rc::new(first))));
        let d = d.reduce(DataAction::More("jiaozuo", Ok((more, "{2}".into()))));
        assert!(d.complete("jiaozuo", true));
        assert_eq!(d.city("jiaozuo"), Some(&Load::Ready(Rc::new(whole))));
        assert_eq!(d.texts.get("jiaozuo").map(|t| t.as_str()), Some("{1}"));
        assert_eq!(
            d.more.get("jiaozuo"),
            Some(&Load::Ready(Rc::new("{2}".into())))
        );
    }

    #[test]
    fn a_second_part_of_another_city_is_refused_and_the_first_part_stays() {
        let whole = city(include_str!("../data/cities/jiaozuo.json"));
        let other = city(include_str!("../data/cities/jiyuan.json"));
        let d = Rc::new(DataState::default())
            .reduce(DataAction::City(
                "jiaozuo",
                Ok((whole.clone(), "{}".into())),
            ))
            .reduce(DataAction::More("jiaozuo", Ok((other, "{}".into()))));
        assert!(!d.complete("jiaozuo", true));
        assert_eq!(d.city("jiaozuo"), Some(&Load::Ready(Rc::new(whole))));
        match d.more.get("jiaozuo") {
            Some(Load::Failed(f)) => assert!(f.detail.contains("\"jiyuan\""), "{}", f.detail),
            other => panic!("{other:?}"),
        }
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
