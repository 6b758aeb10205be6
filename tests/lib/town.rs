//! A town's own app: `tsunagu town check` on the two sample towns and on folders with planted
//! mistakes, the 1st-birthday programme, and the build overlay.

use std::path::Path;
use std::process::{Command, Output};

use tsunagu::cadence::{Child, Programme, Slot, birthday};
use tsunagu::town::check::{self, Folder, ProblemKind, Theme};
use tsunagu::town::{Town, bundle};

use crate::d;

const DEMO: &str = include_str!("../../content/towns/demo/town.toml");
const HIDAMARI: &str = include_str!("../../content/towns/hidamari/town.toml");
const DEMO_ICON: &[u8] = include_bytes!("../../content/towns/demo/icon.png");

fn tsunagu(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(args)
        .args(["--lang", lang])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A PNG header of the given size: all `check` reads of an icon.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend(width.to_be_bytes());
    bytes.extend(height.to_be_bytes());
    bytes.extend([8, 6, 0, 0, 0]);
    bytes
}

fn problems(toml: &str, icon: Option<&[u8]>) -> Vec<(String, ProblemKind)> {
    check::check(&Folder {
        name: Some("planted"),
        town_toml: toml,
        icon,
        feed: None,
        feed_signature: None,
    })
    .into_iter()
    .map(|p| (p.field, p.kind))
    .collect()
}

/// Every mistake a town's staff could make in a readable town.toml, one per field.
const PLANTED: &str = r##"
id = "Planted_Town"
sample = false
programme = "age5"
primary_color = "#f5d76e"
accent_color = "navy"
feed_url = "http://example.jp/feed.json"
public_key = "not a key"

[app]
identifier = "jp.example-town.kosodate"
package = "プランテッド"
publisher = " "
name = { ja = "とても長いアプリの名前はストアの一覧では三十文字で切れてしまいます", en = "Planted" }
short_name = { ja = "ひだまり子育てメール", en = "Planted" }
short_description = { ja = "毎朝ひとつ", fr = "Un message" }

[name]
ja = "植えた町\n(二行)"

[description]
ja = "説明"
en = " "

[[contacts]]
name = { ja = "相談窓口", en = "Advice line" }
phone = "8000"
url = "http://example.jp/advice"

[[contacts]]
name = { ja = "町の窓口", en = "Town desk" }
phone = "03-1234-567"
"##;

#[test]
fn both_sample_towns_have_no_problems() {
    for (id, name) in [("demo", "つなぐ"), ("hidamari", "ひだまり")] {
        let out = tsunagu("ja", &["town", "check", id]);
        assert!(out.status.success(), "{id}: {out:?}");
        assert!(stdout(&out).contains("問題はありません"), "{id}");
        let dir = format!("content/towns/{id}");
        let out = tsunagu("en", &["town", "check", &dir]);
        assert!(out.status.success() && stdout(&out).contains("no problems"));
        let town = Town::parse(&std::fs::read_to_string(format!("{dir}/town.toml")).unwrap());
        assert!(town.unwrap().app.name.get("ja").contains(name));
    }
}

