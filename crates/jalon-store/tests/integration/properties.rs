//! Property tests: a mangled page never panics the importer, and the roll-up equals a
//! reference computed naively with exact fractions.

use jalon_core::{Action, Axis, Objective, ObjectiveFields, Report, RollupMethod, Status, rollup};
use jalon_page::parse_page;
use num_rational::Ratio;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Mangle {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Insert(usize, String),
    ReplaceChar(usize, char),
    Truncate(usize),
}

fn mangle() -> impl proptest::strategy::Strategy<Value = Mangle> {
    prop_oneof![
        any::<usize>().prop_map(Mangle::DeleteLine),
        any::<usize>().prop_map(Mangle::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mangle::SwapLines(a, b)),
        (
            any::<usize>(),
            prop_oneof![
                Just("Objective 99 : x".to_string()),
                Just("Action 7: y".to_string()),
                Just("Axis 3: z".to_string()),
                Just("Progress : 101%".to_string()),
                Just("Progress : %".to_string()),
                Just("CONTEXT".to_string()),
                Just("Next steps".to_string()),
                Just("Objective 12 : t (3/2)".to_string()),
                Just("Objective 12 : t (0/0)".to_string()),
                "\\PC{0,40}",
            ]
        )
            .prop_map(|(i, s)| Mangle::Insert(i, s)),
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Mangle::ReplaceChar(i, c)),
        any::<usize>().prop_map(Mangle::Truncate),
    ]
}

