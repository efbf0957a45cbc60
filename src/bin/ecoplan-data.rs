//! The data maintainers' tool (docs/data-format.md): `check` checks every rule of the data
//! format; `locate` finds where words are in a city's documents and writes the `source` to paste;
//! `new` starts a city from its plan's text; `views` prints every view the widget would show;
//! `prerender` writes every view's markup for the build's pages.

use ecoplan::datatools::{json_string, locate, read_header};
use ecoplan::validate::{check, sha256_hex, DataDir};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: ecoplan-data check <data directory>
       ecoplan-data locate <city> \"<words>\" [--data <data directory>]
       ecoplan-data new <city> <plan.txt> [--data <data directory>]
       ecoplan-data views <data directory>
       ecoplan-data prerender <data directory> <output directory>
       ecoplan-data <command> --help";

const HELP: &str = "ecoplan-data: the data maintainers' tool (docs/data-format.md)

  check <dir>              check every rule of the data format; one line per problem
                           (file: where: what was expected, what was found); exit 1 if any
  locate <city> \"<words>\"  every line of the city's plan (and its other documents) where the
                           words occur, ignoring line breaks and spaces, each with a `source`
                           object to paste; exit 1 if nowhere
  new <city> <plan.txt>    start a city: copy its plan's text byte for byte to
                           sources/<city>.txt, add its hash to sources/SHA256SUMS, and write
                           cities/<city>.json with what the text's header states
  views <dir>              every view the widget would show, as JSON
  prerender <dir> <out>    every view of every city in both languages as the app renders it
                           (charts as SVG), one file each in <out>, and <out>/documents.json
                           listing them (the build makes its pages of them)

  --data <dir>             the data directory for locate and new (default: data)";

const LOCATE_HELP: &str = "usage: ecoplan-data locate <city> \"<words>\" [--data <data directory>]

