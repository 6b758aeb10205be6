//! The check-up and immunisation planner (issue #13) against golden cases, a property test that
//! no planned dose comes before its minimum interval or window, and the schedule files' checks.

use chrono::Days;
use proptest::prelude::*;
use tsunagu::Error;
use tsunagu::cadence::Programme;
use tsunagu::schedule::{
    PlanInput, RecordedDose, Schedule, Visit, VisitKind, VisitState, check_files, programme_end,
};

use crate::d;

fn plan_with(
    schedule: &Schedule,
    due: Option<&str>,
    birth: Option<&str>,
    doses: &[RecordedDose],
    today: &str,
) -> Result<Vec<Visit>, Error> {
    let (due, birth) = (due.map(d), birth.map(d));
    let until = programme_end(Programme::ToThirdBirthday, due, birth).unwrap();
    Ok(schedule
        .plan(&PlanInput {
            due_date: due,
            birth_date: birth,
            doses,
            checkups: &[],
            until,
            today: d(today),
        })?
        .visits)
}

fn plan(due: Option<&str>, birth: Option<&str>, doses: &[RecordedDose], today: &str) -> Vec<Visit> {
    plan_with(&Schedule::embedded().unwrap(), due, birth, doses, today).unwrap()
}

fn dose(vaccine: &str, number: u32, date: &str) -> RecordedDose {
    RecordedDose {
        vaccine: vaccine.into(),
        number,
        date: d(date),
    }
}

/// `first..last earliest state` of one visit, the form the golden cases are written in.
fn line(visits: &[Visit], id: &str) -> String {
    let v = visits
        .iter()
        .find(|v| v.id == id)
        .unwrap_or_else(|| panic!("no visit {id}"));
    let state = match v.state {
        VisitState::Done(d) => format!("done {d}"),
        VisitState::DueNow => "due now".into(),
        VisitState::Coming => "coming".into(),
        VisitState::TalkToClinic => "talk to your clinic".into(),
    };
    let earliest = v.earliest.map(|e| format!(" from {e}")).unwrap_or_default();
    format!("{}..{}{earliest} {state}", v.first, v.last)
}

fn has(visits: &[Visit], id: &str) -> bool {
    visits.iter().any(|v| v.id == id)
}

#[test]
fn a_term_baby() {
    let v = plan(Some("2027-01-10"), Some("2027-01-10"), &[], "2027-01-10");
    let golden = [
        ("checkup/one-month", "2027-02-07..2027-02-20 coming"),
        ("checkup/three-four-months", "2027-04-09..2027-06-09 coming"),
        ("checkup/eighteen-months", "2028-07-09..2029-01-09 coming"),
        ("checkup/three-years", "2030-01-09..2031-01-09 coming"),
        // 2 months are reached on 9 March, the day before the month-day.
        (
            "dose/hepatitis-b/1",
            "2027-03-09..2027-10-09 from 2027-03-09 coming",
        ),
        // 27 days between doses: the same weekday four weeks later.
        (
            "dose/hepatitis-b/2",
            "2027-03-09..2027-10-09 from 2027-04-06 coming",
        ),
        // 139 days after the first: twenty weeks later.
        (
            "dose/hepatitis-b/3",
            "2027-03-09..2027-10-09 from 2027-07-27 coming",
        ),
        // Until 14 weeks 6 days: birth + 104 days. Alternatives show as one first dose.
        (
            "dose/rotavirus/1",
            "2027-03-09..2027-04-24 from 2027-03-09 coming",
        ),
        (
            "dose/five-in-one/2",
            "2027-03-09..2027-08-09 from 2027-03-30 coming",
        ),
        // The booster's window is 6 to 18 months after the third dose.
        (
            "dose/five-in-one/4",
            "2027-10-21..2028-10-20 from 2027-10-21 coming",
        ),
        (
            "dose/pneumococcal/4",
            "2028-01-09..2028-04-09 from 2028-01-09 coming",
        ),
        (
            "dose/bcg/1",
            "2027-06-09..2027-09-09 from 2027-06-09 coming",
        ),
        ("dose/mr/1", "2028-01-09..2029-01-09 from 2028-01-09 coming"),
        (
            "dose/varicella/2",
            "2028-07-10..2029-01-09 from 2028-07-10 coming",
        ),
        (
            "dose/japanese-encephalitis/1",
            "2030-01-09..2031-01-09 from 2030-01-09 coming",
        ),
    ];
    for (id, want) in golden {
        assert_eq!(line(&v, id), want, "{id}");
    }
    // Born: no pregnancy visits; past the 3rd birthday: neither the 5-year check-up nor the
    // second Japanese encephalitis dose.
    assert!(!v.iter().any(|v| v.id.starts_with("checkup/prenatal")));
    assert!(!has(&v, "dose/rsv-maternal/1"));
    assert!(!has(&v, "checkup/five-years"));
    assert!(!has(&v, "dose/japanese-encephalitis/2"));
    assert!(
        !has(&v, "dose/rotavirus/2"),
        "later doses follow the recorded vaccine"
    );
    assert!(
        v.windows(2).all(|w| w[0].starts() <= w[1].starts()),
        "soonest first"
    );
}

