//! A value as a reader should read it, in their language: a level, a target with its bound, a
//! five-year total, a change against another year, or the plan's words.

use crate::lang::Lang;
use crate::model::{Bound, Direction, Observation, ValueKind};

/// A value as the plan prints it: no trailing zeros, up to the four decimals the plans use.
/// Written with integers: core's float formatting would add about 10 KB to the wasm.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    // Saturates far beyond any figure a plan prints (1.8e15).
    let scaled = (v.abs() * 10_000.0).round() as u64;
    let (whole, fraction) = (scaled / 10_000, scaled % 10_000);
    let sign = if v < 0.0 && scaled != 0 { "-" } else { "" };
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:04}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// The value with its unit (or the plan's words), e.g. `≥ 95%`, `比2015年下降 35.6%`.
pub fn value_text(lang: Lang, obs: &Observation, indicator_unit: &str) -> String {
    let Some(value) = obs.value else {
        return obs
            .text
            .as_ref()
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default();
    };
    let unit = obs.unit.as_deref().unwrap_or(indicator_unit);
    let amount = with_unit(lang, &format_value(value), unit);
    let amount = match obs.bound {
        None => amount,
        Some(bound) => format!("{} {amount}", bound_sign(bound)),
    };
    // A derived level is an estimate: it says so wherever it is written.
    let amount = if obs.is_derived() {
        format!("≈{amount}")
    } else {
        amount
    };
    let amount = if obs.kind == ValueKind::Change {
        let against = obs.against.unwrap_or(obs.year);
        match (lang, obs.direction) {
            (Lang::Zh, Some(Direction::Down)) => format!("比{against}年下降 {amount}"),
            (Lang::Zh, _) => format!("比{against}年提高 {amount}"),
            (Lang::En, Some(Direction::Down)) => format!("down {amount} on {against}"),
            (Lang::En, _) => format!("up {amount} on {against}"),
        }
    } else {
        amount
    };
    if obs.cumulative {
        match lang {
            Lang::Zh => format!("{amount}（五年累计）"),
            Lang::En => format!("{amount} (five-year total)"),
        }
    } else {
        amount
    }
}

pub fn bound_sign(bound: Bound) -> &'static str {
    match bound {
        Bound::AtLeast => "≥",
        Bound::AtMost => "≤",
        Bound::Below => "<",
        Bound::Above => ">",
    }
}

/// A unit as a caption on its own (above a chart's value axis), in the reader's language.
pub fn unit_label(lang: Lang, unit: &str) -> &str {
    match (lang, unit) {
        (Lang::Zh, "days") => "天",
        (Lang::Zh, "count") => "个",
        (_, "percentage points") if lang == Lang::Zh => "个百分点",
        _ => unit,
    }
}

/// A number and its unit with the spacing each language expects (`95%`, `56 μg/m³`, `92天`).
pub fn with_unit(lang: Lang, number: &str, unit: &str) -> String {
    match unit {
        "" => number.to_string(),
        "%" => format!("{number}%"),
        "days" => match lang {
            Lang::Zh => format!("{number}天"),
            Lang::En => format!("{number} days"),
        },
        "count" => number.to_string(),
        "percentage points" => match lang {
            Lang::Zh => format!("{number}个百分点"),
            Lang::En => format!("{number} percentage points"),
        },
        _ => format!("{number} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn obs(value: Option<f64>, kind: ValueKind) -> Observation {
        Observation::fixture(2020, value, kind)
    }

    #[test]
    fn values_are_formatted_as_printed() {
        assert_eq!(format_value(56.0), "56");
        assert_eq!(format_value(57.5), "57.5");
        assert_eq!(format_value(0.8618), "0.8618");
        assert_eq!(format_value(100.0), "100");
        assert_eq!(format_value(0.05), "0.05");
        assert_eq!(format_value(1.0001), "1.0001");
        assert_eq!(format_value(9.99996), "10");
        assert_eq!(format_value(-13.0), "-13");
        assert_eq!(format_value(-0.4), "-0.4");
        assert_eq!(format_value(-0.00001), "0");
        assert_eq!(format_value(f64::NAN), "—");
    }

    #[test]
    fn a_change_says_its_direction_base_year_and_unit() {
        let mut change = obs(Some(35.6), ValueKind::Change);
        change.against = Some(2015);
        change.direction = Some(Direction::Down);
        change.unit = Some("%".into());
        assert_eq!(value_text(Lang::Zh, &change, "μg/m³"), "比2015年下降 35.6%");
        assert_eq!(value_text(Lang::En, &change, "μg/m³"), "down 35.6% on 2015");
    }

    #[test]
    fn levels_bounds_and_totals_read_as_printed() {
        assert_eq!(
            value_text(Lang::Zh, &obs(Some(56.0), ValueKind::Actual), "μg/m³"),
            "56 μg/m³"
        );
        let mut target = obs(Some(95.0), ValueKind::Target);
        target.bound = Some(Bound::AtLeast);
        assert_eq!(value_text(Lang::En, &target, "%"), "≥ 95%");
        let mut total = obs(Some(0.8618), ValueKind::Target);
        total.cumulative = true;
        assert_eq!(
            value_text(Lang::Zh, &total, "万吨"),
            "0.8618 万吨（五年累计）"
        );
        assert_eq!(
            value_text(Lang::En, &total, "万吨"),
            "0.8618 万吨 (five-year total)"
        );
        assert_eq!(with_unit(Lang::Zh, "212", "days"), "212天");
    }

    #[test]
    fn qualitative_target_is_shown_as_text_not_zero() {
        let mut words = obs(None, ValueKind::Target);
        words.text = Some(Text {
            zh: "完成省定目标".into(),
            en: "Meet the provincial target".into(),
        });
        assert_eq!(value_text(Lang::Zh, &words, "%"), "完成省定目标");
        assert_eq!(
            value_text(Lang::En, &words, "%"),
            "Meet the provincial target"
        );
    }
}
