//! Contributor rounds in the store (schema 5): the report's own identity, each round with its
//! workbooks and their state, and a returned workbook's accepted changes written in one
//! transaction, tagged in the history with their workbook.

use rusqlite::{OptionalExtension, params};

use crate::Result;
use crate::Store;
use crate::rows::read_objective;
use crate::schema::NOW;
use crate::structure::{stored_fields, write_objective_fields};
use jalon_core::error::Error;
use jalon_core::model::ObjectiveFields;

/// Where a round's workbook stands.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkbookState {
    /// Sent, not back yet, and its round's due date is not past.
    Issued,
    /// Sent, not back, and the due date is past (by the computer's local date).
    Overdue,
    /// Back and reviewed, with conflicts still waiting for a choice.
    Returned,
    /// Back, and every change decided.
    Imported,
}

/// A workbook of a round, as the round's status lists it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoundWorkbook {
    /// Empty for the workbook of objectives without a lead.
    pub lead: String,
    pub file_name: String,
    pub issued_at: String,
    pub state: WorkbookState,
    pub returned_sha256: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Round {
    pub id: String,
    pub started_at: String,
    pub due: String,
    pub state: String,
    pub workbooks: Vec<RoundWorkbook>,
}

/// Where each round workbook stands in the file (its state, returned file and import time), as
/// undo and redo put it back: undoing an applied round makes its workbook "not imported" again,
/// so that it can be imported anew.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkbookMarks(Vec<WorkbookMark>);

