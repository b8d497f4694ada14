//! What the screen shows after a use case: the whole view after a change of structure, of file
//! or of period, and only the figures after an objective's save (the hot path).

use std::path::Path;

use jalon_core::{Deltas, Figures, Period, Report, Warning};
use serde::Serialize;

use crate::App;

/// Everything the UI shows after a change of structure or of file.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct View {
    pub file: FileInfo,
    /// The report on screen: the open period's, or a closed period's frozen snapshot.
    pub report: Report,
    pub figures: Figures,
    pub warnings: Vec<Warning>,
    /// Every period, oldest first; the open one last.
    pub periods: Vec<Period>,
    /// The closed period on screen (read-only), or None for the open one.
    pub viewing: Option<Period>,
    /// Points moved since the period before the one on screen.
    pub deltas: Option<Deltas>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub recent: Vec<String>,
    /// Something the person should know about the start (a last report that could not open,
    /// a closed period that fails its checksum).
    pub notice: Option<crate::ErrorData>,
    /// The report was made by an older Jalon and updated on opening; the original is kept.
    pub migrated: Option<jalon_store::Migrated>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct FileInfo {
    pub path: String,
    pub name: String,
}

/// What an objective save returns: the figures it changed, not the whole report.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct Saved {
    pub figures: Figures,
    pub warnings: Vec<Warning>,
    pub deltas: Option<Deltas>,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl App {
    /// The whole view of the report on screen.
    pub fn view(&mut self) -> View {
        let migrated = if self.migration_told {
            None
        } else {
            self.migration_told = true;
            self.session.store().migrated().cloned()
        };
        let s = &self.session;
        let path = self.path();
        let (figures, warnings, deltas) = s.figures_and_warnings();
        // A closed snapshot that fails its checksum is said at every view, not only once.
        let notice = self
            .notice
            .take()
            .or_else(|| s.integrity().map(crate::error_data::store_data));
        View {
            file: file_info(&path),
            report: s.shown().clone(),
            figures,
            warnings,
            periods: s.store().periods().unwrap_or_default(),
            viewing: s.viewing().cloned(),
            deltas,
            can_undo: s.can_undo(),
            can_redo: s.can_redo(),
            recent: self.files.as_ref().map(|f| f.recent()).unwrap_or_default(),
            notice,
            migrated,
        }
    }

    /// The figures after a save, from one roll-up.
    pub(crate) fn saved(&self) -> Saved {
        let s = &self.session;
        let (figures, warnings, deltas) = s.figures_and_warnings();
        Saved {
            figures,
            warnings,
            deltas,
            can_undo: s.can_undo(),
            can_redo: s.can_redo(),
        }
    }
}

fn file_info(path: &Path) -> FileInfo {
    FileInfo {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: crate::paths::shown(path),
    }
}
