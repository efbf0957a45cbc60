//! Property tests: the parsers, the validator and the URL state never panic on any input, the
//! validator always says where a problem is, and a parsed URL state round-trips. The case counts
//! are fixed (and in the tests' names) so a run's summary says how much was tried.
#![cfg(not(target_arch = "wasm32"))]

use ecoplan::model::{parse_catalog, parse_city};
use ecoplan::url_state::{parse_query, to_query};
use ecoplan::validate::{check, DataDir};
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::OnceLock;

const PARSE_CASES: u32 = 256;
/// A full check of the real data takes about 60-120 ms in a debug build: 128 keep this file near 10 s.
const CHECK_CASES: u32 = 128;
const QUERY_CASES: u32 = 512;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // A failure is shrunk and reported here; it is kept as a unit test, not in a file.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---- (a) the data parsers on any text ----

proptest! {
    #![proptest_config(config(PARSE_CASES))]

    #[test]
    fn parse_never_panics_on_any_string_256_cases(s in any::<String>()) {
        let _ = parse_city("cities/x.json", &s);
        let _ = parse_catalog("metrics.json", &s);
    }

    #[test]
    fn parse_never_panics_on_any_bytes_256_cases(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let s = String::from_utf8_lossy(&bytes);
        let _ = parse_city("cities/x.json", &s);
        let _ = parse_catalog("metrics.json", &s);
    }

    /// Text that looks like JSON: braces, quotes and the data's field names, so the parser gets
    /// past the first character.
    #[test]
    fn parse_never_panics_on_json_like_text_256_cases(
        s in "([{}\\[\\]:,\" ]|\"(city|name|zh|en|plan|indicators|values|year|value|metrics|standards)\"|[0-9.eE+-]{1,6}|null|true|\\PC){0,64}"
    ) {
        let _ = parse_city("cities/x.json", &s);
        let _ = parse_catalog("metrics.json", &s);
    }
}

// ---- (b) the validator on the real data with one city file mutated ----

/// `data/` as `ecoplan-data check` reads it.
fn real_data() -> &'static DataDir {
    static DATA: OnceLock<DataDir> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let data = DataDir::read(&dir).unwrap();
        assert_eq!(check(&data), vec![], "the bundled data passes");
        data
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Deletes up to `len` characters from `at`.
    Delete { at: Index, len: usize },
    /// Inserts a copy of up to `len` characters from `from` at `to`.
    Duplicate { from: Index, len: usize, to: Index },
    /// Replaces the character at `at` with `with`.
    Replace { at: Index, with: char },
    /// Swaps the characters at `a` and `b`.
    Swap { a: Index, b: Index },
    /// Inserts `text` (a JSON escape, a quote, a hidden character) at `at`.
    Insert { at: Index, text: &'static str },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Mostly small edits (which keep most of the file parseable), sometimes large ones.
    let len = prop_oneof![4 => 1..8usize, 1 => 8..4000usize];
    // Characters that matter to JSON and to the data, and any other.
    let with = prop_oneof![
        3 => proptest::sample::select(vec!['{', '}', '[', ']', '"', ',', ':', '0', '9', '.', '-', 'e', 'n', ' ', '\\', '\u{202e}', '\u{7}']),
        1 => any::<char>(),
    ];
    prop_oneof![
        (any::<Index>(), len.clone()).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<Index>(), len, any::<Index>()).prop_map(|(from, len, to)| Mutation::Duplicate {
            from,
            len,
            to
        }),
        (any::<Index>(), with).prop_map(|(at, with)| Mutation::Replace { at, with }),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Swap { a, b }),
        (
            any::<Index>(),
            proptest::sample::select(vec![
                "\\n",
                "\\t",
                "\\u202e",
                "\\u0000",
                "\"",
                "\\",
                "\u{2066}",
                "\u{1b}[2J"
            ])
        )
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
    ]
}

/// Applies the mutation at character boundaries, so the text stays valid UTF-8.
fn mutate(text: &str, m: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    match m {
        Mutation::Delete { at, len } => {
            let at = at.index(n);
            chars.drain(at..(at + len).min(n));
        }
        Mutation::Duplicate { from, len, to } => {
            let from = from.index(n);
            let copy: Vec<char> = chars[from..(from + len).min(n)].to_vec();
            let to = to.index(n + 1);
            chars.splice(to..to, copy);
        }
        Mutation::Replace { at, with } => {
            let at = at.index(n);
            chars[at] = *with;
        }
        Mutation::Swap { a, b } => {
            chars.swap(a.index(n), b.index(n));
        }
        Mutation::Insert { at, text } => {
            let at = at.index(n + 1);
            chars.splice(at..at, text.chars());
        }
    }
    chars.into_iter().collect()
}

