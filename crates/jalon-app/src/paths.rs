//! Paths as people read them.

use std::path::Path;

/// A path as people read it: on Windows without the `\\?\` prefix that canonical paths
/// carry, wherever the plain form means the same file (a no-op elsewhere).
pub fn shown(path: &Path) -> String {
    dunce::simplified(path).display().to_string()
}
