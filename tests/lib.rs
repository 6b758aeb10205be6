//! The core's integration tests, in one binary with a module per area.

mod lib {
    pub mod cadence;
    pub mod catalogue;
    pub mod cli;
    pub mod feed;
    pub mod i18n;
    pub mod oracle;
    pub mod plan;
    pub mod store;
}

use chrono::NaiveDate;

/// A date from a literal `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}
