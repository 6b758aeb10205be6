//! Children shared between phones (issue #12; migration 4): a child's share code made from the
//! store, and a code added as a child or folded into the one it already added. Adding is one
//! transaction built from the same writes as the reader's own (add, record the birth, correct
//! the dates, stop, resume), so a shared child is checked and recomputed exactly as any other.
//!
//! The identity in the code is what finds the child again: a random number made the first time
//! the child is shared, kept when a second phone shares it on. So a birth recorded later on the
//! first phone, or a corrected due date, updates the same child on the second.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::children::{
    add_child_in, child_in, correct_dates_in, end_child_in, record_birth_in, resume_child_in,
};
use super::{ChildRecord, EndReason, NewChild, Status, Store, date_to_sql};
use crate::cadence::{Birth, Child};
use crate::error::{MAX_NICKNAME_CHARS, Result, check_length};
use crate::share::{Share, ShareId, ShareState};

/// One thing a share code changes on this phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShareChange {
    Nickname,
    DueDate,
    /// The birth, not yet recorded here.
    BirthRecorded,
    /// A corrected birth date.
    BirthDate,
    /// The other phone stopped the messages: they stop here only once the reader agrees.
    Stop,
    /// The other phone resumed them: they restart here only once the reader agrees.
    Resume,
}

/// What the reader agreed to, after the shell asked (see [`Shared::NeedsConfirmation`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Confirm {
    pub stop: bool,
    pub resume: bool,
}

/// What adding a share code did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shared {
    /// A new child, marked shared.
    Added(ChildRecord),
    /// The child this code added before, brought up to date.
    Updated {
        child: ChildRecord,
        changes: Vec<ShareChange>,
    },
    /// The child is already as the code says.
    Unchanged(ChildRecord),
    /// Nothing was changed: the code would stop or restart this child's messages. Ask the
    /// reader; call again with [`Confirm`] set for what they agreed to.
    NeedsConfirmation {
        child: ChildRecord,
        changes: Vec<ShareChange>,
    },
}

impl Store {
    /// The share code of a child for `town`'s build, with its nickname unless the family leaves it
    /// out. The first time a child is shared it gets its identity (a random 30-bit number).
    pub fn share_code(&mut self, id: i64, town: &str, with_nickname: bool) -> Result<String> {
        self.share_of(id, with_nickname)?.to_code(town)
    }

    /// What a child's share code holds (see [`Store::share_code`]).
    pub fn share_of(&mut self, id: i64, with_nickname: bool) -> Result<Share> {
        let tx = self.conn.transaction()?;
        let share = share_in(&tx, id, with_nickname)?;
        tx.commit()?;
        Ok(share)
    }

    /// What a child's share code holds, as the share screen shows it: also remembers the state
    /// shown (migration 8) and answers the state shown the time before (`None`: never shown
    /// from this phone), so the screen can say to share again after the birth was recorded or
    /// the messages stopped. One transaction.
    pub fn show_share(
        &mut self,
        id: i64,
        with_nickname: bool,
    ) -> Result<(Share, Option<ShareState>)> {
        let tx = self.conn.transaction()?;
        let share = share_in(&tx, id, with_nickname)?;
        let before: Option<String> =
            tx.query_row("SELECT shared_as FROM child WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        tx.execute(
            "UPDATE child SET shared_as = ?2 WHERE id = ?1",
            params![id, state_name(share.state())],
        )?;
        tx.commit()?;
        let before = before.as_deref().and_then(|name| {
            [ShareState::Expecting, ShareState::Born, ShareState::Stopped]
                .into_iter()
                .find(|s| state_name(*s) == name)
        });
        Ok((share, before))
    }

    /// Adds the child of a share code on `today`, or brings the child it added before up to date,
    /// in one transaction. A code never stops or restarts messages without the reader's
    /// [`Confirm`]: without it nothing changes and [`Shared::NeedsConfirmation`] says what would.
    /// A code never removes a recorded birth, nor a nickname when it carries none. A new child
    /// from a stopped code is added with its messages already stopped: nothing is ever notified
    /// for it unless the reader resumes it.
    pub fn add_shared(
        &mut self,
        share: &Share,
        today: NaiveDate,
        confirm: Confirm,
    ) -> Result<Shared> {
        let tx = self.conn.transaction()?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM child WHERE share_id = ?1",
                [share.id.get()],
                |r| r.get(0),
            )
            .optional()?;
        let outcome = match existing {
            None => Shared::Added(add_new(&tx, share, today)?),
            Some(id) => {
                let here = child_in(&tx, id)?;
                let changes = changes(&here, share);
                let asks = |c: &ShareChange| match c {
                    ShareChange::Stop => !confirm.stop,
                    ShareChange::Resume => !confirm.resume,
                    _ => false,
                };
                if changes.iter().any(asks) {
                    return Ok(Shared::NeedsConfirmation {
                        child: here,
                        changes,
                    });
                }
                if changes.is_empty() {
                    Shared::Unchanged(here)
                } else {
                    let child = update(&tx, &here, share, &changes, today)?;
                    Shared::Updated { child, changes }
                }
            }
        };
        tx.commit()?;
        Ok(outcome)
    }
}

