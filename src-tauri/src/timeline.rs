//! The start-up timeline that `scripts/bench-app` reads: with `TSUNAGU_TIMELINE=<file>` set, each
//! step of a start appends `<step> <milliseconds since the Unix epoch>` to that file, so the shell's
//! steps line up with the page's performance marks and the benchmark's own clock. Unset (as for
//! every family), a step costs one look at the environment.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn mark(step: &str) {
    let Some(path) = std::env::var_os("TSUNAGU_TIMELINE") else {
        return;
    };
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1e3);
    // A benchmark aid: a file that cannot be written leaves the start as it was.
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(file, "{step} {ms:.1}");
    }
}
