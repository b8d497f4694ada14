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
mod words;

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

/// Writes a file for readers so that none ever finds half of it (see
/// `jalon_core::files::write_atomically`).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    jalon_core::files::write_atomically(path, bytes).map_err(|source| PublishError::Write {
        path: path.display().to_string(),
        source,
    })
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
