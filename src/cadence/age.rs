//! How far along a child is on a date: the stage shown in headers and plans (妊娠12週3日,
//! 生後45日, 1歳2か月), with corrected age beside it for babies born before 37w0d.

use chrono::NaiveDate;

use super::dates::completed_months;

/// An age as it is said to a parent. Rendering to words is the job of [`crate::i18n`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Age {
    /// Pregnancy, by gestational weeks and days.
    Gestation { weeks: u32, days: u32 },
    /// Days since birth, used up to day 100 (the birth day is day 0).
    Days(u32),
    /// Completed months after day 100: `years` and `months` (0 ..= 11).
    Months { years: u32, months: u32 },
}

impl Age {
    /// The age on `on` of a child born on `birth`. `None` before the birth.
    pub fn since_birth(birth: NaiveDate, on: NaiveDate) -> Option<Age> {
        let days = (on - birth).num_days();
        if days < 0 {
            return None;
        }
        if days <= 100 {
            return Some(Age::Days(days as u32));
        }
        let months = completed_months(birth, on);
        Some(Age::Months {
            years: months / 12,
            months: months % 12,
        })
    }

    /// Gestational age from a count of days (280 = 40w0d).
    pub fn gestation(ga_days: i64) -> Age {
        let ga = ga_days.max(0) as u32;
        Age::Gestation {
            weeks: ga / 7,
            days: ga % 7,
        }
    }
}

/// The stage header for a day: actual age and, for preterm babies, corrected age (修正月齢),
/// counted from the due date. Before the due date the corrected age is a gestational age.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stage {
    pub actual: Age,
    pub corrected: Option<Age>,
}
