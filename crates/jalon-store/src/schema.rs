//! A report file is untrusted input: it arrives by e-mail or sits on a shared drive, and
//! SQLite runs whatever triggers and views its schema holds. So a file's schema must be exactly
//! the one the migrations make for its version: every table, index, trigger and view, with its
//! SQL. Anything else (an extra trigger, a view, a dropped trigger, a changed constraint) is
//! refused before the file is migrated or written to.

use std::collections::{BTreeMap, HashMap};
use std::sync::{LazyLock, Mutex};

use rusqlite::Connection;

use crate::Result;
use crate::migrations::MIGRATIONS;
use jalon_core::error::{DifferenceKind, SchemaDifference};

/// The current time in SQL, as every timestamp column of the schema stores it (UTC, ISO 8601).
pub(crate) const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

/// Name → (type, SQL with its white space folded).
type Objects = BTreeMap<String, (String, String)>;

/// The objects of a schema, SQLite's own (`sqlite_*`) left out.
fn objects(conn: &Connection) -> Result<Objects> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )?;
    let rows = stmt.query_map([], |r| {
        let sql: Option<String> = r.get(2)?;
        let folded = sql
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Ok((r.get::<_, String>(1)?, (r.get::<_, String>(0)?, folded)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The schema the migrations make at `version`, made once per version in memory.
fn expected(version: i64) -> Result<Objects> {
    static CACHE: LazyLock<Mutex<HashMap<i64, Objects>>> = LazyLock::new(Default::default);
    if let Some(o) = CACHE.lock().ok().and_then(|c| c.get(&version).cloned()) {
        return Ok(o);
    }
    let mut conn = Connection::open_in_memory()?;
    MIGRATIONS.to_version(&mut conn, usize::try_from(version).unwrap_or(0))?;
    let o = objects(&conn)?;
    if let Ok(mut c) = CACHE.lock() {
        c.insert(version, o.clone());
    }
    Ok(o)
}

/// What differs between the file's schema and Jalon's at `version`; empty when they agree.
pub(super) fn differences(conn: &Connection, version: i64) -> Result<Vec<SchemaDifference>> {
    let want = expected(version)?;
    let have = objects(conn)?;
    let mut out = Vec::new();
    let diff = |kind, (object, _): &(String, String), name: &String| SchemaDifference {
        kind,
        object: object.clone(),
        name: name.clone(),
    };
    for (name, obj) in &have {
        match want.get(name) {
            None => out.push(diff(DifferenceKind::Extra, obj, name)),
            Some(w) if w != obj => out.push(diff(DifferenceKind::Changed, obj, name)),
            Some(_) => {}
        }
    }
    for (name, obj) in &want {
        if !have.contains_key(name) {
            out.push(diff(DifferenceKind::Missing, obj, name));
        }
    }
    Ok(out)
}
