//! jalon-store: a report's file. One report is one SQLite file (extension `.jalon`). `Store`
//! owns its connection: it checks that the file is a Jalon report this version can read (its
//! schema exactly the migrations', never SQL of its own), sets the pragmas, migrates, and does
//! every write in one transaction, so that a failed change leaves the file as it was. The
//! imports that write into a store (`import`: a published page, a JSON document) and the open
//! report with its undo (`session`) live here too.
//!
//! It is not the domain (the model, the roll-up, the checks are jalon-core's, which knows
//! nothing of SQLite) and not a front end: it knows nothing of Tauri or of the terminal.
//!
//! This file is the file's life (open, create, copy); the rest is split by concern:
//! `migrations` (the schema list), `rows` (reading rows strictly into the model),
//! `structure` (axes, actions and objectives added, edited, moved, split), `whole` (the whole
//! report written, restored or merged), `periods` and `history`.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use jalon_core::error::{Error as CoreError, NotReport};

pub use error::{Error, Result};
use jalon_core::model::{Report, Strategy};
pub use session::Session;

mod drive;
mod error;
mod history;
pub mod import;
mod migrations;
mod periods;
mod rounds;
mod rows;
mod schema;
pub mod session;
mod structure;
mod whole;
mod words;

pub use drive::Drive;
pub use history::{HistoryEntry, HistoryPage, Level};
pub use jalon_core::error::{DifferenceKind, SchemaDifference};
pub use migrations::schema_version;
pub use rounds::{Round, RoundWorkbook, WorkbookMarks, WorkbookState};
pub use structure::stored_fields;

use migrations::MIGRATIONS;
use rows::{read_report, read_strategy};

/// Written in the SQLite header so that a Jalon report can be told from any other database:
/// "JLN1" in ASCII.
pub const APPLICATION_ID: i32 = 0x4a4c_4e31;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    migrated: Option<Migrated>,
    /// SQLite's `data_version` when this store last looked: it changes when another
    /// connection (another process) commits to the file, never for this one's own commits.
    seen_version: std::cell::Cell<i64>,
}

/// A file made by an older Jalon, updated when it was opened.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Migrated {
    /// The schema version the file had.
    pub from: i64,
    /// The original file, kept as it was beside the updated one.
    pub backup: String,
}

/// SQLite's quick check, on a connection that could write (only such a connection checks the
/// CHECK constraints). A value that breaks a constraint is named by reading the rows strictly.
fn check_integrity(conn: &Connection, path: &Path) -> Result<()> {
    let damaged = |detail: String| CoreError::NotAReport {
        path: path.into(),
        reason: NotReport::Damaged { detail },
    };
    let ok: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if ok == "ok" {
        return Ok(());
    }
    if ok.starts_with("CHECK constraint failed")
        && let Err(e @ Error::Core(CoreError::BadRow { .. })) = read_report(conn)
    {
        return Err(e);
    }
    Err(damaged(ok).into())
}

/// `path` with `suffix` added to its file name: "r.jalon" → "r.jalon.schema-3.bak".
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Migrates an older file without touching it until the end: a consistent copy is made
/// (`VACUUM INTO`, which takes in a WAL left by a crash), the copy is migrated, the original is
/// kept beside it as `NAME.schema-N.bak` (with its WAL, if it had one), and the migrated copy
/// takes the original's name. A migration that fails removes its copy and leaves the original
/// as it was. The original's connection is closed before the rename: Windows refuses to
/// replace a file that is still open.
fn migrate_into_copy(conn: Connection, path: &Path, version: i64) -> Result<PathBuf> {
    let copy = beside(path, ".migrating");
    let remove = |p: &Path| {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(beside(p, suffix));
        }
    };
    remove(&copy);
    conn.execute("VACUUM INTO ?1", [copy.to_string_lossy().as_ref()])?;
    let migrated = (|| -> Result<()> {
        let mut c = Connection::open(&copy)?;
        harden(&c)?;
        check_integrity(&c, path)?;
        c.pragma_update(None, "foreign_keys", true)?;
        MIGRATIONS.to_latest(&mut c)?;
        Ok(())
    })();
    if let Err(e) = migrated {
        remove(&copy);
        return Err(e);
    }
    drop(conn);
    let held = jalon_core::files::io_error(path);
    let backup = beside(path, &format!(".schema-{version}.bak"));
    std::fs::copy(path, &backup).map_err(&held)?;
    let wal = beside(path, "-wal");
    if wal.exists() {
        std::fs::copy(&wal, beside(&backup, "-wal")).map_err(&held)?;
    }
    // The WAL and shared memory belong to the old content, which the copy now holds.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(beside(path, suffix));
    }
    std::fs::rename(&copy, path).map_err(&held)?;
    Ok(backup)
}

