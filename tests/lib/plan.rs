//! Notification planning: the rolling window, stable ids, one notification a day.

use chrono::{Days, NaiveTime};
use tsunagu::cadence::{Child, Programme};
use tsunagu::catalogue::Catalogue;
use tsunagu::i18n::I18n;
use tsunagu::plan::{self, MAX_PENDING, Reader};

use crate::d;

fn eight() -> NaiveTime {
    NaiveTime::from_hms_opt(8, 0, 0).unwrap()
}

#[test]
fn the_window_is_at_most_60_soonest_first_one_a_day() {
    let catalogue = Catalogue::embedded().unwrap();
    let t = I18n::new("ja").unwrap();
    let a = Child::expecting(d("2027-05-01"), d("2026-11-01"));
    let b = Child::born(d("2026-10-01"), d("2026-10-05"));
    let readers = [
        Reader {
            child_id: 1,
            nickname: "あお",
            child: &a,
        },
        Reader {
            child_id: 2,
            nickname: "",
            child: &b,
        },
    ];
    let window = plan::window(
        &readers,
        Programme::ToThirdBirthday,
        d("2026-11-25"),
        eight(),
        500,
        &catalogue,
        &t,
    );
    assert_eq!(window.len(), MAX_PENDING);
    assert!(
        window.windows(2).all(|w| w[0].date < w[1].date),
        "one a day, soonest first"
    );
    assert_eq!(window[0].date, d("2026-11-25"));
    assert_eq!(
        window[0].items.len(),
        2,
        "both children ride on the same notification"
    );
    assert!(window[0].title.contains('2'));
    assert!(
        window[0].body.contains("あお・妊娠17週4日"),
        "{}",
        window[0].body
    );
    // Every 3rd day after day 100 the baby has no slot; the expecting child still fills each day.
    assert!(window.iter().all(|p| p.time == eight()));
}

#[test]
fn ids_are_stable_across_re_arms_and_distinct_across_days() {
    let catalogue = Catalogue::embedded().unwrap();
    let t = I18n::new("en").unwrap();
    let child = Child::expecting(d("2027-05-01"), d("2026-11-01"));
    let readers = [Reader {
        child_id: 7,
        nickname: "",
        child: &child,
    }];
    let first = plan::window(
        &readers,
        Programme::ToThirdBirthday,
        d("2026-11-25"),
        eight(),
        60,
        &catalogue,
        &t,
    );
    let again = plan::window(
        &readers,
        Programme::ToThirdBirthday,
        d("2026-11-25"),
        eight(),
        60,
        &catalogue,
        &t,
    );
    assert_eq!(first, again);
    let next_day = plan::window(
        &readers,
        Programme::ToThirdBirthday,
        d("2026-11-26"),
        eight(),
        60,
        &catalogue,
        &t,
    );
    assert_eq!(
        first[1..],
        next_day[..59],
        "re-arming a day later replaces the same notifications"
    );
    let mut ids: Vec<i32> = first.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 60);
    assert!(
        ids.iter().all(|id| *id > 2),
        "ids 1 and 2 are the test and missed-summary notifications"
    );
}

#[test]
fn days_with_nothing_to_say_are_skipped_and_stopped_children_get_nothing() {
    let catalogue = Catalogue::embedded().unwrap();
    let t = I18n::new("ja").unwrap();
    let birth = d("2026-01-01");
    let child = Child::born(birth, birth);
    let readers = [Reader {
        child_id: 1,
        nickname: "",
        child: &child,
    }];
    let from = birth + Days::new(101);
    let window = plan::window(
        &readers,
        Programme::ToThirdBirthday,
        from,
        eight(),
        10,
        &catalogue,
        &t,
    );
    let gaps: Vec<i64> = window
        .windows(2)
        .map(|w| (w[1].date - w[0].date).num_days())
        .collect();
    assert!(gaps.iter().all(|g| *g == 3), "{gaps:?}");
    let mut stopped = child.clone();
    stopped.ended_on = Some(from);
    let readers = [Reader {
        child_id: 1,
        nickname: "",
        child: &stopped,
    }];
    assert!(
        plan::window(
            &readers,
            Programme::ToThirdBirthday,
            from,
            eight(),
            60,
            &catalogue,
            &t
        )
        .is_empty()
    );
}

/// Audit finding 12: a day whose slot has no message in the catalogue is not announced as a
/// message: the notification names only what the reader will find on opening the app.
#[test]
fn a_slot_without_a_message_is_not_announced() {
    let manifest = "topics = [\"growth\"]\n[complete]\n";
    let text = "+++\ntitle = \"生まれた日\"\ntopics = [\"growth\"]\n+++\n".to_owned()
        + &"はじめまして。".repeat(40);
    let catalogue = Catalogue::from_files(
        manifest,
        [("ja".to_owned(), "b-0000.md".to_owned(), text.as_str())],
    )
    .unwrap();
    let t = I18n::new("ja").unwrap();
    let baby = Child::born(d("2026-11-01"), d("2026-11-01"));
    let readers = [Reader {
        child_id: 1,
        nickname: "そら",
        child: &baby,
    }];
    let written = plan::day_items(
        &readers,
        Programme::ToThirdBirthday,
        d("2026-11-01"),
        &catalogue,
        "ja",
    );
    assert_eq!(written.len(), 1, "the birth day's message exists");
    let missing = plan::day_items(
        &readers,
        Programme::ToThirdBirthday,
        d("2026-11-02"),
        &catalogue,
        "ja",
    );
    assert!(
        missing.is_empty(),
        "day 1 has no message: nothing to announce, {missing:?}"
    );
    let window = plan::window(
        &readers,
        Programme::ToThirdBirthday,
        d("2026-11-01"),
        eight(),
        60,
        &catalogue,
        &t,
    );
    assert!(
        window
            .iter()
            .all(|p| p.date == d("2026-11-01") || p.items.iter().all(|i| i.due.slot.is_none())),
        "no planned notification names a slot without a message"
    );
    assert!(window.iter().all(|p| !p.title.contains("届いています")));
}
