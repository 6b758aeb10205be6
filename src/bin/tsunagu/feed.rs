//! `tsunagu feed …`: the town's authoring kit (init, validate, keygen, sign, verify, preview,
//! serve) and a sync of the local database against the town's feed. See `docs/feed.md`.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Days, Local, NaiveDate};
use clap::Subcommand;
use tsunagu::cadence::{Child, Programme, birthday};
use tsunagu::catalogue::Catalogue;
use tsunagu::error::parse_date;
use tsunagu::feed::{
    self, EventNotice, Feed, FetchConfig, Problem, ProblemKind, SyncOutcome, TrustedComment, kit,
};
use tsunagu::i18n::I18n;
use tsunagu::store::Store;
use tsunagu::town::Town;
use tsunagu::{Error, Result};

#[path = "feed/serve.rs"]
mod serve;
use serve::serve;

#[derive(Subcommand)]
pub enum FeedCommand {
    /// Write a commented starter feed for the town.
    Init {
        path: PathBuf,
        /// The town id (default: the town this build is for).
        #[arg(long)]
        town: Option<String>,
    },
    /// Check a feed: every problem with its item and field.
    Validate { file: PathBuf },
    /// Make a minisign key pair: PREFIX.pub and PREFIX.key.
    Keygen {
        prefix: PathBuf,
        /// Encrypt the secret key with the password in this environment variable.
        #[arg(long)]
        password_env: Option<String>,
    },
    /// Sign a feed: writes FILE.minisig.
    Sign {
        file: PathBuf,
        #[arg(long)]
        key: PathBuf,
        /// The secret key's password is in this environment variable.
        #[arg(long)]
        password_env: Option<String>,
    },
    /// Check FILE.minisig against FILE, as an app does.
    Verify {
        file: PathBuf,
        /// A .pub file or the key's base64 line (default: this build's town key).
        #[arg(long)]
        key: Option<String>,
    },
    /// What a family with these dates would see, day by day.
    Preview {
        #[arg(long)]
        due: Option<String>,
        #[arg(long)]
        born: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// A draft feed (default: the feed bundled with this build).
        #[arg(long)]
        feed: Option<PathBuf>,
    },
    /// Serve a folder on 127.0.0.1 (with ETag and 304) to try an app against a draft feed.
    Serve {
        dir: PathBuf,
        #[arg(long, default_value_t = 8750)]
        port: u16,
    },
    /// Bring the local database's copy of the town's feed up to date, as the app does.
    Sync {
        /// Another address for the feed (default: the town's).
        #[arg(long)]
        url: Option<String>,
    },
}

/// Localised descriptions of the subcommands.
pub fn localise(command: clap::Command, t: &I18n) -> clap::Command {
    let mut command = command;
    for name in [
        "init", "validate", "keygen", "sign", "verify", "preview", "serve", "sync",
    ] {
        command = command.mut_subcommand(name, |c| c.about(t.t(&format!("cli-about-feed-{name}"))));
    }
    command
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(io_error(path))
}

fn with_extension(path: &Path, ext: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(ext);
    PathBuf::from(s)
}

/// Writes a new file, never over an existing one; `private` files are readable by the owner only.
fn create(path: &Path, text: &str, private: bool) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut file = options.open(path).map_err(io_error(path))?;
    file.write_all(text.as_bytes()).map_err(io_error(path))
}

fn password(env: Option<&str>) -> Result<Option<String>> {
    env.map(|name| {
        std::env::var(name).map_err(|_| Error::InvalidSetting {
            key: "password-env".into(),
            value: name.to_owned(),
        })
    })
    .transpose()
}

