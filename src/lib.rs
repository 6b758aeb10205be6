//! tsunagu's core: the daily-message cadence, the embedded catalogue, the on-device store and the
//! localised strings. Plain Rust with no clock in its scheduling logic: dates in, plans out. The app
//! shell (`src-tauri/`) and the `tsunagu` command are thin layers over this crate.

pub mod cadence;
pub mod calendar;
pub mod catalogue;
pub mod error;
pub mod feed;
pub mod i18n;
pub mod plan;
pub mod schedule;
pub mod share;
pub mod store;
pub mod town;

pub use error::{Error, Result};
