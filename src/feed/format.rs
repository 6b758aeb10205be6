//! The feed document of `docs/feed.md`: JSON Feed 1.1 whose top level and items carry a
//! `_tsunagu` object. Reading is strict about structure (every problem is reported with its item
//! and field, all at once) and lenient about body text, which is only linted: bodies are always
//! sanitised when shown, so stray HTML is made inert rather than costing a town its whole feed.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveTime};
use pulldown_cmark::{Event, Parser, Tag};
use serde_json::Value;

use super::problem::{ItemRef, Problem, ProblemKind};
use super::{At, EventNotice, EventTime, Feed, Overlay, StageRange, Survey};
use crate::cadence::{FIRST_PREGNANCY_DAY, LAST_PREGNANCY_DAY};

mod read;
mod survey;

/// The `version` a JSON Feed 1.1 document declares.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";
/// The newest `_tsunagu.schema`, the one `tsunagu feed init` writes.
pub const SCHEMA: u64 = 2;
/// Every schema this build reads. Schema 2 added the `survey` kind and nothing else: an app of
/// schema 1 refuses a document with a kind it does not know (`unknown-kind` fails the whole feed),
/// so a feed with a survey must say 2, and a feed without one may keep saying 1.
pub const SCHEMAS: [u64; 2] = [1, 2];
/// The first schema with surveys.
pub const SURVEY_SCHEMA: u64 = 2;
/// The largest feed document, in bytes: the app stops reading a download here, and the kit refuses
/// to validate or sign a larger one, so a town can never publish a feed its apps refuse.
pub const MAX_FEED_BYTES: u64 = 2 * 1024 * 1024;
/// The most items one feed may hold.
pub const MAX_ITEMS: usize = 10_000;
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_BODY_CHARS: usize = 10_000;
/// Days since birth an overlay may name: up to just past the 3rd birthday.
pub const MAX_DAYS: u16 = 1_100;
/// Calendar months of age an overlay or a stage range may name.
pub const MAX_MONTHS: u8 = 36;

/// A feed document read from bytes: the feed, and the lints its bodies raised.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub feed: Feed,
    pub lints: Vec<Problem>,
}

/// Reads and checks a feed document. Every structural problem is returned at once; body lints
/// come back with the feed. Never panics, whatever the bytes.
pub fn parse(bytes: &[u8]) -> Result<Parsed, Vec<Problem>> {
    let mut cx = Cx::default();
    if bytes.len() as u64 > MAX_FEED_BYTES {
        cx.push(
            "",
            ProblemKind::TooLarge {
                bytes: bytes.len() as u64,
                max: MAX_FEED_BYTES,
            },
        );
        return Err(cx.problems);
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            cx.push("", ProblemKind::Json(e.to_string()));
            return Err(cx.problems);
        }
    };
    let Some(top) = value.as_object() else {
        cx.push("", ProblemKind::WrongType("object"));
        return Err(cx.problems);
    };
    // The schema first: a document of another schema is reported as that, not as a pile of errors.
    let ext = top.get("_tsunagu").and_then(Value::as_object);
    if let Some(schema) = ext.and_then(|e| e.get("schema")) {
        match schema.as_u64() {
            Some(n) if SCHEMAS.contains(&n) => cx.schema = n,
            _ => {
                cx.push("_tsunagu.schema", ProblemKind::Schema(schema.to_string()));
                return Err(cx.problems);
            }
        }
    }
    match top.get("version") {
        None => cx.push("version", ProblemKind::Missing),
        Some(Value::String(v)) if v == JSON_FEED_VERSION => {}
        Some(v) => cx.push("version", ProblemKind::NotJsonFeed(plain(v))),
    }
    let title = cx
        .text(top, "title", "title", MAX_TITLE_CHARS)
        .unwrap_or_default();
    let header = cx.header(top);
    let items = match top.get("items") {
        None => {
            cx.push("items", ProblemKind::Missing);
            &[][..]
        }
        Some(Value::Array(items)) => &items[..],
        Some(_) => {
            cx.push("items", ProblemKind::WrongType("array"));
            &[][..]
        }
    };
    if items.len() > MAX_ITEMS {
        cx.push(
            "items",
            ProblemKind::TooMany {
                count: items.len(),
                max: MAX_ITEMS,
            },
        );
        return Err(cx.problems);
    }
    let mut overlays = Vec::new();
    let mut notices = Vec::new();
    let mut surveys = Vec::new();
    let mut ids = HashSet::new();
    let mut keys = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
        cx.item = Some(ItemRef {
            index,
            id: id.clone(),
        });
        if let Some(id) = &id
            && !ids.insert(id.clone())
        {
            cx.push("id", ProblemKind::DuplicateId(id.clone()));
            continue;
        }
        match cx.item(item) {
            Some(Item::Overlay(o)) if cx.unique_key(&mut keys, &o.key, &o.lang) => overlays.push(o),
            Some(Item::Notice(n)) if cx.unique_key(&mut keys, &n.key, &n.lang) => notices.push(n),
            Some(Item::Survey(s)) if cx.unique_key(&mut keys, &s.key, &s.lang) => surveys.push(s),
            _ => {}
        }
    }
    cx.item = None;
    let structural = cx.problems.iter().any(|p| !p.kind.is_lint());
    match header {
        Some((town, version, generated_at, expires_at)) if !structural => Ok(Parsed {
            feed: Feed {
                title,
                town,
                version,
                generated_at,
                expires_at,
                overlays,
                notices,
                surveys,
            },
            lints: cx.problems,
        }),
        _ => Err(cx.problems),
    }
}

