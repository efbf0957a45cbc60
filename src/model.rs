//! The data model shared by the widget and the data validator: what a city file holds.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A string in both languages of the widget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Zh => &self.zh,
            crate::i18n::Lang::En => &self.en,
        }
    }
}

/// Where a number or an action comes from: a line of `data/sources/<city>.txt` and the words there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub line: u32,
    pub quote: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Domain {
    Air,
    Water,
    Soil,
    Ecology,
    Climate,
    Pollutants,
    Other,
}

/// 约束性 (binding) or 预期性 (expected), as the plan's table marks an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    Binding,
    Expected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Actual,
    Target,
    Change,
}

/// One printed figure (or printed words) of an indicator for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub year: u16,
    /// `None` when the plan prints words instead of a number.
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    pub kind: ValueKind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub derived: bool,
    pub source: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub metric: Option<String>,
    pub domain: Domain,
    pub name: Text,
    pub unit: String,
    #[serde(default)]
    pub binding: Option<Binding>,
    pub values: Vec<Observation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub title: Text,
    pub issuer: Option<Text>,
    pub number: Option<String>,
    pub date: Option<String>,
    pub period: String,
    pub source_file: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CityData {
    pub city: String,
    pub name: Text,
    pub plan: Plan,
    pub indicators: Vec<Indicator>,
}

/// Why a data file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// The file is not valid JSON or does not have the expected shape.
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Parse {
                file,
                line,
                column,
                message,
            } => write!(f, "{file}:{line}:{column}: {message}"),
        }
    }
}

impl std::error::Error for DataError {}

pub fn parse_city(file: &str, json: &str) -> Result<CityData, DataError> {
    serde_json::from_str(json).map_err(|e| DataError::Parse {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../data/sample/jiaozuo-pm25.json");

    #[test]
    fn sample_file_parses_with_its_printed_values() {
        let city = parse_city("sample", SAMPLE).expect("sample parses");
        assert_eq!(city.name.zh, "焦作市");
        let pm = &city.indicators[0];
        assert_eq!(pm.unit, "μg/m³");
        let pairs: Vec<_> = pm
            .values
            .iter()
            .map(|v| (v.year, v.value, v.kind))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (2020, Some(56.0), ValueKind::Actual),
                (2025, Some(43.0), ValueKind::Target)
            ]
        );
    }

    #[test]
    fn truncated_json_names_file_and_position() {
        let err = parse_city("jiaozuo.json", &SAMPLE[..40]).unwrap_err();
        let DataError::Parse { file, line, .. } = &err;
        assert_eq!(file, "jiaozuo.json");
        assert!(*line >= 1);
        assert!(err.to_string().starts_with("jiaozuo.json:"), "{err}");
        assert!(err.to_string().contains("EOF"), "{err}");
    }

    #[test]
    fn words_instead_of_a_number_stay_words() {
        let json = r#"{"year":2025,"value":null,"text":{"zh":"完成省定目标","en":"Meet the provincial target"},
            "kind":"target","source":{"line":165,"quote":"完成省定目标"}}"#;
        let obs: Observation = serde_json::from_str(json).unwrap();
        assert_eq!(obs.value, None);
        assert_eq!(obs.text.unwrap().zh, "完成省定目标");
    }
}
