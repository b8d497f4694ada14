//! The edit history in the store. A row records one change of the strategy, an axis, an action
//! or an objective: a field's old and new value, or a change of place (added, deleted,
//! renumbered, moved). Rows are written in the transaction of the change they record, so that
//! a change and its history are saved together or not at all, whichever path made the change.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::Result;
use crate::Store;
use crate::rows::Cells;
use crate::schema::NOW;
use jalon_core::history::Change;
use jalon_core::model::{Objective, ObjectiveFields, ObjectiveRef, Part, Report, Strategy};

pub use jalon_core::history::{HistoryEntry, HistoryPage};
pub use jalon_core::lang::Level;

impl Store {
    /// Every change recorded for one objective, newest first.
    pub fn history(&self, objective_id: i64) -> Result<Vec<HistoryEntry>> {
        read(&self.conn, Some(objective_id), None, None)
    }

    /// The newest `limit` changes made in a period (in every period with None), newest
    /// first, with how many there are in all.
    pub fn period_history(&self, period_id: Option<i64>, limit: usize) -> Result<HistoryPage> {
        let total: i64 = self.conn.query_row(
            "SELECT count(*) FROM history WHERE ?1 IS NULL OR period_id = ?1",
            [period_id],
            |r| r.get(0),
        )?;
        Ok(HistoryPage {
            entries: read(&self.conn, None, period_id, Some(limit))?,
            total: usize::try_from(total).unwrap_or(0),
        })
    }

    /// The whole edit history, oldest first.
    pub fn all_history(&self) -> Result<Vec<HistoryEntry>> {
        let mut h = read(&self.conn, None, None, None)?;
        h.reverse();
        Ok(h)
    }
}

/// A reference from three columns from `at` on: number, part and part count. The history
/// keeps no count, and a deleted objective has none to join: the part is then counted as the
/// last.
fn reference_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<ObjectiveRef> {
    let part: Option<u32> = r.get(at + 1)?;
    let parts: Option<u32> = r.get(at + 2)?;
    Ok(ObjectiveRef {
        number: r.get(at)?,
        part: part.map(|index| Part {
            index,
            count: parts.unwrap_or(index),
        }),
    })
}

/// History rows, newest first: one objective's or all, in one period or all, and at most
/// `limit` of them.
fn read(
    conn: &Connection,
    objective: Option<i64>,
    period: Option<i64>,
    limit: Option<usize>,
) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT h.id, h.at, p.label, h.level, h.subject_id, h.number, h.part, o.parts, h.field,
                h.old_value, h.new_value, w.round_id, w.lead, w.returned_sha256
         FROM history h JOIN period p ON p.id = h.period_id
         LEFT JOIN objective o ON h.level = 'objective' AND o.id = h.subject_id
         LEFT JOIN round_workbook w ON w.id = h.workbook_id
         WHERE (?1 IS NULL OR (h.level = 'objective' AND h.subject_id = ?1))
           AND (?2 IS NULL OR h.period_id = ?2)
         ORDER BY h.id DESC
         LIMIT ?3",
    )?;
    // SQLite reads a negative limit as none.
    let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let mut rows = stmt.query(params![objective, period, limit])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let c = Cells::of(r, "history")?;
        let level: Level = c.code("level")?;
        let field: String = c.get("field")?;
        let old: String = c.get("old_value")?;
        let new: String = c.get("new_value")?;
        let change = Change::from_columns(level, &field, &old, &new).map_err(|e| c.bad(e))?;
        let part: Option<u32> = c.get("part")?;
        let parts: Option<u32> = c.get("parts")?;
        out.push(
            HistoryEntry {
                at: c.get("at")?,
                period: c.get("label")?,
                level,
                subject_id: c.get("subject_id")?,
                reference: ObjectiveRef {
                    number: c.get("number")?,
                    // The history keeps no part count, and a deleted objective has none to
                    // join: the part is then counted as the last.
                    part: part.map(|index| Part {
                        index,
                        count: parts.unwrap_or(index),
                    }),
                },
                change,
                words: Vec::new(),
                source: match c.get::<Option<String>>("round_id")? {
                    Some(round) => Some(jalon_core::history::ChangeSource {
                        round,
                        lead: c.get("lead")?,
                        sha256: c
                            .get::<Option<String>>("returned_sha256")?
                            .unwrap_or_default(),
                    }),
                    None => None,
                },
            }
            .with_words(),
        );
    }
    Ok(out)
}

/// Who a row is about, as written.
#[derive(Debug, Clone, Copy)]
struct Subject {
    level: Level,
    id: i64,
    reference: ObjectiveRef,
}

impl Subject {
    const STRATEGY: Subject = Subject {
        level: Level::Strategy,
        id: 0,
        reference: ObjectiveRef {
            number: 0,
            part: None,
        },
    };
}

