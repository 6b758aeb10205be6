//! The IPC commands: each a thin wrapper that runs a plain function of `api` on a worker thread
//! and, after a write, tells the notifier to re-arm.

use tauri::State;
use tsunagu::store::ArchiveFilter;

use crate::api::{children, reading, schedule, settings, share, start, town};
use crate::error::AppError;
use crate::events::EventBatch;
use crate::state::{AppState, Signal};
use crate::views::{
    AddSharedView, AppInfo, ArchiveItemView, ChildView, EventView, FeedStatusView, MessageView,
    ScheduleView, SettingsView, ShareView, TodayView,
};

type Reply<T> = Result<T, AppError>;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    state.write(|core| Ok(start::app_info(core))).await
}

#[tauri::command]
pub async fn list_children(state: State<'_, AppState>) -> Reply<Vec<ChildView>> {
    state.run(children::list).await
}

#[tauri::command]
pub async fn add_child(
    state: State<'_, AppState>,
    nickname: Option<String>,
    due_date: Option<String>,
    birth_date: Option<String>,
) -> Reply<ChildView> {
    let nickname = nickname.unwrap_or_default();
    state
        .write(move |c| children::add(c, &nickname, due_date.as_deref(), birth_date.as_deref()))
        .await
}

#[tauri::command]
pub async fn record_birth(
    state: State<'_, AppState>,
    id: i64,
    birth_date: String,
) -> Reply<ChildView> {
    state
        .write(move |c| children::record_birth(c, id, &birth_date))
        .await
}

#[tauri::command]
pub async fn correct_dates(
    state: State<'_, AppState>,
    id: i64,
    due_date: Option<String>,
    birth_date: Option<String>,
) -> Reply<ChildView> {
    state
        .write(move |c| children::correct_dates(c, id, due_date.as_deref(), birth_date.as_deref()))
        .await
}

#[tauri::command]
pub async fn end_child(state: State<'_, AppState>, id: i64, reason: String) -> Reply<ChildView> {
    state.write(move |c| children::end(c, id, &reason)).await
}

#[tauri::command]
pub async fn resume_child(state: State<'_, AppState>, id: i64) -> Reply<ChildView> {
    state.write(move |c| children::resume(c, id)).await
}

#[tauri::command]
pub async fn delete_child(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.run(move |c| children::delete(c, id)).await
}

/// The child's share code and QR code (and, the first time, its identity).
#[tauri::command]
pub async fn share_child(
    state: State<'_, AppState>,
    id: i64,
    include_nickname: bool,
) -> Reply<ShareView> {
    state
        .write(move |c| share::share(c, id, include_nickname))
        .await
}

/// Adds the child of a share code (or updates the one it added before); `confirm` is "stop" or
/// "resume" once the reader agreed to what the previous answer asked.
#[tauri::command]
pub async fn add_shared_child(
    state: State<'_, AppState>,
    code: String,
    confirm: Option<String>,
) -> Reply<AddSharedView> {
    state
        .write(move |c| share::add(c, &code, confirm.as_deref()))
        .await
}

#[tauri::command]
pub async fn today(state: State<'_, AppState>) -> Reply<TodayView> {
    crate::timeline::mark("today-asked");
    let reply = state.run(reading::today).await;
    crate::timeline::mark("today-answered");
    reply
}

#[tauri::command]
pub async fn archive(
    state: State<'_, AppState>,
    child_id: Option<i64>,
    unread_only: Option<bool>,
    bookmarked_only: Option<bool>,
) -> Reply<Vec<ArchiveItemView>> {
    let filter = ArchiveFilter {
        child_id,
        unread_only: unread_only.unwrap_or(false),
        bookmarked_only: bookmarked_only.unwrap_or(false),
    };
    state.run(move |c| reading::archive(c, filter)).await
}

#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String) -> Reply<Vec<ArchiveItemView>> {
    state.run(move |c| reading::search(c, &query)).await
}

#[tauri::command]
pub async fn open_message(state: State<'_, AppState>, delivery_id: i64) -> Reply<MessageView> {
    state.run(move |c| reading::open(c, delivery_id)).await
}

