//! jalon-desktop: the Tauri shell of Jalon. It holds the open report in one managed state and
//! exposes thin commands over jalon-core: take the state, call one core function, convert the
//! error. File dialogs sit behind `dialogs::Dialogs` so that tests can answer them.

mod charts;
mod dialogs;
mod error;
mod files;
mod periods;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use jalon_core::import::{self, ImportOutcome};
use jalon_core::{
    Deltas, Figures, ObjectiveFields, Period, Report, Session, Store, Strategy, Subject, Trace,
    Warning,
};
use serde::Serialize;
use tauri::{Manager, State, WebviewWindow};

pub use dialogs::{Dialogs, Kind};
pub use error::{CommandError, DesktopError, ErrorCode, Result};

/// Everything the UI shows after a change of structure or of file.
#[derive(Debug, Serialize, ts_rs::TS)]
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
    /// Something the person should know about the start (a last report that could not open).
    pub notice: Option<String>,
}

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct FileInfo {
    pub path: String,
    pub name: String,
}

/// What an objective save returns: the figures it changed, not the whole report.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct Saved {
    pub figures: Figures,
    pub warnings: Vec<Warning>,
    pub deltas: Option<Deltas>,
    pub can_undo: bool,
    pub can_redo: bool,
}

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct Imported {
    pub view: View,
    pub outcome: ImportOutcome,
}

pub struct AppState {
    session: Mutex<Session>,
    files: Mutex<files::Files>,
    dialogs: Arc<dyn Dialogs>,
    notice: Mutex<Option<String>>,
}

impl AppState {
    pub(crate) fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while holding the lock cannot leave the session half-changed: every change
        // is one transaction, and the report is re-read after it.
        self.session.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn view(&self, session: &Session) -> View {
        let path = session
            .store()
            .path()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let (figures, warnings, deltas) = session.figures_and_warnings();
        // A closed snapshot that fails its checksum is said at every view, not only once.
        let notice = self
            .notice
            .lock()
            .ok()
            .and_then(|mut n| n.take())
            .or_else(|| session.integrity().map(str::to_string));
        View {
            file: FileInfo {
                name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                path: path.display().to_string(),
            },
            report: session.shown().clone(),
            figures,
            warnings,
            periods: session.store().periods().unwrap_or_default(),
            viewing: session.viewing().cloned(),
            deltas,
            can_undo: session.can_undo(),
            can_redo: session.can_redo(),
            recent: self.files.lock().map(|f| f.recent()).unwrap_or_default(),
            notice,
        }
    }

    /// Runs a change of structure and returns the new view.
    fn edit<T>(&self, change: impl FnOnce(&mut Store) -> jalon_core::Result<T>) -> Result<View> {
        let mut s = self.session();
        s.edit(change)?;
        Ok(self.view(&s))
    }

    /// Opens another report; on failure the current one stays open.
    fn open_path(&self, window: &WebviewWindow, path: &Path) -> Result<View> {
        let session = Session::new(Store::open(path)?)?;
        *self.session() = session;
        if let Ok(mut f) = self.files.lock() {
            f.touch(path)?;
        }
        set_title(window, path)?;
        Ok(self.view(&self.session()))
    }

    /// Asks for a file and imports it as one undoable edit.
    pub(crate) async fn import(
        &self,
        title: String,
        kind: Kind,
        run: impl FnOnce(&mut Store, &str) -> jalon_core::Result<ImportOutcome>,
    ) -> Result<Option<Imported>> {
        let Some(path) = self.ask(move |d| d.open(&title, kind)).await else {
            return Ok(None);
        };
        let text = std::fs::read_to_string(&path)?;
        let mut s = self.session();
        let outcome = s.edit(|store| run(store, &text))?;
        Ok(Some(Imported {
            view: self.view(&s),
            outcome,
        }))
    }

    pub(crate) async fn ask(
        &self,
        f: impl FnOnce(&dyn Dialogs) -> Option<PathBuf> + Send + 'static,
    ) -> Option<PathBuf> {
        let dialogs = Arc::clone(&self.dialogs);
        tauri::async_runtime::spawn_blocking(move || f(dialogs.as_ref()))
            .await
            .ok()
            .flatten()
    }
}

