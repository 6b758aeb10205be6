//! Doses and attended check-ups in the store (issue #13), on real SQLite files: recorded,
//! refused when impossible, carried by the data export, removed with the child.

use tsunagu::Error;
use tsunagu::cadence::Programme;
use tsunagu::schedule::{RecordedDose, Schedule, VisitState};
use tsunagu::store::{EndReason, NewChild, Store, plan_records};

use crate::d;

fn born(store: &mut Store, birth: &str, today: &str) -> i64 {
    store
        .add_child(
            &NewChild {
                nickname: "ゆい".into(),
                due_date: None,
                birth_date: Some(d(birth)),
            },
            d(today),
        )
        .unwrap()
        .id
}

fn dose(vaccine: &str, number: u32, date: &str) -> RecordedDose {
    RecordedDose {
        vaccine: vaccine.into(),
        number,
        date: d(date),
    }
}

fn earliest(store: &Store, schedule: &Schedule, id: i64, visit: &str, today: &str) -> String {
    let record = store.child(id).unwrap();
    let plan = plan_records(
        schedule,
        &record,
        &store.records(id).unwrap(),
        Programme::ToThirdBirthday,
        d(today),
    )
    .unwrap();
    let v = plan.visits.iter().find(|v| v.id == visit).unwrap();
    match v.state {
        VisitState::Done(on) => format!("done {on}"),
        _ => v.earliest.unwrap_or(v.first).to_string(),
    }
}

#[test]
fn a_recorded_dose_moves_the_next_by_its_interval_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let schedule = Schedule::embedded().unwrap();
    let mut store = Store::open(&path).unwrap();
    let id = born(&mut store, "2026-11-01", "2026-11-10");
    // Born 1 November: the window opened on 31 December. With nothing recorded, dose 1 is
    // planned for today and dose 2 follows 27 whole days later.
    assert_eq!(
        earliest(&store, &schedule, id, "dose/hepatitis-b/2", "2027-01-05"),
        "2027-02-02"
    );
    store
        .record_dose(
            &schedule,
            id,
            &dose("hepatitis-b", 1, "2027-01-03"),
            d("2027-01-05"),
        )
        .unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        earliest(&store, &schedule, id, "dose/hepatitis-b/1", "2027-01-05"),
        "done 2027-01-03"
    );
    // 27 whole days after 3 January: from 31 January.
    assert_eq!(
        earliest(&store, &schedule, id, "dose/hepatitis-b/2", "2027-01-05"),
        "2027-01-31"
    );
    // Corrected a day later, the next dose moves a day later; removed, it is back.
    store
        .correct_dose(
            &schedule,
            id,
            &dose("hepatitis-b", 1, "2027-01-04"),
            d("2027-01-07"),
        )
        .unwrap();
    assert_eq!(
        earliest(&store, &schedule, id, "dose/hepatitis-b/2", "2027-01-07"),
        "2027-02-01"
    );
    store
        .remove_dose(&schedule, id, "hepatitis-b", 1, d("2027-01-07"))
        .unwrap();
    assert!(store.records(id).unwrap().doses.is_empty());

    // A check-up: recorded, corrected by recording again, removed.
    store
        .record_checkup(
            &schedule,
            id,
            "checkup/one-month",
            d("2026-12-02"),
            d("2027-01-07"),
        )
        .unwrap();
    store
        .record_checkup(
            &schedule,
            id,
            "checkup/one-month",
            d("2026-12-03"),
            d("2027-01-07"),
        )
        .unwrap();
    assert_eq!(
        earliest(&store, &schedule, id, "checkup/one-month", "2027-01-07"),
        "done 2026-12-03"
    );
    store.remove_checkup(id, "checkup/one-month").unwrap();
    assert!(store.records(id).unwrap().checkups.is_empty());
}

