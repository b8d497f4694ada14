//! The report with its computed percentages, as shown on the dashboard and printed by
//! `jalon-cli summary --json`. Percentages here are the displayed whole numbers.

use serde::Serialize;

use crate::exact::display_percent;
use crate::model::{Language, Report, RollupMethod, Status};
use crate::rollup::{Rollup, objective_value, rollup};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub strategy: StrategySummary,
    pub axes: Vec<AxisSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrategySummary {
    pub title: String,
    pub period: String,
    pub language: Language,
    pub method: RollupMethod,
    pub reporting_period: String,
    pub as_of: String,
    pub progress: Option<u32>,
    pub axis_count: usize,
    pub action_count: usize,
    /// Objective entries: an objective in two parts counts twice, as on the published page.
    pub objective_count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AxisSummary {
    pub number: u32,
    pub title: String,
    pub progress: Option<u32>,
    pub actions: Vec<ActionSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionSummary {
    pub number: u32,
    pub title: String,
    pub progress: Option<u32>,
    pub published_progress: Option<u32>,
    pub objectives: Vec<ObjectiveSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectiveSummary {
    pub number: u32,
    pub part: Option<u32>,
    pub parts: Option<u32>,
    pub title: String,
    pub status: Status,
    pub progress: u32,
}

/// The displayed percentage of every level, keyed by id, for a front end that holds the report
/// itself. A level with nothing counted maps to None.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub strategy: Option<u32>,
    #[cfg_attr(feature = "ts", ts(type = "Record<number, number | null>"))]
    pub axes: std::collections::BTreeMap<i64, Option<u32>>,
    #[cfg_attr(feature = "ts", ts(type = "Record<number, number | null>"))]
    pub actions: std::collections::BTreeMap<i64, Option<u32>>,
    #[cfg_attr(feature = "ts", ts(type = "Record<number, number>"))]
    pub objectives: std::collections::BTreeMap<i64, u32>,
}

pub fn figures(report: &Report) -> Figures {
    figures_with(report, &rollup(report))
}

/// `figures` with a roll-up the caller already has.
pub fn figures_with(report: &Report, r: &Rollup) -> Figures {
    let pct = |v: &Option<num_rational::BigRational>| v.as_ref().map(display_percent);
    let mut f = Figures {
        strategy: pct(&r.strategy),
        axes: Default::default(),
        actions: Default::default(),
        objectives: Default::default(),
    };
    for (axis, ar) in report.axes.iter().zip(&r.axes) {
        f.axes.insert(axis.id, pct(&ar.value));
        for (action, av) in axis.actions.iter().zip(&ar.actions) {
            f.actions.insert(action.id, pct(av));
            for o in &action.objectives {
                f.objectives
                    .insert(o.id, display_percent(&objective_value(o)));
            }
        }
    }
    f
}

/// Builds the summary of a report from its roll-up.
pub fn summarize(report: &Report) -> Summary {
    summarize_with(report, &rollup(report))
}

pub fn summarize_with(report: &Report, r: &Rollup) -> Summary {
    let pct = |v: &Option<num_rational::BigRational>| v.as_ref().map(display_percent);
    let s = &report.strategy;
    Summary {
        strategy: StrategySummary {
            title: s.title.clone(),
            period: s.period.clone(),
            language: s.language,
            method: s.method,
            reporting_period: s.reporting_period.clone(),
            as_of: s.as_of.clone(),
            progress: pct(&r.strategy),
            axis_count: report.axes.len(),
            action_count: report.action_count(),
            objective_count: report.objectives().count(),
        },
        axes: report
            .axes
            .iter()
            .zip(&r.axes)
            .map(|(axis, ar)| AxisSummary {
                number: axis.number,
                title: axis.title.clone(),
                progress: pct(&ar.value),
                actions: axis
                    .actions
                    .iter()
                    .zip(&ar.actions)
                    .map(|(action, av)| ActionSummary {
                        number: action.number,
                        title: action.title.clone(),
                        progress: pct(av),
                        published_progress: action.published_progress,
                        objectives: action
                            .objectives
                            .iter()
                            .map(|o| ObjectiveSummary {
                                number: o.number,
                                part: o.part.map(|p| p.index),
                                parts: o.part.map(|p| p.count),
                                title: o.fields.title.clone(),
                                status: o.fields.status,
                                progress: display_percent(&objective_value(o)),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}
