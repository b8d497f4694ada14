//! The report as the rest of Jalon sees it: a strategy, its axes, actions and objectives, in
//! display order. Values are validated here, before anything reaches the store, so that a
//! bad value is refused with the name of its field.

use serde::{Deserialize, Serialize};

use crate::error::{Conflict, Error, Invalid, Result};
use crate::exact;

/// Progress status of an objective, as the published dashboard shows it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
    Abandoned,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Completed,
        Status::Abandoned,
    ];

    /// The stable code used in SQLite, JSON and the CLI.
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Completed => "completed",
            Status::Abandoned => "abandoned",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Reads a status as a published page writes it, in English or French, any case.
    pub fn from_label(label: &str) -> Option<Status> {
        let l = label.trim().to_lowercase();
        match l.as_str() {
            "not started" | "non commencé" | "non commence" | "non démarré" => {
                Some(Status::NotStarted)
            }
            "in progress" | "en cours" => Some(Status::InProgress),
            "completed" | "done" | "terminé" | "termine" | "réalisé" | "realise" => {
                Some(Status::Completed)
            }
            "abandoned" | "abandonné" | "abandonne" => Some(Status::Abandoned),
            _ => None,
        }
    }
}

pub use crate::lang::{Language, ObjectiveRef, Part};

/// How a level's progress is made from the levels below it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RollupMethod {
    /// Action = weighted mean of its objectives; axis = mean of its actions; strategy = mean
    /// of its axes. This is what the published dashboard does.
    #[default]
    MeanOfChildren,
    /// Every level is the weighted mean of all the objectives below it.
    Flat,
}

impl RollupMethod {
    pub fn code(self) -> &'static str {
        match self {
            RollupMethod::MeanOfChildren => "mean_of_children",
            RollupMethod::Flat => "flat",
        }
    }

    pub fn from_code(code: &str) -> Option<RollupMethod> {
        match code {
            "mean_of_children" => Some(RollupMethod::MeanOfChildren),
            "flat" => Some(RollupMethod::Flat),
            _ => None,
        }
    }
}

/// Whether an indicator should go up or down to reach its target.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Rising,
    Falling,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Direction::Rising => "rising",
            Direction::Falling => "falling",
        }
    }

    pub fn from_code(code: &str) -> Option<Direction> {
        match code {
            "rising" => Some(Direction::Rising),
            "falling" => Some(Direction::Falling),
            _ => None,
        }
    }
}

/// A measured indicator. Values are decimal strings ("12.5") so that they stay exact.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub baseline: String,
    pub current: String,
    pub target: String,
    pub unit: String,
    pub direction: Direction,
}

impl Indicator {
    pub fn validate(&self) -> Result<()> {
        let b = parse_field("indicator.baseline", &self.baseline)?;
        parse_field("indicator.current", &self.current)?;
        let t = parse_field("indicator.target", &self.target)?;
        if b == t {
            return Err(Error::invalid(
                "indicator.target",
                Invalid::TargetIsBaseline,
            ));
        }
        let rising = t > b;
        match (self.direction, rising) {
            (Direction::Rising, false) => Err(Error::invalid(
                "indicator.direction",
                Invalid::RisingNeedsHigherTarget,
            )),
            (Direction::Falling, true) => Err(Error::invalid(
                "indicator.direction",
                Invalid::FallingNeedsLowerTarget,
            )),
            _ => Ok(()),
        }
    }
}

fn parse_field(field: &str, value: &str) -> Result<num_rational::BigRational> {
    exact::parse_decimal(value).ok_or_else(|| {
        Error::invalid(
            field,
            Invalid::NotADecimal {
                value: value.to_string(),
            },
        )
    })
}

/// The strategy's own fields.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strategy {
    pub title: String,
    /// Free text such as "2023–2027".
    pub period: String,
    pub language: Language,
    pub method: RollupMethod,
    /// The reporting period being edited, for example "2026-Q1".
    pub reporting_period: String,
    /// "Data as of" date, ISO 8601 (YYYY-MM-DD), or empty.
    pub as_of: String,
}

impl Default for Strategy {
    fn default() -> Self {
        Strategy {
            title: "Untitled strategy".into(),
            period: String::new(),
            language: Language::En,
            method: RollupMethod::MeanOfChildren,
            reporting_period: String::new(),
            as_of: String::new(),
        }
    }
}

