//! Reports in and out: a published page merged in, a JSON document in place of the report, an
//! earlier page edition kept as a closed period, and the JSON document written out. Each import
//! is one undoable edit; a refused one leaves the file byte for byte as it was.

use std::path::Path;

use jalon_store::import::{self, ImportOutcome};
use serde::Serialize;

use crate::{App, AppError, Result, View};

/// What a file holds and how it enters the report.
#[derive(Debug, Clone)]
pub enum ImportKind {
    /// A published dashboard page, merged into the report.
    Page,
    /// A Jalon JSON document, which replaces the report.
    Json,
    /// An earlier edition of a published page, kept as the closed period `label`.
    PastPage { label: String, as_of: String },
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct Imported {
    pub view: View,
    pub outcome: ImportOutcome,
}

impl App {
    /// Reads the file first, so that an unreadable one touches nothing, then imports it as
    /// one undoable edit.
    pub fn import(&mut self, kind: ImportKind, path: &Path) -> Result<Imported> {
        let text = read_input(&kind, path)?;
        self.import_text(kind, &text)
    }

    /// Imports a page or a document already read, as one undoable edit.
    pub fn import_text(&mut self, kind: ImportKind, text: &str) -> Result<Imported> {
        let outcome = self.session.edit(|store| match &kind {
            ImportKind::Page => import::import_page(store, text),
            ImportKind::Json => import::import_json(store, text),
            ImportKind::PastPage { label, as_of } => {
                import::import_page_as_period(store, text, label, as_of)
            }
        })?;
        Ok(Imported {
            view: self.view(),
            outcome,
        })
    }

    /// Writes the whole report, its closed periods and its history as a JSON document.
    pub fn export_json(&self, path: &Path) -> Result<()> {
        let json = self.session.store().export_json()?;
        std::fs::write(path, json).map_err(AppError::write(path))
    }
}

/// The CLI's import into a report that may not exist yet: a report created for the import
/// does not outlive its failure.
/// Returns what was imported and the report's language, in which to tell it.
pub fn import_into(
    db: &Path,
    kind: ImportKind,
    input: &Path,
) -> Result<(ImportOutcome, jalon_core::Language)> {
    // Reading first: an unreadable input creates nothing.
    let text = read_input(&kind, input)?;
    let created = !db.exists();
    let outcome = App::open_or_create(db).and_then(|mut app| {
        let imported = app.import_text(kind, &text)?;
        Ok((imported.outcome, app.language()))
    });
    match outcome {
        Ok(o) => Ok(o),
        Err(e) => {
            if created {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = db.as_os_str().to_owned();
                    p.push(suffix);
                    let _ = std::fs::remove_file(std::path::PathBuf::from(p));
                }
            }
            Err(e)
        }
    }
}

/// An input file as text: its size checked before it is read, a page decoded from whatever
/// encoding it came in, a JSON document as UTF-8 (RFC 8259).
fn read_input(kind: &ImportKind, path: &Path) -> Result<String> {
    let len = std::fs::metadata(path).map_err(AppError::read(path))?.len();
    jalon_page::check_size(usize::try_from(len).unwrap_or(usize::MAX))?;
    let bytes = std::fs::read(path).map_err(AppError::read(path))?;
    Ok(match kind {
        ImportKind::Json => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            String::from_utf8(body.to_vec()).map_err(|_| jalon_core::Error::Encoding)?
        }
        ImportKind::Page | ImportKind::PastPage { .. } => jalon_page::decode(&bytes)?,
    })
}
