//! The core's integration tests, in one binary with a module per area.

mod lib {
    pub mod cadence;
    pub mod calendar;
    pub mod catalogue;
    pub mod cli;
    pub mod feed;
    pub mod i18n;
    pub mod oracle;
    pub mod plan;
    pub mod records;
    pub mod schedule;
    pub mod search;
    pub mod share;
    pub mod share_store;
    pub mod soak;
    pub mod store;
    pub mod town;
}

use chrono::NaiveDate;

/// A date from a literal `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// Runs the ignored test `writer` (this test binary re-executed, with `env_var` pointing at
/// `path`) until `progressed` says it has committed enough, waits `then` more, kills it without
/// warning (SIGKILL) in the middle of its writes, and checks that the file opens and passes
/// SQLite's integrity check. Returns a connection for the caller's own checks of what survived.
pub fn kill_writer_midway(
    writer: &str,
    env_var: &str,
    path: &std::path::Path,
    then: std::time::Duration,
    progressed: impl Fn(&rusqlite::Connection) -> bool,
) -> rusqlite::Connection {
    use std::time::{Duration, Instant};
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            writer,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(env_var, path)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(30));
        if progressed(&rusqlite::Connection::open(path).unwrap()) {
            break;
        }
    }
    std::thread::sleep(then);
    child.kill().unwrap();
    child.wait().unwrap();
    tsunagu::store::Store::open(path).expect("the file opens after a crash");
    let conn = rusqlite::Connection::open(path).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    conn
}
