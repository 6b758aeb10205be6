//! Export and import of everything on the device as one JSON document, for moving to a new phone.
//! Import checks the whole document first and replaces the data in one transaction.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{Store, date_to_sql};
use crate::cadence::{Birth, Child, Slot};
use crate::error::{Error, MAX_NICKNAME_CHARS, Result, check_date, check_length};
use crate::schedule::{AttendedCheckup, PlanInput, RecordedDose, Schedule};
use crate::store::EndReason;

const FORMAT: &str = "tsunagu-export";
/// 2 added a child's `shared` and `shareId` (issue #12); a version 1 document reads as children
/// not shared. 3 added `doses` and `checkups` (issue #13); an older document reads as none recorded.
const VERSION: u32 = 3;
const READS: [u32; 3] = [1, 2, 3];

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Export {
    format: String,
    version: u32,
    children: Vec<ChildRow>,
    settings: Vec<(String, String)>,
    deliveries: Vec<DeliveryRow>,
    #[serde(default)]
    doses: Vec<DoseRow>,
    #[serde(default)]
    checkups: Vec<CheckupRow>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DoseRow {
    child_id: i64,
    vaccine: String,
    number: u32,
    given_on: NaiveDate,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CheckupRow {
    child_id: i64,
    visit: String,
    attended_on: NaiveDate,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ChildRow {
    id: i64,
    nickname: String,
    due_date: Option<NaiveDate>,
    birth_date: Option<NaiveDate>,
    birth_recorded_on: Option<NaiveDate>,
    registered_on: NaiveDate,
    status: String,
    ended_on: Option<NaiveDate>,
    ended_reason: Option<String>,
    #[serde(default)]
    shared: bool,
    #[serde(default)]
    share_id: Option<u32>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DeliveryRow {
    child_id: i64,
    slot: String,
    due_on: NaiveDate,
    earlier: bool,
    notified_at: Option<String>,
    shown_at: Option<String>,
    read_at: Option<String>,
    bookmarked: bool,
}

impl ChildRow {
    /// The checks every form applies to a child's dates, and what the status implies: every
    /// date within the calendar the app computes on, a birth that is possible for the due date,
    /// dates in their order, and a status that agrees with them.
    fn check(&self) -> Result<()> {
        check_length("nickname", self.nickname.trim(), MAX_NICKNAME_CHARS)?;
        let dates = [
            self.due_date,
            self.birth_date,
            self.birth_recorded_on,
            Some(self.registered_on),
            self.ended_on,
        ];
        for date in dates.into_iter().flatten() {
            check_date(date)?;
        }
        let birth = match (self.birth_date, self.birth_recorded_on) {
            (Some(date), Some(recorded_on)) => Some(Birth { date, recorded_on }),
            (None, None) => None,
            _ => return Err(invalid("a birth date needs the day it was recorded")),
        };
        let child = Child {
            due_date: self.due_date,
            birth,
            registered_on: self.registered_on,
            ended_on: self.ended_on,
        };
        child.check_dates()?;
        if self.ended_on.is_some_and(|end| end < self.registered_on) {
            return Err(invalid("stopped before it was registered"));
        }
        let consistent = match self.status.as_str() {
            "expecting" => birth.is_none() && self.ended_on.is_none(),
            "born" => birth.is_some() && self.ended_on.is_none(),
            "ended" => {
                self.ended_on.is_some()
                    && self
                        .ended_reason
                        .as_deref()
                        .is_some_and(|r| EndReason::from_name(r).is_some())
            }
            _ => false,
        };
        if !consistent {
            return Err(invalid(format!("status {}", self.status)));
        }
        if self
            .share_id
            .is_some_and(|s| crate::share::ShareId::new(s).is_none())
        {
            return Err(invalid("share id"));
        }
        Ok(())
    }
}

fn invalid(detail: impl Into<String>) -> Error {
    Error::InvalidImport(detail.into())
}

impl Store {
    /// Every child, setting and archive mark as one JSON document.
    pub fn export_json(&self) -> Result<String> {
        let children = self
            .conn
            .prepare("SELECT id, nickname, due_date, birth_date, birth_recorded_on, registered_on, status, ended_on, ended_reason, shared, share_id FROM child ORDER BY id")?
            .query_map([], |r| {
                let date = |i: usize| -> rusqlite::Result<Option<NaiveDate>> { super::date_from_sql(r.get(i)?) };
                Ok(ChildRow {
                    id: r.get(0)?,
                    nickname: r.get(1)?,
                    due_date: date(2)?,
                    birth_date: date(3)?,
                    birth_recorded_on: date(4)?,
                    registered_on: date(5)?.expect("NOT NULL column"),
                    status: r.get(6)?,
                    ended_on: date(7)?,
                    ended_reason: r.get(8)?,
                    shared: r.get(9)?,
                    share_id: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let settings = self
            .settings()?
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        let deliveries = self
            .conn
            .prepare("SELECT child_id, slot, due_on, earlier, notified_at, shown_at, read_at, bookmarked FROM delivery ORDER BY id")?
            .query_map([], |r| {
                Ok(DeliveryRow {
                    child_id: r.get(0)?,
                    slot: r.get(1)?,
                    due_on: super::date_from_sql(r.get(2)?)?.expect("NOT NULL column"),
                    earlier: r.get(3)?,
                    notified_at: r.get(4)?,
                    shown_at: r.get(5)?,
                    read_at: r.get(6)?,
                    bookmarked: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut doses = Vec::new();
        let mut checkups = Vec::new();
        for c in &children {
            let records = super::records::records_in(&self.conn, c.id)?;
            doses.extend(records.doses.into_iter().map(|d| DoseRow {
                child_id: c.id,
                vaccine: d.vaccine,
                number: d.number,
                given_on: d.date,
            }));
            checkups.extend(records.checkups.into_iter().map(|a| CheckupRow {
                child_id: c.id,
                visit: a.visit,
                attended_on: a.date,
            }));
        }
        let export = Export {
            format: FORMAT.into(),
            version: VERSION,
            children,
            settings,
            deliveries,
            doses,
            checkups,
        };
        Ok(serde_json::to_string_pretty(&export).expect("plain data serialises"))
    }

    /// Replaces everything on the device with an exported document. A document that is not a
    /// tsunagu export, or that contradicts itself, is refused and nothing changes.
    pub fn import_json(&mut self, json: &str) -> Result<()> {
        let export: Export = serde_json::from_str(json).map_err(|e| invalid(e.to_string()))?;
        if export.format != FORMAT || !READS.contains(&export.version) {
            return Err(invalid(format!("{} {}", export.format, export.version)));
        }
        let mut settings = crate::store::Settings::default();
        for (key, value) in &export.settings {
            settings.apply(key, value)?;
        }
        for c in &export.children {
            c.check()
                .map_err(|e| invalid(format!("child {}: {e}", c.id)))?;
        }
        let mut share_ids: Vec<u32> = export.children.iter().filter_map(|c| c.share_id).collect();
        share_ids.sort_unstable();
        if share_ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(invalid("two children with one share id"));
        }
        for d in &export.deliveries {
            d.slot.parse::<Slot>()?;
            check_date(d.due_on).map_err(|e| invalid(format!("delivery {}: {e}", d.slot)))?;
            if !export.children.iter().any(|c| c.id == d.child_id) {
                return Err(invalid(format!(
                    "delivery {} for unknown child {}",
                    d.slot, d.child_id
                )));
            }
        }
        check_records(&export)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM child", [])?;
        tx.execute("DELETE FROM setting", [])?;
        for c in &export.children {
            tx.execute(
                "INSERT INTO child (id, nickname, due_date, birth_date, birth_recorded_on, registered_on, status, ended_on, ended_reason, shared, share_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    c.id,
                    c.nickname,
                    c.due_date.map(date_to_sql),
                    c.birth_date.map(date_to_sql),
                    c.birth_recorded_on.map(date_to_sql),
                    date_to_sql(c.registered_on),
                    c.status,
                    c.ended_on.map(date_to_sql),
                    c.ended_reason,
                    c.shared,
                    c.share_id
                ],
            )
            .map_err(|e| invalid(format!("child {}: {e}", c.id)))?;
        }
        for (key, value) in &export.settings {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)",
                params![key, value],
            )?;
        }
        for d in &export.deliveries {
            tx.execute(
                "INSERT INTO delivery (child_id, slot, due_on, earlier, notified_at, shown_at, read_at, bookmarked)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![d.child_id, d.slot, date_to_sql(d.due_on), d.earlier, d.notified_at, d.shown_at, d.read_at, d.bookmarked],
            )
            .map_err(|e| invalid(format!("delivery {}: {e}", d.slot)))?;
        }
        for d in &export.doses {
            tx.execute(
                "INSERT INTO dose (child_id, vaccine, number, given_on) VALUES (?1, ?2, ?3, ?4)",
                params![d.child_id, d.vaccine, d.number, date_to_sql(d.given_on)],
            )
            .map_err(|e| invalid(format!("dose {} {}: {e}", d.vaccine, d.number)))?;
        }
        for c in &export.checkups {
            tx.execute(
                "INSERT INTO checkup_attended (child_id, visit, attended_on) VALUES (?1, ?2, ?3)",
                params![c.child_id, c.visit, date_to_sql(c.attended_on)],
            )
            .map_err(|e| invalid(format!("check-up {}: {e}", c.visit)))?;
        }
        // The archive's search index is rebuilt by the next catch-up.
        tx.execute("DELETE FROM archive_text", [])?;
        tx.execute("DELETE FROM archive_grams", [])?;
        tx.commit()?;
        Ok(())
    }
}

/// Each child's doses and check-ups as the planner reads them: known vaccines, doses in order,
/// none before the birth. Dates after the export's own day are not judged here (the document
/// does not say when it was made); the planner's other rules are.
fn check_records(export: &Export) -> Result<()> {
    if export.doses.is_empty() && export.checkups.is_empty() {
        return Ok(());
    }
    let schedule = Schedule::embedded()?;
    for c in &export.children {
        let doses: Vec<RecordedDose> = export
            .doses
            .iter()
            .filter(|d| d.child_id == c.id)
            .map(|d| RecordedDose {
                vaccine: d.vaccine.clone(),
                number: d.number,
                date: d.given_on,
            })
            .collect();
        let checkups: Vec<AttendedCheckup> = export
            .checkups
            .iter()
            .filter(|a| a.child_id == c.id)
            .map(|a| AttendedCheckup {
                visit: a.visit.clone(),
                date: a.attended_on,
            })
            .collect();
        for date in doses
            .iter()
            .map(|d| d.date)
            .chain(checkups.iter().map(|a| a.date))
        {
            check_date(date).map_err(|e| invalid(format!("child {}: {e}", c.id)))?;
        }
        let Some(today) = doses
            .iter()
            .map(|d| d.date)
            .chain(checkups.iter().map(|a| a.date))
            .max()
        else {
            continue;
        };
        schedule
            .plan(&PlanInput {
                due_date: c.due_date,
                birth_date: c.birth_date,
                doses: &doses,
                checkups: &checkups,
                until: today,
                today,
            })
            .map_err(|e| invalid(format!("child {}: {e}", c.id)))?;
    }
    for (child_id, what) in export
        .doses
        .iter()
        .map(|d| (d.child_id, format!("dose {} {}", d.vaccine, d.number)))
        .chain(
            export
                .checkups
                .iter()
                .map(|a| (a.child_id, format!("check-up {}", a.visit))),
        )
    {
        if !export.children.iter().any(|c| c.id == child_id) {
            return Err(invalid(format!("{what} for unknown child {child_id}")));
        }
    }
    Ok(())
}
