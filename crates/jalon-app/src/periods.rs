//! The quarter's periods: show one, check and close the open one, compare two, and read the
//! history of changes. The defaults both fronts share live here: the next quarter as the next
//! period, and the last closed period against the open one for a comparison.

use jalon_core::period::next_quarter;
use jalon_core::{Comparison, Period, Warning};
use jalon_store::{HistoryEntry, HistoryPage, Level};
use serde::{Deserialize, Serialize};

use crate::{App, AppError, Result, View};

/// What the Close period dialog shows before the person confirms.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct CloseChecks {
    /// The label of the period that would close.
    pub closing: String,
    pub checks: Vec<Warning>,
    /// The proposed label and date of the next period (the next quarter), empty when the
    /// open period's label is not a quarter.
    pub next_label: String,
    pub next_as_of: String,
}

/// A period closed, and the one now open.
#[derive(Debug)]
pub struct Closed {
    pub closed: String,
    pub opened: Period,
    pub change: PeriodChange,
}

/// What closing a period changes on screen: the report's reporting period and date, the
/// periods, and the arrows (now against the period just closed). Everything else in the view
/// is as it was, so the desktop sends this rather than the whole view again: at 10,000
/// objectives the view is about 4 MB, and parsing it kept the window from painting.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct PeriodChange {
    pub strategy: jalon_core::Strategy,
    pub periods: Vec<Period>,
    pub deltas: Option<jalon_core::Deltas>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// A period named by its id (the app) or its label (the CLI).
#[derive(Debug, Clone, Deserialize)]
pub enum PeriodKey {
    Id(i64),
    Label(String),
}

/// Which changes to list: the period's (all periods' when None), of one objective number.
#[derive(Debug, Clone, Default)]
pub struct HistoryFilter {
    pub period: Option<PeriodKey>,
    pub objective: Option<u32>,
    /// The newest `limit` changes; all when None.
    pub limit: Option<usize>,
}

impl App {
    /// Shows a closed period read-only, or the open period again with None.
    pub fn view_period(&mut self, id: Option<i64>) -> Result<View> {
        self.session.view_period(id)?;
        Ok(self.view())
    }

    pub(crate) fn period(&self, key: &PeriodKey) -> Result<Period> {
        let store = self.session.store();
        Ok(match key {
            PeriodKey::Id(id) => store.period(*id)?,
            PeriodKey::Label(l) => store.period_by_label(l)?,
        })
    }

    /// The pre-publication checks and the proposed next period.
    pub fn close_checks(&self) -> Result<CloseChecks> {
        let open = self.session.store().open_period()?;
        let (next_label, next_as_of) = next_quarter(&open.label).unwrap_or_default();
        Ok(CloseChecks {
            closing: open.label,
            checks: self.session.prepublication()?,
            next_label,
            next_as_of,
        })
    }

    /// Closes the open period and opens the next. Left out, the next period is the next
    /// quarter and its date that quarter's last day; a label that is not a quarter needs the
    /// next one given.
    pub fn close_period(&mut self, next: Option<&str>, next_as_of: Option<&str>) -> Result<Closed> {
        let open = self.session.store().open_period()?;
        let guess = next_quarter(&open.label);
        let next = match next {
            Some(n) => n.to_string(),
            None => guess.as_ref().map(|g| g.0.clone()).ok_or_else(|| {
                AppError::invalid(
                    "next_label",
                    jalon_core::Invalid::NextNotGuessed {
                        open: open.label.clone(),
                    },
                )
            })?,
        };
        let next_as_of = match next_as_of {
            Some(d) => d.to_string(),
            None => guess
                .filter(|g| g.0 == next)
                .map(|g| g.1)
                .unwrap_or_default(),
        };
        let opened = self.session.close_period(&next, &next_as_of)?;
        let s = &self.session;
        Ok(Closed {
            closed: open.label,
            opened,
            change: PeriodChange {
                strategy: s.report().strategy.clone(),
                periods: s.store().periods()?,
                deltas: s.deltas(),
                can_undo: s.can_undo(),
                can_redo: s.can_redo(),
            },
        })
    }

    /// What moved between two periods; left out, the last closed period and the open one.
    pub fn compare(&self, from: Option<PeriodKey>, to: Option<PeriodKey>) -> Result<Comparison> {
        let store = self.session.store();
        let to = match to {
            Some(k) => self.period(&k)?,
            None => store.open_period()?,
        };
        let from = match from {
            Some(k) => self.period(&k)?,
            None => store
                .previous_period()?
                .map(|(p, _)| p)
                .ok_or(AppError::NothingToCompare)?,
        };
        Ok(store.compare_periods(from.id, to.id)?)
    }

    /// Every change recorded for one objective, newest first.
    pub fn objective_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        Ok(self.session.history(id)?)
    }

    /// The changes the filter asks for, newest first, with how many there are in all. An
    /// unknown period is an error, not an empty history.
    pub fn history(&self, filter: &HistoryFilter) -> Result<HistoryPage> {
        let store = self.session.store();
        let period = filter.period.as_ref().map(|k| self.period(k)).transpose()?;
        if let (None, Some(limit)) = (filter.objective, filter.limit) {
            // The History tab's page: counted and limited in SQL.
            return Ok(store.period_history(period.map(|p| p.id), limit)?);
        }
        let mut entries: Vec<HistoryEntry> = store
            .all_history()?
            .into_iter()
            .rev()
            .filter(|h| {
                filter
                    .objective
                    .is_none_or(|n| h.level == Level::Objective && h.reference.number == n)
            })
            .filter(|h| period.as_ref().is_none_or(|p| h.period == p.label))
            .collect();
        let total = entries.len();
        if let Some(l) = filter.limit {
            entries.truncate(l);
        }
        Ok(HistoryPage { entries, total })
    }

    /// Every period, oldest first, each closed snapshot's checksum verified.
    pub fn periods(&self) -> Result<Vec<Period>> {
        let store = self.session.store();
        store.verify_periods()?;
        Ok(store.periods()?)
    }
}
