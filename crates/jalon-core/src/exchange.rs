//! The JSON exchange document: everything a report holds, versioned by its `format` field so
//! that later versions can still read it. Serialisation is deterministic (fields in a fixed
//! order, objects in report order), so export → import → export gives the same bytes.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{
    Action, Axis, Indicator, Language, Objective, ObjectiveFields, Part, Report, RollupMethod,
    Status, Strategy,
};

pub const FORMAT: &str = "jalon/1";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    strategy: DocStrategy,
    #[serde(default)]
    axes: Vec<DocAxis>,
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

/// The report as a JSON document, pretty-printed, ending with a newline.
pub fn to_json(report: &Report) -> String {
    let s = &report.strategy;
    let doc = Document {
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
    };
    // Serialising plain owned data to a string cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// Reads a JSON document, checks its format version and every value; writes nothing.
pub fn from_json(text: &str) -> Result<Report> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<serde_json::Value>,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| Error::Json(e.to_string()))?;
    match head.format {
        Some(serde_json::Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            let found = match other {
                serde_json::Value::String(s) => s,
                v => v.to_string(),
            };
            return Err(Error::UnsupportedFormat {
                found,
                supported: FORMAT.into(),
            });
        }
        None => {
            return Err(Error::Json(format!(
                "missing field \"format\" (expected \"{FORMAT}\")"
            )));
        }
    }
    let doc: Document = serde_json::from_str(text).map_err(|e| Error::Json(e.to_string()))?;
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
    Ok(report)
}

fn doc_objective(o: DocObjective) -> Result<Objective> {
    let part = match (o.part, o.parts) {
        (None, None) => None,
        (Some(index), Some(count)) => Some(Part { index, count }),
        _ => {
            return Err(Error::invalid(
                format!("Objective {}: part", o.number),
                "\"part\" and \"parts\" go together",
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
