//! One report is one SQLite file (extension `.jalon`). `Store` owns its connection: it checks
//! that the file is a Jalon report this version can read, sets the pragmas, migrates, and does
//! every write in one transaction, so that a failed change leaves the file as it was.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};
use crate::model::{
    Action, Axis, Direction, Indicator, Language, Objective, ObjectiveFields, Part, Report,
    RollupMethod, Status, Strategy,
};

mod history;
mod periods;

pub use history::{HistoryEntry, HistoryPage, Level};

/// Written in the SQLite header so that a Jalon report can be told from any other database:
/// "JLN1" in ASCII.
pub const APPLICATION_ID: i32 = 0x4a4c_4e31;

/// The schema history, oldest first. Append only: a migration that has shipped is never
/// edited, since files in the field were made with it.
const MIGRATION_SQL: &[&str] = &[
    // 1. The first schema: strategy, axes, actions, objectives. Constraints live here too, so
    //    that even a bug above the store cannot write a progress of 150 or an unknown status.
    //    The application id marks the file as a Jalon report.
    include_str!("migrations/0001_initial.sql"),
    // 2. Reporting periods (one open, the closed ones frozen as checksummed snapshots that
    //    triggers keep from changing) and the edit history of objectives.
    include_str!("migrations/0002_periods.sql"),
    // 3. The history follows the strategy, axes and actions too: a level and a subject id.
    include_str!("migrations/0003_history_levels.sql"),
];

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect()));

