//! The committee deck through the real binary, read back by python-pptx and odfpy (PyPI) and
//! rendered by LibreOffice Impress (Debian), which setup installs.

use std::path::{Path, PathBuf};

use super::{cli, demo_report, python, s, stderr, summary_json};

fn demo(dir: &Path) -> PathBuf {
    demo_report(dir, "demo.jalon")
}

fn deck(db: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec!["deck", "--db", s(db), "--out", s(out)];
    args.extend_from_slice(extra);
    let o = cli(&args);
    assert!(o.status.success(), "{extra:?}: {}", stderr(&o));
}

/// Runs a Python snippet that prints JSON, with `args`.
fn python_json(code: &str, args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&python(code, args).stdout).expect("json from python")
}

/// The PPTX as python-pptx reads it: the slide size, and per slide its layout, title,
/// pictures' alt texts, tables' cells and notes.
fn read_pptx(path: &Path) -> serde_json::Value {
    python_json(
        r#"
import json, sys
from pptx import Presentation
p = Presentation(sys.argv[1])
slides = []
for s in p.slides:
    pics = [sh._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr") for sh in s.shapes if sh.shape_type == 13]
    tables = [[[c.text for c in r.cells] for r in sh.table.rows] for sh in s.shapes if sh.has_table]
    slides.append({
        "layout": s.slide_layout.name,
        "title": s.shapes.title.text if s.shapes.title is not None else None,
        "pictures": pics,
        "tables": tables,
        "notes": s.notes_slide.notes_text_frame.text if s.has_notes_slide else "",
    })
print(json.dumps({"width": p.slide_width, "height": p.slide_height, "slides": slides}))
"#,
        &[s(path)],
    )
}

/// The ODP as odfpy reads it: per page its title, image frames' descriptions, tables' cells
/// and notes.
fn read_odp(path: &Path) -> serde_json::Value {
    python_json(
        r#"
import json, sys
from odf.opendocument import load
from odf import draw, presentation, table, teletype, svg
from odf.namespaces import PRESENTATIONNS
doc = load(sys.argv[1])
pages = []
for page in doc.getElementsByType(draw.Page):
    title, pics, notes_text = None, [], ""
    for frame in page.getElementsByType(draw.Frame):
        if frame.parentNode.qname[1] == "notes":
            continue
        if frame.getAttrNS(PRESENTATIONNS, "class") == "title" and title is None:
            title = teletype.extractText(frame)
        if frame.getElementsByType(draw.Image):
            pics.append("".join(teletype.extractText(d) for d in frame.getElementsByType(svg.Desc)))
    tables = [[[teletype.extractText(c) for c in r.getElementsByType(table.TableCell)] for r in t.getElementsByType(table.TableRow)] for t in page.getElementsByType(table.Table)]
    for n in page.getElementsByType(presentation.Notes):
        notes_text = "\n".join(teletype.extractText(p) for p in n.getElementsByType(draw.TextBox)[0].childNodes)
    pages.append({"title": title, "pictures": pics, "tables": tables, "notes": notes_text})
print(json.dumps({"pages": pages}))
"#,
        &[s(path)],
    )
}

fn titles(slides: &serde_json::Value, key: &str) -> Vec<String> {
    slides[key]
        .as_array()
        .expect("slides")
        .iter()
        .map(|s| s["title"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn the_demo_deck_reads_back_in_python_pptx_and_odfpy_with_the_reports_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path());
    let summary = summary_json(&db);
    let axes = summary["axes"].as_array().expect("axes");
    let pptx = dir.path().join("deck.pptx");
    deck(&db, &pptx, &[]);
    let p = read_pptx(&pptx);
    assert_eq!(
        (p["width"].as_i64(), p["height"].as_i64()),
        (Some(12_192_000), Some(6_858_000)),
        "16:9"
    );
    let slides = p["slides"].as_array().expect("slides");
    // Title, overview, one per axis, what moved, the findings still open.
    assert_eq!(
        slides.len(),
        2 + axes.len() + 2,
        "{:#?}",
        titles(&p, "slides")
    );
    assert_eq!(slides[0]["layout"], "Title Slide");
    assert_eq!(slides[0]["title"], summary["strategy"]["title"]);
    assert!(slides[1..].iter().all(|s| s["layout"] == "Title Only"));
    assert_eq!(slides[1]["title"], "Overview");
    let strategy = summary["strategy"]["progress"].as_u64().expect("progress");
    assert!(
        slides[1]["notes"]
            .as_str()
            .expect("notes")
            .starts_with(&format!("Strategy is at {strategy}%")),
        "{}",
        slides[1]["notes"]
    );
    for (axis, slide) in axes.iter().zip(&slides[2..]) {
        let n = axis["number"].as_u64().expect("number");
        assert!(
            slide["title"]
                .as_str()
                .expect("title")
                .starts_with(&format!("Axis {n} — ")),
            "{slide}"
        );
        // The table: a header, then each action with its exact displayed percentage.
        let table = &slide["tables"][0];
        let actions = axis["actions"].as_array().expect("actions");
        assert_eq!(table.as_array().expect("rows").len(), actions.len() + 1);
        for (action, row) in actions
            .iter()
            .zip(table.as_array().expect("rows").iter().skip(1))
        {
            assert!(
                row[0]
                    .as_str()
                    .expect("cell")
                    .starts_with(&format!("Action {} — ", action["number"])),
                "{row}"
            );
            assert_eq!(row[1], format!("{}%", action["progress"]), "{row}");
        }
        // Its next steps are in the notes.
        assert!(
            slide["notes"]
                .as_str()
                .expect("notes")
                .contains("Next steps:")
        );
    }
    // Every picture has its alt text.
    let pictures: Vec<&str> = slides
        .iter()
        .flat_map(|s| s["pictures"].as_array().expect("pictures"))
        .map(|d| d.as_str().unwrap_or(""))
        .collect();
    assert_eq!(pictures.len(), 2 + axes.len());
    assert!(
        pictures.iter().all(|d| d.len() > 40 && d.contains("chart")),
        "{pictures:?}"
    );
    let moved = &slides[2 + axes.len()];
    assert!(
        moved["title"]
            .as_str()
            .expect("title")
            .starts_with("What moved since ")
    );
    assert_eq!(
        slides.last().expect("last")["title"],
        "Still to check before publication"
    );

    // The same deck as OpenDocument, read by odfpy.
    let odp = dir.path().join("deck.odp");
    deck(&db, &odp, &[]);
    let o = read_odp(&odp);
    assert_eq!(titles(&o, "pages"), titles(&p, "slides"));
    let pages = o["pages"].as_array().expect("pages");
    for (page, slide) in pages.iter().zip(slides) {
        assert_eq!(page["pictures"], slide["pictures"], "alt texts");
        assert_eq!(page["tables"], slide["tables"], "tables");
        assert_eq!(page["notes"], slide["notes"], "notes");
    }
}

#[test]
fn options_change_the_slides_language_scope_and_detail() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path());
    let summary = summary_json(&db);
    let actions: usize = summary["axes"]
        .as_array()
        .expect("axes")
        .iter()
        .map(|a| a["actions"].as_array().expect("actions").len())
        .sum();
    let axes = summary["axes"].as_array().expect("axes").len();

    let detailed = dir.path().join("detail.pptx");
    deck(&db, &detailed, &["--detail", "actions"]);
    let p = read_pptx(&detailed);
    assert_eq!(
        p["slides"].as_array().expect("slides").len(),
        2 + axes + actions + 2
    );
    assert!(
        titles(&p, "slides")
            .iter()
            .any(|t| t.starts_with("Action 14 — "))
    );

    let fr = dir.path().join("fr.odp");
    deck(
        &db,
        &fr,
        &["--lang", "fr", "--format", "odp", "--scope", "axis:4"],
    );
    let o = read_odp(&fr);
    let t = titles(&o, "pages");
    assert_eq!(t.len(), 5, "{t:?}");
    assert_eq!(t[1], "Vue d’ensemble");
    assert!(t[2].starts_with("Axe 4 — "), "{t:?}");
    assert!(t[3].starts_with("Ce qui a bougé depuis "), "{t:?}");
    let table = &o["pages"][2]["tables"][0];
    assert_eq!(table[0][0], "Action clé");
    assert!(
        table[1][1].as_str().expect("cell").ends_with("\u{a0}%"),
        "{table}"
    );
    // --format wins over the extension: this .pptx name holds an ODP.
    let odd = dir.path().join("odd.pptx");
    deck(&db, &odd, &["--format", "odp"]);
    let head = std::fs::read(&odd).expect("deck");
    let mime: &[u8] = b"application/vnd.oasis.opendocument.presentation";
    assert!(head.windows(mime.len()).any(|w| w == mime));
}

