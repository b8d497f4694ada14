//! The roll-up rule of the published dashboard, made exact (see PRODUCT.md): an action is the
//! weighted mean of its counted objectives, an axis the mean of its actions' unrounded values,
//! the strategy the mean of its axes; or, with the flat method, each level is the weighted mean
//! of every counted objective below it. Abandoned objectives are not counted, and a level with
//! nothing counted has no value and is left out of its parent's mean.

use num_bigint::BigInt;
use num_rational::{BigRational, Ratio};
use num_traits::{CheckedAdd, CheckedDiv, One, Zero};
use serde::Serialize;

use crate::exact::display_percent;
use crate::model::{Action, Axis, Indicator, Language, Objective, Report, RollupMethod, Status};

/// Exact values of every computed level, in the report's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    pub strategy: Option<BigRational>,
    pub axes: Vec<AxisRollup>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AxisRollup {
    pub value: Option<BigRational>,
    pub actions: Vec<Option<BigRational>>,
}

/// The exact progress an objective contributes: its indicator when it has one, else its
/// entered percentage.
pub fn objective_value(o: &Objective) -> BigRational {
    match o.fields.indicator.as_ref().and_then(indicator_value) {
        Some(v) => v,
        None => BigRational::from_integer(o.fields.progress.into()),
    }
}

/// 100 × (current − baseline) / (target − baseline), clamped to 0..=100. The same formula
/// mirrors a falling target, since both differences change sign together.
pub fn indicator_value(ind: &Indicator) -> Option<BigRational> {
    let b = crate::exact::parse_decimal(&ind.baseline)?;
    let c = crate::exact::parse_decimal(&ind.current)?;
    let t = crate::exact::parse_decimal(&ind.target)?;
    if t == b {
        return None;
    }
    let hundred = BigRational::from_integer(100.into());
    let v = &hundred * (c - &b) / (t - b);
    Some(if v < BigRational::zero() {
        BigRational::zero()
    } else if v > hundred {
        hundred
    } else {
        v
    })
}

/// Σ weight × value and Σ weight over counted objectives. Entered percentages are whole, so
/// they add up in machine integers; only indicator values need big rationals.
#[derive(Default, Debug, Clone)]
struct WeightedSum {
    int_sum: i128,
    extra: Option<BigRational>,
    weight: u64,
}

impl WeightedSum {
    fn add(&mut self, o: &Objective) {
        if o.fields.status == Status::Abandoned {
            return;
        }
        let w = o.fields.weight;
        match o.fields.indicator.as_ref().and_then(indicator_value) {
            None => self.int_sum += i128::from(w) * i128::from(o.fields.progress),
            Some(v) => {
                let term = v * BigInt::from(w);
                self.extra = Some(match self.extra.take() {
                    Some(e) => e + term,
                    None => term,
                });
            }
        }
        self.weight += u64::from(w);
    }

    fn add_all<'a>(&mut self, objectives: impl IntoIterator<Item = &'a Objective>) {
        for o in objectives {
            self.add(o);
        }
    }

    fn total(&self) -> BigRational {
        let int = BigRational::from_integer(self.int_sum.into());
        match &self.extra {
            Some(e) => int + e,
            None => int,
        }
    }

    fn value(&self) -> Option<BigRational> {
        (self.weight > 0).then(|| self.total() / BigRational::from_integer(self.weight.into()))
    }
}

/// An exact value that stays in machine integers while it fits, which is nearly always: big
/// integers allocate, and the roll-up of 100,000 objectives must take under 10 ms. The big form
/// takes over as soon as a value or a sum would not fit.
#[derive(Clone, Debug)]
enum Val {
    Small(Ratio<i128>),
    Big(BigRational),
}

impl Val {
    fn into_big(self) -> BigRational {
        match self {
            // Already in lowest terms, so no second reduction is needed.
            Val::Small(r) => {
                let (n, d) = r.into_raw();
                BigRational::new_raw(n.into(), d.into())
            }
            Val::Big(b) => b,
        }
    }
}

impl WeightedSum {
    fn val(&self) -> Option<Val> {
        if self.weight == 0 {
            return None;
        }
        Some(match self.extra {
            None => Val::Small(Ratio::new(self.int_sum, i128::from(self.weight))),
            Some(_) => Val::Big(self.total() / BigRational::from_integer(self.weight.into())),
        })
    }
}

