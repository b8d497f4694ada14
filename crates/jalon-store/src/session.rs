//! An open report as a front end holds it: the store, the report as last read, and the undo
//! and redo history. Every edit goes to the file at once (in one transaction); the history
//! keeps whole snapshots, which `Store::restore` puts back with their ids, so that an undo is
//! exact whatever the edit was.
//!
//! A session shows one period: the open one, which is edited, or a closed one, which is read
//! only: every edit is refused while a closed period is shown.

use std::collections::{HashMap, VecDeque};

use crate::Result;
use crate::{HistoryEntry, Store, WorkbookMarks};
use jalon_core::checks::{Warning, check_with};
use jalon_core::error::Error;
use jalon_core::model::{ObjectiveFields, Report};
use jalon_core::period::{Baseline, Deltas, Period};
use jalon_core::summary::{Figures, Summary, summarize, summarize_with};

/// How many edits can be undone.
pub const UNDO_DEPTH: usize = 100;

pub struct Session {
    store: Store,
    report: Report,
    /// Where the round workbooks stand, as undo puts it back with the report.
    marks: WorkbookMarks,
    undo: VecDeque<Snapshot>,
    redo: Vec<Snapshot>,
    /// The closed period on screen, with its snapshot; None while the open one is.
    viewing: Option<(Period, Report)>,
    /// Each closed period's figures, by period id. A closed period never changes (the file's
    /// triggers refuse it), so its snapshot is read and checked once per session, not at
    /// every chart preview or period switch.
    closed: HashMap<i64, ClosedFigures>,
    /// The period before the one on screen, whose baseline the dashboard's arrows compare
    /// against.
    against: Option<i64>,
    /// Why a closed period could not be read (a snapshot that fails its checksum).
    integrity: Option<crate::Error>,
}

fn is_changed_elsewhere(e: &crate::Error) -> bool {
    matches!(e, crate::Error::Core(Error::ChangedElsewhere))
}

/// What undo and redo put back: the report and where its round workbooks stood.
#[derive(Debug, Clone)]
struct Snapshot {
    report: Report,
    marks: WorkbookMarks,
}

/// What the screen needs of a closed period, made from its checked snapshot.
struct ClosedFigures {
    /// The checksum the figures were made from: a period whose row now carries another (a
    /// report replaced by an import) is read again.
    checksum: Option<String>,
    summary: Summary,
    baseline: Baseline,
}

impl ClosedFigures {
    fn of(period: &Period, report: &Report) -> ClosedFigures {
        let r = jalon_core::rollup::rollup(report);
        ClosedFigures {
            checksum: period.checksum.clone(),
            summary: summarize_with(report, &r),
            baseline: Baseline::with(&period.label, report, &r),
        }
    }
}

impl Session {
    pub fn new(store: Store) -> Result<Session> {
        let report = store.report()?;
        let marks = store.workbook_marks()?;
        let mut s = Session {
            store,
            report,
            marks,
            undo: VecDeque::new(),
            redo: Vec::new(),
            viewing: None,
            closed: HashMap::new(),
            against: None,
            integrity: None,
        };
        s.refresh_against();
        Ok(s)
    }

    /// Finds the period before the one on screen. Each closed snapshot not yet read is read
    /// now, which checks its checksum. A snapshot that fails does not keep the report from
    /// opening: it is reported, and its period gives no baseline.
    fn refresh_against(&mut self) {
        self.against = None;
        self.integrity = None;
        let periods = match self.store.periods() {
            Ok(p) => p,
            Err(e) => {
                self.integrity = Some(e);
                return;
            }
        };
        self.closed.retain(|id, c| {
            periods
                .iter()
                .any(|p| p.id == *id && p.checksum == c.checksum && !p.is_open())
        });
        let shown = match &self.viewing {
            Some((v, _)) => periods.iter().position(|x| x.id == v.id),
            None => periods.iter().position(Period::is_open),
        };
        let before = shown.and_then(|i| i.checked_sub(1));
        for (i, p) in periods.iter().enumerate() {
            if p.is_open() {
                continue;
            }
            if !self.closed.contains_key(&p.id) {
                // The period on screen was read and checked when it was chosen.
                let figures = match &self.viewing {
                    Some((v, r)) if v.id == p.id => Ok(ClosedFigures::of(p, r)),
                    _ => self
                        .store
                        .period_report(p)
                        .map(|r| ClosedFigures::of(p, &r)),
                };
                match figures {
                    Ok(f) => {
                        self.closed.insert(p.id, f);
                    }
                    Err(e) => {
                        self.integrity.get_or_insert(e);
                        continue;
                    }
                }
            }
            if Some(i) == before {
                self.against = Some(p.id);
            }
        }
    }

