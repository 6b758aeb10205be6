//! The planner: a child's check-ups and immunisations as dated windows, from the schedule files,
//! the child's dates and the doses the family recorded. Pure: "today" is an argument. It says what
//! the schedule recommends; what is actually given, and when, is the clinic's decision, and a
//! window that has passed is worded as "talk to your clinic", never as something to skip.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::{Age, Basis, Names, Provision, Schedule, Vaccine, Window};
use crate::cadence::{PRETERM_BEFORE_DAYS, Programme, TERM_DAYS, birthday, gestational_days};
use crate::error::{Error, Result};

/// A dose the family recorded from the Maternal and Child Health Handbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedDose {
    pub vaccine: String,
    pub number: u32,
    pub date: NaiveDate,
}

/// A check-up visit the family recorded as attended, by the visit's id (`checkup/1-month`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendedCheckup {
    pub visit: String,
    pub date: NaiveDate,
}

/// What the planner needs: the child's dates, the recorded doses and check-ups, the end of the town's
/// programme and the day it is planned on.
#[derive(Clone, Debug)]
pub struct PlanInput<'a> {
    pub due_date: Option<NaiveDate>,
    pub birth_date: Option<NaiveDate>,
    pub doses: &'a [RecordedDose],
    /// Check-ups attended; one the plan no longer has (a pregnancy's, after the birth) is ignored.
    pub checkups: &'a [AttendedCheckup],
    /// Visits whose window starts after this day are left out.
    pub until: NaiveDate,
    pub today: NaiveDate,
}

