//! The town's information through IPC: the bundled feed at first start, a new event fetched
//! from a real HTTP server on 127.0.0.1 by pulling to refresh, checked links, and the town this
//! binary was built for.

use serde_json::{Value, json};

use crate::common::harness;

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
