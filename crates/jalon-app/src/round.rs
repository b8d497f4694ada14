//! The contributor round: start a round (one workbook per lead, written into a folder, the
//! round recorded in the report), review returned workbooks (each row's proposals and
//! conflicts against the report now, changing nothing), and apply the officer's decisions on
//! one workbook, tagged in the history with it.

use std::collections::HashMap;
use std::path::Path;

use jalon_core::period::{WordRun, word_diff};
use jalon_core::{Objective, ObjectiveRef, Report};
use jalon_round::{Difference, Field, Issued, Value, Values, WorkbookInput};
use jalon_round::{RoundWords, WorkbookProblem};
use serde::{Deserialize, Serialize};

use crate::{App, Result};

/// A round started: its id and the workbooks written.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct RoundStarted {
    pub round_id: String,
    pub files: Vec<String>,
}

/// What one returned workbook proposes, objective by objective.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct WorkbookReview {
    /// The returned file's path, as given.
    pub file: String,
    /// Empty for the workbook of objectives without a lead.
    pub lead: String,
    pub round_id: String,
    /// The returned file's SHA-256, which the history keeps with what it changed, and which
    /// the decisions must name so that they apply to the file reviewed.
    pub sha256: String,
    /// The objectives whose row changes something or carries a comment, in report order.
    pub objectives: Vec<ObjectiveReview>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveReview {
    pub id: i64,
    /// Its number and part, which each front words in its own language.
    pub reference: ObjectiveRef,
    pub title: String,
    /// What the lead wrote in the comment column.
    pub comment: String,
    pub changes: Vec<ChangeReview>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ChangeReview {
    #[serde(flatten)]
    pub difference: Difference,
    pub conflict: bool,
    /// For a text, the words from the report's current text to the lead's; else empty.
    pub diff: Vec<WordRun>,
}

impl WorkbookReview {
    pub fn proposals(&self) -> usize {
        self.changes().filter(|c| !c.conflict).count()
    }

    pub fn conflicts(&self) -> usize {
        self.changes().filter(|c| c.conflict).count()
    }

    fn changes(&self) -> impl Iterator<Item = &ChangeReview> {
        self.objectives.iter().flat_map(|o| &o.changes)
    }
}

/// The officer's decision on one change: the value to write (the lead's, the report's, or an
/// edited one). A change with no decision is refused, and the report keeps its value.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoundDecision {
    pub objective_id: i64,
    pub field: Field,
    pub value: Value,
}

/// What applying a workbook's decisions did.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct RoundApplied {
    /// How many objectives changed.
    pub objectives: usize,
    /// Conflicts left without a choice (the workbook stays "returned").
    pub conflicts_left: usize,
}

