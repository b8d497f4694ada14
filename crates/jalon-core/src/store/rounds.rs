//! Contributor rounds in the store (schema 5): the report's own identity, each round with its
//! workbooks and their state. Work in progress (branch wip/contributor-round): accepting
//! changes tagged with their workbook comes next.

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::periods::NOW;
use crate::error::Result;

/// A workbook of a round, as the round's status lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundWorkbook {
    pub lead: String,
    pub file_name: String,
    pub issued_at: String,
    /// "issued", "returned" or "imported".
    pub state: String,
    pub returned_sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub id: String,
    pub started_at: String,
    pub due: String,
    pub state: String,
    pub workbooks: Vec<RoundWorkbook>,
}

impl Store {
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
        let tx = self.conn.transaction()?;
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
            "SELECT lead, file_name, issued_at, state, returned_sha256 FROM round_workbook
             WHERE round_id = ?1 ORDER BY id",
        )?;
        for round in &mut rounds {
            round.workbooks = stmt
                .query_map([&round.id], |r| {
                    Ok(RoundWorkbook {
                        lead: r.get(0)?,
                        file_name: r.get(1)?,
                        issued_at: r.get(2)?,
                        state: r.get(3)?,
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
            "2026-06-15",
            &[
                ("Ana".into(), "Ana.xlsx".into()),
                ("".into(), "No lead.xlsx".into()),
            ],
        )
        .unwrap();
        let rounds = s.rounds().unwrap();
        assert_eq!(rounds.len(), 1);
        assert_eq!(rounds[0].id, round);
        assert_eq!(rounds[0].due, "2026-06-15");
        let leads: Vec<(&str, &str)> = rounds[0]
            .workbooks
            .iter()
            .map(|w| (w.lead.as_str(), w.state.as_str()))
            .collect();
        assert_eq!(leads, [("Ana", "issued"), ("", "issued")]);
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
}