#[test]
fn a_pregnancy_has_about_fourteen_checkups_and_the_rsv_vaccine() {
    let v = plan(Some("2027-01-10"), None, &[], "2026-05-01");
    let prenatal: Vec<_> = v
        .iter()
        .filter(|v| v.id.starts_with("checkup/prenatal") && v.first < d("2027-01-10"))
        .collect();
    assert_eq!(prenatal.len(), 14, "to a birth on the due date");
    assert_eq!(
        line(&v, "checkup/prenatal/08w"),
        "2026-05-31..2026-06-27 coming"
    );
    assert_eq!(
        line(&v, "checkup/prenatal/24w"),
        "2026-09-20..2026-10-03 coming"
    );
    assert_eq!(
        line(&v, "checkup/prenatal/36w"),
        "2026-12-13..2026-12-19 coming"
    );
    // 28w0d to 36w6d, routine since April 2026.
    assert_eq!(
        line(&v, "dose/rsv-maternal/1"),
        "2026-10-18..2026-12-19 from 2026-10-18 coming"
    );
    // A pregnancy whose window closed before the vaccine was routine is not offered it.
    let before = plan(Some("2026-03-01"), None, &[], "2025-09-01");
    assert!(!has(&before, "dose/rsv-maternal/1"));
}

#[test]
fn a_baby_born_at_30_weeks_keeps_chronological_age_for_immunisations() {
    // Due 2027-03-10, born 70 days early: 30w0d.
    let v = plan(Some("2027-03-10"), Some("2026-12-30"), &[], "2027-01-05");
    // Born 30 December: 2 months are reached on 28 February (no 30 February).
    assert_eq!(
        line(&v, "dose/hepatitis-b/1"),
        "2027-02-28..2027-09-29 from 2027-02-28 coming"
    );
    assert_eq!(
        line(&v, "dose/rotavirus/1"),
        "2027-02-28..2027-04-13 from 2027-02-28 coming"
    );
    assert_eq!(
        line(&v, "checkup/one-month"),
        "2027-01-27..2027-02-09 coming"
    );
    assert!(!has(&v, "dose/rsv-maternal/1"), "the pregnancy is over");
}

#[test]
fn corrected_age_counts_from_the_due_date_for_a_preterm_baby_only() {
    let file = r#"
checked = "2026-11-29"
[[source]]
id = "s"
title = "t"
publisher = "p"
url = "https://example.org/"
[[checkup]]
id = "four-months-corrected"
name = { ja = "4か月", en = "4 months" }
basis = "corrected"
provision = "town"
sources = ["s"]
window = { from = { months = 4 }, until = { months = 5 } }
"#;
    assert_eq!(check_files([("x.toml", file)]), vec![]);
    let schedule = Schedule::from_files([("x.toml", file)]).unwrap();
    let preterm = plan_with(
        &schedule,
        Some("2027-03-10"),
        Some("2026-12-30"),
        &[],
        "2027-01-05",
    );
    assert_eq!(
        line(&preterm.unwrap(), "checkup/four-months-corrected"),
        "2027-07-09..2027-08-09 coming"
    );
    // Born at 38 weeks: not preterm, so corrected age is the real age.
    let term = plan_with(
        &schedule,
        Some("2027-03-10"),
        Some("2027-02-24"),
        &[],
        "2027-03-01",
    );
    assert_eq!(
        line(&term.unwrap(), "checkup/four-months-corrected"),
        "2027-06-23..2027-07-23 coming"
    );
}

