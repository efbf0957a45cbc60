//! The data model shared by the widget and the data validator: what `data/` holds
//! (see `docs/data-format.md`).

use std::fmt;

/// A city as the picker lists it before its file arrives: its file's id, name and province. The
/// build writes the list into the page (scripts/postbuild.mjs); nothing else lists the cities.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct CityEntry {
    pub id: String,
    pub name: Text,
    pub province: Text,
}

/// The cities the widget offers, in the picker's order, and the one it opens with.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct CityIndex {
    pub default: String,
    pub cities: Vec<CityEntry>,
    /// The data's version as the build derives it: the date of its newest change
    /// (data/CHANGELOG.md) and a short hash of everything in data/, `2026-12-03 1a2b3c4d`.
    #[serde(default)]
    pub version: String,
}

/// `data/settings.json`: the one setting that is not a city's own, the city a first visit opens.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub default_city: String,
}

impl CityIndex {
    /// The list as the build makes it from the city files: by province (its English name, so
    /// 河北 before 河南), then by id (the name in pinyin); the default is the settings' city if
    /// it has a file, else the first. scripts/postbuild.mjs orders them the same way.
    pub fn from_cities(default_city: &str, mut cities: Vec<CityEntry>) -> CityIndex {
        cities.sort_by(|a, b| (&a.province.en, &a.id).cmp(&(&b.province.en, &b.id)));
        let default = if cities.iter().any(|c| c.id == default_city) {
            default_city.to_string()
        } else {
            cities.first().map(|c| c.id.clone()).unwrap_or_default()
        };
        CityIndex {
            default,
            cities,
            version: String::new(),
        }
    }
}

impl From<&CityData> for CityEntry {
    fn from(city: &CityData) -> CityEntry {
        CityEntry {
            id: city.city.clone(),
            name: city.name.clone(),
            province: city.province.clone(),
        }
    }
}

static CITY_INDEX: std::sync::OnceLock<CityIndex> = std::sync::OnceLock::new();

/// Sets the city list once, before anything asks for it: the widget from its page, the tools from
/// the data directory they were given. `false` if it was already set.
pub fn set_city_index(index: CityIndex) -> bool {
    CITY_INDEX.set(index).is_ok()
}

/// The city list; its strings live as long as the program. Unless set, natively the repository's
/// own `data/` (for tests), and in the browser none.
pub fn city_index() -> &'static CityIndex {
    CITY_INDEX.get_or_init(bundled_index)
}

#[cfg(target_arch = "wasm32")]
fn bundled_index() -> CityIndex {
    CityIndex {
        default: String::new(),
        cities: Vec::new(),
        version: String::new(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn bundled_index() -> CityIndex {
    read_city_index(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
}

/// The city list of a data directory: every city file that parses, and `settings.json`'s default.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_city_index(dir: &std::path::Path) -> CityIndex {
    let default = std::fs::read_to_string(dir.join("settings.json"))
        .ok()
        .and_then(|s| parse::<Settings>("settings.json", &s).ok())
        .map(|s| s.default_city)
        .unwrap_or_default();
    let mut cities = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir.join("cities")) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".json") {
                continue;
            }
            if let Some(city) = std::fs::read_to_string(entry.path())
                .ok()
                .and_then(|json| parse_city(&name, &json).ok())
            {
                cities.push(CityEntry::from(&city));
            }
        }
    }
    let mut index = CityIndex::from_cities(&default, cities);
    index.version = data_version(dir).unwrap_or_default();
    index
}