    /// The report on screen: a closed period's snapshot, or the live report.
    pub fn shown(&self) -> &Report {
        self.viewing.as_ref().map_or(&self.report, |(_, r)| r)
    }

    /// The closed period on screen, if one is.
    pub fn viewing(&self) -> Option<&Period> {
        self.viewing.as_ref().map(|(p, _)| p)
    }

    pub fn integrity(&self) -> Option<&crate::Error> {
        self.integrity.as_ref()
    }

    /// Shows a period: a closed one read-only, or the open one (None, or its id) to edit.
    pub fn view_period(&mut self, id: Option<i64>) -> Result<()> {
        let period = match id {
            Some(id) => Some(self.store.period(id)?).filter(|p| !p.is_open()),
            None => None,
        };
        self.viewing = match period {
            Some(p) => {
                let r = self.store.period_report(&p)?;
                Some((p, r))
            }
            None => None,
        };
        self.refresh_against();
        Ok(())
    }

    /// Refuses a change while a closed period is on screen.
    ///
    /// Refuses it too when another program (another window, the CLI) wrote to the file since
    /// this session last read it: the report, the periods and the undo history are read again,
    /// and the change is refused, so that nothing is written over what the person has not seen.
    fn writable(&mut self) -> Result<()> {
        if let Some((p, _)) = &self.viewing {
            return Err(Error::ClosedPeriod {
                label: p.label.clone(),
            }
            .into());
        }
        if self.store.changed_elsewhere()? {
            self.read_again()?;
            return Err(Error::ChangedElsewhere.into());
        }
        Ok(())
    }

    /// Reads the report again after another program changed the file (the change already
    /// marked as seen): what is on screen becomes what the file holds, and the undo history,
    /// which was about the old content, is dropped.
    fn read_again(&mut self) -> Result<()> {
        self.report = self.store.report()?;
        self.marks = self.store.workbook_marks()?;
        self.undo.clear();
        self.redo.clear();
        self.refresh_against();
        Ok(())
    }

    /// Whether the file changed elsewhere since this session last looked, the report read
    /// again if so: the app asks when its window gains focus and every few seconds, so that a
    /// change made by the CLI or a colleague shows without waiting for the next edit.
    pub fn reread_if_changed(&mut self) -> Result<bool> {
        if !self.store.changed_elsewhere()? {
            return Ok(false);
        }
        self.read_again()?;
        Ok(true)
    }

    /// A write refused in its own transaction because another program committed first (the
    /// moment between `writable` and the write): the report is read again, as `writable`
    /// does, and the refusal goes on to the caller.
    fn after_write<T>(&mut self, written: Result<T>) -> Result<T> {
        if written.as_ref().is_err_and(is_changed_elsewhere) {
            // The write's own check does not mark the change as seen: this look does.
            let _ = self.store.changed_elsewhere()?;
            self.read_again()?;
        }
        written
    }

    /// Points moved since the period before the one on screen.
    pub fn deltas(&self) -> Option<Deltas> {
        let shown = self.shown();
        self.baseline()
            .map(|b| b.deltas(shown, &jalon_core::rollup::rollup(shown)))
    }

    /// The figures of the period before the one on screen, which the arrows compare against.
    fn baseline(&self) -> Option<&Baseline> {
        self.against
            .and_then(|id| self.closed.get(&id))
            .map(|c| &c.baseline)
    }

    /// The checks to read before closing the open period.
    pub fn prepublication(&self) -> Result<Vec<Warning>> {
        let previous = self.store.previous_period()?;
        Ok(jalon_core::period::prepublication(
            &self.report,
            previous.as_ref().map(|(_, r)| r),
        ))
    }

    /// Closes the open period and opens the next, carrying everything forward. Closing is a
    /// point of record, so it cannot be undone, and the undo history before it is dropped.
    pub fn close_period(&mut self, next_label: &str, next_as_of: &str) -> Result<Period> {
        self.writable()?;
        let next = self.store.close_period(next_label, next_as_of)?;
        self.report = self.store.report()?;
        self.marks = self.store.workbook_marks()?;
        self.undo.clear();
        self.redo.clear();
        self.refresh_against();
        Ok(next)
    }

    /// Every period up to the one on screen, with its summary, oldest first: the trend
    /// charts' series. Closed periods come from the figures read when the session met them.
    pub fn trend_summaries(&self) -> Result<Vec<(Period, Summary)>> {
        self.trend_summaries_to(self.viewing.as_ref().map(|(v, _)| v.id))
    }

