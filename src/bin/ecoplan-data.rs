//! The data maintainers' tool: `ecoplan-data check data/` checks every rule of docs/data-format.md;
//! `ecoplan-data views data/` prints every view the widget would show, as JSON.

use ecoplan::validate::{check, DataDir};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str =
    "usage: ecoplan-data check <data directory>\n       ecoplan-data views <data directory>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [command, dir] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if command != "check" && command != "views" {
        eprintln!("unknown command `{command}`\n{USAGE}");
        return ExitCode::from(2);
    }
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

/// cargo builds every binary for the browser tests too; there, without serde_json, no views.
#[cfg(target_arch = "wasm32")]
fn print_views(_: &DataDir, _: &Path) -> ExitCode {
    ExitCode::FAILURE
}

/// Every view as JSON on standard output; the data must parse (run `check` for the details).
#[cfg(not(target_arch = "wasm32"))]
fn print_views(data: &DataDir, dir: &Path) -> ExitCode {
    use ecoplan::model::{
        data_version, parse, parse_catalog, parse_city, set_city_index, CityEntry, CityIndex,
        Settings,
    };
    use ecoplan::views::every_view;
    use std::io::Write;

    let catalog = match data
        .metrics
        .as_deref()
        .map(|m| parse_catalog("metrics.json", m))
    {
        Some(Ok(catalog)) => catalog,
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        None => {
            eprintln!("metrics.json: missing");
            return ExitCode::FAILURE;
        }
    };
    // Every city file, in the picker's order (as the build lists them), the directory's default.
    let mut cities = Vec::new();
    for (file, json) in &data.cities {
        match parse_city(&format!("cities/{file}"), json) {
            Ok(city) => cities.push(city),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
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
    // A reader that stops early (`| head`) is not an error worth a panic.
    let _ = writeln!(std::io::stdout(), "{}", every_view(&cities, &catalog));
    ExitCode::SUCCESS
}
