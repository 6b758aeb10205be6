//! Every problem in a town folder before anything is built: the identifier and package name the
//! stores and Debian accept, names in both languages that fit a home screen and a store listing,
//! colours that keep text readable, a feed address and key the app will use, dialable phone
//! numbers, and the source icon. Plain functions over the folder's bytes; the command reads them.
//! Addresses follow the feed's own rule (`feed::is_allowed_feed_url`), so the check and the app
//! never disagree.

use crate::cadence::Programme;
use crate::feed::{is_allowed_feed_url, is_https_url};

use super::colour::mix;
pub use super::colour::{Rgb, contrast, parse_colour};
pub use super::problem::{Problem, ProblemKind, Theme};
use super::{Localised, Town};

/// The source icon's file name inside a town folder.
pub const ICON: &str = "icon.png";
/// The source icon's side: the Tauri CLI makes every platform's sizes from it.
pub const ICON_SIZE: u32 = 1024;
/// Store listings cut an app's name at 30 characters (App Store and Google Play alike).
pub const MAX_APP_NAME: usize = 30;
/// About 12 Latin letters (6 Japanese characters) fit under an icon on a phone's home screen.
pub const MAX_SHORT_NAME_COLUMNS: usize = 12;
/// Google Play's short description holds 80 characters.
pub const MAX_SHORT_DESCRIPTION: usize = 80;
/// WCAG 2.2 AA for body text.
pub const MIN_CONTRAST: f64 = 4.5;

/// The text the app sets on a town's colours (ui/src/styles/base.css, ui/src/lib/colour.ts). On
/// `primary_color` (filled buttons, the header band): white in the light theme; in the dark theme
/// white or the app's dark ink, whichever reads better. On `accent_color` (highlights): the light
/// theme's text, and in the dark theme its text on the dark tint the app mixes from the accent.
const WHITE: (&str, Rgb) = ("#ffffff", [255, 255, 255]);
const DARK_INK: (&str, Rgb) = ("#111816", [0x11, 0x18, 0x16]);
const LIGHT_TEXT: (&str, Rgb) = ("#2a2521", [0x2a, 0x25, 0x21]);
const DARK_TEXT: (&str, Rgb) = ("#eeeae4", [0xee, 0xea, 0xe4]);
const DARK_PAGE: Rgb = [0x15, 0x1a, 0x19];
/// How far the dark theme's accent tint is mixed toward the page (ui/src/lib/colour.ts).
const DARK_TINT: f64 = 0.82;

/// A town folder as read from disk: its name, `town.toml`, and `icon.png` if there is one.
#[derive(Clone, Copy, Debug)]
pub struct Folder<'a> {
    /// The folder's own name, which must be the town's `id` (`None`: not checked).
    pub name: Option<&'a str>,
    pub town_toml: &'a str,
    pub icon: Option<&'a [u8]>,
    /// `feed.json` and `feed.json.minisig`: built into the app as its first town information, so
    /// they must pass the app's own verification with the folder's key.
    pub feed: Option<&'a [u8]>,
    pub feed_signature: Option<&'a [u8]>,
}

/// Every problem in a town folder; empty when it can be built.
///
/// ```
/// use tsunagu::town::check::{check, Folder};
/// let toml = "id = 'x'";
/// let folder = Folder { name: None, town_toml: toml, icon: None, feed: None, feed_signature: None };
/// let problems = check(&folder);
/// assert!(problems.iter().any(|p| p.kind.code() == "unreadable"));
/// ```
pub fn check(folder: &Folder) -> Vec<Problem> {
    let mut out = Problems::default();
    check_icon(folder.icon, &mut out);
    match toml::from_str::<Town>(folder.town_toml) {
        Ok(town) => {
            check_town(&town, folder.name, &mut out);
            check_feed(&town, folder, &mut out);
        }
        Err(e) => {
            let line = e
                .span()
                .map(|s| folder.town_toml[..s.start].matches('\n').count() + 1)
                .unwrap_or(0);
            out.add(
                "town.toml",
                ProblemKind::Unreadable {
                    message: e.message().to_owned(),
                    line,
                },
            );
        }
    }
    out.0.sort_by_key(|p| p.field == ICON);
    out.0
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, kind: ProblemKind) {
        self.0.push(Problem {
            field: field.into(),
            kind,
        });
    }
}