/// The data's version as scripts/cities.mjs derives it for the build: the first `## YYYY-MM-DD`
/// of `CHANGELOG.md` and the first 8 hex digits of a SHA-256 over every file (its path relative to
/// the directory, a NUL, its bytes, a NUL; by name at each level). `None` without a dated entry.
#[cfg(not(target_arch = "wasm32"))]
pub fn data_version(dir: &std::path::Path) -> Option<String> {
    use sha2::{Digest, Sha256};
    fn walk(root: &std::path::Path, dir: &std::path::Path, hash: &mut Sha256) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut names: Vec<_> = entries.flatten().map(|e| e.file_name()).collect();
        names.sort();
        for name in names {
            let path = dir.join(name);
            if path.is_dir() {
                walk(root, &path, hash);
            } else if let Ok(bytes) = std::fs::read(&path) {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                hash.update(rel.to_string_lossy().as_bytes());
                hash.update([0]);
                hash.update(&bytes);
                hash.update([0]);
            }
        }
    }
    let changelog = std::fs::read_to_string(dir.join("CHANGELOG.md")).ok()?;
    let date = changelog.lines().find_map(|l| {
        let d = l.strip_prefix("## ")?.trim_end();
        (d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-').then_some(d)
    })?;
    let mut hash = Sha256::new();
    walk(dir, dir, &mut hash);
    let hex: String = hash.finalize()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Some(format!("{date} {hex}"))
}

/// The city ids, in the order the widget lists them.
pub fn city_ids() -> impl Iterator<Item = &'static str> {
    city_index().cities.iter().map(|c| c.id.as_str())
}

/// A known city's id as a `'static` str, or `None` for anything else.
pub fn known_city(id: &str) -> Option<&'static str> {
    city_ids().find(|c| *c == id)
}

/// The city a first visit opens.
pub fn default_city() -> &'static str {
    known_city(&city_index().default)
        .or_else(|| city_ids().next())
        .unwrap_or("")
}

/// A string in both languages of the widget.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::Zh => &self.zh,
            crate::lang::Lang::En => &self.en,
        }
    }
}

/// Where a number or an action comes from: a line of the city's plan (`data/sources/<city>.txt`),
/// or of another of its documents (`document`: its id), and the words there.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    pub line: u32,
    pub quote: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Domain {
    Air,
    Water,
    Soil,
    Ecology,
    Climate,
    Pollutants,
    Risk,
    Other,
}

/// 约束性 (binding) or 预期性 (expected), as the plan's table marks an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    Binding,
    Expected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Actual,
    Target,
    Change,
}

impl ValueKind {
    /// As the data writes it: `actual`, `target`, `change`.
    pub fn code(self) -> &'static str {
        match self {
            ValueKind::Actual => "actual",
            ValueKind::Target => "target",
            ValueKind::Change => "change",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// `≥`/以上 (at least), `≤`/不高于 (at most), `<` (below), `>` (above).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    AtLeast,
    AtMost,
    Below,
    Above,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Lower,
    Higher,
}

/// One printed figure (or printed words) of an indicator for one year.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub year: u16,
    /// `None` when the plan prints words instead of a number.
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    pub kind: ValueKind,
    /// For a change: the year it is measured against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// When this value's unit differs from its indicator's (a change in % of a level in μg/m³).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    /// A five-year cumulative amount (printed in `[ ]`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cumulative: bool,
    /// Computed by us from two printed values of the same indicator, not printed itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<Derivation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Where the plan prints it; `None` only for a derived value, whose inputs carry theirs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
}

impl Observation {
    pub fn is_derived(&self) -> bool {
        self.derived.is_some()
    }
}

/// How a derived level follows from a printed level and a printed change against its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// `下降42%`: earlier = level ÷ (1 − 42%) (÷ (1 + p) for a rise).
    RelativeChange,
    /// `提高3个百分点`: earlier = level − 3 (+ 3 for a fall).
    PercentagePoints,
    /// `增加92天`: earlier = level − 92 (+ 92 for a fall).
    AbsoluteChange,
}

/// A value of the same indicator, named by its year and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ValueRef {
    pub year: u16,
    pub kind: ValueKind,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    pub rule: Rule,
    /// The printed level the derivation starts from.
    pub level: ValueRef,
    /// The printed change of that level against the derived value's year.
    pub change: ValueRef,
    /// The computation in words and numbers, e.g. `51 ÷ (1 − 42%) ≈ 88`.
    pub formula: Text,
}

