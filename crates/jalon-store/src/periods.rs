//! Periods in the store. The live tables hold the open period; closing one writes
//! the whole report as a JSON snapshot with its SHA-256 into the `period` row, in the same
//! transaction that opens the next period. Triggers in the schema refuse any later change to a
//! closed row, and every read of a snapshot checks its checksum again.

use rusqlite::{Connection, Transaction, params};

use crate::Result;
use crate::rows::Cells;
use crate::schema::NOW;
use crate::{HistoryEntry, Store, read_report};
use jalon_core::error::{Conflict, Error, Invalid};
use jalon_core::model::{Report, is_iso_date};
use jalon_core::period::{Period, PeriodState, checksum, validate_closing, verify};

const PERIOD_COLUMNS: &str = "SELECT id, label, as_of, state, closed_at, checksum FROM period";

/// Closed periods by date, then the open one.
const PERIOD_ORDER: &str = "ORDER BY state = 'open', as_of, id";

/// The periods a query after `PERIOD_COLUMNS` selects, each row read strictly.
fn periods_where(conn: &Connection, tail: &str, p: impl rusqlite::Params) -> Result<Vec<Period>> {
    let mut stmt = conn.prepare_cached(&format!("{PERIOD_COLUMNS} {tail}"))?;
    let mut rows = stmt.query(p)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let c = Cells::of(r, "period")?;
        out.push(Period {
            id: c.id(),
            label: c.get("label")?,
            as_of: c.get("as_of")?,
            state: c.code("state")?,
            closed_at: c.get("closed_at")?,
            checksum: c.get("checksum")?,
        });
    }
    Ok(out)
}

fn all_periods(conn: &Connection) -> Result<Vec<Period>> {
    periods_where(conn, PERIOD_ORDER, [])
}

fn open_period(conn: &Connection) -> Result<Period> {
    periods_where(conn, "WHERE state = 'open'", [])?
        .pop()
        .ok_or(
            Error::BadRow {
                table: "period",
                row: 0,
                reason: "no open period".into(),
            }
            .into(),
        )
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
    let mut report = jalon_core::exchange::from_json(&snapshot_text(conn, period)?)?;
    number_ids(&mut report);
    Ok(report)
}

