//! Earlier levels derived from what a plan prints: a level for one year and its change against an
//! earlier year give the earlier level. Used by the validator (to recompute every derived value)
//! and by the views (to show the inputs' sentences beside the result).

use crate::model::{Derivation, Direction, Indicator, Observation, Rule, ValueKind, ValueRef};
use std::fmt;

/// Why a derived value cannot be recomputed from its inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum DeriveError {
    /// An input names no value of the indicator, or a value without a number.
    MissingInput {
        which: &'static str,
        input: ValueRef,
    },
    /// The input is itself derived: only printed values may be inputs.
    DerivedInput { which: &'static str },
    /// The change is not a change, or not against the derived value's year.
    WrongChange { expected_against: u16 },
    /// The units do not fit the rule (a relative change of a share is ambiguous).
    Units {
        rule: Rule,
        level_unit: String,
        change_unit: String,
    },
    /// A fall of 100% or more leaves nothing to divide by.
    Impossible,
}

impl fmt::Display for DeriveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeriveError::MissingInput { which, input } => write!(
                f,
                "its {which} input names no printed number of this indicator ({} {})",
                input.year,
                input.kind.code()
            ),
            DeriveError::DerivedInput { which } => {
                write!(f, "its {which} input is itself derived; inputs must be printed values")
            }
            DeriveError::WrongChange { expected_against } => write!(
                f,
                "its change input must be a change against {expected_against}, the derived value's year"
            ),
            DeriveError::Units {
                rule,
                level_unit,
                change_unit,
            } => write!(
                f,
                "rule {} does not fit a level in «{level_unit}» and a change in «{change_unit}»: {}",
                rule_code(*rule),
                match rule_for(level_unit, change_unit) {
                    Ok(fits) => format!("the units call for {}", rule_code(fits)),
                    Err(why) => why.to_string(),
                }
            ),
            DeriveError::Impossible => write!(f, "a fall of 100% or more cannot be undone"),
        }
    }
}

pub fn rule_code(rule: Rule) -> &'static str {
    match rule {
        Rule::RelativeChange => "relative_change",
        Rule::PercentagePoints => "percentage_points",
        Rule::AbsoluteChange => "absolute_change",
    }
}

/// Why units leave the rule open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambiguous {
    /// `72.1%，比2015年提高35.7%`: a relative change, or percentage points?
    ShareChangedByPercent,
    /// A change in a unit that is neither the level's, `%` nor percentage points.
    UnrelatedUnits,
}

impl fmt::Display for Ambiguous {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Ambiguous::ShareChangedByPercent => {
                "a share changed by a per cent may be relative or in percentage points, so nothing can be derived"
            }
            Ambiguous::UnrelatedUnits => "the change's unit is neither the level's, % nor percentage points",
        })
    }
}

/// The only rule the units of a level and its change allow, or why they allow none.
pub fn rule_for(level_unit: &str, change_unit: &str) -> Result<Rule, Ambiguous> {
    match (level_unit, change_unit) {
        ("%", "percentage points") => Ok(Rule::PercentagePoints),
        ("%", "%") => Err(Ambiguous::ShareChangedByPercent),
        (_, "%") => Ok(Rule::RelativeChange),
        (level, change) if level == change => Ok(Rule::AbsoluteChange),
        _ => Err(Ambiguous::UnrelatedUnits),
    }
}

/// Decimals as printed: `51` has 0, `35.6` has 1, `5.65` has 2.
pub fn decimals(v: f64) -> u32 {
    let text = crate::format::format_value(v);
    text.split_once('.').map_or(0, |(_, d)| d.len() as u32)
}

fn round_to(v: f64, places: u32) -> f64 {
    let scale = 10f64.powi(places as i32);
    (v * scale).round() / scale
}

