//! The one error type of the core. Each error has a stable `code` (the same string crosses IPC to
//! the app's UI) and arguments for its localised message in `locales/*/tsunagu.ftl`
//! (`error-<code>`); `Display` is a plain English fallback for logs.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A date that is not a real calendar date in `YYYY-MM-DD`.
    InvalidDate(String),
    /// Neither a due date nor a birth date was given.
    NoDates,
    /// The due date is more than 40 weeks away.
    DueDateTooFar {
        due_date: NaiveDate,
    },
    /// The due date passed more than two weeks ago and no birth is recorded.
    DueDatePassed {
        due_date: NaiveDate,
    },
    BirthInFuture {
        birth_date: NaiveDate,
    },
    /// A birth before 22w0d of the recorded pregnancy.
    BirthBeforeViable {
        birth_date: NaiveDate,
        due_date: NaiveDate,
    },
    /// A birth more than four weeks after the due date.
    BirthAfterDueDate {
        birth_date: NaiveDate,
        due_date: NaiveDate,
    },
    /// A birth more than three years ago: past the programme.
    BirthTooLongAgo {
        birth_date: NaiveDate,
    },
    UnknownSlot(String),
    UnknownChild(i64),
    /// No archive entry has this id.
    UnknownDelivery(i64),
    /// A link that is not https, mailto or tel; it is not opened.
    LinkNotAllowed(String),
    /// An import file that is not a tsunagu export or contradicts itself; nothing was changed.
    InvalidImport(String),
    /// The birth of this child is already recorded.
    AlreadyBorn(i64),
    /// A birth date was given as a correction, but no birth is recorded: record the birth instead.
    NotBorn(i64),
    /// Messages for this child were stopped; resuming is a separate, deliberate step.
    ChildEnded(i64),
    /// The child's messages are running; there is nothing to resume.
    ChildNotEnded(i64),
    UnknownLocale(String),
    InvalidSetting {
        key: String,
        value: String,
    },
    /// The database was written by a newer version of the app; it is left untouched.
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The system's SQLite (used on Linux, where the web view already loads it) lacks what the
    /// schema needs; nothing is opened.
    SqliteTooOld {
        found: String,
        needed: &'static str,
    },
    /// Asked to set aside a database that opens fine: it stays where it is.
    DataReadable(PathBuf),
    /// The file is not a readable tsunagu database; it is reported, never replaced.
    DatabaseCorrupt {
        path: PathBuf,
        detail: String,
    },
    Database(rusqlite::Error),
    /// A catalogue that fails its checks.
    Catalogue(String),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The build has no usable public key for its town's feed.
    FeedNoKey,
    /// The feed address is not https (plain http is allowed to this machine only).
    FeedInsecureUrl(String),
    /// The feed server could not be reached or the connection failed.
    FeedNetwork(String),
    FeedTimeout,
    /// The connection closed before the whole feed arrived.
    FeedTruncated,
    /// The feed server answered with an unexpected HTTP status.
    FeedHttp(u16),
    /// The feed is larger than an app accepts.
    FeedTooLarge {
        max: u64,
    },
    /// No signature was published beside the feed, or it is not a minisign signature.
    FeedUnsigned,
    /// The feed was signed with a key other than the town's.
    FeedWrongKey,
    /// The signature does not match the feed's bytes: changed after signing, or damaged.
    FeedSignature,
    /// The signed trusted comment does not name this feed's town, version and generation time.
    FeedComment(String),
    /// A `_tsunagu.schema` this build does not read.
    FeedSchema(String),
    /// The feed document fails its checks.
    FeedInvalid(Vec<crate::feed::Problem>),
    /// The feed is another town's.
    FeedWrongTown {
        found: String,
        expected: String,
    },
    /// The feed's version is older than the one held (a rollback); the held one is kept.
    FeedRollback {
        held: u64,
        offered: u64,
    },
    /// The feed is past its `expires_at`; the held one is kept.
    FeedExpired {
        expires_at: String,
    },
    /// A minisign key file that cannot be used (damaged, or a wrong or missing password).
    FeedKey(String),
    /// The schedule files (`content/schedule/`) cannot be read.
    Schedule(String),
    /// A recorded dose names a vaccine the schedule does not have.
    UnknownVaccine(String),
    /// A recorded dose number the vaccine's course does not have.
    UnknownDose {
        vaccine: String,
        number: u32,
    },
    /// The same dose recorded twice.
    DoseRecordedTwice {
        vaccine: String,
        number: u32,
    },
    /// A child's dose dated before the birth, or a dose in pregnancy dated after it.
    DoseOutsideLife {
        vaccine: String,
        number: u32,
        date: NaiveDate,
    },
    /// Dose n recorded without dose n-1.
    DoseWithoutPrevious {
        vaccine: String,
        number: u32,
    },
    /// Dose n dated on or before dose n-1.
    DoseBeforePrevious {
        vaccine: String,
        number: u32,
    },
    /// Doses of two alternative vaccines (such as both rotavirus vaccines) are recorded.
    MixedVaccines {
        choice: String,
    },
    /// A dose or a check-up dated after today: only what happened is recorded.
    RecordInFuture {
        date: NaiveDate,
    },
    /// A check-up visit the child's plan does not have.
    UnknownCheckup(String),
    /// A correction or removal of a dose or check-up that was never recorded.
    NotRecorded(String),
    /// Text from the reader over a limit (a nickname, search words): refused, not cut.
    TextTooLong {
        field: &'static str,
        max: usize,
    },
    /// A share code that fails its check character or does not read as a whole (a typo, a
    /// missing part); nothing was changed.
    ShareCodeDamaged,
    /// A share code made by another town's app.
    ShareCodeOtherTown,
    /// A share code in a format newer than this app reads: the app needs updating.
    ShareCodeTooNew {
        found: u8,
        supported: u8,
    },
}

