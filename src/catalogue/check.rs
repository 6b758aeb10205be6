//! The catalogue's checks from `shared/CONTENT.md`: slots, front matter, topics, Markdown subset,
//! lengths, near copies, and coverage against the ranges each locale has declared complete.

use std::collections::HashSet;

use pulldown_cmark::{Event, Parser, Tag};

use super::{Catalogue, Message};
use crate::cadence::{Range, SLOT_COUNT, Slot};

/// Two bodies whose character trigrams overlap more than this (Jaccard) are near copies.
const NEAR_COPY: f64 = 0.35;

/// One problem with one file. Rendered through Fluent as `finding-<code>`.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    NotASlot {
        file: String,
    },
    BadFrontMatter {
        detail: String,
    },
    EmptyTitle,
    TitleTooLong {
        length: usize,
        max: usize,
    },
    NoTopics,
    UnknownTopic {
        topic: String,
    },
    RawHtml,
    /// Markdown beyond paragraphs, strong, lists and links.
    DisallowedMarkup {
        what: &'static str,
    },
    /// A link that is not https, mailto or tel.
    BadLink {
        url: String,
    },
    /// Japanese counts characters (spaces excluded), other locales count words.
    BodyLength {
        length: usize,
        min: usize,
        max: usize,
        unit: &'static str,
    },
    NearCopy {
        other: String,
        percent: u32,
    },
    /// Missing slots in a range the locale has declared complete.
    Missing {
        range: &'static str,
        slots: String,
    },
    /// A schedule file (`content/schedule/`) that cannot be read as one.
    BadSchedule {
        detail: String,
    },
    /// A date in a schedule file that is not `YYYY-MM-DD`.
    BadScheduleDate {
        value: String,
    },
    /// An id used twice in the schedule.
    DuplicateId {
        value: String,
    },
    /// A source without an http(s) address, a title or a publisher.
    BadSource {
        value: String,
    },
    /// An item that cites no source.
    NoSource {
        item: String,
    },
    /// An item that cites a source its file does not list.
    UnknownSource {
        item: String,
        value: String,
    },
    /// A source no item cites.
    UnusedSource {
        value: String,
    },
    /// A name or note missing in one language.
    MissingName {
        item: String,
        locale: &'static str,
    },
    BadWindow {
        item: String,
        detail: &'static str,
    },
    BadDoses {
        item: String,
        detail: &'static str,
    },
    /// A vaccine naming a choice of alternatives that no file declares.
    UnknownChoice {
        item: String,
        value: String,
    },
}

