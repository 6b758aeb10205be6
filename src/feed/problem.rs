//! What can be wrong with a feed document, where, and in words: every problem names its item
//! (position and id) and field, and has a stable code for `feed-problem-<code>` in the locales.

use crate::i18n::I18n;

/// Which item a problem is in: its position in `items` (from 0) and its `id` when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRef {
    pub index: usize,
    pub id: Option<String>,
}

/// One thing wrong with a feed document, where it is, and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `None` for the document's top level.
    pub item: Option<ItemRef>,
    /// The field's path inside the item (or document), e.g. `_tsunagu.at.pregnancy`.
    pub field: String,
    pub kind: ProblemKind,
}

/// What is wrong. Rendered through Fluent as `feed-problem-<code>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not JSON at all (with the parser's words and position).
    Json(String),
    /// `version` is not JSON Feed 1.1's.
    NotJsonFeed(String),
    /// A `_tsunagu.schema` this build does not read.
    Schema(String),
    Missing,
    /// The field has the wrong JSON type; the expected one is given.
    WrongType(&'static str),
    Empty,
    TooLong {
        length: usize,
        max: usize,
    },
    TooMany {
        count: usize,
        max: usize,
    },
    /// The whole document is larger than an app downloads.
    TooLarge {
        bytes: u64,
        max: u64,
    },
    /// A field that `_tsunagu` does not define (often a typo).
    UnknownField(String),
    UnknownKind(String),
    /// A kind that older apps do not read, in a document whose schema tells them they can.
    KindNeedsSchema {
        kind: &'static str,
        schema: u64,
    },
    UnknownLang(String),
    BadId(String),
    BadDate(String),
    BadTime(String),
    BadStage(String),
    OutOfRange {
        value: String,
        min: String,
        max: String,
    },
    /// Two things in the wrong order; the value names what must come first.
    Order(&'static str),
    DuplicateId(String),
    DuplicateKey {
        key: String,
        lang: String,
    },
    /// An event link that is not an `https://` address.
    BadUrl(String),
    /// `content_html` is not accepted: bodies are Markdown in `content_text`.
    ContentHtml,
    /// Lint: HTML inside a Markdown body (shown escaped or removed).
    RawHtml,
    /// Lint: Markdown beyond paragraphs, strong, lists, links and line breaks.
    DisallowedMarkup(&'static str),
    /// Lint: a body link that is not https, mailto or tel (shown as plain text).
    BadLink(String),
    /// Lint (authoring only): `expires_at` has already passed, so apps would refuse the feed.
    Expired(String),
}

impl ProblemKind {
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::Json(_) => "json",
            ProblemKind::NotJsonFeed(_) => "not-json-feed",
            ProblemKind::Schema(_) => "schema",
            ProblemKind::Missing => "missing",
            ProblemKind::WrongType(_) => "wrong-type",
            ProblemKind::Empty => "empty",
            ProblemKind::TooLong { .. } => "too-long",
            ProblemKind::TooMany { .. } => "too-many",
            ProblemKind::TooLarge { .. } => "too-large",
            ProblemKind::UnknownField(_) => "unknown-field",
            ProblemKind::UnknownKind(_) => "unknown-kind",
            ProblemKind::KindNeedsSchema { .. } => "kind-needs-schema",
            ProblemKind::UnknownLang(_) => "unknown-lang",
            ProblemKind::BadId(_) => "bad-id",
            ProblemKind::BadDate(_) => "bad-date",
            ProblemKind::BadTime(_) => "bad-time",
            ProblemKind::BadStage(_) => "bad-stage",
            ProblemKind::OutOfRange { .. } => "out-of-range",
            ProblemKind::Order(_) => "order",
            ProblemKind::DuplicateId(_) => "duplicate-id",
            ProblemKind::DuplicateKey { .. } => "duplicate-key",
            ProblemKind::BadUrl(_) => "bad-url",
            ProblemKind::ContentHtml => "content-html",
            ProblemKind::RawHtml => "raw-html",
            ProblemKind::DisallowedMarkup(_) => "disallowed-markup",
            ProblemKind::BadLink(_) => "bad-link",
            ProblemKind::Expired(_) => "expired",
        }
    }

    /// The arguments of the localised message, as (name, value) pairs.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ProblemKind::Json(v)
            | ProblemKind::NotJsonFeed(v)
            | ProblemKind::Schema(v)
            | ProblemKind::UnknownField(v)
            | ProblemKind::UnknownKind(v)
            | ProblemKind::UnknownLang(v)
            | ProblemKind::BadId(v)
            | ProblemKind::BadDate(v)
            | ProblemKind::BadTime(v)
            | ProblemKind::BadStage(v)
            | ProblemKind::DuplicateId(v)
            | ProblemKind::BadUrl(v)
            | ProblemKind::BadLink(v)
            | ProblemKind::Expired(v) => vec![("value", v.clone())],
            ProblemKind::WrongType(v)
            | ProblemKind::Order(v)
            | ProblemKind::DisallowedMarkup(v) => {
                vec![("value", (*v).to_owned())]
            }
            ProblemKind::Missing
            | ProblemKind::Empty
            | ProblemKind::ContentHtml
            | ProblemKind::RawHtml => {
                vec![]
            }
            ProblemKind::TooLong { length, max } => {
                vec![("length", length.to_string()), ("max", max.to_string())]
            }
            ProblemKind::TooMany { count, max } => {
                vec![("count", count.to_string()), ("max", max.to_string())]
            }
            ProblemKind::TooLarge { bytes, max } => {
                vec![("bytes", bytes.to_string()), ("max", max.to_string())]
            }
            ProblemKind::OutOfRange { value, min, max } => {
                vec![
                    ("value", value.clone()),
                    ("min", min.clone()),
                    ("max", max.clone()),
                ]
            }
            ProblemKind::KindNeedsSchema { kind, schema } => {
                vec![
                    ("value", (*kind).to_owned()),
                    ("schema", schema.to_string()),
                ]
            }
            ProblemKind::DuplicateKey { key, lang } => {
                vec![("value", key.clone()), ("lang", lang.clone())]
            }
        }
    }

    /// Lints concern body text only: `tsunagu feed validate` fails on them, but an app applies the
    /// feed and shows the bodies sanitised.
    pub fn is_lint(&self) -> bool {
        matches!(
            self,
            ProblemKind::RawHtml
                | ProblemKind::DisallowedMarkup(_)
                | ProblemKind::BadLink(_)
                | ProblemKind::Expired(_)
        )
    }
}

impl Problem {
    /// Where the problem is, language-neutral: `items[3] (checkup-4m-ja) _tsunagu.at`.
    pub fn location(&self) -> String {
        let mut out = match &self.item {
            Some(ItemRef {
                index,
                id: Some(id),
            }) => format!("items[{index}] ({id})"),
            Some(ItemRef { index, id: None }) => format!("items[{index}]"),
            None => String::new(),
        };
        if !self.field.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.field);
        }
        out
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location(), self.kind.code())?;
        for (name, value) in self.kind.args() {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

impl Problem {
    /// The problem in the reader's words, after where it is.
    pub fn describe(&self, t: &I18n) -> String {
        let args: Vec<(&str, fluent_bundle::FluentValue)> = self
            .kind
            .args()
            .into_iter()
            .map(|(n, v)| (n, v.into()))
            .collect();
        let what = t.t_args(&format!("feed-problem-{}", self.kind.code()), &args);
        match self.location() {
            location if location.is_empty() => what,
            location => format!("{location}: {what}"),
        }
    }
}
