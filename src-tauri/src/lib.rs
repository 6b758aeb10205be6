//! tsunagu's app shell: a thin Tauri 2 layer over the `tsunagu` core. It owns the window, the
//! IPC commands, the platform notifications and the tray; everything else is the core's.

mod api;
mod commands;
mod error;
mod events;
mod notify;
mod state;
mod sync;
mod timeline;
mod views;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use tauri::{App, Builder, Context, Manager, RunEvent, Runtime};

pub use error::AppError;
pub use events::{EventBatch, ShellEvent, ShellEvents};
pub use notify::instant_in;
pub use state::{AppState, Clock, Core, Signal};

/// How to start the app.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// Where the database lives (default: the platform's app data folder).
    pub data_dir: Option<PathBuf>,
    /// Whether to start the notifier and the tray (off for tests through the mock runtime).
    pub notifications: bool,
}

/// The app as a family runs it.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    timeline::mark("main");
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        let lang = std::env::var("LANG").unwrap_or_default().replace('_', "-");
        let t = tsunagu::i18n::I18n::new(tsunagu::i18n::negotiate(&[lang
            .split('.')
            .next()
            .unwrap_or("")]))
        .expect("embedded strings");
        eprintln!("{}", t.t("app-no-display"));
        std::process::exit(1);
    }
    let options = Options {
        data_dir: std::env::var_os("TSUNAGU_DATA_DIR").map(PathBuf::from),
        notifications: true,
    };
    let app = match run_app(Builder::default(), context(), options) {
        Ok(app) => app,
        Err(e) => {
            // A database from a newer version, or a file that is not readable, stops the start;
            // the file is left exactly as it was.
            eprintln!("tsunagu: {e}");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        // Coming back to the app may follow a time-zone change or a new day: re-arm.
        if let (RunEvent::Resumed, Some(state)) = (event, handle.try_state::<AppState>()) {
            state.signal(Signal::Rearm);
            state.wake_sync();
        }
    });
}

/// The app's configuration, capabilities and assets, for any runtime (tests use the mock one).
pub fn context<R: Runtime>() -> Context<R> {
    tauri::generate_context!()
}

/// Builds the app on any runtime, so tests drive it with `tauri::test::mock_builder()`.
pub fn run_app<R: Runtime>(
    builder: Builder<R>,
    context: Context<R>,
    options: Options,
) -> tauri::Result<App<R>> {
    // Scanning a family member's share code with the camera: phones only (capabilities/mobile.json).
    #[cfg(mobile)]
    let builder = builder
        .plugin(tauri_plugin_barcode_scanner::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init());
    builder
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_children,
            commands::add_child,
            commands::record_birth,
            commands::correct_dates,
            commands::end_child,
            commands::resume_child,
            commands::delete_child,
            commands::share_child,
            commands::add_shared_child,
            commands::today,
            commands::archive,
            commands::search,
            commands::open_message,
            commands::set_bookmark,
            commands::get_settings,
            commands::set_setting,
            commands::request_notification_permission,
            commands::send_test_notification,
            commands::town_status,
            commands::sync_town,
            commands::town_events,
            commands::child_schedule,
            commands::record_dose,
            commands::correct_dose,
            commands::remove_dose,
            commands::record_checkup,
            commands::remove_checkup,
            commands::export_calendar,
            commands::open_link,
            commands::dismiss_survey,
            commands::answer_survey,
            commands::export_data,
            commands::import_data,
            commands::set_aside_data,
            commands::restart_app,
            commands::shell_events,
        ])
        .setup(move |app| {
            timeline::mark("setup");
            // The window first: WebKit starts its processes while the data opens below. The
            // first screen's data then travels with the page (api::start): the page's first
            // script, ./start.js (an empty file in the UI's build), is answered with it, which
            // spares the page's start its round trips. Without it (the core unavailable, or a
            // failure), the page asks as usual and shows what went wrong.
            let handover: Arc<OnceLock<String>> = Arc::default();
            for config in &app.config().app.windows {
                let served = Arc::clone(&handover);
                tauri::WebviewWindowBuilder::from_config(app.handle(), config)?
                    .on_web_resource_request(move |request, response| {
                        if request.uri().path() == api::start::SCRIPT_PATH
                            && let Some(script) = served.get()
                        {
                            *response.body_mut() = script.as_bytes().to_vec().into();
                        }
                    })
                    .build()?;
            }
            timeline::mark("window");
            let data_dir = match options.data_dir.clone() {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            let state = match Core::open(&data_dir, Clock::from_env()) {
                Ok(mut core) => {
                    timeline::mark("core-open");
                    // A fresh install with no network still has the town's information.
                    let now = chrono::Local::now().fixed_offset();
                    if let Err(e) = core.store.apply_baseline(&core.town, now) {
                        eprintln!("tsunagu: the bundled town feed was not applied: {e}");
                    }
                    timeline::mark("baseline");
                    AppState::new(core)
                }
                Err(e) => {
                    // Say why in the window (every command answers with it); touch nothing.
                    let lang = std::env::var("LANG").unwrap_or_default().replace('_', "-");
                    let t = tsunagu::i18n::I18n::new(tsunagu::i18n::negotiate(&[lang
                        .split('.')
                        .next()
                        .unwrap_or("")]))?;
                    eprintln!("tsunagu: {e}");
                    AppState::unavailable(
                        AppError::from_core(&e, &t),
                        state::database_path(&data_dir),
                        t.lang(),
                    )
                }
            };
            let core = state.core();
            if let (true, Some(core)) = (options.notifications, core.clone()) {
                state.set_platform(notify::start(app.handle(), core.clone(), state.events()));
                state.set_sync_wake(sync::start(state.clone(), core));
            }
            timeline::mark("notifier");
            if let Some(script) = start_script(&state) {
                let _ = handover.set(script);
            }
            timeline::mark("start-view");
            app.manage(state);
            #[cfg(desktop)]
            if let (true, Some(core)) = (options.notifications, core) {
                tray::install(app, &core)?;
            }
            timeline::mark("setup-end");
            Ok(())
        })
        .on_page_load(|_, payload| {
            timeline::mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page-started",
                tauri::webview::PageLoadEvent::Finished => "page-finished",
            })
        })
        .build(context)
}

