//! The three-way comparison of a returned row: each field as issued, as returned by the lead,
//! and as in the report now.
//! - changed by the lead only: a proposal, which may be accepted;
//! - changed by the lead and, since the issue, in the report too (to something else): a
//!   conflict, with both values, never applied without a choice;
//! - unchanged by the lead, or already what the report holds: nothing. So a workbook imported
//!   a second time, after its proposals were accepted, proposes nothing again.

use crate::read::{ReturnedRow, Values};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Progress,
    Achievement,
    NextSteps,
}

/// A field's value, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Status(jalon_core::Status),
    Progress(u32),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    Proposal {
        field: Field,
        current: Value,
        proposed: Value,
    },
    Conflict {
        field: Field,
        issued: Value,
        proposed: Value,
        current: Value,
    },
}

fn fields(v: &Values) -> [(Field, Value); 4] {
    [
        (Field::Status, Value::Status(v.status)),
        (Field::Progress, Value::Progress(v.progress)),
        (Field::Achievement, Value::Text(v.achievement.clone())),
        (Field::NextSteps, Value::Text(v.next_steps.clone())),
    ]
}

/// What a returned row proposes against the report's current values of its objective.
pub fn compare(row: &ReturnedRow, current: &Values) -> Vec<Difference> {
    let issued = fields(&row.issued);
    let returned = fields(&row.returned);
    let now = fields(current);
    let mut out = Vec::new();
    for ((i, r), n) in issued.into_iter().zip(returned).zip(now) {
        let field = i.0;
        let (issued, proposed, current) = (i.1, r.1, n.1);
        if proposed == issued || proposed == current {
            continue;
        }
        out.push(if current == issued {
            Difference::Proposal {
                field,
                current,
                proposed,
            }
        } else {
            Difference::Conflict {
                field,
                issued,
                proposed,
                current,
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jalon_core::Status;

    fn values(progress: u32, next: &str) -> Values {
        Values {
            status: Status::InProgress,
            progress,
            achievement: "A".into(),
            next_steps: next.into(),
        }
    }

    fn row(issued: Values, returned: Values) -> ReturnedRow {
        ReturnedRow {
            objective_id: 1,
            row: 2,
            issued,
            returned,
            comment: String::new(),
        }
    }

    #[test]
    fn a_change_by_the_lead_alone_is_a_proposal_and_by_both_a_conflict() {
        let r = row(values(40, "N"), values(60, "M"));
        // The report moved the next steps since the issue, not the progress.
        let now = values(40, "Other");
        assert_eq!(
            compare(&r, &now),
            [
                Difference::Proposal {
                    field: Field::Progress,
                    current: Value::Progress(40),
                    proposed: Value::Progress(60),
                },
                Difference::Conflict {
                    field: Field::NextSteps,
                    issued: Value::Text("N".into()),
                    proposed: Value::Text("M".into()),
                    current: Value::Text("Other".into()),
                },
            ]
        );
    }

    #[test]
    fn nothing_when_the_lead_changed_nothing_or_it_was_already_accepted() {
        let r = row(values(40, "N"), values(60, "M"));
        assert_eq!(compare(&r, &values(60, "M")), [], "imported twice");
        let same = row(values(40, "N"), values(40, "N"));
        assert_eq!(
            compare(&same, &values(90, "Z")),
            [],
            "the lead changed nothing"
        );
    }
}
