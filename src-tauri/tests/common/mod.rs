//! The app on Tauri's mock runtime, driven through IPC as the UI drives it (shared by the
//! command tests and the mock fixtures' generator).

#![allow(dead_code)]

use chrono::NaiveDateTime;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow};
use tsunagu_app_lib::{AppState, Clock, Options, context, run_app};

pub struct Harness {
    _app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

pub fn harness() -> Harness {
    harness_in(tempfile::tempdir().unwrap())
}

/// The app on the mock runtime with its data in `dir`.
pub fn harness_in(dir: tempfile::TempDir) -> Harness {
    let options = Options {
        data_dir: Some(dir.path().to_path_buf()),
        notifications: false,
    };
    let mut app = run_app(mock_builder(), context(), options).unwrap();
    // One iteration runs the app's setup (the database opens, the main window is made); the
    // deprecation warns about calling it in a loop, which this does not.
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let webview = app.get_webview_window("main").expect("the main window");
    Harness {
        _app: app,
        webview,
        _dir: dir,
    }
}

impl Harness {
    /// The app's data folder.
    pub fn dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    /// Closes the app and hands back its data folder (to start it again there).
    pub fn into_dir(self) -> tempfile::TempDir {
        self._dir
    }

    pub fn invoke(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request).map(|b| b.deserialize::<Value>().unwrap())
    }
}

impl Harness {
    /// Pins the app's clock to `at` (the moment every following command sees).
    pub fn set_now(&self, at: NaiveDateTime) {
        let state = self.webview.state::<AppState>();
        let core = state.core().expect("the core is open");
        core.lock().unwrap().clock = Clock::Fixed(at);
    }

    /// The shell's events, as the notifier and the town feed's check raise them.
    pub fn events(&self) -> std::sync::Arc<tsunagu_app_lib::ShellEvents> {
        self.webview.state::<AppState>().events()
    }

    /// The script that would hand the first screen's data to a page loaded now.
    pub fn start_script(&self) -> Option<String> {
        tsunagu_app_lib::start_script(&self.webview.state::<AppState>())
    }
}
