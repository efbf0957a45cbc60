//! One series per metric and scope: every value a plan gives for it, from its table and its text,
//! gathered so a chart can show them together. Which of them can be charted, and what stays words.

use crate::model::{CityData, Domain, Indicator, MetricCatalog, Observation, ValueKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum PointKind {
    /// A level the plan prints.
    Actual,
    /// A level we derived from two printed values.
    Derived,
    /// A numeric target.
    Target,
    /// A target in words (完成省定目标), drawn as a labelled marker at its year.
    WordTarget,
}

/// A value of a series with the indicator it belongs to (which its derivation refers to).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'a> {
    pub indicator: &'a Indicator,
    pub obs: &'a Observation,
}

impl Entry<'_> {
    /// Where it goes on a chart, if anywhere: a level or a numeric target, not a change, a
    /// five-year total or words (a target in words is a marker, see `is_word_target`).
    pub fn point_kind(&self) -> Option<PointKind> {
        if self.obs.value.is_none() || self.obs.cumulative {
            return None;
        }
        match (self.obs.kind, self.obs.is_derived()) {
            (ValueKind::Change, _) => None,
            (ValueKind::Target, _) => Some(PointKind::Target),
            (ValueKind::Actual, true) => Some(PointKind::Derived),
            (ValueKind::Actual, false) => Some(PointKind::Actual),
        }
    }

    /// A target in words (完成省定目标): a labelled marker at its year.
    pub fn is_word_target(&self) -> bool {
        self.obs.kind == ValueKind::Target && self.obs.value.is_none()
    }

    pub fn unit(&self) -> &str {
        &self.indicator.unit
    }
}

/// Every value of one metric and scope in one city, the plan's table row first.
#[derive(Debug, Clone, PartialEq)]
pub struct Series<'a> {
    /// The indicator that names the series: the table row if there is one.
    pub lead: &'a Indicator,
    pub entries: Vec<Entry<'a>>,
}

fn same_series(a: &Indicator, b: &Indicator) -> bool {
    match (&a.metric, &b.metric) {
        (Some(x), Some(y)) => x == y && a.scope == b.scope && a.unit == b.unit,
        _ => a.id == b.id,
    }
}