#[test]
fn a_baby_registered_at_4_months_with_doses_recorded_late() {
    let doses = [
        dose("hepatitis-b", 1, "2027-04-20"),
        dose("five-in-one", 1, "2027-04-20"),
        dose("pneumococcal", 1, "2027-04-20"),
        dose("rotavirus-two-dose", 1, "2027-04-20"),
    ];
    let v = plan(None, Some("2027-01-10"), &doses, "2027-05-12");
    let golden = [
        (
            "dose/hepatitis-b/1",
            "2027-03-09..2027-10-09 done 2027-04-20",
        ),
        (
            "dose/hepatitis-b/2",
            "2027-03-09..2027-10-09 from 2027-05-18 coming",
        ),
        (
            "dose/hepatitis-b/3",
            "2027-03-09..2027-10-09 from 2027-09-07 coming",
        ),
        (
            "dose/five-in-one/2",
            "2027-03-09..2027-08-09 from 2027-05-11 due now",
        ),
        (
            "dose/pneumococcal/2",
            "2027-03-09..2028-01-09 from 2027-05-18 coming",
        ),
        // The recorded vaccine's own second dose, under the choice's stable id.
        (
            "dose/rotavirus/2",
            "2027-03-09..2027-06-27 from 2027-05-18 coming",
        ),
        (
            "checkup/three-four-months",
            "2027-04-09..2027-06-09 due now",
        ),
        (
            "checkup/one-month",
            "2027-02-07..2027-02-20 talk to your clinic",
        ),
    ];
    for (id, want) in golden {
        assert_eq!(line(&v, id), want, "{id}");
    }
    assert!(
        !has(&v, "dose/rotavirus/3"),
        "the two-dose vaccine has no third dose"
    );
}

#[test]
fn a_missed_dose_is_for_the_clinic_never_skipped() {
    let v = plan(None, Some("2027-01-10"), &[], "2027-05-01");
    assert_eq!(
        line(&v, "dose/rotavirus/1"),
        "2027-03-09..2027-04-24 from 2027-03-09 talk to your clinic"
    );
    assert_eq!(
        line(&v, "dose/hepatitis-b/1"),
        "2027-03-09..2027-10-09 from 2027-03-09 due now"
    );
    // One five-in-one dose, then nothing: the next doses are still planned, from today.
    let v = plan(
        None,
        Some("2027-01-10"),
        &[dose("five-in-one", 1, "2027-03-09")],
        "2027-09-01",
    );
    assert_eq!(
        line(&v, "dose/five-in-one/2"),
        "2027-03-09..2027-08-09 from 2027-03-30 talk to your clinic"
    );
    assert_eq!(
        line(&v, "dose/five-in-one/3"),
        "2027-03-09..2027-08-09 from 2027-09-22 talk to your clinic"
    );
    assert!(has(&v, "dose/five-in-one/4"), "the course goes on");
    for lang in ["ja", "en"] {
        let t = tsunagu::i18n::I18n::new(lang).unwrap();
        let words = t.t("calendar-dose-description");
        assert!(!words.to_lowercase().contains("skip") && !words.contains("不要"));
        assert!(
            words.contains("clinic") || words.contains("医療機関"),
            "{lang}"
        );
    }
}

#[test]
fn impossible_records_say_what_is_wrong() {
    let s = Schedule::embedded().unwrap();
    let run = |doses: &[RecordedDose]| {
        plan_with(&s, None, Some("2027-01-10"), doses, "2027-06-01")
            .unwrap_err()
            .code()
    };
    let twice = [dose("bcg", 1, "2027-06-10"), dose("bcg", 1, "2027-06-20")];
    assert_eq!(run(&twice), "dose-recorded-twice");
    assert_eq!(run(&[dose("bcg", 1, "2027-01-09")]), "dose-outside-life");
    assert_eq!(
        run(&[dose("hepatitis-b", 2, "2027-04-01")]),
        "dose-without-previous"
    );
    let backwards = [
        dose("hepatitis-b", 1, "2027-04-01"),
        dose("hepatitis-b", 2, "2027-03-20"),
    ];
    assert_eq!(run(&backwards), "dose-before-previous");
    assert_eq!(run(&[dose("smallpox", 1, "2027-04-01")]), "unknown-vaccine");
    assert_eq!(run(&[dose("bcg", 2, "2027-04-01")]), "unknown-dose");
    let mixed = [
        dose("rotavirus-two-dose", 1, "2027-03-09"),
        dose("rotavirus-three-dose", 1, "2027-03-09"),
    ];
    assert_eq!(run(&mixed), "mixed-vaccines");
    for lang in tsunagu::i18n::LANGUAGES {
        let t = tsunagu::i18n::I18n::new(lang).unwrap();
        for code in [
            "schedule",
            "unknown-vaccine",
            "unknown-dose",
            "dose-recorded-twice",
            "dose-outside-life",
            "dose-without-previous",
            "dose-before-previous",
            "mixed-vaccines",
        ] {
            assert!(t.has(&format!("error-{code}")), "{lang}: error-{code}");
        }
    }
}