#[test]
fn a_bad_scope_period_folder_or_tampered_period_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path());
    let before = std::fs::read(&db).expect("report");
    let out = dir.path().join("deck.pptx");
    for (args, want) in [
        (vec!["--scope", "axis:9"], "axis 9"),
        (vec!["--scope", "everything"], "--scope everything"),
        (vec!["--period", "1999-Q1"], "1999-Q1"),
    ] {
        let mut all = vec!["deck", "--db", s(&db), "--out", s(&out)];
        all.extend(args.iter());
        let o = cli(&all);
        assert!(!o.status.success(), "{args:?}");
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
        assert!(!out.exists(), "{args:?}: nothing written");
    }
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").expect("write");
    let o = cli(&[
        "deck",
        "--db",
        s(&db),
        "--out",
        s(&blocker.join("deck.pptx")),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("file/deck.pptx"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&db).expect("report"),
        before,
        "the report is untouched"
    );

    // A closed period whose snapshot was changed after closing fails its checksum.
    python(
        r#"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'closed_period_is_frozen'").fetchone()
db.execute("DROP TRIGGER closed_period_is_frozen")
db.execute("UPDATE period SET snapshot = replace(snapshot, 'Equip', 'Eqip') WHERE label = '2025-Q4'")
db.execute(sql)
db.commit()
"#,
        &[s(&db)],
    );
    let o = cli(&[
        "deck",
        "--db",
        s(&db),
        "--out",
        s(&out),
        "--period",
        "2025-Q4",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("2025-Q4"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing written for a tampered period");
}

#[test]
fn libreoffice_impress_renders_both_decks_one_page_per_slide() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path());
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("lo-profile").display()
    );
    for (name, lang) in [("deck.pptx", "en"), ("deck.odp", "fr")] {
        let path = dir.path().join(name);
        deck(&db, &path, &["--lang", lang, "--detail", "actions"]);
        let slides = if name.ends_with("pptx") {
            read_pptx(&path)["slides"]
                .as_array()
                .expect("slides")
                .clone()
        } else {
            read_odp(&path)["pages"].as_array().expect("pages").clone()
        };
        let pdf_dir = dir.path().join(format!("pdf-{lang}"));
        let o = std::process::Command::new("soffice")
            .args([
                &profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                s(&pdf_dir),
                s(&path),
            ])
            .output()
            .expect("soffice (LibreOffice Impress): scripts/setup.sh installs it");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let pdf = pdf_dir.join("deck.pdf");
        let info = std::process::Command::new("pdfinfo")
            .arg(&pdf)
            .output()
            .expect("pdfinfo");
        let info = String::from_utf8_lossy(&info.stdout).into_owned();
        assert!(
            info.lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>()
                    == ["Pages:", &slides.len().to_string()]),
            "{name}: one page per slide ({}): {info}",
            slides.len()
        );
        // Each page shows its slide's title: no empty page.
        for (k, slide) in slides.iter().enumerate() {
            let page = (k + 1).to_string();
            let text = std::process::Command::new("pdftotext")
                .args(["-f", &page, "-l", &page, "-layout", s(&pdf), "-"])
                .output()
                .expect("pdftotext");
            let text = String::from_utf8_lossy(&text.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let title: String = slide["title"]
                .as_str()
                .expect("title")
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                text.contains(&title),
                "{name} page {page}: no “{title}” in {text:?}"
            );
        }
    }
}

