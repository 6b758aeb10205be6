//! The IPC commands through Tauri's mock runtime: what the UI sends, what it gets back, and the
//! one error shape it relies on.

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use serde_json::{Value, json};
use tsunagu_app_lib::{ShellEvent, instant_in};

mod common;
use common::{harness, harness_in};

#[path = "commands/config.rs"]
mod config;
#[path = "commands/schedule.rs"]
mod schedule;
#[path = "commands/share.rs"]
mod share;
#[path = "commands/town.rs"]
mod town;

/// The English edition: a reader who chose English gets the English message of the day, not the
/// Japanese one, and switching back brings the Japanese again.
#[test]
fn the_app_in_english_shows_english_messages() {
    let h = harness();
    h.invoke("set_setting", json!({ "key": "locale", "value": "en" }))
        .unwrap();
    let born = chrono::Local::now().date_naive() - chrono::Days::new(7);
    h.invoke(
        "add_child",
        json!({ "nickname": "Sora", "birthDate": born.to_string() }),
    )
    .unwrap();
    let today = h.invoke("today", json!({})).unwrap();
    let message = &today["children"][0]["message"];
    let title = message["title"].as_str().expect("a message today");
    let is_japanese = |s: &str| s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
    assert!(!is_japanese(title), "an English title: {title}");
    assert!(title.chars().any(|c| c.is_ascii_alphabetic()), "{title}");
    let archive = h.invoke("archive", json!({})).unwrap();
    let latest = &archive.as_array().unwrap()[0];
    assert_eq!(latest["slot"], "b-0007", "{latest}");
    // Back to Japanese: the same day reads in Japanese again.
    h.invoke("set_setting", json!({ "key": "locale", "value": "ja" }))
        .unwrap();
    let today = h.invoke("today", json!({})).unwrap();
    let title = today["children"][0]["message"]["title"].as_str().unwrap();
    assert!(is_japanese(title), "{title}");
}

#[test]
fn register_then_today_then_archive() {
    let h = harness();
    let info = h.invoke("app_info", json!({})).unwrap();
    assert_eq!(info["town"]["id"], "demo");
    assert_eq!(info["town"]["sample"], true);
    assert_eq!(info["lang"], "ja");
    assert_eq!(h.invoke("list_children", json!({})).unwrap(), json!([]));

    let today = chrono::Local::now().date_naive();
    let due = today + chrono::Days::new(150);
    let child = h
        .invoke(
            "add_child",
            json!({ "nickname": "ひなた", "dueDate": due.to_string() }),
        )
        .unwrap();
    assert_eq!(child["status"], "expecting");
    assert_eq!(child["nickname"], "ひなた");
    assert!(child["stage"].as_str().unwrap().starts_with("妊娠"));

    let view = h.invoke("today", json!({})).unwrap();
    assert_eq!(view["date"], today.to_string());
    let first = &view["children"][0];
    assert_eq!(first["child"]["id"], child["id"]);
    assert!(
        first["message"]["title"].is_string() && first["missing"].is_null(),
        "the whole catalogue is written: today has a real message, never the placeholder: {first}"
    );

    let archive = h.invoke("archive", json!({})).unwrap();
    let entries = archive.as_array().unwrap();
    assert!(!entries.is_empty());
    assert_eq!(entries[0]["dueOn"], today.to_string());
    assert!(
        entries.iter().filter(|e| e["earlier"] == true).count() > 100,
        "earlier slots are readable"
    );

    let id = entries[0]["deliveryId"].clone();
    h.invoke(
        "set_bookmark",
        json!({ "deliveryId": id, "bookmarked": true }),
    )
    .unwrap();
    let marked = h
        .invoke("archive", json!({ "bookmarkedOnly": true }))
        .unwrap();
    assert_eq!(marked.as_array().unwrap().len(), 1);
}

/// What the page receives with itself at start is exactly what its four first questions would
/// have answered, and a hostile nickname stays inside the data: the script is one assignment
/// of plain JSON.
#[test]
fn the_first_screen_data_comes_with_the_page_as_the_commands_would_answer() {
    let h = harness();
    h.set_now(
        NaiveDate::from_ymd_opt(2027, 1, 13)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap(),
    );
    let nickname = "</script>\"; alert(1); //";
    h.invoke(
        "add_child",
        json!({ "nickname": nickname, "dueDate": "2027-04-20" }),
    )
    .unwrap();

    let script = h.start_script().expect("the core is open");
    let json = script
        .strip_prefix("window.__TSUNAGU_START__ = ")
        .and_then(|s| s.strip_suffix(';'))
        .expect("one assignment");
    let start: Value = serde_json::from_str(json).expect("plain JSON, nothing after it");
    assert_eq!(start["info"], h.invoke("app_info", json!({})).unwrap());
    assert_eq!(
        start["settings"],
        h.invoke("get_settings", json!({})).unwrap()
    );
    assert_eq!(
        start["children"],
        h.invoke("list_children", json!({})).unwrap()
    );
    assert_eq!(start["today"], h.invoke("today", json!({})).unwrap());
    assert_eq!(start["children"][0]["nickname"], nickname);
    assert_eq!(start["today"]["date"], "2027-01-13");
    assert!(start["today"]["children"][0]["message"]["title"].is_string());
    assert!(start["madeAt"].as_i64().unwrap() > 0);
    assert_eq!(start["eventSeq"], 0);
}