#[test]
fn every_planted_mistake_is_reported_with_its_field() {
    let found = problems(PLANTED, Some(&png(512, 512)));
    let expect: &[(&str, &str)] = &[
        ("id", "bad-town-id"),
        ("id", "folder-mismatch"),
        ("programme", "bad-programme"),
        ("primary_color", "low-contrast"),
        ("accent_color", "bad-colour"),
        ("feed_url", "insecure-feed-url"),
        ("public_key", "bad-key"),
        ("app.identifier", "bad-identifier"),
        ("app.package", "bad-package"),
        ("app.publisher", "empty"),
        ("app.name.ja", "too-long"),
        ("app.short_name.ja", "too-wide"),
        ("app.short_description.en", "missing"),
        ("app.short_description.fr", "unknown-lang"),
        ("name.ja", "control-character"),
        ("name.en", "missing"),
        ("description.en", "empty"),
        ("contacts[0].phone", "bad-phone"),
        ("contacts[0].url", "bad-url"),
        ("contacts[1].phone", "bad-phone"),
        ("icon.png", "icon-wrong-size"),
    ];
    for (field, code) in expect {
        assert!(
            found.iter().any(|(f, k)| f == field && k.code() == *code),
            "{field} {code} not reported in {found:#?}"
        );
    }
    // White text on the pale yellow fails in the light theme; the dark theme puts dark ink on it.
    let contrast: Vec<_> = found
        .iter()
        .filter_map(|(_, k)| match k {
            ProblemKind::LowContrast { theme, .. } => Some(*theme),
            _ => None,
        })
        .collect();
    assert_eq!(contrast, [Theme::Light]);
    // Nothing else: each mistake once, and the fields that are right stay quiet.
    assert_eq!(found.len(), expect.len(), "{found:#?}");
}

#[test]
fn the_command_reports_each_mistake_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let town = dir.path().join("planted");
    std::fs::create_dir(&town).unwrap();
    std::fs::write(town.join("town.toml"), PLANTED).unwrap();
    std::fs::write(town.join("icon.png"), png(1024, 768)).unwrap();
    let folder = town.to_str().unwrap();
    let out = tsunagu("en", &["town", "check", folder]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stdout(&out);
    for line in [
        "app.identifier: \"jp.example-town.kosodate\" cannot be the app's identifier",
        "app.package: \"プランテッド\" cannot be the package name",
        "primary_color: In light mode text on this colour (#ffffff) has a contrast of 1.",
        "feed_url: \"http://example.jp/feed.json\" cannot be used",
        "public_key: This is not a public key.",
        "contacts[0].phone: \"8000\" is not a number a phone can dial",
        "app.short_name.ja: This is 20 columns wide on a home screen",
        "icon.png: It is 1024×768, not square.",
        "21 problems. Fix them and check again.",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    let ja = stdout(&tsunagu("ja", &["town", "check", folder]));
    assert!(
        ja.contains("primary_color: ライトモードでこの色の上の文字(#ffffff)のコントラスト比が 1.")
    );
    assert!(ja.contains("問題が 21 件あります"), "{ja}");
}

#[test]
fn unreadable_files_and_icons_are_reported() {
    let broken = DEMO.replace("[app]", "[app]\ncolour = \"#000000\"");
    let found = problems(&broken, Some(DEMO_ICON));
    assert_eq!(found.len(), 1, "{found:?}");
    match &found[0] {
        (field, ProblemKind::Unreadable { message, line }) => {
            assert_eq!(field, "town.toml");
            assert!(message.contains("colour"), "{message}");
            assert!(*line > 20, "the line of the unknown field: {line}");
        }
        other => panic!("{other:?}"),
    }
    let demo = DEMO.replace("id = \"demo\"", "id = \"planted\"");
    let codes = |icon: Option<&[u8]>| -> Vec<&'static str> {
        problems(&demo, icon)
            .iter()
            .map(|(_, k)| k.code())
            .collect()
    };
    assert_eq!(codes(Some(DEMO_ICON)), Vec::<&str>::new());
    assert_eq!(codes(None), ["icon-missing"]);
    assert_eq!(codes(Some(b"GIF89a")), ["icon-not-png"]);
    assert_eq!(codes(Some(&png(1024, 1000))), ["icon-not-square"]);
    assert_eq!(codes(Some(&png(2048, 2048))), ["icon-wrong-size"]);
}

