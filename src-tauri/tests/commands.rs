//! The IPC commands through Tauri's mock runtime: what the UI sends, what it gets back, and the
//! one error shape it relies on.

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use serde_json::{Value, json};
use tsunagu_app_lib::instant_in;

mod common;
use common::{harness, harness_in};

#[path = "commands/schedule.rs"]
mod schedule;
#[path = "commands/share.rs"]
mod share;

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
fn the_town_information_is_there_without_network_and_links_are_checked() {
    let h = harness();
    let status = h.invoke("town_status", json!({})).unwrap();
    assert!(
        status["version"].as_u64().unwrap() >= 1,
        "the bundled feed is applied at start: {status}"
    );
    assert!(status["updatedLabel"].as_str().unwrap().contains('年'));
    // A baby born 14 days ago gets the town's newborn home visit on Today.
    let born = chrono::Local::now().date_naive() - chrono::Days::new(14);
    h.invoke("add_child", json!({ "birthDate": born.to_string() }))
        .unwrap();
    let today = h.invoke("today", json!({})).unwrap();
    let notices = today["children"][0]["notices"].as_array().unwrap();
    assert!(
        notices
            .iter()
            .any(|n| n["title"].as_str().unwrap().contains("赤ちゃん訪問")),
        "{notices:?}"
    );
    assert!(h.invoke("town_events", json!({})).unwrap().is_array());
    let refused = h
        .invoke("open_link", json!({ "url": "javascript:alert(1)" }))
        .unwrap_err();
    assert_eq!(refused["code"], "link-not-allowed");
}

/// Serves `files` (path, body) over HTTP on 127.0.0.1:`port` for `requests` requests.
fn serve(
    port: u16,
    files: Vec<(&'static str, Vec<u8>)>,
    requests: usize,
) -> std::thread::JoinHandle<()> {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .expect("the demo town's feed port is free");
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let mut stream = stream.unwrap();
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut line).unwrap();
            while let Ok(n) = reader.read_line(&mut String::new()) {
                if n <= 2 {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let reply = match files.iter().find(|(p, _)| *p == path) {
                Some((_, body)) => {
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend_from_slice(body);
                    r
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&reply);
        }
    })
}

#[test]
fn pulling_to_refresh_brings_a_new_event_from_the_town_server() {
    let h = harness();
    let due = chrono::Local::now().date_naive() + chrono::Days::new(150);
    h.invoke("add_child", json!({ "dueDate": due.to_string() }))
        .unwrap();
    // The town publishes its next version with a new event for every family, signed with its key.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut feed: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("content/towns/demo/feed.json")).unwrap(),
    )
    .unwrap();
    let today = chrono::Local::now().date_naive();
    let next = feed["_tsunagu"]["version"].as_u64().unwrap() + 1;
    feed["_tsunagu"]["version"] = json!(next);
    // Signed now and valid for 60 days from now, as a town re-signs: no fixed year to outlive.
    let signed = chrono::Local::now().fixed_offset();
    feed["_tsunagu"]["generated_at"] =
        json!(signed.to_rfc3339_opts(chrono::SecondsFormat::Secs, false));
    feed["_tsunagu"]["expires_at"] = json!(
        (signed + chrono::Duration::days(60)).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    );
    feed["items"].as_array_mut().unwrap().push(json!({
        "id": "story-time-ja",
        "title": "絵本の読み聞かせ会(テスト)",
        "content_text": "図書館で、赤ちゃんと家族のための読み聞かせ会を開きます。",
        "_tsunagu": { "kind": "event", "lang": "ja", "starts": format!("{}T10:30", today + chrono::Days::new(10)) }
    }));
    let bytes = serde_json::to_vec_pretty(&feed).unwrap();
    let key = std::fs::read_to_string(root.join("docs/demo-town/demo-sample-feed.key")).unwrap();
    let signature = tsunagu::feed::kit::sign(&bytes, &key, None).unwrap();
    let server = serve(
        8750,
        vec![
            ("/feed.json", bytes),
            ("/feed.json.minisig", signature.into_bytes()),
        ],
        2,
    );

    let before = h.invoke("town_events", json!({})).unwrap();
    assert!(!before.to_string().contains("読み聞かせ"));
    let status = h.invoke("sync_town", json!({})).unwrap();
    server.join().unwrap();
    assert_eq!(status["version"], next, "{status}");
    assert!(status.get("error").is_none());
    let events = h.invoke("town_events", json!({})).unwrap();
    let story = events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "絵本の読み聞かせ会(テスト)")
        .expect("the new event");
    assert!(story["when"].as_str().unwrap().contains("10:30"));
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

