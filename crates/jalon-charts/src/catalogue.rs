//! The chart catalogue: stable ids, file names, scopes, and the data each chart shows.
//!
//! Everything here is backend-free: a chart is first "prepared" (texts, rows, colours by
//! meaning) so that the PNG and the SVG are drawn from one description, and so that tests can
//! check the data without decoding pixels.

use std::fmt;
use std::str::FromStr;

use jalon_core::summary::{ActionSummary, AxisSummary, Summary};
use jalon_core::{Language, Status};

use crate::ChartError;

/// What a chart pack or a catalogue listing covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Strategy,
    Axis(u32),
    Action(u32),
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Strategy => write!(f, "strategy"),
            Scope::Axis(n) => write!(f, "axis:{n}"),
            Scope::Action(n) => write!(f, "action:{n}"),
        }
    }
}

impl FromStr for Scope {
    type Err = ChartError;
    /// `strategy`, `axis:N` or `action:N`, as the CLI takes it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ChartError::BadScope(s.to_string());
        if s == "strategy" {
            return Ok(Scope::Strategy);
        }
        let (kind, n) = s.split_once(':').ok_or_else(bad)?;
        let n: u32 = n.trim().parse().map_err(|_| bad())?;
        match kind.trim() {
            "axis" => Ok(Scope::Axis(n)),
            "action" => Ok(Scope::Action(n)),
            _ => Err(bad()),
        }
    }
}

/// One chart of the catalogue. Its file stem is stable across versions and languages, so that
/// a slide deck can link to the exported files and be refreshed each quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// Progress per axis.
    StrategyAxes,
    /// Progress per action of axis N.
    AxisActions(u32),
    /// Progress per objective of action N, coloured by status.
    ActionObjectives(u32),
    /// Objectives by status, as a donut, for the strategy or one axis.
    Status(Scope),
    /// Progress per reporting period, for the strategy, an axis or an action.
    Trend(Scope),
}

impl ChartId {
    /// The stable file stem: `strategy-axes`, `axis-4-actions`, `action-14-objectives`,
    /// `status-strategy`, `status-axis-4`, `trend-strategy`, `trend-axis-4`, `trend-action-14`.
    pub fn stem(&self) -> String {
        let scope = |s: &Scope| match s {
            Scope::Strategy => "strategy".to_string(),
            Scope::Axis(n) => format!("axis-{n}"),
            Scope::Action(n) => format!("action-{n}"),
        };
        match self {
            ChartId::StrategyAxes => "strategy-axes".to_string(),
            ChartId::AxisActions(n) => format!("axis-{n}-actions"),
            ChartId::ActionObjectives(n) => format!("action-{n}-objectives"),
            ChartId::Status(s) => format!("status-{}", scope(s)),
            ChartId::Trend(s) => format!("trend-{}", scope(s)),
        }
    }

    /// Reads a stem back; the app passes ids as stems over IPC.
    pub fn from_stem(stem: &str) -> Option<ChartId> {
        let num = |s: &str| s.parse::<u32>().ok();
        let scope = |s: &str| -> Option<Scope> {
            if s == "strategy" {
                Some(Scope::Strategy)
            } else if let Some(n) = s.strip_prefix("axis-") {
                num(n).map(Scope::Axis)
            } else {
                s.strip_prefix("action-").and_then(num).map(Scope::Action)
            }
        };
        if stem == "strategy-axes" {
            return Some(ChartId::StrategyAxes);
        }
        if let Some(rest) = stem.strip_prefix("status-") {
            return match scope(rest)? {
                Scope::Action(_) => None,
                s => Some(ChartId::Status(s)),
            };
        }
        if let Some(rest) = stem.strip_prefix("trend-") {
            return scope(rest).map(ChartId::Trend);
        }
        if let Some(n) = stem
            .strip_prefix("axis-")
            .and_then(|r| r.strip_suffix("-actions"))
        {
            return num(n).map(ChartId::AxisActions);
        }
        stem.strip_prefix("action-")
            .and_then(|r| r.strip_suffix("-objectives"))
            .and_then(num)
            .map(ChartId::ActionObjectives)
    }
}

/// The charts listed for one scope, in the order a deck would use them.
pub fn catalogue(summary: &Summary, scope: Scope) -> Result<Vec<ChartId>, ChartError> {
    match scope {
        Scope::Strategy => Ok(vec![
            ChartId::StrategyAxes,
            ChartId::Status(Scope::Strategy),
            ChartId::Trend(Scope::Strategy),
        ]),
        Scope::Axis(n) => {
            find_axis(summary, n)?;
            Ok(vec![
                ChartId::AxisActions(n),
                ChartId::Status(scope),
                ChartId::Trend(scope),
            ])
        }
        Scope::Action(n) => {
            find_action(summary, n)?;
            Ok(vec![ChartId::ActionObjectives(n), ChartId::Trend(scope)])
        }
    }
}

