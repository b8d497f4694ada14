//! The contributor round (work in progress, branch wip/contributor-round): start a round
//! (one workbook per lead, written into a folder, the round recorded in the report) and review
//! returned workbooks (each row's proposals and conflicts against the report now). Accepting
//! changes, tagged in the history with their workbook, comes next.

use std::collections::HashMap;
use std::path::Path;

use jalon_core::i18n::RoundWords;
use jalon_core::{Objective, Report, WorkbookProblem};
use jalon_round::{Difference, Issued, Values, WorkbookInput};

use crate::{App, Result};

/// A round started: its id and the workbooks written.
#[derive(Debug)]
pub struct RoundStarted {
    pub round_id: String,
    pub files: Vec<String>,
}

/// What one returned workbook proposes.
#[derive(Debug)]
pub struct Reviewed {
    pub file: String,
    pub lead: String,
    pub round_id: String,
    /// The returned file's SHA-256, which the history keeps with what it changed.
    pub sha256: String,
    /// Each objective's id, its (number, part) name and what its row proposes.
    pub objectives: Vec<(i64, String, Vec<Difference>)>,
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
        let report = self.session.report().clone();
        let store = self.session.store();
        let round_id = store.new_round_id()?;
        let report_id = store.report_id()?;
        let last: HashMap<i64, Objective> = store
            .previous_period()?
            .map(|(_, r)| objectives_by_id(&r))
            .unwrap_or_default();
        let lang = report.strategy.language;
        let w = RoundWords(lang);
        std::fs::create_dir_all(folder).map_err(crate::AppError::write(folder))?;
        let mut written = Vec::new();
        let mut recorded = Vec::new();
        for (lead, objectives) in jalon_round::by_lead(&report) {
            let name = lead.clone().unwrap_or_else(|| w.no_lead());
            if !leads.is_empty() && !leads.iter().any(|l| l.trim() == name) {
                continue;
            }
            let items: Vec<Issued> = objectives
                .iter()
                .map(|&(axis, action, objective)| Issued {
                    axis,
                    action,
                    objective,
                    last: last.get(&objective.id),
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
            let file = format!("{}.xlsx", file_stem(&name));
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
    pub fn rounds(&self) -> Result<Vec<jalon_core::store::Round>> {
        Ok(self.session.store().rounds()?)
    }

    /// Reads returned workbooks and says what each proposes, changing nothing.
    pub fn review_round(&self, files: &[&Path]) -> Result<Vec<Reviewed>> {
        let report = self.session.report();
        let current = objectives_by_id(report);
        let lang = report.strategy.language;
        let mut out = Vec::new();
        for path in files {
            let bytes = std::fs::read(path).map_err(crate::AppError::read(*path))?;
            let returned = jalon_round::read(&bytes, lang).map_err(|e| match e {
                jalon_round::RoundError::Refused(problem) => crate::AppError::Workbook {
                    file: path.to_path_buf(),
                    problem,
                },
                other => crate::AppError::Io(std::io::Error::other(other.to_string())),
            })?;
            let store = self.session.store();
            if returned.report_id != store.report_id()? {
                return Err(round_refusal(path, WorkbookProblem::OtherReport));
            }
            if store
                .round_workbook(&returned.round_id, &returned.lead)?
                .is_none()
            {
                return Err(round_refusal(path, WorkbookProblem::OtherRound));
            }
            let sha256 = {
                use sha2::Digest;
                let d = sha2::Sha256::digest(&bytes);
                d.iter().map(|b| format!("{b:02x}")).collect::<String>()
            };
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
                    Some((
                        o.id,
                        lang.objective(o.reference()),
                        jalon_round::compare(row, &now),
                    ))
                })
                .collect();
            out.push(Reviewed {
                file: path.display().to_string(),
                lead: returned.lead,
                round_id: returned.round_id,
                sha256,
                objectives,
            });
        }
        Ok(out)
    }
}

impl App {
    /// Applies every proposal of the reviewed workbooks (never a conflict), one transaction
    /// per workbook, each change in the history with its round, lead and workbook. Returns how
    /// many objectives changed.
    pub fn accept_all(&mut self, reviewed: &[Reviewed]) -> Result<usize> {
        let mut changed = 0;
        for r in reviewed {
            let current = objectives_by_id(self.session.report());
            let changes: Vec<(i64, jalon_core::ObjectiveFields)> = r
                .objectives
                .iter()
                .filter_map(|(id, _, diffs)| {
                    let mut fields = current.get(id)?.fields.clone();
                    let mut any = false;
                    for d in diffs {
                        if let Difference::Proposal { proposed, .. } = d {
                            apply(&mut fields, proposed, d);
                            any = true;
                        }
                    }
                    any.then_some((*id, fields))
                })
                .collect();
            changed += self.session.edit(|store| {
                store.accept_round_changes(&r.round_id, &r.lead, &r.sha256, &changes)
            })?;
        }
        Ok(changed)
    }
}

fn apply(fields: &mut jalon_core::ObjectiveFields, value: &jalon_round::Value, d: &Difference) {
    use jalon_round::{Field, Value};
    let Difference::Proposal { field, .. } = d else {
        return;
    };
    match (field, value) {
        (Field::Status, Value::Status(s)) => fields.status = *s,
        (Field::Progress, Value::Progress(p)) => fields.progress = *p,
        (Field::Achievement, Value::Text(t)) => fields.achievement = t.clone(),
        (Field::NextSteps, Value::Text(t)) => fields.next_steps = t.clone(),
        _ => {}
    }
}

fn round_refusal(path: &Path, problem: WorkbookProblem) -> crate::AppError {
    crate::AppError::Workbook {
        file: path.to_path_buf(),
        problem,
    }
}

fn objectives_by_id(report: &Report) -> HashMap<i64, Objective> {
    report
        .objectives()
        .map(|(_, _, o)| (o.id, o.clone()))
        .collect()
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
