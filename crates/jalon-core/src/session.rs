//! An open report as a front end holds it: the store, the report as last read, and the undo
//! and redo history. Every edit goes to the file at once (in one transaction); the history
//! keeps whole snapshots, which `Store::restore` puts back with their ids, so that an undo is
//! exact whatever the edit was.

use std::collections::VecDeque;

use crate::checks::{Warning, check_with};
use crate::error::{Error, Result};
use crate::model::{ObjectiveFields, Report};
use crate::store::Store;
use crate::summary::Figures;

/// How many edits can be undone.
pub const UNDO_DEPTH: usize = 100;

pub struct Session {
    store: Store,
    report: Report,
    undo: VecDeque<Report>,
    redo: Vec<Report>,
}

impl Session {
    pub fn new(store: Store) -> Result<Session> {
        let report = store.report()?;
        Ok(Session {
            store,
            report,
            undo: VecDeque::new(),
            redo: Vec::new(),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The displayed figures and the warnings, from one roll-up: both are sent after every
    /// save.
    pub fn figures_and_warnings(&self) -> (Figures, Vec<Warning>) {
        let r = crate::rollup::rollup(&self.report);
        (
            crate::summary::figures_with(&self.report, &r),
            check_with(&self.report, &r),
        )
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn remember(&mut self, before: Report) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back(before);
        self.redo.clear();
    }

    /// Saves an objective's fields: the hot path of a quarter's update, so the report held in
    /// memory is patched rather than read again.
    pub fn update_objective(&mut self, id: i64, fields: &ObjectiveFields) -> Result<()> {
        self.store.update_objective(id, fields)?;
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
        target.fields = crate::store::stored_fields(fields);
        self.remember(before);
        Ok(())
    }

    /// Runs any other change on the store, then reads the report again. A failed change
    /// leaves the file, the report and the history as they were.
    pub fn edit<T>(&mut self, change: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let out = change(&mut self.store)?;
        let after = self.store.report()?;
        let before = std::mem::replace(&mut self.report, after);
        if before != self.report {
            self.remember(before);
        }
        Ok(out)
    }

    /// Puts back the report as it was before the last edit. False when there is nothing to
    /// undo.
    pub fn undo(&mut self) -> Result<bool> {
        let Some(previous) = self.undo.pop_back() else {
            return Ok(false);
        };
        if let Err(e) = self.store.restore(&previous) {
            self.undo.push_back(previous);
            return Err(e);
        }
        let current = std::mem::replace(&mut self.report, previous);
        self.redo.push(current);
        Ok(true)
    }

    pub fn redo(&mut self) -> Result<bool> {
        let Some(next) = self.redo.pop() else {
            return Ok(false);
        };
        if let Err(e) = self.store.restore(&next) {
            self.redo.push(next);
            return Err(e);
        }
        let current = std::mem::replace(&mut self.report, next);
        self.undo.push_back(current);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

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
