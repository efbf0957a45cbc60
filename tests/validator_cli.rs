//! The data validator as a maintainer runs it: `ecoplan-data check <dir>` on the bundled data, and on
//! copies of it with one thing broken, asserting the exact report and exit code.

use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_ecoplan-data");

mod common;
use common::{data_dir, Scratch};

impl Scratch {
    fn json(&self, rel: &str) -> Value {
        serde_json::from_str(&fs::read_to_string(self.path(rel)).unwrap()).unwrap()
    }

    fn write_json(&self, rel: &str, value: &Value) {
        fs::write(self.path(rel), serde_json::to_string_pretty(value).unwrap()).unwrap();
    }

    /// Runs the validator; returns its exit code and standard output.
    fn check(&self) -> (i32, String) {
        run(&["check", self.0.to_str().unwrap()])
    }

    /// The report for exactly one problem, as the validator prints it.
    fn one_problem(&self, line: &str) -> String {
        format!(
            "{}/{line}\n1 problem(s) in {}\n",
            self.0.display(),
            self.0.display()
        )
    }
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(BIN).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
    )
}

/// The JSON path of the first printed (not derived) number among Jiaozuo's indicator values, in an
/// indicator without derived values (breaking a derivation's input would break the derived value too).
fn first_printed_value(city: &Value) -> (usize, usize) {
    let indicators = city["indicators"].as_array().unwrap();
    for (i, ind) in indicators.iter().enumerate() {
        let values = ind["values"].as_array().unwrap();
        if values.iter().any(|v| v.get("derived").is_some()) {
            continue;
        }
        for (j, v) in values.iter().enumerate() {
            if v["value"].is_number() && v.get("derived").is_none() {
                return (i, j);
            }
        }
    }
    panic!("no printed value in jiaozuo.json");
}

const JIAOZUO: &str = "cities/jiaozuo.json";

/// How the validator quotes a long text in a message: its first 60 characters.
fn excerpt(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_string()
    } else {
        text.chars().take(60).collect::<String>() + "…"
    }
}

#[test]
fn the_bundled_data_passes() {
    let (code, out) = run(&["check", data_dir().to_str().unwrap()]);
    assert_eq!(
        out,
        format!(
            "{}: ok (5 city files, 5 source texts)\n",
            data_dir().display()
        )
    );
    assert_eq!(code, 0);
}

#[test]
fn a_value_of_the_wrong_type_is_named_by_its_json_path() {
    let s = Scratch::new("wrong-type");
    let mut city = s.json(JIAOZUO);
    let (i, j) = first_printed_value(&city);
    city["indicators"][i]["values"][j]["year"] = Value::from("2020");
    s.write_json(JIAOZUO, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/jiaozuo.json: indicators[{i}].values[{j}].year: invalid type: string \"2020\", expected u16"
            ))
        )
    );
}

#[test]
fn a_quote_that_is_not_in_the_plan_is_reported_with_what_the_line_says() {
    let s = Scratch::new("quote");
    let mut city = s.json(JIAOZUO);
    let (i, j) = first_printed_value(&city);
    let value = &mut city["indicators"][i]["values"][j];
    let line = value["source"]["line"].as_u64().unwrap() as usize;
    value["source"]["quote"] = Value::from("这句话不在规划里");
    s.write_json(JIAOZUO, &city);
    let text = fs::read_to_string(s.path("sources/jiaozuo.txt")).unwrap();
    let excerpt = excerpt(text.split('\n').nth(line - 1).unwrap());
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/jiaozuo.json: indicators[{i}].values[{j}].source.quote: expected the quote to begin on line {line} of jiaozuo.txt, but it is nowhere in the file; line {line} reads «{excerpt}»"
            ))
        )
    );
}

#[test]
fn a_number_that_is_not_in_its_quote_is_reported() {
    let s = Scratch::new("number");
    let mut city = s.json(JIAOZUO);
    let (i, j) = first_printed_value(&city);
    city["indicators"][i]["values"][j]["value"] = Value::from(12345.6);
    let quote = city["indicators"][i]["values"][j]["source"]["quote"]
        .as_str()
        .unwrap()
        .to_string();
    s.write_json(JIAOZUO, &city);
    let excerpt = excerpt(&quote);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/jiaozuo.json: indicators[{i}].values[{j}].value: expected 12345.6 as printed in the quote «{excerpt}»; a computed value needs `derived` with its rule, inputs and formula"
            ))
        )
    );
}

