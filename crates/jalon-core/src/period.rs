//! Reporting periods seen from the domain: what a period is, how the next one is named, what
//! changed between two editions of the report, and the checks an officer runs before closing a
//! quarter. Nothing here touches the store; `store` keeps periods and their snapshots.

use std::collections::HashMap;

use num_rational::BigRational;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::checks::{CheckCode, Finding, Warning, check};
use crate::exact::display_percent;
use crate::model::{Objective, ObjectiveRef, Report, Status, is_iso_date};
use crate::rollup::{objective_value, rollup};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    /// The period being edited: there is always exactly one.
    Open,
    /// Frozen: its snapshot never changes.
    Closed,
}

/// One edition of the report. The snapshot itself is read with `Store::period_report`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub id: i64,
    pub label: String,
    pub as_of: String,
    pub state: PeriodState,
    /// UTC time of the closing, for a closed period.
    pub closed_at: Option<String>,
    /// SHA-256 of the snapshot, hexadecimal, for a closed period.
    pub checksum: Option<String>,
}

impl Period {
    pub fn is_open(&self) -> bool {
        self.state == PeriodState::Open
    }
}

/// The checksum stored with a snapshot: SHA-256 of its bytes, in lowercase hexadecimal.
pub fn checksum(snapshot: &str) -> String {
    sha256_hex(snapshot.as_bytes())
}

/// SHA-256 of some bytes, in lowercase hexadecimal: a snapshot's checksum, a returned round
/// workbook's fingerprint.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks a snapshot's text against the checksum stored with it, wherever the snapshot was
/// read from (the report file or a JSON document).
pub fn verify(label: &str, snapshot: &str, expected: &str) -> crate::Result<()> {
    let found = checksum(snapshot);
    if found == expected {
        Ok(())
    } else {
        Err(crate::error::Error::Tampered {
            label: label.to_string(),
            expected: expected.to_string(),
            found,
        })
    }
}

/// The quarter after `label` when it names one ("2026-Q4" → "2027-Q1"; the French "2026-T1"
/// too), with the last day of that quarter as its "as of" date. None for any other label.
pub fn next_quarter(label: &str) -> Option<(String, String)> {
    let (year, rest) = label.trim().split_once('-')?;
    let year: u32 = year.parse().ok()?;
    let mut chars = rest.chars();
    let letter = chars.next()?.to_ascii_uppercase();
    if !matches!(letter, 'Q' | 'T') {
        return None;
    }
    let q: u32 = chars.as_str().parse().ok()?;
    if !(1..=4).contains(&q) || !(1000..=9998).contains(&year) {
        return None;
    }
    let (year, q) = if q == 4 { (year + 1, 1) } else { (year, q + 1) };
    let end = ["03-31", "06-30", "09-30", "12-31"][q as usize - 1];
    Some((format!("{year}-{letter}{q}"), format!("{year}-{end}")))
}

/// Checks the names of a period about to be closed and of the one it opens.
pub fn validate_closing(current: &Period, next_label: &str, next_as_of: &str) -> crate::Result<()> {
    use crate::error::{Error, Invalid};
    if current.label.trim().is_empty() {
        return Err(Error::invalid(
            "reporting period",
            Invalid::PeriodNeedsLabel,
        ));
    }
    if !is_iso_date(&current.as_of) {
        return Err(Error::invalid("as of", Invalid::PeriodNeedsAsOf));
    }
    if next_label.trim().is_empty() {
        return Err(Error::invalid("next period", Invalid::Empty));
    }
    if next_label.trim() == current.label.trim() {
        return Err(Error::invalid(
            "next period",
            Invalid::SameAsClosing {
                label: current.label.to_string(),
            },
        ));
    }
    if !next_as_of.is_empty() && !is_iso_date(next_as_of) {
        return Err(Error::invalid(
            "next as of",
            Invalid::NotADate {
                value: next_as_of.to_string(),
            },
        ));
    }
    Ok(())
}

// ---- comparison -----------------------------------------------------------------------------

/// A displayed percentage in two editions, and how many points it moved.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Move {
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// `to - from` in percentage points, when both exist.
    pub delta: Option<i32>,
}

