//! Where a report file lives decides how SQLite may write it. SQLite's WAL needs shared memory
//! between the processes that open the file, which network file systems (NFS, SMB/CIFS, FUSE
//! mounts such as sshfs) do not give, as SQLite's documentation says plainly. On such a drive a
//! report uses a rollback journal and holds an exclusive lock while it is open, so that a
//! second writer is refused rather than corrupting the file.

use std::path::Path;

/// How a report file is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drive {
    /// A local disk: WAL, readers and one writer side by side.
    Local,
    /// A network or shared drive: a rollback journal and an exclusive lock.
    Shared,
}

impl Drive {
    /// The drive a path lives on. `JALON_SHARED_DRIVE=1` says "shared" for a drive the
    /// detection does not know.
    pub fn of(path: &Path) -> Drive {
        if std::env::var_os("JALON_SHARED_DRIVE").is_some_and(|v| v == "1") {
            return Drive::Shared;
        }
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        match fs_type(dir.unwrap_or(Path::new("."))) {
            Some(t) if is_network(t) => Drive::Shared,
            _ => Drive::Local,
        }
    }
}

/// The file system's type, as `statfs` gives it (Linux); None elsewhere or on failure.
#[cfg(target_os = "linux")]
fn fs_type(dir: &Path) -> Option<u64> {
    rustix::fs::statfs(dir).ok().map(|s| s.f_type as u64)
}

#[cfg(not(target_os = "linux"))]
fn fs_type(_dir: &Path) -> Option<u64> {
    None
}

/// The network and user-space file systems of linux/magic.h.
fn is_network(fs_type: u64) -> bool {
    const NETWORK: [u64; 9] = [
        0x6969,      // NFS
        0x517B,      // SMB
        0xFF53_4D42, // CIFS
        0xFE53_4D42, // SMB2
        0x6573_5546, // FUSE (sshfs, rclone…)
        0x0102_1997, // 9P
        0x5346_414F, // AFS
        0x00C3_6400, // Ceph
        0x7375_7245, // Coda
    ];
    NETWORK.contains(&fs_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_file_systems_are_told_from_local_ones() {
        for t in [0x6969, 0x517B, 0xFF53_4D42, 0xFE53_4D42, 0x6573_5546] {
            assert!(is_network(t), "{t:#x}");
        }
        for local in [
            0xEF53,      /* ext4 */
            0x0102_1994, /* tmpfs */
            0x5846_5342, /* xfs */
        ] {
            assert!(!is_network(local), "{local:#x}");
        }
        let here = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            Drive::of(&here.path().join("r.jalon")),
            Drive::Local,
            "a temporary folder is a local disk"
        );
    }
}
