//! The scheduling contract of `shared/CADENCE.md`: which slot, milestone note and stage fall on a
//! civil date for a child. Everything here is a pure function of dates; nothing reads a clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use tsunagu::cadence::{Birth, Child, Programme, Slot};
//!
//! let due = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
//! let child = Child::expecting(due, due - chrono::Days::new(252));
//! let day = child.due_on(Programme::ToThirdBirthday, due - chrono::Days::new(200)).unwrap();
//! assert_eq!(day.slot, Some("p-11d3".parse::<Slot>().unwrap()));
//! ```

mod age;
mod child;
mod dates;
mod slot;

pub use age::{Age, Stage};
pub use child::{Birth, Child, Due, Milestone, PlanEntry, PlanStatus, Programme};
pub use dates::{add_months, birthday, completed_months, gestational_days};
pub use slot::{Range, SLOT_COUNT, Slot};

/// Gestational age in days at 4w0d, the first pregnancy slot.
pub const FIRST_PREGNANCY_DAY: i64 = 28;
/// Gestational age in days at 41w6d, the last pregnancy slot.
pub const LAST_PREGNANCY_DAY: i64 = 293;
/// Gestational age at the due date (40w0d).
pub const TERM_DAYS: i64 = 280;
/// Births before 37w0d are preterm: corrected age is shown beside actual age.
pub const PRETERM_BEFORE_DAYS: i64 = 259;
/// A birth before 22w0d of the recorded pregnancy cannot be registered as a birth.
pub const VIABLE_FROM_DAYS: i64 = 154;
/// The latest birth accepted: 44w0d, well past the longest real pregnancies.
pub const LATEST_BIRTH_DAYS: i64 = 308;
