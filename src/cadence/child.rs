//! A child as the cadence sees it (due date, birth, registration, end) and what falls on each day.

use chrono::{Days, NaiveDate};

use super::age::{Age, Stage};
use super::dates::{birthday, gestational_days};
use super::slot::Slot;
use super::{
    FIRST_PREGNANCY_DAY, LAST_PREGNANCY_DAY, LATEST_BIRTH_DAYS, PRETERM_BEFORE_DAYS, TERM_DAYS,
    VIABLE_FROM_DAYS,
};
use crate::error::{Error, Result};

/// How long a town runs the programme for its families.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Programme {
    PregnancyOnly,
    /// Up to and including the 1st birthday message (`y1-00`).
    ToFirstBirthday,
    /// Up to and including the 2nd birthday message (`y2-00`).
    ToSecondBirthday,
    /// The whole programme, ending with `y3` on the 3rd birthday.
    ToThirdBirthday,
}

impl Programme {
    pub const ALL: [Programme; 4] = [
        Programme::PregnancyOnly,
        Programme::ToFirstBirthday,
        Programme::ToSecondBirthday,
        Programme::ToThirdBirthday,
    ];

    /// Whether the town's programme carries this slot.
    pub fn includes(self, slot: Slot) -> bool {
        match self {
            Programme::PregnancyOnly => matches!(slot, Slot::Pregnancy { .. }),
            Programme::ToFirstBirthday => slot <= Slot::Year1 { week: 0 },
            Programme::ToSecondBirthday => slot <= Slot::Year2 { fortnight: 0 },
            Programme::ToThirdBirthday => true,
        }
    }

    /// The last day of the baby track for a child born on `birth`, `None` for pregnancy only.
    fn last_baby_day(self, birth: NaiveDate) -> Option<NaiveDate> {
        match self {
            Programme::PregnancyOnly => None,
            Programme::ToFirstBirthday => Some(birthday(birth, 1)),
            Programme::ToSecondBirthday => Some(birthday(birth, 2)),
            Programme::ToThirdBirthday => Some(birthday(birth, 3)),
        }
    }

    /// The name towns write in their configuration.
    pub fn name(self) -> &'static str {
        match self {
            Programme::PregnancyOnly => "pregnancy",
            Programme::ToFirstBirthday => "age1",
            Programme::ToSecondBirthday => "age2",
            Programme::ToThirdBirthday => "age3",
        }
    }

    pub fn from_name(name: &str) -> Option<Programme> {
        Programme::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// A recorded birth: the real birth date and the day the family recorded it in the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Birth {
    pub date: NaiveDate,
    pub recorded_on: NaiveDate,
}

/// The dates that decide a child's messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Child {
    pub due_date: Option<NaiveDate>,
    pub birth: Option<Birth>,
    /// The day the family registered the child; nothing before it is notified.
    pub registered_on: NaiveDate,
    /// The day the family stopped the messages (pregnancy or child loss, or their choice).
    pub ended_on: Option<NaiveDate>,
}

/// A short note for a day worth marking (区切りのよい日). Not a catalogue slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Milestone {
    /// 16w0d, 安定期.
    StablePeriod,
    /// 36w0d, 臨月.
    FullTerm,
    /// 40w0d, the due date.
    DueDate,
    /// 生後100日, 200, ... 1000.
    DaysSinceBirth(u32),
}

/// What a child has on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub slot: Option<Slot>,
    pub milestone: Option<Milestone>,
    /// Due date + 14 days with no birth recorded: ask gently, once, whether the baby has arrived.
    pub ask_if_born: bool,
    pub stage: Stage,
}

impl Due {
    /// Whether this day has anything to notify.
    pub fn is_notable(&self) -> bool {
        self.slot.is_some() || self.milestone.is_some() || self.ask_if_born
    }
}

/// Whether a planned slot is notified, or only readable in the archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanStatus {
    /// Notified on its day.
    Notified,
    /// Before the registration (or before the birth was recorded): readable, never notified.
    Earlier,
    /// Projected from a birth assumed on the due date; the real birth date will move it.
    Assumed,
}

