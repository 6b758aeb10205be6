//! Golden cases for the cadence (shared/CADENCE.md).

use chrono::Days;
use tsunagu::Error;
use tsunagu::cadence::{
    Age, Birth, Child, Milestone, PlanStatus, Programme, Range, SLOT_COUNT, Slot, Stage, birthday,
};

use crate::d;

fn born_at(due: &str, days_after_due: i64) -> Child {
    let due = d(due);
    let birth = if days_after_due >= 0 {
        due + Days::new(days_after_due as u64)
    } else {
        due - Days::new((-days_after_due) as u64)
    };
    Child {
        due_date: Some(due),
        birth: Some(Birth {
            date: birth,
            recorded_on: birth,
        }),
        registered_on: due - Days::new(252),
        ended_on: None,
    }
}

fn keys(plan: &[tsunagu::cadence::PlanEntry]) -> Vec<String> {
    plan.iter().map(|e| e.slot.to_string()).collect()
}

#[test]
fn slot_keys_round_trip_and_count_534() {
    let all: Vec<Slot> = Slot::all().collect();
    assert_eq!(all.len(), SLOT_COUNT);
    for (i, slot) in all.iter().enumerate() {
        assert_eq!(slot.index(), i);
        assert_eq!(slot.to_string().parse::<Slot>().unwrap(), *slot);
    }
    let counts: Vec<usize> = Range::ALL.iter().map(|r| r.slots().count()).collect();
    assert_eq!(counts, [266, 189, 52, 27]);
    assert_eq!(all.first().unwrap().to_string(), "p-04d0");
    assert_eq!(all[265].to_string(), "p-41d6");
    assert_eq!(all[266].to_string(), "b-0000");
    assert_eq!(all[366].to_string(), "b-0100");
    assert_eq!(all[367].to_string(), "b-0101");
    assert_eq!(all[454].to_string(), "b-0362");
    assert_eq!(all[455].to_string(), "y1-00");
    assert_eq!(all[533].to_string(), "y3");
}

#[test]
fn unknown_slot_keys_are_rejected() {
    for key in [
        "p-03d6", "p-42d0", "p-12d7", "p-4d1", "b-0102", "b-0363", "b-100", "y1-52", "y2-26", "y4",
        "", "P-12d3",
    ] {
        assert!(
            matches!(key.parse::<Slot>(), Err(Error::UnknownSlot(_))),
            "{key}"
        );
    }
}

#[test]
fn longest_path_is_534_slots_ending_on_the_third_birthday() {
    let child = born_at("2027-06-01", 14); // birth at 42w0d
    let plan = child.plan(Programme::ToThirdBirthday);
    assert_eq!(plan.len(), 534);
    assert!(plan.iter().all(|e| e.status == PlanStatus::Notified));
    assert_eq!(
        keys(&plan),
        Slot::all().map(|s| s.to_string()).collect::<Vec<_>>()
    );
    assert_eq!(plan[0].date, d("2026-09-22"));
    let birth = d("2027-06-15");
    assert_eq!(plan.last().unwrap().date, birthday(birth, 3));
    assert_eq!(plan.last().unwrap().slot, Slot::Close);
    // Dates strictly increase: one slot a day at most.
    assert!(plan.windows(2).all(|w| w[0].date < w[1].date));
}