/// Puts a finished file under its own name, refusing (AlreadyExists) to replace a file that
/// appeared there meanwhile, as a rename would not. A hard link does it in one step; where
/// links are refused (FAT and exFAT sticks, some shares), a file created with `create_new`,
/// which refuses the same way, receives a copy.
fn place_new(
    work: &Path,
    path: &Path,
    link: impl Fn(&Path, &Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    match link(work, path) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => copy_new(work, path),
        linked => linked,
    }
}

fn copy_new(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)?;
    let copied = std::fs::File::open(from)
        .and_then(|mut source| std::io::copy(&mut source, &mut out))
        .and_then(|_| out.sync_all());
    if copied.is_err() {
        drop(out);
        let _ = std::fs::remove_file(to);
    }
    copied
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Every connection distrusts the file it opens: defensive mode (no writes to the schema by
/// pragma, no corrupting tricks), `trusted_schema` off (a view or trigger cannot call
/// functions with side effects), and no extension loading (rusqlite's `load_extension` feature
/// is not enabled, so the file cannot ask for one).
fn harden(conn: &Connection) -> Result<()> {
    use rusqlite::config::DbConfig;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    Ok(())
}

impl Store {
    /// Opens an existing report. A missing file, a file that is not a Jalon report, a corrupt
    /// one, or one written by a newer Jalon is refused with a message that says which.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_on(path.as_ref(), Drive::of(path.as_ref()))
    }

    /// Opens a report as it is opened on a drive of this kind (`open` detects it).
    pub fn open_on(path: &Path, drive: Drive) -> Result<Store> {
        if !path.exists() {
            return Err(CoreError::NoSuchFile { path: path.into() }.into());
        }
        let not_a_report = |reason: NotReport| CoreError::NotAReport {
            path: path.into(),
            reason,
        };
        let damaged = |detail: String| not_a_report(NotReport::Damaged { detail });
        let mut header = [0u8; 16];
        let mut file = std::fs::File::open(path)?;
        if file.read_exact(&mut header).is_err() || &header != SQLITE_MAGIC {
            return Err(not_a_report(NotReport::NotSqlite).into());
        }
        // Read-only until the file has passed every check: a refused file is left byte for
        // byte as it was (a read-write connection could even checkpoint a stray WAL into it).
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        harden(&conn)?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| damaged(e.to_string()))?;
        if app_id != APPLICATION_ID {
            return Err(not_a_report(NotReport::OtherProgram).into());
        }
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > schema_version() {
            return Err(CoreError::NewerSchema {
                path: path.into(),
                found: version,
                supported: schema_version(),
            }
            .into());
        }
        // The schema first: a file's own triggers or views must not run, even to be checked.
        let foreign = schema::differences(&conn, version).map_err(|e| damaged(e.to_string()))?;
        if !foreign.is_empty() {
            return Err(CoreError::ForeignSchema {
                path: path.into(),
                objects: foreign,
            }
            .into());
        }
        if version < schema_version() {
            let backup = migrate_into_copy(conn, path, version)?;
            let mut store = Store::open_on(path, drive)?;
            store.migrated = Some(Migrated {
                from: version,
                backup: backup.display().to_string(),
            });
            return Ok(store);
        }
        drop(conn);
        // SQLite checks CHECK constraints only on a connection that could write: the quick
        // check runs on the read-write one, which has written nothing yet.
        let conn = Connection::open(path)?;
        harden(&conn)?;
        check_integrity(&conn, path)?;
        Store::prepare(conn, Some((path.into(), drive)))
    }

    /// The language a report file is written in, read without opening it as a report (no
    /// checks, no migration, no write): what the CLI needs to word an error about the file.
    /// None when it cannot be read.
    pub fn language_of(path: &Path) -> Option<jalon_core::Language> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
        harden(&conn).ok()?;
        let code: String = conn
            .query_row("SELECT language FROM strategy WHERE id = 1", [], |r| {
                r.get(0)
            })
            .ok()?;
        jalon_core::Language::from_code(&code)
    }

    /// A write transaction that holds the file's write lock from its first statement, refused
    /// (`ChangedElsewhere`, nothing written) when another program committed to the file since
    /// this store last read it. The check runs under the lock, so nothing can be committed
    /// between it and the write: there is no window for a second writer.
    pub(crate) fn write_tx(&mut self) -> Result<rusqlite::Transaction<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now: i64 = tx.pragma_query_value(None, "data_version", |r| r.get(0))?;
        if now != self.seen_version.get() {
            // Not marked as seen: the session reads the file again and then marks it.
            return Err(CoreError::ChangedElsewhere.into());
        }
        Ok(tx)
    }

    /// Whether another connection has committed to the file since this store last asked (or
    /// since it opened). Asking marks the change as seen.
    pub fn changed_elsewhere(&self) -> Result<bool> {
        let now: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(self.seen_version.replace(now) != now)
    }

    /// When this version updated the file on opening it: the schema it had, and where the
    /// original is kept.
    pub fn migrated(&self) -> Option<&Migrated> {
        self.migrated.as_ref()
    }

    /// Creates a new, empty report file. Refuses to overwrite an existing file.
    ///
    /// The file is made complete under a working name and only then linked under its own, so
    /// that a crash while creating never leaves a half-made report where one is expected.
    pub fn create(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if path.exists() {
            return Err(CoreError::AlreadyExists { path: path.into() }.into());
        }
        let drive = Drive::of(path);
        let work = beside(path, ".creating");
        let clear = || {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(beside(&work, suffix));
            }
        };
        clear();
        let made = Store::prepare(Connection::open(&work)?, Some((work.clone(), drive)));
        drop(made?);
        let placed = place_new(&work, path, |a, b| std::fs::hard_link(a, b));
        clear();
        if let Err(e) = placed {
            return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
                CoreError::AlreadyExists { path: path.into() }.into()
            } else {
                jalon_core::files::io_error(path)(e).into()
            });
        }
        Store::prepare(Connection::open(path)?, Some((path.into(), drive)))
    }

    pub fn open_or_create(path: impl AsRef<Path>) -> Result<Store> {
        if path.as_ref().exists() {
            Store::open(path)
        } else {
            Store::create(path)
        }
    }

    /// A report that lives in memory only, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, file: Option<(PathBuf, Drive)>) -> Result<Store> {
        harden(&conn)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        match file.as_ref().map(|f| f.1) {
            // WAL keeps readers and the writer apart and makes each commit one append;
            // synchronous=FULL makes an acknowledged edit survive a crash or power cut.
            Some(Drive::Local) => {
                conn.pragma_update_and_check(None, "journal_mode", "wal", |r| {
                    r.get::<_, String>(0)
                })?;
                conn.pragma_update(None, "synchronous", "FULL")?;
            }
            // No WAL on a network drive (see `drive`): a rollback journal, and the file locked
            // for this session alone, taken at once with a first read.
            Some(Drive::Shared) => {
                conn.pragma_update_and_check(None, "journal_mode", "delete", |r| {
                    r.get::<_, String>(0)
                })?;
                conn.pragma_update(None, "synchronous", "FULL")?;
                conn.pragma_update(None, "locking_mode", "exclusive")?;
                conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")?;
            }
            None => {}
        }
        let path = file.map(|f| f.0);
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        MIGRATIONS.to_latest(&mut conn)?;
        let seen = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(Store {
            conn,
            path,
            migrated: None,
            seen_version: std::cell::Cell::new(seen),
        })
    }

    /// How the open file's schema differs from the one the migrations make (empty for a file
    /// Jalon opened: `open` refuses any other). For diagnostics and the benchmark.
    pub fn schema_differences(&self) -> Result<Vec<SchemaDifference>> {
        schema::differences(&self.conn, schema_version())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Writes a clean copy of the report to `dest`, replacing what is there only once the copy
    /// is complete. The open report stays the one being edited.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        let mut tmp = dest.as_os_str().to_owned();
        tmp.push(".partial");
        let tmp = PathBuf::from(tmp);
        let _ = std::fs::remove_file(&tmp);
        self.conn
            .execute("VACUUM INTO ?1", [tmp.to_string_lossy().as_ref()])?;
        std::fs::rename(&tmp, dest)?;
        Ok(())
    }

    // ---- reading ----------------------------------------------------------------------

    pub fn strategy(&self) -> Result<Strategy> {
        read_strategy(&self.conn)
    }

    /// The whole report in display order: three queries, grouped in memory.
    pub fn report(&self) -> Result<Report> {
        read_report(&self.conn)
    }

    // ---- strategy ---------------------------------------------------------------------

    pub fn update_strategy(&mut self, s: &Strategy) -> Result<()> {
        s.validate()?;
        let tx = self.write_tx()?;
        let before = read_strategy(&tx)?;
        whole::write_strategy(&tx, s)?;
        history::record_strategy(&tx, &before, &read_strategy(&tx)?)?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jalon_core::model::{ObjectiveFields, Part, Status};
    use migrations::MIGRATIONS;

    #[test]
    fn the_migration_list_is_valid() {
        MIGRATIONS.validate().expect("migrations validate");
        let mut conn = Connection::open_in_memory().expect("connection");
        MIGRATIONS.to_latest(&mut conn).expect("migrate");
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("user_version");
        assert_eq!(v, schema_version(), "schema_version follows the list");
    }

    #[test]
    fn where_links_are_refused_a_new_report_is_placed_by_a_copy_that_still_refuses_to_replace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let work = dir.path().join("r.jalon.creating");
        std::fs::write(&work, b"whole report").expect("work");
        // FAT and exFAT say "unsupported", some shares "permission denied".
        let refused = |_: &Path, _: &Path| -> std::io::Result<()> {
            Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
        };
        let path = dir.path().join("r.jalon");
        place_new(&work, &path, refused).expect("placed by a copy");
        assert_eq!(std::fs::read(&path).expect("read"), b"whole report");

        let again = place_new(&work, &path, refused).expect_err("a file is there now");
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(
            std::fs::read(&path).expect("read"),
            b"whole report",
            "left as it was"
        );

        let real = place_new(&work, &dir.path().join("linked.jalon"), |a, b| {
            std::fs::hard_link(a, b)
        });
        real.expect("a hard link where the disk allows it");
        let taken = place_new(&work, &path, |a, b| std::fs::hard_link(a, b)).expect_err("taken");
        assert_eq!(
            taken.kind(),
            std::io::ErrorKind::AlreadyExists,
            "no copy over it"
        );
    }

    fn fields(title: &str, progress: u32) -> ObjectiveFields {
        ObjectiveFields {
            title: title.into(),
            status: Status::InProgress,
            progress,
            ..Default::default()
        }
    }

    #[test]
    fn added_levels_come_back_in_order_with_their_fields() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(Some(4), "Axis four").expect("axis");
        let ac = s
            .add_action(ax, Some(14), "Action fourteen")
            .expect("action");
        s.add_objective(ac, Some(30), None, &fields("Thirty", 75))
            .expect("objective 30");
        s.add_objective(ac, None, None, &fields("Thirty-one", 50))
            .expect("objective 31");
        let r = s.report().expect("report");
        let objs = &r.axes[0].actions[0].objectives;
        assert_eq!(
            objs.iter()
                .map(|o| (o.number, o.fields.progress))
                .collect::<Vec<_>>(),
            vec![(30, 75), (31, 50)],
            "numbers and progress kept, in order"
        );
    }

    #[test]
    fn a_duplicate_number_is_refused_as_a_conflict() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(Some(1), "One").expect("axis");
        let err = s.add_axis(Some(1), "Again").expect_err("duplicate axis");
        assert_eq!(err.to_string(), "Axis 1 already exists");
        let ac = s.add_action(ax, Some(3), "A").expect("action");
        s.add_objective(ac, Some(5), None, &fields("x", 0))
            .expect("o5");
        let err = s
            .add_objective(
                ac,
                Some(5),
                Some(Part { index: 1, count: 2 }),
                &fields("y", 0),
            )
            .expect_err("a part beside a whole objective");
        assert!(err.to_string().contains("Objective 5"), "{err}");
    }

    #[test]
    fn a_bad_value_is_refused_and_nothing_changes() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(None, "One").expect("axis");
        let ac = s.add_action(ax, None, "A").expect("action");
        let id = s
            .add_objective(ac, None, None, &fields("x", 10))
            .expect("o");
        let before = s.report().expect("report");
        let err = s
            .update_objective(id, &fields("x", 150))
            .expect_err("150 refused");
        assert!(err.to_string().starts_with("progress:"), "{err}");
        assert_eq!(s.report().expect("report"), before, "report unchanged");
    }

    #[test]
    fn moving_an_objective_to_another_action_puts_it_where_asked() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(None, "One").expect("axis");
        let a1 = s.add_action(ax, None, "A").expect("a1");
        let a2 = s.add_action(ax, None, "B").expect("a2");
        let o1 = s
            .add_objective(a1, None, None, &fields("o1", 1))
            .expect("o1");
        s.add_objective(a2, None, None, &fields("o2", 2))
            .expect("o2");
        s.add_objective(a2, None, None, &fields("o3", 3))
            .expect("o3");
        s.move_objective(o1, a2, 1).expect("move");
        let r = s.report().expect("report");
        assert!(r.axes[0].actions[0].objectives.is_empty(), "left action 1");
        let titles: Vec<_> = r.axes[0].actions[1]
            .objectives
            .iter()
            .map(|o| o.fields.title.as_str())
            .collect();
        assert_eq!(titles, vec!["o2", "o1", "o3"]);
    }

    #[test]
    fn restore_puts_back_the_same_ids_and_content() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(None, "A").expect("axis");
        let ac = s.add_action(ax, None, "B").expect("action");
        s.add_objective(ac, None, None, &fields("o1", 10))
            .expect("o1");
        let o2 = s
            .add_objective(ac, None, None, &fields("o2", 20))
            .expect("o2");
        let before = s.report().expect("report");
        s.delete_objective(o2).expect("delete");
        s.add_axis(None, "C").expect("another axis");
        let marks = s.workbook_marks().expect("marks");
        s.restore(&before, &marks).expect("restore");
        assert_eq!(
            s.report().expect("report"),
            before,
            "identical, ids included"
        );
    }

    #[test]
    fn splitting_an_objective_adds_parts_right_after_it() {
        let mut s = Store::open_in_memory().expect("store");
        let ax = s.add_axis(None, "A").expect("axis");
        let ac = s.add_action(ax, None, "B").expect("action");
        let o1 = s
            .add_objective(ac, Some(7), None, &fields("seven", 40))
            .expect("o1");
        s.add_objective(ac, Some(8), None, &fields("eight", 0))
            .expect("o2");
        s.split_objective(o1, 3).expect("split");
        let r = s.report().expect("report");
        let got: Vec<_> = r.axes[0].actions[0]
            .objectives
            .iter()
            .map(|o| {
                (
                    o.number,
                    o.part.map(|p| (p.index, p.count)),
                    o.fields.progress,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (7, Some((1, 3)), 40),
                (7, Some((2, 3)), 0),
                (7, Some((3, 3)), 0),
                (8, None, 0)
            ]
        );
        assert!(s.split_objective(o1, 2).is_err(), "already in parts");
    }

    #[test]
    fn reordering_axes_and_deleting_cascades() {
        let mut s = Store::open_in_memory().expect("store");
        let a = s.add_axis(None, "A").expect("a");
        let b = s.add_axis(None, "B").expect("b");
        let c = s.add_axis(None, "C").expect("c");
        s.move_axis(c, 0).expect("move");
        let r = s.report().expect("report");
        let order: Vec<_> = r.axes.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(order, vec!["C", "A", "B"]);
        let ac = s.add_action(b, None, "x").expect("action");
        s.add_objective(ac, None, None, &fields("o", 1)).expect("o");
        s.delete_axis(b).expect("delete");
        let r = s.report().expect("report");
        assert_eq!(r.axes.len(), 2);
        assert_eq!(r.objectives().count(), 0, "objectives went with their axis");
        assert!(matches!(
            s.delete_axis(b),
            Err(Error::Core(CoreError::UnknownId { kind: "axis", .. }))
        ));
        let _ = a;
    }
}
