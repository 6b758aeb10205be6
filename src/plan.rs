//! What to notify when: the rolling window of pending notifications, one per day at most,
//! combining every child's slot, milestone and question of that day. Pure: dates in, plan out;
//! the app shell turns each entry into a platform notification at the last moment.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveTime};

use crate::cadence::{Child, Due, Programme};
use crate::catalogue::Catalogue;
use crate::i18n::I18n;

/// iOS keeps at most 64 pending notifications; stay at or under 60.
pub const MAX_PENDING: usize = 60;
/// How far ahead to look for days with something to say.
pub const HORIZON_DAYS: u64 = 180;

/// A child as the planner needs it.
#[derive(Clone, Copy, Debug)]
pub struct Reader<'a> {
    pub child_id: i64,
    pub nickname: &'a str,
    pub child: &'a Child,
}

/// One child's part of a day's notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayItem {
    pub child_id: i64,
    pub due: Due,
}

/// One notification to arm: a civil date and local time, turned into an instant only when armed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Deterministic from the day's first (child, slot), so re-arming replaces, never duplicates.
    pub id: i32,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub items: Vec<DayItem>,
    pub title: String,
    pub body: String,
}

/// What every child has on `date`, notable items only, in registration order. A slot whose
/// message the catalogue does not hold (in `lang` or the primary locale) is left out: a
/// notification names only what the reader will find on opening it.
pub fn day_items(
    readers: &[Reader],
    programme: Programme,
    date: NaiveDate,
    catalogue: &Catalogue,
    lang: &str,
) -> Vec<DayItem> {
    readers
        .iter()
        .filter_map(|r| {
            r.child.due_on(programme, date).map(|mut due| {
                if let Some(slot) = due.slot
                    && catalogue.message_or_primary(lang, slot).is_none()
                {
                    due.slot = None;
                }
                DayItem {
                    child_id: r.child_id,
                    due,
                }
            })
        })
        .filter(|item| item.due.is_notable())
        .collect()
}

/// The next notifications from `first_day` on, soonest first: at most one a day, at most `max`
/// (capped at [`MAX_PENDING`]), looking no further than [`HORIZON_DAYS`].
pub fn window(
    readers: &[Reader],
    programme: Programme,
    first_day: NaiveDate,
    time: NaiveTime,
    max: usize,
    catalogue: &Catalogue,
    t: &I18n,
) -> Vec<Planned> {
    let max = max.min(MAX_PENDING);
    let mut out = Vec::new();
    for offset in 0..HORIZON_DAYS {
        if out.len() >= max {
            break;
        }
        let date = first_day + Days::new(offset);
        let items = day_items(readers, programme, date, catalogue, t.lang());
        if items.is_empty() {
            continue;
        }
        let (title, body) = compose(readers, &items, catalogue, t);
        out.push(Planned {
            id: notification_id(&items, date),
            date,
            time,
            items,
            title,
            body,
        });
    }
    out
}

/// A stable, positive id from the day's first child and what it has that day; a day with only
/// the town's lines has an id of its own.
pub fn notification_id(items: &[DayItem], date: NaiveDate) -> i32 {
    let Some(first) = items.first() else {
        return stable_id(0, &format!("town-{date}"));
    };
    let what = match first.due.slot {
        Some(slot) => slot.to_string(),
        None => format!("day-{date}"),
    };
    stable_id(first.child_id, &what)
}

fn stable_id(child_id: i64, what: &str) -> i32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in child_id.to_le_bytes().iter().chain(what.as_bytes()) {
        hash = (hash ^ *b as u32).wrapping_mul(0x0100_0193);
    }
    (hash & 0x7fff_ffff) as i32
}

/// Adds the town's lines of a day (its overlays, new event notices) below a notification's body,
/// leaving out a line that is already the title.
pub fn add_town_lines(title: &str, body: &mut String, lines: &[String]) {
    for line in lines.iter().filter(|l| *l != title) {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(line);
    }
}

/// Folds the town's lines of each day into that day's planned notification; a day that has only
/// town lines gets a notification of its own, the first line as its title. Still one a day,
/// soonest first, at most `max` (capped at [`MAX_PENDING`]).
pub fn fold_town(
    mut window: Vec<Planned>,
    town: &BTreeMap<NaiveDate, Vec<String>>,
    time: NaiveTime,
    max: usize,
) -> Vec<Planned> {
    for (date, lines) in town.iter().filter(|(_, l)| !l.is_empty()) {
        match window.iter_mut().find(|p| p.date == *date) {
            Some(planned) => add_town_lines(&planned.title, &mut planned.body, lines),
            None => {
                let mut body = String::new();
                add_town_lines(&lines[0], &mut body, &lines[1..]);
                window.push(Planned {
                    id: notification_id(&[], *date),
                    date: *date,
                    time,
                    items: Vec::new(),
                    title: lines[0].clone(),
                    body,
                });
            }
        }
    }
    window.sort_by_key(|p| p.date);
    window.truncate(max.min(MAX_PENDING));
    window
}

/// The notification's title and body in the reader's language. One child: the message title,
/// with the nickname and stage below. Several: how many messages, with each title below.
pub fn compose(
    readers: &[Reader],
    items: &[DayItem],
    catalogue: &Catalogue,
    t: &I18n,
) -> (String, String) {
    let line = |item: &DayItem| -> String {
        let title = item
            .due
            .slot
            .and_then(|slot| catalogue.message_or_primary(t.lang(), slot))
            .map(|(_, m)| m.title.clone());
        let milestone = item.due.milestone.map(|m| t.milestone(m));
        let ask = item.due.ask_if_born.then(|| t.t("notify-ask-if-born"));
        title
            .or(milestone)
            .or(ask)
            .unwrap_or_else(|| t.t("notify-new-message"))
    };
    let who = |item: &DayItem| -> String {
        let nickname = readers
            .iter()
            .find(|r| r.child_id == item.child_id)
            .map(|r| r.nickname)
            .unwrap_or("");
        let stage = t.stage(item.due.stage);
        if nickname.is_empty() {
            stage
        } else {
            format!("{nickname}・{stage}")
        }
    };
    match items {
        [one] => (line(one), who(one)),
        many => {
            let title = t.t_args("notify-several", &[("count", many.len().into())]);
            let body = many
                .iter()
                .map(|i| format!("{}: {}", who(i), line(i)))
                .collect::<Vec<_>>()
                .join("\n");
            (title, body)
        }
    }
}

/// The one notification shown when the app starts after days unopened: how many messages are
/// waiting. `None` when nothing is.
pub fn missed_summary(unread: usize, t: &I18n) -> Option<(String, String)> {
    (unread > 0).then(|| {
        (
            t.t_args("notify-missed", &[("count", unread.into())]),
            t.t("notify-missed-body"),
        )
    })
}
