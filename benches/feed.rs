//! The town feed's speed goals (criterion; `cargo bench --bench feed`):
//! verify + parse + apply a 5,000-item feed ≤ 100 ms (into a database file, replacing a 5,000-item
//! version); the unchanged path is one conditional request answered 304 with an empty body.

use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::Instant;

use chrono::DateTime;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use tsunagu::feed::{self, FetchConfig, Fetched, JSON_FEED_VERSION, Validators, kit};
use tsunagu::store::{Applied, Store};

/// A feed of 5,000 items: overlays over every kind of day, and event notices, in two languages.
fn big_feed(version: u64) -> Vec<u8> {
    let items: Vec<Value> = (0..5_000)
        .map(|i| {
            let lang = if i % 2 == 0 { "ja" } else { "en" };
            let body = format!(
                "町からのお知らせ {i} です。**健診**や相談の案内を、ご家族の時期に合わせてお届けします。\n\n- 持ち物: 母子健康手帳\n- 問い合わせ: [こども家庭センター](tel:0000-00-{i:04})"
            );
            let ext = if i % 10 == 9 {
                json!({ "kind": "event", "lang": lang, "key": format!("e{}", i / 2), "starts": "2027-03-01T10:00",
                        "place": "保健センター", "url": "https://example.jp/e", "stages": [{ "months": [0, 12] }] })
            } else {
                let at = match i % 4 {
                    0 => json!({ "pregnancy": feed::format_gestation(28 + (i % 260) as u16) }),
                    1 => json!({ "days": i % 1000 }),
                    2 => json!({ "months": 1 + i % 36 }),
                    _ => json!({ "birthday": 1 + i % 3 }),
                };
                json!({ "kind": "overlay", "lang": lang, "key": format!("o{}", i / 2), "at": at })
            };
            json!({ "id": format!("item-{i}"), "title": format!("お知らせ {i} v{version}"), "content_text": body, "_tsunagu": ext })
        })
        .collect();
    let doc = json!({
        "version": JSON_FEED_VERSION, "title": "ベンチ町",
        "_tsunagu": { "schema": 1, "town": "demo", "version": version,
                      "generated_at": "2026-11-01T09:00:00+09:00", "expires_at": "2027-12-31T00:00:00+09:00" },
        "items": items
    });
    serde_json::to_vec(&doc).unwrap()
}

/// A server that answers every conditional request 304 with no body.
fn not_modified_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
                line.clear();
            }
            let _ = stream.write_all(
                b"HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n",
            );
        }
    });
    format!("http://127.0.0.1:{port}/feed.json")
}

fn benches(c: &mut Criterion) {
    let keys = kit::keygen(None).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-25T09:00:00+09:00").unwrap();
    let (old, new) = (big_feed(1), big_feed(2));
    let (old_sig, new_sig) = (
        kit::sign(&old, &keys.secret_key, None).unwrap(),
        kit::sign(&new, &keys.secret_key, None).unwrap(),
    );
    println!("feed of 5,000 items: {} KiB", new.len() / 1024);
    let dir = tempfile::tempdir().unwrap();
    let round = std::cell::Cell::new(0);
    // A database file holding version 1; the measured step replaces it with version 2.
    let setup = || {
        round.set(round.get() + 1);
        let mut store = Store::open(dir.path().join(format!("bench-{}.db", round.get()))).unwrap();
        let v1 = feed::verify(&old, old_sig.as_bytes(), &keys.public_key_base64).unwrap();
        store.apply_feed(&v1, &Validators::default(), now).unwrap();
        store
    };
    let step = |store: &mut Store| {
        let verified = feed::verify(&new, new_sig.as_bytes(), &keys.public_key_base64).unwrap();
        let applied = store
            .apply_feed(&verified, &Validators::default(), now)
            .unwrap();
        assert!(matches!(applied, Applied::Updated { version: 2, .. }));
    };
    let mut group = c.benchmark_group("feed");
    group.sample_size(10);
    group.bench_function("verify + parse + apply 5,000 items", |b| {
        b.iter_batched(
            &setup,
            |mut store| step(black_box(&mut store)),
            BatchSize::PerIteration,
        )
    });
    group.finish();
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let mut store = setup();
            let start = Instant::now();
            step(&mut store);
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "verify + parse + apply 5,000 items: median {:.1} ms (min {:.1} ms, max {:.1} ms; goal ≤ 100 ms)",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );

    let url = not_modified_server();
    let held = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: None,
    };
    let config = FetchConfig::default();
    c.bench_function("feed: unchanged path (one conditional request, 304)", |b| {
        b.iter(|| {
            assert_eq!(
                feed::fetch(&url, &held, &config).unwrap(),
                Fetched::NotModified
            )
        })
    });
}

criterion_group!(feed_benches, benches);
criterion_main!(feed_benches);
