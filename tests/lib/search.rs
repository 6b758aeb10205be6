//! Searching the archive: Japanese substrings of any length, through the trigram index and the
//! index of character pairs, on a real store.

use tsunagu::cadence::{Programme, Slot};
use tsunagu::catalogue::Catalogue;
use tsunagu::store::{NewChild, Store};

use super::store::{expecting, test_catalogue};
use crate::d;

/// A baby born on 2026-11-20 and a pregnancy due 2027-04-01, with what is due up to 2026-11-25
/// delivered from the test catalogue (p-20d0, p-20d1 and b-0001).
fn family_with_messages() -> (Store, Catalogue) {
    let mut store = Store::open_in_memory().unwrap();
    let catalogue = test_catalogue();
    store
        .add_child(
            &NewChild {
                birth_date: Some(d("2026-11-20")),
                ..Default::default()
            },
            d("2026-11-20"),
        )
        .unwrap();
    store
        .add_child(&expecting("2027-04-01"), d("2026-11-20"))
        .unwrap();
    store
        .catch_up(&catalogue, Programme::ToThirdBirthday, d("2026-11-25"))
        .unwrap();
    (store, catalogue)
}

#[test]
fn japanese_search_finds_substrings_of_any_length() {
    let (store, _) = family_with_messages();
    let found = |q: &str| {
        store
            .search(q, 50)
            .unwrap()
            .iter()
            .map(|e| e.slot.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(found("離乳食"), ["b-0001"]); // trigram index
    assert_eq!(found("貧血"), ["p-20d0"]); // two characters: the index of pairs
    assert_eq!(found("鉄欠乏性貧血"), ["p-20d0"]);
    assert_eq!(found("沐浴"), ["b-0001"]); // in the title
    assert_eq!(found("bc"), ["p-20d1"]); // two ASCII letters: any case
    assert_eq!(found("Bcg"), ["p-20d1"]); // three: the trigram index, any case too
    assert_eq!(found("貧血 時期"), ["p-20d0"]);
    assert!(found("貧血 離乳食").is_empty());
    assert!(found("\"").is_empty());
    assert!(found("   ").is_empty());
    assert_eq!(
        store.search("貧血", 50).unwrap()[0].slot,
        Slot::Pregnancy { ga: 140 }
    );
}

/// One- and two-character words come from the index of character pairs: whatever the word, the
/// search finds exactly the messages whose title or text contains it, as reading them would.
#[test]
fn short_words_find_exactly_the_messages_that_contain_them() {
    let (store, catalogue) = family_with_messages();
    let delivered: Vec<(String, String)> = ["p-20d0", "p-20d1", "b-0001"]
        .iter()
        .map(|slot| {
            let m = catalogue.message("ja", slot.parse().unwrap()).unwrap();
            (slot.to_string(), format!("{}\n{}", m.title, m.plain_text()))
        })
        .collect();
    let mut words: Vec<String> = Vec::new();
    for (_, text) in &delivered {
        let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        for i in (0..chars.len()).step_by(7) {
            words.push(chars[i].to_string());
            if let Some(next) = chars.get(i + 1) {
                words.push(format!("{}{next}", chars[i]));
            }
        }
    }
    words.extend(["熱", "咳", "bc", "BC", "ab"].map(String::from));
    for word in &words {
        let mut found: Vec<String> = store
            .search(word, 50)
            .unwrap()
            .iter()
            .map(|e| e.slot.to_string())
            .collect();
        found.sort();
        let folded = word.to_lowercase();
        let mut expected: Vec<String> = delivered
            .iter()
            .filter(|(_, text)| text.to_lowercase().contains(&folded))
            .map(|(slot, _)| slot.clone())
            .collect();
        expected.sort();
        assert_eq!(found, expected, "{word}");
    }
}

#[test]
fn changing_the_language_reindexes_the_archive() {
    let (mut store, catalogue) = family_with_messages();
    store.set_setting("locale", "en").unwrap();
    store
        .catch_up(&catalogue, Programme::ToThirdBirthday, d("2026-11-25"))
        .unwrap();
    // No English text yet: the Japanese primary text stays findable rather than vanishing.
    assert_eq!(store.search("貧血", 5).unwrap().len(), 1);
}