fn share_in(conn: &Connection, id: i64, with_nickname: bool) -> Result<Share> {
    let record = child_in(conn, id)?;
    let share_id = match share_id_of(conn, id)? {
        Some(s) => s,
        None => assign_share_id(conn, id)?,
    };
    let nickname = record.nickname.trim();
    Ok(Share {
        id: share_id,
        stopped: matches!(record.status, Status::Ended(_)),
        due_date: record.child.due_date,
        birth_date: record.child.birth.map(|b| b.date),
        nickname: (with_nickname && !nickname.is_empty()).then(|| nickname.to_owned()),
    })
}

fn state_name(state: ShareState) -> &'static str {
    match state {
        ShareState::Expecting => "expecting",
        ShareState::Born => "born",
        ShareState::Stopped => "stopped",
    }
}

fn share_id_of(conn: &Connection, id: i64) -> Result<Option<ShareId>> {
    let value: Option<u32> =
        conn.query_row("SELECT share_id FROM child WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    Ok(value.and_then(ShareId::new))
}

/// Gives the child a random identity not held by another child here.
fn assign_share_id(conn: &Connection, id: i64) -> Result<ShareId> {
    for _ in 0..16 {
        let candidate: u32 =
            conn.query_row(&format!("SELECT random() & {}", ShareId::MAX), [], |r| {
                r.get(0)
            })?;
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM child WHERE share_id = ?1)",
            [candidate],
            |r| r.get(0),
        )?;
        if !taken {
            conn.execute(
                "UPDATE child SET share_id = ?2 WHERE id = ?1",
                params![id, candidate],
            )?;
            return Ok(ShareId::new(candidate).expect("masked to 30 bits"));
        }
    }
    unreachable!("sixteen random 30-bit numbers all taken by a phone's few children")
}

/// What the code would change on the child it added before.
fn changes(here: &ChildRecord, share: &Share) -> Vec<ShareChange> {
    let mut out = Vec::new();
    if share
        .nickname
        .as_deref()
        .is_some_and(|n| n != here.nickname)
    {
        out.push(ShareChange::Nickname);
    }
    let ended = matches!(here.status, Status::Ended(_));
    if share.stopped && !ended {
        out.push(ShareChange::Stop);
    }
    if !share.stopped && ended {
        out.push(ShareChange::Resume);
    }
    // A child that stays stopped keeps its dates: nothing is computed for it.
    if share.stopped && ended {
        return out;
    }
    if share.due_date.is_some() && share.due_date != here.child.due_date {
        out.push(ShareChange::DueDate);
    }
    match (here.child.birth, share.birth_date) {
        (None, Some(_)) => out.push(ShareChange::BirthRecorded),
        (Some(b), Some(date)) if b.date != date => out.push(ShareChange::BirthDate),
        _ => {}
    }
    out
}

fn add_new(conn: &Connection, share: &Share, today: NaiveDate) -> Result<ChildRecord> {
    let nickname = share.nickname.clone().unwrap_or_default();
    let id = if share.stopped {
        // Registered and stopped on the same day: checked as an import is, since the dates of a
        // stopped child may be long past, and never notified.
        let child = Child {
            due_date: share.due_date,
            birth: share.birth_date.map(|date| Birth {
                date,
                recorded_on: today.max(date),
            }),
            registered_on: today,
            ended_on: Some(today),
        };
        child.check_dates()?;
        conn.execute(
            "INSERT INTO child (nickname, due_date, birth_date, birth_recorded_on, registered_on,
                 status, ended_on, ended_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, 'ended', ?5, ?6)",
            params![
                nickname,
                child.due_date.map(date_to_sql),
                child.birth.map(|b| date_to_sql(b.date)),
                child.birth.map(|b| date_to_sql(b.recorded_on)),
                date_to_sql(today),
                EndReason::Other.name(),
            ],
        )?;
        conn.last_insert_rowid()
    } else {
        let new = NewChild {
            nickname,
            due_date: share.due_date,
            birth_date: share.birth_date,
        };
        add_child_in(conn, &new, today)?.id
    };
    conn.execute(
        "UPDATE child SET shared = 1, share_id = ?2 WHERE id = ?1",
        params![id, share.id.get()],
    )?;
    child_in(conn, id)
}

fn update(
    conn: &Connection,
    here: &ChildRecord,
    share: &Share,
    changes: &[ShareChange],
    today: NaiveDate,
) -> Result<ChildRecord> {
    let id = here.id;
    let has = |c: ShareChange| changes.contains(&c);
    if has(ShareChange::Resume) {
        resume_child_in(conn, id, today)?;
    }
    if has(ShareChange::BirthRecorded) {
        if has(ShareChange::DueDate) {
            // Checked together with the birth just below: a revised due date and the birth often
            // arrive in one code, and neither alone need fit the old other.
            conn.execute(
                "UPDATE child SET due_date = ?2 WHERE id = ?1",
                params![id, share.due_date.map(date_to_sql)],
            )?;
        }
        record_birth_in(conn, id, share.birth_date.expect("a birth"), today)?;
    } else if has(ShareChange::DueDate) || has(ShareChange::BirthDate) {
        let birth = share.birth_date.filter(|_| has(ShareChange::BirthDate));
        correct_dates_in(conn, id, share.due_date, birth, today)?;
    }
    if has(ShareChange::Nickname) {
        let nickname = share.nickname.as_deref().unwrap_or_default();
        check_length("nickname", nickname, MAX_NICKNAME_CHARS)?;
        conn.execute(
            "UPDATE child SET nickname = ?2 WHERE id = ?1",
            params![id, nickname],
        )?;
    }
    if has(ShareChange::Stop) {
        end_child_in(conn, id, EndReason::Other, today)?;
    }
    child_in(conn, id)
}
