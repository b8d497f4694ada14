//! The one error type of jalon-core. Each variant carries what a person needs to fix the
//! problem: the file, the line or the field, and what was expected, as typed values. The
//! words are the catalogue's (`i18n/errors.rs`): `Display` gives them in English, for logs and
//! the terminal; `Error::render` in a language. jalon-app turns it into a code with typed
//! parameters (`ErrorData`) for a front that words it itself (the desktop UI).

use std::path::PathBuf;

use serde::Serialize;

use crate::lang::ObjectiveRef;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", self.render(crate::Language::En))]
    NoSuchFile { path: PathBuf },

    #[error("{}", self.render(crate::Language::En))]
    AlreadyExists { path: PathBuf },

    /// Another program holds the file and the system refuses to share it (Windows' sharing
    /// and lock violations: a report open in a second Jalon, a backup tool, an antivirus).
    #[error("{}", self.render(crate::Language::En))]
    InUse { path: PathBuf },

    #[error("{}", self.render(crate::Language::En))]
    NotAReport { path: PathBuf, reason: NotReport },

    /// The file's schema is not exactly Jalon's for its version: it holds SQL of its own
    /// (or lacks some of Jalon's), which is never run.
    #[error("{}", self.render(crate::Language::En))]
    ForeignSchema {
        path: PathBuf,
        objects: Vec<SchemaDifference>,
    },

    #[error("{}", self.render(crate::Language::En))]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// A value a person typed or a file carried is not acceptable; `field` names it.
    #[error("{}", self.render(crate::Language::En))]
    Invalid { field: String, reason: Invalid },

    /// The change would break a rule of the report's structure (duplicate numbers and such).
    #[error("{}", self.render(crate::Language::En))]
    Conflict(Conflict),

    #[error("{}", self.render(crate::Language::En))]
    UnknownId { kind: &'static str, id: i64 },

    /// A published page that cannot be read: `line` is 1-based; `found` is the line's text
    /// (shortened), empty at the end of the page.
    #[error("{}", self.render(crate::Language::En))]
    Parse {
        line: usize,
        expected: Expected,
        found: String,
    },

    /// Another program wrote to the file since the report on screen was read: it has been
    /// read again, and the change asked for was not made.
    #[error("{}", self.render(crate::Language::En))]
    ChangedElsewhere,

    /// A closed period's snapshot is frozen: editing it is refused.
    #[error("{}", self.render(crate::Language::En))]
    ClosedPeriod { label: String },

    /// A closed period's snapshot no longer matches the checksum stored when it was closed.
    #[error("{}", self.render(crate::Language::En))]
    Tampered {
        label: String,
        expected: String,
        found: String,
    },

    /// A row of the file that this version cannot read as it stands (an unknown code, a
    /// value of the wrong kind): named by its table and row id, never read as a default.
    #[error("{}", self.render(crate::Language::En))]
    BadRow {
        table: &'static str,
        row: i64,
        reason: String,
    },

    #[error("{}", self.render(crate::Language::En))]
    UnknownPeriod(String),

    /// A JSON document that cannot be read; the text is the parser's, which has no other
    /// language.
    #[error("{}", self.render(crate::Language::En))]
    Json(String),

    #[error("{}", self.render(crate::Language::En))]
    UnsupportedFormat { found: String, supported: String },

    /// A page that is neither UTF-8, UTF-16 with a byte-order mark nor Windows-1252 text.
    #[error("{}", self.render(crate::Language::En))]
    Encoding,

    /// A page or document above the size Jalon reads, refused before parsing.
    #[error("{}", self.render(crate::Language::En))]
    TooLarge { size: u64, limit: u64 },

    /// An HTML page whose elements nest deeper than Jalon reads, refused before its tree is
    /// built.
    #[error("{}", self.render(crate::Language::En))]
    TooDeep { depth: usize, limit: usize },

    /// An HTML page with more elements than Jalon reads, refused before its tree is built:
    /// each element costs memory, and a page must be read within its budget (200 MB).
    #[error("{}", self.render(crate::Language::En))]
    TooManyElements { count: usize, limit: usize },

    /// An HTML page with more character references (`&amp;`, `&#233;`) than Jalon reads:
    /// decoding each costs time, twice (the page's shape is measured before it is built).
    #[error("{}", self.render(crate::Language::En))]
    TooManyReferences { count: usize, limit: usize },

    /// A page or document with more objective entries than Jalon imports.
    #[error("{}", self.render(crate::Language::En))]
    TooManyObjectives { count: usize, limit: usize },

    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Why a file is not a Jalon report.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotReport {
    NotSqlite,
    OtherProgram,
    /// SQLite's own words on what is damaged.
    Damaged {
        detail: String,
    },
}

/// Why a value is refused.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Invalid {
    Empty,
    NotADate {
        value: String,
    },
    NotADecimal {
        value: String,
    },
    /// A progress that is not a whole percent from 0 to 100.
    Percent {
        value: u32,
    },
    /// A whole number out of `min..=max`.
    OutOfRange {
        min: u32,
        max: u32,
        value: u32,
    },
    NumbersStartAtOne,
    TargetIsBaseline,
    RisingNeedsHigherTarget,
    FallingNeedsLowerTarget,
    PartNotValid {
        index: u32,
        count: u32,
    },
    PartAndPartsTogether,
    /// Closing a period that has no label, or no "as of" date.
    PeriodNeedsLabel,
    PeriodNeedsAsOf,
    SameAsClosing {
        label: String,
    },
    /// A contributor round asked for leads that own no objective: no workbook to write.
    NoSuchLead {
        leads: String,
    },
    /// The open period's label is not a quarter, so the next one cannot be guessed.
    NextNotGuessed {
        open: String,
    },
    AsOfNotAfter {
        date: String,
        label: String,
    },
    PastNotBefore {
        label: String,
        as_of: String,
    },
    /// An id or a checksum that is not `digits` hexadecimal digits (lower case).
    NotHex {
        value: String,
        digits: u32,
    },
    /// The same round or lead given twice.
    Twice {
        value: String,
    },
    /// A change said to come from a workbook that no round of the document has.
    NoSuchWorkbook {
        round: String,
        lead: String,
    },
}

