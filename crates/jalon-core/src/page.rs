//! Reads the text of a published progress dashboard page (see PRODUCT.md, "The published
//! dashboard text format") into a report. The page may hold a summary part, a detail part or
//! both; labels may be English or French; spacing before ':' and '%' may be any mix of spaces
//! and no-break spaces; lines may end in CRLF or LF. Anything else is an error that names the
//! line and what was expected. Parsing writes nothing: the caller merges the result in one
//! transaction.

use std::collections::HashMap;

use crate::checks::{Disagreement, Finding, Warning};
use crate::error::{Error, Result};
use crate::model::{
    Action, Axis, Language, Objective, ObjectiveFields, ObjectiveRef, Part, Report, Status,
    Strategy,
};

/// A page read into a report, with what the page itself says that needs a second look.
#[derive(Debug, Clone)]
pub struct ParsedPage {
    pub report: Report,
    pub warnings: Vec<Warning>,
    /// "17 objectives" under the axis filter, when the page states it.
    pub stated_objectives: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Blank,
    Axis(u32, String),
    Action(u32, String),
    Objective(u32, String, Option<Part>),
    Progress(std::result::Result<u32, String>),
    Label(Label),
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    Context,
    Axe,
    Action,
    Status,
    Achievement,
    NextSteps,
}

struct Line<'a> {
    no: usize,
    text: &'a str,
    kind: Kind,
}

/// Folds every kind of space French typography uses into a plain one and trims.
fn fold_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// "Axis 4", "axe 4" → Some(4) when `head` is `word` and a number.
fn numbered(head: &str, words: &[&str]) -> Option<u32> {
    let (word, num) = head.split_once(' ')?;
    if !words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return None;
    }
    num.trim().parse().ok()
}

/// Splits "(1/2)" off the end of an objective title.
fn split_part(title: &str) -> (String, Option<Part>) {
    if let Some(stripped) = title.strip_suffix(')')
        && let Some(open) = stripped.rfind('(')
        && let Some((a, b)) = stripped[open + 1..].split_once('/')
        && let (Ok(index), Ok(count)) = (a.trim().parse(), b.trim().parse())
    {
        return (
            stripped[..open].trim_end().to_string(),
            Some(Part { index, count }),
        );
    }
    (title.to_string(), None)
}

fn classify(raw: &str) -> Kind {
    let s = fold_spaces(raw);
    if s.is_empty() {
        return Kind::Blank;
    }
    let lower = s.to_lowercase();
    let label = match lower.as_str() {
        "context" | "contexte" => Some(Label::Context),
        "axe" | "axis" => Some(Label::Axe),
        "action" => Some(Label::Action),
        "status" | "statut" => Some(Label::Status),
        "achievement" | "achievements" | "réalisation" | "réalisations" => {
            Some(Label::Achievement)
        }
        "next steps" | "next step" | "prochaines étapes" | "prochaine étape" => {
            Some(Label::NextSteps)
        }
        _ => None,
    };
    if let Some(l) = label {
        return Kind::Label(l);
    }
    let Some((head, rest)) = s.split_once(':') else {
        return Kind::Text;
    };
    let head = head.trim();
    let rest = rest.trim();
    if head.eq_ignore_ascii_case("progress") || head.eq_ignore_ascii_case("avancement") {
        let digits = rest.strip_suffix('%').map(str::trim_end);
        return Kind::Progress(match digits.and_then(|d| d.parse::<u32>().ok()) {
            Some(v) => Ok(v),
            None => Err(rest.to_string()),
        });
    }
    if rest.is_empty() {
        return Kind::Text;
    }
    if let Some(n) = numbered(head, &["axis", "axe"]) {
        return Kind::Axis(n, rest.to_string());
    }
    if let Some(n) = numbered(head, &["action"]) {
        return Kind::Action(n, rest.to_string());
    }
    if let Some(n) = numbered(head, &["objective", "objectif"]) {
        let (title, part) = split_part(rest);
        return Kind::Objective(n, title, part);
    }
    Kind::Text
}

fn is_structural(k: &Kind) -> bool {
    matches!(k, Kind::Axis(..) | Kind::Action(..) | Kind::Objective(..))
}

struct Cursor<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
}

const STATUS_EXPECTED: &str = "a status (In progress, Completed, Not started, Abandoned; or En cours, Terminé, Réalisé, Non commencé, Abandonné)";

