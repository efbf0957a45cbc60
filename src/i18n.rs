//! Every string the widget shows, in Chinese (default) and English, from one catalog.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// A language from a URL parameter or a browser language tag; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// The keys of the catalog: a missing translation is a compile error, not a blank on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    Loading,
    LoadFailed,
    Target,
    Year,
    PreviewNotice,
    Source,
    Value,
    Line,
}

pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    match (lang, key) {
        (Lang::Zh, AppTitle) => "生态规划看板",
        (Lang::En, AppTitle) => "EcoPlan",
        (Lang::Zh, Loading) => "正在加载数据…",
        (Lang::En, Loading) => "Loading data…",
        (Lang::Zh, LoadFailed) => "数据加载失败",
        (Lang::En, LoadFailed) => "The data could not be loaded",
        (Lang::Zh, Target) => "目标",
        (Lang::En, Target) => "Target",
        (Lang::Zh, Year) => "年份",
        (Lang::En, Year) => "Year",
        (Lang::Zh, PreviewNotice) => "预览版：城市选择、空气与水质趋势、目标和绿色生活等视图即将上线。",
        (Lang::En, PreviewNotice) => {
            "Preview: the city picker and the air, water, targets and green-living views are coming."
        }
        (Lang::Zh, Value) => "数值",
        (Lang::En, Value) => "Value",
        (Lang::Zh, Source) => "出处",
        (Lang::En, Source) => "Source",
        (Lang::Zh, Line) => "行",
        (Lang::En, Line) => "line",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_tags_pick_the_language() {
        assert_eq!(Lang::from_code("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("zh_TW"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn chinese_is_the_default() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(t(Lang::default(), Key::AppTitle), "生态规划看板");
        assert_eq!(t(Lang::En, Key::AppTitle), "EcoPlan");
    }
}