#[test]
fn colours_are_checked_for_text_in_both_themes() {
    let with = |primary: &str, accent: &str| {
        let toml = DEMO
            .replace("#2e7d6f", primary)
            .replace("#e0885a", accent)
            .replace("id = \"demo\"", "id = \"planted\"");
        problems(&toml, Some(DEMO_ICON))
    };
    assert!(with("#2e7d6f", "#e0885a").is_empty());
    // A dark accent cannot carry the light theme's dark text.
    let dark_accent = with("#2e7d6f", "#1b2a4a");
    assert!(
        matches!(&dark_accent[..], [(f, ProblemKind::LowContrast { theme: Theme::Light, text: "#2a2521", .. })] if f == "accent_color"),
        "{dark_accent:?}"
    );
    // Mid grey: neither white nor dark ink reaches 4.5:1 on it, in either theme.
    let mid = with("#777777", "#e0885a");
    assert!(
        matches!(
            &mid[..],
            [
                (
                    _,
                    ProblemKind::LowContrast {
                        theme: Theme::Light,
                        text: "#ffffff",
                        ..
                    }
                ),
                (
                    _,
                    ProblemKind::LowContrast {
                        theme: Theme::Dark,
                        ..
                    }
                ),
            ]
        ),
        "{mid:?}"
    );
    // In the dark theme the app's text on a pale accent's dark tint still reads.
    assert!(with("#2e7d6f", "#fff3c4").is_empty());
    assert_eq!(
        with("#2e7d6f", "#e0885").len(),
        1,
        "five digits are no colour"
    );
}

#[test]
fn a_town_that_is_not_a_sample_needs_a_published_feed_address() {
    let real = DEMO
        .replace("sample = true", "sample = false")
        .replace("id = \"demo\"", "id = \"planted\"");
    let found = problems(&real, Some(DEMO_ICON));
    assert!(
        matches!(&found[..], [(f, ProblemKind::LocalFeedUrl(_))] if f == "feed_url"),
        "{found:?}"
    );
    let published = real.replace(
        "http://127.0.0.1:8750/feed.json",
        "https://example.jp/kosodate/feed.json",
    );
    assert!(problems(&published, Some(DEMO_ICON)).is_empty());
}

#[test]
fn the_bundled_feed_must_pass_the_apps_own_verification() {
    let folder = |toml: &'static str, feed: &'static str, signature: Option<&'static str>| {
        let found = check::check(&Folder {
            name: None,
            town_toml: toml,
            icon: Some(DEMO_ICON),
            feed: Some(feed.as_bytes()),
            feed_signature: signature.map(str::as_bytes),
        });
        found
            .into_iter()
            .map(|p| (p.field, p.kind))
            .collect::<Vec<_>>()
    };
    let demo_feed = include_str!("../../content/towns/demo/feed.json");
    let demo_sig = include_str!("../../content/towns/demo/feed.json.minisig");
    let hidamari_feed = include_str!("../../content/towns/hidamari/feed.json");
    let hidamari_sig = include_str!("../../content/towns/hidamari/feed.json.minisig");
    assert_eq!(folder(DEMO, demo_feed, Some(demo_sig)), []);
    assert_eq!(folder(HIDAMARI, hidamari_feed, Some(hidamari_sig)), []);
    // A new key without re-signing: the app would refuse its own bundled feed.
    let found = folder(HIDAMARI, demo_feed, Some(demo_sig));
    assert!(
        matches!(&found[..], [(f, ProblemKind::BundledFeed { code: "feed-wrong-key", .. })] if f == "feed.json"),
        "{found:?}"
    );
    let edited = Box::leak(demo_feed.replace("妊娠8週", "妊娠9週").into_boxed_str());
    let found = folder(DEMO, edited, Some(demo_sig));
    assert!(matches!(
        &found[..],
        [(
            _,
            ProblemKind::BundledFeed {
                code: "feed-signature",
                ..
            }
        )]
    ));
    let found = folder(DEMO, demo_feed, None);
    assert!(matches!(&found[..], [(f, ProblemKind::Missing)] if f == "feed.json.minisig"));
    // Another town's feed signed with this town's key.
    let other = DEMO.replace("id = \"demo\"", "id = \"other\"");
    let other = Box::leak(other.into_boxed_str());
    let found = folder(other, demo_feed, Some(demo_sig));
    assert!(
        matches!(&found[..], [(_, ProblemKind::FeedOtherTown(t))] if t == "demo"),
        "{found:?}"
    );
    let en = tsunagu::i18n::I18n::new("en").unwrap();
    let problem = check::check(&Folder {
        name: None,
        town_toml: HIDAMARI,
        icon: Some(DEMO_ICON),
        feed: Some(demo_feed.as_bytes()),
        feed_signature: Some(demo_sig.as_bytes()),
    });
    assert!(
        problem[0]
            .describe(&en)
            .starts_with("feed.json: The app built from this folder would refuse this feed: "),
        "{}",
        problem[0].describe(&en)
    );
}

