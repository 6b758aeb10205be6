//! The national check-up and immunisation schedule: `content/schedule/*.toml`, reviewed data with
//! sources, and the planner that turns it into a child's visits. Everything the planner knows about
//! a vaccine or a check-up comes from these files: when the national schedule changes, the files
//! change, not the code.
//!
//! The files ride in the binary through the same embedding as the town files (build.rs embeds every
//! text file of `content/` outside `messages/`, and re-runs when `content/` changes), so nothing new
//! is needed in the build; the catalogue check and a test hold them to the rules of [`check`].

mod check;
mod planner;

use chrono::{Datelike, Days, NaiveDate};
use serde::Deserialize;

use crate::cadence::add_months;
use crate::catalogue::content_file;
use crate::error::{Error, Result};

pub use check::check_files;
pub use planner::{
    AttendedCheckup, Plan, PlanInput, RecordedDose, Visit, VisitKind, VisitState, programme_end,
};

/// The schedule files, by path under `content/`.
pub const FILES: [&str; 3] = [
    "schedule/prenatal-checkups.toml",
    "schedule/child-checkups.toml",
    "schedule/immunisations.toml",
];

/// A name or a note in both languages of the app.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Names {
    #[serde(default)]
    pub ja: String,
    #[serde(default)]
    pub en: String,
}

impl Names {
    /// The text in `lang`; Japanese (the primary language) for any other.
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" { &self.en } else { &self.ja }
    }
}

/// A public source an item cites by `id`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
}

/// An age, or a length of time. Either calendar months and years, or a count of weeks and days,
/// never both (the check refuses a mix): the two are counted differently, as the national schedule
/// counts them.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Age {
    #[serde(default)]
    pub years: u32,
    #[serde(default)]
    pub months: u32,
    #[serde(default)]
    pub weeks: u32,
    #[serde(default)]
    pub days: u32,
}

impl Age {
    fn total_months(self) -> u32 {
        self.years * 12 + self.months
    }

    fn total_days(self) -> u64 {
        self.weeks as u64 * 7 + self.days as u64
    }

    /// Whether it mixes calendar months with counted days.
    pub fn is_mixed(self) -> bool {
        self.total_months() > 0 && self.total_days() > 0
    }

    /// The day a child whose age counts from `origin` reaches this age. Calendar ages follow the
    /// legal rule the schedule uses: N months are reached on the day before the same day-of-month
    /// N months later, or on the last day of that month when it has no such day (born on
    /// 30 December: 2 months on 28 February). Counted ages add days to the origin, which is day 0.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use tsunagu::schedule::Age;
    /// let birth = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
    /// let two_months = Age { months: 2, ..Age::default() };
    /// assert_eq!(two_months.reached(birth), NaiveDate::from_ymd_opt(2027, 3, 9).unwrap());
    /// let six_weeks = Age { weeks: 6, ..Age::default() };
    /// assert_eq!(six_weeks.reached(birth), NaiveDate::from_ymd_opt(2027, 2, 21).unwrap());
    /// let late_december = NaiveDate::from_ymd_opt(2026, 12, 30).unwrap();
    /// assert_eq!(two_months.reached(late_december), NaiveDate::from_ymd_opt(2027, 2, 28).unwrap());
    /// ```
    pub fn reached(self, origin: NaiveDate) -> NaiveDate {
        let months = self.total_months();
        let start = match add_months(origin, months) {
            _ if months == 0 => origin,
            same_day if same_day.day() == origin.day() => same_day - Days::new(1),
            month_end => month_end,
        };
        start + Days::new(self.total_days())
    }

    /// The last day of this length of time started on the day after `from`: a minimum interval
    /// of N days after a dose on `from` is over at the end of `from + N`, so the next dose may be
    /// given from the day after (27 days after a Monday: the Monday four weeks later).
    pub fn elapsed_after(self, from: NaiveDate) -> NaiveDate {
        add_months(from, self.total_months()) + Days::new(self.total_days())
    }
}

/// What a window's ages count from.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// From the real birth date.
    Chronological,
    /// From the due date for a baby born before 37w0d; from the birth date otherwise.
    Corrected,
    /// Weeks of pregnancy, from the due date (40w0d).
    Gestational,
}

/// Who holds a check-up: see `content/schedule/child-checkups.toml`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Provision {
    Statutory,
    Common,
    Subsidised,
    Town,
}

impl Provision {
    pub fn name(self) -> &'static str {
        match self {
            Provision::Statutory => "statutory",
            Provision::Common => "common",
            Provision::Subsidised => "subsidised",
            Provision::Town => "town",
        }
    }
}

