//! The schema of a report file: one append-only list of migrations on `user_version`.

use std::sync::LazyLock;

use rusqlite::{Transaction, params};
use rusqlite_migration::{M, Migrations};

/// The schema history, oldest first. Append only: a migration that has shipped is never
/// edited, since files in the field were made with it.
pub(super) static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        // 1. The first schema: strategy, axes, actions, objectives. Constraints live here too,
        //    so that even a bug above the store cannot write a progress of 150 or an unknown
        //    status. The application id marks the file as a Jalon report.
        M::up(include_str!("migrations/0001_initial.sql")),
        // 2. Reporting periods (one open, the closed ones frozen as checksummed snapshots
        //    that triggers keep from changing) and the edit history of objectives.
        M::up(include_str!("migrations/0002_periods.sql")),
        // 3. The history follows the strategy, axes and actions too: a level and a subject id.
        M::up(include_str!("migrations/0003_history_levels.sql")),
        // 4. The history holds typed changes only: a checked `field`, indicators as JSON.
        M::up_with_hook(
            include_str!("migrations/0004_typed_history.sql"),
            indicators_to_json,
        ),
        // 5. Contributor rounds: the report's own identity, rounds and their workbooks, and
        //    the workbook a change of the history came from.
        M::up(include_str!("migrations/0005_rounds.sql")),
    ])
});

/// Migration 4's data step: each indicator change written as one line ("0 → 40 → 100 %
/// (rising)") becomes the JSON that `history::Change` reads. A line that is not an indicator
/// stops the migration, naming its row: the file is then left as it was.
fn indicators_to_json(tx: &Transaction) -> rusqlite_migration::HookResult {
    use rusqlite_migration::HookError;
    let rows: Vec<(i64, String, String)> = tx
        .prepare("SELECT id, old_value, new_value FROM history WHERE field = 'indicator'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let json = |id: i64, text: &str| -> Result<String, HookError> {
        if text.is_empty() || text.starts_with('{') {
            return Ok(text.to_string());
        }
        let i = jalon_core::history::legacy_indicator(text)
            .map_err(|e| HookError::Hook(format!("history row {id}: {e}")))?;
        serde_json::to_string(&i).map_err(|e| HookError::Hook(e.to_string()))
    };
    for (id, old, new) in rows {
        tx.execute(
            "UPDATE history SET old_value = ?2, new_value = ?3 WHERE id = ?1",
            params![id, json(id, &old)?, json(id, &new)?],
        )?;
    }
    Ok(())
}

/// The highest schema version this build reads and writes: user_version counts migrations.
pub fn schema_version() -> i64 {
    // Five migrations; a test checks the count against the list.
    MIGRATION_COUNT
}

const MIGRATION_COUNT: i64 = 5;
