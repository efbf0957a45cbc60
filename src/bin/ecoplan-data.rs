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
        return print_views(&data);
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
fn print_views(_: &DataDir) -> ExitCode {
    ExitCode::FAILURE
}

/// Every view as JSON on standard output; the data must parse (run `check` for the details).
#[cfg(not(target_arch = "wasm32"))]
fn print_views(data: &DataDir) -> ExitCode {
    use ecoplan::model::{city_ids, parse, parse_catalog, parse_city, CityIndex};
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
    // The directory's own list of cities, else the one the widget was built with.
    let listed: Vec<String> = match data
        .city_list
        .as_deref()
        .map(|j| parse::<CityIndex>("cities.json", j))
    {
        Some(Ok(index)) => index.cities.into_iter().map(|c| c.id).collect(),
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        None => city_ids().map(String::from).collect(),
    };
    let mut cities = Vec::new();
    for id in &listed {
        let file = format!("{id}.json");
        let Some(json) = data.cities.get(&file) else {
            eprintln!("cities/{file}: missing");
            return ExitCode::FAILURE;
        };
        match parse_city(&format!("cities/{file}"), json) {
            Ok(city) => cities.push(city),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    // A reader that stops early (`| head`) is not an error worth a panic.
    let _ = writeln!(std::io::stdout(), "{}", every_view(&cities, &catalog));
    ExitCode::SUCCESS
}