/// The earlier level, rounded no finer than the coarser of its two inputs.
pub fn apply(rule: Rule, level: f64, change: f64, direction: Direction) -> Option<f64> {
    let raw = match (rule, direction) {
        (Rule::RelativeChange, Direction::Down) if change >= 100.0 => return None,
        (Rule::RelativeChange, Direction::Down) => level / (1.0 - change / 100.0),
        (Rule::RelativeChange, Direction::Up) => level / (1.0 + change / 100.0),
        (Rule::PercentagePoints | Rule::AbsoluteChange, Direction::Down) => level + change,
        (Rule::PercentagePoints | Rule::AbsoluteChange, Direction::Up) => level - change,
    };
    Some(round_to(raw, decimals(level).min(decimals(change))))
}

/// The two printed values a derivation names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inputs<'a> {
    pub level: &'a Observation,
    pub change: &'a Observation,
}

fn find<'a>(
    indicator: &'a Indicator,
    which: &'static str,
    input: ValueRef,
) -> Result<&'a Observation, DeriveError> {
    let found = indicator
        .values
        .iter()
        .find(|v| v.year == input.year && v.kind == input.kind && v.value.is_some())
        .ok_or(DeriveError::MissingInput { which, input })?;
    if found.is_derived() {
        return Err(DeriveError::DerivedInput { which });
    }
    Ok(found)
}

/// The printed values a derived value of `year` names, checked to be the right kind.
pub fn inputs<'a>(
    indicator: &'a Indicator,
    year: u16,
    derivation: &Derivation,
) -> Result<Inputs<'a>, DeriveError> {
    let level = find(indicator, "level", derivation.level)?;
    if level.kind == ValueKind::Change {
        return Err(DeriveError::MissingInput {
            which: "level",
            input: derivation.level,
        });
    }
    let change = find(indicator, "change", derivation.change)?;
    if change.kind != ValueKind::Change || change.against != Some(year) || change.year != level.year
    {
        return Err(DeriveError::WrongChange {
            expected_against: year,
        });
    }
    Ok(Inputs { level, change })
}

