//! Turning the core's notification plan into platform notifications. The core decides what is
//! due on which civil date; here a date and local time become an instant, at the last moment, in
//! the device's current time zone.
//!
//! - Desktop (`desktop.rs`): the plugin cannot schedule (plugins-workspace #2313), so a timer in
//!   the app raises the day's one notification while the app runs (closing the window keeps it in
//!   the tray), and on start raises one for everything missed. It shows it through the system's
//!   notification service directly (notify-rust; on Linux over libdbus), without the plugin.
//! - Android and iOS (`mobile.rs`): a rolling window of at most 60 `Schedule::At` notifications,
//!   cancelled and re-armed on every start, resume, change and time-zone change.

#[cfg(desktop)]
mod desktop;
#[cfg(mobile)]
mod mobile;

use std::collections::BTreeMap;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, NaiveTime, TimeZone};
use tauri::{AppHandle, Runtime};
#[cfg(mobile)]
use tauri_plugin_notification::{NotificationExt, PermissionState};
use tsunagu::plan::{self, Reader};

#[cfg(mobile)]
use crate::events::ShellEvent;
use crate::events::ShellEvents;
use crate::state::{Core, Platform, Signal};

/// The instant at which a civil date and local time fall in time zone `tz`. A time that does
/// not exist that day (a daylight-saving gap) moves an hour later.
pub fn instant_in<Tz: TimeZone>(
    tz: &Tz,
    date: NaiveDate,
    time: NaiveTime,
) -> Option<time::OffsetDateTime> {
    let local = date.and_time(time);
    let at = tz.from_local_datetime(&local).earliest().or_else(|| {
        tz.from_local_datetime(&(local + chrono::Duration::hours(1)))
            .earliest()
    })?;
    let offset =
        time::UtcOffset::from_whole_seconds(at.fixed_offset().offset().local_minus_utc()).ok()?;
    time::OffsetDateTime::from_unix_timestamp(at.timestamp())
        .ok()
        .map(|t| t.to_offset(offset))
}

/// The planner's view of the registered children.
fn with_readers<T>(core: &Core, f: impl FnOnce(&[Reader]) -> T) -> tsunagu::Result<T> {
    let records = core.store.children()?;
    let readers: Vec<Reader> = records
        .iter()
        .map(|r| Reader {
            child_id: r.id,
            nickname: &r.nickname,
            child: &r.child,
        })
        .collect();
    Ok(f(&readers))
}

/// The town's lines for the notifications of the days from `from` to `to`: each child's overlays
/// of each day (the store reads the town's items once and matches them to the dates in memory),
/// each child's check-ups and doses whose recommended window opens that day, then, on `from`, the
/// event notices that concern the family and were never mentioned, and the town's open survey
/// (each claimed for `from`, so mentioned once, in one day's notification).
fn town_lines(
    core: &mut Core,
    from: NaiveDate,
    to: NaiveDate,
) -> tsunagu::Result<BTreeMap<NaiveDate, Vec<String>>> {
    let programme = core.town.programme();
    let lang = core.t().lang();
    let town = core.town.id.clone();
    let children = core.family()?;
    let mut lines: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    for child in &children {
        for (date, overlay) in core
            .store
            .town_overlays_between(&town, child, programme, from, to, lang)?
        {
            let line = core
                .t()
                .t_args("feed-preview-town", &[("title", overlay.title.into())]);
            lines.entry(date).or_default().push(line);
        }
    }
    // The check-ups and doses whose recommended window opens, in the same day's notification.
    for record in core.store.children()? {
        for (date, day) in
            crate::api::schedule::openings(core, &record, from, to).unwrap_or_default()
        {
            let lines = lines.entry(date).or_default();
            for line in day {
                lines.push(if record.nickname.is_empty() {
                    line
                } else {
                    format!("{}・{line}", record.nickname)
                });
            }
        }
    }
    for notice in core
        .store
        .claim_notice_mentions(&town, &children, programme, from, lang)?
    {
        let line = core
            .t()
            .t_args("notify-town-event", &[("title", notice.title.into())]);
        lines.entry(from).or_default().push(line);
    }
    // The town's open survey, once, folded in the same way (never for a family whose every
    // child's messages are stopped: a survey concerns only children in the programme).
    if let Some(survey) = core
        .store
        .claim_survey_mention(&town, &children, programme, from, lang)?
    {
        let line = core
            .t()
            .t_args("notify-town-survey", &[("title", survey.title.into())]);
        lines.entry(from).or_default().push(line);
    }
    for day in lines.values_mut() {
        day.dedup();
    }
    Ok(lines)
}

