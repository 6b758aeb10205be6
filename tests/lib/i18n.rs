//! The Fluent strings: both languages complete, and ages said the way parents say them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use tsunagu::cadence::{Age, Milestone, Stage};
use tsunagu::i18n::{self, I18n};

fn keys(lang: &str) -> BTreeSet<String> {
    i18n::source(lang)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k))
        .filter(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn japanese_and_english_have_the_same_keys() {
    let (ja, en) = (keys("ja"), keys("en"));
    assert!(ja.len() > 50);
    assert_eq!(
        ja.difference(&en).collect::<Vec<_>>(),
        Vec::<&String>::new()
    );
    assert_eq!(
        en.difference(&ja).collect::<Vec<_>>(),
        Vec::<&String>::new()
    );
}

#[test]
fn every_error_and_finding_has_words_in_both_languages() {
    let codes = [
        "invalid-date",
        "no-dates",
        "due-date-too-far",
        "due-date-passed",
        "birth-in-future",
        "birth-before-viable",
        "birth-after-due-date",
        "birth-too-long-ago",
        "unknown-slot",
        "unknown-child",
        "already-born",
        "not-born",
        "child-ended",
        "child-not-ended",
        "unknown-locale",
        "invalid-setting",
        "database-too-new",
        "sqlite-too-old",
        "data-readable",
        "database-corrupt",
        "database",
        "catalogue",
        "io",
        "text-too-long",
        "link-not-allowed",
        "invalid-import",
    ];
    let findings = [
        "not-a-slot",
        "bad-front-matter",
        "empty-title",
        "title-too-long",
        "no-topics",
        "unknown-topic",
        "raw-html",
        "disallowed-markup",
        "bad-link",
        "body-length",
        "near-copy",
        "missing",
    ];
    for lang in i18n::LANGUAGES {
        let t = I18n::new(lang).unwrap();
        for code in codes {
            assert!(t.has(&format!("error-{code}")), "{lang}: error-{code}");
        }
        for code in findings {
            assert!(t.has(&format!("finding-{code}")), "{lang}: finding-{code}");
        }
    }
    let err = tsunagu::Error::DueDateTooFar {
        due_date: NaiveDate::from_ymd_opt(2031, 11, 25).unwrap(),
    };
    assert!(I18n::new("ja").unwrap().error(&err).contains("2031-11-25"));
}

#[test]
fn ages_read_naturally() {
    let ja = I18n::new("ja").unwrap();
    let en = I18n::new("en").unwrap();
    let cases = [
        (
            Age::Gestation { weeks: 12, days: 3 },
            "妊娠12週3日",
            "12 weeks 3 days pregnant",
        ),
        (
            Age::Gestation { weeks: 1, days: 1 },
            "妊娠1週1日",
            "1 week 1 day pregnant",
        ),
        (Age::Days(45), "生後45日", "day 45"),
        (
            Age::Months {
                years: 0,
                months: 5,
            },
            "生後5か月",
            "5 months",
        ),
        (
            Age::Months {
                years: 1,
                months: 2,
            },
            "1歳2か月",
            "1 year 2 months",
        ),
        (
            Age::Months {
                years: 2,
                months: 0,
            },
            "2歳",
            "2 years",
        ),
        (
            Age::Months {
                years: 1,
                months: 1,
            },
            "1歳1か月",
            "1 year 1 month",
        ),
    ];
    for (age, japanese, english) in cases {
        assert_eq!(ja.age(age), japanese);
        assert_eq!(en.age(age), english);
    }
    // A preterm baby's corrected age beside the actual one. Audit finding 13: before the due date
    // a born baby's corrected age is written as neonatal follow-up does, never as a pregnancy.
    let months = |years, months| Age::Months { years, months };
    let preterm = [
        (
            months(0, 3),
            months(0, 1),
            "生後3か月(修正1か月)",
            "3 months (1 month corrected)",
        ),
        (
            Age::Days(99),
            Age::Gestation { weeks: 37, days: 5 },
            "生後99日(修正37週5日)",
            "day 99 (37 weeks 5 days corrected)",
        ),
        (
            months(0, 3),
            Age::Days(64),
            "生後3か月(修正64日)",
            "3 months (day 64 corrected)",
        ),
        (
            months(1, 4),
            months(1, 3),
            "1歳4か月(修正1歳3か月)",
            "1 year 4 months (1 year 3 months corrected)",
        ),
    ];
    for (actual, corrected, japanese, english) in preterm {
        let stage = Stage {
            actual,
            corrected: Some(corrected),
        };
        assert_eq!(ja.stage(stage), japanese);
        assert_eq!(en.stage(stage), english);
    }
    assert_eq!(
        ja.milestone(Milestone::DaysSinceBirth(100)),
        "生後100日。ここまで一日一日を重ねてきました。"
    );
    let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    assert_eq!(ja.date(date), "2026年11月25日(水)");
    assert_eq!(en.date(date), "Wed 25 Nov 2026");
}

#[test]
fn language_negotiation_prefers_japanese() {
    assert_eq!(i18n::negotiate(&["en-GB"]), "en");
    assert_eq!(i18n::negotiate(&["ja-JP"]), "ja");
    assert_eq!(i18n::negotiate(&["fr-FR"]), "ja");
    assert_eq!(i18n::negotiate(&[""]), "ja");
    assert!(I18n::new("fr").is_err());
}
