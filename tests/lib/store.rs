//! The on-device store, on real SQLite files in temporary folders.

use chrono::Days;
use rusqlite::Connection;
use tsunagu::Error;
use tsunagu::cadence::Programme;
use tsunagu::catalogue::Catalogue;
use tsunagu::store::{ArchiveFilter, EndReason, NewChild, SCHEMA_VERSION, Status, Store};

use super::catalogue::{body, message};
use crate::d;

pub fn expecting(due: &str) -> NewChild {
    NewChild {
        nickname: "まる".into(),
        due_date: Some(d(due)),
        birth_date: None,
    }
}

/// A catalogue with the words the search tests look for, inside longer text.
pub fn test_catalogue() -> Catalogue {
    let manifest = include_str!("../../content/catalogue.toml");
    let texts = [
        (
            "p-20d0.md",
            message(
                "鉄分をとる工夫",
                "\"nutrition\"",
                &format!(
                    "妊娠中は鉄欠乏性貧血になりやすい時期です。{}",
                    body(20, 280)
                ),
            ),
        ),
        (
            "p-20d1.md",
            message(
                "むくみのこと",
                "\"body\"",
                &format!("{}産後の予定表にBCGも書いておきましょう。", body(21, 300)),
            ),
        ),
        (
            "b-0001.md",
            message(
                "はじめての沐浴",
                "\"care\"",
                &format!("{}やがて始まる離乳食の準備はまだ先です。", body(22, 280)),
            ),
        ),
    ];
    let files = texts
        .iter()
        .map(|(n, t)| ("ja".to_owned(), n.to_string(), t.as_str()));
    Catalogue::from_files(manifest, files).unwrap()
}

#[test]
fn a_new_file_is_created_at_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/tsunagu.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(path.exists());
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_file_from_the_previous_version_migrates_and_keeps_its_children() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    for version in 1..SCHEMA_VERSION {
        let path = dir.path().join(format!("v{version}.db"));
        Store::create_at_version(&path, version).unwrap();
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "INSERT INTO child (nickname, due_date, registered_on, status) VALUES ('そら', '2027-04-01', '2026-10-01', 'expecting')",
            [],
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let children = store.children().unwrap();
        assert_eq!(children.len(), 1);
        assert_eq!(children[0].nickname, "そら");
        assert_eq!(children[0].child.due_date, Some(d("2027-04-01")));
    }
    let _ = path;
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    match Store::open(&path) {
        Err(Error::DatabaseTooNew {
            found, supported, ..
        }) => assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION)),
        other => panic!("expected database-too-new, got {other:?}"),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_corrupt_file_is_reported_and_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrupt.db");
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &garbage).unwrap();
    // Its write-ahead log may hold what the file lacks: that stays too.
    let wal = dir.path().join("corrupt.db-wal");
    std::fs::write(&wal, b"log").unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), "database-corrupt", "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
    assert_eq!(std::fs::read(&wal).unwrap(), b"log");
}

#[test]
fn an_unopenable_file_can_be_set_aside_whole_and_a_fresh_one_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tsunagu.db");
    let at = d("2026-11-26").and_hms_opt(9, 30, 0).unwrap();
    // A readable database is never moved.
    drop(Store::open(&path).unwrap());
    let readable = tsunagu::store::set_aside(&path, at).unwrap_err();
    assert_eq!(readable.code(), "data-readable");
    assert!(path.exists());
    // An unreadable one moves with its log, byte for byte, beside where it was.
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    std::fs::write(dir.path().join("tsunagu.db-wal"), b"log").unwrap();
    assert_eq!(Store::open(&path).unwrap_err().code(), "database-corrupt");
    let kept = tsunagu::store::set_aside(&path, at).unwrap();
    assert_eq!(
        kept,
        dir.path().join("tsunagu.unreadable-20261126-093000.db")
    );
    assert_eq!(std::fs::read(&kept).unwrap(), garbage);
    assert_eq!(
        std::fs::read(dir.path().join("tsunagu.unreadable-20261126-093000.db-wal")).unwrap(),
        b"log"
    );
    assert!(!path.exists() && !dir.path().join("tsunagu.db-wal").exists());
    // The app then starts with a fresh database; a second unreadable file the same second gets a
    // name of its own.
    let mut fresh = Store::open(&path).unwrap();
    fresh
        .add_child(&expecting("2027-05-01"), d("2026-11-26"))
        .unwrap();
    drop(fresh);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let again = tsunagu::store::set_aside(&path, at).unwrap();
    assert_eq!(
        again,
        dir.path().join("tsunagu.unreadable-20261126-093000-2.db")
    );
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        garbage,
        "the first one untouched"
    );
}

