//! Editing the open period: an objective's fields, the report's details, the structure, and
//! undo and redo. Each use case is one transaction on the file and returns the new view.

use jalon_core::{Language, ObjectiveFields, RollupMethod, Strategy, Subject, Trace};
use jalon_store::Store;
use serde::Deserialize;

use crate::{App, Result, Saved, View};

/// The report's details to change; a field left out keeps its value. The report-details
/// dialog sends them all, the CLI's `details` only those given.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Details {
    pub title: Option<String>,
    pub period: Option<String>,
    pub reporting_period: Option<String>,
    pub as_of: Option<String>,
    pub language: Option<Language>,
    pub method: Option<RollupMethod>,
}

impl Details {
    fn apply(self, s: &mut Strategy) {
        let Details {
            title,
            period,
            reporting_period,
            as_of,
            language,
            method,
        } = self;
        if let Some(v) = title {
            s.title = v;
        }
        if let Some(v) = period {
            s.period = v;
        }
        if let Some(v) = reporting_period {
            s.reporting_period = v;
        }
        if let Some(v) = as_of {
            s.as_of = v;
        }
        if let Some(v) = language {
            s.language = v;
        }
        if let Some(v) = method {
            s.method = v;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.period.is_none()
            && self.reporting_period.is_none()
            && self.as_of.is_none()
            && self.language.is_none()
            && self.method.is_none()
    }
}

impl App {
    /// Runs a change of structure on the store, then returns the new view.
    fn change<T>(
        &mut self,
        change: impl FnOnce(&mut Store) -> jalon_store::Result<T>,
    ) -> Result<View> {
        self.session.edit(change)?;
        Ok(self.view())
    }

    /// Saves an objective's fields; a refused value names its field and changes nothing.
    pub fn save_objective(&mut self, id: i64, fields: &ObjectiveFields) -> Result<Saved> {
        self.session.update_objective(id, fields)?;
        Ok(self.saved())
    }

    /// Replaces the report's details (the dialog's whole form).
    pub fn update_strategy(&mut self, strategy: &Strategy) -> Result<View> {
        self.change(|s| s.update_strategy(strategy))
    }

    /// Changes some of the report's details and keeps the others. Values are checked as the
    /// dialog checks them; a refused one names its field and the file is unchanged.
    pub fn details(&mut self, details: Details) -> Result<View> {
        let mut strategy = self.session.report().strategy.clone();
        details.apply(&mut strategy);
        self.update_strategy(&strategy)
    }

    pub fn add_axis(&mut self, title: &str) -> Result<View> {
        self.change(|s| s.add_axis(None, title))
    }

    pub fn rename_axis(&mut self, id: i64, number: u32, title: &str) -> Result<View> {
        self.change(|s| s.update_axis(id, number, title))
    }

    pub fn delete_axis(&mut self, id: i64) -> Result<View> {
        self.change(|s| s.delete_axis(id))
    }

    pub fn move_axis(&mut self, id: i64, index: usize) -> Result<View> {
        self.change(|s| s.move_axis(id, index))
    }

    pub fn add_action(&mut self, axis_id: i64, title: &str) -> Result<View> {
        self.change(|s| s.add_action(axis_id, None, title))
    }

    pub fn rename_action(&mut self, id: i64, number: u32, title: &str) -> Result<View> {
        self.change(|s| s.update_action(id, number, title))
    }

    pub fn delete_action(&mut self, id: i64) -> Result<View> {
        self.change(|s| s.delete_action(id))
    }

    pub fn move_action(&mut self, id: i64, axis_id: i64, index: usize) -> Result<View> {
        self.change(|s| s.move_action(id, axis_id, index))
    }

    /// Adds an objective with its title and default fields, at the end of its action.
    pub fn add_objective(&mut self, action_id: i64, title: &str) -> Result<View> {
        let fields = ObjectiveFields {
            title: title.to_string(),
            ..ObjectiveFields::default()
        };
        self.change(|s| s.add_objective(action_id, None, None, &fields))
    }

    pub fn delete_objective(&mut self, id: i64) -> Result<View> {
        self.change(|s| s.delete_objective(id))
    }

    pub fn move_objective(&mut self, id: i64, action_id: i64, index: usize) -> Result<View> {
        self.change(|s| s.move_objective(id, action_id, index))
    }

    pub fn split_objective(&mut self, id: i64, parts: u32) -> Result<View> {
        self.change(|s| s.split_objective(id, parts))
    }

    pub fn undo(&mut self) -> Result<View> {
        self.session.undo()?;
        Ok(self.view())
    }

    /// The report read again when another program (the CLI, a colleague on the share) changed
    /// the file since it was last read: the new view, or None when nothing changed.
    pub fn reread_if_changed(&mut self) -> Result<Option<View>> {
        if self.session.reread_if_changed()? {
            Ok(Some(self.view()))
        } else {
            Ok(None)
        }
    }

    pub fn redo(&mut self) -> Result<View> {
        self.session.redo()?;
        Ok(self.view())
    }

    /// How a percentage of the report on screen was made; None for a level it does not hold.
    pub fn trace(&self, subject: Subject) -> Option<Trace> {
        jalon_core::trace(self.session.shown(), subject)
    }

    /// The report on screen with its computed percentages.
    pub fn summary(&self) -> jalon_core::Summary {
        jalon_core::summarize(self.session.shown())
    }

    /// The consistency warnings of the report on screen.
    pub fn check(&self) -> Vec<jalon_core::Warning> {
        jalon_core::check(self.session.shown())
    }

    /// Writes a copy of the report file (the open report stays the one edited).
    pub fn save_copy(&self, dest: &std::path::Path) -> Result<()> {
        Ok(self.session.store().save_copy(dest)?)
    }
}
