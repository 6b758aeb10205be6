//! Shared children in the store (issue #12), on real SQLite files: a code added twice updates the
//! same child, stopping and resuming wait for the reader, and exports carry the shared fields.

use tsunagu::cadence::Programme;
use tsunagu::share::Share;
use tsunagu::store::{Confirm, EndReason, NewChild, ShareChange, Shared, Status, Store};

use crate::d;

fn phones() -> (tempfile::TempDir, Store, Store) {
    let dir = tempfile::tempdir().unwrap();
    let first = Store::open(dir.path().join("first.db")).unwrap();
    let second = Store::open(dir.path().join("second.db")).unwrap();
    (dir, first, second)
}

fn expecting(first: &mut Store, due: &str, today: &str) -> i64 {
    first
        .add_child(
            &NewChild {
                nickname: "まる".into(),
                due_date: Some(d(due)),
                birth_date: None,
            },
            d(today),
        )
        .unwrap()
        .id
}

/// The code `first` shows for child `id`, read by `second` as the scanner would.
fn pass(first: &mut Store, id: i64, with_nickname: bool) -> Share {
    let code = first.share_code(id, "demo", with_nickname).unwrap();
    Share::from_code(&code, "demo").unwrap()
}

#[test]
fn a_code_adds_a_shared_child_with_the_same_plan() {
    let (_dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    let share = pass(&mut first, id, true);
    let Shared::Added(added) = second
        .add_shared(&share, d("2026-11-30"), Confirm::default())
        .unwrap()
    else {
        panic!("expected a new child");
    };
    assert!(added.shared);
    assert_eq!(added.nickname, "まる");
    assert_eq!(added.status, Status::Expecting);
    let original = first.child(id).unwrap();
    assert!(!original.shared);
    // Registered on its own day, the same dates: from that day on, the same messages.
    let from = d("2026-11-30");
    let plan = |c: &tsunagu::cadence::Child| -> Vec<_> {
        c.plan(Programme::ToThirdBirthday)
            .into_iter()
            .filter(|e| e.date >= from)
            .map(|e| (e.date, e.slot))
            .collect()
    };
    assert_eq!(plan(&added.child), plan(&original.child));
}

#[test]
fn the_identity_is_made_once_and_kept() {
    let (_dir, mut first, _second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    let a = pass(&mut first, id, true);
    let b = pass(&mut first, id, false);
    assert_eq!(a.id, b.id);
    assert_eq!(b.nickname, None);
}

#[test]
fn adding_the_same_code_twice_updates_instead_of_duplicating() {
    let (_dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    let share = pass(&mut first, id, true);
    let today = d("2026-11-30");
    second
        .add_shared(&share, today, Confirm::default())
        .unwrap();
    let again = second
        .add_shared(&share, today, Confirm::default())
        .unwrap();
    assert!(matches!(again, Shared::Unchanged(_)), "{again:?}");
    assert_eq!(second.children().unwrap().len(), 1);
}

#[test]
fn a_birth_recorded_later_updates_the_same_child() {
    let (_dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    second
        .add_shared(
            &pass(&mut first, id, true),
            d("2026-11-30"),
            Confirm::default(),
        )
        .unwrap();
    // The due date is revised, then the baby comes: the first phone shares again.
    first
        .correct_dates(id, Some(d("2027-04-28")), None, d("2027-01-10"))
        .unwrap();
    first
        .record_birth(id, d("2027-04-20"), d("2027-04-21"))
        .unwrap();
    let share = pass(&mut first, id, true);
    let outcome = second
        .add_shared(&share, d("2027-04-22"), Confirm::default())
        .unwrap();
    let Shared::Updated { child, changes } = outcome else {
        panic!("expected an update, got {outcome:?}");
    };
    assert_eq!(changes, [ShareChange::DueDate, ShareChange::BirthRecorded]);
    assert_eq!(child.status, Status::Born);
    assert_eq!(child.child.due_date, Some(d("2027-04-28")));
    assert_eq!(child.child.birth.unwrap().date, d("2027-04-20"));
    assert_eq!(second.children().unwrap().len(), 1);
    // A corrected birth date later on is a correction here too.
    first
        .correct_dates(id, None, Some(d("2027-04-19")), d("2027-04-25"))
        .unwrap();
    let outcome = second
        .add_shared(
            &pass(&mut first, id, true),
            d("2027-04-26"),
            Confirm::default(),
        )
        .unwrap();
    assert!(
        matches!(&outcome, Shared::Updated { changes, .. } if changes == &[ShareChange::BirthDate]),
        "{outcome:?}"
    );
}

#[test]
fn a_code_without_a_nickname_keeps_the_one_given_here() {
    let (_dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    second
        .add_shared(
            &pass(&mut first, id, true),
            d("2026-11-30"),
            Confirm::default(),
        )
        .unwrap();
    let again = second
        .add_shared(
            &pass(&mut first, id, false),
            d("2026-12-01"),
            Confirm::default(),
        )
        .unwrap();
    assert!(
        matches!(&again, Shared::Unchanged(c) if c.nickname == "まる"),
        "{again:?}"
    );
}

#[test]
fn a_stopped_code_stops_nothing_until_the_reader_confirms() {
    let (_dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    second
        .add_shared(
            &pass(&mut first, id, true),
            d("2026-11-30"),
            Confirm::default(),
        )
        .unwrap();
    first
        .end_child(id, EndReason::PregnancyLoss, d("2026-12-20"))
        .unwrap();
    let share = pass(&mut first, id, true);
    assert!(share.stopped);
    let before = second.export_json().unwrap();
    let asked = second
        .add_shared(&share, d("2026-12-21"), Confirm::default())
        .unwrap();
    let Shared::NeedsConfirmation { child, changes } = asked else {
        panic!("expected a question, got {asked:?}");
    };
    assert_eq!(changes, [ShareChange::Stop]);
    assert_eq!(child.status, Status::Expecting);
    assert_eq!(second.export_json().unwrap(), before, "nothing changed");
    // Agreeing to resume is not agreeing to stop.
    let still = second
        .add_shared(
            &share,
            d("2026-12-21"),
            Confirm {
                stop: false,
                resume: true,
            },
        )
        .unwrap();
    assert!(matches!(still, Shared::NeedsConfirmation { .. }));
    let stopped = second
        .add_shared(
            &share,
            d("2026-12-21"),
            Confirm {
                stop: true,
                resume: false,
            },
        )
        .unwrap();
    let Shared::Updated { child, .. } = stopped else {
        panic!("expected the stop, got {stopped:?}");
    };
    // The reason stays on the phone that stopped: a code never carries it.
    assert_eq!(child.status, Status::Ended(EndReason::Other));
    assert_eq!(child.child.ended_on, Some(d("2026-12-21")));
}

#[test]
fn a_stopped_child_here_never_restarts_without_the_reader() {
    let (_dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    let running = pass(&mut first, id, true);
    let Shared::Added(added) = second
        .add_shared(&running, d("2026-11-30"), Confirm::default())
        .unwrap()
    else {
        panic!()
    };
    second
        .end_child(added.id, EndReason::Other, d("2026-12-05"))
        .unwrap();
    // An old code, or the first phone's running one, scanned again: it asks.
    let asked = second
        .add_shared(&running, d("2026-12-06"), Confirm::default())
        .unwrap();
    assert!(
        matches!(&asked, Shared::NeedsConfirmation { changes, .. } if changes == &[ShareChange::Resume]),
        "{asked:?}"
    );
    assert!(matches!(
        second.child(added.id).unwrap().status,
        Status::Ended(_)
    ));
    let resumed = second
        .add_shared(
            &running,
            d("2026-12-06"),
            Confirm {
                stop: false,
                resume: true,
            },
        )
        .unwrap();
    let Shared::Updated { child, .. } = resumed else {
        panic!("{resumed:?}")
    };
    assert_eq!(child.status, Status::Expecting);
    assert_eq!(child.child.registered_on, d("2026-12-06"));
}

#[test]
fn a_new_child_from_a_stopped_code_is_added_already_stopped() {
    let (_dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    first
        .end_child(id, EndReason::PregnancyLoss, d("2026-12-20"))
        .unwrap();
    let share = pass(&mut first, id, true);
    let Shared::Added(child) = second
        .add_shared(&share, d("2026-12-21"), Confirm::default())
        .unwrap()
    else {
        panic!()
    };
    assert!(matches!(child.status, Status::Ended(_)));
    assert_eq!(
        child
            .child
            .due_on(Programme::ToThirdBirthday, d("2026-12-21")),
        None
    );
}

#[test]
fn impossible_dates_in_a_code_change_nothing() {
    let (_dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    let share = pass(&mut first, id, true);
    // Scanned long after the due date with no birth: refused as a reader's entry would be.
    let e = second
        .add_shared(&share, d("2027-06-01"), Confirm::default())
        .unwrap_err();
    assert_eq!(e.code(), "due-date-passed");
    assert!(second.children().unwrap().is_empty());
}

#[test]
fn export_and_import_keep_a_shared_child_shared() {
    let (dir, mut first, mut second) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    let share = pass(&mut first, id, true);
    second
        .add_shared(&share, d("2026-11-30"), Confirm::default())
        .unwrap();
    let json = second.export_json().unwrap();
    assert!(json.contains("\"shared\": true"), "{json}");
    let mut third = Store::open(dir.path().join("third.db")).unwrap();
    third.import_json(&json).unwrap();
    assert_eq!(third.export_json().unwrap(), json);
    let moved = &third.children().unwrap()[0];
    assert!(moved.shared);
    // The moved phone still recognises the child's later codes.
    let again = third
        .add_shared(&share, d("2026-12-01"), Confirm::default())
        .unwrap();
    assert!(matches!(again, Shared::Unchanged(_)), "{again:?}");
}

#[test]
fn an_export_from_before_sharing_still_imports() {
    let (_dir, mut first, _second) = phones();
    let json = r#"{
      "format": "tsunagu-export", "version": 1,
      "children": [{ "id": 1, "nickname": "そら", "dueDate": "2027-05-01", "birthDate": null,
        "birthRecordedOn": null, "registeredOn": "2026-11-29", "status": "expecting",
        "endedOn": null, "endedReason": null }],
      "settings": [], "deliveries": []
    }"#;
    first.import_json(json).unwrap();
    let child = &first.children().unwrap()[0];
    assert!(!child.shared);
    assert!(first.share_code(child.id, "demo", true).is_ok());
}

#[test]
fn two_children_with_one_share_id_are_refused_on_import() {
    let (_dir, mut first, _second) = phones();
    let row = |id: i64| {
        format!(
            r#"{{ "id": {id}, "nickname": "", "dueDate": "2027-05-01", "birthDate": null,
            "birthRecordedOn": null, "registeredOn": "2026-11-29", "status": "expecting",
            "endedOn": null, "endedReason": null, "shared": true, "shareId": 7 }}"#
        )
    };
    let json = format!(
        r#"{{ "format": "tsunagu-export", "version": 2, "children": [{}, {}], "settings": [], "deliveries": [] }}"#,
        row(1),
        row(2)
    );
    assert_eq!(
        first.import_json(&json).unwrap_err().code(),
        "invalid-import"
    );
}

/// The share screen says to share again once the birth is recorded or the messages stopped
/// after the code was last shown; showing it again remembers the new state.
#[test]
fn showing_the_code_remembers_the_state_shown() {
    use tsunagu::share::ShareState;
    let (_dir, mut first, _) = phones();
    let id = expecting(&mut first, "2027-05-01", "2026-11-29");
    let (share, before) = first.show_share(id, true).unwrap();
    assert_eq!((share.state(), before), (ShareState::Expecting, None));
    // Shown again (the nickname toggled): nothing changed since.
    let (share, before) = first.show_share(id, false).unwrap();
    assert_eq!(share.nickname, None);
    assert_eq!(before, Some(ShareState::Expecting));
    first
        .record_birth(id, d("2027-04-20"), d("2027-04-21"))
        .unwrap();
    let (share, before) = first.show_share(id, true).unwrap();
    assert_eq!(
        (share.state(), before),
        (ShareState::Born, Some(ShareState::Expecting))
    );
    first
        .end_child(id, EndReason::Other, d("2027-04-22"))
        .unwrap();
    let (share, before) = first.show_share(id, true).unwrap();
    assert_eq!(
        (share.state(), before),
        (ShareState::Stopped, Some(ShareState::Born))
    );
    // The identity stays the one made the first time.
    assert_eq!(share.id, first.share_of(id, true).unwrap().id);
}
