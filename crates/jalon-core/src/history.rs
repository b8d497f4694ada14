//! The history of a report as the domain sees it: each recorded change is typed. A field
//! edit carries its field and typed old and new values; a change of structure says what was
//! added, deleted, renumbered or moved; an indicator change carries both indicators.
//!
//! The store keeps a change as three text columns (`field`, `old_value`, `new_value`), the
//! form `jalon/3` documents carry too; `Change::columns` and `Change::from_columns` are the
//! one codec between the two, and `from_columns` refuses what it does not know rather than
//! guess.

use serde::{Deserialize, Serialize};

use crate::lang::{Language, Level};
use crate::model::{Direction, Indicator, ObjectiveRef, Part, RollupMethod, Status};
use crate::period::WordRun;

/// One recorded change of the strategy, an axis, an action or an objective.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// UTC, as YYYY-MM-DDTHH:MM:SSZ.
    pub at: String,
    /// The label of the period the change was made in.
    pub period: String,
    pub level: Level,
    /// The id of the axis, action or objective in the live report; 0 for the strategy, and
    /// for a subject that a JSON import could not find again.
    pub subject_id: i64,
    /// The subject's number when the change was made, with its part for an objective; 0 for
    /// the strategy.
    pub reference: ObjectiveRef,
    pub change: Change,
    /// For a text field, the words removed and added, so that a long text's change reads at
    /// a glance; empty for the other changes.
    pub words: Vec<WordRun>,
    /// The round workbook the change was accepted from; None for an officer's own edit.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub source: Option<ChangeSource>,
}

/// Where an accepted change came from: a lead's workbook in a round.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeSource {
    pub round: String,
    pub lead: String,
    /// The returned workbook's SHA-256.
    pub sha256: String,
}

/// The newest changes of a report or of one period, and how many there are in all, so that a
/// long history is shown a page at a time.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryPage {
    pub entries: Vec<HistoryEntry>,
    pub total: usize,
}

/// What one history row records.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// A field changed value.
    Edited(FieldEdit),
    /// The subject was added: to the axis (an action) or action (an objective) numbered `to`;
    /// None for an axis.
    Added { to: Option<u32> },
    /// The subject was deleted; its title stays on record.
    Deleted { title: String },
    /// The subject's number (and part) changed.
    Renumbered {
        from: ObjectiveRef,
        to: ObjectiveRef,
    },
    /// An action went to another axis, or an objective to another action: their numbers.
    Moved { from: u32, to: u32 },
    /// An objective's indicator was set, changed or removed.
    Indicator {
        old: Option<Indicator>,
        new: Option<Indicator>,
    },
}

/// A field's old and new value, typed by the field.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum FieldEdit {
    /// The title of the strategy, an axis, an action or an objective.
    Title {
        old: String,
        new: String,
    },
    Status {
        old: Status,
        new: Status,
    },
    Progress {
        old: u32,
        new: u32,
    },
    Achievement {
        old: String,
        new: String,
    },
    NextSteps {
        old: String,
        new: String,
    },
    Lead {
        old: String,
        new: String,
    },
    DueDate {
        old: String,
        new: String,
    },
    Weight {
        old: u32,
        new: u32,
    },
    /// The strategy's own period ("2023–2027").
    Period {
        old: String,
        new: String,
    },
    Language {
        old: Language,
        new: Language,
    },
    Method {
        old: RollupMethod,
        new: RollupMethod,
    },
    ReportingPeriod {
        old: String,
        new: String,
    },
    AsOf {
        old: String,
        new: String,
    },
    /// An action's percentage as a published page gave it.
    PublishedProgress {
        old: Option<u32>,
        new: Option<u32>,
    },
}

