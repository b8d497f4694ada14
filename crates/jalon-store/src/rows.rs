//! Rows read into the model, strictly. Columns are read by name; a code is read through its
//! `FromSql` impl, which refuses what it does not know; and anything that cannot be read (an
//! unknown status, a number out of range, an action whose axis is missing) is an error that
//! names the table and the row, never a default or a row left out.

use std::collections::HashMap;

use rusqlite::types::FromSql;
use rusqlite::{Connection, Row};

use crate::Result;
use jalon_core::error::Error;
use jalon_core::lang::Level;
use jalon_core::model::{
    Action, Axis, Direction, Indicator, Language, Objective, ObjectiveFields, Part, Report,
    RollupMethod, Status, Strategy,
};

/// A type the file stores as a code column: the text must be one of the codes the type knows.
/// (rusqlite's `FromSql` cannot be implemented here for the core's types.)
pub(crate) trait Code: Sized {
    const WHAT: &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

macro_rules! code {
    ($($t:ty => $what:literal),* $(,)?) => {$(
        impl Code for $t {
            const WHAT: &'static str = $what;
            fn from_code(code: &str) -> Option<Self> {
                <$t>::from_code(code)
            }
        }
    )*};
}

code! {
    Status => "status",
    Language => "language",
    RollupMethod => "roll-up method",
    Direction => "indicator direction",
    Level => "level",
}

impl Code for jalon_core::period::PeriodState {
    const WHAT: &'static str = "period state";
    fn from_code(code: &str) -> Option<Self> {
        match code {
            "open" => Some(Self::Open),
            "closed" => Some(Self::Closed),
            _ => None,
        }
    }
}

/// One row of `table`, known by its id, read column by column.
pub(super) struct Cells<'r, 's> {
    row: &'r Row<'s>,
    table: &'static str,
    id: i64,
}

impl<'r, 's> Cells<'r, 's> {
    pub(super) fn of(row: &'r Row<'s>, table: &'static str) -> Result<Self> {
        let id = row.get("id")?;
        Ok(Cells { row, table, id })
    }

    pub(super) fn id(&self) -> i64 {
        self.id
    }

    pub(super) fn get<T: FromSql>(&self, column: &str) -> Result<T> {
        self.row.get(column).map_err(|e| {
            let why = match e {
                rusqlite::Error::FromSqlConversionFailure(_, _, inner) => inner.to_string(),
                rusqlite::Error::IntegralValueOutOfRange(_, v) => format!("{v} is out of range"),
                rusqlite::Error::InvalidColumnType(_, _, ty) => format!("holds {ty}"),
                other => other.to_string(),
            };
            self.bad(format!("{column}: {why}"))
        })
    }

    /// A code column, read as its type.
    pub(crate) fn code<T: Code>(&self, column: &str) -> Result<T> {
        self.code_or_null(column)?
            .ok_or_else(|| self.bad(format!("{column}: holds NULL")))
    }

    /// A code column that may be NULL.
    pub(crate) fn code_or_null<T: Code>(&self, column: &str) -> Result<Option<T>> {
        match self.get::<Option<String>>(column)? {
            None => Ok(None),
            Some(text) => T::from_code(&text)
                .map(Some)
                .ok_or_else(|| self.bad(format!("{column}: unknown {} {text:?}", T::WHAT))),
        }
    }

    pub(super) fn bad(&self, reason: String) -> crate::Error {
        Error::BadRow {
            table: self.table,
            row: self.id,
            reason,
        }
        .into()
    }
}

pub(super) fn read_strategy(conn: &Connection) -> Result<Strategy> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, period, language, method, reporting_period, as_of FROM strategy
         WHERE id = 1",
    )?;
    let mut rows = stmt.query([])?;
    let r = rows.next()?.ok_or(Error::BadRow {
        table: "strategy",
        row: 1,
        reason: "missing".into(),
    })?;
    let c = Cells::of(r, "strategy")?;
    Ok(Strategy {
        title: c.get("title")?,
        period: c.get("period")?,
        language: c.code("language")?,
        method: c.code("method")?,
        reporting_period: c.get("reporting_period")?,
        as_of: c.get("as_of")?,
    })
}

