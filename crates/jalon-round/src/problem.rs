//! Why a returned workbook is refused: typed here, worded in `words.rs`, mapped by jalon-app
//! into what the fronts receive.

use serde::Serialize;

/// Why a returned round workbook is refused. A cell is named as a spreadsheet names it
/// (`Objectives!K12`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkbookProblem {
    TooLarge {
        size: u64,
        limit: u64,
    },
    Expands {
        size: u64,
        limit: u64,
    },
    /// Encrypted with a password to open: an OLE compound file around the workbook.
    Encrypted,
    /// Damaged, or not a workbook.
    Unreadable {
        detail: String,
    },
    NotARoundWorkbook,
    MissingSheet {
        sheet: String,
    },
    /// The hidden data sheet was changed.
    Damaged {
        cell: String,
    },
    Formula {
        cell: String,
    },
    UnknownStatus {
        cell: String,
        found: String,
    },
    BadProgress {
        cell: String,
        found: String,
    },
    RowAdded {
        cell: String,
    },
    /// The hidden id of a row names no objective of the report: changed by hand, or the
    /// objective was deleted since the round started.
    UnknownObjective {
        cell: String,
    },
    OtherReport,
    OtherRound,
    /// The file or the report changed between the review and the decisions.
    Stale,
}
