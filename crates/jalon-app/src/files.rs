//! Where the desktop app keeps its own things: the list of recent reports (in the config folder) and
//! the demo report (in the data folder), copied there on first start so that a new user sees
//! real content at once.

use std::path::{Path, PathBuf};

use jalon_store::{Store, import};

use crate::error::Result;
pub use crate::paths::shown;

/// The demo report, embedded at build time.
const DEMO: &str = include_str!("../../../assets/demo/demo-report.json");
const RECENT_MAX: usize = 10;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Settings {
    #[serde(default)]
    recent: Vec<PathBuf>,
}

/// What Help → About tells: the version (the workspace's, the one source), the licences,
/// and where Jalon keeps its own files.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, serde::Serialize)]
pub struct About {
    pub version: String,
    pub licence: String,
    pub font: String,
    pub font_licence: String,
    /// The font licence's full text, as it ships beside the font.
    pub font_licence_text: String,
    /// Where the demo report is kept; None for the CLI, which keeps nothing.
    pub data_folder: Option<String>,
    /// Where the recent-files list is kept.
    pub settings_folder: Option<String>,
}

impl About {
    pub fn new(files: Option<&Files>) -> About {
        About {
            version: env!("CARGO_PKG_VERSION").to_string(),
            licence: env!("CARGO_PKG_LICENSE").to_string(),
            font: "Liberation Sans".to_string(),
            font_licence: "SIL Open Font License 1.1".to_string(),
            font_licence_text: include_str!("../../../assets/fonts/LICENSE-Liberation.txt")
                .to_string(),
            data_folder: files.map(|f| shown(&f.data_dir)),
            settings_folder: files.and_then(|f| f.settings_path.parent()).map(shown),
        }
    }
}

pub struct Files {
    settings_path: PathBuf,
    data_dir: PathBuf,
    settings: Settings,
}

impl Files {
    /// Reads the settings; missing or unreadable settings start empty rather than stop the app.
    pub fn load(config_dir: PathBuf, data_dir: PathBuf) -> Files {
        let settings_path = config_dir.join("settings.json");
        let settings = std::fs::read_to_string(&settings_path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        Files {
            settings_path,
            data_dir,
            settings,
        }
    }

    pub fn recent(&self) -> Vec<String> {
        self.settings.recent.iter().map(|p| shown(p)).collect()
    }

    /// Puts a report at the head of the recent list and saves the list.
    pub fn touch(&mut self, path: &Path) -> Result<()> {
        let path = dunce::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(RECENT_MAX);
        if let Some(dir) = self.settings_path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string_pretty(&self.settings).unwrap_or_default();
        // Written aside and renamed, so that a crash never leaves half a settings file.
        let tmp = self.settings_path.with_extension("json.tmp");
        std::fs::write(&tmp, text)?;
        std::fs::rename(tmp, &self.settings_path)?;
        Ok(())
    }

    /// The report to open at start: the last one used if it still exists, else the demo.
    pub fn startup_candidates(&self) -> Vec<PathBuf> {
        self.settings
            .recent
            .iter()
            .take(1)
            .filter(|p| p.exists())
            .cloned()
            .collect()
    }

    /// The demo report in the data folder, created from the embedded document if missing.
    pub fn demo(&self) -> Result<PathBuf> {
        let path = self.data_dir.join("Demo report.jalon");
        if !path.exists() {
            std::fs::create_dir_all(&self.data_dir)?;
            let mut store = Store::create(&path)?;
            if let Err(e) = import::import_json(&mut store, DEMO) {
                drop(store);
                let _ = std::fs::remove_file(&path);
                return Err(e.into());
            }
        }
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_created_once_and_recent_files_are_remembered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut files = Files::load(dir.path().join("config"), dir.path().join("data"));
        assert!(files.startup_candidates().is_empty(), "nothing recent yet");
        let demo = files.demo().expect("demo");
        let report = Store::open(&demo).expect("open").report().expect("report");
        assert_eq!(report.axes.len(), 3, "the demo holds its three axes");
        files.touch(&demo).expect("touch");
        let again = Files::load(dir.path().join("config"), dir.path().join("data"));
        assert_eq!(
            again.startup_candidates(),
            vec![demo.canonicalize().expect("canonical")],
            "the last report is opened next time"
        );
    }
}
