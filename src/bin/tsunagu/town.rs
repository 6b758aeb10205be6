//! `tsunagu town …`: a town folder checked before a build, and turned into the Tauri CLI's config
//! overlay by `scripts/build-town`. See `docs/towns.md`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use tsunagu::i18n::I18n;
use tsunagu::town::{Town, bundle, check};
use tsunagu::{Error, Result};

#[derive(Subcommand)]
pub enum TownCommand {
    /// Every problem in a town folder, with its field.
    Check {
        /// A town id (content/towns/<id>) or a folder.
        town: String,
    },
    /// Write the Tauri config overlay and desktop entry for a town's build.
    Overlay {
        /// A town id (content/towns/<id>) or a folder.
        town: String,
        /// Where to write tauri.town.json and the desktop entry.
        #[arg(long)]
        out: PathBuf,
        /// The folder `tauri icon` wrote the town's icons to.
        #[arg(long)]
        icons: PathBuf,
        /// The app's own config, whose windows the overlay copies.
        #[arg(long, default_value = "src-tauri/tauri.conf.json")]
        base: PathBuf,
    },
}

/// Localised descriptions of the subcommands.
pub fn localise(command: clap::Command, t: &I18n) -> clap::Command {
    let mut command = command;
    for name in ["check", "overlay"] {
        command = command.mut_subcommand(name, |c| c.about(t.t(&format!("cli-about-town-{name}"))));
    }
    command
}

pub fn run(command: TownCommand, t: &I18n) -> Result<ExitCode> {
    match command {
        TownCommand::Check { town } => check_folder(&folder(&town), t),
        TownCommand::Overlay {
            town,
            out,
            icons,
            base,
        } => write_overlay(&folder(&town), &out, &icons, &base, t),
    }
}

/// `content/towns/<id>` for a town id, else the folder as given.
fn folder(town: &str) -> PathBuf {
    let by_id = Path::new("content/towns").join(town);
    let is_id = !town.contains(['/', '\\']) && town != "." && town != "..";
    if is_id && (by_id.is_dir() || !Path::new(town).is_dir()) {
        by_id
    } else {
        PathBuf::from(town)
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A file's bytes, or `None` when there is no such file.
fn read_if_there(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn check_folder(dir: &Path, t: &I18n) -> Result<ExitCode> {
    let toml_path = dir.join("town.toml");
    let toml = String::from_utf8_lossy(&read(&toml_path)?).into_owned();
    let icon = read_if_there(&dir.join(check::ICON))?;
    let feed = read_if_there(&dir.join("feed.json"))?;
    let feed_signature = read_if_there(&dir.join("feed.json.minisig"))?;
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()));
    let problems = check::check(&check::Folder {
        name: name.as_deref(),
        town_toml: &toml,
        icon: icon.as_deref(),
        feed: feed.as_deref(),
        feed_signature: feed_signature.as_deref(),
    });
    for problem in &problems {
        println!("{}", problem.describe(t));
    }
    let dir_text = dir.display().to_string();
    if problems.is_empty() {
        println!("{}", t.t_args("town-check-ok", &[("dir", dir_text.into())]));
        Ok(ExitCode::SUCCESS)
    } else {
        let args = [("dir", dir_text.into()), ("count", problems.len().into())];
        println!("{}", t.t_args("town-check-problems", &args));
        Ok(ExitCode::FAILURE)
    }
}

fn write_overlay(dir: &Path, out: &Path, icons: &Path, base: &Path, t: &I18n) -> Result<ExitCode> {
    let toml = read(&dir.join("town.toml"))?;
    let town = Town::parse(&String::from_utf8_lossy(&toml))?;
    let base_text = read(base)?;
    let base_config: serde_json::Value = serde_json::from_slice(&base_text)
        .map_err(|e| Error::Catalogue(format!("{}: {e}", base.display())))?;
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    std::fs::create_dir_all(out).map_err(|source| Error::Io {
        path: out.to_path_buf(),
        source,
    })?;
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let desktop = absolute(&out.join(format!("{}.desktop", town.app.package)));
    write(&desktop, &bundle::desktop_entry(&town))?;
    let overlay = bundle::overlay(&town, &base_config, &absolute(icons), &desktop);
    let overlay_path = out.join("tauri.town.json");
    let text = serde_json::to_string_pretty(&overlay).expect("a JSON value serialises");
    write(&overlay_path, &(text + "\n"))?;
    let args = [("path", overlay_path.display().to_string().into())];
    println!("{}", t.t_args("town-overlay-written", &args));
    Ok(ExitCode::SUCCESS)
}
