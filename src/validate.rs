//! The data validator: every rule of `docs/data-format.md`, as pure functions over file contents.
//! `src/bin/ecoplan-data.rs` reads the files and prints what these return.

use crate::derive::{self, DeriveError};
use crate::format::format_value;
use crate::model::{
    parse_catalog, parse_city, CityData, DataError, Derivation, Indicator, MetricCatalog,
    Observation, Provenance, Settings, Target, Text, ValueKind,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;
use std::{fs, io};

/// One thing wrong with the data: the file, the JSON path in it, and what was expected and found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub path: String,
    pub message: String,
}

/// One line, as the data's author should read it: a hidden character that reached a path or a
/// message (a field name `"\nunit"` that serde repeats, a unit `"%\u202e"` a message quotes) is
/// written as its code point, `<U+000A>`, so it can neither break the line nor reorder it. A tab
/// (in a table's quote) is left as it is.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = shown(&self.file);
        let message = shown(&self.message);
        if self.path.is_empty() {
            write!(f, "{file}: {message}")
        } else {
            write!(f, "{file}: {}: {message}", shown(&self.path))
        }
    }
}

fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| is_hidden(c) && c != '\t';
    if !s.chars().any(hidden) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if hidden(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// The contents of a data directory, read by the caller.
#[derive(Debug, Default, Clone)]
pub struct DataDir {
    /// `sources/SHA256SUMS`, if present.
    pub sums: Option<String>,
    /// `sources/<name>` for every file there except SHA256SUMS.
    pub sources: BTreeMap<String, Vec<u8>>,
    /// `metrics.json`, if present.
    pub metrics: Option<String>,
    /// `cities/<name>` for every file there.
    pub cities: BTreeMap<String, String>,
    /// `settings.json`: the city a first visit opens.
    pub settings: Option<String>,
    /// `CHANGELOG.md`: what changed in the data, newest first.
    pub changelog: Option<String>,
}

/// `settings.json`: the city a first visit opens, one of the city files.
fn check_settings(dir: &DataDir, problems: &mut Vec<Problem>) {
    let Some(json) = &dir.settings else {
        problems.push(problem(
            "settings.json",
            "",
            "missing: the settings (the city a first visit opens)",
        ));
        return;
    };
    match crate::model::parse::<Settings>("settings.json", json) {
        Err(e) => problems.push(parse_problem(e)),
        Ok(settings) => {
            if !dir
                .cities
                .contains_key(&format!("{}.json", settings.default_city))
            {
                problems.push(problem(
                    "settings.json",
                    "default_city",
                    &format!(
                        "expected a city with a file in cities/ ({}), found `{}`",
                        dir.cities
                            .keys()
                            .filter_map(|n| n.strip_suffix(".json"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        shown(&settings.default_city)
                    ),
                ));
            }
        }
    }
}

/// `CHANGELOG.md`: entries headed `## YYYY-MM-DD`, newest first, each saying something; the
/// newest date is the data version's.
fn check_changelog(dir: &DataDir, problems: &mut Vec<Problem>) {
    let file = "CHANGELOG.md";
    let Some(text) = &dir.changelog else {
        problems.push(problem(
            file,
            "",
            "missing: what changed in the data, newest first, under `## YYYY-MM-DD` headings",
        ));
        return;
    };
    let mut previous: Option<&str> = None;
    let mut entries = 0;
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(heading) = line.strip_prefix("## ") else {
            continue;
        };
        let at = format!("line {}", i + 1);
        let date = heading.trim_end();
        if date.len() != 10 || !is_date(date) {
            problems.push(problem(
                file,
                &at,
                &format!(
                    "expected a heading `## YYYY-MM-DD`, found `## {}`",
                    shown(heading)
                ),
            ));
            continue;
        }
        entries += 1;
        if let Some(newer) = previous {
            if date > newer {
                problems.push(problem(
                    file,
                    &at,
                    &format!("expected the newest entry first, found {date} after {newer}"),
                ));
            }
        }
        previous = Some(date);
        let said = lines[i + 1..]
            .iter()
            .take_while(|l| !l.starts_with("## "))
            .any(|l| !l.trim().is_empty());
        if !said {
            problems.push(problem(
                file,
                &at,
                &format!("expected what changed on {date}, found nothing under its heading"),
            ));
        }
    }
    if entries == 0 {
        problems.push(problem(
            file,
            "",
            "expected at least one entry headed `## YYYY-MM-DD` (the date of the change)",
        ));
    }
}

fn read_optional(path: &Path) -> io::Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
    }
}

fn read_files(dir: &Path) -> io::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(files),
        Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", dir.display()))),
    };
    for entry in entries {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            files.insert(
                entry.file_name().to_string_lossy().into_owned(),
                fs::read(entry.path())?,
            );
        }
    }
    Ok(files)
}

impl DataDir {
    /// Reads a data directory as maintainers lay it out (`sources/`, `cities/`, `metrics.json`,
    /// `cities.json`); a missing file is `None` or absent, for `check` to report.
    pub fn read(dir: &Path) -> io::Result<DataDir> {
        if !dir.is_dir() {
            return Err(io::Error::new(io::ErrorKind::NotFound, "not a directory"));
        }
        let mut sources = read_files(&dir.join("sources"))?;
        let sums = sources
            .remove("SHA256SUMS")
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        let cities = read_files(&dir.join("cities"))?
            .into_iter()
            .map(|(name, bytes)| (name, String::from_utf8_lossy(&bytes).into_owned()))
            .collect();
        Ok(DataDir {
            sums,
            sources,
            metrics: read_optional(&dir.join("metrics.json"))?,
            cities,
            settings: read_optional(&dir.join("settings.json"))?,
            changelog: read_optional(&dir.join("CHANGELOG.md"))?,
        })
    }
}