/// Every scope of the report: the strategy, then each axis, then each action.
pub fn all_scopes(summary: &Summary) -> Vec<Scope> {
    let mut out = vec![Scope::Strategy];
    out.extend(summary.axes.iter().map(|a| Scope::Axis(a.number)));
    out.extend(
        summary
            .axes
            .iter()
            .flat_map(|a| &a.actions)
            .map(|a| Scope::Action(a.number)),
    );
    out
}

pub(crate) fn find_axis(summary: &Summary, n: u32) -> Result<&AxisSummary, ChartError> {
    summary
        .axes
        .iter()
        .find(|a| a.number == n)
        .ok_or(ChartError::NoSuchAxis(n))
}

pub(crate) fn find_action(summary: &Summary, n: u32) -> Result<&ActionSummary, ChartError> {
    summary
        .axes
        .iter()
        .flat_map(|a| &a.actions)
        .find(|a| a.number == n)
        .ok_or(ChartError::NoSuchAction(n))
}

/// The figures of one reporting period, the input of the trend charts. Levels are keyed by
/// number, which stays stable from one quarter to the next while database ids may not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeriodFigures {
    /// "2026-Q1".
    pub label: String,
    pub strategy: Option<u32>,
    pub axes: std::collections::BTreeMap<u32, Option<u32>>,
    pub actions: std::collections::BTreeMap<u32, Option<u32>>,
}

impl PeriodFigures {
    /// The trend series of a report's periods, oldest first, from each period's summary (a
    /// closed period's frozen snapshot, the open period's live report).
    /// An open period without a label is named by its date; without either, its label stays
    /// empty and the chart names it "Current" in its own language (only the open period can
    /// be unnamed: closing needs a label).
    pub fn series(periods: &[(jalon_core::Period, Summary)]) -> Vec<PeriodFigures> {
        periods
            .iter()
            .map(|(p, s)| {
                let label = [p.label.trim(), p.as_of.trim()]
                    .into_iter()
                    .find(|l| !l.is_empty())
                    .unwrap_or_default();
                PeriodFigures::from_summary(label, s)
            })
            .collect()
    }

    /// The figures of a summary, under a period label.
    pub fn from_summary(label: &str, summary: &Summary) -> PeriodFigures {
        PeriodFigures {
            label: label.to_string(),
            strategy: summary.strategy.progress,
            axes: summary
                .axes
                .iter()
                .map(|a| (a.number, a.progress))
                .collect(),
            actions: summary
                .axes
                .iter()
                .flat_map(|a| &a.actions)
                .map(|a| (a.number, a.progress))
                .collect(),
        }
    }

    fn value(&self, scope: Scope) -> Option<u32> {
        match scope {
            Scope::Strategy => self.strategy,
            Scope::Axis(n) => self.axes.get(&n).copied().flatten(),
            Scope::Action(n) => self.actions.get(&n).copied().flatten(),
        }
    }
}

/// What a colour stands for. The palette maps meanings to colours per theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    Progress,
    Status(Status),
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub value: Option<u32>,
    /// The value as printed at the end of the bar, status included where it has one.
    pub value_label: String,
    pub ink: Ink,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    pub status: Status,
    pub count: usize,
    /// "8 (47%)".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub period: String,
    pub value: Option<u32>,
    pub value_label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Bars(Vec<BarRow>),
    Donut {
        slices: Vec<Slice>,
        total: usize,
        /// "17" and "objectives" in the hole.
        centre: (String, String),
    },
    Trend(Vec<Point>),
}

/// A chart with its texts resolved and its data laid out, before any drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The chart's stable file stem.
    pub stem: String,
    pub title: String,
    pub subtitle: String,
    pub source: String,
    /// One sentence for the slide's alt text.
    pub alt_text: String,
    pub body: Body,
    pub lang: Language,
    /// Legend entries, in order; empty when the chart has a single meaning per colour.
    pub legend: Vec<(Ink, String)>,
    /// Shown in the plot area when there is nothing to draw.
    pub empty_note: Option<String>,
}

struct Words {
    lang: Language,
}

