//! The on-device store: one SQLite file (WAL, foreign keys on) with numbered migrations. Every
//! write a reader makes is one transaction. A file from a newer version is refused and left
//! untouched; a file that is not a readable database is reported, never replaced.

mod archive;
mod children;
mod feed;
mod migrations;
mod records;
mod settings;
mod share;
mod survey;
mod transfer;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

pub use archive::{ArchiveEntry, ArchiveFilter, TownEntry};
pub use children::{ChildRecord, EndReason, NewChild, Status};
pub use feed::{Applied, FeedStatus};
pub use migrations::LATEST as SCHEMA_VERSION;
pub use records::{Records, plan_records};
pub use settings::{Settings, TextSize, Theme};
pub use share::{Confirm, ShareChange, Shared};
pub use survey::SurveyMark;

/// The oldest SQLite the schema runs on, as a number and as said.
const MIN_SQLITE: (i32, &str) = (3_037_000, "3.37.0");

/// The open database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to this version.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                path: parent.into(),
                source,
            })?;
        }
        if path.exists() {
            // Read-only first: a writable connection to a file that turns out unreadable could
            // still checkpoint or delete its write-ahead log when it closes.
            Store::probe(&path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| corrupt(&path, e))?;
        Store::init(conn, path)
    }

    /// Checks an existing file on a read-only connection, changing nothing: this version can
    /// read it (not from a newer one) and SQLite finds it sound.
    fn probe(path: &Path) -> Result<()> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| corrupt(path, e))?;
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| corrupt(path, e))?;
        if found > migrations::LATEST {
            return Err(Error::DatabaseTooNew {
                path: path.to_path_buf(),
                found,
                supported: migrations::LATEST,
            });
        }
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| corrupt(path, e))?;
        if check != "ok" {
            return Err(Error::DatabaseCorrupt {
                path: path.to_path_buf(),
                detail: check,
            });
        }
        Ok(())
    }

    /// A database that lives only in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Store> {
        // STRICT tables need 3.37; the trigram tokenizer, 3.34. Only a system SQLite can be older.
        if rusqlite::version_number() < MIN_SQLITE.0 {
            return Err(Error::SqliteTooOld {
                found: rusqlite::version().to_owned(),
                needed: MIN_SQLITE.1,
            });
        }
        // An existing file was checked read-only by `open`; a new or in-memory one has nothing yet.
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| corrupt(&path, e))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| corrupt(&path, e))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // As a pragma: rusqlite's busy_timeout() needs SQLite 3.44, newer than some systems have.
        conn.pragma_update(None, "busy_timeout", 5000)?;
        let mut store = Store { conn, path };
        store.migrate(found)?;
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        for (i, sql) in migrations::MIGRATIONS
            .iter()
            .enumerate()
            .skip(from.max(0) as usize)
        {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Applies the first `version` migrations to a new connection: lets tests build a file as an
    /// older release left it.
    #[doc(hidden)]
    pub fn create_at_version(path: impl AsRef<Path>, version: i64) -> Result<()> {
        let mut conn = Connection::open(path)?;
        for (i, sql) in migrations::MIGRATIONS
            .iter()
            .enumerate()
            .take(version as usize)
        {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// Moves a database the app cannot open (unreadable, or from a newer version) out of the way,
/// with its write-ahead log and shared-memory files: renamed in the same folder to a name that says
/// when (`tsunagu.unreadable-20261126-093000.db`), never deleted, so that a fresh database can be
/// made in its place and the old one still be given to someone who can help. Returns the new path
/// of the main file. A file that opens is not moved (`data-readable`).
pub fn set_aside(path: &Path, at: NaiveDateTime) -> Result<PathBuf> {
    if path.exists() && Store::probe(path).is_ok() {
        return Err(Error::DataReadable(path.to_path_buf()));
    }
    // Names are built from the OS's own strings: a lossy conversion would name the companions
    // of a non-UTF-8 path wrongly and leave them behind.
    let stem = path
        .file_stem()
        .map_or_else(|| "tsunagu".into(), |s| s.to_os_string());
    let ext = path
        .extension()
        .map_or_else(|| "db".into(), |s| s.to_os_string());
    let stamp = at.format("%Y%m%d-%H%M%S");
    let target = (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let mut name = stem.clone();
            name.push(format!(".unreadable-{stamp}{suffix}."));
            name.push(&ext);
            path.with_file_name(name)
        })
        .find(|p| !p.exists())
        .expect("some free name");
    let rename = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|source| Error::Io {
            path: from.to_path_buf(),
            source,
        })
    };
    // The companions first: if the main file cannot move, a fresh start is not possible anyway,
    // and a log beside its own database is never separated from it for long.
    let with_suffix = |p: &Path, suffix: &str| {
        let mut name = p.as_os_str().to_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    for companion in ["-wal", "-shm"] {
        let from = with_suffix(path, companion);
        if from.exists() {
            rename(&from, &with_suffix(&target, companion))?;
        }
    }
    rename(path, &target)?;
    Ok(target)
}

fn corrupt(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
            Error::DatabaseCorrupt {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }
        }
        _ => Error::Database(e),
    }
}

fn date_to_sql(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn date_from_sql(s: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    s.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}