/// The period with this label; a closed one first, since the open period may carry the
/// label a closed one had.
fn find_by_label(conn: &Connection, label: &str) -> Result<Option<Period>> {
    Ok(periods_where(
        conn,
        "WHERE label = ?1 ORDER BY state = 'open' LIMIT 1",
        [label.trim()],
    )?
    .pop())
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
        periods_where(&self.conn, "WHERE id = ?1", [id])?
            .pop()
            .ok_or(Error::UnknownId { kind: "period", id }.into())
    }

    /// The period with this label; a closed one first.
    pub fn period_by_label(&self, label: &str) -> Result<Period> {
        find_by_label(&self.conn, label)?
            .ok_or_else(|| Error::UnknownPeriod(label.trim().to_string()).into())
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
    pub fn compare_periods(&self, from: i64, to: i64) -> Result<jalon_core::period::Comparison> {
        let (a, b) = (self.period(from)?, self.period(to)?);
        Ok(jalon_core::period::compare(
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
    pub fn period_summaries(&self) -> Result<Vec<(Period, jalon_core::Summary)>> {
        self.periods()?
            .into_iter()
            .map(|p| {
                self.period_report(&p)
                    .map(|r| (p, jalon_core::summarize(&r)))
            })
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
        let tx = self.write_tx()?;
        let current = open_period(&tx)?;
        validate_closing(&current, next_label, next_as_of)?;
        let periods = all_periods(&tx)?;
        let closed = || periods.iter().filter(|p| p.state == PeriodState::Closed);
        if closed().any(|p| p.label == current.label.trim()) {
            return Err(Error::Conflict(Conflict::OpenLabelClosed {
                label: current.label.trim().to_string(),
            })
            .into());
        }
        if let Some(last) = closed().next_back().filter(|p| p.as_of >= current.as_of) {
            return Err(Error::invalid(
                "as of",
                Invalid::AsOfNotAfter {
                    date: last.as_of.clone(),
                    label: last.label.clone(),
                },
            )
            .into());
        }
        if closed().any(|p| p.label == next_label.trim()) {
            return Err(Error::Conflict(Conflict::NextLabelClosed {
                label: next_label.trim().to_string(),
            })
            .into());
        }
        let snapshot = jalon_core::exchange::to_json(&read_report(&tx)?);
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
            return Err(Error::invalid("period", Invalid::Empty).into());
        }
        if !is_iso_date(as_of) {
            return Err(Error::invalid(
                "as of",
                Invalid::NotADate {
                    value: as_of.to_string(),
                },
            )
            .into());
        }
        let tx = self.write_tx()?;
        let open = open_period(&tx)?;
        if all_periods(&tx)?.iter().any(|p| p.label == label.trim()) {
            return Err(Error::Conflict(Conflict::LabelTaken {
                label: label.trim().to_string(),
            })
            .into());
        }
        if is_iso_date(&open.as_of) && as_of >= open.as_of.as_str() {
            return Err(Error::invalid(
                "as of",
                Invalid::PastNotBefore {
                    label: open.label.clone(),
                    as_of: open.as_of.clone(),
                },
            )
            .into());
        }
        let snapshot = jalon_core::exchange::to_json(report);
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

    /// Puts back closed periods and history read from a JSON document, with a report that
    /// replaces the live one; refused when the file already has closed periods, which cannot
    /// be replaced. One transaction.
    pub(crate) fn replace_with_history(
        &mut self,
        report: &Report,
        periods: &[jalon_core::period::ClosedPeriod],
        history: &[HistoryEntry],
        identity: Option<&str>,
        rounds: &[jalon_core::exchange::RoundRecord],
    ) -> Result<()> {
        report.validate()?;
        if !periods.is_empty() && self.periods()?.iter().any(|p| !p.is_open()) {
            return Err(Error::Conflict(Conflict::ClosedCannotBeReplaced).into());
        }
        let tx = self.write_tx()?;
        crate::whole::write_whole(&tx, report, false)?;
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
        crate::rounds::import_rounds(&tx, identity, rounds)?;
        let open = open_period(&tx)?;
        for h in history {
            let period_id = find_by_label(&tx, &h.period)?.map_or(open.id, |p| p.id);
            crate::history::import_row(&tx, period_id, h)?;
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

impl Store {
    /// Everything the file holds as one JSON document (`exchange::export`): the report, the
    /// closed periods with their snapshots and checksums, and the history, oldest first. A
    /// closed snapshot that fails its checksum stops the export, so that an export cannot
    /// launder a changed snapshot.
    pub fn export_json(&self) -> Result<String> {
        let mut closed = self.periods()?;
        closed.retain(|p| !p.is_open());
        let periods = closed
            .into_iter()
            .map(|p| {
                Ok(jalon_core::period::ClosedPeriod {
                    snapshot: self.snapshot_text(&p)?,
                    checksum: p.checksum.unwrap_or_default(),
                    label: p.label,
                    as_of: p.as_of,
                    closed_at: p.closed_at,
                })
            })
            .collect::<Result<_>>()?;
        let rounds = crate::rounds::round_records(&self.conn)?;
        Ok(jalon_core::exchange::export(jalon_core::exchange::Read {
            report: self.report()?,
            periods,
            history: self.all_history()?,
            // What a round's workbooks name: carried with the rounds, and only then (a report
            // without rounds takes a new identity on import, which nothing names yet).
            identity: if rounds.is_empty() {
                None
            } else {
                Some(self.report_id()?)
            },
            rounds,
        }))
    }

    /// The exact text of a closed period's snapshot, as checksummed (the JSON export carries
    /// it as is).
    pub(crate) fn snapshot_text(&self, period: &Period) -> Result<String> {
        snapshot_text(&self.conn, period)
    }
}