impl Words {
    fn colon(&self) -> &'static str {
        match self.lang {
            Language::En => ":",
            Language::Fr => "\u{a0}:",
        }
    }
    fn pct(&self, v: Option<u32>) -> String {
        self.lang.progress(v)
    }
    /// Counts with the language's digit grouping: "1,234" or "1 234" (narrow no-break space).
    fn count(&self, n: usize) -> String {
        let digits = n.to_string();
        let sep = match self.lang {
            Language::En => ",",
            Language::Fr => "\u{202f}",
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }
    fn axis(&self, n: u32) -> String {
        match self.lang {
            Language::En => format!("Axis {n}"),
            Language::Fr => format!("Axe {n}"),
        }
    }
    fn objective(&self, n: u32, part: Option<(u32, u32)>) -> String {
        let word = match self.lang {
            Language::En => "Objective",
            Language::Fr => "Objectif",
        };
        match part {
            Some((i, c)) => format!("{word} {n} ({i}/{c})"),
            None => format!("{word} {n}"),
        }
    }
    fn scope_name(&self, scope: Scope) -> String {
        match (scope, self.lang) {
            (Scope::Strategy, Language::En) => "the strategy".to_string(),
            (Scope::Strategy, Language::Fr) => "la stratégie".to_string(),
            (Scope::Axis(n), _) => self.axis(n),
            (Scope::Action(n), _) => format!("Action {n}"),
        }
    }
    fn objectives_word(&self, n: usize) -> &'static str {
        match (self.lang, n) {
            (Language::En, 1) => "objective",
            (Language::En, _) => "objectives",
            (Language::Fr, 0 | 1) => "objectif",
            (Language::Fr, _) => "objectifs",
        }
    }
}

fn subtitle(summary: &Summary, lang: Language) -> String {
    let s = &summary.strategy;
    let mut out = s.title.clone();
    if !s.reporting_period.is_empty() {
        out.push_str(&format!(" — {}", s.reporting_period));
    }
    if !s.as_of.is_empty() {
        out.push_str(&match lang {
            Language::En => format!(" — data as of {}", s.as_of),
            Language::Fr => format!(" — données au {}", s.as_of),
        });
    }
    out
}

fn source(summary: &Summary, lang: Language) -> String {
    let title = &summary.strategy.title;
    match lang {
        Language::En => format!("Source: {title} progress report; figures computed by Jalon"),
        Language::Fr => {
            format!("Source\u{a0}: état d’avancement de {title}\u{a0}; calculs Jalon")
        }
    }
}

