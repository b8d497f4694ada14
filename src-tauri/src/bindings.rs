//! The TypeScript declarations of everything that crosses IPC are generated from the Rust
//! types (ts-rs) and committed under ui/src/bindings. This test fails when they are stale;
//! `UPDATE_BINDINGS=1 cargo test -p jalon-desktop bindings` writes them afresh.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

fn export_all(dir: &Path) {
    // Ids are SQLite rowids, far below 2^53: plain numbers in TypeScript.
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    jalon_app::View::export_all(&cfg).expect("View");
    jalon_app::Saved::export_all(&cfg).expect("Saved");
    jalon_app::Imported::export_all(&cfg).expect("Imported");
    crate::CommandError::export_all(&cfg).expect("CommandError");
    jalon_core::Trace::export_all(&cfg).expect("Trace");
    jalon_core::Subject::export_all(&cfg).expect("Subject");
    jalon_core::ObjectiveFields::export_all(&cfg).expect("ObjectiveFields");
    jalon_core::Strategy::export_all(&cfg).expect("Strategy");
    jalon_app::ChartScope::export_all(&cfg).expect("ChartScope");
    jalon_app::ChartSettings::export_all(&cfg).expect("ChartSettings");
    jalon_app::ChartPreview::export_all(&cfg).expect("ChartPreview");
    jalon_app::ChartsExported::export_all(&cfg).expect("ChartsExported");
    jalon_app::CsvProfile::export_all(&cfg).expect("CsvProfile");
    jalon_app::Written::export_all(&cfg).expect("Written");
    jalon_app::DeckOptions::export_all(&cfg).expect("DeckOptions");
    jalon_app::CloseChecks::export_all(&cfg).expect("CloseChecks");
    jalon_app::PeriodChange::export_all(&cfg).expect("PeriodChange");
    jalon_core::Comparison::export_all(&cfg).expect("Comparison");
    jalon_store::HistoryEntry::export_all(&cfg).expect("HistoryEntry");
    jalon_store::HistoryPage::export_all(&cfg).expect("HistoryPage");
    jalon_store::Level::export_all(&cfg).expect("Level");
    jalon_store::Round::export_all(&cfg).expect("Round");
    jalon_app::RoundStarted::export_all(&cfg).expect("RoundStarted");
    jalon_app::WorkbookReview::export_all(&cfg).expect("WorkbookReview");
    jalon_app::RoundDecision::export_all(&cfg).expect("RoundDecision");
    jalon_app::RoundApplied::export_all(&cfg).expect("RoundApplied");
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_committed_typescript_bindings_match_the_rust_types() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        export_all(&committed);
    }
    let fresh = tempfile::tempdir().expect("tempdir");
    export_all(fresh.path());
    let want = read_dir(fresh.path());
    let have = read_dir(&committed);
    let stale: Vec<&String> = want
        .iter()
        .filter(|(name, text)| have.get(*name) != Some(text))
        .map(|(name, _)| name)
        .collect();
    let extra: Vec<&String> = have.keys().filter(|n| !want.contains_key(*n)).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "ui/src/bindings is stale (changed or missing: {stale:?}; no longer generated: {extra:?}); run UPDATE_BINDINGS=1 cargo test -p jalon-desktop bindings"
    );
}
