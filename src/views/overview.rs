//! The first screen: for each headline metric, the latest figure, the target, progress in words,
//! and a compact chart of the trend.

use super::{cell, headline, trend_chart, Cell, TrendChart};
use crate::describe::progress_text;
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::model::{CityData, Domain, MetricCatalog};
use crate::series::Series;
use crate::url_state::View;

/// The overview's cards, in order: is the air and the water getting better?
pub const HEADLINE_METRICS: [&str; 3] = ["pm25", "good_air_days_ratio", "surface_water_good"];

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Card {
    pub metric: String,
    pub name: String,
    /// The plan's own name for it, where that says more (a scope, another wording).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub as_named: Option<String>,
    /// `None` where the plan does not give this metric: then `missing` says so.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub missing: Option<String>,
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
    /// Share of the way from baseline to target, where a later level is printed.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub share: Option<f64>,
    pub progress: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub chart: Option<TrendChart>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        serde(serialize_with = "super::serialize_view")
    )]
    pub more: View,
    pub more_label: String,
}

#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct OverviewView {
    pub title: String,
    pub plan_title: String,
    pub notice: String,
    pub cards: Vec<Card>,
}

pub fn overview(city: &CityData, catalog: &MetricCatalog, lang: Lang) -> OverviewView {
    let cards = HEADLINE_METRICS
        .iter()
        .map(|metric_id| {
            let metric = catalog.metric(metric_id);
            let name = metric
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_default();
            let domain_view = match metric.map(|m| m.domain) {
                Some(Domain::Water) => View::Water,
                _ => View::Air,
            };
            let more_label = format!("{} →", super::view_name(lang, domain_view));
            let series = metric.and_then(|_| Series::for_metric(city, metric_id));
            let Some((series, metric)) = series.zip(metric) else {
                return Card {
                    metric: metric_id.to_string(),
                    name,
                    as_named: None,
                    missing: Some(t(lang, Key::NoHeadline).to_string()),
                    latest: None,
                    target: None,
                    share: None,
                    progress: String::new(),
                    chart: None,
                    more: domain_view,
                    more_label,
                };
            };
            let ind = series.lead;
            let subject = ind.name.get(lang);
            let h = headline(&series, metric.better);
            Card {
                metric: metric_id.to_string(),
                name,
                as_named: (ind.scope.is_some() || ind.name.zh != metric.name.zh)
                    .then(|| subject.to_string()),
                missing: None,
                latest: h.latest.map(|e| cell(lang, &city.city, subject, &e)),
                target: h.target.map(|e| cell(lang, &city.city, subject, &e)),
                share: h.share,
                progress: progress_text(lang, &h.progress, &ind.unit),
                chart: trend_chart(lang, &city.city, &series, catalog, true).map(|mut c| {
                    c.picture = super::picture::for_city(city, subject, &ind.id, lang);
                    c
                }),
                more: domain_view,
                more_label,
            }
        })
        .collect();
    OverviewView {
        title: city.name.get(lang).to_string(),
        plan_title: city.plan.title.get(lang).to_string(),
        notice: format!(
            "{} {}",
            dates_notice(city, lang),
            t(lang, Key::TapForSource)
        ),
        cards,
    }
}

/// How old the figures are, from the data: the plan's year, and the latest year with a measured
/// (printed, not target) value, whether from the plan or a later document. `规划发布于2022年；这里最新的实测数值是2020年的。`
fn dates_notice(city: &CityData, lang: Lang) -> String {
    let plan_year = city
        .plan
        .date
        .as_deref()
        .or(city.plan.published.as_deref())
        .and_then(|d| d.get(..4));
    let latest = city
        .indicators
        .iter()
        .flat_map(|i| &i.values)
        .filter(|v| v.kind == crate::model::ValueKind::Actual && v.derived.is_none())
        .map(|v| v.year)
        .max();
    let mut out = String::new();
    if let Some(year) = plan_year {
        out.push_str(&match lang {
            Lang::Zh => format!("规划发布于{year}年；"),
            Lang::En => format!("The plan dates from {year}; "),
        });
    }
    out.push_str(&match (latest, lang) {
        (Some(year), Lang::Zh) => format!("这里最新的实测数值是{year}年的。"),
        (Some(year), Lang::En) => format!("the latest measured figure here is for {year}."),
        (None, Lang::Zh) => "规划没有给出实测数值，只有目标。".to_string(),
        (None, Lang::En) => "it prints no measured figures, only targets.".to_string(),
    });
    if lang == Lang::En && plan_year.is_none() {
        // No plan year before it: the sentence starts here (ASCII: no Unicode case tables).
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(id: &str) -> CityData {
        let path = format!("data/cities/{id}.json");
        crate::model::parse_city(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
    }

    #[test]
    fn the_notice_says_how_old_the_figures_are_from_the_data() {
        let mut jiaozuo = city("jiaozuo");
        assert_eq!(
            dates_notice(&jiaozuo, Lang::Zh),
            "规划发布于2022年；这里最新的实测数值是2020年的。"
        );
        assert_eq!(
            dates_notice(&city("jiyuan"), Lang::En),
            "The plan dates from 2024; it prints no measured figures, only targets."
        );
        assert_eq!(
            dates_notice(&city("xingtai"), Lang::En),
            "The latest measured figure here is for 2020."
        );
        // A newer figure from a later document (the made-up bulletin of tests/fixtures/).
        let mut later = jiaozuo.indicators[0].values[1].clone();
        later.year = 2023;
        jiaozuo.indicators[0].values.push(later);
        assert_eq!(
            dates_notice(&jiaozuo, Lang::En),
            "The plan dates from 2022; the latest measured figure here is for 2023."
        );
    }
}
