//! Consistency checks: warnings that help an officer trust the figures. They never block a
//! save or an import.

use serde::Serialize;

use crate::exact::display_percent;
use crate::model::{ObjectiveRef, Report, Status};
use crate::rollup::{objective_value, rollup};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckCode {
    CompletedBelow100,
    FullButNotCompleted,
    NotStartedAboveZero,
    InProgressWithoutNextSteps,
    PublishedDiffers,
    /// Import only: the summary and detail parts of a page disagree.
    PageDisagrees,
    /// Import only: the page's objective count differs from the entries it holds.
    CountDiffers,
    /// Import only: a value the page does not give was filled in.
    Assumed,
    /// Import only: a value the page does not give was kept from the report.
    Kept,
    /// Before closing: achievement and next steps are word for word those of the previous
    /// period.
    TextsUnchanged,
    /// Before closing: the objective's percentage is lower than in the previous period.
    ProgressWentDown,
}

/// What a warning says, as a code with typed parameters. Each front renders it from its
/// catalogue (`i18n` here, the UI's own there), in its reader's language.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Finding {
    CompletedBelow100 {
        progress: u32,
    },
    FullButNotCompleted {
        status: Status,
    },
    NotStartedAboveZero {
        progress: u32,
    },
    InProgressWithoutNextSteps,
    PublishedDiffers {
        published: u32,
        /// None when nothing under the action is counted.
        computed: Option<u32>,
    },
    /// The summary and detail parts of a page disagree about the objective at `line`.
    PageDisagrees {
        line: usize,
        on: Disagreement,
    },
    /// The page's header states `stated` objectives but the page holds `found` entries.
    CountDiffers {
        stated: usize,
        found: usize,
    },
    /// The page gives no progress for the objective: `progress` was taken from its status.
    Assumed {
        progress: u32,
    },
    /// The page gives no progress for an objective the report already has: the report's
    /// `progress` is kept, never replaced by a guess.
    Kept {
        progress: u32,
    },
    TextsUnchanged,
    ProgressWentDown {
        from: u32,
        to: u32,
    },
}

/// What the two parts of a page disagree about.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Disagreement {
    Status {
        summary: Status,
        detail: Status,
    },
    /// The summary puts the objective under one action, the detail under another; the
    /// summary is followed.
    Action {
        summary: u32,
        detail: u32,
    },
    /// The objective appears only in the detail part; it was added under its action.
    DetailOnly,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The objective it is about, when it is about one; the UI links to it.
    pub objective: Option<ObjectiveRef>,
    /// The action it is about, when it is about an action's figure.
    pub action: Option<u32>,
    #[serde(flatten)]
    pub finding: Finding,
}

impl Warning {
    pub fn about(objective: ObjectiveRef, finding: Finding) -> Warning {
        Warning {
            objective: Some(objective),
            action: None,
            finding,
        }
    }

    pub fn code(&self) -> CheckCode {
        match self.finding {
            Finding::CompletedBelow100 { .. } => CheckCode::CompletedBelow100,
            Finding::FullButNotCompleted { .. } => CheckCode::FullButNotCompleted,
            Finding::NotStartedAboveZero { .. } => CheckCode::NotStartedAboveZero,
            Finding::InProgressWithoutNextSteps => CheckCode::InProgressWithoutNextSteps,
            Finding::PublishedDiffers { .. } => CheckCode::PublishedDiffers,
            Finding::PageDisagrees { .. } => CheckCode::PageDisagrees,
            Finding::CountDiffers { .. } => CheckCode::CountDiffers,
            Finding::Assumed { .. } => CheckCode::Assumed,
            Finding::Kept { .. } => CheckCode::Kept,
            Finding::TextsUnchanged => CheckCode::TextsUnchanged,
            Finding::ProgressWentDown { .. } => CheckCode::ProgressWentDown,
        }
    }
}

/// In English; a front renders a warning in its reader's language with `render`.
impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::Language::En))
    }
}

