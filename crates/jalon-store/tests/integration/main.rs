//! The integration tests of jalon-core: real report files on disk, the fixture pages of
//! tests/fixtures, and property tests.

mod exchange;
mod fuzz;
mod history;
mod import;
mod periods;
mod properties;
mod store_file;
mod untrusted;

use std::path::PathBuf;

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/pages")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn demo_json() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo/demo-report.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The displayed percentage of each action, by number.
pub fn action_percentages(store: &jalon_store::Store) -> Vec<(u32, Option<u32>)> {
    let s = jalon_core::summarize(&store.report().expect("report"));
    s.axes
        .iter()
        .flat_map(|a| &a.actions)
        .map(|a| (a.number, a.progress))
        .collect()
}
