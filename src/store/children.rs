//! The `child` table: each child's dates and status. Every write validates the dates first and is
//! one transaction.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, date_from_sql, date_to_sql};
use crate::cadence::{Birth, Child};
use crate::error::{Error, MAX_NICKNAME_CHARS, Result, check_length};

/// Where a child is in the programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Expecting,
    Born,
    /// Messages stopped, for the reason given.
    Ended(EndReason),
}

/// Why a family stopped the messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndReason {
    PregnancyLoss,
    ChildLoss,
    Other,
}

impl EndReason {
    pub fn name(self) -> &'static str {
        match self {
            EndReason::PregnancyLoss => "pregnancy-loss",
            EndReason::ChildLoss => "child-loss",
            EndReason::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<EndReason> {
        [
            EndReason::PregnancyLoss,
            EndReason::ChildLoss,
            EndReason::Other,
        ]
        .into_iter()
        .find(|r| r.name() == name)
    }
}

/// A child as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildRecord {
    pub id: i64,
    pub nickname: String,
    pub status: Status,
    pub child: Child,
    /// Added from a share code: another phone's family shares this child.
    pub shared: bool,
}

/// What a family enters to register a child.
#[derive(Clone, Debug, Default)]
pub struct NewChild {
    pub nickname: String,
    pub due_date: Option<NaiveDate>,
    pub birth_date: Option<NaiveDate>,
}

const COLUMNS: &str = "id, nickname, due_date, birth_date, birth_recorded_on, registered_on, status, ended_on, ended_reason, shared";

fn from_row(row: &Row) -> rusqlite::Result<ChildRecord> {
    let due_date = date_from_sql(row.get(2)?)?;
    let birth_date = date_from_sql(row.get(3)?)?;
    let recorded_on = date_from_sql(row.get(4)?)?;
    let registered_on = date_from_sql(row.get(5)?)?.expect("NOT NULL column");
    let status: String = row.get(6)?;
    let ended_on = date_from_sql(row.get(7)?)?;
    let reason: Option<String> = row.get(8)?;
    let birth = birth_date
        .zip(recorded_on)
        .map(|(date, recorded_on)| Birth { date, recorded_on });
    let status = match status.as_str() {
        "ended" => Status::Ended(
            reason
                .as_deref()
                .and_then(EndReason::from_name)
                .unwrap_or(EndReason::Other),
        ),
        "born" => Status::Born,
        _ => Status::Expecting,
    };
    Ok(ChildRecord {
        id: row.get(0)?,
        nickname: row.get(1)?,
        status,
        child: Child {
            due_date,
            birth,
            registered_on,
            ended_on,
        },
        shared: row.get(9)?,
    })
}

fn status_of(child: &Child) -> &'static str {
    if child.birth.is_some() {
        "born"
    } else {
        "expecting"
    }
}

impl Store {
    /// Registers a child on `today`, after checking that its dates are possible.
    pub fn add_child(&mut self, new: &NewChild, today: NaiveDate) -> Result<ChildRecord> {
        let tx = self.conn.transaction()?;
        let record = add_child_in(&tx, new, today)?;
        tx.commit()?;
        Ok(record)
    }

    /// Records the birth on `today`: pregnancy messages stop at once and the baby's run from the
    /// real birth date.
    pub fn record_birth(
        &mut self,
        id: i64,
        birth_date: NaiveDate,
        today: NaiveDate,
    ) -> Result<ChildRecord> {
        let tx = self.conn.transaction()?;
        let record = record_birth_in(&tx, id, birth_date, today)?;
        tx.commit()?;
        Ok(record)
    }