fn set_title(window: &WebviewWindow, path: &Path) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    window.set_title(&format!("{} — Jalon", name.unwrap_or_default()))?;
    Ok(())
}

// ---- commands: each takes the state, calls one core function, converts the error ---------

#[tauri::command]
fn load(state: State<AppState>) -> View {
    state.view(&state.session())
}

#[tauri::command]
fn update_objective(state: State<AppState>, id: i64, fields: ObjectiveFields) -> Result<Saved> {
    let mut s = state.session();
    s.update_objective(id, &fields)?;
    let (figures, warnings, deltas) = s.figures_and_warnings();
    Ok(Saved {
        figures,
        warnings,
        deltas,
        can_undo: s.can_undo(),
        can_redo: s.can_redo(),
    })
}

#[tauri::command]
fn update_strategy(state: State<AppState>, strategy: Strategy) -> Result<View> {
    state.edit(|s| s.update_strategy(&strategy))
}

#[tauri::command]
fn add_axis(state: State<AppState>, title: String) -> Result<View> {
    state.edit(|s| s.add_axis(None, &title))
}

#[tauri::command]
fn rename_axis(state: State<AppState>, id: i64, number: u32, title: String) -> Result<View> {
    state.edit(|s| s.update_axis(id, number, &title))
}

#[tauri::command]
fn delete_axis(state: State<AppState>, id: i64) -> Result<View> {
    state.edit(|s| s.delete_axis(id))
}

#[tauri::command]
fn move_axis(state: State<AppState>, id: i64, index: usize) -> Result<View> {
    state.edit(|s| s.move_axis(id, index))
}

#[tauri::command]
fn add_action(state: State<AppState>, axis_id: i64, title: String) -> Result<View> {
    state.edit(|s| s.add_action(axis_id, None, &title))
}

#[tauri::command]
fn rename_action(state: State<AppState>, id: i64, number: u32, title: String) -> Result<View> {
    state.edit(|s| s.update_action(id, number, &title))
}

#[tauri::command]
fn delete_action(state: State<AppState>, id: i64) -> Result<View> {
    state.edit(|s| s.delete_action(id))
}

#[tauri::command]
fn move_action(state: State<AppState>, id: i64, axis_id: i64, index: usize) -> Result<View> {
    state.edit(|s| s.move_action(id, axis_id, index))
}

#[tauri::command]
fn add_objective(state: State<AppState>, action_id: i64, title: String) -> Result<View> {
    let fields = ObjectiveFields {
        title,
        ..ObjectiveFields::default()
    };
    state.edit(|s| s.add_objective(action_id, None, None, &fields))
}

#[tauri::command]
fn delete_objective(state: State<AppState>, id: i64) -> Result<View> {
    state.edit(|s| s.delete_objective(id))
}

#[tauri::command]
fn move_objective(state: State<AppState>, id: i64, action_id: i64, index: usize) -> Result<View> {
    state.edit(|s| s.move_objective(id, action_id, index))
}

#[tauri::command]
fn split_objective(state: State<AppState>, id: i64, parts: u32) -> Result<View> {
    state.edit(|s| s.split_objective(id, parts))
}

#[tauri::command]
fn trace(state: State<AppState>, subject: Subject) -> Option<Trace> {
    jalon_core::trace(state.session().report(), subject)
}

#[tauri::command]
fn undo(state: State<AppState>) -> Result<View> {
    let mut s = state.session();
    s.undo()?;
    Ok(state.view(&s))
}

#[tauri::command]
fn redo(state: State<AppState>) -> Result<View> {
    let mut s = state.session();
    s.redo()?;
    Ok(state.view(&s))
}

#[tauri::command]
async fn new_report(
    state: State<'_, AppState>,
    window: WebviewWindow,
    title: String,
) -> Result<Option<View>> {
    let Some(path) = state
        .ask(move |d| d.save(&title, Kind::Report, "Report.jalon"))
        .await
    else {
        return Ok(None);
    };
    drop(Store::create(&path)?);
    state.open_path(&window, &path).map(Some)
}

