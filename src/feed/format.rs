//! The feed document of `docs/feed.md`: JSON Feed 1.1 whose top level and items carry a
//! `_tsunagu` object. Reading is strict about structure (every problem is reported with its item
//! and field, all at once) and lenient about body text, which is only linted: bodies are always
//! sanitised when shown, so stray HTML is made inert rather than costing a town its whole feed.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use pulldown_cmark::{Event, Parser, Tag};
use serde_json::{Map, Value};

use super::problem::{ItemRef, Problem, ProblemKind};
use super::{At, EventNotice, EventTime, Feed, Overlay, StageRange};
use crate::cadence::{FIRST_PREGNANCY_DAY, LAST_PREGNANCY_DAY};

/// The `version` a JSON Feed 1.1 document declares.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1.1";
/// The `_tsunagu.schema` this build reads.
pub const SCHEMA: u64 = 1;
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
    if let Some(schema) = ext.and_then(|e| e.get("schema"))
        && schema.as_u64() != Some(SCHEMA)
    {
        cx.push("_tsunagu.schema", ProblemKind::Schema(schema.to_string()));
        return Err(cx.problems);
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
            },
            lints: cx.problems,
        }),
        _ => Err(cx.problems),
    }
}

enum Item {
    Overlay(Overlay),
    Notice(EventNotice),
}