    /// Corrects a child's dates (a revised due date, a mistyped birth date). The registration and
    /// birth-recorded days stay as they were: nothing already delivered is re-notified.
    pub fn correct_dates(
        &mut self,
        id: i64,
        due_date: Option<NaiveDate>,
        birth_date: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<ChildRecord> {
        let tx = self.conn.transaction()?;
        let record = correct_dates_in(&tx, id, due_date, birth_date, today)?;
        tx.commit()?;
        Ok(record)
    }

    /// Stops every message for this child from `today`, at once.
    pub fn end_child(
        &mut self,
        id: i64,
        reason: EndReason,
        today: NaiveDate,
    ) -> Result<ChildRecord> {
        let tx = self.conn.transaction()?;
        let record = end_child_in(&tx, id, reason, today)?;
        tx.commit()?;
        Ok(record)
    }

    /// Resumes messages stopped earlier: only ever the family's own choice. Days in between are
    /// not back-notified: registration moves to `today`.
    pub fn resume_child(&mut self, id: i64, today: NaiveDate) -> Result<ChildRecord> {
        let tx = self.conn.transaction()?;
        let record = resume_child_in(&tx, id, today)?;
        tx.commit()?;
        Ok(record)
    }

    /// Removes a child and everything delivered for it.
    pub fn delete_child(&mut self, id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        if tx.execute("DELETE FROM child WHERE id = ?1", [id])? == 0 {
            return Err(Error::UnknownChild(id));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn child(&self, id: i64) -> Result<ChildRecord> {
        child_in(&self.conn, id)
    }

    /// Every child, in the order they were registered.
    pub fn children(&self) -> Result<Vec<ChildRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM child ORDER BY id"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

// The writes themselves, on a connection the caller holds a transaction on: the public methods
// above wrap each in its own transaction, and adding a shared child runs several in one.

pub(super) fn child_in(conn: &Connection, id: i64) -> Result<ChildRecord> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM child WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::UnknownChild(id))
}

pub(super) fn add_child_in(
    conn: &Connection,
    new: &NewChild,
    today: NaiveDate,
) -> Result<ChildRecord> {
    let child = Child {
        due_date: new.due_date,
        birth: new.birth_date.map(|date| Birth {
            date,
            recorded_on: today,
        }),
        registered_on: today,
        ended_on: None,
    };
    check_length("nickname", new.nickname.trim(), MAX_NICKNAME_CHARS)?;
    child.validate(today)?;
    conn.execute(
        "INSERT INTO child (nickname, due_date, birth_date, birth_recorded_on, registered_on, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            new.nickname.trim(),
            child.due_date.map(date_to_sql),
            child.birth.map(|b| date_to_sql(b.date)),
            child.birth.map(|b| date_to_sql(b.recorded_on)),
            date_to_sql(today),
            status_of(&child),
        ],
    )?;
    child_in(conn, conn.last_insert_rowid())
}

pub(super) fn record_birth_in(
    conn: &Connection,
    id: i64,
    birth_date: NaiveDate,
    today: NaiveDate,
) -> Result<ChildRecord> {
    let record = child_in(conn, id)?;
    match record.status {
        Status::Born => return Err(Error::AlreadyBorn(id)),
        Status::Ended(_) => return Err(Error::ChildEnded(id)),
        Status::Expecting => {}
    }
    let child = Child {
        birth: Some(Birth {
            date: birth_date,
            recorded_on: today,
        }),
        ..record.child
    };
    child.validate(today)?;
    conn.execute(
        "UPDATE child SET birth_date = ?2, birth_recorded_on = ?3, status = 'born' WHERE id = ?1",
        params![id, date_to_sql(birth_date), date_to_sql(today)],
    )?;
    let record = child_in(conn, id)?;
    super::records::check_records_fit(conn, &record)?;
    Ok(record)
}

pub(super) fn correct_dates_in(
    conn: &Connection,
    id: i64,
    due_date: Option<NaiveDate>,
    birth_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<ChildRecord> {
    let record = child_in(conn, id)?;
    if let Status::Ended(_) = record.status {
        return Err(Error::ChildEnded(id));
    }
    let birth = match (record.child.birth, birth_date) {
        (Some(b), Some(date)) => Some(Birth {
            date,
            recorded_on: b.recorded_on.max(date),
        }),
        (Some(b), None) => Some(b),
        (None, Some(_)) => return Err(Error::NotBorn(id)),
        (None, None) => None,
    };
    let child = Child {
        due_date: due_date.or(record.child.due_date),
        birth,
        ..record.child
    };
    child.validate(today)?;
    conn.execute(
        "UPDATE child SET due_date = ?2, birth_date = ?3, birth_recorded_on = ?4 WHERE id = ?1",
        params![
            id,
            child.due_date.map(date_to_sql),
            child.birth.map(|b| date_to_sql(b.date)),
            child.birth.map(|b| date_to_sql(b.recorded_on))
        ],
    )?;
    super::records::check_records_fit(conn, &child_in(conn, id)?)?;
    // Slots the new dates no longer reach are dropped; catch-up records the new ones.
    conn.execute(
        "DELETE FROM delivery WHERE child_id = ?1 AND due_on > ?2",
        params![id, date_to_sql(today)],
    )?;
    child_in(conn, id)
}

pub(super) fn end_child_in(
    conn: &Connection,
    id: i64,
    reason: EndReason,
    today: NaiveDate,
) -> Result<ChildRecord> {
    let record = child_in(conn, id)?;
    if let Status::Ended(_) = record.status {
        return Err(Error::ChildEnded(id));
    }
    conn.execute(
        "UPDATE child SET status = 'ended', ended_on = ?2, ended_reason = ?3 WHERE id = ?1",
        params![id, date_to_sql(today), reason.name()],
    )?;
    conn.execute(
        "DELETE FROM delivery WHERE child_id = ?1 AND due_on >= ?2",
        params![id, date_to_sql(today)],
    )?;
    child_in(conn, id)
}

pub(super) fn resume_child_in(conn: &Connection, id: i64, today: NaiveDate) -> Result<ChildRecord> {
    let record = child_in(conn, id)?;
    if !matches!(record.status, Status::Ended(_)) {
        return Err(Error::ChildNotEnded(id));
    }
    let child = Child {
        ended_on: None,
        registered_on: today,
        ..record.child.clone()
    };
    child.validate(today)?;
    conn.execute(
        "UPDATE child SET status = ?2, ended_on = NULL, ended_reason = NULL, registered_on = ?3 WHERE id = ?1",
        params![id, status_of(&child), date_to_sql(today)],
    )?;
    child_in(conn, id)
}
