//! How a percentage was made, in words: "mean of 75, 50, 100, 60, 100, 5 = 390 / 6 = 65".
//! The roll-up (`rollup`) computes; this reads the same exact values back as terms and says
//! them in the report's language with the catalogue's words.

use num_rational::BigRational;
use num_traits::One;
use serde::Serialize;

use crate::exact::display_percent;
use crate::lang::{Language, Subject};
use crate::model::{Objective, Report, RollupMethod, Status};
use crate::rollup::{WeightedSum, action_objectives, objective_value, rollup};

/// How one percentage was made, as data and as a sentence in the report's language.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    /// "Action 14", "Axe 4", …
    pub subject: String,
    pub terms: Vec<TraceTerm>,
    /// Entries not counted, and why ("Objective 12 (abandoned)", "Action 3 (no progress)").
    pub left_out: Vec<String>,
    /// The exact value, or None for a level with nothing counted.
    pub exact: Option<String>,
    pub displayed: Option<u32>,
    /// "mean of 75, 50, 100, 60, 100, 5 = 390 / 6 = 65"
    pub text: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraceTerm {
    pub label: String,
    pub value: String,
    pub weight: u32,
}

/// An exact value in the reader's notation (a decimal comma in French).
fn written(v: &num_rational::BigRational, lang: Language) -> String {
    lang.decimal(&crate::exact::format_exact(v))
}

/// Explains one computed percentage, or None when the subject is not in the report.
pub fn trace(report: &Report, subject: Subject) -> Option<Trace> {
    let lang = report.strategy.language;
    let w = crate::i18n::trace_words(lang);
    let g = gather(report, subject, &w)?;
    let (sum, divisor, weighted) = match g.level_values {
        // Means of levels use the exact values gathered.
        Some(values) => {
            let n = values.len() as u64;
            (values.into_iter().sum(), n, false)
        }
        // Objective-level means are recomputed from the objectives themselves.
        None => {
            let mut s = WeightedSum::default();
            s.add_all(objectives_under(report, subject));
            (s.total(), s.weight, g.terms.iter().any(|t| t.weight != 1))
        }
    };
    let exact = (divisor > 0).then(|| &sum / BigRational::from_integer(divisor.into()));
    let mut text = match &exact {
        Some(v) => sentence(&w, lang, &g.terms, weighted, &sum, divisor, v),
        None => w.nothing.to_string(),
    };
    if !g.left_out.is_empty() {
        text.push_str(&format!(
            "; {}{} {}",
            w.left_out,
            lang.colon(),
            g.left_out.join(", ")
        ));
    }
    Some(Trace {
        subject: g.name,
        terms: g.terms,
        left_out: g.left_out,
        exact: exact.as_ref().map(|v| written(v, lang)),
        displayed: exact.as_ref().map(display_percent),
        text,
    })
}

/// What a trace lists: the subject's name, the terms of its mean, what is left out of it,
/// and, for a mean of levels, their exact values.
struct Gathered {
    name: String,
    terms: Vec<TraceTerm>,
    left_out: Vec<String>,
    level_values: Option<Vec<BigRational>>,
}

