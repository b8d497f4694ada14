//! `import-page` and `import-json`: a page merged in (or kept as an earlier, closed period),
//! a JSON document in place of the report.

use std::path::PathBuf;

use jalon_app::{ImportKind, import_into};
use jalon_core::Language;
use jalon_store::import::ImportOutcome;

use crate::CliError;

#[derive(clap::Args)]
pub struct PageArgs {
    page: PathBuf,
    #[arg(long)]
    pub(super) db: PathBuf,
    /// Keep the page as this past, closed period (2025-Q4) instead of merging it.
    #[arg(long, requires = "as_of")]
    period: Option<String>,
    /// The past period's "as of" date, YYYY-MM-DD.
    #[arg(long, requires = "period")]
    as_of: Option<String>,
}

impl PageArgs {
    pub fn run(self) -> Result<(), CliError> {
        let (Some(label), Some(as_of)) = (self.period, self.as_of) else {
            let (out, lang) = import_into(&self.db, ImportKind::Page, &self.page)?;
            merged(&out, lang, &self.db);
            return Ok(());
        };
        // An earlier edition needs the report it belongs to: nothing is created for it.
        let mut app = super::open(&self.db)?;
        let kind = ImportKind::PastPage {
            label: label.clone(),
            as_of,
        };
        let out = app.import(kind, &self.page)?.outcome;
        warnings(&out, app.language());
        eprintln!(
            "kept {} objective entries as closed period {label}",
            out.objectives
        );
        Ok(())
    }
}

#[derive(clap::Args)]
pub struct JsonArgs {
    file: PathBuf,
    #[arg(long)]
    pub(super) db: PathBuf,
}

impl JsonArgs {
    pub fn run(self) -> Result<(), CliError> {
        let (out, lang) = import_into(&self.db, ImportKind::Json, &self.file)?;
        merged(&out, lang, &self.db);
        Ok(())
    }
}

/// Warnings in the report's language.
fn warnings(out: &ImportOutcome, lang: Language) {
    for w in &out.warnings {
        eprintln!("warning: {}", w.render(lang));
    }
}

fn merged(out: &ImportOutcome, lang: Language, db: &std::path::Path) {
    warnings(out, lang);
    eprintln!(
        "imported {} objective entries into {}",
        out.objectives,
        db.display()
    );
}