pub fn check(dir: &DataDir) -> Vec<Problem> {
    let mut problems = check_sources(dir);
    let catalog = match &dir.metrics {
        None => {
            problems.push(problem("metrics.json", "", "missing: the metric catalog"));
            None
        }
        Some(json) => match parse_catalog("metrics.json", json) {
            Ok(catalog) => {
                problems.extend(check_catalog(&catalog));
                Some(catalog)
            }
            Err(e) => {
                problems.push(parse_problem(e));
                None
            }
        },
    };
    check_settings(dir, &mut problems);
    check_changelog(dir, &mut problems);
    let mut cited = HashSet::new();
    for (name, json) in &dir.cities {
        let file = format!("cities/{name}");
        let Some(id) = name.strip_suffix(".json") else {
            problems.push(problem(
                &file,
                "",
                "not a city file: expected `<city id>.json` (the other files here are cities)",
            ));
            continue;
        };
        // A city's plan is `<id>.txt` (check_city checks it), whether or not its file parses.
        cited.insert(format!("{id}.txt"));
        match parse_city(&file, json) {
            Err(e) => problems.push(parse_problem(e)),
            Ok(data) => {
                let text = |name: &str| {
                    dir.sources
                        .get(name)
                        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
                };
                let source = text(&data.plan.source_file);
                // The city's other documents' texts, by file name.
                let documents: BTreeMap<String, String> = data
                    .documents
                    .iter()
                    .filter_map(|d| Some((d.source_file.clone(), text(&d.source_file)?)))
                    .collect();
                cited.extend(data.documents.iter().map(|d| d.source_file.clone()));
                problems.extend(check_city(
                    &file,
                    id,
                    &data,
                    catalog.as_ref(),
                    source.as_deref(),
                    &documents,
                ));
            }
        }
    }
    for name in dir.sources.keys() {
        if !cited.contains(name) {
            problems.push(problem(
                &format!("sources/{name}"),
                "",
                "no city file cites it: a plan is `<city id>.txt` beside its `cities/<city id>.json`, another document `<city id>.<document id>.txt` listed in its `documents`",
            ));
        }
    }
    problems.sort();
    problems
}

fn parse_problem(err: DataError) -> Problem {
    match err {
        DataError::Syntax {
            file,
            line,
            column,
            message,
        } => Problem {
            file,
            path: String::new(),
            message: format!("not valid JSON: {message}"),
        }
        .with_position(line, column),
        DataError::Shape {
            file,
            path,
            message,
        } => Problem {
            file,
            path,
            message,
        },
    }
}

impl Problem {
    fn with_position(mut self, line: usize, column: usize) -> Problem {
        if !self.message.contains(" at line ") {
            self.message = format!("{} (line {line}, column {column})", self.message);
        }
        self
    }
}

fn problem(file: &str, path: &str, message: &str) -> Problem {
    Problem {
        file: file.to_string(),
        path: path.to_string(),
        message: message.to_string(),
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The source texts are the plans exactly as received: their hashes must match SHA256SUMS.
fn check_sources(dir: &DataDir) -> Vec<Problem> {
    let file = "sources/SHA256SUMS";
    let Some(sums) = &dir.sums else {
        return vec![problem(file, "", "missing: the hashes of the plans' texts")];
    };
    let mut problems = Vec::new();
    let mut listed = HashSet::new();
    for (n, line) in sums
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let mut parts = line.split_whitespace();
        let (Some(hash), Some(name), None) = (parts.next(), parts.next(), parts.next()) else {
            problems.push(problem(
                file,
                &format!("line {}", n + 1),
                "expected `<sha256>  <file>`",
            ));
            continue;
        };
        let name = name.trim_start_matches('*');
        listed.insert(name.to_string());
        match dir.sources.get(name) {
            None => problems.push(problem(
                &format!("sources/{name}"),
                "",
                "missing: SHA256SUMS lists it",
            )),
            Some(bytes) => {
                let actual = sha256_hex(bytes);
                if actual != hash {
                    problems.push(problem(
                        &format!("sources/{name}"),
                        "",
                        &format!("expected SHA-256 {hash} (a byte-identical copy of the document as received), found {actual}"),
                    ));
                }
            }
        }
    }
    for (name, bytes) in dir.sources.iter().filter(|(n, _)| !listed.contains(*n)) {
        problems.push(problem(
            &format!("sources/{name}"),
            "",
            &format!(
                "not listed in SHA256SUMS: once the text is exactly as received, add the line `{}  {name}`",
                sha256_hex(bytes)
            ),
        ));
    }
    problems
}

fn check_catalog(catalog: &MetricCatalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (i, metric) in catalog.metrics.iter().enumerate() {
        let path = format!("metrics[{i}]");
        check_unique_id(
            &mut problems,
            "metrics.json",
            &format!("{path}.id"),
            &metric.id,
            &mut seen,
        );
        check_text(
            &mut problems,
            "metrics.json",
            &format!("{path}.name"),
            &metric.name,
        );
    }
    check_standards(&mut problems, catalog);
    problems
}

/// The national standards whose limits the charts draw: each limit for a metric of the catalog,
/// in that metric's unit.
fn check_standards(p: &mut Vec<Problem>, catalog: &MetricCatalog) {
    let file = "metrics.json";
    let mut seen = HashSet::new();
    let mut limited: HashMap<&str, String> = HashMap::new();
    for (i, standard) in catalog.standards.iter().enumerate() {
        let path = format!("standards[{i}]");
        check_unique_id(p, file, &format!("{path}.id"), &standard.id, &mut seen);
        if standard.number.trim().is_empty() {
            p.push(problem(
                file,
                &format!("{path}.number"),
                "expected the standard's number as printed (GB 3095—2012), found an empty string",
            ));
        }
        check_text(p, file, &format!("{path}.title"), &standard.title);
        check_text(p, file, &format!("{path}.issuer"), &standard.issuer);
        if !(is_date(&standard.date) && standard.date.len() == 10) {
            p.push(problem(
                file,
                &format!("{path}.date"),
                &format!("expected YYYY-MM-DD, found `{}`", standard.date),
            ));
        }
        if standard.limits.is_empty() {
            p.push(problem(
                file,
                &format!("{path}.limits"),
                "expected at least one limit, found none",
            ));
        }
        for (k, limit) in standard.limits.iter().enumerate() {
            let path = format!("{path}.limits[{k}]");
            match catalog.metric(&limit.metric) {
                None => p.push(problem(
                    file,
                    &format!("{path}.metric"),
                    &format!(
                        "unknown metric `{}`: expected an id from `metrics`",
                        limit.metric
                    ),
                )),
                Some(metric) => {
                    if metric.unit != limit.unit {
                        p.push(problem(
                            file,
                            &format!("{path}.unit"),
                            &format!(
                                "expected `{}` (the unit of metric `{}`), found `{}`",
                                metric.unit, limit.metric, limit.unit
                            ),
                        ));
                    }
                    if let Some(first) = limited.get(limit.metric.as_str()) {
                        p.push(problem(
                            file,
                            &format!("{path}.metric"),
                            &format!(
                                "expected one limit per metric (a chart draws one), found a second for `{}` after {first}",
                                limit.metric
                            ),
                        ));
                    } else {
                        limited.insert(&limit.metric, path.clone());
                    }
                }
            }
            if limit.value <= 0.0 {
                p.push(problem(
                    file,
                    &format!("{path}.value"),
                    &format!(
                        "expected a limit above 0, found {}",
                        format_value(limit.value)
                    ),
                ));
            }
            for (field, text) in [
                ("averaging", &limit.averaging),
                ("class", &limit.class),
                ("table", &limit.table),
            ] {
                check_text(p, file, &format!("{path}.{field}"), text);
            }
        }
    }
}

/// An id of a-z, 0-9 and `_`, not seen before in its list.
fn check_unique_id<'a>(
    problems: &mut Vec<Problem>,
    file: &str,
    path: &str,
    id: &'a str,
    seen: &mut HashSet<&'a str>,
) {
    check_id(problems, file, path, id);
    if !seen.insert(id) {
        problems.push(problem(file, path, &format!("duplicate id `{id}`")));
    }
}

