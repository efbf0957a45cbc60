//! The catalog of the widget's fixed strings, in Chinese (default) and English. Sentences built
//! from data are in `describe`.

use crate::lang::Lang;
use crate::model::Theme;

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
    Formula,
    FromSentences,
    ClassTwoLimit,
    Standard,
    Clause,
    CityIsDoing,
    NoMeasures,
    NoNumber,
    CatalogFailed,
    TimedOut,
    LatestLevel,
    Standards,
    StandardsText,
    ElderMode,
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
        Formula => ("推算方法", "How it is derived"),
        FromSentences => ("依据的原文", "From these sentences"),
        ClassTwoLimit => ("国家二级标准", "National Class II limit"),
        Standard => ("标准", "Standard"),
        Clause => ("条款", "Clause"),
        CityIsDoing => ("城市在做什么", "What the city is doing"),
        NoMeasures => (
            "规划没有列出这一领域的主要措施。",
            "The plan lists no main measures in this area.",
        ),
        NoNumber => ("规划未给出数值", "No number in the plan"),
        CatalogFailed => (
            "看板的指标目录未能加载，暂时无法显示任何城市。",
            "EcoPlan's list of indicators could not be loaded, so no city can be shown yet.",
        ),
        TimedOut => (
            "网络长时间没有响应，请检查网络后重试。",
            "The network did not answer in time: check the connection and try again.",
        ),
        LatestLevel => ("最新", "Latest"),
        Standards => ("国家标准", "National standards"),
        StandardsText => (
            "图表中的参考线取自以下国家标准。",
            "The reference lines on the charts come from these national standards.",
        ),
        AboutLink => (
            "数据来自五市的官方生态环境规划：查看来源",
            "The data comes from the five cities' official plans: see the sources",
        ),
        ElderMode => ("长辈模式", "Large text"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_the_default() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(t(Lang::default(), Key::AppTitle), "生态规划看板");
        assert_eq!(t(Lang::En, Key::AppTitle), "EcoPlan");
    }
}