#[test]
fn births_at_30_37_40_and_42w3d() {
    for (days_after_due, pregnancy_slots) in [(-70, 182), (-21, 231), (0, 252), (17, 266)] {
        let child = born_at("2027-01-10", days_after_due);
        let plan = child.plan(Programme::ToThirdBirthday);
        let pregnancy = plan
            .iter()
            .filter(|e| e.slot.range() == Range::Pregnancy)
            .count();
        assert_eq!(
            pregnancy, pregnancy_slots,
            "birth {days_after_due} days from due"
        );
        assert_eq!(plan.len(), pregnancy_slots + 268);
        let birth = child.birth.unwrap().date;
        let first_baby = plan
            .iter()
            .find(|e| e.slot == Slot::Baby { day: 0 })
            .unwrap();
        assert_eq!(first_baby.date, birth);
        // The day before birth is still pregnancy; the birth day switches tracks.
        let due_on = |date| child.due_on(Programme::ToThirdBirthday, date).unwrap();
        assert_eq!(due_on(birth).slot, Some(Slot::Baby { day: 0 }));
        if days_after_due <= 0 {
            let ga = (280 + days_after_due - 1) as u16;
            assert_eq!(
                due_on(birth - Days::new(1)).slot,
                Some(Slot::Pregnancy { ga })
            );
        }
    }
}

#[test]
fn corrected_age_is_shown_for_births_before_37_weeks_only() {
    let early = born_at("2027-01-10", -70); // 30w0d
    assert!(early.is_preterm());
    let birth = early.birth.unwrap().date;
    let stage = early.stage_on(birth + Days::new(10)).unwrap();
    assert_eq!(
        stage,
        Stage {
            actual: Age::Days(10),
            corrected: Some(Age::Gestation { weeks: 31, days: 3 })
        }
    );
    let later = early.stage_on(d("2027-07-10")).unwrap();
    assert_eq!(
        later.actual,
        Age::Months {
            years: 0,
            months: 8
        }
    );
    assert_eq!(
        later.corrected,
        Some(Age::Months {
            years: 0,
            months: 6
        })
    );
    assert!(!born_at("2027-01-10", -21).is_preterm()); // exactly 37w0d
    assert!(born_at("2027-01-10", -22).is_preterm()); // 36w6d
    assert_eq!(
        born_at("2027-01-10", -21)
            .stage_on(d("2027-01-01"))
            .unwrap()
            .corrected,
        None
    );
}

#[test]
fn past_the_due_date_the_pregnancy_track_ends_at_41w6d_and_asks_once() {
    let due = d("2027-03-01");
    let child = Child::expecting(due, due - Days::new(100));
    let on = |days: u64| {
        child
            .due_on(Programme::ToThirdBirthday, due + Days::new(days))
            .unwrap()
    };
    assert_eq!(on(13).slot, Some(Slot::Pregnancy { ga: 293 }));
    assert!(!on(13).ask_if_born);
    assert_eq!(on(14).slot, None);
    assert!(on(14).ask_if_born);
    assert!(on(14).is_notable());
    assert!(!on(15).ask_if_born);
    assert!(!on(15).is_notable());
}

#[test]
fn registration_at_20_weeks_notifies_from_that_day_and_keeps_earlier_readable() {
    let due = d("2027-05-20");
    let registered = due - Days::new(140); // 20w0d
    let child = Child::expecting(due, registered);
    assert_eq!(
        child.due_on(Programme::ToThirdBirthday, registered - Days::new(1)),
        None
    );
    assert_eq!(
        child
            .due_on(Programme::ToThirdBirthday, registered)
            .unwrap()
            .slot,
        Some(Slot::Pregnancy { ga: 140 })
    );
    let plan = child.plan(Programme::ToThirdBirthday);
    let earlier = plan
        .iter()
        .filter(|e| e.status == PlanStatus::Earlier)
        .count();
    assert_eq!(earlier, 140 - 28);
    assert!(
        plan.iter()
            .filter(|e| e.status == PlanStatus::Earlier)
            .all(|e| e.date < registered)
    );
    // With no birth recorded the baby track is a projection from the due date.
    let first_assumed = plan
        .iter()
        .find(|e| e.status == PlanStatus::Assumed)
        .unwrap();
    assert_eq!(
        (first_assumed.slot, first_assumed.date),
        (Slot::Baby { day: 0 }, due)
    );
}

