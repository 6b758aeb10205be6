//! The browser tests' mock backend answers from what the real app answered: this test runs each
//! sample child through the real commands with a pinned clock and records, in Japanese and English,
//! every day's Today card, the archive with each message's labels, the town's items and events, and
//! the refusals the tests provoke. The messages themselves come from the catalogue as the app
//! renders it (`tsunagu catalogue export`, run before the UI is built). The mock keeps state (ids, read and bookmark marks, who is
//! stopped) and never computes a date or writes a word of its own.
//!
//! The fixture is committed (`ui/src/backend/mock/fixtures.json`) and this test fails when it is
//! stale; `UPDATE_MOCK_FIXTURES=1 cargo test -p tsunagu-app --test mock_fixtures` writes it anew.

use std::path::Path;

use chrono::{Days, NaiveDate, NaiveTime};
use serde_json::{Map, Value, json};
use tsunagu::i18n::I18n;

mod common;
use common::{Harness, harness};

/// The mock's "today" (the browser tests' TODAY).
const TODAY: &str = "2027-01-13";
/// The days around TODAY the tests can move to (open-day three days back, midnight one ahead,
/// and the demo feed's survey, open from two days ahead).
const WINDOW: (i64, i64) = (-3, 2);
const LANGS: [&str; 2] = ["ja", "en"];

/// A sample child as the mock knows it: its dates, and the day each was entered.
struct Sample {
    due: Option<&'static str>,
    birth: Option<&'static str>,
    registered: &'static str,
    /// The day the birth was recorded, when later than the registration.
    recorded: Option<&'static str>,
}

/// Every child the browser and unit tests meet. A test that needs another adds it here.
const SAMPLES: &[Sample] = &[
    // こはる, the seeded family's pregnancy: 24w2d on TODAY, registered twelve days before.
    Sample {
        due: Some("2027-05-03"),
        birth: None,
        registered: "2027-01-01",
        recorded: None,
    },
    // こはる born early, the day before TODAY (recorded on TODAY).
    Sample {
        due: Some("2027-05-03"),
        birth: Some("2027-01-12"),
        registered: "2027-01-01",
        recorded: Some(TODAY),
    },
    // こはる after her messages were stopped and resumed on TODAY (registration moves to TODAY).
    Sample {
        due: Some("2027-05-03"),
        birth: None,
        registered: TODAY,
        recorded: None,
    },
    // そうた, the seeded toddler: born five weeks early, registered a month after birth.
    Sample {
        due: Some("2025-09-30"),
        birth: Some("2025-08-26"),
        registered: "2025-09-25",
        recorded: None,
    },
    // First launch: due in 140 days (20w0d).
    Sample {
        due: Some("2027-06-02"),
        birth: None,
        registered: TODAY,
        recorded: None,
    },
    // ゆい, registered by birth date two weeks after birth: the newborn visit's day.
    Sample {
        due: None,
        birth: Some("2026-12-30"),
        registered: TODAY,
        recorded: None,
    },
    // A baby on day 100 (a milestone), registered that day.
    Sample {
        due: None,
        birth: Some("2026-10-05"),
        registered: TODAY,
        recorded: None,
    },
    // A pregnancy on 42w0d with no birth recorded: asked, once, whether the baby has arrived.
    Sample {
        due: Some("2026-12-30"),
        birth: None,
        registered: "2027-01-10",
        recorded: None,
    },
];