/// Recomputes a derived value of `indicator` from its inputs.
pub fn recompute(
    indicator: &Indicator,
    year: u16,
    derivation: &Derivation,
) -> Result<f64, DeriveError> {
    let Inputs { level, change } = inputs(indicator, year, derivation)?;
    let level_unit = level.unit.as_deref().unwrap_or(&indicator.unit);
    let change_unit = change.unit.as_deref().unwrap_or(&indicator.unit);
    if rule_for(level_unit, change_unit) != Ok(derivation.rule) {
        return Err(DeriveError::Units {
            rule: derivation.rule,
            level_unit: level_unit.to_string(),
            change_unit: change_unit.to_string(),
        });
    }
    let (Some(level_value), Some(change_value), Some(direction)) =
        (level.value, change.value, change.direction)
    else {
        return Err(DeriveError::MissingInput {
            which: "change",
            input: derivation.change,
        });
    };
    apply(derivation.rule, level_value, change_value, direction).ok_or(DeriveError::Impossible)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Domain, Text};

    fn change(value: f64, unit: Option<&str>, direction: Direction) -> Observation {
        let mut o = Observation::fixture(2020, Some(value), ValueKind::Change);
        o.against = Some(2015);
        o.direction = Some(direction);
        o.unit = unit.map(String::from);
        o
    }

    fn derivation(rule: Rule) -> Derivation {
        Derivation {
            rule,
            level: ValueRef {
                year: 2020,
                kind: ValueKind::Actual,
            },
            change: ValueRef {
                year: 2020,
                kind: ValueKind::Change,
            },
            formula: Text {
                zh: "f".into(),
                en: "f".into(),
            },
        }
    }

    fn indicator(unit: &str, level: f64, change: Observation) -> Indicator {
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
            unit: unit.into(),
            binding: None,
            scope: None,
            notes: vec![],
            values: vec![
                Observation::fixture(2020, Some(level), ValueKind::Actual),
                change,
            ],
        }
    }

    #[test]
    fn a_relative_fall_divides_by_what_is_left_and_rounds_to_its_inputs() {
        // Pingdingshan: PM2.5 51 μg/m³ in 2020, down 42% on 2015.
        assert_eq!(
            apply(Rule::RelativeChange, 51.0, 42.0, Direction::Down),
            Some(88.0)
        );
        // Xingtai: composite index 5.65, down 41.9%: one decimal, the coarser input's.
        assert_eq!(
            apply(Rule::RelativeChange, 5.65, 41.9, Direction::Down),
            Some(9.7)
        );
        // Jiaozuo: 210 good days, up 31.4%.
        assert_eq!(
            apply(Rule::RelativeChange, 210.0, 31.4, Direction::Up),
            Some(160.0)
        );
        assert_eq!(
            apply(Rule::RelativeChange, 5.0, 100.0, Direction::Down),
            None
        );
    }

    #[test]
    fn points_and_absolute_amounts_are_added_back_or_taken_off() {
        assert_eq!(
            apply(Rule::PercentagePoints, 60.5, 3.5, Direction::Up),
            Some(57.0)
        );
        assert_eq!(
            apply(Rule::PercentagePoints, 57.5, 2.5, Direction::Down),
            Some(60.0)
        );
        // 60.5 − 3: the 3 is printed in whole points, so the result is too.
        assert_eq!(
            apply(Rule::PercentagePoints, 60.5, 3.0, Direction::Up),
            Some(58.0)
        );
        // Xingtai: 212 good days, 72 more than in 2015; 16 heavy days, 34 fewer.
        assert_eq!(
            apply(Rule::AbsoluteChange, 212.0, 72.0, Direction::Up),
            Some(140.0)
        );
        assert_eq!(
            apply(Rule::AbsoluteChange, 16.0, 34.0, Direction::Down),
            Some(50.0)
        );
    }

    #[test]
    fn the_units_choose_the_rule_and_a_share_changed_by_a_percent_is_ambiguous() {
        assert_eq!(rule_for("μg/m³", "%"), Ok(Rule::RelativeChange));
        assert_eq!(
            rule_for("%", "percentage points"),
            Ok(Rule::PercentagePoints)
        );
        assert_eq!(rule_for("days", "days"), Ok(Rule::AbsoluteChange));
        assert_eq!(rule_for("", "%"), Ok(Rule::RelativeChange));
        assert_eq!(rule_for("%", "%"), Err(Ambiguous::ShareChangedByPercent));
        assert_eq!(rule_for("days", "μg/m³"), Err(Ambiguous::UnrelatedUnits));
    }

    #[test]
    fn recompute_reads_the_named_inputs_and_checks_their_units() {
        let pm25 = indicator("μg/m³", 51.0, change(42.0, Some("%"), Direction::Down));
        assert_eq!(
            recompute(&pm25, 2015, &derivation(Rule::RelativeChange)),
            Ok(88.0)
        );
        let err = recompute(&pm25, 2015, &derivation(Rule::AbsoluteChange)).unwrap_err();
        assert!(matches!(err, DeriveError::Units { .. }), "{err:?}");
        assert!(
            err.to_string().contains("call for relative_change"),
            "{err}"
        );

        // Pingdingshan's good-air share: 72.1%, 比2015年提高35.7%.
        let share = indicator("%", 72.1, change(35.7, None, Direction::Up));
        let err = recompute(&share, 2015, &derivation(Rule::RelativeChange)).unwrap_err();
        assert!(
            err.to_string()
                .contains("may be relative or in percentage points"),
            "{err}"
        );
    }

    #[test]
    fn an_input_that_is_missing_or_against_another_year_is_reported() {
        let pm25 = indicator("μg/m³", 51.0, change(42.0, Some("%"), Direction::Down));
        let mut d = derivation(Rule::RelativeChange);
        d.level.year = 2019;
        assert!(matches!(
            recompute(&pm25, 2015, &d),
            Err(DeriveError::MissingInput { which: "level", .. })
        ));
        assert_eq!(
            recompute(&pm25, 2016, &derivation(Rule::RelativeChange)),
            Err(DeriveError::WrongChange {
                expected_against: 2016
            })
        );
    }
}