#[test]
fn registration_ten_days_after_birth_starts_at_day_ten() {
    let birth = d("2026-12-31");
    let child = Child::born(birth, birth + Days::new(10));
    assert_eq!(
        child.due_on(Programme::ToThirdBirthday, birth + Days::new(9)),
        None
    );
    let day = child
        .due_on(Programme::ToThirdBirthday, birth + Days::new(10))
        .unwrap();
    assert_eq!(day.slot, Some(Slot::Baby { day: 10 }));
    assert_eq!(
        day.stage,
        Stage {
            actual: Age::Days(10),
            corrected: None
        }
    );
    let plan = child.plan(Programme::ToThirdBirthday);
    assert_eq!(plan.len(), 268);
    let earlier: Vec<String> = plan
        .iter()
        .filter(|e| e.status == PlanStatus::Earlier)
        .map(|e| e.slot.to_string())
        .collect();
    assert_eq!(
        earlier,
        (0..10).map(|n| format!("b-{n:04}")).collect::<Vec<_>>()
    );
}

#[test]
fn a_birth_recorded_late_switches_on_the_day_it_is_recorded() {
    let due = d("2027-04-10");
    let child = Child {
        due_date: Some(due),
        birth: Some(Birth {
            date: due,
            recorded_on: due + Days::new(5),
        }),
        registered_on: due - Days::new(200),
        ended_on: None,
    };
    let on = |n: u64| {
        child
            .due_on(Programme::ToThirdBirthday, due + Days::new(n))
            .unwrap()
            .slot
    };
    assert_eq!(on(2), Some(Slot::Pregnancy { ga: 282 })); // what the family got that day
    assert_eq!(on(5), Some(Slot::Baby { day: 5 }));
    let plan = child.plan(Programme::ToThirdBirthday);
    let earlier: Vec<String> = plan
        .iter()
        .filter(|e| e.status == PlanStatus::Earlier && e.slot.range() != Range::Pregnancy)
        .map(|e| e.slot.to_string())
        .collect();
    assert_eq!(earlier, ["b-0000", "b-0001", "b-0002", "b-0003", "b-0004"]);
}

#[test]
fn a_29_february_birthday_falls_on_28_february_in_common_years() {
    let birth = d("2028-02-29");
    let child = Child::born(birth, birth);
    let plan = child.plan(Programme::ToThirdBirthday);
    let date_of = |key: &str| {
        plan.iter()
            .find(|e| e.slot.to_string() == key)
            .unwrap()
            .date
    };
    assert_eq!(date_of("y1-00"), d("2029-02-28"));
    assert_eq!(date_of("y1-01"), d("2029-03-07"));
    assert_eq!(date_of("y2-00"), d("2030-02-28"));
    assert_eq!(date_of("y3"), d("2031-02-28"));
    assert_eq!(birthday(birth, 4), d("2032-02-29"));
    assert_eq!(
        child.stage_on(d("2029-02-28")).unwrap().actual,
        Age::Months {
            years: 1,
            months: 0
        }
    );
    assert_eq!(
        child.stage_on(d("2029-02-27")).unwrap().actual,
        Age::Months {
            years: 0,
            months: 11
        }
    );
}