/// The last day of the town's programme for a child: the due date for a pregnancy-only programme
/// (or the birth, if earlier), else the 1st, 2nd or 3rd birthday (counted from the due date while
/// the baby is not born).
pub fn programme_end(
    programme: Programme,
    due_date: Option<NaiveDate>,
    birth_date: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let birth = birth_date.or(due_date)?;
    Some(match programme {
        Programme::PregnancyOnly => birth,
        Programme::ToFirstBirthday => birthday(birth, 1),
        Programme::ToSecondBirthday => birthday(birth, 2),
        Programme::ToThirdBirthday => birthday(birth, 3),
    })
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VisitKind {
    Checkup {
        checkup: String,
        provision: Provision,
    },
    Dose {
        vaccine: String,
        number: u32,
        /// The alternatives' id while the family has not recorded which vaccine it is.
        choice: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitState {
    /// The family recorded the dose on this day.
    Done(NaiveDate),
    /// Today is in the window (and, for a dose, on or after its earliest day).
    DueNow,
    Coming,
    /// The recommended window has passed without a record: talk to your clinic (or the town,
    /// for a check-up). Never "skipped": the clinic decides what comes next.
    TalkToClinic,
}

/// One visit: a check-up or one dose, with the window the schedule recommends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    /// Stable across plans and exports: `checkup/<id>`, `checkup/prenatal/<week>`,
    /// `dose/<vaccine or choice>/<n>`.
    pub id: String,
    pub kind: VisitKind,
    pub name: Names,
    /// The recommended window, both days included.
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// For a dose not yet given: the earliest day it may be given, the window's start or the end
    /// of the minimum intervals after the doses before it, whichever is later.
    pub earliest: Option<NaiveDate>,
    /// For a dose: the last day it is routine (free, under the law).
    pub routine_until: Option<NaiveDate>,
    pub state: VisitState,
    pub note: Option<Names>,
}

impl Visit {
    /// The first day worth putting in a calendar: the earliest allowed day when later than the
    /// window's start.
    pub fn starts(&self) -> NaiveDate {
        self.earliest.map_or(self.first, |e| e.max(self.first))
    }
}

/// Every visit for one child, soonest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub visits: Vec<Visit>,
    /// No birth is recorded: the child's visits are placed as if born on the due date.
    pub assumed_birth: bool,
}

/// Dates a child's ages count from.
struct Origins {
    due: Option<NaiveDate>,
    birth: NaiveDate,
    preterm: bool,
}

impl Origins {
    fn date(&self, basis: Basis, age: Age) -> Option<NaiveDate> {
        match basis {
            Basis::Chronological => Some(age.reached(self.birth)),
            Basis::Corrected => Some(age.reached(match (self.preterm, self.due) {
                (true, Some(due)) => due,
                _ => self.birth,
            })),
            Basis::Gestational => {
                let conception_origin = self.due? - Days::new(TERM_DAYS as u64);
                Some(age.reached(conception_origin))
            }
        }
    }
}

impl Schedule {
    /// Plans every visit for a child.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use tsunagu::schedule::{PlanInput, Schedule, VisitState};
    /// let birth = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
    /// let plan = Schedule::embedded().unwrap().plan(&PlanInput {
    ///     due_date: None,
    ///     birth_date: Some(birth),
    ///     doses: &[],
    ///     checkups: &[],
    ///     until: NaiveDate::from_ymd_opt(2030, 1, 10).unwrap(),
    ///     today: birth,
    /// }).unwrap();
    /// let hep_b = plan.visits.iter().find(|v| v.id == "dose/hepatitis-b/1").unwrap();
    /// assert_eq!(hep_b.first, NaiveDate::from_ymd_opt(2027, 3, 9).unwrap());
    /// assert_eq!(hep_b.state, VisitState::Coming);
    /// ```
    pub fn plan(&self, input: &PlanInput) -> Result<Plan> {
        let birth = input.birth_date.or(input.due_date).ok_or(Error::NoDates)?;
        let preterm = match (input.birth_date, input.due_date) {
            (Some(b), Some(due)) => gestational_days(due, b) < PRETERM_BEFORE_DAYS,
            _ => false,
        };
        let origins = Origins {
            due: input.due_date,
            birth,
            preterm,
        };
        let doses = self.recorded(input)?;
        let mut visits = Vec::new();
        for checkup in self.checkups() {
            let mut push = |id: String, first: NaiveDate, last: NaiveDate| {
                let attended = input.checkups.iter().find(|c| c.visit == id);
                visits.push(Visit {
                    state: match attended {
                        Some(c) => VisitState::Done(c.date),
                        None => state(input.today, first, last),
                    },
                    id,
                    kind: VisitKind::Checkup {
                        checkup: checkup.id.clone(),
                        provision: checkup.provision,
                    },
                    name: checkup.name.clone(),
                    first,
                    last,
                    earliest: None,
                    routine_until: None,
                    note: checkup.note.clone(),
                })
            };
            if let Some(w) = &checkup.window {
                let (Some(first), Some(last)) = (
                    origins.date(checkup.basis, w.from),
                    origins.date(checkup.basis, w.until),
                ) else {
                    continue;
                };
                push(format!("checkup/{}", checkup.id), first, last);
            }
            for p in &checkup.periods {
                let step = p.every.weeks as u64 * 7 + p.every.days as u64;
                let (Some(start), Some(end)) = (
                    origins.date(checkup.basis, p.from),
                    origins.date(checkup.basis, p.until),
                ) else {
                    continue;
                };
                let mut first = start;
                while first <= end && step > 0 {
                    let last = (first + Days::new(step - 1)).min(end);
                    // Once the birth is recorded the pregnancy's visits are over: none is planned.
                    if input.birth_date.is_none() {
                        let week = p.from.weeks as u64 + (first - start).num_days() as u64 / 7;
                        push(format!("checkup/{}/{week:02}w", checkup.id), first, last);
                    }
                    first = first + Days::new(step);
                }
            }
        }
        for vaccine in self.planned_vaccines(&doses)? {
            self.plan_vaccine(vaccine, input, &origins, &doses, &mut visits);
        }
        visits.retain(|v| v.first <= input.until || matches!(v.state, VisitState::Done(_)));
        visits.sort_by(|a, b| (a.starts(), &a.id).cmp(&(b.starts(), &b.id)));
        Ok(Plan {
            visits,
            assumed_birth: input.birth_date.is_none(),
        })
    }

    /// The recorded doses by vaccine, checked: known vaccine and dose, not twice, none before
    /// birth (or, in pregnancy, after it), dose n only after dose n-1.
    fn recorded<'a>(
        &self,
        input: &'a PlanInput,
    ) -> Result<HashMap<&'a str, HashMap<u32, NaiveDate>>> {
        let mut by_vaccine: HashMap<&str, HashMap<u32, NaiveDate>> = HashMap::new();
        for dose in input.doses {
            let vaccine = self
                .vaccine(&dose.vaccine)
                .ok_or_else(|| Error::UnknownVaccine(dose.vaccine.clone()))?;
            if vaccine.dose(dose.number).is_none() {
                return Err(Error::UnknownDose {
                    vaccine: dose.vaccine.clone(),
                    number: dose.number,
                });
            }
            let in_pregnancy = vaccine.basis == Basis::Gestational;
            let wrong_side = match input.birth_date {
                Some(b) if in_pregnancy => dose.date > b,
                Some(b) => dose.date < b,
                None => !in_pregnancy,
            };
            if wrong_side {
                return Err(Error::DoseOutsideLife {
                    vaccine: dose.vaccine.clone(),
                    number: dose.number,
                    date: dose.date,
                });
            }
            if by_vaccine
                .entry(dose.vaccine.as_str())
                .or_default()
                .insert(dose.number, dose.date)
                .is_some()
            {
                return Err(Error::DoseRecordedTwice {
                    vaccine: dose.vaccine.clone(),
                    number: dose.number,
                });
            }
        }
        for (vaccine, given) in &by_vaccine {
            for (&n, &date) in given {
                let previous = (n > 1).then(|| given.get(&(n - 1)));
                match previous {
                    Some(None) => {
                        return Err(Error::DoseWithoutPrevious {
                            vaccine: vaccine.to_string(),
                            number: n,
                        });
                    }
                    Some(Some(&before)) if before >= date => {
                        return Err(Error::DoseBeforePrevious {
                            vaccine: vaccine.to_string(),
                            number: n,
                        });
                    }
                    _ => {}
                }
            }
        }
        Ok(by_vaccine)
    }

    /// Every vaccine to plan: of alternatives, the one the family recorded, or the first listed
    /// while none is (its first dose stands for the choice).
    fn planned_vaccines(
        &self,
        doses: &HashMap<&str, HashMap<u32, NaiveDate>>,
    ) -> Result<Vec<&Vaccine>> {
        let mut out = Vec::new();
        let mut chosen: HashMap<&str, &str> = HashMap::new();
        for v in self.vaccines() {
            let Some(choice) = v.choice.as_deref() else {
                out.push(v);
                continue;
            };
            let recorded = doses.contains_key(v.id.as_str());
            match chosen.get(choice) {
                Some(other) if recorded && doses.contains_key(other) => {
                    return Err(Error::MixedVaccines {
                        choice: choice.to_owned(),
                    });
                }
                Some(_) if !recorded => {}
                _ => {
                    chosen.insert(choice, v.id.as_str());
                }
            }
        }
        for v in self.vaccines() {
            if let Some(choice) = v.choice.as_deref()
                && chosen.get(choice) == Some(&v.id.as_str())
            {
                out.push(v);
            }
        }
        Ok(out)
    }

    fn plan_vaccine(
        &self,
        vaccine: &Vaccine,
        input: &PlanInput,
        origins: &Origins,
        doses: &HashMap<&str, HashMap<u32, NaiveDate>>,
        visits: &mut Vec<Visit>,
    ) {
        let given = doses.get(vaccine.id.as_str());
        let undecided = vaccine.choice.is_some() && given.is_none();
        // The day each dose was given, or is planned for: the earliest allowed day, and never
        // before today for a dose not yet given, so later doses follow from a real date.
        let mut placed: HashMap<u32, NaiveDate> = HashMap::new();
        for rule in &vaccine.doses {
            if undecided && rule.number > 1 {
                break;
            }
            let anchored = |w: &Window, end: bool| -> Option<NaiveDate> {
                match w.after {
                    None => origins.date(vaccine.basis, if end { w.until } else { w.from }),
                    Some(after) => {
                        let prev = *placed.get(&after)?;
                        Some(if end {
                            w.until.elapsed_after(prev)
                        } else {
                            w.from.elapsed_after(prev) + Days::new(1)
                        })
                    }
                }
            };
            let (Some(first), Some(last), Some(routine_from), Some(routine_until)) = (
                anchored(&rule.standard, false),
                anchored(&rule.standard, true),
                anchored(&rule.routine, false),
                anchored(&rule.routine, true),
            ) else {
                break;
            };
            // A vaccine that became routine recently: a pregnancy whose window closed before then
            // is not offered it.
            if vaccine
                .routine_since()
                .is_some_and(|since| routine_until < since)
            {
                break;
            }
            if vaccine.basis == Basis::Gestational && input.birth_date.is_some() && given.is_none()
            {
                break;
            }
            let after_intervals = rule
                .intervals
                .iter()
                .filter_map(|i| {
                    let prev = placed.get(&i.after)?;
                    Some(i.length().elapsed_after(*prev) + Days::new(1))
                })
                .max();
            let mut earliest = first.max(routine_from);
            if let Some(e) = after_intervals {
                earliest = earliest.max(e);
            }
            if let Some(since) = vaccine.routine_since() {
                earliest = earliest.max(since);
            }
            let done = given.and_then(|g| g.get(&rule.number)).copied();
            let state = match done {
                Some(date) => VisitState::Done(date),
                None if input.today > last.min(routine_until) || earliest > last => {
                    VisitState::TalkToClinic
                }
                None if input.today >= earliest => VisitState::DueNow,
                None => VisitState::Coming,
            };
            placed.insert(rule.number, done.unwrap_or(earliest.max(input.today)));
            let choice = vaccine.choice.clone().filter(|_| undecided);
            let (key, name, note) = match choice.as_deref().and_then(|c| self.choice(c)) {
                Some(c) => (c.id.as_str(), c.name.clone(), c.note.clone()),
                None => (
                    vaccine.id.as_str(),
                    vaccine.name.clone(),
                    vaccine.note.clone(),
                ),
            };
            let name = dose_name(&name, rule.label.as_ref(), rule.number, vaccine.doses.len());
            visits.push(Visit {
                id: format!(
                    "dose/{}/{}",
                    vaccine.choice.as_deref().unwrap_or(key),
                    rule.number
                ),
                kind: VisitKind::Dose {
                    vaccine: vaccine.id.clone(),
                    number: rule.number,
                    choice,
                },
                name,
                first,
                last,
                earliest: done.is_none().then_some(earliest),
                routine_until: Some(routine_until),
                state,
                note,
            });
        }
    }
}

fn state(today: NaiveDate, first: NaiveDate, last: NaiveDate) -> VisitState {
    if today < first {
        VisitState::Coming
    } else if today <= last {
        VisitState::DueNow
    } else {
        VisitState::TalkToClinic
    }
}

/// 「B型肝炎 2回目」/ "hepatitis B, dose 2"; a single dose keeps the vaccine's name alone.
fn dose_name(vaccine: &Names, label: Option<&Names>, number: u32, count: usize) -> Names {
    match label {
        Some(l) => Names {
            ja: format!("{} {}", vaccine.ja, l.ja),
            en: format!("{}, {}", vaccine.en, l.en),
        },
        None if count == 1 => vaccine.clone(),
        None => Names {
            ja: format!("{} {number}回目", vaccine.ja),
            en: format!("{}, dose {number}", vaccine.en),
        },
    }
}
