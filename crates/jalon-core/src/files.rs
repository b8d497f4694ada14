//! Writing an output file so that a reader never finds half of it: every file Jalon writes for
//! readers (charts, the published page, CSV) goes through here.

use std::io::Write;
use std::path::Path;

use crate::Error;

/// Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program holds the file
/// (a second Jalon, a backup tool, an antivirus). The same numbers mean other things elsewhere
/// (32 is EPIPE on Linux), hence the platform test.
const HELD: [i32; 2] = [32, 33];

pub fn held_elsewhere(e: &std::io::Error) -> bool {
    cfg!(windows) && e.raw_os_error().is_some_and(|c| HELD.contains(&c))
}

/// An I/O error met on `path`, as the core's error: `InUse` when another program holds the
/// file, so that the person is told to close it there rather than shown a system code.
pub fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| {
        if held_elsewhere(&e) {
            Error::InUse { path: path.into() }
        } else {
            Error::Io(e)
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_held_by_another_program_is_told_as_such_on_windows_only() {
        let sharing = std::io::Error::from_raw_os_error(32);
        let e = io_error(Path::new("r.jalon"))(sharing);
        if cfg!(windows) {
            assert!(matches!(e, Error::InUse { .. }), "{e:?}");
        } else {
            // 32 is EPIPE here: a system error like any other.
            assert!(matches!(e, Error::Io(_)), "{e:?}");
        }
        let other = io_error(Path::new("r.jalon"))(std::io::Error::from_raw_os_error(2));
        assert!(matches!(other, Error::Io(_)), "{other:?}");
    }
}
