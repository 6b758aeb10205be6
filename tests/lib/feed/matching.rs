//! Matching a feed to a family: overlays on their day by the cadence's rules, the store and the
//! kit's preview agreeing, and event notices for the right stages, mentioned once.

use super::*;

fn born(date: &str) -> Child {
    Child::born(d(date), d(date))
}

fn falls(child: &Child, date: &str) -> Vec<At> {
    feed::anchors_on(child, AGE3, d(date))
}

#[test]
fn overlays_fall_on_their_day_by_the_cadence_rules() {
    // Born on a 31st: months of age land on the month's last day when it is shorter.
    let c = born("2027-01-31");
    assert_eq!(falls(&c, "2027-02-14"), [At::Days(14)]);
    assert_eq!(falls(&c, "2027-02-28"), [At::Days(28), At::Months(1)]);
    assert_eq!(falls(&c, "2027-03-01"), [At::Days(29)]);
    assert_eq!(falls(&c, "2027-03-31"), [At::Days(59), At::Months(2)]);
    assert_eq!(falls(&c, "2027-05-31"), [At::Days(120), At::Months(4)]);
    assert_eq!(falls(&c, "2028-07-31"), [At::Days(547), At::Months(18)]);
    assert_eq!(
        falls(&c, "2028-01-31"),
        [At::Days(365), At::Months(12), At::Birthday(1)]
    );
    // Born on 29 February: birthdays on 28 February in common years.
    let leap = born("2028-02-29");
    assert_eq!(falls(&leap, "2028-06-29"), [At::Days(121), At::Months(4)]);
    assert_eq!(
        falls(&leap, "2029-02-28"),
        [At::Days(365), At::Months(12), At::Birthday(1)]
    );
    assert_eq!(falls(&leap, "2029-03-01"), [At::Days(366)]);
    assert_eq!(
        falls(&leap, "2031-02-28"),
        [At::Days(1095), At::Months(36), At::Birthday(3)]
    );
    assert_eq!(
        falls(&leap, "2031-03-01"),
        Vec::<At>::new(),
        "past the programme"
    );
    // Pregnancy by gestational day; nothing before registration or after the messages stopped.
    let e = expecting();
    assert_eq!(falls(&e, "2026-10-20"), [At::Pregnancy(56)]);
    assert_eq!(falls(&e, "2026-10-19"), Vec::<At>::new());
    let mut ended = born("2027-01-31");
    ended.ended_on = Some(d("2027-05-01"));
    assert_eq!(
        falls(&ended, "2027-05-31"),
        Vec::<At>::new(),
        "never after a loss"
    );
    assert_eq!(
        feed::anchors_on(&c, Programme::ToFirstBirthday, d("2028-07-31")),
        Vec::<At>::new()
    );

    let store = store_with_sample(1);
    assert_eq!(titles(&store, &c, d("2027-05-31")), ["4か月児健診 v1"]);
    assert_eq!(titles(&store, &leap, d("2028-06-29")), ["4か月児健診 v1"]);
    assert_eq!(
        titles(&store, &leap, d("2029-02-28")),
        ["バースデーカード v1"]
    );
    assert_eq!(titles(&store, &c, d("2028-07-31")), ["1歳6か月児健診 v1"]);
    // The reader's language when the town wrote it, else Japanese.
    let en: Vec<String> = store
        .town_overlays_on("demo", &c, AGE3, d("2027-02-14"), "en")
        .unwrap()
        .into_iter()
        .map(|o| o.title)
        .collect();
    assert_eq!(en, ["赤ちゃん訪問 v1"]);
    let en: Vec<String> = store
        .town_overlays_on("demo", &c, AGE3, d("2027-05-31"), "en")
        .unwrap()
        .into_iter()
        .map(|o| o.title)
        .collect();
    assert_eq!(en, ["4-month check-up v1"]);
}

