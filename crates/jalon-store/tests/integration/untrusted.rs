//! Report files are untrusted input: a file that carries SQL of its own is refused and left
//! byte for byte as it was; a page in an older encoding is read; a page that omits a figure
//! never replaces what the report knows with a guess.

use jalon_core::{CheckCode, Error, Finding};
use jalon_store::DifferenceKind;
use jalon_store::Store;
use jalon_store::import::import_page;
use rusqlite::Connection;

use crate::fixture;

/// A real report file made from the English fixture page.
fn report(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("r.jalon");
    let mut s = Store::create(&path).expect("create");
    import_page(&mut s, &fixture("en-full.txt")).expect("import");
    path
}

/// What another program might have done to the file.
fn plant(path: &std::path::Path, sql: &str) {
    Connection::open(path)
        .expect("sqlite")
        .execute_batch(sql)
        .expect("planted");
}

#[test]
fn a_file_with_sql_of_its_own_is_refused_and_left_as_it_was() {
    let cases = [
        (
            "CREATE TRIGGER planted AFTER INSERT ON history BEGIN UPDATE objective SET progress = 0; END;",
            DifferenceKind::Extra,
            "trigger",
            "planted",
        ),
        (
            "CREATE VIEW peek AS SELECT * FROM objective;",
            DifferenceKind::Extra,
            "view",
            "peek",
        ),
        (
            "CREATE TABLE notes (x TEXT);",
            DifferenceKind::Extra,
            "table",
            "notes",
        ),
        (
            "DROP TRIGGER closed_period_is_frozen;",
            DifferenceKind::Missing,
            "trigger",
            "closed_period_is_frozen",
        ),
        (
            "CREATE INDEX objective_by_title ON objective (title);",
            DifferenceKind::Extra,
            "index",
            "objective_by_title",
        ),
    ];
    for (sql, kind, object, name) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = report(dir.path());
        plant(&path, sql);
        // The planting connection is closed: the file on disk is what a colleague would send.
        let before = std::fs::read(&path).expect("bytes");
        let err = Store::open(&path).expect_err(sql);
        match &err {
            jalon_store::Error::Core(Error::ForeignSchema { objects, .. }) => {
                assert!(
                    objects
                        .iter()
                        .any(|d| d.kind == kind && d.object == object && d.name == name),
                    "{sql}: {objects:?}"
                );
            }
            other => panic!("{sql}: refused as a foreign schema, got {other}"),
        }
        assert!(
            err.to_string().contains(name),
            "the message names it: {err}"
        );
        assert_eq!(
            std::fs::read(&path).expect("bytes"),
            before,
            "{sql}: the file is left byte for byte"
        );
        assert!(
            !dir.path().join("r.jalon-wal").exists()
                || std::fs::metadata(dir.path().join("r.jalon-wal"))
                    .map(|m| m.len())
                    .unwrap_or(0)
                    == 0,
            "nothing was written beside it"
        );
    }
}

#[test]
fn a_changed_constraint_is_refused_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = report(dir.path());
    // The axis table rebuilt under its own name, without the CHECK on its number.
    plant(
        &path,
        "PRAGMA foreign_keys = OFF;
         CREATE TABLE axis_2 (
             id       INTEGER PRIMARY KEY,
             number   INTEGER NOT NULL UNIQUE,
             title    TEXT NOT NULL CHECK (length(trim(title)) > 0),
             position INTEGER NOT NULL
         ) STRICT;
         INSERT INTO axis_2 SELECT * FROM axis;
         DROP TABLE axis;
         ALTER TABLE axis_2 RENAME TO axis;",
    );
    let before = std::fs::read(&path).expect("bytes");
    let err = Store::open(&path).expect_err("refused");
    let jalon_store::Error::Core(Error::ForeignSchema { objects, .. }) = &err else {
        panic!("a foreign schema, got {err}");
    };
    assert!(
        objects
            .iter()
            .any(|d| d.name == "axis" && d.kind == DifferenceKind::Changed),
        "{objects:?}"
    );
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
}

#[test]
fn a_page_without_a_figure_keeps_the_reports_value_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = report(dir.path());
    let mut s = Store::open(&path).expect("open");
    let known: Vec<(String, u32)> = s
        .report()
        .expect("report")
        .objectives()
        .map(|(_, _, o)| (o.reference().to_string(), o.fields.progress))
        .collect();
    assert!(known.iter().any(|(_, p)| *p != 0 && *p != 100), "{known:?}");
    // The summary part alone gives statuses and texts, but no objective's progress.
    let out = import_page(&mut s, &crate::import::summary_only()).expect("merge");
    let after: Vec<(String, u32)> = s
        .report()
        .expect("report")
        .objectives()
        .map(|(_, _, o)| (o.reference().to_string(), o.fields.progress))
        .collect();
    assert_eq!(after, known, "no known progress replaced by a guess");
    let kept: Vec<&Finding> = out
        .warnings
        .iter()
        .filter(|w| w.code() == CheckCode::Kept)
        .map(|w| &w.finding)
        .collect();
    assert_eq!(kept.len(), known.len(), "one warning per kept figure");
    assert!(
        out.warnings.iter().all(|w| w.code() != CheckCode::Assumed),
        "nothing assumed over a known value"
    );
    assert!(
        out.warnings[0].to_string().contains("the report's"),
        "{}",
        out.warnings[0]
    );
}

