//! The schedule files' checks, reported as catalogue findings so that `tsunagu catalogue check`
//! shows them beside the messages': ids unique, cited sources present (and every source cited),
//! both languages written, windows well-formed, doses numbered in order, intervals positive.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Age, Basis, Names, ScheduleFile, Window};
use crate::catalogue::Finding;
use crate::error::parse_date;

/// Checks `(path, text)` pairs as the schedule files; findings carry the file's path.
pub fn check_files<P: AsRef<str>, T: AsRef<str>>(
    files: impl IntoIterator<Item = (P, T)>,
) -> Vec<(String, Finding)> {
    let mut out = Vec::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut parsed = Vec::new();
    for (path, text) in files {
        let path = path.as_ref().to_owned();
        match toml::from_str::<ScheduleFile>(text.as_ref()) {
            Ok(file) => parsed.push((path, file)),
            Err(e) => out.push((
                path,
                Finding::BadSchedule {
                    detail: e.message().to_owned(),
                },
            )),
        }
    }
    let choices: HashSet<&str> = parsed
        .iter()
        .flat_map(|(_, f)| f.choices.iter().map(|c| c.id.as_str()))
        .collect();
    for (path, file) in &parsed {
        let mut push = |f: Finding| out.push((path.clone(), f));
        let item_ids = file
            .checkups
            .iter()
            .map(|c| &c.id)
            .chain(file.vaccines.iter().map(|v| &v.id))
            .chain(file.choices.iter().map(|c| &c.id));
        for id in item_ids {
            if ids.insert(id.clone(), path.clone()).is_some() || id.trim().is_empty() {
                push(Finding::DuplicateId { value: id.clone() });
            }
        }
        for finding in check_file(file, &choices) {
            push(finding);
        }
    }
    for choice in &choices {
        let alternatives: Vec<_> = parsed
            .iter()
            .flat_map(|(p, f)| f.vaccines.iter().map(move |v| (p, v)))
            .filter(|(_, v)| v.choice.as_deref() == Some(*choice))
            .collect();
        // The planner shows an alternative's first dose before the family's record says which
        // one: that is only right if every alternative's first dose has the same window.
        let first = |v: &super::Vaccine| v.dose(1).map(|d| (d.standard, d.routine, v.basis));
        if let Some((path, v)) = alternatives.first()
            && (alternatives.len() < 2 || alternatives.iter().any(|(_, w)| first(w) != first(v)))
        {
            out.push((
                path.to_string(),
                Finding::BadDoses {
                    item: choice.to_string(),
                    detail: "alternatives need at least two vaccines whose first doses share one window",
                },
            ));
        }
    }
    out
}