#[test]
fn the_web_view_can_reach_the_app_commands_and_nothing_else() {
    let h = harness();
    assert!(h.invoke("get_settings", json!({})).is_ok());
    // The plugins the app installs, and Tauri's core plugins, are there but refused to the page
    // by the capabilities: links and notifications go through the app's own checked commands.
    for cmd in [
        "plugin:opener|open_url",
        "plugin:opener|open_path",
        "plugin:notification|notify",
        "plugin:notification|request_permission",
        "plugin:window|close",
        "plugin:window|set_title",
        "plugin:webview|create_webview_window",
        "plugin:app|app_hide",
        "plugin:path|resolve_directory",
        "plugin:event|emit",
    ] {
        let refused = h
            .invoke(
                cmd,
                json!({ "url": "https://example.jp", "path": "/etc/passwd" }),
            )
            .expect_err(cmd);
        let said = refused.to_string();
        assert!(
            said.contains("not allowed"),
            "{cmd} must be refused by the capabilities, not merely missing: {said}"
        );
    }
    // The app's own `allow-` entries are exactly its commands (build.rs), each in one capability.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = std::fs::read_to_string(root.join("build.rs")).unwrap();
    let list = build
        .split("const COMMANDS: &[&str] = &[")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("build.rs lists the commands");
    let mut commands: Vec<String> = list
        .split('"')
        .skip(1)
        .step_by(2)
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    commands.sort();
    let mut allowed = Vec::new();
    for name in ["base", "desktop", "mobile"] {
        let file = root.join(format!("capabilities/{name}.json"));
        let capability: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for permission in capability["permissions"].as_array().unwrap() {
            let permission = permission.as_str().unwrap();
            if permission.starts_with("allow-") {
                allowed.push(permission.to_owned());
            } else if name == "mobile" {
                // Phones may also scan a share code with the camera: nothing else.
                assert!(
                    permission.starts_with("barcode-scanner:allow-"),
                    "{permission}"
                );
                assert_eq!(capability["platforms"], json!(["android", "iOS"]));
            } else {
                assert!(permission.starts_with("core:event:allow-"), "{permission}");
            }
        }
    }
    allowed.sort();
    assert_eq!(allowed, commands);
    for cmd in [
        "share_child",
        "add_shared_child",
        "dismiss_survey",
        "answer_survey",
    ] {
        let error = h.invoke(cmd, json!({})).expect_err(cmd).to_string();
        assert!(!error.contains("not allowed"), "{cmd}: {error}");
    }
    // The camera plugin is a phone-only dependency: the desktop build never pulls it.
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let (common, phones) = manifest
        .split_once(
            "[target.'cfg(any(target_os = \"android\", target_os = \"ios\"))'.dependencies]",
        )
        .expect("a phone-only section");
    assert!(!common.contains("barcode"));
    assert!(phones.contains("tauri-plugin-barcode-scanner = \"2.5\""));
    // File system, shell and HTTP plugins are not in the app at all (so nothing to refuse).
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    for absent in ["tauri-plugin-fs", "tauri-plugin-shell", "tauri-plugin-http"] {
        assert!(
            !manifest.contains(absent),
            "{absent} must not be a dependency"
        );
    }
}

/// Audit finding 10: the dev server the shell loads is the one Vite starts.
#[test]
fn the_dev_url_is_the_port_vite_serves() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let conf: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("src-tauri/tauri.conf.json")).unwrap(),
    )
    .unwrap();
    let dev_url = conf["build"]["devUrl"].as_str().unwrap();
    let vite = std::fs::read_to_string(root.join("ui/vite.config.ts")).unwrap();
    let port = vite
        .lines()
        .find_map(|l| l.trim().strip_prefix("port:"))
        .map(|p| p.trim().trim_end_matches(',').to_owned())
        .expect("vite.config.ts names its port");
    assert!(
        dev_url.ends_with(&format!(":{port}")),
        "{dev_url} vs vite port {port}"
    );
}

/// The town this binary was built for (`TSUNAGU_TOWN`, the demo by default) reaches the UI as its
/// town.toml has it, in the reader's language: `scripts/test-towns` builds the other sample town.
#[test]
fn app_info_shows_the_built_towns_names_and_contacts() {
    let town = tsunagu::town::Town::embedded().unwrap();
    let h = harness();
    for lang in ["ja", "en"] {
        h.invoke("set_setting", json!({ "key": "locale", "value": lang }))
            .unwrap();
        let info = h.invoke("app_info", json!({})).unwrap();
        let shown = &info["town"];
        assert_eq!(info["lang"], lang);
        assert_eq!(shown["id"], town.id);
        assert_eq!(shown["name"], town.name.get(lang));
        assert_eq!(shown["appName"], town.app.name.get(lang));
        assert_eq!(shown["primaryColor"], town.primary_color);
        assert_eq!(shown["programme"], town.programme().name());
        let contacts = shown["contacts"].as_array().unwrap();
        assert_eq!(contacts.len(), town.contacts.len());
        for (shown, contact) in contacts.iter().zip(&town.contacts) {
            assert_eq!(shown["name"], contact.name.get(lang));
            assert_eq!(shown["phone"].as_str(), contact.phone.as_deref());
        }
    }
    if town.id == "demo" {
        let info = h.invoke("app_info", json!({})).unwrap();
        assert_eq!(info["town"]["appName"], "tsunagu");
        assert_eq!(info["town"]["contacts"][1]["phone"], "#8000");
    }
}
