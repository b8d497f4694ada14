//! Generated reports of any size, for benchmarks and for trying the app on a large strategy.
//! Deterministic: the same size always gives the same report.

use crate::model::{Action, Axis, Objective, ObjectiveFields, Report, Status, Strategy};

/// A report with `objectives` entries: ten objectives per action, ten actions per axis, with
/// varied statuses, percentages, weights and short texts.
pub fn generate(objectives: usize) -> Report {
    let per_action = 10;
    let per_axis = 10;
    let mut axes: Vec<Axis> = Vec::new();
    for i in 0..objectives {
        let action_index = i / per_action;
        let axis_index = action_index / per_axis;
        if axes.len() <= axis_index {
            axes.push(Axis {
                id: 0,
                number: axis_index as u32 + 1,
                title: format!("Generated axis {}", axis_index + 1),
                actions: Vec::new(),
            });
        }
        let axis = &mut axes[axis_index];
        if axis.actions.len() <= action_index % per_axis {
            axis.actions.push(Action {
                id: 0,
                number: action_index as u32 + 1,
                title: format!("Generated action {}", action_index + 1),
                published_progress: None,
                objectives: Vec::new(),
            });
        }
        // A cheap, fixed mix of figures: multiplying by a prime spreads them over 0..=100.
        let progress = ((i * 37) % 101) as u32;
        let status = match progress {
            0 => Status::NotStarted,
            100 => Status::Completed,
            _ if i % 23 == 0 => Status::Abandoned,
            _ => Status::InProgress,
        };
        axis.actions[action_index % per_axis]
            .objectives
            .push(Objective {
                id: 0,
                number: i as u32 + 1,
                part: None,
                fields: ObjectiveFields {
                    title: format!("Generated objective {} with a title of ordinary length", i + 1),
                    status,
                    progress,
                    achievement: "Work went as planned this quarter.\n\n• first step done;\n• second step under way.".into(),
                    next_steps: "Finish the second step and report on it.".into(),
                    weight: (i % 3) as u32 + 1,
                    ..Default::default()
                },
            });
    }
    Report {
        strategy: Strategy {
            title: format!("Generated strategy ({objectives} objectives)"),
            period: "2023–2027".into(),
            reporting_period: "2026-Q1".into(),
            as_of: "2026-03-31".into(),
            ..Strategy::default()
        },
        axes,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_generated_report_has_the_asked_size_and_is_valid() {
        let r = super::generate(1234);
        assert_eq!(r.objectives().count(), 1234);
        assert_eq!(r.action_count(), 124);
        r.validate().expect("valid");
    }
}
