//! The catalogue's checks (shared/CONTENT.md). The first test is the one that holds the real,
//! embedded catalogue to the standard in CI.

use tsunagu::cadence::{Range, Slot};
use tsunagu::catalogue::{Catalogue, Finding};

const MANIFEST: &str = r#"
topics = ["growth", "body", "nutrition", "daily-life", "care", "illness-injury", "vaccination-checkup",
  "safety", "parent-health", "mental-health", "partner-family", "procedures", "encouragement"]
[complete]
ja = []
"#;

/// A body of `n` distinct-looking Japanese characters, so that bodies do not look like copies.
pub fn body(seed: u32, n: usize) -> String {
    let mut s = String::new();
    let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    while s.chars().count() < n {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s.push(char::from_u32(0x4e00 + x % 0x5000).unwrap());
    }
    s
}

pub fn message(title: &str, topics: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ntopics = [{topics}]\n+++\n{body}\n")
}

fn findings(manifest: &str, files: &[(&str, String)]) -> Vec<(String, Finding)> {
    let files = files
        .iter()
        .map(|(name, text)| ("ja".to_owned(), name.to_string(), text.as_str()));
    Catalogue::from_files(manifest, files)
        .unwrap()
        .check()
        .findings
}

#[test]
fn the_embedded_catalogue_meets_the_standard() {
    let catalogue = Catalogue::embedded().unwrap();
    let report = catalogue.check();
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    let ja = report
        .coverage
        .iter()
        .find(|c| c.locale == "ja")
        .expect("a Japanese catalogue");
    assert!(ja.written > 0);
    assert_eq!(ja.total, 534);
}

#[test]
fn a_good_message_passes_and_is_found_by_slot() {
    let text = message(
        "赤ちゃんの心臓が動き始めるころ",
        "\"growth\", \"body\"",
        &body(1, 300),
    );
    assert!(findings(MANIFEST, &[("p-06d0.md", text.clone())]).is_empty());
    let files = [("ja".to_owned(), "p-06d0.md".to_owned(), text.as_str())];
    let catalogue = Catalogue::from_files(MANIFEST, files).unwrap();
    let m = catalogue.message("ja", "p-06d0".parse().unwrap()).unwrap();
    assert_eq!(m.title, "赤ちゃんの心臓が動き始めるころ");
    assert_eq!(catalogue.message("ja", Slot::Close), None);
    // English falls back to the primary locale, never to an invented message.
    assert_eq!(
        catalogue
            .message_or_primary("en", "p-06d0".parse().unwrap())
            .unwrap()
            .0,
        "ja"
    );
}

#[test]
fn each_rule_is_enforced() {
    let ok_body = body(2, 300);
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "p-03d0.md",
            message("早すぎる", "\"growth\"", &ok_body),
            "not-a-slot",
        ),
        (
            "b-0102.md",
            message("三日おきでない日", "\"growth\"", &ok_body),
            "not-a-slot",
        ),
        (
            "p-05d0.md",
            format!("title = \"x\"\n{ok_body}"),
            "bad-front-matter",
        ),
        (
            "p-05d1.md",
            "+++\ntitle = \"閉じていない\"\ntopics = []\n".to_owned() + &ok_body,
            "bad-front-matter",
        ),
        (
            "p-05d2.md",
            "+++\ntitle = \"余計な項目\"\ntopics = [\"growth\"]\nauthor = \"x\"\n+++\n".to_owned()
                + &ok_body,
            "bad-front-matter",
        ),
        (
            "p-05d3.md",
            message("知らない分類", "\"gossip\"", &ok_body),
            "unknown-topic",
        ),
        ("p-05d4.md", message("分類なし", "", &ok_body), "no-topics"),
        (
            "p-05d5.md",
            message(
                "HTMLあり",
                "\"body\"",
                &format!("{ok_body}<script>alert(1)</script>"),
            ),
            "raw-html",
        ),
        (
            "p-05d6.md",
            message("見出しあり", "\"body\"", &format!("# 見出し\n\n{ok_body}")),
            "disallowed-markup",
        ),
        (
            "p-06d0.md",
            message(
                "画像あり",
                "\"body\"",
                &format!("{ok_body}\n\n![x](https://example.com/a.png)"),
            ),
            "disallowed-markup",
        ),
        (
            "p-06d1.md",
            message(
                "危ないリンク",
                "\"body\"",
                &format!("{ok_body}\n\n[ここ](javascript:alert(1))"),
            ),
            "bad-link",
        ),
        (
            "p-06d2.md",
            message(&"長".repeat(33), "\"body\"", &ok_body),
            "title-too-long",
        ),
        (
            "p-06d3.md",
            message("短すぎる本文", "\"body\"", &body(3, 249)),
            "body-length",
        ),
        (
            "p-06d4.md",
            message("長すぎる本文", "\"body\"", &body(4, 801)),
            "body-length",
        ),
        (
            "p-06d5.md",
            message("", "\"body\"", &ok_body),
            "empty-title",
        ),
    ];
    for (file, text, code) in cases {
        let found = findings(MANIFEST, &[(file, text)]);
        assert!(
            found.iter().any(|(_, f)| f.code() == code),
            "{file}: expected {code}, got {found:?}"
        );
    }
    // 32 characters and 250 or 800 are within the limits.
    let edge = [
        (
            "p-07d0.md",
            message(&"題".repeat(32), "\"body\"", &body(5, 250)),
        ),
        ("p-07d1.md", message("八百字", "\"body\"", &body(6, 800))),
    ];
    assert!(findings(MANIFEST, &edge).is_empty());
}

