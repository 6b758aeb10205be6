//! The town's survey (issue #12, feed schema 2): what the format accepts and refuses, and the
//! store's card and once-only mention, remembered on the device only.

use super::*;
use tsunagu::store::SurveyMark;

fn survey(id: &str, lang: &str, key: &str, ext: Value) -> Value {
    let mut t = json!({ "kind": "survey", "lang": lang, "key": key });
    for (k, v) in ext.as_object().unwrap() {
        t[k] = v.clone();
    }
    json!({
        "id": id,
        "title": format!("アンケート {key} {lang}"),
        "content_text": "5分ほどで答えられます。",
        "_tsunagu": t
    })
}

fn good(key: &str, from: &str, until: &str, stages: Value) -> Vec<Value> {
    let ext = json!({ "url": "https://form.example.jp/s", "from": from, "until": until, "stages": stages });
    vec![
        survey(&format!("{key}-ja"), "ja", key, ext.clone()),
        survey(&format!("{key}-en"), "en", key, ext),
    ]
}

fn schema2(version: u64, items: Vec<Value>) -> Vec<u8> {
    let mut doc = document("demo", version, "2027-12-31T00:00:00+09:00", items);
    doc["_tsunagu"]["schema"] = json!(2);
    serde_json::to_vec(&doc).unwrap()
}

fn problems_of(bytes: &[u8]) -> Vec<String> {
    feed::parse(bytes)
        .unwrap_err()
        .iter()
        .map(|p| format!("{} {}", p.location(), p.kind.code()))
        .collect()
}

#[test]
fn a_good_survey_is_read_in_schema_2() {
    let parsed = feed::parse(&schema2(
        1,
        good(
            "yearly",
            "2026-12-01",
            "2026-12-31",
            json!([{ "months": [0, 12] }]),
        ),
    ))
    .unwrap();
    assert!(parsed.lints.is_empty());
    let s = &parsed.feed.surveys;
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].url, "https://form.example.jp/s");
    assert_eq!((s[0].from, s[0].until), (d("2026-12-01"), d("2026-12-31")));
    assert_eq!(s[0].stages, [feed::StageRange::Months { from: 0, to: 12 }]);
    // Stages may be left out: every family. One day open is fine.
    let every = feed::parse(&schema2(
        1,
        good("one-day", "2026-12-01", "2026-12-01", json!([])),
    ))
    .unwrap();
    assert!(every.feed.surveys[0].stages.is_empty());
}

#[test]
fn a_survey_in_a_schema_1_feed_is_refused_because_old_apps_would_refuse_the_feed() {
    let doc = document(
        "demo",
        1,
        "2027-12-31T00:00:00+09:00",
        good("yearly", "2026-12-01", "2026-12-31", json!([])),
    );
    let found = problems_of(&serde_json::to_vec(&doc).unwrap());
    assert_eq!(
        found,
        [
            "items[0] (yearly-ja) _tsunagu.kind kind-needs-schema",
            "items[1] (yearly-en) _tsunagu.kind kind-needs-schema"
        ]
    );
    // What an app of schema 1 did with a kind it did not know: the whole feed failed.
    let mut unknown = overlay("o", "ja", "o", json!({ "days": 1 }), "x");
    unknown["_tsunagu"] = json!({ "kind": "poll", "lang": "ja" });
    let doc = document("demo", 1, "2027-12-31T00:00:00+09:00", vec![unknown]);
    assert_eq!(
        problems_of(&serde_json::to_vec(&doc).unwrap()),
        ["items[0] (o) _tsunagu.kind unknown-kind"]
    );
}

#[test]
fn bad_surveys_are_refused_with_their_field() {
    let items = vec![
        survey(
            "http",
            "ja",
            "http",
            json!({ "url": "http://form.example.jp/s", "from": "2026-12-01", "until": "2026-12-31" }),
        ),
        survey(
            "order",
            "ja",
            "order",
            json!({ "url": "https://form.example.jp/s", "from": "2026-12-31", "until": "2026-12-01" }),
        ),
        survey(
            "stage",
            "ja",
            "stage",
            json!({ "url": "https://form.example.jp/s", "from": "2026-12-01", "until": "2026-12-31",
                    "stages": [{ "weeks": [1, 2] }, { "pregnancy": ["16w0d", "50w0d"] }] }),
        ),
        survey(
            "missing",
            "ja",
            "missing",
            json!({ "from": "2026-12-01", "answers": "https://x.jp" }),
        ),
        survey(
            "js",
            "ja",
            "js",
            json!({ "url": "javascript:alert(1)", "from": "2026-02-30", "until": "2026-12-31" }),
        ),
    ];
    assert_eq!(
        problems_of(&schema2(1, items)),
        [
            "items[0] (http) _tsunagu.url bad-url",
            "items[1] (order) _tsunagu.until order",
            "items[2] (stage) _tsunagu.stages[0].weeks unknown-field",
            "items[2] (stage) _tsunagu.stages[1].pregnancy bad-stage",
            "items[3] (missing) _tsunagu unknown-field",
            "items[3] (missing) _tsunagu.url missing",
            "items[3] (missing) _tsunagu.until missing",
            "items[4] (js) _tsunagu.url bad-url",
            "items[4] (js) _tsunagu.from bad-date",
        ]
    );
}