const CITY_FILES: [&str; 5] = [
    "jiaozuo.json",
    "jiyuan.json",
    "pingdingshan.json",
    "xingtai.json",
    "zhengzhou.json",
];

/// What a mutated file came to, counted over a run (printed with `--nocapture`).
#[derive(Debug, Default)]
struct Outcomes {
    no_problem: usize,
    syntax: usize,
    shape: usize,
    other: usize,
}

#[test]
fn check_never_panics_and_says_where_on_a_mutated_city_128_cases() {
    let outcomes = std::cell::RefCell::new(Outcomes::default());
    let mut runner = proptest::test_runner::TestRunner::new(config(CHECK_CASES));
    let strategy = (proptest::sample::select(CITY_FILES.to_vec()), mutation());
    let result = runner.run(&strategy, |(city, m)| {
        let mut data = real_data().clone();
        let text = mutate(&data.cities[city], &m);
        let file = format!("cities/{city}");
        let is_json = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        let shape_error = is_json && parse_city(&file, &text).is_err();
        data.cities.insert(city.to_string(), text);
        let problems = check(&data);
        for p in &problems {
            prop_assert!(!p.file.is_empty(), "{p:?}");
            prop_assert!(!p.message.trim().is_empty(), "{p:?}");
            // One line, in reading order, whatever the mutation put in a name or a value.
            let line = p.to_string();
            prop_assert!(
                !line.contains(['\n', '\r', '\u{202e}', '\u{2066}', '\u{1b}']),
                "one line: {p:?}"
            );
        }
        if shape_error {
            // Valid JSON of the wrong shape: the one problem names where in the file.
            prop_assert_eq!(problems.len(), 1, "{:?}", problems);
            prop_assert_eq!(&problems[0].file, &file);
            prop_assert!(!problems[0].path.is_empty(), "{:?}", problems[0]);
        }
        let mut o = outcomes.borrow_mut();
        match () {
            _ if problems.is_empty() => o.no_problem += 1,
            _ if shape_error => o.shape += 1,
            _ if !is_json => o.syntax += 1,
            _ => o.other += 1,
        }
        Ok(())
    });
    eprintln!("check: {CHECK_CASES} cases: {:?}", outcomes.borrow());
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---- (c) the URL state ----

/// Queries made of the keys the widget reads, with real, hostile and arbitrary values.
fn query() -> impl Strategy<Value = String> {
    let key = proptest::sample::select(vec!["lang", "city", "view", "metric", "theme", "x", ""]);
    let value = prop_oneof![
        proptest::sample::select(vec![
            "en",
            "zh",
            "zh-CN",
            "en-GB",
            "fr",
            "jiaozuo",
            "xingtai",
            "luoyang",
            "air",
            "green",
            "compare",
            "overview",
            "pm25",
            "good_air_days",
            "dark",
            "light",
            "",
            "%70m25",
            "%E9%83%91",
            "%",
            "%zz",
            "%4",
            "+",
            "a%20b",
            "PM25",
        ])
        .prop_map(String::from),
        "[a-z0-9_%+=&?]{0,12}".prop_map(String::from),
        any::<String>(),
    ];
    let pair = (key, proptest::option::of(value)).prop_map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k.to_string(),
    });
    (any::<bool>(), proptest::collection::vec(pair, 0..6))
        .prop_map(|(q, pairs)| format!("{}{}", if q { "?" } else { "" }, pairs.join("&")))
}

proptest! {
    #![proptest_config(config(QUERY_CASES))]

    #[test]
    fn parse_query_never_panics_and_round_trips_on_any_string_512_cases(q in any::<String>()) {
        let state = parse_query(&q);
        prop_assert_eq!(parse_query(&to_query(&state)), state);
    }

    #[test]
    fn parse_query_round_trips_on_the_widgets_keys_512_cases(q in query()) {
        let state = parse_query(&q);
        prop_assert_eq!(parse_query(&to_query(&state)), state.clone());
        // What it writes is already in its canonical form.
        let canonical = to_query(&state);
        prop_assert_eq!(to_query(&parse_query(&canonical)), canonical);
    }
}

#[test]
fn proptest_case_counts() {
    eprintln!(
        "proptest: {} cases of parse (x3 strategies), {CHECK_CASES} of check, {} of parse_query (x2 strategies)",
        PARSE_CASES, QUERY_CASES
    );
}
