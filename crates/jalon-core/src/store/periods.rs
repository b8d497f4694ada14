//! Periods and history in the store. The live tables hold the open period; closing one writes
//! the whole report as a JSON snapshot with its SHA-256 into the `period` row, in the same
//! transaction that opens the next period. Triggers in the schema refuse any later change to a
//! closed row, and every read of a snapshot checks its checksum again.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

use super::{Store, read_report};
use crate::error::{Error, Result};
use crate::model::{Objective, ObjectiveFields, ObjectiveRef, Part, Report, is_iso_date};
use crate::period::{Period, PeriodState, checksum, validate_closing, verify};

/// One recorded change of an objective: a field's old and new value, or a change of its
/// place (`created`, `deleted`, `number`, `action`: see `record_places`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// UTC, as YYYY-MM-DDTHH:MM:SSZ.
    pub at: String,
    /// The label of the period the change was made in.
    pub period: String,
    pub objective_id: i64,
    pub objective: ObjectiveRef,
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    /// For a text field, the words removed and added, so that a long text's change reads at
    /// a glance; empty for the other fields.
    pub words: Vec<crate::period::WordRun>,
}

/// The newest changes of a report or of one period, and how many there are in all, so that a
/// long history is shown a page at a time.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryPage {
    pub entries: Vec<HistoryEntry>,
    pub total: usize,
}

/// The fields whose changes are shown word by word.
const TEXT_FIELDS: [&str; 4] = ["title", "achievement", "next_steps", "lead"];

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

const PERIOD_COLUMNS: &str = "SELECT id, label, as_of, state, closed_at, checksum FROM period";

/// Closed periods by date, then the open one.
const PERIOD_ORDER: &str = "ORDER BY state = 'open', as_of, id";

fn period_from_row(r: &rusqlite::Row) -> rusqlite::Result<Period> {
    let state: String = r.get(3)?;
    Ok(Period {
        id: r.get(0)?,
        label: r.get(1)?,
        as_of: r.get(2)?,
        state: if state == "open" {
            PeriodState::Open
        } else {
            PeriodState::Closed
        },
        closed_at: r.get(4)?,
        checksum: r.get(5)?,
    })
}

