//! The one error type of jalon-core. Each variant carries what a person needs to fix the
//! problem: the file, the line or the field, and what was expected.

use std::path::PathBuf;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such report file", path.display())]
    NoSuchFile { path: PathBuf },

    #[error("{}: already exists", path.display())]
    AlreadyExists { path: PathBuf },

    #[error("{}: not a Jalon report ({reason})", path.display())]
    NotAReport { path: PathBuf, reason: String },

    #[error(
        "{}: written by a newer version of Jalon (schema {found}, this version reads up to {supported}); update Jalon to open it",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// A value a person typed or a file carried is not acceptable; `field` names it.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },

    /// The change would break a rule of the report's structure (duplicate numbers and such).
    #[error("{0}")]
    Conflict(String),

    #[error("no {kind} with id {id}")]
    UnknownId { kind: &'static str, id: i64 },

    /// A published page that cannot be read: `line` is 1-based.
    #[error("line {line}: expected {expected}, found {found}")]
    Parse {
        line: usize,
        expected: String,
        found: String,
    },

    /// A closed period's snapshot is frozen: editing it is refused.
    #[error("period {label} is closed: it can be read and compared, not edited")]
    ClosedPeriod { label: String },

    /// A closed period's snapshot no longer matches the checksum stored when it was closed.
    #[error(
        "period {label}: its frozen snapshot was changed after closing (checksum {found}, expected {expected})"
    )]
    Tampered {
        label: String,
        expected: String,
        found: String,
    },

    /// A row of the file that this version cannot read as it stands (an unknown code, a
    /// value of the wrong kind): named by its table and row id, never read as a default.
    #[error("the report file's {table} row {row} cannot be read: {reason}")]
    BadRow {
        table: &'static str,
        row: i64,
        reason: String,
    },

    #[error("no period labelled {0:?}")]
    UnknownPeriod(String),

    #[error("JSON document: {0}")]
    Json(String),

    #[error("JSON document: unsupported format {found:?} (this version reads {supported})")]
    UnsupportedFormat { found: String, supported: String },

    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    pub(crate) fn parse(line: usize, expected: impl Into<String>, found: &str) -> Self {
        let found = if found.trim().is_empty() {
            "the end of the page".to_string()
        } else {
            let mut shown: String = found.trim().chars().take(60).collect();
            if found.trim().chars().count() > 60 {
                shown.push('…');
            }
            format!("{shown:?}")
        };
        Error::Parse {
            line,
            expected: expected.into(),
            found,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
