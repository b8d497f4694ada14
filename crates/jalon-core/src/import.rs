//! Imports into a store: a published page (merged) or a JSON document (replacing). Both parse
//! everything first and then write in one transaction, so a failure leaves the file as it was.

use serde::Serialize;

use crate::checks::{CheckCode, Warning, check};
use crate::error::Result;
use crate::store::Store;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ImportOutcome {
    /// Objective entries the input held.
    pub objectives: usize,
    pub warnings: Vec<Warning>,
}

/// Reads a published page and merges it into the report (see `Store::merge`). The warnings
/// are the page's own, then every action on the page whose published percentage differs from
/// the computed one.
pub fn import_page(store: &mut Store, text: &str) -> Result<ImportOutcome> {
    let parsed = crate::page::parse_page(text)?;
    store.merge(&parsed.report)?;
    let on_page: std::collections::HashSet<u32> = parsed
        .report
        .axes
        .iter()
        .flat_map(|a| &a.actions)
        .map(|a| a.number)
        .collect();
    let mut warnings = parsed.warnings;
    warnings.extend(check(&store.report()?).into_iter().filter(|w| {
        w.code == CheckCode::PublishedDiffers && w.action.is_some_and(|n| on_page.contains(&n))
    }));
    Ok(ImportOutcome {
        objectives: parsed.report.objectives().count(),
        warnings,
    })
}

/// Replaces the report's content with a JSON exchange document.
pub fn import_json(store: &mut Store, text: &str) -> Result<ImportOutcome> {
    let report = crate::exchange::from_json(text)?;
    store.replace(&report)?;
    Ok(ImportOutcome {
        objectives: report.objectives().count(),
        warnings: Vec::new(),
    })
}
