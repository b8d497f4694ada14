//! Consistency checks: warnings that help an officer trust the figures. They never block a
//! save or an import.

use serde::Serialize;

use crate::exact::display_percent;
use crate::model::{Language, ObjectiveRef, Report, Status};
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
    /// Before closing: achievement and next steps are word for word those of the previous
    /// period.
    TextsUnchanged,
    /// Before closing: the objective's percentage is lower than in the previous period.
    ProgressWentDown,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: CheckCode,
    /// The objective it is about, when it is about one; the UI links to it.
    pub objective: Option<ObjectiveRef>,
    /// The action it is about, when it is about an action's figure.
    pub action: Option<u32>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every warning on the report as it stands, in report order.
pub fn check(report: &Report) -> Vec<Warning> {
    check_with(report, &rollup(report))
}

/// `check` with a roll-up the caller already has.
pub fn check_with(report: &Report, r: &crate::rollup::Rollup) -> Vec<Warning> {
    let lang = report.strategy.language;
    let fr = lang == Language::Fr;
    let obj_word = if fr { "Objectif" } else { "Objective" };
    let mut out = Vec::new();
    for (axis, ar) in report.axes.iter().zip(&r.axes) {
        for (action, av) in axis.actions.iter().zip(&ar.actions) {
            for o in &action.objectives {
                let f = &o.fields;
                let p = display_percent(&objective_value(o));
                let who = format!("{obj_word} {}", o.reference());
                let mut warn = |code, en: String, frm: String| {
                    out.push(Warning {
                        code,
                        objective: Some(o.reference()),
                        action: None,
                        message: if fr { frm } else { en },
                    })
                };
                match f.status {
                    Status::Completed if p < 100 => warn(
                        CheckCode::CompletedBelow100,
                        format!("{who} is Completed but at {}", lang.percent(p)),
                        format!("{who} est Terminé mais à {}", lang.percent(p)),
                    ),
                    Status::NotStarted | Status::InProgress if p == 100 => warn(
                        CheckCode::FullButNotCompleted,
                        format!(
                            "{who} is at 100% but {}",
                            f.status.label(Language::En).to_lowercase()
                        ),
                        format!(
                            "{who} est à 100\u{a0}% mais {}",
                            f.status.label(Language::Fr).to_lowercase()
                        ),
                    ),
                    Status::NotStarted if p > 0 => warn(
                        CheckCode::NotStartedAboveZero,
                        format!("{who} is Not started but at {}", lang.percent(p)),
                        format!("{who} est Non commencé mais à {}", lang.percent(p)),
                    ),
                    _ => {}
                }
                if f.status == Status::InProgress && f.next_steps.trim().is_empty() {
                    warn(
                        CheckCode::InProgressWithoutNextSteps,
                        format!("{who} is In progress with no next steps"),
                        format!("{who} est En cours sans prochaines étapes"),
                    );
                }
            }
            if let Some(published) = action.published_progress {
                let computed = av.as_ref().map(display_percent);
                if computed != Some(published) {
                    let shown = crate::summary::format_progress(computed, lang);
                    out.push(Warning {
                        code: CheckCode::PublishedDiffers,
                        objective: None,
                        action: Some(action.number),
                        message: if fr {
                            format!(
                                "Action {} : la page publiée indique {}, le calcul donne {shown}",
                                action.number,
                                lang.percent(published)
                            )
                        } else {
                            format!(
                                "Action {}: the published page shows {}, computed {shown}",
                                action.number,
                                lang.percent(published)
                            )
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
        check(r).into_iter().map(|w| w.code).collect()
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
        assert_eq!(check(&r)[0].message, "Objective 1 is Completed but at 90%");
    }

    #[test]
    fn a_published_percentage_that_differs_is_reported_with_both_values() {
        let r = report_with(vec![(Status::InProgress, 50, "x")], Some(55));
        let w = check(&r);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].code, CheckCode::PublishedDiffers);
        assert_eq!(
            w[0].message,
            "Action 1: the published page shows 55%, computed 50%"
        );
        let same = report_with(vec![(Status::InProgress, 50, "x")], Some(50));
        assert!(check(&same).is_empty(), "equal percentages are fine");
    }
}
