//! jalon-desktop: the Tauri shell of Jalon. It holds the open report (a `jalon_app::App`) in one
//! managed state and exposes one command per use case: take the state, call the use case,
//! convert the error. File dialogs sit behind `dialogs::Dialogs` so that tests can answer them.
//!
//! Every command is async: Tauri runs async commands on its worker threads, never on the main
//! thread, so the window keeps painting while a command reads, writes or renders.

mod commands;
mod dialogs;
mod error;
mod instance;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use jalon_app::{App, Files};
use tauri::{AppHandle, Manager, RunEvent, WebviewWindow};

pub use dialogs::{Dialogs, Kind};
pub use error::{CommandError, DesktopError, ErrorCode, Result};

pub struct AppState {
    app: Mutex<App>,
    dialogs: Arc<dyn Dialogs>,
}

impl AppState {
    pub(crate) fn app(&self) -> MutexGuard<'_, App> {
        // A panic while holding the lock cannot leave the report half-changed: every change
        // is one transaction, and the report is re-read after it.
        self.app.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Asks a dialog off the calling thread (native dialogs run on the main thread).
    pub(crate) async fn ask<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn Dialogs) -> Option<T> + Send + 'static,
    ) -> Option<T> {
        let dialogs = Arc::clone(&self.dialogs);
        tauri::async_runtime::spawn_blocking(move || f(dialogs.as_ref()))
            .await
            .ok()
            .flatten()
    }
}

pub(crate) fn set_title(window: &WebviewWindow, path: &Path) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    window.set_title(&format!("{} — Jalon", name.unwrap_or_default()))?;
    Ok(())
}

pub fn run() {
    let context = tauri::generate_context!();
    let dbus_id = instance::dbus_id(
        &context.config().identifier,
        &dirs::config_dir().unwrap_or_default(),
    );
    tauri::Builder::default()
        // First, so that a second launch hands its file over before anything else starts.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(dbus_id)
                .callback(
                    |app, argv, cwd| match instance::handed_file(&argv, Path::new(&cwd)) {
                        Some(path) => instance::hand_over(app, path),
                        None => instance::raise(app),
                    },
                )
                .build(),
        )
        .manage(instance::Handed::default())
        .setup(|app| {
            let dialogs: Arc<dyn Dialogs> = match std::env::var_os("JALON_TEST_DIALOG_ANSWERS") {
                Some(answers) => Arc::new(dialogs::Scripted {
                    answers: answers.into(),
                }),
                None => Arc::new(dialogs::Native {
                    app: app.handle().clone(),
                }),
            };
            let files = Files::load(app.path().app_config_dir()?, app.path().app_data_dir()?);
            let opened = App::start(files, std::env::args_os().nth(1).map(PathBuf::from))?;
            if let Some(window) = app.get_webview_window("main") {
                set_title(&window, &opened.path())?;
            }
            app.manage(AppState {
                app: Mutex::new(opened),
                dialogs,
            });
            Ok(())
        })
        .invoke_handler({
            macro_rules! jalon_command_list {
                ($($name:ident),* $(,)?) => { tauri::generate_handler![$(commands::$name),*] };
            }
            include!("../command-list.rs")
        })
        .build(context)
        .unwrap_or_else(|e| {
            eprintln!("jalon: {e}");
            std::process::exit(1);
        })
        .run(on_event);
}

/// macOS gives a double-clicked file (at a cold start too) as an event, never as an argument.
fn on_event(app: &AppHandle, event: RunEvent) {
    match event {
        #[cfg(any(target_os = "macos", target_os = "ios"))]
        RunEvent::Opened { urls } => {
            for path in urls.into_iter().filter_map(|u| u.to_file_path().ok()) {
                instance::hand_over(app, path);
            }
        }
        _ => {
            let _ = app;
        }
    }
}

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod command_list;
