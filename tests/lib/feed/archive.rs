//! The town's overlays in the archive: on the child's days from registration on, in the reader's
//! language, never after the messages were stopped, and found by search.

use tsunagu::store::{EndReason, NewChild, TownEntry};

use super::{AGE3, store_with_sample};
use crate::d;

fn keys_of(entries: &[TownEntry]) -> Vec<(String, &str)> {
    entries
        .iter()
        .map(|e| (e.due_on.to_string(), e.overlay.key.as_str()))
        .collect()
}

#[test]
fn the_archive_keeps_the_town_overlays_of_each_child_day_since_registration() {
    let mut store = store_with_sample(1);
    // Registered two days after a birth a week early: the pregnancy desk (8w0d) was long
    // before, the newborn visit (day 14) is the first town item the family has.
    let baby = store
        .add_child(
            &NewChild {
                nickname: "はる".into(),
                due_date: Some(d("2027-06-01")),
                birth_date: Some(d("2027-05-25")),
            },
            d("2027-05-27"),
        )
        .unwrap();
    let later = d("2028-06-01");
    let ja = store.town_archive("demo", AGE3, later, "ja", None).unwrap();
    assert_eq!(
        keys_of(&ja),
        [
            ("2028-05-25".to_owned(), "card"),
            ("2027-09-25".to_owned(), "m4"),
            ("2027-06-08".to_owned(), "visit"),
        ],
        "newest first"
    );
    assert!(
        ja.iter()
            .all(|e| e.child_id == baby.id && e.nickname == "はる")
    );
    assert_eq!(ja[1].overlay.title, "4か月児健診 v1");
    // In English where the town wrote it, else in Japanese.
    let en = store.town_archive("demo", AGE3, later, "en", None).unwrap();
    let titles: Vec<&str> = en.iter().map(|e| e.overlay.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "バースデーカード v1",
            "4-month check-up v1",
            "赤ちゃん訪問 v1"
        ]
    );
    // Only what has happened by today; nothing for another child's filter.
    let early = store
        .town_archive("demo", AGE3, d("2027-09-24"), "ja", None)
        .unwrap();
    assert_eq!(keys_of(&early), [("2027-06-08".to_owned(), "visit")]);
    assert!(
        store
            .town_archive("demo", AGE3, later, "ja", Some(baby.id + 1))
            .unwrap()
            .is_empty()
    );

    // Search: every word, any case, in the title or the text.
    let hits = store
        .search_town("demo", AGE3, later, "ja", "健診 V1")
        .unwrap();
    assert_eq!(keys_of(&hits), [("2027-09-25".to_owned(), "m4")]);
    assert_eq!(
        store
            .search_town("demo", AGE3, later, "ja", "v1")
            .unwrap()
            .len(),
        3
    );
    assert!(
        store
            .search_town("demo", AGE3, later, "ja", "  ")
            .unwrap()
            .is_empty()
    );

    // Stopping the messages stops the town's items from that day on; the earlier ones stay.
    store
        .end_child(baby.id, EndReason::ChildLoss, d("2027-09-01"))
        .unwrap();
    let stopped = store.town_archive("demo", AGE3, later, "ja", None).unwrap();
    assert_eq!(keys_of(&stopped), [("2027-06-08".to_owned(), "visit")]);
}
