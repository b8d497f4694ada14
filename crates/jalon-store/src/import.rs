//! Imports into a store: a published page (merged) or a JSON document (replacing). Both parse
//! everything first and then write in one transaction, so a failure leaves the file as it was.

use serde::Serialize;

use std::collections::HashMap;

use crate::Result;
use crate::Store;
use jalon_core::checks::{CheckCode, Finding, Warning, check};
use jalon_core::model::{ObjectiveRef, Report};
use jalon_page::ParsedPage;

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
    let mut parsed = jalon_page::parse_page(text)?;
    keep_known_progress(&store.report()?, &mut parsed);
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
        w.code() == CheckCode::PublishedDiffers && w.action.is_some_and(|n| on_page.contains(&n))
    }));
    Ok(ImportOutcome {
        objectives: parsed.report.objectives().count(),
        warnings,
    })
}

/// A page that gives no progress for an objective the report has keeps the report's value: the
/// status-based figure is a guess, and a guess never replaces what the report knows.
fn keep_known_progress(report: &Report, parsed: &mut ParsedPage) {
    let known: HashMap<ObjectiveRef, u32> = report
        .objectives()
        .map(|(_, _, o)| (o.reference(), o.fields.progress))
        .collect();
    for w in &mut parsed.warnings {
        let (Finding::Assumed { .. }, Some(r)) = (&w.finding, w.objective) else {
            continue;
        };
        let Some(&progress) = known.get(&r) else {
            continue;
        };
        if let Some(o) = parsed
            .report
            .axes
            .iter_mut()
            .flat_map(|a| &mut a.actions)
            .flat_map(|a| &mut a.objectives)
            .find(|o| o.reference() == r)
        {
            o.fields.progress = progress;
            w.finding = Finding::Kept { progress };
        }
    }
}

/// Replaces the report's content with a JSON exchange document. A document with closed
/// periods brings them and its history along, into a report that has none yet.
pub fn import_json(store: &mut Store, text: &str) -> Result<ImportOutcome> {
    jalon_page::check_size(text.len())?;
    let doc = jalon_core::exchange::read_document(text)?;
    store.replace_with_history(
        &doc.report,
        &doc.periods,
        &doc.history,
        doc.identity.as_deref(),
        &doc.rounds,
    )?;
    Ok(ImportOutcome {
        objectives: doc.report.objectives().count(),
        warnings: Vec::new(),
    })
}

/// Reads a published page of an earlier quarter and keeps it as a closed period labelled
/// `label`, dated `as_of`: history, not the report being edited. The strategy's own fields
/// (title, language, method) are the report's.
pub fn import_page_as_period(
    store: &mut Store,
    text: &str,
    label: &str,
    as_of: &str,
) -> Result<ImportOutcome> {
    let parsed = jalon_page::parse_page(text)?;
    let mut edition = parsed.report;
    edition.strategy = jalon_core::model::Strategy {
        reporting_period: label.trim().to_string(),
        as_of: as_of.to_string(),
        ..store.strategy()?
    };
    store.add_past_period(label, as_of, &edition)?;
    Ok(ImportOutcome {
        objectives: edition.objectives().count(),
        warnings: parsed.warnings,
    })
}
