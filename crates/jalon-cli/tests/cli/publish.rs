//! `publish`, `export-csv` and HTML pages in `import-page`, through the real binary.

use std::path::Path;

use super::{cli, repo, s, stderr};

/// What a page carries of a report: the structure, statuses, percentages and texts (the
/// leads, dates and weights are not on a published page).
fn page_content(db: &Path) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("r.json");
    let o = cli(&["export-json", "--db", s(db), "--out", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out).expect("read")).expect("JSON");
    let axes: Vec<serde_json::Value> = doc["axes"]
        .as_array()
        .expect("axes")
        .iter()
        .map(|a| {
            let actions: Vec<serde_json::Value> = a["actions"]
                .as_array()
                .expect("actions")
                .iter()
                .map(|c| {
                    let objectives: Vec<serde_json::Value> = c["objectives"]
                        .as_array()
                        .expect("objectives")
                        .iter()
                        .map(|o| {
                            serde_json::json!([
                                o["number"],
                                o["part"],
                                o["parts"],
                                o["title"],
                                o["status"],
                                o["progress"],
                                o["achievement"],
                                o["next_steps"]
                            ])
                        })
                        .collect();
                    serde_json::json!({"n": c["number"], "title": c["title"], "o": objectives})
                })
                .collect();
            serde_json::json!({"n": a["number"], "title": a["title"], "actions": actions})
        })
        .collect();
    serde_json::json!({"title": doc["strategy"]["title"], "language": doc["strategy"]["language"], "axes": axes})
}

/// Every level's displayed percentage.
fn figures(db: &Path) -> Vec<(String, serde_json::Value)> {
    let j = super::summary_json(db);
    let mut out = vec![("strategy".to_string(), j["strategy"]["progress"].clone())];
    for a in j["axes"].as_array().expect("axes") {
        out.push((format!("axis {}", a["number"]), a["progress"].clone()));
        for c in a["actions"].as_array().expect("actions") {
            out.push((format!("action {}", c["number"]), c["progress"].clone()));
        }
    }
    out
}

fn import(page: &Path, db: &Path) {
    let o = cli(&["import-page", s(page), "--db", s(db)]);
    assert!(
        o.status.success(),
        "import {}: {}",
        page.display(),
        stderr(&o)
    );
}

/// Publishes `db`, imports the page into a new report and checks both hold the same.
fn round_trip(db: &Path, lang: Option<&str>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    let mut args = vec!["publish", "--db", s(db), "--out", s(&site)];
    if let Some(l) = lang {
        args.extend(["--lang", l]);
    }
    let o = cli(&args);
    assert!(o.status.success(), "publish: {}", stderr(&o));
    let back = dir.path().join("back.jalon");
    import(&site.join("index.html"), &back);
    let (mut before, after) = (page_content(db), page_content(&back));
    if let Some(l) = lang {
        // A page in another language reads back as a report in that language.
        before["language"] = serde_json::json!(l);
    }
    assert_eq!(before, after, "the page reads back as the same report");
    assert!(
        !before["axes"].as_array().expect("axes").is_empty(),
        "a report with content"
    );
    assert_eq!(figures(db), figures(&back), "the same percentages");
}

#[test]
fn a_published_page_imports_back_as_the_same_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = dir.path().join("demo.jalon");
    let o = cli(&[
        "import-json",
        s(&repo("assets/demo/demo-report.json")),
        "--db",
        s(&demo),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    round_trip(&demo, None);
    round_trip(&demo, Some("fr"));
    for page in [
        "tests/fixtures/pages/en-full.txt",
        "tests/fixtures/pages/fr-full.txt",
    ] {
        let db = dir.path().join(format!("{}.jalon", page.len()));
        import(&repo(page), &db);
        round_trip(&db, None);
    }
}

#[test]
fn an_html_dashboard_imports_like_its_text_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (html, text) = (dir.path().join("h.jalon"), dir.path().join("t.jalon"));
    import(&repo("tests/fixtures/pages/en-dashboard.html"), &html);
    import(&repo("tests/fixtures/pages/en-dashboard.txt"), &text);
    let got = page_content(&html);
    assert_eq!(got, page_content(&text));
    // Nothing outside <main>, and no script, template or form text, came in.
    let all = got.to_string();
    for stray in [
        "Axis 7",
        "Axis 8",
        "Axis 9",
        "Axis 10",
        "Objective 9",
        "Objective 0",
        "Objective 4",
    ] {
        assert!(!all.contains(stray), "{stray} came in: {all}");
    }
    assert_eq!(got["axes"][0]["actions"][0]["o"][0][5], 55);
}