#[cfg(test)]
impl Observation {
    /// A bare printed value, for tests to build on.
    pub(crate) fn fixture(year: u16, value: Option<f64>, kind: ValueKind) -> Observation {
        Observation {
            year,
            value,
            text: None,
            kind,
            against: None,
            direction: None,
            unit: None,
            bound: None,
            cumulative: false,
            derived: None,
            note: None,
            source: Some(Provenance {
                document: None,
                line: 1,
                quote: "q".into(),
            }),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub text: Text,
    pub source: Provenance,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub metric: Option<String>,
    pub domain: Domain,
    pub group: Option<String>,
    /// The row number (序号) in the plan's table; `None` for figures from the text.
    pub row: Option<u32>,
    pub name: Text,
    pub unit: String,
    pub binding: Option<Binding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Footnote>,
    pub values: Vec<Observation>,
}

impl Indicator {
    /// The target the plan sets for the end of its period: the latest target year, and a number
    /// over words where the plan prints both.
    pub fn target(&self) -> Option<&Observation> {
        self.values
            .iter()
            .filter(|v| v.kind == ValueKind::Target)
            .max_by_key(|v| (v.year, v.value.is_some()))
    }
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub title: Text,
    pub issuer: Option<Text>,
    pub number: Option<String>,
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub period: String,
    pub source_file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A further official document of a city besides its plan (an annual bulletin, a mid-term
/// review): values may cite it as they cite the plan. Its text is `data/sources/<city>.<id>.txt`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: Text,
    pub issuer: Text,
    /// As printed: `YYYY-MM-DD` or `YYYY-MM`.
    pub date: String,
    /// Where it is published, if online.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub source_file: String,
}

/// A number or words the plan attaches to an action or a measure.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub year: Option<u16>,
    pub value: Option<f64>,
    pub unit: String,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    pub source: Provenance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Travel,
    Vehicles,
    Waste,
    Food,
    Water,
    Energy,
    Consumption,
    Plastics,
    Homes,
    Participation,
    Education,
    Burning,
    Other,
}

/// Something the plan asks of citizens and households.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct GreenAction {
    pub id: String,
    pub theme: Theme,
    pub title: Text,
    pub summary: Text,
    pub you_can: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    pub source: Provenance,
}

/// One of the plan's main air or water measures.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub domain: Domain,
    pub title: Text,
    pub summary: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    pub source: Provenance,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct CityData {
    pub city: String,
    pub name: Text,
    pub province: Text,
    pub plan: Plan,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    pub groups: Vec<Group>,
    pub indicators: Vec<Indicator>,
    pub actions: Vec<GreenAction>,
    pub measures: Vec<Measure>,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: String,
    pub domain: Domain,
    pub name: Text,
    pub unit: String,
    pub better: Better,
}

/// A limit a national standard sets for a metric, drawn as a reference line on its charts.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub metric: String,
    pub value: f64,
    pub unit: String,
    /// e.g. 年平均 / Annual mean.
    pub averaging: Text,
    /// e.g. 二级 / Class II.
    pub class: Text,
    /// Where in the standard, e.g. 表1 / Table 1.
    pub table: Text,
}

/// A national standard the widget cites (GB 3095—2012), with the limits it sets.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub id: String,
    /// As printed on the standard, e.g. `GB 3095—2012`.
    pub number: String,
    pub title: Text,
    pub issuer: Text,
    /// `YYYY-MM-DD`: the date it was issued.
    pub date: String,
    pub limits: Vec<Limit>,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct MetricCatalog {
    pub metrics: Vec<Metric>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<Standard>,
}

impl MetricCatalog {
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }

    /// The standard's limit for a metric, with the standard it is from.
    pub fn limit(&self, metric: &str) -> Option<(&Standard, &Limit)> {
        self.standards
            .iter()
            .find_map(|s| s.limits.iter().find(|l| l.metric == metric).map(|l| (s, l)))
    }
}

/// Why a data file could not be read: which file, where in it, and what was wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// Not JSON at all, or cut short.
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not of the expected shape: `path` is the JSON path of the offending value.
    Shape {
        file: String,
        path: String,
        message: String,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Syntax {
                file,
                line,
                column,
                message,
            } => write!(f, "{file}:{line}:{column}: {message}"),
            DataError::Shape {
                file,
                path,
                message,
            } if path.is_empty() => {
                write!(f, "{file}: {message}")
            }
            DataError::Shape {
                file,
                path,
                message,
            } => write!(f, "{file}: {path}: {message}"),
        }
    }
}

