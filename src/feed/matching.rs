//! Which town items concern a child: the overlays that fall on a day (by pregnancy day, day since
//! birth, calendar month of age, birthday, with the cadence's own date rules) and the event notices
//! that are current and meet the child's stage. Pure: dates in, items out; the store's queries use
//! these same functions, so a preview shows exactly what the app will.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::{At, EventNotice, Feed, Overlay, StageRange, Survey};
use crate::cadence::{
    Child, Programme, TERM_DAYS, add_months, birthday, completed_months, gestational_days,
};

/// Where a child is on `date`, in every form an overlay can name: nothing before registration,
/// after the messages were stopped, or past the programme.
///
/// ```
/// use chrono::NaiveDate;
/// use tsunagu::cadence::{Child, Programme};
/// use tsunagu::feed::{At, anchors_on};
///
/// let born = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
/// let child = Child::born(born, born);
/// let feb28 = NaiveDate::from_ymd_opt(2027, 2, 28).unwrap();
/// assert_eq!(anchors_on(&child, Programme::ToThirdBirthday, feb28), [At::Days(28), At::Months(1)]);
/// ```
pub fn anchors_on(child: &Child, programme: Programme, date: NaiveDate) -> Vec<At> {
    let mut out = Vec::new();
    if child.due_on(programme, date).is_none() {
        return out;
    }
    match (child.birth, child.due_date) {
        (Some(birth), _) if date >= birth.recorded_on => {
            let born = birth.date;
            let n = (date - born).num_days();
            if n < 0 {
                return out;
            }
            if let Ok(n) = u16::try_from(n) {
                out.push(At::Days(n));
            }
            let months = completed_months(born, date);
            if months >= 1 && add_months(born, months) == date {
                out.push(At::Months(months.min(u8::MAX as u32) as u8));
            }
            for years in 1..=3 {
                if birthday(born, years) == date {
                    out.push(At::Birthday(years as u8));
                }
            }
        }
        (_, Some(due)) => {
            let ga = gestational_days(due, date);
            if let Ok(ga) = u16::try_from(ga) {
                out.push(At::Pregnancy(ga));
            }
        }
        _ => {}
    }
    out
}

/// One item per key, in the reader's language when the town wrote it, else in Japanese, else in
/// whichever language there is. Keeps the order of first appearance.
pub fn pick_language<T>(
    items: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> &str,
    lang_of: impl Fn(&T) -> &str,
    lang: &str,
) -> Vec<T> {
    let rank = |l: &str| match l {
        l if l == lang => 0,
        "ja" => 1,
        _ => 2,
    };
    let mut order: Vec<String> = Vec::new();
    let mut best: BTreeMap<String, (u8, T)> = BTreeMap::new();
    for item in items {
        let k = key(&item).to_owned();
        let r = rank(lang_of(&item));
        match best.get(&k) {
            Some((held, _)) if *held <= r => {}
            Some(_) => {
                best.insert(k, (r, item));
            }
            None => {
                order.push(k.clone());
                best.insert(k, (r, item));
            }
        }
    }
    order
        .into_iter()
        .filter_map(|k| best.remove(&k).map(|(_, item)| item))
        .collect()
}

impl Overlay {
    /// Whether the overlay is still shown on `date`.
    pub fn is_current(&self, date: NaiveDate) -> bool {
        self.expires.is_none_or(|e| date <= e)
    }
}

impl EventNotice {
    /// The event's last day.
    pub fn last_day(&self) -> NaiveDate {
        self.ends.unwrap_or(self.starts).date.max(self.starts.date)
    }

    /// The last day the notice is shown: `expires`, or else the event's last day.
    pub fn shown_until(&self) -> NaiveDate {
        self.expires.unwrap_or_else(|| self.last_day())
    }

    /// Whether the notice is shown on `today`: published, not expired.
    pub fn is_current(&self, today: NaiveDate) -> bool {
        self.publish.is_none_or(|p| p <= today) && today <= self.shown_until()
    }

    /// Whether the event concerns this child: the child is in the programme on `today`, and on
    /// some day of the event from `today` on, the child's stage is in one of the event's ranges
    /// (every family when it names none). A baby not yet born is projected from the due date.
    pub fn concerns(&self, child: &Child, programme: Programme, today: NaiveDate) -> bool {
        if child.due_on(programme, today).is_none() {
            return false;
        }
        let from = today.max(self.starts.date);
        let to = self.last_day();
        if from > to {
            return false;
        }
        if self.stages.is_empty() {
            return true;
        }
        self.stages
            .iter()
            .filter_map(|range| stage_span(child, *range))
            .any(|(start, end)| start <= to && from <= end)
    }
}

fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The dates on which the child is in `range`, both ends included.
fn stage_span(child: &Child, range: StageRange) -> Option<(NaiveDate, NaiveDate)> {
    match range {
        StageRange::Pregnancy { from, to } => {
            let due = child.due_date?;
            let start = add_days(due, from as i64 - TERM_DAYS)?;
            let mut end = add_days(due, to as i64 - TERM_DAYS)?;
            if let Some(birth) = child.birth {
                end = end.min(birth.date.pred_opt()?);
            }
            (start <= end).then_some((start, end))
        }
        StageRange::Months { from, to } => {
            let born = child.birth.map(|b| b.date).or(child.due_date)?;
            let start = add_months(born, from as u32);
            let end = add_months(born, to as u32 + 1).pred_opt()?;
            Some((start, end))
        }
    }
}

/// The overlays among `overlays` that fall on `date` for a child at `anchors`: current ones, one
/// per key in the reader's language, ordered by key.
pub(crate) fn overlays_matching<'a>(
    overlays: impl IntoIterator<Item = &'a Overlay>,
    anchors: &[At],
    date: NaiveDate,
    lang: &str,
) -> Vec<&'a Overlay> {
    let mut out = pick_language(
        overlays
            .into_iter()
            .filter(|o| anchors.contains(&o.at) && o.is_current(date)),
        |o| &o.key,
        |o| &o.lang,
        lang,
    );
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

/// The notices among `notices` shown on `today`, one per key in the reader's language, soonest
/// event first.
pub(crate) fn notices_current<'a>(
    notices: impl IntoIterator<Item = &'a EventNotice>,
    today: NaiveDate,
    lang: &str,
) -> Vec<&'a EventNotice> {
    let mut out = pick_language(
        notices.into_iter().filter(|n| n.is_current(today)),
        |n| &n.key,
        |n| &n.lang,
        lang,
    );
    out.sort_by(|a, b| (a.starts, &a.key).cmp(&(b.starts, &b.key)));
    out
}

impl Feed {
    /// The overlays a child has on `date`, one per key in the reader's language, ordered by key.
    pub fn overlays_on(
        &self,
        child: &Child,
        programme: Programme,
        date: NaiveDate,
        lang: &str,
    ) -> Vec<&Overlay> {
        overlays_matching(
            &self.overlays,
            &anchors_on(child, programme, date),
            date,
            lang,
        )
    }

    /// The notices shown on `today`, one per key in the reader's language, soonest event first.
    pub fn current_notices(&self, today: NaiveDate, lang: &str) -> Vec<&EventNotice> {
        notices_current(&self.notices, today, lang)
    }

    /// The current notices that concern this child.
    pub fn notices_for(
        &self,
        child: &Child,
        programme: Programme,
        today: NaiveDate,
        lang: &str,
    ) -> Vec<&EventNotice> {
        self.current_notices(today, lang)
            .into_iter()
            .filter(|n| n.concerns(child, programme, today))
            .collect()
    }
}

impl Survey {
    /// Whether the survey is open on `date`: from its first to its last day.
    pub fn is_open(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.until
    }

    /// Whether the survey is for this child on `date`: the child is in the programme that day
    /// and, when the survey names stages, the child's stage that day is in one of them (a baby
    /// not yet born is projected from the due date).
    pub fn concerns(&self, child: &Child, programme: Programme, date: NaiveDate) -> bool {
        child.due_on(programme, date).is_some()
            && (self.stages.is_empty()
                || self
                    .stages
                    .iter()
                    .filter_map(|range| stage_span(child, *range))
                    .any(|(start, end)| start <= date && date <= end))
    }
}

/// The survey to show a family on `date`: open, for one of `children`, not `dismissed` (keys),
/// in the reader's language; the one that opened first (then by key) when several are open.
pub fn survey_for<'a>(
    surveys: impl IntoIterator<Item = &'a Survey>,
    children: &[Child],
    programme: Programme,
    date: NaiveDate,
    lang: &str,
    dismissed: impl Fn(&Survey) -> bool,
) -> Option<&'a Survey> {
    let mut open = pick_language(
        surveys.into_iter().filter(|s| {
            s.is_open(date)
                && !dismissed(s)
                && children.iter().any(|c| s.concerns(c, programme, date))
        }),
        |s| &s.key,
        |s| &s.lang,
        lang,
    );
    open.sort_by(|a, b| (a.from, &a.key).cmp(&(b.from, &b.key)));
    open.into_iter().next()
}