impl Strategy {
    pub fn validate(&self) -> Result<()> {
        non_empty("title", &self.title)?;
        if !self.as_of.is_empty() && !is_iso_date(&self.as_of) {
            return Err(Error::invalid(
                "as_of",
                Invalid::NotADate {
                    value: self.as_of.clone(),
                },
            ));
        }
        Ok(())
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Axis {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub number: u32,
    pub title: String,
    pub actions: Vec<Action>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub number: u32,
    pub title: String,
    /// The percentage a published page showed for this action, kept to be checked against the
    /// computed one.
    pub published_progress: Option<u32>,
    pub objectives: Vec<Objective>,
}

/// One entry of the report: a whole objective, or one part of an objective published in parts.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub number: u32,
    pub part: Option<Part>,
    #[serde(flatten)]
    pub fields: ObjectiveFields,
}

impl Part {
    pub fn validate(self) -> Result<()> {
        if self.count < 2 || self.index < 1 || self.index > self.count {
            return Err(Error::invalid(
                "part",
                Invalid::PartNotValid {
                    index: self.index,
                    count: self.count,
                },
            ));
        }
        Ok(())
    }
}

/// What an officer edits on an objective.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveFields {
    pub title: String,
    pub status: Status,
    /// Whole percent, 0–100. When an indicator is set, the indicator gives the progress used in
    /// the roll-up, and this holds its rounded value.
    pub progress: u32,
    pub achievement: String,
    pub next_steps: String,
    pub lead: String,
    /// ISO date or empty.
    pub due_date: String,
    /// Weight in its action's mean, a whole number from 1 to 1000.
    pub weight: u32,
    pub indicator: Option<Indicator>,
}

pub const MAX_WEIGHT: u32 = 1000;

impl Default for ObjectiveFields {
    fn default() -> Self {
        ObjectiveFields {
            title: String::new(),
            status: Status::NotStarted,
            progress: 0,
            achievement: String::new(),
            next_steps: String::new(),
            lead: String::new(),
            due_date: String::new(),
            weight: 1,
            indicator: None,
        }
    }
}

impl ObjectiveFields {
    pub fn validate(&self) -> Result<()> {
        non_empty("title", &self.title)?;
        if self.progress > 100 {
            return Err(Error::invalid(
                "progress",
                Invalid::Percent {
                    value: self.progress,
                },
            ));
        }
        if self.weight == 0 || self.weight > MAX_WEIGHT {
            return Err(Error::invalid(
                "weight",
                Invalid::OutOfRange {
                    min: 1,
                    max: MAX_WEIGHT,
                    value: self.weight,
                },
            ));
        }
        if !self.due_date.is_empty() && !is_iso_date(&self.due_date) {
            return Err(Error::invalid(
                "due_date",
                Invalid::NotADate {
                    value: self.due_date.clone(),
                },
            ));
        }
        if let Some(ind) = &self.indicator {
            ind.validate()?;
        }
        Ok(())
    }
}

impl Objective {
    pub fn reference(&self) -> ObjectiveRef {
        ObjectiveRef {
            number: self.number,
            part: self.part,
        }
    }
}

/// The whole report, in display order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Report {
    pub strategy: Strategy,
    pub axes: Vec<Axis>,
}

impl Report {
    pub fn objectives(&self) -> impl Iterator<Item = (&Axis, &Action, &Objective)> {
        self.axes.iter().flat_map(|ax| {
            ax.actions
                .iter()
                .flat_map(move |ac| ac.objectives.iter().map(move |o| (ax, ac, o)))
        })
    }

    pub fn action_count(&self) -> usize {
        self.axes.iter().map(|a| a.actions.len()).sum()
    }

    /// Checks the rules that span the whole report: unique numbers, parts that fit together.
    pub fn validate(&self) -> Result<()> {
        self.strategy.validate()?;
        let mut axes = std::collections::HashSet::new();
        let mut actions = std::collections::HashSet::new();
        let mut objectives: std::collections::HashMap<u32, Vec<Option<Part>>> = Default::default();
        for ax in &self.axes {
            check_number("axis", ax.number)?;
            non_empty(&format!("Axis {}: title", ax.number), &ax.title)?;
            if !axes.insert(ax.number) {
                return Err(Error::Conflict(Conflict::Twice {
                    level: crate::Level::Axis,
                    number: ax.number,
                }));
            }
            for ac in &ax.actions {
                check_number("action", ac.number)?;
                non_empty(&format!("Action {}: title", ac.number), &ac.title)?;
                if !actions.insert(ac.number) {
                    return Err(Error::Conflict(Conflict::Twice {
                        level: crate::Level::Action,
                        number: ac.number,
                    }));
                }
                if let Some(p) = ac.published_progress
                    && p > 100
                {
                    return Err(Error::invalid(
                        format!("Action {}: published progress", ac.number),
                        Invalid::Percent { value: p },
                    ));
                }
                for o in &ac.objectives {
                    check_number("objective", o.number)?;
                    if let Some(p) = o.part {
                        p.validate().map_err(|e| prefix(e, o.reference()))?;
                    }
                    o.fields.validate().map_err(|e| prefix(e, o.reference()))?;
                    objectives.entry(o.number).or_default().push(o.part);
                }
            }
        }
        for (number, parts) in objectives {
            check_parts(number, &parts)?;
        }
        Ok(())
    }
}