impl std::error::Error for DataError {}

/// Parses JSON into `T` as serde_json reads it, and nothing after the value. Natively (the
/// validator, the tools) a value of the wrong shape is named by its JSON path
/// (serde_path_to_error), and a struct must be an object and an enum a string (see `strict`);
/// the widget, which reads what the validator passed, leaves both out and points at a line and
/// column.
pub fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    let mut de = serde_json::Deserializer::from_str(text);
    #[cfg(not(target_arch = "wasm32"))]
    let read = {
        let mut track = serde_path_to_error::Track::new();
        let tracked = serde_path_to_error::Deserializer::new(&mut de, &mut track);
        T::deserialize(crate::strict::Strict(tracked)).map_err(|e| (e, track.path().to_string()))
    };
    #[cfg(target_arch = "wasm32")]
    let read = T::deserialize(&mut de).map_err(|e| (e, String::new()));
    let read = read.and_then(|value| de.end().map(|()| value).map_err(|e| (e, String::new())));
    read.map_err(|(err, path)| data_error(file, err, path))
}

fn data_error(file: &str, err: serde_json::Error, path: String) -> DataError {
    let (line, column) = (err.line(), err.column());
    let message = err.to_string();
    match err.classify() {
        serde_json::error::Category::Data if !path.is_empty() => DataError::Shape {
            file: file.to_string(),
            path,
            // The path says where; serde_json's position adds nothing to it.
            message: message
                .strip_suffix(&format!(" at line {line} column {column}"))
                .unwrap_or(&message)
                .to_string(),
        },
        serde_json::error::Category::Data => DataError::Shape {
            file: file.to_string(),
            path,
            message,
        },
        _ => DataError::Syntax {
            file: file.to_string(),
            line,
            column,
            message,
        },
    }
}

pub fn parse_city(file: &str, json: &str) -> Result<CityData, DataError> {
    parse(file, json)
}

/// `data/index.json`, which the build writes: every city's plan and its indicators that have a
/// metric (their values and sources), for the views that show every city (Compare, Sources).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitiesIndex {
    pub cities: Vec<CityData>,
}

pub fn parse_index(file: &str, json: &str) -> Result<CitiesIndex, DataError> {
    parse(file, json)
}