/// One slot of a child's whole plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanEntry {
    pub date: NaiveDate,
    pub slot: Slot,
    pub stage: Stage,
    pub status: PlanStatus,
}

#[derive(Clone, Copy)]
enum Track {
    Pregnancy(NaiveDate),
    Baby(NaiveDate),
}

fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date + Days::new(days as u64)
    } else {
        date - Days::new(days.unsigned_abs())
    }
}

/// The day a baby-track slot falls on for a child born on `birth`.
fn baby_slot_date(birth: NaiveDate, slot: Slot) -> Option<NaiveDate> {
    Some(match slot {
        Slot::Pregnancy { .. } => return None,
        Slot::Baby { day } => add_days(birth, day as i64),
        Slot::Year1 { week } => add_days(birthday(birth, 1), 7 * week as i64),
        Slot::Year2 { fortnight } => add_days(birthday(birth, 2), 14 * fortnight as i64),
        Slot::Close => birthday(birth, 3),
    })
}

impl Child {
    /// A pregnancy registered on `registered_on`.
    pub fn expecting(due_date: NaiveDate, registered_on: NaiveDate) -> Child {
        Child {
            due_date: Some(due_date),
            birth: None,
            registered_on,
            ended_on: None,
        }
    }

    /// A child registered after birth, by birth date only.
    pub fn born(birth_date: NaiveDate, registered_on: NaiveDate) -> Child {
        Child {
            due_date: None,
            birth: Some(Birth {
                date: birth_date,
                recorded_on: registered_on.max(birth_date),
            }),
            registered_on,
            ended_on: None,
        }
    }

    /// A family as a plan or preview sees it: registered at the start of its track (4w0d, or the
    /// birth), with the birth recorded on the day it happened. Refuses dates that do not fit.
    pub fn projected(due_date: Option<NaiveDate>, birth_date: Option<NaiveDate>) -> Result<Child> {
        let registered_on = match (due_date, birth_date) {
            (Some(due), Some(birth)) => add_days(due, FIRST_PREGNANCY_DAY - TERM_DAYS).min(birth),
            (Some(due), None) => add_days(due, FIRST_PREGNANCY_DAY - TERM_DAYS),
            (None, Some(birth)) => birth,
            (None, None) => return Err(Error::NoDates),
        };
        let birth = birth_date.map(|date| Birth {
            date,
            recorded_on: date,
        });
        let child = Child {
            due_date,
            birth,
            registered_on,
            ended_on: None,
        };
        child.check_dates()?;
        Ok(child)
    }

    /// Checks that the dates fit together: a birth not before 22w0d nor past 44w0d of the
    /// recorded pregnancy, recorded no earlier than it happened.
    pub fn check_dates(&self) -> Result<()> {
        if self.due_date.is_none() && self.birth.is_none() {
            return Err(Error::NoDates);
        }
        if let Some(birth) = self.birth {
            if birth.recorded_on < birth.date {
                return Err(Error::BirthInFuture {
                    birth_date: birth.date,
                });
            }
            if let Some(due) = self.due_date {
                let ga = gestational_days(due, birth.date);
                if ga < VIABLE_FROM_DAYS {
                    return Err(Error::BirthBeforeViable {
                        birth_date: birth.date,
                        due_date: due,
                    });
                }
                if ga > LATEST_BIRTH_DAYS {
                    return Err(Error::BirthAfterDueDate {
                        birth_date: birth.date,
                        due_date: due,
                    });
                }
            }
        }
        Ok(())
    }

