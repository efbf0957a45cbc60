//! What each view shows, chosen from the data without a DOM: the headline indicators of a city,
//! one metric across cities, and the charts of a domain.

use crate::chart::points_of;
use crate::model::{CityData, Domain, Indicator, Metric, MetricCatalog, Observation, ValueKind};
use crate::progress::{progress, Progress};

/// The overview's cards, in order: is the air and the water getting better?
pub const HEADLINE_METRICS: [&str; 3] = ["pm25", "good_air_days_ratio", "surface_water_good"];

pub fn metric<'a>(catalog: &'a MetricCatalog, id: &str) -> Option<&'a Metric> {
    catalog.metrics.iter().find(|m| m.id == id)
}

/// The indicator that answers for `metric` in this city: the plan's own table row first, then
/// one with a target, then the one with the most printed values.
pub fn main_indicator<'a>(city: &'a CityData, metric: &str) -> Option<&'a Indicator> {
    city.indicators
        .iter()
        .filter(|i| i.metric.as_deref() == Some(metric))
        .max_by_key(|i| {
            let has_target = i.values.iter().any(|v| v.kind == ValueKind::Target);
            // max_by_key keeps the last maximum: reverse the position so the first wins ties.
            (
                i.row.is_some(),
                has_target,
                i.values.len(),
                std::cmp::Reverse(i.id.clone()),
            )
        })
}

/// The most recent printed level (a number or words), else the most recent printed change.
pub fn latest(indicator: &Indicator) -> Option<&Observation> {
    let newest = |kind: ValueKind| {
        indicator
            .values
            .iter()
            .filter(|v| v.kind == kind && !v.is_derived())
            .max_by_key(|v| (v.year, v.value.is_some()))
    };
    newest(ValueKind::Actual).or_else(|| newest(ValueKind::Change))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Headline<'a> {
    pub metric: &'a Metric,
    pub indicator: &'a Indicator,
    pub latest: Option<&'a Observation>,
    pub target: Option<&'a Observation>,
    pub progress: Progress,
}

pub fn headline<'a>(
    city: &'a CityData,
    catalog: &'a MetricCatalog,
    metric_id: &str,
) -> Option<Headline<'a>> {
    let metric = metric(catalog, metric_id)?;
    let indicator = main_indicator(city, metric_id)?;
    Some(Headline {
        metric,
        indicator,
        latest: latest(indicator),
        target: indicator.target(),
        progress: progress(indicator, Some(metric.better)),
    })
}

/// The overview's cards: the headline metrics this city's plan has.
pub fn headlines<'a>(city: &'a CityData, catalog: &'a MetricCatalog) -> Vec<Headline<'a>> {
    HEADLINE_METRICS
        .iter()
        .filter_map(|m| headline(city, catalog, m))
        .collect()
}

/// The catalog metrics that at least two cities report: the ones worth comparing.
pub fn comparable_metrics<'a>(catalog: &'a MetricCatalog, cities: &[&CityData]) -> Vec<&'a Metric> {
    catalog
        .metrics
        .iter()
        .filter(|m| {
            cities
                .iter()
                .filter(|c| main_indicator(c, &m.id).is_some())
                .count()
                >= 2
        })
        .collect()
}

/// Indicators of a domain that have something to plot, and those that only have words or changes.
pub fn charts_of(city: &CityData, domain: Domain) -> (Vec<&Indicator>, Vec<&Indicator>) {
    city.indicators
        .iter()
        .filter(|i| i.domain == domain)
        .partition(|i| !points_of(i).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_catalog, parse_city, CITY_IDS};
    use crate::progress::Level;

    fn catalog() -> MetricCatalog {
        parse_catalog("metrics.json", include_str!("../data/metrics.json")).unwrap()
    }

    fn city(id: &str) -> CityData {
        let json = std::fs::read_to_string(format!(
            "{}/data/cities/{id}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        parse_city(id, &json).unwrap()
    }

    #[test]
    fn jiaozuo_pm25_headline_is_its_table_row_with_the_distance_to_go() {
        let (jiaozuo, catalog) = (city("jiaozuo"), catalog());
        let h = headline(&jiaozuo, &catalog, "pm25").unwrap();
        assert_eq!(h.indicator.row, Some(1));
        assert_eq!(
            h.latest.map(|o| (o.year, o.value)),
            Some((2020, Some(56.0)))
        );
        assert_eq!(
            h.target.map(|o| (o.year, o.value)),
            Some((2025, Some(43.0)))
        );
        assert_eq!(
            h.progress,
            Progress::NotYetMeasured {
                baseline: Level {
                    year: 2020,
                    value: 56.0
                },
                target: Level {
                    year: 2025,
                    value: 43.0
                },
                required: -13.0
            }
        );
    }

    #[test]
    fn pingdingshan_pm25_target_stays_the_provinces_words() {
        let (city, catalog) = (city("pingdingshan"), catalog());
        let h = headline(&city, &catalog, "pm25").unwrap();
        assert_eq!(h.latest.and_then(|o| o.value), Some(51.0));
        let Progress::Qualitative { words, .. } = h.progress else {
            panic!("{:?}", h.progress)
        };
        assert_eq!(words.zh, "完成省定目标");
    }

    #[test]
    fn every_city_has_a_pm25_headline_and_the_table_row_wins_over_text_figures() {
        let catalog = catalog();
        for id in CITY_IDS {
            let city = city(id);
            let h = headline(&city, &catalog, "pm25").unwrap_or_else(|| panic!("{id}"));
            if city.indicators.iter().any(|i| i.row.is_some()) {
                assert!(h.indicator.row.is_some(), "{id}: {}", h.indicator.id);
            }
        }
    }

    #[test]
    fn zhengzhou_pm25_has_no_printed_level_so_its_latest_is_the_printed_change() {
        let (city, catalog) = (city("zhengzhou"), catalog());
        let h = headline(&city, &catalog, "pm25").unwrap();
        let latest = h.latest.unwrap();
        assert_eq!((latest.kind, latest.value), (ValueKind::Change, Some(46.9)));
        assert_eq!(
            h.progress,
            Progress::NoBaseline {
                target: Level {
                    year: 2025,
                    value: 40.0
                }
            }
        );
    }

    #[test]
    fn compare_offers_metrics_several_cities_report() {
        let catalog = catalog();
        let cities: Vec<CityData> = CITY_IDS.iter().map(|c| city(c)).collect();
        let refs: Vec<&CityData> = cities.iter().collect();
        let ids: Vec<&str> = comparable_metrics(&catalog, &refs)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        for expected in [
            "pm25",
            "good_air_days_ratio",
            "surface_water_good",
            "forest_cover",
        ] {
            assert!(ids.contains(&expected), "{expected} in {ids:?}");
        }
    }

    #[test]
    fn air_charts_have_points_and_the_rest_is_listed() {
        let city = city("xingtai");
        let (charts, rest) = charts_of(&city, Domain::Air);
        assert!(charts.iter().any(|i| i.id == "pm25_urban"));
        assert!(charts.iter().all(|i| !points_of(i).is_empty()));
        assert!(rest.iter().all(|i| points_of(i).is_empty()));
        assert!(rest.iter().all(|i| i.domain == Domain::Air));
    }
}