fn check_town(town: &Town, folder: Option<&str>, out: &mut Problems) {
    if !is_town_id(&town.id) {
        out.add("id", ProblemKind::BadTownId(town.id.clone()));
    }
    if let Some(folder) = folder.filter(|f| *f != town.id) {
        out.add(
            "id",
            ProblemKind::FolderMismatch {
                folder: folder.to_owned(),
            },
        );
    }
    if Programme::from_name(&town.programme).is_none() {
        out.add(
            "programme",
            ProblemKind::BadProgramme(town.programme.clone()),
        );
    }
    check_colours(town, out);
    if !is_allowed_feed_url(&town.feed_url) {
        out.add(
            "feed_url",
            ProblemKind::InsecureFeedUrl(town.feed_url.clone()),
        );
    } else if !town.sample && !town.feed_url.starts_with("https://") {
        out.add("feed_url", ProblemKind::LocalFeedUrl(town.feed_url.clone()));
    }
    if minisign_verify::PublicKey::from_base64(town.public_key.trim()).is_err() {
        out.add("public_key", ProblemKind::BadKey);
    }
    check_text("name", &town.name, None, out);
    check_multiline("description", &town.description, out);
    if town.contacts.is_empty() {
        out.add("contacts", ProblemKind::Missing);
    }
    for (i, contact) in town.contacts.iter().enumerate() {
        let field = |f: &str| format!("contacts[{i}].{f}");
        check_text(&field("name"), &contact.name, None, out);
        if let Some(hours) = &contact.hours {
            check_text(&field("hours"), hours, None, out);
        }
        if let Some(phone) = contact.phone.as_deref().filter(|p| !is_dialable(p)) {
            out.add(field("phone"), ProblemKind::BadPhone(phone.to_owned()));
        }
        if let Some(url) = contact.url.as_deref().filter(|u| !is_https_url(u)) {
            out.add(field("url"), ProblemKind::BadUrl(url.to_owned()));
        }
    }
    let app = &town.app;
    if !is_identifier(&app.identifier) {
        out.add(
            "app.identifier",
            ProblemKind::BadIdentifier(app.identifier.clone()),
        );
    }
    if !is_package(&app.package) {
        out.add("app.package", ProblemKind::BadPackage(app.package.clone()));
    }
    check_line("app.publisher", &app.publisher, out);
    check_text("app.name", &app.name, Some(Limit::Chars(MAX_APP_NAME)), out);
    let short = Some(Limit::Columns(MAX_SHORT_NAME_COLUMNS));
    check_text("app.short_name", &app.short_name, short, out);
    let description = Some(Limit::Chars(MAX_SHORT_DESCRIPTION));
    check_text(
        "app.short_description",
        &app.short_description,
        description,
        out,
    );
}

/// The bundled feed as a fresh install verifies it (`feed::verify`) with the folder's own key.
fn check_feed(town: &Town, folder: &Folder, out: &mut Problems) {
    let Some(json) = folder.feed else {
        return;
    };
    let Some(signature) = folder.feed_signature else {
        out.add("feed.json.minisig", ProblemKind::Missing);
        return;
    };
    if minisign_verify::PublicKey::from_base64(town.public_key.trim()).is_err() {
        return; // already reported at public_key
    }
    match crate::feed::verify(json, signature, &town.public_key) {
        Err(e) => out.add(
            "feed.json",
            ProblemKind::BundledFeed {
                code: e.code(),
                args: e.args(),
            },
        ),
        Ok(verified) if verified.feed().town != town.id => out.add(
            "feed.json",
            ProblemKind::FeedOtherTown(verified.feed().town.clone()),
        ),
        Ok(_) => {}
    }
}