pub(super) fn read_report(conn: &Connection) -> Result<Report> {
    let strategy = read_strategy(conn)?;
    let mut axes: Vec<Axis> = Vec::new();
    let mut stmt =
        conn.prepare_cached("SELECT id, number, title FROM axis ORDER BY position, id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let c = Cells::of(r, "axis")?;
        axes.push(Axis {
            id: c.id(),
            number: c.get("number")?,
            title: c.get("title")?,
            actions: Vec::new(),
        });
    }
    let axis_index: HashMap<i64, usize> = axes.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let mut action_index: HashMap<i64, (usize, usize)> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, axis_id, number, title, published_progress FROM action
         ORDER BY position, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let c = Cells::of(r, "action")?;
        let axis_id: i64 = c.get("axis_id")?;
        let ai = *axis_index
            .get(&axis_id)
            .ok_or_else(|| c.bad(format!("axis_id: no axis {axis_id}")))?;
        let action = Action {
            id: c.id(),
            number: c.get("number")?,
            title: c.get("title")?,
            published_progress: c.get("published_progress")?,
            objectives: Vec::new(),
        };
        action_index.insert(action.id, (ai, axes[ai].actions.len()));
        axes[ai].actions.push(action);
    }
    let mut stmt = conn.prepare_cached(&format!("{OBJECTIVE_COLUMNS} ORDER BY position, id"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let c = Cells::of(r, "objective")?;
        let (action_id, objective) = objective_from_row(&c)?;
        let &(ai, ci) = action_index
            .get(&action_id)
            .ok_or_else(|| c.bad(format!("action_id: no action {action_id}")))?;
        axes[ai].actions[ci].objectives.push(objective);
    }
    Ok(Report { strategy, axes })
}

const OBJECTIVE_COLUMNS: &str =
    "SELECT id, action_id, number, part, parts, title, status, progress, achievement,
            next_steps, lead, due_date, weight, indicator_baseline, indicator_current,
            indicator_target, indicator_unit, indicator_direction
     FROM objective";

/// One objective as the store keeps it, with the id of its action.
fn objective_from_row(c: &Cells) -> Result<(i64, Objective)> {
    let part = match (
        c.get::<Option<u32>>("part")?,
        c.get::<Option<u32>>("parts")?,
    ) {
        (Some(index), Some(count)) => Some(Part { index, count }),
        (None, None) => None,
        _ => return Err(c.bad("part and parts go together".into())),
    };
    let indicator = match (
        c.get::<Option<String>>("indicator_baseline")?,
        c.get::<Option<String>>("indicator_current")?,
        c.get::<Option<String>>("indicator_target")?,
        c.code_or_null::<Direction>("indicator_direction")?,
    ) {
        (Some(baseline), Some(current), Some(target), Some(direction)) => Some(Indicator {
            baseline,
            current,
            target,
            unit: c
                .get::<Option<String>>("indicator_unit")?
                .unwrap_or_default(),
            direction,
        }),
        (None, None, None, None) => None,
        _ => {
            return Err(c.bad(
                "an indicator needs its baseline, current value, target and direction".into(),
            ));
        }
    };
    Ok((
        c.get("action_id")?,
        Objective {
            id: c.id(),
            number: c.get("number")?,
            part,
            fields: ObjectiveFields {
                title: c.get("title")?,
                status: c.code("status")?,
                progress: c.get("progress")?,
                achievement: c.get("achievement")?,
                next_steps: c.get("next_steps")?,
                lead: c.get("lead")?,
                due_date: c.get("due_date")?,
                weight: c.get("weight")?,
                indicator,
            },
        },
    ))
}

pub(super) fn read_objective(conn: &Connection, id: i64) -> Result<Option<Objective>> {
    let mut stmt = conn.prepare_cached(&format!("{OBJECTIVE_COLUMNS} WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(r) => Ok(Some(objective_from_row(&Cells::of(r, "objective")?)?.1)),
        None => Ok(None),
    }
}
