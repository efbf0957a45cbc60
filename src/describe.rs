//! Sentences built from the data, in the reader's language: years, lines, what a point is, and
//! progress to target told honestly.

use crate::format::{format_value, with_unit};
use crate::i18n::{t, Key};
use crate::lang::Lang;
use crate::progress::{Progress, Status};

/// What a charted point is: measured, a target, or derived by us.
pub fn point_kind_label(lang: Lang, kind: crate::series::PointKind) -> &'static str {
    match kind {
        crate::series::PointKind::Actual => t(lang, Key::Measured),
        crate::series::PointKind::Target | crate::series::PointKind::WordTarget => {
            t(lang, Key::Target)
        }
        crate::series::PointKind::Derived => t(lang, Key::Derived),
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