/// Makes a template of the test's own from python-pptx's default: 16:9, its theme renamed
/// "Ministry Theme" with Georgia for its fonts and a dark red accent; as .pptx and as .potx.
fn ministry_template(dir: &Path) -> (PathBuf, PathBuf) {
    let (pptx, potx) = (dir.join("ministry.pptx"), dir.join("ministry.potx"));
    python(
        r#"
import re, sys, zipfile, io
from pptx import Presentation
from pptx.util import Inches
p = Presentation()
p.slide_width, p.slide_height = Inches(13.333), Inches(7.5)
buf = io.BytesIO()
p.save(buf)
zin = zipfile.ZipFile(buf)
for out, potx in [(sys.argv[1], False), (sys.argv[2], True)]:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "ppt/theme/theme1.xml":
                s = data.decode()
                s = re.sub(r'<a:latin typeface="[^"]*"', '<a:latin typeface="Georgia"', s)
                s = s.replace('name="Office Theme"', 'name="Ministry Theme"')
                s = re.sub(r"<a:accent1>.*?</a:accent1>", '<a:accent1><a:srgbClr val="8B1A1A"/></a:accent1>', s, flags=re.S)
                data = s.encode()
            if potx and name == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
            zout.writestr(name, data)
"#,
        &[s(&pptx), s(&potx)],
    );
    (pptx, potx)
}

