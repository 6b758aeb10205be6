//! Fuzzes the data import (a file the reader picks, from anywhere): whatever the bytes, the import
//! is refused with an error or applied whole; it never panics, and after it every date
//! computation the app makes on the stored children still works.

#![no_main]

use std::sync::Mutex;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use tsunagu::cadence::Programme;
use tsunagu::store::Store;

/// One in-memory store for the whole run: an import replaces everything anyway.
static STORE: Mutex<Option<Store>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let mut guard = STORE.lock().unwrap();
    let store = guard.get_or_insert_with(|| Store::open_in_memory().unwrap());
    if store.import_json(json).is_ok() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        for record in store.children().unwrap() {
            let _ = record.child.plan_through(Programme::ToThirdBirthday, today);
            let _ = record.child.due_on(Programme::ToThirdBirthday, today);
            let _ = record.child.stage_on(today);
        }
    }
});
