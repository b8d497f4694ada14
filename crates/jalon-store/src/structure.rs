//! Changes of the report's structure: axes, actions and objectives added, renamed,
//! renumbered, deleted, moved and split, and an objective's fields saved. Each is one
//! transaction that also records in the history what it did.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::Result;
use crate::rows::read_objective;
use crate::{Store, history};
use jalon_core::error::{Conflict, Error, Invalid};
use jalon_core::model::{ObjectiveFields, Part};

impl Store {
    // ---- axes -------------------------------------------------------------------------

    /// Adds an axis at the end. Without a number, it takes the next free one.
    pub fn add_axis(&mut self, number: Option<u32>, title: &str) -> Result<i64> {
        jalon_core::model::non_empty("title", title)?;
        self.restructure(|tx| {
            let number = match number {
                Some(n) => n,
                None => next_number(tx, "axis")?,
            };
            jalon_core::model::check_number("axis", number)?;
            if exists(tx, "SELECT 1 FROM axis WHERE number = ?1", number)? {
                return Err(Error::Conflict(Conflict::AlreadyExists {
                    level: jalon_core::Level::Axis,
                    number,
                })
                .into());
            }
            let pos = next_position(tx, "SELECT max(position) FROM axis", None)?;
            tx.execute(
                "INSERT INTO axis (number, title, position) VALUES (?1, ?2, ?3)",
                params![number, title.trim(), pos],
            )?;
            let id = tx.last_insert_rowid();
            Ok(id)
        })
    }

    pub fn update_axis(&mut self, id: i64, number: u32, title: &str) -> Result<()> {
        self.renumber_level("axis", jalon_core::Level::Axis, id, number, title)
    }

    /// Deletes an axis with its actions and objectives.
    pub fn delete_axis(&mut self, id: i64) -> Result<()> {
        self.delete("axis", id)
    }

    /// Moves an axis to `index` (0-based) in the axis order.
    pub fn move_axis(&mut self, id: i64, index: usize) -> Result<()> {
        let tx = self.write_tx()?;
        ensure_id(&tx, "axis", id)?;
        let ids = ids(&tx, "SELECT id FROM axis ORDER BY position, id", None)?;
        reorder(&tx, "axis", ids, id, index)?;
        tx.commit()?;
        Ok(())
    }

    // ---- actions ----------------------------------------------------------------------

    pub fn add_action(&mut self, axis_id: i64, number: Option<u32>, title: &str) -> Result<i64> {
        jalon_core::model::non_empty("title", title)?;
        self.restructure(|tx| {
            ensure_id(tx, "axis", axis_id)?;
            let number = match number {
                Some(n) => n,
                None => next_number(tx, "action")?,
            };
            jalon_core::model::check_number("action", number)?;
            if exists(tx, "SELECT 1 FROM action WHERE number = ?1", number)? {
                return Err(Error::Conflict(Conflict::AlreadyExists {
                    level: jalon_core::Level::Action,
                    number,
                })
                .into());
            }
            let pos = next_position(
                tx,
                "SELECT max(position) FROM action WHERE axis_id = ?1",
                Some(axis_id),
            )?;
            tx.execute(
                "INSERT INTO action (axis_id, number, title, position) VALUES (?1, ?2, ?3, ?4)",
                params![axis_id, number, title.trim(), pos],
            )?;
            let id = tx.last_insert_rowid();
            Ok(id)
        })
    }

    pub fn update_action(&mut self, id: i64, number: u32, title: &str) -> Result<()> {
        self.renumber_level("action", jalon_core::Level::Action, id, number, title)
    }

