//! Registering children, recording births, stopping and resuming messages.

use tsunagu::error::parse_date;
use tsunagu::store::{EndReason, NewChild};
use tsunagu::{Error, Result};

use crate::state::Core;
use crate::views::ChildView;

fn date(s: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    s.filter(|s| !s.trim().is_empty())
        .map(parse_date)
        .transpose()
}

pub fn list(core: &mut Core) -> Result<Vec<ChildView>> {
    let children = core.store.children()?;
    Ok(children.iter().map(|c| ChildView::new(c, core)).collect())
}

pub fn add(
    core: &mut Core,
    nickname: &str,
    due_date: Option<&str>,
    birth_date: Option<&str>,
) -> Result<ChildView> {
    let new = NewChild {
        nickname: nickname.to_owned(),
        due_date: date(due_date)?,
        birth_date: date(birth_date)?,
    };
    let today = core.clock.today();
    let record = core.store.add_child(&new, today)?;
    Ok(ChildView::new(&record, core))
}

pub fn record_birth(core: &mut Core, id: i64, birth_date: &str) -> Result<ChildView> {
    let today = core.clock.today();
    let record = core
        .store
        .record_birth(id, parse_date(birth_date)?, today)?;
    Ok(ChildView::new(&record, core))
}

pub fn correct_dates(
    core: &mut Core,
    id: i64,
    due_date: Option<&str>,
    birth_date: Option<&str>,
) -> Result<ChildView> {
    let today = core.clock.today();
    let record = core
        .store
        .correct_dates(id, date(due_date)?, date(birth_date)?, today)?;
    Ok(ChildView::new(&record, core))
}

pub fn end(core: &mut Core, id: i64, reason: &str) -> Result<ChildView> {
    let reason = EndReason::from_name(reason).ok_or_else(|| Error::InvalidSetting {
        key: "reason".into(),
        value: reason.into(),
    })?;
    let today = core.clock.today();
    let record = core.store.end_child(id, reason, today)?;
    Ok(ChildView::new(&record, core))
}

pub fn resume(core: &mut Core, id: i64) -> Result<ChildView> {
    let today = core.clock.today();
    let record = core.store.resume_child(id, today)?;
    Ok(ChildView::new(&record, core))
}

pub fn delete(core: &mut Core, id: i64) -> Result<()> {
    core.store.delete_child(id)
}