/// Records the browser tests and the demo make on TODAY, beyond none: `(the sample child, the
/// writes in order)`. The schedule is recorded after each write.
fn schedule_records() -> Vec<(usize, Vec<(&'static str, Value)>)> {
    vec![
        // そうた, the seeded toddler: chickenpox dose 1 a week ago moves dose 2.
        (
            3,
            vec![(
                "record_dose",
                json!({ "vaccine": "varicella", "number": 1, "date": "2027-01-06" }),
            )],
        ),
        // The baby on day 100: hepatitis B dose 1 a week ago moves dose 2 by its 27 days.
        (
            6,
            vec![(
                "record_dose",
                json!({ "vaccine": "hepatitis-b", "number": 1, "date": "2027-01-06" }),
            )],
        ),
    ]
}

/// Refusals the tests provoke: `(command, arguments, the sample child it acts on)`, on TODAY.
fn refusals() -> Vec<(&'static str, Value, Option<usize>)> {
    vec![
        ("add_child", json!({ "dueDate": "2028-02-17" }), None),
        ("add_child", json!({ "dueDate": "2031-01-01" }), None),
        ("add_child", json!({ "birthDate": "2027-01-14" }), None),
        ("add_child", json!({ "dueDate": "2026-10-20" }), None),
        ("add_child", json!({ "birthDate": "2023-11-01" }), None),
        (
            "add_child",
            json!({ "dueDate": "2027-05-03", "birthDate": "2026-08-19" }),
            None,
        ),
        ("add_child", json!({}), None),
        (
            "record_birth",
            json!({ "birthDate": "2027-01-14" }),
            Some(0),
        ),
        (
            "record_birth",
            json!({ "birthDate": "2026-10-20" }),
            Some(0),
        ),
    ]
}

fn date(s: &str) -> NaiveDate {
    tsunagu::error::parse_date(s).unwrap()
}

fn shift(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d + Days::new(days as u64)
    } else {
        d - Days::new(days.unsigned_abs())
    }
}

fn nine(h: &Harness, d: NaiveDate) {
    h.set_now(d.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()));
}

/// The key the mock finds a child by: its dates and the days they were entered.
fn key(s: &Sample) -> String {
    let recorded = s.birth.map(|_| s.recorded.unwrap_or(s.registered));
    [s.due, s.birth, Some(s.registered), recorded]
        .map(|d| d.unwrap_or("-"))
        .join("|")
}

fn set_lang(h: &Harness, lang: &str) {
    h.invoke("set_setting", json!({ "key": "locale", "value": lang }))
        .unwrap();
}

/// A fresh app holding just this child, entered as the family entered it.
fn enter(s: &Sample) -> Harness {
    let h = harness();
    nine(&h, date(s.registered));
    let birth_now = s.birth.filter(|_| s.recorded.is_none());
    h.invoke(
        "add_child",
        json!({ "nickname": "x", "dueDate": s.due, "birthDate": birth_now }),
    )
    .unwrap();
    if let (Some(birth), Some(on)) = (s.birth, s.recorded) {
        nine(&h, date(on));
        h.invoke("record_birth", json!({ "id": 1, "birthDate": birth }))
            .unwrap();
    }
    h
}

/// Keeps only the named fields of an object.
fn pick(v: &Value, fields: &[&str]) -> Value {
    let mut out = Map::new();
    for f in fields {
        if let Some(x) = v.get(*f).filter(|x| !x.is_null()) {
            out.insert((*f).to_owned(), x.clone());
        }
    }
    Value::Object(out)
}