    /// Every period up to the one with id `last` (up to the open one with None), with its
    /// summary, oldest first: the trend of a period that is not on screen.
    pub fn trend_summaries_to(&self, last: Option<i64>) -> Result<Vec<(Period, Summary)>> {
        let mut out = Vec::new();
        for p in self.store.periods()? {
            let stop = match last {
                Some(id) => id == p.id,
                None => p.is_open(),
            };
            let summary = match self.closed.get(&p.id) {
                _ if p.is_open() => summarize(&self.report),
                Some(c) if c.checksum == p.checksum => c.summary.clone(),
                // Not met yet, or it failed its checksum: read it, which reports why.
                _ => summarize(&self.store.period_report(&p)?),
            };
            out.push((p, summary));
            if stop {
                break;
            }
        }
        Ok(out)
    }

    pub fn history(&self, objective_id: i64) -> Result<Vec<HistoryEntry>> {
        self.store.history(objective_id)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The displayed figures, the warnings and the arrows against the period before, from
    /// one roll-up: all three are sent after every save.
    pub fn figures_and_warnings(&self) -> (Figures, Vec<Warning>, Option<Deltas>) {
        let shown = self.shown();
        let r = jalon_core::rollup::rollup(shown);
        (
            jalon_core::summary::figures_with(shown, &r),
            check_with(shown, &r),
            self.baseline().map(|b| b.deltas(shown, &r)),
        )
    }

    pub fn can_undo(&self) -> bool {
        self.viewing.is_none() && !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        self.viewing.is_none() && !self.redo.is_empty()
    }

    fn remember(&mut self, before: Snapshot) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back(before);
        self.redo.clear();
    }

    /// Saves an objective's fields: the hot path of a quarter's update, so the report held in
    /// memory is patched rather than read again.
    pub fn update_objective(&mut self, id: i64, fields: &ObjectiveFields) -> Result<()> {
        self.writable()?;
        let written = self.store.update_objective(id, fields);
        self.after_write(written)?;
        let before = self.report.clone();
        let target = self
            .report
            .axes
            .iter_mut()
            .flat_map(|a| &mut a.actions)
            .flat_map(|a| &mut a.objectives)
            .find(|o| o.id == id)
            .ok_or(Error::UnknownId {
                kind: "objective",
                id,
            })?;
        target.fields = crate::stored_fields(fields);
        let marks = self.marks.clone();
        self.remember(Snapshot {
            report: before,
            marks,
        });
        Ok(())
    }

    /// Runs any other change on the store, then reads the report again. A failed change
    /// leaves the file, the report and the history as they were.
    ///
    /// A change that adds a period (an earlier edition of a page) finds the period before the
    /// open one again, since the new period may now be it.
    pub fn edit<T>(&mut self, change: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.writable()?;
        let periods = self.store.periods()?.len();
        let changed = change(&mut self.store);
        let out = self.after_write(changed)?;
        let after = self.store.report()?;
        let after_marks = self.store.workbook_marks()?;
        let before = std::mem::replace(&mut self.report, after);
        let before_marks = std::mem::replace(&mut self.marks, after_marks);
        if before != self.report || before_marks.moved_in(&self.marks) {
            self.remember(Snapshot {
                report: before,
                marks: before_marks,
            });
        }
        if self.store.periods()?.len() != periods {
            self.refresh_against();
        }
        Ok(out)
    }

    /// Puts back the report as it was before the last edit. False when there is nothing to
    /// undo.
    pub fn undo(&mut self) -> Result<bool> {
        self.writable()?;
        let Some(previous) = self.undo.pop_back() else {
            return Ok(false);
        };
        if let Err(e) = self.write_back(&previous) {
            // After a change made elsewhere the history was dropped with the old content.
            if !is_changed_elsewhere(&e) {
                self.undo.push_back(previous);
            }
            return Err(e);
        }
        let current = self.swap_in(previous);
        self.redo.push(current);
        Ok(true)
    }

    pub fn redo(&mut self) -> Result<bool> {
        self.writable()?;
        let Some(next) = self.redo.pop() else {
            return Ok(false);
        };
        if let Err(e) = self.write_back(&next) {
            // After a change made elsewhere the history was dropped with the old content.
            if !is_changed_elsewhere(&e) {
                self.redo.push(next);
            }
            return Err(e);
        }
        let current = self.swap_in(next);
        self.undo.push_back(current);
        Ok(true)
    }

    /// Writes a snapshot back into the file.
    fn write_back(&mut self, snapshot: &Snapshot) -> Result<()> {
        let written = self.store.restore(&snapshot.report, &snapshot.marks);
        self.after_write(written)
    }

