//! The three parts of a page, each read from the cursor: the header, the summary (axes,
//! actions with their published percentages, objectives with their status and unlabelled
//! texts) and the detail part (one labelled entry per objective).

use std::collections::{HashMap, HashSet};

use crate::lines::{Cursor, Kind, Label, is_structural, join, split_summary_texts};
use jalon_core::error::{Error, Expected, PageLabel, Result};
use jalon_core::model::{Action, Axis, Language, Objective, ObjectiveFields, ObjectiveRef};

/// What the free text before the first axis says.
pub(super) struct Header {
    /// The line before the counts line.
    pub(super) title: Option<String>,
    /// "17 objectives" under the axis filter.
    pub(super) stated_objectives: Option<usize>,
    /// The first line of text, the title when no counts line names one.
    pub(super) first_text: Option<String>,
}

/// One objective of the detail part, with the axis and action it names.
pub(super) struct DetailEntry {
    pub(super) line: usize,
    pub(super) axis: (u32, String),
    pub(super) action: (u32, String),
    pub(super) objective: Objective,
}

/// Header: free text up to the first axis line or detail entry. It may state the counts, the
/// title (the line before the counts) and the number of objectives shown.
pub(super) fn header(c: &mut Cursor) -> Result<Header> {
    let mut h = Header {
        title: None,
        stated_objectives: None,
        first_text: None,
    };
    let mut previous_text: Option<String> = None;
    while c.pos < c.lines.len() {
        let l = &c.lines[c.pos];
        if matches!(l.kind, Kind::Axis(..)) || c.opens_detail(c.pos) {
            return Ok(h);
        }
        if is_structural(&l.kind) {
            return Err(Error::parse(l.no, Expected::AxisFirst, l.text));
        }
        if l.kind != Kind::Blank {
            let folded = crate::lines::fold_spaces(l.text);
            let lower = folded.to_lowercase();
            if (lower.contains(" axes, ") || lower.contains(" axes et "))
                && (lower.contains("objectives") || lower.contains("objectifs"))
            {
                h.title = previous_text.clone();
            } else if let Some(n) = lower
                .strip_suffix(" objectives")
                .or_else(|| lower.strip_suffix(" objectifs"))
                .and_then(|n| n.trim().parse().ok())
            {
                h.stated_objectives = Some(n);
            }
            h.first_text.get_or_insert(folded.clone());
            previous_text = Some(folded);
        }
        c.pos += 1;
    }
    Err(Error::parse(
        c.lines.len() + 1,
        Expected::AxisOrObjective,
        "",
    ))
}

/// The summary part, up to the first detail entry. The language is the first axis line's.
/// Returns the axes, and the objectives whose entry gave their progress (Jalon's own
/// publication does; the dashboard's summary does not).
pub(super) fn summary(
    c: &mut Cursor,
    language: &mut Option<Language>,
) -> Result<(Vec<Axis>, HashSet<ObjectiveRef>)> {
    let mut axes: Vec<Axis> = Vec::new();
    let mut with_progress = HashSet::new();
    let mut seen: HashMap<ObjectiveRef, usize> = HashMap::new();
    while c.peek().is_some() && !c.opens_detail(c.pos) {
        let no = c.line_no();
        let found = c.found();
        let kind = c.next().map(|l| l.kind.clone()).unwrap_or(Kind::Blank);
        match kind {
            Kind::Axis(n, t) => {
                language.get_or_insert(if found.trim_start().to_lowercase().starts_with("axe") {
                    Language::Fr
                } else {
                    Language::En
                });
                summary_axis(&mut axes, n, t, no, &found)?;
                // Jalon's own publication gives the axis's percentage under it; the roll-up
                // makes it again from the objectives, so only its form is checked.
                if matches!(c.peek().map(|l| &l.kind), Some(Kind::Progress(_))) {
                    c.progress(Expected::ProgressLine)?;
                }
            }
            Kind::Action(n, t) => summary_action(c, &mut axes, n, t, no, &found)?,
            Kind::Objective(n, t, part) => {
                let Some(action) = axes.last_mut().and_then(|a| a.actions.last_mut()) else {
                    return Err(Error::parse(no, Expected::ActionBeforeObjective, &found));
                };
                let r = ObjectiveRef { number: n, part };
                let (o, given) = summary_objective(c, &mut seen, r, t, no, &found)?;
                if given {
                    with_progress.insert(r);
                }
                action.objectives.push(o);
            }
            Kind::Progress(_) => {
                return Err(Error::parse(no, Expected::ProgressAfterAction, &found));
            }
            _ => {
                return Err(Error::parse(no, Expected::AxisActionOrObjective, &found));
            }
        }
    }
    Ok((axes, with_progress))
}