#[tauri::command]
async fn open_report(
    state: State<'_, AppState>,
    window: WebviewWindow,
    title: String,
) -> Result<Option<View>> {
    let Some(path) = state.ask(move |d| d.open(&title, Kind::Report)).await else {
        return Ok(None);
    };
    state.open_path(&window, &path).map(Some)
}

#[tauri::command]
fn open_recent(state: State<AppState>, window: WebviewWindow, path: String) -> Result<View> {
    state.open_path(&window, Path::new(&path))
}

#[tauri::command]
async fn save_copy_as(state: State<'_, AppState>, title: String) -> Result<Option<String>> {
    let Some(path) = state
        .ask(move |d| d.save(&title, Kind::Report, "Copy.jalon"))
        .await
    else {
        return Ok(None);
    };
    state.session().store().save_copy(&path)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
async fn import_page(state: State<'_, AppState>, title: String) -> Result<Option<Imported>> {
    state.import(title, Kind::Page, import::import_page).await
}

#[tauri::command]
async fn import_json(state: State<'_, AppState>, title: String) -> Result<Option<Imported>> {
    state.import(title, Kind::Json, import::import_json).await
}

#[tauri::command]
async fn export_json(state: State<'_, AppState>, title: String) -> Result<Option<String>> {
    let Some(path) = state
        .ask(move |d| d.save(&title, Kind::Json, "report.json"))
        .await
    else {
        return Ok(None);
    };
    let json = jalon_core::exchange::export(state.session().store())?;
    std::fs::write(&path, json)?;
    Ok(Some(path.display().to_string()))
}

/// Opens the report given on the command line, else the last one used, else the demo. A
/// report that cannot open is reported in the first view, and the demo opens instead.
fn startup(files: &files::Files) -> Result<(Session, PathBuf, Option<String>)> {
    let mut notice = None;
    let wanted: Vec<PathBuf> = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .into_iter()
        .chain(files.startup_candidates())
        .collect();
    for path in wanted {
        match Store::open(&path).and_then(Session::new) {
            Ok(s) => return Ok((s, path, None)),
            Err(e) => {
                notice.get_or_insert(e.to_string());
            }
        }
    }
    let demo = files.demo()?;
    Ok((Session::new(Store::open(&demo)?)?, demo, notice))
}

pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let dialogs: Arc<dyn Dialogs> = match std::env::var_os("JALON_TEST_DIALOG_ANSWERS") {
                Some(answers) => Arc::new(dialogs::Scripted {
                    answers: answers.into(),
                }),
                None => Arc::new(dialogs::Native {
                    app: app.handle().clone(),
                }),
            };
            let mut files =
                files::Files::load(app.path().app_config_dir()?, app.path().app_data_dir()?);
            let (session, path, notice) = startup(&files)?;
            files.touch(&path)?;
            if let Some(window) = app.get_webview_window("main") {
                set_title(&window, &path)?;
            }
            app.manage(AppState {
                session: Mutex::new(session),
                files: Mutex::new(files),
                dialogs,
                notice: Mutex::new(notice),
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            load,
            update_objective,
            update_strategy,
            add_axis,
            rename_axis,
            delete_axis,
            move_axis,
            add_action,
            rename_action,
            delete_action,
            move_action,
            add_objective,
            delete_objective,
            move_objective,
            split_objective,
            trace,
            undo,
            redo,
            new_report,
            open_report,
            open_recent,
            save_copy_as,
            import_page,
            import_json,
            export_json,
            charts::chart_previews,
            charts::export_chart,
            charts::export_charts,
            periods::view_period,
            periods::close_checks,
            periods::close_period,
            periods::compare_periods,
            periods::objective_history,
            periods::period_history,
            periods::import_past_page,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("jalon: {e}");
            std::process::exit(1);
        });
}

#[cfg(test)]
mod bindings;
