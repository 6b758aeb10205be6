//! What `tsunagu town check` reports: one problem, the field it is in, a stable code and its words
//! in Japanese or English (Fluent `town-problem-<code>`).

use crate::i18n::I18n;

/// One thing wrong in a town folder, and the field it is in (`app.short_name.en`,
/// `contacts[2].phone`, `icon.png`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub kind: ProblemKind,
}

/// The theme a colour is checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// What is wrong. Rendered through Fluent as `town-problem-<code>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// `town.toml` is not readable as a town (TOML syntax, a missing or unknown field).
    Unreadable {
        message: String,
        line: usize,
    },
    Missing,
    Empty,
    /// A line break or other control character where one line is shown.
    ControlCharacter,
    /// A language other than ja and en.
    UnknownLang(String),
    TooLong {
        length: usize,
        max: usize,
    },
    /// Wider than a home screen shows, in columns (a Japanese character takes two).
    TooWide {
        columns: usize,
        max: usize,
    },
    BadTownId(String),
    /// The folder's name and `id` differ: the build looks the town up by its folder.
    FolderMismatch {
        folder: String,
    },
    BadProgramme(String),
    BadIdentifier(String),
    BadPackage(String),
    BadColour(String),
    /// Text on the colour falls short of WCAG 2.2 AA (4.5:1).
    LowContrast {
        theme: Theme,
        text: &'static str,
        ratio: String,
    },
    InsecureFeedUrl(String),
    /// A town that is not a sample points its apps at the computer they run on.
    LocalFeedUrl(String),
    BadKey,
    BadPhone(String),
    BadUrl(String),
    /// The app would refuse the feed built into it (the error's code and arguments).
    BundledFeed {
        code: &'static str,
        args: Vec<(&'static str, String)>,
    },
    /// The bundled feed names another town.
    FeedOtherTown(String),
    IconMissing,
    IconNotPng,
    IconNotSquare {
        width: u32,
        height: u32,
    },
    IconWrongSize {
        width: u32,
        height: u32,
    },
}

impl ProblemKind {
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::Unreadable { .. } => "unreadable",
            ProblemKind::Missing => "missing",
            ProblemKind::Empty => "empty",
            ProblemKind::ControlCharacter => "control-character",
            ProblemKind::UnknownLang(_) => "unknown-lang",
            ProblemKind::TooLong { .. } => "too-long",
            ProblemKind::TooWide { .. } => "too-wide",
            ProblemKind::BadTownId(_) => "bad-town-id",
            ProblemKind::FolderMismatch { .. } => "folder-mismatch",
            ProblemKind::BadProgramme(_) => "bad-programme",
            ProblemKind::BadIdentifier(_) => "bad-identifier",
            ProblemKind::BadPackage(_) => "bad-package",
            ProblemKind::BadColour(_) => "bad-colour",
            ProblemKind::LowContrast { .. } => "low-contrast",
            ProblemKind::InsecureFeedUrl(_) => "insecure-feed-url",
            ProblemKind::LocalFeedUrl(_) => "local-feed-url",
            ProblemKind::BadKey => "bad-key",
            ProblemKind::BadPhone(_) => "bad-phone",
            ProblemKind::BadUrl(_) => "bad-url",
            ProblemKind::BundledFeed { .. } => "bundled-feed",
            ProblemKind::FeedOtherTown(_) => "feed-other-town",
            ProblemKind::IconMissing => "icon-missing",
            ProblemKind::IconNotPng => "icon-not-png",
            ProblemKind::IconNotSquare { .. } => "icon-not-square",
            ProblemKind::IconWrongSize { .. } => "icon-wrong-size",
        }
    }

    /// The Fluent arguments of the message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ProblemKind::Unreadable { message, line } => {
                vec![("value", message.clone()), ("line", line.to_string())]
            }
            ProblemKind::UnknownLang(v)
            | ProblemKind::BadTownId(v)
            | ProblemKind::BadProgramme(v)
            | ProblemKind::BadIdentifier(v)
            | ProblemKind::BadPackage(v)
            | ProblemKind::BadColour(v)
            | ProblemKind::InsecureFeedUrl(v)
            | ProblemKind::LocalFeedUrl(v)
            | ProblemKind::BadPhone(v)
            | ProblemKind::BadUrl(v)
            | ProblemKind::FeedOtherTown(v) => vec![("value", v.clone())],
            ProblemKind::BundledFeed { code, .. } => vec![("value", (*code).to_owned())],
            ProblemKind::FolderMismatch { folder } => vec![("value", folder.clone())],
            ProblemKind::TooLong { length, max } => {
                vec![("length", length.to_string()), ("max", max.to_string())]
            }
            ProblemKind::TooWide { columns, max } => {
                vec![("columns", columns.to_string()), ("max", max.to_string())]
            }
            ProblemKind::LowContrast { theme, text, ratio } => {
                let theme = match theme {
                    Theme::Light => "light",
                    Theme::Dark => "dark",
                };
                vec![
                    ("theme", theme.to_owned()),
                    ("text", (*text).to_owned()),
                    ("ratio", ratio.clone()),
                ]
            }
            ProblemKind::IconNotSquare { width, height }
            | ProblemKind::IconWrongSize { width, height } => {
                vec![("width", width.to_string()), ("height", height.to_string())]
            }
            ProblemKind::Missing
            | ProblemKind::Empty
            | ProblemKind::ControlCharacter
            | ProblemKind::BadKey
            | ProblemKind::IconMissing
            | ProblemKind::IconNotPng => vec![],
        }
    }
}

impl Problem {
    /// `field: what is wrong`, in the reader's language.
    pub fn describe(&self, t: &I18n) -> String {
        let fluent = |args: &[(&'static str, String)]| -> Vec<(&str, fluent_bundle::FluentValue)> {
            args.iter().map(|(n, v)| (*n, v.clone().into())).collect()
        };
        let key = format!("town-problem-{}", self.kind.code());
        let what = match &self.kind {
            // The app's own words for why it would refuse the feed.
            ProblemKind::BundledFeed { code, args } => {
                let reason = t.t_args(&format!("error-{code}"), &fluent(args));
                t.t_args(&key, &[("reason", reason.into())])
            }
            kind => t.t_args(&key, &fluent(&kind.args())),
        };
        if self.field.is_empty() {
            what
        } else {
            format!("{}: {what}", self.field)
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.kind.code())?;
        for (name, value) in self.kind.args() {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}