pub fn parse_catalog(file: &str, json: &str) -> Result<MetricCatalog, DataError> {
    parse(file, json)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
      "city": "jiaozuo", "name": {"zh": "焦作市", "en": "Jiaozuo"}, "province": {"zh": "河南省", "en": "Henan"},
      "plan": {"title": {"zh": "规划", "en": "Plan"}, "issuer": null, "number": null, "date": null,
               "period": "2021-2025", "source_file": "jiaozuo.txt"},
      "groups": [], "indicators": [
        {"id": "pm25", "metric": "pm25", "domain": "air", "group": null, "row": 1,
         "name": {"zh": "PM2.5", "en": "PM2.5"}, "unit": "μg/m³", "binding": "binding",
         "values": [{"year": 2020, "value": 56, "kind": "actual", "source": {"line": 142, "quote": "56"}}]}
      ], "actions": [], "measures": []
    }"#;

    #[test]
    fn the_city_list_is_every_city_file_by_province_then_id_and_the_default_is_the_setting() {
        let ids: Vec<&str> = city_ids().collect();
        assert_eq!(
            ids,
            ["xingtai", "jiaozuo", "jiyuan", "pingdingshan", "zhengzhou"]
        );
        assert_eq!(default_city(), "pingdingshan");
        assert_eq!(known_city("jiaozuo"), Some("jiaozuo"));
        assert_eq!(known_city("<script>"), None);
    }

    #[test]
    fn a_city_file_parses() {
        let city = parse_city("jiaozuo.json", MINIMAL).unwrap();
        assert_eq!(city.indicators[0].values[0].value, Some(56.0));
        assert_eq!(city.indicators[0].binding, Some(Binding::Binding));
    }

    #[test]
    fn truncated_json_names_file_and_position() {
        let err = parse_city("jiaozuo.json", &MINIMAL[..40]).unwrap_err();
        assert!(matches!(err, DataError::Syntax { line: 2, .. }), "{err:?}");
        assert!(err.to_string().starts_with("jiaozuo.json:2:"), "{err}");
        assert!(err.to_string().contains("EOF while parsing"), "{err}");
    }

    #[test]
    fn a_value_of_the_wrong_type_names_its_json_path() {
        let json = MINIMAL.replace(r#""year": 2020"#, r#""year": "2020""#);
        let err = parse_city("jiaozuo.json", &json).unwrap_err();
        assert_eq!(
            err.to_string(),
            "jiaozuo.json: indicators[0].values[0].year: invalid type: string \"2020\", expected u16"
        );
    }

    #[test]
    fn a_misspelt_field_is_an_error_not_ignored() {
        let json = MINIMAL.replace(r#""binding": "binding""#, r#""bindng": "binding""#);
        let err = parse_city("jiaozuo.json", &json).unwrap_err();
        let DataError::Shape { path, message, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(path, "indicators[0].bindng");
        assert!(message.starts_with("unknown field `bindng`"), "{message}");
    }

    #[test]
    fn words_instead_of_a_number_stay_words() {
        let json = r#"{"year":2025,"value":null,"text":{"zh":"完成省定目标","en":"Meet the provincial target"},
            "kind":"target","source":{"line":165,"quote":"完成省定目标"}}"#;
        let obs: Observation = parse("x.json", json).unwrap();
        assert_eq!(obs.value, None);
        assert_eq!(obs.text.unwrap().zh, "完成省定目标");
    }

    #[test]
    fn text_after_the_value_is_an_error() {
        let err = parse_city("jiaozuo.json", &format!("{MINIMAL} {{}}")).unwrap_err();
        assert!(
            matches!(&err, DataError::Syntax { line: 10, message, .. } if message.starts_with("trailing characters")),
            "{err:?}"
        );
    }

    #[test]
    fn a_field_written_twice_is_an_error_not_the_last_one_wins() {
        let json = MINIMAL.replace(
            r#""unit": "μg/m³","#,
            r#""unit": "μg/m³", "unit": "mg/m³","#,
        );
        let err = parse_city("jiaozuo.json", &json).unwrap_err();
        assert_eq!(
            err.to_string(),
            "jiaozuo.json: indicators[0]: duplicate field `unit`"
        );
    }

    #[test]
    fn a_missing_field_names_the_object_it_is_missing_from() {
        let json = MINIMAL.replace(r#""kind": "actual", "#, "");
        let err = parse_city("jiaozuo.json", &json).unwrap_err();
        assert_eq!(
            err.to_string(),
            "jiaozuo.json: indicators[0].values[0]: missing field `kind`"
        );
    }

    #[test]
    fn an_unknown_enum_name_lists_the_names_there_are() {
        let json = MINIMAL.replace(r#""domain": "air""#, r#""domain": "Air""#);
        let err = parse_city("jiaozuo.json", &json).unwrap_err();
        assert!(
            err.to_string().starts_with(
                "jiaozuo.json: indicators[0].domain: unknown variant `Air`, expected one of `air`, `water`"
            ),
            "{err}"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_struct_written_as_an_array_or_an_enum_as_a_map_is_an_error() {
        let json = MINIMAL.replace(r#"{"line": 142, "quote": "56"}"#, r#"[null, 142, "56"]"#);
        let err = parse_city("jiaozuo.json", &json).unwrap_err();
        assert_eq!(
            err.to_string(),
            "jiaozuo.json: indicators[0].values[0].source: invalid type: sequence, expected struct Provenance"
        );
        let json = MINIMAL.replace(r#""domain": "air""#, r#""domain": {"air": null}"#);
        let err = parse_city("jiaozuo.json", &json).unwrap_err();
        assert_eq!(
            err.to_string(),
            "jiaozuo.json: indicators[0].domain: invalid type: map, expected enum Domain"
        );
        let json = MINIMAL.replace(r#""binding": "binding""#, r#""binding": 1"#);
        let err = parse_city("jiaozuo.json", &json).unwrap_err();
        assert_eq!(
            err.to_string(),
            "jiaozuo.json: indicators[0].binding: invalid type: integer `1`, expected enum Binding"
        );
    }
}
