//! The JSON exchange document: everything a report holds, versioned by its `format` field so
//! that later versions can still read it. Serialisation is deterministic (fields in a fixed
//! order, objects in report order), so export → import → export gives the same bytes.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Invalid, Result};
use crate::history::{Change, HistoryEntry};
use crate::lang::Level;
use crate::model::{
    Action, Axis, Indicator, Language, Objective, ObjectiveFields, Part, Report, RollupMethod,
    Status, Strategy,
};
pub use crate::period::ClosedPeriod;

/// The format this version writes. "jalon/2" added closed periods and the edit history;
/// "jalon/3" gave each change a level (strategy, axis, action or objective), and names the
/// subject's number `number` where "jalon/2" said `objective`; "jalon/4" writes each change
/// typed (`change`, a `history::Change`) instead of three texts; "jalon/5" carries the report's
/// identity, its contributor rounds with their workbooks, and which workbook each accepted
/// change came from, so that workbooks sent before a move through JSON are still accepted.
pub const FORMAT: &str = "jalon/5";

/// Every format this version reads: a "jalon/1" document is a "jalon/2" one without periods
/// or history, a "jalon/2" change is an objective's, and "jalon/2" and "jalon/3" changes are
/// read from their three texts as the store reads its rows.
pub const READS: [&str; 5] = ["jalon/1", "jalon/2", "jalon/3", "jalon/4", FORMAT];

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    /// The report's own identity, 32 hex digits ("jalon/5"): a round's workbook names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    identity: Option<String>,
    strategy: DocStrategy,
    #[serde(default)]
    axes: Vec<DocAxis>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    periods: Vec<ClosedPeriod>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<DocChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rounds: Vec<RoundRecord>,
}

/// A contributor round as the document carries it ("jalon/5"): what the file records of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundRecord {
    /// 32 hex digits, named by each of its workbooks.
    pub id: String,
    pub started_at: String,
    #[serde(default)]
    pub due: String,
    /// The label of the period the round was started in.
    pub period: String,
    pub state: RoundState,
    pub workbooks: Vec<WorkbookRecord>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    Open,
    Closed,
}

impl RoundState {
    pub fn code(self) -> &'static str {
        match self {
            RoundState::Open => "open",
            RoundState::Closed => "closed",
        }
    }
}

/// One workbook of a round: sent to a lead, then returned and imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkbookRecord {
    /// Empty for the workbook of objectives without a lead.
    pub lead: String,
    pub file_name: String,
    pub issued_at: String,
    pub state: WorkbookStage,
    /// The returned file's SHA-256, once it came back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkbookStage {
    Issued,
    Returned,
    Imported,
}

impl WorkbookStage {
    pub fn code(self) -> &'static str {
        match self {
            WorkbookStage::Issued => "issued",
            WorkbookStage::Returned => "returned",
            WorkbookStage::Imported => "imported",
        }
    }
}

/// The workbook an accepted change came from ("jalon/5").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSource {
    pub round: String,
    pub lead: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocChange {
    at: String,
    period: String,
    #[serde(default, skip_serializing_if = "is_objective")]
    level: Level,
    /// The subject's number (0 for the strategy).
    #[serde(alias = "objective")]
    number: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    part: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parts: Option<u32>,
    /// The typed change ("jalon/4").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    change: Option<Change>,
    /// The change as three texts ("jalon/2" and "jalon/3").
    #[serde(default, skip_serializing)]
    field: Option<String>,
    #[serde(default, skip_serializing)]
    old_value: Option<String>,
    #[serde(default, skip_serializing)]
    new_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<DocSource>,
}

