//! The contributor round through the real binary, as a lead would fill a workbook: with
//! openpyxl (PyPI), which setup installs.

use std::path::Path;

use super::{cli, repo, s, stderr};

/// Fills cells of a workbook's objectives sheet with openpyxl: `cells` as "K2=95;M2=text".
fn fill(workbook: &Path, cells: &str) {
    let py = std::process::Command::new("python3")
        .args([
            "-c",
            r#"
import sys, openpyxl
path, cells = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
ws = wb["Objectives"]
for item in cells.split(";"):
    ref, value = item.split("=", 1)
    ws[ref] = int(value) if value.lstrip("-").isdigit() else ("=" + value[1:] if value.startswith("!") else value)
wb.save(path)
"#,
            s(workbook),
            cells,
        ])
        .output()
        .expect("python3");
    assert!(
        py.status.success(),
        "openpyxl: {}",
        String::from_utf8_lossy(&py.stderr)
    );
}

fn demo(dir: &Path, name: &str) -> std::path::PathBuf {
    let db = dir.join(name);
    let o = cli(&[
        "import-json",
        s(&repo("assets/demo/demo-report.json")),
        "--db",
        s(&db),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

#[test]
fn a_filled_workbook_is_reviewed_then_accepted_once_and_bad_ones_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path(), "r.jalon");
    let out = dir.path().join("round");
    let o = cli(&[
        "round",
        "start",
        "--db",
        s(&db),
        "--out",
        s(&out),
        "--due",
        "2026-06-15",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let book = out.join("Equipment unit.xlsx");
    assert!(
        book.exists(),
        "{:?}",
        std::fs::read_dir(&out).unwrap().collect::<Vec<_>>()
    );

    // Bad cells are refused by name, and the report stays byte for byte.
    for (cells, cell) in [
        ("K2=150", "Objectives!K2"),
        ("J2=Finished", "Objectives!J2"),
        ("M2=!1+1", "Objectives!M2"),
        ("E9=A new objective", "Objectives!E9"),
    ] {
        let copy = dir.path().join("bad.xlsx");
        std::fs::copy(&book, &copy).expect("copy");
        fill(&copy, cells);
        let before = std::fs::read(&db).expect("report");
        let o = cli(&["round", "import", s(&copy), "--db", s(&db), "--accept-all"]);
        assert!(!o.status.success(), "{cells}");
        assert!(stderr(&o).contains(cell), "{cells}: {}", stderr(&o));
        assert_eq!(std::fs::read(&db).expect("report"), before, "{cells}");
    }

    fill(&book, "K2=95;M2=Measure the bandwidth in every class.");
    let o = cli(&["round", "import", s(&book), "--db", s(&db)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(listed.contains("Progress (%): 100% -> 95%"), "{listed}");
    assert!(listed.contains("2 proposals, 0 conflicts"), "{listed}");
    // Listing changes nothing, and the round was due on 15 June: the workbook is overdue.
    let status = cli(&["round", "status", "--db", s(&db)]);
    let listed_status = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(
        listed_status
            .lines()
            .any(|l| l.contains("Equipment unit") && l.contains("overdue")),
        "{listed_status}{}",
        stderr(&status)
    );
    let o = cli(&["round", "import", s(&book), "--db", s(&db), "--accept-all"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 objectives updated, 0 conflicts"),
        "{}",
        stderr(&o)
    );
    let o = cli(&["round", "import", s(&book), "--db", s(&db), "--accept-all"]);
    assert!(
        stderr(&o).contains("0 objectives updated"),
        "imported again, nothing doubles: {}",
        stderr(&o)
    );
    let status = cli(&["round", "status", "--db", s(&db)]);
    let status = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(status.contains("imported"), "{status}");
    assert!(status.contains("due 2026-06-15"), "{status}");
    // The history keeps who proposed what.
    let history = cli(&["history", "--db", s(&db), "--objective", "2"]);
    let history = String::from_utf8_lossy(&history.stdout).into_owned();
    assert!(
        history
            .lines()
            .any(|l| l.contains("progress: 100% → 95%") && l.contains("Equipment unit]")),
        "{history}"
    );

    // A workbook of this round is nothing to another report.
    let other = demo(dir.path(), "other.jalon");
    let o = cli(&["round", "import", s(&book), "--db", s(&other)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("made for another report"),
        "{}",
        stderr(&o)
    );

    // A report already at 95 when a new round issues; the earlier round's workbook saying
    // something else for the same field is a conflict: listed, never applied by --accept-all.
    let again = dir.path().join("again");
    let o = cli(&[
        "round",
        "start",
        "--db",
        s(&db),
        "--out",
        s(&again),
        "--lead",
        "Equipment unit",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let second = again.join("Equipment unit.xlsx");
    fill(&second, "K2=80");
    let o = cli(&[
        "round",
        "import",
        s(&second),
        "--db",
        s(&db),
        "--accept-all",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let old = dir.path().join("old.xlsx");
    std::fs::copy(out.join("Equipment unit.xlsx"), &old).expect("copy");
    fill(&old, "K2=70");
    let o = cli(&["round", "import", s(&old), "--db", s(&db), "--accept-all"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        listed.contains("CONFLICT, issued 100%, the lead proposes 70%, the report now holds 80%"),
        "{listed}"
    );
    assert!(stderr(&o).contains("1 conflicts left"), "{}", stderr(&o));
    let history = cli(&["history", "--db", s(&db), "--objective", "2"]);
    let history = String::from_utf8_lossy(&history.stdout).into_owned();
    assert!(
        !history.contains("→ 70%"),
        "a conflict is never applied: {history}"
    );

    // A round for no lead of the report writes nothing and says so.
    let o = cli(&[
        "round",
        "start",
        "--db",
        s(&db),
        "--out",
        s(&again),
        "--lead",
        "Nobody",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no objective has the lead Nobody"),
        "{}",
        stderr(&o)
    );
}
