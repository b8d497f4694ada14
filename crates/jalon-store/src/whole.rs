//! Writes of the whole report: replaced (a JSON import), restored with its ids (undo and
//! redo), or merged with a published page.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::Result;
use crate::rows::read_report;
use crate::structure::{insert_objective, put_first, write_objective_fields, write_positions};
use crate::{Store, history};
use jalon_core::model::{Report, Strategy};

impl Store {
    // ---- whole-report writes ----------------------------------------------------------

    /// Replaces the whole content of the report with `report`, in one transaction.
    pub fn replace(&mut self, report: &Report) -> Result<()> {
        report.validate()?;
        let tx = self.write_tx()?;
        write_whole(&tx, report, false)?;
        tx.commit()?;
        Ok(())
    }

    /// Puts the report back exactly as `report` holds it, ids included, so that whatever
    /// points at an axis, action or objective still does, and its round workbooks where
    /// `marks` says they stood, in one transaction (undo and redo rely on both).
    pub fn restore(&mut self, report: &Report, marks: &crate::WorkbookMarks) -> Result<()> {
        report.validate()?;
        let tx = self.write_tx()?;
        write_whole(&tx, report, true)?;
        crate::rounds::write_marks(&tx, marks)?;
        tx.commit()?;
        Ok(())
    }

    /// Merges `incoming` into the report: axes, actions and objectives are matched by number
    /// (and part); matched ones take the incoming titles, figures and texts and move where
    /// `incoming` puts them, new ones are added, and the rest is kept. An objective split
    /// differently on the incoming side takes the incoming split. When the report was
    /// empty, the strategy's fields are taken too. All or nothing: if the result breaks a rule
    /// of the report, nothing is written.
    pub fn merge(&mut self, incoming: &Report) -> Result<()> {
        incoming.validate()?;
        let tx = self.write_tx()?;
        let before = read_report(&tx)?;
        if before.axes.is_empty() {
            write_strategy(&tx, &incoming.strategy)?;
        }
        merge_tree(&tx, incoming)?;
        let after = read_report(&tx)?;
        after.validate()?;
        history::record_report_changes(&tx, &before, &after)?;
        tx.commit()?;
        Ok(())
    }
}

/// Writes the whole report over the live tables, inside the caller's transaction.
pub(super) fn write_whole(tx: &Transaction, report: &Report, keep_ids: bool) -> Result<()> {
    // With the ids kept (undo, redo), an objective is the same one before and after, so
    // what the restore changes goes to its history like any edit.
    let before = if keep_ids {
        Some(read_report(tx)?)
    } else {
        None
    };
    tx.execute_batch("DELETE FROM objective; DELETE FROM action; DELETE FROM axis;")?;
    write_strategy(tx, &report.strategy)?;
    let id = |id: i64| keep_ids.then_some(id);
    for (ap, axis) in report.axes.iter().enumerate() {
        tx.execute(
            "INSERT INTO axis (id, number, title, position) VALUES (?1, ?2, ?3, ?4)",
            params![id(axis.id), axis.number, axis.title.trim(), ap as i64],
        )?;
        let axis_id = tx.last_insert_rowid();
        for (cp, action) in axis.actions.iter().enumerate() {
            tx.execute(
                "INSERT INTO action (id, axis_id, number, title, published_progress, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id(action.id),
                    axis_id,
                    action.number,
                    action.title.trim(),
                    action.published_progress,
                    cp as i64
                ],
            )?;
            let action_id = tx.last_insert_rowid();
            for (op, o) in action.objectives.iter().enumerate() {
                tx.prepare_cached(
                    "INSERT INTO objective (id, action_id, number, part, parts, title, status,
                         progress, position)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'x', 'not_started', 0, ?6)",
                )?
                .execute(params![
                    id(o.id),
                    action_id,
                    o.number,
                    o.part.map(|p| p.index),
                    o.part.map(|p| p.count),
                    op as i64
                ])?;
                write_objective_fields(tx, tx.last_insert_rowid(), &o.fields)?;
            }
        }
    }
    if let Some(before) = before {
        history::record_report_changes(tx, &before, &read_report(tx)?)?;
    }
    Ok(())
}