fn check_id(problems: &mut Vec<Problem>, file: &str, path: &str, id: &str) {
    // Named by its code point, not printed: a bidi override would reorder the report's line.
    if !check_chars(problems, file, path, id, &[]) {
        return;
    }
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !ok {
        problems.push(problem(
            file,
            path,
            &format!("expected an id of a-z, 0-9 and _, found `{id}`"),
        ));
    }
}

fn check_text(problems: &mut Vec<Problem>, file: &str, path: &str, text: &Text) {
    for (lang, s) in [("zh", &text.zh), ("en", &text.en)] {
        let path = format!("{path}.{lang}");
        if s.trim().is_empty() {
            problems.push(problem(file, &path, "expected text, found an empty string"));
        } else {
            check_chars(problems, file, &path, s, &[]);
        }
    }
}

/// A character no text, id or quote may hold: a C0 control or DEL, which a reader never sees and a
/// terminal or spreadsheet may act on, or a bidi override or isolate (U+202A–U+202E,
/// U+2066–U+2069), which reorders what a reader sees around it.
fn is_hidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Reports the first hidden character of `s` other than the `allowed` ones, by code point and
/// 1-based character position; returns whether there is none.
fn check_chars(
    problems: &mut Vec<Problem>,
    file: &str,
    path: &str,
    s: &str,
    allowed: &[char],
) -> bool {
    let Some((i, c)) = s
        .chars()
        .enumerate()
        .find(|(_, c)| is_hidden(*c) && !allowed.contains(c))
    else {
        return true;
    };
    problems.push(problem(
        file,
        path,
        &format!(
            "expected no control or bidi-override characters, found U+{:04X} at character {}",
            c as u32,
            i + 1
        ),
    ));
    false
}

fn check_year(problems: &mut Vec<Problem>, file: &str, path: &str, year: u16) {
    if !(2000..=2035).contains(&year) {
        problems.push(problem(
            file,
            path,
            &format!("expected a year from 2000 to 2035, found {year}"),
        ));
    }
}

