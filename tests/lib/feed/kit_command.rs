//! Validation with every problem located, every feed error in both languages, and the authoring
//! kit through the real command: init, keygen, sign, verify, validate, serve and preview.

use super::*;

#[test]
fn validation_reports_every_problem_with_its_item_and_field() {
    let doc = json!({
        "version": "https://jsonfeed.org/version/1",
        "title": "",
        "_tsunagu": { "schema": 1, "town": "Demo Town", "version": 0, "generated_at": "yesterday", "expires_at": "2027-01-01T00:00:00Z", "expire": 1 },
        "items": [
            { "id": "a", "title": "ok", "content_text": "本文", "_tsunagu": { "kind": "overlay", "lang": "ja", "at": { "pregnancy": "3w0d" } } },
            { "id": "b", "title": "x", "content_text": "本文", "_tsunagu": { "kind": "overlay", "lang": "fr", "at": { "days": 10, "months": 1 } } },
            { "id": "c", "title": "x", "content_html": "<p>x</p>", "_tsunagu": { "kind": "event", "lang": "ja", "starts": "2027-02-30", "url": "http://x.jp", "stages": [{ "pregnancy": ["20w0d", "10w0d"] }, { "weeks": [1, 2] }] } },
            { "id": "a", "title": "dup", "content_text": "本文", "_tsunagu": { "kind": "overlay", "lang": "ja", "at": { "months": 4 } } },
            { "id": "e", "title": "x", "content_text": "本文", "_tsunagu": { "kind": "notice", "lang": "ja" } },
            { "id": "f", "title": "x", "content_text": "本文", "_tsunagu": { "kind": "event", "lang": "ja", "starts": "2027-02-01T10:00", "ends": "2027-01-01", "publish": "2027-01-10", "expires": "2027-01-01" } }
        ]
    });
    let problems = feed::parse(&serde_json::to_vec(&doc).unwrap()).unwrap_err();
    let found: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {}", p.location(), p.kind.code()))
        .collect();
    let expected = [
        "version not-json-feed",
        "title empty",
        "_tsunagu unknown-field",
        "_tsunagu.town bad-id",
        "_tsunagu.version out-of-range",
        "_tsunagu.generated_at bad-time",
        "items[0] (a) _tsunagu.at.pregnancy out-of-range",
        "items[1] (b) _tsunagu.lang unknown-lang",
        "items[1] (b) _tsunagu.at unknown-field",
        "items[2] (c) content_html content-html",
        "items[2] (c) content_text missing",
        "items[2] (c) _tsunagu.starts bad-time",
        "items[2] (c) _tsunagu.url bad-url",
        "items[2] (c) _tsunagu.stages[0].pregnancy order",
        "items[2] (c) _tsunagu.stages[1].weeks unknown-field",
        "items[3] (a) id duplicate-id",
        "items[4] (e) _tsunagu.kind unknown-kind",
        "items[5] (f) _tsunagu.ends order",
        "items[5] (f) _tsunagu.expires order",
    ];
    assert_eq!(found, expected);
    // Each is said in both languages with where it is.
    let ja = I18n::new("ja").unwrap();
    let en = I18n::new("en").unwrap();
    for p in &problems {
        let key = format!("feed-problem-{}", p.kind.code());
        assert!(ja.has(&key) && en.has(&key), "{key}");
    }
    // A document of another schema is reported as that alone.
    let mut other = document("demo", 1, "2027-12-31T00:00:00Z", vec![]);
    other["_tsunagu"]["schema"] = json!(3);
    let problems = feed::parse(&serde_json::to_vec(&other).unwrap()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::Schema("3".into()));
    assert_eq!(
        feed::parse(b"{\"version\":").unwrap_err()[0].kind.code(),
        "json"
    );
    assert_eq!(feed::parse(b"[]").unwrap_err()[0].kind.code(), "wrong-type");
}

