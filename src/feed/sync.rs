//! One sync of the town feed, in two halves so the app can hold its database lock only briefly:
//! [`check`] does the network and the signature (no store), and `Store::record_sync` applies
//! the result in one transaction and records the check for "last updated / could not update".

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::{FetchConfig, Fetched, Validators, VerifiedFeed, fetch, verify};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::town::Town;

/// The app checks the feed at most this often, unless the reader pulls to refresh.
pub const SYNC_INTERVAL: Duration = Duration::from_secs(6 * 60 * 60);

/// What the network half found.
#[derive(Debug)]
pub enum Checked {
    NotModified,
    Verified {
        feed: VerifiedFeed,
        validators: Validators,
    },
    /// Could not fetch, or the feed was refused; the held feed stays as it is.
    Failed(Error),
}

/// What one sync did.
#[derive(Debug)]
pub enum SyncOutcome {
    /// A newer version was applied.
    Updated { version: u64 },
    /// Nothing new: a 304, or the version already held.
    NotModified,
    /// Refused or unreachable; the previous data is intact. `error.code()` says why.
    Rejected(Error),
}

impl SyncOutcome {
    /// `updated`, `not-modified`, or the error code of the rejection.
    pub fn code(&self) -> &'static str {
        match self {
            SyncOutcome::Updated { .. } => "updated",
            SyncOutcome::NotModified => "not-modified",
            SyncOutcome::Rejected(e) => e.code(),
        }
    }
}

/// The network half: fetches `town`'s feed conditionally on `held`, checks its signature with the
/// town's key, and that it is this town's feed. Blocking; touches no store.
pub fn check(town: &Town, held: &Validators, config: &FetchConfig) -> Checked {
    if town.public_key.trim().is_empty() {
        return Checked::Failed(Error::FeedNoKey);
    }
    let (bytes, signature, validators) = match fetch(&town.feed_url, held, config) {
        Ok(Fetched::NotModified) => return Checked::NotModified,
        Ok(Fetched::Changed {
            feed,
            signature,
            validators,
        }) => (feed, signature, validators),
        Err(e) => return Checked::Failed(e),
    };
    match verify(&bytes, &signature, &town.public_key) {
        Ok(feed) if feed.feed().town != town.id => Checked::Failed(Error::FeedWrongTown {
            found: feed.feed().town.clone(),
            expected: town.id.clone(),
        }),
        Ok(feed) => Checked::Verified { feed, validators },
        Err(e) => Checked::Failed(e),
    }
}

/// A whole sync for single-threaded callers (the command, tests): [`check`], then
/// `Store::record_sync`. Errors only when the database itself fails.
pub fn sync(
    store: &mut Store,
    town: &Town,
    config: &FetchConfig,
    now: DateTime<FixedOffset>,
) -> Result<SyncOutcome> {
    let held = store.feed_validators(&town.id)?;
    let checked = check(town, &held, config);
    store.record_sync(&town.id, checked, now)
}