fn mean_vals<'a>(values: impl Iterator<Item = &'a Val> + Clone) -> Option<Val> {
    let mut n: i128 = 0;
    let mut small = Some(Ratio::<i128>::zero());
    for v in values.clone() {
        n += 1;
        small = match (small, v) {
            (Some(acc), Val::Small(r)) => acc.checked_add(r),
            _ => None,
        };
    }
    if n == 0 {
        return None;
    }
    if let Some(m) = small.and_then(|s| s.checked_div(&Ratio::from_integer(n))) {
        return Some(Val::Small(m));
    }
    let sum = values.fold(BigRational::zero(), |acc, v| acc + v.clone().into_big());
    Some(Val::Big(sum / BigRational::from_integer(n.into())))
}

fn action_objectives(action: &Action) -> WeightedSum {
    let mut s = WeightedSum::default();
    s.add_all(&action.objectives);
    s
}

fn axis_objectives(axis: &Axis) -> WeightedSum {
    let mut s = WeightedSum::default();
    s.add_all(axis.actions.iter().flat_map(|a| &a.objectives));
    s
}

/// Computes every level of the report.
pub fn rollup(report: &Report) -> Rollup {
    let mut axis_vals: Vec<Option<Val>> = Vec::with_capacity(report.axes.len());
    let axes: Vec<AxisRollup> = report
        .axes
        .iter()
        .map(|axis| {
            let actions: Vec<Option<Val>> = axis
                .actions
                .iter()
                .map(|a| action_objectives(a).val())
                .collect();
            let value = match report.strategy.method {
                RollupMethod::MeanOfChildren => mean_vals(actions.iter().flatten()),
                RollupMethod::Flat => axis_objectives(axis).val(),
            };
            axis_vals.push(value.clone());
            AxisRollup {
                value: value.map(Val::into_big),
                actions: actions.into_iter().map(|v| v.map(Val::into_big)).collect(),
            }
        })
        .collect();
    let strategy = match report.strategy.method {
        RollupMethod::MeanOfChildren => mean_vals(axis_vals.iter().flatten()),
        RollupMethod::Flat => {
            let mut s = WeightedSum::default();
            s.add_all(report.objectives().map(|(_, _, o)| o));
            s.val()
        }
    };
    Rollup {
        strategy: strategy.map(Val::into_big),
        axes,
    }
}

