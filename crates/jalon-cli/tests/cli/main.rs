//! The CLI through its real binary, on real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jalon-cli"))
        .args(args)
        .output()
        .expect("run jalon-cli")
}

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn summary_json(db: &Path) -> serde_json::Value {
    let out = cli(&["summary", "--db", s(db), "--json"]);
    assert!(out.status.success(), "summary: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("summary is JSON")
}

/// A report made from the demo's JSON document, at `dir/name`.
fn demo_report(dir: &Path, name: &str) -> PathBuf {
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

/// Runs a Python snippet with `args` (the readers and writers from PyPI that setup installs:
/// openpyxl, python-pptx, odfpy, msoffcrypto-tool), requiring success; returns its output.
fn python(code: &str, args: &[&str]) -> Output {
    let o = Command::new("python3")
        .arg("-c")
        .arg(code)
        .args(args)
        .output()
        .expect("python3");
    assert!(
        o.status.success(),
        "python: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The published-page fixture most tests import.
const FULL_PAGE: &str = "tests/fixtures/pages/en-full.txt";

/// A report made by importing the full fixture page, in a fresh folder kept alive by the
/// returned guard.
fn imported_report() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.jalon");
    let out = cli(&["import-page", s(&repo(FULL_PAGE)), "--db", s(&db)]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, db)
}

#[test]
fn import_page_creates_the_report_and_summary_shows_the_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.jalon");
    let page = repo(FULL_PAGE);
    let out = cli(&["import-page", s(&page), "--db", s(&db)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: Action 6: the published page shows 20%, computed 23%"),
        "warnings go to stderr: {}",
        stderr(&out)
    );
    let json = summary_json(&db);
    let actions: Vec<(u64, u64)> = json["axes"][0]["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| {
            (
                a["number"].as_u64().expect("n"),
                a["progress"].as_u64().expect("p"),
            )
        })
        .collect();
    assert_eq!(actions, vec![(5, 55), (6, 23)]);
    let o = &json["axes"][0]["actions"][0]["objectives"][1];
    assert_eq!(o["number"], 12);
    assert_eq!(o["part"], 1);
    assert_eq!(o["parts"], 2);
    assert_eq!(o["status"], "completed");
    assert_eq!(
        json["axes"][0]["actions"][0]["objectives"][0]["part"],
        serde_json::Value::Null
    );
    let text = cli(&["summary", "--db", s(&db)]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Action 5: Open the main registers  55%"),
        "{text}"
    );
}

#[test]
fn a_bad_page_exits_non_zero_names_the_line_and_leaves_the_report_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.jalon");
    let good = repo(FULL_PAGE);
    assert!(
        cli(&["import-page", s(&good), "--db", s(&db)])
            .status
            .success()
    );
    let before = std::fs::read(&db).expect("read");
    let text = std::fs::read_to_string(&good).expect("page");
    for (bad, expect) in [
        (
            text.replacen("Progress : 45%", "Progress : 150%", 1),
            "expected a progress from 0% to 100%, found \"150%\"",
        ),
        (
            text.replacen("Not started", "Paused", 1),
            "expected a status",
        ),
        (text.replacen("CONTEXT", "CONTEX", 1), "expected CONTEXT"),
    ] {
        let page = dir.path().join("bad.txt");
        std::fs::write(&page, &bad).expect("write");
        let out = cli(&["import-page", s(&page), "--db", s(&db)]);
        assert!(!out.status.success(), "non-zero exit");
        let err = stderr(&out);
        assert!(err.starts_with("error: line "), "names the line: {err}");
        assert!(err.contains(expect), "{err}");
        assert_eq!(
            std::fs::read(&db).expect("read"),
            before,
            "report unchanged"
        );
    }
}

#[test]
fn a_failed_first_import_leaves_no_report_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("new.jalon");
    let page = dir.path().join("bad.txt");
    std::fs::write(&page, "nothing structured here\n").expect("write");
    let out = cli(&["import-page", s(&page), "--db", s(&db)]);
    assert!(!out.status.success());
    assert!(!db.exists(), "no empty report left behind");
}

