//! The data maintainers' tool: `ecoplan-data check data/` checks every rule of docs/data-format.md.

use ecoplan::validate::{check, DataDir};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::{fs, io};

const USAGE: &str = "usage: ecoplan-data check <data directory>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [command, dir] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if command != "check" {
        eprintln!("unknown command `{command}`\n{USAGE}");
        return ExitCode::from(2);
    }
    let data = match read_dir(Path::new(dir)) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::from(2);
        }
    };
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

fn read_dir(dir: &Path) -> io::Result<DataDir> {
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
    })
}