/// Checks one city's data against its catalog, its plan's text and its other documents' texts
/// (`documents`: by file name).
pub fn check_city(
    file: &str,
    id: &str,
    data: &CityData,
    catalog: Option<&MetricCatalog>,
    source: Option<&str>,
    documents: &BTreeMap<String, String>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let p = &mut problems;
    check_id(p, file, "city", &data.city);
    if data.city != id {
        p.push(problem(
            file,
            "city",
            &format!("expected `{id}` (the file's name), found `{}`", data.city),
        ));
    }
    check_text(p, file, "name", &data.name);
    check_text(p, file, "province", &data.province);
    check_text(p, file, "plan.title", &data.plan.title);
    if data.plan.source_file != format!("{id}.txt") {
        p.push(problem(
            file,
            "plan.source_file",
            &format!("expected `{id}.txt`, found `{}`", data.plan.source_file),
        ));
    }
    let period_ok = data.plan.period.split_once('-').is_some_and(|(a, b)| {
        a.len() == 4
            && b.len() == 4
            && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
            && a <= b
    });
    if !period_ok {
        p.push(problem(
            file,
            "plan.period",
            &format!(
                "expected the years the plan covers, `YYYY-YYYY` (e.g. `2021-2025`), found `{}`",
                shown(&data.plan.period)
            ),
        ));
    }
    for (field, text) in [("issuer", &data.plan.issuer), ("note", &data.plan.note)] {
        if let Some(text) = text {
            check_text(p, file, &format!("plan.{field}"), text);
        }
    }
    for (field, date) in [
        ("date", &data.plan.date),
        ("published", &data.plan.published),
    ] {
        if let Some(date) = date {
            if !is_date(date) {
                p.push(problem(
                    file,
                    &format!("plan.{field}"),
                    &format!("expected YYYY-MM-DD or YYYY-MM, found `{date}`"),
                ));
            }
        }
    }
    let lines: Option<Vec<&str>> = source.map(|s| s.split('\n').collect());
    if lines.is_none() {
        p.push(problem(
            file,
            "plan.source_file",
            &format!(
                "no source text `sources/{}`: no quote can be checked",
                data.plan.source_file
            ),
        ));
    }
    let document_lines = check_documents(p, file, id, data, documents);
    let quotes = QuoteChecker {
        file,
        source_file: &data.plan.source_file,
        lines: lines.as_deref(),
        documents: document_lines
            .iter()
            .map(|(id, (name, lines))| (id.as_str(), (name.as_str(), lines.as_deref())))
            .collect(),
    };

    let mut group_ids = HashSet::new();
    for (i, group) in data.groups.iter().enumerate() {
        check_unique_id(
            p,
            file,
            &format!("groups[{i}].id"),
            &group.id,
            &mut group_ids,
        );
        check_text(p, file, &format!("groups[{i}].name"), &group.name);
    }
    let metrics: HashMap<&str, _> = catalog
        .map(|c| c.metrics.iter().map(|m| (m.id.as_str(), m)).collect())
        .unwrap_or_default();

    let mut ids = HashSet::new();
    for (i, ind) in data.indicators.iter().enumerate() {
        let path = format!("indicators[{i}]");
        check_unique_id(p, file, &format!("{path}.id"), &ind.id, &mut ids);
        check_text(p, file, &format!("{path}.name"), &ind.name);
        if let Some(scope) = &ind.scope {
            check_text(p, file, &format!("{path}.scope"), scope);
        }
        if let Some(group) = &ind.group {
            if !group_ids.contains(group.as_str()) {
                p.push(problem(
                    file,
                    &format!("{path}.group"),
                    &format!("expected one of the file's groups, found `{group}`"),
                ));
            }
        }
        if let (Some(metric_id), Some(_)) = (&ind.metric, catalog) {
            match metrics.get(metric_id.as_str()) {
                None => p.push(problem(
                    file,
                    &format!("{path}.metric"),
                    &format!(
                        "unknown metric `{metric_id}`: expected an id from metrics.json or null"
                    ),
                )),
                Some(metric) => {
                    if metric.unit != ind.unit {
                        p.push(problem(
                            file,
                            &format!("{path}.unit"),
                            &format!(
                                "expected `{}` (the unit of metric `{metric_id}`), found `{}`",
                                metric.unit, ind.unit
                            ),
                        ));
                    }
                    if metric.domain != ind.domain {
                        p.push(problem(
                            file,
                            &format!("{path}.domain"),
                            &format!(
                                "expected {:?} (the domain of metric `{metric_id}`), found {:?}",
                                metric.domain, ind.domain
                            ),
                        ));
                    }
                }
            }
        }
        for (j, note) in ind.notes.iter().enumerate() {
            check_text(p, file, &format!("{path}.notes[{j}].text"), &note.text);
            quotes.check(p, &format!("{path}.notes[{j}].source"), &note.source);
        }
        for (j, obs) in ind.values.iter().enumerate() {
            let path = format!("{path}.values[{j}]");
            check_observation(p, &quotes, &path, obs);
            if let Some(derivation) = &obs.derived {
                check_derived(p, file, &path, ind, obs, derivation);
            }
        }
    }

    let mut ids = HashSet::new();
    for (i, action) in data.actions.iter().enumerate() {
        let path = format!("actions[{i}]");
        check_unique_id(p, file, &format!("{path}.id"), &action.id, &mut ids);
        for (field, text) in [
            ("title", &action.title),
            ("summary", &action.summary),
            ("you_can", &action.you_can),
        ] {
            check_text(p, file, &format!("{path}.{field}"), text);
        }
        quotes.check(p, &format!("{path}.source"), &action.source);
        if let Some(target) = &action.target {
            check_target(p, &quotes, &format!("{path}.target"), target);
        }
    }
    let mut ids = HashSet::new();
    for (i, measure) in data.measures.iter().enumerate() {
        let path = format!("measures[{i}]");
        check_unique_id(p, file, &format!("{path}.id"), &measure.id, &mut ids);
        for (field, text) in [("title", &measure.title), ("summary", &measure.summary)] {
            check_text(p, file, &format!("{path}.{field}"), text);
        }
        quotes.check(p, &format!("{path}.source"), &measure.source);
        if let Some(target) = &measure.target {
            check_target(p, &quotes, &format!("{path}.target"), target);
        }
    }
    problems
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |x: &str, len: usize| x.len() == len && x.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u8>().unwrap_or(0))
        }
        _ => false,
    }
}

