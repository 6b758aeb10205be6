//! The app's one state: the core (store, catalogue, town, strings) behind a mutex, used from
//! blocking worker threads so SQLite never runs on the main thread, and the channel that tells the
//! notifier to re-arm.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Local, NaiveDate, NaiveDateTime};
use tsunagu::cadence::Child;
use tsunagu::catalogue::Catalogue;
use tsunagu::i18n::I18n;
use tsunagu::schedule::Schedule;
use tsunagu::store::Store;
use tsunagu::town::Town;

use crate::error::AppError;
use crate::events::ShellEvents;

/// Where "now" comes from. The app reads the device clock; tests and demos may pin the date.
#[derive(Clone, Debug)]
pub enum Clock {
    Device,
    /// A fixed date, at the device's time of day.
    Pinned(NaiveDate),
    /// A fixed moment (tests).
    Fixed(NaiveDateTime),
}

impl Clock {
    /// The device's clock. In a debug build only, `TSUNAGU_TODAY=YYYY-MM-DD` pins the date for
    /// demos and tests; a release build (what a family installs) never reads it, so no setting
    /// in the environment can move a family's messages.
    pub fn from_env() -> Clock {
        Clock::chosen(
            cfg!(debug_assertions),
            std::env::var("TSUNAGU_TODAY").ok().as_deref(),
        )
    }