/// The shell's events reach the page as late answers to `shell_events`: one raised while the
/// page was loading is not lost (the page counts from the number that came with it), and a
/// question about what comes next is answered when it comes.
#[test]
fn the_shell_events_reach_a_waiting_page_and_none_is_lost_while_it_loads() {
    let h = harness();
    let seen = h.start_script().expect("the core is open");
    assert!(seen.contains("\"eventSeq\":0"), "{seen}");
    let events = h.events();
    events.send(ShellEvent::DataChanged);
    assert_eq!(
        h.invoke("shell_events", json!({ "after": 0 })).unwrap(),
        json!({ "seq": 1, "events": [{ "kind": "data-changed" }] })
    );

    let raised = events.clone();
    let tap = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(100));
        raised.send(ShellEvent::OpenDay {
            date: "2027-01-13".into(),
            child_id: None,
        });
    });
    assert_eq!(
        h.invoke("shell_events", json!({ "after": 1 })).unwrap(),
        json!({ "seq": 2, "events": [{ "kind": "open-day", "date": "2027-01-13" }] })
    );
    tap.join().unwrap();
    // A page that starts counting now learns the newest number at once.
    assert_eq!(
        h.invoke("shell_events", json!({})).unwrap(),
        json!({ "seq": 2, "events": [] })
    );
}

