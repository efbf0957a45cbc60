//! `ecoplan-data locate` and `ecoplan-data new` as a maintainer runs them, on the bundled data and
//! on scratch copies of it, asserting the exact output and exit code.

use ecoplan::validate::quote_starts_in;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_ecoplan-data");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the tool in the repository; returns its exit code, standard output and standard error.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

mod common;
use common::Scratch;

/// Every source object the output offers, checked against its file as the validator checks it.
fn assert_sources_validate(out: &str, data: &Path) {
    let mut file = String::new();
    let mut checked = 0;
    for line in out.lines() {
        if let Some(source) = line.strip_prefix("  ") {
            let v: Value = serde_json::from_str(source).unwrap();
            let text = fs::read_to_string(&file).unwrap();
            let lines: Vec<&str> = text.split('\n').collect();
            let at = v["line"].as_u64().unwrap() as usize - 1;
            assert!(
                quote_starts_in(&lines, at, v["quote"].as_str().unwrap()),
                "{line}"
            );
            checked += 1;
        } else if let Some((path, _)) = line.split_once(".txt:") {
            file = format!("{path}.txt");
            assert!(Path::new(&file).starts_with(data), "{file}");
        }
    }
    assert!(checked > 0, "{out}");
}

#[test]
fn locate_finds_one_place_with_a_source_to_paste() {
    let (code, out, err) = run(&["locate", "jiaozuo", "细颗粒物(PM2.5)浓度"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            0,
            "data/sources/jiaozuo.txt:140: 城市细颗粒物(PM2.5)浓度(μg/m³\n  {\"line\": 140, \"quote\": \"细颗粒物(PM2.5)浓度\"}\n1 place\n",
            ""
        )
    );
    assert_sources_validate(&out, Path::new("data"));
}

#[test]
fn locate_finds_a_quote_across_a_page_break_whatever_the_spacing_typed() {
    let (code, out, _) = run(&[
        "locate",
        "jiyuan",
        "完成省定细颗粒物浓度 46 微克每立方米目标",
    ]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "data/sources/jiyuan.txt:23: …和主要污染物总量减排目标。到2025年，完成省定细颗粒物浓度46微\n  {\"line\": 23, \"quote\": \"完成省定细颗粒物浓度46微\\n\\n克每立方米目标\"}\n1 place\n"
        )
    );
    assert_sources_validate(&out, Path::new("data"));
}

#[test]
fn locate_lists_several_places() {
    let (code, out, _) = run(&["locate", "jiyuan", "细颗粒物"]);
    assert_eq!(code, 0);
    assert!(out.ends_with("\n4 places\n"), "{out}");
    let lines: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("data/sources/jiyuan.txt:"))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_sources_validate(&out, Path::new("data"));
}

#[test]
fn locate_says_where_it_looked_when_the_words_are_nowhere() {
    assert_eq!(
        run(&["locate", "xingtai", "臭氧浓度达到了每立方米"]),
        (
            1,
            "not found: «臭氧浓度达到了每立方米» in data/sources/xingtai.txt\n".into(),
            String::new()
        )
    );
}