/// The longest nickname, in characters.
pub const MAX_NICKNAME_CHARS: usize = 40;
/// The longest search, in characters, and the most words in it.
pub const MAX_SEARCH_CHARS: usize = 200;
pub const MAX_SEARCH_WORDS: usize = 16;

/// Refuses reader text over `max` characters, naming the field.
pub fn check_length(field: &'static str, text: &str, max: usize) -> Result<()> {
    if text.chars().count() > max {
        return Err(Error::TextTooLong { field, max });
    }
    Ok(())
}

impl Error {
    /// The stable identifier of this kind of error, shared with the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidDate(_) => "invalid-date",
            Error::NoDates => "no-dates",
            Error::DueDateTooFar { .. } => "due-date-too-far",
            Error::DueDatePassed { .. } => "due-date-passed",
            Error::BirthInFuture { .. } => "birth-in-future",
            Error::BirthBeforeViable { .. } => "birth-before-viable",
            Error::BirthAfterDueDate { .. } => "birth-after-due-date",
            Error::BirthTooLongAgo { .. } => "birth-too-long-ago",
            Error::UnknownSlot(_) => "unknown-slot",
            Error::UnknownChild(_) => "unknown-child",
            Error::UnknownDelivery(_) => "unknown-delivery",
            Error::LinkNotAllowed(_) => "link-not-allowed",
            Error::InvalidImport(_) => "invalid-import",
            Error::AlreadyBorn(_) => "already-born",
            Error::NotBorn(_) => "not-born",
            Error::ChildEnded(_) => "child-ended",
            Error::ChildNotEnded(_) => "child-not-ended",
            Error::UnknownLocale(_) => "unknown-locale",
            Error::InvalidSetting { .. } => "invalid-setting",
            Error::DatabaseTooNew { .. } => "database-too-new",
            Error::SqliteTooOld { .. } => "sqlite-too-old",
            Error::DataReadable(_) => "data-readable",
            Error::DatabaseCorrupt { .. } => "database-corrupt",
            Error::Database(_) => "database",
            Error::Catalogue(_) => "catalogue",
            Error::Io { .. } => "io",
            Error::FeedNoKey => "feed-no-key",
            Error::FeedInsecureUrl(_) => "feed-insecure-url",
            Error::FeedNetwork(_) => "feed-network",
            Error::FeedTimeout => "feed-timeout",
            Error::FeedTruncated => "feed-truncated",
            Error::FeedHttp(_) => "feed-http",
            Error::FeedTooLarge { .. } => "feed-too-large",
            Error::FeedUnsigned => "feed-unsigned",
            Error::FeedWrongKey => "feed-wrong-key",
            Error::FeedSignature => "feed-signature",
            Error::FeedComment(_) => "feed-comment",
            Error::FeedSchema(_) => "feed-schema",
            Error::FeedInvalid(_) => "feed-invalid",
            Error::FeedWrongTown { .. } => "feed-wrong-town",
            Error::FeedRollback { .. } => "feed-rollback",
            Error::FeedExpired { .. } => "feed-expired",
            Error::FeedKey(_) => "feed-key",
            Error::TextTooLong { .. } => "text-too-long",
            Error::Schedule(_) => "schedule",
            Error::UnknownVaccine(_) => "unknown-vaccine",
            Error::UnknownDose { .. } => "unknown-dose",
            Error::DoseRecordedTwice { .. } => "dose-recorded-twice",
            Error::DoseOutsideLife { .. } => "dose-outside-life",
            Error::DoseWithoutPrevious { .. } => "dose-without-previous",
            Error::DoseBeforePrevious { .. } => "dose-before-previous",
            Error::MixedVaccines { .. } => "mixed-vaccines",
            Error::RecordInFuture { .. } => "record-in-future",
            Error::UnknownCheckup(_) => "unknown-checkup",
            Error::NotRecorded(_) => "not-recorded",
            Error::ShareCodeDamaged => "share-code-damaged",
            Error::ShareCodeOtherTown => "share-code-other-town",
            Error::ShareCodeTooNew { .. } => "share-code-too-new",
        }
    }

    /// The arguments of the localised message, as (name, value) pairs.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let d = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
        match self {
            Error::InvalidDate(s)
            | Error::FeedInsecureUrl(s)
            | Error::FeedNetwork(s)
            | Error::FeedComment(s)
            | Error::FeedKey(s)
            | Error::InvalidImport(s)
            | Error::LinkNotAllowed(s)
            | Error::UnknownSlot(s)
            | Error::UnknownLocale(s)
            | Error::Catalogue(s)
            | Error::Schedule(s)
            | Error::UnknownVaccine(s)
            | Error::UnknownCheckup(s)
            | Error::NotRecorded(s) => {
                vec![("value", s.clone())]
            }
            Error::UnknownDose { vaccine, number }
            | Error::DoseRecordedTwice { vaccine, number }
            | Error::DoseWithoutPrevious { vaccine, number }
            | Error::DoseBeforePrevious { vaccine, number } => {
                vec![("vaccine", vaccine.clone()), ("number", number.to_string())]
            }
            Error::DoseOutsideLife {
                vaccine,
                number,
                date,
            } => vec![
                ("vaccine", vaccine.clone()),
                ("number", number.to_string()),
                ("date", d(date)),
            ],
            Error::MixedVaccines { choice } => vec![("value", choice.clone())],
            Error::RecordInFuture { date } => vec![("date", d(date))],
            Error::NoDates | Error::ShareCodeDamaged | Error::ShareCodeOtherTown => vec![],
            Error::ShareCodeTooNew { found, supported } => {
                vec![
                    ("found", found.to_string()),
                    ("supported", supported.to_string()),
                ]
            }
            Error::TextTooLong { field, max } => {
                vec![("field", (*field).to_owned()), ("max", max.to_string())]
            }
            Error::DueDateTooFar { due_date } | Error::DueDatePassed { due_date } => {
                vec![("due", d(due_date))]
            }
            Error::BirthInFuture { birth_date } | Error::BirthTooLongAgo { birth_date } => {
                vec![("birth", d(birth_date))]
            }
            Error::BirthBeforeViable {
                birth_date,
                due_date,
            }
            | Error::BirthAfterDueDate {
                birth_date,
                due_date,
            } => {
                vec![("birth", d(birth_date)), ("due", d(due_date))]
            }
            Error::UnknownChild(id)
            | Error::UnknownDelivery(id)
            | Error::AlreadyBorn(id)
            | Error::NotBorn(id)
            | Error::ChildEnded(id)
            | Error::ChildNotEnded(id) => {
                vec![("id", id.to_string())]
            }
            Error::InvalidSetting { key, value } => {
                vec![("key", key.clone()), ("value", value.clone())]
            }
            Error::DatabaseTooNew {
                path,
                found,
                supported,
            } => vec![
                ("path", path.display().to_string()),
                ("found", found.to_string()),
                ("supported", supported.to_string()),
            ],
            Error::SqliteTooOld { found, needed } => {
                vec![("found", found.clone()), ("needed", needed.to_string())]
            }
            Error::DataReadable(path) => vec![("path", path.display().to_string())],
            Error::DatabaseCorrupt { path, detail } => {
                vec![
                    ("path", path.display().to_string()),
                    ("value", detail.clone()),
                ]
            }
            Error::Database(e) => vec![("value", e.to_string())],
            Error::Io { path, source } => vec![
                ("path", path.display().to_string()),
                ("value", source.to_string()),
            ],
            Error::FeedNoKey
            | Error::FeedTimeout
            | Error::FeedTruncated
            | Error::FeedUnsigned
            | Error::FeedWrongKey
            | Error::FeedSignature => vec![],
            Error::FeedHttp(status) => vec![("status", status.to_string())],
            Error::FeedTooLarge { max } => vec![("max", max.to_string())],
            Error::FeedSchema(found) => vec![
                ("value", found.clone()),
                ("supported", crate::feed::SCHEMA.to_string()),
            ],
            Error::FeedInvalid(problems) => vec![
                ("count", problems.len().to_string()),
                (
                    "value",
                    problems.first().map(|p| p.to_string()).unwrap_or_default(),
                ),
            ],
            Error::FeedWrongTown { found, expected } => {
                vec![("value", found.clone()), ("expected", expected.clone())]
            }
            Error::FeedRollback { held, offered } => {
                vec![("held", held.to_string()), ("offered", offered.to_string())]
            }
            Error::FeedExpired { expires_at } => vec![("value", expires_at.clone())],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())?;
        for (name, value) in self.args() {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Database(e) => Some(e),
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Database(e)
    }
}

/// The earliest civil date the app accepts from anyone: a reader, an import, a command line.
pub const FIRST_DATE: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
/// The latest: far enough for any programme (a child's 3rd birthday plus 1,000 days is under
/// five years), near enough that no date arithmetic of the app can leave the calendar.
pub const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(2199, 12, 31).unwrap();

/// Parses a civil date written exactly `YYYY-MM-DD` (four-digit year, no sign), between
/// [`FIRST_DATE`] and [`LAST_DATE`].
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    let shaped = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let date = shaped
        .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| Error::InvalidDate(s.to_owned()))?;
    check_date(date)?;
    Ok(date)
}

/// Refuses a date outside [`FIRST_DATE`]..=[`LAST_DATE`], wherever it came from.
pub fn check_date(date: NaiveDate) -> Result<NaiveDate> {
    if (FIRST_DATE..=LAST_DATE).contains(&date) {
        Ok(date)
    } else {
        Err(Error::InvalidDate(date.format("%Y-%m-%d").to_string()))
    }
}