impl FieldEdit {
    /// The stable name of the field, as stored.
    pub fn name(&self) -> &'static str {
        match self {
            FieldEdit::Title { .. } => "title",
            FieldEdit::Status { .. } => "status",
            FieldEdit::Progress { .. } => "progress",
            FieldEdit::Achievement { .. } => "achievement",
            FieldEdit::NextSteps { .. } => "next_steps",
            FieldEdit::Lead { .. } => "lead",
            FieldEdit::DueDate { .. } => "due_date",
            FieldEdit::Weight { .. } => "weight",
            FieldEdit::Period { .. } => "period",
            FieldEdit::Language { .. } => "language",
            FieldEdit::Method { .. } => "method",
            FieldEdit::ReportingPeriod { .. } => "reporting_period",
            FieldEdit::AsOf { .. } => "as_of",
            FieldEdit::PublishedProgress { .. } => "published_progress",
        }
    }

    /// The old and new values of a field kept as text (titles, texts, dates, labels).
    pub fn strings(&self) -> Option<(&str, &str)> {
        match self {
            FieldEdit::Title { old, new }
            | FieldEdit::Achievement { old, new }
            | FieldEdit::NextSteps { old, new }
            | FieldEdit::Lead { old, new }
            | FieldEdit::DueDate { old, new }
            | FieldEdit::Period { old, new }
            | FieldEdit::ReportingPeriod { old, new }
            | FieldEdit::AsOf { old, new } => Some((old, new)),
            _ => None,
        }
    }

    /// The old and new texts of a free-text field, which are shown word by word.
    pub fn texts(&self) -> Option<(&str, &str)> {
        match self {
            FieldEdit::Title { old, new }
            | FieldEdit::Achievement { old, new }
            | FieldEdit::NextSteps { old, new }
            | FieldEdit::Lead { old, new }
            | FieldEdit::Period { old, new } => Some((old, new)),
            _ => None,
        }
    }
}

impl Change {
    /// The three text columns the store (and a `jalon/3` document) keeps a change at `level`
    /// in: (field, old value, new value). A move's field names the parent it changes: "axis"
    /// for an action, "action" for an objective.
    pub fn columns(&self, level: Level) -> (String, String, String) {
        let num = |n: u32| n.to_string();
        let opt = |n: &Option<u32>| n.map_or(String::new(), |v| v.to_string());
        let c = |field: &str, old: String, new: String| (field.to_string(), old, new);
        match self {
            Change::Added { to } => c("created", String::new(), opt(to)),
            Change::Deleted { title } => c("deleted", title.clone(), String::new()),
            Change::Renumbered { from, to } => c("number", from.to_string(), to.to_string()),
            Change::Moved { from, to } => c(
                if level == Level::Action {
                    "axis"
                } else {
                    "action"
                },
                num(*from),
                num(*to),
            ),
            Change::Indicator { old, new } => {
                c("indicator", indicator_json(old), indicator_json(new))
            }
            Change::Edited(e) => {
                let (old, new) = match e {
                    FieldEdit::Status { old, new } => (old.code().into(), new.code().into()),
                    FieldEdit::Progress { old, new } | FieldEdit::Weight { old, new } => {
                        (num(*old), num(*new))
                    }
                    FieldEdit::Language { old, new } => (old.code().into(), new.code().into()),
                    FieldEdit::Method { old, new } => (old.code().into(), new.code().into()),
                    FieldEdit::PublishedProgress { old, new } => (opt(old), opt(new)),
                    // Every other field is kept as its text.
                    _ => {
                        let (old, new) = e.strings().unwrap_or_default();
                        (old.to_string(), new.to_string())
                    }
                };
                c(e.name(), old, new)
            }
        }
    }