#[test]
fn json_round_trip_through_the_cli_is_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db1 = dir.path().join("a.jalon");
    let db2 = dir.path().join("b.jalon");
    let demo = repo("assets/demo/demo-report.json");
    let j1 = dir.path().join("a.json");
    let j2 = dir.path().join("b.json");
    assert!(
        cli(&["import-json", s(&demo), "--db", s(&db1)])
            .status
            .success()
    );
    assert!(
        cli(&["export-json", "--db", s(&db1), "--out", s(&j1)])
            .status
            .success()
    );
    assert!(
        cli(&["import-json", s(&j1), "--db", s(&db2)])
            .status
            .success()
    );
    assert!(
        cli(&["export-json", "--db", s(&db2), "--out", s(&j2)])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&j1).expect("a"),
        std::fs::read(&j2).expect("b"),
        "byte-identical"
    );
}

#[test]
fn a_bad_json_value_is_refused_with_its_field_and_the_report_is_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.jalon");
    let demo = repo("assets/demo/demo-report.json");
    assert!(
        cli(&["import-json", s(&demo), "--db", s(&db)])
            .status
            .success()
    );
    let before = std::fs::read(&db).expect("read");
    let bad = std::fs::read_to_string(&demo).expect("demo").replacen(
        "\"progress\": 75",
        "\"progress\": 150",
        1,
    );
    let file = dir.path().join("bad.json");
    std::fs::write(&file, bad).expect("write");
    let out = cli(&["import-json", s(&file), "--db", s(&db)]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "error: Objective 30: progress: must be a whole percent from 0 to 100, got 150"
    );
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "report unchanged"
    );
}

#[test]
fn check_lists_warnings_and_trace_explains_a_percentage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.jalon");
    let demo = repo("assets/demo/demo-report.json");
    assert!(
        cli(&["import-json", s(&demo), "--db", s(&db)])
            .status
            .success()
    );
    let out = cli(&["check", "--db", s(&db), "--json"]);
    assert!(out.status.success());
    let warnings: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(warnings[0]["code"], "in_progress_without_next_steps");
    assert_eq!(warnings[0]["objective"]["number"], 4);
    let out = cli(&["trace", "action:14", "--db", s(&db)]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "Action 14: mean of 75, 50, 100, 60, 100, 5 = 390 / 6 = 65"
    );
    let out = cli(&["trace", "action:99", "--db", s(&db)]);
    assert!(!out.status.success(), "unknown action refused");
}

