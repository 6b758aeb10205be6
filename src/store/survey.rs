//! The town's surveys (migration 5): written with the feed, and the reader's marks on them. A
//! survey is shown once on Today as a card until it closes or is dismissed, and mentioned once in
//! a day's notification. The marks stay on the device: nothing about a survey, and nothing about
//! whether the reader answered, is sent anywhere (answers go to the town's form in the browser).

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Store, date_from_sql, date_to_sql};
use crate::cadence::{Child, Programme};
use crate::error::Result;
use crate::feed::{Feed, StageRange, Survey, survey_for};

/// What the reader did with a survey's card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurveyMark {
    /// The card was on screen.
    Shown,
    /// The reader closed the card (or opened the form: the shell dismisses it then too; the app
    /// does not tell answering from dismissing).
    Dismissed,
}

const COLUMNS: &str = "id, locale, title, body, url, opens_on, closes_on, stages";

fn survey_row(row: &Row) -> rusqlite::Result<Survey> {
    let stages: String = row.get(7)?;
    let stages = serde_json::from_str::<Vec<serde_json::Value>>(&stages)
        .unwrap_or_default()
        .iter()
        .filter_map(StageRange::from_json)
        .collect();
    let date = |i: usize| -> rusqlite::Result<NaiveDate> {
        date_from_sql(row.get(i)?)?.ok_or(rusqlite::Error::InvalidColumnType(
            i,
            "date".into(),
            rusqlite::types::Type::Null,
        ))
    };
    Ok(Survey {
        key: row.get(0)?,
        lang: row.get(1)?,
        title: row.get(2)?,
        body: row.get(3)?,
        url: row.get(4)?,
        from: date(5)?,
        until: date(6)?,
        stages,
    })
}

/// Writes `feed`'s surveys over the town's, inside the feed's transaction; closed ones are left
/// out. The marks are kept.
pub(super) fn replace_surveys(tx: &Transaction, feed: &Feed, today: NaiveDate) -> Result<usize> {
    tx.execute("DELETE FROM survey WHERE town = ?1", [&feed.town])?;
    let mut insert = tx.prepare(
        "INSERT INTO survey (id, town, locale, title, body, url, opens_on, closes_on, stages)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut n = 0;
    for s in feed.surveys.iter().filter(|s| today <= s.until) {
        let stages = serde_json::Value::Array(s.stages.iter().map(StageRange::to_json).collect())
            .to_string();
        insert.execute(params![
            s.key,
            feed.town,
            s.lang,
            s.title,
            s.body,
            s.url,
            date_to_sql(s.from),
            date_to_sql(s.until),
            stages
        ])?;
        n += 1;
    }
    Ok(n)
}

impl Store {
    fn surveys(&self, town: &str) -> Result<Vec<Survey>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM survey WHERE town = ?1"))?;
        let rows = stmt.query_map([town], survey_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn survey_marked(&self, town: &str, s: &Survey, column: &str) -> Result<Option<NaiveDate>> {
        let value: Option<Option<String>> = self
            .conn
            .query_row(
                &format!(
                    "SELECT {column} FROM survey_mark WHERE town = ?1 AND id = ?2 AND opens_on = ?3"
                ),
                params![town, s.key, date_to_sql(s.from)],
                |r| r.get(0),
            )
            .optional()?;
        Ok(date_from_sql(value.flatten())?)
    }

    /// The survey to show on Today on `date`: open, for one of the family's `children` (any
    /// stage when it names none), not dismissed, in the reader's language (else Japanese).
    pub fn open_survey(
        &self,
        town: &str,
        children: &[Child],
        programme: Programme,
        date: NaiveDate,
        lang: &str,
    ) -> Result<Option<Survey>> {
        let surveys = self.surveys(town)?;
        let mut dismissed = Vec::new();
        for s in &surveys {
            if self.survey_marked(town, s, "dismissed_on")?.is_some() {
                dismissed.push(s.key.clone());
            }
        }
        Ok(survey_for(&surveys, children, programme, date, lang, |s| {
            dismissed.contains(&s.key)
        })
        .cloned())
    }

    /// Records what the reader did with the survey's card on `today` (the first day only).
    pub fn mark_survey(
        &mut self,
        town: &str,
        survey: &Survey,
        mark: SurveyMark,
        today: NaiveDate,
    ) -> Result<()> {
        let column = match mark {
            SurveyMark::Shown => "shown_on",
            SurveyMark::Dismissed => "dismissed_on",
        };
        let tx = self.conn.transaction()?;
        set_mark(&tx, town, survey, column, today)?;
        tx.commit()?;
        Ok(())
    }

    /// The survey to mention in the notification of `date`, once only: the open survey for the
    /// family (as [`Store::open_survey`]) that was never mentioned is marked for `date`; the one
    /// marked for `date` is returned, so re-arming the same day gives the same answer and a
    /// later day does not repeat it.
    pub fn claim_survey_mention(
        &mut self,
        town: &str,
        children: &[Child],
        programme: Programme,
        date: NaiveDate,
        lang: &str,
    ) -> Result<Option<Survey>> {
        let surveys = self.surveys(town)?;
        let mut mentioned = Vec::new();
        let mut dismissed = Vec::new();
        for s in &surveys {
            if let Some(on) = self.survey_marked(town, s, "mentioned_on")? {
                mentioned.push((s.key.clone(), on));
            }
            if self.survey_marked(town, s, "dismissed_on")?.is_some() {
                dismissed.push(s.key.clone());
            }
        }
        if let Some((key, _)) = mentioned.iter().find(|(_, on)| *on == date) {
            let same = surveys.iter().filter(|s| &s.key == key);
            return Ok(
                crate::feed::pick_language(same, |s| &s.key, |s| &s.lang, lang)
                    .into_iter()
                    .next()
                    .cloned(),
            );
        }
        let was_mentioned = |s: &Survey| mentioned.iter().any(|(k, _)| *k == s.key);
        let Some(survey) = survey_for(&surveys, children, programme, date, lang, |s| {
            dismissed.contains(&s.key) || was_mentioned(s)
        })
        .cloned() else {
            return Ok(None);
        };
        let tx = self.conn.transaction()?;
        set_mark(&tx, town, &survey, "mentioned_on", date)?;
        tx.commit()?;
        Ok(Some(survey))
    }
}

fn set_mark(
    tx: &Transaction,
    town: &str,
    survey: &Survey,
    column: &str,
    on: NaiveDate,
) -> Result<()> {
    tx.execute(
        "INSERT INTO survey_mark (town, id, opens_on) VALUES (?1, ?2, ?3)
         ON CONFLICT (town, id, opens_on) DO NOTHING",
        params![town, survey.key, date_to_sql(survey.from)],
    )?;
    tx.execute(
        &format!(
            "UPDATE survey_mark SET {column} = coalesce({column}, ?4)
             WHERE town = ?1 AND id = ?2 AND opens_on = ?3"
        ),
        params![town, survey.key, date_to_sql(survey.from), date_to_sql(on)],
    )?;
    Ok(())
}