/// Which computed percentage to explain.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "level", content = "number", rename_all = "snake_case")]
pub enum Subject {
    Strategy,
    Axis(u32),
    Action(u32),
}

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
    let flat = report.strategy.method == RollupMethod::Flat;
    let mut terms = Vec::new();
    let mut left_out = Vec::new();
    let objective_terms =
        |objs: &mut dyn Iterator<Item = &Objective>, terms: &mut Vec<_>, left: &mut Vec<_>| {
            for o in objs {
                let label = format!("{} {}", w.objective, o.reference());
                if o.fields.status == Status::Abandoned {
                    left.push(format!("{label} ({})", w.abandoned));
                } else {
                    terms.push(TraceTerm {
                        label,
                        value: written(&objective_value(o), lang),
                        weight: o.fields.weight,
                    });
                }
            }
        };
    let (name, exact_terms): (String, Option<Vec<BigRational>>) = match subject {
        Subject::Action(n) => {
            let action = report
                .axes
                .iter()
                .flat_map(|a| &a.actions)
                .find(|a| a.number == n)?;
            objective_terms(&mut action.objectives.iter(), &mut terms, &mut left_out);
            (format!("{} {n}", w.action), None)
        }
        Subject::Axis(n) if flat => {
            let axis = report.axes.iter().find(|a| a.number == n)?;
            objective_terms(
                &mut axis.actions.iter().flat_map(|a| &a.objectives),
                &mut terms,
                &mut left_out,
            );
            (format!("{} {n}", w.axis), None)
        }
        Subject::Strategy if flat => {
            objective_terms(
                &mut report.objectives().map(|(_, _, o)| o),
                &mut terms,
                &mut left_out,
            );
            (w.strategy.to_string(), None)
        }
        Subject::Axis(n) => {
            let axis = report.axes.iter().find(|a| a.number == n)?;
            let mut values = Vec::new();
            for a in &axis.actions {
                let label = format!("{} {}", w.action, a.number);
                match action_objectives(a).value() {
                    Some(v) => {
                        terms.push(TraceTerm {
                            label,
                            value: written(&v, lang),
                            weight: 1,
                        });
                        values.push(v);
                    }
                    None => left_out.push(format!("{label} ({})", w.no_progress)),
                }
            }
            (format!("{} {n}", w.axis), Some(values))
        }
        Subject::Strategy => {
            let r = rollup(report);
            let mut values = Vec::new();
            for (axis, ar) in report.axes.iter().zip(&r.axes) {
                let label = format!("{} {}", w.axis, axis.number);
                match &ar.value {
                    Some(v) => {
                        terms.push(TraceTerm {
                            label,
                            value: written(v, lang),
                            weight: 1,
                        });
                        values.push(v.clone());
                    }
                    None => left_out.push(format!("{label} ({})", w.no_progress)),
                }
            }
            (w.strategy.to_string(), Some(values))
        }
    };
    // Objective-level means are recomputed from the objectives themselves; means of levels use
    // the exact values collected above.
    let (sum, divisor, weighted) = match exact_terms {
        Some(values) => {
            let n = values.len() as u64;
            let sum = values
                .into_iter()
                .fold(BigRational::zero(), |acc, v| acc + v);
            (sum, n, false)
        }
        None => {
            let mut s = WeightedSum::default();
            let objs: Vec<&Objective> = match subject {
                Subject::Action(n) => report
                    .objectives()
                    .filter(|(_, a, _)| a.number == n)
                    .map(|(_, _, o)| o)
                    .collect(),
                Subject::Axis(n) => report
                    .objectives()
                    .filter(|(ax, _, _)| ax.number == n)
                    .map(|(_, _, o)| o)
                    .collect(),
                Subject::Strategy => report.objectives().map(|(_, _, o)| o).collect(),
            };
            s.add_all(objs);
            let weighted = terms.iter().any(|t| t.weight != 1);
            (s.total(), s.weight, weighted)
        }
    };
    let exact = (divisor > 0).then(|| &sum / BigRational::from_integer(divisor.into()));
    let displayed = exact.as_ref().map(display_percent);
    let mut text = if let Some(v) = &exact {
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
            written(&sum, lang),
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
    } else {
        w.nothing.to_string()
    };
    if !left_out.is_empty() {
        text.push_str(&format!("; {}: {}", w.left_out, left_out.join(", ")));
    }
    Some(Trace {
        subject: name,
        terms,
        left_out,
        exact: exact.as_ref().map(|v| written(v, lang)),
        displayed,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ObjectiveFields, Strategy};

    fn objective(number: u32, progress: u32, status: Status) -> Objective {
        Objective {
            id: 0,
            number,
            part: None,
            fields: ObjectiveFields {
                title: format!("Objective {number}"),
                status,
                progress,
                ..Default::default()
            },
        }
    }

    fn action(number: u32, progresses: &[u32]) -> Action {
        Action {
            id: 0,
            number,
            title: format!("Action {number}"),
            published_progress: None,
            objectives: progresses
                .iter()
                .enumerate()
                .map(|(i, p)| objective(number * 100 + i as u32, *p, Status::InProgress))
                .collect(),
        }
    }

    /// The four actions of the seed's axis 4, with the seed's objective percentages.
    fn seed_axis() -> Report {
        Report {
            strategy: Strategy::default(),
            axes: vec![Axis {
                id: 0,
                number: 4,
                title: "Axis 4".into(),
                actions: vec![
                    action(14, &[75, 50, 100, 60, 100, 5]),
                    action(15, &[5, 15, 15, 15]),
                    action(16, &[100, 50, 40, 40]),
                    action(17, &[50, 25, 5]),
                ],
            }],
        }
    }

    #[test]
    fn the_seed_actions_roll_up_to_the_published_percentages() {
        let r = rollup(&seed_axis());
        let shown: Vec<u32> = r.axes[0]
            .actions
            .iter()
            .map(|v| display_percent(v.as_ref().expect("counted")))
            .collect();
        assert_eq!(shown, vec![65, 13, 58, 27], "published: 65, 13, 58, 27");
    }

    #[test]
    fn an_axis_is_the_mean_of_unrounded_action_values() {
        // (65 + 12.5 + 57.5 + 80/3) / 4 = 485/12 ≈ 40.42; rounding the actions first would give
        // (65 + 13 + 58 + 27) / 4 = 40.75 → 41.
        let r = rollup(&seed_axis());
        let axis = r.axes[0].value.clone().expect("axis has a value");
        assert_eq!(axis, BigRational::new(485.into(), 12.into()));
        assert_eq!(display_percent(&axis), 40);
    }

    #[test]
    fn abandoned_objectives_and_empty_levels_are_left_out() {
        let mut report = seed_axis();
        report.axes[0].actions[1].objectives[0].fields.status = Status::Abandoned;
        report.axes[0].actions.push(Action {
            objectives: vec![],
            ..action(18, &[])
        });
        let r = rollup(&report);
        assert_eq!(
            r.axes[0].actions[1],
            Some(BigRational::from_integer(15.into())),
            "action 15 without its abandoned 5"
        );
        assert_eq!(r.axes[0].actions[4], None, "an empty action has no value");
        // Mean of 65, 15, 57.5, 80/3 only: the empty action does not count as 0.
        let expected = (BigRational::from_integer(65.into())
            + BigRational::from_integer(15.into())
            + BigRational::new(115.into(), 2.into())
            + BigRational::new(80.into(), 3.into()))
            / BigRational::from_integer(4.into());
        assert_eq!(r.axes[0].value, Some(expected));
    }

    #[test]
    fn weights_count_in_the_action_mean() {
        let mut report = seed_axis();
        let a = &mut report.axes[0].actions[3];
        a.objectives[0].fields.weight = 3; // 50×3 + 25 + 5 = 180 over 5 = 36
        let r = rollup(&report);
        assert_eq!(
            r.axes[0].actions[3],
            Some(BigRational::from_integer(36.into()))
        );
    }

    #[test]
    fn the_flat_method_averages_every_objective_below() {
        let mut report = seed_axis();
        report.strategy.method = RollupMethod::Flat;
        let r = rollup(&report);
        // 17 objectives summing to 390 + 50 + 230 + 80 = 750.
        assert_eq!(
            r.axes[0].value,
            Some(BigRational::new(750.into(), 17.into()))
        );
        assert_eq!(r.strategy, r.axes[0].value);
    }

    #[test]
    fn an_indicator_gives_the_progress_and_mirrors_falling_targets() {
        let ind = |b: &str, c: &str, t: &str, d| Indicator {
            baseline: b.into(),
            current: c.into(),
            target: t.into(),
            unit: String::new(),
            direction: d,
        };
        use crate::model::Direction::*;
        assert_eq!(
            indicator_value(&ind("30", "42", "50", Rising)),
            Some(BigRational::from_integer(60.into()))
        );
        assert_eq!(
            indicator_value(&ind("20", "15", "10", Falling)),
            Some(BigRational::from_integer(50.into())),
            "falling: halfway from 20 to 10"
        );
        assert_eq!(
            indicator_value(&ind("20", "25", "10", Falling)),
            Some(BigRational::zero()),
            "moving away is clamped at 0"
        );
        assert_eq!(
            indicator_value(&ind("0", "3", "2", Rising)),
            Some(BigRational::from_integer(100.into())),
            "beyond target is clamped at 100"
        );
    }

    #[test]
    fn sums_too_large_for_machine_integers_stay_exact() {
        let half = i128::MAX / 2 + 1;
        let vals = [
            Val::Small(Ratio::from_integer(half)),
            Val::Small(Ratio::from_integer(half)),
            Val::Small(Ratio::new(1, 3)),
        ];
        let got = mean_vals(vals.iter()).expect("a mean").into_big();
        let h = BigRational::from_integer(half.into());
        let want =
            (&h + &h + BigRational::new(1.into(), 3.into())) / BigRational::from_integer(3.into());
        assert_eq!(got, want, "overflow falls back to big rationals");
    }

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
