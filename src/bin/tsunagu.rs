//! `tsunagu`: the command for towns' staff and for tests. Registers children in a local database,
//! shows today's messages, prints a family's whole plan, lists and searches the archive, and
//! checks the catalogue and a town's folder. All output goes through Fluent, in Japanese or English.

#[path = "tsunagu/catalogue.rs"]
mod catalogue;
#[path = "tsunagu/feed.rs"]
mod feed;
#[path = "tsunagu/town.rs"]
mod town;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use tsunagu::cadence::{Child, PlanStatus, Programme};
use tsunagu::catalogue::Catalogue;
use tsunagu::error::parse_date;
use tsunagu::i18n::{self, I18n};
use tsunagu::store::{ArchiveEntry, ArchiveFilter, EndReason, NewChild, Status, Store};
use tsunagu::{Error, Result};

#[derive(Parser)]
#[command(name = "tsunagu", version)]
struct Cli {
    /// The database file (default: $TSUNAGU_DB, or tsunagu/tsunagu.db in the user's data folder).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Output language: ja or en (default: $TSUNAGU_LANG, then $LANG, then ja).
    #[arg(long, global = true)]
    lang: Option<String>,
    /// The town's programme span: pregnancy, age1, age2 or age3.
    #[arg(long, global = true, default_value = "age3")]
    programme: String,
    /// Act as if today were this date (YYYY-MM-DD); for trying things out and for tests.
    #[arg(long, global = true, env = "TSUNAGU_TODAY")]
    today: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Register and manage children.
    #[command(subcommand)]
    Child(ChildCommand),
    /// What each child has today.
    Today {
        #[arg(long)]
        date: Option<String>,
    },
    /// A family's whole schedule.
    Plan {
        #[arg(long)]
        due: Option<String>,
        #[arg(long)]
        born: Option<String>,
        /// Print only the number of messages.
        #[arg(long)]
        count: bool,
    },
    /// Everything delivered so far, newest first.
    Archive {
        #[arg(long)]
        child: Option<i64>,
        #[arg(long)]
        unread: bool,
        #[arg(long)]
        bookmarked: bool,
    },
    /// Search the archive (Japanese substrings work).
    Search {
        #[arg(required = true)]
        words: Vec<String>,
    },
    /// A child's coming check-ups and immunisations as an .ics calendar file.
    Calendar {
        #[arg(long)]
        child: i64,
        /// Where to write the file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check the message catalogue.
    #[command(subcommand)]
    Catalogue(catalogue::CatalogueCommand),
    /// The town feed: authoring kit and sync.
    #[command(subcommand)]
    Feed(feed::FeedCommand),
    /// A town's own app: check its folder, write its build overlay.
    #[command(subcommand)]
    Town(town::TownCommand),
}

#[derive(Subcommand)]
enum ChildCommand {
    /// Register a child by due date or birth date.
    Add {
        #[arg(long)]
        due: Option<String>,
        #[arg(long)]
        born: Option<String>,
        #[arg(long, default_value = "")]
        nickname: String,
    },
    /// Record the birth.
    Born {
        id: i64,
        #[arg(long)]
        date: String,
    },
    /// Stop every message for a child.
    End {
        id: i64,
        /// pregnancy-loss, child-loss or other.
        #[arg(long)]
        reason: String,
    },
    /// Resume messages that were stopped.
    Resume { id: i64 },
    /// Record a dose from the handbook (vaccine id and dose number, as `tsunagu calendar` and
    /// content/schedule/immunisations.toml name them), or remove one recorded by mistake.
    Dose {
        id: i64,
        vaccine: String,
        number: u32,
        /// The day it was given (default: today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        remove: bool,
    },
    /// List the registered children.
    List,
}

fn main() -> ExitCode {
    let lang = language_from_args();
    let i18n = I18n::new(lang).expect("embedded locales parse");
    let mut command = Cli::command().about(i18n.t("cli-about"));
    for name in [
        "child",
        "today",
        "plan",
        "archive",
        "search",
        "calendar",
        "catalogue",
        "feed",
        "town",
    ] {
        command = command.mut_subcommand(name, |c| c.about(i18n.t(&format!("cli-about-{name}"))));
    }
    command = command.mut_subcommand("feed", |c| feed::localise(c, &i18n));
    command = command.mut_subcommand("town", |c| town::localise(c, &i18n));
    let cli = match command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli, &i18n) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", i18n.error(&e));
            ExitCode::from(2)
        }
    }
}

/// The language, read before clap so that help and errors are localised too.
fn language_from_args() -> &'static str {
    let args: Vec<String> = std::env::args().collect();
    let flag = args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let flag = flag.or_else(|| {
        args.iter()
            .find_map(|a| a.strip_prefix("--lang=").map(str::to_owned))
    });
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let wanted = flag
        .or_else(|| env("TSUNAGU_LANG"))
        .or_else(|| env("LANG"))
        .unwrap_or_default();
    let tag = wanted
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .replace('_', "-");
    i18n::negotiate(&[&tag])
}

