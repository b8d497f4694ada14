//! The three-way comparison of a returned row: each field as issued, as returned by the lead,
//! and as in the report now.
//! - changed by the lead only: a proposal, which may be accepted;
//! - changed by the lead and, since the issue, in the report too (to something else): a
//!   conflict, with both values, never applied without a choice;
//! - unchanged by the lead, or already what the report holds: nothing. So a workbook imported
//!   a second time, after its proposals were accepted, proposes nothing again.

use crate::read::{ReturnedRow, Values};

/// One of the four fields a lead may change.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Status,
    Progress,
    Achievement,
    NextSteps,
}

/// A field's value, typed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Value {
    Status(jalon_core::Status),
    Progress(u32),
    Text(String),
}

impl Value {
    /// Whether the value is of the field's type (a decision crossing IPC may not be).
    pub fn fits(&self, field: Field) -> bool {
        matches!(
            (field, self),
            (Field::Status, Value::Status(_))
                | (Field::Progress, Value::Progress(_))
                | (Field::Achievement | Field::NextSteps, Value::Text(_))
        )
    }
}

/// A field the lead changed: as issued, as returned and as in the report now. When the report
/// still holds what was issued, it is a proposal; otherwise both sides changed it: a conflict,
/// never applied without a choice.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Difference {
    pub field: Field,
    pub issued: Value,
    pub proposed: Value,
    pub current: Value,
}

impl Difference {
    pub fn is_conflict(&self) -> bool {
        self.current != self.issued
    }
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
        let (issued, proposed, current) = (i.1, r.1, n.1);
        if proposed == issued || proposed == current {
            continue;
        }
        out.push(Difference {
            field: i.0,
            issued,
            proposed,
            current,
        });
    }
    out
}

/// Sets one field of an objective's fields to a value of its type.
pub fn apply(fields: &mut jalon_core::ObjectiveFields, field: Field, value: &Value) {
    match (field, value) {
        (Field::Status, Value::Status(s)) => fields.status = *s,
        (Field::Progress, Value::Progress(p)) => fields.progress = *p,
        (Field::Achievement, Value::Text(t)) => fields.achievement = t.clone(),
        (Field::NextSteps, Value::Text(t)) => fields.next_steps = t.clone(),
        _ => {}
    }
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
            id_cell: "jalon!A5".into(),
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
                Difference {
                    field: Field::Progress,
                    issued: Value::Progress(40),
                    proposed: Value::Progress(60),
                    current: Value::Progress(40),
                },
                Difference {
                    field: Field::NextSteps,
                    issued: Value::Text("N".into()),
                    proposed: Value::Text("M".into()),
                    current: Value::Text("Other".into()),
                },
            ]
        );
        let found = compare(&r, &now);
        assert!(!found[0].is_conflict() && found[1].is_conflict());
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