/// The indicator that answers for `metric` in this city: the plan's own table row first, then
/// one with a target, then the one with the most values (the first of equals).
pub fn main_indicator<'a>(city: &'a CityData, metric: &str) -> Option<&'a Indicator> {
    let mut best: Option<(&Indicator, (bool, bool, usize))> = None;
    for i in city
        .indicators
        .iter()
        .filter(|i| i.metric.as_deref() == Some(metric))
    {
        let score = (
            i.row.is_some(),
            i.values.iter().any(|v| v.kind == ValueKind::Target),
            i.values.len(),
        );
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

impl<'a> Series<'a> {
    fn gather(city: &'a CityData, lead: &'a Indicator) -> Series<'a> {
        let mut entries: Vec<Entry<'a>> = Vec::new();
        let members = std::iter::once(lead).chain(
            city.indicators
                .iter()
                .filter(|i| !std::ptr::eq(*i, lead) && same_series(i, lead)),
        );
        for indicator in members {
            for obs in &indicator.values {
                // The same figure printed twice (in the table and in the text) is one value.
                let repeat = entries.iter().any(|e| {
                    e.obs.year == obs.year
                        && e.obs.kind == obs.kind
                        && e.obs.value == obs.value
                        && e.obs.text == obs.text
                        && e.obs.against == obs.against
                        && e.obs.is_derived() == obs.is_derived()
                });
                if !repeat {
                    entries.push(Entry { indicator, obs });
                }
            }
        }
        // By year; within a year levels before targets (a stable sort: the table's first).
        entries.sort_by_key(|e| (e.obs.year, e.obs.kind == ValueKind::Target));
        Series { lead, entries }
    }

    /// The series of the indicator that answers for `metric`.
    pub fn for_metric(city: &'a CityData, metric: &str) -> Option<Series<'a>> {
        main_indicator(city, metric).map(|lead| Series::gather(city, lead))
    }

    /// Every series of a domain, in the plan's order of their first indicator.
    pub fn of_domain(city: &'a CityData, domain: Domain) -> Vec<Series<'a>> {
        let mut leads: Vec<&Indicator> = Vec::new();
        for i in city.indicators.iter().filter(|i| i.domain == domain) {
            if leads.iter().any(|l| same_series(l, i)) {
                continue;
            }
            // The series is named by its table row, or else its first indicator.
            let lead = i
                .metric
                .as_deref()
                .and_then(|_| {
                    city.indicators
                        .iter()
                        .find(|j| j.row.is_some() && same_series(i, j))
                })
                .unwrap_or(i);
            leads.push(lead);
        }
        leads.into_iter().map(|l| Series::gather(city, l)).collect()
    }

    /// The chartable values, by year.
    pub fn points(&self) -> Vec<(Entry<'a>, PointKind)> {
        self.entries
            .iter()
            .filter_map(|e| e.point_kind().map(|k| (*e, k)))
            .collect()
    }

    pub fn word_targets(&self) -> Vec<Entry<'a>> {
        self.entries
            .iter()
            .filter(|e| e.is_word_target())
            .copied()
            .collect()
    }

    /// What no chart can show: changes, five-year totals, levels in words.
    pub fn worded(&self) -> Vec<Entry<'a>> {
        self.entries
            .iter()
            .filter(|e| e.point_kind().is_none() && !e.is_word_target())
            .copied()
            .collect()
    }

    /// One indicator holding every value, for progress and latest-value rules.
    pub fn merged(&self) -> Indicator {
        Indicator {
            values: self.entries.iter().map(|e| e.obs.clone()).collect(),
            ..self.lead.clone()
        }
    }

    /// A chart shows more than a sentence would: at least two points, or a point or target and
    /// the standard's reference line.
    pub fn gets_chart(&self, has_reference: bool) -> bool {
        let points = self.points().len();
        points >= 2 || (points == 1 && has_reference)
    }

    /// The catalog limit drawn on this series' chart, if its metric has one and the units agree.
    pub fn reference<'c>(
        &self,
        catalog: &'c MetricCatalog,
    ) -> Option<(&'c crate::model::Standard, &'c crate::model::Limit)> {
        let metric = self.lead.metric.as_deref()?;
        catalog
            .limit(metric)
            .filter(|(_, limit)| limit.unit == self.lead.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Observation, Text};

    fn indicator(
        id: &str,
        metric: Option<&str>,
        row: Option<u32>,
        values: Vec<Observation>,
    ) -> Indicator {
        Indicator {
            id: id.into(),
            metric: metric.map(String::from),
            domain: Domain::Air,
            group: None,
            row,
            name: Text {
                zh: id.into(),
                en: id.into(),
            },
            unit: "μg/m³".into(),
            binding: None,
            scope: None,
            notes: vec![],
            values,
        }
    }

    fn city(indicators: Vec<Indicator>) -> CityData {
        let json = r#"{"city": "x", "name": {"zh": "x", "en": "x"}, "province": {"zh": "x", "en": "x"},
          "plan": {"title": {"zh": "x", "en": "x"}, "issuer": null, "number": null, "date": null,
                   "period": "2021-2025", "source_file": "x.txt"},
          "groups": [], "indicators": [], "actions": [], "measures": []}"#;
        let mut c = crate::model::parse_city("x.json", json).unwrap();
        c.indicators = indicators;
        c
    }

    use ValueKind::{Actual, Change, Target};
    fn obs(year: u16, value: Option<f64>, kind: ValueKind) -> Observation {
        let mut o = Observation::fixture(year, value, kind);
        if value.is_none() {
            o.text = Some(Text {
                zh: "完成省定目标".into(),
                en: "Meet the provincial target".into(),
            });
        }
        o
    }

    #[test]
    fn the_table_row_and_the_texts_figures_for_one_metric_are_one_series() {
        let c = city(vec![
            indicator(
                "pm25",
                Some("pm25"),
                Some(1),
                vec![obs(2020, Some(56.0), Actual), obs(2025, Some(43.0), Target)],
            ),
            indicator(
                "pm10",
                Some("pm10"),
                None,
                vec![obs(2020, Some(97.0), Actual)],
            ),
            indicator(
                "pm25_text",
                Some("pm25"),
                None,
                vec![obs(2020, Some(56.0), Actual), obs(2019, Some(60.0), Actual)],
            ),
        ]);
        let all = Series::of_domain(&c, Domain::Air);
        assert_eq!(all.len(), 2, "pm25 and pm10");
        assert_eq!(all[0].lead.id, "pm25");
        let years: Vec<u16> = all[0].points().iter().map(|(e, _)| e.obs.year).collect();
        assert_eq!(
            years,
            [2019, 2020, 2025],
            "the text's 2019 joins; the repeated 2020 is one point"
        );
        assert!(!all[1].gets_chart(false), "one point alone is a sentence");
        assert!(
            all[1].gets_chart(true),
            "one point and the standard's line is a chart"
        );
    }

    #[test]
    fn words_and_changes_stay_worded_and_word_targets_are_markers() {
        let c = city(vec![indicator(
            "pm25",
            Some("pm25"),
            Some(1),
            vec![
                obs(2020, Some(51.0), Actual),
                obs(2025, None, Target),
                obs(2020, Some(42.0), Change),
            ],
        )]);
        let s = Series::for_metric(&c, "pm25").unwrap();
        assert_eq!(s.points().len(), 1);
        assert_eq!(s.word_targets().len(), 1);
        assert_eq!(s.worded().len(), 1);
        assert_eq!(s.worded()[0].obs.kind, Change);
        assert!(!s.gets_chart(false));
    }

    #[test]
    fn scopes_and_unmatched_metrics_are_kept_apart() {
        let mut urban = indicator(
            "pm25_urban",
            Some("pm25"),
            Some(1),
            vec![obs(2020, Some(53.0), Actual)],
        );
        urban.scope = Some(Text {
            zh: "市城区".into(),
            en: "urban".into(),
        });
        let c = city(vec![
            urban,
            indicator(
                "pm25_city",
                Some("pm25"),
                None,
                vec![obs(2020, Some(53.0), Actual)],
            ),
            indicator("dust", None, None, vec![obs(2025, Some(6.0), Target)]),
            indicator("dust2", None, None, vec![obs(2025, Some(6.0), Target)]),
        ]);
        assert_eq!(Series::of_domain(&c, Domain::Air).len(), 4);
    }
}
