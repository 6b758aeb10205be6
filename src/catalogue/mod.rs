//! The message catalogue: `content/messages/<locale>/<slot>.md`, embedded in the binary and parsed
//! once at start. A slot with no message is reported as missing, never invented.

mod check;
mod front_matter;

use std::collections::HashMap;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::cadence::{Range, SLOT_COUNT, Slot};
use crate::error::{Error, Result};

pub use check::{Coverage, Finding};

// `FILES`: the text files of `content/` outside `messages/`, by path; `MESSAGES`: each locale's
// messages as one deflate block of `name NUL text NUL` records (see build.rs).
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// A text file from `content/` (town data, the baseline feed), embedded in the binary.
pub fn content_file(path: &str) -> Option<&'static str> {
    embedded::FILES
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(_, text)| *text)
}

/// One message: the text a reader gets for a slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub slot: Slot,
    pub title: String,
    pub topics: Vec<String>,
    /// The Markdown body (paragraphs, strong, lists and links only).
    pub body: String,
}

impl Message {
    /// The body as plain text, Markdown marks removed: for search and for notifications.
    pub fn plain_text(&self) -> String {
        let mut out = String::with_capacity(self.body.len());
        for event in Parser::new(&self.body) {
            match event {
                Event::Text(t) => out.push_str(&t),
                Event::SoftBreak | Event::HardBreak => out.push('\n'),
                Event::End(TagEnd::Paragraph | TagEnd::Item) => out.push('\n'),
                Event::Start(Tag::Item) => out.push('・'),
                _ => {}
            }
        }
        out.trim_end().to_owned()
    }

    /// The body as HTML for the reader's screen. The catalogue's checks already refuse raw HTML;
    /// any that slipped through is escaped as text here, never passed on.
    pub fn html(&self) -> String {
        let events = Parser::new(&self.body).map(|event| match event {
            Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
            other => other,
        });
        let mut out = String::with_capacity(self.body.len() * 2);
        pulldown_cmark::html::push_html(&mut out, events);
        out
    }
}

/// `content/catalogue.toml`: the topic vocabulary and which ranges each locale has declared complete.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    topics: Vec<String>,
    complete: HashMap<String, Vec<String>>,
}

/// A file that could not be read as a message.
#[derive(Clone, Debug)]
struct Unreadable {
    path: String,
    finding: Finding,
}

/// The whole catalogue: every locale's messages, indexed by slot.
#[derive(Debug)]
pub struct Catalogue {
    locales: Vec<Locale>,
    topics: Vec<String>,
    unreadable: Vec<Unreadable>,
    fingerprint: std::sync::OnceLock<u64>,
}

#[derive(Debug)]
struct Locale {
    name: String,
    messages: Vec<Option<Message>>,
    complete: Vec<Range>,
}

impl Catalogue {
    /// The catalogue compiled into this binary.
    pub fn embedded() -> Result<Catalogue> {
        let manifest = content_file("catalogue.toml")
            .ok_or_else(|| Error::Catalogue("content/catalogue.toml is missing".into()))?;
        // Each locale inflates on a thread of its own: most of the start-up cost is inflating,
        // and phones have several cores.
        let inflate = |locale: &str, packed: &[u8]| -> Result<String> {
            let block = miniz_oxide::inflate::decompress_to_vec(packed)
                .map_err(|e| Error::Catalogue(format!("messages of {locale}: {e:?}")))?;
            String::from_utf8(block)
                .map_err(|_| Error::Catalogue(format!("messages of {locale}: not UTF-8")))
        };
        let blocks: Vec<(&str, String)> = std::thread::scope(|scope| {
            let inflating: Vec<_> = embedded::MESSAGES
                .iter()
                .map(|(locale, packed)| (*locale, scope.spawn(move || inflate(locale, packed))))
                .collect();
            inflating
                .into_iter()
                .map(|(locale, thread)| {
                    let block = thread.join().map_err(|_| {
                        Error::Catalogue(format!("messages of {locale}: inflating failed"))
                    })??;
                    Ok((locale, block))
                })
                .collect::<Result<_>>()
        })?;
        let files = blocks.iter().flat_map(|(locale, block)| {
            let mut parts = block.split('\0');
            std::iter::from_fn(move || {
                let name = parts.next().filter(|n| !n.is_empty())?;
                let text = parts.next()?;
                Some((locale.to_string(), name.to_owned(), text))
            })
        });
        Catalogue::from_files(manifest, files)
    }

