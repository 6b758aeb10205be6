//! The signature check, and the only way to a [`VerifiedFeed`]: minisign over the exact bytes,
//! checked before anything is parsed; then the signed trusted comment must name the same town,
//! version and generation time as the document.

use chrono::{DateTime, FixedOffset};
use minisign_verify::{PublicKey, Signature};

use super::Feed;
use super::format;
use super::problem::{Problem, ProblemKind};
use crate::error::{Error, Result};

/// A feed whose bytes carried a good signature from the town's key. Only [`verify`] makes one, so
/// holding one proves the check was done: the store accepts nothing else.
#[derive(Clone, Debug)]
pub struct VerifiedFeed {
    feed: Feed,
    lints: Vec<Problem>,
}

impl VerifiedFeed {
    pub fn feed(&self) -> &Feed {
        &self.feed
    }

    /// Body lints the town's checks would have flagged; the bodies are sanitised when shown.
    pub fn lints(&self) -> &[Problem] {
        &self.lints
    }
}

/// The signed trusted comment: `tsunagu-feed town=<id> version=<n> generated_at=<RFC 3339>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedComment {
    pub town: String,
    pub version: u64,
    pub generated_at: DateTime<FixedOffset>,
}

impl TrustedComment {
    const PREFIX: &'static str = "tsunagu-feed";

    /// The comment a feed is signed with.
    pub fn of(feed: &Feed) -> TrustedComment {
        TrustedComment {
            town: feed.town.clone(),
            version: feed.version,
            generated_at: feed.generated_at,
        }
    }

    pub fn parse(s: &str) -> Option<TrustedComment> {
        let mut words = s.split_whitespace();
        if words.next()? != Self::PREFIX {
            return None;
        }
        let (mut town, mut version, mut generated_at) = (None, None, None);
        for word in words {
            let (name, value) = word.split_once('=')?;
            match name {
                "town" => town = Some(value.to_owned()),
                "version" => version = Some(value.parse().ok()?),
                "generated_at" => generated_at = Some(DateTime::parse_from_rfc3339(value).ok()?),
                // Later kits may say more; what this build checks must be there.
                _ => {}
            }
        }
        Some(TrustedComment {
            town: town?,
            version: version?,
            generated_at: generated_at?,
        })
    }

    /// Whether it names the same feed as the document.
    fn matches(&self, feed: &Feed) -> bool {
        self.town == feed.town
            && self.version == feed.version
            && self.generated_at == feed.generated_at
    }
}

impl std::fmt::Display for TrustedComment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} town={} version={} generated_at={}",
            Self::PREFIX,
            self.town,
            self.version,
            self.generated_at.to_rfc3339()
        )
    }
}

/// Reads a public key given as its base64 line or as a whole `.pub` file.
pub(crate) fn public_key(text: &str) -> Result<PublicKey> {
    let line = text
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("");
    if line.is_empty() {
        return Err(Error::FeedNoKey);
    }
    PublicKey::from_base64(line).map_err(|_| Error::FeedNoKey)
}

/// Checks `signature` (the text of `feed.json.minisig`) over `bytes` with the town's
/// `public_key` (base64, as in `town.toml`), then reads the feed. Nothing is parsed before the
/// signature holds.
pub fn verify(bytes: &[u8], signature: &[u8], public_key: &str) -> Result<VerifiedFeed> {
    let key = self::public_key(public_key)?;
    let signature = std::str::from_utf8(signature)
        .ok()
        .and_then(|s| Signature::decode(s).ok())
        .ok_or(Error::FeedUnsigned)?;
    match key.verify(bytes, &signature, false) {
        Ok(()) => {}
        Err(minisign_verify::Error::UnexpectedKeyId) => return Err(Error::FeedWrongKey),
        Err(_) => return Err(Error::FeedSignature),
    }
    let comment_text = signature.trusted_comment();
    let comment = TrustedComment::parse(comment_text)
        .ok_or_else(|| Error::FeedComment(comment_text.chars().take(200).collect()))?;
    let parsed = format::parse(bytes).map_err(problems_error)?;
    if !comment.matches(&parsed.feed) {
        return Err(Error::FeedComment(comment_text.chars().take(200).collect()));
    }
    Ok(VerifiedFeed {
        feed: parsed.feed,
        lints: parsed.lints,
    })
}

/// The error for a document that failed its checks: its schema when that is the trouble.
pub(crate) fn problems_error(problems: Vec<Problem>) -> Error {
    match problems.iter().find_map(|p| match &p.kind {
        ProblemKind::Schema(found) => Some(found.clone()),
        _ => None,
    }) {
        Some(found) => Error::FeedSchema(found),
        None => Error::FeedInvalid(problems),
    }
}