fn gather(report: &Report, subject: Subject, w: &crate::i18n::TraceWords) -> Option<Gathered> {
    let lang = report.strategy.language;
    let flat = report.strategy.method == RollupMethod::Flat;
    let mut g = Gathered {
        name: String::new(),
        terms: Vec::new(),
        left_out: Vec::new(),
        level_values: None,
    };
    match subject {
        Subject::Action(n) => {
            report
                .axes
                .iter()
                .flat_map(|a| &a.actions)
                .find(|a| a.number == n)?;
            g.name = format!("{} {n}", w.action);
        }
        Subject::Axis(n) => {
            report.axes.iter().find(|a| a.number == n)?;
            g.name = format!("{} {n}", w.axis);
        }
        Subject::Strategy => g.name = w.strategy.to_string(),
    }
    if flat || matches!(subject, Subject::Action(_)) {
        for o in objectives_under(report, subject) {
            let label = format!("{} {}", w.objective, o.reference());
            if o.fields.status == Status::Abandoned {
                g.left_out.push(format!("{label} ({})", w.abandoned));
            } else {
                g.terms.push(TraceTerm {
                    label,
                    value: written(&objective_value(o), lang),
                    weight: o.fields.weight,
                });
            }
        }
        return Some(g);
    }
    // A mean of the levels below: an axis's actions, or the strategy's axes.
    let levels: Vec<(String, Option<BigRational>)> = match subject {
        Subject::Axis(n) => report
            .axes
            .iter()
            .find(|a| a.number == n)?
            .actions
            .iter()
            .map(|a| {
                (
                    format!("{} {}", w.action, a.number),
                    action_objectives(a).value(),
                )
            })
            .collect(),
        _ => report
            .axes
            .iter()
            .zip(rollup(report).axes)
            .map(|(axis, ar)| (format!("{} {}", w.axis, axis.number), ar.value))
            .collect(),
    };
    let mut values = Vec::new();
    for (label, value) in levels {
        match value {
            Some(v) => {
                g.terms.push(TraceTerm {
                    label,
                    value: written(&v, lang),
                    weight: 1,
                });
                values.push(v);
            }
            None => g.left_out.push(format!("{label} ({})", w.no_progress)),
        }
    }
    g.level_values = Some(values);
    Some(g)
}

/// The objectives a subject's flat mean (or an action's mean) takes.
fn objectives_under(report: &Report, subject: Subject) -> Vec<&Objective> {
    report
        .objectives()
        .filter(|(ax, ac, _)| match subject {
            Subject::Action(n) => ac.number == n,
            Subject::Axis(n) => ax.number == n,
            Subject::Strategy => true,
        })
        .map(|(_, _, o)| o)
        .collect()
}

/// "mean of 75, 50 = 125 / 2 = 62.5 → shown as 63%".
fn sentence(
    w: &crate::i18n::TraceWords,
    lang: Language,
    terms: &[TraceTerm],
    weighted: bool,
    sum: &BigRational,
    divisor: u64,
    v: &BigRational,
) -> String {
    let listed: Vec<String> = terms
        .iter()
        .map(|t| {
            if weighted {
                format!("{} × {}", t.value, t.weight)
            } else {
                t.value.clone()
            }
        })
        .collect();
    let mut s = format!(
        "{} {} = {} / {} = {}",
        if weighted { w.weighted } else { w.mean },
        listed.join(", "),
        written(sum, lang),
        divisor,
        written(v, lang)
    );
    if !v.denom().is_one() {
        s.push_str(&format!(
            " → {} {}",
            w.shown,
            lang.percent(display_percent(v))
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Action;
    use crate::rollup::fixtures::{action, seed_axis};

    #[test]
    fn a_trace_says_how_the_action_percentage_was_made() {
        let t = trace(&seed_axis(), Subject::Action(14)).expect("action 14 exists");
        assert_eq!(t.text, "mean of 75, 50, 100, 60, 100, 5 = 390 / 6 = 65");
        assert_eq!(t.displayed, Some(65));
        let t = trace(&seed_axis(), Subject::Action(15)).expect("action 15 exists");
        assert_eq!(
            t.text,
            "mean of 5, 15, 15, 15 = 50 / 4 = 12.5 → shown as 13%"
        );
    }

    #[test]
    fn a_trace_of_an_axis_lists_unrounded_actions_and_what_was_left_out() {
        let mut report = seed_axis();
        report.axes[0].actions.push(Action {
            objectives: vec![],
            ..action(18, &[])
        });
        let t = trace(&report, Subject::Axis(4)).expect("axis 4 exists");
        assert_eq!(
            t.text,
            "mean of 65, 12.5, 57.5, 80/3 (≈ 26.67) = 485/3 (≈ 161.67) / 4 = 485/12 (≈ 40.42) → shown as 40%; left out: Action 18 (no progress)"
        );
        assert!(trace(&report, Subject::Axis(9)).is_none(), "no axis 9");
    }

    #[test]
    fn a_trace_in_french_uses_french_words_and_typography() {
        let mut report = seed_axis();
        report.strategy.language = Language::Fr;
        let t = trace(&report, Subject::Action(15)).expect("action 15");
        assert_eq!(
            t.text,
            "moyenne de 5, 15, 15, 15 = 50 / 4 = 12,5 → affiché 13\u{a0}%"
        );
    }
}