impl App {
    /// Writes one workbook per lead (only `leads` when some are given) into `folder`, then
    /// records the round in the report.
    pub fn start_round(
        &mut self,
        folder: &Path,
        leads: &[String],
        due: &str,
    ) -> Result<RoundStarted> {
        if !due.is_empty() && !jalon_core::model::is_iso_date(due) {
            return Err(crate::AppError::invalid(
                "due",
                jalon_core::Invalid::NotADate { value: due.into() },
            ));
        }
        let report = self.session.report().clone();
        let store = self.session.store();
        let round_id = store.new_round_id()?;
        let report_id = store.report_id()?;
        let previous = store.previous_period()?.map(|(_, r)| r);
        let last = previous.as_ref().map(objectives_by_id).unwrap_or_default();
        let lang = report.strategy.language;
        let w = RoundWords(lang);
        // A lead is chosen by name; the objectives without one by that workbook's name or by
        // an empty name.
        let groups: Vec<_> = jalon_round::by_lead(&report)
            .into_iter()
            .map(|(lead, objectives)| {
                let name = lead.clone().unwrap_or_else(|| w.no_lead());
                (lead, name, objectives)
            })
            .filter(|(lead, name, _)| {
                leads.is_empty()
                    || leads
                        .iter()
                        .any(|l| l.trim() == name || (lead.is_none() && l.trim().is_empty()))
            })
            .collect();
        // Leads that own no objective give no workbook: nothing is written or recorded.
        if groups.is_empty() {
            return Err(crate::AppError::invalid(
                "lead",
                jalon_core::Invalid::NoSuchLead {
                    leads: leads.join(", "),
                },
            ));
        }
        std::fs::create_dir_all(folder).map_err(crate::AppError::write(folder))?;
        let mut written = Vec::new();
        let mut recorded = Vec::new();
        for (lead, name, objectives) in groups {
            let items: Vec<Issued> = objectives
                .iter()
                .map(|&(axis, action, objective)| Issued {
                    axis,
                    action,
                    objective,
                    last: last.get(&objective.id).copied(),
                })
                .collect();
            let bytes = jalon_round::workbook(&WorkbookInput {
                round_id: &round_id,
                report_id: &report_id,
                report_title: &report.strategy.title,
                lead: lead.as_deref().unwrap_or(""),
                due,
                lang,
                objectives: &items,
            })
            .map_err(|e| crate::AppError::Io(std::io::Error::other(e.to_string())))?;
            // Two leads may give the same file name ("A/B" and "A_B"): number the later one.
            let stem = file_stem(&name);
            let mut file = format!("{stem}.xlsx");
            let mut n = 1;
            while recorded
                .iter()
                .any(|(_, f): &(String, String)| f.eq_ignore_ascii_case(&file))
            {
                n += 1;
                file = format!("{stem} ({n}).xlsx");
            }
            let path = folder.join(&file);
            jalon_core::files::write_atomically(&path, &bytes)
                .map_err(crate::AppError::write(&path))?;
            written.push(path.display().to_string());
            recorded.push((lead.unwrap_or_default(), file));
        }
        self.session
            .edit(|store| store.start_round(&round_id, due, &recorded))?;
        Ok(RoundStarted {
            round_id,
            files: written,
        })
    }

    /// Every round recorded in the report, with its workbooks' states.
    pub fn rounds(&self) -> Result<Vec<jalon_store::Round>> {
        Ok(self.session.store().rounds()?)
    }

    /// Reads returned workbooks and says what each proposes, changing nothing.
    pub fn review_round(&self, files: &[&Path]) -> Result<Vec<WorkbookReview>> {
        // The report's objectives and identity, once for all the workbooks.
        let current = objectives_by_id(self.session.report());
        let report_id = self.session.store().report_id()?;
        files
            .iter()
            .map(|path| self.review_workbook(path, &current, &report_id))
            .collect()
    }

    /// One workbook against the report's objectives now (`current`) and its identity.
    fn review_workbook(
        &self,
        path: &Path,
        current: &HashMap<i64, &Objective>,
        report_id: &str,
    ) -> Result<WorkbookReview> {
        let lang = self.session.report().strategy.language;
        let bytes = std::fs::read(path).map_err(crate::AppError::read(path))?;
        let returned = jalon_round::read(&bytes, lang).map_err(|e| match e {
            jalon_round::RoundError::Refused(problem) => round_refusal(path, problem),
            other => crate::AppError::Io(std::io::Error::other(other.to_string())),
        })?;
        let store = self.session.store();
        if returned.report_id != report_id {
            return Err(round_refusal(path, WorkbookProblem::OtherReport));
        }
        if store
            .round_workbook(&returned.round_id, &returned.lead)?
            .is_none()
        {
            return Err(round_refusal(path, WorkbookProblem::OtherRound));
        }
        let sha256 = jalon_core::period::sha256_hex(&bytes);
        if let Some(row) = returned
            .rows
            .iter()
            .find(|r| !current.contains_key(&r.objective_id))
        {
            return Err(round_refusal(
                path,
                WorkbookProblem::UnknownObjective {
                    cell: row.id_cell.clone(),
                },
            ));
        }
        let objectives = returned
            .rows
            .iter()
            .filter_map(|row| {
                let o = current.get(&row.objective_id)?;
                let now = Values {
                    status: o.fields.status,
                    progress: o.fields.progress,
                    achievement: o.fields.achievement.clone(),
                    next_steps: o.fields.next_steps.clone(),
                };
                let changes: Vec<ChangeReview> = jalon_round::compare(row, &now)
                    .into_iter()
                    .map(|d| ChangeReview {
                        conflict: d.is_conflict(),
                        diff: match (&d.current, &d.proposed) {
                            (Value::Text(a), Value::Text(b)) => word_diff(a, b),
                            _ => Vec::new(),
                        },
                        difference: d,
                    })
                    .collect();
                let comment = row.comment.trim().to_string();
                (!changes.is_empty() || !comment.is_empty()).then(|| ObjectiveReview {
                    id: o.id,
                    reference: o.reference(),
                    title: o.fields.title.clone(),
                    comment,
                    changes,
                })
            })
            .collect();
        Ok(WorkbookReview {
            file: path.display().to_string(),
            lead: returned.lead,
            round_id: returned.round_id,
            sha256,
            objectives,
        })
    }

