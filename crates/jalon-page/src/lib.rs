//! Reads the text of a published progress dashboard page (see PRODUCT.md, "The published
//! dashboard text format") into a report. The page may hold a summary part, a detail part or
//! both; labels may be English or French; spacing before ':' and '%' may be any mix of spaces
//! and no-break spaces; lines may end in CRLF or LF. Anything else is an error that names the
//! line and what was expected. Parsing writes nothing: the caller merges the result in one
//! transaction.
//!
//! The phases: the lines are classified (`lines`), then read as a header, a summary part and
//! a detail part (`parts`), and the two parts are reconciled here: the detail gives each
//! objective's texts and progress, the summary the order and the actions' percentages.
//!
//! An HTML page is first read as the text a browser shows of it (`html`), then as text.

mod decode;
mod html;
mod html_lines;
mod lines;
mod parts;

pub use decode::{MAX_INPUT_BYTES, check_size, decode};
pub use html::{PageText, is_html, to_text as html_to_text};

use std::collections::HashSet;

use jalon_core::checks::{Disagreement, Finding, Warning};
use jalon_core::error::Result;
use jalon_core::model::{Action, Axis, ObjectiveRef, Report, Status, Strategy};
use lines::Cursor;
use parts::DetailEntry;

/// A page read into a report, with what the page itself says that needs a second look.
#[derive(Debug, Clone)]
pub struct ParsedPage {
    pub report: Report,
    pub warnings: Vec<Warning>,
    /// "17 objectives" under the axis filter, when the page states it.
    pub stated_objectives: Option<usize>,
}

/// Reads a published page, as text or as HTML (read as the text a browser shows of it: see
/// `html`). Writes nothing.
pub fn parse_page(text: &str) -> Result<ParsedPage> {
    check_size(text.len())?;
    let page = if is_html(text) {
        parse_html(text)?
    } else {
        parse_text(text)?
    };
    jalon_core::limits::objectives(page.report.objectives().count())?;
    Ok(page)
}

/// An HTML page is read as its text; what names a line then names the HTML file's line.
fn parse_html(html: &str) -> Result<ParsedPage> {
    let t = html::to_text(html)?;
    match parse_text(&t.text) {
        Ok(mut page) => {
            for w in &mut page.warnings {
                if let Finding::PageDisagrees { line, .. } = &mut w.finding {
                    *line = t.source_line(*line);
                }
            }
            Ok(page)
        }
        Err(jalon_core::error::Error::Parse {
            line,
            expected,
            found,
        }) => Err(jalon_core::error::Error::Parse {
            line: t.source_line(line),
            expected,
            found,
        }),
        Err(e) => Err(e),
    }
}

fn parse_text(text: &str) -> Result<ParsedPage> {
    let mut c = Cursor::new(text);
    let header = parts::header(&mut c)?;
    let mut language = None;
    let (mut axes, with_progress) = parts::summary(&mut c, &mut language)?;
    let details = parts::details(&mut c, &mut language)?;
    let mut warnings = Vec::new();
    let had_summary = !axes.is_empty();
    let mut given = reconcile(&mut axes, details, had_summary, &mut warnings);
    given.extend(with_progress);
    if !given.is_empty() || had_summary {
        assume_progress(&mut axes, &given, &mut warnings);
    }
    let report = Report {
        strategy: Strategy {
            title: header
                .title
                .or(header.first_text)
                .unwrap_or_else(|| "Imported strategy".to_string()),
            language: language.unwrap_or_default(),
            ..Strategy::default()
        },
        axes,
    };
    let entries = report.objectives().count();
    if let Some(n) = header.stated_objectives
        && n != entries
    {
        warnings.push(Warning {
            objective: None,
            action: None,
            finding: Finding::CountDiffers {
                stated: n,
                found: entries,
            },
        });
    }
    report.validate()?;
    Ok(ParsedPage {
        report,
        warnings,
        stated_objectives: header.stated_objectives,
    })
}

/// Puts each detail entry in place: over its summary entry (saying where the two disagree),
/// or, when the summary does not name it, under its action. Returns the objectives the detail
/// part gave.
fn reconcile(
    axes: &mut Vec<Axis>,
    details: Vec<DetailEntry>,
    had_summary: bool,
    warnings: &mut Vec<Warning>,
) -> HashSet<ObjectiveRef> {
    let mut in_detail = HashSet::new();
    for d in details {
        let r = d.objective.reference();
        in_detail.insert(r);
        let found_at = axes.iter_mut().find_map(|axis| {
            axis.actions.iter_mut().find_map(|action| {
                let number = action.number;
                action
                    .objectives
                    .iter_mut()
                    .find(|o| o.reference() == r)
                    .map(|o| (number, o))
            })
        });
        let Some((action_n, o)) = found_at else {
            if had_summary {
                warnings.push(Warning {
                    objective: Some(r),
                    action: Some(d.action.0),
                    finding: Finding::PageDisagrees {
                        line: d.line,
                        on: Disagreement::DetailOnly,
                    },
                });
            }
            add_under_its_action(axes, d);
            continue;
        };
        let disagree = |on| Warning {
            objective: Some(r),
            action: None,
            finding: Finding::PageDisagrees { line: d.line, on },
        };
        if o.fields.status != d.objective.fields.status {
            warnings.push(disagree(Disagreement::Status {
                summary: o.fields.status,
                detail: d.objective.fields.status,
            }));
        }
        if action_n != d.action.0 {
            warnings.push(Warning {
                action: Some(action_n),
                ..disagree(Disagreement::Action {
                    summary: action_n,
                    detail: d.action.0,
                })
            });
        }
        o.fields = d.objective.fields;
    }
    in_detail
}

/// A detail entry the summary does not hold goes under its action, which goes under its axis,
/// each made when the page had not named it yet.
fn add_under_its_action(axes: &mut Vec<Axis>, d: DetailEntry) {
    let ai = match axes.iter().position(|a| a.number == d.axis.0) {
        Some(i) => i,
        None => {
            axes.push(Axis {
                id: 0,
                number: d.axis.0,
                title: d.axis.1.clone(),
                actions: Vec::new(),
            });
            axes.len() - 1
        }
    };
    let existing = axes.iter().enumerate().find_map(|(i, a)| {
        a.actions
            .iter()
            .position(|x| x.number == d.action.0)
            .map(|j| (i, j))
    });
    let (ai, ci) = match existing {
        Some(found) => found,
        None => {
            axes[ai].actions.push(Action {
                id: 0,
                number: d.action.0,
                title: d.action.1.clone(),
                published_progress: None,
                objectives: Vec::new(),
            });
            (ai, axes[ai].actions.len() - 1)
        }
    };
    axes[ai].actions[ci].objectives.push(d.objective);
}

/// The page gives no percentage for these objectives (the dashboard's summary names them,
/// its detail part does not): take what the status implies and say so.
fn assume_progress(axes: &mut [Axis], given: &HashSet<ObjectiveRef>, warnings: &mut Vec<Warning>) {
    for o in axes
        .iter_mut()
        .flat_map(|a| &mut a.actions)
        .flat_map(|a| &mut a.objectives)
    {
        if !given.contains(&o.reference()) {
            o.fields.progress = if o.fields.status == Status::Completed {
                100
            } else {
                0
            };
            warnings.push(Warning::about(
                o.reference(),
                Finding::Assumed {
                    progress: o.fields.progress,
                },
            ));
        }
    }
}