fn store_with(items: Vec<Value>, version: u64, keys: &kit::Keys, store: &mut Store) {
    let bytes = schema2(version, items);
    let verified = feed::verify(&bytes, &sign(&bytes, keys), &keys.public_key_base64).unwrap();
    store
        .apply_feed(&verified, &Validators::default(), now())
        .unwrap();
}

#[test]
fn the_card_shows_while_open_for_the_family_until_dismissed() {
    let keys = kit::keygen(None).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    // For babies up to 12 months; the family below is expecting until its birth.
    store_with(
        good(
            "babies",
            "2026-12-01",
            "2026-12-31",
            json!([{ "months": [0, 12] }]),
        ),
        1,
        &keys,
        &mut store,
    );
    let expecting = Child::expecting(d("2027-05-01"), d("2026-11-01"));
    let born = Child::born(d("2026-10-01"), d("2026-10-01"));
    let open = |store: &Store, children: &[Child], date: &str, lang: &str| {
        store
            .open_survey("demo", children, AGE3, d(date), lang)
            .unwrap()
            .map(|s| s.title)
    };
    assert_eq!(
        open(&store, std::slice::from_ref(&expecting), "2026-12-10", "ja"),
        None
    );
    assert_eq!(
        open(&store, std::slice::from_ref(&born), "2026-11-30", "ja"),
        None
    );
    assert_eq!(
        open(
            &store,
            &[expecting.clone(), born.clone()],
            "2026-12-01",
            "en"
        )
        .as_deref(),
        Some("アンケート babies en")
    );
    assert_eq!(
        open(&store, std::slice::from_ref(&born), "2027-01-01", "ja"),
        None
    );
    let s = store
        .open_survey(
            "demo",
            std::slice::from_ref(&born),
            AGE3,
            d("2026-12-02"),
            "ja",
        )
        .unwrap()
        .unwrap();
    store
        .mark_survey("demo", &s, SurveyMark::Shown, d("2026-12-02"))
        .unwrap();
    assert!(open(&store, std::slice::from_ref(&born), "2026-12-03", "ja").is_some());
    store
        .mark_survey("demo", &s, SurveyMark::Dismissed, d("2026-12-03"))
        .unwrap();
    assert_eq!(
        open(&store, std::slice::from_ref(&born), "2026-12-04", "en"),
        None
    );
    // A new version of the feed does not bring a dismissed survey back.
    store_with(
        good(
            "babies",
            "2026-12-01",
            "2026-12-31",
            json!([{ "months": [0, 12] }]),
        ),
        2,
        &keys,
        &mut store,
    );
    assert_eq!(
        open(&store, std::slice::from_ref(&born), "2026-12-05", "ja"),
        None
    );
}

#[test]
fn a_stopped_child_gets_no_survey() {
    let keys = kit::keygen(None).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store_with(
        good("all", "2026-12-01", "2026-12-31", json!([])),
        1,
        &keys,
        &mut store,
    );
    let mut stopped = Child::born(d("2026-10-01"), d("2026-10-01"));
    stopped.ended_on = Some(d("2026-11-15"));
    assert_eq!(
        store
            .open_survey("demo", &[stopped], AGE3, d("2026-12-10"), "ja")
            .unwrap(),
        None
    );
}

#[test]
fn the_notification_mentions_a_survey_once() {
    let keys = kit::keygen(None).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store_with(
        good("all", "2026-12-01", "2026-12-31", json!([])),
        1,
        &keys,
        &mut store,
    );
    let family = [Child::born(d("2026-10-01"), d("2026-10-01"))];
    let mut claim = |date: &str| {
        store
            .claim_survey_mention("demo", &family, AGE3, d(date), "ja")
            .unwrap()
            .map(|s| s.key)
    };
    assert_eq!(claim("2026-11-30"), None);
    assert_eq!(claim("2026-12-01").as_deref(), Some("all"));
    // Re-arming the same day gives the same answer; the next day has none.
    assert_eq!(claim("2026-12-01").as_deref(), Some("all"));
    assert_eq!(claim("2026-12-02"), None);
}

#[test]
fn the_marks_stay_in_a_table_of_their_own() {
    // Nothing about surveys is in what the app sends: the only request is the feed's GET
    // (docs/feed.md); the marks live in survey_mark, which no export or request reads.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let keys = kit::keygen(None).unwrap();
    let mut store = Store::open(&path).unwrap();
    store_with(
        good("all", "2026-12-01", "2026-12-31", json!([])),
        1,
        &keys,
        &mut store,
    );
    let family = [Child::born(d("2026-10-01"), d("2026-10-01"))];
    let s = store
        .open_survey("demo", &family, AGE3, d("2026-12-01"), "ja")
        .unwrap()
        .unwrap();
    store
        .mark_survey("demo", &s, SurveyMark::Dismissed, d("2026-12-01"))
        .unwrap();
    assert!(!store.export_json().unwrap().contains("survey"));
    let conn = Connection::open(&path).unwrap();
    let dismissed: String = conn
        .query_row(
            "SELECT dismissed_on FROM survey_mark WHERE id = 'all'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dismissed, "2026-12-01");
}