    /// Reads a change from its three text columns. Anything this version does not know (an
    /// unknown field, a status that is not one, a number that is not) is an error saying
    /// what, never a default.
    pub fn from_columns(level: Level, field: &str, old: &str, new: &str) -> Result<Change, String> {
        let text =
            |f: fn(String, String) -> FieldEdit| Ok(Change::Edited(f(old.into(), new.into())));
        let num = |v: &str| -> Result<u32, String> {
            v.parse()
                .map_err(|_| format!("{field}: {v:?} is not a whole number"))
        };
        let opt = |v: &str| -> Result<Option<u32>, String> {
            if v.is_empty() {
                Ok(None)
            } else {
                num(v).map(Some)
            }
        };
        let status = |v: &str| Status::from_code(v).ok_or(format!("unknown status {v:?}"));
        let lang = |v: &str| Language::from_code(v).ok_or(format!("unknown language {v:?}"));
        let method = |v: &str| RollupMethod::from_code(v).ok_or(format!("unknown method {v:?}"));
        match field {
            "created" => Ok(Change::Added { to: opt(new)? }),
            "deleted" => Ok(Change::Deleted { title: old.into() }),
            "number" => Ok(Change::Renumbered {
                from: parse_reference(old)?,
                to: parse_reference(new)?,
            }),
            "axis" if level == Level::Action => Ok(Change::Moved {
                from: num(old)?,
                to: num(new)?,
            }),
            "action" if level == Level::Objective => Ok(Change::Moved {
                from: num(old)?,
                to: num(new)?,
            }),
            "indicator" => Ok(Change::Indicator {
                old: read_indicator(old)?,
                new: read_indicator(new)?,
            }),
            "title" => text(|old, new| FieldEdit::Title { old, new }),
            "achievement" => text(|old, new| FieldEdit::Achievement { old, new }),
            "next_steps" => text(|old, new| FieldEdit::NextSteps { old, new }),
            "lead" => text(|old, new| FieldEdit::Lead { old, new }),
            "due_date" => text(|old, new| FieldEdit::DueDate { old, new }),
            "period" => text(|old, new| FieldEdit::Period { old, new }),
            "reporting_period" => text(|old, new| FieldEdit::ReportingPeriod { old, new }),
            "as_of" => text(|old, new| FieldEdit::AsOf { old, new }),
            "status" => Ok(Change::Edited(FieldEdit::Status {
                old: status(old)?,
                new: status(new)?,
            })),
            "progress" => Ok(Change::Edited(FieldEdit::Progress {
                old: num(old)?,
                new: num(new)?,
            })),
            "weight" => Ok(Change::Edited(FieldEdit::Weight {
                old: num(old)?,
                new: num(new)?,
            })),
            "language" => Ok(Change::Edited(FieldEdit::Language {
                old: lang(old)?,
                new: lang(new)?,
            })),
            "method" => Ok(Change::Edited(FieldEdit::Method {
                old: method(old)?,
                new: method(new)?,
            })),
            "published_progress" => Ok(Change::Edited(FieldEdit::PublishedProgress {
                old: opt(old)?,
                new: opt(new)?,
            })),
            other => Err(format!(
                "unknown change {other:?} for the {} level",
                level.code()
            )),
        }
    }
}

impl HistoryEntry {
    /// The change in the store's three text columns: (field, old value, new value).
    pub fn columns(&self) -> (String, String, String) {
        self.change.columns(self.level)
    }

    /// Fills `words` for a free-text field.
    pub fn with_words(mut self) -> HistoryEntry {
        if let Change::Edited(e) = &self.change
            && let Some((old, new)) = e.texts()
        {
            self.words = crate::period::word_diff(old, new);
        }
        self
    }
}

/// "32 (1/2)" or "33", as `ObjectiveRef` writes it.
fn parse_reference(text: &str) -> Result<ObjectiveRef, String> {
    let bad = || format!("{text:?} is not a number such as 32 or 32 (1/2)");
    let (number, part) = match text.split_once(" (") {
        Some((n, rest)) => {
            let (i, c) = rest
                .strip_suffix(')')
                .and_then(|r| r.split_once('/'))
                .ok_or_else(bad)?;
            let part = Part {
                index: i.parse().map_err(|_| bad())?,
                count: c.parse().map_err(|_| bad())?,
            };
            (n, Some(part))
        }
        None => (text, None),
    };
    Ok(ObjectiveRef {
        number: number.parse().map_err(|_| bad())?,
        part,
    })
}

fn indicator_json(i: &Option<Indicator>) -> String {
    // A plain struct of strings always serialises.
    i.as_ref().map_or(String::new(), |i| {
        serde_json::to_string(i).unwrap_or_default()
    })
}

/// An indicator as stored: JSON since schema 4; empty for none. Rows written before kept it
/// as one line, "0 → 40 → 100 % (rising)", which migration 4 and `jalon/3` imports read
/// with `legacy_indicator`.
fn read_indicator(text: &str) -> Result<Option<Indicator>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    if text.starts_with('{') {
        return serde_json::from_str(text)
            .map(Some)
            .map_err(|e| format!("indicator {text:?}: {e}"));
    }
    legacy_indicator(text).map(Some)
}

