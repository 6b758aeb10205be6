//! The town's information: when it was last updated, its event notices, refreshing it, and
//! opening its links outside the app.

use chrono::{DateTime, FixedOffset, Local};
use tsunagu::feed::{self, EventTime};
use tsunagu::i18n::I18n;
use tsunagu::{Error, Result};

use crate::state::Core;
use tsunagu::store::SurveyMark;

use crate::views::{EventView, FeedStatusView, SurveyCardView};

fn moment(t: &I18n, at: DateTime<FixedOffset>) -> String {
    let local = at.with_timezone(&Local).naive_local();
    format!("{} {}", t.date(local.date()), local.format("%H:%M"))
}

fn when(t: &I18n, starts: &EventTime, ends: Option<&EventTime>) -> String {
    let one = |e: &EventTime| match e.time {
        Some(time) => format!("{} {}", t.date(e.date), time.format("%H:%M")),
        None => t.date(e.date),
    };
    match ends {
        Some(end) if end.date != starts.date => format!("{} – {}", one(starts), one(end)),
        Some(end) => match end.time {
            Some(time) => format!("{}–{}", one(starts), time.format("%H:%M")),
            None => one(starts),
        },
        None => one(starts),
    }
}

/// When the town's information was last updated, and whether the last check failed.
pub fn status(core: &mut Core) -> Result<FeedStatusView> {
    let t = core.t();
    let now = Local::now().fixed_offset();
    let status = core.store.feed_status(&core.town.id)?;
    let Some(status) = status else {
        return Ok(FeedStatusView {
            version: None,
            updated_label: None,
            checked_label: None,
            error: None,
            expired: false,
        });
    };
    Ok(FeedStatusView {
        version: status.version,
        updated_label: status.generated_at.map(|at| moment(t, at)),
        checked_label: status.checked_at.map(|at| moment(t, at)),
        error: status.last_error.as_ref().map(|_| t.t("town-sync-failed")),
        expired: status.is_expired(now),
    })
}

/// The town's current event notices for this family's stage, soonest first.
pub fn events(core: &mut Core) -> Result<Vec<EventView>> {
    let today = core.clock.today();
    let programme = core.town.programme();
    let lang = core.t().lang();
    let children: Vec<_> = core
        .store
        .children()?
        .into_iter()
        .filter(|c| c.child.ended_on.is_none())
        .collect();
    let mut notices = core.store.town_notices(&core.town.id, today, lang)?;
    notices.retain(|n| {
        n.stages.is_empty()
            || children
                .iter()
                .any(|c| n.concerns(&c.child, programme, today))
    });
    notices.sort_by_key(|n| (n.starts.date, n.starts.time));
    let t = core.t();
    Ok(notices.iter().map(|n| event_view(t, n)).collect())
}

pub fn event_view(t: &I18n, n: &feed::EventNotice) -> EventView {
    EventView {
        id: n.key.clone(),
        title: n.title.clone(),
        html: feed::body_html(&n.body),
        when: when(t, &n.starts, n.ends.as_ref()),
        place: n.place.clone(),
        url: n.url.clone(),
    }
}

/// Checks a link before it leaves the app: https, mailto and tel only.
/// The normalised link to open, or `link-not-allowed`: the caller opens exactly what was checked.
pub fn check_link(url: &str) -> Result<String> {
    feed::allowed_link(url).ok_or_else(|| Error::LinkNotAllowed(url.to_owned()))
}

/// The town's open survey for this family on today, unless dismissed or answered.
fn open_survey(core: &Core) -> Result<Option<feed::Survey>> {
    let today = core.clock.today();
    let children = core.family()?;
    core.store.open_survey(
        &core.town.id,
        &children,
        core.town.programme(),
        today,
        core.t().lang(),
    )
}

/// The survey card for Today, recorded (on this device only) as shown.
pub fn survey_card(core: &mut Core) -> Result<Option<SurveyCardView>> {
    let Some(survey) = open_survey(core)? else {
        return Ok(None);
    };
    let today = core.clock.today();
    let town = core.town.id.clone();
    core.store
        .mark_survey(&town, &survey, SurveyMark::Shown, today)?;
    Ok(Some(SurveyCardView {
        key: survey.key.clone(),
        title: survey.title.clone(),
        html: feed::body_html(&survey.body),
        url: survey.url.clone(),
    }))
}

/// Hides the survey's card for good. A key that is not the open survey's changes nothing.
pub fn dismiss_survey(core: &mut Core, key: &str) -> Result<()> {
    if let Some(survey) = open_survey(core)?.filter(|s| s.key == key) {
        let today = core.clock.today();
        let town = core.town.id.clone();
        core.store
            .mark_survey(&town, &survey, SurveyMark::Dismissed, today)?;
    }
    Ok(())
}

/// The town's form for the open survey, checked as every link is, and the card hidden (the app
/// does not tell answering from dismissing, and sends nothing). `None`: no such survey is open.
pub fn answer_survey(core: &mut Core, key: &str) -> Result<Option<String>> {
    let Some(survey) = open_survey(core)?.filter(|s| s.key == key) else {
        return Ok(None);
    };
    let url = check_link(&survey.url)?;
    let today = core.clock.today();
    let town = core.town.id.clone();
    core.store
        .mark_survey(&town, &survey, SurveyMark::Dismissed, today)?;
    Ok(Some(url))
}