/// Pages saved from sites that mark the dashboard up in their own way (tests/fixtures/pages/
/// structured, made by its make.py): the French State design system's accordions and badges,
/// cards with details and links, figures in table cells. Each imports as its text does, and
/// none of the text a browser hides (hidden, aria-hidden, display:none, template, noscript,
/// a closed modal, the header and footer outside <main>) comes in.
#[test]
fn pages_built_like_government_sites_import_like_their_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (html, text) in [
        ("dsfr-en.html", "en-full.txt"),
        ("dsfr-fr.html", "fr-full.txt"),
        ("cards-en.html", "en-full.txt"),
        ("table-fr.html", "fr-full.txt"),
    ] {
        let (h, t) = (
            dir.path().join(format!("{html}.jalon")),
            dir.path().join(format!("{html}.txt.jalon")),
        );
        import(
            &repo(&format!("tests/fixtures/pages/structured/{html}")),
            &h,
        );
        import(&repo(&format!("tests/fixtures/pages/{text}")), &t);
        let got = page_content(&h);
        assert_eq!(got, page_content(&t), "{html} reads as {text}");
        let all = got.to_string();
        for stray in ["Axis 7", "Axe 7", "Axis 8", "Axe 8", "Axis 9", "99", "icon"] {
            assert!(!all.contains(stray), "{html}: {stray} came in");
        }
        for n in 90..=98 {
            assert!(
                !all.contains(&format!(" {n} ")),
                "{html}: objective {n} came in"
            );
        }
    }
}

#[test]
fn publishing_writes_one_offline_page_with_the_report_in_it() {
    let (dir, db) = super::imported_report();
    let site = dir.path().join("out/site");
    let o = cli(&["publish", "--db", s(&db), "--out", s(&site)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = std::fs::read_dir(&site)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["index.html"], "one file, no part file left");
    let html = std::fs::read_to_string(site.join("index.html")).expect("page");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("default-src 'none'"), "nothing may load");
    // The SVG namespace is a name, not an address the page loads.
    let addresses = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for remote in ["http://", "https://", "//fonts", "src=\""] {
        assert!(!addresses.contains(remote), "the page refers to {remote}");
    }
    assert_eq!(html.matches("<h1>").count(), 1);
    assert!(html.contains("<th scope=\"col\">"));
    assert!(html.matches("<svg").count() >= 3, "the charts are inline");
}

