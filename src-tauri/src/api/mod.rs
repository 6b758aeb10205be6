//! The app's operations as plain functions over the [`Core`](crate::state::Core): no Tauri here,
//! so they are tested directly; `commands` wraps each in two or three lines.

pub mod children;
pub mod reading;
pub mod schedule;
pub mod settings;
pub mod share;
pub mod start;
pub mod town;
