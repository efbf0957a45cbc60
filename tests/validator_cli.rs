//! The data validator as a maintainer runs it: `ecoplan-data check <dir>` on the bundled data, and on
//! copies of it with one thing broken, asserting the exact report and exit code.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{fs, io};

const BIN: &str = env!("CARGO_BIN_EXE_ecoplan-data");

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// A scratch copy of `data/`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("ecoplan-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        copy_dir(&data_dir(), &dir).expect("copy data/");
        Scratch(dir)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

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

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(BIN).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
    )
}

/// The JSON path of the first printed (not derived) number among Jiaozuo's indicator values.
fn first_printed_value(city: &Value) -> (usize, usize) {
    let indicators = city["indicators"].as_array().unwrap();
    for (i, ind) in indicators.iter().enumerate() {
        for (j, v) in ind["values"].as_array().unwrap().iter().enumerate() {
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
                "cities/jiaozuo.json: indicators[{i}].values[{j}].value: expected 12345.6 as printed in the quote «{excerpt}»; mark a computed value \"derived\": true with its formula in `note`"
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
            "{}/sources/jiaozuo.txt: expected SHA-256 684970139f34d473c980145a6b3220ec1b7cff1003cb6197347581c7f4d83aa5 (a byte-identical copy of the plan), found ",
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
                "cities/xingtai.json: missing: every city needs its file (pingdingshan, zhengzhou, jiaozuo, jiyuan, xingtai)"
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