fn record(s: &Sample) -> Value {
    let h = enter(s);
    let today = date(TODAY);
    let (first, last) = (shift(today, WINDOW.0), shift(today, WINDOW.1));
    let registered = date(s.registered);

    // Today's card on each day of the window, in each language.
    let mut days = Map::new();
    let mut preterm = Value::Null;
    for lang in LANGS {
        set_lang(&h, lang);
        let mut d = first.max(registered);
        while d <= last {
            nine(&h, d);
            let card = h.invoke("today", json!({})).unwrap()["children"][0].clone();
            preterm = card["child"]["preterm"].clone();
            let day = days
                .entry(d.to_string())
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .unwrap();
            if let Some(slot) = card["message"]["slot"].as_str() {
                day.insert("slot".into(), slot.into());
            }
            day.insert("askIfBorn".into(), card["askIfBorn"].clone());
            // The town's survey, for a family of just this child that day (its card is below).
            if h.invoke("today", json!({})).unwrap()["survey"].is_object() {
                day.insert("survey".into(), true.into());
            }
            let mut words = pick(&card, &["milestone", "missing", "notices"]);
            words["stage"] = card["child"]["stage"].clone();
            if card["visitsOpening"]
                .as_array()
                .is_some_and(|v| !v.is_empty())
            {
                words["visitsOpening"] = card["visitsOpening"].clone();
            }
            day.insert(lang.into(), words);
            d = shift(d, 1);
        }
    }

    // The archive on the window's last day: every message with its labels, and the town's items.
    nine(&h, last);
    let mut entries: Vec<Value> = Vec::new();
    let mut town: Vec<Value> = Vec::new();
    let mut events = Map::new();
    for (i, lang) in LANGS.into_iter().enumerate() {
        set_lang(&h, lang);
        let items = h.invoke("archive", json!({})).unwrap();
        let (mut m, mut t) = (0, 0);
        for item in items.as_array().unwrap() {
            let words = pick(item, &["dateLabel", "title", "html"]);
            if item["kind"] == "town" {
                if i == 0 {
                    town.push(pick(item, &["key", "dueOn"]));
                }
                town[t][lang] = words;
                t += 1;
                continue;
            }
            let opened = h
                .invoke("open_message", json!({ "deliveryId": item["deliveryId"] }))
                .unwrap();
            if i == 0 {
                entries.push(pick(item, &["slot", "dueOn", "earlier"]));
            }
            entries[m][lang] = pick(&opened, &["dateLabel", "stage"]);
            m += 1;
        }
        nine(&h, today);
        events.insert(lang.into(), h.invoke("town_events", json!({})).unwrap());
        nine(&h, last);
    }
    // The archive lists newest first; the mock keeps them oldest first, as they arrive.
    entries.reverse();
    town.reverse();
    json!({
        "preterm": preterm,
        "days": days,
        "entries": entries,
        "town": town,
        "events": events,
    })
}

/// The key the mock files a child's records under: what the screen shows as done.
fn records_key(view: &Value) -> String {
    let mut entries: Vec<String> = view["done"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| match v["kind"].as_str() {
            Some("dose") => format!(
                "dose {} {} {}",
                v["vaccine"].as_str().unwrap(),
                v["number"],
                v["doneOn"].as_str().unwrap()
            ),
            _ => format!(
                "checkup {} {}",
                v["id"].as_str().unwrap(),
                v["doneOn"].as_str().unwrap()
            ),
        })
        .collect();
    entries.sort();
    entries.join("; ")
}