#[test]
fn phone_numbers_a_phone_can_dial() {
    for ok in [
        "#8000",
        "#7119",
        "119",
        "189",
        "0120-123-456",
        "090-1234-5678",
        "0312345678",
    ] {
        assert!(check::is_dialable(ok), "{ok}");
    }
    for bad in [
        "",
        "8000",
        "#800",
        "1190",
        "03-1234-567",
        "03-1234--5678",
        "+81 3 1234 5678",
        "03(1234)5678",
        "-0312345678",
    ] {
        assert!(!check::is_dialable(bad), "{bad}");
    }
}

#[test]
fn the_first_birthday_town_ends_on_the_first_birthday() {
    let town = Town::parse(HIDAMARI).unwrap();
    assert_eq!(town.programme(), Programme::ToFirstBirthday);
    let born = d("2027-06-15");
    let child = Child::projected(Some(d("2027-06-20")), Some(born)).unwrap();
    let plan = child.plan(town.programme());
    let last = plan.last().unwrap();
    assert_eq!(last.date, birthday(born, 1));
    assert_eq!(last.slot, Slot::Year1 { week: 0 });
    assert!(plan.len() < child.plan(Town::parse(DEMO).unwrap().programme()).len());
}

#[test]
fn the_overlay_brands_the_build() {
    let base: serde_json::Value =
        serde_json::from_str(include_str!("../../src-tauri/tauri.conf.json")).unwrap();
    let dir = Path::new("/build/towns/hidamari");
    let town = Town::parse(HIDAMARI).unwrap();
    let desktop = dir.join("hidamari-kosodate.desktop");
    let overlay = bundle::overlay(&town, &base, &dir.join("icons"), &desktop);
    assert_eq!(overlay["identifier"], "jp.tsunagu.sample.hidamari");
    assert_eq!(overlay["productName"], "hidamari-kosodate");
    assert_eq!(overlay["mainBinaryName"], "hidamari-kosodate");
    assert_eq!(overlay["bundle"]["publisher"], "Hidamari Town (sample)");
    assert_eq!(
        overlay["bundle"]["linux"]["deb"]["desktopTemplate"],
        "/build/towns/hidamari/hidamari-kosodate.desktop"
    );
    assert!(
        overlay["bundle"]["icon"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i
                .as_str()
                .unwrap()
                .starts_with("/build/towns/hidamari/icons/"))
    );
    // Arrays are replaced whole by a merge patch: the window keeps its size, only the title changes.
    let window = &overlay["app"]["windows"][0];
    assert_eq!(window["title"], "ひだまり子育てメール");
    assert_eq!(window["width"], base["app"]["windows"][0]["width"]);
    assert_eq!(window["label"], "main");

    let entry = bundle::desktop_entry(&town);
    assert!(entry.contains("\nName=ひだまり子育てメール\nName[en]=Hidamari Baby Mail\n"));
    assert!(entry.contains("Exec={{exec}}") && entry.contains("Icon={{icon}}"));
    let demo = bundle::desktop_entry(&Town::parse(DEMO).unwrap());
    assert!(demo.contains("\nName=つなぐ\n"));
}
