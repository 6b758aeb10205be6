//! The town feed's tables (migration 3): `town_feed` (the version held, its HTTP validators, when it
//! was applied and last checked, and the last check's error), `overlay` and `event_notice`.
//! Only a [`VerifiedFeed`] (or the bundled baseline, verified the same way) is ever written, in
//! one transaction that replaces the town's items; an older version or an expired feed is refused
//! and the previous data kept. Queries go through the same matching as `feed`'s previews.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Store, date_from_sql, date_to_sql};
use crate::cadence::{Child, Programme};
use crate::error::{Error, Result};
use crate::feed::{
    At, Checked, EventNotice, EventTime, Feed, Overlay, SYNC_INTERVAL, StageRange, SyncOutcome,
    Validators, VerifiedFeed, anchors_on,
};
use crate::feed::{notices_current, overlays_matching};
use crate::town::Town;

/// What applying a feed did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    /// The feed replaced the town's items; expired items were left out.
    Updated {
        version: u64,
        overlays: usize,
        notices: usize,
    },
    /// The store already held this version; nothing was rewritten.
    Unchanged { version: u64 },
}

/// The state of a town's feed, for "last updated / could not update".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedStatus {
    /// The version held; `None` before any feed was applied.
    pub version: Option<u64>,
    pub generated_at: Option<DateTime<FixedOffset>>,
    pub expires_at: Option<DateTime<FixedOffset>>,
    /// When the held version was applied.
    pub applied_at: Option<DateTime<FixedOffset>>,
    /// When the feed was last checked over the network, successfully or not.
    pub checked_at: Option<DateTime<FixedOffset>>,
    /// The error code of the last check when it failed; `None` when it succeeded.
    pub last_error: Option<String>,
}

impl FeedStatus {
    /// Whether the held feed is past its `expires_at`: the town's information may be out of date.
    pub fn is_expired(&self, now: DateTime<FixedOffset>) -> bool {
        self.expires_at.is_some_and(|e| e < now)
    }
}

fn instant(s: Option<String>) -> Option<DateTime<FixedOffset>> {
    s.and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
}

fn conversion(column: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("not a valid {what}").into(),
    )
}

const OVERLAY_COLUMNS: &str = "id, locale, anchor, anchor_value, title, body, expires_on";
const NOTICE_COLUMNS: &str = "id, locale, title, body, starts_at, ends_at, place, url, stages, publish_on, expires_on, mentioned_on";

fn overlay_row(row: &Row) -> rusqlite::Result<Overlay> {
    let anchor: String = row.get(2)?;
    Ok(Overlay {
        key: row.get(0)?,
        lang: row.get(1)?,
        at: At::from_anchor(&anchor, row.get(3)?).ok_or_else(|| conversion(2, "anchor"))?,
        title: row.get(4)?,
        body: row.get(5)?,
        expires: date_from_sql(row.get(6)?)?,
    })
}

/// A notice and the day it was (or will be) mentioned in a notification.
fn notice_row(row: &Row) -> rusqlite::Result<(EventNotice, Option<NaiveDate>)> {
    let time = |i: usize| -> rusqlite::Result<Option<EventTime>> {
        row.get::<_, Option<String>>(i)?
            .map(|s| EventTime::parse(&s).ok_or_else(|| conversion(i, "event time")))
            .transpose()
    };
    let stages: String = row.get(8)?;
    let stages: Vec<StageRange> = serde_json::from_str::<Vec<serde_json::Value>>(&stages)
        .ok()
        .and_then(|list| list.iter().map(StageRange::from_json).collect())
        .ok_or_else(|| conversion(8, "stage list"))?;
    Ok((
        EventNotice {
            key: row.get(0)?,
            lang: row.get(1)?,
            title: row.get(2)?,
            body: row.get(3)?,
            starts: time(4)?.ok_or_else(|| conversion(4, "event time"))?,
            ends: time(5)?,
            place: row.get(6)?,
            url: row.get(7)?,
            stages,
            publish: date_from_sql(row.get(9)?)?,
            expires: date_from_sql(row.get(10)?)?,
        },
        date_from_sql(row.get(11)?)?,
    ))
}