/// Resolves a chart's texts and data. `trend` is the series of reporting periods, oldest
/// first; only the trend charts read it.
pub fn prepare(
    summary: &Summary,
    trend: &[PeriodFigures],
    chart: ChartId,
    lang: Language,
) -> Result<Prepared, ChartError> {
    let w = Words { lang };
    let c = w.colon();
    let report = &summary.strategy.title;
    let list = |rows: &[BarRow]| {
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
    };
    let base = |title: String, alt_text: String, body: Body| Prepared {
        stem: chart.stem(),
        title,
        subtitle: subtitle(summary, lang),
        source: source(summary, lang),
        alt_text,
        body,
        lang,
        legend: Vec::new(),
        empty_note: None,
    };
    // A bar chart's alt text lists its rows, or says there are none; an empty one shows a note.
    let bars = |rows: Vec<BarRow>, title: String, lead: String, none: String, note: String| {
        let alt = format!(
            "{lead}{c} {}.",
            if rows.is_empty() { none } else { list(&rows) }
        );
        let empty = rows.is_empty();
        let mut p = base(title, alt, Body::Bars(rows));
        if empty {
            p.empty_note = Some(note);
        }
        p
    };
    let prepared = match chart {
        ChartId::StrategyAxes => {
            let rows: Vec<BarRow> = summary
                .axes
                .iter()
                .map(|a| BarRow {
                    label: format!("{} — {}", w.axis(a.number), a.title),
                    value: a.progress,
                    value_label: w.pct(a.progress),
                    ink: Ink::Progress,
                })
                .collect();
            let overall = w.pct(summary.strategy.progress);
            bars(
                rows,
                pick(lang, "Progress per axis", "Avancement par axe"),
                pick(
                    lang,
                    &format!("Bar chart of progress per axis of {report}, overall {overall}"),
                    &format!(
                        "Graphique en barres de l’avancement par axe de {report}, ensemble {overall}"
                    ),
                ),
                pick(lang, "no axes yet", "aucun axe pour l’instant"),
                pick(
                    lang,
                    "No axes in this report yet",
                    "Aucun axe dans ce rapport pour l’instant",
                ),
            )
        }
        ChartId::AxisActions(n) => {
            let axis = find_axis(summary, n)?;
            let rows: Vec<BarRow> = axis
                .actions
                .iter()
                .map(|a| BarRow {
                    label: format!("Action {} — {}", a.number, a.title),
                    value: a.progress,
                    value_label: w.pct(a.progress),
                    ink: Ink::Progress,
                })
                .collect();
            let overall = w.pct(axis.progress);
            bars(
                rows,
                format!(
                    "{}{c} {}",
                    w.axis(n),
                    pick(lang, "progress per action", "avancement par action")
                ),
                pick(
                    lang,
                    &format!(
                        "Bar chart of progress per action in {} of {report}, overall {overall}",
                        w.axis(n)
                    ),
                    &format!(
                        "Graphique en barres de l’avancement par action de l’axe {n} de {report}, ensemble {overall}"
                    ),
                ),
                pick(lang, "no actions yet", "aucune action pour l’instant"),
                pick(
                    lang,
                    "No actions in this axis yet",
                    "Aucune action dans cet axe pour l’instant",
                ),
            )
        }
        ChartId::ActionObjectives(n) => {
            let action = find_action(summary, n)?;
            let rows: Vec<BarRow> = action
                .objectives
                .iter()
                .map(|o| BarRow {
                    label: format!(
                        "{} — {}",
                        w.objective(o.number, o.part.zip(o.parts)),
                        o.title
                    ),
                    value: Some(o.progress),
                    value_label: format!("{} · {}", w.pct(Some(o.progress)), lang.status(o.status)),
                    ink: Ink::Status(o.status),
                })
                .collect();
            let overall = w.pct(action.progress);
            let mut p = bars(
                rows,
                format!(
                    "Action {n}{c} {}",
                    pick(lang, "progress per objective", "avancement par objectif")
                ),
                pick(
                    lang,
                    &format!(
                        "Bar chart of progress per objective in Action {n} of {report}, overall {overall}"
                    ),
                    &format!(
                        "Graphique en barres de l’avancement par objectif de l’action {n} de {report}, ensemble {overall}"
                    ),
                ),
                pick(lang, "no objectives yet", "aucun objectif pour l’instant"),
                pick(
                    lang,
                    "No objectives in this action yet",
                    "Aucun objectif dans cette action pour l’instant",
                ),
            );
            p.legend = Status::ALL
                .into_iter()
                .map(|s| (Ink::Status(s), lang.status(s).to_string()))
                .collect();
            p
        }
        ChartId::Status(scope) => {
            let axes: Vec<&AxisSummary> = match scope {
                Scope::Strategy => summary.axes.iter().collect(),
                Scope::Axis(n) => vec![find_axis(summary, n)?],
                Scope::Action(_) => return Err(ChartError::BadChart(chart.stem())),
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
                    Slice {
                        status: s,
                        count,
                        label: format!("{} ({})", w.count(count), share(count, total, lang)),
                    }
                })
                .collect();
            let parts: Vec<String> = slices
                .iter()
                .map(|s| format!("{} {}", lang.status(s.status).to_lowercase(), s.label))
                .collect();
            let (title, alt) = match lang {
                Language::En => (
                    match scope {
                        Scope::Strategy => "Objectives by status".to_string(),
                        _ => format!("{}: objectives by status", w.scope_name(scope)),
                    },
                    format!(
                        "Donut chart of the {} {} of {} in {report} by status: {}.",
                        w.count(total),
                        w.objectives_word(total),
                        w.scope_name(scope),
                        parts.join(", ")
                    ),
                ),
                Language::Fr => (
                    match scope {
                        Scope::Strategy => "Objectifs par statut".to_string(),
                        _ => format!("{}{c} objectifs par statut", w.scope_name(scope)),
                    },
                    format!(
                        "Graphique en anneau des {} {} de {} dans {report} par statut{c} {}.",
                        w.count(total),
                        w.objectives_word(total),
                        match scope {
                            Scope::Axis(n) => format!("l’axe {n}"),
                            _ => w.scope_name(scope),
                        },
                        parts.join(", ")
                    ),
                ),
            };
            let centre = (w.count(total), w.objectives_word(total).to_string());
            let mut p = base(
                title,
                alt,
                Body::Donut {
                    slices,
                    total,
                    centre,
                },
            );
            if total == 0 {
                p.empty_note = Some(match lang {
                    Language::En => "No objectives yet".to_string(),
                    Language::Fr => "Aucun objectif pour l’instant".to_string(),
                });
            }
            p
        }
        ChartId::Trend(scope) => {
            match scope {
                Scope::Strategy => {}
                Scope::Axis(n) => {
                    find_axis(summary, n)?;
                }
                Scope::Action(n) => {
                    find_action(summary, n)?;
                }
            }
            let points: Vec<Point> = trend
                .iter()
                .map(|p| Point {
                    period: if p.label.is_empty() {
                        pick(lang, "Current", "En cours")
                    } else {
                        p.label.clone()
                    },
                    value: p.value(scope),
                    value_label: w.pct(p.value(scope)),
                })
                .collect();
            let listed = points
                .iter()
                .map(|p| format!("{} {}", p.period, p.value_label))
                .collect::<Vec<_>>()
                .join(", ");
            let (title, alt) = match lang {
                Language::En => (
                    match scope {
                        Scope::Strategy => "Progress per reporting period".to_string(),
                        _ => format!("{}: progress per reporting period", w.scope_name(scope)),
                    },
                    format!(
                        "Line chart of the progress of {} in {report} per reporting period: {}.",
                        w.scope_name(scope),
                        if listed.is_empty() {
                            "no periods yet".to_string()
                        } else {
                            listed
                        }
                    ),
                ),
                Language::Fr => (
                    match scope {
                        Scope::Strategy => "Avancement par période de suivi".to_string(),
                        _ => format!("{}{c} avancement par période de suivi", w.scope_name(scope)),
                    },
                    format!(
                        "Graphique en courbe de l’avancement de {} dans {report} par période de suivi{c} {}.",
                        match scope {
                            Scope::Axis(n) => format!("l’axe {n}"),
                            Scope::Action(n) => format!("l’action {n}"),
                            Scope::Strategy => w.scope_name(scope),
                        },
                        if listed.is_empty() {
                            "aucune période pour l’instant".to_string()
                        } else {
                            listed
                        }
                    ),
                ),
            };
            let mut p = base(title, alt, Body::Trend(points.clone()));
            if points.is_empty() {
                p.empty_note = Some(match lang {
                    Language::En => "No reporting periods yet".to_string(),
                    Language::Fr => "Aucune période de suivi pour l’instant".to_string(),
                });
            } else if points.len() == 1 {
                p.empty_note = Some(match lang {
                    Language::En => "A trend appears once a period is closed".to_string(),
                    Language::Fr => {
                        "La tendance apparaît après la clôture d’une période".to_string()
                    }
                });
            }
            p
        }
    };
    Ok(prepared)
}

