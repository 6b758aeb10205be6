//! What the store does with a feed: bodies shown inert, the signature checked on the exact bytes,
//! rollback and expiry refused, the bundled baseline, and a crash in the middle of applying.

use super::*;

#[test]
fn html_and_script_in_bodies_are_applied_inert() {
    let keys = kit::keygen(None).unwrap();
    let hostile = [
        "<script>alert(1)</script>こんにちは",
        "<img src=https://tracker.example/x.png onerror=alert(1)>",
        "[押して](javascript:alert(1)) [data](data:text/html,hi) [rel](/relative)",
        "<iframe src=https://evil.example></iframe>",
        "![遠くの画像](https://tracker.example/pixel.png)",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<div style=\"position:fixed\">覆う</div>",
        "# 見出し\n\n*強調* `code`",
    ];
    let items: Vec<Value> = hostile
        .iter()
        .enumerate()
        .map(|(i, body)| {
            json!({
                "id": format!("h{i}"), "title": format!("<b>t{i}</b>"), "content_text": body,
                "_tsunagu": { "kind": "overlay", "lang": "ja", "at": { "days": 14 } }
            })
        })
        .collect();
    let bytes =
        serde_json::to_vec(&document("demo", 1, "2027-12-31T00:00:00+09:00", items)).unwrap();
    // The kit's checks flag every body...
    let parsed = feed::parse(&bytes).unwrap();
    let lints: Vec<&str> = parsed.lints.iter().map(|p| p.kind.code()).collect();
    assert!(
        lints.contains(&"raw-html")
            && lints.contains(&"bad-link")
            && lints.contains(&"disallowed-markup"),
        "{lints:?}"
    );
    assert_eq!(parsed.lints[0].location(), "items[0] (h0) content_text");
    // ...but an app applies the feed and shows every body inert.
    let verified = feed::verify(&bytes, &sign(&bytes, &keys), &keys.public_key_base64).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store
        .apply_feed(&verified, &Validators::default(), now())
        .unwrap();
    let born = Child::born(d("2026-11-01"), d("2026-11-01"));
    let shown = store
        .town_overlays_on("demo", &born, AGE3, d("2026-11-15"), "ja")
        .unwrap();
    assert_eq!(shown.len(), hostile.len());
    for o in &shown {
        let html = feed::body_html(&o.body);
        // Escaped text is harmless; what matters is what is left inside real tags.
        let lower: String = html
            .to_ascii_lowercase()
            .split('<')
            .skip(1)
            .map(|tag| format!("<{}>", tag.split('>').next().unwrap_or("")))
            .collect();
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "data:",
            "<iframe",
            "<img",
            "style=",
            "<div",
            "href=\"/",
            "<h1",
            "<em",
            "<code",
        ] {
            assert!(!lower.contains(bad), "{bad} survived in {html}");
        }
    }
    let html = |body: &str| feed::body_html(body);
    assert_eq!(
        html(hostile[0]),
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;こんにちは</p>\n"
    );
    assert_eq!(
        html(
            "- [電話](tel:0000-00-0000)\n- [メール](mailto:a@example.jp)\n\n1. [町](https://example.jp)"
        ),
        "<ul>\n<li><a href=\"tel:0000-00-0000\" target=\"_blank\" rel=\"noopener noreferrer\">電話</a></li>\n<li><a href=\"mailto:a@example.jp\" target=\"_blank\" rel=\"noopener noreferrer\">メール</a></li>\n</ul>\n<ol>\n<li><a href=\"https://example.jp/\" target=\"_blank\" rel=\"noopener noreferrer\">町</a></li>\n</ol>\n"
    );
    assert_eq!(html("一行目  \n二行目"), "<p>一行目<br>\n二行目</p>\n");
    assert!(!html(hostile[2]).contains("href"), "{}", html(hostile[2]));
    assert_eq!(
        feed::body_text(hostile[0]),
        "<script>alert(1)</script>こんにちは"
    );
    assert_eq!(
        feed::body_text("**予約**は\n\n- 電話\n- [メール](mailto:a@example.jp)"),
        "予約は\n・電話\n・メール"
    );
}