/// The script that hands the first screen's data to the page (`api::start`), or
/// `None` when the core is unavailable or the data could not be made: the page then asks, and
/// shows what went wrong.
pub fn start_script(state: &AppState) -> Option<String> {
    let allowed = state.notifications_allowed();
    let made_at = chrono::Utc::now().timestamp_millis();
    let event_seq = state.events().seq();
    let core = state.core()?;
    let mut core = core.lock().unwrap_or_else(|e| e.into_inner());
    match api::start::start(&mut core, allowed, made_at, event_seq) {
        Ok(view) => Some(api::start::script(&view)),
        Err(e) => {
            eprintln!("tsunagu: the first screen will ask for its data: {e}");
            None
        }
    }
}

#[cfg(desktop)]
mod tray {
    //! The tray icon that keeps the app (and its daily notification) alive when the window is closed.

    use tauri::menu::{Menu, MenuItem};
    use tauri::tray::TrayIconBuilder;
    use tauri::{App, Manager, Runtime, WindowEvent};

    use std::sync::{Arc, Mutex};

    use crate::state::Core;

    pub fn install<R: Runtime>(app: &mut App<R>, core: &Arc<Mutex<Core>>) -> tauri::Result<()> {
        let t = {
            let core = core.lock().unwrap_or_else(|e| e.into_inner());
            (core.t().t("tray-open"), core.t().t("tray-quit"))
        };
        let open = MenuItem::with_id(app, "open", &t.0, true, None::<&str>)?;
        let quit = MenuItem::with_id(app, "quit", &t.1, true, None::<&str>)?;
        let menu = Menu::with_items(app, &[&open, &quit])?;
        let mut tray = TrayIconBuilder::with_id("tsunagu")
            .menu(&menu)
            .on_menu_event(|app, event| match event.id().as_ref() {
                "open" => {
                    if let Some(window) = app.get_webview_window("main") {
                        let _ = window.show();
                        let _ = window.set_focus();
                    }
                }
                "quit" => app.exit(0),
                _ => {}
            });
        if let Some(icon) = app.default_window_icon() {
            tray = tray.icon(icon.clone());
        }
        tray.build(app)?;
        if let Some(window) = app.get_webview_window("main") {
            let handle = window.clone();
            window.on_window_event(move |event| {
                if let WindowEvent::CloseRequested { api, .. } = event {
                    api.prevent_close();
                    let _ = handle.hide();
                }
            });
        }
        Ok(())
    }
}
