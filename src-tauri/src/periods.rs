//! The periods' commands: show a period, check and close the open one, compare two, read an
//! objective's history or a period's, and keep an earlier edition of a published page as a
//! closed period.

use jalon_core::import::import_page_as_period;
use jalon_core::period::next_quarter;
use jalon_core::store::{HistoryEntry, HistoryPage};
use jalon_core::{Comparison, Warning};
use serde::Serialize;
use tauri::State;

use crate::{AppState, Imported, Kind, Result, View};

/// What the Close period dialog shows before the person confirms.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct CloseChecks {
    pub checks: Vec<Warning>,
    /// The proposed label and date of the next period (the next quarter), empty when the
    /// open period's label is not a quarter.
    pub next_label: String,
    pub next_as_of: String,
}

/// Shows a closed period read-only, or the open period again with `None`.
#[tauri::command]
pub fn view_period(state: State<AppState>, id: Option<i64>) -> Result<View> {
    let mut s = state.session();
    s.view_period(id)?;
    Ok(state.view(&s))
}

#[tauri::command]
pub fn close_checks(state: State<AppState>) -> Result<CloseChecks> {
    let s = state.session();
    let open = s.store().open_period()?;
    let (next_label, next_as_of) = next_quarter(&open.label).unwrap_or_default();
    Ok(CloseChecks {
        checks: s.prepublication()?,
        next_label,
        next_as_of,
    })
}

#[tauri::command]
pub fn close_period(
    state: State<AppState>,
    next_label: String,
    next_as_of: String,
) -> Result<View> {
    let mut s = state.session();
    s.close_period(&next_label, &next_as_of)?;
    Ok(state.view(&s))
}

#[tauri::command]
pub fn compare_periods(state: State<AppState>, from: i64, to: i64) -> Result<Comparison> {
    Ok(state.session().store().compare_periods(from, to)?)
}

#[tauri::command]
pub fn objective_history(state: State<AppState>, id: i64) -> Result<Vec<HistoryEntry>> {
    Ok(state.session().history(id)?)
}

/// The newest `limit` changes of a period (of every period with None), and how many there are.
#[tauri::command]
pub fn period_history(
    state: State<AppState>,
    period: Option<i64>,
    limit: usize,
) -> Result<HistoryPage> {
    Ok(state.session().store().period_history(period, limit)?)
}

/// Asks for a page and keeps it as the closed period `label`, dated `as_of`.
#[tauri::command]
pub async fn import_past_page(
    state: State<'_, AppState>,
    title: String,
    label: String,
    as_of: String,
) -> Result<Option<Imported>> {
    state
        .import(title, Kind::Page, move |store, text| {
            import_page_as_period(store, text, &label, &as_of)
        })
        .await
}