#[test]
fn locate_refuses_an_unknown_city_empty_words_and_a_text_that_is_not_utf8() {
    let (code, _, err) = run(&["locate", "luoyang", "细颗粒物"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("no city `luoyang`: data/sources/luoyang.txt does not exist"),
        "{err}"
    );
    let (code, _, err) = run(&["locate", "jiyuan", "  "]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("nothing to look for: give the words to find\n"),
        "{err}"
    );

    let s = Scratch::new("latin1");
    let mut bytes = "第一行\n细颗粒物".as_bytes().to_vec();
    bytes.splice(10..10, [0xb5, 0xe7]);
    fs::write(s.0.join("sources/jiyuan.txt"), bytes).unwrap();
    let (code, out, err) = run(&["locate", "jiyuan", "细颗粒物", "--data", s.arg()]);
    assert_eq!(
        (code, out.as_str(), err),
        (
            2,
            "",
            format!(
                "{}/sources/jiyuan.txt: not UTF-8 at byte 10 (save it as UTF-8 text)\n",
                s.arg()
            )
        )
    );
}

#[test]
fn locate_looks_in_the_citys_further_documents_too() {
    let s = Scratch::new("document");
    let fixture = root().join("tests/fixtures/document");
    fs::copy(
        fixture.join("jiaozuo.bulletin_2023.txt"),
        s.0.join("sources/jiaozuo.bulletin_2023.txt"),
    )
    .unwrap();
    let path = s.0.join("cities/jiaozuo.json");
    let mut city: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    city["documents"] = Value::Array(vec![serde_json::from_str(
        &fs::read_to_string(fixture.join("document.json")).unwrap(),
    )
    .unwrap()]);
    fs::write(&path, serde_json::to_string_pretty(&city).unwrap()).unwrap();
    let (code, out, _) = run(&["locate", "jiaozuo", "年均浓度为49微克", "--data", s.arg()]);
    assert_eq!(
        (code, out),
        (
            0,
            format!(
                "{}/sources/jiaozuo.bulletin_2023.txt:6: 2023年，全市细颗粒物（PM2.5）年均浓度为\n  {{\"document\": \"bulletin_2023\", \"line\": 6, \"quote\": \"年均浓度为\\n49微克\"}}\n1 place\n",
                s.arg()
            )
        )
    );
    let (_, out, _) = run(&["locate", "jiaozuo", "臭氧浓度达到了", "--data", s.arg()]);
    assert_eq!(
        out,
        format!(
            "not found: «臭氧浓度达到了» in {0}/sources/jiaozuo.txt, {0}/sources/jiaozuo.bulletin_2023.txt\n",
            s.arg()
        )
    );
}

/// `new` on a copy of a real plan: the file it writes, and what it says it filled.
fn new_city(from: &str) -> (Value, String) {
    let s = Scratch::new(&format!("tools-new-{from}"));
    let plan = root().join(format!("data/sources/{from}.txt"));
    let (code, out, err) = run(&["new", "ceshi", plan.to_str().unwrap(), "--data", s.arg()]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert_eq!(
        fs::read(s.0.join("sources/ceshi.txt")).unwrap(),
        fs::read(&plan).unwrap(),
        "byte for byte"
    );
    let sums = fs::read_to_string(s.0.join("sources/SHA256SUMS")).unwrap();
    assert!(sums.ends_with(&format!(
        "{}  ceshi.txt\n",
        ecoplan::validate::sha256_hex(&fs::read(&plan).unwrap())
    )));
    let city: Value =
        serde_json::from_str(&fs::read_to_string(s.0.join("cities/ceshi.json")).unwrap()).unwrap();
    // The check then lists what is left, and only that: the hash and the texts are in place.
    let check = Command::new(BIN).args(["check", s.arg()]).output().unwrap();
    let report = String::from_utf8(check.stdout).unwrap();
    assert!(
        report.contains("cities/ceshi.json: name.en: expected text, found an empty string"),
        "{report}"
    );
    assert!(
        !report.contains("SHA256SUMS") && !report.contains("sources/ceshi.txt"),
        "{report}"
    );
    (city, out)
}

#[test]
fn new_fills_in_what_each_real_plans_header_states_as_its_city_file_has_it() {
    for id in ["jiaozuo", "zhengzhou", "jiyuan", "pingdingshan", "xingtai"] {
        let (city, out) = new_city(id);
        let real: Value = serde_json::from_str(
            &fs::read_to_string(root().join(format!("data/cities/{id}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(city["city"], "ceshi");
        assert_eq!(city["plan"]["source_file"], "ceshi.txt");
        assert_eq!(city["name"]["zh"], real["name"]["zh"], "{id}");
        assert_eq!(
            city["name"]["en"], "",
            "English is the maintainer's translation"
        );
        for field in ["number", "date"] {
            assert_eq!(city["plan"][field], real["plan"][field], "{id} {field}");
        }
        assert_eq!(
            city["plan"]["issuer"]["zh"], real["plan"]["issuer"]["zh"],
            "{id} issuer"
        );
        let title = city["plan"]["title"]["zh"].as_str().unwrap();
        // Pingdingshan's header prints `(报审稿)`; its city file writes the brackets full-width.
        assert_eq!(
            title.replace('(', "（").replace(')', "）"),
            real["plan"]["title"]["zh"].as_str().unwrap(),
            "{id}"
        );
        assert!(
            out.contains(&format!("  plan.title.zh: {title}\n")),
            "{out}"
        );
        assert!(out.contains("left for you (docs/data-format.md, \"Adding a city\"): name.en, province.zh, province.en, plan.title.en"), "{out}");
    }
    // Xingtai's text states only its title: nothing else is filled in.
    let (city, out) = new_city("xingtai");
    assert_eq!(city["plan"]["issuer"], Value::Null);
    assert!(
        out.contains("left for you (docs/data-format.md, \"Adding a city\"): name.en, province.zh, province.en, plan.title.en, plan.period, indicators, actions, measures\n\
            not in the header (null; fill in only what the plan states elsewhere): plan.issuer.zh, plan.number, plan.date, plan.published\n"),
        "{out}"
    );
}

#[test]
fn new_refuses_an_existing_city_a_bad_id_and_a_plan_that_is_not_utf8() {
    let s = Scratch::new("refuse");
    let plan = root().join("data/sources/jiyuan.txt");
    let plan = plan.to_str().unwrap();
    let (code, _, err) = run(&["new", "jiyuan", plan, "--data", s.arg()]);
    assert_eq!(
        (code, err),
        (
            2,
            format!(
                "{}/cities/jiyuan.json already exists: a new city needs a new id\n",
                s.arg()
            )
        )
    );
    let (code, _, err) = run(&["new", "Luo-yang", plan, "--data", s.arg()]);
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "bad city id `Luo-yang`: use a-z, 0-9 and _ (the name in pinyin, e.g. luoyang)\n"
        )
    );
    let latin1 = s.0.join("plan-gbk.txt");
    fs::write(&latin1, [b'a', b'b', 0xff, 0xbd, 0xb6, 0xa5]).unwrap();
    let (code, _, err) = run(&[
        "new",
        "luoyang",
        latin1.to_str().unwrap(),
        "--data",
        s.arg(),
    ]);
    assert_eq!(
        (code, err),
        (
            2,
            format!(
                "{}: not UTF-8 at byte 2 (save it as UTF-8 text)\n",
                latin1.display()
            )
        )
    );
    assert!(!s.0.join("cities/luoyang.json").exists(), "nothing written");
    assert!(!s.0.join("sources/luoyang.txt").exists(), "nothing written");
}

#[test]
fn every_command_has_its_help() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("ecoplan-data: the data maintainers' tool"),
        "{out}"
    );
    for command in ["locate", "new"] {
        let (code, out, err) = run(&[command, "--help"]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert!(
            out.starts_with(&format!("usage: ecoplan-data {command} <city>")),
            "{out}"
        );
    }
    let (code, _, err) = run(&["locate", "jiyuan"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("`locate` takes a city and one more argument\nusage:"),
        "{err}"
    );
}