/// Reads the one-line indicator that schema 3 and `jalon/3` wrote:
/// "{baseline} → {current} → {target} {unit} ({direction})", with a double space made single
/// when the unit is empty.
pub fn legacy_indicator(text: &str) -> Result<Indicator, String> {
    let bad = || format!("{text:?} is not an indicator such as \"0 → 40 → 100 % (rising)\"");
    let (rest, direction) = text.rsplit_once(" (").ok_or_else(bad)?;
    let direction = direction
        .strip_suffix(')')
        .and_then(Direction::from_code)
        .ok_or_else(bad)?;
    let mut parts = rest.splitn(3, " → ");
    let (baseline, current, tail) = match (parts.next(), parts.next(), parts.next()) {
        (Some(b), Some(c), Some(t)) => (b, c, t),
        _ => return Err(bad()),
    };
    let (target, unit) = tail.split_once(' ').unwrap_or((tail, ""));
    Ok(Indicator {
        baseline: baseline.into(),
        current: current.into(),
        target: target.into(),
        unit: unit.trim().into(),
        direction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_reads_back_from_its_columns() {
        let ind = Indicator {
            baseline: "0".into(),
            current: "12.5".into(),
            target: "100".into(),
            unit: "% of schools".into(),
            direction: Direction::Rising,
        };
        let part = |index, count| Some(Part { index, count });
        let cases = [
            (Level::Axis, Change::Added { to: None }),
            (Level::Objective, Change::Added { to: Some(14) }),
            (
                Level::Objective,
                Change::Deleted {
                    title: "Old".into(),
                },
            ),
            (
                Level::Objective,
                Change::Renumbered {
                    from: ObjectiveRef {
                        number: 32,
                        part: part(1, 2),
                    },
                    to: ObjectiveRef {
                        number: 33,
                        part: None,
                    },
                },
            ),
            (Level::Action, Change::Moved { from: 3, to: 4 }),
            (Level::Objective, Change::Moved { from: 14, to: 15 }),
            (
                Level::Objective,
                Change::Indicator {
                    old: None,
                    new: Some(ind.clone()),
                },
            ),
            (
                Level::Objective,
                Change::Edited(FieldEdit::Status {
                    old: Status::NotStarted,
                    new: Status::Completed,
                }),
            ),
            (
                Level::Objective,
                Change::Edited(FieldEdit::Progress { old: 5, new: 100 }),
            ),
            (
                Level::Strategy,
                Change::Edited(FieldEdit::Language {
                    old: Language::En,
                    new: Language::Fr,
                }),
            ),
            (
                Level::Strategy,
                Change::Edited(FieldEdit::Method {
                    old: RollupMethod::MeanOfChildren,
                    new: RollupMethod::Flat,
                }),
            ),
            (
                Level::Action,
                Change::Edited(FieldEdit::PublishedProgress {
                    old: None,
                    new: Some(65),
                }),
            ),
            (
                Level::Objective,
                Change::Edited(FieldEdit::NextSteps {
                    old: "a".into(),
                    new: "b".into(),
                }),
            ),
        ];
        for (level, change) in cases {
            let (field, old, new) = change.columns(level);
            assert_eq!(
                Change::from_columns(level, &field, &old, &new),
                Ok(change.clone()),
                "{field} round trip"
            );
        }
    }

    #[test]
    fn unknown_or_malformed_values_are_errors_not_defaults() {
        let o = Level::Objective;
        assert!(Change::from_columns(o, "status", "not_started", "finished").is_err());
        assert!(Change::from_columns(o, "progress", "5", "a lot").is_err());
        assert!(Change::from_columns(o, "colour", "", "red").is_err());
        assert!(
            Change::from_columns(Level::Strategy, "axis", "1", "2").is_err(),
            "a strategy does not move"
        );
        assert!(Change::from_columns(o, "indicator", "", "somewhere").is_err());
    }

    #[test]
    fn a_schema_3_indicator_line_reads_as_its_indicator() {
        let i = legacy_indicator("0 → 40 → 100 % (rising)").expect("reads");
        assert_eq!(
            (
                i.baseline.as_str(),
                i.current.as_str(),
                i.target.as_str(),
                i.unit.as_str()
            ),
            ("0", "40", "100", "%")
        );
        let no_unit = legacy_indicator("10 → 8 → 2 (falling)").expect("reads");
        assert_eq!(
            (
                no_unit.target.as_str(),
                no_unit.unit.as_str(),
                no_unit.direction
            ),
            ("2", "", Direction::Falling)
        );
    }
}
