//! The chart catalogue: stable ids, file names, scopes, and the data each chart shows.
//!
//! Everything here is backend-free: a chart is first "prepared" (texts, rows, colours by
//! meaning) so that the PNG and the SVG are drawn from one description, and so that tests can
//! check the data without decoding pixels. Each kind of chart is prepared in its own file
//! (`bars`, `donut`, `trend`); what a chart says comes from the core's catalogue
//! (`crate::words::ChartWords`).

use std::fmt;
use std::str::FromStr;

use crate::words::ChartWords;
use jalon_core::summary::{ActionSummary, AxisSummary, Summary};
use jalon_core::{Language, Status, Subject};

use crate::ChartError;

mod bars;
mod donut;
mod trend;

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
    /// "47%": the slice's share of the total, for a table of the chart's data.
    pub share: String,
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

/// Resolves a chart's texts and data. `trend` is the series of reporting periods, oldest
/// first; only the trend charts read it.
pub fn prepare(
    summary: &Summary,
    trend: &[PeriodFigures],
    chart: ChartId,
    lang: Language,
) -> Result<Prepared, ChartError> {
    let c = Chart {
        summary,
        id: chart,
        words: ChartWords(lang),
    };
    match chart {
        ChartId::StrategyAxes => Ok(bars::strategy_axes(&c)),
        ChartId::AxisActions(n) => bars::axis_actions(&c, n),
        ChartId::ActionObjectives(n) => bars::action_objectives(&c, n),
        ChartId::Status(scope) => donut::by_status(&c, scope),
        ChartId::Trend(scope) => trend::per_period(&c, trend, scope),
    }
}

/// What every chart's preparation reads: the summary, the chart, and the words.
struct Chart<'a> {
    summary: &'a Summary,
    id: ChartId,
    words: ChartWords,
}

impl Chart<'_> {
    fn lang(&self) -> Language {
        self.words.0
    }

    fn report(&self) -> &str {
        &self.summary.strategy.title
    }

    /// A chart with the texts every chart has (title, subtitle, source, alt text), no legend
    /// and no note.
    fn base(&self, title: String, alt_text: String, body: Body) -> Prepared {
        let s = &self.summary.strategy;
        Prepared {
            stem: self.id.stem(),
            title,
            subtitle: self.words.subtitle(&s.title, &s.reporting_period, &s.as_of),
            source: self.words.source(&s.title),
            alt_text,
            body,
            lang: self.lang(),
            legend: Vec::new(),
            empty_note: None,
        }
    }
}

/// The core's name for a scope, which the chart words take.
fn subject(scope: Scope) -> Subject {
    match scope {
        Scope::Strategy => Subject::Strategy,
        Scope::Axis(n) => Subject::Axis(n),
        Scope::Action(n) => Subject::Action(n),
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
        assert_eq!(Language::Fr.count(12345), "12\u{202f}345");
        assert_eq!(Language::En.count(1000), "1,000");
        assert_eq!(Language::Fr.count(999), "999");
    }
}
