//! Share codes (issue #12): the round trip of every combination of fields, every damaged code
//! refused, and a decoded code giving the same plan as the child it came from.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tsunagu::cadence::{Child, Programme, SLOT_COUNT};
use tsunagu::share::{MAX_SHARE_NICKNAME_CHARS, Share, ShareId, ShareState, qr_svg};

use crate::d;

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn share(stopped: bool, due: Option<&str>, birth: Option<&str>, nickname: Option<&str>) -> Share {
    Share {
        id: ShareId::new(0x2345_6789 & ShareId::MAX).unwrap(),
        stopped,
        due_date: due.map(d),
        birth_date: birth.map(d),
        nickname: nickname.map(str::to_owned),
    }
}

/// Every combination the code can carry: stopped or not, due date, birth date (born early, late,
/// or registered by birth date only), and no nickname, a Latin one, a kana one, a kanji one.
fn every_combination() -> Vec<Share> {
    let dates = [
        (Some("2027-05-01"), None),
        (Some("2027-05-01"), Some("2027-04-20")),
        (Some("2027-05-01"), Some("2026-12-26")), // 22w0d: the earliest birth
        (Some("2027-05-01"), Some("2027-05-29")), // 44w0d: the latest
        (None, Some("2026-11-03")),
    ];
    let nicknames = [
        None,
        Some("Hana"),
        Some("まるちゃん"),
        Some("ソラ"),
        Some("陽向"),
        Some("こはる2号"),
    ];
    let mut out = Vec::new();
    for stopped in [false, true] {
        for (due, birth) in dates {
            for nickname in nicknames {
                out.push(share(stopped, due, birth, nickname));
            }
        }
    }
    out
}

#[test]
fn every_combination_of_fields_comes_back_the_same() {
    for s in every_combination() {
        let code = s.to_code("demo").unwrap();
        assert_eq!(Share::from_code(&code, "demo").unwrap(), s, "{code}");
        assert_eq!(
            Share::from_code(&code.to_lowercase(), "demo").unwrap(),
            s,
            "{code}"
        );
    }
}

#[test]
fn the_state_follows_the_dates_and_the_stop() {
    assert_eq!(
        share(false, Some("2027-05-01"), None, None).state(),
        ShareState::Expecting
    );
    assert_eq!(
        share(false, None, Some("2026-11-03"), None).state(),
        ShareState::Born
    );
    assert_eq!(
        share(true, Some("2027-05-01"), None, None).state(),
        ShareState::Stopped
    );
}

#[test]
fn codes_are_short_enough_to_read_aloud() {
    let len = |s: &Share| s.to_code("demo").unwrap().replace('-', "").len();
    // Expecting without a nickname: 17 characters, five groups.
    assert_eq!(len(&share(false, Some("2027-05-01"), None, None)), 17);
    // Born, with a five-kana nickname: 27.
    assert_eq!(
        len(&share(
            false,
            Some("2027-05-01"),
            Some("2027-04-20"),
            Some("まるちゃん")
        )),
        27
    );
    let code = share(false, Some("2027-05-01"), None, None)
        .to_code("demo")
        .unwrap();
    assert!(
        code.split('-').all(|g| (1..=4).contains(&g.len())),
        "{code}"
    );
    assert!(code.chars().all(|c| c == '-' || ALPHABET.contains(c)));
}

#[test]
fn look_alikes_spaces_and_hyphens_are_read_as_meant() {
    let s = share(false, Some("2027-05-01"), None, Some("まる"));
    let code = s.to_code("demo").unwrap();
    let spoken = code
        .replace('-', " ")
        .replace('1', "l")
        .replace('0', "o")
        .to_lowercase();
    assert_eq!(
        Share::from_code(&format!("  {spoken} "), "demo").unwrap(),
        s
    );
    assert_eq!(Share::from_code(&code.replace('-', ""), "demo").unwrap(), s);
}

fn damaged(text: &str) -> bool {
    Share::from_code(text, "demo").is_err_and(|e| e.code() == "share-code-damaged")
}

