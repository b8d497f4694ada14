//! jalon-app: the use cases of Jalon, one typed function each, which both fronts call: the
//! desktop shell wraps each in a one-line Tauri command, the CLI in one subcommand.
//!
//! An [`App`] is an open report as a person works on it: the core's `Session` (the store, the
//! period on screen, undo and redo), and for the desktop the recent files and a start notice.
//! Each use case takes plain values and returns what the screen or the terminal shows next.
//!
//! It is not a front end: nothing here knows Tauri, the web UI, the terminal or a dialog. It
//! holds no domain rule either: those live in jalon-core and jalon-charts.

mod charts;
mod deck;
mod edit;
mod error;
mod error_data;
mod exchange;
pub mod files;
mod paths;
mod periods;
mod publish;
mod round;
mod view;

use std::path::{Path, PathBuf};

use jalon_store::{Session, Store};

pub use charts::{
    ChartFormat, ChartPreview, ChartScope, ChartSettings, ChartsExported, chart_file_name,
};
pub use deck::{
    DeckFormat, DeckModel, DeckOptions, DeckPreview, DeckScope, DeckSettings, LayoutChoice,
    RoleLayout, TemplateFile,
};
pub use edit::Details;
pub use error::{AppError, Result};
pub use error_data::ErrorData;
pub use exchange::{ImportKind, Imported, import_into};
pub use files::{About, Files};
pub use periods::{CloseChecks, Closed, HistoryFilter, PeriodChange, PeriodKey};
pub use publish::{CsvProfile, Notice, OutputSettings, Written};
pub use round::{
    ChangeReview, ObjectiveReview, RoundApplied, RoundDecision, RoundStarted, WorkbookReview,
};
pub use view::{FileInfo, Saved, View};

/// An open report and what the person has around it.
pub struct App {
    session: Session,
    /// The desktop's recent reports and demo; None for the CLI, which remembers nothing.
    files: Option<Files>,
    /// Something the person should know about the start (a last report that could not open),
    /// said once, in the first view.
    notice: Option<ErrorData>,
    /// Whether the first view has told of a migration on opening (it is told once).
    migration_told: bool,
}

impl App {
    /// Opens a report file; a file that is not a report, too new or damaged is refused.
    pub fn open(path: &Path) -> Result<App> {
        Ok(App::with(Session::new(Store::open(path)?)?))
    }

    /// Creates a new, empty report file; an existing file is refused.
    pub fn create(path: &Path) -> Result<App> {
        Ok(App::with(Session::new(Store::create(path)?)?))
    }

    /// Opens a report, or creates it when the file does not exist.
    pub fn open_or_create(path: &Path) -> Result<App> {
        Ok(App::with(Session::new(Store::open_or_create(path)?)?))
    }

    fn with(session: Session) -> App {
        App {
            session,
            files: None,
            notice: None,
            migration_told: false,
        }
    }

    /// The desktop start: the report given on the command line, else the last one used, else
    /// the demo. A report that cannot open is said in the first view, and the demo opens.
    pub fn start(mut files: Files, wanted: Option<PathBuf>) -> Result<App> {
        let mut notice = None;
        let candidates: Vec<PathBuf> = wanted
            .into_iter()
            .chain(files.startup_candidates())
            .collect();
        let mut opened = None;
        for path in candidates {
            match App::open(&path) {
                Ok(app) => {
                    opened = Some((app, path));
                    break;
                }
                Err(e) => {
                    notice.get_or_insert(e.data());
                }
            }
        }
        let (mut app, path) = match opened {
            Some(o) => o,
            None => {
                let demo = files.demo()?;
                (App::open(&demo)?, demo)
            }
        };
        files.touch(&path)?;
        app.files = Some(files);
        app.notice = notice;
        Ok(app)
    }

    /// Opens another report in place of this one; on failure this one stays open.
    pub fn switch_to(&mut self, path: &Path) -> Result<View> {
        self.session = Session::new(Store::open(path)?)?;
        self.migration_told = false;
        if let Some(f) = &mut self.files {
            f.touch(path)?;
        }
        Ok(self.view())
    }

    /// A new report file holding a generated report of `objectives` entries (for trying the
    /// app and the benchmarks on a large strategy); an existing file is refused.
    pub fn generate(path: &Path, objectives: usize) -> Result<App> {
        let mut store = Store::create(path)?;
        store.replace(&jalon_core::synthetic::generate(objectives))?;
        Ok(App::with(Session::new(store)?))
    }

    /// Creates a new report and opens it in place of this one.
    pub fn new_report(&mut self, path: &Path) -> Result<View> {
        drop(Store::create(path)?);
        self.switch_to(path)
    }

    /// The file of the open report.
    pub fn path(&self) -> PathBuf {
        self.session
            .store()
            .path()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// What Help → About shows.
    pub fn about(&self) -> About {
        About::new(self.files.as_ref())
    }

    /// The report's language: the CLI's and the outputs' unless asked otherwise.
    pub fn language(&self) -> jalon_core::Language {
        self.session.report().strategy.language
    }

    /// When opening updated a file made by an older Jalon: the schema it had and where the
    /// original is kept.
    pub fn migrated(&self) -> Option<&jalon_store::Migrated> {
        self.session.store().migrated()
    }

    pub fn session(&self) -> &Session {
        &self.session
    }
}
