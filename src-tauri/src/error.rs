//! The shell's one error type, and how it reaches the UI: `{code, message, field, error}`. The
//! codes exist only for what the UI branches on (a field to mark, a file that could not be
//! opened); `error` is the whole error as data, which the UI words in the person's language.

use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    #[error(transparent)]
    App(#[from] jalon_app::AppError),
    #[error("{0}")]
    Window(#[from] tauri::Error),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A value is refused; `field` names it.
    Invalid,
    /// The file is missing, not a report, damaged or too new: the current report stays open.
    BadFile,
    /// A page or document could not be read; the message names the line.
    BadInput,
    /// The change clashes with the report's structure.
    Conflict,
    /// A closed period is on screen: it is read-only.
    ReadOnly,
    /// Another program changed the file: the report was read again and the change not made;
    /// the UI shows the report afresh.
    Reloaded,
    Other,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CommandError {
    pub code: ErrorCode,
    /// The error in English, for logs; the UI words `error` in the person's language.
    pub message: String,
    /// The field a person should fix, without the objective prefix ("progress").
    pub field: Option<String>,
    /// The error as a code with typed parameters.
    pub error: jalon_app::ErrorData,
}

impl Serialize for DesktopError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        CommandError::from(self).serialize(s)
    }
}

impl From<&DesktopError> for CommandError {
    fn from(e: &DesktopError) -> Self {
        use jalon_core::Error as E;
        let core = match e {
            DesktopError::App(a) => a.core(),
            DesktopError::Window(_) => None,
        };
        let (code, field) = match core {
            Some(E::Invalid { field, .. }) => (
                ErrorCode::Invalid,
                Some(field.rsplit(": ").next().unwrap_or(field).to_string()),
            ),
            Some(
                E::NoSuchFile { .. }
                | E::NotAReport { .. }
                | E::NewerSchema { .. }
                | E::AlreadyExists { .. },
            ) => (ErrorCode::BadFile, None),
            Some(E::Parse { .. } | E::Json(_) | E::UnsupportedFormat { .. }) => {
                (ErrorCode::BadInput, None)
            }
            Some(E::Conflict(_)) => (ErrorCode::Conflict, None),
            Some(E::ClosedPeriod { .. }) => (ErrorCode::ReadOnly, None),
            Some(E::ChangedElsewhere) => (ErrorCode::Reloaded, None),
            Some(E::Tampered { .. }) => (ErrorCode::BadFile, None),
            _ => (ErrorCode::Other, None),
        };
        CommandError {
            code,
            message: match core {
                // The field is shown beside its input; the message alone reads better there.
                Some(E::Invalid { reason, .. }) => {
                    jalon_core::Error::invalid_reason(reason, jalon_core::Language::En)
                }
                _ => e.to_string(),
            },
            field,
            error: match e {
                DesktopError::App(a) => a.data(),
                DesktopError::Window(w) => jalon_app::ErrorData::Io {
                    detail: w.to_string(),
                },
            },
        }
    }
}

pub type Result<T, E = DesktopError> = std::result::Result<T, E>;