    /// Builds a catalogue from a manifest and `(locale, file name, text)` triples. Files that are
    /// not messages (such as `SYLLABUS.md`) are skipped; unreadable messages become findings.
    pub fn from_files<'a>(
        manifest: &str,
        files: impl IntoIterator<Item = (String, String, &'a str)>,
    ) -> Result<Catalogue> {
        let manifest: Manifest = toml::from_str(manifest)
            .map_err(|e| Error::Catalogue(format!("catalogue.toml: {}", e.message())))?;
        let mut catalogue = Catalogue {
            locales: Vec::new(),
            topics: manifest.topics,
            unreadable: Vec::new(),
            fingerprint: Default::default(),
        };
        for (locale, complete) in &manifest.complete {
            let ranges = complete
                .iter()
                .map(|r| {
                    Range::from_name(r).ok_or_else(|| {
                        Error::Catalogue(format!("catalogue.toml: unknown range {r}"))
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            catalogue.locale_mut(locale).complete = ranges;
        }
        for (locale, file, text) in files {
            let Some(key) = file.strip_suffix(".md") else {
                continue;
            };
            if key.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                continue; // SYLLABUS.md, README.md: editors' notes, not messages
            }
            let path = format!("{locale}/{file}");
            let slot = match key.parse::<Slot>() {
                Ok(slot) => slot,
                Err(_) => {
                    catalogue.unreadable.push(Unreadable {
                        path,
                        finding: Finding::NotASlot {
                            file: key.to_owned(),
                        },
                    });
                    continue;
                }
            };
            match front_matter::split(text) {
                Ok((front, body)) => {
                    let message = Message {
                        slot,
                        title: front.title,
                        topics: front.topics,
                        body: body.trim_end().to_owned(),
                    };
                    catalogue.locale_mut(&locale).messages[slot.index()] = Some(message);
                }
                Err(detail) => catalogue.unreadable.push(Unreadable {
                    path,
                    finding: Finding::BadFrontMatter { detail },
                }),
            }
        }
        catalogue.locales.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(catalogue)
    }

    fn locale_mut(&mut self, name: &str) -> &mut Locale {
        if let Some(i) = self.locales.iter().position(|l| l.name == name) {
            return &mut self.locales[i];
        }
        self.locales.push(Locale {
            name: name.to_owned(),
            messages: vec![None; SLOT_COUNT],
            complete: Vec::new(),
        });
        self.locales.last_mut().expect("just pushed")
    }

    fn locale(&self, name: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.name == name)
    }

    /// The message for `slot` in `locale`, if it has been written.
    pub fn message(&self, locale: &str, slot: Slot) -> Option<&Message> {
        self.locale(locale)?.messages[slot.index()].as_ref()
    }

    /// The message in the reader's locale, or in Japanese (the primary locale) when that locale
    /// has no message for the slot yet.
    pub fn message_or_primary<'a>(
        &'a self,
        locale: &'a str,
        slot: Slot,
    ) -> Option<(&'a str, &'a Message)> {
        self.message(locale, slot).map(|m| (locale, m)).or_else(|| {
            self.message(PRIMARY_LOCALE, slot)
                .map(|m| (PRIMARY_LOCALE, m))
        })
    }

    /// The locales that have a folder in the catalogue.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.locales.iter().map(|l| l.name.as_str())
    }

    /// A hash of every message, so that what was indexed from an older catalogue is re-indexed.
    pub fn fingerprint(&self) -> u64 {
        *self.fingerprint.get_or_init(|| {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for locale in &self.locales {
                for m in locale.messages.iter().flatten() {
                    for b in locale
                        .name
                        .bytes()
                        .chain(m.title.bytes())
                        .chain(m.body.bytes())
                    {
                        hash = (hash ^ b as u64).wrapping_mul(0x0100_0000_01b3);
                    }
                }
            }
            hash
        })
    }

    /// The fixed topic vocabulary.
    pub fn topics(&self) -> &[String] {
        &self.topics
    }

    /// Every message of a locale, in slot order.
    pub fn messages(&self, locale: &str) -> impl Iterator<Item = &Message> {
        self.locale(locale)
            .into_iter()
            .flat_map(|l| l.messages.iter().flatten())
    }
}

/// Japanese is the primary locale: the one every other follows.
pub const PRIMARY_LOCALE: &str = "ja";