#[tauri::command]
pub async fn set_bookmark(
    state: State<'_, AppState>,
    delivery_id: i64,
    bookmarked: bool,
) -> Reply<()> {
    state
        .run(move |c| reading::set_bookmark(c, delivery_id, bookmarked))
        .await
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Reply<SettingsView> {
    let allowed = state.notifications_allowed();
    state.run(move |c| settings::get(c, allowed)).await
}

#[tauri::command]
pub async fn set_setting(
    state: State<'_, AppState>,
    key: String,
    value: String,
) -> Reply<SettingsView> {
    let allowed = state.notifications_allowed();
    state
        .write(move |c| settings::set(c, &key, &value, allowed))
        .await
}

#[tauri::command]
pub async fn request_notification_permission(state: State<'_, AppState>) -> Reply<bool> {
    let state = state.inner().clone();
    Ok(
        tauri::async_runtime::spawn_blocking(move || state.request_permission())
            .await
            .unwrap_or(false),
    )
}

#[tauri::command]
pub async fn send_test_notification(state: State<'_, AppState>) -> Reply<()> {
    state.signal(Signal::Test);
    Ok(())
}

#[tauri::command]
pub async fn town_status(state: State<'_, AppState>) -> Reply<FeedStatusView> {
    state.run(town::status).await
}

#[tauri::command]
pub async fn sync_town(state: State<'_, AppState>) -> Reply<FeedStatusView> {
    if let Some(core) = state.core() {
        // The outcome is recorded in the store; the status below says it in words.
        let _ = tauri::async_runtime::spawn_blocking(move || crate::sync::sync_now(&core)).await;
    }
    state.signal(Signal::Rearm);
    state.run(town::status).await
}

#[tauri::command]
pub async fn town_events(state: State<'_, AppState>) -> Reply<Vec<EventView>> {
    state.run(town::events).await
}

/// A child's "Check-ups and shots" screen.
#[tauri::command]
pub async fn child_schedule(state: State<'_, AppState>, id: i64) -> Reply<ScheduleView> {
    state.run(move |c| schedule::view(c, id)).await
}

// Recording or undoing a dose or check-up moves the next windows: the notifier re-arms.

#[tauri::command]
pub async fn record_dose(
    state: State<'_, AppState>,
    id: i64,
    vaccine: String,
    number: u32,
    date: String,
) -> Reply<ScheduleView> {
    state
        .write(move |c| schedule::record_dose(c, id, &vaccine, number, &date))
        .await
}

#[tauri::command]
pub async fn correct_dose(
    state: State<'_, AppState>,
    id: i64,
    vaccine: String,
    number: u32,
    date: String,
) -> Reply<ScheduleView> {
    state
        .write(move |c| schedule::correct_dose(c, id, &vaccine, number, &date))
        .await
}

#[tauri::command]
pub async fn remove_dose(
    state: State<'_, AppState>,
    id: i64,
    vaccine: String,
    number: u32,
) -> Reply<ScheduleView> {
    state
        .write(move |c| schedule::remove_dose(c, id, &vaccine, number))
        .await
}

#[tauri::command]
pub async fn record_checkup(
    state: State<'_, AppState>,
    id: i64,
    visit: String,
    date: String,
) -> Reply<ScheduleView> {
    state
        .write(move |c| schedule::record_checkup(c, id, &visit, &date))
        .await
}

#[tauri::command]
pub async fn remove_checkup(
    state: State<'_, AppState>,
    id: i64,
    visit: String,
) -> Reply<ScheduleView> {
    state
        .write(move |c| schedule::remove_checkup(c, id, &visit))
        .await
}

/// The child's coming visits as an .ics file's text; the UI hands it to the system.
#[tauri::command]
pub async fn export_calendar(state: State<'_, AppState>, id: i64) -> Reply<String> {
    state.run(move |c| schedule::export_calendar(c, id)).await
}

#[tauri::command]
pub async fn open_link(state: State<'_, AppState>, url: String) -> Reply<()> {
    let checked = state.run(move |_| town::check_link(&url)).await?;
    state.open_url(&checked);
    Ok(())
}

/// Hides the town's survey card; nothing is sent anywhere.
#[tauri::command]
pub async fn dismiss_survey(state: State<'_, AppState>, key: String) -> Reply<()> {
    state.run(move |c| town::dismiss_survey(c, &key)).await
}

/// Opens the town's survey form (checked as `open_link` checks) outside the app, and hides the
/// card; whether the reader answers is never known to the app, nor sent anywhere.
#[tauri::command]
pub async fn answer_survey(state: State<'_, AppState>, key: String) -> Reply<()> {
    if let Some(url) = state.run(move |c| town::answer_survey(c, &key)).await? {
        state.open_url(&url);
    }
    Ok(())
}

#[tauri::command]
pub async fn export_data(state: State<'_, AppState>) -> Reply<String> {
    state.run(settings::export).await
}

#[tauri::command]
pub async fn import_data(state: State<'_, AppState>, data: String) -> Reply<()> {
    state.run(move |c| settings::import(c, &data)).await
}

/// When the data could not be opened: keeps the old file aside, whole, and says where; the next
/// start makes a fresh one (`restart_app`). Refused (`data-readable`) when the data opens.
#[tauri::command]
pub async fn set_aside_data(state: State<'_, AppState>) -> Reply<String> {
    let state = state.inner().clone();
    let moved = tauri::async_runtime::spawn_blocking(move || state.set_aside_database()).await;
    match moved {
        Ok(result) => result.map(|path| path.display().to_string()),
        Err(e) => {
            let t = tsunagu::i18n::I18n::new("ja").expect("embedded strings");
            Err(AppError::internal(e, &t))
        }
    }
}

/// Starts the app again (after the data was set aside).
#[tauri::command]
pub fn restart_app<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    app.restart()
}

/// The shell's events after `after` (docs/ipc.md), answered as soon as there is one; without
/// `after`, the newest event's number at once. Never an error: events need no data.
#[tauri::command]
pub async fn shell_events(state: State<'_, AppState>, after: Option<u64>) -> Reply<EventBatch> {
    Ok(state.events().wait(after).await)
}