enum Item {
    Overlay(Overlay),
    Notice(EventNotice),
    Survey(Survey),
}

#[derive(Default)]
struct Cx {
    problems: Vec<Problem>,
    item: Option<ItemRef>,
    /// The document's schema, once read.
    schema: u64,
}

/// A JSON value as a short string for a message.
fn plain(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    s.chars().take(80).collect()
}

/// Whether `s` is `YYYY-MM-DD` exactly.
fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// A civil date written `YYYY-MM-DD`.
pub(crate) fn parse_civil_date(s: &str) -> Option<NaiveDate> {
    looks_like_date(s)
        .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .flatten()
}

/// A gestational age written `16w0d`, in days; weeks up to 45.
pub fn parse_gestation(s: &str) -> Option<u16> {
    let (weeks, days) = s.strip_suffix('d')?.split_once('w')?;
    let digits = |t: &str, max_len: usize| {
        (!t.is_empty() && t.len() <= max_len && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u16>().ok())
            .flatten()
    };
    let (weeks, days) = (digits(weeks, 2)?, digits(days, 1)?);
    (weeks <= 45 && days <= 6).then_some(weeks * 7 + days)
}

/// A gestational age in days written as the feed writes it: `16w0d`.
pub fn format_gestation(days: u16) -> String {
    format!("{}w{}d", days / 7, days % 7)
}

/// Whether `url` is an absolute `https://` address with a host and nothing that could break out
/// of an attribute.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    host_ok
        && url.len() <= 2_000
        && !url.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\'' | '\\' | '`')
        })
}

/// Body lints: HTML, markup beyond the subset, and links other than https, mailto and tel.
/// Each kind is reported once per body.
pub fn body_lints(body: &str) -> Vec<ProblemKind> {
    let mut out: Vec<ProblemKind> = Vec::new();
    for event in Parser::new(body) {
        let lint = match event {
            Event::Html(_) | Event::InlineHtml(_) => Some(ProblemKind::RawHtml),
            Event::Code(_) => Some(ProblemKind::DisallowedMarkup("code")),
            Event::Rule => Some(ProblemKind::DisallowedMarkup("rule")),
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Strong | Tag::List(_) | Tag::Item => None,
                Tag::Link { dest_url, .. } => (!super::render::is_allowed_link(&dest_url))
                    .then(|| ProblemKind::BadLink(dest_url.chars().take(80).collect())),
                Tag::Heading { .. } => Some(ProblemKind::DisallowedMarkup("heading")),
                Tag::BlockQuote(_) => Some(ProblemKind::DisallowedMarkup("quote")),
                Tag::CodeBlock(_) => Some(ProblemKind::DisallowedMarkup("code")),
                Tag::Image { .. } => Some(ProblemKind::DisallowedMarkup("image")),
                Tag::Emphasis => Some(ProblemKind::DisallowedMarkup("emphasis")),
                _ => Some(ProblemKind::DisallowedMarkup("other")),
            },
            _ => None,
        };
        if let Some(lint) = lint
            && !out.contains(&lint)
        {
            out.push(lint);
        }
    }
    out
}

impl EventTime {
    /// `YYYY-MM-DD` (all day) or `YYYY-MM-DDTHH:MM` (the town's local time).
    pub fn parse(s: &str) -> Option<EventTime> {
        match s.split_once('T') {
            None => parse_civil_date(s).map(|date| EventTime { date, time: None }),
            Some((d, t)) => {
                let date = parse_civil_date(d)?;
                let b = t.as_bytes();
                let ok = b.len() == 5
                    && b[2] == b':'
                    && b.iter()
                        .enumerate()
                        .all(|(i, c)| i == 2 || c.is_ascii_digit());
                let time = ok
                    .then(|| NaiveTime::parse_from_str(t, "%H:%M").ok())
                    .flatten()?;
                Some(EventTime {
                    date,
                    time: Some(time),
                })
            }
        }
    }
}

impl std::fmt::Display for EventTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        if let Some(t) = self.time {
            write!(f, "T{}", t.format("%H:%M"))?;
        }
        Ok(())
    }
}

impl StageRange {
    /// The range as the feed writes it, e.g. `{"pregnancy":["16w0d","35w6d"]}`.
    pub fn to_json(&self) -> Value {
        match *self {
            StageRange::Pregnancy { from, to } => {
                serde_json::json!({ "pregnancy": [format_gestation(from), format_gestation(to)] })
            }
            StageRange::Months { from, to } => serde_json::json!({ "months": [from, to] }),
        }
    }

    /// Reads one range written by [`StageRange::to_json`].
    pub fn from_json(v: &Value) -> Option<StageRange> {
        let (name, pair) = v.as_object()?.iter().next()?;
        let pair = pair.as_array().filter(|a| a.len() == 2)?;
        match name.as_str() {
            "pregnancy" => Some(StageRange::Pregnancy {
                from: parse_gestation(pair[0].as_str()?)?,
                to: parse_gestation(pair[1].as_str()?)?,
            }),
            "months" => Some(StageRange::Months {
                from: u8::try_from(pair[0].as_u64()?).ok()?,
                to: u8::try_from(pair[1].as_u64()?).ok()?,
            }),
            _ => None,
        }
    }
}