#[test]
fn errors_reach_the_ui_as_code_and_localised_message() {
    let h = harness();
    let err = h
        .invoke("add_child", json!({ "dueDate": "2099-01-01" }))
        .unwrap_err();
    assert_eq!(err["code"], "due-date-too-far");
    assert!(err["message"].as_str().unwrap().contains("2099-01-01"));
    let err = h
        .invoke("add_child", json!({ "dueDate": "2027-02-30" }))
        .unwrap_err();
    assert_eq!(err["code"], "invalid-date");
    // Reader text over its limit gets a clear error, never a database failure (audit finding 8).
    let err = h
        .invoke(
            "add_child",
            json!({ "nickname": "あ".repeat(41), "dueDate": "2027-05-01" }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "text-too-long");
    assert!(err["message"].as_str().unwrap().contains("40"), "{err}");
    let many_words = vec!["あ"; 5_000].join(" ");
    for query in [many_words, "あ".repeat(201)] {
        let err = h.invoke("search", json!({ "query": query })).unwrap_err();
        assert_eq!(err["code"], "text-too-long", "{err}");
    }
    // A signed, far-off year is refused where it enters (audit finding 3).
    let err = h
        .invoke("add_child", json!({ "dueDate": "+262142-12-31" }))
        .unwrap_err();
    assert_eq!(err["code"], "invalid-date");
    let err = h
        .invoke(
            "record_birth",
            json!({ "id": 42, "birthDate": "2026-01-01" }),
        )
        .unwrap_err();
    assert_eq!(err["code"], "unknown-child");
    h.invoke("set_setting", json!({ "key": "locale", "value": "en" }))
        .unwrap();
    let err = h.invoke("add_child", json!({})).unwrap_err();
    assert_eq!(
        err,
        json!({ "code": "no-dates", "message": "Enter a due date or a birth date." })
    );
    assert_eq!(h.invoke("list_children", json!({})).unwrap(), json!([]));
}

#[test]
fn the_loss_path_stops_everything_at_once() {
    let h = harness();
    let due = chrono::Local::now().date_naive() + chrono::Days::new(200);
    let child = h
        .invoke("add_child", json!({ "dueDate": due.to_string() }))
        .unwrap();
    let ended = h
        .invoke(
            "end_child",
            json!({ "id": child["id"], "reason": "pregnancy-loss" }),
        )
        .unwrap();
    assert_eq!(ended["status"], "ended");
    assert_eq!(ended["endedReason"], "pregnancy-loss");
    assert!(ended.get("stage").is_none());
    let today = h.invoke("today", json!({})).unwrap();
    let first = &today["children"][0];
    assert!(
        first.get("message").is_none()
            && first.get("milestone").is_none()
            && first["askIfBorn"] == false
    );
    let info = h.invoke("app_info", json!({})).unwrap();
    assert!(
        info["town"]["contacts"].as_array().unwrap().len() >= 2,
        "support contacts are there to show"
    );
}

#[test]
fn settings_and_export_import_round_trip() {
    let h = harness();
    let settings = h.invoke("get_settings", json!({})).unwrap();
    assert_eq!(settings["deliveryTime"], "08:00");
    let changed = h
        .invoke(
            "set_setting",
            json!({ "key": "text-size", "value": "larger" }),
        )
        .unwrap();
    assert_eq!(changed["textSize"], "larger");
    assert_eq!(
        h.invoke(
            "set_setting",
            json!({ "key": "delivery-time", "value": "8am" })
        )
        .unwrap_err()["code"],
        "invalid-setting"
    );
    let born = chrono::Local::now().date_naive() - chrono::Days::new(30);
    h.invoke(
        "add_child",
        json!({ "nickname": "はる", "birthDate": born.to_string() }),
    )
    .unwrap();
    h.invoke("today", json!({})).unwrap();
    let data = h.invoke("export_data", json!({})).unwrap();

    let other = harness();
    assert_eq!(
        other
            .invoke(
                "import_data",
                json!({ "data": "{\"format\":\"something else\"}" })
            )
            .unwrap_err()["code"],
        "invalid-import"
    );
    other
        .invoke("import_data", json!({ "data": data }))
        .unwrap();
    let children = other.invoke("list_children", json!({})).unwrap();
    assert_eq!(children[0]["nickname"], "はる");
    assert_eq!(
        other.invoke("get_settings", json!({})).unwrap()["textSize"],
        "larger"
    );
    assert_eq!(
        other.invoke("archive", json!({})).unwrap(),
        h.invoke("archive", json!({})).unwrap()
    );
}

#[test]
fn a_time_zone_change_moves_the_instant_not_the_day() {
    let date = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
    let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    let tokyo = instant_in(&FixedOffset::east_opt(9 * 3600).unwrap(), date, eight).unwrap();
    let london = instant_in(&FixedOffset::east_opt(0).unwrap(), date, eight).unwrap();
    assert_eq!(tokyo.hour(), 8);
    assert_eq!((london - tokyo).whole_hours(), 9);
    assert_eq!(tokyo.to_offset(time::UtcOffset::UTC).day(), 9);
}

/// Audit finding 11: the daylight-saving branches, run in a zone that has them (Japan has none,
/// but a family may travel or live abroad for a while).
#[test]
fn a_delivery_time_in_a_daylight_saving_gap_moves_an_hour_later() {
    let ny = chrono_tz::America::New_York;
    let half_past_two = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
    // 2027-03-14: clocks go from 02:00 to 03:00; 02:30 does not exist that day.
    let spring = NaiveDate::from_ymd_opt(2027, 3, 14).unwrap();
    let moved = instant_in(&ny, spring, half_past_two).unwrap();
    assert_eq!((moved.hour(), moved.minute()), (3, 30));
    assert_eq!(moved.offset().whole_hours(), -4);
    // 2027-11-07: 01:30 happens twice; the first (daylight) one is taken, never both.
    let autumn = NaiveDate::from_ymd_opt(2027, 11, 7).unwrap();
    let once = instant_in(&ny, autumn, NaiveTime::from_hms_opt(1, 30, 0).unwrap()).unwrap();
    assert_eq!((once.hour(), once.offset().whole_hours()), (1, -4));
    // An ordinary day is untouched.
    let plain = instant_in(&ny, autumn, NaiveTime::from_hms_opt(8, 0, 0).unwrap()).unwrap();
    assert_eq!((plain.hour(), plain.offset().whole_hours()), (8, -5));
}

#[test]
fn an_unreadable_database_is_reported_in_the_window_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tsunagu.db");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    std::fs::write(&path, &garbage).unwrap();
    // The window still opens: every command says why the data cannot be used.
    let h = harness_in(dir);
    for cmd in ["app_info", "list_children", "today"] {
        assert_eq!(
            h.invoke(cmd, json!({})).unwrap_err()["code"],
            "database-corrupt",
            "{cmd}"
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), garbage);

    // The way forward the window offers: keep the old file aside, whole, and start afresh.
    let kept = h.invoke("set_aside_data", json!({})).unwrap();
    let kept = std::path::PathBuf::from(kept.as_str().unwrap());
    assert!(kept.starts_with(h.dir()), "{kept:?}");
    assert!(kept.to_string_lossy().contains(".unreadable-"));
    assert_eq!(std::fs::read(&kept).unwrap(), garbage);
    assert!(!path.exists());
    // After the restart the app opens with empty data; the kept file is left alone, and a
    // readable database is never set aside.
    let h = harness_in(h.into_dir());
    assert_eq!(h.invoke("list_children", json!({})).unwrap(), json!([]));
    assert_eq!(
        h.invoke("set_aside_data", json!({})).unwrap_err()["code"],
        "data-readable"
    );
    assert!(path.exists());
    assert_eq!(std::fs::read(&kept).unwrap(), garbage);
}