/// Writes `feed` over the town's items inside `tx`: the caller commits.
fn replace_items(tx: &Transaction, feed: &Feed, today: NaiveDate) -> Result<(usize, usize)> {
    let town = &feed.town;
    // Mentions belong to the reader, not to a version of the feed: keep them across updates.
    let mentioned: HashMap<String, String> = {
        let mut stmt = tx.prepare(
            "SELECT id, max(mentioned_on) FROM event_notice WHERE town = ?1 AND mentioned_on IS NOT NULL GROUP BY id",
        )?;
        stmt.query_map([town], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    tx.execute("DELETE FROM overlay WHERE town = ?1", [town])?;
    tx.execute("DELETE FROM event_notice WHERE town = ?1", [town])?;
    let mut overlays = 0;
    {
        let mut insert = tx.prepare(
            "INSERT INTO overlay (id, town, locale, anchor, anchor_value, title, body, expires_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for o in feed.overlays.iter().filter(|o| o.is_current(today)) {
            let (anchor, value) = o.at.anchor();
            insert.execute(params![
                o.key,
                town,
                o.lang,
                anchor,
                value,
                o.title,
                o.body,
                o.expires.map(date_to_sql)
            ])?;
            overlays += 1;
        }
    }
    let mut notices = 0;
    {
        let mut insert = tx.prepare(
            "INSERT INTO event_notice (id, town, locale, title, body, starts_at, ends_at, place, url, stages,
                 publish_on, expires_on, mentioned_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for n in feed.notices.iter().filter(|n| today <= n.shown_until()) {
            let stages =
                serde_json::Value::Array(n.stages.iter().map(StageRange::to_json).collect())
                    .to_string();
            insert.execute(params![
                n.key,
                town,
                n.lang,
                n.title,
                n.body,
                n.starts.to_string(),
                n.ends.map(|e| e.to_string()),
                n.place,
                n.url,
                stages,
                n.publish.map(date_to_sql),
                n.expires.map(date_to_sql),
                mentioned.get(&n.key),
            ])?;
            notices += 1;
        }
    }
    super::survey::replace_surveys(tx, feed, today)?;
    Ok((overlays, notices))
}

/// Where a feed came from: the network (checked for expiry, validators recorded) or the copy
/// bundled with the app.
enum Source<'a> {
    Network(&'a Validators),
    Baseline,
}

impl Store {
    /// Applies a verified feed in one transaction: refuses a version older than the one held
    /// (`feed-rollback`) and a feed past its `expires_at` (`feed-expired`), changing nothing;
    /// the same version is left as it is. Otherwise the town's overlays and notices are replaced,
    /// items already expired on `now`'s date are dropped, and the version, the HTTP validators and
    /// the time are recorded.
    pub fn apply_feed(
        &mut self,
        feed: &VerifiedFeed,
        validators: &Validators,
        now: DateTime<FixedOffset>,
    ) -> Result<Applied> {
        self.apply(feed.feed(), Source::Network(validators), now)
    }

    fn apply(
        &mut self,
        feed: &Feed,
        source: Source,
        now: DateTime<FixedOffset>,
    ) -> Result<Applied> {
        let now_text = now.to_rfc3339();
        let tx = self.conn.transaction()?;
        let held: Option<i64> = tx
            .query_row(
                "SELECT version FROM town_feed WHERE town = ?1",
                [&feed.town],
                |r| r.get(0),
            )
            .optional()?;
        let held = held.map(|v| v.max(0) as u64);
        if let Some(held) = held {
            if held > feed.version {
                return Err(Error::FeedRollback {
                    held,
                    offered: feed.version,
                });
            }
            if held == feed.version {
                if let Source::Network(v) = source {
                    tx.execute(
                        "UPDATE town_feed SET etag = ?2, last_modified = ?3, checked_at = ?4, last_error = NULL
                         WHERE town = ?1",
                        params![feed.town, v.etag, v.last_modified, now_text],
                    )?;
                }
                tx.commit()?;
                return Ok(Applied::Unchanged { version: held });
            }
        }
        if matches!(source, Source::Network(_)) && feed.expires_at < now {
            return Err(Error::FeedExpired {
                expires_at: feed.expires_at.to_rfc3339(),
            });
        }
        tx.execute(
            "INSERT INTO town_feed (town, version, generated_at, expires_at, applied_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (town) DO UPDATE SET version = excluded.version,
                 generated_at = excluded.generated_at, expires_at = excluded.expires_at,
                 applied_at = excluded.applied_at",
            params![
                feed.town,
                feed.version as i64,
                feed.generated_at.to_rfc3339(),
                feed.expires_at.to_rfc3339(),
                now_text
            ],
        )?;
        if let Source::Network(v) = source {
            tx.execute(
                "UPDATE town_feed SET etag = ?2, last_modified = ?3, checked_at = ?4, last_error = NULL
                 WHERE town = ?1",
                params![feed.town, v.etag, v.last_modified, now_text],
            )?;
        }
        let (overlays, notices) = replace_items(&tx, feed, now.date_naive())?;
        tx.commit()?;
        Ok(Applied::Updated {
            version: feed.version,
            overlays,
            notices,
        })
    }

    /// Applies the copy of the town's feed bundled with the app (`content/towns/<id>/feed.json`
    /// and its `.minisig`, verified with the town's key) when the store holds nothing newer, so
    /// a fresh install with no network has the town's information. `None` when the town bundles
    /// no feed. A bundled copy is applied even past its `expires_at` (the status then says so).
    pub fn apply_baseline(
        &mut self,
        town: &Town,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<Applied>> {
        let (Some(bytes), Some(signature)) = (
            crate::catalogue::content_file(&format!("towns/{}/feed.json", town.id)),
            crate::catalogue::content_file(&format!("towns/{}/feed.json.minisig", town.id)),
        ) else {
            return Ok(None);
        };
        let verified =
            crate::feed::verify(bytes.as_bytes(), signature.as_bytes(), &town.public_key)?;
        if verified.feed().town != town.id {
            return Err(Error::FeedWrongTown {
                found: verified.feed().town.clone(),
                expected: town.id.clone(),
            });
        }
        match self.apply(verified.feed(), Source::Baseline, now) {
            Err(Error::FeedRollback { held, .. }) => Ok(Some(Applied::Unchanged { version: held })),
            other => other.map(Some),
        }
    }

    /// The state of `town`'s feed; `None` when it was never applied nor checked.
    pub fn feed_status(&self, town: &str) -> Result<Option<FeedStatus>> {
        Ok(self
            .conn
            .query_row(
                "SELECT version, generated_at, expires_at, applied_at, checked_at, last_error
                 FROM town_feed WHERE town = ?1",
                [town],
                |r| {
                    let version: i64 = r.get(0)?;
                    Ok(FeedStatus {
                        version: (version > 0).then_some(version as u64),
                        generated_at: instant(r.get(1)?),
                        expires_at: instant(r.get(2)?),
                        applied_at: instant(r.get(3)?),
                        checked_at: instant(r.get(4)?),
                        last_error: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// The HTTP validators of the feed held, for the next conditional GET.
    pub fn feed_validators(&self, town: &str) -> Result<Validators> {
        Ok(self
            .conn
            .query_row(
                "SELECT etag, last_modified FROM town_feed WHERE town = ?1 AND version > 0",
                [town],
                |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    /// Whether it is time to check the feed again: never checked, or checked at least
    /// [`SYNC_INTERVAL`] ago (or in the future, after the clock moved back).
    pub fn feed_sync_due(&self, town: &str, now: DateTime<FixedOffset>) -> Result<bool> {
        let checked = self.feed_status(town)?.and_then(|s| s.checked_at);
        let interval = chrono::Duration::from_std(SYNC_INTERVAL).expect("six hours fit");
        Ok(checked.is_none_or(|c| c > now || now - c >= interval))
    }

    /// The database half of a sync: applies what [`crate::feed::check`] found, in one
    /// transaction, and records the check (time, and error code when it failed). Errors only when
    /// the database fails; every refusal is a [`SyncOutcome::Rejected`] with the held data intact.
    pub fn record_sync(
        &mut self,
        town: &str,
        checked: Checked,
        now: DateTime<FixedOffset>,
    ) -> Result<SyncOutcome> {
        let outcome = match checked {
            Checked::NotModified => {
                let expired = self.feed_status(town)?.is_some_and(|s| s.is_expired(now));
                if expired {
                    let expires_at = self
                        .feed_status(town)?
                        .and_then(|s| s.expires_at)
                        .map(|e| e.to_rfc3339())
                        .unwrap_or_default();
                    SyncOutcome::Rejected(Error::FeedExpired { expires_at })
                } else {
                    SyncOutcome::NotModified
                }
            }
            Checked::Verified { feed, validators } => {
                match self.apply_feed(&feed, &validators, now) {
                    Ok(Applied::Updated { version, .. }) => SyncOutcome::Updated { version },
                    Ok(Applied::Unchanged { .. }) => SyncOutcome::NotModified,
                    Err(e @ (Error::FeedRollback { .. } | Error::FeedExpired { .. })) => {
                        SyncOutcome::Rejected(e)
                    }
                    Err(e) => return Err(e),
                }
            }
            Checked::Failed(e) => SyncOutcome::Rejected(e),
        };
        let error = match &outcome {
            SyncOutcome::Rejected(e) => Some(e.code()),
            _ => None,
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO town_feed (town, version, generated_at, expires_at, checked_at, last_error)
             VALUES (?1, 0, '', '', ?2, ?3)
             ON CONFLICT (town) DO UPDATE SET checked_at = excluded.checked_at, last_error = excluded.last_error",
            params![town, now.to_rfc3339(), error],
        )?;
        drop_expired(&tx, town, now.date_naive())?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Removes the town's items that have expired by `today`; returns how many rows went.
    pub fn drop_expired_feed_items(&mut self, town: &str, today: NaiveDate) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let n = drop_expired(&tx, town, today)?;
        tx.commit()?;
        Ok(n)
    }

    fn town_overlays(&self, town: &str, at: Option<At>) -> Result<Vec<Overlay>> {
        let rows = match at {
            Some(at) => {
                let (anchor, value) = at.anchor();
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {OVERLAY_COLUMNS} FROM overlay WHERE town = ?1 AND anchor = ?2 AND anchor_value = ?3"
                ))?;
                stmt.query_map(params![town, anchor, value], overlay_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
            None => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {OVERLAY_COLUMNS} FROM overlay WHERE town = ?1"
                ))?;
                stmt.query_map([town], overlay_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
        };
        Ok(rows)
    }

    /// The town's overlays for a child on `date`, one per item in the reader's language (else
    /// Japanese), ordered by key. Nothing before registration, after the messages were stopped,
    /// or past the programme.
    pub fn town_overlays_on(
        &self,
        town: &str,
        child: &Child,
        programme: Programme,
        date: NaiveDate,
        lang: &str,
    ) -> Result<Vec<Overlay>> {
        let anchors = anchors_on(child, programme, date);
        let mut candidates = Vec::new();
        for at in &anchors {
            candidates.extend(self.town_overlays(town, Some(*at))?);
        }
        Ok(overlays_matching(&candidates, &anchors, date, lang)
            .into_iter()
            .cloned()
            .collect())
    }

    /// The town's overlays for a child on every day from `from` to `to` (for the archive), in
    /// date order. At most ten years of days are looked at.
    pub fn town_overlays_between(
        &self,
        town: &str,
        child: &Child,
        programme: Programme,
        from: NaiveDate,
        to: NaiveDate,
        lang: &str,
    ) -> Result<Vec<(NaiveDate, Overlay)>> {
        let all = self.town_overlays(town, None)?;
        let mut out = Vec::new();
        if all.is_empty() {
            return Ok(out);
        }
        for date in from.iter_days().take_while(|d| *d <= to).take(3660) {
            let anchors = anchors_on(child, programme, date);
            if anchors.is_empty() {
                continue;
            }
            for o in overlays_matching(&all, &anchors, date, lang) {
                out.push((date, o.clone()));
            }
        }
        Ok(out)
    }

    fn town_notice_rows(&self, town: &str) -> Result<Vec<(EventNotice, Option<NaiveDate>)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {NOTICE_COLUMNS} FROM event_notice WHERE town = ?1"
        ))?;
        let rows = stmt
            .query_map([town], notice_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The town's event notices shown on `today` (published, not expired), one per item in the
    /// reader's language, soonest event first: the app's list of events.
    pub fn town_notices(
        &self,
        town: &str,
        today: NaiveDate,
        lang: &str,
    ) -> Result<Vec<EventNotice>> {
        let rows: Vec<EventNotice> = self
            .town_notice_rows(town)?
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        Ok(notices_current(&rows, today, lang)
            .into_iter()
            .cloned()
            .collect())
    }

    /// The current notices that concern this child's stage.
    pub fn town_notices_for(
        &self,
        town: &str,
        child: &Child,
        programme: Programme,
        today: NaiveDate,
        lang: &str,
    ) -> Result<Vec<EventNotice>> {
        Ok(self
            .town_notices(town, today, lang)?
            .into_iter()
            .filter(|n| n.concerns(child, programme, today))
            .collect())
    }

    /// The notices to mention in the notification of `date`, each mentioned once only: notices
    /// current on `date` that concern one of `children` and were never mentioned are marked for
    /// `date`; the ones marked for `date` are returned. Calling it again for the same day (when
    /// notifications are re-armed) returns the same notices; a later day does not repeat them.
    pub fn claim_notice_mentions(
        &mut self,
        town: &str,
        children: &[Child],
        programme: Programme,
        date: NaiveDate,
        lang: &str,
    ) -> Result<Vec<EventNotice>> {
        let rows = self.town_notice_rows(town)?;
        let mut mentioned: HashMap<&str, NaiveDate> = HashMap::new();
        for (n, on) in &rows {
            if let Some(on) = on {
                mentioned.insert(&n.key, *on);
            }
        }
        let notices: Vec<EventNotice> = rows.iter().map(|(n, _)| n.clone()).collect();
        let current = notices_current(&notices, date, lang);
        let tx = self.conn.transaction()?;
        let mut out = Vec::new();
        for n in current {
            let on = match mentioned.get(n.key.as_str()) {
                Some(on) => *on,
                None if children.iter().any(|c| n.concerns(c, programme, date)) => {
                    tx.execute(
                        "UPDATE event_notice SET mentioned_on = ?3 WHERE town = ?1 AND id = ?2",
                        params![town, n.key, date_to_sql(date)],
                    )?;
                    date
                }
                None => continue,
            };
            if on == date {
                out.push(n.clone());
            }
        }
        tx.commit()?;
        Ok(out)
    }
}

fn drop_expired(tx: &Transaction, town: &str, today: NaiveDate) -> Result<usize> {
    let today = date_to_sql(today);
    let mut n = tx.execute(
        "DELETE FROM overlay WHERE town = ?1 AND expires_on IS NOT NULL AND expires_on < ?2",
        params![town, today],
    )?;
    // A notice is shown until `expires`, else until the event's last day (its end, else its start).
    n += tx.execute(
        "DELETE FROM event_notice WHERE town = ?1
           AND coalesce(expires_on, substr(coalesce(ends_at, starts_at), 1, 10)) < ?2",
        params![town, today],
    )?;
    n += tx.execute(
        "DELETE FROM survey WHERE town = ?1 AND closes_on < ?2",
        params![town, today],
    )?;
    Ok(n)
}