/// The English or the French text.
fn pick(lang: Language, en: &str, fr: &str) -> String {
    match lang {
        Language::En => en.to_string(),
        Language::Fr => fr.to_string(),
    }
}

/// A share of a total as a whole percentage, rounded half up like every figure in Jalon.
fn share(count: usize, total: usize, lang: Language) -> String {
    if total == 0 {
        return lang.progress(None);
    }
    let pct = (count as u64 * 200 + total as u64) / (2 * total as u64);
    lang.percent(pct as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_read_back_to_their_ids() {
        let ids = [
            ChartId::StrategyAxes,
            ChartId::AxisActions(4),
            ChartId::ActionObjectives(14),
            ChartId::Status(Scope::Strategy),
            ChartId::Status(Scope::Axis(2)),
            ChartId::Trend(Scope::Strategy),
            ChartId::Trend(Scope::Axis(3)),
            ChartId::Trend(Scope::Action(17)),
        ];
        for id in ids {
            assert_eq!(ChartId::from_stem(&id.stem()), Some(id), "{}", id.stem());
        }
        assert_eq!(ChartId::from_stem("status-action-3"), None);
        assert_eq!(ChartId::from_stem("axis-x-actions"), None);
        assert_eq!(ChartId::from_stem("pie"), None);
    }

    #[test]
    fn scopes_parse_as_the_cli_writes_them() {
        assert_eq!("strategy".parse::<Scope>().ok(), Some(Scope::Strategy));
        assert_eq!("axis:4".parse::<Scope>().ok(), Some(Scope::Axis(4)));
        assert_eq!("action:14".parse::<Scope>().ok(), Some(Scope::Action(14)));
        assert!("axis".parse::<Scope>().is_err());
        assert!("objective:3".parse::<Scope>().is_err());
        assert!("axis:four".parse::<Scope>().is_err());
    }

    #[test]
    fn shares_round_half_up_and_counts_group_digits() {
        assert_eq!(share(1, 8, Language::En), "13%"); // 12.5
        assert_eq!(share(1, 3, Language::Fr), "33\u{a0}%");
        assert_eq!(share(0, 0, Language::En), "—");
        let w = Words { lang: Language::Fr };
        assert_eq!(w.count(12345), "12\u{202f}345");
        assert_eq!(Words { lang: Language::En }.count(1000), "1,000");
        assert_eq!(w.count(999), "999");
    }
}