#[test]
fn every_feed_error_code_has_words_in_both_languages() {
    let codes = [
        "feed-no-key",
        "feed-insecure-url",
        "feed-network",
        "feed-timeout",
        "feed-truncated",
        "feed-http",
        "feed-too-large",
        "feed-unsigned",
        "feed-wrong-key",
        "feed-signature",
        "feed-comment",
        "feed-schema",
        "feed-invalid",
        "feed-wrong-town",
        "feed-rollback",
        "feed-expired",
        "feed-key",
    ];
    for lang in ["ja", "en"] {
        let t = I18n::new(lang).unwrap();
        for code in codes {
            assert!(t.has(&format!("error-{code}")), "{lang}: error-{code}");
        }
        let e = tsunagu::Error::FeedRollback {
            held: 3,
            offered: 2,
        };
        let text = t.error(&e);
        assert!(
            text.contains('3') && text.contains('2') && !text.contains('{'),
            "{text}"
        );
    }
}

fn tsunagu(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(args)
        .args(["--lang", "en"])
        .current_dir(dir)
        .env("TSUNAGU_DB", dir.join("t.db"))
        .env("TSUNAGU_TODAY", "2026-11-25")
        .output()
        .unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_kit_round_trip_init_validate_keygen_sign_verify() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let out = tsunagu(&["feed", "init", "feed.json"], p);
    assert!(out.status.success(), "{out:?}");
    assert!(
        tsunagu(&["feed", "init", "feed.json"], p).status.code() == Some(2),
        "never overwrites"
    );
    let out = tsunagu(&["feed", "validate", "feed.json"], p);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("no problems (2 stage notes, 2 event notices, 2 surveys, version 1)"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains(
        "Trusted comment for the signature: tsunagu-feed town=demo version=1 generated_at="
    ));
    let out = tsunagu(&["feed", "keygen", "town"], p);
    assert!(out.status.success(), "{out:?}");
    let public = std::fs::read_to_string(p.join("town.pub")).unwrap();
    let key_line = public.lines().nth(1).unwrap();
    assert!(stdout(&out).contains(key_line));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(p.join("town.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the secret key is private");
    }
    assert_eq!(
        tsunagu(&["feed", "keygen", "town"], p).status.code(),
        Some(2),
        "never overwrites a key"
    );
    let out = tsunagu(&["feed", "sign", "feed.json", "--key", "town.key"], p);
    assert!(out.status.success(), "{out:?}");
    let out = tsunagu(&["feed", "verify", "feed.json", "--key", "town.pub"], p);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout(&out).contains("the signature is good; this is version 1 of town demo"));
    let out = tsunagu(&["feed", "verify", "feed.json", "--key", key_line], p);
    assert!(out.status.success(), "{out:?}");
    // The library reads what the command wrote.
    let bytes = std::fs::read(p.join("feed.json")).unwrap();
    let signature = std::fs::read(p.join("feed.json.minisig")).unwrap();
    assert!(feed::verify(&bytes, &signature, key_line).is_ok());
    // A changed byte is caught; the error is said in words, with a non-zero exit.
    let mut changed = bytes.clone();
    let at = changed.windows(2).position(|w| w == b"10").unwrap();
    changed[at] = b'2';
    std::fs::write(p.join("feed.json"), &changed).unwrap();
    let out = tsunagu(&["feed", "verify", "feed.json", "--key", "town.pub"], p);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does not match its signature"),
        "{out:?}"
    );
    // The embedded demo key verifies the bundled demo feed.
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/towns/demo/feed.json");
    let out = tsunagu(&["feed", "verify", demo.to_str().unwrap()], p);
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn validate_lists_every_problem_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let doc = json!({
        "version": JSON_FEED_VERSION, "title": "t",
        "_tsunagu": { "schema": 1, "town": "demo", "version": 1, "generated_at": "2026-01-01T00:00:00Z", "expires_at": "2026-02-01T00:00:00Z" },
        "items": [
            { "id": "x", "title": "t", "content_text": "<b>太字</b>", "_tsunagu": { "kind": "overlay", "lang": "ja", "at": { "months": 40 } } }
        ]
    });
    std::fs::write(
        dir.path().join("bad.json"),
        serde_json::to_vec(&doc).unwrap(),
    )
    .unwrap();
    let out = tsunagu(&["feed", "validate", "bad.json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("bad.json: items[0] (x) _tsunagu.at.months: 40 is out of range (1 to 36)."),
        "{text}"
    );
    assert!(
        text.contains("bad.json: items[0] (x) content_text: The body contains HTML"),
        "{text}"
    );
    assert!(text.contains("2 problems found."), "{text}");
}

