//! One Jalon per data folder. A second launch (a `.jalon` file double-clicked, `jalon r.jalon`
//! in a terminal) hands its file to the window that is already open and exits; on macOS the
//! system delivers a double-clicked file as an event instead of an argument. Either way the
//! file joins `Handed`, and the UI is told to take it: it opens it as Open… would, asking first
//! when an edit is under way. A queue rather than an event alone, because at a cold start the
//! file may arrive before the UI listens.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event that tells the UI a file is waiting in `Handed`.
pub const FILE_HANDED: &str = "jalon://file-handed";

/// Files handed to this instance and not yet taken by the UI, oldest first.
#[derive(Default)]
pub struct Handed(Mutex<Vec<PathBuf>>);

impl Handed {
    pub fn push(&self, path: PathBuf) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(path);
    }

    /// The newest handed file, the others dropped: when several arrive at once (a selection
    /// opened together) only one report can be open, and the last one asked for wins.
    pub fn take(&self) -> Option<PathBuf> {
        let mut files = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let newest = files.pop();
        files.clear();
        newest
    }
}

/// The D-Bus name that makes an instance single (Linux): the app's identifier and the data
/// folder, so that two people, or tests with folders of their own, each get their own Jalon.
/// D-Bus name elements are letters, digits and `_`, and may not start with a digit.
pub fn dbus_id(identifier: &str, config_dir: &Path) -> String {
    let digest = Sha256::digest(config_dir.as_os_str().as_encoded_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{identifier}.d{hex}")
}

/// The report a second launch asks for: its first argument that is not an option, resolved
/// against the second launch's own working directory (the running app's may differ).
pub fn handed_file(argv: &[String], cwd: &Path) -> Option<PathBuf> {
    let arg = argv.iter().skip(1).find(|a| !a.starts_with('-'))?;
    let path = Path::new(arg);
    Some(if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    })
}

/// Queues a file for the UI, tells it, and brings the window to the front.
pub fn hand_over<R: Runtime>(app: &AppHandle<R>, path: PathBuf) {
    if let Some(handed) = app.try_state::<Handed>() {
        handed.push(path);
    }
    // The UI may not listen yet (a cold start): it takes the queue once it has loaded.
    let _ = app.emit(FILE_HANDED, ());
    raise(app);
}

pub fn raise<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_relative_file_is_found_from_the_second_launch_s_folder() {
        let cwd = Path::new("/home/ana/Documents");
        assert_eq!(
            handed_file(&args(&["jalon", "q3.jalon"]), cwd),
            Some(PathBuf::from("/home/ana/Documents/q3.jalon"))
        );
        assert_eq!(
            handed_file(&args(&["/usr/bin/jalon", "/srv/share/q3.jalon"]), cwd),
            Some(PathBuf::from("/srv/share/q3.jalon"))
        );
        assert_eq!(
            handed_file(&args(&["jalon", "--flag", "a.jalon"]), cwd),
            Some(PathBuf::from("/home/ana/Documents/a.jalon")),
            "options are not files"
        );
        assert_eq!(handed_file(&args(&["jalon"]), cwd), None, "a bare launch");
    }

    #[test]
    fn each_data_folder_has_its_own_instance_name() {
        let a = dbus_id("org.jalon.desktop", Path::new("/home/ana/.config"));
        let b = dbus_id("org.jalon.desktop", Path::new("/home/bo/.config"));
        assert_ne!(a, b);
        assert_eq!(
            a,
            dbus_id("org.jalon.desktop", Path::new("/home/ana/.config"))
        );
        // What D-Bus accepts as a well-known name: elements of [A-Za-z0-9_-], none starting
        // with a digit.
        for element in a.split('.') {
            assert!(!element.is_empty() && !element.starts_with(|c: char| c.is_ascii_digit()));
            assert!(
                element
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            );
        }
    }

    #[test]
    fn the_last_file_handed_wins_and_the_queue_empties() {
        let handed = Handed::default();
        assert_eq!(handed.take(), None);
        handed.push("a.jalon".into());
        handed.push("b.jalon".into());
        assert_eq!(handed.take(), Some(PathBuf::from("b.jalon")));
        assert_eq!(handed.take(), None);
    }
}
