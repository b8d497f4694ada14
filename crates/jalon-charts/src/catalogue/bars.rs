//! The bar charts: progress per axis, per action of an axis, per objective of an action.

use jalon_core::Status;

use super::{BarRow, Body, Chart, Ink, Prepared, find_action, find_axis};
use crate::ChartError;

/// The rows as alt text lists them: each label's first part and its value.
fn listed(rows: &[BarRow]) -> String {
    rows.iter()
        .map(|r| {
            format!(
                "{} {}",
                r.label.split(" — ").next().unwrap_or(&r.label),
                r.value_label
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A bar chart; an empty one shows a note in its plot area.
fn bars(c: &Chart, rows: Vec<BarRow>, title: String, alt: String, empty: String) -> Prepared {
    let none = rows.is_empty();
    let mut p = c.base(title, alt, Body::Bars(rows));
    if none {
        p.empty_note = Some(empty);
    }
    p
}

pub(super) fn strategy_axes(c: &Chart) -> Prepared {
    let (lang, w) = (c.lang(), c.words);
    let rows: Vec<BarRow> = c
        .summary
        .axes
        .iter()
        .map(|a| BarRow {
            label: format!(
                "{} — {}",
                lang.named(jalon_core::Level::Axis, a.number),
                a.title
            ),
            value: a.progress,
            value_label: lang.progress(a.progress),
            ink: Ink::Progress,
        })
        .collect();
    let overall = lang.progress(c.summary.strategy.progress);
    let alt = w.axes_alt(c.report(), &overall, &listed(&rows));
    bars(c, rows, w.axes_title(), alt, w.axes_empty())
}

pub(super) fn axis_actions(c: &Chart, n: u32) -> Result<Prepared, ChartError> {
    let (lang, w) = (c.lang(), c.words);
    let axis = find_axis(c.summary, n)?;
    let rows: Vec<BarRow> = axis
        .actions
        .iter()
        .map(|a| BarRow {
            label: format!("Action {} — {}", a.number, a.title),
            value: a.progress,
            value_label: lang.progress(a.progress),
            ink: Ink::Progress,
        })
        .collect();
    let overall = lang.progress(axis.progress);
    let alt = w.actions_alt(n, c.report(), &overall, &listed(&rows));
    Ok(bars(c, rows, w.actions_title(n), alt, w.actions_empty()))
}

/// Objectives coloured by status, with a legend, and the status written beside each value so
/// that colour never carries it alone.
pub(super) fn action_objectives(c: &Chart, n: u32) -> Result<Prepared, ChartError> {
    let (lang, w) = (c.lang(), c.words);
    let action = find_action(c.summary, n)?;
    let rows: Vec<BarRow> = action
        .objectives
        .iter()
        .map(|o| {
            let reference = jalon_core::ObjectiveRef {
                number: o.number,
                part: o
                    .part
                    .zip(o.parts)
                    .map(|(index, count)| jalon_core::Part { index, count }),
            };
            BarRow {
                label: format!("{} — {}", lang.objective(reference), o.title),
                value: Some(o.progress),
                value_label: format!("{} · {}", lang.percent(o.progress), lang.status(o.status)),
                ink: Ink::Status(o.status),
            }
        })
        .collect();
    let overall = lang.progress(action.progress);
    let alt = w.objectives_alt(n, c.report(), &overall, &listed(&rows));
    let mut p = bars(c, rows, w.objectives_title(n), alt, w.objectives_empty());
    p.legend = Status::ALL
        .into_iter()
        .map(|s| (Ink::Status(s), lang.status(s).to_string()))
        .collect();
    Ok(p)
}
