//! Progress to target, computed only from what the plan prints: no number where the plan gives
//! words, no bar where there is nothing after the baseline.

use crate::model::{Better, Indicator, Observation, Text, ValueKind};

/// A printed level of an indicator in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    pub year: u16,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// The plan sets no target for this indicator.
    NoTarget,
    /// The target is words (完成省定目标, 基本消除): shown as words, never as a number.
    Qualitative { year: u16, words: Text },
    /// A numeric target but no printed level to measure from.
    NoBaseline { target: Level },
    /// A baseline and a target, and no later printed level: the distance still to go.
    NotYetMeasured {
        baseline: Level,
        target: Level,
        /// Target minus baseline, in the indicator's unit (negative for a cut).
        required: f64,
    },
    /// A later level than the baseline is printed.
    Measured {
        baseline: Level,
        latest: Level,
        target: Level,
        /// Share of the way from baseline to target covered by `latest` (can be < 0 or > 1).
        share: f64,
        status: Status,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The latest level already meets the target.
    Met,
    /// Moving towards the target.
    Improving,
    /// Moving away from the target.
    Worsening,
}

/// The plan's baseline: the printed level of its base year (the latest year up to 2020), a number
/// over words; else its earliest printed level. Derived levels are never the baseline.
pub fn baseline(indicator: &Indicator) -> Option<&Observation> {
    let printed = || {
        indicator
            .values
            .iter()
            .filter(|o| o.kind == ValueKind::Actual && !o.is_derived())
    };
    printed()
        .filter(|o| o.year <= BASE_YEAR)
        .max_by_key(|o| (o.year, o.value.is_some()))
        .or_else(|| printed().min_by_key(|o| (o.year, o.value.is_none())))
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

/// The year before the plans' period: their baseline.
const BASE_YEAR: u16 = 2020;

fn actuals(indicator: &Indicator) -> Vec<Level> {
    let mut levels: Vec<Level> = indicator
        .values
        .iter()
        .filter(|o| o.kind == ValueKind::Actual && !o.is_derived())
        .filter_map(|o| {
            o.value.map(|value| Level {
                year: o.year,
                value,
            })
        })
        .collect();
    levels.sort_by_key(|l| l.year);
    levels
}

/// Progress of `indicator` towards its latest target. `better` comes from the metric catalog; for
/// an indicator without a metric it is read from the direction of baseline to target.
pub fn progress(indicator: &Indicator, better: Option<Better>) -> Progress {
    // A five-year total is not a level to measure progress against.
    let Some(goal) = indicator.target().filter(|g| !g.cumulative) else {
        return Progress::NoTarget;
    };
    let Some(target_value) = goal.value else {
        return match &goal.text {
            Some(words) => Progress::Qualitative {
                year: goal.year,
                words: words.clone(),
            },
            None => Progress::NoTarget,
        };
    };
    let target = Level {
        year: goal.year,
        value: target_value,
    };
    let levels: Vec<Level> = actuals(indicator)
        .into_iter()
        .filter(|l| l.year <= target.year)
        .collect();
    let Some(baseline) = baseline(indicator).and_then(|o| {
        o.value.map(|value| Level {
            year: o.year,
            value,
        })
    }) else {
        return Progress::NoBaseline { target };
    };
    // Progress is measured from the baseline on: earlier levels are history.
    let levels: Vec<Level> = levels
        .into_iter()
        .filter(|l| l.year >= baseline.year)
        .collect();
    let latest = levels.last().copied().unwrap_or(baseline);
    if latest.year == baseline.year {
        return Progress::NotYetMeasured {
            baseline,
            target,
            required: target.value - baseline.value,
        };
    }
    let better = better.unwrap_or(if target.value < baseline.value {
        Better::Lower
    } else {
        Better::Higher
    });
    let met = match better {
        Better::Lower => latest.value <= target.value,
        Better::Higher => latest.value >= target.value,
    };
    let gap = target.value - baseline.value;
    let share = if gap.abs() < f64::EPSILON {
        if met {
            1.0
        } else {
            0.0
        }
    } else {
        (latest.value - baseline.value) / gap
    };
    let towards = match better {
        Better::Lower => latest.value < baseline.value,
        Better::Higher => latest.value > baseline.value,
    };
    let status = if met {
        Status::Met
    } else if towards {
        Status::Improving
    } else {
        Status::Worsening
    };
    Progress::Measured {
        baseline,
        latest,
        target,
        share,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Domain;

    fn obs(year: u16, value: Option<f64>, kind: ValueKind) -> Observation {
        let mut o = Observation::fixture(year, value, kind);
        o.text = value.is_none().then(|| Text {
            zh: "完成省定目标".into(),
            en: "Meet the provincial target".into(),
        });
        o
    }

    fn indicator(values: Vec<Observation>) -> Indicator {
        Indicator {
            id: "x".into(),
            metric: None,
            domain: Domain::Air,
            group: None,
            row: None,
            name: Text {
                zh: "x".into(),
                en: "x".into(),
            },
            unit: "μg/m³".into(),
            binding: None,
            scope: None,
            notes: vec![],
            values,
        }
    }

    use ValueKind::{Actual, Change, Target};

    #[test]
    fn qualitative_target_is_words_not_a_number() {
        let ind = indicator(vec![obs(2020, Some(51.0), Actual), obs(2025, None, Target)]);
        let Progress::Qualitative { year, words } = progress(&ind, Some(Better::Lower)) else {
            panic!()
        };
        assert_eq!((year, words.zh.as_str()), (2025, "完成省定目标"));
    }

    #[test]
    fn a_baseline_alone_gives_the_distance_to_go_not_a_progress_bar() {
        let ind = indicator(vec![
            obs(2020, Some(56.0), Actual),
            obs(2025, Some(43.0), Target),
        ]);
        assert_eq!(
            progress(&ind, Some(Better::Lower)),
            Progress::NotYetMeasured {
                baseline: Level {
                    year: 2020,
                    value: 56.0
                },
                target: Level {
                    year: 2025,
                    value: 43.0
                },
                required: -13.0,
            }
        );
    }

    #[test]
    fn a_later_level_measures_the_share_of_the_way_covered() {
        let ind = indicator(vec![
            obs(2015, Some(90.0), Actual),
            obs(2020, Some(56.0), Actual),
            obs(2022, Some(50.0), Actual),
            obs(2025, Some(43.0), Target),
        ]);
        let Progress::Measured {
            baseline,
            latest,
            share,
            status,
            ..
        } = progress(&ind, Some(Better::Lower))
        else {
            panic!()
        };
        assert_eq!(baseline.year, 2020, "2020 is the baseline, not 2015");
        assert_eq!(
            latest,
            Level {
                year: 2022,
                value: 50.0
            }
        );
        assert!((share - 6.0 / 13.0).abs() < 1e-9);
        assert_eq!(status, Status::Improving);
    }

    #[test]
    fn status_follows_which_direction_is_better() {
        let worse = indicator(vec![
            obs(2020, Some(72.1), Actual),
            obs(2023, Some(70.0), Actual),
            obs(2025, Some(75.0), Target),
        ]);
        let Progress::Measured { status, share, .. } = progress(&worse, Some(Better::Higher))
        else {
            panic!()
        };
        assert_eq!(status, Status::Worsening);
        assert!(share < 0.0);
        let met = indicator(vec![
            obs(2020, Some(60.0), Actual),
            obs(2023, Some(42.0), Actual),
            obs(2025, Some(43.0), Target),
        ]);
        let Progress::Measured { status, .. } = progress(&met, None) else {
            panic!()
        };
        assert_eq!(
            status,
            Status::Met,
            "direction read from baseline to target"
        );
    }

    #[test]
    fn changes_and_derived_values_are_not_levels() {
        let mut derived = obs(2015, Some(80.0), Actual);
        derived.derived = Some(crate::model::Derivation {
            rule: crate::model::Rule::RelativeChange,
            level: crate::model::ValueRef {
                year: 2020,
                kind: Actual,
            },
            change: crate::model::ValueRef {
                year: 2020,
                kind: Change,
            },
            formula: Text {
                zh: "f".into(),
                en: "f".into(),
            },
        });
        let ind = indicator(vec![
            derived,
            obs(2020, Some(35.6), Change),
            obs(2025, Some(43.0), Target),
        ]);
        assert_eq!(
            progress(&ind, None),
            Progress::NoBaseline {
                target: Level {
                    year: 2025,
                    value: 43.0
                }
            }
        );
        assert_eq!(progress(&indicator(vec![]), None), Progress::NoTarget);
    }
}