#[test]
fn impossible_input_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let today = d("2026-11-25");
    let bad = [
        NewChild {
            due_date: Some(d("2031-11-25")),
            ..Default::default()
        },
        NewChild {
            birth_date: Some(d("2026-12-01")),
            ..Default::default()
        },
        NewChild {
            due_date: Some(d("2027-03-01")),
            birth_date: Some(d("2026-06-01")),
            ..Default::default()
        },
        NewChild::default(),
    ];
    let codes: Vec<&str> = bad
        .iter()
        .map(|c| store.add_child(c, today).unwrap_err().code())
        .collect();
    assert_eq!(
        codes,
        [
            "due-date-too-far",
            "birth-in-future",
            "birth-before-viable",
            "no-dates"
        ]
    );
    assert!(store.children().unwrap().is_empty());
    let child = store.add_child(&expecting("2027-03-01"), today).unwrap();
    assert_eq!(
        store
            .record_birth(child.id, d("2026-12-01"), today)
            .unwrap_err()
            .code(),
        "birth-in-future"
    );
    assert_eq!(store.child(child.id).unwrap().status, Status::Expecting);
    assert_eq!(
        store
            .set_setting("delivery-time", "25:00")
            .unwrap_err()
            .code(),
        "invalid-setting"
    );
    assert_eq!(
        store.settings().unwrap().delivery_time.to_string(),
        "08:00:00"
    );
}

#[test]
fn children_are_registered_born_ended_and_resumed() {
    let mut store = Store::open_in_memory().unwrap();
    let today = d("2026-11-25");
    let child = store.add_child(&expecting("2027-03-01"), today).unwrap();
    assert_eq!(child.status, Status::Expecting);
    assert_eq!(child.child.registered_on, today);
    let born = store
        .record_birth(child.id, d("2027-02-20"), d("2027-02-22"))
        .unwrap();
    assert_eq!(born.status, Status::Born);
    assert_eq!(born.child.birth.unwrap().recorded_on, d("2027-02-22"));
    assert_eq!(
        store
            .record_birth(child.id, d("2027-02-20"), d("2027-02-23"))
            .unwrap_err()
            .code(),
        "already-born"
    );
    let ended = store
        .end_child(child.id, EndReason::ChildLoss, d("2027-03-10"))
        .unwrap();
    assert_eq!(ended.status, Status::Ended(EndReason::ChildLoss));
    assert_eq!(
        ended
            .child
            .due_on(Programme::ToThirdBirthday, d("2027-03-10")),
        None
    );
    let resumed = store.resume_child(child.id, d("2027-04-01")).unwrap();
    assert_eq!(resumed.status, Status::Born);
    assert_eq!(resumed.child.registered_on, d("2027-04-01"));
    store.delete_child(child.id).unwrap();
    assert_eq!(store.child(child.id).unwrap_err().code(), "unknown-child");
}