/// The highest schema version this build reads and writes: user_version counts migrations.
pub fn schema_version() -> i64 {
    MIGRATION_SQL.len() as i64
}

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens an existing report. A missing file, a file that is not a Jalon report, a corrupt
    /// one, or one written by a newer Jalon is refused with a message that says which.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(Error::NoSuchFile { path: path.into() });
        }
        let not_a_report = |reason: &str| Error::NotAReport {
            path: path.into(),
            reason: reason.into(),
        };
        let mut header = [0u8; 16];
        let mut file = std::fs::File::open(path)?;
        if file.read_exact(&mut header).is_err() || &header != SQLITE_MAGIC {
            return Err(not_a_report("it is not an SQLite database"));
        }
        let conn = Connection::open(path)?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| not_a_report(&format!("the file is damaged: {e}")))?;
        if app_id != APPLICATION_ID {
            return Err(not_a_report("it is an SQLite database of another program"));
        }
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > schema_version() {
            return Err(Error::NewerSchema {
                path: path.into(),
                found: version,
                supported: schema_version(),
            });
        }
        let ok: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| not_a_report(&format!("the file is damaged: {e}")))?;
        if ok != "ok" {
            return Err(not_a_report(&format!("the file is damaged: {ok}")));
        }
        Store::prepare(conn, Some(path.into()))
    }

    /// Creates a new, empty report file. Refuses to overwrite an existing file.
    pub fn create(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if path.exists() {
            return Err(Error::AlreadyExists { path: path.into() });
        }
        let conn = Connection::open(path)?;
        Store::prepare(conn, Some(path.into()))
    }

    pub fn open_or_create(path: impl AsRef<Path>) -> Result<Store> {
        if path.as_ref().exists() {
            Store::open(path)
        } else {
            Store::create(path)
        }
    }

    /// A report that lives in memory only, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", true)?;
        if path.is_some() {
            // WAL keeps readers and the writer apart and makes each commit one append;
            // synchronous=FULL makes an acknowledged edit survive a crash or power cut.
            let mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
            debug_assert_eq!(mode, "wal");
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        MIGRATIONS.to_latest(&mut conn)?;
        Ok(Store { conn, path })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Writes a clean copy of the report to `dest`, replacing what is there only once the copy
    /// is complete. The open report stays the one being edited.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        let mut tmp = dest.as_os_str().to_owned();
        tmp.push(".partial");
        let tmp = PathBuf::from(tmp);
        let _ = std::fs::remove_file(&tmp);
        self.conn
            .execute("VACUUM INTO ?1", [tmp.to_string_lossy().as_ref()])?;
        std::fs::rename(&tmp, dest)?;
        Ok(())
    }

    // ---- reading ----------------------------------------------------------------------

    pub fn strategy(&self) -> Result<Strategy> {
        read_strategy(&self.conn)
    }

    /// The whole report in display order: three queries, grouped in memory.
    pub fn report(&self) -> Result<Report> {
        read_report(&self.conn)
    }

    // ---- strategy ---------------------------------------------------------------------

    pub fn update_strategy(&mut self, s: &Strategy) -> Result<()> {
        s.validate()?;
        let tx = self.conn.transaction()?;
        let before = read_strategy(&tx)?;
        write_strategy(&tx, s)?;
        history::record_strategy(&tx, &before, &read_strategy(&tx)?)?;
        tx.commit()?;
        Ok(())
    }

    // ---- axes -------------------------------------------------------------------------

    /// Adds an axis at the end. Without a number, it takes the next free one.
    pub fn add_axis(&mut self, number: Option<u32>, title: &str) -> Result<i64> {
        crate::model::non_empty("title", title)?;
        self.restructure(|tx| {
            let number = match number {
                Some(n) => n,
                None => next_number(tx, "axis")?,
            };
            crate::model::check_number("axis", number)?;
            if exists(tx, "SELECT 1 FROM axis WHERE number = ?1", number)? {
                return Err(Error::Conflict(format!("Axis {number} already exists")));
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
        self.renumber_level("axis", "Axis", id, number, title)
    }

    /// Deletes an axis with its actions and objectives.
    pub fn delete_axis(&mut self, id: i64) -> Result<()> {
        self.delete("axis", id)
    }

    /// Moves an axis to `index` (0-based) in the axis order.
    pub fn move_axis(&mut self, id: i64, index: usize) -> Result<()> {
        let tx = self.conn.transaction()?;
        ensure_id(&tx, "axis", id)?;
        let ids = ids(&tx, "SELECT id FROM axis ORDER BY position, id", None)?;
        reorder(&tx, "axis", ids, id, index)?;
        tx.commit()?;
        Ok(())
    }

    // ---- actions ----------------------------------------------------------------------

    pub fn add_action(&mut self, axis_id: i64, number: Option<u32>, title: &str) -> Result<i64> {
        crate::model::non_empty("title", title)?;
        self.restructure(|tx| {
            ensure_id(tx, "axis", axis_id)?;
            let number = match number {
                Some(n) => n,
                None => next_number(tx, "action")?,
            };
            crate::model::check_number("action", number)?;
            if exists(tx, "SELECT 1 FROM action WHERE number = ?1", number)? {
                return Err(Error::Conflict(format!("Action {number} already exists")));
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
        self.renumber_level("action", "Action", id, number, title)
    }

    /// Sets an axis's or an action's number and title; numbers stay unique across the report.
    fn renumber_level(
        &mut self,
        table: &'static str,
        word: &str,
        id: i64,
        number: u32,
        title: &str,
    ) -> Result<()> {
        crate::model::non_empty("title", title)?;
        crate::model::check_number(table, number)?;
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
                return Err(Error::Conflict(format!("{word} {number} already exists")));
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
            crate::model::check_number("objective", number)?;
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
        let tx = self.conn.transaction()?;
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
        crate::model::check_number("objective", number)?;
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
        let tx = self.conn.transaction()?;
        let before = history::places(&tx)?;
        let out = change(&tx)?;
        history::record_places(&tx, &before, &history::places(&tx)?)?;
        tx.commit()?;
        Ok(out)
    }

    // ---- whole-report writes ----------------------------------------------------------

    /// Replaces the whole content of the report with `report`, in one transaction.
    pub fn replace(&mut self, report: &Report) -> Result<()> {
        self.write_whole(report, false)
    }

    /// Puts the report back exactly as `report` holds it, ids included, so that whatever
    /// points at an axis, action or objective still does (undo and redo rely on it).
    pub fn restore(&mut self, report: &Report) -> Result<()> {
        self.write_whole(report, true)
    }

    fn write_whole(&mut self, report: &Report, keep_ids: bool) -> Result<()> {
        report.validate()?;
        let tx = self.conn.transaction()?;
        write_whole(&tx, report, keep_ids)?;
        tx.commit()?;
        Ok(())
    }

    /// Splits a whole objective into `parts` entries: it becomes part 1 and keeps its
    /// figures and texts; the new parts follow it with its title, not started. Returns the
    /// ids of the new parts.
    pub fn split_objective(&mut self, id: i64, parts: u32) -> Result<Vec<i64>> {
        if !(2..=20).contains(&parts) {
            return Err(Error::invalid(
                "parts",
                format!("an objective splits into 2 to 20 parts, got {parts}"),
            ));
        }
        self.restructure(|tx| {
            ensure_id(tx, "objective", id)?;
            let (action_id, number, part, title): (i64, u32, Option<u32>, String) = tx.query_row(
                "SELECT action_id, number, part, title FROM objective WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            if part.is_some() {
                return Err(Error::Conflict(format!(
                    "Objective {number} is already in parts"
                )));
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

    /// Merges `incoming` into the report: axes, actions and objectives are matched by number
    /// (and part); matched ones take the incoming titles, figures and texts and move where
    /// `incoming` puts them, new ones are added, and the rest is kept. An objective split
    /// differently on the incoming side takes the incoming split. When the report was
    /// empty, the strategy's fields are taken too. All or nothing: if the result breaks a rule
    /// of the report, nothing is written.
    pub fn merge(&mut self, incoming: &Report) -> Result<()> {
        incoming.validate()?;
        let tx = self.conn.transaction()?;
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
fn write_whole(tx: &Transaction, report: &Report, keep_ids: bool) -> Result<()> {
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

fn write_strategy(tx: &Transaction, s: &Strategy) -> Result<()> {
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

/// Puts `first` at the head of a parent's children, in that order, followed by the children it
/// already had, in their order.
fn put_first(
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

fn write_positions(tx: &Transaction, table: &'static str, order: &[i64]) -> Result<()> {
    let mut stmt = tx.prepare_cached(&format!("UPDATE {table} SET position = ?1 WHERE id = ?2"))?;
    for (pos, id) in order.iter().enumerate() {
        stmt.execute(params![pos as i64, id])?;
    }
    Ok(())
}

fn reorder(
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

fn insert_objective(
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
        .and_then(crate::rollup::indicator_value)
    {
        out.progress = crate::exact::display_percent(&v);
    }
    out
}

fn write_objective_fields(tx: &Transaction, id: i64, f: &ObjectiveFields) -> Result<()> {
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
fn check_objective_slot(
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
        return Err(Error::Conflict(format!(
            "Objective {number} already exists"
        )));
    }
    parts.push(part);
    crate::model::check_parts(number, &parts)
}

fn read_strategy(conn: &Connection) -> Result<Strategy> {
    Ok(conn.query_row(
        "SELECT title, period, language, method, reporting_period, as_of FROM strategy WHERE id = 1",
        [],
        |r| {
            Ok(Strategy {
                title: r.get(0)?,
                period: r.get(1)?,
                language: Language::from_code(&r.get::<_, String>(2)?).unwrap_or_default(),
                method: RollupMethod::from_code(&r.get::<_, String>(3)?).unwrap_or_default(),
                reporting_period: r.get(4)?,
                as_of: r.get(5)?,
            })
        },
    )?)
}

fn read_report(conn: &Connection) -> Result<Report> {
    let strategy = read_strategy(conn)?;
    let mut axes: Vec<Axis> = conn
        .prepare("SELECT id, number, title FROM axis ORDER BY position, id")?
        .query_map([], |r| {
            Ok(Axis {
                id: r.get(0)?,
                number: r.get(1)?,
                title: r.get(2)?,
                actions: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let axis_index: HashMap<i64, usize> = axes.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let mut action_index: HashMap<i64, (usize, usize)> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT id, axis_id, number, title, published_progress FROM action
         ORDER BY position, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let axis_id: i64 = r.get(1)?;
        let Some(&ai) = axis_index.get(&axis_id) else {
            continue;
        };
        let action = Action {
            id: r.get(0)?,
            number: r.get(2)?,
            title: r.get(3)?,
            published_progress: r.get(4)?,
            objectives: Vec::new(),
        };
        action_index.insert(action.id, (ai, axes[ai].actions.len()));
        axes[ai].actions.push(action);
    }
    let mut stmt = conn.prepare(&format!("{OBJECTIVE_COLUMNS} ORDER BY position, id"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (action_id, objective) = objective_from_row(r)?;
        let Some(&(ai, ci)) = action_index.get(&action_id) else {
            continue;
        };
        axes[ai].actions[ci].objectives.push(objective);
    }
    Ok(Report { strategy, axes })
}

const OBJECTIVE_COLUMNS: &str =
    "SELECT id, action_id, number, part, parts, title, status, progress, achievement,
            next_steps, lead, due_date, weight, indicator_baseline, indicator_current,
            indicator_target, indicator_unit, indicator_direction
     FROM objective";

/// One objective as the store keeps it, with the id of its action.
fn objective_from_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, Objective)> {
    let part = r
        .get::<_, Option<u32>>(3)?
        .zip(r.get::<_, Option<u32>>(4)?)
        .map(|(index, count)| Part { index, count });
    let status: String = r.get(6)?;
    let indicator = match (
        r.get::<_, Option<String>>(13)?,
        r.get::<_, Option<String>>(14)?,
        r.get::<_, Option<String>>(15)?,
        r.get::<_, Option<String>>(17)?,
    ) {
        (Some(baseline), Some(current), Some(target), Some(direction)) => Some(Indicator {
            baseline,
            current,
            target,
            unit: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
            direction: Direction::from_code(&direction).unwrap_or(Direction::Rising),
        }),
        _ => None,
    };
    Ok((
        r.get(1)?,
        Objective {
            id: r.get(0)?,
            number: r.get(2)?,
            part,
            fields: ObjectiveFields {
                title: r.get(5)?,
                // The schema's CHECK only admits known codes.
                status: Status::from_code(&status).unwrap_or(Status::NotStarted),
                progress: r.get(7)?,
                achievement: r.get(8)?,
                next_steps: r.get(9)?,
                lead: r.get(10)?,
                due_date: r.get(11)?,
                weight: r.get(12)?,
                indicator,
            },
        },
    ))
}

fn read_objective(conn: &Connection, id: i64) -> Result<Option<Objective>> {
    Ok(conn
        .query_row(&format!("{OBJECTIVE_COLUMNS} WHERE id = ?1"), [id], |r| {
            objective_from_row(r).map(|(_, o)| o)
        })
        .optional()?)
}

fn ensure_id(tx: &Transaction, table: &'static str, id: i64) -> Result<()> {
    if exists(tx, &format!("SELECT 1 FROM {table} WHERE id = ?1"), id)? {
        Ok(())
    } else {
        Err(Error::UnknownId { kind: table, id })
    }
}

fn exists(tx: &Transaction, sql: &str, p: impl rusqlite::ToSql) -> Result<bool> {
    Ok(tx.query_row(sql, [p], |_| Ok(())).optional()?.is_some())
}

fn next_number(tx: &Transaction, table: &'static str) -> Result<u32> {
    let max: Option<u32> = tx.query_row(&format!("SELECT max(number) FROM {table}"), [], |r| {
        r.get(0)
    })?;
    Ok(max.unwrap_or(0) + 1)
}

fn next_position(tx: &Transaction, sql: &str, parent: Option<i64>) -> Result<i64> {
    let max: Option<i64> = match parent {
        Some(p) => tx.query_row(sql, [p], |r| r.get(0))?,
        None => tx.query_row(sql, [], |r| r.get(0))?,
    };
    Ok(max.map_or(0, |m| m + 1))
}

fn ids(tx: &Transaction, sql: &str, parent: Option<i64>) -> Result<Vec<i64>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migration_list_is_valid() {
        MIGRATIONS.validate().expect("migrations validate");
        let mut conn = Connection::open_in_memory().expect("connection");
        MIGRATIONS.to_latest(&mut conn).expect("migrate");
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("user_version");
        assert_eq!(v, schema_version(), "schema_version follows the list");
    }

    fn fields(title: &str, progress: u32) -> ObjectiveFields {
        ObjectiveFields {
            title: title.into(),
            status: Status::InProgress,
            progress,
            ..Default::default()
        }
    }

    #[test]
    fn added_levels_come_back_in_order_with_their_fields() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(Some(4), "Axis four").expect("axis");
        let ac = s
            .add_action(ax, Some(14), "Action fourteen")
            .expect("action");
        s.add_objective(ac, Some(30), None, &fields("Thirty", 75))
            .expect("objective 30");
        s.add_objective(ac, None, None, &fields("Thirty-one", 50))
            .expect("objective 31");
        let r = s.report().expect("report");
        let objs = &r.axes[0].actions[0].objectives;
        assert_eq!(
            objs.iter()
                .map(|o| (o.number, o.fields.progress))
                .collect::<Vec<_>>(),
            vec![(30, 75), (31, 50)],
            "numbers and progress kept, in order"
        );
    }

    #[test]
    fn a_duplicate_number_is_refused_as_a_conflict() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(Some(1), "One").expect("axis");
        let err = s.add_axis(Some(1), "Again").expect_err("duplicate axis");
        assert_eq!(err.to_string(), "Axis 1 already exists");
        let ac = s.add_action(ax, Some(3), "A").expect("action");
        s.add_objective(ac, Some(5), None, &fields("x", 0))
            .expect("o5");
        let err = s
            .add_objective(
                ac,
                Some(5),
                Some(Part { index: 1, count: 2 }),
                &fields("y", 0),
            )
            .expect_err("a part beside a whole objective");
        assert!(err.to_string().contains("Objective 5"), "{err}");
    }

    #[test]
    fn a_bad_value_is_refused_and_nothing_changes() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(None, "One").expect("axis");
        let ac = s.add_action(ax, None, "A").expect("action");
        let id = s
            .add_objective(ac, None, None, &fields("x", 10))
            .expect("o");
        let before = s.report().expect("report");
        let err = s
            .update_objective(id, &fields("x", 150))
            .expect_err("150 refused");
        assert!(err.to_string().starts_with("progress:"), "{err}");
        assert_eq!(s.report().expect("report"), before, "report unchanged");
    }

    #[test]
    fn moving_an_objective_to_another_action_puts_it_where_asked() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(None, "One").expect("axis");
        let a1 = s.add_action(ax, None, "A").expect("a1");
        let a2 = s.add_action(ax, None, "B").expect("a2");
        let o1 = s
            .add_objective(a1, None, None, &fields("o1", 1))
            .expect("o1");
        s.add_objective(a2, None, None, &fields("o2", 2))
            .expect("o2");
        s.add_objective(a2, None, None, &fields("o3", 3))
            .expect("o3");
        s.move_objective(o1, a2, 1).expect("move");
        let r = s.report().expect("report");
        assert!(r.axes[0].actions[0].objectives.is_empty(), "left action 1");
        let titles: Vec<_> = r.axes[0].actions[1]
            .objectives
            .iter()
            .map(|o| o.fields.title.as_str())
            .collect();
        assert_eq!(titles, vec!["o2", "o1", "o3"]);
    }

    #[test]
    fn restore_puts_back_the_same_ids_and_content() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(None, "A").expect("axis");
        let ac = s.add_action(ax, None, "B").expect("action");
        s.add_objective(ac, None, None, &fields("o1", 10))
            .expect("o1");
        let o2 = s
            .add_objective(ac, None, None, &fields("o2", 20))
            .expect("o2");
        let before = s.report().expect("report");
        s.delete_objective(o2).expect("delete");
        s.add_axis(None, "C").expect("another axis");
        s.restore(&before).expect("restore");
        assert_eq!(
            s.report().expect("report"),
            before,
            "identical, ids included"
        );
    }

    #[test]
    fn splitting_an_objective_adds_parts_right_after_it() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(None, "A").expect("axis");
        let ac = s.add_action(ax, None, "B").expect("action");
        let o1 = s
            .add_objective(ac, Some(7), None, &fields("seven", 40))
            .expect("o1");
        s.add_objective(ac, Some(8), None, &fields("eight", 0))
            .expect("o2");
        s.split_objective(o1, 3).expect("split");
        let r = s.report().expect("report");
        let got: Vec<_> = r.axes[0].actions[0]
            .objectives
            .iter()
            .map(|o| {
                (
                    o.number,
                    o.part.map(|p| (p.index, p.count)),
                    o.fields.progress,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (7, Some((1, 3)), 40),
                (7, Some((2, 3)), 0),
                (7, Some((3, 3)), 0),
                (8, None, 0)
            ]
        );
        assert!(s.split_objective(o1, 2).is_err(), "already in parts");
    }

    #[test]
    fn reordering_axes_and_deleting_cascades() {
        let mut s = Store::open_in_memory().expect("store");
        let a = s.add_axis(None, "A").expect("a");
        let b = s.add_axis(None, "B").expect("b");
        let c = s.add_axis(None, "C").expect("c");
        s.move_axis(c, 0).expect("move");
        let r = s.report().expect("report");
        let order: Vec<_> = r.axes.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(order, vec!["C", "A", "B"]);
        let ac = s.add_action(b, None, "x").expect("action");
        s.add_objective(ac, None, None, &fields("o", 1)).expect("o");
        s.delete_axis(b).expect("delete");
        let r = s.report().expect("report");
        assert_eq!(r.axes.len(), 2);
        assert_eq!(r.objectives().count(), 0, "objectives went with their axis");
        assert!(matches!(
            s.delete_axis(b),
            Err(Error::UnknownId { kind: "axis", .. })
        ));
        let _ = a;
    }
}
