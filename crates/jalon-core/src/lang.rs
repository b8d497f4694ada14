//! The vocabulary every module shares: the languages Jalon speaks, the levels of a report,
//! and how a figure names what it is about. Plain codes, with no words: the words are the
//! catalogue's (`i18n`).

use serde::{Deserialize, Serialize};

/// The language of a report, of an output, or of a reader.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Fr,
    #[default]
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "fr" => Some(Language::Fr),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// A level of the report: what a figure, a warning or a history row is about.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Strategy,
    Axis,
    Action,
    /// Every history row written before the strategy, axes and actions had a history.
    #[default]
    Objective,
}

impl Level {
    /// The stable code used in SQLite and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Level::Strategy => "strategy",
            Level::Axis => "axis",
            Level::Action => "action",
            Level::Objective => "objective",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        [
            Level::Strategy,
            Level::Axis,
            Level::Action,
            Level::Objective,
        ]
        .into_iter()
        .find(|l| l.code() == code)
    }
}

/// Which computed percentage: the strategy's, an axis's or an action's.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "level", content = "number", rename_all = "snake_case")]
pub enum Subject {
    Strategy,
    Axis(u32),
    Action(u32),
}

// An objective's reference is shared vocabulary: errors name objectives by it, and the model
// makes it; here, both can use it without one using the other.

/// "(1/2)": part 1 of 2.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Part {
    pub index: u32,
    pub count: u32,
}

/// Points at one objective entry by what a person reads: "Objective 32 (1/2)".
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ObjectiveRef {
    pub number: u32,
    pub part: Option<Part>,
}

impl std::fmt::Display for ObjectiveRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.part {
            Some(p) => write!(f, "{} ({}/{})", self.number, p.index, p.count),
            None => write!(f, "{}", self.number),
        }
    }
}
