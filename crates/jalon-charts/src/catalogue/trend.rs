//! Progress per reporting period, for the strategy, an axis or an action.

use super::{Body, Chart, PeriodFigures, Point, Prepared, Scope, find_action, find_axis, subject};
use crate::ChartError;

pub(super) fn per_period(
    c: &Chart,
    trend: &[PeriodFigures],
    scope: Scope,
) -> Result<Prepared, ChartError> {
    let (lang, w) = (c.lang(), c.words);
    match scope {
        Scope::Strategy => {}
        Scope::Axis(n) => {
            find_axis(c.summary, n)?;
        }
        Scope::Action(n) => {
            find_action(c.summary, n)?;
        }
    }
    let points: Vec<Point> = trend
        .iter()
        .map(|p| Point {
            period: if p.label.is_empty() {
                w.current()
            } else {
                p.label.clone()
            },
            value: p.value(scope),
            value_label: lang.progress(p.value(scope)),
        })
        .collect();
    let listed = points
        .iter()
        .map(|p| format!("{} {}", p.period, p.value_label))
        .collect::<Vec<_>>()
        .join(", ");
    let title = w.trend_title(subject(scope));
    let alt = w.trend_alt(subject(scope), c.report(), &listed);
    let mut p = c.base(title, alt, Body::Trend(points.clone()));
    p.empty_note = match points.len() {
        0 => Some(w.no_periods()),
        1 => Some(w.one_period()),
        _ => None,
    };
    Ok(p)
}