    /// Checks dates a family enters on `today` against what is possible: [`Child::check_dates`],
    /// a due date within this pregnancy (at most 40 weeks away, at most two weeks past), and a
    /// birth that has happened within the programme's three years.
    pub fn validate(&self, today: NaiveDate) -> Result<()> {
        self.check_dates()?;
        if let Some(due) = self.due_date {
            let ga = gestational_days(due, today);
            if ga < 0 {
                return Err(Error::DueDateTooFar { due_date: due });
            }
            if self.birth.is_none() && ga > LAST_PREGNANCY_DAY {
                return Err(Error::DueDatePassed { due_date: due });
            }
        }
        if let Some(birth) = self.birth {
            if birth.date > today {
                return Err(Error::BirthInFuture {
                    birth_date: birth.date,
                });
            }
            if birthday(birth.date, 3) < today {
                return Err(Error::BirthTooLongAgo {
                    birth_date: birth.date,
                });
            }
        }
        Ok(())
    }

    /// Whether the baby was born before 37w0d, so corrected age is shown.
    pub fn is_preterm(&self) -> bool {
        match (self.due_date, self.birth) {
            (Some(due), Some(birth)) => gestational_days(due, birth.date) < PRETERM_BEFORE_DAYS,
            _ => false,
        }
    }

    fn track_on(&self, date: NaiveDate) -> Option<Track> {
        match (self.birth, self.due_date) {
            (Some(birth), _) if date >= birth.recorded_on => Some(Track::Baby(birth.date)),
            (_, Some(due)) => Some(Track::Pregnancy(due)),
            _ => None,
        }
    }

    /// The stage header on `date`, on the track that is running that day.
    pub fn stage_on(&self, date: NaiveDate) -> Option<Stage> {
        Some(self.stage_on_track(self.track_on(date)?, date))
    }

    fn stage_on_track(&self, track: Track, date: NaiveDate) -> Stage {
        match track {
            Track::Pregnancy(due) => Stage {
                actual: Age::gestation(gestational_days(due, date)),
                corrected: None,
            },
            Track::Baby(birth) => {
                let actual = Age::since_birth(birth, date).unwrap_or(Age::Days(0));
                let corrected = match self.due_date {
                    Some(due) if self.is_preterm() => Some(if date < due {
                        Age::gestation(gestational_days(due, date))
                    } else {
                        Age::since_birth(due, date).unwrap_or(Age::Days(0))
                    }),
                    _ => None,
                };
                Stage { actual, corrected }
            }
        }
    }

    /// What is due for this child on `date`: `None` before registration, after the messages were
    /// stopped, or after the programme has ended; otherwise the day's stage with its slot, milestone
    /// and the one-time question after the due date, any of which may be absent.
    pub fn due_on(&self, programme: Programme, date: NaiveDate) -> Option<Due> {
        if date < self.registered_on || self.ended_on.is_some_and(|end| date >= end) {
            return None;
        }
        let track = self.track_on(date)?;
        let stage = self.stage_on_track(track, date);
        match track {
            Track::Pregnancy(due) => {
                let ga = gestational_days(due, date);
                let slot = (FIRST_PREGNANCY_DAY..=LAST_PREGNANCY_DAY)
                    .contains(&ga)
                    .then_some(Slot::Pregnancy { ga: ga as u16 });
                let milestone = match ga {
                    112 => Some(Milestone::StablePeriod),
                    252 => Some(Milestone::FullTerm),
                    TERM_DAYS => Some(Milestone::DueDate),
                    _ => None,
                };
                let ask_if_born = self.birth.is_none() && ga == LAST_PREGNANCY_DAY + 1;
                Some(Due {
                    slot,
                    milestone,
                    ask_if_born,
                    stage,
                })
            }
            Track::Baby(birth) => {
                if date > programme.last_baby_day(birth)? {
                    return None;
                }
                let n = (date - birth).num_days();
                let milestone = ((100..=1000).contains(&n) && n % 100 == 0)
                    .then_some(Milestone::DaysSinceBirth(n as u32));
                let slot = baby_slot_on(birth, date).filter(|s| programme.includes(*s));
                Some(Due {
                    slot,
                    milestone,
                    ask_if_born: false,
                    stage,
                })
            }
        }
    }