impl Move {
    fn new(from: Option<u32>, to: Option<u32>) -> Move {
        Move {
            from,
            to,
            delta: from.zip(to).map(|(f, t)| t as i32 - f as i32),
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelChange {
    pub number: u32,
    pub title: String,
    pub progress: Move,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Piece {
    Same,
    Added,
    Removed,
}

/// A closed period as a document carries it. The snapshot is kept as the very text that was
/// checksummed, so that the checksum can be verified again after any number of exchanges.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosedPeriod {
    pub label: String,
    pub as_of: String,
    #[serde(default)]
    pub closed_at: Option<String>,
    pub checksum: String,
    pub snapshot: String,
}

/// A run of words in a text diff.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordRun {
    pub kind: Piece,
    pub text: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectiveChange {
    pub reference: ObjectiveRef,
    /// The action it belongs to in the later edition (else in the earlier one).
    pub action: u32,
    pub title: String,
    pub progress: Move,
    pub status_from: Option<Status>,
    pub status_to: Option<Status>,
    /// Word-level diff of the achievement text; empty when the text did not change.
    pub achievement: Vec<WordRun>,
    pub next_steps: Vec<WordRun>,
}

impl ObjectiveChange {
    pub fn is_change(&self) -> bool {
        self.progress.from != self.progress.to
            || self.status_from != self.status_to
            || !self.achievement.is_empty()
            || !self.next_steps.is_empty()
    }
}

/// What moved between two editions of the report: every level's percentage and every
/// objective, matched by number (ids differ between a snapshot and the live report).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub from: String,
    pub to: String,
    pub strategy: Move,
    pub axes: Vec<LevelChange>,
    pub actions: Vec<LevelChange>,
    /// Objectives that changed in any way (added and removed ones included), in the later
    /// edition's order, then those only in the earlier one.
    pub objectives: Vec<ObjectiveChange>,
    /// How many objectives the two editions share unchanged.
    pub unchanged: usize,
}

/// Displayed percentages of one edition, by number.
struct Shown<'a> {
    strategy: Option<u32>,
    axes: Vec<(u32, &'a str, Option<u32>)>,
    actions: Vec<(u32, &'a str, Option<u32>)>,
    objectives: Vec<(u32, &'a Objective, u32)>,
}

fn shown(report: &Report) -> Shown<'_> {
    shown_with(report, &rollup(report))
}

fn shown_with<'a>(report: &'a Report, r: &crate::rollup::Rollup) -> Shown<'a> {
    let pct = |v: &Option<BigRational>| v.as_ref().map(display_percent);
    let mut s = Shown {
        strategy: pct(&r.strategy),
        axes: Vec::new(),
        actions: Vec::new(),
        objectives: Vec::new(),
    };
    for (axis, ar) in report.axes.iter().zip(&r.axes) {
        s.axes.push((axis.number, &axis.title, pct(&ar.value)));
        for (action, av) in axis.actions.iter().zip(&ar.actions) {
            s.actions.push((action.number, &action.title, pct(av)));
            for o in &action.objectives {
                s.objectives
                    .push((action.number, o, display_percent(&objective_value(o))));
            }
        }
    }
    s
}

fn levels(from: &[(u32, &str, Option<u32>)], to: &[(u32, &str, Option<u32>)]) -> Vec<LevelChange> {
    let before: HashMap<u32, Option<u32>> = from.iter().map(|(n, _, p)| (*n, *p)).collect();
    let mut out: Vec<LevelChange> = to
        .iter()
        .map(|(n, title, p)| LevelChange {
            number: *n,
            title: title.to_string(),
            progress: Move::new(before.get(n).copied().flatten(), *p),
        })
        .collect();
    let after: std::collections::HashSet<u32> = to.iter().map(|(n, _, _)| *n).collect();
    out.extend(
        from.iter()
            .filter(|(n, _, _)| !after.contains(n))
            .map(|(n, title, p)| LevelChange {
                number: *n,
                title: title.to_string(),
                progress: Move::new(*p, None),
            }),
    );
    out
}

/// Word-level diff of two texts; empty when they are equal.
pub fn word_diff(old: &str, new: &str) -> Vec<WordRun> {
    if old == new {
        return Vec::new();
    }
    let diff = similar::TextDiff::from_words(old, new);
    let mut out: Vec<WordRun> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => Piece::Same,
            similar::ChangeTag::Insert => Piece::Added,
            similar::ChangeTag::Delete => Piece::Removed,
        };
        // Runs of the same kind are joined, so that the UI marks phrases, not single words.
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => out.push(WordRun {
                kind,
                text: change.value().to_string(),
            }),
        }
    }
    out
}