#[test]
fn each_programme_span_ends_on_its_birthday() {
    let child = born_at("2027-06-01", 14);
    let birth = child.birth.unwrap().date;
    let cases = [
        (Programme::PregnancyOnly, 266, "p-41d6"),
        (Programme::ToFirstBirthday, 456, "y1-00"),
        (Programme::ToSecondBirthday, 508, "y2-00"),
        (Programme::ToThirdBirthday, 534, "y3"),
    ];
    for (programme, count, last) in cases {
        let plan = child.plan(programme);
        assert_eq!(plan.len(), count, "{programme:?}");
        assert_eq!(plan.last().unwrap().slot.to_string(), last);
    }
    let after = |p: Programme, years: u32| child.due_on(p, birthday(birth, years) + Days::new(1));
    assert_eq!(after(Programme::ToFirstBirthday, 1), None);
    assert_eq!(after(Programme::ToSecondBirthday, 2), None);
    assert_eq!(after(Programme::ToThirdBirthday, 3), None);
    assert!(after(Programme::ToThirdBirthday, 2).is_some());
    assert_eq!(child.due_on(Programme::PregnancyOnly, birth), None);
    // Pregnancy only, no birth recorded: no projection past 41w6d.
    let expecting = Child::expecting(d("2027-06-01"), d("2026-09-22"));
    assert_eq!(expecting.plan(Programme::PregnancyOnly).len(), 266);
    assert!(
        expecting
            .plan(Programme::PregnancyOnly)
            .iter()
            .all(|e| e.status == PlanStatus::Notified)
    );
}

#[test]
fn loss_stops_everything_from_that_day() {
    let mut child = born_at("2027-06-01", 0);
    let stop = d("2027-08-01");
    child.ended_on = Some(stop);
    for n in 0..1200 {
        assert_eq!(
            child.due_on(Programme::ToThirdBirthday, stop + Days::new(n)),
            None
        );
    }
    let plan = child.plan(Programme::ToThirdBirthday);
    assert!(plan.iter().all(|e| e.date < stop));
    assert_eq!(plan.last().unwrap().date, stop - Days::new(1));
    // A pregnancy loss stops the pregnancy track, with no projection of a birth.
    let mut expecting = Child::expecting(d("2027-06-01"), d("2026-10-01"));
    expecting.ended_on = Some(d("2026-11-20"));
    let plan = expecting.plan(Programme::ToThirdBirthday);
    assert!(
        plan.iter()
            .all(|e| e.slot.range() == Range::Pregnancy && e.date < d("2026-11-20"))
    );
}

#[test]
fn milestones_ride_on_their_days() {
    let due = d("2027-06-01");
    let child = Child::expecting(due, due - Days::new(260));
    let at = |ga: u64| {
        child
            .due_on(Programme::ToThirdBirthday, due - Days::new(280 - ga))
            .unwrap()
            .milestone
    };
    assert_eq!(at(112), Some(Milestone::StablePeriod));
    assert_eq!(at(252), Some(Milestone::FullTerm));
    assert_eq!(at(280), Some(Milestone::DueDate));
    assert_eq!(at(113), None);
    let born = born_at("2027-06-01", 0);
    let birth = born.birth.unwrap().date;
    let on = |n: u64| {
        born.due_on(Programme::ToThirdBirthday, birth + Days::new(n))
            .unwrap()
    };
    assert_eq!(on(100).milestone, Some(Milestone::DaysSinceBirth(100)));
    assert_eq!(on(100).slot, Some(Slot::Baby { day: 100 }));
    // Day 300 has no slot (101 + 3k) but its milestone makes the day notable.
    assert_eq!(on(300).slot, None);
    assert_eq!(on(300).milestone, Some(Milestone::DaysSinceBirth(300)));
    assert!(on(300).is_notable());
    assert_eq!(on(1000).milestone, Some(Milestone::DaysSinceBirth(1000)));
    assert_eq!(on(1090).milestone, None);
}

