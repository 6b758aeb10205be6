//! The `dose` and `checkup_attended` tables (migration 7): what the family copies from the
//! Maternal and Child Health Handbook. Every write checks the child's whole record with the
//! planner first, so the store never holds what the planner refuses (its error codes are the
//! store's), and is one transaction. A stopped child's record is kept but not written to.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

use super::children::child_in;
use super::{ChildRecord, Status, Store, date_from_sql, date_to_sql};
use crate::cadence::Programme;
use crate::error::{Error, Result};
use crate::schedule::{
    AttendedCheckup, Plan, PlanInput, RecordedDose, Schedule, VisitKind, programme_end,
};

/// A child's doses and attended check-ups, as recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Records {
    /// By vaccine, then dose number.
    pub doses: Vec<RecordedDose>,
    /// By visit id.
    pub checkups: Vec<AttendedCheckup>,
}

pub(super) fn records_in(conn: &Connection, child_id: i64) -> Result<Records> {
    let doses = conn
        .prepare_cached(
            "SELECT vaccine, number, given_on FROM dose WHERE child_id = ?1 ORDER BY vaccine, number",
        )?
        .query_map([child_id], |r| {
            Ok(RecordedDose {
                vaccine: r.get(0)?,
                number: r.get(1)?,
                date: date_from_sql(r.get(2)?)?.expect("NOT NULL column"),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let checkups = conn
        .prepare_cached(
            "SELECT visit, attended_on FROM checkup_attended WHERE child_id = ?1 ORDER BY visit",
        )?
        .query_map([child_id], |r| {
            Ok(AttendedCheckup {
                visit: r.get(0)?,
                date: date_from_sql(r.get(1)?)?.expect("NOT NULL column"),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Records { doses, checkups })
}

/// Plans a child from its dates and these records, up to the end of `programme`: what every
/// read shows and what every write checks.
pub fn plan_records(
    schedule: &Schedule,
    record: &ChildRecord,
    records: &Records,
    programme: Programme,
    today: NaiveDate,
) -> Result<Plan> {
    let due_date = record.child.due_date;
    let birth_date = record.child.birth.map(|b| b.date);
    let until = programme_end(programme, due_date, birth_date).ok_or(Error::NoDates)?;
    schedule.plan(&PlanInput {
        due_date,
        birth_date,
        doses: &records.doses,
        checkups: &records.checkups,
        until,
        today,
    })
}

/// Checks a child's records as they would stand after a write: nothing after today, and a
/// plan the planner accepts (its errors say what is impossible).
fn check(
    schedule: &Schedule,
    record: &ChildRecord,
    records: &Records,
    today: NaiveDate,
) -> Result<()> {
    let dates = records.doses.iter().map(|d| d.date);
    if let Some(date) = dates
        .chain(records.checkups.iter().map(|c| c.date))
        .find(|d| *d > today)
    {
        return Err(Error::RecordInFuture { date });
    }
    // The widest programme, so that a check-up of any town's span is known.
    let plan = plan_records(schedule, record, records, Programme::ToThirdBirthday, today)?;
    for c in &records.checkups {
        let known = plan
            .visits
            .iter()
            .any(|v| v.id == c.visit && matches!(v.kind, VisitKind::Checkup { .. }));
        if !known {
            return Err(Error::UnknownCheckup(c.visit.clone()));
        }
    }
    Ok(())
}

/// After a child's dates change (a corrected birth date, a birth recorded): its records must still
/// fit them, or the change is refused with the planner's code (a dose now before the birth).
pub(super) fn check_records_fit(conn: &Connection, record: &ChildRecord) -> Result<()> {
    let records = records_in(conn, record.id)?;
    let dates = records.doses.iter().map(|d| d.date);
    let Some(latest) = dates.chain(records.checkups.iter().map(|c| c.date)).max() else {
        return Ok(());
    };
    plan_records(
        &Schedule::embedded()?,
        record,
        &Records {
            // A check-up the new dates no longer plan (a pregnancy's, after the birth) is kept.
            checkups: Vec::new(),
            ..records
        },
        Programme::ToThirdBirthday,
        latest,
    )
    .map(|_| ())
}

/// A child that may be written to: known, and its messages not stopped.
fn writable(conn: &Connection, child_id: i64) -> Result<ChildRecord> {
    let record = child_in(conn, child_id)?;
    if let Status::Ended(_) = record.status {
        return Err(Error::ChildEnded(child_id));
    }
    Ok(record)
}

fn dose_name(vaccine: &str, number: u32) -> String {
    format!("{vaccine} {number}")
}

impl Store {
    /// A child's recorded doses and check-ups.
    pub fn records(&self, child_id: i64) -> Result<Records> {
        child_in(&self.conn, child_id)?;
        records_in(&self.conn, child_id)
    }

    /// Records a dose given on `dose.date`. A dose already recorded is refused
    /// (`dose-recorded-twice`): correct it instead.
    pub fn record_dose(
        &mut self,
        schedule: &Schedule,
        child_id: i64,
        dose: &RecordedDose,
        today: NaiveDate,
    ) -> Result<Records> {
        self.change(
            schedule,
            child_id,
            today,
            |records| {
                records.doses.push(dose.clone());
                Ok(())
            },
            |tx| {
                tx.execute(
                    "INSERT INTO dose (child_id, vaccine, number, given_on) VALUES (?1, ?2, ?3, ?4)",
                    params![child_id, dose.vaccine, dose.number, date_to_sql(dose.date)],
                )
            },
        )
    }

    /// Changes the date of a recorded dose.
    pub fn correct_dose(
        &mut self,
        schedule: &Schedule,
        child_id: i64,
        dose: &RecordedDose,
        today: NaiveDate,
    ) -> Result<Records> {
        self.change(
            schedule,
            child_id,
            today,
            |records| {
                let held = records
                    .doses
                    .iter_mut()
                    .find(|d| d.vaccine == dose.vaccine && d.number == dose.number)
                    .ok_or_else(|| Error::NotRecorded(dose_name(&dose.vaccine, dose.number)))?;
                held.date = dose.date;
                Ok(())
            },
            |tx| {
                tx.execute(
                    "UPDATE dose SET given_on = ?4 WHERE child_id = ?1 AND vaccine = ?2 AND number = ?3",
                    params![child_id, dose.vaccine, dose.number, date_to_sql(dose.date)],
                )
            },
        )
    }

    /// Removes a recorded dose (entered by mistake). The last dose of a course goes first: a
    /// removal that would leave a later dose without this one is refused
    /// (`dose-without-previous`).
    pub fn remove_dose(
        &mut self,
        schedule: &Schedule,
        child_id: i64,
        vaccine: &str,
        number: u32,
        today: NaiveDate,
    ) -> Result<Records> {
        self.change(
            schedule,
            child_id,
            today,
            |records| {
                let before = records.doses.len();
                records
                    .doses
                    .retain(|d| !(d.vaccine == vaccine && d.number == number));
                if records.doses.len() == before {
                    return Err(Error::NotRecorded(dose_name(vaccine, number)));
                }
                Ok(())
            },
            |tx| {
                tx.execute(
                    "DELETE FROM dose WHERE child_id = ?1 AND vaccine = ?2 AND number = ?3",
                    params![child_id, vaccine, number],
                )
            },
        )
    }

    /// Records a check-up attended on `date`, or corrects the date of one already recorded.
    pub fn record_checkup(
        &mut self,
        schedule: &Schedule,
        child_id: i64,
        visit: &str,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<Records> {
        self.change(
            schedule,
            child_id,
            today,
            |records| {
                records.checkups.retain(|c| c.visit != visit);
                records.checkups.push(AttendedCheckup {
                    visit: visit.to_owned(),
                    date,
                });
                Ok(())
            },
            |tx| {
                tx.execute(
                    "INSERT INTO checkup_attended (child_id, visit, attended_on) VALUES (?1, ?2, ?3)
                     ON CONFLICT (child_id, visit) DO UPDATE SET attended_on = excluded.attended_on",
                    params![child_id, visit, date_to_sql(date)],
                )
            },
        )
    }

    /// One change to a child's records in one transaction: the records as they would stand are
    /// planned first (`edit`), so a change the schedule refuses writes nothing; then `write`
    /// stores it. Answers the records as stored.
    fn change(
        &mut self,
        schedule: &Schedule,
        child_id: i64,
        today: NaiveDate,
        edit: impl FnOnce(&mut Records) -> Result<()>,
        write: impl FnOnce(&Transaction) -> rusqlite::Result<usize>,
    ) -> Result<Records> {
        let tx = self.conn.transaction()?;
        let record = writable(&tx, child_id)?;
        let mut records = records_in(&tx, child_id)?;
        edit(&mut records)?;
        check(schedule, &record, &records, today)?;
        write(&tx)?;
        let records = records_in(&tx, child_id)?;
        tx.commit()?;
        Ok(records)
    }

    /// Removes a check-up recorded by mistake.
    pub fn remove_checkup(&mut self, child_id: i64, visit: &str) -> Result<Records> {
        let tx = self.conn.transaction()?;
        writable(&tx, child_id)?;
        let removed = tx.execute(
            "DELETE FROM checkup_attended WHERE child_id = ?1 AND visit = ?2",
            params![child_id, visit],
        )?;
        if removed == 0 {
            return Err(Error::NotRecorded(visit.to_owned()));
        }
        let records = records_in(&tx, child_id)?;
        tx.commit()?;
        Ok(records)
    }
}