/// Why a change breaks the report's structure.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Conflict {
    /// An axis or action number given twice in a report.
    Twice {
        level: crate::Level,
        number: u32,
    },
    AlreadyExists {
        level: crate::Level,
        number: u32,
    },
    ObjectiveNotSplit {
        number: u32,
    },
    PartTwice {
        number: u32,
        part: u32,
    },
    PartCounts {
        number: u32,
    },
    AlreadyInParts {
        number: u32,
    },
    /// The open period carries a label that a closed period has.
    OpenLabelClosed {
        label: String,
    },
    NextLabelClosed {
        label: String,
    },
    LabelTaken {
        label: String,
    },
    ClosedCannotBeReplaced,
    /// A document's rounds, into a report that has rounds of its own.
    RoundsCannotBeReplaced,
}

/// What a page reader expected at a line.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Expected {
    AxisFirst,
    AxisOrObjective,
    AxisBeforeAction,
    ActionBeforeObjective,
    ProgressAfterAction,
    AxisActionOrObjective,
    AxisTogether {
        axis: u32,
    },
    ActionOnce {
        action: u32,
    },
    ProgressLine,
    OnceInSummary {
        objective: ObjectiveRef,
    },
    OnceInDetail {
        objective: ObjectiveRef,
    },
    ContextOpensDetail {
        objective: ObjectiveRef,
    },
    ObjectiveThenContext,
    Label {
        label: PageLabel,
        objective: ObjectiveRef,
    },
    AxisLine {
        objective: ObjectiveRef,
    },
    ActionLine {
        objective: ObjectiveRef,
    },
    /// A status after the objective line (summary) or after STATUS (detail).
    Status {
        objective: ObjectiveRef,
        labelled: bool,
    },
    ProgressOf {
        objective: ObjectiveRef,
    },
    ProgressRange,
    WholePercentage,
}

/// The labels of a detail entry, in the order a page gives them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageLabel {
    Context,
    Axe,
    Action,
    Status,
    Achievement,
}

impl Error {
    pub fn invalid(field: impl Into<String>, reason: Invalid) -> Self {
        Error::Invalid {
            field: field.into(),
            reason,
        }
    }

    pub fn parse(line: usize, expected: Expected, found: &str) -> Self {
        let trimmed = found.trim();
        let mut shown: String = trimmed.chars().take(60).collect();
        if trimmed.chars().count() > 60 {
            shown.push('…');
        }
        Error::Parse {
            line,
            expected,
            found: shown,
        }
    }
}

/// How a file's schema object differs from Jalon's.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchemaDifference {
    pub kind: DifferenceKind,
    /// "table", "index", "trigger" or "view".
    pub object: String,
    pub name: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// In the file, not in Jalon's schema.
    Extra,
    /// In Jalon's schema, not in the file.
    Missing,
    /// In both, with other SQL.
    Changed,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