#[test]
fn every_schedule_file_passes_the_check() {
    let files = tsunagu::schedule::FILES
        .iter()
        .map(|p| (*p, tsunagu::catalogue::content_file(p).expect("embedded")));
    assert_eq!(check_files(files), vec![]);
    let schedule = Schedule::embedded().unwrap();
    assert!(schedule.vaccines().count() >= 10);
    // No brand names: the rotavirus vaccines are described by their course.
    for (_, file) in &schedule.files {
        let text = format!("{file:?}");
        for brand in [
            "ロタリックス",
            "ロタテック",
            "プレベナー",
            "バクニュバンス",
            "アブリスボ",
        ] {
            assert!(!text.contains(brand), "{brand}");
        }
    }
}

#[test]
fn the_check_finds_what_is_wrong_in_a_schedule_file() {
    let bad = r#"
checked = "2026-13-01"
[[source]]
id = "s"
title = "t"
publisher = "p"
url = "ftp://example.org/"
[[source]]
id = "unused"
title = "t"
publisher = "p"
url = "https://example.org/"
[[vaccine]]
id = "v"
name = { ja = "ワクチン" }
basis = "gestational"
sources = ["s", "nowhere"]
[[vaccine.dose]]
number = 1
standard = { from = { months = 2 }, until = { months = 1 } }
routine = { from = { weeks = 1, months = 1 }, until = { weeks = 3 } }
[[vaccine.dose]]
number = 3
intervals = [{ after = 3, days = 0 }]
standard = { after = 5, from = { days = 1 }, until = { days = 2 } }
routine = { from = { weeks = 1 }, until = { weeks = 3 } }
[[vaccine]]
id = "v"
name = { ja = "a", en = "b" }
basis = "chronological"
choice = "none"
sources = ["s"]
[[vaccine.dose]]
number = 1
standard = { from = { days = 1 }, until = { days = 2 } }
routine = { from = { days = 1 }, until = { days = 2 } }
"#;
    let codes: Vec<&str> = check_files([("schedule/bad.toml", bad), ("schedule/x.toml", "[oops")])
        .iter()
        .map(|(_, f)| f.code())
        .collect();
    for code in [
        "bad-schedule",
        "bad-schedule-date",
        "bad-source",
        "unused-source",
        "unknown-source",
        "missing-name",
        "bad-window",
        "bad-doses",
        "duplicate-id",
        "unknown-choice",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    for lang in tsunagu::i18n::LANGUAGES {
        let t = tsunagu::i18n::I18n::new(lang).unwrap();
        for code in &codes {
            assert!(t.has(&format!("finding-{code}")), "{lang}: finding-{code}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Following the plan (each next dose given on its earliest day, or some days later) never
    /// gives a dose before its window's start or before a minimum interval after an earlier dose.
    #[test]
    fn no_planned_dose_comes_before_its_interval_or_window(
        birth_offset in 0u64..3000,
        steps in proptest::collection::vec((0usize..12, 0u64..90), 1..40),
    ) {
        let schedule = Schedule::embedded().unwrap();
        let birth = d("2026-01-01") + Days::new(birth_offset);
        let until = programme_end(Programme::ToThirdBirthday, None, Some(birth)).unwrap();
        let mut doses: Vec<RecordedDose> = Vec::new();
        let mut today = birth;
        for (pick, delay) in steps {
            let visits = schedule
                .plan(&PlanInput { due_date: None, birth_date: Some(birth), doses: &doses, checkups: &[], until, today })
                .unwrap()
                .visits;
            for v in &visits {
                if let Some(e) = v.earliest {
                    prop_assert!(e >= v.first, "{} from {e} before its window {}", v.id, v.first);
                }
            }
            let next: Vec<&Visit> = visits
                .iter()
                .filter(|v| matches!(v.kind, VisitKind::Dose { .. }) && v.earliest.is_some())
                .collect();
            let Some(v) = next.get(pick % next.len().max(1)) else { break };
            let VisitKind::Dose { vaccine, number, .. } = &v.kind else { unreachable!() };
            // Only the next dose of a course can be recorded.
            if *number > 1 && !doses.iter().any(|r| r.vaccine == *vaccine && r.number == number - 1) {
                continue;
            }
            let given = v.earliest.unwrap().max(today) + Days::new(delay);
            today = given;
            doses.push(RecordedDose { vaccine: vaccine.clone(), number: *number, date: given });
            let rule = schedule.vaccine(vaccine).unwrap().dose(*number).unwrap();
            for interval in &rule.intervals {
                let before = doses
                    .iter()
                    .find(|r| r.vaccine == *vaccine && r.number == interval.after)
                    .unwrap();
                prop_assert!(
                    given > interval.length().elapsed_after(before.date),
                    "{vaccine} dose {number} on {given}, {:?} after {}", interval, before.date
                );
            }
        }
    }
}
