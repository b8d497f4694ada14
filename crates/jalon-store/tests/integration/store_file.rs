use jalon_core::{Error, ObjectiveFields, Status};
use jalon_store::Store;
use rusqlite::Connection;

#[test]
fn a_report_written_to_disk_reads_back_after_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    {
        let mut s = Store::create(&path).expect("create");
        let ax = s.add_axis(Some(1), "Axis").expect("axis");
        let ac = s.add_action(ax, Some(1), "Action").expect("action");
        s.add_objective(
            ac,
            Some(1),
            None,
            &ObjectiveFields {
                title: "Objective".into(),
                status: Status::InProgress,
                progress: 42,
                ..Default::default()
            },
        )
        .expect("objective");
    }
    let s = Store::open(&path).expect("reopen");
    let r = s.report().expect("report");
    assert_eq!(
        r.axes[0].actions[0].objectives[0].fields.progress, 42,
        "progress survived a close and reopen"
    );
}

#[test]
fn a_missing_file_is_named_in_the_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = Store::open(dir.path().join("nope.jalon")).expect_err("missing file");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::NoSuchFile { .. })),
        "{err}"
    );
    assert!(err.to_string().contains("nope.jalon"), "{err}");
}

#[test]
fn a_text_file_is_refused_as_not_a_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.jalon");
    std::fs::write(&path, "just some notes\n").expect("write");
    let err = Store::open(&path).expect_err("not sqlite");
    assert!(
        err.to_string().contains("not a Jalon report"),
        "clear message: {err}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        b"just some notes\n",
        "the file is left alone"
    );
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .and_then(|c| c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);"))
        .expect("other db");
    let err = Store::open(&path).expect_err("other program's database");
    assert!(
        err.to_string().contains("another program"),
        "clear message: {err}"
    );
}

#[test]
fn a_damaged_file_gives_a_message_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    drop(Store::create(&path).expect("create"));
    let mut bytes = std::fs::read(&path).expect("read");
    // Keep the header, scramble the pages after it.
    for b in bytes.iter_mut().skip(100) {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    std::fs::write(&path, &bytes).expect("write");
    match Store::open(&path) {
        Err(e) => assert!(
            e.to_string().contains("damaged") || e.to_string().contains("not a Jalon report"),
            "clear message: {e}"
        ),
        Ok(s) => panic!("a scrambled file opened: {s:?}"),
    }
}

#[test]
fn a_file_from_a_newer_jalon_is_refused_clearly_and_left_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("future.jalon");
    drop(Store::create(&path).expect("create"));
    let newer = jalon_store::schema_version() + 1;
    Connection::open(&path)
        .and_then(|c| c.pragma_update(None, "user_version", newer))
        .expect("bump version");
    let before = std::fs::read(&path).expect("read");
    let err = Store::open(&path).expect_err("newer schema");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::NewerSchema { found, .. }) if found == newer),
        "{err}"
    );
    assert!(err.to_string().contains("newer version of Jalon"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "file unchanged"
    );
}

#[test]
fn create_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    std::fs::write(&path, "x").expect("write");
    assert!(matches!(
        Store::create(&path),
        Err(jalon_store::Error::Core(Error::AlreadyExists { .. }))
    ));
}

#[test]
fn the_file_is_in_wal_mode_with_foreign_keys_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.jalon");
    drop(Store::create(&path).expect("create"));
    let c = Connection::open(&path).expect("open");
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("journal_mode");
    assert_eq!(mode, "wal");
    let app: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("application_id");
    assert_eq!(app, jalon_store::APPLICATION_ID, "marked as a Jalon report");
}

#[test]
fn save_copy_writes_a_report_that_opens_with_the_same_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Store::create(dir.path().join("a.jalon")).expect("create");
    jalon_store::import::import_json(&mut s, &crate::demo_json()).expect("demo");
    let copy = dir.path().join("copy.jalon");
    std::fs::write(&copy, "old content").expect("an older file to replace");
    s.save_copy(&copy).expect("copy");
    let c = Store::open(&copy).expect("the copy opens");
    assert_eq!(c.report().expect("report"), s.report().expect("report"));
}
