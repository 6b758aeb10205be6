//! Declares the app's own commands so that each falls under a permission (see capabilities/).

const COMMANDS: &[&str] = &[
    "app_info",
    "list_children",
    "add_child",
    "record_birth",
    "correct_dates",
    "end_child",
    "resume_child",
    "delete_child",
    "share_child",
    "add_shared_child",
    "today",
    "archive",
    "search",
    "open_message",
    "set_bookmark",
    "get_settings",
    "set_setting",
    "request_notification_permission",
    "send_test_notification",
    "town_status",
    "sync_town",
    "town_events",
    "child_schedule",
    "record_dose",
    "correct_dose",
    "remove_dose",
    "record_checkup",
    "remove_checkup",
    "export_calendar",
    "open_link",
    "dismiss_survey",
    "answer_survey",
    "export_data",
    "import_data",
    "set_aside_data",
    "restart_app",
    "shell_events",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
