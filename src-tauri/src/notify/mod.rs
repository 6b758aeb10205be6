//! Turning the core's notification plan into platform notifications. The core decides what is
//! due on which civil date; here a date and local time become an instant, at the last moment, in
//! the device's current time zone.
//!
//! - Desktop (`desktop.rs`): the plugin cannot schedule (plugins-workspace #2313), so a timer in
//!   the app raises the day's one notification while the app runs (closing the window keeps it in
//!   the tray), and on start raises one for everything missed.
//! - Android and iOS (`mobile.rs`): a rolling window of at most 60 `Schedule::At` notifications,
//!   cancelled and re-armed on every start, resume, change and time-zone change.

#[cfg(desktop)]
mod desktop;
#[cfg(mobile)]
mod mobile;

use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, NaiveTime, TimeZone};
use tauri::{AppHandle, Emitter, Runtime};
use tauri_plugin_notification::{NotificationExt, PermissionState};
use tsunagu::plan::Reader;

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

/// The payload of the `open-day` event: a tapped notification opens that day.
#[derive(Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct OpenDay {
    date: String,
}

struct PlatformNotifier<R: Runtime> {
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

    fn permission_granted(&self) -> bool {
        matches!(
            self.app.notification().permission_state(),
            Ok(PermissionState::Granted)
        )
    }

    fn request_permission(&self) -> bool {
        let granted = matches!(
            self.app.notification().request_permission(),
            Ok(PermissionState::Granted)
        );
        self.signal(Signal::Rearm);
        granted
    }

    fn open_url(&self, url: &str) -> bool {
        use tauri_plugin_opener::OpenerExt;
        self.app.opener().open_url(url, None::<&str>).is_ok()
    }
}

/// Starts the platform's notifier on its own thread and returns the handle the commands use.
pub fn start<R: Runtime>(app: &AppHandle<R>, core: Arc<Mutex<Core>>) -> Box<dyn Platform> {
    let (sender, receiver) = channel();
    let handle = app.clone();
    let _ = app.notification().on_action(move |action| {
        let date = action
            .notification()
            .and_then(|n| n.data().get("date").cloned());
        if let Some(date) = date {
            let _ = handle.emit("open-day", OpenDay { date });
        }
    });
    let worker_app = app.clone();
    std::thread::Builder::new()
        .name("tsunagu-notifier".into())
        .spawn(move || {
            #[cfg(desktop)]
            desktop::run(worker_app, core, receiver);
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

/// A test notification in the reader's language.
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