pub(super) fn write_strategy(tx: &Transaction, s: &Strategy) -> Result<()> {
    tx.execute(
        "UPDATE strategy SET title = ?1, period = ?2, language = ?3, method = ?4,
            reporting_period = ?5, as_of = ?6 WHERE id = 1",
        params![
            s.title.trim(),
            s.period,
            s.language.code(),
            s.method.code(),
            s.reporting_period,
            s.as_of
        ],
    )?;
    Ok(())
}

fn merge_tree(tx: &Transaction, incoming: &Report) -> Result<()> {
    // Axes already in the report keep their place; a new one goes before the first axis with a
    // higher number, so that importing one axis's page never reorders the others.
    // Merging matches axes by number, so an existing axis keeps the number read here.
    let mut order: Vec<(i64, u32)> = tx
        .prepare("SELECT id, number FROM axis ORDER BY position, id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut new_axes: Vec<(i64, u32)> = Vec::new();
    for axis in &incoming.axes {
        let axis_id = match tx
            .query_row(
                "SELECT id FROM axis WHERE number = ?1",
                [axis.number],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
        {
            Some(id) => {
                tx.execute(
                    "UPDATE axis SET title = ?1 WHERE id = ?2",
                    params![axis.title.trim(), id],
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO axis (number, title, position) VALUES (?1, ?2, 0)",
                    params![axis.number, axis.title.trim()],
                )?;
                let id = tx.last_insert_rowid();
                new_axes.push((id, axis.number));
                id
            }
        };
        let mut action_order = Vec::new();
        for action in &axis.actions {
            let action_id = match tx
                .query_row(
                    "SELECT id FROM action WHERE number = ?1",
                    [action.number],
                    |r| r.get::<_, i64>(0),
                )
                .optional()?
            {
                Some(id) => {
                    tx.execute(
                        "UPDATE action SET axis_id = ?1, title = ?2, published_progress = ?3
                         WHERE id = ?4",
                        params![axis_id, action.title.trim(), action.published_progress, id],
                    )?;
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO action (axis_id, number, title, published_progress, position)
                         VALUES (?1, ?2, ?3, ?4, 0)",
                        params![
                            axis_id,
                            action.number,
                            action.title.trim(),
                            action.published_progress
                        ],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            action_order.push(action_id);
            let mut objective_order = Vec::new();
            for o in &action.objectives {
                // The incoming side says how the objective is published now: a whole entry
                // replaces parts, parts replace a whole entry or a different split.
                tx.execute(
                    "DELETE FROM objective WHERE number = ?1 AND ifnull(parts, 0) <> ?2",
                    params![o.number, o.part.map_or(0, |p| p.count)],
                )?;
                let existing = tx
                    .query_row(
                        "SELECT id FROM objective WHERE number = ?1 AND ifnull(part, 0) = ?2",
                        params![o.number, o.part.map_or(0, |p| p.index)],
                        |r| r.get::<_, i64>(0),
                    )
                    .optional()?;
                let id = match existing {
                    Some(id) => {
                        tx.execute(
                            "UPDATE objective SET action_id = ?1, parts = ?2 WHERE id = ?3",
                            params![action_id, o.part.map(|p| p.count), id],
                        )?;
                        write_objective_fields(tx, id, &o.fields)?;
                        id
                    }
                    None => insert_objective(tx, action_id, o.number, o.part, &o.fields, 0)?,
                };
                objective_order.push(id);
            }
            put_first(tx, "objective", "action_id", action_id, &objective_order)?;
        }
        put_first(tx, "action", "axis_id", axis_id, &action_order)?;
    }
    for (id, number) in new_axes {
        let at = order
            .iter()
            .position(|(_, n)| *n > number)
            .unwrap_or(order.len());
        order.insert(at, (id, number));
    }
    let ids: Vec<i64> = order.into_iter().map(|(id, _)| id).collect();
    write_positions(tx, "axis", &ids)
}