pub fn run(
    command: FeedCommand,
    t: &I18n,
    today: NaiveDate,
    programme: Programme,
    open: impl Fn() -> Result<Store>,
) -> Result<ExitCode> {
    match command {
        FeedCommand::Init { path, town } => {
            let brand = Town::embedded()?;
            let id = town.unwrap_or_else(|| brand.id.clone());
            let name = if id == brand.id {
                brand.name.get("ja").to_owned()
            } else {
                id.clone()
            };
            create(
                &path,
                &kit::starter(&id, &name, Local::now().fixed_offset()),
                false,
            )?;
            println!(
                "{}",
                t.t_args(
                    "feed-init-written",
                    &[("path", path.display().to_string().into())]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        FeedCommand::Validate { file } => validate(&file, today, t),
        FeedCommand::Keygen {
            prefix,
            password_env,
        } => {
            let password = password(password_env.as_deref())?;
            let encrypted = password.is_some();
            let keys = kit::keygen(password)?;
            let (public, secret) = (
                with_extension(&prefix, ".pub"),
                with_extension(&prefix, ".key"),
            );
            if secret.exists() {
                return Err(Error::Io {
                    path: secret,
                    source: std::io::ErrorKind::AlreadyExists.into(),
                });
            }
            create(&public, &keys.public_key, false)?;
            create(&secret, &keys.secret_key, true)?;
            let args = [
                ("public", public.display().to_string().into()),
                ("secret", secret.display().to_string().into()),
                ("key", keys.public_key_base64.clone().into()),
            ];
            println!("{}", t.t_args("feed-keygen-written", &args));
            if !encrypted {
                println!("{}", t.t("feed-keygen-unencrypted"));
            }
            Ok(ExitCode::SUCCESS)
        }
        FeedCommand::Sign {
            file,
            key,
            password_env,
        } => {
            let bytes = read(&file)?;
            let secret = String::from_utf8_lossy(&read(&key)?).into_owned();
            let signature = kit::sign(&bytes, &secret, password(password_env.as_deref())?)?;
            let out = with_extension(&file, ".minisig");
            std::fs::write(&out, &signature).map_err(io_error(&out))?;
            let comment = feed::parse(&bytes)
                .map(|p| TrustedComment::of(&p.feed).to_string())
                .unwrap_or_default();
            let args = [
                ("path", out.display().to_string().into()),
                ("comment", comment.into()),
            ];
            println!("{}", t.t_args("feed-sign-written", &args));
            Ok(ExitCode::SUCCESS)
        }
        FeedCommand::Verify { file, key } => {
            let key = match key {
                Some(k) if Path::new(&k).is_file() => {
                    String::from_utf8_lossy(&read(Path::new(&k))?).into_owned()
                }
                Some(k) => k,
                None => Town::embedded()?.public_key,
            };
            let bytes = read(&file)?;
            let signature = read(&with_extension(&file, ".minisig"))?;
            let verified = feed::verify(&bytes, &signature, &key)?;
            let f = verified.feed();
            let args = [
                ("path", file.display().to_string().into()),
                ("town", f.town.clone().into()),
                ("version", f.version.to_string().into()),
            ];
            println!("{}", t.t_args("feed-verify-ok", &args));
            Ok(ExitCode::SUCCESS)
        }
        FeedCommand::Preview {
            due,
            born,
            from,
            to,
            feed,
        } => preview(
            PreviewArgs {
                due,
                born,
                from,
                to,
                feed,
            },
            programme,
            t,
        ),
        FeedCommand::Serve { dir, port } => serve(&dir, port, t),
        FeedCommand::Sync { url } => {
            let mut town = Town::embedded()?;
            if let Some(url) = url {
                town.feed_url = url;
            }
            let mut store = open()?;
            let now = Local::now().fixed_offset();
            store.apply_baseline(&town, now)?;
            let outcome = feed::sync(&mut store, &town, &FetchConfig::default(), now)?;
            let line = match &outcome {
                SyncOutcome::Updated { version } => t.t_args(
                    "feed-sync-updated",
                    &[("version", version.to_string().into())],
                ),
                SyncOutcome::NotModified => t.t("feed-sync-not-modified"),
                SyncOutcome::Rejected(e) => {
                    t.t_args("feed-sync-rejected", &[("reason", t.error(e).into())])
                }
            };
            println!("{line}");
            if let Some(status) = store.feed_status(&town.id)? {
                let version = status
                    .version
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "-".into());
                let generated = status
                    .generated_at
                    .map(|g| g.to_rfc3339())
                    .unwrap_or_else(|| "-".into());
                let args = [("version", version.into()), ("generated", generated.into())];
                println!("{}", t.t_args("feed-sync-status", &args));
            }
            Ok(match outcome {
                SyncOutcome::Rejected(_) => ExitCode::FAILURE,
                _ => ExitCode::SUCCESS,
            })
        }
    }
}

fn validate(file: &Path, today: NaiveDate, t: &I18n) -> Result<ExitCode> {
    let bytes = read(file)?;
    let (parsed, mut problems) = match feed::parse(&bytes) {
        Ok(parsed) => {
            let lints = parsed.lints.clone();
            (Some(parsed), lints)
        }
        Err(problems) => (None, problems),
    };
    if let Some(p) = &parsed
        && p.feed.expires_at.date_naive() < today
    {
        problems.push(Problem {
            item: None,
            field: "_tsunagu.expires_at".into(),
            kind: ProblemKind::Expired(p.feed.expires_at.to_rfc3339()),
        });
    }
    for p in &problems {
        println!("{}: {}", file.display(), p.describe(t));
    }
    if let Some(p) = &parsed
        && problems.is_empty()
    {
        let args = [
            ("path", file.display().to_string().into()),
            ("overlays", p.feed.overlays.len().into()),
            ("notices", p.feed.notices.len().into()),
            ("surveys", p.feed.surveys.len().into()),
            ("version", p.feed.version.to_string().into()),
        ];
        println!("{}", t.t_args("feed-valid", &args));
        let comment = TrustedComment::of(&p.feed).to_string();
        println!(
            "{}",
            t.t_args("feed-trusted-comment", &[("comment", comment.into())])
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}",
        t.t_args("feed-problems", &[("count", problems.len().into())])
    );
    Ok(ExitCode::FAILURE)
}

struct PreviewArgs {
    due: Option<String>,
    born: Option<String>,
    from: Option<String>,
    to: Option<String>,
    feed: Option<PathBuf>,
}

/// The feed a preview shows: a draft file (checked, not verified) or the bundled one (verified).
fn preview_feed(path: Option<&Path>, t: &I18n) -> Result<Option<Feed>> {
    match path {
        Some(path) => match feed::parse(&read(path)?) {
            Ok(parsed) => Ok(Some(parsed.feed)),
            Err(problems) => {
                for p in &problems {
                    eprintln!("{}: {}", path.display(), p.describe(t));
                }
                Err(Error::FeedInvalid(problems))
            }
        },
        None => {
            let town = Town::embedded()?;
            let files = (
                tsunagu::catalogue::content_file(&format!("towns/{}/feed.json", town.id)),
                tsunagu::catalogue::content_file(&format!("towns/{}/feed.json.minisig", town.id)),
            );
            match files {
                (Some(bytes), Some(sig)) => Ok(Some(
                    feed::verify(bytes.as_bytes(), sig.as_bytes(), &town.public_key)?
                        .feed()
                        .clone(),
                )),
                _ => Ok(None),
            }
        }
    }
}

fn when(n: &EventNotice, t: &I18n) -> String {
    let mut s = t.date(n.starts.date);
    if let Some(time) = n.starts.time {
        s.push_str(&format!(" {}", time.format("%H:%M")));
    }
    if let Some(place) = &n.place {
        s.push_str(&t.t_args("feed-preview-place", &[("place", place.clone().into())]));
    }
    s
}

fn preview(args: PreviewArgs, programme: Programme, t: &I18n) -> Result<ExitCode> {
    let due_date = args.due.as_deref().map(parse_date).transpose()?;
    let birth_date = args.born.as_deref().map(parse_date).transpose()?;
    let child = Child::projected(due_date, birth_date)?;
    let start = child.registered_on;
    let end = match birth_date {
        Some(birth) => birthday(birth, 3),
        None => start + Days::new(252 + 13),
    };
    let from = args
        .from
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(start);
    let to = args
        .to
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(end);
    let town_feed = preview_feed(args.feed.as_deref(), t)?;
    let catalogue = Catalogue::embedded()?;
    let lang = t.lang();
    let mut mentioned: HashSet<String> = HashSet::new();
    for date in from.iter_days().take_while(|d| *d <= to) {
        let Some(due) = child.due_on(programme, date) else {
            continue;
        };
        let mut lines = Vec::new();
        if let Some(slot) = due.slot {
            let title = catalogue
                .message_or_primary(lang, slot)
                .map(|(_, m)| m.title.clone())
                .unwrap_or_else(|| t.t("plan-unwritten"));
            lines.push(format!("  {slot}  {title}"));
        }
        if let Some(milestone) = due.milestone {
            lines.push(format!("  ✿ {}", t.milestone(milestone)));
        }
        if let Some(f) = &town_feed {
            for o in f.overlays_on(&child, programme, date, lang) {
                lines.push(format!(
                    "  {}",
                    t.t_args("feed-preview-town", &[("title", o.title.clone().into())])
                ));
                for line in feed::body_text(&o.body)
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                {
                    lines.push(format!("      {line}"));
                }
            }
            // A survey is mentioned once, on the first open day it is for the family (a preview
            // has no dismissals: the card would show from then until it closes).
            let open = feed::survey_for(
                &f.surveys,
                std::slice::from_ref(&child),
                programme,
                date,
                lang,
                |s| mentioned.contains(&format!("survey:{}", s.key)),
            );
            if let Some(s) = open {
                mentioned.insert(format!("survey:{}", s.key));
                let args = [
                    ("title", s.title.clone().into()),
                    ("until", t.date(s.until).into()),
                ];
                lines.push(format!("  {}", t.t_args("feed-preview-survey", &args)));
            }
            // An event is mentioned once, in the notification of the first day it concerns the family.
            for n in f.notices_for(&child, programme, date, lang) {
                if mentioned.insert(n.key.clone()) {
                    let args = [
                        ("title", n.title.clone().into()),
                        ("when", when(n, t).into()),
                    ];
                    lines.push(format!("  {}", t.t_args("feed-preview-event", &args)));
                }
            }
        }
        if lines.is_empty() {
            continue;
        }
        println!("{}  {}", t.date(date), t.stage(due.stage));
        for line in lines {
            println!("{line}");
        }
    }
    if town_feed.is_none() {
        println!("{}", t.t("feed-preview-no-feed"));
    }
    Ok(ExitCode::SUCCESS)
}