#[test]
fn an_unknown_metric_is_reported() {
    let s = Scratch::new("metric");
    let mut city = s.json(JIAOZUO);
    city["indicators"][0]["metric"] = Value::from("pm2_5");
    s.write_json(JIAOZUO, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "cities/jiaozuo.json: indicators[0].metric: unknown metric `pm2_5`: expected an id from metrics.json or null"
            )
        )
    );
}

#[test]
fn a_unit_other_than_the_metrics_is_reported() {
    let s = Scratch::new("unit");
    let mut city = s.json(JIAOZUO);
    let i = city["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .position(|ind| ind["metric"] == "pm25")
        .expect("Jiaozuo has a PM2.5 indicator");
    city["indicators"][i]["unit"] = Value::from("mg/m³");
    s.write_json(JIAOZUO, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/jiaozuo.json: indicators[{i}].unit: expected `μg/m³` (the unit of metric `pm25`), found `mg/m³`"
            ))
        )
    );
}

#[test]
fn truncated_json_is_reported_with_its_position() {
    let s = Scratch::new("truncated");
    let json = fs::read_to_string(s.path(JIAOZUO)).unwrap();
    let cut: String = json.lines().take(3).collect::<Vec<_>>().join("\n");
    fs::write(s.path(JIAOZUO), &cut).unwrap();
    // Cut inside the top-level object, after its third line.
    let third = cut.lines().nth(2).unwrap();
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/jiaozuo.json: not valid JSON: EOF while parsing an object at line 3 column {}",
                third.len()
            ))
        )
    );
}

#[test]
fn an_edited_plan_text_fails_its_hash() {
    let s = Scratch::new("hash");
    let mut text = fs::read(s.path("sources/jiaozuo.txt")).unwrap();
    text.push(b'\n');
    fs::write(s.path("sources/jiaozuo.txt"), &text).unwrap();
    let (code, out) = s.check();
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with(&format!(
            "{}/sources/jiaozuo.txt: expected SHA-256 684970139f34d473c980145a6b3220ec1b7cff1003cb6197347581c7f4d83aa5 (a byte-identical copy of the document as received), found ",
            s.0.display()
        )),
        "{out}"
    );
}

#[test]
fn a_missing_city_file_is_reported() {
    let s = Scratch::new("missing");
    fs::remove_file(s.path("cities/xingtai.json")).unwrap();
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "sources/xingtai.txt: no city file cites it: a plan is `<city id>.txt` beside its `cities/<city id>.json`, another document `<city id>.<document id>.txt` listed in its `documents`"
            )
        )
    );
}

#[test]
fn a_duplicate_id_is_reported() {
    let s = Scratch::new("duplicate");
    let mut city = s.json(JIAOZUO);
    let first = city["actions"][0]["id"].clone();
    city["actions"][1]["id"] = first.clone();
    s.write_json(JIAOZUO, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/jiaozuo.json: actions[1].id: duplicate id `{}`",
                first.as_str().unwrap()
            ))
        )
    );
}

/// `text` with `c` inserted before its `n`th character (1-based).
fn insert_at(text: &str, n: usize, c: char) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    chars.insert(n - 1, c);
    chars.into_iter().collect()
}

#[test]
fn a_bidi_override_in_a_name_is_reported_by_its_code_point() {
    let s = Scratch::new("bidi-name");
    let mut city = s.json(JIAOZUO);
    let name = city["indicators"][3]["name"]["en"].as_str().unwrap();
    city["indicators"][3]["name"]["en"] = Value::from(insert_at(name, 5, '\u{202e}'));
    s.write_json(JIAOZUO, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "cities/jiaozuo.json: indicators[3].name.en: expected no control or bidi-override characters, found U+202E at character 5"
            )
        )
    );
}

#[test]
fn a_control_character_in_a_text_is_reported_by_its_code_point() {
    let s = Scratch::new("control-text");
    let mut city = s.json(JIAOZUO);
    let summary = city["actions"][0]["summary"]["zh"].as_str().unwrap();
    city["actions"][0]["summary"]["zh"] = Value::from(insert_at(summary, 3, '\u{7}'));
    s.write_json(JIAOZUO, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "cities/jiaozuo.json: actions[0].summary.zh: expected no control or bidi-override characters, found U+0007 at character 3"
            )
        )
    );
}

