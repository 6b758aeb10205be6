//! Syncing over HTTP against a real server on 127.0.0.1: a good feed and the 304 path, every
//! hostile feed and server, and which addresses are fetched at all.

use super::*;

#[test]
fn a_good_feed_is_fetched_verified_and_applied_then_304_changes_nothing() {
    let server = Server::start();
    let keys = kit::keygen(None).unwrap();
    let town = town(&server.url(), &keys);
    let mut store = Store::open_in_memory().unwrap();
    server.publish(sample(1), Some(sign(&sample(1), &keys)));

    let outcome = feed::sync(&mut store, &town, &quick(), now()).unwrap();
    assert!(
        matches!(outcome, SyncOutcome::Updated { version: 1 }),
        "{outcome:?}"
    );
    assert_eq!(
        titles(&store, &expecting(), d("2026-10-20")),
        ["妊娠の届出 v1"]
    );
    let status = store.feed_status("demo").unwrap().unwrap();
    assert_eq!(
        (status.version, status.last_error.as_deref()),
        (Some(1), None)
    );
    assert_eq!(status.applied_at, Some(now()));
    let log = server.take_log();
    assert_eq!(
        log.iter()
            .map(|l| (l.path.as_str(), l.status))
            .collect::<Vec<_>>(),
        [("/town/feed.json", 200), ("/town/feed.json.minisig", 200)]
    );
    // Only the feed and its signature are asked for, with nothing about the device or family.
    for request in &log {
        assert_eq!(request.header("user-agent"), Some(feed::USER_AGENT));
        for (name, _) in &request.headers {
            assert!(
                [
                    "host",
                    "user-agent",
                    "accept",
                    "if-none-match",
                    "if-modified-since"
                ]
                .contains(&name.as_str()),
                "unexpected request header {name}"
            );
        }
    }

    // The unchanged path: one conditional request, a 304 with no body, nothing re-applied.
    let later = now() + chrono::Duration::hours(7);
    let outcome = feed::sync(&mut store, &town, &quick(), later).unwrap();
    assert!(matches!(outcome, SyncOutcome::NotModified), "{outcome:?}");
    let log = server.take_log();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(
        (log[0].path.as_str(), log[0].status, log[0].body_bytes),
        ("/town/feed.json", 304, 0)
    );
    assert_eq!(
        log[0].header("if-none-match"),
        Some(etag(&sample(1)).as_str())
    );
    assert_eq!(
        log[0].header("if-modified-since"),
        Some("Wed, 25 Nov 2026 00:00:00 GMT")
    );
    let status = store.feed_status("demo").unwrap().unwrap();
    assert_eq!(status.applied_at, Some(now()), "not re-applied");
    assert_eq!(status.checked_at, Some(later));
    assert!(
        !store
            .feed_sync_due("demo", later + chrono::Duration::hours(5))
            .unwrap()
    );
    assert!(
        store
            .feed_sync_due("demo", later + chrono::Duration::hours(6))
            .unwrap()
    );

    // A new version replaces the items in one go.
    server.publish(sample(2), Some(sign(&sample(2), &keys)));
    let outcome = feed::sync(&mut store, &town, &quick(), later).unwrap();
    assert!(
        matches!(outcome, SyncOutcome::Updated { version: 2 }),
        "{outcome:?}"
    );
    assert_eq!(
        titles(&store, &expecting(), d("2026-10-20")),
        ["妊娠の届出 v2"]
    );
}