/// The mobile window from `first_day` on: the catalogue's notifications with the town's lines of
/// each day folded in, and the family's new event notices mentioned once, in the first day's
/// notification. Compiled on every platform so that the desktop tests cover it.
#[cfg_attr(desktop, allow(dead_code))]
pub(crate) fn mobile_window(
    core: &mut Core,
    first_day: NaiveDate,
) -> tsunagu::Result<Vec<plan::Planned>> {
    let time = core.store.settings()?.delivery_time;
    let window = with_readers(core, |readers| {
        plan::window(
            readers,
            core.town.programme(),
            first_day,
            time,
            plan::MAX_PENDING,
            &core.catalogue,
            core.t(),
        )
    })?;
    let last = match window.last() {
        Some(last) if window.len() >= plan::MAX_PENDING => last.date,
        _ => first_day + chrono::Days::new(plan::HORIZON_DAYS - 1),
    };
    let town = town_lines(core, first_day, last)?;
    Ok(plan::fold_town(window, &town, time, plan::MAX_PENDING))
}

struct PlatformNotifier<R: Runtime> {
    #[cfg_attr(desktop, allow(dead_code))]
    app: AppHandle<R>,
    sender: Mutex<Sender<Signal>>,
}

impl<R: Runtime> Platform for PlatformNotifier<R> {
    fn signal(&self, signal: Signal) {
        let _ = self
            .sender
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(signal);
    }

    #[cfg(mobile)]
    fn permission_granted(&self) -> bool {
        matches!(
            self.app.notification().permission_state(),
            Ok(PermissionState::Granted)
        )
    }

    /// Desktop systems do not ask: an app may always post to the notification service (the
    /// reader mutes it in the system's settings).
    #[cfg(desktop)]
    fn permission_granted(&self) -> bool {
        true
    }

    fn request_permission(&self) -> bool {
        #[cfg(mobile)]
        let granted = matches!(
            self.app.notification().request_permission(),
            Ok(PermissionState::Granted)
        );
        #[cfg(desktop)]
        let granted = true;
        self.signal(Signal::Rearm);
        granted
    }

    #[cfg(mobile)]
    fn open_url(&self, url: &str) -> bool {
        use tauri_plugin_opener::OpenerExt;
        self.app.opener().open_url(url, None::<&str>).is_ok()
    }

    /// The system's default handler (xdg-open, `open`, `start`), not waited for.
    #[cfg(desktop)]
    fn open_url(&self, url: &str) -> bool {
        open::that_detached(url).is_ok()
    }
}

/// Starts the platform's notifier on its own thread and returns the handle the commands use.
/// Events for the page (a tapped notification, a day's delivery recorded) go to `events`.
pub fn start<R: Runtime>(
    app: &AppHandle<R>,
    core: Arc<Mutex<Core>>,
    events: Arc<ShellEvents>,
) -> Box<dyn Platform> {
    let (sender, receiver) = channel();
    #[cfg(mobile)]
    {
        let tapped = events.clone();
        let _ = app.notification().on_action(move |action| {
            let date = action
                .notification()
                .and_then(|n| n.data().get("date").cloned());
            if let Some(date) = date {
                tapped.send(ShellEvent::OpenDay {
                    date,
                    child_id: None,
                });
            }
        });
    }
    let worker_app = app.clone();
    std::thread::Builder::new()
        .name("tsunagu-notifier".into())
        .spawn(move || {
            #[cfg(desktop)]
            desktop::run(worker_app, core, receiver, events);
            #[cfg(mobile)]
            mobile::run(worker_app, core, receiver);
        })
        .expect("the notifier thread starts");
    let notifier = PlatformNotifier {
        app: app.clone(),
        sender: Mutex::new(sender),
    };
    notifier.signal(Signal::Rearm);
    Box::new(notifier)
}