/// Most changes are an objective's: their level is left out, as in "jalon/2".
fn is_objective(level: &Level) -> bool {
    *level == Level::Objective
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocStrategy {
    title: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    language: Language,
    #[serde(default)]
    method: RollupMethod,
    #[serde(default)]
    reporting_period: String,
    #[serde(default)]
    as_of: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocAxis {
    number: u32,
    title: String,
    #[serde(default)]
    actions: Vec<DocAction>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocAction {
    number: u32,
    title: String,
    #[serde(default)]
    published_progress: Option<u32>,
    #[serde(default)]
    objectives: Vec<DocObjective>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocObjective {
    number: u32,
    #[serde(default)]
    part: Option<u32>,
    #[serde(default)]
    parts: Option<u32>,
    title: String,
    status: Status,
    progress: u32,
    #[serde(default)]
    achievement: String,
    #[serde(default)]
    next_steps: String,
    #[serde(default)]
    lead: String,
    #[serde(default)]
    due_date: String,
    #[serde(default = "one")]
    weight: u32,
    #[serde(default)]
    indicator: Option<Indicator>,
}

/// The report alone as a JSON document (no periods, no history), pretty-printed, ending with
/// a newline. It is also the form of a closed period's snapshot.
pub fn to_json(report: &Report) -> String {
    write_document(document(report))
}

/// Everything a report file holds as one JSON document: the open period's report, the
/// closed periods with their snapshots and checksums, the edit history (oldest first), the
/// report's identity and its rounds. The store gathers them (`Store::export_json`); this only
/// writes them.
pub fn export(whole: Read) -> String {
    let mut doc = document(&whole.report);
    doc.identity = whole.identity;
    doc.rounds = whole.rounds;
    doc.periods = whole.periods;
    doc.history = whole
        .history
        .into_iter()
        .map(|h| DocChange {
            source: h.source.map(|s| DocSource {
                round: s.round,
                lead: s.lead,
            }),
            at: h.at,
            period: h.period,
            level: h.level,
            number: h.reference.number,
            part: h.reference.part.map(|p| p.index),
            parts: h.reference.part.map(|p| p.count),
            change: Some(h.change),
            field: None,
            old_value: None,
            new_value: None,
        })
        .collect();
    write_document(doc)
}

fn write_document(doc: Document) -> String {
    // Serialising plain owned data to a string cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn document(report: &Report) -> Document {
    let s = &report.strategy;
    Document {
        format: FORMAT.to_string(),
        strategy: DocStrategy {
            title: s.title.clone(),
            period: s.period.clone(),
            language: s.language,
            method: s.method,
            reporting_period: s.reporting_period.clone(),
            as_of: s.as_of.clone(),
        },
        axes: report
            .axes
            .iter()
            .map(|a| DocAxis {
                number: a.number,
                title: a.title.clone(),
                actions: a
                    .actions
                    .iter()
                    .map(|c| DocAction {
                        number: c.number,
                        title: c.title.clone(),
                        published_progress: c.published_progress,
                        objectives: c
                            .objectives
                            .iter()
                            .map(|o| {
                                let f = &o.fields;
                                DocObjective {
                                    number: o.number,
                                    part: o.part.map(|p| p.index),
                                    parts: o.part.map(|p| p.count),
                                    title: f.title.clone(),
                                    status: f.status,
                                    progress: f.progress,
                                    achievement: f.achievement.clone(),
                                    next_steps: f.next_steps.clone(),
                                    lead: f.lead.clone(),
                                    due_date: f.due_date.clone(),
                                    weight: f.weight,
                                    indicator: f.indicator.clone(),
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        periods: Vec::new(),
        history: Vec::new(),
        identity: None,
        rounds: Vec::new(),
    }
}

/// Reads a JSON document's report, checks its format version and every value; writes nothing.
pub fn from_json(text: &str) -> Result<Report> {
    read_document(text).map(|d| d.report)
}

/// What a document holds.
#[derive(Debug)]
pub struct Read {
    pub report: Report,
    pub periods: Vec<ClosedPeriod>,
    /// Oldest first. A change accepted from a workbook has its `source`, whose SHA-256 is
    /// the workbook's returned file's (empty when the document does not say).
    pub history: Vec<HistoryEntry>,
    pub identity: Option<String>,
    pub rounds: Vec<RoundRecord>,
}

/// Reads a whole document: the report, and each closed period after checking its snapshot
/// against its checksum and reading it; writes nothing.
pub fn read_document(text: &str) -> Result<Read> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<serde_json::Value>,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| Error::Json(e.to_string()))?;
    match head.format {
        Some(serde_json::Value::String(f)) if READS.contains(&f.as_str()) => {}
        Some(other) => {
            let found = match other {
                serde_json::Value::String(s) => s,
                v => v.to_string(),
            };
            return Err(Error::UnsupportedFormat {
                found,
                supported: READS.join(", "),
            });
        }
        None => {
            return Err(Error::Json(format!(
                "missing field \"format\" (expected \"{FORMAT}\")"
            )));
        }
    }
    let doc: Document = serde_json::from_str(text).map_err(|e| Error::Json(e.to_string()))?;
    let objectives = doc
        .axes
        .iter()
        .flat_map(|a| &a.actions)
        .map(|c| c.objectives.len())
        .sum();
    crate::limits::objectives(objectives)?;
    let report = Report {
        strategy: Strategy {
            title: doc.strategy.title,
            period: doc.strategy.period,
            language: doc.strategy.language,
            method: doc.strategy.method,
            reporting_period: doc.strategy.reporting_period,
            as_of: doc.strategy.as_of,
        },
        axes: doc
            .axes
            .into_iter()
            .map(|a| {
                Ok(Axis {
                    id: 0,
                    number: a.number,
                    title: a.title,
                    actions: a
                        .actions
                        .into_iter()
                        .map(|c| {
                            Ok(Action {
                                id: 0,
                                number: c.number,
                                title: c.title,
                                published_progress: c.published_progress,
                                objectives: c
                                    .objectives
                                    .into_iter()
                                    .map(doc_objective)
                                    .collect::<Result<_>>()?,
                            })
                        })
                        .collect::<Result<_>>()?,
                })
            })
            .collect::<Result<_>>()?,
    };
    report.validate()?;
    for p in &doc.periods {
        crate::period::verify(&p.label, &p.snapshot, &p.checksum)?;
        read_document(&p.snapshot).map_err(|e| {
            Error::Json(format!(
                "the snapshot of period {} cannot be read: {e}",
                p.label
            ))
        })?;
    }
    let history = doc
        .history
        .into_iter()
        .enumerate()
        .map(|(i, h)| {
            let part = match (h.part, h.parts) {
                (Some(index), Some(count)) => Some(Part { index, count }),
                _ => None,
            };
            let change = match (h.change, h.field, h.old_value, h.new_value) {
                (Some(c), None, None, None) => Ok(c),
                (None, Some(f), Some(old), Some(new)) => {
                    Change::from_columns(h.level, &f, &old, &new)
                }
                _ => Err(
                    "give either \"change\" or \"field\", \"old_value\" and \"new_value\"".into(),
                ),
            }
            .map_err(|reason| Error::Json(format!("history change {}: {reason}", i + 1)))?;
            Ok(HistoryEntry {
                at: h.at,
                period: h.period,
                level: h.level,
                subject_id: 0,
                reference: crate::model::ObjectiveRef {
                    number: h.number,
                    part,
                },
                change,
                words: Vec::new(),
                source: h.source.map(|s| crate::history::ChangeSource {
                    sha256: String::new(),
                    round: s.round,
                    lead: s.lead,
                }),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    check_rounds(&doc.identity, &doc.rounds, &report, &doc.periods, &history)?;
    Ok(Read {
        report,
        periods: doc.periods,
        history,
        identity: doc.identity,
        rounds: doc.rounds,
    })
}

/// A document's identity and rounds, checked like any input: ids of 32 hex digits, each round
/// once and started in a period the document has, each lead once per round, returned files
/// named by their SHA-256, and every change's workbook one of the rounds'.
fn check_rounds(
    identity: &Option<String>,
    rounds: &[RoundRecord],
    report: &Report,
    periods: &[ClosedPeriod],
    history: &[HistoryEntry],
) -> Result<()> {
    let hex = |field: String, value: &str, digits: usize| -> Result<()> {
        let ok = value.len() == digits
            && value
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c));
        if ok {
            Ok(())
        } else {
            Err(Error::invalid(
                field,
                Invalid::NotHex {
                    value: value.to_string(),
                    digits: digits as u32,
                },
            ))
        }
    };
    if let Some(id) = identity {
        hex("identity".into(), id, 32)?;
    }
    if !rounds.is_empty() && identity.is_none() {
        return Err(Error::invalid("identity", Invalid::Empty));
    }
    let open = &report.strategy.reporting_period;
    for (i, r) in rounds.iter().enumerate() {
        let at = |f: &str| format!("rounds[{i}].{f}");
        hex(at("id"), &r.id, 32)?;
        if rounds[..i].iter().any(|o| o.id == r.id) {
            return Err(Error::invalid(
                at("id"),
                Invalid::Twice {
                    value: r.id.clone(),
                },
            ));
        }
        if r.started_at.trim().is_empty() {
            return Err(Error::invalid(at("started_at"), Invalid::Empty));
        }
        if &r.period != open && !periods.iter().any(|p| p.label == r.period) {
            return Err(Error::UnknownPeriod(r.period.clone()));
        }
        for (j, w) in r.workbooks.iter().enumerate() {
            let at = |f: &str| format!("rounds[{i}].workbooks[{j}].{f}");
            if r.workbooks[..j].iter().any(|o| o.lead == w.lead) {
                return Err(Error::invalid(
                    at("lead"),
                    Invalid::Twice {
                        value: w.lead.clone(),
                    },
                ));
            }
            if w.file_name.trim().is_empty() {
                return Err(Error::invalid(at("file_name"), Invalid::Empty));
            }
            match (&w.returned_sha256, w.state) {
                (Some(sha), _) => hex(at("returned_sha256"), sha, 64)?,
                (None, WorkbookStage::Issued) => {}
                (None, _) => return Err(Error::invalid(at("returned_sha256"), Invalid::Empty)),
            }
        }
    }
    for (i, h) in history.iter().enumerate() {
        if let Some(s) = &h.source {
            let known = rounds
                .iter()
                .any(|r| r.id == s.round && r.workbooks.iter().any(|w| w.lead == s.lead));
            if !known {
                return Err(Error::invalid(
                    format!("history[{i}].source"),
                    Invalid::NoSuchWorkbook {
                        round: s.round.clone(),
                        lead: s.lead.clone(),
                    },
                ));
            }
        }
    }
    Ok(())
}

fn doc_objective(o: DocObjective) -> Result<Objective> {
    let part = match (o.part, o.parts) {
        (None, None) => None,
        (Some(index), Some(count)) => Some(Part { index, count }),
        _ => {
            return Err(Error::invalid(
                format!("Objective {}: part", o.number),
                Invalid::PartAndPartsTogether,
            ));
        }
    };
    Ok(Objective {
        id: 0,
        number: o.number,
        part,
        fields: ObjectiveFields {
            title: o.title,
            status: o.status,
            progress: o.progress,
            achievement: o.achievement,
            next_steps: o.next_steps,
            lead: o.lead,
            due_date: o.due_date,
            weight: o.weight,
            indicator: o.indicator,
        },
    })
}