/// Compares two editions of the report.
pub fn compare(from_label: &str, from: &Report, to_label: &str, to: &Report) -> Comparison {
    let (a, b) = (shown(from), shown(to));
    let earlier: HashMap<ObjectiveRef, (u32, &Objective, u32)> = a
        .objectives
        .iter()
        .map(|&(n, o, p)| (o.reference(), (n, o, p)))
        .collect();
    let mut objectives = Vec::new();
    let mut unchanged = 0;
    let mut seen = std::collections::HashSet::new();
    for &(action, o, p) in &b.objectives {
        let r = o.reference();
        seen.insert(r);
        let old = earlier.get(&r);
        let change = ObjectiveChange {
            reference: r,
            action,
            title: o.fields.title.clone(),
            progress: Move::new(old.map(|x| x.2), Some(p)),
            status_from: old.map(|x| x.1.fields.status),
            status_to: Some(o.fields.status),
            achievement: word_diff(
                old.map_or("", |x| x.1.fields.achievement.as_str()),
                &o.fields.achievement,
            ),
            next_steps: word_diff(
                old.map_or("", |x| x.1.fields.next_steps.as_str()),
                &o.fields.next_steps,
            ),
        };
        if old.is_some() && !change.is_change() {
            unchanged += 1;
        } else {
            objectives.push(change);
        }
    }
    for &(action, o, p) in &a.objectives {
        if seen.contains(&o.reference()) {
            continue;
        }
        objectives.push(ObjectiveChange {
            reference: o.reference(),
            action,
            title: o.fields.title.clone(),
            progress: Move::new(Some(p), None),
            status_from: Some(o.fields.status),
            status_to: None,
            achievement: word_diff(&o.fields.achievement, ""),
            next_steps: word_diff(&o.fields.next_steps, ""),
        });
    }
    Comparison {
        from: from_label.to_string(),
        to: to_label.to_string(),
        strategy: Move::new(a.strategy, b.strategy),
        axes: levels(&a.axes, &b.axes),
        actions: levels(&a.actions, &b.actions),
        objectives,
        unchanged,
    }
}

/// Points moved since the previous closed period, keyed by the live report's ids, for the
/// arrows on the dashboard. A level that did not exist before has no entry.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Deltas {
    /// The label of the period compared against.
    pub against: String,
    pub strategy: Option<i32>,
    #[cfg_attr(feature = "ts", ts(type = "Record<number, number>"))]
    pub axes: std::collections::BTreeMap<i64, i32>,
    #[cfg_attr(feature = "ts", ts(type = "Record<number, number>"))]
    pub actions: std::collections::BTreeMap<i64, i32>,
    #[cfg_attr(feature = "ts", ts(type = "Record<number, number>"))]
    pub objectives: std::collections::BTreeMap<i64, i32>,
}

/// The displayed percentages of a period, by number: what the dashboard's arrows compare
/// against. Made once when the period before the one on screen is chosen, so that a save only
/// rolls up the report being edited.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    label: String,
    strategy: Option<u32>,
    axes: HashMap<u32, Option<u32>>,
    actions: HashMap<u32, Option<u32>>,
    objectives: HashMap<ObjectiveRef, u32>,
}

impl Baseline {
    pub fn of(label: &str, report: &Report) -> Baseline {
        Baseline::with(label, report, &rollup(report))
    }

    /// The baseline of a report whose roll-up the caller has.
    pub fn with(label: &str, report: &Report, r: &crate::rollup::Rollup) -> Baseline {
        let s = shown_with(report, r);
        Baseline {
            label: label.to_string(),
            strategy: s.strategy,
            axes: s.axes.iter().map(|(n, _, p)| (*n, *p)).collect(),
            actions: s.actions.iter().map(|(n, _, p)| (*n, *p)).collect(),
            objectives: s
                .objectives
                .iter()
                .map(|(_, o, p)| (o.reference(), *p))
                .collect(),
        }
    }

