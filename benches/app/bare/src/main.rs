// The baseline for scripts/bench-app: a bare Tauri 2 window showing one line of text.
fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).expect("the bare app runs");
}
