//! The Android and iOS adapter: a rolling window of the next days' notifications, at most 60,
//! soonest first, each `Schedule::At` an instant computed right before arming (iOS turns it into
//! a countdown). Everything is cancelled and re-armed on every signal: start, resume, any change
//! of dates or settings, a sync, a time-zone change. Android does not restore batch-scheduled
//! notifications after a reboot (plugins-workspace #3550), which the re-arm on start covers.

use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use chrono::{Days, Local};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::{NotificationExt, Schedule};

use super::{instant_in, mobile_window, show_test};
use crate::state::{Core, Signal};

pub fn run<R: Runtime>(app: AppHandle<R>, core: Arc<Mutex<Core>>, signals: Receiver<Signal>) {
    while let Ok(signal) = signals.recv() {
        let mut core = core.lock().unwrap_or_else(|e| e.into_inner());
        if signal == Signal::Test {
            show_test(&app, &core);
            continue;
        }
        if let Err(e) = rearm(&app, &mut core) {
            eprintln!("tsunagu: re-arming notifications failed: {e}");
        }
    }
}

fn rearm<R: Runtime>(app: &AppHandle<R>, core: &mut Core) -> tsunagu::Result<()> {
    let now = core.clock.now();
    let settings = core.store.settings()?;
    let first_day = if now.time() < settings.delivery_time {
        now.date()
    } else {
        now.date() + Days::new(1)
    };
    let window = mobile_window(core, first_day)?;
    let _ = app.notification().cancel_all();
    for planned in window {
        let Some(at) = instant_in(&Local, planned.date, planned.time) else {
            continue;
        };
        let result = app
            .notification()
            .builder()
            .id(planned.id)
            .title(&planned.title)
            .body(&planned.body)
            .extra("date", planned.date.to_string())
            .schedule(Schedule::At {
                date: at,
                repeating: false,
                allow_while_idle: true,
            })
            .show();
        if let Err(e) = result {
            eprintln!(
                "tsunagu: could not arm the notification for {}: {e}",
                planned.date
            );
        }
    }
    Ok(())
}
