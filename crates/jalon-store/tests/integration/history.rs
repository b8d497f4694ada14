//! Typed history: files made with schema 3 migrate their rows into typed changes, `jalon/3`
//! documents import as typed changes, and a row this version cannot read is refused with its
//! table and row named.

use jalon_core::{Change, Error, FieldEdit, Level, Status};
use jalon_store::Store;
use jalon_store::import::import_json;
use rusqlite::Connection;

/// A report file exactly as schema 3 made it: the shipped migrations 1 to 3, an objective, and
/// changes of it, the indicator one written as schema 3 wrote indicators (one line).
fn schema_3_file(dir: &std::path::Path, extra: &str) -> std::path::PathBuf {
    let path = dir.join("v3.jalon");
    let conn = Connection::open(&path).expect("sqlite");
    for sql in [
        include_str!("../../src/migrations/0001_initial.sql"),
        include_str!("../../src/migrations/0002_periods.sql"),
        include_str!("../../src/migrations/0003_history_levels.sql"),
    ] {
        conn.execute_batch(sql).expect("shipped schema");
    }
    conn.execute_batch(&format!(
        "PRAGMA user_version = 3;
         INSERT INTO axis (id, number, title, position) VALUES (1, 1, 'Axis', 0);
         INSERT INTO action (id, axis_id, number, title, position) VALUES (1, 1, 1, 'Act', 0);
         INSERT INTO objective (id, action_id, number, title, status, progress, position)
         VALUES (7, 1, 3, 'Obj', 'in_progress', 40, 0);
         INSERT INTO history (at, period_id, level, subject_id, number, part, field, old_value,
             new_value) VALUES
           ('2026-01-05T10:00:00Z', 1, 'objective', 7, 3, NULL, 'status', 'not_started',
            'in_progress'),
           ('2026-01-06T10:00:00Z', 1, 'objective', 7, 3, NULL, 'indicator', '',
            '0 → 40 → 100 % of schools (rising)'),
           ('2026-01-07T10:00:00Z', 1, 'action', 1, 1, NULL, 'published_progress', '', '65'),
           ('2026-01-08T10:00:00Z', 1, 'objective', 7, 3, NULL, 'number', '2', '3');
         {extra}"
    ))
    .expect("data");
    path
}

#[test]
fn a_schema_3_file_migrates_its_history_into_typed_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = schema_3_file(dir.path(), "");
    let s = Store::open(&path).expect("migrates");
    let mut h = s.all_history().expect("history");
    assert_eq!(h.len(), 4, "every row is kept");
    let changes: Vec<Change> = h.drain(..).map(|e| e.change).collect();
    assert_eq!(
        changes[0],
        Change::Edited(FieldEdit::Status {
            old: Status::NotStarted,
            new: Status::InProgress
        })
    );
    match &changes[1] {
        Change::Indicator {
            old: None,
            new: Some(i),
        } => {
            assert_eq!(
                (
                    i.baseline.as_str(),
                    i.current.as_str(),
                    i.target.as_str(),
                    i.unit.as_str()
                ),
                ("0", "40", "100", "% of schools"),
                "the one-line indicator became the indicator it described"
            );
        }
        other => panic!("an indicator change, got {other:?}"),
    }
    assert_eq!(
        changes[2],
        Change::Edited(FieldEdit::PublishedProgress {
            old: None,
            new: Some(65)
        })
    );
    assert!(
        matches!(changes[3], Change::Renumbered { .. }),
        "{:?}",
        changes[3]
    );
    let raw: String = Connection::open(&path)
        .expect("sqlite")
        .query_row(
            "SELECT new_value FROM history WHERE field = 'indicator'",
            [],
            |r| r.get(0),
        )
        .expect("row");
    assert!(raw.starts_with('{'), "stored as JSON now: {raw}");
}

#[test]
fn a_schema_3_row_that_is_no_change_stops_the_migration_and_leaves_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = schema_3_file(
        dir.path(),
        "INSERT INTO history (at, period_id, level, subject_id, number, part, field, old_value,
             new_value)
         VALUES ('2026-01-09T10:00:00Z', 1, 'objective', 7, 3, NULL, 'colour', 'red', 'blue');",
    );
    let before = std::fs::read(&path).expect("bytes");
    let err = Store::open(&path).expect_err("an unknown change cannot be typed");
    assert!(
        err.to_string()
            .contains("updating the file's schema failed"),
        "the migration says it failed: {err}"
    );
    let version: i64 = Connection::open(&path)
        .expect("sqlite")
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, 3, "not migrated");
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        before,
        "left byte for byte"
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "v3.jalon")
        .collect();
    assert!(left.is_empty(), "no copy or backup left behind: {left:?}");
}

