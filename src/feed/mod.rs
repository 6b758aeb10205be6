//! The town feed (`docs/feed.md`): one signed static JSON file a town publishes, which every app
//! fetches now and then. This module owns the format and its checks, the signature check that is
//! the only way to a [`VerifiedFeed`], safe rendering of bodies, which overlays and event notices
//! fall to a child on a day, the HTTP fetch, and the authoring kit behind `tsunagu feed`. The
//! store's side (applying a verified feed, queries) is in `store::feed`.
//!
//! ```
//! use tsunagu::feed::{self, kit};
//!
//! let keys = kit::keygen(None).unwrap();
//! let json = kit::starter("demo", "つなぐ町", chrono::DateTime::parse_from_rfc3339("2026-11-25T09:00:00+09:00").unwrap());
//! let signature = kit::sign(json.as_bytes(), &keys.secret_key, None).unwrap();
//! let verified = feed::verify(json.as_bytes(), signature.as_bytes(), &keys.public_key_base64).unwrap();
//! assert_eq!(verified.feed().town, "demo");
//! assert!(feed::verify(b"{}", signature.as_bytes(), &keys.public_key_base64).is_err());
//! ```

mod fetch;
mod format;
pub mod kit;
mod matching;
mod problem;
mod render;
mod sync;
mod verify;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

pub use fetch::{
    FetchConfig, Fetched, MAX_FEED_BYTES, MAX_SIGNATURE_BYTES, USER_AGENT, Validators, fetch,
    is_allowed_feed_url, signature_url,
};
pub use format::{
    JSON_FEED_VERSION, MAX_ITEMS, Parsed, SCHEMA, SCHEMAS, SURVEY_SCHEMA, body_lints,
    format_gestation, is_https_url, parse, parse_gestation,
};
pub use matching::{anchors_on, pick_language, survey_for};
pub(crate) use matching::{notices_current, overlays_matching};
pub use problem::{ItemRef, Problem, ProblemKind};
pub use render::{allowed_link, body_html, body_text, is_allowed_link};
pub use sync::{Checked, SYNC_INTERVAL, SyncOutcome, check, sync};
pub use verify::{TrustedComment, VerifiedFeed, verify};

/// A feed as read and checked (see [`parse`]); reaching the store needs a [`VerifiedFeed`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    /// JSON Feed's `title`, for feed readers.
    pub title: String,
    /// The town id, as in `content/towns/<id>/town.toml`.
    pub town: String,
    /// Increases with every publication; an app never goes back to a lower one.
    pub version: u64,
    pub generated_at: DateTime<FixedOffset>,
    /// After this instant an app refuses the feed and keeps what it had.
    pub expires_at: DateTime<FixedOffset>,
    pub overlays: Vec<Overlay>,
    pub notices: Vec<EventNotice>,
    /// Schema 2 and later.
    pub surveys: Vec<Survey>,
}

/// A town's note timed to a family's stage, shown in Today on its day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlay {
    /// Items that say the same thing in different languages share a key (default: the item id).
    pub key: String,
    pub lang: String,
    pub at: At,
    pub title: String,
    /// Markdown; show it through [`body_html`] or [`body_text`] only.
    pub body: String,
    /// The last day it is shown.
    pub expires: Option<NaiveDate>,
}

/// The day an overlay falls on, relative to the child.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum At {
    /// Gestational age in days (`16w0d` = 112).
    Pregnancy(u16),
    /// Days since birth (the birth day is day 0).
    Days(u16),
    /// Calendar months of age, on the month-day of the birth (clamped to the month's end).
    Months(u8),
    /// The n-th birthday (29 February births: 28 February in common years).
    Birthday(u8),
}

impl At {
    /// The `anchor` column's value and the number beside it.
    pub fn anchor(self) -> (&'static str, i64) {
        match self {
            At::Pregnancy(d) => ("pregnancy", d as i64),
            At::Days(n) => ("days", n as i64),
            At::Months(m) => ("months", m as i64),
            At::Birthday(y) => ("birthday", y as i64),
        }
    }

    pub fn from_anchor(anchor: &str, value: i64) -> Option<At> {
        Some(match anchor {
            "pregnancy" => At::Pregnancy(u16::try_from(value).ok()?),
            "days" => At::Days(u16::try_from(value).ok()?),
            "months" => At::Months(u8::try_from(value).ok()?),
            "birthday" => At::Birthday(u8::try_from(value).ok()?),
            _ => return None,
        })
    }
}

/// A dated event the town announces (a parenting class, an open day).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventNotice {
    pub key: String,
    pub lang: String,
    pub title: String,
    /// Markdown; show it through [`body_html`] or [`body_text`] only.
    pub body: String,
    pub starts: EventTime,
    pub ends: Option<EventTime>,
    pub place: Option<String>,
    /// An `https://` address, opened in the system browser.
    pub url: Option<String>,
    /// The families it concerns; empty for every family.
    pub stages: Vec<StageRange>,
    /// The first day it is shown (at once when absent).
    pub publish: Option<NaiveDate>,
    /// The last day it is shown (default: the event's last day).
    pub expires: Option<NaiveDate>,
}

/// The town's survey (広聴), schema 2: a link to the town's own form, open for some days. The app
/// shows it once on Today as a card and mentions it once in a notification; answers go to the
/// town's form service in the browser, and whether the reader answered is never recorded or sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Survey {
    pub key: String,
    pub lang: String,
    pub title: String,
    /// Markdown; show it through [`body_html`] or [`body_text`] only.
    pub body: String,
    /// The town's form: an `https://` address, opened in the system browser.
    pub url: String,
    /// The first day it is open.
    pub from: NaiveDate,
    /// The last day it is open, not before `from`.
    pub until: NaiveDate,
    /// The families it is for; empty for every family.
    pub stages: Vec<StageRange>,
}

/// A civil date with an optional local time of day, in the town's own time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EventTime {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// A span of stages an event is for, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageRange {
    /// Gestational age in days.
    Pregnancy { from: u16, to: u16 },
    /// Completed calendar months of age.
    Months { from: u8, to: u8 },
}
