//! The `tsunagu` command as towns' staff run it: the real binary on a real database file.

use std::path::Path;
use std::process::{Command, Output};

fn tsunagu(db: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(args)
        .args(["--lang", lang])
        .env("TSUNAGU_DB", db)
        .env("TSUNAGU_TODAY", "2026-11-25")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn the_longest_plan_counts_534() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = tsunagu(
        &db,
        "ja",
        &[
            "plan",
            "--due",
            "2027-06-01",
            "--born",
            "2027-06-15",
            "--count",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(stdout(&out).trim(), "534");
    assert!(
        !db.exists(),
        "a plan is a projection and touches no database"
    );
}

#[test]
fn a_plan_from_the_due_date_labels_the_assumed_birth() {
    let dir = tempfile::tempdir().unwrap();
    let out = tsunagu(
        &dir.path().join("t.db"),
        "ja",
        &["plan", "--due", "2027-06-01"],
    );
    let text = stdout(&out);
    assert!(text.contains("2026-09-22  p-04d0    妊娠4週0日"), "{text}");
    assert!(
        text.contains("出産予定日(2027年6月1日(火))に生まれたと仮定"),
        "{text}"
    );
    assert!(text.contains("2027-06-01  b-0000    生後0日") && text.contains("(仮)"));
    assert!(text.contains("2030-06-01  y3"));
    assert!(text.trim_end().ends_with("合計 520 通"));
    let en = stdout(&tsunagu(
        &dir.path().join("t.db"),
        "en",
        &["plan", "--due", "2027-06-01"],
    ));
    assert!(
        en.contains("assumes a birth on the due date (Tue 1 Jun 2027)"),
        "{en}"
    );
    assert!(en.contains("12 weeks 3 days pregnant"));
}

#[test]
fn a_family_registers_sees_today_and_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("family.db");
    let out = tsunagu(
        &db,
        "ja",
        &[
            "child",
            "add",
            "--due",
            "2027-05-01",
            "--nickname",
            "ひなた",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(stdout(&out).contains("#1 ひなた  妊娠中  出産予定日 2027-05-01"));
    let today = stdout(&tsunagu(&db, "ja", &["today"]));
    assert!(today.contains("2026年11月25日(水)"), "{today}");
    assert!(today.contains("#1 ひなた  妊娠17週4日"), "{today}");
    let archive = stdout(&tsunagu(&db, "ja", &["archive"]));
    assert!(
        archive
            .lines()
            .next()
            .unwrap()
            .starts_with("2026-11-25  #1 ひなた  p-17d4"),
        "{archive}"
    );
    assert!(archive.contains("登録前"));
    let born = tsunagu(&db, "en", &["child", "born", "1", "--date", "2026-11-30"]);
    assert_eq!(born.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&born.stderr).contains("has not come yet"));
    let list = stdout(&tsunagu(&db, "en", &["child", "list"]));
    assert!(list.contains("expecting"), "{list}");
}

#[test]
fn impossible_input_is_a_clear_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let cases: [(&[&str], &str); 4] = [
        (&["child", "add", "--due", "2031-11-25"], "40週より先"),
        (&["child", "add", "--born", "2026-12-25"], "まだ来ていない"),
        (
            &[
                "child",
                "add",
                "--due",
                "2027-04-01",
                "--born",
                "2026-08-01",
            ],
            "妊娠22週より前",
        ),
        (
            &["child", "add", "--due", "2027-02-30"],
            "日付として読めません",
        ),
    ];
    for (args, expected) in cases {
        let out = tsunagu(&db, "ja", args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert!(
        stdout(&tsunagu(&db, "ja", &["child", "list"])).contains("登録されている子どもはいません")
    );
}

#[test]
fn stopping_messages_shows_support_and_never_congratulates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    tsunagu(&db, "ja", &["child", "add", "--due", "2027-05-01"]);
    let out = tsunagu(
        &db,
        "ja",
        &["child", "end", "1", "--reason", "pregnancy-loss"],
    );
    let text = stdout(&out);
    assert!(
        text.contains("すべて止めました") && text.contains("保健師"),
        "{text}"
    );
    assert!(!text.contains("おめでとう"));
    let today = stdout(&tsunagu(&db, "ja", &["today"]));
    assert!(today.contains("止めています"), "{today}");
}

#[test]
fn catalogue_check_reports_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let out = tsunagu(&dir.path().join("t.db"), "en", &["catalogue", "check"]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("ja ") && l.contains("/534")),
        "{text}"
    );
    assert!(text.contains("0 findings"));
}