fn check_colours(town: &Town, out: &mut Problems) {
    for (field, value) in [
        ("primary_color", &town.primary_color),
        ("accent_color", &town.accent_color),
    ] {
        let Some(colour) = parse_colour(value) else {
            out.add(field, ProblemKind::BadColour(value.clone()));
            continue;
        };
        let pairs = if field == "primary_color" {
            let on_dark = if contrast(WHITE.1, colour) >= contrast(DARK_INK.1, colour) {
                WHITE
            } else {
                DARK_INK
            };
            [
                (Theme::Light, WHITE, colour),
                (Theme::Dark, on_dark, colour),
            ]
        } else {
            let tint = mix(colour, DARK_PAGE, DARK_TINT);
            [
                (Theme::Light, LIGHT_TEXT, colour),
                (Theme::Dark, DARK_TEXT, tint),
            ]
        };
        for (theme, (text, ink), background) in pairs {
            let ratio = contrast(ink, background);
            if ratio < MIN_CONTRAST {
                // Two decimals, cut rather than rounded: 4.499 must not read as 4.50.
                let ratio = format!("{:.2}", (ratio * 100.0).floor() / 100.0);
                out.add(field, ProblemKind::LowContrast { theme, text, ratio });
            }
        }
    }
}

enum Limit {
    Chars(usize),
    Columns(usize),
}

/// A one-line text in Japanese and English.
fn check_text(field: &str, text: &Localised, limit: Option<Limit>, out: &mut Problems) {
    check_languages(field, text, out);
    for (lang, value) in &text.0 {
        let field = format!("{field}.{lang}");
        if !check_line(&field, value, out) {
            continue;
        }
        match limit {
            Some(Limit::Chars(max)) if value.chars().count() > max => {
                let length = value.chars().count();
                out.add(field, ProblemKind::TooLong { length, max });
            }
            Some(Limit::Columns(max)) if columns(value) > max => {
                let columns = columns(value);
                out.add(field, ProblemKind::TooWide { columns, max });
            }
            _ => {}
        }
    }
}

/// A paragraph in Japanese and English.
fn check_multiline(field: &str, text: &Localised, out: &mut Problems) {
    check_languages(field, text, out);
    for (lang, value) in &text.0 {
        if value.trim().is_empty() {
            out.add(format!("{field}.{lang}"), ProblemKind::Empty);
        }
    }
}

fn check_languages(field: &str, text: &Localised, out: &mut Problems) {
    for lang in crate::i18n::LANGUAGES {
        if !text.0.contains_key(lang) {
            out.add(format!("{field}.{lang}"), ProblemKind::Missing);
        }
    }
    for lang in text.0.keys() {
        if !crate::i18n::LANGUAGES.contains(&lang.as_str()) {
            out.add(
                format!("{field}.{lang}"),
                ProblemKind::UnknownLang(lang.clone()),
            );
        }
    }
}

/// Whether `value` is a usable one-line text; reports why not.
fn check_line(field: &str, value: &str, out: &mut Problems) -> bool {
    if value.trim().is_empty() {
        out.add(field, ProblemKind::Empty);
        false
    } else if value.chars().any(char::is_control) {
        out.add(field, ProblemKind::ControlCharacter);
        false
    } else {
        true
    }
}

/// A town id: the folder's name and `TSUNAGU_TOWN`, lower-case ASCII.
fn is_town_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.ends_with('-')
}

