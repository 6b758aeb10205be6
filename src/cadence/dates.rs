//! Civil-date arithmetic the cadence needs and chrono does not provide: months of age with
//! month-end clamping, and birthdays with the 29 February rule.

use chrono::{Datelike, NaiveDate};

/// Gestational age in days on `on` for a pregnancy due on `due`: `280 - (due - on)`.
///
/// ```
/// # use chrono::NaiveDate;
/// let due = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
/// assert_eq!(tsunagu::cadence::gestational_days(due, due), 280);
/// ```
pub fn gestational_days(due: NaiveDate, on: NaiveDate) -> i64 {
    280 - (due - on).num_days()
}

/// `date` moved by `months` calendar months; a day that does not exist in the target month
/// (31 April, 29 February in a common year) becomes that month's last day.
///
/// ```
/// # use chrono::NaiveDate;
/// use tsunagu::cadence::add_months;
/// let d = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
/// assert_eq!(add_months(d, 1), NaiveDate::from_ymd_opt(2027, 2, 28).unwrap());
/// ```
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 + months as i32;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let last = last_day_of_month(year, month);
    NaiveDate::from_ymd_opt(year, month, date.day().min(last)).expect("clamped day is valid")
}

fn last_day_of_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .expect("first of month")
        .pred_opt()
        .expect("valid")
        .day()
}

/// The child's `years`-th birthday. A child born on 29 February has its birthday on
/// 28 February in common years.
///
/// ```
/// # use chrono::NaiveDate;
/// use tsunagu::cadence::birthday;
/// let b = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
/// assert_eq!(birthday(b, 1), NaiveDate::from_ymd_opt(2029, 2, 28).unwrap());
/// assert_eq!(birthday(b, 4), NaiveDate::from_ymd_opt(2032, 2, 29).unwrap());
/// ```
pub fn birthday(birth: NaiveDate, years: u32) -> NaiveDate {
    add_months(birth, years * 12)
}

/// Whole calendar months from `from` to `on` (0 when `on` is before the first month-day),
/// consistent with [`add_months`] and [`birthday`].
pub fn completed_months(from: NaiveDate, on: NaiveDate) -> u32 {
    if on < from {
        return 0;
    }
    let mut months =
        ((on.year() - from.year()) * 12 + on.month() as i32 - from.month() as i32) as u32;
    if add_months(from, months) > on {
        months -= 1;
    }
    months
}