    /// Sets an axis's or an action's number and title; numbers stay unique across the report.
    fn renumber_level(
        &mut self,
        table: &'static str,
        level: jalon_core::Level,
        id: i64,
        number: u32,
        title: &str,
    ) -> Result<()> {
        jalon_core::model::non_empty("title", title)?;
        jalon_core::model::check_number(table, number)?;
        self.restructure(|tx| {
            ensure_id(tx, table, id)?;
            let taken = tx
                .query_row(
                    &format!("SELECT 1 FROM {table} WHERE number = ?1 AND id <> ?2"),
                    params![number, id],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if taken {
                return Err(Error::Conflict(Conflict::AlreadyExists { level, number }).into());
            }
            tx.execute(
                &format!("UPDATE {table} SET number = ?1, title = ?2 WHERE id = ?3"),
                params![number, title.trim(), id],
            )?;
            Ok(())
        })
    }

    pub fn delete_action(&mut self, id: i64) -> Result<()> {
        self.delete("action", id)
    }

    /// Moves an action to position `index` of axis `axis_id`, which may be another axis.
    pub fn move_action(&mut self, id: i64, axis_id: i64, index: usize) -> Result<()> {
        self.restructure(|tx| {
            ensure_id(tx, "action", id)?;
            ensure_id(tx, "axis", axis_id)?;
            tx.execute(
                "UPDATE action SET axis_id = ?1 WHERE id = ?2",
                params![axis_id, id],
            )?;
            let ids = ids(
                tx,
                "SELECT id FROM action WHERE axis_id = ?1 ORDER BY position, id",
                Some(axis_id),
            )?;
            reorder(tx, "action", ids, id, index)?;
            Ok(())
        })
    }

    // ---- objectives -------------------------------------------------------------------

    /// Adds an objective at the end of an action. Without a number, it takes the next free
    /// one.
    pub fn add_objective(
        &mut self,
        action_id: i64,
        number: Option<u32>,
        part: Option<Part>,
        fields: &ObjectiveFields,
    ) -> Result<i64> {
        fields.validate()?;
        if let Some(p) = part {
            p.validate()?;
        }
        self.restructure(|tx| {
            ensure_id(tx, "action", action_id)?;
            let number = match number {
                Some(n) => n,
                None => next_number(tx, "objective")?,
            };
            jalon_core::model::check_number("objective", number)?;
            check_objective_slot(tx, number, part, None)?;
            let pos = next_position(
                tx,
                "SELECT max(position) FROM objective WHERE action_id = ?1",
                Some(action_id),
            )?;
            let id = insert_objective(tx, action_id, number, part, fields, pos)?;
            Ok(id)
        })
    }

    /// Saves what an officer edits on an objective. Refused as a whole when a field is bad.
    pub fn update_objective(&mut self, id: i64, fields: &ObjectiveFields) -> Result<()> {
        fields.validate()?;
        let tx = self.write_tx()?;
        let before = read_objective(&tx, id)?.ok_or(Error::UnknownId {
            kind: "objective",
            id,
        })?;
        write_objective_fields(&tx, id, fields)?;
        history::record_changes(&tx, &before, &stored_fields(fields))?;
        tx.commit()?;
        Ok(())
    }

    /// Changes an objective's number or part.
    pub fn renumber_objective(&mut self, id: i64, number: u32, part: Option<Part>) -> Result<()> {
        jalon_core::model::check_number("objective", number)?;
        if let Some(p) = part {
            p.validate()?;
        }
        self.restructure(|tx| {
            ensure_id(tx, "objective", id)?;
            check_objective_slot(tx, number, part, Some(id))?;
            tx.execute(
                "UPDATE objective SET number = ?1, part = ?2, parts = ?3 WHERE id = ?4",
                params![number, part.map(|p| p.index), part.map(|p| p.count), id],
            )?;
            Ok(())
        })
    }

    pub fn delete_objective(&mut self, id: i64) -> Result<()> {
        self.delete("objective", id)
    }

    /// Moves an objective to position `index` of action `action_id`, which may be another
    /// action.
    pub fn move_objective(&mut self, id: i64, action_id: i64, index: usize) -> Result<()> {
        self.restructure(|tx| {
            ensure_id(tx, "objective", id)?;
            ensure_id(tx, "action", action_id)?;
            tx.execute(
                "UPDATE objective SET action_id = ?1 WHERE id = ?2",
                params![action_id, id],
            )?;
            let ids = ids(
                tx,
                "SELECT id FROM objective WHERE action_id = ?1 ORDER BY position, id",
                Some(action_id),
            )?;
            reorder(tx, "objective", ids, id, index)?;
            Ok(())
        })
    }

    fn delete(&mut self, table: &'static str, id: i64) -> Result<()> {
        self.restructure(|tx| {
            ensure_id(tx, table, id)?;
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            Ok(())
        })
    }

    /// Runs a change of the report's structure in one transaction, and records in the
    /// history each axis, action and objective it adds, deletes, renumbers, renames or moves.
    fn restructure<T>(&mut self, change: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.write_tx()?;
        let before = history::places(&tx)?;
        let out = change(&tx)?;
        history::record_places(&tx, &before, &history::places(&tx)?)?;
        tx.commit()?;
        Ok(out)
    }

    /// Splits a whole objective into `parts` entries: it becomes part 1 and keeps its
    /// figures and texts; the new parts follow it with its title, not started. Returns the
    /// ids of the new parts.
    pub fn split_objective(&mut self, id: i64, parts: u32) -> Result<Vec<i64>> {
        if !(2..=20).contains(&parts) {
            return Err(Error::invalid(
                "parts",
                Invalid::OutOfRange {
                    min: 2,
                    max: 20,
                    value: parts,
                },
            )
            .into());
        }
        self.restructure(|tx| {
            ensure_id(tx, "objective", id)?;
            let (action_id, number, part, title): (i64, u32, Option<u32>, String) = tx.query_row(
                "SELECT action_id, number, part, title FROM objective WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            if part.is_some() {
                return Err(Error::Conflict(Conflict::AlreadyInParts { number }).into());
            }
            tx.execute(
                "UPDATE objective SET part = 1, parts = ?1 WHERE id = ?2",
                params![parts, id],
            )?;
            let mut order = ids(
                tx,
                "SELECT id FROM objective WHERE action_id = ?1 ORDER BY position, id",
                Some(action_id),
            )?;
            let at = order
                .iter()
                .position(|x| *x == id)
                .map_or(order.len(), |i| i + 1);
            let mut new_ids = Vec::new();
            for index in 2..=parts {
                let fields = ObjectiveFields {
                    title: title.clone(),
                    ..ObjectiveFields::default()
                };
                let new = insert_objective(
                    tx,
                    action_id,
                    number,
                    Some(Part {
                        index,
                        count: parts,
                    }),
                    &fields,
                    0,
                )?;
                new_ids.push(new);
            }
            for (k, new) in new_ids.iter().enumerate() {
                order.insert(at + k, *new);
            }
            write_positions(tx, "objective", &order)?;
            Ok(new_ids)
        })
    }
}

/// Puts `first` at the head of a parent's children, in that order, followed by the children it
/// already had, in their order.
pub(super) fn put_first(
    tx: &Transaction,
    table: &'static str,
    parent: &'static str,
    parent_id: i64,
    first: &[i64],
) -> Result<()> {
    let mut order = first.to_vec();
    let existing = ids(
        tx,
        &format!("SELECT id FROM {table} WHERE {parent} = ?1 ORDER BY position, id"),
        Some(parent_id),
    )?;
    order.extend(existing.into_iter().filter(|id| !first.contains(id)));
    write_positions(tx, table, &order)
}

pub(super) fn write_positions(tx: &Transaction, table: &'static str, order: &[i64]) -> Result<()> {
    let mut stmt = tx.prepare_cached(&format!("UPDATE {table} SET position = ?1 WHERE id = ?2"))?;
    for (pos, id) in order.iter().enumerate() {
        stmt.execute(params![pos as i64, id])?;
    }
    Ok(())
}

pub(super) fn reorder(
    tx: &Transaction,
    table: &'static str,
    mut order: Vec<i64>,
    id: i64,
    index: usize,
) -> Result<()> {
    order.retain(|x| *x != id);
    let index = index.min(order.len());
    order.insert(index, id);
    write_positions(tx, table, &order)
}

pub(super) fn insert_objective(
    tx: &Transaction,
    action_id: i64,
    number: u32,
    part: Option<Part>,
    f: &ObjectiveFields,
    position: i64,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO objective (action_id, number, part, parts, title, status, progress, position)
         VALUES (?1, ?2, ?3, ?4, ?5, 'not_started', 0, ?6)",
        params![
            action_id,
            number,
            part.map(|p| p.index),
            part.map(|p| p.count),
            f.title.trim(),
            position
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_objective_fields(tx, id, f)?;
    Ok(id)
}

/// The fields as the store keeps them: the title trimmed and, when an indicator is set, the
/// percentage it gives, so that every reader of the file, not only this roll-up, sees the same
/// figure.
pub fn stored_fields(f: &ObjectiveFields) -> ObjectiveFields {
    let mut out = f.clone();
    out.title = f.title.trim().to_string();
    if let Some(v) = f
        .indicator
        .as_ref()
        .and_then(jalon_core::rollup::indicator_value)
    {
        out.progress = jalon_core::exact::display_percent(&v);
    }
    out
}

pub(super) fn write_objective_fields(tx: &Transaction, id: i64, f: &ObjectiveFields) -> Result<()> {
    let ind = f.indicator.as_ref();
    let progress = stored_fields(f).progress;
    tx.prepare_cached(
        "UPDATE objective SET title = ?1, status = ?2, progress = ?3, achievement = ?4,
            next_steps = ?5, lead = ?6, due_date = ?7, weight = ?8, indicator_baseline = ?9,
            indicator_current = ?10, indicator_target = ?11, indicator_unit = ?12,
            indicator_direction = ?13
         WHERE id = ?14",
    )?
    .execute(params![
        f.title.trim(),
        f.status.code(),
        progress,
        f.achievement,
        f.next_steps,
        f.lead,
        f.due_date,
        f.weight,
        ind.map(|i| i.baseline.trim()),
        ind.map(|i| i.current.trim()),
        ind.map(|i| i.target.trim()),
        ind.map(|i| i.unit.as_str()),
        ind.map(|i| i.direction.code()),
        id
    ])?;
    Ok(())
}

/// Refuses a number/part that would clash with the objectives already there.
pub(super) fn check_objective_slot(
    tx: &Transaction,
    number: u32,
    part: Option<Part>,
    except: Option<i64>,
) -> Result<()> {
    let mut stmt = tx.prepare_cached("SELECT id, part, parts FROM objective WHERE number = ?1")?;
    let mut parts: Vec<Option<Part>> = stmt
        .query_map([number], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<u32>>(1)?,
                r.get::<_, Option<u32>>(2)?,
            ))
        })?
        .filter_map(|row| row.ok())
        .filter(|(id, _, _)| Some(*id) != except)
        .map(|(_, p, n)| p.zip(n).map(|(index, count)| Part { index, count }))
        .collect();
    if !parts.is_empty() && (part.is_none() || parts.iter().any(Option::is_none)) {
        return Err(Error::Conflict(Conflict::AlreadyExists {
            level: jalon_core::Level::Objective,
            number,
        })
        .into());
    }
    parts.push(part);
    Ok(jalon_core::model::check_parts(number, &parts)?)
}

