//! Keeping the town's information fresh: the bundled copy at start, then the town's signed feed
//! on launch and at most every six hours (the core's rule), or at once when the reader pulls to
//! refresh. The network half runs without holding the database; only applying takes the lock.

use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Local;
use tsunagu::feed::{self, FetchConfig, SyncOutcome};

use crate::events::ShellEvent;
use crate::state::{AppState, Core, Signal};

/// How often the background thread asks whether a check is due, when nothing wakes it.
const POLL: Duration = Duration::from_secs(10 * 60);

/// Checks the town's feed now and applies a newer verified version.
pub fn sync_now(core: &Arc<Mutex<Core>>) -> tsunagu::Result<SyncOutcome> {
    let (town, held) = {
        let core = core.lock().unwrap_or_else(|e| e.into_inner());
        (
            core.town.clone(),
            core.store.feed_validators(&core.town.id)?,
        )
    };
    let checked = feed::check(&town, &held, &FetchConfig::default());
    let mut core = core.lock().unwrap_or_else(|e| e.into_inner());
    core.store
        .record_sync(&town.id, checked, Local::now().fixed_offset())
}

/// Starts the background check; the returned sender wakes it early (the app coming back to the
/// foreground), still within the six-hour rule.
pub fn start(state: AppState, core: Arc<Mutex<Core>>) -> Sender<()> {
    let (wake, woken) = channel::<()>();
    let spawned = std::thread::Builder::new()
        .name("tsunagu-sync".into())
        .spawn(move || {
            loop {
                let due = {
                    let core = core.lock().unwrap_or_else(|e| e.into_inner());
                    core.store
                        .feed_sync_due(&core.town.id, Local::now().fixed_offset())
                        .unwrap_or(false)
                };
                if due {
                    match sync_now(&core) {
                        Ok(SyncOutcome::Updated { .. }) => {
                            state.signal(Signal::Rearm);
                            state.events().send(ShellEvent::DataChanged);
                        }
                        Ok(_) => {}
                        Err(e) => eprintln!("tsunagu: town feed: {e}"),
                    }
                }
                if let Err(RecvTimeoutError::Disconnected) = woken.recv_timeout(POLL) {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        eprintln!("tsunagu: the town feed check could not start: {e}");
    }
    wake
}