#[test]
fn a_deck_on_a_template_uses_its_master_layouts_and_theme() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path());
    let (pptx_template, potx_template) = ministry_template(dir.path());
    let plain = read_pptx(&{
        let p = dir.path().join("plain.pptx");
        deck(&db, &p, &[]);
        p
    });
    for template in [&pptx_template, &potx_template] {
        let out = dir.path().join("on-template.pptx");
        deck(&db, &out, &["--template", s(template)]);
        let read = python_json(
            r#"
import json, sys, zipfile
from pptx import Presentation
p = Presentation(sys.argv[1])
z = zipfile.ZipFile(sys.argv[1])
body = [ph for ph in p.slide_master.placeholders if ph.placeholder_format.idx == 1][0]
area = [body.left, body.top, body.left + body.width, body.top + body.height]
inside = all(
    area[0] <= sh.left and sh.left + sh.width <= area[2] + 1 and area[1] <= sh.top and sh.top + sh.height <= area[3] + 1
    for s in p.slides for sh in s.shapes if sh.shape_type == 13
)
main = [l for l in z.read("[Content_Types].xml").decode().split("<") if 'PartName="/ppt/presentation.xml"' in l]
print(json.dumps({
    "layouts": len(p.slide_layouts),
    "used": [s.slide_layout.name for s in p.slides],
    "theme": z.read("ppt/theme/theme1.xml").decode().count('typeface="Georgia"') > 0 and "Ministry Theme" in z.read("ppt/theme/theme1.xml").decode(),
    "inside": inside,
    "pictures": sum(1 for s in p.slides for sh in s.shapes if sh.shape_type == 13),
    "titles": [s.shapes.title.text for s in p.slides],
    "notes": [s.notes_slide.notes_text_frame.text for s in p.slides],
    "main": main[0] if main else "",
}))
"#,
            &[s(&out)],
        );
        assert_eq!(read["layouts"], 11, "the template's own layouts: {read}");
        let used: Vec<&str> = read["used"]
            .as_array()
            .expect("used")
            .iter()
            .map(|u| u.as_str().unwrap_or(""))
            .collect();
        assert_eq!(used[0], "Title Slide");
        assert!(used[1..].iter().all(|u| *u == "Title Only"), "{used:?}");
        assert_eq!(read["theme"], true, "the template's theme");
        assert_eq!(
            read["inside"], true,
            "charts inside the layout's content area"
        );
        assert!(
            read["main"]
                .as_str()
                .expect("main")
                .contains("presentation.main+xml"),
            "{}",
            read["main"]
        );
        let titles: Vec<&serde_json::Value> = plain["slides"]
            .as_array()
            .expect("slides")
            .iter()
            .map(|s| &s["title"])
            .collect();
        assert_eq!(
            read["titles"]
                .as_array()
                .expect("titles")
                .iter()
                .collect::<Vec<_>>(),
            titles,
            "same slides"
        );
        assert!(
            read["notes"][1]
                .as_str()
                .expect("notes")
                .starts_with("Strategy is at ")
        );
    }
    // A PowerPoint template cannot dress an OpenDocument deck; a file that is no template is
    // refused by name; nothing is written.
    let out = dir.path().join("deck.odp");
    let o = cli(&[
        "deck",
        "--db",
        s(&db),
        "--out",
        s(&out),
        "--template",
        s(&pptx_template),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("not to OpenDocument"), "{}", stderr(&o));
    let junk = dir.path().join("junk.potx");
    std::fs::write(&junk, "not a template").expect("write");
    let out = dir.path().join("deck.pptx");
    let o = cli(&[
        "deck",
        "--db",
        s(&db),
        "--out",
        s(&out),
        "--template",
        s(&junk),
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("junk.potx: not a PowerPoint file"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists() && !dir.path().join("deck.odp").exists());
}