fn check_observation(p: &mut Vec<Problem>, quotes: &QuoteChecker, path: &str, obs: &Observation) {
    let file = quotes.file;
    check_year(p, file, &format!("{path}.year"), obs.year);
    match obs.kind {
        ValueKind::Change => {
            match obs.against {
                None => p.push(problem(
                    file,
                    &format!("{path}.against"),
                    "a change needs the year it is measured against",
                )),
                Some(against) => {
                    check_year(p, file, &format!("{path}.against"), against);
                    if against == obs.year {
                        p.push(problem(
                            file,
                            &format!("{path}.against"),
                            &format!("expected another year than {}", obs.year),
                        ));
                    }
                }
            }
            if obs.direction.is_none() {
                p.push(problem(
                    file,
                    &format!("{path}.direction"),
                    "a change needs a direction, \"up\" or \"down\"",
                ));
            }
            if obs.value.is_some_and(|v| v < 0.0) {
                p.push(problem(
                    file,
                    &format!("{path}.value"),
                    "a change is the printed positive amount; its sign is `direction`",
                ));
            }
        }
        _ => {
            if obs.against.is_some() || obs.direction.is_some() {
                p.push(problem(
                    file,
                    path,
                    "`against` and `direction` belong to changes only",
                ));
            }
        }
    }
    if obs.value.is_none() && obs.text.is_none() {
        p.push(problem(
            file,
            &format!("{path}.text"),
            "a value of null needs the plan's words in `text`",
        ));
    }
    if let Some(text) = &obs.text {
        check_text(p, file, &format!("{path}.text"), text);
    }
    if let Some(note) = &obs.note {
        check_text(p, file, &format!("{path}.note"), note);
    }
    // A derived value is printed nowhere: its inputs carry the sources (checked with its indicator).
    if obs.is_derived() {
        return;
    }
    let Some(source) = &obs.source else {
        p.push(problem(
            file,
            &format!("{path}.source"),
            "a printed value needs its `source`; only a value with `derived` has none",
        ));
        return;
    };
    if !quotes.check(p, &format!("{path}.source"), source) {
        return;
    }
    if let Some(value) = obs.value {
        quotes.check_number(
            p,
            &format!("{path}.value"),
            value,
            source,
            obs.note.is_some(),
        );
    }
    // Words with a hidden character are reported once, above, not echoed here.
    if let Some(text) = obs.text.as_ref().filter(|t| !t.zh.chars().any(is_hidden)) {
        quotes.check_words(p, &format!("{path}.text.zh"), &text.zh, source);
    }
}

/// A derived value: a measured level computed from two printed values of its indicator, printed
/// nowhere itself, equal to what its rule gives, with a formula that shows the numbers.
fn check_derived(
    p: &mut Vec<Problem>,
    file: &str,
    path: &str,
    indicator: &Indicator,
    obs: &Observation,
    derivation: &Derivation,
) {
    if obs.kind != ValueKind::Actual {
        p.push(problem(
            file,
            &format!("{path}.kind"),
            &format!(
                "expected actual (a derived value is an earlier level), found {}",
                obs.kind.code()
            ),
        ));
    }
    if obs.value.is_none() {
        p.push(problem(
            file,
            &format!("{path}.value"),
            "expected the derived number, found null",
        ));
    }
    if obs.source.is_some() {
        p.push(problem(
            file,
            &format!("{path}.source"),
            "expected no source (a derived value is printed nowhere; its inputs carry the sources), found one",
        ));
    }
    let formula_path = format!("{path}.derived.formula");
    check_text(p, file, &formula_path, &derivation.formula);
    let inputs = match derive::inputs(indicator, obs.year, derivation) {
        Ok(inputs) => inputs,
        Err(err) => {
            p.push(derive_problem(file, path, &err));
            return;
        }
    };
    let expected = match derive::recompute(indicator, obs.year, derivation) {
        Ok(v) => v,
        Err(err) => {
            p.push(derive_problem(file, path, &err));
            return;
        }
    };
    let (Some(level), Some(change)) = (inputs.level.value, inputs.change.value) else {
        return;
    };
    let change_unit = inputs.change.unit.as_deref().unwrap_or(&indicator.unit);
    if let Some(value) = obs.value {
        if (value - expected).abs() > 1e-9 {
            p.push(problem(
                file,
                &format!("{path}.value"),
                &format!(
                    "expected {} ({} of {} and {}), found {}",
                    format_value(expected),
                    derive::rule_code(derivation.rule),
                    format_value(level),
                    amount(change, change_unit),
                    format_value(value)
                ),
            ));
        }
    }
    let mut numbers = vec![level, change];
    numbers.extend(obs.value);
    for (lang, text) in [
        ("zh", &derivation.formula.zh),
        ("en", &derivation.formula.en),
    ] {
        if text.trim().is_empty() {
            continue;
        }
        let missing: Vec<String> = numbers
            .iter()
            .filter(|n| !number_in_quote(**n, text))
            .map(|n| format_value(*n))
            .collect();
        if !missing.is_empty() {
            let all: Vec<String> = numbers.iter().map(|n| format_value(*n)).collect();
            p.push(problem(
                file,
                &format!("{formula_path}.{lang}"),
                &format!(
                    "expected each input and the result as printed ({}), found «{}» without {}",
                    all.join(", "),
                    excerpt(text),
                    missing.join(", ")
                ),
            ));
        }
    }
}

/// A change's amount with its unit, as a message names it: `42%`, `3 percentage points`, `72 days`.
fn amount(value: f64, unit: &str) -> String {
    crate::format::with_unit(crate::lang::Lang::En, &format_value(value), unit)
}

/// Why a derivation cannot be recomputed, at the field of `derived` that is wrong.
fn derive_problem(file: &str, path: &str, err: &DeriveError) -> Problem {
    let field = match err {
        DeriveError::MissingInput { which, .. } | DeriveError::DerivedInput { which } => which,
        DeriveError::WrongChange { .. } | DeriveError::Impossible => "change",
        DeriveError::Units { .. } => "rule",
    };
    problem(file, &format!("{path}.derived.{field}"), &err.to_string())
}

fn check_target(p: &mut Vec<Problem>, quotes: &QuoteChecker, path: &str, target: &Target) {
    if let Some(year) = target.year {
        check_year(p, quotes.file, &format!("{path}.year"), year);
    }
    check_text(p, quotes.file, &format!("{path}.text"), &target.text);
    if quotes.check(p, &format!("{path}.source"), &target.source) {
        if let Some(value) = target.value {
            quotes.check_number(p, &format!("{path}.value"), value, &target.source, false);
        }
    }
}

