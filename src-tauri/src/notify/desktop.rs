//! The desktop adapter: the app's own timer. Every tick (and at once on any signal) it checks
//! whether today's delivery time has passed and today's notification is not yet raised; then it
//! records what is due, raises exactly one notification (today's messages, or how many were
//! missed while the app was closed) and marks the days covered. Reading the clock each tick makes
//! a change of time zone or a sleeping laptop harmless.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tauri::{AppHandle, Runtime};
use tsunagu::plan;

use super::{show_now, town_lines, with_readers};
use crate::events::{ShellEvent, ShellEvents};
use crate::state::{Core, Signal};

const TICK: Duration = Duration::from_secs(20);

pub fn run<R: Runtime>(
    app: AppHandle<R>,
    core: Arc<Mutex<Core>>,
    signals: Receiver<Signal>,
    events: Arc<ShellEvents>,
) {
    loop {
        let signal = match signals.recv_timeout(TICK) {
            Ok(signal) => Some(signal),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // What to show is decided under the core's lock; showing it (a D-Bus call that may first
        // start the desktop's notification service) happens after, so the window's commands never
        // wait on it.
        let outcome = {
            let mut core = core.lock().unwrap_or_else(|e| e.into_inner());
            if signal == Some(Signal::Test) {
                Ok(Ok(Some(test_note(&core))))
            } else {
                // A panic in one tick must not end the thread: the family would silently get no
                // notification again. It is reported and the next tick tries afresh.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tick(&mut core)))
            }
        };
        match outcome {
            Ok(Ok(Some(note))) => {
                show_now(&app, note.id, &note.title, &note.body, note.date);
                if signal != Some(Signal::Test) {
                    events.send(ShellEvent::DataChanged);
                }
            }
            Ok(Ok(None)) => {}
            Ok(Err(e)) => eprintln!("tsunagu: notifier: {e}"),
            Err(_) => eprintln!("tsunagu: notifier: a check failed unexpectedly; retrying"),
        }
    }
}

/// The test notification, in the reader's language.
fn test_note(core: &Core) -> Due {
    let t = core.t();
    Due {
        id: 1,
        title: t.t("notify-test-title"),
        body: t.t("notify-test-body"),
        date: core.clock.today(),
    }
}

/// What to raise now, if anything.
pub struct Due {
    pub id: i32,
    pub title: String,
    pub body: String,
    pub date: chrono::NaiveDate,
}

/// One check of the clock. Public to the crate so tests drive it without a window.
pub(crate) fn tick(core: &mut Core) -> tsunagu::Result<Option<Due>> {
    let now = core.clock.now();
    let today = now.date();
    let settings = core.store.settings()?;
    if now.time() < settings.delivery_time || core.store.notified_through()? >= Some(today) {
        return Ok(None);
    }
    let programme = core.town.programme();
    core.store.catch_up(&core.catalogue, programme, today)?;
    let lang = core.t().lang().to_owned();
    let mut waiting = core.store.unnotified(today)?;
    waiting.retain(|e| core.catalogue.message_or_primary(&lang, e.slot).is_some());
    let items = with_readers(core, |readers| {
        plan::day_items(readers, programme, today, &core.catalogue, &lang)
    })?;
    let town = town_lines(core, today, today)?
        .remove(&today)
        .unwrap_or_default();
    let mut note = if waiting.iter().any(|e| e.due_on < today) {
        plan::missed_summary(waiting.len(), core.t()).map(|(title, body)| Due {
            id: 2,
            title,
            body,
            date: today,
        })
    } else if !items.is_empty() {
        let (title, body) = with_readers(core, |readers| {
            plan::compose(readers, &items, &core.catalogue, core.t())
        })?;
        Some(Due {
            id: plan::notification_id(&items, today),
            title,
            body,
            date: today,
        })
    } else {
        town.first().map(|first| Due {
            id: 3,
            title: first.clone(),
            body: String::new(),
            date: today,
        })
    };
    // The town's overlays of the day and new event notices ride on the same one notification.
    if let Some(note) = note.as_mut() {
        plan::add_town_lines(&note.title, &mut note.body, &town);
    }
    // A day with nothing to say stays open: a child registered later that day still gets its
    // notification.
    if note.is_some() {
        core.store.mark_notified_through(today, now)?;
    }
    Ok(note)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use tsunagu::store::NewChild;

    use super::tick;
    use crate::state::{Clock, Core};

    fn at(s: &str) -> chrono::NaiveDateTime {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn core(dir: &std::path::Path, now: &str) -> Core {
        Core::open(dir, Clock::Fixed(at(now))).unwrap()
    }

    #[test]
    fn one_notification_a_day_at_the_delivery_time_and_one_for_everything_missed() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = core(dir.path(), "2026-11-25 07:59");
        let due = NaiveDate::from_ymd_opt(2027, 5, 1).unwrap();
        for nickname in ["あお", "そら"] {
            let new = NewChild {
                nickname: nickname.into(),
                due_date: Some(due),
                birth_date: None,
            };
            c.store.add_child(&new, c.clock.today()).unwrap();
        }
        assert!(
            tick(&mut c).unwrap().is_none(),
            "before 08:00 nothing is raised"
        );
        c.clock = Clock::Fixed(at("2026-11-25 08:00"));
        let first = tick(&mut c).unwrap().expect("today's notification");
        assert!(
            first.title.contains('2'),
            "two children, one notification: {}",
            first.title
        );
        assert!(first.body.contains("あお") && first.body.contains("そら"));
        assert!(tick(&mut c).unwrap().is_none(), "never twice a day");
        // Three days closed: on start, one notification says how many are waiting.
        c.clock = Clock::Fixed(at("2026-11-28 09:30"));
        let missed = tick(&mut c).unwrap().expect("the missed summary");
        assert!(missed.title.contains('6'), "{}", missed.title);
        assert!(tick(&mut c).unwrap().is_none());
        // A later delivery time moves the day's notification.
        c.store.set_setting("delivery-time", "21:00").unwrap();
        c.clock = Clock::Fixed(at("2026-11-29 20:59"));
        assert!(tick(&mut c).unwrap().is_none());
        c.clock = Clock::Fixed(at("2026-11-29 21:00"));
        assert!(tick(&mut c).unwrap().is_some());
    }

    #[test]
    fn a_child_registered_after_the_delivery_time_still_gets_today() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = core(dir.path(), "2026-11-25 09:00");
        assert!(tick(&mut c).unwrap().is_none(), "no children yet");
        let due = NaiveDate::from_ymd_opt(2027, 5, 1).unwrap();
        c.store
            .add_child(
                &NewChild {
                    due_date: Some(due),
                    ..Default::default()
                },
                c.clock.today(),
            )
            .unwrap();
        assert!(tick(&mut c).unwrap().is_some());
    }

    #[test]
    fn stopped_messages_raise_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = core(dir.path(), "2026-11-25 07:00");
        let due = NaiveDate::from_ymd_opt(2027, 5, 1).unwrap();
        let child = c
            .store
            .add_child(
                &NewChild {
                    due_date: Some(due),
                    ..Default::default()
                },
                c.clock.today(),
            )
            .unwrap();
        c.store
            .end_child(
                child.id,
                tsunagu::store::EndReason::PregnancyLoss,
                c.clock.today(),
            )
            .unwrap();
        for day in ["2026-11-25 08:00", "2026-11-26 08:00", "2026-12-20 08:00"] {
            c.clock = Clock::Fixed(at(day));
            assert!(tick(&mut c).unwrap().is_none(), "{day}");
        }
    }

    /// Audit finding 1: days closed, then a loss recorded before the delivery time: nothing about
    /// that child is raised, not even "N messages waiting"; and read messages are never waiting.
    #[test]
    fn a_stop_recorded_after_days_closed_raises_nothing_and_read_messages_are_not_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = core(dir.path(), "2026-11-25 08:00");
        let due = NaiveDate::from_ymd_opt(2027, 5, 1).unwrap();
        let new = |nickname: &str| NewChild {
            nickname: nickname.into(),
            due_date: Some(due),
            birth_date: None,
        };
        let stopped = c.store.add_child(&new("あお"), c.clock.today()).unwrap();
        assert!(
            tick(&mut c).unwrap().is_some(),
            "the first day's notification"
        );
        // Closed for three days; the family records the loss before the delivery time.
        c.clock = Clock::Fixed(at("2026-11-28 07:30"));
        c.store
            .end_child(
                stopped.id,
                tsunagu::store::EndReason::PregnancyLoss,
                c.clock.today(),
            )
            .unwrap();
        c.clock = Clock::Fixed(at("2026-11-28 08:00"));
        assert!(
            tick(&mut c).unwrap().is_none(),
            "nothing about the stopped child"
        );
        for day in ["2026-11-29 08:00", "2027-01-10 08:00"] {
            c.clock = Clock::Fixed(at(day));
            assert!(tick(&mut c).unwrap().is_none(), "{day}");
        }

        // A second family: the messages read while the app was open are not "waiting".
        let dir = tempfile::tempdir().unwrap();
        let mut c = core(dir.path(), "2026-11-25 08:00");
        c.store.add_child(&new("そら"), c.clock.today()).unwrap();
        assert!(tick(&mut c).unwrap().is_some());
        c.clock = Clock::Fixed(at("2026-11-27 07:00"));
        let programme = c.town.programme();
        c.store
            .catch_up(&c.catalogue, programme, c.clock.today())
            .unwrap();
        for entry in c.store.unnotified(c.clock.today()).unwrap() {
            c.store.mark_read(entry.id, at("2026-11-27 07:00")).unwrap();
        }
        c.clock = Clock::Fixed(at("2026-11-27 08:00"));
        let note = tick(&mut c).unwrap().expect("today's message");
        assert_ne!(
            note.id, 2,
            "the two read days are not counted as waiting: {}",
            note.title
        );
    }

    #[test]
    fn a_window_that_opens_today_is_in_the_days_one_notification() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = core(dir.path(), "2026-12-31 07:00");
        c.store
            .add_child(
                &NewChild {
                    nickname: "ゆい".into(),
                    due_date: None,
                    birth_date: Some(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()),
                },
                c.clock.today(),
            )
            .unwrap();
        c.clock = Clock::Fixed(at("2026-12-31 08:00"));
        let note = tick(&mut c).unwrap().expect("today's notification");
        let text = format!("{}\n{}", note.title, note.body);
        assert!(
            text.contains("B型肝炎 1回目 の標準的な時期が今日から始まります"),
            "{text}"
        );
        assert!(tick(&mut c).unwrap().is_none(), "never a second one");
    }
}
