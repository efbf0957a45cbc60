//! Every string the widget shows, in Chinese (default) and English, from one catalog.

use crate::chart::format_value;
use crate::format::with_unit;
use crate::model::Theme;
use crate::progress::{Progress, Status};

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

    /// The BCP 47 tag for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// The keys of the catalog: a missing translation is a compile error, not a blank on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    Tagline,
    Loading,
    City,
    SwitchLanguage,
    OtherLanguageName,
    Views,
    ViewOverview,
    ViewAir,
    ViewWater,
    ViewTargets,
    ViewGreen,
    ViewCompare,
    ViewSources,
    LoadFailed,
    OtherCitiesWork,
    Retry,
    Target,
    Year,
    Value,
    Source,
    Line,
    Latest,
    TargetFor2025,
    Progress,
    NoHeadline,
    Measured,
    Derived,
    Change,
    Binding,
    Expected,
    Indicator,
    Baseline,
    Kind,
    Notes,
    Scope,
    ChartHint,
    ShowTable,
    HideTable,
    OtherIndicators,
    NothingToChart,
    YouCan,
    ActionTarget,
    Metric,
    NotInPlan,
    AboutTitle,
    AboutText,
    Issuer,
    DocNumber,
    Date,
    NotStated,
    NoTargetSet,
    SourceTitle,
    Plan,
    Close,
    DownloadCsv,
    DownloadJson,
    Download,
    TapForSource,
    PlansNotice,
    AboutLink,
    Embed,
    EmbedHelp,
    EmbedScript,
    EmbedIframe,
    Copy,
    Copied,
}

pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    let (zh, en) = match key {
        AppTitle => ("生态规划看板", "EcoPlan"),
        Tagline => (
            "五市“十四五”生态环境规划：空气、水、目标与绿色生活",
            "Five cities' environmental plans: air, water, targets and green living",
        ),
        Loading => ("正在加载数据…", "Loading data…"),
        City => ("城市", "City"),
        SwitchLanguage => ("切换到英文", "Switch to Chinese"),
        OtherLanguageName => ("English", "中文"),
        Views => ("视图", "Views"),
        ViewOverview => ("概览", "Overview"),
        ViewAir => ("空气", "Air"),
        ViewWater => ("水", "Water"),
        ViewTargets => ("目标", "Targets"),
        ViewGreen => ("绿色生活", "Green living"),
        ViewCompare => ("城市对比", "Compare"),
        ViewSources => ("来源", "Sources"),
        LoadFailed => ("这座城市的数据未能加载", "This city's data could not be loaded"),
        OtherCitiesWork => (
            "其他城市的数据不受影响，可在上方切换查看。",
            "The other cities are not affected: choose one above.",
        ),
        Retry => ("重试", "Try again"),
        Target => ("目标", "Target"),
        Year => ("年份", "Year"),
        Value => ("数值", "Value"),
        Source => ("出处", "Source"),
        Line => ("行", "line"),
        Latest => ("最新数值", "Latest figure"),
        TargetFor2025 => ("规划目标", "Plan target"),
        Progress => ("进展", "Progress"),
        NoHeadline => (
            "这份规划没有给出此项指标。",
            "This plan does not give this indicator.",
        ),
        Measured => ("实测", "Measured"),
        Derived => ("推算", "Derived"),
        Change => ("变化", "Change"),
        Binding => ("约束性", "Binding"),
        Expected => ("预期性", "Expected"),
        Indicator => ("指标", "Indicator"),
        Baseline => ("基准", "Baseline"),
        Kind => ("属性", "Type"),
        Notes => ("注释", "Notes"),
        Scope => ("范围", "Scope"),
        ChartHint => (
            "点按图表或用方向键查看各年数值。",
            "Tap the chart, or focus it and use the arrow keys, to read each year.",
        ),
        ShowTable => ("显示数据表", "Show data table"),
        HideTable => ("隐藏数据表", "Hide data table"),
        OtherIndicators => (
            "其他指标（文字目标或变化幅度）",
            "Other indicators (targets in words, or changes)",
        ),
        NothingToChart => (
            "这份规划没有给出可绘图的数值。",
            "This plan prints no figures to chart here.",
        ),
        YouCan => ("你可以这样做", "What you can do"),
        ActionTarget => ("规划目标", "Plan target"),
        Metric => ("指标", "Metric"),
        NotInPlan => ("规划未列出", "Not in this plan"),
        AboutTitle => ("关于这些规划", "About these plans"),
        AboutText => (
            "看板中的每个数字都来自以下五份官方规划，点按任意数字即可查看它在规划中的原文和行号。英文为本项目的翻译。",
            "Every number here comes from one of these five official plans: tap any number to read the sentence it comes from, with its line. The English is our own translation.",
        ),
        Issuer => ("发布单位", "Issued by"),
        DocNumber => ("文号", "Document number"),
        Date => ("日期", "Date"),
        NotStated => ("原文未注明", "Not stated in the text"),
        NoTargetSet => ("未设定", "None set"),
        SourceTitle => ("原文出处", "Source in the plan"),
        Plan => ("规划", "Plan"),
        Close => ("关闭", "Close"),
        DownloadCsv => ("下载 CSV", "Download CSV"),
        DownloadJson => ("下载 JSON", "Download JSON"),
        Download => ("下载本市指标数据", "Download this city's indicators"),
        TapForSource => ("点按数字查看原文出处", "Tap a number to see its source"),
        Embed => ("嵌入到网站", "Embed on a website"),
        EmbedHelp => (
            "把下面任一段代码粘贴到网页中，即可嵌入当前城市、视图和语言的看板。",
            "Paste either snippet into a web page to embed this city, view and language.",
        ),
        EmbedScript => ("脚本方式（自动调整高度）", "Script (sizes itself)"),
        EmbedIframe => ("iframe 方式", "Plain iframe"),
        Copy => ("复制", "Copy"),
        Copied => ("已复制", "Copied"),
        AboutLink => (
            "数据来自五市的官方生态环境规划：查看来源",
            "The data comes from the five cities' official plans: see the sources",
        ),
        PlansNotice => (
            "规划发布于2022—2024年，多数指标只给出2020年基准值和2025年目标。",
            "The plans date from 2022 to 2024: most give a 2020 baseline and a 2025 target.",
        ),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn theme_name(lang: Lang, theme: Theme) -> &'static str {
    let (zh, en) = match theme {
        Theme::Travel => ("绿色出行", "Getting around"),
        Theme::Vehicles => ("新能源汽车", "Cleaner vehicles"),
        Theme::Waste => ("垃圾分类", "Waste sorting"),
        Theme::Food => ("节约粮食", "Food"),
        Theme::Water => ("节约用水", "Saving water"),
        Theme::Energy => ("节约能源", "Saving energy"),
        Theme::Consumption => ("绿色消费", "Green shopping"),
        Theme::Plastics => ("减少塑料", "Less plastic"),
        Theme::Homes => ("绿色家庭与社区", "Green homes and communities"),
        Theme::Participation => ("公众参与和监督", "Taking part and speaking up"),
        Theme::Education => ("环境教育", "Learning"),
        Theme::Burning => ("禁止焚烧与燃放", "No burning"),
        Theme::Other => ("其他", "Other"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// What a charted point is: measured, a target, or derived by us.
pub fn point_kind_label(lang: Lang, kind: crate::chart::PointKind) -> &'static str {
    match kind {
        crate::chart::PointKind::Actual => t(lang, Key::Measured),
        crate::chart::PointKind::Target => t(lang, Key::Target),
        crate::chart::PointKind::Derived => t(lang, Key::Derived),
    }
}

pub fn year_label(lang: Lang, year: u16) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

pub fn line_label(lang: Lang, line: u32) -> String {
    match lang {
        Lang::Zh => format!("第 {line} 行"),
        Lang::En => format!("line {line}"),
    }
}

/// One sentence on progress to target, honest about what the plan does and does not print.
pub fn progress_text(lang: Lang, progress: &Progress, unit: &str) -> String {
    // The distance between two shares is in percentage points, not per cent.
    let distance_unit = if unit == "%" {
        "percentage points"
    } else {
        unit
    };
    let amount = |v: f64| with_unit(lang, &format_value(v.abs()), distance_unit);
    match (lang, progress) {
        (Lang::Zh, Progress::NoTarget) => "规划未设定目标。".into(),
        (Lang::En, Progress::NoTarget) => "The plan sets no target.".into(),
        (Lang::Zh, Progress::Qualitative { year, words }) => {
            format!("{year}年目标为文字表述：{}，没有具体数值。", words.zh)
        }
        (Lang::En, Progress::Qualitative { year, words }) => format!(
            "The {year} target is given in words (“{}”), not as a number.",
            words.en
        ),
        (Lang::Zh, Progress::NoBaseline { target }) => format!(
            "规划没有给出基准数值，无法计算距{}年目标的进展。",
            target.year
        ),
        (Lang::En, Progress::NoBaseline { target }) => format!(
            "The plan prints no baseline, so progress to the {} target cannot be measured.",
            target.year
        ),
        (
            Lang::Zh,
            Progress::NotYetMeasured {
                baseline,
                target,
                required,
            },
        ) => format!(
            "规划只给出{}年基准值；要达到{}年目标，需要{}{}。",
            baseline.year,
            target.year,
            if *required < 0.0 {
                "下降"
            } else if *required > 0.0 {
                "提高"
            } else {
                "保持"
            },
            if *required == 0.0 {
                String::new()
            } else {
                amount(*required)
            }
        ),
        (
            Lang::En,
            Progress::NotYetMeasured {
                baseline,
                target,
                required,
            },
        ) => {
            if *required == 0.0 {
                format!(
                    "The plan prints only the {} baseline; the {} target is to hold that level.",
                    baseline.year, target.year
                )
            } else {
                format!(
                    "The plan prints only the {} baseline; reaching the {} target means going {} by {}.",
                    baseline.year,
                    target.year,
                    if *required < 0.0 { "down" } else { "up" },
                    amount(*required)
                )
            }
        }
        (
            _,
            Progress::Measured {
                latest,
                share,
                status,
                ..
            },
        ) => {
            let status = status_text(lang, *status);
            let pct = (share * 100.0).round();
            match lang {
                Lang::Zh => format!(
                    "{status}：截至{}年，已完成从基准到目标距离的 {pct}%。",
                    latest.year
                ),
                Lang::En => format!(
                    "{status}: by {} it had covered {pct}% of the way from baseline to target.",
                    latest.year
                ),
            }
        }
    }
}

pub fn status_text(lang: Lang, status: Status) -> &'static str {
    let (zh, en) = match status {
        Status::Met => ("已达到目标", "Target met"),
        Status::Improving => ("正在改善", "Improving"),
        Status::Worsening => ("较基准变差", "Worse than the baseline"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Level;

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

    #[test]
    fn a_baseline_alone_is_described_as_the_distance_to_go() {
        let p = Progress::NotYetMeasured {
            baseline: Level {
                year: 2020,
                value: 56.0,
            },
            target: Level {
                year: 2025,
                value: 43.0,
            },
            required: -13.0,
        };
        assert_eq!(
            progress_text(Lang::Zh, &p, "μg/m³"),
            "规划只给出2020年基准值；要达到2025年目标，需要下降13 μg/m³。"
        );
        assert_eq!(
            progress_text(Lang::En, &p, "μg/m³"),
            "The plan prints only the 2020 baseline; reaching the 2025 target means going down by 13 μg/m³."
        );
    }

    #[test]
    fn the_distance_between_two_shares_is_in_percentage_points() {
        let p = Progress::NotYetMeasured {
            baseline: Level {
                year: 2020,
                value: 57.5,
            },
            target: Level {
                year: 2025,
                value: 60.5,
            },
            required: 3.0,
        };
        assert_eq!(
            progress_text(Lang::Zh, &p, "%"),
            "规划只给出2020年基准值；要达到2025年目标，需要提高3个百分点。"
        );
        assert!(progress_text(Lang::En, &p, "%").ends_with("going up by 3 percentage points."));
    }
}
