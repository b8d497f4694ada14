//! What the fronts receive of an error: a code with typed parameters, which the desktop UI
//! words in the person's language. Each crate types its own errors; here they are gathered
//! into one shape for the UI (generated TypeScript bindings).

use jalon_core::Error;
use jalon_core::error::{Conflict, Expected, Invalid, NotReport, SchemaDifference};
use jalon_round::WorkbookProblem;
use serde::Serialize;

/// An error as a code with typed parameters: the core's, the store's, and those the use
/// cases, the charts, the deck and the round add (`detail` texts come from SQLite, the JSON
/// parser or the system, which have no other language).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ErrorData {
    NoSuchFile {
        path: String,
    },
    AlreadyExists {
        path: String,
    },
    InUse {
        path: String,
    },
    NotAReport {
        path: String,
        reason: NotReport,
    },
    ForeignSchema {
        path: String,
        objects: Vec<SchemaDifference>,
    },
    NewerSchema {
        path: String,
        found: i64,
        supported: i64,
    },
    Encoding,
    ChangedElsewhere,
    TooLarge {
        size: u64,
        limit: u64,
    },
    TooDeep {
        depth: usize,
        limit: usize,
    },
    TooManyElements {
        count: usize,
        limit: usize,
    },
    TooManyObjectives {
        count: usize,
        limit: usize,
    },
    TooManyReferences {
        count: usize,
        limit: usize,
    },
    Invalid {
        field: String,
        reason: Invalid,
    },
    Conflict {
        conflict: Conflict,
    },
    UnknownId {
        kind: String,
        id: i64,
    },
    Parse {
        line: usize,
        expected: Expected,
        found: String,
    },
    ClosedPeriod {
        label: String,
    },
    Tampered {
        label: String,
    },
    BadRow {
        table: String,
        row: i64,
        reason: String,
    },
    UnknownPeriod {
        label: String,
    },
    Json {
        detail: String,
    },
    UnsupportedFormat {
        found: String,
        supported: String,
    },
    Database {
        detail: String,
    },
    Io {
        detail: String,
    },
    /// A file a use case could not read or write.
    Read {
        path: String,
        detail: String,
    },
    Write {
        path: String,
        detail: String,
    },
    NothingToCompare,
    NoSuchAxis {
        number: u32,
    },
    NoSuchAction {
        number: u32,
    },
    UnknownChart {
        stem: String,
    },
    ChartSize {
        width: u32,
        height: u32,
    },
    Chart {
        detail: String,
    },
    /// A round workbook refused, with why; nothing of it was applied.
    Workbook {
        file: String,
        problem: WorkbookProblem,
    },
}

/// The core's error as data.
pub(crate) fn core_data(e: &Error) -> ErrorData {
    let path = crate::paths::shown;
    match e {
        Error::NoSuchFile { path: p } => ErrorData::NoSuchFile { path: path(p) },
        Error::AlreadyExists { path: p } => ErrorData::AlreadyExists { path: path(p) },
        Error::InUse { path: p } => ErrorData::InUse { path: path(p) },
        Error::NotAReport { path: p, reason } => ErrorData::NotAReport {
            path: path(p),
            reason: reason.clone(),
        },
        Error::ForeignSchema { path: p, objects } => ErrorData::ForeignSchema {
            path: path(p),
            objects: objects.clone(),
        },
        Error::NewerSchema {
            path: p,
            found,
            supported,
        } => ErrorData::NewerSchema {
            path: path(p),
            found: *found,
            supported: *supported,
        },
        Error::Invalid { field, reason } => ErrorData::Invalid {
            field: field.clone(),
            reason: reason.clone(),
        },
        Error::Conflict(x) => ErrorData::Conflict {
            conflict: x.clone(),
        },
        Error::UnknownId { kind, id } => ErrorData::UnknownId {
            kind: kind.to_string(),
            id: *id,
        },
        Error::Parse {
            line,
            expected,
            found,
        } => ErrorData::Parse {
            line: *line,
            expected: expected.clone(),
            found: found.clone(),
        },
        Error::ClosedPeriod { label } => ErrorData::ClosedPeriod {
            label: label.clone(),
        },
        Error::Tampered { label, .. } => ErrorData::Tampered {
            label: label.clone(),
        },
        Error::BadRow { table, row, reason } => ErrorData::BadRow {
            table: table.to_string(),
            row: *row,
            reason: reason.clone(),
        },
        Error::UnknownPeriod(label) => ErrorData::UnknownPeriod {
            label: label.clone(),
        },
        Error::Json(detail) => ErrorData::Json {
            detail: detail.clone(),
        },
        Error::UnsupportedFormat { found, supported } => ErrorData::UnsupportedFormat {
            found: found.clone(),
            supported: supported.clone(),
        },
        Error::Encoding => ErrorData::Encoding,
        Error::ChangedElsewhere => ErrorData::ChangedElsewhere,
        Error::TooLarge { size, limit } => ErrorData::TooLarge {
            size: *size,
            limit: *limit,
        },
        Error::TooDeep { depth, limit } => ErrorData::TooDeep {
            depth: *depth,
            limit: *limit,
        },
        Error::TooManyElements { count, limit } => ErrorData::TooManyElements {
            count: *count,
            limit: *limit,
        },
        Error::TooManyObjectives { count, limit } => ErrorData::TooManyObjectives {
            count: *count,
            limit: *limit,
        },
        Error::TooManyReferences { count, limit } => ErrorData::TooManyReferences {
            count: *count,
            limit: *limit,
        },
        Error::Io(e) => ErrorData::Io {
            detail: e.to_string(),
        },
    }
}

/// The store's error as data: SQLite's and a migration's words have no other language.
pub(crate) fn store_data(e: &jalon_store::Error) -> ErrorData {
    match e {
        jalon_store::Error::Core(e) => core_data(e),
        jalon_store::Error::Sqlite(e) => ErrorData::Database {
            detail: e.to_string(),
        },
        jalon_store::Error::Migration(e) => ErrorData::Database {
            detail: e.to_string(),
        },
    }
}