/// Every warning on the report as it stands, in report order.
pub fn check(report: &Report) -> Vec<Warning> {
    check_with(report, &rollup(report))
}

/// `check` with a roll-up the caller already has.
pub fn check_with(report: &Report, r: &crate::rollup::Rollup) -> Vec<Warning> {
    let mut out = Vec::new();
    for (axis, ar) in report.axes.iter().zip(&r.axes) {
        for (action, av) in axis.actions.iter().zip(&ar.actions) {
            for o in &action.objectives {
                let f = &o.fields;
                let progress = display_percent(&objective_value(o));
                let finding = match f.status {
                    Status::Completed if progress < 100 => {
                        Some(Finding::CompletedBelow100 { progress })
                    }
                    Status::NotStarted | Status::InProgress if progress == 100 => {
                        Some(Finding::FullButNotCompleted { status: f.status })
                    }
                    Status::NotStarted if progress > 0 => {
                        Some(Finding::NotStartedAboveZero { progress })
                    }
                    _ => None,
                };
                out.extend(finding.map(|x| Warning::about(o.reference(), x)));
                if f.status == Status::InProgress && f.next_steps.trim().is_empty() {
                    out.push(Warning::about(
                        o.reference(),
                        Finding::InProgressWithoutNextSteps,
                    ));
                }
            }
            if let Some(published) = action.published_progress {
                let computed = av.as_ref().map(display_percent);
                if computed != Some(published) {
                    out.push(Warning {
                        objective: None,
                        action: Some(action.number),
                        finding: Finding::PublishedDiffers {
                            published,
                            computed,
                        },
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Axis, Objective, ObjectiveFields, Strategy};

    fn report_with(objectives: Vec<(Status, u32, &str)>, published: Option<u32>) -> Report {
        Report {
            strategy: Strategy::default(),
            axes: vec![Axis {
                id: 0,
                number: 1,
                title: "A".into(),
                actions: vec![Action {
                    id: 0,
                    number: 1,
                    title: "B".into(),
                    published_progress: published,
                    objectives: objectives
                        .into_iter()
                        .enumerate()
                        .map(|(i, (status, progress, next))| Objective {
                            id: 0,
                            number: i as u32 + 1,
                            part: None,
                            fields: ObjectiveFields {
                                title: "t".into(),
                                status,
                                progress,
                                next_steps: next.into(),
                                ..Default::default()
                            },
                        })
                        .collect(),
                }],
            }],
        }
    }

    fn codes(r: &Report) -> Vec<CheckCode> {
        check(r).into_iter().map(|w| w.code()).collect()
    }

    #[test]
    fn each_inconsistency_gives_its_own_warning() {
        use CheckCode::*;
        let r = report_with(
            vec![
                (Status::Completed, 90, "x"),
                (Status::InProgress, 100, "x"),
                (Status::NotStarted, 10, "x"),
                (Status::InProgress, 40, " "),
                (Status::Completed, 100, ""),
                (Status::Abandoned, 30, ""),
            ],
            None,
        );
        assert_eq!(
            codes(&r),
            vec![
                CompletedBelow100,
                FullButNotCompleted,
                NotStartedAboveZero,
                InProgressWithoutNextSteps
            ]
        );
        assert_eq!(
            check(&r)[0].to_string(),
            "Objective 1 is Completed but at 90%"
        );
    }

    #[test]
    fn a_published_percentage_that_differs_is_reported_with_both_values() {
        let r = report_with(vec![(Status::InProgress, 50, "x")], Some(55));
        let w = check(&r);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].code(), CheckCode::PublishedDiffers);
        assert_eq!(
            w[0].to_string(),
            "Action 1: the published page shows 55%, computed 50%"
        );
        let same = report_with(vec![(Status::InProgress, 50, "x")], Some(50));
        assert!(check(&same).is_empty(), "equal percentages are fine");
    }
}