#[test]
fn a_bidi_isolate_in_a_quote_is_reported_once() {
    let s = Scratch::new("bidi-quote");
    let mut city = s.json(JIAOZUO);
    let quote = city["actions"][0]["source"]["quote"].as_str().unwrap();
    city["actions"][0]["source"]["quote"] = Value::from(insert_at(quote, 2, '\u{2066}'));
    s.write_json(JIAOZUO, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "cities/jiaozuo.json: actions[0].source.quote: expected no control or bidi-override characters, found U+2066 at character 2"
            )
        )
    );
}

const PINGDINGSHAN: &str = "cities/pingdingshan.json";

/// The position of an indicator in a city file, by its id.
fn indicator(city: &Value, id: &str) -> usize {
    city["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .position(|ind| ind["id"] == id)
        .unwrap_or_else(|| panic!("no indicator `{id}`"))
}

/// The position of the derived value among an indicator's values.
fn derived_value(city: &Value, i: usize) -> usize {
    city["indicators"][i]["values"]
        .as_array()
        .unwrap()
        .iter()
        .position(|v| v.get("derived").is_some())
        .expect("a derived value")
}

/// Pingdingshan's PM2.5 (51 in 2020, down 42% on 2015) and its derived 2015 level, 88.
fn pingdingshan_pm25(s: &Scratch) -> (Value, usize, usize) {
    let city = s.json(PINGDINGSHAN);
    let i = indicator(&city, "pm25");
    let j = derived_value(&city, i);
    assert_eq!(city["indicators"][i]["values"][j]["value"], 88);
    (city, i, j)
}

#[test]
fn a_derived_value_other_than_its_rule_gives_is_reported_with_the_computation() {
    let s = Scratch::new("derived-value");
    let (mut city, i, j) = pingdingshan_pm25(&s);
    let value = &mut city["indicators"][i]["values"][j];
    value["value"] = Value::from(90);
    for lang in ["zh", "en"] {
        let formula = value["derived"]["formula"][lang].as_str().unwrap();
        value["derived"]["formula"][lang] = Value::from(formula.replace("88", "90"));
    }
    s.write_json(PINGDINGSHAN, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/pingdingshan.json: indicators[{i}].values[{j}].value: expected 88 (relative_change of 51 and 42%), found 90"
            ))
        )
    );
}

#[test]
fn a_derived_value_whose_input_is_missing_is_reported() {
    let s = Scratch::new("derived-missing");
    let (mut city, i, j) = pingdingshan_pm25(&s);
    city["indicators"][i]["values"][j]["derived"]["level"]["year"] = Value::from(2019);
    s.write_json(PINGDINGSHAN, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/pingdingshan.json: indicators[{i}].values[{j}].derived.level: its level input names no printed number of this indicator (2019 actual)"
            ))
        )
    );
}

#[test]
fn a_rule_the_units_do_not_allow_is_reported_and_a_share_changed_by_a_percent_allows_none() {
    let s = Scratch::new("derived-units");
    let mut city = s.json(PINGDINGSHAN);
    // 72.1%，比2015年提高35.7%: relative or percentage points? The data derives nothing here.
    let i = indicator(&city, "good_air_days_ratio");
    let derived: Value = serde_json::from_str(
        r#"{"year": 2015, "value": 53.1, "kind": "actual", "derived": {
            "rule": "relative_change", "level": {"year": 2020, "kind": "actual"},
            "change": {"year": 2020, "kind": "change"},
            "formula": {"zh": "72.1 ÷ (1 + 35.7%) ≈ 53.1", "en": "72.1 ÷ (1 + 35.7%) ≈ 53.1"}}}"#,
    )
    .unwrap();
    city["indicators"][i]["values"]
        .as_array_mut()
        .unwrap()
        .insert(0, derived);
    s.write_json(PINGDINGSHAN, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/pingdingshan.json: indicators[{i}].values[0].derived.rule: rule relative_change does not fit a level in «%» and a change in «%»: a share changed by a per cent may be relative or in percentage points, so nothing can be derived"
            ))
        )
    );
}

#[test]
fn a_derived_value_with_a_source_is_reported() {
    let s = Scratch::new("derived-source");
    let (mut city, i, j) = pingdingshan_pm25(&s);
    let level_source = city["indicators"][i]["values"][j + 1]["source"].clone();
    city["indicators"][i]["values"][j]["source"] = level_source;
    s.write_json(PINGDINGSHAN, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/pingdingshan.json: indicators[{i}].values[{j}].source: expected no source (a derived value is printed nowhere; its inputs carry the sources), found one"
            ))
        )
    );
}