/// The child's schedule and calendar file on TODAY, in each language, as the app holds it now.
/// DTSTAMP (the moment of export, the only part that depends on the recording machine's clock
/// and time zone) is pinned to TODAY at midnight UTC.
fn schedule_now(h: &Harness, out: &mut Map<String, Value>) {
    nine(h, date(TODAY));
    let mut answers = Map::new();
    let mut ics = Map::new();
    let mut key = String::new();
    for lang in LANGS {
        set_lang(h, lang);
        let mut view = h.invoke("child_schedule", json!({ "id": 1 })).unwrap();
        key = records_key(&view);
        view.as_object_mut().unwrap().remove("child");
        answers.insert(lang.into(), view);
        let text = h.invoke("export_calendar", json!({ "id": 1 })).unwrap();
        let pinned = format!("DTSTAMP:{}T000000Z", TODAY.replace('-', ""));
        let text: String = text
            .as_str()
            .unwrap()
            .split("\r\n")
            .map(|l| {
                if l.starts_with("DTSTAMP:") {
                    pinned.as_str()
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\r\n");
        ics.insert(lang.into(), text.into());
    }
    answers.insert("ics".into(), Value::Object(ics));
    out.insert(key, Value::Object(answers));
}

/// Every sample child's schedule with nothing recorded, and the records of `schedule_records`.
fn schedules() -> Map<String, Value> {
    let mut out = Map::new();
    for (i, s) in SAMPLES.iter().enumerate() {
        let h = enter(s);
        let mut states = Map::new();
        schedule_now(&h, &mut states);
        for (sample, writes) in schedule_records() {
            if sample != i {
                continue;
            }
            for (cmd, args) in writes {
                nine(&h, date(TODAY));
                let mut args = args.clone();
                args["id"] = 1.into();
                h.invoke(cmd, args).unwrap();
                schedule_now(&h, &mut states);
            }
        }
        out.insert(key(s), Value::Object(states));
    }
    out
}

/// The order the app lists the town's events in (soonest first), with every sample child
/// registered: the mock lists a family's events in this order.
fn event_order() -> Vec<Value> {
    let h = harness();
    for (i, s) in SAMPLES.iter().enumerate() {
        nine(&h, date(s.registered));
        let birth_now = s.birth.filter(|_| s.recorded.is_none());
        h.invoke(
            "add_child",
            json!({ "dueDate": s.due, "birthDate": birth_now }),
        )
        .unwrap();
        if let (Some(birth), Some(on)) = (s.birth, s.recorded) {
            nine(&h, date(on));
            h.invoke("record_birth", json!({ "id": i + 1, "birthDate": birth }))
                .unwrap();
        }
    }
    nine(&h, date(TODAY));
    let events = h.invoke("town_events", json!({})).unwrap();
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect()
}

/// What the tests' refusals answer, keyed as the mock looks them up.
fn record_refusals() -> Map<String, Value> {
    let mut out = Map::new();
    for (cmd, args, on) in refusals() {
        let mut answers = Map::new();
        for lang in LANGS {
            let h = match on {
                Some(i) => enter(&SAMPLES[i]),
                None => harness(),
            };
            set_lang(&h, lang);
            nine(&h, date(TODAY));
            let mut args = args.clone();
            if on.is_some() {
                args["id"] = 1.into();
            }
            let error = h.invoke(cmd, args).expect_err("a refusal");
            answers.insert(lang.into(), error);
        }
        let child = on.map_or("-".to_owned(), |i| key(&SAMPLES[i]));
        let dates = [&args["dueDate"], &args["birthDate"]]
            .map(|v| v.as_str().unwrap_or("-"))
            .join("|");
        out.insert(format!("{cmd} {child} {dates}"), Value::Object(answers));
    }
    out
}

/// The seeded family's こはる (SAMPLES[0]) as the share screen shows her, with and without her
/// nickname, and what a second phone answers to each code and to the damaged and other-town
/// codes the tests type. Her identity is fixed here (the app makes a random one) so the recording
/// stays the same from run to run.
fn record_shares() -> Value {
    const NICKNAME: &str = "こはる";
    const SHARE_ID: u32 = 0x0123_4567;
    let s = &SAMPLES[0];
    let h = enter(s);
    nine(&h, date(TODAY));
    let mut doc: Value = serde_json::from_str(
        h.invoke("export_data", json!({}))
            .unwrap()
            .as_str()
            .unwrap(),
    )
    .unwrap();
    doc["children"][0]["nickname"] = NICKNAME.into();
    doc["children"][0]["shareId"] = SHARE_ID.into();
    h.invoke("import_data", json!({ "data": doc.to_string() }))
        .unwrap();
    let mut views = Vec::new();
    let mut codes = Map::new();
    for with in [true, false] {
        let mut view = json!({ "child": key(s), "nickname": NICKNAME });
        for lang in LANGS {
            set_lang(&h, lang);
            let shown = h
                .invoke("share_child", json!({ "id": 1, "includeNickname": with }))
                .unwrap();
            for field in ["code", "groups", "qrSvg", "withNickname"] {
                view[field] = shown[field].clone();
            }
            view[lang] = pick(&shown, &["holds"]);
        }
        let code = view["code"].as_str().unwrap().to_owned();
        // A second phone, first launch: the child is added, then the same code is unchanged.
        let second = harness();
        nine(&second, date(TODAY));
        let added = second
            .invoke("add_shared_child", json!({ "code": code }))
            .unwrap();
        let again = second
            .invoke("add_shared_child", json!({ "code": code }))
            .unwrap();
        assert_eq!(
            (&added["outcome"], &again["outcome"]),
            (&json!("added"), &json!("unchanged"))
        );
        let child = pick(&added["child"], &["nickname", "dueDate", "birthDate"]);
        codes.insert(
            code.replace('-', ""),
            json!({ "child": child, "identity": SHARE_ID }),
        );
        views.push(view);
    }
    // The refusals: one character changed, and the same child from another town's app.
    let code = views[0]["code"].as_str().unwrap().to_owned();
    let mut damaged = code.clone().into_bytes();
    damaged[6] = if damaged[6] == b'7' { b'8' } else { b'7' };
    let damaged = String::from_utf8(damaged).unwrap();
    let other_town = tsunagu::share::Share::from_code(&code, "demo")
        .unwrap()
        .to_code("hidamari")
        .unwrap();
    let mut refusals = Map::new();
    for bad in [damaged, other_town] {
        let mut answers = Map::new();
        for lang in LANGS {
            let second = harness();
            set_lang(&second, lang);
            nine(&second, date(TODAY));
            let error = second
                .invoke("add_shared_child", json!({ "code": bad }))
                .expect_err("a refusal");
            answers.insert(lang.into(), error);
        }
        refusals.insert(bad.replace('-', ""), Value::Object(answers));
    }
    json!({ "views": views, "codes": codes, "refusals": refusals })
}

/// The demo feed's survey card as Today shows it on its first day (a family of こはる).
fn record_survey() -> Value {
    let h = enter(&SAMPLES[0]);
    nine(&h, shift(date(TODAY), WINDOW.1));
    let mut out = Map::new();
    for lang in LANGS {
        set_lang(&h, lang);
        let card = h.invoke("today", json!({})).unwrap()["survey"].clone();
        assert!(
            card.is_object(),
            "the demo feed's survey is open on the window's last day"
        );
        out.insert(lang.into(), card);
    }
    Value::Object(out)
}

fn fixtures() -> Value {
    let mut children = Map::new();
    for s in SAMPLES {
        children.insert(key(s), record(s));
    }
    let h = harness();
    let mut app = Map::new();
    let mut strings = Map::new();
    let today = date(TODAY);
    for lang in LANGS {
        set_lang(&h, lang);
        app.insert(lang.into(), h.invoke("app_info", json!({})).unwrap());
        let t = I18n::new(lang).unwrap();
        let dates: Map<String, Value> = (-30..=30)
            .map(|n| shift(today, n))
            .map(|d| (d.to_string(), t.date(d).into()))
            .collect();
        strings.insert(
            lang.into(),
            json!({ "dates": dates, "syncFailed": t.t("town-sync-failed") }),
        );
    }
    json!({
        "about": "Recorded from the real app by src-tauri/tests/mock_fixtures.rs: do not edit by hand.",
        "today": TODAY,
        "app": app,
        "strings": strings,
        "children": children,
        "eventOrder": event_order(),
        "refusals": record_refusals(),
        "schedules": schedules(),
        "shares": record_shares(),
        "survey": record_survey(),
    })
}

#[test]
fn the_mock_fixtures_are_what_the_app_answers() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/backend/mock/fixtures.json");
    let fresh = serde_json::to_string_pretty(&fixtures()).unwrap() + "\n";
    if std::env::var_os("UPDATE_MOCK_FIXTURES").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is not what the app answers now: run \
         `UPDATE_MOCK_FIXTURES=1 cargo test -p tsunagu-app --test mock_fixtures` and commit it",
        path.display()
    );
}