/// The catalogue as the app shows it, for reading in a browser and for the UI's mock: every slot in
/// both languages, bodies already HTML.
#[test]
fn catalogue_export_writes_every_message_as_the_app_renders_it() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("catalogue.json");
    let out = tsunagu(
        &dir.path().join("t.db"),
        "en",
        &["catalogue", "export", "--out", out_path.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    for lang in ["ja", "en"] {
        let messages = json[lang].as_object().unwrap();
        assert_eq!(messages.len(), 534, "{lang}");
        let first = &messages["p-04d0"];
        assert!(!first["title"].as_str().unwrap().is_empty());
        assert!(first["html"].as_str().unwrap().starts_with("<p>"), "{lang}");
    }
}

/// Audit finding 3: a signed or far-off year is refused where it enters, never a panic.
#[test]
fn far_off_and_signed_years_are_refused_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let cases: [&[&str]; 5] = [
        &["plan", "--due", "+262142-12-31"],
        &["plan", "--born", "262142-12-31"],
        &["plan", "--due", "9999-12-31"],
        &["today", "--date", "+262142-12-31"],
        &["feed", "preview", "--due", "+262142-12-31"],
    ];
    for args in cases {
        let out = tsunagu(&db, "en", args);
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains("date"), "{args:?}: {err}");
    }
}

#[test]
fn calendar_writes_the_childs_coming_visits_and_says_which_child_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let added = tsunagu(&db, "en", &["child", "add", "--born", "2026-11-01"]);
    assert!(added.status.success(), "{added:?}");
    let out = tsunagu(&db, "en", &["calendar", "--child", "1"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.contains("UID:child-1-dose-hepatitis-b-1@tsunagu"));
    // Born 1 November: 2 months are reached on 31 December.
    assert!(text.contains("DTSTART;VALUE=DATE:20261231"));
    let again = stdout(&tsunagu(&db, "ja", &["calendar", "--child", "1"]));
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&text), uids(&again));
    let unknown = tsunagu(&db, "en", &["calendar", "--child", "9"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn a_dose_recorded_from_the_command_line_moves_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let added = tsunagu(&db, "en", &["child", "add", "--born", "2026-09-20"]);
    assert!(added.status.success(), "{added:?}");
    let recorded = tsunagu(
        &db,
        "en",
        &[
            "child",
            "dose",
            "1",
            "hepatitis-b",
            "1",
            "--date",
            "2026-11-20",
        ],
    );
    assert!(recorded.status.success(), "{recorded:?}");
    let text = stdout(&tsunagu(&db, "en", &["calendar", "--child", "1"]));
    assert!(
        !text.contains("UID:child-1-dose-hepatitis-b-1@tsunagu"),
        "given: not coming"
    );
    // 27 whole days after 20 November: from 18 December.
    let second = text
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("UID:child-1-dose-hepatitis-b-2@tsunagu"))
        .unwrap();
    assert!(second.contains("DTSTART;VALUE=DATE:20261218"), "{second}");
    let twice = tsunagu(
        &db,
        "en",
        &[
            "child",
            "dose",
            "1",
            "hepatitis-b",
            "1",
            "--date",
            "2026-11-21",
        ],
    );
    assert_eq!(twice.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("twice"));
    let removed = tsunagu(
        &db,
        "en",
        &["child", "dose", "1", "hepatitis-b", "1", "--remove"],
    );
    assert!(removed.status.success(), "{removed:?}");
}