impl<'a> Cursor<'a> {
    fn skip_blank(&mut self) {
        while self.pos < self.lines.len() && self.lines[self.pos].kind == Kind::Blank {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<&Line<'a>> {
        self.skip_blank();
        self.lines.get(self.pos)
    }

    /// The 1-based line number of the next non-blank line, or one past the end.
    fn line_no(&mut self) -> usize {
        self.skip_blank();
        self.lines
            .get(self.pos)
            .map_or(self.lines.len() + 1, |l| l.no)
    }

    fn next(&mut self) -> Option<&Line<'a>> {
        self.skip_blank();
        let l = self.lines.get(self.pos);
        if l.is_some() {
            self.pos += 1;
        }
        l
    }

    fn found(&mut self) -> String {
        self.peek().map_or(String::new(), |l| l.text.to_string())
    }

    fn expect_label(&mut self, label: Label, expected: &str) -> Result<()> {
        match self.peek() {
            Some(l) if l.kind == Kind::Label(label) => {
                self.pos += 1;
                Ok(())
            }
            _ => Err(Error::parse(self.line_no(), expected, &self.found())),
        }
    }

    /// Whether the objective line at `pos` opens the detail part: its next non-blank line is
    /// the CONTEXT label.
    fn opens_detail(&self, pos: usize) -> bool {
        matches!(self.lines.get(pos), Some(l) if matches!(l.kind, Kind::Objective(..)))
            && self.lines[pos + 1..]
                .iter()
                .find(|l| l.kind != Kind::Blank)
                .is_some_and(|l| l.kind == Kind::Label(Label::Context))
    }

    fn status(&mut self, after: &str) -> Result<Status> {
        let no = self.line_no();
        let found = self.found();
        match self.next() {
            Some(l) if l.kind == Kind::Text => {
                Status::from_label(&fold_spaces(l.text)).ok_or_else(|| {
                    Error::parse(no, format!("{STATUS_EXPECTED} after {after}"), &found)
                })
            }
            _ => Err(Error::parse(
                no,
                format!("{STATUS_EXPECTED} after {after}"),
                &found,
            )),
        }
    }

    fn progress(&mut self, expected: &str) -> Result<(u32, usize)> {
        let no = self.line_no();
        let found = self.found();
        match self.next().map(|l| l.kind.clone()) {
            Some(Kind::Progress(Ok(v))) if v <= 100 => Ok((v, no)),
            Some(Kind::Progress(Ok(v))) => Err(Error::parse(
                no,
                "a progress from 0% to 100%",
                &format!("{v}%"),
            )),
            Some(Kind::Progress(Err(_))) => Err(Error::parse(
                no,
                "a whole percentage such as \"Progress : 65%\"",
                &found,
            )),
            _ => Err(Error::parse(no, expected, &found)),
        }
    }

    /// Paragraphs up to the next line that `stop` accepts. Returns them with the number of
    /// blank lines that came before each paragraph.
    fn paragraphs(&mut self, stop: impl Fn(&Self, usize) -> bool) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        let mut blanks = 0;
        let mut current: Option<String> = None;
        while self.pos < self.lines.len() && !stop(self, self.pos) {
            let l = &self.lines[self.pos];
            if l.kind == Kind::Blank {
                if let Some(p) = current.take() {
                    out.push((blanks, p));
                    blanks = 0;
                }
                blanks += 1;
            } else {
                // Bullets keep their marker; the indentation before it is layout.
                let text = l.text.trim();
                current = Some(match current.take() {
                    Some(p) => format!("{p}\n{text}"),
                    None => text.to_string(),
                });
            }
            self.pos += 1;
        }
        if let Some(p) = current {
            out.push((blanks, p));
        }
        if let Some(first) = out.first_mut() {
            first.0 = 0;
        }
        out
    }
}