/// Writes history rows in the caller's transaction, all in the open period.
fn insert<'a>(
    tx: &Transaction,
    rows: impl IntoIterator<Item = (Subject, &'a str, String, String)>,
) -> Result<()> {
    let mut rows = rows.into_iter().peekable();
    if rows.peek().is_none() {
        return Ok(());
    }
    let period: i64 = tx.query_row("SELECT id FROM period WHERE state = 'open'", [], |r| {
        r.get(0)
    })?;
    let mut stmt = tx.prepare_cached(&format!(
        "INSERT INTO history (at, period_id, level, subject_id, number, part, field, old_value,
             new_value)
         VALUES ({NOW}, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    ))?;
    for (who, field, old, new) in rows {
        stmt.execute(params![
            period,
            who.level.code(),
            who.id,
            who.reference.number,
            who.reference.part.map(|p| p.index),
            field,
            old,
            new
        ])?;
    }
    Ok(())
}

/// Writes a row read from a JSON document into `period_id`. Its subject is found again by
/// level and number, since a document carries no ids; one that no longer exists keeps id 0.
pub(super) fn import_row(tx: &Transaction, period_id: i64, h: &HistoryEntry) -> Result<()> {
    let (number, part) = (h.reference.number, h.reference.part.map_or(0, |p| p.index));
    let found = |sql: &str| -> Result<i64> {
        Ok(tx
            .query_row(sql, params![number, part], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    };
    let subject_id = match h.level {
        Level::Strategy => 0,
        Level::Axis => found("SELECT id FROM axis WHERE number = ?1 AND ?2 = 0")?,
        Level::Action => found("SELECT id FROM action WHERE number = ?1 AND ?2 = 0")?,
        Level::Objective => {
            found("SELECT id FROM objective WHERE number = ?1 AND ifnull(part, 0) = ?2")?
        }
    };
    let (field, old, new) = h.columns();
    tx.execute(
        "INSERT INTO history (at, period_id, level, subject_id, number, part, field, old_value,
             new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            h.at,
            period_id,
            h.level.code(),
            subject_id,
            number,
            h.reference.part.map(|p| p.index),
            field,
            old,
            new
        ],
    )?;
    // The workbook the change was accepted from ("jalon/5"), among the rounds just written.
    if let Some(s) = &h.source {
        tx.execute(
            "UPDATE history SET workbook_id = (SELECT id FROM round_workbook
                 WHERE round_id = ?1 AND lead = ?2)
             WHERE id = last_insert_rowid()",
            params![s.round, s.lead],
        )?;
    }
    Ok(())
}