fn check_file(file: &ScheduleFile, choices: &HashSet<&str>) -> Vec<Finding> {
    let mut out = Vec::new();
    if parse_date(&file.checked).is_err() {
        out.push(Finding::BadScheduleDate {
            value: file.checked.clone(),
        });
    }
    let mut sources = HashSet::new();
    for s in &file.sources {
        if !sources.insert(s.id.as_str()) {
            out.push(Finding::DuplicateId {
                value: s.id.clone(),
            });
        }
        let https = url::Url::parse(&s.url).is_ok_and(|u| matches!(u.scheme(), "https" | "http"));
        if !https || s.title.trim().is_empty() || s.publisher.trim().is_empty() {
            out.push(Finding::BadSource {
                value: s.id.clone(),
            });
        }
    }
    let mut cited = HashSet::new();
    let mut cite = |item: &str, list: &[String], out: &mut Vec<Finding>| {
        if list.is_empty() {
            out.push(Finding::NoSource {
                item: item.to_owned(),
            });
        }
        for id in list {
            cited.insert(id.clone());
            if !sources.contains(id.as_str()) {
                out.push(Finding::UnknownSource {
                    item: item.to_owned(),
                    value: id.clone(),
                });
            }
        }
    };
    for c in &file.choices {
        cite(&c.id, &c.sources, &mut out);
        names(&c.id, Some(&c.name), &mut out);
        names(&c.id, c.note.as_ref(), &mut out);
    }
    for c in &file.checkups {
        cite(&c.id, &c.sources, &mut out);
        names(&c.id, Some(&c.name), &mut out);
        names(&c.id, c.note.as_ref(), &mut out);
        match (&c.window, c.periods.is_empty()) {
            (Some(w), true) => window(&c.id, c.basis, w, None, &mut out),
            (None, false) => {
                for p in &c.periods {
                    let w = Window {
                        after: None,
                        from: p.from,
                        until: p.until,
                    };
                    window(&c.id, c.basis, &w, None, &mut out);
                    if p.every.is_mixed() || p.every == Age::default() || p.every.months > 0 {
                        out.push(Finding::BadWindow {
                            item: c.id.clone(),
                            detail: "a period repeats every so many weeks or days, more than none",
                        });
                    }
                }
            }
            _ => out.push(Finding::BadWindow {
                item: c.id.clone(),
                detail: "a check-up has either one window or periods",
            }),
        }
    }
    for v in &file.vaccines {
        cite(&v.id, &v.sources, &mut out);
        names(&v.id, Some(&v.name), &mut out);
        names(&v.id, v.note.as_ref(), &mut out);
        if let Some(choice) = &v.choice
            && !choices.contains(choice.as_str())
        {
            out.push(Finding::UnknownChoice {
                item: v.id.clone(),
                value: choice.clone(),
            });
        }
        if let Some(since) = &v.routine_since
            && parse_date(since).is_err()
        {
            out.push(Finding::BadScheduleDate {
                value: since.clone(),
            });
        }
        if v.doses.is_empty() {
            out.push(Finding::BadDoses {
                item: v.id.clone(),
                detail: "no doses",
            });
        }
        for (i, d) in v.doses.iter().enumerate() {
            let item = format!("{} dose {}", v.id, d.number);
            if d.number != i as u32 + 1 {
                out.push(Finding::BadDoses {
                    item: item.clone(),
                    detail: "doses are numbered 1, 2, 3 … in order",
                });
            }
            if let Some(label) = &d.label {
                names(&item, Some(label), &mut out);
            }
            window(&item, v.basis, &d.standard, Some(d.number), &mut out);
            window(&item, v.basis, &d.routine, Some(d.number), &mut out);
            if d.number > 1 && d.intervals.is_empty() {
                out.push(Finding::BadDoses {
                    item: item.clone(),
                    detail: "a later dose needs a minimum interval after an earlier one",
                });
            }
            for interval in &d.intervals {
                if interval.after == 0 || interval.after >= d.number {
                    out.push(Finding::BadDoses {
                        item: item.clone(),
                        detail: "an interval counts from an earlier dose",
                    });
                }
                let length = interval.length();
                if length == Age::default() || length.is_mixed() {
                    out.push(Finding::BadDoses {
                        item: item.clone(),
                        detail: "an interval is a positive number of months, or of weeks and days",
                    });
                }
            }
        }
    }
    for s in &file.sources {
        if !cited.contains(&s.id) {
            out.push(Finding::UnusedSource {
                value: s.id.clone(),
            });
        }
    }
    out
}

fn names(item: &str, names: Option<&Names>, out: &mut Vec<Finding>) {
    let Some(n) = names else { return };
    for (locale, text) in [("ja", &n.ja), ("en", &n.en)] {
        if text.trim().is_empty() {
            out.push(Finding::MissingName {
                item: item.to_owned(),
                locale,
            });
        }
    }
}

fn window(item: &str, basis: Basis, w: &Window, dose: Option<u32>, out: &mut Vec<Finding>) {
    let mut bad = |detail: &'static str| {
        out.push(Finding::BadWindow {
            item: item.to_owned(),
            detail,
        })
    };
    if w.from.is_mixed() || w.until.is_mixed() {
        bad("an age is in months and years, or in weeks and days, not both");
    }
    if basis == Basis::Gestational
        && (w.from.months + w.from.years + w.until.months + w.until.years) > 0
    {
        bad("weeks of pregnancy are counted in weeks and days");
    }
    match (w.after, dose) {
        (None, _) => {}
        (Some(after), Some(n)) if after >= 1 && after < n => {}
        _ => bad("a window after a dose counts from an earlier dose of the same vaccine"),
    }
    // Ends compared on a real calendar: months and days are counted differently.
    let origin = NaiveDate::from_ymd_opt(2001, 1, 31).expect("valid");
    if w.until.reached(origin) < w.from.reached(origin) {
        bad("the window ends before it starts");
    }
}
