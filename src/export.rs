//! The current city's indicators as CSV for the download button: one row per value, printed or
//! derived (a derived row names its formula and both inputs' lines and sentences).

use crate::format::value_text;
use crate::lang::Lang;
use crate::model::{Binding, CityData};

const HEADER: [&str; 16] = [
    "indicator_id",
    "metric",
    "row",
    "name",
    "unit",
    "binding",
    "year",
    "kind",
    "value",
    "as_printed",
    "cumulative",
    "source_file",
    "source_line",
    "source_quote",
    "derived_formula",
    "data_version",
];

/// CSV with a byte-order mark, so spreadsheet programs read the Chinese as UTF-8.
/// `version`: the data's version (`2026-12-03 1a2b3c4d`), on every row.
pub fn city_csv(city: &CityData, lang: Lang, version: &str) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for ind in &city.indicators {
        for v in &ind.values {
            let binding = match ind.binding {
                Some(Binding::Binding) => "binding",
                Some(Binding::Expected) => "expected",
                None => "",
            };
            let kind = if v.is_derived() {
                "derived"
            } else {
                v.kind.code()
            };
            // A derived value is printed nowhere: its sources are its two inputs'.
            let sources: Vec<&crate::model::Provenance> = match &v.derived {
                Some(d) => crate::derive::inputs(ind, v.year, d)
                    .map(|i| {
                        [i.level, i.change]
                            .iter()
                            .filter_map(|o| o.source.as_ref())
                            .collect()
                    })
                    .unwrap_or_default(),
                None => v.source.iter().collect(),
            };
            let lines: Vec<String> = sources.iter().map(|s| s.line.to_string()).collect();
            // The plan's text, or the further document's a value cites.
            let mut files: Vec<&str> = sources
                .iter()
                .map(|s| {
                    s.document
                        .as_ref()
                        .and_then(|id| city.documents.iter().find(|d| &d.id == id))
                        .map_or(city.plan.source_file.as_str(), |d| d.source_file.as_str())
                })
                .collect();
            files.dedup();
            let quotes: Vec<&str> = sources.iter().map(|s| s.quote.as_str()).collect();
            let fields = [
                ind.id.clone(),
                ind.metric.clone().unwrap_or_default(),
                ind.row.map(|r| r.to_string()).unwrap_or_default(),
                ind.name.get(lang).to_string(),
                ind.unit.clone(),
                binding.to_string(),
                v.year.to_string(),
                kind.to_string(),
                v.value.map(crate::format::format_value).unwrap_or_default(),
                value_text(lang, v, &ind.unit),
                if v.cumulative { "yes" } else { "" }.to_string(),
                files.join("; "),
                lines.join("; "),
                quotes.join(" / "),
                v.derived
                    .as_ref()
                    .map(|d| d.formula.get(lang).to_string())
                    .unwrap_or_default(),
                version.to_string(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// A field quoted when it must be (RFC 4180), and defused when a spreadsheet would run it: text
/// beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice
/// on CSV injection). A plain number (`-5`, `-0.5`, `+3`) is left as it is, so it stays a number.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(s) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', '\t']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A decimal number as `format_value` writes one: an optional sign, digits, at most one point.
/// (Not `f64::from_str`, which also takes `-inf`, `+NaN` and `1e5`.)
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_city;

    #[test]
    fn every_printed_value_is_a_row_with_its_source() {
        let json = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/cities/jiaozuo.json"
        ))
        .unwrap();
        let city = parse_city("jiaozuo", &json).unwrap();
        let csv = city_csv(&city, Lang::Zh, "2026-12-03 1a2b3c4d");
        assert!(csv.starts_with("\u{feff}indicator_id,metric,row,name,"));
        let values: usize = city.indicators.iter().map(|i| i.values.len()).sum();
        assert_eq!(csv.matches("\r\n").count(), values + 1);
        assert!(csv.contains("\r\npm25,pm25,1,城市细颗粒物(PM2.5)浓度,μg/m³,binding,2020,actual,56,56 μg/m³,,jiaozuo.txt,142,56,,2026-12-03 1a2b3c4d\r\n"), "{}", &csv[..600]);
        // The derived 2015 level: marked, with both inputs' lines and sentences and its formula.
        let derived = csv
            .lines()
            .find(|l| l.starts_with("pm25,pm25,1,") && l.contains(",2015,"))
            .unwrap();
        assert!(
            derived.contains(",2015,derived,87,≈87 μg/m³,,jiaozuo.txt,142; 52,"),
            "{derived}"
        );
        assert!(
            derived.ends_with(
                ",56 ÷ (1 − 35.6%) ≈ 87（由2020年的56及“比2015年下降35.6%”推算）,2026-12-03 1a2b3c4d"
            ),
            "{derived}"
        );
    }

    #[test]
    fn fields_are_quoted_when_they_must_be() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("两行\n文字"), "\"两行\n文字\"");
        assert_eq!(csv_field("a\tb"), "\"a\tb\"");
        assert_eq!(csv_field("56 μg/m³"), "56 μg/m³");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("=1+2"), "'=1+2");
        assert_eq!(csv_field("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-"), "'-");
        // `f64` would read these; a spreadsheet sees text, or worse.
        assert_eq!(csv_field("-inf"), "'-inf");
        assert_eq!(csv_field("+1e5"), "'+1e5");
    }

    #[test]
    fn a_leading_tab_or_carriage_return_is_defused_and_quoted() {
        assert_eq!(csv_field("\t=1+2"), "\"'\t=1+2\"");
        assert_eq!(csv_field("\r=1+2"), "\"'\r=1+2\"");
        assert_eq!(csv_field("\tplain"), "\"'\tplain\"");
    }

    #[test]
    fn numbers_stay_plain_numbers() {
        for n in ["-5", "-0.5", "+3", "5", "0.8618", "-12.25"] {
            assert_eq!(csv_field(n), n);
        }
        assert_eq!(csv_field(&crate::format::format_value(-5.0)), "-5");
        assert_eq!(csv_field(&crate::format::format_value(-0.5)), "-0.5");
        // Not numbers: a second point, no digit.
        assert_eq!(csv_field("-1.2.3"), "'-1.2.3");
        assert_eq!(csv_field("-."), "'-.");
    }
}