    /// Makes a snapshot written back the current one; returns the one it replaced.
    fn swap_in(&mut self, snapshot: Snapshot) -> Snapshot {
        Snapshot {
            report: std::mem::replace(&mut self.report, snapshot.report),
            marks: std::mem::replace(&mut self.marks, snapshot.marks),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jalon_core::model::Status;

    fn session() -> (Session, i64, i64) {
        let mut store = Store::open_in_memory().expect("store");
        let ax = store.add_axis(None, "A").expect("axis");
        let ac = store.add_action(ax, None, "B").expect("action");
        let o = store
            .add_objective(
                ac,
                None,
                None,
                &ObjectiveFields {
                    title: "o".into(),
                    status: Status::InProgress,
                    progress: 10,
                    ..Default::default()
                },
            )
            .expect("objective");
        (Session::new(store).expect("session"), ac, o)
    }

    fn progress(s: &Session) -> Vec<u32> {
        s.report()
            .objectives()
            .map(|(_, _, o)| o.fields.progress)
            .collect()
    }

    #[test]
    fn an_edit_is_saved_and_can_be_undone_and_redone() {
        let (mut s, _, o) = session();
        let mut f = s.report().axes[0].actions[0].objectives[0].fields.clone();
        f.progress = 35;
        s.update_objective(o, &f).expect("save");
        assert_eq!(progress(&s), vec![35]);
        assert_eq!(
            s.store().report().expect("file"),
            *s.report(),
            "the file holds the edit and the memory matches it"
        );
        assert!(s.undo().expect("undo"));
        assert_eq!(progress(&s), vec![10]);
        assert_eq!(s.store().report().expect("file"), *s.report());
        assert!(s.redo().expect("redo"));
        assert_eq!(progress(&s), vec![35]);
        assert!(!s.redo().expect("nothing more to redo"));
    }

    #[test]
    fn undoing_an_applied_workbook_makes_it_not_imported_again_and_redo_imports_it_again() {
        let (mut s, _, o) = session();
        let state = |s: &Session| s.store().rounds().expect("rounds")[0].workbooks[0].state;
        let round = s.store().new_round_id().expect("id");
        s.edit(|st| st.start_round(&round, "2999-06-30", &[("Ana".into(), "Ana.xlsx".into())]))
            .expect("round");
        assert_eq!(state(&s), crate::WorkbookState::Issued);
        assert!(
            !s.can_undo(),
            "starting a round changes no workbook that was there: no undo step"
        );
        let mut f = s.report().axes[0].actions[0].objectives[0].fields.clone();
        f.progress = 80;
        let sha = "a".repeat(64);
        s.edit(|st| st.accept_round_changes(&round, "Ana", &sha, &[(o, f.clone())], true))
            .expect("applied");
        assert_eq!(
            (state(&s), progress(&s)),
            (crate::WorkbookState::Imported, vec![80])
        );

        assert!(s.undo().expect("undo"));
        assert_eq!(
            (state(&s), progress(&s)),
            (crate::WorkbookState::Issued, vec![10])
        );
        let w = &s.store().rounds().expect("rounds")[0].workbooks[0];
        assert_eq!(w.returned_sha256, None, "no returned file any more");
        // The same workbook can then be imported anew.
        assert_eq!(
            s.store()
                .round_workbook(&round, "Ana")
                .expect("workbook")
                .map(|w| w.1),
            Some("issued".to_string())
        );

        assert!(s.redo().expect("redo"));
        assert_eq!(
            (state(&s), progress(&s)),
            (crate::WorkbookState::Imported, vec![80])
        );
        assert_eq!(
            s.store().rounds().expect("rounds")[0].workbooks[0].returned_sha256,
            Some(sha)
        );
    }

    #[test]
    fn undoing_a_deletion_brings_the_objective_back_with_its_id() {
        let (mut s, ac, o) = session();
        s.edit(|st| st.delete_objective(o)).expect("delete");
        assert_eq!(s.report().objectives().count(), 0);
        s.undo().expect("undo");
        let ids: Vec<i64> = s.report().objectives().map(|(_, _, x)| x.id).collect();
        assert_eq!(ids, vec![o], "same id as before");
        let _ = ac;
    }

    #[test]
    fn a_refused_edit_leaves_no_trace_in_the_history() {
        let (mut s, _, o) = session();
        let mut f = s.report().axes[0].actions[0].objectives[0].fields.clone();
        f.progress = 150;
        assert!(s.update_objective(o, &f).is_err());
        assert!(!s.can_undo(), "nothing to undo");
        assert_eq!(progress(&s), vec![10]);
    }

    #[test]
    fn the_history_keeps_the_last_hundred_edits() {
        let (mut s, _, o) = session();
        let mut f = s.report().axes[0].actions[0].objectives[0].fields.clone();
        for p in 0..=UNDO_DEPTH as u32 + 4 {
            f.progress = p % 101;
            s.update_objective(o, &f).expect("save");
        }
        let mut undone = 0;
        while s.undo().expect("undo") {
            undone += 1;
        }
        assert_eq!(undone, UNDO_DEPTH);
    }
}
