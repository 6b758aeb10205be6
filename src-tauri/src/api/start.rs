//! What the first screen needs, all at once: the app's identity, the settings, the children and
//! today's screen. The shell hands it to the page with the page itself, as the answer to the
//! page's first script (`SCRIPT_PATH`), so a start shows today's message without waiting on a
//! round trip (docs/performance.md).

use tsunagu::Result;

use crate::api::{children, reading, settings};
use crate::state::Core;
use crate::views::{AppInfo, StartView, TownView};

/// The app's identity in the reader's language.
pub fn app_info(core: &Core) -> AppInfo {
    let lang = core.t().lang();
    AppInfo {
        town: TownView::new(&core.town, lang),
        version: env!("CARGO_PKG_VERSION"),
        lang,
        // The barcode-scanner plugin is in the mobile builds only.
        can_scan: cfg!(mobile),
    }
}

/// Everything the first screen asks for, as the separate commands would answer it.
pub fn start(
    core: &mut Core,
    notifications_allowed: bool,
    made_at: i64,
    event_seq: u64,
) -> Result<StartView> {
    Ok(StartView {
        info: app_info(core),
        settings: settings::get(core, notifications_allowed)?,
        children: children::list(core)?,
        today: reading::today(core)?,
        made_at,
        event_seq,
    })
}

/// Where the page loads its first script from (ui/public/start.js, empty): the shell answers
/// that request with `script`.
pub const SCRIPT_PATH: &str = "/start.js";

/// The script that carries `view` to the page, read once by the UI's start.
pub fn script(view: &StartView) -> String {
    // JSON is a JavaScript expression; serde escapes every quote and control character, so a
    // message or a nickname cannot end the statement.
    let json = serde_json::to_string(view).unwrap_or_else(|_| "null".into());
    format!("window.__TSUNAGU_START__ = {json};")
}