/// Every hostile case, each against a store holding a good version 2: rejected (or made inert),
/// with a clear code and the previous data intact.
#[test]
fn hostile_feeds_and_servers_are_rejected_and_the_previous_feed_kept() {
    let server = Server::start();
    let keys = kit::keygen(None).unwrap();
    let other_keys = kit::keygen(None).unwrap();
    let town = town(&server.url(), &keys);
    let mut store = Store::open_in_memory().unwrap();
    server.publish(sample(2), Some(sign(&sample(2), &keys)));
    assert_eq!(
        feed::sync(&mut store, &town, &quick(), now())
            .unwrap()
            .code(),
        "updated"
    );
    server.take_log();

    let v3 = sample(3);
    let mut tampered = v3.clone();
    let at = tampered.windows(4).position(|w| w == b"desk").unwrap();
    tampered[at] = b'D';
    let expired =
        serde_json::to_vec(&document("demo", 3, "2026-11-20T00:00:00+09:00", vec![])).unwrap();
    let mut schema2 = document("demo", 3, "2027-12-31T00:00:00+09:00", vec![]);
    schema2["_tsunagu"]["schema"] = json!(3);
    let schema2 = serde_json::to_vec(&schema2).unwrap();
    let other_town = serde_json::to_vec(&document(
        "elsewhere",
        3,
        "2027-12-31T00:00:00+09:00",
        vec![],
    ))
    .unwrap();
    let invalid =
        serde_json::to_vec(&json!({"version": JSON_FEED_VERSION, "items": [{"id": 1}]})).unwrap();
    // A valid signature whose trusted comment names another version.
    let mismatched_comment = {
        let sk = minisign::SecretKeyBox::from_string(&keys.secret_key)
            .unwrap()
            .into_unencrypted_secret_key()
            .unwrap();
        let comment = "tsunagu-feed town=demo version=9 generated_at=2026-11-01T09:00:00+09:00";
        minisign::sign(None, &sk, std::io::Cursor::new(&v3), Some(comment), None)
            .unwrap()
            .into_string()
            .into_bytes()
    };

    struct Case {
        name: &'static str,
        feed: Reply,
        signature: Reply,
        code: &'static str,
    }
    let file = |b: &[u8]| Reply::File(b.to_vec());
    let cases = [
        Case {
            name: "unsigned",
            feed: file(&v3),
            signature: Reply::Status(404),
            code: "feed-unsigned",
        },
        Case {
            name: "not a signature",
            feed: file(&v3),
            signature: file(b"hello"),
            code: "feed-unsigned",
        },
        Case {
            name: "wrong key",
            feed: file(&v3),
            signature: file(&sign(&v3, &other_keys)),
            code: "feed-wrong-key",
        },
        Case {
            name: "tampered byte",
            feed: file(&tampered),
            signature: file(&sign(&v3, &keys)),
            code: "feed-signature",
        },
        Case {
            name: "comment mismatch",
            feed: file(&v3),
            signature: file(&mismatched_comment),
            code: "feed-comment",
        },
        Case {
            name: "older version",
            feed: file(&sample(1)),
            signature: file(&sign(&sample(1), &keys)),
            code: "feed-rollback",
        },
        Case {
            name: "expired",
            feed: file(&expired),
            signature: file(&sign(&expired, &keys)),
            code: "feed-expired",
        },
        Case {
            name: "wrong schema",
            feed: file(&schema2),
            signature: file(&sign_unchecked(&schema2, &keys)),
            code: "feed-schema",
        },
        Case {
            name: "another town",
            feed: file(&other_town),
            signature: file(&sign(&other_town, &keys)),
            code: "feed-wrong-town",
        },
        Case {
            name: "invalid document",
            feed: file(&invalid),
            signature: file(&sign_unchecked(&invalid, &keys)),
            code: "feed-invalid",
        },
        Case {
            name: "http 500",
            feed: Reply::Status(500),
            signature: Reply::Status(500),
            code: "feed-http",
        },
        Case {
            name: "signature 500",
            feed: file(&v3),
            signature: Reply::Status(500),
            code: "feed-http",
        },
        Case {
            name: "truncated",
            feed: Reply::Truncated(v3.clone()),
            signature: file(&sign(&v3, &keys)),
            code: "feed-truncated",
        },
        Case {
            name: "slow headers",
            feed: Reply::SlowHeaders(Duration::from_millis(1500)),
            signature: Reply::Status(404),
            code: "feed-timeout",
        },
        Case {
            name: "slow body",
            feed: Reply::SlowBody(v3.clone(), Duration::from_millis(1500)),
            signature: file(&sign(&v3, &keys)),
            code: "feed-timeout",
        },
        Case {
            name: "50 MB declared",
            feed: Reply::Huge { declared: true },
            signature: Reply::Status(404),
            code: "feed-too-large",
        },
        Case {
            name: "50 MB undeclared",
            feed: Reply::Huge { declared: false },
            signature: Reply::Status(404),
            code: "feed-too-large",
        },
    ];
    for case in cases {
        server.set("/town/feed.json", case.feed);
        server.set("/town/feed.json.minisig", case.signature);
        let started = Instant::now();
        let outcome = feed::sync(&mut store, &town, &quick(), now()).unwrap();
        let took = started.elapsed();
        assert_eq!(outcome.code(), case.code, "{}: {outcome:?}", case.name);
        assert!(took < Duration::from_secs(3), "{} took {took:?}", case.name);
        let status = store.feed_status("demo").unwrap().unwrap();
        assert_eq!(status.version, Some(2), "{}", case.name);
        assert_eq!(
            status.last_error.as_deref(),
            Some(case.code),
            "{}",
            case.name
        );
        assert_eq!(
            titles(&store, &expecting(), d("2026-10-20")),
            ["妊娠の届出 v2"],
            "{}",
            case.name
        );
        // The validators of version 2 are kept, so the next check is still conditional on it.
        assert_eq!(
            store.feed_validators("demo").unwrap().etag,
            Some(etag(&sample(2))),
            "{}",
            case.name
        );
        if case.name.starts_with("50 MB") {
            let log = server.take_log();
            let feed_request = log
                .iter()
                .find(|l| l.path == "/town/feed.json")
                .expect("logged");
            assert!(
                feed_request.body_bytes < 12 * 1024 * 1024,
                "{}: the server got to send {} bytes",
                case.name,
                feed_request.body_bytes
            );
        }
        server.take_log();
    }
    // After all that, a good version 3 is taken at once.
    server.publish(v3.clone(), Some(sign(&v3, &keys)));
    assert_eq!(
        feed::sync(&mut store, &town, &quick(), now())
            .unwrap()
            .code(),
        "updated"
    );
    assert_eq!(store.feed_status("demo").unwrap().unwrap().last_error, None);
}