#[test]
fn verify_accepts_only_the_town_key_and_the_exact_bytes() {
    let keys = kit::keygen(None).unwrap();
    let bytes = sample(1);
    let signature = sign(&bytes, &keys);
    let verified = feed::verify(&bytes, &signature, &keys.public_key_base64).unwrap();
    assert_eq!(
        (
            verified.feed().version,
            verified.feed().overlays.len(),
            verified.feed().notices.len()
        ),
        (1, 7, 3)
    );
    // The whole .pub file works as well as its key line.
    assert!(feed::verify(&bytes, &signature, &keys.public_key).is_ok());
    assert_eq!(
        feed::verify(&bytes, &signature, "").unwrap_err().code(),
        "feed-no-key"
    );
    assert_eq!(
        feed::verify(&bytes, b"", &keys.public_key_base64)
            .unwrap_err()
            .code(),
        "feed-unsigned"
    );
    let mut extended = bytes.clone();
    extended.push(b'\n');
    assert_eq!(
        feed::verify(&extended, &signature, &keys.public_key_base64)
            .unwrap_err()
            .code(),
        "feed-signature"
    );
    // An encrypted key signs too, given its password, and never without it.
    let locked = kit::keygen(Some("合言葉".into())).unwrap();
    assert!(kit::is_encrypted(&locked.secret_key).unwrap());
    assert_eq!(
        kit::sign(&bytes, &locked.secret_key, None)
            .unwrap_err()
            .code(),
        "feed-key"
    );
    assert_eq!(
        kit::sign(&bytes, &locked.secret_key, Some("違う".into()))
            .unwrap_err()
            .code(),
        "feed-key"
    );
    let s = kit::sign(&bytes, &locked.secret_key, Some("合言葉".into())).unwrap();
    assert!(feed::verify(&bytes, s.as_bytes(), &locked.public_key_base64).is_ok());
}

#[test]
fn apply_refuses_rollback_and_expiry_and_drops_expired_items() {
    let keys = kit::keygen(None).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let none = Validators::default();
    assert_eq!(
        store.apply_feed(&verified(2, &keys), &none, now()).unwrap(),
        Applied::Updated {
            version: 2,
            overlays: 7,
            notices: 3
        }
    );
    assert_eq!(
        store.apply_feed(&verified(2, &keys), &none, now()).unwrap(),
        Applied::Unchanged { version: 2 }
    );
    let err = store
        .apply_feed(&verified(1, &keys), &none, now())
        .unwrap_err();
    assert_eq!(
        (err.code(), err.to_string().as_str()),
        ("feed-rollback", "feed-rollback held=2 offered=1")
    );
    // Version 3 expires at the end of 2027: applying it in 2028 is refused.
    let in_2028 = DateTime::parse_from_rfc3339("2028-01-02T00:00:00+09:00").unwrap();
    assert_eq!(
        store
            .apply_feed(&verified(3, &keys), &none, in_2028)
            .unwrap_err()
            .code(),
        "feed-expired"
    );
    assert_eq!(store.feed_status("demo").unwrap().unwrap().version, Some(2));
    assert!(
        store
            .feed_status("demo")
            .unwrap()
            .unwrap()
            .is_expired(in_2028)
    );
    // Items past their day are dropped: the class (23 Jan 2027) and the open day (13 Feb) go.
    let today = d("2027-01-24");
    let listed = |store: &Store, day: &str| -> Vec<String> {
        store
            .town_notices("demo", d(day), "ja")
            .unwrap()
            .into_iter()
            .map(|n| n.key)
            .collect()
    };
    assert_eq!(listed(&store, "2027-01-20"), ["class", "open"]);
    let dropped = store.drop_expired_feed_items("demo", today).unwrap();
    assert_eq!(dropped, 2, "both language versions of the class");
    assert_eq!(listed(&store, "2027-01-20"), ["open"]);
    assert_eq!(listed(&store, "2027-02-13"), ["open"]);
    assert_eq!(listed(&store, "2027-02-14"), Vec::<String>::new());
    let late = DateTime::parse_from_rfc3339("2027-03-01T08:00:00+09:00").unwrap();
    assert_eq!(
        store.apply_feed(&verified(4, &keys), &none, late).unwrap(),
        Applied::Updated {
            version: 4,
            overlays: 7,
            notices: 0
        }
    );
}

