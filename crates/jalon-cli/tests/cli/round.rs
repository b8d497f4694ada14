//! The contributor round through the real binary, as a lead would fill a workbook: with
//! openpyxl (PyPI), which setup installs.

use std::path::Path;

use super::{cli, demo_report, python, s, stderr};

/// Fills cells of a workbook's objectives sheet with openpyxl: `cells` as "K2=95;M2=text".
fn fill(workbook: &Path, cells: &str) {
    python(
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
        &[s(workbook), cells],
    );
}

/// Runs the CLI and requires success.
fn ok(args: &[&str]) -> std::process::Output {
    let o = cli(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    o
}

#[test]
fn a_filled_workbook_is_reviewed_then_accepted_once_and_bad_ones_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo_report(dir.path(), "r.jalon");
    let out = dir.path().join("round");
    ok(&[
        "round",
        "start",
        "--db",
        s(&db),
        "--out",
        s(&out),
        "--due",
        "2026-06-15",
    ]);
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
    let o = ok(&["round", "import", s(&book), "--db", s(&db)]);
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
    let o = ok(&["round", "import", s(&book), "--db", s(&db), "--accept-all"]);
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
    let other = demo_report(dir.path(), "other.jalon");
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
    ok(&[
        "round",
        "start",
        "--db",
        s(&db),
        "--out",
        s(&again),
        "--lead",
        "Equipment unit",
    ]);
    let second = again.join("Equipment unit.xlsx");
    fill(&second, "K2=80");
    ok(&[
        "round",
        "import",
        s(&second),
        "--db",
        s(&db),
        "--accept-all",
    ]);
    let old = dir.path().join("old.xlsx");
    std::fs::copy(out.join("Equipment unit.xlsx"), &old).expect("copy");
    fill(&old, "K2=70");
    let o = ok(&["round", "import", s(&old), "--db", s(&db), "--accept-all"]);
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

    // A due date that is not one is refused by its field, and nothing is written.
    let before = std::fs::read(&db).expect("report");
    let elsewhere = dir.path().join("not-written");
    let o = cli(&[
        "round",
        "start",
        "--db",
        s(&db),
        "--out",
        s(&elsewhere),
        "--due",
        "15/06/2026",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("due") && stderr(&o).contains("not a date of the form YYYY-MM-DD"),
        "{}",
        stderr(&o)
    );
    assert!(!elsewhere.exists());
    assert_eq!(std::fs::read(&db).expect("report"), before);

    // A round for no lead of the report writes nothing, records nothing, and says so.
    let before = std::fs::read(&db).expect("report");
    let o = cli(&[
        "round",
        "start",
        "--db",
        s(&db),
        "--out",
        s(&elsewhere),
        "--lead",
        "Nobody",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no objective has the lead Nobody"),
        "{}",
        stderr(&o)
    );
    assert!(!elsewhere.exists());
    assert_eq!(std::fs::read(&db).expect("report"), before);
}

/// Starts a round on a fresh demo report; returns (report, the Infrastructure office's
/// workbook).
fn started(dir: &Path, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let db = demo_report(dir, name);
    let out = dir.join(format!("{name}-round"));
    ok(&["round", "start", "--db", s(&db), "--out", s(&out)]);
    (db, out.join("Infrastructure office.xlsx"))
}

#[test]
fn a_workbook_saved_again_by_libreoffice_as_xlsx_or_ods_imports_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, book) = started(dir.path(), "lo.jalon");
    fill(
        &book,
        "J2=Completed;K2=100;L2=Every school is connected.\nThe last rural site opened in May.;N2=Done early",
    );
    let listing = |file: &Path| {
        let o = cli(&["round", "import", s(file), "--db", s(&db)]);
        assert!(o.status.success(), "{}: {}", file.display(), stderr(&o));
        // The listing without its first line, which names the file.
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        out.split_once('\n')
            .map(|(_, rest)| rest.to_string())
            .unwrap_or_default()
    };
    let want = listing(&book);
    assert!(want.contains("Status: In progress -> Completed"), "{want}");
    assert!(want.contains("Progress (%): 70% -> 100%"), "{want}");
    assert!(
        want.contains("“Every school is connected. / The last rural site opened in May.”"),
        "{want}"
    );
    assert!(want.contains("comment: Done early"), "{want}");
    for format in ["xlsx", "ods"] {
        let out = dir.path().join(format!("lo-{format}"));
        // LibreOffice Calc from Debian, headless, with a profile of its own so that a running
        // office does not take the job.
        let profile = format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo-profile").display()
        );
        let o = std::process::Command::new("soffice")
            .args([
                &profile,
                "--headless",
                "--convert-to",
                format,
                "--outdir",
                s(&out),
                s(&book),
            ])
            .output()
            .expect("soffice (LibreOffice Calc): scripts/setup.sh installs it");
        assert!(
            o.status.success(),
            "soffice: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let saved = out.join(format!("Infrastructure office.{format}"));
        assert!(
            saved.exists(),
            "LibreOffice wrote no {format}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        assert_eq!(
            listing(&saved),
            want,
            "saved again by LibreOffice as {format}"
        );
    }
    // The ODS one applies like the original.
    let ods = dir.path().join("lo-ods/Infrastructure office.ods");
    let o = cli(&["round", "import", s(&ods), "--db", s(&db), "--accept-all"]);
    assert!(
        stderr(&o).contains("1 objectives updated"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn damaged_encrypted_oversized_foreign_or_tampered_workbooks_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, book) = started(dir.path(), "bad.jalon");
    fill(&book, "K2=90");
    let refused = |file: &Path, want: &str| {
        let before = std::fs::read(&db).expect("report");
        let o = cli(&["round", "import", s(file), "--db", s(&db), "--accept-all"]);
        assert!(!o.status.success(), "{want}");
        assert!(stderr(&o).contains(want), "{want}: {}", stderr(&o));
        assert_eq!(std::fs::read(&db).expect("report"), before, "{want}");
    };

    // Damaged: the archive cut short.
    let cut = dir.path().join("cut.xlsx");
    let bytes = std::fs::read(&book).expect("book");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    refused(&cut, "cannot be read");

    // Encrypted with a password to open, as Excel does it (msoffcrypto-tool, from PyPI).
    let locked = dir.path().join("locked.xlsx");
    python(
        "import sys\nfrom msoffcrypto.format.ooxml import OOXMLFile\nf = OOXMLFile(open(sys.argv[1], 'rb'))\nwith open(sys.argv[2], 'wb') as out: f.encrypt('secret', out)",
        &[s(&book), s(&locked)],
    );
    refused(&locked, "protected by a password");

    // Larger than the 10 MiB read.
    let big = dir.path().join("big.xlsx");
    std::fs::write(&big, vec![0u8; 11 * 1024 * 1024]).expect("write");
    refused(&big, "more than the 10,485,760 Jalon reads");

    // A small archive that would expand beyond 100 MiB.
    let bomb = dir.path().join("bomb.xlsx");
    python(
        "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n    z.writestr('xl/worksheets/sheet1.xml', b'0' * (101 * 1024 * 1024))",
        &[s(&bomb)],
    );
    assert!(std::fs::metadata(&bomb).expect("bomb").len() < 1024 * 1024);
    refused(&bomb, "would expand to 105,906,176 bytes");

    // An objective id changed in the hidden sheet.
    let tampered = dir.path().join("tampered.xlsx");
    std::fs::copy(&book, &tampered).expect("copy");
    python(
        "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb['jalon']['A5'] = 999999\nwb.save(sys.argv[1])",
        &[s(&tampered)],
    );
    refused(
        &tampered,
        "jalon!A5: this id names no objective of the report",
    );

    // A workbook of a round this report never started: the report copied before the round.
    let copy = dir.path().join("copy.jalon");
    let fresh = demo_report(dir.path(), "fresh.jalon");
    std::fs::copy(&fresh, &copy).expect("copy");
    ok(&[
        "round",
        "start",
        "--db",
        s(&copy),
        "--out",
        s(&dir.path().join("copy-round")),
    ]);
    let before = std::fs::read(&fresh).expect("report");
    let other = dir.path().join("copy-round/Infrastructure office.xlsx");
    let o = cli(&["round", "import", s(&other), "--db", s(&fresh)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("belongs to no round of this report"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&fresh).expect("report"), before);

    // After all that, the good workbook still applies.
    let o = cli(&["round", "import", s(&book), "--db", s(&db), "--accept-all"]);
    assert!(
        stderr(&o).contains("1 objectives updated"),
        "{}",
        stderr(&o)
    );
}

/// The demo report in `dir` with a round started, due far ahead: the report and the round's
/// folder of workbooks.
fn demo_with_round(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let db = demo_report(dir, "r.jalon");
    let out = dir.join("round");
    ok(&[
        "round",
        "start",
        "--db",
        s(&db),
        "--out",
        s(&out),
        "--due",
        "2999-06-15",
    ]);
    (db, out)
}

/// A report moved through JSON (a new machine, a repaired file) keeps its identity and its
/// rounds: export, import into a new file, export again gives the same document, and a
/// workbook sent before the move is accepted after it; its change then names its workbook.
#[test]
fn a_round_survives_a_move_through_json_and_its_workbooks_are_still_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, out) = demo_with_round(dir.path());
    let first = out.join("Equipment unit.xlsx");
    fill(&first, "K2=95");
    ok(&["round", "import", s(&first), "--db", s(&db), "--accept-all"]);
    // A second lead's workbook, sent before the move and not back yet.
    let second = std::fs::read_dir(&out)
        .expect("round folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p != &first && p.extension().is_some_and(|x| x == "xlsx"))
        .expect("a second workbook");

    let json = dir.path().join("moved.json");
    ok(&["export-json", "--db", s(&db), "--out", s(&json)]);
    let text = std::fs::read_to_string(&json).expect("json");
    assert!(text.contains("\"format\": \"jalon/5\""), "{}", &text[..80]);
    let moved = dir.path().join("moved.jalon");
    ok(&["import-json", s(&json), "--db", s(&moved)]);
    let again = dir.path().join("again.json");
    ok(&["export-json", "--db", s(&moved), "--out", s(&again)]);
    assert_eq!(
        std::fs::read_to_string(&again).expect("json"),
        text,
        "export, import, export: the same document"
    );

    let status =
        String::from_utf8_lossy(&ok(&["round", "status", "--db", s(&moved)]).stdout).into_owned();
    assert!(status.contains("imported"), "{status}");
    fill(&second, "K2=40");
    let o = ok(&[
        "round",
        "import",
        s(&second),
        "--db",
        s(&moved),
        "--accept-all",
    ]);
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(listed.contains("Progress (%): 70% -> 40%"), "{listed}");
    let status =
        String::from_utf8_lossy(&ok(&["round", "status", "--db", s(&moved)]).stdout).into_owned();
    assert_eq!(
        status.matches("imported").count(),
        2,
        "both workbooks in: {status}"
    );
    // The first workbook was imported before the move: nothing doubles.
    let o = ok(&[
        "round",
        "import",
        s(&first),
        "--db",
        s(&moved),
        "--accept-all",
    ]);
    assert!(
        stderr(&o).contains("0 objectives updated"),
        "{}",
        stderr(&o)
    );
    // The history, moved too, still says which workbook a change came from.
    let history = cli(&["history", "--db", s(&moved), "--objective", "2"]);
    let history = String::from_utf8_lossy(&history.stdout).into_owned();
    assert!(
        history
            .lines()
            .any(|l| l.contains("progress: 100% → 95%") && l.contains("Equipment unit]")),
        "{history}"
    );
}

/// A document whose rounds are not well-formed is refused, naming the field, and writes
/// nothing.
#[test]
fn a_document_with_a_malformed_round_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, _) = demo_with_round(dir.path());
    let json = dir.path().join("r.json");
    ok(&["export-json", "--db", s(&db), "--out", s(&json)]);
    let text = std::fs::read_to_string(&json).expect("json");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let round = doc["rounds"][0]["id"]
        .as_str()
        .expect("a round id")
        .to_string();
    for (bad, says) in [
        (text.replacen(&round, "not-an-id", 1), "rounds[0].id"),
        (
            text.replacen("\"state\": \"issued\"", "\"state\": \"imported\"", 1),
            "rounds[0].workbooks[0].returned_sha256",
        ),
        (
            text.replacen(
                &format!(
                    "\"period\": \"{}\"",
                    doc["rounds"][0]["period"].as_str().unwrap()
                ),
                "\"period\": \"1999-Q9\"",
                1,
            ),
            "1999-Q9",
        ),
    ] {
        assert_ne!(bad, text);
        let file = dir.path().join("bad.json");
        std::fs::write(&file, &bad).expect("write");
        let target = dir.path().join("target.jalon");
        let o = cli(&["import-json", s(&file), "--db", s(&target)]);
        assert!(!o.status.success(), "{says}");
        assert!(stderr(&o).contains(says), "{says}: {}", stderr(&o));
        assert!(!target.exists(), "{says}: a failed import makes no file");
    }
}