/// The fields of an objective the history follows, as text: the stable codes for a status,
/// digits for numbers, and the indicator as JSON (see `Change::columns`).
fn objective_values(f: &ObjectiveFields) -> [(&'static str, String); 9] {
    // The same text the typed change writes, so that the codec reads it back.
    let (_, _, indicator) = Change::Indicator {
        old: None,
        new: f.indicator.clone(),
    }
    .columns(Level::Objective);
    [
        ("title", f.title.clone()),
        ("status", f.status.code().to_string()),
        ("progress", f.progress.to_string()),
        ("achievement", f.achievement.clone()),
        ("next_steps", f.next_steps.clone()),
        ("lead", f.lead.clone()),
        ("due_date", f.due_date.clone()),
        ("weight", f.weight.to_string()),
        ("indicator", indicator),
    ]
}

fn strategy_values(s: &Strategy) -> [(&'static str, String); 6] {
    [
        ("title", s.title.trim().to_string()),
        ("period", s.period.clone()),
        ("language", s.language.code().to_string()),
        ("method", s.method.code().to_string()),
        ("reporting_period", s.reporting_period.clone()),
        ("as_of", s.as_of.clone()),
    ]
}

/// The fields whose values differ, as (field, old, new).
fn changed<const N: usize>(
    before: [(&'static str, String); N],
    after: [(&'static str, String); N],
) -> impl Iterator<Item = (&'static str, String, String)> {
    before
        .into_iter()
        .zip(after)
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, old), (_, new))| (field, old, new))
}

/// Records each field of an objective that differs between `before` and `after`.
pub(super) fn record_changes(
    tx: &Transaction,
    before: &Objective,
    after: &ObjectiveFields,
) -> Result<()> {
    let who = Subject {
        level: Level::Objective,
        id: before.id,
        reference: before.reference(),
    };
    insert(
        tx,
        changed(objective_values(&before.fields), objective_values(after))
            .map(|(field, old, new)| (who, field, old, new)),
    )
}

/// Records each field of the strategy that differs between `before` and `after`.
pub(super) fn record_strategy(tx: &Transaction, before: &Strategy, after: &Strategy) -> Result<()> {
    insert(
        tx,
        changed(strategy_values(before), strategy_values(after))
            .map(|(field, old, new)| (Subject::STRATEGY, field, old, new)),
    )
}

/// Everything a change of a whole report can record, between two reads of it: the
/// strategy's fields, the fields of every objective present in both (by id), and the places
/// of every axis, action and objective.
pub(super) fn record_report_changes(
    tx: &Transaction,
    before: &Report,
    after: &Report,
) -> Result<()> {
    record_strategy(tx, &before.strategy, &after.strategy)?;
    let old: HashMap<i64, &Objective> = before.objectives().map(|(_, _, o)| (o.id, o)).collect();
    for (_, _, o) in after.objectives() {
        if let Some(b) = old.get(&o.id) {
            record_changes(tx, b, &o.fields)?;
        }
    }
    record_places(tx, &places_of(before), &places_of(after))
}

/// Where an axis, action or objective sits and what it is called: what a change of the
/// report's structure moves, so that the history says when each was added, renumbered,
/// renamed or moved, and a deleted one's title stays on record.
#[derive(Debug, PartialEq)]
struct Place {
    reference: ObjectiveRef,
    /// The number of the axis an action is in, or of the action an objective is in.
    parent: u32,
    title: String,
    /// An action's published progress.
    published: Option<u32>,
}

/// Every axis, action and objective by id.
#[derive(Debug, Default)]
pub(super) struct Places {
    axes: HashMap<i64, Place>,
    actions: HashMap<i64, Place>,
    objectives: HashMap<i64, Place>,
}

fn whole(number: u32) -> ObjectiveRef {
    ObjectiveRef { number, part: None }
}

/// Every place in the live tables: three queries, lighter than reading the report, since they
/// run before and after every change of structure.
pub(super) fn places(tx: &Transaction) -> Result<Places> {
    // Each level's query gives the same columns: id, number, part, part count, parent's
    // number, title, published progress.
    let read = |sql: &str| -> Result<HashMap<i64, Place>> {
        let mut stmt = tx.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                Place {
                    reference: reference_at(r, 1)?,
                    parent: r.get(4)?,
                    title: r.get(5)?,
                    published: r.get(6)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    Ok(Places {
        axes: read("SELECT id, number, NULL, NULL, 0, title, NULL FROM axis")?,
        actions: read(
            "SELECT c.id, c.number, NULL, NULL, x.number, c.title, c.published_progress
             FROM action c JOIN axis x ON x.id = c.axis_id",
        )?,
        objectives: read(
            "SELECT o.id, o.number, o.part, o.parts, a.number, o.title, NULL
             FROM objective o JOIN action a ON a.id = o.action_id",
        )?,
    })
}

fn places_of(report: &Report) -> Places {
    let mut out = Places::default();
    for axis in &report.axes {
        out.axes.insert(
            axis.id,
            Place {
                reference: whole(axis.number),
                parent: 0,
                title: axis.title.clone(),
                published: None,
            },
        );
        for action in &axis.actions {
            out.actions.insert(
                action.id,
                Place {
                    reference: whole(action.number),
                    parent: axis.number,
                    title: action.title.clone(),
                    published: action.published_progress,
                },
            );
            for o in &action.objectives {
                out.objectives.insert(
                    o.id,
                    Place {
                        reference: o.reference(),
                        parent: action.number,
                        title: o.fields.title.clone(),
                        published: None,
                    },
                );
            }
        }
    }
    out
}

/// Records, by level and id, what a change of structure did:
/// - `created`: new value, the number of the axis or action it was added to (empty for an
///   axis);
/// - `deleted`: old value, its title;
/// - `number`: the reference before and after, such as "32 (1/2)" and "33";
/// - `axis` (an action) or `action` (an objective): the number of the one it was in, and of
///   the one it is in now;
/// - for an axis or an action, `title`, and an action's `published_progress`. An objective's
///   title is one of its fields, which `record_changes` follows.
pub(super) fn record_places(tx: &Transaction, before: &Places, after: &Places) -> Result<()> {
    let mut rows = Vec::new();
    let levels = [
        (Level::Axis, "", &before.axes, &after.axes),
        (Level::Action, "axis", &before.actions, &after.actions),
        (
            Level::Objective,
            "action",
            &before.objectives,
            &after.objectives,
        ),
    ];
    for (level, parent_field, before, after) in levels {
        let mut level_rows = Vec::new();
        let who = |id: i64, p: &Place| Subject {
            level,
            id,
            reference: p.reference,
        };
        for (id, a) in after {
            let Some(b) = before.get(id) else {
                let parent = if level == Level::Axis {
                    String::new()
                } else {
                    a.parent.to_string()
                };
                level_rows.push((who(*id, a), "created", String::new(), parent));
                continue;
            };
            if b.reference != a.reference {
                let (old, new) = (b.reference.to_string(), a.reference.to_string());
                level_rows.push((who(*id, a), "number", old, new));
            }
            if b.parent != a.parent {
                let (old, new) = (b.parent.to_string(), a.parent.to_string());
                level_rows.push((who(*id, a), parent_field, old, new));
            }
            if level != Level::Objective && b.title != a.title {
                level_rows.push((who(*id, a), "title", b.title.clone(), a.title.clone()));
            }
            if b.published != a.published {
                let text = |p: Option<u32>| p.map_or(String::new(), |p| p.to_string());
                level_rows.push((
                    who(*id, a),
                    "published_progress",
                    text(b.published),
                    text(a.published),
                ));
            }
        }
        for (id, b) in before {
            if !after.contains_key(id) {
                level_rows.push((who(*id, b), "deleted", b.title.clone(), String::new()));
            }
        }
        // By id within a level, so that one change's rows come in the same order every time.
        level_rows.sort_by_key(|(who, ..)| who.id);
        rows.extend(level_rows);
    }
    insert(tx, rows)
}