#[test]
fn a_row_with_an_unknown_status_is_refused_with_its_table_and_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    drop(Store::create(&path).expect("create"));
    {
        // Another program writes a change whose value Jalon does not know.
        let conn = Connection::open(&path).expect("sqlite");
        conn.execute_batch(
            "INSERT INTO history (at, period_id, level, subject_id, number, part, field,
                 old_value, new_value)
             VALUES ('2026-01-05T10:00:00Z', 1, 'objective', 7, 3, NULL, 'status',
                 'not_started', 'finished');",
        )
        .expect("planted");
    }
    let s = Store::open(&path).expect("opens");
    let err = s
        .all_history()
        .expect_err("an unknown status is not read as a default");
    match &err {
        jalon_store::Error::Core(Error::BadRow { table, row, reason }) => {
            assert_eq!((*table, *row), ("history", 1));
            assert!(reason.contains("finished"), "{reason}");
        }
        other => panic!("BadRow, got {other}"),
    }
    assert!(err.to_string().contains("history row 1"), "{err}");
}

#[test]
fn a_jalon_3_document_imports_its_history_as_typed_changes() {
    let text = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/documents/jalon3-demo.json"),
    )
    .expect("fixture");
    let mut s = Store::open_in_memory().expect("store");
    import_json(&mut s, &text).expect("jalon/3 imports");
    let h = s.all_history().expect("history");
    assert_eq!(h.len(), 6);
    assert!(h.iter().any(|e| e.level == Level::Strategy
        && matches!(&e.change, Change::Edited(FieldEdit::Title { .. }))));
    assert!(h.iter().any(|e| matches!(&e.change,
        Change::Indicator { old: Some(o), new: Some(n) } if o.current == "60" && n.current == "66")));
    assert!(
        h.iter()
            .any(|e| e.level == Level::Action && e.change == Change::Moved { from: 3, to: 4 })
    );
    assert!(h.iter().any(|e| e.change == Change::Added { to: Some(14) }));
    let again = s.export_json().expect("export");
    assert!(
        again.contains("\"format\": \"jalon/5\""),
        "written as jalon/5"
    );
    let mut t = Store::open_in_memory().expect("store");
    import_json(&mut t, &again).expect("jalon/5 imports");
    assert_eq!(t.all_history().expect("history").len(), 6);
    assert_eq!(
        t.export_json().expect("export"),
        again,
        "jalon/5 round trip"
    );
}

#[test]
fn an_objective_row_with_an_unknown_status_is_refused_with_its_table_and_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    {
        let mut s = Store::create(&path).expect("create");
        let axis = s.add_axis(None, "A").expect("axis");
        let action = s.add_action(axis, None, "B").expect("action");
        let fields = jalon_core::ObjectiveFields {
            title: "C".into(),
            ..Default::default()
        };
        s.add_objective(action, None, None, &fields)
            .expect("objective");
    }
    {
        // What the schema's CHECK would refuse, written by a program that turned it off.
        let conn = Connection::open(&path).expect("sqlite");
        conn.execute_batch(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE objective SET status = 'finished';",
        )
        .expect("planted");
    }
    let before = std::fs::read(&path).expect("bytes");
    let err = Store::open(&path).expect_err("never read as Not started");
    let text = err.to_string();
    assert!(
        matches!(
            &err,
            jalon_store::Error::Core(Error::BadRow {
                table: "objective",
                ..
            })
        ),
        "{text}"
    );
    assert!(
        text.contains("objective row 1") && text.contains("status") && text.contains("finished"),
        "names the table, the row, the column and the value: {text}"
    );
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        before,
        "the file is left as it was"
    );
}

#[test]
fn an_older_file_is_migrated_into_a_copy_and_the_original_is_kept_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = schema_3_file(dir.path(), "");
    let original = std::fs::read(&path).expect("bytes");
    let s = Store::open(&path).expect("migrates");
    let migrated = s
        .migrated()
        .expect("the store says it migrated the file")
        .clone();
    assert_eq!(migrated.from, 3);
    assert!(
        migrated.backup.ends_with("v3.jalon.schema-3.bak"),
        "{}",
        migrated.backup
    );
    assert_eq!(
        std::fs::read(&migrated.backup).expect("backup"),
        original,
        "the backup is the original, byte for byte"
    );
    assert_eq!(
        s.all_history().expect("history").len(),
        4,
        "the content came along"
    );
    drop(s);
    let version: i64 = Connection::open(&path)
        .expect("sqlite")
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(version, jalon_store::schema_version());
    let again = Store::open(&path).expect("reopens");
    assert!(
        again.migrated().is_none(),
        "a current file is not migrated again"
    );
    assert!(
        !dir.path().join("v3.jalon.migrating").exists(),
        "the working copy took the original's name"
    );
}