#[test]
fn a_windows_1252_page_reads_as_the_same_page_in_utf8() {
    // Windows-1252 has the no-break space but not the narrow one.
    let text = fixture("fr-full.txt").replace('\u{202f}', "\u{a0}");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable, "the French page fits Windows-1252");
    assert_ne!(
        bytes.as_ref(),
        text.as_bytes(),
        "the test page is not plain ASCII"
    );
    let decoded = jalon_page::decode(&bytes).expect("decoded");
    assert_eq!(
        jalon_page::parse_page(&decoded).expect("parses").report,
        jalon_page::parse_page(&text).expect("parses").report
    );
}

#[test]
fn a_second_writer_is_noticed_and_nothing_is_written_over_what_was_not_seen() {
    use jalon_store::Session;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = report(dir.path());
    let mut a = Session::new(Store::open(&path).expect("a")).expect("session a");
    let mut b = Session::new(Store::open(&path).expect("b")).expect("session b");
    let first = |s: &Session| {
        s.report()
            .objectives()
            .next()
            .map(|(_, _, o)| o.clone())
            .expect("o")
    };
    let o = first(&a);
    let mut fields = o.fields.clone();
    fields.progress = if fields.progress == 7 { 8 } else { 7 };
    a.update_objective(o.id, &fields).expect("a saves");

    let mut theirs = first(&b).fields;
    theirs.title = "B's title".into();
    let err = b
        .update_objective(o.id, &theirs)
        .expect_err("b has not seen a's save");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::ChangedElsewhere)),
        "{err}"
    );
    assert_eq!(
        first(&b).fields.progress,
        fields.progress,
        "b now shows a's save"
    );
    assert!(!b.can_undo(), "b's undo history no longer matches the file");

    // Having seen it, b can save; then a is the one that has not seen the file.
    let mut theirs = first(&b).fields;
    theirs.title = "B's title".into();
    b.update_objective(o.id, &theirs)
        .expect("b saves after reading again");
    let err = a
        .edit(|s| s.add_axis(None, "New"))
        .expect_err("a has not seen b's save");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::ChangedElsewhere)),
        "{err}"
    );
    assert_eq!(first(&a).fields.title, "B's title");
    let on_disk = Store::open(&path).expect("open").report().expect("report");
    assert_eq!(
        on_disk.objectives().next().expect("o").2.fields.title,
        "B's title"
    );
    assert_eq!(
        on_disk.axes.len(),
        a.report().axes.len(),
        "a's refused change wrote nothing"
    );
}

#[test]
fn on_a_shared_drive_a_report_uses_a_rollback_journal_and_keeps_others_out_while_open() {
    use jalon_store::Drive;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = report(dir.path());
    let shared = Store::open_on(&path, Drive::Shared).expect("open on a shared drive");
    let other = Connection::open(&path).expect("another program");
    other
        .busy_timeout(std::time::Duration::ZERO)
        .expect("no waiting");
    let mode: String = shared_mode(&path);
    assert_eq!(mode, "rollback", "no WAL on a shared drive");
    let err = other
        .execute("UPDATE strategy SET title = 'theirs' WHERE id = 1", [])
        .expect_err("the file is locked while the report is open");
    assert!(err.to_string().contains("locked"), "{err}");
    assert!(
        !dir.path().join("r.jalon-wal").exists(),
        "no WAL file beside it"
    );
    drop(shared);
    other
        .execute("UPDATE strategy SET title = 'theirs' WHERE id = 1", [])
        .expect("once the report is closed, another program may write");
}

/// The journal a file's header announces: bytes 18 and 19 are 2 for WAL, 1 for rollback.
fn shared_mode(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).expect("bytes");
    match (bytes[18], bytes[19]) {
        (2, 2) => "wal".into(),
        (1, 1) => "rollback".into(),
        other => format!("{other:?}"),
    }
}

/// The moment between a session's look at the file and its write: a commit made there by
/// another program is caught by the write's own transaction, under the write lock.
#[test]
fn a_commit_between_the_look_and_the_write_is_caught_by_the_write_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = report(dir.path());
    let mut a = Store::open(&path).expect("a");
    let mut b = Store::open(&path).expect("b");
    assert!(
        !a.changed_elsewhere().expect("look"),
        "a has looked, nothing new"
    );
    let mut theirs = b.strategy().expect("strategy");
    theirs.title = "B's title".into();
    b.update_strategy(&theirs).expect("b commits in between");
    let mut mine = a.strategy().expect("strategy");
    mine.title = "A's title".into();
    let err = a
        .update_strategy(&mine)
        .expect_err("a's write sees b's commit");
    assert!(
        matches!(err, jalon_store::Error::Core(Error::ChangedElsewhere)),
        "{err}"
    );
    let on_disk = Store::open(&path)
        .expect("open")
        .strategy()
        .expect("strategy");
    assert_eq!(
        on_disk.title, "B's title",
        "nothing written over b's change"
    );
}

/// What the app does when its window gains focus, and every few seconds.
#[test]
fn a_session_reads_the_file_again_when_another_program_changed_it() {
    use jalon_store::Session;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = report(dir.path());
    let mut a = Session::new(Store::open(&path).expect("a")).expect("session a");
    let mut b = Store::open(&path).expect("b");
    assert!(!a.reread_if_changed().expect("look"), "nothing changed yet");
    let mut theirs = b.strategy().expect("strategy");
    theirs.title = "Changed by the CLI".into();
    b.update_strategy(&theirs).expect("b writes");
    assert!(
        a.reread_if_changed().expect("look"),
        "the change is noticed"
    );
    assert_eq!(a.report().strategy.title, "Changed by the CLI");
    assert!(!a.reread_if_changed().expect("look"), "and noticed once");
    a.edit(|s| s.add_axis(None, "After reading again"))
        .expect("a writes after reading again");
}