fn run(cli: Cli, t: &I18n) -> Result<ExitCode> {
    let programme = Programme::from_name(&cli.programme).ok_or_else(|| Error::InvalidSetting {
        key: "programme".into(),
        value: cli.programme.clone(),
    })?;
    let today = match &cli.today {
        Some(d) => parse_date(d)?,
        None => Local::now().date_naive(),
    };
    let open = || Store::open(cli.db.clone().unwrap_or_else(default_db));
    match cli.command {
        Command::Child(command) => child(command, &mut open()?, today, t),
        Command::Today { date } => {
            let date = date
                .as_deref()
                .map(parse_date)
                .transpose()?
                .unwrap_or(today);
            today_report(&mut open()?, programme, date, t)
        }
        Command::Plan { due, born, count } => {
            plan(due.as_deref(), born.as_deref(), count, programme, t)
        }
        Command::Archive {
            child,
            unread,
            bookmarked,
        } => {
            let mut store = open()?;
            store.catch_up(&Catalogue::embedded()?, programme, today)?;
            let entries = store.archive(ArchiveFilter {
                child_id: child,
                unread_only: unread,
                bookmarked_only: bookmarked,
            })?;
            print_entries(&entries, t);
            Ok(ExitCode::SUCCESS)
        }
        Command::Search { words } => {
            let mut store = open()?;
            store.catch_up(&Catalogue::embedded()?, programme, today)?;
            let entries = store.search(&words.join(" "), 200)?;
            print_entries(&entries, t);
            Ok(ExitCode::SUCCESS)
        }
        Command::Calendar { child, out } => calendar(&open()?, child, out, programme, today, t),
        Command::Catalogue(command) => catalogue::run(command, t),
        Command::Feed(command) => feed::run(command, t, today, programme, open),
        Command::Town(command) => town::run(command, t),
    }
}