#[test]
fn near_copies_are_caught() {
    let a = body(7, 400);
    let mut b: String = a.chars().take(360).collect();
    b.push_str(&body(8, 40));
    let files = [
        ("p-10d0.md", message("ひとつめ", "\"growth\"", &a)),
        ("p-10d1.md", message("ふたつめ", "\"growth\"", &b)),
        (
            "p-10d2.md",
            message("みっつめ", "\"growth\"", &body(9, 400)),
        ),
    ];
    let found = findings(MANIFEST, &files);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "ja/p-10d1.md");
    assert!(matches!(&found[0].1, Finding::NearCopy { other, .. } if other == "p-10d0"));
}

#[test]
fn coverage_is_reported_honestly_and_enforced_once_declared_complete() {
    let files = [(
        "p-04d0.md",
        message("はじめの日", "\"growth\"", &body(10, 300)),
    )];
    let files_iter = || {
        files
            .iter()
            .map(|(n, t)| ("ja".to_owned(), n.to_string(), t.as_str()))
    };
    let report = Catalogue::from_files(MANIFEST, files_iter())
        .unwrap()
        .check();
    assert!(report.findings.is_empty());
    let ja = &report.coverage[0];
    assert_eq!((ja.written, ja.total), (1, 534));
    assert_eq!(ja.missing, ["p-04d1..y3"]);
    assert_eq!(ja.ranges[0], (Range::Pregnancy, 1, 266, false));
    let declared = MANIFEST.replace("ja = []", "ja = [\"pregnancy\"]");
    let report = Catalogue::from_files(&declared, files_iter())
        .unwrap()
        .check();
    assert_eq!(report.findings.len(), 1);
    assert!(
        matches!(&report.findings[0].1, Finding::Missing { range: "pregnancy", slots } if slots == "p-04d1..p-41d6")
    );
    let bad_range = MANIFEST.replace("ja = []", "ja = [\"antenatal\"]");
    assert!(Catalogue::from_files(&bad_range, files_iter()).is_err());
}

#[test]
fn plain_text_drops_markdown_marks() {
    let text = message(
        "t",
        "\"care\"",
        "**大切なこと**は[こちら](https://example.jp)。\n\n- ひとつ\n- ふたつ",
    );
    let files = [("ja".to_owned(), "b-0001.md".to_owned(), text.as_str())];
    let catalogue = Catalogue::from_files(MANIFEST, files).unwrap();
    let plain = catalogue
        .message("ja", Slot::Baby { day: 1 })
        .unwrap()
        .plain_text();
    assert_eq!(plain, "大切なことはこちら。\n・ひとつ\n・ふたつ");
}
