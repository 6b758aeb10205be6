//! Property tests: the engine against a deliberately simple oracle written straight from
//! shared/CADENCE.md, over 100,000 random (due date, birth date, day) cases across leap years.

use chrono::{Datelike, Days, NaiveDate};
use tsunagu::cadence::{Birth, Child, PlanStatus, Programme};

/// splitmix64: a small, seeded generator so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn plus(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date + Days::new(days as u64)
    } else {
        date - Days::new((-days) as u64)
    }
}

/// The `k`-th birthday, written out from the rule: same month and day, 28 February when the
/// birthday is 29 February and the year is common.
fn oracle_birthday(birth: NaiveDate, k: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(birth.year() + k, birth.month(), birth.day())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(birth.year() + k, 2, 28).unwrap())
}

/// The slot key on `day` for a family registered long before, with the birth (if any) recorded
/// on the birth day, in the whole programme.
fn oracle(due: NaiveDate, birth: Option<NaiveDate>, day: NaiveDate) -> Option<String> {
    if let Some(b) = birth.filter(|b| day >= *b) {
        let n = (day - b).num_days();
        if n <= 100 || (n <= 362 && (n - 101) % 3 == 0) {
            return Some(format!("b-{n:04}"));
        }
        let (y1, y2, y3) = (
            oracle_birthday(b, 1),
            oracle_birthday(b, 2),
            oracle_birthday(b, 3),
        );
        for k in 0..52 {
            if day == plus(y1, 7 * k) {
                return Some(format!("y1-{k:02}"));
            }
        }
        for k in 0..26 {
            if day == plus(y2, 14 * k) {
                return Some(format!("y2-{k:02}"));
            }
        }
        return (day == y3).then(|| "y3".to_owned());
    }
    let ga = 280 - (due - day).num_days();
    (28..=293)
        .contains(&ga)
        .then(|| format!("p-{:02}d{}", ga / 7, ga % 7))
}

fn random_case(rng: &mut Rng) -> (NaiveDate, Option<NaiveDate>, NaiveDate) {
    // Due dates 2023-2033 (leap years 2024, 2028, 2032), births 22w0d-44w0d or not yet.
    let due = plus(
        NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(),
        rng.below(11 * 365) as i64,
    );
    let birth = (rng.below(5) != 0).then(|| plus(due, 154 + rng.below(155) as i64 - 280));
    let day = plus(due, rng.below(300 + 3 * 366 + 60) as i64 - 300);
    (due, birth, day)
}

fn child(due: NaiveDate, birth: Option<NaiveDate>) -> Child {
    Child {
        due_date: Some(due),
        birth: birth.map(|date| Birth {
            date,
            recorded_on: date,
        }),
        registered_on: plus(due, -400),
        ended_on: None,
    }
}

#[test]
fn engine_matches_oracle_on_100_000_random_days() {
    let mut rng = Rng(0x7375_6e61_6775);
    for case in 0..100_000 {
        let (due, birth, day) = random_case(&mut rng);
        let engine = child(due, birth)
            .due_on(Programme::ToThirdBirthday, day)
            .and_then(|d| d.slot)
            .map(|s| s.to_string());
        assert_eq!(
            engine,
            oracle(due, birth, day),
            "case {case}: due {due}, birth {birth:?}, day {day}"
        );
    }
}

#[test]
fn every_29_february_birth_in_the_range_matches_the_oracle_on_every_day() {
    for year in [2024, 2028, 2032] {
        let birth = NaiveDate::from_ymd_opt(year, 2, 29).unwrap();
        let due = plus(birth, 3);
        for n in 0..(3 * 366 + 5) {
            let day = plus(birth, n);
            let engine = child(due, Some(birth))
                .due_on(Programme::ToThirdBirthday, day)
                .and_then(|d| d.slot);
            assert_eq!(
                engine.map(|s| s.to_string()),
                oracle(due, Some(birth), day),
                "{day}"
            );
        }
    }
}

#[test]
fn the_whole_plan_is_the_days_walked_one_by_one() {
    let mut rng = Rng(42);
    for _ in 0..300 {
        let (due, birth, _) = random_case(&mut rng);
        let Some(birth) = birth else { continue };
        let plan = child(due, Some(birth)).plan(Programme::ToThirdBirthday);
        assert!(plan.iter().all(|e| e.status == PlanStatus::Notified));
        let mut walked = Vec::new();
        let mut day = plus(due, -260);
        while day <= plus(birth, 3 * 366) {
            if let Some(key) = oracle(due, Some(birth), day) {
                walked.push((day, key));
            }
            day = plus(day, 1);
        }
        let planned: Vec<(NaiveDate, String)> =
            plan.iter().map(|e| (e.date, e.slot.to_string())).collect();
        assert_eq!(planned, walked, "due {due}, birth {birth}");
    }
}
