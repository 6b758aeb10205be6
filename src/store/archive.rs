//! The `delivery` log and its full-text index `archive_text`: everything delivered so far, what
//! was notified, shown, read and bookmarked, and search that finds Japanese substrings.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Row, Transaction, params, params_from_iter};

use super::{Store, date_from_sql, date_to_sql};
use crate::cadence::{PlanStatus, Programme, Slot};
use crate::catalogue::Catalogue;
use crate::error::{Error, MAX_SEARCH_CHARS, MAX_SEARCH_WORDS, Result, check_length};
use crate::feed::{Overlay, body_text};

/// One delivered (or earlier, readable) message in the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveEntry {
    pub id: i64,
    pub child_id: i64,
    pub nickname: String,
    pub slot: Slot,
    pub due_on: NaiveDate,
    /// Before the child was registered (or before the birth was recorded): readable, never notified.
    pub earlier: bool,
    pub read: bool,
    pub bookmarked: bool,
    /// The title as indexed, in the reader's language; empty while the catalogue lacks the slot.
    pub title: String,
}

/// One of the town's overlays on a child's day, as the archive lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TownEntry {
    pub child_id: i64,
    pub nickname: String,
    pub due_on: NaiveDate,
    pub overlay: Overlay,
}

/// Which part of the archive to list.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArchiveFilter {
    pub child_id: Option<i64>,
    pub unread_only: bool,
    pub bookmarked_only: bool,
}

const ENTRY_COLUMNS: &str = "d.id, d.child_id, c.nickname, d.slot, d.due_on, d.earlier, d.read_at IS NOT NULL, d.bookmarked, archive_text.title";
const INDEX_KEY: &str = "archive-index";
const NOTIFIED_KEY: &str = "notified-through";

fn entry(row: &Row) -> rusqlite::Result<ArchiveEntry> {
    let slot: String = row.get(3)?;
    Ok(ArchiveEntry {
        id: row.get(0)?,
        child_id: row.get(1)?,
        nickname: row.get(2)?,
        slot: slot.parse().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e))
        })?,
        due_on: date_from_sql(row.get(4)?)?.expect("NOT NULL column"),
        earlier: row.get(5)?,
        read: row.get(6)?,
        bookmarked: row.get(7)?,
        title: row.get::<_, Option<String>>(8)?.unwrap_or_default(),
    })
}

fn index_text(
    tx: &Transaction,
    catalogue: &Catalogue,
    locale: &str,
    id: i64,
    slot: Slot,
) -> rusqlite::Result<()> {
    let (title, body) = catalogue
        .message_or_primary(locale, slot)
        .map(|(_, m)| (m.title.clone(), m.plain_text()))
        .unwrap_or_default();
    tx.execute(
        "INSERT INTO archive_text (rowid, title, body) VALUES (?1, ?2, ?3)",
        params![id, title, body],
    )?;
    let grams = format!("{} {}", character_pairs(&title), character_pairs(&body));
    tx.execute(
        "INSERT INTO archive_grams (rowid, grams) VALUES (?1, ?2)",
        params![id, grams],
    )?;
    Ok(())
}

/// A text as the overlapping pairs of its characters, space-separated ("貧血です" → "貧血 血で です
/// す"): every one- or two-character word of the text is then a token or a token's start.
fn character_pairs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2 + chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        out.push(c);
        if let Some(&next) = chars.get(i + 1).filter(|n| !n.is_whitespace()) {
            out.push(next);
        }
        out.push(' ');
    }
    out
}

