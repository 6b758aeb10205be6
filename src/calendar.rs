//! Calendar export: an iCalendar file (RFC 5545) of a child's coming check-ups and doses and the
//! town events that concern the family, for the phone's own calendar.
//!
//! A small writer rather than the `icalendar` crate: the crate's all-day helper writes a zero-length
//! event (STACK.md), and the folding it was seen with (a code search, 2026-11-29) puts 75 octets of
//! content after the continuation space, a 76-octet line; Japanese summaries fold on almost every
//! event. Here every content line is at most 75 octets with its leading space, never split inside a
//! UTF-8 character, and TEXT values are escaped. UIDs come from the child's stable key and the
//! visit's id, never from the time of export, so importing twice updates instead of duplicating.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::i18n::I18n;
use crate::schedule::{Visit, VisitKind, VisitState};

/// The longest content line, in octets, without its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// A town event handed in by the shell from the feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TownEvent {
    /// The feed's stable id for the event.
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    /// Local time of day; an all-day event without one.
    pub time: Option<NaiveTime>,
    pub place: Option<String>,
    pub url: Option<String>,
}

/// What goes in one export.
#[derive(Clone, Debug)]
pub struct Export<'a> {
    /// A stable identity of the child on this device (the store's id), part of every UID.
    pub child_key: &'a str,
    /// The child's nickname, put before each visit's summary when not empty.
    pub child_name: &'a str,
    pub lang: &'a str,
    pub visits: &'a [Visit],
    pub events: &'a [TownEvent],
    /// The moment of export in UTC: only DTSTAMP, which RFC 5545 requires, carries it.
    pub stamp: NaiveDateTime,
}

/// Writes the calendar: the visits that are due now or coming, and every town event given.
pub fn ics(export: &Export) -> String {
    let t = I18n::new(export.lang).unwrap_or_else(|_| I18n::new("ja").expect("ja is embedded"));
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//tsunagu//tsunagu//JA".into(),
        "CALSCALE:GREGORIAN".into(),
    ];
    let stamp = format!("DTSTAMP:{}", export.stamp.format("%Y%m%dT%H%M%SZ"));
    let date = |d: NaiveDate| d.format("%Y%m%d").to_string();
    for v in export.visits {
        if !matches!(v.state, VisitState::DueNow | VisitState::Coming) {
            continue;
        }
        let start = v.starts();
        let name = v.name.get(export.lang);
        let summary = if export.child_name.is_empty() {
            name.to_owned()
        } else {
            format!("{} {name}", export.child_name)
        };
        let key = match v.kind {
            VisitKind::Checkup { .. } => "calendar-checkup-description",
            VisitKind::Dose { .. } => "calendar-dose-description",
        };
        let mut description = t.t_args(
            key,
            &[
                ("first", t.date(v.first).into()),
                ("last", t.date(v.last).into()),
                ("earliest", t.date(start).into()),
            ],
        );
        if let Some(note) = &v.note {
            description = format!("{description}\n{}", note.get(export.lang));
        }
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", uid(export.child_key, &v.id)));
        lines.push(stamp.clone());
        lines.push(format!("DTSTART;VALUE=DATE:{}", date(start)));
        // DTEND is exclusive: the day after the window's last day.
        let end = v.last.max(start) + Days::new(1);
        lines.push(format!("DTEND;VALUE=DATE:{}", date(end)));
        lines.push(format!("SUMMARY:{}", escape(&summary)));
        lines.push(format!("DESCRIPTION:{}", escape(&description)));
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    for e in export.events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", uid("town", &e.id)));
        lines.push(stamp.clone());
        match e.time {
            // Floating local time: the event is at that hour wherever the family's phone is.
            Some(time) => lines.push(format!(
                "DTSTART:{}T{}",
                date(e.date),
                time.format("%H%M%S")
            )),
            None => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", date(e.date)));
                lines.push(format!("DTEND;VALUE=DATE:{}", date(e.date + Days::new(1))));
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&e.title)));
        if let Some(place) = e.place.as_deref().filter(|p| !p.is_empty()) {
            lines.push(format!("LOCATION:{}", escape(place)));
        }
        if let Some(url) = e.url.as_deref().and_then(|u| url::Url::parse(u).ok())
            && url.scheme() == "https"
        {
            lines.push(format!("URL:{url}"));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// A UID from stable parts only: `<child>-<visit id with / as ->@tsunagu`.
pub fn uid(child_key: &str, id: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    format!("{}-{}@tsunagu", clean(child_key), clean(id))
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to lines of at most [`MAX_LINE_OCTETS`] octets (a continuation's leading
/// space counts), each ended by CRLF, breaking only between characters.
///
/// ```
/// let mut out = String::new();
/// tsunagu::calendar::fold(&format!("SUMMARY:{}", "予防接種".repeat(10)), &mut out);
/// assert!(out.split("\r\n").all(|l| l.len() <= 75));
/// assert_eq!(out.replace("\r\n ", ""), format!("SUMMARY:{}\r\n", "予防接種".repeat(10)));
/// ```
pub fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}