    /// Points moved from this baseline to `current`, whose roll-up the caller has.
    pub fn deltas(&self, current: &Report, r: &crate::rollup::Rollup) -> Deltas {
        let pct = |v: &Option<BigRational>| v.as_ref().map(display_percent);
        let moved = |before: Option<&Option<u32>>, now: Option<u32>| {
            Move::new(before.copied().flatten(), now).delta
        };
        let mut out = Deltas {
            against: self.label.clone(),
            strategy: Move::new(self.strategy, pct(&r.strategy)).delta,
            ..Deltas::default()
        };
        for (axis, ar) in current.axes.iter().zip(&r.axes) {
            if let Some(d) = moved(self.axes.get(&axis.number), pct(&ar.value)) {
                out.axes.insert(axis.id, d);
            }
            for (action, av) in axis.actions.iter().zip(&ar.actions) {
                if let Some(d) = moved(self.actions.get(&action.number), pct(av)) {
                    out.actions.insert(action.id, d);
                }
                for o in &action.objectives {
                    if let Some(was) = self.objectives.get(&o.reference()) {
                        let now = display_percent(&objective_value(o));
                        out.objectives.insert(o.id, now as i32 - *was as i32);
                    }
                }
            }
        }
        out
    }
}

pub fn deltas(current: &Report, previous_label: &str, previous: &Report) -> Deltas {
    Baseline::of(previous_label, previous).deltas(current, &rollup(current))
}

// ---- pre-publication checks -----------------------------------------------------------------

/// The checks run before a period is closed: the report's own warnings that matter for a
/// publication, then what looks forgotten or wrong against the previous closed period.
pub fn prepublication(report: &Report, previous: Option<&Report>) -> Vec<Warning> {
    const KEPT: [CheckCode; 3] = [
        CheckCode::CompletedBelow100,
        CheckCode::NotStartedAboveZero,
        CheckCode::InProgressWithoutNextSteps,
    ];
    let mut out: Vec<Warning> = check(report)
        .into_iter()
        .filter(|w| KEPT.contains(&w.code()))
        .collect();
    let Some(previous) = previous else {
        return out;
    };
    let before: HashMap<ObjectiveRef, &Objective> = previous
        .objectives()
        .map(|(_, _, o)| (o.reference(), o))
        .collect();
    for (_, _, o) in report.objectives() {
        let Some(old) = before.get(&o.reference()) else {
            continue;
        };
        let (from, to) = (
            display_percent(&objective_value(old)),
            display_percent(&objective_value(o)),
        );
        if to < from {
            out.push(Warning::about(
                o.reference(),
                Finding::ProgressWentDown { from, to },
            ));
        }
        // A completed or abandoned objective is expected to keep its final texts.
        let settled = matches!(o.fields.status, Status::Completed | Status::Abandoned)
            && o.fields.status == old.fields.status;
        if !settled
            && o.fields.achievement == old.fields.achievement
            && o.fields.next_steps == old.fields.next_steps
        {
            out.push(Warning::about(o.reference(), Finding::TextsUnchanged));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_quarter_follows_the_calendar() {
        assert_eq!(
            next_quarter("2026-Q1"),
            Some(("2026-Q2".into(), "2026-06-30".into()))
        );
        assert_eq!(
            next_quarter("2026-Q4"),
            Some(("2027-Q1".into(), "2027-03-31".into()))
        );
        assert_eq!(
            next_quarter("2026-t3"),
            Some(("2026-T4".into(), "2026-12-31".into()))
        );
        assert_eq!(next_quarter("Spring 2026"), None);
        assert_eq!(next_quarter("2026-Q5"), None);
    }

    #[test]
    fn a_word_diff_marks_the_words_that_changed() {
        let (old, new) = (
            "Two sites opened in May",
            "Three sites opened in May and June",
        );
        let d = word_diff(old, new);
        let text = |keep: Piece| -> String {
            d.iter()
                .filter(|r| r.kind == Piece::Same || r.kind == keep)
                .map(|r| r.text.as_str())
                .collect()
        };
        assert_eq!(
            text(Piece::Removed),
            old,
            "same + removed gives the old text"
        );
        assert_eq!(text(Piece::Added), new, "same + added gives the new text");
        let removed: Vec<&str> = d
            .iter()
            .filter(|r| r.kind == Piece::Removed)
            .map(|r| r.text.trim())
            .collect();
        assert_eq!(removed, vec!["Two"]);
        assert!(
            d.iter()
                .any(|r| r.kind == Piece::Added && r.text.contains("and June"))
        );
        assert!(word_diff("same", "same").is_empty());
    }

    #[test]
    fn the_checksum_is_sha256() {
        assert_eq!(
            checksum("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