/// A city's documents besides its plan: each one's fields, its file's name and that its text is
/// there. Returns each document's (file name, lines of its text if there) by id.
#[allow(clippy::type_complexity)]
fn check_documents<'t>(
    p: &mut Vec<Problem>,
    file: &str,
    city: &str,
    data: &CityData,
    texts: &'t BTreeMap<String, String>,
) -> BTreeMap<String, (String, Option<Vec<&'t str>>)> {
    let mut out = BTreeMap::new();
    let mut ids = HashSet::new();
    for (i, doc) in data.documents.iter().enumerate() {
        let path = format!("documents[{i}]");
        check_unique_id(p, file, &format!("{path}.id"), &doc.id, &mut ids);
        check_text(p, file, &format!("{path}.title"), &doc.title);
        check_text(p, file, &format!("{path}.issuer"), &doc.issuer);
        if !is_date(&doc.date) {
            p.push(problem(
                file,
                &format!("{path}.date"),
                &format!(
                    "expected YYYY-MM-DD or YYYY-MM, found `{}`",
                    shown(&doc.date)
                ),
            ));
        }
        if let Some(address) = &doc.address {
            let ok = (address.starts_with("https://") || address.starts_with("http://"))
                && address.len() > 8
                && !address.chars().any(|c| c.is_whitespace() || c.is_control());
            if !ok {
                p.push(problem(
                    file,
                    &format!("{path}.address"),
                    &format!(
                        "expected the document's web address (https://…), found `{}`",
                        shown(address)
                    ),
                ));
            }
        }
        let expected = format!("{city}.{}.txt", doc.id);
        if doc.source_file != expected {
            p.push(problem(
                file,
                &format!("{path}.source_file"),
                &format!("expected `{expected}`, found `{}`", shown(&doc.source_file)),
            ));
        }
        let lines = texts
            .get(&doc.source_file)
            .map(|t| t.split('\n').collect::<Vec<_>>());
        if lines.is_none() {
            p.push(problem(
                file,
                &format!("{path}.source_file"),
                &format!(
                    "no source text `sources/{}`: add the document's text, byte for byte, and its line in SHA256SUMS",
                    shown(&doc.source_file)
                ),
            ));
        }
        out.insert(doc.id.clone(), (doc.source_file.clone(), lines));
    }
    out
}

struct QuoteChecker<'a> {
    file: &'a str,
    source_file: &'a str,
    lines: Option<&'a [&'a str]>,
    /// The city's other documents: id -> (file name, lines of its text if there).
    documents: HashMap<&'a str, (&'a str, Option<&'a [&'a str]>)>,
}

impl QuoteChecker<'_> {
    /// Checks that the quote begins at its line of its document (the plan unless it names
    /// another); returns whether it does.
    fn check(&self, p: &mut Vec<Problem>, path: &str, source: &Provenance) -> bool {
        let (source_file, lines) = match &source.document {
            None => (self.source_file, self.lines),
            Some(id) => match self.documents.get(id.as_str()) {
                Some((name, lines)) => (*name, *lines),
                None => {
                    let mut known: Vec<&str> = self.documents.keys().copied().collect();
                    known.sort();
                    p.push(problem(
                        self.file,
                        &format!("{path}.document"),
                        &format!(
                            "expected the id of one of the city's documents ({}), found `{}`",
                            if known.is_empty() {
                                "it lists none".to_string()
                            } else {
                                known.join(", ")
                            },
                            shown(id)
                        ),
                    ));
                    return false;
                }
            },
        };
        let checker = QuoteChecker {
            file: self.file,
            source_file,
            lines,
            documents: HashMap::new(),
        };
        checker.check_in(p, path, source)
    }

    /// `check` in the file this checker stands for.
    fn check_in(&self, p: &mut Vec<Problem>, path: &str, source: &Provenance) -> bool {
        // A quote keeps the plan's line breaks and the tabs between its table's cells, nothing else.
        if !check_chars(
            p,
            self.file,
            &format!("{path}.quote"),
            &source.quote,
            &['\n', '\t'],
        ) {
            return false;
        }
        let Some(lines) = self.lines else {
            return false;
        };
        if source.quote.trim().is_empty() {
            p.push(problem(
                self.file,
                &format!("{path}.quote"),
                "expected the plan's words, found an empty quote",
            ));
            return false;
        }
        let line = source.line as usize;
        if line == 0 || line > lines.len() {
            p.push(problem(
                self.file,
                &format!("{path}.line"),
                &format!(
                    "expected a line from 1 to {} of {}, found {line}",
                    lines.len(),
                    self.source_file
                ),
            ));
            return false;
        }
        if quote_starts_in(lines, line - 1, &source.quote) {
            return true;
        }
        let elsewhere: Vec<String> = (0..lines.len())
            .filter(|&i| i != line - 1 && quote_starts_in(lines, i, &source.quote))
            .map(|i| (i + 1).to_string())
            .take(3)
            .collect();
        let found = if elsewhere.is_empty() {
            format!(
                "it is nowhere in the file; line {line} reads «{}»",
                excerpt(lines[line - 1])
            )
        } else {
            format!("it begins on line {} instead", elsewhere.join(", "))
        };
        p.push(problem(
            self.file,
            &format!("{path}.quote"),
            &format!(
                "expected the quote to begin on line {line} of {}, but {found}",
                self.source_file
            ),
        ));
        false
    }

    fn check_number(
        &self,
        p: &mut Vec<Problem>,
        path: &str,
        value: f64,
        source: &Provenance,
        explained: bool,
    ) {
        if number_in_quote(value, &source.quote) {
            return;
        }
        // A number the OCR ran into its neighbour ("2102015年") counts when a note explains it.
        let printed = crate::format::format_value(value);
        if explained && source.quote.contains(&printed) {
            return;
        }
        p.push(problem(
            self.file,
            path,
            &format!(
                "expected {printed} as printed in the quote «{}»; a computed value needs `derived` with its rule, inputs and formula",
                excerpt(&source.quote)
            ),
        ));
    }

    fn check_words(&self, p: &mut Vec<Problem>, path: &str, words: &str, source: &Provenance) {
        if !strip_breaks(&source.quote).contains(&strip_breaks(words)) {
            p.push(problem(
                self.file,
                path,
                &format!(
                    "expected the words «{words}» in the quote «{}»",
                    excerpt(&source.quote)
                ),
            ));
        }
    }
}