/// Signs bytes the kit would refuse to sign (to test what an app does with them).
fn sign_unchecked(bytes: &[u8], keys: &kit::Keys) -> Vec<u8> {
    let sk = minisign::SecretKeyBox::from_string(&keys.secret_key)
        .unwrap()
        .into_unencrypted_secret_key()
        .unwrap();
    let comment = "tsunagu-feed town=demo version=3 generated_at=2026-11-01T09:00:00+09:00";
    minisign::sign(None, &sk, std::io::Cursor::new(bytes), Some(comment), None)
        .unwrap()
        .into_string()
        .into_bytes()
}

#[test]
fn only_https_or_this_machine_is_fetched() {
    let held = Validators::default();
    for url in [
        "http://example.jp/feed.json",
        "ftp://127.0.0.1/feed.json",
        "file:///etc/passwd",
        "http://127.0.0.1.example.jp/feed.json",
    ] {
        let err = feed::fetch(url, &held, &quick()).unwrap_err();
        assert_eq!(err.code(), "feed-insecure-url", "{url}");
    }
    assert!(feed::is_allowed_feed_url(
        "https://town.example.jp/feed.json"
    ));
    assert!(feed::is_allowed_feed_url("http://127.0.0.1:8750/feed.json"));
    assert!(feed::is_allowed_feed_url("http://localhost:8750/feed.json"));
    assert!(feed::is_allowed_feed_url("http://[::1]:8750/feed.json"));
    assert_eq!(
        feed::signature_url("https://a.jp/f.json?x=1"),
        "https://a.jp/f.json.minisig?x=1"
    );
    // Nothing listens on this port: a plain network error, quickly.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = feed::fetch(
        &format!("http://127.0.0.1:{port}/feed.json"),
        &held,
        &quick(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "feed-network");
}

/// Audit findings 6 and 7: addresses are parsed, not matched by prefix. A feed address cannot
/// hide its host behind user-info; a link is checked and opened in one normalised form, and a
/// mailto link carries nothing but a subject and a body.
#[test]
fn addresses_are_parsed_and_links_are_opened_as_checked() {
    for ok in [
        "https://town.example.jp/feed.json",
        "https://town.example.jp:8443/feed.json",
        "http://127.0.0.1:8750/feed.json",
        "http://localhost:8750/feed.json",
        "http://[::1]:8750/feed.json",
    ] {
        assert!(feed::is_allowed_feed_url(ok), "{ok}");
    }
    for bad in [
        "http://127.0.0.1:80@elsewhere.example/feed.json",
        "http://localhost@elsewhere.example/feed.json",
        "https://user:pw@town.example.jp/feed.json",
        "http://127.0.0.2/feed.json",
        "http://elsewhere.example/feed.json",
        "http://127.0.0.1.elsewhere.example/feed.json",
        "ftp://town.example.jp/feed.json",
        " https://town.example.jp/feed.json",
        "https:///feed.json",
        "https://town.example.jp/feed.json#x",
    ] {
        assert!(!feed::is_allowed_feed_url(bad), "{bad}");
    }
    let link = |s: &str| feed::allowed_link(s);
    assert_eq!(
        link("  https://town.example.jp/a b").as_deref(),
        None,
        "inner space"
    );
    assert_eq!(
        link("  https://town.example.jp/page  ").as_deref(),
        Some("https://town.example.jp/page"),
        "what is opened is the trimmed, checked value"
    );
    assert_eq!(link("tel:#8000").as_deref(), Some("tel:%238000"));
    assert_eq!(link("tel:%238000").as_deref(), Some("tel:%238000"));
    assert_eq!(
        link("tel:03-1234-5678").as_deref(),
        Some("tel:03-1234-5678")
    );
    assert_eq!(
        link("mailto:hoken@town.example.jp?subject=%E7%9B%B8%E8%AB%87").as_deref(),
        Some("mailto:hoken@town.example.jp?subject=%E7%9B%B8%E8%AB%87")
    );
    for bad in [
        "https://user@town.example.jp/",
        "mailto:hoken@town.example.jp?bcc=someone@else.example",
        "mailto:a@town.example.jp,b@else.example",
        "mailto:?body=x",
        "tel:javascript:alert(1)",
        "tel:",
        "javascript:alert(1)",
        "http://town.example.jp/",
        "data:text/html,x",
    ] {
        assert_eq!(link(bad), None, "{bad}");
    }
}
