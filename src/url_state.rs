//! The widget's state in its URL: `?lang=&city=&view=&metric=&theme=&mode=`, so a shared link opens the same
//! view. Parsing is forgiving: an unknown or hostile value is dropped, never shown or trusted.

use crate::lang::Lang;
use crate::model::known_city;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Overview,
    Air,
    Water,
    Targets,
    Green,
    Compare,
    Sources,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Overview,
        View::Air,
        View::Water,
        View::Targets,
        View::Green,
        View::Compare,
        View::Sources,
    ];

    pub fn code(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Air => "air",
            View::Water => "water",
            View::Targets => "targets",
            View::Green => "green",
            View::Compare => "compare",
            View::Sources => "sources",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// `?theme=` for embedding pages that want a fixed scheme; without it the reader's setting applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// `?mode=elder`: the elder-friendly mode (长辈模式, large text), for host sites with their own
/// elder version; `?mode=standard` turns a remembered one off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Standard,
    Elder,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub lang: Option<Lang>,
    pub city: Option<&'static str>,
    pub view: View,
    pub metric: Option<String>,
    pub theme: Option<Theme>,
    pub mode: Option<Mode>,
}

/// Reads a query string (with or without its leading `?`).
pub fn parse_query(query: &str) -> UrlState {
    let mut state = UrlState::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        match key {
            "lang" => state.lang = Lang::from_code(&value),
            "city" => state.city = known_city(&value),
            "view" => state.view = View::from_code(&value).unwrap_or_default(),
            "metric" if is_id(&value) => state.metric = Some(value),
            "theme" => {
                state.theme = match value.as_str() {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    _ => None,
                }
            }
            "mode" => {
                state.mode = match value.as_str() {
                    "elder" => Some(Mode::Elder),
                    "standard" => Some(Mode::Standard),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    state
}

/// The page the build writes for a city's view in a language (src/prerender.rs): every address
/// names one, `jiaozuo-air-en.html`.
pub fn page_file(city: &str, view: View, lang: Lang) -> String {
    format!("{city}-{}-{}.html", view.code(), lang.param())
}

/// A state's address relative to the widget's folder: its page, and in the query only what the
/// page does not say (`?metric=`, `?theme=`, `?mode=`). Without a city or a language, the query
/// alone, as `to_query` writes it.
pub fn to_address(state: &UrlState) -> String {
    let (Some(city), Some(lang)) = (state.city, state.lang) else {
        let query = to_query(state);
        return if query.is_empty() { "?".into() } else { query };
    };
    let rest = to_query(&UrlState {
        lang: None,
        city: None,
        view: View::Overview,
        ..state.clone()
    });
    format!("{}{rest}", page_file(city, state.view, lang))
}

/// The state an address asks for: its page's file name (the last segment of its path, if it is
/// one of the build's pages), then its query, which says more where both say something.
pub fn parse_address(path: &str, query: &str) -> UrlState {
    let file = path.rsplit('/').next().unwrap_or_default();
    let from_file = file.strip_suffix(".html").and_then(|name| {
        let mut parts = name.rsplitn(3, '-');
        let lang = Lang::from_code(parts.next()?)?;
        let view = View::from_code(parts.next()?)?;
        let city = known_city(parts.next()?)?;
        (page_file(city, view, lang) == file).then_some((city, view, lang))
    });
    let Some((city, view, lang)) = from_file else {
        return parse_query(query);
    };
    let prefix = format!("lang={}&city={city}&view={}&", lang.param(), view.code());
    parse_query(&format!("{prefix}{}", query.trim_start_matches('?')))
}

/// The query string for a state, in a fixed order, leaving out what is default or unset.
pub fn to_query(state: &UrlState) -> String {
    let mut parts = Vec::new();
    if let Some(lang) = state.lang {
        parts.push(format!("lang={}", lang.param()));
    }
    if let Some(city) = state.city {
        parts.push(format!("city={city}"));
    }
    if state.view != View::Overview {
        parts.push(format!("view={}", state.view.code()));
    }
    if let Some(metric) = &state.metric {
        parts.push(format!("metric={metric}"));
    }
    if let Some(theme) = state.theme {
        parts.push(format!(
            "theme={}",
            if theme == Theme::Dark {
                "dark"
            } else {
                "light"
            }
        ));
    }
    if state.mode == Some(Mode::Elder) {
        parts.push("mode=elder".to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_link_round_trips() {
        let state = UrlState {
            lang: Some(Lang::En),
            city: Some("xingtai"),
            view: View::Air,
            metric: Some("pm25".into()),
            theme: Some(Theme::Dark),
            mode: Some(Mode::Elder),
        };
        let query = to_query(&state);
        assert_eq!(
            query,
            "?lang=en&city=xingtai&view=air&metric=pm25&theme=dark&mode=elder"
        );
        assert_eq!(parse_query(&query), state);
        assert_eq!(to_query(&UrlState::default()), "");
        // The standard mode is the default: a link says only that a remembered elder mode is off.
        let standard = parse_query("mode=standard");
        assert_eq!(standard.mode, Some(Mode::Standard));
        assert_eq!(to_query(&standard), "");
    }

    #[test]
    fn unknown_and_hostile_values_are_dropped() {
        let state = parse_query(
            "?city=%3Cscript%3E&view=admin&metric=pm25%22onload&lang=fr&x=1&theme=red&mode=big",
        );
        assert_eq!(state, UrlState::default());
        let state = parse_query("city=jiyuan&lang=zh-CN&view=green&metric=");
        assert_eq!(state.city, Some("jiyuan"));
        assert_eq!(state.lang, Some(Lang::Zh));
        assert_eq!(state.view, View::Green);
        assert_eq!(state.metric, None);
    }

    #[test]
    fn percent_escapes_decode_and_broken_ones_do_not_panic() {
        assert_eq!(percent_decode("zh%2DCN"), "zh-CN");
        assert_eq!(percent_decode("%E9%83%91%E5%B7%9E"), "郑州");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%"), "%");
    }

    #[test]
    fn an_address_is_the_page_of_its_city_view_and_language_and_reads_back() {
        let state = UrlState {
            lang: Some(Lang::En),
            city: Some("jiaozuo"),
            view: View::Compare,
            metric: Some("pm25".into()),
            theme: None,
            mode: Some(Mode::Elder),
        };
        let address = to_address(&state);
        assert_eq!(address, "jiaozuo-compare-en.html?metric=pm25&mode=elder");
        let (file, query) = address.split_once('?').unwrap();
        assert_eq!(
            parse_address(&format!("/widgets/ecoplan/{file}"), query),
            state
        );
        // An old link to the folder reads as before; a page's query says more than its name.
        assert_eq!(
            parse_address("/widgets/ecoplan/", "?city=jiaozuo&view=air").view,
            View::Air
        );
        assert_eq!(
            parse_address("/x/jiaozuo-air-zh.html", "?view=water").view,
            View::Water
        );
        // Not one of the build's pages: its name says nothing.
        assert_eq!(
            parse_address("/x/luoyang-air-zh.html", ""),
            UrlState::default()
        );
        assert_eq!(parse_address("/x/jiaozuo-air-zh-CN.html", "").city, None);
    }
}