/// Shows one notification now, carrying the day it is about.
#[cfg(mobile)]
fn show_now<R: Runtime>(app: &AppHandle<R>, id: i32, title: &str, body: &str, date: NaiveDate) {
    let result = app
        .notification()
        .builder()
        .id(id)
        .title(title)
        .body(body)
        .extra("date", date.to_string())
        .show();
    if let Err(e) = result {
        eprintln!("tsunagu: could not show a notification: {e}");
    }
}

/// Shows one notification now, under the app's name and icon.
#[cfg(desktop)]
fn show_now<R: Runtime>(app: &AppHandle<R>, _id: i32, title: &str, body: &str, _date: NaiveDate) {
    let config = app.config();
    let name = config
        .product_name
        .clone()
        .unwrap_or_else(|| app.package_info().name.clone());
    let result = notify_rust::Notification::new()
        .appname(&name)
        // The icon a package installs is named after the executable.
        .auto_icon()
        .summary(title)
        .body(body)
        .show();
    if let Err(e) = result {
        eprintln!("tsunagu: could not show a notification: {e}");
    }
}

/// A test notification in the reader's language.
#[cfg(mobile)]
fn show_test<R: Runtime>(app: &AppHandle<R>, core: &Core) {
    let t = core.t();
    show_now(
        app,
        1,
        &t.t("notify-test-title"),
        &t.t("notify-test-body"),
        core.clock.today(),
    );
}

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveDate};
    use tsunagu::store::NewChild;

    use super::mobile_window;
    use crate::state::{Clock, Core};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_mobile_window_folds_in_the_town_overlays_and_mentions_an_event_once() {
        let dir = tempfile::tempdir().unwrap();
        let now = day("2026-12-05").and_hms_opt(9, 0, 0).unwrap();
        let mut core = Core::open(dir.path(), Clock::Fixed(now)).unwrap();
        let offset = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
        core.store
            .apply_baseline(&core.town, now.and_local_timezone(offset).unwrap())
            .unwrap();
        let first_day = day("2026-12-06");
        // One pregnancy at 20 weeks (the demo parents' class, published 1 Dec, is for 16-35
        // weeks) and one at 7w1d (the pregnancy desk overlay falls on 8w0d, six days later).
        for (nickname, due) in [
            ("あお", first_day + Days::new(280 - 140)),
            ("そら", first_day + Days::new(280 - 50)),
        ] {
            let new = NewChild {
                nickname: nickname.into(),
                due_date: Some(due),
                birth_date: None,
            };
            core.store.add_child(&new, core.clock.today()).unwrap();
        }
        let window = mobile_window(&mut core, first_day).unwrap();
        assert_eq!(window.len(), tsunagu::plan::MAX_PENDING);
        assert!(
            window.windows(2).all(|w| w[0].date < w[1].date),
            "one a day"
        );
        assert_eq!(window[0].date, first_day);
        assert!(
            window[0].body.contains("町の行事: 両親学級(サンプル)"),
            "{}",
            window[0].body
        );
        let desk = window
            .iter()
            .find(|p| p.date == first_day + Days::new(6))
            .unwrap();
        assert!(
            desk.body
                .contains("町から: 妊娠の届出と母子健康手帳(サンプル)"),
            "{}",
            desk.body
        );
        let mentions =
            |w: &[tsunagu::plan::Planned]| w.iter().filter(|p| p.body.contains("両親学級")).count();
        assert_eq!(mentions(&window), 1);
        // Re-armed the same day: the same one mention, the same ids.
        let again = mobile_window(&mut core, first_day).unwrap();
        assert_eq!(again, window);
        // Re-armed the next day: the event is not mentioned again.
        let next = mobile_window(&mut core, first_day + Days::new(1)).unwrap();
        assert_eq!(mentions(&next), 0);
        assert!(next.iter().any(|p| p.body.contains("妊娠の届出")));
    }

    #[test]
    fn a_window_that_opens_rides_on_the_days_one_notification_and_never_for_a_stopped_child() {
        let dir = tempfile::tempdir().unwrap();
        let now = day("2026-12-20").and_hms_opt(9, 0, 0).unwrap();
        let mut core = Core::open(dir.path(), Clock::Fixed(now)).unwrap();
        let new = NewChild {
            nickname: "ゆい".into(),
            due_date: None,
            birth_date: Some(day("2026-11-01")),
        };
        let child = core.store.add_child(&new, core.clock.today()).unwrap();
        // Born 1 November: two months are reached on 31 December.
        let window = mobile_window(&mut core, day("2026-12-21")).unwrap();
        let on = |w: &[tsunagu::plan::Planned], d: &str| -> Vec<String> {
            w.iter()
                .filter(|p| p.date == day(d))
                .map(|p| format!("{}\n{}", p.title, p.body))
                .collect()
        };
        let opening = on(&window, "2026-12-31");
        assert_eq!(opening.len(), 1, "one notification that day: {opening:?}");
        assert!(
            opening[0].contains("ゆい・B型肝炎 1回目 の標準的な時期が今日から始まります"),
            "{}",
            opening[0]
        );
        core.store
            .end_child(
                child.id,
                tsunagu::store::EndReason::Other,
                core.clock.today(),
            )
            .unwrap();
        let window = mobile_window(&mut core, day("2026-12-21")).unwrap();
        assert!(
            window
                .iter()
                .all(|p| !p.body.contains("B型肝炎") && !p.title.contains("B型肝炎")),
            "{window:?}"
        );
    }

    /// Issue #12: the town's survey is mentioned once, in the first day's notification it is
    /// open, and never in a family whose messages are all stopped.
    #[test]
    fn the_open_survey_is_mentioned_once() {
        let dir = tempfile::tempdir().unwrap();
        let now = day("2027-01-14").and_hms_opt(9, 0, 0).unwrap();
        let mut core = Core::open(dir.path(), Clock::Fixed(now)).unwrap();
        let offset = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
        core.store
            .apply_baseline(&core.town, now.and_local_timezone(offset).unwrap())
            .unwrap();
        let new = NewChild {
            nickname: "まる".into(),
            due_date: Some(day("2027-05-03")),
            birth_date: None,
        };
        core.store.add_child(&new, core.clock.today()).unwrap();
        let survey = "町のアンケート: 子育てについてのアンケート(サンプル)";
        let mentions =
            |w: &[tsunagu::plan::Planned]| w.iter().filter(|p| p.body.contains(survey)).count();
        // Not open yet on the 14th: nothing to mention, and nothing claimed.
        assert_eq!(
            mentions(&mobile_window(&mut core, day("2027-01-14")).unwrap()),
            0
        );
        let window = mobile_window(&mut core, day("2027-01-15")).unwrap();
        assert_eq!(mentions(&window), 1);
        assert_eq!(window[0].date, day("2027-01-15"));
        assert!(window[0].body.contains(survey), "{}", window[0].body);
        assert_eq!(mobile_window(&mut core, day("2027-01-15")).unwrap(), window);
        assert_eq!(
            mentions(&mobile_window(&mut core, day("2027-01-16")).unwrap()),
            0
        );

        // A second family that stopped its only child's messages: never mentioned.
        let dir = tempfile::tempdir().unwrap();
        let mut core = Core::open(dir.path(), Clock::Fixed(now)).unwrap();
        core.store
            .apply_baseline(&core.town, now.and_local_timezone(offset).unwrap())
            .unwrap();
        let id2 = core.store.add_child(&new, core.clock.today()).unwrap().id;
        core.store
            .end_child(id2, tsunagu::store::EndReason::Other, core.clock.today())
            .unwrap();
        assert!(
            mobile_window(&mut core, day("2027-01-15"))
                .unwrap()
                .is_empty()
        );
    }
}
