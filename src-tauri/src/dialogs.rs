//! File dialogs behind a small trait: the app uses native dialogs (rfd, run on the GTK main
//! thread), the end-to-end tests answer them from a file, since WebDriver cannot drive a native
//! dialog.

use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Report,
    Page,
    Json,
    Png,
    Svg,
    Csv,
    Workbook,
    Pptx,
    Odp,
    Template,
}

impl Kind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Kind::Report => ("Jalon report", &["jalon"]),
            Kind::Page => ("Published page (text or HTML)", &["txt", "html", "htm"]),
            Kind::Json => ("Jalon JSON document", &["json"]),
            Kind::Png => ("PNG image", &["png"]),
            Kind::Svg => ("SVG image", &["svg"]),
            Kind::Csv => ("CSV spreadsheet", &["csv"]),
            Kind::Workbook => ("Returned workbook", &["xlsx", "ods"]),
            Kind::Pptx => ("PowerPoint presentation", &["pptx"]),
            Kind::Odp => ("OpenDocument presentation", &["odp"]),
            Kind::Template => ("PowerPoint template", &["potx", "pptx"]),
        }
    }
}

pub trait Dialogs: Send + Sync {
    /// Asks for an existing file; None when the person cancels.
    fn open(&self, title: &str, kind: Kind) -> Option<PathBuf>;
    /// Asks for existing files, several at once; empty when the person cancels.
    fn open_many(&self, title: &str, kind: Kind) -> Vec<PathBuf>;
    /// Asks where to write a file; None when the person cancels.
    fn save(&self, title: &str, kind: Kind, suggested: &str) -> Option<PathBuf>;
    /// Asks for a folder; None when the person cancels.
    fn folder(&self, title: &str) -> Option<PathBuf>;
}

/// Native dialogs. GTK is not thread-safe, so each dialog runs on the main thread while the
/// calling command waits off it.
pub struct Native {
    pub app: tauri::AppHandle,
}

impl Native {
    fn on_main<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> Option<T> + Send + 'static,
    ) -> Option<T> {
        let (tx, rx) = std::sync::mpsc::channel();
        self.app
            .run_on_main_thread(move || {
                let _ = tx.send(f());
            })
            .ok()?;
        rx.recv().ok().flatten()
    }
}

/// A native file dialog with its title and the kind's filter.
fn picker(title: &str, kind: Kind) -> rfd::FileDialog {
    let (name, ext) = kind.filter();
    rfd::FileDialog::new()
        .set_title(title)
        .add_filter(name, ext)
}

impl Dialogs for Native {
    fn open(&self, title: &str, kind: Kind) -> Option<PathBuf> {
        let title = title.to_string();
        self.on_main(move || picker(&title, kind).pick_file())
    }

    fn open_many(&self, title: &str, kind: Kind) -> Vec<PathBuf> {
        let title = title.to_string();
        self.on_main(move || picker(&title, kind).pick_files())
            .unwrap_or_default()
    }

    fn save(&self, title: &str, kind: Kind, suggested: &str) -> Option<PathBuf> {
        let (title, suggested) = (title.to_string(), suggested.to_string());
        self.on_main(move || picker(&title, kind).set_file_name(suggested).save_file())
    }

    fn folder(&self, title: &str) -> Option<PathBuf> {
        let title = title.to_string();
        self.on_main(move || rfd::FileDialog::new().set_title(title).pick_folder())
    }
}

/// Answers each dialog with the first line of a file, and removes that line; an empty line
/// means "cancel", and tabs separate the files of a dialog that takes several. Used when
/// JALON_TEST_DIALOG_ANSWERS names the file.
pub struct Scripted {
    pub answers: PathBuf,
}

impl Scripted {
    fn next(&self) -> Option<PathBuf> {
        let text = std::fs::read_to_string(&self.answers).ok()?;
        let mut lines = text.lines();
        let first = lines.next()?.trim().to_string();
        let rest: Vec<&str> = lines.collect();
        let _ = std::fs::write(&self.answers, rest.join("\n"));
        (!first.is_empty()).then(|| PathBuf::from(first))
    }
}

impl Dialogs for Scripted {
    fn open(&self, _title: &str, _kind: Kind) -> Option<PathBuf> {
        self.next()
    }

    fn open_many(&self, _title: &str, _kind: Kind) -> Vec<PathBuf> {
        self.next()
            .map(|line| {
                line.to_string_lossy()
                    .split('\t')
                    .map(PathBuf::from)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn save(&self, _title: &str, _kind: Kind, _suggested: &str) -> Option<PathBuf> {
        self.next()
    }

    fn folder(&self, _title: &str) -> Option<PathBuf> {
        self.next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_answers_come_in_order_and_an_empty_line_cancels() {
        let dir = tempfile::tempdir().expect("tempdir");
        let answers = dir.path().join("answers");
        std::fs::write(
            &answers,
            "/a/one.txt\n\n/b/two.json\n/c/x.xlsx\t/c/y.ods\n\n",
        )
        .expect("write");
        let d = Scripted { answers };
        assert_eq!(d.open("t", Kind::Page), Some(PathBuf::from("/a/one.txt")));
        assert_eq!(d.save("t", Kind::Json, "x"), None, "empty line cancels");
        assert_eq!(d.folder("t"), Some(PathBuf::from("/b/two.json")));
        assert_eq!(
            d.open_many("t", Kind::Workbook),
            [PathBuf::from("/c/x.xlsx"), PathBuf::from("/c/y.ods")]
        );
        assert!(d.open_many("t", Kind::Workbook).is_empty(), "cancelled");
        assert_eq!(d.open("t", Kind::Json), None, "no answers left");
    }
}