/// The page repeats the axis line above each action: a new axis only when the number changes,
/// and an axis's actions together.
fn summary_axis(axes: &mut Vec<Axis>, n: u32, title: String, no: usize, found: &str) -> Result<()> {
    if axes.last().is_some_and(|a| a.number == n) {
        return Ok(());
    }
    if axes.iter().any(|a| a.number == n) {
        return Err(Error::parse(no, Expected::AxisTogether { axis: n }, found));
    }
    axes.push(Axis {
        id: 0,
        number: n,
        title,
        actions: Vec::new(),
    });
    Ok(())
}

/// An action line, with its published percentage when the next line gives one.
fn summary_action(
    c: &mut Cursor,
    axes: &mut [Axis],
    n: u32,
    title: String,
    no: usize,
    found: &str,
) -> Result<()> {
    let Some(axis) = axes.last_mut() else {
        return Err(Error::parse(no, Expected::AxisBeforeAction, found));
    };
    if axis.actions.iter().any(|a| a.number == n) {
        return Err(Error::parse(no, Expected::ActionOnce { action: n }, found));
    }
    let published = match c.peek().map(|l| l.kind.clone()) {
        Some(Kind::Progress(_)) => Some(c.progress(Expected::ProgressLine)?.0),
        _ => None,
    };
    axis.actions.push(Action {
        id: 0,
        number: n,
        title,
        published_progress: published,
        objectives: Vec::new(),
    });
    Ok(())
}

/// A summary objective: its status, then its texts up to the next entry. The dashboard's
/// summary gives no objective percentage and leaves the texts unlabelled; Jalon's own
/// publication gives the percentage after the status and labels the texts as the detail part
/// does. Returns the objective and whether its percentage was given.
fn summary_objective(
    c: &mut Cursor,
    seen: &mut HashMap<ObjectiveRef, usize>,
    r: ObjectiveRef,
    title: String,
    no: usize,
    found: &str,
) -> Result<(Objective, bool)> {
    if seen.contains_key(&r) {
        // Seen once already: this is its detail entry with a broken label.
        return Err(Error::parse(
            c.line_no(),
            Expected::ContextOpensDetail { objective: r },
            &c.found(),
        ));
    }
    let status = c.status(Expected::Status {
        objective: r,
        labelled: false,
    })?;
    let progress = match c.peek().map(|l| l.kind.clone()) {
        Some(Kind::Progress(_)) => Some(c.progress(Expected::ProgressOf { objective: r })?.0),
        _ => None,
    };
    let (achievement, next_steps) =
        if c.peek().map(|l| l.kind.clone()) == Some(Kind::Label(Label::Achievement)) {
            c.pos += 1;
            labelled_texts(c, |c, pos| {
                is_structural(&c.lines[pos].kind) || c.opens_detail(pos)
            })
        } else {
            let paragraphs =
                c.paragraphs(|c, pos| is_structural(&c.lines[pos].kind) || c.opens_detail(pos));
            split_summary_texts(&paragraphs)
        };
    if seen.insert(r, no).is_some() {
        return Err(Error::parse(
            no,
            Expected::OnceInSummary { objective: r },
            found,
        ));
    }
    let objective = Objective {
        id: 0,
        number: r.number,
        part: r.part,
        fields: ObjectiveFields {
            title,
            status,
            progress: progress.unwrap_or(0),
            achievement,
            next_steps,
            ..Default::default()
        },
    };
    Ok((objective, progress.is_some()))
}

