//! "Check-ups and shots": a child's planned visits from the national schedule and the records
//! the family copied from the handbook, recording and undoing those records, the calendar file,
//! and the visits whose window opens on a day (for Today and the day's one notification).
//! What the schedule recommends is shown as such; every view says the clinic decides.

use std::collections::BTreeMap;

use chrono::{Local, NaiveDate, TimeZone};
use tsunagu::calendar::{self, TownEvent};
use tsunagu::error::parse_date;
use tsunagu::feed::EventNotice;
use tsunagu::schedule::{Plan, RecordedDose, Visit, VisitKind, VisitState};
use tsunagu::store::{ChildRecord, Records, Status, plan_records};
use tsunagu::{Error, Result};

use crate::state::Core;
use crate::views::{ChildView, ScheduleView, VaccineChoiceView, VisitView};

/// A child whose schedule may be shown: known, messages not stopped.
fn open_child(core: &Core, id: i64) -> Result<ChildRecord> {
    let record = core.store.child(id)?;
    if let Status::Ended(_) = record.status {
        return Err(Error::ChildEnded(id));
    }
    Ok(record)
}

fn plan(core: &Core, record: &ChildRecord, records: &Records, today: NaiveDate) -> Result<Plan> {
    plan_records(
        &core.schedule,
        record,
        records,
        core.town.programme(),
        today,
    )
}

/// The town's events with stages that concern this child (the ones for every family are on the
/// town screen).
fn child_events(core: &Core, record: &ChildRecord, today: NaiveDate) -> Result<Vec<EventNotice>> {
    let lang = core.t().lang();
    let mut notices = core.store.town_notices(&core.town.id, today, lang)?;
    notices.retain(|n| {
        !n.stages.is_empty() && n.concerns(&record.child, core.town.programme(), today)
    });
    notices.sort_by_key(|n| (n.starts.date, n.starts.time));
    Ok(notices)
}

fn visit_view(core: &Core, v: &Visit, records: &Records) -> VisitView {
    let t = core.t();
    let lang = t.lang();
    let done_on = match v.state {
        VisitState::Done(on) => Some(on),
        _ => None,
    };
    let (kind, vaccine, number, alternatives, recordable, removable) = match &v.kind {
        VisitKind::Checkup { .. } => ("checkup", None, None, Vec::new(), true, true),
        VisitKind::Dose {
            vaccine,
            number,
            choice,
        } => {
            let recorded = |n: u32| {
                records
                    .doses
                    .iter()
                    .any(|d| d.vaccine == *vaccine && d.number == n)
            };
            let alternatives: Vec<VaccineChoiceView> = match choice {
                Some(choice) => core
                    .schedule
                    .vaccines()
                    .filter(|x| x.choice.as_deref() == Some(choice))
                    .map(|x| VaccineChoiceView {
                        vaccine: x.id.clone(),
                        name: x.name.get(lang).to_owned(),
                    })
                    .collect(),
                None => Vec::new(),
            };
            (
                "dose",
                choice.is_none().then(|| vaccine.clone()),
                Some(*number),
                alternatives,
                *number == 1 || recorded(number - 1),
                done_on.is_some() && !recorded(number + 1),
            )
        }
    };
    let earliest = v.earliest.filter(|e| *e > v.first);
    VisitView {
        id: v.id.clone(),
        kind,
        name: v.name.get(lang).to_owned(),
        first: v.first.to_string(),
        first_label: t.date(v.first),
        last: v.last.to_string(),
        last_label: t.date(v.last),
        earliest: earliest.map(|d| d.to_string()),
        earliest_label: earliest.map(|d| t.date(d)),
        done_on: done_on.map(|d| d.to_string()),
        done_label: done_on.map(|d| t.date(d)),
        vaccine,
        number,
        alternatives,
        recordable: recordable && done_on.is_none(),
        removable,
        note: v.note.as_ref().map(|n| n.get(lang).to_owned()),
    }
}

/// The "Check-ups and shots" screen of one child.
pub fn view(core: &mut Core, id: i64) -> Result<ScheduleView> {
    let today = core.clock.today();
    let record = open_child(core, id)?;
    let records = core.store.records(id)?;
    let plan = plan(core, &record, &records, today)?;
    let t = core.t();
    let mut view = ScheduleView {
        child: ChildView::new(&record, core),
        today: today.to_string(),
        clinic_decides: t.t("schedule-clinic-decides"),
        assumed_birth: plan.assumed_birth.then(|| {
            let due = record.child.due_date.map(|d| t.date(d)).unwrap_or_default();
            t.t_args("schedule-assumed-birth", &[("due", due.into())])
        }),
        due_now: Vec::new(),
        coming: Vec::new(),
        talk_to_clinic: Vec::new(),
        done: Vec::new(),
        town_events: child_events(core, &record, today)?
            .iter()
            .map(|n| crate::api::town::event_view(t, n))
            .collect(),
    };
    for v in &plan.visits {
        let group = match v.state {
            VisitState::Done(_) => &mut view.done,
            VisitState::DueNow => &mut view.due_now,
            VisitState::Coming => &mut view.coming,
            VisitState::TalkToClinic => &mut view.talk_to_clinic,
        };
        group.push(visit_view(core, v, &records));
    }
    view.done
        .sort_by(|a, b| (&b.done_on, &a.id).cmp(&(&a.done_on, &b.id)));
    Ok(view)
}

