//! jalon-publish: what leaves Jalon for readers who do not have it.
//!
//! - `page`: the report as a self-contained, accessible web page (one `index.html`, its style,
//!   script and charts inline, nothing loaded from the network), laid out in the published
//!   dashboard's format so that it imports back as the same report.
//! - `csv`: one row per objective entry, for spreadsheets, in two profiles (Excel in French,
//!   and open data).
//!
//! Pure functions from a report to bytes, plus `write_atomically`, which the use cases call to
//! put the bytes on disk. It knows nothing of Tauri or of the terminal.

mod csv;
mod page;

use std::path::Path;

pub use crate::csv::{CsvProfile, csv};
pub use page::{PageInput, page};

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Chart(#[from] jalon_charts::ChartError),
    #[error("writing {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("writing the CSV: {0}")]
    Csv(String),
}

pub type Result<T> = std::result::Result<T, PublishError>;

/// Writes a file under a temporary name beside it, flushed to disk, then renames it into
/// place: a failed or interrupted write never leaves half a file under the real name, and an
/// earlier file there stays whole until the new one is complete.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let err = |source| PublishError::Write {
        path: path.display().to_string(),
        source,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.part"));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}

/// Writes the page into a folder, created when missing: `index.html`, which holds everything.
/// Returns the file written.
pub fn write_page(dir: &Path, html: &str) -> Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir).map_err(|source| PublishError::Write {
        path: dir.display().to_string(),
        source,
    })?;
    let index = dir.join("index.html");
    write_atomically(&index, html.as_bytes())?;
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_earlier_file_and_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "earlier").unwrap();
        // A folder where the temporary file would go makes the write fail.
        std::fs::create_dir(dir.path().join(".out.csv.part")).unwrap();
        assert!(matches!(
            write_atomically(&path, b"new"),
            Err(PublishError::Write { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "earlier");
        write_atomically(&dir.path().join("b.csv"), b"new").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.csv")).unwrap(),
            "new"
        );
        assert!(!dir.path().join(".b.csv.part").exists());
    }
}