/// The achievement paragraphs (its label already read) and, after the "Next steps" label when
/// there is one, the next steps, up to where `end` says the entry ends.
fn labelled_texts(c: &mut Cursor, end: impl Fn(&Cursor, usize) -> bool) -> (String, String) {
    let achievement =
        c.paragraphs(|c, pos| c.lines[pos].kind == Kind::Label(Label::NextSteps) || end(c, pos));
    let next_steps = if c.peek().map(|l| l.kind.clone()) == Some(Kind::Label(Label::NextSteps)) {
        c.pos += 1;
        c.paragraphs(&end)
    } else {
        Vec::new()
    };
    (join(&achievement), join(&next_steps))
}

/// The detail part: every entry to the end of the page. On a page without a summary, the
/// language is the first entry's.
pub(super) fn details(c: &mut Cursor, language: &mut Option<Language>) -> Result<Vec<DetailEntry>> {
    let mut out: Vec<DetailEntry> = Vec::new();
    while c.peek().is_some() {
        let d = detail_entry(c, language)?;
        let r = d.objective.reference();
        if out.iter().any(|x| x.objective.reference() == r) {
            let line = c
                .lines
                .iter()
                .find(|l| l.no == d.line)
                .map_or("", |l| l.text);
            return Err(Error::parse(
                d.line,
                Expected::OnceInDetail { objective: r },
                line,
            ));
        }
        out.push(d);
    }
    Ok(out)
}

/// One labelled entry: CONTEXT, AXE and its axis line, ACTION and its action line, STATUS,
/// the progress, Achievement and, when present, Next steps.
fn detail_entry(c: &mut Cursor, language: &mut Option<Language>) -> Result<DetailEntry> {
    let no = c.line_no();
    let found = c.found();
    let Some(Kind::Objective(n, title, part)) = c.next().map(|l| l.kind.clone()) else {
        return Err(Error::parse(no, Expected::ObjectiveThenContext, &found));
    };
    let r = ObjectiveRef { number: n, part };
    language.get_or_insert(
        if found.trim_start().to_lowercase().starts_with("objectif") {
            Language::Fr
        } else {
            Language::En
        },
    );
    c.expect_label(Label::Context, label(PageLabel::Context, r))?;
    c.expect_label(Label::Axe, label(PageLabel::Axe, r))?;
    let (ano, afound) = (c.line_no(), c.found());
    let Some(Kind::Axis(axis_n, axis_t)) = c.next().map(|l| l.kind.clone()) else {
        return Err(Error::parse(
            ano,
            Expected::AxisLine { objective: r },
            &afound,
        ));
    };
    c.expect_label(Label::Action, label(PageLabel::Action, r))?;
    let (ano, afound) = (c.line_no(), c.found());
    let Some(Kind::Action(action_n, action_t)) = c.next().map(|l| l.kind.clone()) else {
        return Err(Error::parse(
            ano,
            Expected::ActionLine { objective: r },
            &afound,
        ));
    };
    c.expect_label(Label::Status, label(PageLabel::Status, r))?;
    let status = c.status(Expected::Status {
        objective: r,
        labelled: true,
    })?;
    let (progress, _) = c.progress(Expected::ProgressOf { objective: r })?;
    c.expect_label(Label::Achievement, label(PageLabel::Achievement, r))?;
    let (achievement, next_steps) = labelled_texts(c, |c, pos| c.opens_detail(pos));
    Ok(DetailEntry {
        line: no,
        axis: (axis_n, axis_t),
        action: (action_n, action_t),
        objective: Objective {
            id: 0,
            number: n,
            part,
            fields: ObjectiveFields {
                title,
                status,
                progress,
                achievement,
                next_steps,
                ..Default::default()
            },
        },
    })
}

fn label(label: PageLabel, objective: ObjectiveRef) -> Expected {
    Expected::Label { label, objective }
}