fn prefix(e: Error, r: ObjectiveRef) -> Error {
    match e {
        Error::Invalid { field, reason } => Error::Invalid {
            field: format!("Objective {r}: {field}"),
            reason,
        },
        other => other,
    }
}

/// An objective number is either one whole entry, or parts that are all distinct and agree on
/// how many there are.
pub fn check_parts(number: u32, parts: &[Option<Part>]) -> Result<()> {
    if parts.len() > 1 && parts.iter().any(|p| p.is_none()) {
        return Err(Error::Conflict(Conflict::ObjectiveNotSplit { number }));
    }
    let mut seen = std::collections::HashSet::new();
    for p in parts.iter().flatten() {
        if !seen.insert(p.index) {
            return Err(Error::Conflict(Conflict::PartTwice {
                number,
                part: p.index,
            }));
        }
        if p.count != parts[0].map_or(p.count, |f| f.count) {
            return Err(Error::Conflict(Conflict::PartCounts { number }));
        }
    }
    Ok(())
}

pub fn check_number(kind: &str, n: u32) -> Result<()> {
    if n == 0 {
        return Err(Error::invalid(
            format!("{kind} number"),
            Invalid::NumbersStartAtOne,
        ));
    }
    Ok(())
}

pub fn non_empty(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, Invalid::Empty));
    }
    Ok(())
}

/// YYYY-MM-DD with a plausible month and day; calendar edge cases (30 February) are accepted on
/// purpose, since the date is only displayed and sorted.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_progress_of_150_is_refused_naming_the_field() {
        let f = ObjectiveFields {
            title: "t".into(),
            progress: 150,
            ..Default::default()
        };
        let err = f.validate().expect_err("150 must be refused");
        assert!(
            matches!(&err, Error::Invalid { field, .. } if field == "progress"),
            "error should name the progress field: {err}"
        );
    }

    #[test]
    fn statuses_read_from_both_languages() {
        assert_eq!(Status::from_label("En cours"), Some(Status::InProgress));
        assert_eq!(Status::from_label("Réalisé"), Some(Status::Completed));
        assert_eq!(Status::from_label("TERMINÉ"), Some(Status::Completed));
        assert_eq!(Status::from_label("Not Started"), Some(Status::NotStarted));
        assert_eq!(Status::from_label("Finished-ish"), None);
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s), "code round trip");
            for l in [Language::En, Language::Fr] {
                assert_eq!(Status::from_label(l.status(s)), Some(s), "label round trip");
            }
        }
    }

    #[test]
    fn an_indicator_whose_direction_contradicts_its_target_is_refused() {
        let ind = Indicator {
            baseline: "10".into(),
            current: "5".into(),
            target: "0".into(),
            unit: "%".into(),
            direction: Direction::Rising,
        };
        let err = ind
            .validate()
            .expect_err("rising with target below baseline");
        assert!(err.to_string().contains("indicator.direction"), "{err}");
    }

    #[test]
    fn parts_of_one_objective_must_agree() {
        let p = |i, c| Some(Part { index: i, count: c });
        assert!(check_parts(32, &[p(1, 2), p(2, 2)]).is_ok());
        assert!(check_parts(32, &[p(1, 2), p(1, 2)]).is_err());
        assert!(check_parts(32, &[p(1, 2), p(2, 3)]).is_err());
        assert!(check_parts(32, &[None, p(2, 2)]).is_err());
        assert!(check_parts(32, &[None]).is_ok());
    }

    #[test]
    fn dates_must_look_like_iso_dates() {
        assert!(is_iso_date("2026-03-31"));
        assert!(!is_iso_date("31/03/2026"));
        assert!(!is_iso_date("2026-13-01"));
    }
}