#[derive(Default)]
struct Cx {
    problems: Vec<Problem>,
    item: Option<ItemRef>,
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

impl Cx {
    fn push(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            item: self.item.clone(),
            field: field.to_owned(),
            kind,
        });
    }

    fn get<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<&'v Value> {
        match obj.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.push(path, ProblemKind::Missing);
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    fn string<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<&'v str> {
        match self.get(obj, key, path, required)? {
            Value::String(s) => Some(s),
            _ => {
                self.push(path, ProblemKind::WrongType("string"));
                None
            }
        }
    }

    /// A required, non-empty, trimmed text of at most `max` characters.
    fn text(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
        max: usize,
    ) -> Option<String> {
        let s = self.string(obj, key, path, true)?.trim();
        let length = s.chars().count();
        if length == 0 {
            self.push(path, ProblemKind::Empty);
            return None;
        }
        if length > max {
            self.push(path, ProblemKind::TooLong { length, max });
            return None;
        }
        Some(s.to_owned())
    }

    fn object<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<&'v Map<String, Value>> {
        match self.get(obj, key, path, required)? {
            Value::Object(o) => Some(o),
            _ => {
                self.push(path, ProblemKind::WrongType("object"));
                None
            }
        }
    }

    fn unknown_fields(&mut self, obj: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.push(
                path,
                ProblemKind::UnknownField(key.chars().take(40).collect()),
            );
        }
    }

    fn date(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<NaiveDate> {
        let s = self.string(obj, key, path, required)?;
        let date = parse_civil_date(s);
        if date.is_none() {
            self.push(path, ProblemKind::BadDate(s.chars().take(40).collect()));
        }
        date
    }

    fn instant(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<DateTime<FixedOffset>> {
        let s = self.string(obj, key, path, true)?;
        let t = DateTime::parse_from_rfc3339(s).ok();
        if t.is_none() {
            self.push(path, ProblemKind::BadTime(s.chars().take(40).collect()));
        }
        t
    }

    fn event_time(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<EventTime> {
        let s = self.string(obj, key, path, required)?;
        let t = EventTime::parse(s);
        if t.is_none() {
            self.push(path, ProblemKind::BadTime(s.chars().take(40).collect()));
        }
        t
    }

    fn lang(&mut self, obj: &Map<String, Value>, path: &str) -> Option<String> {
        let s = self.string(obj, "lang", path, true)?;
        if crate::i18n::LANGUAGES.contains(&s) {
            Some(s.to_owned())
        } else {
            self.push(path, ProblemKind::UnknownLang(s.chars().take(20).collect()));
            None
        }
    }

    fn int_in(&mut self, v: &Value, path: &str, min: u64, max: u64) -> Option<u64> {
        let Some(n) = v.as_u64() else {
            match v {
                Value::Number(n) => self.push(
                    path,
                    ProblemKind::OutOfRange {
                        value: n.to_string(),
                        min: min.to_string(),
                        max: max.to_string(),
                    },
                ),
                _ => self.push(path, ProblemKind::WrongType("integer")),
            }
            return None;
        };
        if (min..=max).contains(&n) {
            Some(n)
        } else {
            self.push(
                path,
                ProblemKind::OutOfRange {
                    value: n.to_string(),
                    min: min.to_string(),
                    max: max.to_string(),
                },
            );
            None
        }
    }

    fn gestation_in(&mut self, v: &Value, path: &str, min: u16, max: u16) -> Option<u16> {
        let Some(s) = v.as_str() else {
            self.push(path, ProblemKind::WrongType("string"));
            return None;
        };
        let Some(days) = parse_gestation(s) else {
            self.push(path, ProblemKind::BadStage(s.chars().take(20).collect()));
            return None;
        };
        if (min..=max).contains(&days) {
            Some(days)
        } else {
            self.push(
                path,
                ProblemKind::OutOfRange {
                    value: s.to_owned(),
                    min: format_gestation(min),
                    max: format_gestation(max),
                },
            );
            None
        }
    }

    /// The document's `_tsunagu` object: (town, version, generated_at, expires_at).
    fn header(
        &mut self,
        top: &Map<String, Value>,
    ) -> Option<(String, u64, DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        let ext = self.object(top, "_tsunagu", "_tsunagu", true)?;
        self.unknown_fields(
            ext,
            "_tsunagu",
            &["schema", "town", "version", "generated_at", "expires_at"],
        );
        // Without a schema the document cannot be taken to mean schema 1.
        let schema_ok = self.get(ext, "schema", "_tsunagu.schema", true).is_some();
        let town = self
            .string(ext, "town", "_tsunagu.town", true)
            .and_then(|t| {
                let ok = !t.is_empty()
                    && t.len() <= 64
                    && t.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                if !ok {
                    self.push(
                        "_tsunagu.town",
                        ProblemKind::BadId(t.chars().take(64).collect()),
                    );
                }
                ok.then(|| t.to_owned())
            });
        let version = self
            .get(ext, "version", "_tsunagu.version", true)
            .and_then(|v| self.int_in(v, "_tsunagu.version", 1, i64::MAX as u64));
        let generated_at = self.instant(ext, "generated_at", "_tsunagu.generated_at");
        let expires_at = self.instant(ext, "expires_at", "_tsunagu.expires_at");
        if let (Some(g), Some(e)) = (generated_at, expires_at)
            && e <= g
        {
            self.push("_tsunagu.expires_at", ProblemKind::Order("generated_at"));
            return None;
        }
        Some((town?, version?, generated_at?, expires_at?)).filter(|_| schema_ok)
    }

    fn item(&mut self, item: &Value) -> Option<Item> {
        let Some(obj) = item.as_object() else {
            self.push("", ProblemKind::WrongType("object"));
            return None;
        };
        let id = self.string(obj, "id", "id", true).and_then(|id| {
            let ok = !id.trim().is_empty() && id.chars().count() <= 200;
            if !ok {
                self.push("id", ProblemKind::BadId(id.chars().take(40).collect()));
            }
            ok.then(|| id.to_owned())
        });
        let title = self.text(obj, "title", "title", MAX_TITLE_CHARS);
        if obj.contains_key("content_html") {
            self.push("content_html", ProblemKind::ContentHtml);
        }
        let body = self.text(obj, "content_text", "content_text", MAX_BODY_CHARS);
        if let Some(body) = &body {
            for lint in body_lints(body) {
                self.push("content_text", lint);
            }
        }
        let ext = self.object(obj, "_tsunagu", "_tsunagu", true)?;
        let kind = self.string(ext, "kind", "_tsunagu.kind", true)?;
        let lang = self.lang(ext, "_tsunagu.lang");
        let key = match self.string(ext, "key", "_tsunagu.key", false) {
            Some(k) if k.trim().is_empty() || k.chars().count() > 200 => {
                self.push(
                    "_tsunagu.key",
                    ProblemKind::BadId(k.chars().take(40).collect()),
                );
                None
            }
            Some(k) => Some(k.to_owned()),
            None => id.clone(),
        };
        match kind {
            "overlay" => {
                self.unknown_fields(ext, "_tsunagu", &["kind", "lang", "key", "at", "expires"]);
                let at = self.at(ext);
                let expires = self.date(ext, "expires", "_tsunagu.expires", false);
                Some(Item::Overlay(Overlay {
                    key: key?,
                    lang: lang?,
                    at: at?,
                    title: title?,
                    body: body?,
                    expires,
                }))
            }
            "event" => {
                self.unknown_fields(
                    ext,
                    "_tsunagu",
                    &[
                        "kind", "lang", "key", "starts", "ends", "place", "url", "stages",
                        "publish", "expires",
                    ],
                );
                let starts = self.event_time(ext, "starts", "_tsunagu.starts", true);
                let ends = self.event_time(ext, "ends", "_tsunagu.ends", false);
                if let (Some(s), Some(e)) = (starts, ends)
                    && e < s
                {
                    self.push("_tsunagu.ends", ProblemKind::Order("starts"));
                }
                let place = match self.string(ext, "place", "_tsunagu.place", false) {
                    Some(p) if p.chars().count() > MAX_TITLE_CHARS => {
                        self.push(
                            "_tsunagu.place",
                            ProblemKind::TooLong {
                                length: p.chars().count(),
                                max: MAX_TITLE_CHARS,
                            },
                        );
                        None
                    }
                    p => p.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()),
                };
                let url = self
                    .string(ext, "url", "_tsunagu.url", false)
                    .and_then(|u| {
                        if is_https_url(u) {
                            Some(u.to_owned())
                        } else {
                            self.push(
                                "_tsunagu.url",
                                ProblemKind::BadUrl(u.chars().take(80).collect()),
                            );
                            None
                        }
                    });
                let stages = self.stages(ext);
                let publish = self.date(ext, "publish", "_tsunagu.publish", false);
                let expires = self.date(ext, "expires", "_tsunagu.expires", false);
                if let (Some(p), Some(e)) = (publish, expires)
                    && e < p
                {
                    self.push("_tsunagu.expires", ProblemKind::Order("publish"));
                }
                Some(Item::Notice(EventNotice {
                    key: key?,
                    lang: lang?,
                    title: title?,
                    body: body?,
                    starts: starts?,
                    ends,
                    place,
                    url,
                    stages: stages?,
                    publish,
                    expires,
                }))
            }
            other => {
                self.push(
                    "_tsunagu.kind",
                    ProblemKind::UnknownKind(other.chars().take(20).collect()),
                );
                None
            }
        }
    }

    /// An overlay's `at`: exactly one of pregnancy, days, months, birthday.
    fn at(&mut self, ext: &Map<String, Value>) -> Option<At> {
        let at = self.object(ext, "at", "_tsunagu.at", true)?;
        if at.len() != 1 {
            let names = at.keys().cloned().collect::<Vec<_>>().join(", ");
            self.push(
                "_tsunagu.at",
                if at.is_empty() {
                    ProblemKind::Missing
                } else {
                    ProblemKind::UnknownField(names)
                },
            );
            return None;
        }
        let (name, value) = at.iter().next()?;
        let path = format!("_tsunagu.at.{name}");
        match name.as_str() {
            "pregnancy" => self
                .gestation_in(
                    value,
                    &path,
                    FIRST_PREGNANCY_DAY as u16,
                    LAST_PREGNANCY_DAY as u16,
                )
                .map(At::Pregnancy),
            "days" => self
                .int_in(value, &path, 0, MAX_DAYS as u64)
                .map(|n| At::Days(n as u16)),
            "months" => self
                .int_in(value, &path, 1, MAX_MONTHS as u64)
                .map(|n| At::Months(n as u8)),
            "birthday" => self
                .int_in(value, &path, 1, 3)
                .map(|n| At::Birthday(n as u8)),
            other => {
                self.push(
                    "_tsunagu.at",
                    ProblemKind::UnknownField(other.chars().take(40).collect()),
                );
                None
            }
        }
    }

    /// An event's `stages`: a list of `{"pregnancy": [from, to]}` / `{"months": [from, to]}`.
    fn stages(&mut self, ext: &Map<String, Value>) -> Option<Vec<StageRange>> {
        let Some(value) = self.get(ext, "stages", "_tsunagu.stages", false) else {
            return Some(Vec::new());
        };
        let Some(list) = value.as_array() else {
            self.push("_tsunagu.stages", ProblemKind::WrongType("array"));
            return None;
        };
        if list.len() > 20 {
            self.push(
                "_tsunagu.stages",
                ProblemKind::TooMany {
                    count: list.len(),
                    max: 20,
                },
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for (i, stage) in list.iter().enumerate() {
            let path = format!("_tsunagu.stages[{i}]");
            let pair = stage
                .as_object()
                .filter(|o| o.len() == 1)
                .and_then(|o| o.iter().next())
                .and_then(|(name, v)| {
                    v.as_array()
                        .filter(|a| a.len() == 2)
                        .map(|a| (name.as_str(), &a[0], &a[1]))
                });
            let Some((name, from, to)) = pair else {
                self.push(&path, ProblemKind::BadStage(plain(stage)));
                ok = false;
                continue;
            };
            let path = format!("{path}.{name}");
            let range = match name {
                "pregnancy" => {
                    let max = LAST_PREGNANCY_DAY as u16;
                    match (
                        self.gestation_in(from, &path, 0, max),
                        self.gestation_in(to, &path, 0, max),
                    ) {
                        (Some(from), Some(to)) if from <= to => {
                            Some(StageRange::Pregnancy { from, to })
                        }
                        (Some(_), Some(_)) => {
                            self.push(&path, ProblemKind::Order("from"));
                            None
                        }
                        _ => None,
                    }
                }
                "months" => {
                    let max = MAX_MONTHS as u64;
                    match (
                        self.int_in(from, &path, 0, max),
                        self.int_in(to, &path, 0, max),
                    ) {
                        (Some(from), Some(to)) if from <= to => Some(StageRange::Months {
                            from: from as u8,
                            to: to as u8,
                        }),
                        (Some(_), Some(_)) => {
                            self.push(&path, ProblemKind::Order("from"));
                            None
                        }
                        _ => None,
                    }
                }
                other => {
                    self.push(
                        &path,
                        ProblemKind::UnknownField(other.chars().take(40).collect()),
                    );
                    None
                }
            };
            match range {
                Some(r) => out.push(r),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// Records the item's (key, lang) as seen; false (with a problem) when it repeats.
    fn unique_key(&mut self, keys: &mut HashSet<(String, String)>, key: &str, lang: &str) -> bool {
        if keys.insert((key.to_owned(), lang.to_owned())) {
            return true;
        }
        self.push(
            "_tsunagu.key",
            ProblemKind::DuplicateKey {
                key: key.to_owned(),
                lang: lang.to_owned(),
            },
        );
        false
    }
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