    fn chosen(debug_build: bool, pinned: Option<&str>) -> Clock {
        match pinned.filter(|_| debug_build) {
            Some(d) => tsunagu::error::parse_date(d).map_or(Clock::Device, Clock::Pinned),
            None => Clock::Device,
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        let now = Local::now().naive_local();
        match self {
            Clock::Device => now,
            Clock::Pinned(date) => date.and_time(now.time()),
            Clock::Fixed(at) => *at,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

/// Where the app keeps its database in its data folder.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join("tsunagu.db")
}

/// Everything the commands work on.
pub struct Core {
    pub store: Store,
    pub catalogue: Catalogue,
    pub town: Town,
    /// The national check-up and immunisation schedule (`content/schedule/`).
    pub schedule: Schedule,
    pub clock: Clock,
    strings: [I18n; 2],
}

impl Core {
    /// Opens the database in `data_dir` with the embedded catalogue and town.
    pub fn open(data_dir: &Path, clock: Clock) -> tsunagu::Result<Core> {
        let store = Store::open(database_path(data_dir))?;
        Ok(Core {
            store,
            catalogue: Catalogue::embedded()?,
            town: Town::embedded()?,
            schedule: Schedule::embedded()?,
            clock,
            strings: [I18n::new("ja")?, I18n::new("en")?],
        })
    }

    /// The strings in the reader's chosen language.
    pub fn t(&self) -> &I18n {
        let lang = self.store.settings().map(|s| s.locale).unwrap_or_default();
        self.strings
            .iter()
            .find(|t| t.lang() == lang)
            .unwrap_or(&self.strings[0])
    }

    /// Every child's dates and state, in the order they were registered: what the town's
    /// overlays and survey are matched against.
    pub fn family(&self) -> tsunagu::Result<Vec<Child>> {
        Ok(self
            .store
            .children()?
            .into_iter()
            .map(|r| r.child)
            .collect())
    }
}

/// What the notifier thread is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Dates, children or settings changed: cancel and re-arm.
    Rearm,
    /// Show a test notification now.
    Test,
}

/// What the commands need from the platform (see `notify`): notifications and the system browser.
pub trait Platform: Send + Sync {
    fn signal(&self, signal: Signal);
    fn permission_granted(&self) -> bool;
    /// Asks the reader (once, where the platform asks) and says whether notifications are allowed.
    fn request_permission(&self) -> bool;
    /// Opens a link in the system browser; the caller has checked it is https, mailto or tel.
    fn open_url(&self, url: &str) -> bool;
}

/// Why the core could not open, and what a way forward needs: the database file and the
/// language to speak in (the reader's own setting is in the file that failed).
pub struct Unopened {
    error: AppError,
    database: PathBuf,
    lang: &'static str,
}

/// The managed state of the app.
#[derive(Clone)]
pub struct AppState {
    /// The core, or why it could not open (a database from a newer version, an unreadable
    /// file): then every command answers with that error and the file is left untouched.
    core: Result<Arc<Mutex<Core>>, Arc<Unopened>>,
    platform: Arc<OnceLock<Box<dyn Platform>>>,
    sync_wake: Arc<OnceLock<Mutex<std::sync::mpsc::Sender<()>>>>,
    events: Arc<ShellEvents>,
}

impl AppState {
    pub fn new(core: Core) -> AppState {
        AppState {
            core: Ok(Arc::new(Mutex::new(core))),
            platform: Arc::new(OnceLock::new()),
            sync_wake: Arc::new(OnceLock::new()),
            events: Arc::default(),
        }
    }

    /// The state of an app whose database (at `database`) could not be opened.
    pub fn unavailable(error: AppError, database: PathBuf, lang: &'static str) -> AppState {
        AppState {
            core: Err(Arc::new(Unopened {
                error,
                database,
                lang,
            })),
            platform: Arc::new(OnceLock::new()),
            sync_wake: Arc::new(OnceLock::new()),
            events: Arc::default(),
        }
    }

    pub fn core(&self) -> Option<Arc<Mutex<Core>>> {
        self.core.as_ref().ok().map(Arc::clone)
    }

    /// Moves the database that could not be opened aside, whole (see `tsunagu::store::set_aside`),
    /// so that the next start makes a fresh one; says where it went. Blocking: file renames.
    pub fn set_aside_database(&self) -> Result<PathBuf, AppError> {
        match &self.core {
            Err(unopened) => {
                tsunagu::store::set_aside(&unopened.database, Local::now().naive_local()).map_err(
                    |e| {
                        let t = tsunagu::i18n::I18n::new(unopened.lang).expect("embedded strings");
                        AppError::from_core(&e, &t)
                    },
                )
            }
            Ok(core) => {
                let core = core.lock().unwrap_or_else(|e| e.into_inner());
                let readable = tsunagu::Error::DataReadable(core.store.path().to_path_buf());
                Err(AppError::from_core(&readable, core.t()))
            }
        }
    }

    /// The shell's events for the page (`shell_events`).
    pub fn events(&self) -> Arc<ShellEvents> {
        Arc::clone(&self.events)
    }

    pub fn set_platform(&self, platform: Box<dyn Platform>) {
        let _ = self.platform.set(platform);
    }

    pub fn set_sync_wake(&self, wake: std::sync::mpsc::Sender<()>) {
        let _ = self.sync_wake.set(Mutex::new(wake));
    }

    /// Asks the town feed check to look now whether a check is due.
    pub fn wake_sync(&self) {
        if let Some(wake) = self.sync_wake.get() {
            let _ = wake.lock().unwrap_or_else(|e| e.into_inner()).send(());
        }
    }

    /// Tells the notifier; without one (tests through the mock runtime) there is nothing to arm.
    pub fn signal(&self, signal: Signal) {
        if let Some(n) = self.platform.get() {
            n.signal(signal);
        }
    }

    pub fn notifications_allowed(&self) -> bool {
        self.platform.get().is_some_and(|n| n.permission_granted())
    }

    pub fn request_permission(&self) -> bool {
        self.platform.get().is_some_and(|n| n.request_permission())
    }

    pub fn open_url(&self, url: &str) -> bool {
        self.platform.get().is_some_and(|p| p.open_url(url))
    }

    /// Runs a change on the core, then tells the notifier to re-arm: dates, children, records or
    /// settings moved, so what is due (and when) may have too.
    pub async fn write<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Core) -> tsunagu::Result<T> + Send + 'static,
    {
        let value = self.run(f).await?;
        self.signal(Signal::Rearm);
        Ok(value)
    }

    /// Runs `f` on a blocking worker thread with the core locked, turning a core error into the
    /// one IPC error in the reader's language.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Core) -> tsunagu::Result<T> + Send + 'static,
    {
        let core = match &self.core {
            Ok(core) => Arc::clone(core),
            Err(unopened) => return Err(unopened.error.clone()),
        };
        let joined = tauri::async_runtime::spawn_blocking(move || {
            let mut core = core.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut core).map_err(|e| AppError::from_core(&e, core.t()))
        })
        .await;
        match joined {
            Ok(result) => result,
            Err(e) => {
                let t = tsunagu::i18n::I18n::new("ja").expect("embedded strings");
                Err(AppError::internal(e, &t))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Clock;

    /// Audit finding 9: the test hook cannot move the clock of a family's (release) build.
    #[test]
    fn only_a_debug_build_reads_the_pinned_date() {
        assert!(matches!(
            Clock::chosen(false, Some("2027-01-01")),
            Clock::Device
        ));
        assert!(matches!(
            Clock::chosen(true, Some("2027-01-01")),
            Clock::Pinned(d) if d.to_string() == "2027-01-01"
        ));
        assert!(matches!(
            Clock::chosen(true, Some("+262142-12-31")),
            Clock::Device
        ));
        assert!(matches!(Clock::chosen(true, None), Clock::Device));
    }
}