    /// Applies the officer's decisions on one returned workbook, reviewed as `sha256`: the
    /// workbook is read and compared again, and each decision must answer one of its changes,
    /// so that nothing is applied against a file or a report that changed since the review.
    /// Everything is written in one transaction, each change in the history with its round,
    /// lead and workbook.
    pub fn apply_round(
        &mut self,
        file: &Path,
        sha256: &str,
        decisions: &[RoundDecision],
    ) -> Result<RoundApplied> {
        let current = objectives_by_id(self.session.report());
        let report_id = self.session.store().report_id()?;
        let review = self.review_workbook(file, &current, &report_id)?;
        if review.sha256 != sha256 {
            return Err(round_refusal(file, WorkbookProblem::Stale));
        }
        let mut changed: Vec<(i64, jalon_core::ObjectiveFields)> = Vec::new();
        for d in decisions {
            let answers = review
                .objectives
                .iter()
                .filter(|o| o.id == d.objective_id)
                .flat_map(|o| &o.changes)
                .any(|c| c.difference.field == d.field);
            let objective = current.get(&d.objective_id);
            let (Some(objective), true, true) = (objective, answers, d.value.fits(d.field)) else {
                return Err(round_refusal(file, WorkbookProblem::Stale));
            };
            let i = match changed.iter().position(|(id, _)| *id == d.objective_id) {
                Some(i) => i,
                None => {
                    changed.push((d.objective_id, objective.fields.clone()));
                    changed.len() - 1
                }
            };
            jalon_round::apply(&mut changed[i].1, d.field, &d.value);
        }
        let decided = |id: i64, c: &ChangeReview| {
            decisions
                .iter()
                .any(|d| d.objective_id == id && d.field == c.difference.field)
        };
        let conflicts_left = review
            .objectives
            .iter()
            .flat_map(|o| o.changes.iter().map(move |c| (o.id, c)))
            .filter(|(id, c)| c.conflict && !decided(*id, c))
            .count();
        // An objective whose decisions all kept the report's values changes nothing.
        changed.retain(|(id, f)| current.get(id).is_some_and(|o| &o.fields != f));
        let objectives = self.session.edit(|store| {
            store.accept_round_changes(
                &review.round_id,
                &review.lead,
                &review.sha256,
                &changed,
                conflicts_left == 0,
            )
        })?;
        Ok(RoundApplied {
            objectives,
            conflicts_left,
        })
    }

    /// Applies every proposal of a reviewed workbook, never a conflict.
    pub fn accept_all(&mut self, review: &WorkbookReview) -> Result<RoundApplied> {
        let decisions: Vec<RoundDecision> = review
            .objectives
            .iter()
            .flat_map(|o| {
                o.changes
                    .iter()
                    .filter(|c| !c.conflict)
                    .map(|c| RoundDecision {
                        objective_id: o.id,
                        field: c.difference.field,
                        value: c.difference.proposed.clone(),
                    })
            })
            .collect();
        self.apply_round(Path::new(&review.file), &review.sha256, &decisions)
    }
}

fn round_refusal(path: &Path, problem: WorkbookProblem) -> crate::AppError {
    crate::AppError::Workbook {
        file: path.to_path_buf(),
        problem,
    }
}

fn objectives_by_id(report: &Report) -> HashMap<i64, &Objective> {
    report.objectives().map(|(_, _, o)| (o.id, o)).collect()
}

/// A lead's name as a file name: letters, digits, spaces and dashes kept.
fn file_stem(lead: &str) -> String {
    let s: String = lead
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let s = s.trim().to_string();
    if s.is_empty() { "lead".into() } else { s }
}