fn join(paragraphs: &[(usize, String)]) -> String {
    paragraphs
        .iter()
        .map(|(_, p)| p.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The summary shows achievement and next steps without labels. The page leaves two blank
/// lines between them, so the first such gap splits them; without one, the last paragraph is
/// taken as next steps. The detail part, when present, replaces this guess.
fn split_summary_texts(paragraphs: &[(usize, String)]) -> (String, String) {
    if let Some(i) = paragraphs.iter().position(|(gap, _)| *gap >= 2) {
        return (join(&paragraphs[..i]), join(&paragraphs[i..]));
    }
    match paragraphs.len() {
        0 => (String::new(), String::new()),
        1 => (join(paragraphs), String::new()),
        n => (join(&paragraphs[..n - 1]), join(&paragraphs[n - 1..])),
    }
}

struct DetailEntry {
    line: usize,
    axis: (u32, String),
    action: (u32, String),
    objective: Objective,
}

/// Reads a published page. Writes nothing.
pub fn parse_page(text: &str) -> Result<ParsedPage> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A final newline ends the last line; it does not open another one.
    let text = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw).trim_end();
            Line {
                no: i + 1,
                text: raw,
                kind: classify(raw),
            }
        })
        .collect();
    let mut c = Cursor { lines, pos: 0 };
    let mut warnings = Vec::new();

    // Header: free text up to the first axis line or detail entry. It may state the counts,
    // the title (the line before the counts) and the number of objectives shown.
    let mut title: Option<String> = None;
    let mut stated_objectives = None;
    let mut previous_text: Option<String> = None;
    let mut first_text: Option<String> = None;
    while c.pos < c.lines.len() {
        let l = &c.lines[c.pos];
        if matches!(l.kind, Kind::Axis(..)) || c.opens_detail(c.pos) {
            break;
        }
        if is_structural(&l.kind) {
            let (no, found) = (l.no, l.text.to_string());
            return Err(Error::parse(
                no,
                "an axis line such as \"Axis 1: title\" before the first action or objective",
                &found,
            ));
        }
        if l.kind != Kind::Blank {
            let folded = fold_spaces(l.text);
            let lower = folded.to_lowercase();
            if (lower.contains(" axes, ") || lower.contains(" axes et "))
                && (lower.contains("objectives") || lower.contains("objectifs"))
            {
                title = previous_text.clone();
            } else if let Some(n) = lower
                .strip_suffix(" objectives")
                .or_else(|| lower.strip_suffix(" objectifs"))
                .and_then(|n| n.trim().parse().ok())
            {
                stated_objectives = Some(n);
            }
            first_text.get_or_insert(folded.clone());
            previous_text = Some(folded);
        }
        c.pos += 1;
    }
    if c.pos >= c.lines.len() {
        let n = c.lines.len() + 1;
        return Err(Error::parse(
            n,
            "an axis line such as \"Axis 1: title\" or an objective such as \"Objective 1 : title\"",
            "",
        ));
    }

    // Summary part.
    let mut language = None;
    let mut axes: Vec<Axis> = Vec::new();
    let mut summary_seen: HashMap<ObjectiveRef, usize> = HashMap::new();
    while c.peek().is_some() && !c.opens_detail(c.pos) {
        let no = c.line_no();
        let found = c.found();
        let kind = c.next().map(|l| l.kind.clone()).unwrap_or(Kind::Blank);
        match kind {
            Kind::Axis(n, t) => {
                if language.is_none() {
                    language = Some(if found.trim_start().to_lowercase().starts_with("axe") {
                        Language::Fr
                    } else {
                        Language::En
                    });
                }
                // The page repeats the axis line above each action.
                if axes.last().is_none_or(|a| a.number != n) {
                    if axes.iter().any(|a| a.number == n) {
                        return Err(Error::parse(
                            no,
                            format!("the actions of Axis {n} together, not split by another axis"),
                            &found,
                        ));
                    }
                    axes.push(Axis {
                        id: 0,
                        number: n,
                        title: t,
                        actions: Vec::new(),
                    });
                }
            }
            Kind::Action(n, t) => {
                let Some(axis) = axes.last_mut() else {
                    return Err(Error::parse(no, "an axis line before the action", &found));
                };
                if axis.actions.iter().any(|a| a.number == n) {
                    return Err(Error::parse(no, format!("Action {n} only once"), &found));
                }
                let published = match c.peek().map(|l| l.kind.clone()) {
                    Some(Kind::Progress(_)) => Some(c.progress("a progress line")?.0),
                    _ => None,
                };
                axis.actions.push(Action {
                    id: 0,
                    number: n,
                    title: t,
                    published_progress: published,
                    objectives: Vec::new(),
                });
            }
            Kind::Objective(n, t, part) => {
                let Some(action) = axes.last_mut().and_then(|a| a.actions.last_mut()) else {
                    return Err(Error::parse(
                        no,
                        "an action line such as \"Action 1: title\" before the objective",
                        &found,
                    ));
                };
                let r = ObjectiveRef { number: n, part };
                if summary_seen.contains_key(&r) {
                    // Seen once already: this is its detail entry with a broken label.
                    return Err(Error::parse(
                        c.line_no(),
                        format!("CONTEXT after Objective {r}, which opens its detail entry"),
                        &c.found(),
                    ));
                }
                let status = c.status(&format!("Objective {r}"))?;
                let paragraphs =
                    c.paragraphs(|c, pos| is_structural(&c.lines[pos].kind) || c.opens_detail(pos));
                let (achievement, next_steps) = split_summary_texts(&paragraphs);
                if summary_seen.insert(r, no).is_some() {
                    return Err(Error::parse(
                        no,
                        format!("Objective {r} only once in the summary"),
                        &found,
                    ));
                }
                action.objectives.push(Objective {
                    id: 0,
                    number: n,
                    part,
                    fields: ObjectiveFields {
                        title: t,
                        status,
                        progress: 0,
                        achievement,
                        next_steps,
                        ..Default::default()
                    },
                });
            }
            Kind::Progress(_) => {
                return Err(Error::parse(
                    no,
                    "a progress line only right after an action line",
                    &found,
                ));
            }
            _ => {
                return Err(Error::parse(
                    no,
                    "an axis, action or objective line",
                    &found,
                ));
            }
        }
    }

    // Detail part.
    let mut details: Vec<DetailEntry> = Vec::new();
    while c.peek().is_some() {
        let no = c.line_no();
        let found = c.found();
        let Some(Kind::Objective(n, t, part)) = c.next().map(|l| l.kind.clone()) else {
            return Err(Error::parse(
                no,
                "an objective line such as \"Objective 1 : title\" followed by CONTEXT",
                &found,
            ));
        };
        let r = ObjectiveRef { number: n, part };
        if language.is_none() {
            language = Some(
                if found.trim_start().to_lowercase().starts_with("objectif") {
                    Language::Fr
                } else {
                    Language::En
                },
            );
        }
        c.expect_label(Label::Context, &format!("CONTEXT after Objective {r}"))?;
        c.expect_label(Label::Axe, &format!("AXE after CONTEXT (Objective {r})"))?;
        let (ano, afound) = (c.line_no(), c.found());
        let Some(Kind::Axis(axis_n, axis_t)) = c.next().map(|l| l.kind.clone()) else {
            return Err(Error::parse(
                ano,
                format!("an axis line such as \"Axis 1: title\" (Objective {r})"),
                &afound,
            ));
        };
        c.expect_label(Label::Action, &format!("ACTION (Objective {r})"))?;
        let (ano, afound) = (c.line_no(), c.found());
        let Some(Kind::Action(action_n, action_t)) = c.next().map(|l| l.kind.clone()) else {
            return Err(Error::parse(
                ano,
                format!("an action line such as \"Action 1: title\" (Objective {r})"),
                &afound,
            ));
        };
        c.expect_label(Label::Status, &format!("STATUS (Objective {r})"))?;
        let status = c.status(&format!("STATUS (Objective {r})"))?;
        let (progress, _) = c.progress(&format!(
            "a progress line such as \"Progress : 65%\" (Objective {r})"
        ))?;
        c.expect_label(
            Label::Achievement,
            &format!("Achievement after the progress of Objective {r}"),
        )?;
        let achievement = c.paragraphs(|c, pos| {
            c.lines[pos].kind == Kind::Label(Label::NextSteps) || c.opens_detail(pos)
        });
        let next_steps = if c.peek().map(|l| l.kind.clone()) == Some(Kind::Label(Label::NextSteps))
        {
            c.pos += 1;
            c.paragraphs(|c, pos| c.opens_detail(pos))
        } else {
            Vec::new()
        };
        if details.iter().any(|d| d.objective.reference() == r) {
            return Err(Error::parse(
                no,
                format!("Objective {r} only once in the detail part"),
                &found,
            ));
        }
        details.push(DetailEntry {
            line: no,
            axis: (axis_n, axis_t),
            action: (action_n, action_t),
            objective: Objective {
                id: 0,
                number: n,
                part,
                fields: ObjectiveFields {
                    title: t,
                    status,
                    progress,
                    achievement: join(&achievement),
                    next_steps: join(&next_steps),
                    ..Default::default()
                },
            },
        });
    }

    let language = language.unwrap_or_default();
    let had_summary = !axes.is_empty();
    let mut in_detail: std::collections::HashSet<ObjectiveRef> = Default::default();
    for d in details {
        let r = d.objective.reference();
        in_detail.insert(r);
        let found_at = axes.iter_mut().enumerate().find_map(|(ai, axis)| {
            axis.actions.iter_mut().find_map(|action| {
                let number = action.number;
                action
                    .objectives
                    .iter_mut()
                    .find(|o| o.reference() == r)
                    .map(|o| (ai, number, o))
            })
        });
        match found_at {
            Some((_, action_n, o)) => {
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
            None => {
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
        }
    }
    if !in_detail.is_empty() || had_summary {
        for o in axes
            .iter_mut()
            .flat_map(|a| &mut a.actions)
            .flat_map(|a| &mut a.objectives)
        {
            if !in_detail.contains(&o.reference()) {
                // Only the summary names it, and the summary gives no objective percentage:
                // take what the status implies and say so.
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
    let report = Report {
        strategy: Strategy {
            title: title
                .or(first_text)
                .unwrap_or_else(|| "Imported strategy".to_string()),
            language,
            ..Strategy::default()
        },
        axes,
    };
    let entries = report.objectives().count();
    if let Some(n) = stated_objectives
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
        stated_objectives,
    })
}