#[test]
fn opening_something_that_is_not_a_report_fails_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.jalon");
    let out = cli(&["summary", "--db", s(&missing)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no such report file"),
        "{}",
        stderr(&out)
    );
    let text = dir.path().join("notes.jalon");
    std::fs::write(&text, "hello").expect("write");
    let out = cli(&["summary", "--db", s(&text)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not a Jalon report"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn generate_writes_a_report_of_the_asked_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("big.jalon");
    let out = cli(&["generate", "--objectives", "250", "--db", s(&db)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = summary_json(&db);
    assert_eq!(json["strategy"]["objective_count"], 250);
    let out = cli(&["generate", "--objectives", "10", "--db", s(&db)]);
    assert!(!out.status.success(), "an existing file is not overwritten");
}

#[test]
fn charts_writes_the_scope_pack_in_the_requested_size_and_language() {
    let (dir, db) = imported_report();
    let out_dir = dir.path().join("charts");
    let out = cli(&[
        "charts",
        "--db",
        s(&db),
        "--out",
        s(&out_dir),
        "--format",
        "both",
        "--size",
        "1280x720",
        "--scope",
        "axis:2",
        "--lang",
        "fr",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "axis-2-actions.png",
            "axis-2-actions.svg",
            "axis-2-actions.txt",
            "status-axis-2.png",
            "status-axis-2.svg",
            "status-axis-2.txt",
            "trend-axis-2.png",
            "trend-axis-2.svg",
            "trend-axis-2.txt",
        ]
    );
    let png = std::fs::read(out_dir.join("axis-2-actions.png")).expect("png");
    // Width and height sit at bytes 16..24 of the IHDR chunk.
    let dims = (
        u32::from_be_bytes(png[16..20].try_into().expect("w")),
        u32::from_be_bytes(png[20..24].try_into().expect("h")),
    );
    assert_eq!(dims, (1280, 720));
    let svg = std::fs::read_to_string(out_dir.join("axis-2-actions.svg")).expect("svg");
    assert!(
        svg.contains("Axe 2\u{a0}: avancement par action"),
        "French title"
    );
    for (n, p) in [(5, 55), (6, 23)] {
        assert!(svg.contains(&format!("Action {n}")) && svg.contains(&format!("{p}\u{a0}%")));
    }
}

#[test]
fn charts_without_a_scope_writes_every_scope_and_refuses_bad_arguments() {
    let (dir, db) = imported_report();
    let out_dir = dir.path().join("all");
    let out = cli(&[
        "charts",
        "--db",
        s(&db),
        "--out",
        s(&out_dir),
        "--format",
        "svg",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in [
        "strategy-axes.svg",
        "status-strategy.svg",
        "trend-strategy.svg",
        "action-5-objectives.svg",
        "trend-action-6.svg",
    ] {
        assert!(out_dir.join(name).exists(), "{name}");
    }
    assert!(
        !out_dir.join("strategy-axes.txt").exists(),
        "an SVG carries its own alt text"
    );

    let bad = cli(&[
        "charts",
        "--db",
        s(&db),
        "--out",
        s(&out_dir),
        "--size",
        "big",
    ]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("unknown size \"big\""),
        "{}",
        stderr(&bad)
    );
    let bad = cli(&[
        "charts",
        "--db",
        s(&db),
        "--out",
        s(&out_dir),
        "--scope",
        "axis:9",
    ]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("no axis 9"), "{}", stderr(&bad));
}

#[test]
fn periods_close_stops_on_checks_unless_forced_then_list_and_compare_show_the_quarters() {
    let (dir, db) = imported_report();
    let page = repo(FULL_PAGE);
    let out = cli(&["periods", "close", "--db", s(&db)]);
    assert!(!out.status.success(), "the page has no period label yet");
    assert!(
        stderr(&out).contains("not named like 2026-Q1"),
        "{}",
        stderr(&out)
    );

    // Name the open period through a JSON round trip, as a user would with the app.
    let json = dir.path().join("r.json");
    assert!(
        cli(&["export-json", "--db", s(&db), "--out", s(&json)])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&json).expect("json");
    let mut doc: serde_json::Value = serde_json::from_str(&text).expect("doc");
    doc["strategy"]["reporting_period"] = "2026-Q1".into();
    doc["strategy"]["as_of"] = "2026-03-31".into();
    std::fs::write(&json, doc.to_string()).expect("write");
    assert!(
        cli(&["import-json", s(&json), "--db", s(&db)])
            .status
            .success()
    );

    let out = cli(&["periods", "close", "--db", s(&db)]);
    assert!(
        out.status.success(),
        "nothing to check in a first period: {}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("closed 2026-Q1; 2026-Q2 is open (as of 2026-06-30)"));

    // Nothing was updated since: every objective in progress has the same texts.
    let before = std::fs::read(&db).expect("bytes");
    let out = cli(&["periods", "close", "--db", s(&db)]);
    assert!(!out.status.success(), "checks stop the closing");
    assert!(
        stderr(&out).contains("check: Objective 11: achievement and next steps unchanged"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&db).expect("bytes"), before, "nothing closed");

    let out = cli(&["periods", "list", "--db", s(&db), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let states: Vec<(&str, &str)> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|p| {
            (
                p["label"].as_str().expect("l"),
                p["state"].as_str().expect("s"),
            )
        })
        .collect();
    assert_eq!(states, vec![("2026-Q1", "closed"), ("2026-Q2", "open")]);

    // An earlier edition of the page, loaded as history, then compared with the closed one.
    let earlier = dir.path().join("earlier.txt");
    let text = std::fs::read_to_string(&page).expect("page").replacen(
        "Progress : 30%",
        "Progress : 10%",
        1,
    );
    std::fs::write(&earlier, text).expect("write");
    let out = cli(&[
        "import-page",
        s(&earlier),
        "--db",
        s(&db),
        "--period",
        "2025-Q4",
        "--as-of",
        "2025-12-31",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = cli(&[
        "periods",
        "compare",
        "--db",
        s(&db),
        "--from",
        "2025-Q4",
        "--to",
        "2026-Q1",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("2025-Q4 → 2026-Q1\n"), "{text}");
    assert!(text.contains("Objective 11: 10% → 30% (+20)"), "{text}");
    assert!(
        text.contains("Action 5: 48% → 55% (+7)"),
        "(10+100+35)/3 = 48.3 → 48: {text}"
    );

    let out = cli(&["periods", "compare", "--db", s(&db), "--from", "1999-Q1"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no period labelled \"1999-Q1\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn history_lists_every_change_and_filters_by_objective_and_period() {
    let (dir, db) = imported_report();
    let page = repo(FULL_PAGE);
    // A later edition of the page: Objective 11 moves on, and one of its words changes.
    let text = std::fs::read_to_string(&page).expect("page");
    assert!(
        text.contains("Progress : 30%"),
        "the fixture has Objective 11 at 30%"
    );
    let later = dir.path().join("later.txt");
    std::fs::write(&later, text.replacen("Progress : 30%", "Progress : 45%", 1)).expect("write");
    assert!(
        cli(&["import-page", s(&later), "--db", s(&db)])
            .status
            .success()
    );

    let out = cli(&["history", "--db", s(&db)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("Objective 11  added to Action 5")),
        "{text}"
    );
    assert!(
        lines
            .last()
            .is_some_and(|l| l.ends_with("Objective 11  progress: 30% → 45%")),
        "the merge is the newest change, last: {text}"
    );

    let out = cli(&["history", "--db", s(&db), "--objective", "11", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let entries: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let fields: Vec<&str> = entries
        .as_array()
        .expect("array")
        .iter()
        .map(|e| {
            // A typed change: a field edit names its field, a change of structure its kind.
            let c = &e["change"];
            c["field"]
                .as_str()
                .or(c["kind"].as_str())
                .expect("field or kind")
        })
        .collect();
    assert_eq!(fields, vec!["added", "progress"]);

    let out = cli(&["history", "--db", s(&db), "--period", "1999-Q1"]);
    assert!(!out.status.success(), "an unknown period is an error");
    assert!(
        stderr(&out).contains("no period labelled \"1999-Q1\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn details_names_the_open_period_so_that_periods_close_works_on_a_page_import() {
    let (_dir, db) = imported_report();
    let before = std::fs::read(&db).expect("bytes");
    for (args, field) in [
        (vec!["--as-of", "31/03/2026"], "as_of"),
        (vec!["--title", "  "], "title"),
    ] {
        let mut all = vec!["details", "--db", s(&db)];
        all.extend(args.iter().copied());
        let out = cli(&all);
        assert!(!out.status.success(), "{args:?} is refused");
        assert!(
            stderr(&out).contains(field),
            "the message names the field {field}: {}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read(&db).expect("bytes"),
            before,
            "a refused value leaves the file byte for byte unchanged"
        );
    }
    let out = cli(&["details", "--db", s(&db), "--language", "xx"]);
    assert!(!out.status.success(), "an unknown language is refused");
    assert_eq!(std::fs::read(&db).expect("bytes"), before);

    let out = cli(&[
        "details",
        "--db",
        s(&db),
        "--reporting-period",
        "2026-Q1",
        "--as-of",
        "2026-03-31",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        shown.contains("reporting period\t2026-Q1") && shown.contains("as of\t2026-03-31"),
        "details prints what it kept: {shown}"
    );
    let json = summary_json(&db);
    assert_eq!(json["strategy"]["reporting_period"], "2026-Q1");
    let out = cli(&["details", "--db", s(&db), "--json"]);
    let kept: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON details");
    assert_eq!(kept["as_of"], "2026-03-31", "the other field was kept too");

    let out = cli(&[
        "periods",
        "close",
        "--db",
        s(&db),
        "--next",
        "2026-Q2",
        "--force",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("closed 2026-Q1; 2026-Q2 is open (as of 2026-06-30)"),
        "{}",
        stderr(&out)
    );
    let out = cli(&["periods", "list", "--db", s(&db)]);
    let listed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        listed.starts_with("2026-Q1\tas of 2026-03-31\tclosed"),
        "{listed}"
    );
}

#[test]
fn a_refusal_on_a_french_report_is_written_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("fr.jalon");
    let out = cli(&[
        "import-page",
        s(&repo("tests/fixtures/pages/fr-full.txt")),
        "--db",
        s(&db),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: Action 5\u{a0}: la page publiée indique"),
        "warnings in the report's language: {}",
        stderr(&out)
    );
    let before = std::fs::read(&db).expect("bytes");
    let out = cli(&["details", "--db", s(&db), "--as-of", "31/03/2026"]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim_end(),
        "error: as_of\u{a0}: \"31/03/2026\" n’est pas une date de la forme AAAA-MM-JJ",
        "the field, then why, in French"
    );
    assert_eq!(std::fs::read(&db).expect("bytes"), before, "file unchanged");
}

#[test]
fn a_report_with_a_planted_trigger_is_refused_by_every_command_and_left_as_it_was() {
    let (dir, db) = imported_report();
    let sqlite = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(\"CREATE TRIGGER planted AFTER INSERT ON history BEGIN UPDATE objective SET progress = 0; END;\"); c.close()",
            s(&db),
        ])
        .status()
        .expect("python3 plants a trigger, as another program would");
    assert!(sqlite.success());
    let before = std::fs::read(&db).expect("bytes");
    let page = repo(FULL_PAGE);
    for args in [
        vec!["summary", "--db", s(&db)],
        vec!["import-page", s(&page), "--db", s(&db)],
        vec!["details", "--db", s(&db), "--title", "x"],
    ] {
        let out = cli(&args);
        assert!(!out.status.success(), "{args:?} refused");
        let err = stderr(&out);
        assert!(
            err.contains("its schema is not Jalon's") && err.contains("extra trigger planted"),
            "{args:?}: {err}"
        );
        assert_eq!(
            std::fs::read(&db).expect("bytes"),
            before,
            "{args:?}: unchanged"
        );
    }
    drop(dir);
}

#[test]
fn a_windows_1252_page_imports_and_a_page_without_figures_keeps_the_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("fr.jalon");
    // The French page as an older Windows tool saves it: one byte per accented letter.
    let text = std::fs::read_to_string(repo("tests/fixtures/pages/fr-full.txt"))
        .expect("page")
        .replace('\u{202f}', "\u{a0}");
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '’' => 0x92,
            '•' => 0x95,
            '‘' => 0x91,
            '“' => 0x93,
            '”' => 0x94,
            '–' => 0x96,
            '—' => 0x97,
            '…' => 0x85,
            'œ' => 0x9c,
            '€' => 0x80,
            c if (c as u32) < 0x100 => c as u32 as u8,
            c => panic!("{c:?} is not in the test's Windows-1252 table"),
        })
        .collect();
    let page = dir.path().join("cp1252.txt");
    std::fs::write(&page, &bytes).expect("write");
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    let out = cli(&["import-page", s(&page), "--db", s(&db)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let utf8 = dir.path().join("utf8.jalon");
    let out = cli(&[
        "import-page",
        s(&repo("tests/fixtures/pages/fr-full.txt")),
        "--db",
        s(&utf8),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        summary_json(&db)["axes"],
        summary_json(&utf8)["axes"],
        "the same report"
    );

    // The summary part alone gives no objective's progress: the report keeps its own.
    let (_dir, db) = imported_report();
    let before = summary_json(&db);
    let full = std::fs::read_to_string(repo(FULL_PAGE)).expect("page");
    let cut = full
        .match_indices("Objective 11 :")
        .nth(1)
        .expect("detail part")
        .0;
    let summary_only = dir.path().join("summary.txt");
    std::fs::write(&summary_only, &full[..cut]).expect("write");
    let out = cli(&["import-page", s(&summary_only), "--db", s(&db)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Objective 11: the page gives no progress; the report's 30% is kept"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        summary_json(&db)["axes"][0]["actions"][0]["objectives"],
        before["axes"][0]["actions"][0]["objectives"],
        "every objective's progress kept"
    );
}

/// A report exactly as schema 3 made it, with the shipped migrations' SQL and `extra` SQL.
fn schema_3_report(db: &Path, extra: &str) {
    let sql: String = [
        "crates/jalon-store/src/migrations/0001_initial.sql",
        "crates/jalon-store/src/migrations/0002_periods.sql",
        "crates/jalon-store/src/migrations/0003_history_levels.sql",
    ]
    .iter()
    .map(|p| std::fs::read_to_string(repo(p)).expect("migration"))
    .collect::<Vec<_>>()
    .join("\n");
    let made = Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2] + \"; PRAGMA user_version = 3; INSERT INTO axis (id, number, title, position) VALUES (1, 1, 'Axis', 0);\" + sys.argv[3]); c.close()",
            s(db),
            &sql,
            extra,
        ])
        .status()
        .expect("python3");
    assert!(made.success());
}

#[test]
fn an_older_report_whose_update_fails_is_left_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("old.jalon");
    // A history row that no version of Jalon wrote: the update to typed history stops on it.
    schema_3_report(
        &db,
        "INSERT INTO history (at, period_id, level, subject_id, number, part, field, old_value, new_value) VALUES ('2026-01-01T00:00:00Z', 1, 'axis', 1, 1, NULL, 'colour', 'red', 'blue');",
    );
    let before = std::fs::read(&db).expect("bytes");
    let out = cli(&["summary", "--db", s(&db)]);
    assert!(!out.status.success(), "refused");
    assert!(
        stderr(&out).contains("updating the file's schema failed: CHECK constraint failed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&db).expect("bytes"),
        before,
        "left byte for byte"
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "old.jalon")
        .collect();
    assert!(left.is_empty(), "no copy or backup left: {left:?}");
}

#[test]
fn an_older_report_is_updated_in_a_copy_and_the_cli_says_where_the_original_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("old.jalon");
    schema_3_report(&db, "");
    let original = std::fs::read(&db).expect("bytes");
    let out = cli(&["summary", "--db", s(&db)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let backup = dir.path().join("old.jalon.schema-3.bak");
    assert!(
        stderr(&out).contains(&format!(
            "note: this report came from an older Jalon (schema 3); it was updated, and the original is kept as {}",
            backup.display()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&backup).expect("backup"),
        original,
        "the original, byte for byte"
    );
    let out = cli(&["summary", "--db", s(&db)]);
    assert!(
        !stderr(&out).contains("note:"),
        "said once: the file is current now"
    );
}

#[test]
fn two_processes_on_one_file_the_one_that_has_not_seen_a_change_reads_again_and_writes_nothing() {
    let (_dir, db) = imported_report();
    // This test process holds the report open, as the desktop app would.
    let mut app = jalon_app::App::open(&db).expect("open");
    // Meanwhile the CLI, another process, changes the file.
    let out = cli(&["details", "--db", s(&db), "--title", "Renamed by the CLI"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = std::fs::read(&db).expect("bytes");
    let err = app
        .details(jalon_app::Details {
            period: Some("2023-2027".into()),
            ..Default::default()
        })
        .expect_err("a change over one not seen is refused");
    assert!(
        err.to_string()
            .starts_with("another program changed the report"),
        "says which: {err}"
    );
    assert_eq!(
        std::fs::read(&db).expect("bytes"),
        before,
        "nothing written"
    );
    assert_eq!(
        app.session().report().strategy.title,
        "Renamed by the CLI",
        "the report was read again"
    );
    app.details(jalon_app::Details {
        period: Some("2023-2027".into()),
        ..Default::default()
    })
    .expect("once seen, the change is made");
    let json = summary_json(&db);
    assert_eq!(
        json["strategy"]["title"], "Renamed by the CLI",
        "the CLI's change kept"
    );
    assert_eq!(json["strategy"]["period"], "2023-2027");
}

#[test]
fn on_a_drive_said_to_be_shared_the_cli_writes_without_wal() {
    let (dir, db) = imported_report();
    let header = |p: &Path| std::fs::read(p).expect("bytes")[18..20].to_vec();
    assert_eq!(header(&db), vec![2, 2], "WAL on a local disk");
    let out = Command::new(env!("CARGO_BIN_EXE_jalon-cli"))
        .args(["details", "--db", s(&db), "--title", "On the share"])
        .env("JALON_SHARED_DRIVE", "1")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        header(&db),
        vec![1, 1],
        "a rollback journal on a shared drive"
    );
    assert!(!dir.path().join("r.jalon-wal").exists(), "no WAL file left");
    assert_eq!(summary_json(&db)["strategy"]["title"], "On the share");
}
mod deck;
mod publish;
mod round;