#[test]
fn a_formula_without_the_result_is_reported() {
    let s = Scratch::new("derived-formula");
    let (mut city, i, j) = pingdingshan_pm25(&s);
    city["indicators"][i]["values"][j]["derived"]["formula"]["en"] =
        Value::from("51 ÷ (1 − 42%), from 2020's 51 and “down 42% on 2015”");
    s.write_json(PINGDINGSHAN, &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "cities/pingdingshan.json: indicators[{i}].values[{j}].derived.formula.en: expected each input and the result as printed (51, 42, 88), found «51 ÷ (1 − 42%), from 2020's 51 and “down 42% on 2015”» without 88"
            ))
        )
    );
}

#[test]
fn a_standards_limit_for_an_unknown_metric_is_reported() {
    let s = Scratch::new("standard-metric");
    let mut catalog = s.json("metrics.json");
    assert_eq!(catalog["standards"][0]["number"], "GB 3095—2012");
    catalog["standards"][0]["limits"][0]["metric"] = Value::from("pm2_5");
    s.write_json("metrics.json", &catalog);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "metrics.json: standards[0].limits[0].metric: unknown metric `pm2_5`: expected an id from `metrics`"
            )
        )
    );
}

#[test]
fn a_default_city_without_a_file_is_reported() {
    let s = Scratch::new("default-city");
    let mut settings = s.json("settings.json");
    settings["default_city"] = Value::from("luoyang");
    s.write_json("settings.json", &settings);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "settings.json: default_city: expected a city with a file in cities/ (jiaozuo, jiyuan, pingdingshan, xingtai, zhengzhou), found `luoyang`"
            )
        )
    );
}

#[test]
fn a_city_file_named_other_than_an_id_is_reported() {
    let s = Scratch::new("city-name");
    fs::rename(
        s.path("cities/jiaozuo.json"),
        s.path("cities/Jiao-zuo.json"),
    )
    .unwrap();
    let (code, out) = s.check();
    assert_eq!(code, 1);
    let dir = s.0.display();
    assert_eq!(
        out,
        format!(
            "{dir}/cities/Jiao-zuo.json: city: expected `Jiao-zuo` (the file's name), found `jiaozuo`\n\
             {dir}/cities/Jiao-zuo.json: plan.source_file: expected `Jiao-zuo.txt`, found `jiaozuo.txt`\n\
             {dir}/sources/jiaozuo.txt: no city file cites it: a plan is `<city id>.txt` beside its `cities/<city id>.json`, another document `<city id>.<document id>.txt` listed in its `documents`\n\
             3 problem(s) in {dir}\n"
        )
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&["lint", "data"]).0, 2);
    let (code, out) = run(&["check", "/nonexistent/ecoplan-data"]);
    assert_eq!(
        (code, out.as_str()),
        (2, "/nonexistent/ecoplan-data: not a directory\n")
    );
}

/// The made-up further document of tests/fixtures/document/ added to a scratch copy: Jiaozuo's
/// `documents`, its text and hash, and a 2023 PM2.5 level citing it. Returns the scratch.
fn with_document_fixture(name: &str) -> Scratch {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/document");
    let s = Scratch::new(name);
    let text = fs::read(fixture.join("jiaozuo.bulletin_2023.txt")).unwrap();
    fs::write(s.path("sources/jiaozuo.bulletin_2023.txt"), &text).unwrap();
    let mut sums = fs::read_to_string(s.path("sources/SHA256SUMS")).unwrap();
    sums.push_str(&format!(
        "{}  jiaozuo.bulletin_2023.txt\n",
        ecoplan::validate::sha256_hex(&text)
    ));
    fs::write(s.path("sources/SHA256SUMS"), sums).unwrap();
    let read = |f: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(fixture.join(f)).unwrap()).unwrap()
    };
    let mut city = s.json("cities/jiaozuo.json");
    city["documents"] = Value::Array(vec![read("document.json")]);
    let pm25 = city["indicators"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["id"] == "pm25")
        .unwrap();
    pm25["values"]
        .as_array_mut()
        .unwrap()
        .insert(2, read("value.json"));
    s.write_json("cities/jiaozuo.json", &city);
    s
}