#[test]
fn serve_answers_with_etag_and_304() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("feed.json"), sample(1)).unwrap();
    std::fs::write(dir.path().join("feed.json.minisig"), "signature").unwrap();
    std::fs::write(dir.path().join(".hidden"), "x").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(["--lang", "en", "feed", "serve", ".", "--port", "0"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut first)
        .unwrap();
    let base = first[first.find("http://").unwrap()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let url = format!("{base}feed.json");
    let result = std::panic::catch_unwind(|| {
        let config = quick();
        let Fetched::Changed {
            feed,
            signature,
            validators,
        } = feed::fetch(&url, &Validators::default(), &config).unwrap()
        else {
            panic!("a first fetch gets the feed")
        };
        assert_eq!((feed, signature), (sample(1), b"signature".to_vec()));
        assert!(validators.etag.is_some() && validators.last_modified.is_some());
        assert_eq!(
            feed::fetch(&url, &validators, &config).unwrap(),
            Fetched::NotModified
        );
        let only_date = Validators {
            etag: None,
            last_modified: validators.last_modified.clone(),
        };
        assert_eq!(
            feed::fetch(&url, &only_date, &config).unwrap(),
            Fetched::NotModified
        );
        // Nothing outside the folder, no hidden files.
        for path in ["../etc/passwd", "%2e%2e/x", ".hidden", ""] {
            let mut s =
                TcpStream::connect(base.trim_start_matches("http://").trim_end_matches('/'))
                    .unwrap();
            write!(s, "GET /{path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            let mut reply = String::new();
            s.read_to_string(&mut reply).unwrap();
            assert!(reply.starts_with("HTTP/1.1 404"), "{path}: {reply}");
        }
    });
    child.kill().unwrap();
    child.wait().unwrap();
    result.unwrap();
}

#[test]
fn preview_shows_catalogue_town_items_and_events_day_by_day() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.json"), sample(1)).unwrap();
    let out = tsunagu(
        &[
            "feed",
            "preview",
            "--due",
            "2027-06-01",
            "--from",
            "2026-10-19",
            "--to",
            "2026-11-21",
            "--feed",
            "draft.json",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.contains("Tue 20 Oct 2026  8 weeks 0 days pregnant\n  p-08d0"),
        "{text}"
    );
    assert!(text.contains("  From the town: Registering v1\n"), "{text}");
    assert!(
        text.contains("Fri 20 Nov 2026  12 weeks 3 days pregnant"),
        "{text}"
    );
    assert_eq!(
        text.matches("Event: 行事 class en (Sat 23 Jan 2027 10:00, 保健センター)")
            .count(),
        1,
        "{text}"
    );
    // The bundled demo feed by default.
    let out = tsunagu(
        &[
            "feed",
            "preview",
            "--born",
            "2027-01-31",
            "--from",
            "2027-05-31",
            "--to",
            "2027-05-31",
        ],
        dir.path(),
    );
    assert!(
        stdout(&out).contains("From the town: The 4-month check-up (sample)"),
        "{}",
        stdout(&out)
    );
}

/// Audit finding 5: the kit refuses, from the same definition, a feed larger than any app
/// downloads: validating and signing both fail, so a town cannot publish what every app refuses.
#[test]
fn the_kit_refuses_a_feed_larger_than_an_app_downloads() {
    let body = "a".repeat(9_000);
    let items: Vec<Value> = (0..260)
        .map(|i| {
            let mut item = overlay(
                &format!("o{i}"),
                "ja",
                &format!("k{i}"),
                json!({ "days": 10 }),
                "長い",
            );
            item["content_text"] = json!(body);
            item
        })
        .collect();
    let bytes = serde_json::to_vec(&document("demo", 1, "2099-01-01T00:00:00Z", items)).unwrap();
    assert!(bytes.len() as u64 > feed::MAX_FEED_BYTES);
    let problems = feed::parse(&bytes).unwrap_err();
    assert_eq!(problems[0].kind.code(), "too-large");
    let keys = kit::keygen(None).unwrap();
    let err = kit::sign(&bytes, &keys.secret_key, None).unwrap_err();
    assert!(err.to_string().contains("too-large"), "{err}");
    // A feed within the limit is read.
    let small = serde_json::to_vec(&document("demo", 1, "2099-01-01T00:00:00Z", vec![])).unwrap();
    assert!(feed::parse(&small).is_ok());
}