#[test]
fn the_store_shows_exactly_what_the_feed_preview_shows() {
    let keys = kit::keygen(None).unwrap();
    let v = verified(1, &keys);
    let mut store = Store::open_in_memory().unwrap();
    store.apply_feed(&v, &Validators::default(), now()).unwrap();
    // Born a week early, recorded two days later.
    let child = Child {
        due_date: Some(d("2027-06-01")),
        birth: Some(Birth {
            date: d("2027-05-25"),
            recorded_on: d("2027-05-27"),
        }),
        registered_on: d("2026-10-01"),
        ended_on: None,
    };
    let (from, to) = (d("2026-10-01"), d("2030-06-01"));
    let mut days = 0;
    for date in from.iter_days().take_while(|x| *x <= to) {
        for lang in ["ja", "en"] {
            let stored = store
                .town_overlays_on("demo", &child, AGE3, date, lang)
                .unwrap();
            let previewed: Vec<_> = v
                .feed()
                .overlays_on(&child, AGE3, date, lang)
                .into_iter()
                .cloned()
                .collect();
            assert_eq!(stored, previewed, "{date} {lang}");
            days += !stored.is_empty() as usize;
        }
    }
    assert_eq!(
        days,
        2 * 5,
        "desk, visit, 4 and 18 months, 1st birthday, in two languages"
    );
    let between = store
        .town_overlays_between("demo", &child, AGE3, from, to, "ja")
        .unwrap();
    assert_eq!(
        between
            .iter()
            .map(|(date, o)| (date.to_string(), o.key.as_str()))
            .collect::<Vec<_>>(),
        [
            ("2026-10-20".to_owned(), "desk"),
            ("2027-06-08".to_owned(), "visit"),
            ("2027-09-25".to_owned(), "m4"),
            ("2028-05-25".to_owned(), "card"),
            ("2028-11-25".to_owned(), "m18"),
        ]
    );
}

#[test]
fn event_notices_concern_the_right_families_and_are_mentioned_once() {
    let keys = kit::keygen(None).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store
        .apply_feed(&verified(1, &keys), &Validators::default(), now())
        .unwrap();
    // The class (23 Jan 2027) is for 16w0d-35w6d.
    let at_21_weeks_then = Child::expecting(d("2027-06-01"), d("2026-10-01"));
    let at_36_weeks_then = Child::expecting(d("2027-02-12"), d("2026-10-01"));
    let baby = born("2026-09-01");
    let keys_for = |store: &Store, c: &Child, day: &str| -> Vec<String> {
        store
            .town_notices_for("demo", c, AGE3, d(day), "ja")
            .unwrap()
            .into_iter()
            .map(|n| n.key)
            .collect()
    };
    assert_eq!(
        keys_for(&store, &at_21_weeks_then, "2026-11-19"),
        Vec::<String>::new(),
        "not yet published"
    );
    assert_eq!(keys_for(&store, &at_21_weeks_then, "2026-11-20"), ["class"]);
    assert_eq!(
        keys_for(&store, &at_36_weeks_then, "2026-11-20"),
        Vec::<String>::new()
    );
    assert_eq!(keys_for(&store, &baby, "2026-11-20"), Vec::<String>::new());
    assert_eq!(keys_for(&store, &baby, "2027-01-10"), ["open"]);
    assert_eq!(
        keys_for(&store, &at_21_weeks_then, "2027-01-24"),
        Vec::<String>::new(),
        "over"
    );
    let listed = store.town_notices("demo", d("2027-01-10"), "en").unwrap();
    assert_eq!(
        listed.iter().map(|n| n.title.as_str()).collect::<Vec<_>>(),
        ["行事 class en", "行事 open ja"]
    );

    // Mentioned once: on the day it is claimed, again if re-armed that day, never after.
    let family = [at_21_weeks_then.clone(), baby.clone()];
    let claim = |store: &mut Store, day: &str| -> Vec<String> {
        store
            .claim_notice_mentions("demo", &family, AGE3, d(day), "ja")
            .unwrap()
            .into_iter()
            .map(|n| n.key)
            .collect()
    };
    assert_eq!(claim(&mut store, "2026-11-21"), ["class"]);
    assert_eq!(
        claim(&mut store, "2026-11-21"),
        ["class"],
        "re-arming the same day"
    );
    assert_eq!(claim(&mut store, "2026-11-22"), Vec::<String>::new());
    // A new version of the feed keeps the mark.
    store
        .apply_feed(&verified(2, &keys), &Validators::default(), now())
        .unwrap();
    assert_eq!(claim(&mut store, "2026-11-23"), Vec::<String>::new());
    assert_eq!(claim(&mut store, "2027-01-10"), ["open"]);
    assert_eq!(claim(&mut store, "2027-01-11"), Vec::<String>::new());
}