fn all_periods(conn: &Connection) -> Result<Vec<Period>> {
    Ok(conn
        .prepare(&format!("{PERIOD_COLUMNS} {PERIOD_ORDER}"))?
        .query_map([], period_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

fn open_period(conn: &Connection) -> Result<Period> {
    Ok(conn.query_row(
        &format!("{PERIOD_COLUMNS} WHERE state = 'open'"),
        [],
        period_from_row,
    )?)
}

/// Gives a report read from a snapshot ids that are unique at each level, since the UI and
/// the figures key their rows by id.
fn number_ids(report: &mut Report) {
    let (mut a, mut c, mut o) = (0, 0, 0);
    for axis in &mut report.axes {
        a += 1;
        axis.id = a;
        for action in &mut axis.actions {
            c += 1;
            action.id = c;
            for objective in &mut action.objectives {
                o += 1;
                objective.id = o;
            }
        }
    }
}

/// The exact text of a closed period's snapshot, after checking it against its checksum.
fn snapshot_text(conn: &Connection, period: &Period) -> Result<String> {
    let (snapshot, stored): (String, String) = conn.query_row(
        "SELECT snapshot, checksum FROM period WHERE id = ?1 AND state = 'closed'",
        [period.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    verify(&period.label, &snapshot, &stored)?;
    Ok(snapshot)
}

/// The snapshot of a closed period as a report, after checking it against its checksum.
fn read_snapshot(conn: &Connection, period: &Period) -> Result<Report> {
    let mut report = crate::exchange::from_json(&snapshot_text(conn, period)?)?;
    number_ids(&mut report);
    Ok(report)
}

/// The period with this label; a closed one first, since the open period may carry the
/// label a closed one had.
fn find_by_label(conn: &Connection, label: &str) -> Result<Option<Period>> {
    Ok(conn
        .query_row(
            &format!("{PERIOD_COLUMNS} WHERE label = ?1 ORDER BY state = 'open' LIMIT 1"),
            [label.trim()],
            period_from_row,
        )
        .optional()?)
}

impl Store {
    /// Every period, the closed ones by "as of" date, then the open one.
    pub fn periods(&self) -> Result<Vec<Period>> {
        all_periods(&self.conn)
    }

    pub fn open_period(&self) -> Result<Period> {
        open_period(&self.conn)
    }

    pub fn period(&self, id: i64) -> Result<Period> {
        self.conn
            .query_row(
                &format!("{PERIOD_COLUMNS} WHERE id = ?1"),
                [id],
                period_from_row,
            )
            .optional()?
            .ok_or(Error::UnknownId { kind: "period", id })
    }

    /// The period with this label; a closed one first.
    pub fn period_by_label(&self, label: &str) -> Result<Period> {
        find_by_label(&self.conn, label)?
            .ok_or_else(|| Error::UnknownPeriod(label.trim().to_string()))
    }

    /// The report as it stood in a period: the live report for the open one, the verified
    /// snapshot for a closed one.
    pub fn period_report(&self, period: &Period) -> Result<Report> {
        match period.state {
            PeriodState::Open => self.report(),
            PeriodState::Closed => read_snapshot(&self.conn, period),
        }
    }

    /// Compares two periods by id, the earlier first.
    pub fn compare_periods(&self, from: i64, to: i64) -> Result<crate::period::Comparison> {
        let (a, b) = (self.period(from)?, self.period(to)?);
        Ok(crate::period::compare(
            &a.label,
            &self.period_report(&a)?,
            &b.label,
            &self.period_report(&b)?,
        ))
    }

    /// The last closed period and its report, if any.
    pub fn previous_period(&self) -> Result<Option<(Period, Report)>> {
        let last = self
            .periods()?
            .into_iter()
            .rev()
            .find(|p| p.state == PeriodState::Closed);
        last.map(|p| self.period_report(&p).map(|r| (p, r)))
            .transpose()
    }

    /// Every period with its summary, oldest first: the trend charts' series.
    pub fn period_summaries(&self) -> Result<Vec<(Period, crate::Summary)>> {
        self.periods()?
            .into_iter()
            .map(|p| self.period_report(&p).map(|r| (p, crate::summarize(&r))))
            .collect()
    }

    /// Checks every closed snapshot against its checksum: the first that fails is the error.
    pub fn verify_periods(&self) -> Result<usize> {
        let mut n = 0;
        for p in self.periods()? {
            if p.state == PeriodState::Closed {
                read_snapshot(&self.conn, &p)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Closes the open period: its report is frozen as a checksummed snapshot, and the next
    /// period opens with everything carried forward. One transaction: either both happen or
    /// neither does. Returns the new open period.
    pub fn close_period(&mut self, next_label: &str, next_as_of: &str) -> Result<Period> {
        let tx = self.conn.transaction()?;
        let current = open_period(&tx)?;
        validate_closing(&current, next_label, next_as_of)?;
        let periods = all_periods(&tx)?;
        let closed = || periods.iter().filter(|p| p.state == PeriodState::Closed);
        if closed().any(|p| p.label == current.label.trim()) {
            return Err(Error::Conflict(format!(
                "A period labelled {} is already closed; rename the open period first",
                current.label.trim()
            )));
        }
        if let Some(last) = closed().next_back().filter(|p| p.as_of >= current.as_of) {
            return Err(Error::invalid(
                "as of",
                format!(
                    "must be after {} (the \"as of\" date of {}, the last closed period)",
                    last.as_of, last.label
                ),
            ));
        }
        if closed().any(|p| p.label == next_label.trim()) {
            return Err(Error::Conflict(format!(
                "A period labelled {} is already closed; choose another label for the next period",
                next_label.trim()
            )));
        }
        let snapshot = crate::exchange::to_json(&read_report(&tx)?);
        tx.execute(
            &format!(
                "UPDATE period SET state = 'closed', label = trim(label), snapshot = ?1,
                     checksum = ?2, closed_at = {NOW}
                 WHERE id = ?3"
            ),
            params![snapshot, checksum(&snapshot), current.id],
        )?;
        tx.execute(
            "INSERT INTO period (label, as_of, state) VALUES (?1, ?2, 'open')",
            params![next_label.trim(), next_as_of],
        )?;
        tx.execute(
            "UPDATE strategy SET reporting_period = ?1, as_of = ?2 WHERE id = 1",
            params![next_label.trim(), next_as_of],
        )?;
        let next = open_period(&tx)?;
        tx.commit()?;
        Ok(next)
    }

    /// Adds a past edition of the report as a closed period (a published page of an earlier
    /// quarter, for instance). Its label must be new and its date earlier than the open
    /// period's. The live report is not touched.
    pub fn add_past_period(&mut self, label: &str, as_of: &str, report: &Report) -> Result<Period> {
        report.validate()?;
        if label.trim().is_empty() {
            return Err(Error::invalid("period", "must not be empty"));
        }
        if !is_iso_date(as_of) {
            return Err(Error::invalid("as of", "expected a date as YYYY-MM-DD"));
        }
        let tx = self.conn.transaction()?;
        let open = open_period(&tx)?;
        if all_periods(&tx)?.iter().any(|p| p.label == label.trim()) {
            return Err(Error::Conflict(format!(
                "The report already has a period labelled {}; a closed period cannot be replaced",
                label.trim()
            )));
        }
        if is_iso_date(&open.as_of) && as_of >= open.as_of.as_str() {
            return Err(Error::invalid(
                "as of",
                format!(
                    "a past period must be dated before the open period ({}, as of {})",
                    open.label, open.as_of
                ),
            ));
        }
        let snapshot = crate::exchange::to_json(report);
        let id = insert_closed(
            &tx,
            label.trim(),
            as_of,
            None,
            &snapshot,
            &checksum(&snapshot),
        )?;
        tx.commit()?;
        self.period(id)
    }

    /// Every change recorded for one objective, newest first.
    pub fn history(&self, objective_id: i64) -> Result<Vec<HistoryEntry>> {
        read_history(&self.conn, Some(objective_id), None, None)
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
            entries: read_history(&self.conn, None, period_id, Some(limit))?,
            total: usize::try_from(total).unwrap_or(0),
        })
    }

    /// The whole edit history, oldest first.
    pub fn all_history(&self) -> Result<Vec<HistoryEntry>> {
        let mut h = read_history(&self.conn, None, None, None)?;
        h.reverse();
        Ok(h)
    }

    /// Puts back closed periods and history read from a JSON document, with a report that
    /// replaces the live one; refused when the file already has closed periods, which cannot
    /// be replaced. One transaction.
    pub(crate) fn replace_with_history(
        &mut self,
        report: &Report,
        periods: &[crate::exchange::ClosedPeriod],
        history: &[HistoryEntry],
    ) -> Result<()> {
        report.validate()?;
        if !periods.is_empty() && self.periods()?.iter().any(|p| !p.is_open()) {
            return Err(Error::Conflict(
                "This report already has closed periods, and a closed period cannot be replaced; \
                 import the document into a new report"
                    .into(),
            ));
        }
        let tx = self.conn.transaction()?;
        super::write_whole(&tx, report, false)?;
        for p in periods {
            insert_closed(
                &tx,
                &p.label,
                &p.as_of,
                p.closed_at.as_deref(),
                &p.snapshot,
                &p.checksum,
            )?;
        }
        let open = open_period(&tx)?;
        for h in history {
            let period_id = find_by_label(&tx, &h.period)?.map_or(open.id, |p| p.id);
            // The objective is found again by number; the history of one deleted since keeps
            // id 0, which no objective has.
            let objective_id: i64 = tx
                .query_row(
                    "SELECT id FROM objective WHERE number = ?1 AND ifnull(part, 0) = ?2",
                    params![h.objective.number, h.objective.part.map_or(0, |p| p.index)],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(0);
            tx.execute(
                "INSERT INTO history (at, period_id, objective_id, number, part, field,
                     old_value, new_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    h.at,
                    period_id,
                    objective_id,
                    h.objective.number,
                    h.objective.part.map(|p| p.index),
                    h.field,
                    h.old_value,
                    h.new_value
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn insert_closed(
    tx: &Transaction,
    label: &str,
    as_of: &str,
    closed_at: Option<&str>,
    snapshot: &str,
    sum: &str,
) -> Result<i64> {
    tx.execute(
        &format!(
            "INSERT INTO period (label, as_of, state, closed_at, snapshot, checksum)
             VALUES (?1, ?2, 'closed', coalesce(?3, {NOW}), ?4, ?5)"
        ),
        params![label, as_of, closed_at, snapshot, sum],
    )?;
    Ok(tx.last_insert_rowid())
}

/// An objective reference from three columns from `at` on: number, part and part count. The
/// history keeps no count, and a deleted objective has none to join: the part is then
/// counted as the last.
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
fn read_history(
    conn: &Connection,
    objective: Option<i64>,
    period: Option<i64>,
    limit: Option<usize>,
) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT h.at, p.label, h.objective_id, h.number, h.part, o.parts, h.field,
                h.old_value, h.new_value
         FROM history h JOIN period p ON p.id = h.period_id
         LEFT JOIN objective o ON o.id = h.objective_id
         WHERE (?1 IS NULL OR h.objective_id = ?1) AND (?2 IS NULL OR h.period_id = ?2)
         ORDER BY h.id DESC
         LIMIT ?3",
    )?;
    // SQLite reads a negative limit as none.
    let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let rows = stmt.query_map(params![objective, period, limit], |r| {
        Ok(HistoryEntry {
            at: r.get(0)?,
            period: r.get(1)?,
            objective_id: r.get(2)?,
            objective: reference_at(r, 3)?,
            field: r.get(6)?,
            old_value: r.get(7)?,
            new_value: r.get(8)?,
            words: Vec::new(),
        })
    })?;
    let mut out: Vec<HistoryEntry> = rows.collect::<rusqlite::Result<_>>()?;
    for h in &mut out {
        if TEXT_FIELDS.contains(&h.field.as_str()) {
            h.words = crate::period::word_diff(&h.old_value, &h.new_value);
        }
    }
    Ok(out)
}

/// The fields the history follows, as text: the stable codes for a status, digits for
/// numbers, and the indicator as one line.
fn field_values(f: &ObjectiveFields) -> [(&'static str, String); 9] {
    let indicator = f.indicator.as_ref().map_or(String::new(), |i| {
        format!(
            "{} → {} → {} {} ({})",
            i.baseline,
            i.current,
            i.target,
            i.unit,
            i.direction.code()
        )
        .replace("  ", " ")
    });
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

/// Writes history rows in the caller's transaction, all in the open period.
fn insert_history<'a>(
    tx: &Transaction,
    rows: impl IntoIterator<Item = (i64, ObjectiveRef, &'a str, String, String)>,
) -> Result<()> {
    let mut rows = rows.into_iter().peekable();
    if rows.peek().is_none() {
        return Ok(());
    }
    let period: i64 = tx.query_row("SELECT id FROM period WHERE state = 'open'", [], |r| {
        r.get(0)
    })?;
    let mut stmt = tx.prepare_cached(&format!(
        "INSERT INTO history (at, period_id, objective_id, number, part, field, old_value,
             new_value)
         VALUES ({NOW}, ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    ))?;
    for (id, at, field, old, new) in rows {
        stmt.execute(params![
            period,
            id,
            at.number,
            at.part.map(|p| p.index),
            field,
            old,
            new
        ])?;
    }
    Ok(())
}

/// Records each field of an objective that differs between `before` and `after`, in the
/// transaction of the write, so a change and its history are saved together or not at all.
pub(super) fn record_changes(
    tx: &Transaction,
    before: &Objective,
    after: &ObjectiveFields,
) -> Result<()> {
    insert_history(
        tx,
        field_values(&before.fields)
            .into_iter()
            .zip(field_values(after))
            .filter(|((_, old), (_, new))| old != new)
            .map(|((field, old), (_, new))| (before.id, before.reference(), field, old, new)),
    )
}

/// `record_changes` for every objective present, by id, in both reports, and
/// `record_places` for the objectives added, removed, renumbered or moved.
pub(super) fn record_report_changes(
    tx: &Transaction,
    before: &Report,
    after: &Report,
) -> Result<()> {
    let old: HashMap<i64, &Objective> = before.objectives().map(|(_, _, o)| (o.id, o)).collect();
    for (_, _, o) in after.objectives() {
        if let Some(b) = old.get(&o.id) {
            record_changes(tx, b, &o.fields)?;
        }
    }
    record_places(tx, &places_of(before), &places_of(after))
}

/// Where an objective sits, and what it is called: what a change of the report's structure
/// moves, so that an objective's history says when it was added, renumbered or moved, and a
/// deleted objective's title stays on record.
#[derive(Debug, PartialEq)]
pub(super) struct Place {
    reference: ObjectiveRef,
    action: u32,
    title: String,
}

pub(super) type Places = HashMap<i64, Place>;

/// Every objective's place in the live tables: one query, lighter than reading the report,
/// since it runs before and after every change of structure.
pub(super) fn places(tx: &Transaction) -> Result<Places> {
    let mut stmt = tx.prepare_cached(
        "SELECT o.id, o.number, o.part, o.parts, a.number, o.title
         FROM objective o JOIN action a ON a.id = o.action_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            Place {
                reference: reference_at(r, 1)?,
                action: r.get(4)?,
                title: r.get(5)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn places_of(report: &Report) -> Places {
    report
        .objectives()
        .map(|(_, action, o)| {
            (
                o.id,
                Place {
                    reference: o.reference(),
                    action: action.number,
                    title: o.fields.title.clone(),
                },
            )
        })
        .collect()
}

/// Records, by objective id, what a change of structure did: `created` (new value: the
/// action's number), `deleted` (old value: the title), `number` (the reference before and
/// after, such as "32 (1/2)" and "33") and `action` (the action's number before and after).
pub(super) fn record_places(tx: &Transaction, before: &Places, after: &Places) -> Result<()> {
    let mut rows = Vec::new();
    for (id, a) in after {
        match before.get(id) {
            None => rows.push((
                *id,
                a.reference,
                "created",
                String::new(),
                a.action.to_string(),
            )),
            Some(b) => {
                if b.reference != a.reference {
                    let (old, new) = (b.reference.to_string(), a.reference.to_string());
                    rows.push((*id, a.reference, "number", old, new));
                }
                if b.action != a.action {
                    let (old, new) = (b.action.to_string(), a.action.to_string());
                    rows.push((*id, a.reference, "action", old, new));
                }
            }
        }
    }
    for (id, b) in before {
        if !after.contains_key(id) {
            rows.push((*id, b.reference, "deleted", b.title.clone(), String::new()));
        }
    }
    // By id, so that one change's rows come in the same order every time.
    rows.sort_by_key(|(id, ..)| *id);
    insert_history(tx, rows)
}

impl Store {
    /// The exact text of a closed period's snapshot, as checksummed (the JSON export carries
    /// it as is).
    pub(crate) fn snapshot_text(&self, period: &Period) -> Result<String> {
        snapshot_text(&self.conn, period)
    }
}