/// A window of ages, both ends included. With `after = N` it is an interval after dose N of the
/// same vaccine rather than an age.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Window {
    #[serde(default)]
    pub after: Option<u32>,
    pub from: Age,
    pub until: Age,
}

/// A recurring visit over a span of pregnancy: prenatal check-ups.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: Age,
    pub until: Age,
    pub every: Age,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkup {
    pub id: String,
    pub name: Names,
    pub basis: Basis,
    pub provision: Provision,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<Names>,
    /// One visit in this window ...
    #[serde(default)]
    pub window: Option<Window>,
    /// ... or a visit every so often over each period.
    #[serde(default, rename = "period")]
    pub periods: Vec<Period>,
}

/// A minimum interval after an earlier dose.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    pub after: u32,
    #[serde(default)]
    pub years: u32,
    #[serde(default)]
    pub months: u32,
    #[serde(default)]
    pub weeks: u32,
    #[serde(default)]
    pub days: u32,
}

impl Interval {
    pub fn length(self) -> Age {
        Age {
            years: self.years,
            months: self.months,
            weeks: self.weeks,
            days: self.days,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoseRule {
    pub number: u32,
    #[serde(default)]
    pub label: Option<Names>,
    #[serde(default)]
    pub intervals: Vec<Interval>,
    /// The recommended period (標準的な接種期間).
    pub standard: Window,
    /// The period in which the dose is routine (定期接種の対象).
    pub routine: Window,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vaccine {
    pub id: String,
    pub name: Names,
    pub basis: Basis,
    /// Alternatives the clinic chooses between share a choice.
    #[serde(default)]
    pub choice: Option<String>,
    /// The first day this is routine, when that is recent enough to matter.
    #[serde(default)]
    pub routine_since: Option<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<Names>,
    #[serde(rename = "dose")]
    pub doses: Vec<DoseRule>,
}

impl Vaccine {
    pub fn dose(&self, number: u32) -> Option<&DoseRule> {
        self.doses.iter().find(|d| d.number == number)
    }

    /// The first day it is routine, if the file gives one.
    pub fn routine_since(&self) -> Option<NaiveDate> {
        self.routine_since
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    }
}

/// Vaccines the clinic chooses between (such as the two rotavirus vaccines).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub name: Names,
    #[serde(default)]
    pub note: Option<Names>,
    pub sources: Vec<String>,
}

/// One schedule file as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleFile {
    /// The day the file was last checked against its sources, `YYYY-MM-DD`.
    pub checked: String,
    #[serde(default, rename = "source")]
    pub sources: Vec<Source>,
    #[serde(default, rename = "checkup")]
    pub checkups: Vec<Checkup>,
    #[serde(default, rename = "vaccine")]
    pub vaccines: Vec<Vaccine>,
    #[serde(default, rename = "choice")]
    pub choices: Vec<Choice>,
}

/// The whole schedule: every file, in the order of [`FILES`].
#[derive(Clone, Debug)]
pub struct Schedule {
    pub files: Vec<(String, ScheduleFile)>,
}

impl Schedule {
    /// The schedule compiled into this binary.
    pub fn embedded() -> Result<Schedule> {
        let files = FILES.iter().map(|path| {
            let text = content_file(path)
                .ok_or_else(|| Error::Schedule(format!("content/{path} is missing")))?;
            Ok((path.to_string(), text))
        });
        Schedule::from_files(files.collect::<Result<Vec<_>>>()?)
    }

    /// Reads `(path, text)` pairs. Only readability is checked here; [`check_files`] holds the
    /// files to every rule.
    pub fn from_files<P: Into<String>, T: AsRef<str>>(
        files: impl IntoIterator<Item = (P, T)>,
    ) -> Result<Schedule> {
        let files = files
            .into_iter()
            .map(|(path, text)| {
                let path = path.into();
                let file = toml::from_str::<ScheduleFile>(text.as_ref())
                    .map_err(|e| Error::Schedule(format!("{path}: {}", e.message())))?;
                Ok((path, file))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Schedule { files })
    }

    pub fn checkups(&self) -> impl Iterator<Item = &Checkup> {
        self.files.iter().flat_map(|(_, f)| &f.checkups)
    }

    pub fn vaccines(&self) -> impl Iterator<Item = &Vaccine> {
        self.files.iter().flat_map(|(_, f)| &f.vaccines)
    }

    pub fn vaccine(&self, id: &str) -> Option<&Vaccine> {
        self.vaccines().find(|v| v.id == id)
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.files
            .iter()
            .flat_map(|(_, f)| &f.choices)
            .find(|c| c.id == id)
    }
}
