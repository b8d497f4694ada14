//! Writing an output file so that a reader never finds half of it: every file Jalon writes for
//! readers (charts, the published page, CSV) goes through here.

use std::io::Write;
use std::path::Path;

/// Writes a file under a temporary name beside it (`.NAME.part`), flushed to disk, then
/// renames it into place: a failed or interrupted write never leaves half a file under the
/// real name, and an earlier file there stays whole until the new one is complete.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.part"));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}
