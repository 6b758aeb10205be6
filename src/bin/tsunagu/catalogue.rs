//! `tsunagu catalogue`: the editors' tools. Checks the catalogue and the schedule files (the
//! embedded ones, or a draft folder on disk) and writes the catalogue out as the app renders it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use tsunagu::catalogue::Catalogue;
use tsunagu::i18n::I18n;
use tsunagu::{Error, Result};

#[derive(Subcommand)]
pub enum CatalogueCommand {
    /// Run every check and report coverage.
    Check {
        /// Check a content folder on disk (holding catalogue.toml and messages/) instead of the
        /// catalogue compiled into this binary: editors check their drafts without rebuilding.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Write every message as the app shows it (title and HTML body per language and slot) to a
    /// JSON file: for reading the catalogue in a browser, and for the UI's mock backend.
    Export {
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(command: CatalogueCommand, t: &I18n) -> Result<ExitCode> {
    match command {
        CatalogueCommand::Check { dir } => catalogue_check(t, dir),
        CatalogueCommand::Export { out } => catalogue_export(&out),
    }
}

/// Reads a content folder laid out as `content/` is: `catalogue.toml` and `messages/<locale>/*.md`.
fn catalogue_from_dir(dir: &Path) -> Result<Catalogue> {
    let unreadable =
        |path: &Path, e: std::io::Error| Error::Catalogue(format!("{}: {e}", path.display()));
    let manifest_path = dir.join("catalogue.toml");
    let manifest =
        std::fs::read_to_string(&manifest_path).map_err(|e| unreadable(&manifest_path, e))?;
    let messages = dir.join("messages");
    let mut files = Vec::new();
    for locale in std::fs::read_dir(&messages).map_err(|e| unreadable(&messages, e))? {
        let locale = locale.map_err(|e| unreadable(&messages, e))?.path();
        if !locale.is_dir() {
            continue;
        }
        let name = locale
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for file in std::fs::read_dir(&locale).map_err(|e| unreadable(&locale, e))? {
            let path = file.map_err(|e| unreadable(&locale, e))?.path();
            if path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| unreadable(&path, e))?;
            let file = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            files.push((name.clone(), file, text));
        }
    }
    Catalogue::from_files(
        &manifest,
        files
            .iter()
            .map(|(l, f, t)| (l.clone(), f.clone(), t.as_str())),
    )
}

/// `{"ja": {"p-04d0": {"title": …, "html": …}, …}, "en": {…}}`, in slot order.
fn catalogue_export(out: &Path) -> Result<ExitCode> {
    let catalogue = Catalogue::embedded()?;
    let mut locales = serde_json::Map::new();
    for locale in catalogue.locales() {
        let messages: serde_json::Map<String, serde_json::Value> = catalogue
            .messages(locale)
            .map(|m| {
                let text = serde_json::json!({ "title": m.title, "html": m.html() });
                (m.slot.to_string(), text)
            })
            .collect();
        locales.insert(locale.to_owned(), messages.into());
    }
    let text = serde_json::to_string(&locales).expect("a JSON value serialises");
    std::fs::write(out, text + "\n")
        .map_err(|e| Error::Catalogue(format!("{}: {e}", out.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// The schedule files of a content folder (`schedule/*.toml`), as `(schedule/<name>, text)`; each
/// file the embedded schedule has must be there.
fn schedule_from_dir(dir: &Path) -> Result<Vec<(String, String)>> {
    let folder = dir.join("schedule");
    let mut files = Vec::new();
    for name in tsunagu::schedule::FILES {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Catalogue(format!("{}: {e}", path.display())))?;
        files.push((name.to_owned(), text));
    }
    if let Ok(entries) = std::fs::read_dir(&folder) {
        for entry in entries.flatten() {
            let name = format!("schedule/{}", entry.file_name().to_string_lossy());
            if name.ends_with(".toml") && !files.iter().any(|(n, _)| *n == name) {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                files.push((name, text));
            }
        }
    }
    Ok(files)
}

fn catalogue_check(t: &I18n, dir: Option<PathBuf>) -> Result<ExitCode> {
    let (catalogue, schedule) = match dir {
        Some(dir) => (catalogue_from_dir(&dir)?, schedule_from_dir(&dir)?),
        None => (
            Catalogue::embedded()?,
            tsunagu::schedule::FILES
                .iter()
                .map(|path| {
                    let text = tsunagu::catalogue::content_file(path).unwrap_or_default();
                    (path.to_string(), text.to_owned())
                })
                .collect(),
        ),
    };
    let mut report = catalogue.check();
    report
        .findings
        .extend(tsunagu::schedule::check_files(schedule));
    for coverage in &report.coverage {
        let missing = if coverage.missing.is_empty() {
            t.t("coverage-none-missing")
        } else {
            coverage.missing.join(", ")
        };
        println!(
            "{}",
            t.t_args(
                "coverage",
                &[
                    ("locale", coverage.locale.clone().into()),
                    ("written", coverage.written.into()),
                    ("total", coverage.total.into()),
                    ("missing", missing.into()),
                ]
            )
        );
        for &(range, written, total, complete) in &coverage.ranges {
            let state = if complete {
                t.t("coverage-complete")
            } else {
                t.t("coverage-in-progress")
            };
            let name = t.t(&format!("range-{}", range.name()));
            println!("  {name}: {written}/{total} {state}");
        }
    }
    for (file, finding) in &report.findings {
        println!("{file}: {}", t.finding(finding));
    }
    println!(
        "{}",
        t.t_args("check-findings", &[("count", report.findings.len().into())])
    );
    Ok(if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