    /// The child's whole plan: every slot with its date, in order, with whether it is notified,
    /// only readable (before registration or before the birth was recorded), or projected from a
    /// birth assumed on the due date. Stops where the messages were stopped.
    pub fn plan(&self, programme: Programme) -> Vec<PlanEntry> {
        let mut entries = Vec::with_capacity(crate::cadence::SLOT_COUNT);
        let before_end = |date: NaiveDate| self.ended_on.is_none_or(|end| date < end);
        let (birth, assumed) = match (self.birth, self.due_date) {
            (Some(b), _) => (Some(b.date), false),
            (None, Some(due)) if programme != Programme::PregnancyOnly => (Some(due), true),
            _ => (None, false),
        };
        // A family that joined after the birth starts on the baby track: no pregnancy history.
        let joined_after_birth = self.birth.is_some_and(|b| b.date <= self.registered_on);
        if let Some(due) = self.due_date.filter(|_| !joined_after_birth) {
            let switch = match (self.birth, assumed) {
                (Some(b), _) => Some(b.recorded_on),
                (None, true) => Some(due),
                (None, false) => None,
            };
            for ga in FIRST_PREGNANCY_DAY..=LAST_PREGNANCY_DAY {
                let date = add_days(due, ga - TERM_DAYS);
                if switch.is_some_and(|s| date >= s) || !before_end(date) {
                    break;
                }
                let status = if date < self.registered_on {
                    PlanStatus::Earlier
                } else {
                    PlanStatus::Notified
                };
                let stage = self.stage_on_track(Track::Pregnancy(due), date);
                entries.push(PlanEntry {
                    date,
                    slot: Slot::Pregnancy { ga: ga as u16 },
                    stage,
                    status,
                });
            }
        }
        if let Some(birth) = birth {
            let notified_from = self.birth.map_or(self.registered_on, |b| {
                b.recorded_on.max(self.registered_on)
            });
            for slot in Slot::all().filter(|s| s.range() != crate::cadence::Range::Pregnancy) {
                if !programme.includes(slot) {
                    break;
                }
                let date = baby_slot_date(birth, slot).expect("baby slot");
                if !before_end(date) {
                    break;
                }
                let status = match () {
                    _ if assumed => PlanStatus::Assumed,
                    _ if date < notified_from => PlanStatus::Earlier,
                    _ => PlanStatus::Notified,
                };
                let stage = self.stage_on_track(Track::Baby(birth), date);
                entries.push(PlanEntry {
                    date,
                    slot,
                    stage,
                    status,
                });
            }
        }
        entries
    }

    /// What was due from the track's start up to and including `today`, as it actually ran:
    /// unlike [`Child::plan`], a pregnancy past its due date with no birth recorded keeps its
    /// pregnancy slots to 41w6d instead of a projected birth.
    pub fn plan_through(&self, programme: Programme, today: NaiveDate) -> Vec<PlanEntry> {
        let programme = if self.birth.is_none() {
            Programme::PregnancyOnly
        } else {
            programme
        };
        let mut entries = self.plan(programme);
        entries.retain(|e| e.date <= today);
        entries
    }
}

/// The baby-track slot on `date` for a child born on `birth`, if one falls that day.
fn baby_slot_on(birth: NaiveDate, date: NaiveDate) -> Option<Slot> {
    let n = (date - birth).num_days();
    if n <= 362 {
        return Slot::baby(n);
    }
    let (first, second, third) = (birthday(birth, 1), birthday(birth, 2), birthday(birth, 3));
    if date >= first && date < second {
        let k = (date - first).num_days();
        return (k % 7 == 0 && k / 7 <= 51).then_some(Slot::Year1 {
            week: (k / 7) as u8,
        });
    }
    if date >= second && date < third {
        let k = (date - second).num_days();
        return (k % 14 == 0 && k / 14 <= 25).then_some(Slot::Year2 {
            fortnight: (k / 14) as u8,
        });
    }
    (date == third).then_some(Slot::Close)
}