#[test]
fn impossible_records_are_refused_with_the_planners_codes_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let schedule = Schedule::embedded().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    let id = born(&mut store, "2026-11-01", "2026-11-10");
    let today = d("2027-03-01");
    store
        .record_dose(&schedule, id, &dose("hepatitis-b", 1, "2027-01-05"), today)
        .unwrap();
    let code = |r: tsunagu::Result<tsunagu::store::Records>| r.unwrap_err().code();
    let cases = [
        (dose("hepatitis-b", 1, "2027-01-10"), "dose-recorded-twice"),
        (
            dose("hepatitis-b", 3, "2027-02-20"),
            "dose-without-previous",
        ),
        (dose("hepatitis-b", 2, "2027-01-05"), "dose-before-previous"),
        (dose("hepatitis-b", 4, "2027-02-20"), "unknown-dose"),
        (dose("smallpox", 1, "2027-02-20"), "unknown-vaccine"),
        (dose("bcg", 1, "2026-10-30"), "dose-outside-life"),
        (dose("bcg", 1, "2027-03-02"), "record-in-future"),
    ];
    for (d, expected) in cases {
        assert_eq!(
            code(store.record_dose(&schedule, id, &d, today)),
            expected,
            "{d:?}"
        );
    }
    assert_eq!(
        code(store.remove_dose(&schedule, id, "bcg", 1, today)),
        "not-recorded"
    );
    store
        .record_dose(&schedule, id, &dose("hepatitis-b", 2, "2027-02-05"), today)
        .unwrap();
    assert_eq!(
        code(store.remove_dose(&schedule, id, "hepatitis-b", 1, today)),
        "dose-without-previous",
        "the earlier dose of a course is not removed from under a later one"
    );
    assert_eq!(
        code(store.record_checkup(&schedule, id, "checkup/nine-years", d("2027-01-05"), today)),
        "unknown-checkup"
    );
    assert_eq!(store.records(id).unwrap().doses.len(), 2);
    assert!(store.records(id).unwrap().checkups.is_empty());
    // A birth date corrected to after a recorded dose is refused, and nothing changes.
    assert_eq!(
        store
            .correct_dates(id, None, Some(d("2027-01-10")), today)
            .unwrap_err()
            .code(),
        "dose-outside-life"
    );
    assert_eq!(
        store.child(id).unwrap().child.birth.unwrap().date,
        d("2026-11-01")
    );
    // A stopped child's record is kept and not written to.
    store.end_child(id, EndReason::Other, today).unwrap();
    assert!(matches!(
        store.record_dose(&schedule, id, &dose("bcg", 1, "2027-02-20"), today),
        Err(Error::ChildEnded(_))
    ));
    assert_eq!(store.records(id).unwrap().doses.len(), 2);
}

#[test]
fn the_data_export_carries_the_records_and_deleting_the_child_removes_them() {
    let dir = tempfile::tempdir().unwrap();
    let schedule = Schedule::embedded().unwrap();
    let mut store = Store::open(dir.path().join("a.db")).unwrap();
    let id = born(&mut store, "2026-11-01", "2026-11-10");
    let today = d("2027-03-01");
    store
        .record_dose(&schedule, id, &dose("hepatitis-b", 1, "2027-01-05"), today)
        .unwrap();
    store
        .record_checkup(&schedule, id, "checkup/one-month", d("2026-12-02"), today)
        .unwrap();
    let json = store.export_json().unwrap();
    assert!(json.contains("\"version\": 3"), "{json}");

    let mut other = Store::open(dir.path().join("b.db")).unwrap();
    other.import_json(&json).unwrap();
    assert_eq!(other.records(id).unwrap(), store.records(id).unwrap());
    assert_eq!(other.export_json().unwrap(), json);

    // A version 2 document (before doses were recorded) still imports, with none recorded.
    let v2: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut v2 = v2.as_object().unwrap().clone();
    v2.remove("doses");
    v2.remove("checkups");
    v2.insert("version".into(), 2.into());
    other
        .import_json(&serde_json::Value::Object(v2).to_string())
        .unwrap();
    assert!(other.records(id).unwrap().doses.is_empty());

    // An impossible record in a document is refused, and nothing changes.
    let broken = json.replace("\"number\": 1", "\"number\": 2");
    let refused = other.import_json(&broken).unwrap_err();
    assert_eq!(refused.code(), "invalid-import", "{refused}");
    assert!(other.records(id).unwrap().doses.is_empty());

    store.delete_child(id).unwrap();
    let conn = rusqlite::Connection::open(dir.path().join("a.db")).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM dose) + (SELECT count(*) FROM checkup_attended)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}