#[test]
fn every_single_changed_character_is_refused_as_damaged() {
    for s in every_combination() {
        let code = s.to_code("demo").unwrap();
        let chars: Vec<char> = code.chars().collect();
        for (i, c) in chars.iter().enumerate().filter(|(_, c)| **c != '-') {
            for other in ALPHABET.chars().filter(|o| o != c) {
                let mut changed = chars.clone();
                changed[i] = other;
                let changed: String = changed.into_iter().collect();
                assert!(damaged(&changed), "{code} → {changed}");
            }
        }
    }
}

#[test]
fn every_swap_of_two_neighbours_is_refused_as_damaged() {
    for s in every_combination() {
        let code = s.to_code("demo").unwrap().replace('-', "");
        let chars: Vec<char> = code.chars().collect();
        for i in 0..chars.len() - 1 {
            if chars[i] == chars[i + 1] {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            assert!(damaged(&swapped), "{code} → {swapped}");
        }
    }
}

#[test]
fn every_truncation_is_refused_as_damaged() {
    for s in every_combination() {
        let code = s.to_code("demo").unwrap().replace('-', "");
        for len in 0..code.len() {
            assert!(damaged(&code[..len]), "{code} cut to {len}");
        }
    }
}

#[test]
fn characters_outside_the_alphabet_are_refused_as_damaged() {
    let code = share(false, Some("2027-05-01"), None, None)
        .to_code("demo")
        .unwrap();
    for bad in ["U", "*", "あ", "_", "!"] {
        assert!(damaged(&format!("{code}{bad}")));
        assert!(damaged(&code.replacen('-', bad, 1)));
    }
    assert!(damaged(""));
    assert!(damaged("----"));
}

#[test]
fn another_towns_code_is_refused() {
    for s in every_combination() {
        let code = s.to_code("hidamari").unwrap();
        let e = Share::from_code(&code, "demo").unwrap_err();
        assert_eq!(e.code(), "share-code-other-town");
    }
}

/// The check of `docs/ipc.md`, written again from the document: Σ vᵢ·αⁱ = 0 over GF(32) modulo
/// x⁵ + x² + 1, α = x, the check symbol last.
fn with_check(data: &[u8]) -> String {
    fn mul(mut a: u8, mut b: u8) -> u8 {
        let mut p = 0;
        while b > 0 {
            if b & 1 == 1 {
                p ^= a;
            }
            b >>= 1;
            a <<= 1;
            if a & 32 != 0 {
                a ^= 0b100101;
            }
        }
        p
    }
    let pow = |i: usize| (0..i % 31).fold(1u8, |w, _| mul(w, 2));
    let total = data
        .iter()
        .enumerate()
        .fold(0, |t, (i, v)| t ^ mul(*v, pow(i)));
    let check = (0..32u8)
        .find(|c| total ^ mul(*c, pow(data.len())) == 0)
        .unwrap();
    data.iter()
        .chain([check].iter())
        .map(|v| ALPHABET.as_bytes()[*v as usize] as char)
        .collect()
}

fn symbols(code: &str) -> Vec<u8> {
    code.chars()
        .filter(|c| *c != '-')
        .map(|c| ALPHABET.find(c).unwrap() as u8)
        .collect()
}

#[test]
fn the_check_is_the_documented_one() {
    for s in every_combination() {
        let code = s.to_code("demo").unwrap();
        let data = symbols(&code);
        assert_eq!(with_check(&data[..data.len() - 1]), code.replace('-', ""));
    }
}

#[test]
fn a_code_from_a_newer_app_is_refused_as_too_new() {
    let code = share(false, Some("2027-05-01"), None, Some("まる"))
        .to_code("demo")
        .unwrap();
    let mut data = symbols(&code);
    data.pop();
    for version in [2u8, 3, 31] {
        data[0] = version;
        let newer = with_check(&data);
        let e = Share::from_code(&newer, "demo").unwrap_err();
        assert_eq!(e.code(), "share-code-too-new", "{newer}");
        assert!(e.to_string().contains(&format!("found={version}")));
    }
    // Version 0 was never written: damaged, not new.
    data[0] = 0;
    assert!(damaged(&with_check(&data)));
}

#[test]
fn what_a_code_cannot_carry_is_refused_when_made() {
    let long = "あ".repeat(MAX_SHARE_NICKNAME_CHARS + 1);
    let e = share(false, Some("2027-05-01"), None, Some(&long))
        .to_code("demo")
        .unwrap_err();
    assert_eq!(e.code(), "text-too-long");
    let ten_kanji = "陽".repeat(MAX_SHARE_NICKNAME_CHARS);
    assert!(
        share(false, Some("2027-05-01"), None, Some(&ten_kanji))
            .to_code("demo")
            .is_ok()
    );
    assert_eq!(
        share(false, None, None, None)
            .to_code("demo")
            .unwrap_err()
            .code(),
        "no-dates"
    );
    assert_eq!(
        share(false, Some("1999-12-31"), None, None)
            .to_code("demo")
            .unwrap_err()
            .code(),
        "invalid-date"
    );
    assert_eq!(
        share(false, Some("2027-05-01"), Some("2026-12-01"), None)
            .to_code("demo")
            .unwrap_err()
            .code(),
        "birth-before-viable"
    );
}

#[test]
fn an_empty_nickname_is_no_nickname() {
    let code = share(false, Some("2027-05-01"), None, Some("  "))
        .to_code("demo")
        .unwrap();
    assert_eq!(Share::from_code(&code, "demo").unwrap().nickname, None);
}

#[test]
fn the_qr_code_is_an_svg_sized_for_a_phone() {
    let code = share(false, Some("2027-05-01"), Some("2027-04-20"), Some("まる"))
        .to_code("demo")
        .unwrap();
    let svg = qr_svg(&code).unwrap();
    assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("#1a1a1a") && svg.contains("#ffffff"));
    let width: u32 = svg
        .split("width=\"")
        .nth(1)
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap();
    assert!((240..=600).contains(&width), "{width}");
}