fn default_db() -> PathBuf {
    if let Some(path) = std::env::var_os("TSUNAGU_DB") {
        return path.into();
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("tsunagu").join("tsunagu.db")
}

fn child(command: ChildCommand, store: &mut Store, today: NaiveDate, t: &I18n) -> Result<ExitCode> {
    let record = match command {
        ChildCommand::Add {
            due,
            born,
            nickname,
        } => {
            let due_date = due.as_deref().map(parse_date).transpose()?;
            let birth_date = born.as_deref().map(parse_date).transpose()?;
            store.add_child(
                &NewChild {
                    nickname,
                    due_date,
                    birth_date,
                },
                today,
            )?
        }
        ChildCommand::Born { id, date } => store.record_birth(id, parse_date(&date)?, today)?,
        ChildCommand::End { id, reason } => {
            let reason = EndReason::from_name(&reason).ok_or(Error::InvalidSetting {
                key: "reason".into(),
                value: reason,
            })?;
            let record = store.end_child(id, reason, today)?;
            println!("{}", t.t("child-ended-support"));
            record
        }
        ChildCommand::Resume { id } => store.resume_child(id, today)?,
        ChildCommand::Dose {
            id,
            vaccine,
            number,
            date,
            remove,
        } => {
            let schedule = tsunagu::schedule::Schedule::embedded()?;
            if remove {
                store.remove_dose(&schedule, id, &vaccine, number, today)?;
            } else {
                let date = date.as_deref().map(parse_date).transpose()?;
                let dose = tsunagu::schedule::RecordedDose {
                    vaccine,
                    number,
                    date: date.unwrap_or(today),
                };
                store.record_dose(&schedule, id, &dose, today)?;
            }
            store.child(id)?
        }
        ChildCommand::List => {
            let children = store.children()?;
            if children.is_empty() {
                println!("{}", t.t("child-none"));
            }
            for record in &children {
                print_child(record, today, t);
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    print_child(&record, today, t);
    Ok(ExitCode::SUCCESS)
}

fn print_child(record: &tsunagu::store::ChildRecord, today: NaiveDate, t: &I18n) {
    let name = display_name(record.id, &record.nickname, t);
    let status = match record.status {
        Status::Expecting => t.t("status-expecting"),
        Status::Born => t.t("status-born"),
        Status::Ended(reason) => t.t(&format!("status-ended-{}", reason.name())),
    };
    let stage = match record.status {
        Status::Ended(_) => String::new(),
        _ => record
            .child
            .stage_on(today)
            .map(|s| t.stage(s))
            .unwrap_or_default(),
    };
    let mut dates = Vec::new();
    if let Some(due) = record.child.due_date {
        dates.push(t.t_args("child-due", &[("date", due.to_string().into())]));
    }
    if let Some(birth) = record.child.birth {
        dates.push(t.t_args("child-birth", &[("date", birth.date.to_string().into())]));
    }
    println!("{name}  {status}  {}  {stage}", dates.join("  "));
}

fn display_name(id: i64, nickname: &str, t: &I18n) -> String {
    let nickname = if nickname.is_empty() {
        t.t("child-unnamed")
    } else {
        nickname.to_owned()
    };
    format!("#{id} {nickname}")
}

fn today_report(
    store: &mut Store,
    programme: Programme,
    date: NaiveDate,
    t: &I18n,
) -> Result<ExitCode> {
    let catalogue = Catalogue::embedded()?;
    store.catch_up(&catalogue, programme, date)?;
    let lang = store.settings()?.locale;
    println!("{}", t.date(date));
    let children = store.children()?;
    if children.is_empty() {
        println!("{}", t.t("child-none"));
    }
    for record in children {
        let name = display_name(record.id, &record.nickname, t);
        let Some(due) = record.child.due_on(programme, date) else {
            let key = if matches!(record.status, Status::Ended(_)) {
                "today-stopped"
            } else {
                "today-outside"
            };
            println!("\n{name}\n{}", t.t(key));
            continue;
        };
        println!("\n{name}  {}", t.stage(due.stage));
        if let Some(milestone) = due.milestone {
            println!("✿ {}", t.milestone(milestone));
        }
        match due.slot {
            Some(slot) => match catalogue.message_or_primary(&lang, slot) {
                Some((_, message)) => println!("【{}】\n{}", message.title, message.plain_text()),
                None => println!(
                    "{}",
                    t.t_args("message-missing", &[("slot", slot.to_string().into())])
                ),
            },
            None => println!("{}", t.t("today-no-message")),
        }
        if due.ask_if_born {
            println!("{}", t.t("ask-if-born"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn plan(
    due: Option<&str>,
    born: Option<&str>,
    count: bool,
    programme: Programme,
    t: &I18n,
) -> Result<ExitCode> {
    let due_date = due.map(parse_date).transpose()?;
    let birth_date = born.map(parse_date).transpose()?;
    let child = Child::projected(due_date, birth_date)?;
    let entries = child.plan(programme);
    if count {
        println!("{}", entries.len());
        return Ok(ExitCode::SUCCESS);
    }
    let catalogue = Catalogue::embedded()?;
    let mut announced_assumption = false;
    for entry in &entries {
        if entry.status == PlanStatus::Assumed && !announced_assumption {
            let date = due_date.map(|d| t.date(d)).unwrap_or_default();
            println!(
                "{}",
                t.t_args("plan-assumed-birth", &[("date", date.into())])
            );
            announced_assumption = true;
        }
        let title = catalogue
            .message_or_primary(t.lang(), entry.slot)
            .map(|(_, m)| m.title.clone())
            .unwrap_or_else(|| t.t("plan-unwritten"));
        let mark = if entry.status == PlanStatus::Assumed {
            t.t("plan-assumed-mark")
        } else {
            String::new()
        };
        println!(
            "{}  {:<8}  {:<14}{mark}  {title}",
            entry.date,
            entry.slot.to_string(),
            t.stage(entry.stage)
        );
    }
    println!(
        "{}",
        t.t_args("plan-total", &[("count", entries.len().into())])
    );
    Ok(ExitCode::SUCCESS)
}

fn print_entries(entries: &[ArchiveEntry], t: &I18n) {
    if entries.is_empty() {
        println!("{}", t.t("archive-empty"));
    }
    for e in entries {
        let mut marks = Vec::new();
        if !e.read {
            marks.push(t.t("archive-unread"));
        }
        if e.bookmarked {
            marks.push(t.t("archive-bookmarked"));
        }
        if e.earlier {
            marks.push(t.t("archive-earlier"));
        }
        let title = if e.title.is_empty() {
            t.t("plan-unwritten")
        } else {
            e.title.clone()
        };
        let name = display_name(e.child_id, &e.nickname, t);
        println!(
            "{}  {name}  {}  {title}  {}",
            e.due_on,
            e.slot,
            marks.join(" ")
        );
    }
}

/// Writes the child's coming visits as RFC 5545. The store keeps no recorded doses yet, so every
/// dose is planned from the schedule alone; town events come in through the app, not here.
fn calendar(
    store: &Store,
    id: i64,
    out: Option<PathBuf>,
    programme: Programme,
    today: NaiveDate,
    t: &I18n,
) -> Result<ExitCode> {
    let record = store.child(id)?;
    if matches!(record.status, Status::Ended(_)) {
        return Err(Error::ChildEnded(id));
    }
    let plan = tsunagu::store::plan_records(
        &tsunagu::schedule::Schedule::embedded()?,
        &record,
        &store.records(id)?,
        programme,
        today,
    )?;
    let text = tsunagu::calendar::ics(&tsunagu::calendar::Export {
        child_key: &format!("child-{id}"),
        child_name: &record.nickname,
        lang: t.lang(),
        visits: &plan.visits,
        events: &[],
        stamp: chrono::Utc::now().naive_utc(),
    });
    match out {
        Some(path) => std::fs::write(&path, text).map_err(|source| Error::Io { path, source })?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