#[test]
fn impossible_dates_are_refused() {
    let today = d("2026-11-25");
    let expecting = |due: &str| Child::expecting(d(due), today);
    assert!(matches!(
        expecting("2031-11-25").validate(today),
        Err(Error::DueDateTooFar { .. })
    ));
    assert!(expecting("2027-09-01").validate(today).is_ok()); // 40 weeks ahead at most
    assert!(matches!(
        expecting("2026-11-01").validate(today),
        Err(Error::DueDatePassed { .. })
    ));
    let born = |b: &str| Child::born(d(b), today);
    assert!(matches!(
        born("2026-11-26").validate(today),
        Err(Error::BirthInFuture { .. })
    ));
    assert!(matches!(
        born("2023-11-24").validate(today),
        Err(Error::BirthTooLongAgo { .. })
    ));
    assert!(born("2023-11-25").validate(today).is_ok());
    let with_due = |b: &str| Child {
        due_date: Some(d("2027-01-01")),
        birth: Some(Birth {
            date: d(b),
            recorded_on: d(b),
        }),
        registered_on: today,
        ended_on: None,
    };
    // 22w0d of a pregnancy due 2027-01-01 is 2026-08-28; 44w0d is 2027-01-29.
    assert!(matches!(
        with_due("2026-08-27").check_dates(),
        Err(Error::BirthBeforeViable { .. })
    ));
    assert!(with_due("2026-08-28").check_dates().is_ok());
    assert!(with_due("2027-01-29").check_dates().is_ok());
    assert!(matches!(
        with_due("2027-01-30").check_dates(),
        Err(Error::BirthAfterDueDate { .. })
    ));
    let no_dates = Child {
        due_date: None,
        birth: None,
        registered_on: today,
        ended_on: None,
    };
    assert!(matches!(no_dates.validate(today), Err(Error::NoDates)));
}

#[test]
fn stage_labels_follow_days_then_months() {
    let child = Child::born(d("2026-01-31"), d("2026-01-31"));
    let age = |s: &str| child.stage_on(d(s)).unwrap().actual;
    assert_eq!(age("2026-01-31"), Age::Days(0));
    assert_eq!(age("2026-03-16"), Age::Days(44));
    assert_eq!(age("2026-05-11"), Age::Days(100));
    assert_eq!(
        age("2026-05-12"),
        Age::Months {
            years: 0,
            months: 3
        }
    );
    assert_eq!(
        age("2027-03-31"),
        Age::Months {
            years: 1,
            months: 2
        }
    );
    assert_eq!(
        age("2027-03-30"),
        Age::Months {
            years: 1,
            months: 1
        }
    );
}

#[test]
fn the_demo_town_is_the_embedded_default_and_marked_as_a_sample() {
    let town = tsunagu::town::Town::embedded().unwrap();
    assert_eq!(town.id, "demo");
    assert!(town.sample);
    assert_eq!(town.programme(), Programme::ToThirdBirthday);
    assert!(town.name.get("ja").contains("サンプル"));
    assert!(town.name.get("en").contains("sample"));
    assert!(
        town.contacts
            .iter()
            .any(|c| c.phone.as_deref() == Some("#8000"))
    );
}

#[test]
fn past_the_due_date_what_ran_is_the_pregnancy_track_not_the_projection() {
    let due = d("2027-03-01");
    let child = Child::expecting(due, due - Days::new(30));
    let ran = child.plan_through(Programme::ToThirdBirthday, due + Days::new(5));
    assert_eq!(ran.last().unwrap().slot.to_string(), "p-40d5");
    assert!(ran.iter().all(|e| e.status != PlanStatus::Assumed));
    let later = child.plan_through(Programme::ToThirdBirthday, due + Days::new(40));
    assert_eq!(later.last().unwrap().slot.to_string(), "p-41d6");
}

#[test]
fn a_family_joining_after_the_birth_has_no_pregnancy_history() {
    let due = d("2027-03-01");
    let birth = due - Days::new(40); // preterm, so the due date matters for corrected age
    let child = Child {
        due_date: Some(due),
        birth: Some(Birth {
            date: birth,
            recorded_on: birth + Days::new(20),
        }),
        registered_on: birth + Days::new(20),
        ended_on: None,
    };
    let plan = child.plan(Programme::ToThirdBirthday);
    assert!(plan.iter().all(|e| e.slot.range() != Range::Pregnancy));
    assert_eq!(plan.len(), 268);
    assert!(
        child
            .stage_on(birth + Days::new(20))
            .unwrap()
            .corrected
            .is_some()
    );
}