fn strip_breaks(s: &str) -> String {
    s.chars().filter(|c| *c != '\n' && *c != '\r').collect()
}

fn excerpt(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 60 {
        s.to_string()
    } else {
        chars[..60].iter().collect::<String>() + "…"
    }
}

/// Whether `quote` begins somewhere on line `index` (0-based) and matches the text from there on,
/// where a line break in the text may be written as `\n` in the quote or left out.
pub fn quote_starts_in(lines: &[&str], index: usize, quote: &str) -> bool {
    let quote: Vec<char> = quote.chars().filter(|c| *c != '\r').collect();
    let line: Vec<char> = lines[index].chars().collect();
    (0..line.len()).any(|start| {
        let rest = line[start..].iter().copied().chain(
            lines[index + 1..]
                .iter()
                .flat_map(|l| std::iter::once('\n').chain(l.chars())),
        );
        matches_skipping_breaks(rest, &quote)
    })
}

fn matches_skipping_breaks(mut text: impl Iterator<Item = char>, quote: &[char]) -> bool {
    let mut q = 0;
    while q < quote.len() {
        match text.next() {
            None => return false,
            Some('\r') => {}
            Some('\n') if quote[q] != '\n' => {}
            Some(c) if c == quote[q] => q += 1,
            Some(_) => return false,
        }
    }
    true
}