Prints every line of data/sources/<city>.txt (and of the city's other documents, listed in its
file's \"documents\") where the words occur. Line breaks and spaces do not matter: the plan's
text may break a sentence anywhere. Under each line, a source object to paste into the city's
file: {\"line\": N, \"quote\": \"…\"}, the quote exactly as the text has it. Exit 1 if the words
are nowhere, 2 for a usage error.";

const NEW_HELP: &str = "usage: ecoplan-data new <city> <plan.txt> [--data <data directory>]

Starts a city whose id is <city> (a-z, 0-9 and _: its name in pinyin, e.g. luoyang) from its
plan's text, a UTF-8 text file: copies it byte for byte to data/sources/<city>.txt, adds its
SHA-256 to data/sources/SHA256SUMS, and writes data/cities/<city>.json with the plan's title,
issuer, document number and date where the text's header states them, the rest left empty for
you. Then fill in the file and run `ecoplan-data check data` (docs/data-format.md, \"Adding a
city\"). Refuses a city that already has a file or a text.";

fn usage(message: &str) -> ExitCode {
    eprintln!("{message}\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let help = args.iter().any(|a| a == "--help" || a == "-h");
    match args.first().map(String::as_str) {
        None => usage("a command is needed"),
        Some("--help" | "-h" | "help") => {
            println!("{HELP}\n\n{USAGE}");
            ExitCode::SUCCESS
        }
        Some("locate") if help => {
            println!("{LOCATE_HELP}");
            ExitCode::SUCCESS
        }
        Some("new") if help => {
            println!("{NEW_HELP}");
            ExitCode::SUCCESS
        }
        Some("check" | "views") if help => {
            println!("{HELP}");
            ExitCode::SUCCESS
        }
        Some(command @ ("locate" | "new")) => {
            let mut rest = Vec::new();
            let mut dir = PathBuf::from("data");
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                if a == "--data" {
                    match it.next() {
                        Some(d) => dir = PathBuf::from(d),
                        None => return usage("--data needs a directory"),
                    }
                } else {
                    rest.push(a.as_str());
                }
            }
            let [city, arg] = rest.as_slice() else {
                return usage(&format!("`{command}` takes a city and one more argument"));
            };
            if command == "locate" {
                run_locate(&dir, city, arg)
            } else {
                run_new(&dir, city, Path::new(arg))
            }
        }
        Some("prerender") if help => {
            println!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("prerender") => {
            let [_, dir, out] = args.as_slice() else {
                return usage("`prerender` takes a data directory and an output directory");
            };
            run_prerender(Path::new(dir), Path::new(out))
        }
        Some(command @ ("check" | "views")) => {
            let [_, dir] = args.as_slice() else {
                return usage(&format!("`{command}` takes a data directory"));
            };
            run_check(command, dir)
        }
        Some(command) => usage(&format!("unknown command `{command}`")),
    }
}

fn run_check(command: &str, dir: &str) -> ExitCode {
    let data = match DataDir::read(Path::new(dir)) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::from(2);
        }
    };
    if command == "views" {
        return print_views(&data, Path::new(dir));
    }
    let problems = check(&data);
    for p in &problems {
        println!("{dir}/{p}");
    }
    if problems.is_empty() {
        println!(
            "{dir}: ok ({} city files, {} source texts)",
            data.cities.len(),
            data.sources.len()
        );
        ExitCode::SUCCESS
    } else {
        println!("{} problem(s) in {dir}", problems.len());
        ExitCode::FAILURE
    }
}

/// A city id as the data format allows it.
fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A file's text, or the exact reason it cannot be read as UTF-8.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 at byte {} (save it as UTF-8 text)",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

fn run_locate(dir: &Path, city: &str, words: &str) -> ExitCode {
    if words.trim().is_empty() {
        return usage("nothing to look for: give the words to find");
    }
    let plan = dir.join("sources").join(format!("{city}.txt"));
    if !is_id(city) || !plan.is_file() {
        eprintln!("no city `{city}`: {} does not exist", plan.display());
        return ExitCode::from(2);
    }
    // The plan, then the documents the city's file lists (if it parses).
    let mut files: Vec<(Option<String>, PathBuf)> = vec![(None, plan)];
    if let Ok(json) = std::fs::read_to_string(dir.join("cities").join(format!("{city}.json"))) {
        if let Ok(data) = ecoplan::model::parse_city(city, &json) {
            for doc in data.documents {
                files.push((Some(doc.id), dir.join("sources").join(doc.source_file)));
            }
        }
    }
    let mut found = 0;
    for (document, path) in &files {
        let text = match read_text(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
        for hit in locate(&text, words) {
            found += 1;
            println!("{}:{}: {}", path.display(), hit.line, hit.excerpt());
            let document = document
                .as_ref()
                .map(|d| format!("\"document\": {}, ", json_string(d)))
                .unwrap_or_default();
            println!(
                "  {{{document}\"line\": {}, \"quote\": {}}}",
                hit.line,
                json_string(&hit.quote)
            );
        }
    }
    if found == 0 {
        let searched: Vec<String> = files.iter().map(|(_, p)| p.display().to_string()).collect();
        println!("not found: «{words}» in {}", searched.join(", "));
        return ExitCode::FAILURE;
    }
    println!("{found} place{}", if found == 1 { "" } else { "s" });
    ExitCode::SUCCESS
}

fn run_new(dir: &Path, city: &str, plan_path: &Path) -> ExitCode {
    let fail = |message: String| {
        eprintln!("{message}");
        ExitCode::from(2)
    };
    if !is_id(city) {
        return fail(format!(
            "bad city id `{city}`: use a-z, 0-9 and _ (the name in pinyin, e.g. luoyang)"
        ));
    }
    let city_file = dir.join("cities").join(format!("{city}.json"));
    let text_file = dir.join("sources").join(format!("{city}.txt"));
    for existing in [&city_file, &text_file] {
        if existing.exists() {
            return fail(format!(
                "{} already exists: a new city needs a new id",
                existing.display()
            ));
        }
    }
    let text = match read_text(plan_path) {
        Ok(text) => text,
        Err(e) => return fail(e),
    };
    if text.trim().is_empty() {
        return fail(format!("{}: empty", plan_path.display()));
    }
    let header = read_header(&text);
    let sums_path = dir.join("sources").join("SHA256SUMS");
    let mut sums = std::fs::read_to_string(&sums_path).unwrap_or_default();
    if !sums.is_empty() && !sums.ends_with('\n') {
        sums.push('\n');
    }
    sums.push_str(&format!("{}  {city}.txt\n", sha256_hex(text.as_bytes())));
    let text_opt = |v: &Option<String>| v.as_deref().map(json_string);
    let null = || "null".to_string();
    let texts = |zh: &str| {
        format!(
            "{{\n      \"zh\": {},\n      \"en\": \"\"\n    }}",
            json_string(zh)
        )
    };
    let json = format!(
        "{{\n  \"city\": {},\n  \"name\": {{\n    \"zh\": {},\n    \"en\": \"\"\n  }},\n  \"province\": {{\n    \"zh\": \"\",\n    \"en\": \"\"\n  }},\n  \"plan\": {{\n    \"title\": {},\n    \"issuer\": {},\n    \"number\": {},\n    \"date\": {},\n    \"published\": {},\n    \"period\": \"\",\n    \"source_file\": {},\n    \"note\": null\n  }},\n  \"groups\": [],\n  \"indicators\": [],\n  \"actions\": [],\n  \"measures\": []\n}}\n",
        json_string(city),
        json_string(header.name.as_deref().unwrap_or("")),
        texts(header.title.as_deref().unwrap_or("")),
        header.issuer.as_deref().map(texts).unwrap_or_else(null),
        text_opt(&header.number).unwrap_or_else(null),
        text_opt(&header.date).unwrap_or_else(null),
        text_opt(&header.published).unwrap_or_else(null),
        json_string(&format!("{city}.txt")),
    );
    let written = std::fs::create_dir_all(dir.join("cities"))
        .and_then(|()| std::fs::create_dir_all(dir.join("sources")))
        .and_then(|()| std::fs::write(&text_file, text.as_bytes()))
        .and_then(|()| std::fs::write(&sums_path, &sums))
        .and_then(|()| std::fs::write(&city_file, &json));
    if let Err(e) = written {
        return fail(format!("{}: {e}", dir.display()));
    }
    println!("{}: the plan's text, byte for byte", text_file.display());
    println!("{}: its SHA-256 added", sums_path.display());
    println!("{}: started; from the text's header:", city_file.display());
    // What the maintainer must write, and what the text's header did not state (left null: fill
    // it in only where the plan states it elsewhere).
    let mut left = vec!["name.en", "province.zh", "province.en", "plan.title.en"];
    let mut unstated = Vec::new();
    for (field, value, required) in [
        ("plan.title.zh", &header.title, true),
        ("name.zh", &header.name, true),
        ("plan.issuer.zh", &header.issuer, false),
        ("plan.number", &header.number, false),
        ("plan.date", &header.date, false),
        ("plan.published", &header.published, false),
    ] {
        match (value, required) {
            (Some(v), _) => println!("  {field}: {v}"),
            (None, true) => left.push(field),
            (None, false) => unstated.push(field),
        }
    }
    if header.issuer.is_some() {
        left.push("plan.issuer.en");
    }
    left.extend(["plan.period", "indicators", "actions", "measures"]);
    println!(
        "left for you (docs/data-format.md, \"Adding a city\"): {}",
        left.join(", ")
    );
    if !unstated.is_empty() {
        println!(
            "not in the header (null; fill in only what the plan states elsewhere): {}",
            unstated.join(", ")
        );
    }
    println!(
        "then check it: make check-data (ecoplan-data check {})",
        dir.display()
    );
    ExitCode::SUCCESS
}

/// cargo builds every binary for the browser tests too; there, without the native views, none.
#[cfg(target_arch = "wasm32")]
fn print_views(_: &DataDir, _: &Path) -> ExitCode {
    ExitCode::FAILURE
}

#[cfg(target_arch = "wasm32")]
fn run_prerender(_: &Path, _: &Path) -> ExitCode {
    ExitCode::FAILURE
}

/// The catalog and every city file, parsed, in the picker's order (as the build lists them), with
/// the city list set from the directory; the data must parse (run `check` for the details).
#[cfg(not(target_arch = "wasm32"))]
fn read_views_data(
    data: &DataDir,
    dir: &Path,
) -> Result<(Vec<ecoplan::model::CityData>, ecoplan::model::MetricCatalog), ExitCode> {
    use ecoplan::model::{
        data_version, parse, parse_catalog, parse_city, set_city_index, CityEntry, CityIndex,
        Settings,
    };
    let catalog = match data
        .metrics
        .as_deref()
        .map(|m| parse_catalog("metrics.json", m))
    {
        Some(Ok(catalog)) => catalog,
        Some(Err(e)) => {
            eprintln!("{e}");
            return Err(ExitCode::FAILURE);
        }
        None => {
            eprintln!("metrics.json: missing");
            return Err(ExitCode::FAILURE);
        }
    };
    let mut cities = Vec::new();
    for (file, json) in &data.cities {
        match parse_city(&format!("cities/{file}"), json) {
            Ok(city) => cities.push(city),
            Err(e) => {
                eprintln!("{e}");
                return Err(ExitCode::FAILURE);
            }
        }
    }
    let default = data
        .settings
        .as_deref()
        .and_then(|s| parse::<Settings>("settings.json", s).ok())
        .map(|s| s.default_city)
        .unwrap_or_default();
    let mut index = CityIndex::from_cities(&default, cities.iter().map(CityEntry::from).collect());
    index.version = data_version(dir).unwrap_or_default();
    cities.sort_by_key(|c| index.cities.iter().position(|e| e.id == c.city));
    set_city_index(index);
    Ok((cities, catalog))
}

/// Every view as JSON on standard output.
#[cfg(not(target_arch = "wasm32"))]
fn print_views(data: &DataDir, dir: &Path) -> ExitCode {
    use std::io::Write;
    let (cities, catalog) = match read_views_data(data, dir) {
        Ok(read) => read,
        Err(code) => return code,
    };
    // A reader that stops early (`| head`) is not an error worth a panic.
    let _ = writeln!(
        std::io::stdout(),
        "{}",
        ecoplan::views::every_view(&cities, &catalog)
    );
    ExitCode::SUCCESS
}

/// Every document's markup as a file of `out`, and `out/documents.json` listing them.
#[cfg(not(target_arch = "wasm32"))]
fn run_prerender(dir: &Path, out: &Path) -> ExitCode {
    use ecoplan::prerender::{documents, render};
    use ecoplan::url_state::View;
    let data = match DataDir::read(dir) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let (cities, catalog) = match read_views_data(&data, dir) {
        Ok(read) => read,
        Err(code) => return code,
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let docs = documents(&cities);
    for doc in &docs {
        let view = View::ALL
            .into_iter()
            .find(|v| v.code() == doc.view)
            .unwrap_or_default();
        let lang = ecoplan::lang::Lang::from_code(doc.lang).unwrap_or_default();
        let html = render(&cities, &catalog, &doc.city, view, lang);
        if let Err(e) = std::fs::write(out.join(&doc.file), html) {
            eprintln!("{}: {e}", out.join(&doc.file).display());
            return ExitCode::FAILURE;
        }
    }
    let list = serde_json::to_string_pretty(&docs).unwrap_or_default();
    if let Err(e) = std::fs::write(out.join("documents.json"), list) {
        eprintln!("{}: {e}", out.join("documents.json").display());
        return ExitCode::FAILURE;
    }
    println!("{} documents in {}", docs.len(), out.display());
    ExitCode::SUCCESS
}