impl Store {
    /// Records every slot due up to and including `today` for every child, computed from the
    /// dates (never from a stored counter), and indexes their text in the reader's language.
    /// Idempotent; one transaction. Returns how many entries were added.
    pub fn catch_up(
        &mut self,
        catalogue: &Catalogue,
        programme: Programme,
        today: NaiveDate,
    ) -> Result<usize> {
        let locale = self.settings()?.locale;
        let index_key = format!("{locale}:{:016x}", catalogue.fingerprint());
        let children = self.children()?;
        let tx = self.conn.transaction()?;
        let indexed_as: Option<String> = tx
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [INDEX_KEY],
                |r| r.get(0),
            )
            .ok();
        let mut added = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO delivery (child_id, slot, due_on, earlier) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (child_id, slot) DO NOTHING",
            )?;
            for record in &children {
                for entry in record.child.plan_through(programme, today) {
                    let earlier = entry.status == PlanStatus::Earlier;
                    if insert.execute(params![
                        record.id,
                        entry.slot.to_string(),
                        date_to_sql(entry.date),
                        earlier
                    ])? == 1
                    {
                        added += 1;
                        if indexed_as.as_deref() == Some(index_key.as_str()) {
                            index_text(
                                &tx,
                                catalogue,
                                &locale,
                                tx.last_insert_rowid(),
                                entry.slot,
                            )?;
                        }
                    }
                }
            }
        }
        if indexed_as.as_deref() != Some(index_key.as_str()) {
            // The language or the catalogue changed: index everything afresh.
            tx.execute("DELETE FROM archive_text", [])?;
            tx.execute("DELETE FROM archive_grams", [])?;
            let rows: Vec<(i64, String)> = tx
                .prepare("SELECT id, slot FROM delivery")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (id, slot) in rows {
                index_text(&tx, catalogue, &locale, id, slot.parse()?)?;
            }
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![INDEX_KEY, index_key],
            )?;
        }
        tx.commit()?;
        Ok(added)
    }

    /// The archive, newest first.
    pub fn archive(&self, filter: ArchiveFilter) -> Result<Vec<ArchiveEntry>> {
        let mut sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM delivery d JOIN child c ON c.id = d.child_id
             LEFT JOIN archive_text ON archive_text.rowid = d.id WHERE 1"
        );
        let mut args: Vec<i64> = Vec::new();
        if let Some(id) = filter.child_id {
            sql.push_str(" AND d.child_id = ?");
            args.push(id);
        }
        if filter.unread_only {
            sql.push_str(" AND d.read_at IS NULL");
        }
        if filter.bookmarked_only {
            sql.push_str(" AND d.bookmarked");
        }
        sql.push_str(" ORDER BY d.due_on DESC, d.child_id, d.id DESC");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One archive entry by its id.
    pub fn delivery(&self, id: i64) -> Result<ArchiveEntry> {
        self.entry_where("d.id = ?1", params![id])?
            .ok_or(Error::UnknownDelivery(id))
    }

    /// The archive entry of one child's slot, once it has been delivered.
    pub fn delivery_of(&self, child_id: i64, slot: Slot) -> Result<Option<ArchiveEntry>> {
        self.entry_where(
            "d.child_id = ?1 AND d.slot = ?2",
            params![child_id, slot.to_string()],
        )
    }

    fn entry_where(
        &self,
        condition: &str,
        args: impl rusqlite::Params,
    ) -> Result<Option<ArchiveEntry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM delivery d JOIN child c ON c.id = d.child_id
             LEFT JOIN archive_text ON archive_text.rowid = d.id WHERE {condition}"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(args, entry)
            .optional()?)
    }

    /// Archive entries whose title or text contains every word of `query`, newest first. Words of
    /// three characters or more use the trigram index, shorter ones the index of character pairs;
    /// a short word with a symbol in it (which neither index holds) is matched directly.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<ArchiveEntry>> {
        let terms = search_terms(query)?;
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let (long, short): (Vec<&str>, Vec<&str>) =
            terms.into_iter().partition(|t| t.chars().count() >= 3);
        // Each word narrows a set of delivery ids from its index; the newest `limit` ids are picked
        // on the delivery table alone, and only their rows are read in full (reading every hit's
        // text, as a scan or a join on the text table does, is what made common words slow).
        let mut hits = String::from("SELECT d.id FROM delivery d");
        let mut conditions = String::from(" WHERE 1");
        let mut args: Vec<String> = Vec::new();
        if !long.is_empty() {
            conditions.push_str(
                " AND d.id IN (SELECT rowid FROM archive_text WHERE archive_text MATCH ?)",
            );
            let phrases: Vec<String> = long
                .iter()
                .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
                .collect();
            args.push(phrases.join(" AND "));
        }
        let mut reads_text = false;
        for term in short {
            if term.chars().all(char::is_alphanumeric) {
                // Two characters are one pair; one character is the start of a pair.
                conditions.push_str(
                    " AND d.id IN (SELECT rowid FROM archive_grams WHERE archive_grams MATCH ?)",
                );
                let prefix = if term.chars().count() == 1 { "*" } else { "" };
                args.push(format!("\"{term}\"{prefix}"));
                continue;
            }
            reads_text = true;
            // SQLite's lower() folds ASCII only: Japanese terms are matched as they are, without
            // copying every row's text to fold it.
            if term.chars().any(|c| c.is_ascii_alphabetic()) {
                conditions.push_str(
                    " AND (instr(lower(t.title), lower(?)) > 0 OR instr(lower(t.body), lower(?)) > 0)",
                );
            } else {
                conditions.push_str(" AND (instr(t.title, ?) > 0 OR instr(t.body, ?) > 0)");
            }
            args.extend([term.to_owned(), term.to_owned()]);
        }
        if reads_text {
            hits.push_str(" JOIN archive_text t ON t.rowid = d.id");
        }
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM ({hits}{conditions} ORDER BY d.due_on DESC, d.id DESC LIMIT ?) AS hit
             JOIN delivery d ON d.id = hit.id JOIN child c ON c.id = d.child_id
             JOIN archive_text ON archive_text.rowid = d.id
             ORDER BY d.due_on DESC, d.id DESC"
        );
        args.push(limit.to_string());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn mark(&mut self, sql: &str, id: i64, value: &dyn rusqlite::ToSql) -> Result<()> {
        let tx = self.conn.transaction()?;
        if tx.execute(sql, params![id, value])? == 0 {
            return Err(Error::UnknownDelivery(id));
        }
        tx.commit()?;
        Ok(())
    }

    /// Messages due up to `through` that are still waiting for the reader: no notification has
    /// mentioned them, the reader has not opened them, and their child's messages run (never a
    /// stopped child's, never the earlier, before-registration or before-resuming ones). Oldest
    /// first.
    pub fn unnotified(&self, through: NaiveDate) -> Result<Vec<ArchiveEntry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM delivery d JOIN child c ON c.id = d.child_id
             LEFT JOIN archive_text ON archive_text.rowid = d.id
             WHERE d.notified_at IS NULL AND d.read_at IS NULL AND NOT d.earlier
               AND c.status <> 'ended' AND d.due_on >= c.registered_on AND d.due_on <= ?1
             ORDER BY d.due_on, d.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([date_to_sql(through)], entry)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The last day whose notification was raised (or deliberately skipped), if any.
    pub fn notified_through(&self) -> Result<Option<NaiveDate>> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [NOTIFIED_KEY],
                |r| r.get(0),
            )
            .optional()?;
        Ok(date_from_sql(value)?)
    }

    /// Records that the notification for every day up to `through` has been raised: one
    /// transaction marking each message it covered.
    pub fn mark_notified_through(&mut self, through: NaiveDate, at: NaiveDateTime) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE delivery SET notified_at = ?2 WHERE notified_at IS NULL AND NOT earlier AND due_on <= ?1",
            params![date_to_sql(through), at.to_string()],
        )?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![NOTIFIED_KEY, date_to_sql(through)],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The reader opened this message.
    pub fn mark_read(&mut self, id: i64, at: NaiveDateTime) -> Result<()> {
        self.mark(
            "UPDATE delivery SET read_at = coalesce(read_at, ?2) WHERE id = ?1",
            id,
            &at.to_string(),
        )
    }

    /// The message was on screen (Today), whether or not it was opened in full.
    pub fn mark_shown(&mut self, id: i64, at: NaiveDateTime) -> Result<()> {
        self.mark(
            "UPDATE delivery SET shown_at = coalesce(shown_at, ?2) WHERE id = ?1",
            id,
            &at.to_string(),
        )
    }

    pub fn set_bookmark(&mut self, id: i64, bookmarked: bool) -> Result<()> {
        self.mark(
            "UPDATE delivery SET bookmarked = ?2 WHERE id = ?1",
            id,
            &bookmarked,
        )
    }

    /// The town's overlays each child has had on its days so far: from registration to `today`,
    /// never after the messages were stopped, newest first. Computed from the dates and the items
    /// the app holds now, so an item the town withdrew, or one past its expiry, is not listed.
    pub fn town_archive(
        &self,
        town: &str,
        programme: Programme,
        today: NaiveDate,
        lang: &str,
        child_id: Option<i64>,
    ) -> Result<Vec<TownEntry>> {
        let mut out = Vec::new();
        for record in self.children()? {
            if child_id.is_some_and(|id| id != record.id) {
                continue;
            }
            let from = record.child.registered_on;
            for (due_on, overlay) in
                self.town_overlays_between(town, &record.child, programme, from, today, lang)?
            {
                out.push(TownEntry {
                    child_id: record.id,
                    nickname: record.nickname.clone(),
                    due_on,
                    overlay,
                });
            }
        }
        out.sort_by(|a, b| {
            (b.due_on, a.child_id, &a.overlay.key).cmp(&(a.due_on, b.child_id, &b.overlay.key))
        });
        Ok(out)
    }

    /// The town's archived overlays whose title or text contains every word of `query`, ignoring
    /// case; newest first. There are few of them, so they are matched directly.
    pub fn search_town(
        &self,
        town: &str,
        programme: Programme,
        today: NaiveDate,
        lang: &str,
        query: &str,
    ) -> Result<Vec<TownEntry>> {
        let terms: Vec<String> = search_terms(query)?
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let mut entries = self.town_archive(town, programme, today, lang, None)?;
        entries.retain(|e| {
            let text =
                format!("{}\n{}", e.overlay.title, body_text(&e.overlay.body)).to_lowercase();
            terms.iter().all(|t| text.contains(t.as_str()))
        });
        Ok(entries)
    }
}

/// A reader's search split into words, refused with a clear error when it is longer than any
/// real search (thousands of words would otherwise exceed SQLite's variable limit).
fn search_terms(query: &str) -> Result<Vec<&str>> {
    check_length("search", query.trim(), MAX_SEARCH_CHARS)?;
    let terms: Vec<&str> = query.split_whitespace().collect();
    if terms.len() > MAX_SEARCH_WORDS {
        return Err(Error::TextTooLong {
            field: "search-words",
            max: MAX_SEARCH_WORDS,
        });
    }
    Ok(terms)
}