/// Whether the quote prints `value`: some run of digits and points in it reads as that number.
pub fn number_in_quote(value: f64, quote: &str) -> bool {
    let mut token = String::new();
    let mut found = false;
    for c in quote.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || c == '.' {
            token.push(c);
        } else if !token.is_empty() {
            let t = token.trim_matches('.');
            if t.parse::<f64>().is_ok_and(|n| (n - value).abs() < 1e-9) {
                found = true;
            }
            token.clear();
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_as_printed_and_not_inside_other_numbers() {
        assert!(number_in_quote(
            77.8,
            "地表水达到或好于 III 类水体比例 (%)\t77.8 ¹\t77.8"
        ));
        assert!(number_in_quote(0.8618, "—\t[0.8618]\t约束性"));
        assert!(number_in_quote(35.6, "降幅分别达到35.3%35.6%"));
        assert!(number_in_quote(100.0, "达标率100.0%"));
        assert!(number_in_quote(2.5, "PM _{2.5}"));
        assert!(!number_in_quote(56.0, "156微克"));
        assert!(!number_in_quote(5.6, "56微克"));
        assert!(!number_in_quote(210.0, "优良天数2102015年相比"));
    }

    #[test]
    fn quotes_may_run_onto_the_next_lines() {
        let lines = ["第一行的开头，句子", "在这里结束。", "下一句"];
        assert!(quote_starts_in(&lines, 0, "句子在这里结束"));
        assert!(quote_starts_in(&lines, 0, "句子\n在这里结束"));
        assert!(!quote_starts_in(&lines, 1, "句子在这里结束"));
        assert!(!quote_starts_in(&lines, 0, "句子 在这里结束"));
        assert!(quote_starts_in(&lines, 2, "下一句"));
        assert!(!quote_starts_in(&lines, 2, "下一句。"));
    }

    fn catalog_with_standard(
        limit_metric: &str,
        unit: &str,
        value: f64,
        date: &str,
    ) -> MetricCatalog {
        let json = format!(
            r#"{{"metrics": [{{"id": "pm25", "domain": "air", "name": {{"zh": "PM2.5", "en": "PM2.5"}},
                "unit": "μg/m³", "better": "lower"}}],
              "standards": [{{"id": "gb3095_2012", "number": "GB 3095—2012",
                "title": {{"zh": "环境空气质量标准", "en": "Ambient Air Quality Standards"}},
                "issuer": {{"zh": "环境保护部", "en": "MEP"}}, "date": "{date}",
                "limits": [{{"metric": "{limit_metric}", "value": {value}, "unit": "{unit}",
                  "averaging": {{"zh": "年平均", "en": "Annual mean"}}, "class": {{"zh": "二级", "en": "Class II"}},
                  "table": {{"zh": "表1", "en": "Table 1"}}}}]}}]}}"#
        );
        parse_catalog("metrics.json", &json).unwrap()
    }

    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn a_standards_limits_are_for_catalog_metrics_in_their_units_and_above_zero() {
        assert_eq!(
            messages(&check_catalog(&catalog_with_standard(
                "pm25",
                "μg/m³",
                35.0,
                "2012-02-29"
            ))),
            Vec::<String>::new()
        );
        assert_eq!(
            messages(&check_catalog(&catalog_with_standard("pm25", "mg/m³", 0.0, "2012-02"))),
            [
                "metrics.json: standards[0].date: expected YYYY-MM-DD, found `2012-02`",
                "metrics.json: standards[0].limits[0].unit: expected `μg/m³` (the unit of metric `pm25`), found `mg/m³`",
                "metrics.json: standards[0].limits[0].value: expected a limit above 0, found 0",
            ]
        );
    }

    #[test]
    fn a_derived_value_is_an_actual_number_without_a_source() {
        use crate::model::{Derivation, Direction, Domain, Rule, ValueRef};
        let mut level = Observation::fixture(2020, Some(51.0), ValueKind::Actual);
        level.source = Some(Provenance {
            document: None,
            line: 1,
            quote: "51".into(),
        });
        let mut change = Observation::fixture(2020, Some(42.0), ValueKind::Change);
        change.against = Some(2015);
        change.direction = Some(Direction::Down);
        change.unit = Some("%".into());
        let derivation = Derivation {
            rule: Rule::RelativeChange,
            level: ValueRef {
                year: 2020,
                kind: ValueKind::Actual,
            },
            change: ValueRef {
                year: 2020,
                kind: ValueKind::Change,
            },
            formula: Text {
                zh: "51 ÷ (1 − 42%) ≈ 88".into(),
                en: "51 ÷ (1 − 42%) ≈ 88".into(),
            },
        };
        let indicator = Indicator {
            id: "pm25".into(),
            metric: None,
            domain: Domain::Air,
            group: None,
            row: None,
            name: Text {
                zh: "PM2.5".into(),
                en: "PM2.5".into(),
            },
            unit: "μg/m³".into(),
            binding: None,
            scope: None,
            notes: vec![],
            values: vec![level, change],
        };
        let check = |obs: &Observation| {
            let mut p = Vec::new();
            check_derived(&mut p, "x.json", "v", &indicator, obs, &derivation);
            messages(&p)
        };
        let mut good = Observation::fixture(2015, Some(88.0), ValueKind::Actual);
        good.source = None;
        assert_eq!(check(&good), Vec::<String>::new());

        let mut bad = Observation::fixture(2015, None, ValueKind::Target);
        bad.source = None;
        assert_eq!(
            check(&bad),
            [
                "x.json: v.kind: expected actual (a derived value is an earlier level), found target",
                "x.json: v.value: expected the derived number, found null",
            ]
        );
        // A derived value's year is its change's `against`.
        let mut other_year = good.clone();
        other_year.year = 2016;
        assert_eq!(
            check(&other_year),
            ["x.json: v.derived.change: its change input must be a change against 2016, the derived value's year"]
        );
    }

    #[test]
    fn texts_and_ids_hold_no_control_or_bidi_characters_and_quotes_only_breaks_and_tabs() {
        let text = |zh: &str| Text {
            zh: zh.into(),
            en: "ok".into(),
        };
        let check = |t: &Text| {
            let mut p = Vec::new();
            check_text(&mut p, "x.json", "name", t);
            messages(&p)
        };
        assert_eq!(check(&text("平顶山市")), Vec::<String>::new());
        for (s, code, at) in [
            ("a\u{0}b", "U+0000", 2),
            ("两行\n文字", "U+000A", 3),
            ("tab\t", "U+0009", 4),
            ("\u{7f}", "U+007F", 1),
            ("\u{202a}x", "U+202A", 1),
            ("xy\u{202e}", "U+202E", 3),
            ("\u{2066}", "U+2066", 1),
            ("ab\u{2069}", "U+2069", 3),
        ] {
            assert_eq!(
                check(&text(s)),
                [format!("x.json: name.zh: expected no control or bidi-override characters, found {code} at character {at}")],
                "{s:?}"
            );
        }
        // Next to the ranges, and ordinary non-ASCII: fine.
        assert_eq!(
            check(&text("\u{20}\u{80}\u{2029}\u{202f}\u{2065}\u{206a}≈—")),
            Vec::<String>::new()
        );

        let mut p = Vec::new();
        check_id(&mut p, "x.json", "id", "pm\u{202e}25");
        assert_eq!(
            messages(&p),
            ["x.json: id: expected no control or bidi-override characters, found U+202E at character 3"]
        );

        let quotes = QuoteChecker {
            file: "x.json",
            source_file: "x.txt",
            lines: Some(&["表\t56", "下一行"]),
            documents: HashMap::new(),
        };
        let quote = |q: &str| {
            let mut p = Vec::new();
            let ok = quotes.check(
                &mut p,
                "source",
                &Provenance {
                    document: None,
                    line: 1,
                    quote: q.into(),
                },
            );
            (ok, messages(&p))
        };
        assert_eq!(quote("表\t56\n下一行"), (true, vec![]));
        assert_eq!(
            quote("表\r\n下"),
            (
                false,
                vec!["x.json: source.quote: expected no control or bidi-override characters, found U+000D at character 2".to_string()]
            )
        );
        assert_eq!(
            quote("\u{202d}表"),
            (
                false,
                vec!["x.json: source.quote: expected no control or bidi-override characters, found U+202D at character 1".to_string()]
            )
        );
    }

    /// Found by tests/props.rs: a field name with an escaped line break (`"\nquote"`, from a
    /// backslash typed before `quote`) came back in serde's path and message and broke the report
    /// over two lines; a bidi override there reordered it.
    #[test]
    fn a_report_is_one_line_whatever_the_data_holds() {
        let err = parse_city("cities/x.json", r#"{"city": "x", "\nquote": 1}"#).unwrap_err();
        assert_eq!(
            parse_problem(err).to_string(),
            "cities/x.json: <U+000A>quote: unknown field `<U+000A>quote`, expected one of `city`, `name`, `province`, `plan`, `documents`, `groups`, `indicators`, `actions`, `measures`"
        );
        let err = parse_city("cities/x.json", "{\"b\u{202e}ding\": 1}").unwrap_err();
        assert!(!parse_problem(err).to_string().contains('\u{202e}'));
        let p = problem("x.json", "unit", "expected `%`, found `%\r\u{1b}[2J`");
        assert_eq!(
            p.to_string(),
            "x.json: unit: expected `%`, found `%<U+000D><U+001B>[2J`"
        );
        // A table's tab in an excerpt stays a tab.
        assert_eq!(
            problem("x.json", "", "reads «a\tb»").to_string(),
            "x.json: reads «a\tb»"
        );
    }

    #[test]
    fn dates_are_years_and_months_or_full_dates() {
        assert!(is_date("2022-06"));
        assert!(is_date("2022-10-26"));
        assert!(!is_date("2022-13"));
        assert!(!is_date("2022/10/26"));
        assert!(!is_date("22-10-26"));
    }
}
