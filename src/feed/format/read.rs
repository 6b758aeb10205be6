//! How each part of a feed document is read into the reader's context: typed fields with their
//! ranges, the header, one item, its `at` and the stages an event is for. Every problem is pushed
//! with its item and field; reading goes on, so that all of them are reported at once.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Map, Value};

use super::*;

impl Cx {
    pub(super) fn push(&mut self, field: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            item: self.item.clone(),
            field: field.to_owned(),
            kind,
        });
    }

    pub(super) fn get<'v>(
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

    pub(super) fn string<'v>(
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

    /// A link opened in the system browser: `https` only.
    pub(super) fn https_url(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<String> {
        let url = self.string(obj, key, path, required)?;
        if is_https_url(url) {
            Some(url.to_owned())
        } else {
            self.push(path, ProblemKind::BadUrl(url.chars().take(80).collect()));
            None
        }
    }

    /// A required, non-empty, trimmed text of at most `max` characters.
    pub(super) fn text(
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

    pub(super) fn object<'v>(
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

    pub(super) fn unknown_fields(&mut self, obj: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.push(
                path,
                ProblemKind::UnknownField(key.chars().take(40).collect()),
            );
        }
    }

    pub(super) fn date(
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

    pub(super) fn instant(
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

    pub(super) fn event_time(
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

    pub(super) fn lang(&mut self, obj: &Map<String, Value>, path: &str) -> Option<String> {
        let s = self.string(obj, "lang", path, true)?;
        if crate::i18n::LANGUAGES.contains(&s) {
            Some(s.to_owned())
        } else {
            self.push(path, ProblemKind::UnknownLang(s.chars().take(20).collect()));
            None
        }
    }

    pub(super) fn int_in(&mut self, v: &Value, path: &str, min: u64, max: u64) -> Option<u64> {
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

    pub(super) fn gestation_in(
        &mut self,
        v: &Value,
        path: &str,
        min: u16,
        max: u16,
    ) -> Option<u16> {
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
    pub(super) fn header(
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

    pub(super) fn item(&mut self, item: &Value) -> Option<Item> {
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
                let url = self.https_url(ext, "url", "_tsunagu.url", false);
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
            "survey" => {
                let survey = self.survey(ext, key, lang, title, body)?;
                if self.schema < SURVEY_SCHEMA {
                    self.push(
                        "_tsunagu.kind",
                        ProblemKind::KindNeedsSchema {
                            kind: "survey",
                            schema: SURVEY_SCHEMA,
                        },
                    );
                    return None;
                }
                Some(Item::Survey(survey))
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
    pub(super) fn at(&mut self, ext: &Map<String, Value>) -> Option<At> {
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
    pub(super) fn stages(&mut self, ext: &Map<String, Value>) -> Option<Vec<StageRange>> {
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
    pub(super) fn unique_key(
        &mut self,
        keys: &mut HashSet<(String, String)>,
        key: &str,
        lang: &str,
    ) -> bool {
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