#[test]
fn a_bad_period_or_an_unwritable_folder_writes_nothing() {
    let (dir, db) = super::imported_report();
    let before = std::fs::read(&db).expect("report");
    let site = dir.path().join("site");
    let o = cli(&[
        "publish",
        "--db",
        s(&db),
        "--out",
        s(&site),
        "--period",
        "1999-Q1",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("1999-Q1"), "{}", stderr(&o));
    assert!(!site.exists(), "nothing written for an unknown period");
    let o = cli(&[
        "export-csv",
        "--db",
        s(&db),
        "--out",
        s(&dir.path().join("a.csv")),
        "--period",
        "1999-Q1",
    ]);
    assert!(!o.status.success());
    assert!(!dir.path().join("a.csv").exists());
    // A folder under a file cannot be made.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").expect("write");
    let o = cli(&["publish", "--db", s(&db), "--out", s(&blocker.join("site"))]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("file/site"),
        "names the folder: {}",
        stderr(&o)
    );
    let o = cli(&[
        "export-csv",
        "--db",
        s(&db),
        "--out",
        s(&blocker.join("a.csv")),
    ]);
    assert!(!o.status.success());
    assert_eq!(
        std::fs::read(&db).expect("report"),
        before,
        "the report is untouched"
    );
}

#[test]
fn both_csv_profiles_read_back_with_python_csv_module() {
    let (dir, db) = super::imported_report();
    // A text that a spreadsheet would run as a formula.
    let o = cli(&["summary", "--db", s(&db), "--json"]);
    assert!(o.status.success());
    let json = dir.path().join("r.json");
    let o = cli(&["export-json", "--db", s(&db), "--out", s(&json)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("read")).expect("JSON");
    doc["axes"][0]["actions"][0]["objectives"][0]["next_steps"] =
        serde_json::json!("=HYPERLINK(\"http://x\";\"click\")");
    std::fs::write(&json, doc.to_string()).expect("write");
    let o = cli(&["import-json", s(&json), "--db", s(&db)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = super::summary_json(&db)["strategy"]["objective_count"]
        .as_u64()
        .expect("count");
    for (profile, sep, bom) in [("excel-fr", ";", true), ("open-data", ",", false)] {
        let path = dir.path().join(format!("{profile}.csv"));
        let o = cli(&[
            "export-csv",
            "--db",
            s(&db),
            "--out",
            s(&path),
            "--profile",
            profile,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let py = std::process::Command::new("python3")
            .args([
                "-c",
                CHECK_CSV,
                s(&path),
                sep,
                if bom { "bom" } else { "none" },
            ])
            .output()
            .expect("python3");
        assert!(
            py.status.success(),
            "{profile}: {}",
            String::from_utf8_lossy(&py.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&py.stdout).expect("JSON");
        assert_eq!(
            report["rows"], rows,
            "{profile}: one row per objective entry"
        );
        assert_eq!(report["columns"], 17, "{profile}");
        assert!(
            report["neutralised"]
                .as_str()
                .expect("cell")
                .starts_with("'="),
            "{profile}: {report}"
        );
        let decimal = report["action_progress"].as_str().expect("cell");
        assert_eq!(
            decimal.contains(','),
            profile == "excel-fr",
            "{profile}: {decimal}"
        );
    }
}

/// Reads a CSV as Excel or an open-data portal would, with Python's csv module, and says
/// what it found.
const CHECK_CSV: &str = r#"
import csv, io, json, sys
path, sep, bom = sys.argv[1], sys.argv[2], sys.argv[3] == "bom"
raw = open(path, "rb").read()
assert raw.startswith(b"\xef\xbb\xbf") == bom, "byte-order mark"
assert raw.endswith(b"\r\n"), "CRLF line ends"
text = raw.decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True))
header, body = rows[0], rows[1:]
assert all(len(r) == len(header) for r in body), "every row has every column"
next_steps = header.index("Next steps")
neutralised = [r[next_steps] for r in body if "HYPERLINK" in r[next_steps]][0]
print(json.dumps({"rows": len(body), "columns": len(header), "neutralised": neutralised,
                  "action_progress": [r[15] for r in body if r[15] and not r[15].isdigit()][0]}))
"#;

#[test]
fn an_html_page_nested_deeper_than_a_browser_builds_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("deep.html");
    // 250 kB: html5ever's tree builder would take seconds, growing with the square.
    std::fs::write(&page, "<div>".repeat(50_000) + "Axis 1: deep").expect("write");
    let db = dir.path().join("r.jalon");
    let o = cli(&["import-page", s(&page), "--db", s(&db)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("nests its elements 50,000 deep, more than the 512 Jalon reads"),
        "{}",
        stderr(&o)
    );
    assert!(!db.exists(), "no report is left behind");
}

#[test]
fn an_error_in_an_html_page_names_the_line_of_the_html_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("bad.html");
    let html = std::fs::read_to_string(repo("tests/fixtures/pages/en-dashboard.html"))
        .expect("fixture")
        .replace(
            "<div class=\"progress\">Progress : 30%</div>",
            "<div class=\"progress\">Progress : 130%</div>",
        );
    let line = html
        .lines()
        .position(|l| l.contains("130%"))
        .expect("the changed line")
        + 1;
    std::fs::write(&page, html).expect("write");
    let db = dir.path().join("r.jalon");
    let o = cli(&["import-page", s(&page), "--db", s(&db)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(&format!("line {line}:")),
        "names HTML line {line}: {}",
        stderr(&o)
    );
    assert!(!db.exists());
}