impl Finding {
    pub fn code(&self) -> &'static str {
        match self {
            Finding::NotASlot { .. } => "not-a-slot",
            Finding::BadFrontMatter { .. } => "bad-front-matter",
            Finding::EmptyTitle => "empty-title",
            Finding::TitleTooLong { .. } => "title-too-long",
            Finding::NoTopics => "no-topics",
            Finding::UnknownTopic { .. } => "unknown-topic",
            Finding::RawHtml => "raw-html",
            Finding::DisallowedMarkup { .. } => "disallowed-markup",
            Finding::BadLink { .. } => "bad-link",
            Finding::BodyLength { .. } => "body-length",
            Finding::NearCopy { .. } => "near-copy",
            Finding::Missing { .. } => "missing",
            Finding::BadSchedule { .. } => "bad-schedule",
            Finding::BadScheduleDate { .. } => "bad-schedule-date",
            Finding::DuplicateId { .. } => "duplicate-id",
            Finding::BadSource { .. } => "bad-source",
            Finding::NoSource { .. } => "no-source",
            Finding::UnknownSource { .. } => "unknown-source",
            Finding::UnusedSource { .. } => "unused-source",
            Finding::MissingName { .. } => "missing-name",
            Finding::BadWindow { .. } => "bad-window",
            Finding::BadDoses { .. } => "bad-doses",
            Finding::UnknownChoice { .. } => "unknown-choice",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Finding::NotASlot { file } => vec![("value", file.clone())],
            Finding::BadFrontMatter { detail } => vec![("value", detail.clone())],
            Finding::EmptyTitle | Finding::NoTopics | Finding::RawHtml => vec![],
            Finding::TitleTooLong { length, max } => {
                vec![("length", length.to_string()), ("max", max.to_string())]
            }
            Finding::UnknownTopic { topic } => vec![("value", topic.clone())],
            Finding::DisallowedMarkup { what } => vec![("value", (*what).to_owned())],
            Finding::BadLink { url } => vec![("value", url.clone())],
            Finding::BodyLength {
                length,
                min,
                max,
                unit,
            } => vec![
                ("length", length.to_string()),
                ("min", min.to_string()),
                ("max", max.to_string()),
                ("unit", (*unit).to_owned()),
            ],
            Finding::NearCopy { other, percent } => {
                vec![("value", other.clone()), ("percent", percent.to_string())]
            }
            Finding::Missing { range, slots } => {
                vec![("range", (*range).to_owned()), ("value", slots.clone())]
            }
            Finding::BadSchedule { detail } => vec![("value", detail.clone())],
            Finding::BadScheduleDate { value }
            | Finding::DuplicateId { value }
            | Finding::BadSource { value }
            | Finding::UnusedSource { value } => vec![("value", value.clone())],
            Finding::NoSource { item } => vec![("item", item.clone())],
            Finding::UnknownSource { item, value } | Finding::UnknownChoice { item, value } => {
                vec![("item", item.clone()), ("value", value.clone())]
            }
            Finding::MissingName { item, locale } => {
                vec![("item", item.clone()), ("value", (*locale).to_owned())]
            }
            Finding::BadWindow { item, detail } | Finding::BadDoses { item, detail } => {
                vec![("item", item.clone()), ("value", (*detail).to_owned())]
            }
        }
    }
}

/// How much of one locale is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub locale: String,
    pub written: usize,
    pub total: usize,
    /// Per range: (range, written, total, declared complete).
    pub ranges: Vec<(Range, usize, usize, bool)>,
    /// Missing slots as runs, e.g. `p-05d0..p-41d6`.
    pub missing: Vec<String>,
}

/// The result of `tsunagu catalogue check`.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub coverage: Vec<Coverage>,
    /// (file, finding), file as `<locale>/<slot>.md`.
    pub findings: Vec<(String, Finding)>,
}

impl Catalogue {
    /// Runs every check of CONTENT.md and reports coverage.
    pub fn check(&self) -> Report {
        let mut report = Report::default();
        for u in &self.unreadable {
            report.findings.push((u.path.clone(), u.finding.clone()));
        }
        for locale in &self.locales {
            let path = |m: &Message| format!("{}/{}.md", locale.name, m.slot);
            let messages: Vec<&Message> = locale.messages.iter().flatten().collect();
            for m in &messages {
                for finding in self.check_message(&locale.name, m) {
                    report.findings.push((path(m), finding));
                }
            }
            for (a, b, percent) in near_copies(&messages) {
                report.findings.push((
                    path(b),
                    Finding::NearCopy {
                        other: a.slot.to_string(),
                        percent,
                    },
                ));
            }
            let present = |s: Slot| locale.messages[s.index()].is_some();
            let ranges = Range::ALL
                .into_iter()
                .map(|r| {
                    let total = r.slots().count();
                    (
                        r,
                        r.slots().filter(|s| present(*s)).count(),
                        total,
                        locale.complete.contains(&r),
                    )
                })
                .collect::<Vec<_>>();
            for &(range, written, total, complete) in &ranges {
                if complete && written < total {
                    let slots = missing_runs(range.slots(), present).join(", ");
                    report.findings.push((
                        locale.name.clone(),
                        Finding::Missing {
                            range: range.name(),
                            slots,
                        },
                    ));
                }
            }
            report.coverage.push(Coverage {
                locale: locale.name.clone(),
                written: messages.len(),
                total: SLOT_COUNT,
                ranges,
                missing: missing_runs(Slot::all(), present),
            });
        }
        report
    }