pub(super) fn ensure_id(tx: &Transaction, table: &'static str, id: i64) -> Result<()> {
    if exists(tx, &format!("SELECT 1 FROM {table} WHERE id = ?1"), id)? {
        Ok(())
    } else {
        Err(Error::UnknownId { kind: table, id }.into())
    }
}

pub(super) fn exists(tx: &Transaction, sql: &str, p: impl rusqlite::ToSql) -> Result<bool> {
    Ok(tx.query_row(sql, [p], |_| Ok(())).optional()?.is_some())
}

pub(super) fn next_number(tx: &Transaction, table: &'static str) -> Result<u32> {
    let max: Option<u32> = tx.query_row(&format!("SELECT max(number) FROM {table}"), [], |r| {
        r.get(0)
    })?;
    Ok(max.unwrap_or(0) + 1)
}

pub(super) fn next_position(tx: &Transaction, sql: &str, parent: Option<i64>) -> Result<i64> {
    let max: Option<i64> = match parent {
        Some(p) => tx.query_row(sql, [p], |r| r.get(0))?,
        None => tx.query_row(sql, [], |r| r.get(0))?,
    };
    Ok(max.map_or(0, |m| m + 1))
}

pub(super) fn ids(tx: &Transaction, sql: &str, parent: Option<i64>) -> Result<Vec<i64>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = match parent {
        Some(p) => stmt
            .query_map([p], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
        None => stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
    };
    Ok(rows)
}