fn date(s: &str) -> Result<NaiveDate> {
    parse_date(s)
}

/// A dose as the reader entered it.
fn dose(vaccine: &str, number: u32, on: &str) -> Result<RecordedDose> {
    Ok(RecordedDose {
        vaccine: vaccine.to_owned(),
        number,
        date: date(on)?,
    })
}

pub fn record_dose(
    core: &mut Core,
    id: i64,
    vaccine: &str,
    number: u32,
    on: &str,
) -> Result<ScheduleView> {
    let dose = dose(vaccine, number, on)?;
    let today = core.clock.today();
    core.store.record_dose(&core.schedule, id, &dose, today)?;
    view(core, id)
}

pub fn correct_dose(
    core: &mut Core,
    id: i64,
    vaccine: &str,
    number: u32,
    on: &str,
) -> Result<ScheduleView> {
    let dose = dose(vaccine, number, on)?;
    let today = core.clock.today();
    core.store.correct_dose(&core.schedule, id, &dose, today)?;
    view(core, id)
}

pub fn remove_dose(core: &mut Core, id: i64, vaccine: &str, number: u32) -> Result<ScheduleView> {
    let today = core.clock.today();
    core.store
        .remove_dose(&core.schedule, id, vaccine, number, today)?;
    view(core, id)
}

pub fn record_checkup(core: &mut Core, id: i64, visit: &str, on: &str) -> Result<ScheduleView> {
    let today = core.clock.today();
    core.store
        .record_checkup(&core.schedule, id, visit, date(on)?, today)?;
    view(core, id)
}

pub fn remove_checkup(core: &mut Core, id: i64, visit: &str) -> Result<ScheduleView> {
    core.store.remove_checkup(id, visit)?;
    view(core, id)
}

/// The child's due and coming visits and the town's events that concern the child, as an
/// iCalendar file (the same writer as `tsunagu calendar --child N`, the same UIDs).
pub fn export_calendar(core: &mut Core, id: i64) -> Result<String> {
    let today = core.clock.today();
    let now = core.clock.now();
    let record = open_child(core, id)?;
    let records = core.store.records(id)?;
    let plan = plan(core, &record, &records, today)?;
    let events: Vec<TownEvent> = child_events(core, &record, today)?
        .into_iter()
        .map(|n| TownEvent {
            id: n.key,
            title: n.title,
            date: n.starts.date,
            time: n.starts.time,
            place: n.place,
            url: n.url,
        })
        .collect();
    let stamp = Local
        .from_local_datetime(&now)
        .earliest()
        .map_or(now, |at| at.naive_utc());
    Ok(calendar::ics(&calendar::Export {
        child_key: &format!("child-{id}"),
        child_name: &record.nickname,
        lang: core.t().lang(),
        visits: &plan.visits,
        events: &events,
        stamp,
    }))
}

/// For each day from `from` to `to`: the sentences for this child's visits whose recommended
/// window opens that day (planned as of `from`). Nothing for a stopped child or one outside the
/// programme; before a birth is recorded, only the pregnancy's own visits (the baby's are placed
/// on an assumed birth date, too uncertain to announce).
pub fn openings(
    core: &Core,
    record: &ChildRecord,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeMap<NaiveDate, Vec<String>>> {
    let mut out: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    let programme = core.town.programme();
    if matches!(record.status, Status::Ended(_)) || record.child.ended_on.is_some() {
        return Ok(out);
    }
    let records = core.store.records(record.id)?;
    let plan = plan(core, record, &records, from)?;
    let t = core.t();
    for v in &plan.visits {
        if matches!(v.state, VisitState::Done(_) | VisitState::TalkToClinic) {
            continue;
        }
        let day = v.starts();
        if day < from || day > to || record.child.due_on(programme, day).is_none() {
            continue;
        }
        if plan.assumed_birth && record.child.due_date.is_some_and(|due| v.first > due) {
            continue;
        }
        let line = t.t_args("schedule-opens", &[("name", v.name.get(t.lang()).into())]);
        out.entry(day).or_default().push(line);
    }
    Ok(out)
}

/// Today's sentences for the child's card; a record the planner cannot read leaves the card
/// without them rather than failing the whole screen.
pub fn opening_today(core: &Core, record: &ChildRecord, today: NaiveDate) -> Vec<String> {
    openings(core, record, today, today)
        .ok()
        .and_then(|mut days| days.remove(&today))
        .unwrap_or_default()
}
