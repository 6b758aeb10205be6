//! "Check-ups and shots" through IPC (issue #13): the screen's view, recording a dose and the next
//! one moving by its interval, the calendar file, and nothing for a stopped child.

use chrono::{NaiveDate, NaiveTime};
use serde_json::{Value, json};

use crate::common::{Harness, harness};

fn at(h: &Harness, date: &str) {
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    h.set_now(d.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()));
}

fn find<'a>(view: &'a Value, group: &str, id: &str) -> Option<&'a Value> {
    view[group]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == id)
}

/// The UIDs of a calendar file, its folded lines joined first.
fn uids(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter_map(|l| l.strip_prefix("UID:").map(str::to_owned))
        .collect()
}

fn event(ics: &str, uid: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:{uid}\r\n")))
        .unwrap_or_else(|| panic!("no {uid}"))
        .to_owned()
}

#[test]
fn a_recorded_dose_moves_the_next_by_its_interval_and_the_calendar_follows() {
    let h = harness();
    at(&h, "2027-01-13");
    h.invoke(
        "add_child",
        json!({ "nickname": "ゆい", "birthDate": "2026-11-01" }),
    )
    .unwrap();
    let view = h.invoke("child_schedule", json!({ "id": 1 })).unwrap();
    assert!(view["clinicDecides"].as_str().unwrap().contains("医療機関"));
    let first = find(&view, "dueNow", "dose/hepatitis-b/1").expect("due now");
    assert_eq!(first["first"], "2026-12-31");
    assert_eq!(first["vaccine"], "hepatitis-b");
    assert_eq!(first["recordable"], true);
    // Dose 1 not given: planned for today, so dose 2 is 27 whole days after today.
    let second = find(&view, "coming", "dose/hepatitis-b/2").expect("coming");
    assert_eq!(second["earliest"], "2027-02-10");
    assert_eq!(second["recordable"], false, "dose 1 first");
    let before = h.invoke("export_calendar", json!({ "id": 1 })).unwrap();
    let before = before.as_str().unwrap();
    assert!(before.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(before.lines().all(|l| l.len() <= 75));

    let view = h
        .invoke(
            "record_dose",
            json!({ "id": 1, "vaccine": "hepatitis-b", "number": 1, "date": "2027-01-10" }),
        )
        .unwrap();
    let done = find(&view, "done", "dose/hepatitis-b/1").expect("done");
    assert_eq!(done["doneOn"], "2027-01-10");
    assert_eq!(done["removable"], true);
    // 27 whole days after 10 January: from 7 February.
    let second = find(&view, "coming", "dose/hepatitis-b/2").expect("coming now");
    assert_eq!(second["earliest"], "2027-02-07");
    assert_eq!(second["recordable"], true);

    let ics = h.invoke("export_calendar", json!({ "id": 1 })).unwrap();
    let ics = ics.as_str().unwrap().to_owned();
    assert!(
        event(&ics, "child-1-dose-hepatitis-b-2@tsunagu").contains("DTSTART;VALUE=DATE:20270207")
    );
    assert!(!uids(&ics).contains(&"child-1-dose-hepatitis-b-1@tsunagu".to_owned()));
    let again = h.invoke("export_calendar", json!({ "id": 1 })).unwrap();
    assert_eq!(uids(&ics), uids(again.as_str().unwrap()), "stable UIDs");

    // Impossible records come back as the one error shape, in the reader's language.
    let twice = h
        .invoke(
            "record_dose",
            json!({ "id": 1, "vaccine": "hepatitis-b", "number": 1, "date": "2027-01-11" }),
        )
        .unwrap_err();
    assert_eq!(twice["code"], "dose-recorded-twice");
    let future = h
        .invoke(
            "record_dose",
            json!({ "id": 1, "vaccine": "bcg", "number": 1, "date": "2027-01-14" }),
        )
        .unwrap_err();
    assert_eq!(future["code"], "record-in-future");

    // Corrected, then undone: the next dose moves back to the window.
    let view = h
        .invoke(
            "correct_dose",
            json!({ "id": 1, "vaccine": "hepatitis-b", "number": 1, "date": "2027-01-11" }),
        )
        .unwrap();
    assert_eq!(
        find(&view, "coming", "dose/hepatitis-b/2").unwrap()["earliest"],
        "2027-02-08"
    );
    let view = h
        .invoke(
            "remove_dose",
            json!({ "id": 1, "vaccine": "hepatitis-b", "number": 1 }),
        )
        .unwrap();
    assert!(find(&view, "dueNow", "dose/hepatitis-b/1").is_some());

    // A check-up attended.
    let view = h
        .invoke(
            "record_checkup",
            json!({ "id": 1, "visit": "checkup/one-month", "date": "2026-12-02" }),
        )
        .unwrap();
    assert_eq!(
        find(&view, "done", "checkup/one-month").unwrap()["doneOn"],
        "2026-12-02"
    );
    let view = h
        .invoke(
            "remove_checkup",
            json!({ "id": 1, "visit": "checkup/one-month" }),
        )
        .unwrap();
    assert!(find(&view, "done", "checkup/one-month").is_none());
}

#[test]
fn today_mentions_a_window_that_opens_and_a_stopped_child_gets_nothing() {
    let h = harness();
    at(&h, "2026-12-20");
    h.invoke(
        "add_child",
        json!({ "nickname": "ゆい", "birthDate": "2026-11-01" }),
    )
    .unwrap();
    h.invoke("set_setting", json!({ "key": "locale", "value": "en" }))
        .unwrap();
    // Born 1 November: two months are reached on 31 December.
    at(&h, "2026-12-31");
    let today = h.invoke("today", json!({})).unwrap();
    let opening = today["children"][0]["visitsOpening"].as_array().unwrap();
    assert!(
        opening
            .iter()
            .any(|l| l.as_str().unwrap().contains("hepatitis B")),
        "{opening:?}"
    );
    at(&h, "2027-01-01");
    let today = h.invoke("today", json!({})).unwrap();
    assert!(
        today["children"][0]["visitsOpening"]
            .as_array()
            .unwrap()
            .is_empty(),
        "only on the day it opens"
    );

    h.invoke("end_child", json!({ "id": 1, "reason": "other" }))
        .unwrap();
    at(&h, "2027-01-09");
    let today = h.invoke("today", json!({})).unwrap();
    assert_eq!(today["children"][0]["visitsOpening"], json!([]));
    let refused = h.invoke("child_schedule", json!({ "id": 1 })).unwrap_err();
    assert_eq!(refused["code"], "child-ended");
    let refused = h.invoke("export_calendar", json!({ "id": 1 })).unwrap_err();
    assert_eq!(refused["code"], "child-ended");
}
