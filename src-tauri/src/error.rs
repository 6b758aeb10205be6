//! The one error that crosses IPC: `{code, message}`, the code stable, the message in the
//! reader's language. The UI mirrors it in `ui/src/backend/ipc.ts`.

use serde::Serialize;
use tsunagu::i18n::I18n;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "BackendErrorShape"))]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl AppError {
    /// A core error, said in the reader's language.
    pub fn from_core(error: &tsunagu::Error, t: &I18n) -> AppError {
        AppError {
            code: error.code().to_owned(),
            message: t.error(error),
        }
    }

    /// Something that should not happen (a worker that panicked, a platform call that failed).
    pub fn internal(detail: impl std::fmt::Display, t: &I18n) -> AppError {
        AppError {
            code: "internal".to_owned(),
            message: t.t_args("error-internal", &[("value", detail.to_string().into())]),
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for AppError {}