#[test]
fn the_bundled_baseline_gives_a_fresh_install_the_town_information() {
    let town = Town::embedded().unwrap();
    assert!(
        !town.public_key.is_empty(),
        "the demo town carries its sample key"
    );
    let mut store = Store::open_in_memory().unwrap();
    let applied = store
        .apply_baseline(&town, now())
        .unwrap()
        .expect("the demo town bundles a feed");
    assert!(
        matches!(
            applied,
            Applied::Updated {
                version: 2,
                overlays: 14,
                ..
            }
        ),
        "{applied:?}"
    );
    let status = store.feed_status("demo").unwrap().unwrap();
    assert_eq!((status.version, status.checked_at), (Some(2), None));
    // A pregnancy registered at 6 weeks sees the desk at 8w0d, in either language.
    let child = Child::expecting(d("2027-06-01"), d("2026-10-06"));
    let ja = store
        .town_overlays_on("demo", &child, AGE3, d("2026-10-20"), "ja")
        .unwrap();
    let en = store
        .town_overlays_on("demo", &child, AGE3, d("2026-10-20"), "en")
        .unwrap();
    assert_eq!(ja[0].title, "妊娠の届出と母子健康手帳(サンプル)");
    assert_eq!(en[0].title, "Registering your pregnancy (sample)");
    assert_eq!(
        store
            .town_notices_for("demo", &child, AGE3, d("2026-12-01"), "ja")
            .unwrap()
            .len(),
        1
    );
    // Applying it again changes nothing; a newer network version is never rolled back by it.
    assert_eq!(
        store.apply_baseline(&town, now()).unwrap(),
        Some(Applied::Unchanged { version: 2 })
    );
    // The demo feed has the yearly survey (schema 2), open for every family from 15 January.
    let survey = |date: &str| {
        store
            .open_survey("demo", std::slice::from_ref(&child), AGE3, d(date), "en")
            .unwrap()
            .map(|s| s.title)
    };
    assert_eq!(survey("2027-01-14"), None);
    assert_eq!(
        survey("2027-01-15").as_deref(),
        Some("Survey on raising children in our town (sample)")
    );
}

#[test]
fn the_baseline_never_replaces_a_newer_feed() {
    let mut store = store_with_sample(5);
    let town = Town::embedded().unwrap();
    assert_eq!(
        store.apply_baseline(&town, now()).unwrap(),
        Some(Applied::Unchanged { version: 5 })
    );
    assert_eq!(
        titles(&store, &expecting(), d("2026-10-20")),
        ["妊娠の届出 v5"]
    );
}

/// The writer half of the crash test: applies ever newer feeds until it is killed.
#[test]
#[ignore = "run by a_crash_while_applying_leaves_the_previous_feed_intact"]
fn crash_feed_writer() {
    let Ok(path) = std::env::var("TSUNAGU_FEED_CRASH_DB") else {
        return;
    };
    let keys = kit::keygen(None).unwrap();
    let mut store = Store::open(&path).unwrap();
    let start = store
        .feed_status("demo")
        .unwrap()
        .and_then(|s| s.version)
        .unwrap_or(0);
    for version in start + 1.. {
        let bytes = big_feed(version, 400);
        let v = feed::verify(&bytes, &sign(&bytes, &keys), &keys.public_key_base64).unwrap();
        store.apply_feed(&v, &Validators::default(), now()).unwrap();
    }
}

/// A feed of `n` overlays, each titled with the version.
fn big_feed(version: u64, n: usize) -> Vec<u8> {
    let items: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "id": format!("o{i}"), "title": format!("v{version}"),
                "content_text": format!("町からのお知らせ {i} の本文です。**予約**は[こちら](https://example.jp/{i})。健診や相談の案内を、時期に合わせてお届けします。"),
                "_tsunagu": { "kind": "overlay", "lang": if i % 2 == 0 { "ja" } else { "en" }, "at": { "days": (i % 1000) as u64 } }
            })
        })
        .collect();
    serde_json::to_vec(&document(
        "demo",
        version,
        "2027-12-31T23:59:59+09:00",
        items,
    ))
    .unwrap()
}

#[test]
fn a_crash_while_applying_leaves_the_previous_feed_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    drop(Store::open(&path).unwrap());
    let version = |conn: &Connection| -> i64 {
        conn.query_row("SELECT coalesce(max(version), 0) FROM town_feed", [], |r| {
            r.get(0)
        })
        .unwrap_or(0)
    };
    for round in 0..3i64 {
        let conn = crate::kill_writer_midway(
            "lib::feed::apply::crash_feed_writer",
            "TSUNAGU_FEED_CRASH_DB",
            &path,
            std::time::Duration::from_millis(5 * (round as u64 + 1)),
            |conn| version(conn) >= 3 * (round + 1),
        );
        let held = version(&conn);
        assert!(held >= 3 * (round + 1), "round {round}: held {held}");
        // Every overlay is of the version recorded, and all of them are there.
        let (count, other): (i64, i64) = conn
            .query_row(
                "SELECT count(*), count(*) FILTER (WHERE title != ?1) FROM overlay",
                [format!("v{held}")],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((count, other), (400, 0), "round {round}");
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.feed_status("demo").unwrap().unwrap().version,
            Some(held as u64)
        );
    }
}
