//! Objectives by status, as a donut, for the strategy or an axis.

use jalon_core::Status;
use jalon_core::summary::AxisSummary;

use super::{Body, Chart, Prepared, Scope, Slice, find_axis, share, subject};
use crate::ChartError;

pub(super) fn by_status(c: &Chart, scope: Scope) -> Result<Prepared, ChartError> {
    let (lang, w) = (c.lang(), c.words);
    let axes: Vec<&AxisSummary> = match scope {
        Scope::Strategy => c.summary.axes.iter().collect(),
        Scope::Axis(n) => vec![find_axis(c.summary, n)?],
        Scope::Action(_) => return Err(ChartError::BadChart(c.id.stem())),
    };
    let statuses: Vec<Status> = axes
        .iter()
        .flat_map(|a| &a.actions)
        .flat_map(|a| &a.objectives)
        .map(|o| o.status)
        .collect();
    let total = statuses.len();
    let slices: Vec<Slice> = Status::ALL
        .into_iter()
        .map(|s| {
            let count = statuses.iter().filter(|&&x| x == s).count();
            let share = share(count, total, lang);
            Slice {
                status: s,
                count,
                label: format!("{} ({share})", lang.count(count)),
                share,
            }
        })
        .collect();
    let parts: Vec<String> = slices
        .iter()
        .map(|s| format!("{} {}", lang.status(s.status).to_lowercase(), s.label))
        .collect();
    let title = w.status_title(subject(scope));
    let alt = w.status_alt(subject(scope), c.report(), total, &parts.join(", "));
    let centre = (lang.count(total), w.objectives_word(total).to_string());
    let mut p = c.base(
        title,
        alt,
        Body::Donut {
            slices,
            total,
            centre,
        },
    );
    if total == 0 {
        p.empty_note = Some(w.no_objectives());
    }
    Ok(p)
}