    fn check_message(&self, locale: &str, m: &Message) -> Vec<Finding> {
        let mut out = Vec::new();
        let japanese = locale == "ja";
        let title_len = m.title.chars().count();
        let max_title = if japanese { 32 } else { 60 };
        if m.title.trim().is_empty() {
            out.push(Finding::EmptyTitle);
        } else if title_len > max_title {
            out.push(Finding::TitleTooLong {
                length: title_len,
                max: max_title,
            });
        }
        if m.topics.is_empty() {
            out.push(Finding::NoTopics);
        }
        for topic in m.topics.iter().filter(|t| !self.topics.contains(t)) {
            out.push(Finding::UnknownTopic {
                topic: topic.clone(),
            });
        }
        out.extend(markup_findings(&m.body));
        let (length, min, max, unit) = if japanese {
            (
                m.body.chars().filter(|c| !c.is_whitespace()).count(),
                250,
                800,
                "chars",
            )
        } else {
            (m.body.split_whitespace().count(), 120, 450, "words")
        };
        if !(min..=max).contains(&length) {
            out.push(Finding::BodyLength {
                length,
                min,
                max,
                unit,
            });
        }
        out
    }
}

fn markup_findings(body: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |f: Finding, out: &mut Vec<Finding>| {
        if seen.insert(f.code().to_owned() + &f.args().into_iter().map(|a| a.1).collect::<String>())
        {
            out.push(f);
        }
    };
    for event in Parser::new(body) {
        let finding = match event {
            Event::Html(_) | Event::InlineHtml(_) => Some(Finding::RawHtml),
            Event::Code(_) => Some(Finding::DisallowedMarkup { what: "code" }),
            Event::Rule => Some(Finding::DisallowedMarkup { what: "rule" }),
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Strong | Tag::List(_) | Tag::Item => None,
                Tag::Link { dest_url, .. } => {
                    let ok = ["https://", "mailto:", "tel:"]
                        .iter()
                        .any(|p| dest_url.starts_with(p));
                    (!ok).then(|| Finding::BadLink {
                        url: dest_url.to_string(),
                    })
                }
                Tag::Heading { .. } => Some(Finding::DisallowedMarkup { what: "heading" }),
                Tag::BlockQuote(_) => Some(Finding::DisallowedMarkup { what: "quote" }),
                Tag::CodeBlock(_) => Some(Finding::DisallowedMarkup { what: "code" }),
                Tag::Image { .. } => Some(Finding::DisallowedMarkup { what: "image" }),
                Tag::Emphasis => Some(Finding::DisallowedMarkup { what: "emphasis" }),
                _ => Some(Finding::DisallowedMarkup { what: "other" }),
            },
            _ => None,
        };
        if let Some(f) = finding {
            push(f, &mut out);
        }
    }
    out
}

/// Sorted, deduplicated hashes of the body's character trigrams (whitespace removed).
fn shingles(body: &str) -> Vec<u64> {
    let chars: Vec<char> = body.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out: Vec<u64> = chars
        .windows(3)
        .map(|w| (w[0] as u64) << 42 | (w[1] as u64) << 21 | w[2] as u64)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

fn near_copies<'m>(messages: &[&'m Message]) -> Vec<(&'m Message, &'m Message, u32)> {
    let sets: Vec<Vec<u64>> = messages.iter().map(|m| shingles(&m.body)).collect();
    let mut out = Vec::new();
    for i in 0..messages.len() {
        for j in i + 1..messages.len() {
            let similarity = jaccard(&sets[i], &sets[j]);
            if similarity > NEAR_COPY {
                out.push((
                    messages[i],
                    messages[j],
                    (similarity * 100.0).round() as u32,
                ));
            }
        }
    }
    out
}

/// Missing slots written as runs of consecutive slots: `p-05d0..p-41d6, b-0003`.
fn missing_runs(slots: impl Iterator<Item = Slot>, present: impl Fn(Slot) -> bool) -> Vec<String> {
    let mut runs: Vec<(Slot, Slot)> = Vec::new();
    let mut previous_missing = false;
    for slot in slots {
        if present(slot) {
            previous_missing = false;
            continue;
        }
        match runs.last_mut() {
            Some(run) if previous_missing => run.1 = slot,
            _ => runs.push((slot, slot)),
        }
        previous_missing = true;
    }
    runs.into_iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}..{b}")
            }
        })
        .collect()
}