impl WorkbookMarks {
    /// Whether a workbook these marks hold stands otherwise in `now`. A workbook made since
    /// (a round started) is no change: undo leaves it as it is.
    pub fn moved_in(&self, now: &WorkbookMarks) -> bool {
        self.0
            .iter()
            .any(|m| now.0.iter().find(|n| n.id == m.id) != Some(m))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct WorkbookMark {
    id: i64,
    state: String,
    returned_sha256: Option<String>,
    imported_at: Option<String>,
}

impl Store {
    pub fn workbook_marks(&self) -> Result<WorkbookMarks> {
        read_marks(&self.conn)
    }

    /// The report's own identity: 32 hex digits made once, when the file got schema 5.
    pub fn report_id(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT id FROM report_identity", [], |r| r.get(0))?)
    }

    /// A new round's id: 32 random hex digits (SQLite's randomness, so that the core needs no
    /// generator of its own). The workbooks carry it before the round is recorded.
    pub fn new_round_id(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT lower(hex(randomblob(16)))", [], |r| r.get(0))?)
    }

    /// Records a round and its workbooks (lead, file name), in one transaction.
    pub fn start_round(
        &mut self,
        id: &str,
        due: &str,
        workbooks: &[(String, String)],
    ) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            &format!(
                "INSERT INTO round (id, started_at, due, period_id)
                 VALUES (?1, {NOW}, ?2, (SELECT id FROM period WHERE state = 'open'))"
            ),
            params![id, due],
        )?;
        for (lead, file) in workbooks {
            tx.execute(
                &format!(
                    "INSERT INTO round_workbook (round_id, lead, file_name, issued_at)
                     VALUES (?1, ?2, ?3, {NOW})"
                ),
                params![id, lead, file],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every round, oldest first, with its workbooks.
    pub fn rounds(&self) -> Result<Vec<Round>> {
        let mut rounds: Vec<Round> = self
            .conn
            .prepare("SELECT id, started_at, due, state FROM round ORDER BY started_at, rowid")?
            .query_map([], |r| {
                Ok(Round {
                    id: r.get(0)?,
                    started_at: r.get(1)?,
                    due: r.get(2)?,
                    state: r.get(3)?,
                    workbooks: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT w.lead, w.file_name, w.issued_at, w.state, w.returned_sha256,
                    w.state = 'issued' AND round.due <> '' AND round.due < date('now', 'localtime')
             FROM round_workbook w JOIN round ON round.id = w.round_id
             WHERE w.round_id = ?1 ORDER BY w.id",
        )?;
        for round in &mut rounds {
            round.workbooks = stmt
                .query_map([&round.id], |r| {
                    let stored: String = r.get(3)?;
                    let overdue: bool = r.get(5)?;
                    Ok(RoundWorkbook {
                        lead: r.get(0)?,
                        file_name: r.get(1)?,
                        issued_at: r.get(2)?,
                        state: match stored.as_str() {
                            _ if overdue => WorkbookState::Overdue,
                            "returned" => WorkbookState::Returned,
                            "imported" => WorkbookState::Imported,
                            _ => WorkbookState::Issued,
                        },
                        returned_sha256: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(rounds)
    }

    /// The workbook a lead was issued in a round, if any: (its row id, its state).
    pub fn round_workbook(&self, round_id: &str, lead: &str) -> Result<Option<(i64, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, state FROM round_workbook WHERE round_id = ?1 AND lead = ?2",
                params![round_id, lead],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

impl Store {
    /// Applies the accepted changes of one returned workbook in one transaction: each
    /// objective's new fields, recorded in the history like any edit and tagged with the
    /// workbook; the workbook is then marked imported (returned, when `complete` is false:
    /// conflicts still wait for a choice) with the returned file's SHA-256.
    /// Returns how many objectives changed.
    pub fn accept_round_changes(
        &mut self,
        round_id: &str,
        lead: &str,
        sha256: &str,
        changes: &[(i64, ObjectiveFields)],
        complete: bool,
    ) -> Result<usize> {
        for (_, f) in changes {
            f.validate()?;
        }
        let tx = self.write_tx()?;
        let workbook: i64 = tx
            .query_row(
                "SELECT id FROM round_workbook WHERE round_id = ?1 AND lead = ?2",
                params![round_id, lead],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::UnknownId {
                kind: "round workbook",
                id: 0,
            })?;
        let last: i64 = tx.query_row("SELECT ifnull(max(id), 0) FROM history", [], |r| r.get(0))?;
        for (id, fields) in changes {
            let before = read_objective(&tx, *id)?.ok_or(Error::UnknownId {
                kind: "objective",
                id: *id,
            })?;
            write_objective_fields(&tx, *id, fields)?;
            crate::history::record_changes(&tx, &before, &stored_fields(fields))?;
        }
        tx.execute(
            "UPDATE history SET workbook_id = ?1 WHERE id > ?2",
            params![workbook, last],
        )?;
        tx.execute(
            &format!(
                "UPDATE round_workbook SET state = ?3, returned_sha256 = ?2,
                 imported_at = {NOW} WHERE id = ?1"
            ),
            params![
                workbook,
                sha256,
                if complete { "imported" } else { "returned" }
            ],
        )?;
        tx.commit()?;
        Ok(changes.len())
    }
}

/// The rounds as the JSON exchange carries them, oldest first.
pub(crate) fn round_records(
    conn: &rusqlite::Connection,
) -> Result<Vec<jalon_core::exchange::RoundRecord>> {
    use jalon_core::exchange::{RoundRecord, RoundState, WorkbookRecord, WorkbookStage};
    let mut rounds = conn
        .prepare(
            "SELECT r.id, r.started_at, r.due, p.label, r.state FROM round r
             JOIN period p ON p.id = r.period_id ORDER BY r.started_at, r.rowid",
        )?
        .query_map([], |r| {
            Ok(RoundRecord {
                id: r.get(0)?,
                started_at: r.get(1)?,
                due: r.get(2)?,
                period: r.get(3)?,
                // The file's CHECK allows these two only.
                state: match r.get::<_, String>(4)?.as_str() {
                    "closed" => RoundState::Closed,
                    _ => RoundState::Open,
                },
                workbooks: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut st = conn.prepare(
        "SELECT lead, file_name, issued_at, state, returned_sha256, imported_at
         FROM round_workbook WHERE round_id = ?1 ORDER BY id",
    )?;
    for round in &mut rounds {
        round.workbooks = st
            .query_map([&round.id], |r| {
                Ok(WorkbookRecord {
                    lead: r.get(0)?,
                    file_name: r.get(1)?,
                    issued_at: r.get(2)?,
                    state: match r.get::<_, String>(3)?.as_str() {
                        "imported" => WorkbookStage::Imported,
                        "returned" => WorkbookStage::Returned,
                        _ => WorkbookStage::Issued,
                    },
                    returned_sha256: r.get(4)?,
                    imported_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(rounds)
}

/// A document's identity and rounds, written inside the import's transaction into a report
/// that has no rounds yet: the identity becomes the report's, so that the workbooks already
/// sent still match it.
pub(crate) fn import_rounds(
    tx: &rusqlite::Transaction,
    identity: Option<&str>,
    rounds: &[jalon_core::exchange::RoundRecord],
) -> Result<()> {
    let has_rounds: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM round)", [], |r| r.get(0))?;
    if has_rounds {
        if !rounds.is_empty() {
            return Err(
                Error::Conflict(jalon_core::error::Conflict::RoundsCannotBeReplaced).into(),
            );
        }
        // Its own workbooks name its own identity: it is kept.
        return Ok(());
    }
    if let Some(id) = identity {
        tx.execute("UPDATE report_identity SET id = ?1", [id])?;
    }
    for r in rounds {
        tx.execute(
            "INSERT INTO round (id, started_at, due, period_id, state)
             VALUES (?1, ?2, ?3, (SELECT id FROM period WHERE label = ?4
                                  ORDER BY state = 'open' DESC LIMIT 1), ?5)",
            params![r.id, r.started_at, r.due, r.period, r.state.code()],
        )?;
        for w in &r.workbooks {
            tx.execute(
                "INSERT INTO round_workbook (round_id, lead, file_name, issued_at, state,
                     returned_sha256, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    r.id,
                    w.lead,
                    w.file_name,
                    w.issued_at,
                    w.state.code(),
                    w.returned_sha256,
                    w.imported_at
                ],
            )?;
        }
    }
    Ok(())
}

/// Puts each workbook `marks` holds back where it stood, inside the caller's transaction; a
/// workbook made since is left as it is.
pub(crate) fn write_marks(tx: &rusqlite::Transaction, marks: &WorkbookMarks) -> Result<()> {
    for m in &marks.0 {
        tx.execute(
            "UPDATE round_workbook SET state = ?2, returned_sha256 = ?3, imported_at = ?4
             WHERE id = ?1",
            params![m.id, m.state, m.returned_sha256, m.imported_at],
        )?;
    }
    Ok(())
}

fn read_marks(conn: &rusqlite::Connection) -> Result<WorkbookMarks> {
    let mut st = conn.prepare(
        "SELECT id, state, returned_sha256, imported_at FROM round_workbook ORDER BY id",
    )?;
    let marks = st
        .query_map([], |r| {
            Ok(WorkbookMark {
                id: r.get(0)?,
                state: r.get(1)?,
                returned_sha256: r.get(2)?,
                imported_at: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(WorkbookMarks(marks))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_is_recorded_with_its_workbooks_and_the_report_has_one_identity() {
        let mut s = Store::open_in_memory().unwrap();
        let id = s.report_id().unwrap();
        assert_eq!(id.len(), 32);
        assert_eq!(s.report_id().unwrap(), id, "made once");
        let round = s.new_round_id().unwrap();
        s.start_round(
            &round,
            "2999-06-15",
            &[
                ("Ana".into(), "Ana.xlsx".into()),
                ("".into(), "No lead.xlsx".into()),
            ],
        )
        .unwrap();
        let rounds = s.rounds().unwrap();
        assert_eq!(rounds.len(), 1);
        assert_eq!(rounds[0].id, round);
        assert_eq!(rounds[0].due, "2999-06-15");
        let leads: Vec<(&str, WorkbookState)> = rounds[0]
            .workbooks
            .iter()
            .map(|w| (w.lead.as_str(), w.state))
            .collect();
        assert_eq!(
            leads,
            [("Ana", WorkbookState::Issued), ("", WorkbookState::Issued)]
        );
        assert!(s.round_workbook(&round, "Ana").unwrap().is_some());
        assert!(s.round_workbook(&round, "Bo").unwrap().is_none());
        let again = s.new_round_id().unwrap();
        assert!(
            s.start_round(
                &again,
                "",
                &[("Ana".into(), "a".into()), ("Ana".into(), "b".into())]
            )
            .is_err(),
            "one workbook per lead and round"
        );
        assert_eq!(
            s.rounds().unwrap().len(),
            1,
            "a refused round leaves nothing"
        );
    }

    #[test]
    fn accepted_changes_are_written_in_the_history_with_their_workbook() {
        let mut s = Store::open_in_memory().unwrap();
        s.replace(&jalon_core::synthetic::generate(3)).unwrap();
        let o = s.report().unwrap().objectives().next().unwrap().2.clone();
        let round = s.new_round_id().unwrap();
        s.start_round(&round, "", &[("Ana".into(), "Ana.xlsx".into())])
            .unwrap();
        let mut fields = o.fields.clone();
        fields.progress = if fields.progress == 90 { 80 } else { 90 };
        let sha = "a".repeat(64);
        let n = s
            .accept_round_changes(&round, "Ana", &sha, &[(o.id, fields.clone())], true)
            .unwrap();
        assert_eq!(n, 1);
        let tagged: Vec<(String, i64)> = s
            .conn
            .prepare("SELECT field, ifnull(workbook_id, 0) FROM history WHERE subject_id = ?1")
            .unwrap()
            .query_map([o.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            tagged.iter().any(|(f, w)| f == "progress" && *w > 0),
            "{tagged:?}"
        );
        let w = &s.rounds().unwrap()[0].workbooks[0];
        assert_eq!(
            (w.state, w.returned_sha256.as_deref()),
            (WorkbookState::Imported, Some(sha.as_str()))
        );
        // A bad value refuses the whole workbook.
        fields.progress = 150;
        assert!(
            s.accept_round_changes(&round, "Ana", &sha, &[(o.id, fields)], true)
                .is_err()
        );
    }

    #[test]
    fn a_workbook_not_back_after_its_due_date_is_overdue_and_one_with_conflicts_left_returned() {
        let mut s = Store::open_in_memory().unwrap();
        s.replace(&jalon_core::synthetic::generate(3)).unwrap();
        let past = s.new_round_id().unwrap();
        s.start_round(
            &past,
            "2000-01-31",
            &[("Ana".into(), "a".into()), ("Bo".into(), "b".into())],
        )
        .unwrap();
        let future = s.new_round_id().unwrap();
        s.start_round(&future, "2999-12-31", &[("Ana".into(), "a".into())])
            .unwrap();
        s.accept_round_changes(&past, "Bo", &"b".repeat(64), &[], false)
            .unwrap();
        let states: Vec<Vec<WorkbookState>> = s
            .rounds()
            .unwrap()
            .iter()
            .map(|r| r.workbooks.iter().map(|w| w.state).collect())
            .collect();
        assert_eq!(
            states,
            [
                vec![WorkbookState::Overdue, WorkbookState::Returned],
                vec![WorkbookState::Issued]
            ]
        );
    }
}
