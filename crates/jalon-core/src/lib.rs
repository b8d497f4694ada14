//! jalon-core: the domain of Jalon, a desktop tool in which the officers who run a public
//! strategy keep its progress report.
//!
//! It holds the model (strategy, axes, actions, objectives), the exact roll-up of progress and
//! its traces, the consistency checks, periods and their comparison, the JSON exchange
//! document, and the shared typography and catalogues of words (errors, warnings, history,
//! summaries, traces).
//!
//! It is not the file: the SQLite store and the imports that write into it are jalon-store's,
//! the reader of published pages is jalon-page's, and each output (charts, deck, page, round
//! workbooks) words itself in its own crate. It is frontend-agnostic: it knows nothing of
//! Tauri, of the web UI or of the terminal.

pub mod checks;
pub mod error;
pub mod exact;
pub mod exchange;
pub mod explain;
pub mod files;
pub mod history;
pub mod i18n;
pub mod lang;
pub mod limits;
pub mod model;
pub mod period;
pub mod rollup;
pub mod schedule;
pub mod summary;
pub mod synthetic;
pub mod xml;

pub use checks::{CheckCode, Disagreement, Finding, Warning, check};
pub use error::{Conflict, Error, Expected, Invalid, NotReport, PageLabel, Result};
pub use explain::{Trace, TraceTerm, trace};
pub use history::{Change, FieldEdit, HistoryEntry, HistoryPage};
pub use i18n::Level;
pub use model::{
    Action, Axis, Direction, Indicator, Language, Objective, ObjectiveFields, ObjectiveRef, Part,
    Report, RollupMethod, Status, Strategy,
};
pub use period::{Comparison, Deltas, Period, PeriodState};
pub use rollup::{Rollup, Subject, rollup};
pub use summary::{Figures, Summary, figures, summarize};