/// A bundle identifier every store takes: at least three parts (a reversed domain and the app's
/// name), each a lower-case letter then letters and digits; no hyphens (Android package names
/// refuse them) and no underscores (Apple refuses them).
///
/// ```
/// use tsunagu::town::check::is_identifier;
/// assert!(is_identifier("jp.lg.example.kosodate"));
/// assert!(!is_identifier("jp.example") && !is_identifier("jp.example.kosodate-app"));
/// ```
pub fn is_identifier(identifier: &str) -> bool {
    let parts: Vec<&str> = identifier.split('.').collect();
    identifier.len() <= 100
        && parts.len() >= 3
        && parts.iter().all(|p| {
            p.starts_with(|c: char| c.is_ascii_lowercase())
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// An ASCII name for the binary and the Debian package: dpkg refuses Japanese, and two towns'
/// apps must not install the same file names.
///
/// ```
/// use tsunagu::town::check::is_package;
/// assert!(is_package("example-kosodate"));
/// assert!(!is_package("つなぐ") && !is_package("Example") && !is_package("a--b"));
/// ```
pub fn is_package(package: &str) -> bool {
    (2..=40).contains(&package.len())
        && package.starts_with(|c: char| c.is_ascii_lowercase())
        && !package.ends_with('-')
        && !package.contains("--")
        && package
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A number a phone in Japan dials as written: a `#` short code (#8000, #7119), a three-digit
/// number (119, 189), or a domestic number of 10 or 11 digits starting with 0, hyphens allowed
/// between groups.
///
/// ```
/// use tsunagu::town::check::is_dialable;
/// assert!(is_dialable("#8000") && is_dialable("119") && is_dialable("0120-123-456"));
/// assert!(!is_dialable("8000") && !is_dialable("03-1234-567") && !is_dialable("03(1234)5678"));
/// ```
pub fn is_dialable(phone: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if let Some(code) = phone.strip_prefix('#') {
        return code.len() == 4 && digits(code);
    }
    if phone.len() == 3 {
        return phone.starts_with('1') && digits(phone);
    }
    let count = phone.chars().filter(char::is_ascii_digit).count();
    phone.starts_with('0') && phone.split('-').all(digits) && (10..=11).contains(&count)
}

/// Columns a text takes on screen: two for a full-width character (kana, kanji, full-width
/// forms), one for others. Close enough to decide what fits under an icon.
pub fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// A PNG's width and height, read from its header (the first chunk is always IHDR).
///
/// ```
/// use tsunagu::town::check::png_size;
/// assert_eq!(png_size(b"not a png"), None);
/// ```
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let rest = bytes.strip_prefix(SIGNATURE)?;
    if rest.len() < 16 || &rest[4..8] != b"IHDR" {
        return None;
    }
    let word = |i: usize| u32::from_be_bytes([rest[i], rest[i + 1], rest[i + 2], rest[i + 3]]);
    Some((word(8), word(12)))
}

fn check_icon(icon: Option<&[u8]>, out: &mut Problems) {
    let Some(bytes) = icon else {
        out.add(ICON, ProblemKind::IconMissing);
        return;
    };
    match png_size(bytes) {
        None => out.add(ICON, ProblemKind::IconNotPng),
        Some((width, height)) if width != height => {
            out.add(ICON, ProblemKind::IconNotSquare { width, height })
        }
        Some((width, height)) if width != ICON_SIZE => {
            out.add(ICON, ProblemKind::IconWrongSize { width, height })
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_ui_palette() {
        // The demo's primary carries white text; its accent carries the light theme's text.
        assert!(contrast([0x2e, 0x7d, 0x6f], [255, 255, 255]) >= MIN_CONTRAST);
        assert!(contrast([0xe0, 0x88, 0x5a], LIGHT_TEXT.1) >= MIN_CONTRAST);
        assert!(contrast([0xe0, 0x88, 0x5a], [255, 255, 255]) < 3.0);
    }

    #[test]
    fn columns_count_japanese_double() {
        assert_eq!(columns("つなぐ"), 6);
        assert_eq!(columns("Tsunagu"), 7);
        assert_eq!(columns("ひだまり子育て"), 14);
    }

    #[test]
    fn short_colours_expand() {
        assert_eq!(parse_colour("#fff"), Some([255, 255, 255]));
        assert_eq!(parse_colour("2e7d6f"), None);
        assert_eq!(parse_colour("#2e7d6g"), None);
    }
}