#[test]
fn a_value_may_cite_a_further_document_whose_quote_is_checked_there() {
    let s = with_document_fixture("document-ok");
    let (code, out) = s.check();
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            format!("{}: ok (5 city files, 6 source texts)\n", s.0.display()).as_str()
        )
    );

    // The quote is looked for in the document, not the plan.
    let mut city = s.json("cities/jiaozuo.json");
    city["indicators"][0]["values"][2]["source"]["line"] = Value::from(5);
    s.write_json("cities/jiaozuo.json", &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "cities/jiaozuo.json: indicators[0].values[2].source.quote: expected the quote to begin on line 5 of jiaozuo.bulletin_2023.txt, but it begins on line 6 instead"
            )
        )
    );
    city["indicators"][0]["values"][2]["source"]["line"] = Value::from(6);
    city["indicators"][0]["values"][2]["source"]["document"] = Value::from("bulletin_2024");
    s.write_json("cities/jiaozuo.json", &city);
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "cities/jiaozuo.json: indicators[0].values[2].source.document: expected the id of one of the city's documents (bulletin_2023), found `bulletin_2024`"
            )
        )
    );
}

#[test]
fn a_further_documents_text_must_be_there_listed_and_named_after_it() {
    let s = with_document_fixture("document-text");
    let mut city = s.json("cities/jiaozuo.json");
    city["documents"][0]["source_file"] = Value::from("bulletin.txt");
    city["documents"][0]["date"] = Value::from("2024年6月");
    s.write_json("cities/jiaozuo.json", &city);
    let dir = s.0.display();
    assert_eq!(
        s.check(),
        (
            1,
            format!(
                "{dir}/cities/jiaozuo.json: documents[0].date: expected YYYY-MM-DD or YYYY-MM, found `2024年6月`\n\
                 {dir}/cities/jiaozuo.json: documents[0].source_file: expected `jiaozuo.bulletin_2023.txt`, found `bulletin.txt`\n\
                 {dir}/cities/jiaozuo.json: documents[0].source_file: no source text `sources/bulletin.txt`: add the document's text, byte for byte, and its line in SHA256SUMS\n\
                 {dir}/sources/jiaozuo.bulletin_2023.txt: no city file cites it: a plan is `<city id>.txt` beside its `cities/<city id>.json`, another document `<city id>.<document id>.txt` listed in its `documents`\n\
                 4 problem(s) in {dir}\n"
            )
        )
    );
}

#[test]
fn the_changelog_is_there_dated_newest_first_and_says_something() {
    let s = Scratch::new("changelog");
    fs::write(
        s.path("CHANGELOG.md"),
        "# What changed\n\n## 2026-11-22\n\n- First.\n\n## 2026-12-03\n\n## 3 December\n- Later.\n",
    )
    .unwrap();
    let dir = s.0.display();
    assert_eq!(
        s.check(),
        (
            1,
            format!(
                "{dir}/CHANGELOG.md: line 7: expected the newest entry first, found 2026-12-03 after 2026-11-22\n\
                 {dir}/CHANGELOG.md: line 7: expected what changed on 2026-12-03, found nothing under its heading\n\
                 {dir}/CHANGELOG.md: line 9: expected a heading `## YYYY-MM-DD`, found `## 3 December`\n\
                 3 problem(s) in {dir}\n"
            )
        )
    );
    fs::remove_file(s.path("CHANGELOG.md")).unwrap();
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(
                "CHANGELOG.md: missing: what changed in the data, newest first, under `## YYYY-MM-DD` headings"
            )
        )
    );
}

#[test]
fn a_text_not_in_sha256sums_is_reported_with_the_line_to_add() {
    let s = with_document_fixture("unlisted");
    let sums = fs::read_to_string(s.path("sources/SHA256SUMS")).unwrap();
    let kept: String = sums
        .lines()
        .filter(|l| !l.ends_with("jiaozuo.bulletin_2023.txt"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(s.path("sources/SHA256SUMS"), kept).unwrap();
    let hash = ecoplan::validate::sha256_hex(
        &fs::read(s.path("sources/jiaozuo.bulletin_2023.txt")).unwrap(),
    );
    assert_eq!(
        s.check(),
        (
            1,
            s.one_problem(&format!(
                "sources/jiaozuo.bulletin_2023.txt: not listed in SHA256SUMS: once the text is exactly as received, add the line `{hash}  jiaozuo.bulletin_2023.txt`"
            ))
        )
    );
}
