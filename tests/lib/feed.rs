//! The town feed end to end, a module per idea: syncing against a real HTTP server on 127.0.0.1
//! (`sync`, with the hostile `server`), the store's one-transaction apply and a crash in the middle
//! of it (`apply`), matching on the cadence's dates (`matching`), the archive (`archive`) and the
//! authoring kit through the real command (`kit_command`). Here: the sample feeds they share.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::Connection;
use serde_json::{Value, json};
use tsunagu::cadence::{Birth, Child, Programme};
use tsunagu::feed::{
    self, At, FetchConfig, Fetched, JSON_FEED_VERSION, ProblemKind, SyncOutcome, Validators, kit,
};
use tsunagu::i18n::I18n;
use tsunagu::store::{Applied, Store};
use tsunagu::town::Town;

use crate::d;

mod apply;
mod archive;
mod kit_command;
mod matching;
mod server;
mod survey;
mod sync;
use server::{Reply, Server, etag};

const AGE3: Programme = Programme::ToThirdBirthday;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-25T09:00:00+09:00").unwrap()
}

// ---------------------------------------------------------------------------------------------
// Feed documents

fn overlay(id: &str, lang: &str, key: &str, at: Value, title: &str) -> Value {
    json!({
        "id": id,
        "title": title,
        "content_text": format!("{title}の本文です。**大切**なことは[こちら](https://example.jp/{key})。"),
        "_tsunagu": { "kind": "overlay", "lang": lang, "key": key, "at": at }
    })
}

fn event(id: &str, lang: &str, key: &str, starts: &str, stages: Value, publish: &str) -> Value {
    json!({
        "id": id,
        "title": format!("行事 {key} {lang}"),
        "content_text": "申し込みは電話で。",
        "_tsunagu": {
            "kind": "event", "lang": lang, "key": key, "starts": starts, "place": "保健センター",
            "url": "https://example.jp/event", "stages": stages, "publish": publish
        }
    })
}

fn document(town: &str, version: u64, expires_at: &str, items: Vec<Value>) -> Value {
    json!({
        "version": JSON_FEED_VERSION,
        "title": "テスト町からのお知らせ",
        "_tsunagu": {
            "schema": 1, "town": town, "version": version,
            "generated_at": "2026-11-01T09:00:00+09:00", "expires_at": expires_at
        },
        "items": items
    })
}

/// A town's ordinary feed; every title carries the version, to see which version is held.
fn sample(version: u64) -> Vec<u8> {
    let v = format!(" v{version}");
    let items = vec![
        overlay(
            "desk-ja",
            "ja",
            "desk",
            json!({"pregnancy": "8w0d"}),
            &format!("妊娠の届出{v}"),
        ),
        overlay(
            "desk-en",
            "en",
            "desk",
            json!({"pregnancy": "8w0d"}),
            &format!("Registering{v}"),
        ),
        overlay(
            "visit-ja",
            "ja",
            "visit",
            json!({"days": 14}),
            &format!("赤ちゃん訪問{v}"),
        ),
        overlay(
            "m4-ja",
            "ja",
            "m4",
            json!({"months": 4}),
            &format!("4か月児健診{v}"),
        ),
        overlay(
            "m4-en",
            "en",
            "m4",
            json!({"months": 4}),
            &format!("4-month check-up{v}"),
        ),
        overlay(
            "m18-ja",
            "ja",
            "m18",
            json!({"months": 18}),
            &format!("1歳6か月児健診{v}"),
        ),
        overlay(
            "card-ja",
            "ja",
            "card",
            json!({"birthday": 1}),
            &format!("バースデーカード{v}"),
        ),
        event(
            "class-ja",
            "ja",
            "class",
            "2027-01-23T10:00",
            json!([{"pregnancy": ["16w0d", "35w6d"]}]),
            "2026-11-20",
        ),
        event(
            "class-en",
            "en",
            "class",
            "2027-01-23T10:00",
            json!([{"pregnancy": ["16w0d", "35w6d"]}]),
            "2026-11-20",
        ),
        event(
            "open-ja",
            "ja",
            "open",
            "2027-02-13",
            json!([{"months": [0, 36]}]),
            "2027-01-10",
        ),
    ];
    serde_json::to_vec_pretty(&document(
        "demo",
        version,
        "2027-12-31T23:59:59+09:00",
        items,
    ))
    .unwrap()
}

fn sign(bytes: &[u8], keys: &kit::Keys) -> Vec<u8> {
    kit::sign(bytes, &keys.secret_key, None)
        .unwrap()
        .into_bytes()
}

fn town(url: &str, keys: &kit::Keys) -> Town {
    let mut town =
        Town::parse(tsunagu::catalogue::content_file("towns/demo/town.toml").unwrap()).unwrap();
    town.feed_url = url.to_owned();
    town.public_key = keys.public_key_base64.clone();
    town
}

fn quick() -> FetchConfig {
    FetchConfig {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(400),
        total_timeout: Duration::from_secs(3),
        max_bytes: feed::MAX_FEED_BYTES,
    }
}

fn titles(store: &Store, child: &Child, date: NaiveDate) -> Vec<String> {
    store
        .town_overlays_on("demo", child, AGE3, date, "ja")
        .unwrap()
        .into_iter()
        .map(|o| o.title)
        .collect()
}

/// A family due 2027-06-01, registered at 8w0d; 8w0d is 2026-10-20.
fn expecting() -> Child {
    Child::expecting(d("2027-06-01"), d("2026-10-20"))
}

/// The sample feed of `version`, signed and verified.
fn verified(version: u64, keys: &kit::Keys) -> feed::VerifiedFeed {
    let bytes = sample(version);
    feed::verify(&bytes, &sign(&bytes, keys), &keys.public_key_base64).unwrap()
}

/// An in-memory store holding the sample feed of `version`, signed with a fresh key.
fn store_with_sample(version: u64) -> Store {
    let keys = kit::keygen(None).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store
        .apply_feed(&verified(version, &keys), &Validators::default(), now())
        .unwrap();
    store
}