fn date_in(from: NaiveDate, days: u64) -> NaiveDate {
    from + Days::new(days)
}

proptest! {
    /// A child read back from its code has the same plan, slot for slot, as the original: the
    /// longest path (a birth after 41w6d) has all 534 rows.
    #[test]
    fn a_decoded_code_gives_the_same_plan(
        due_offset in 0u64..3_000,
        birth_ga in proptest::option::of(154i64..=308),
        keep_due in any::<bool>(),
        stopped in any::<bool>(),
        id in 0u32..=ShareId::MAX,
        nickname in proptest::option::of("[あ-んア-ンa-zA-Z0-9 陽花]{0,10}"),
    ) {
        let due = date_in(d("2020-01-01"), due_offset);
        let birth = birth_ga.map(|ga| due + chrono::TimeDelta::days(ga - 280));
        let due_date = (keep_due || birth.is_none()).then_some(due);
        let original = Child::projected(due_date, birth).unwrap();
        let s = Share {
            id: ShareId::new(id).unwrap(),
            stopped,
            due_date,
            birth_date: birth,
            nickname: nickname.clone(),
        };
        let back = Share::from_code(&s.to_code("demo").unwrap(), "demo").unwrap();
        prop_assert_eq!(&back.due_date, &s.due_date);
        prop_assert_eq!(&back.birth_date, &s.birth_date);
        prop_assert_eq!(back.stopped, stopped);
        prop_assert_eq!(back.id, s.id);
        let trimmed = nickname.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        prop_assert_eq!(&back.nickname, &trimmed);
        let decoded = Child::projected(back.due_date, back.birth_date).unwrap();
        for programme in Programme::ALL {
            prop_assert_eq!(decoded.plan(programme), original.plan(programme));
        }
        if due_date.is_some() && birth_ga.is_some_and(|ga| ga > 293) {
            prop_assert_eq!(decoded.plan(Programme::ToThirdBirthday).len(), SLOT_COUNT);
        }
    }
}

#[test]
fn the_longest_path_has_all_534_rows_after_a_round_trip() {
    let s = share(false, Some("2027-05-01"), Some("2027-05-16"), None);
    let back = Share::from_code(&s.to_code("demo").unwrap(), "demo").unwrap();
    let plan = Child::projected(back.due_date, back.birth_date)
        .unwrap()
        .plan(Programme::ToThirdBirthday);
    assert_eq!(plan.len(), 534);
}