fn apply(text: &str, m: &Mangle) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let n = lines.len().max(1);
    match m {
        Mangle::DeleteLine(i) => {
            if !lines.is_empty() {
                lines.remove(i % lines.len());
            }
        }
        Mangle::DuplicateLine(i) => {
            if !lines.is_empty() {
                let l = lines[i % lines.len()].clone();
                lines.insert(i % n, l);
            }
        }
        Mangle::SwapLines(a, b) => {
            if !lines.is_empty() {
                let len = lines.len();
                lines.swap(a % len, b % len);
            }
        }
        Mangle::Insert(i, s) => lines.insert(i % (lines.len() + 1), s.clone()),
        Mangle::ReplaceChar(i, c) => {
            let joined = lines.join("\n");
            let chars: Vec<char> = joined.chars().collect();
            if chars.is_empty() {
                return joined;
            }
            let k = i % chars.len();
            return chars
                .iter()
                .enumerate()
                .map(|(j, ch)| if j == k { *c } else { *ch })
                .collect();
        }
        Mangle::Truncate(i) => {
            let joined = lines.join("\n");
            let chars: Vec<char> = joined.chars().collect();
            return chars[..i % (chars.len() + 1)].iter().collect();
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_mangled_page_imports_or_gives_a_line_numbered_error(
        mangles in prop::collection::vec(mangle(), 1..6)
    ) {
        let mut text = crate::fixture("en-full.txt");
        for m in &mangles {
            text = apply(&text, m);
        }
        let line_count = text.split('\n').count();
        match parse_page(&text) {
            Ok(p) => prop_assert!(p.report.validate().is_ok(), "an accepted page is a valid report"),
            Err(jalon_core::Error::Parse { line, .. }) => {
                prop_assert!(line >= 1 && line <= line_count + 1, "line {line} within the page");
            }
            Err(e) => {
                // Structure rules (duplicates, parts) are reported without a line.
                let msg = e.to_string();
                prop_assert!(!msg.is_empty());
            }
        }
    }

    #[test]
    fn any_text_at_all_never_panics_the_importer(text in "\\PC{0,400}") {
        let _ = parse_page(&text);
    }

    #[test]
    fn the_roll_up_equals_a_reference_with_exact_fractions(
        axes in prop::collection::vec(
            prop::collection::vec(
                prop::collection::vec((0u32..=100, 1u32..=5, 0usize..4), 0..7),
                0..5,
            ),
            0..4,
        ),
        flat in any::<bool>(),
    ) {
        let report = build(&axes, flat);
        let got = rollup(&report);
        let (want_strategy, want_axes) = reference(&axes, flat);
        let to_ratio = |v: &Option<num_rational::BigRational>| {
            v.as_ref().map(|r| {
                Ratio::new(
                    i128::try_from(r.numer()).expect("fits"),
                    i128::try_from(r.denom()).expect("fits"),
                )
            })
        };
        prop_assert_eq!(to_ratio(&got.strategy), want_strategy);
        for (g, (w_axis, w_actions)) in got.axes.iter().zip(&want_axes) {
            prop_assert_eq!(to_ratio(&g.value), *w_axis);
            let g_actions: Vec<_> = g.actions.iter().map(to_ratio).collect();
            prop_assert_eq!(&g_actions, w_actions);
        }
        // Rounding half up, from the reference fraction.
        if let Some(r) = want_strategy {
            let shown = (2 * r.numer() + r.denom()).div_euclid(2 * r.denom());
            let summary = jalon_core::summarize(&report);
            prop_assert_eq!(summary.strategy.progress, Some(shown as u32));
        }
    }
}

const STATUSES: [Status; 4] = [
    Status::NotStarted,
    Status::InProgress,
    Status::Completed,
    Status::Abandoned,
];

type Shape = Vec<Vec<Vec<(u32, u32, usize)>>>;

fn build(axes: &Shape, flat: bool) -> Report {
    let mut number = 0;
    let mut action_number = 0;
    Report {
        strategy: jalon_core::Strategy {
            method: if flat {
                RollupMethod::Flat
            } else {
                RollupMethod::MeanOfChildren
            },
            ..jalon_core::Strategy::default()
        },
        axes: axes
            .iter()
            .enumerate()
            .map(|(ai, actions)| Axis {
                id: 0,
                number: ai as u32 + 1,
                title: "a".into(),
                actions: actions
                    .iter()
                    .map(|objs| {
                        action_number += 1;
                        Action {
                            id: 0,
                            number: action_number,
                            title: "b".into(),
                            published_progress: None,
                            objectives: objs
                                .iter()
                                .map(|&(progress, weight, s)| {
                                    number += 1;
                                    Objective {
                                        id: 0,
                                        number,
                                        part: None,
                                        fields: ObjectiveFields {
                                            title: "c".into(),
                                            status: STATUSES[s],
                                            progress,
                                            weight,
                                            ..Default::default()
                                        },
                                    }
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

type R = Ratio<i128>;
/// An axis's value and its actions' values.
type AxisValues = (Option<R>, Vec<Option<R>>);

/// The definition of PRODUCT.md, written as plainly as possible.
fn reference(axes: &Shape, flat: bool) -> (Option<R>, Vec<AxisValues>) {
    let counted = |o: &&(u32, u32, usize)| STATUSES[o.2] != Status::Abandoned;
    let weighted = |objs: Vec<&(u32, u32, usize)>| -> Option<R> {
        let objs: Vec<_> = objs.into_iter().filter(|o| counted(o)).collect();
        let w: i128 = objs.iter().map(|o| o.1 as i128).sum();
        if w == 0 {
            return None;
        }
        let s: i128 = objs.iter().map(|o| o.0 as i128 * o.1 as i128).sum();
        Some(R::new(s, w))
    };
    let mean = |vals: Vec<Option<R>>| -> Option<R> {
        let vals: Vec<R> = vals.into_iter().flatten().collect();
        if vals.is_empty() {
            return None;
        }
        let n = vals.len() as i128;
        Some(vals.into_iter().fold(R::from(0), |a, b| a + b) / n)
    };
    let per_axis: Vec<AxisValues> = axes
        .iter()
        .map(|actions| {
            let action_values: Vec<Option<R>> = actions
                .iter()
                .map(|objs| weighted(objs.iter().collect()))
                .collect();
            let axis = if flat {
                weighted(actions.iter().flatten().collect())
            } else {
                mean(action_values.clone())
            };
            (axis, action_values)
        })
        .collect();
    let strategy = if flat {
        weighted(axes.iter().flatten().flatten().collect())
    } else {
        mean(per_axis.iter().map(|a| a.0).collect())
    };
    (strategy, per_axis)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Between any two editions, each level's movement is the difference of the percentages
    /// the dashboard shows for it, the arrows agree with the comparison, and an edition
    /// compared with itself has moved nowhere.
    #[test]
    fn comparison_moves_are_the_differences_of_the_displayed_percentages(
        n in 1usize..120,
        edits in proptest::collection::vec((any::<usize>(), 0u32..=100, 0usize..4), 0..40),
    ) {
        use jalon_core::period::{compare, deltas};
        let mut before = jalon_core::synthetic::generate(n);
        // The arrows are keyed by id, as in a report read from its file: give each its own.
        for (k, o) in before
            .axes
            .iter_mut()
            .flat_map(|a| &mut a.actions)
            .flat_map(|a| &mut a.objectives)
            .enumerate()
        {
            o.id = k as i64 + 1;
        }
        let mut after = before.clone();
        let count = after.objectives().count();
        for (i, progress, status) in edits {
            let k = i % count;
            let o = after
                .axes
                .iter_mut()
                .flat_map(|a| &mut a.actions)
                .flat_map(|a| &mut a.objectives)
                .nth(k)
                .expect("objective");
            o.fields.indicator = None;
            o.fields.progress = progress;
            o.fields.status = Status::ALL[status];
        }
        let c = compare("A", &before, "B", &after);
        let (sa, sb) = (jalon_core::summarize(&before), jalon_core::summarize(&after));
        let diff = |a: Option<u32>, b: Option<u32>| a.zip(b).map(|(x, y)| y as i32 - x as i32);
        prop_assert_eq!(c.strategy.delta, diff(sa.strategy.progress, sb.strategy.progress));
        let actions_a = sa.axes.iter().flat_map(|a| &a.actions);
        let actions_b = sb.axes.iter().flat_map(|a| &a.actions);
        for ((x, y), ch) in actions_a.zip(actions_b).zip(&c.actions) {
            prop_assert_eq!(ch.progress.delta, diff(x.progress, y.progress));
        }
        let d = deltas(&after, "A", &before);
        prop_assert_eq!(d.strategy, c.strategy.delta);
        let moved: i32 = d.objectives.values().map(|v| v.abs()).sum();
        let listed: i32 = c.objectives.iter().filter_map(|o| o.progress.delta).map(i32::abs).sum();
        prop_assert_eq!(moved, listed, "the arrows and the comparison list the same moves");
        let same = compare("A", &after, "A", &after);
        prop_assert!(same.objectives.is_empty());
        prop_assert_eq!(same.unchanged, count);
    }
}