#[test]
fn catch_up_fills_the_archive_from_the_dates_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    let catalogue = test_catalogue();
    let due = d("2027-04-01");
    let registered = due - Days::new(142); // 19w5d
    let child = store
        .add_child(&expecting("2027-04-01"), registered)
        .unwrap();
    let today = registered + Days::new(3);
    let added = store
        .catch_up(&catalogue, Programme::ToThirdBirthday, today)
        .unwrap();
    // p-04d0 ..= p-20d1 (ga 28 ..= 141): 110 earlier, 4 since registration.
    assert_eq!(added, 114);
    assert_eq!(
        store
            .catch_up(&catalogue, Programme::ToThirdBirthday, today)
            .unwrap(),
        0
    );
    let archive = store.archive(ArchiveFilter::default()).unwrap();
    assert_eq!(archive[0].slot.to_string(), "p-20d1");
    assert!(!archive[0].earlier && !archive[0].read);
    assert!(
        archive
            .iter()
            .filter(|e| e.earlier)
            .all(|e| e.due_on < registered)
    );
    assert_eq!(archive.iter().filter(|e| !e.earlier).count(), 4);
    let p20d0 = archive
        .iter()
        .find(|e| e.slot.to_string() == "p-20d0")
        .unwrap();
    assert_eq!(p20d0.title, "鉄分をとる工夫");
    store
        .mark_read(p20d0.id, today.and_hms_opt(8, 5, 0).unwrap())
        .unwrap();
    store.set_bookmark(p20d0.id, true).unwrap();
    let marked = store
        .archive(ArchiveFilter {
            bookmarked_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(marked.len(), 1);
    assert!(marked[0].read && marked[0].bookmarked);
    let unread = store
        .archive(ArchiveFilter {
            unread_only: true,
            child_id: Some(child.id),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(unread.len(), archive.len() - 1);
}

#[test]
fn stopping_messages_keeps_what_was_delivered_and_adds_nothing_after() {
    let mut store = Store::open_in_memory().unwrap();
    let catalogue = test_catalogue();
    let today = d("2026-11-25");
    let child = store.add_child(&expecting("2027-04-01"), today).unwrap();
    store
        .catch_up(&catalogue, Programme::ToThirdBirthday, today + Days::new(5))
        .unwrap();
    let before = store.archive(ArchiveFilter::default()).unwrap().len();
    store
        .end_child(child.id, EndReason::PregnancyLoss, today + Days::new(3))
        .unwrap();
    let after = store.archive(ArchiveFilter::default()).unwrap();
    assert_eq!(after.len(), before - 3);
    store
        .catch_up(
            &catalogue,
            Programme::ToThirdBirthday,
            today + Days::new(60),
        )
        .unwrap();
    assert_eq!(store.archive(ArchiveFilter::default()).unwrap(), after);
}

/// The writer half of the crash test: runs in a child process until it is killed.
#[test]
#[ignore = "run by crash_mid_write_leaves_the_last_committed_state"]
fn crash_writer() {
    let Ok(path) = std::env::var("TSUNAGU_CRASH_DB") else {
        return;
    };
    let mut store = Store::open(&path).unwrap();
    let catalogue = test_catalogue();
    let mut day = d("2026-11-20");
    loop {
        // Each round is a registration plus a large catch-up: several transactions of real work.
        store.add_child(&expecting("2027-08-01"), day).unwrap();
        store
            .catch_up(&catalogue, Programme::ToThirdBirthday, day + Days::new(30))
            .unwrap();
        day = day.min(d("2026-11-20"));
    }
}

#[test]
fn crash_mid_write_leaves_the_last_committed_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    drop(Store::open(&path).unwrap());
    for round in 0..3 {
        let conn = crate::kill_writer_midway(
            "lib::store::crash_writer",
            "TSUNAGU_CRASH_DB",
            &path,
            std::time::Duration::from_millis(5 * (round as u64 + 1)),
            |conn| {
                let n: i64 = conn
                    .query_row("SELECT count(*) FROM child", [], |r| r.get(0))
                    .unwrap_or(0);
                n >= 3 * (round + 1)
            },
        );
        let store = Store::open(&path).unwrap();
        // Each delivery row has its text indexed: the two are written in one transaction.
        let (rows, texts): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM delivery), (SELECT count(*) FROM archive_text)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(rows, texts);
        assert!(store.children().unwrap().len() as i64 >= 3 * (round + 1));
    }
}

/// Audit finding 2: an import applies the same date checks as the forms, refuses the whole file
/// with a clear error and changes nothing; afterwards every date computation still works.
#[test]
fn an_import_with_impossible_dates_is_refused_whole_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    store
        .add_child(&expecting("2027-05-01"), d("2026-11-25"))
        .unwrap();
    let good = store.export_json().unwrap();
    let damaged = [
        (
            "an absurd year",
            good.replace("\"2027-05-01\"", "\"+262142-12-31\""),
        ),
        (
            "a year past the calendar the app computes on",
            good.replace("\"2027-05-01\"", "\"9999-05-01\""),
        ),
        (
            "a birth long before the due date",
            good.replace("\"birthDate\": null", "\"birthDate\": \"2026-09-01\"")
                .replace(
                    "\"birthRecordedOn\": null",
                    "\"birthRecordedOn\": \"2026-11-25\"",
                )
                .replace("\"status\": \"expecting\"", "\"status\": \"born\""),
        ),
        (
            "a birth date without the day it was recorded",
            good.replace("\"birthDate\": null", "\"birthDate\": \"2027-04-28\""),
        ),
        (
            "a status that contradicts the dates",
            good.replace("\"status\": \"expecting\"", "\"status\": \"ended\""),
        ),
    ];
    for (what, json) in damaged {
        assert_ne!(json, good, "{what}: the case must change the file");
        let err = store.import_json(&json).expect_err(what);
        assert_eq!(err.code(), "invalid-import", "{what}: {err}");
        assert_eq!(
            store.export_json().unwrap(),
            good,
            "{what}: nothing changed"
        );
    }
    store.import_json(&good).unwrap();
    assert_eq!(store.children().unwrap().len(), 1);
}

/// Audit finding 10: a data folder whose path is not UTF-8 (possible on Linux) still has its
/// unreadable database set aside together with its log, under names built from the real bytes.
#[cfg(unix)]
#[test]
fn setting_aside_keeps_the_log_with_its_database_on_a_non_utf8_path() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(OsStr::from_bytes(b"data-\xff"));
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("tsunagu.db");
    std::fs::write(&path, vec![7u8; 4096]).unwrap();
    std::fs::write(folder.join("tsunagu.db-wal"), b"log").unwrap();
    let at = d("2026-11-26").and_hms_opt(9, 30, 0).unwrap();
    let kept = tsunagu::store::set_aside(&path, at).unwrap();
    assert_eq!(kept, folder.join("tsunagu.unreadable-20261126-093000.db"));
    assert_eq!(
        std::fs::read(folder.join("tsunagu.unreadable-20261126-093000.db-wal")).unwrap(),
        b"log"
    );
    assert!(
        !folder.join("tsunagu.db-wal").exists(),
        "the log moved with its database"
    );
}
