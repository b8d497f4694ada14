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
        match probe(dir.unwrap_or(Path::new("."))) {
            Some(found) if found.is_network() => Drive::Shared,
            _ => Drive::Local,
        }
    }
}

/// What the system says of the folder a report is in, as each platform says it. The OS call
/// that gets it is a line per platform; the reading of it is plain code that the tests run
/// everywhere with sample inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
// Each platform makes only its own variant; all are read, and tested, everywhere.
#[allow(dead_code)]
enum Probe {
    /// `statfs`'s `f_type` (Linux): a magic number.
    Linux(u64),
    /// `statfs`'s `f_fstypename` (macOS): a name such as "apfs" or "smbfs".
    Mac(String),
    /// The folder's canonical path (Windows). A mapped network drive canonicalises to its UNC
    /// name (`\\?\UNC\server\share`), so a share is told by its path, drive letter or not,
    /// without a call that would need `unsafe`.
    Windows(String),
}

impl Probe {
    fn is_network(&self) -> bool {
        match self {
            Probe::Linux(t) => is_network(*t),
            Probe::Mac(name) => is_network_mac(name),
            Probe::Windows(path) => is_network_windows(path),
        }
    }
}

#[cfg(target_os = "linux")]
fn probe(dir: &Path) -> Option<Probe> {
    rustix::fs::statfs(dir)
        .ok()
        .map(|s| Probe::Linux(s.f_type as u64))
}

#[cfg(target_os = "macos")]
fn probe(dir: &Path) -> Option<Probe> {
    let s = rustix::fs::statfs(dir).ok()?;
    let name: Vec<u8> = s
        .f_fstypename
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    Some(Probe::Mac(String::from_utf8_lossy(&name).into_owned()))
}

#[cfg(windows)]
fn probe(dir: &Path) -> Option<Probe> {
    let canonical = std::fs::canonicalize(dir).ok()?;
    Some(Probe::Windows(canonical.to_string_lossy().into_owned()))
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
fn probe(_dir: &Path) -> Option<Probe> {
    None
}

/// The network and user-space file systems macOS names in `f_fstypename` (mount -t): SMB,
/// NFS, AFP, WebDAV, FTP, and the FUSE ones (macFUSE, FUSE-T) that sshfs and rclone use.
fn is_network_mac(name: &str) -> bool {
    const NETWORK: [&str; 9] = [
        "smbfs", "nfs", "afpfs", "webdav", "ftp", "cifs", "macfuse", "osxfuse", "fuse-t",
    ];
    NETWORK.iter().any(|n| name.eq_ignore_ascii_case(n))
}

/// A Windows path on a share: UNC (`\\server\share`, or `\\?\UNC\server\share` once
/// canonical). Drive letters (`C:`, `\\?\C:`), volume GUIDs and the device namespace
/// (`\\.\`) are local.
fn is_network_windows(path: &str) -> bool {
    let path = path.replace('/', "\\");
    if let Some(rest) = path.strip_prefix("\\\\?\\") {
        return rest
            .get(..4)
            .is_some_and(|unc| unc.eq_ignore_ascii_case("UNC\\"));
    }
    path.starts_with("\\\\") && !path.starts_with("\\\\.\\")
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
        assert!(!Probe::Linux(0xEF53).is_network());
        assert_eq!(
            Drive::of(&here.path().join("r.jalon")),
            Drive::Local,
            "a temporary folder is a local disk"
        );
    }

    #[test]
    fn macos_shares_are_told_by_their_file_system_name() {
        for name in [
            "smbfs", "nfs", "afpfs", "webdav", "macfuse", "osxfuse", "SMBFS",
        ] {
            assert!(Probe::Mac(name.into()).is_network(), "{name}");
        }
        for name in ["apfs", "hfs", "msdos", "exfat", "devfs", ""] {
            assert!(!Probe::Mac(name.into()).is_network(), "{name}");
        }
    }

    #[test]
    fn windows_shares_are_told_by_their_unc_path_mapped_drives_included() {
        for path in [
            r"\\fileserver\strategy\2026",
            r"\\?\UNC\fileserver\strategy\2026",
            r"\\?\unc\fileserver\strategy",
            r"\\intranet@SSL\DavWWWRoot\reports",
            "//fileserver/strategy",
        ] {
            assert!(Probe::Windows(path.into()).is_network(), "{path}");
        }
        for path in [
            r"C:\Users\ana\Documents",
            r"\\?\C:\Users\ana\Documents",
            r"\\?\Volume{0f3c5a4e-0000-0000-0000-100000000000}\reports",
            r"\\.\PhysicalDrive0",
            r"D:",
            "",
        ] {
            assert!(!Probe::Windows(path.into()).is_network(), "{path}");
        }
    }
}
