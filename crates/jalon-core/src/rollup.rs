//! The roll-up rule of the published dashboard, made exact (see PRODUCT.md): an action is the
//! weighted mean of its counted objectives, an axis the mean of its actions' unrounded values,
//! the strategy the mean of its axes; or, with the flat method, each level is the weighted mean
//! of every counted objective below it. Abandoned objectives are not counted, and a level with
//! nothing counted has no value and is left out of its parent's mean.

use num_bigint::BigInt;
use num_rational::{BigRational, Ratio};
use num_traits::{CheckedAdd, CheckedDiv, Zero};

use crate::model::{Action, Axis, Indicator, Objective, Report, RollupMethod, Status};

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
pub(crate) struct WeightedSum {
    int_sum: i128,
    extra: Option<BigRational>,
    pub(crate) weight: u64,
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

    pub(crate) fn add_all<'a>(&mut self, objectives: impl IntoIterator<Item = &'a Objective>) {
        for o in objectives {
            self.add(o);
        }
    }

    pub(crate) fn total(&self) -> BigRational {
        let int = BigRational::from_integer(self.int_sum.into());
        match &self.extra {
            Some(e) => int + e,
            None => int,
        }
    }

    pub(crate) fn value(&self) -> Option<BigRational> {
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

pub(crate) fn action_objectives(action: &Action) -> WeightedSum {
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

pub use crate::lang::Subject;

/// Reports for the tests of the roll-up and of the traces.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::model::{ObjectiveFields, Strategy};

    pub(crate) fn objective(number: u32, progress: u32, status: Status) -> Objective {
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

    pub(crate) fn action(number: u32, progresses: &[u32]) -> Action {
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
    pub(crate) fn seed_axis() -> Report {
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
}

#[cfg(test)]
mod tests {
    use super::fixtures::{action, seed_axis};
    use super::*;
    use crate::exact::display_percent;

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
}
