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
    let template = extra
        .iter()
        .position(|a| *a == "--template")
        .map(|i| Path::new(extra[i + 1]));
    keep_for_validation(out, template);
}

/// Every deck the tests write is kept under target/test-decks, with the template it was built
/// on beside it (`NAME.template`), so that `scripts/validate-test-decks.sh` checks each against
/// the ISO/IEC 29500 and ODF schemas (CI runs it with ../shared/validate-deck) and counts only
/// the errors a deck adds to its template's own.
fn keep_for_validation(deck: &Path, template: Option<&Path>) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let kept = super::repo("target/test-decks");
    std::fs::create_dir_all(&kept).expect("target/test-decks");
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!(
        "{}-{n}-{}",
        std::thread::current()
            .name()
            .unwrap_or("deck")
            .rsplit("::")
            .next()
            .unwrap_or("deck"),
        deck.file_name().and_then(|f| f.to_str()).unwrap_or("deck")
    );
    // The validator reads the format from the extension; a deck written with --format odp
    // under a .pptx name is an ODP (its first entry is `mimetype`, ODF's rule).
    let bytes = std::fs::read(deck).expect("the deck");
    let name = if bytes.get(30..38) == Some(b"mimetype".as_slice()) && !name.ends_with(".odp") {
        format!("{name}.odp")
    } else {
        name
    };
    std::fs::write(kept.join(&name), bytes).expect("keep the deck");
    if let Some(t) = template {
        std::fs::copy(t, kept.join(format!("{name}.template"))).expect("keep its template");
    }
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
    // Title, overview, statuses, per axis its chart and its table, what moved, the findings
    // still open.
    assert_eq!(
        slides.len(),
        3 + 2 * axes.len() + 2,
        "{:#?}",
        titles(&p, "slides")
    );
    assert_eq!(slides[0]["layout"], "Title Slide");
    assert_eq!(slides[0]["title"], summary["strategy"]["title"]);
    assert!(slides[1..].iter().all(|s| s["layout"] == "Title Only"));
    assert_eq!(slides[1]["title"], "Overview");
    assert_eq!(slides[2]["title"], "Objectives by status");
    let strategy = summary["strategy"]["progress"].as_u64().expect("progress");
    assert!(
        slides[1]["notes"]
            .as_str()
            .expect("notes")
            .starts_with(&format!("Strategy is at {strategy}%")),
        "{}",
        slides[1]["notes"]
    );
    for (i, axis) in axes.iter().enumerate() {
        let (chart, table_slide) = (&slides[3 + 2 * i], &slides[4 + 2 * i]);
        let n = axis["number"].as_u64().expect("number");
        assert!(
            chart["title"]
                .as_str()
                .expect("title")
                .starts_with(&format!("Axis {n} — ")),
            "{chart}"
        );
        assert_eq!(chart["pictures"].as_array().map(Vec::len), Some(1));
        // Its next steps are in the notes.
        assert!(
            chart["notes"]
                .as_str()
                .expect("notes")
                .contains("Next steps:")
        );
        assert_eq!(table_slide["title"], format!("Axis {n}: key actions"));
        // The table: a header, then each action with its exact displayed percentage.
        let table = &table_slide["tables"][0];
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
    let moved = &slides[3 + 2 * axes.len()];
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
        3 + 2 * axes + actions + 2
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
    assert_eq!(t.len(), 7, "{t:?}");
    assert_eq!(t[1], "Vue d’ensemble");
    assert_eq!(t[2], "Objectifs par statut");
    assert!(t[3].starts_with("Axe 4 — "), "{t:?}");
    assert_eq!(t[4], "Axe 4\u{a0}: actions clés", "{t:?}");
    assert!(t[5].starts_with("Ce qui a bougé depuis "), "{t:?}");
    let table = &o["pages"][4]["tables"][0];
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
        let pdf = to_pdf(&profile, &dir.path().join(format!("pdf-{lang}")), &path);
        assert_eq!(pdf_pages(&pdf), slides.len(), "{name}: one page per slide");
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

/// The real templates of tests/fixtures/templates (see its README): sizes, tools and layout
/// names of other people's decks.
/// The app's preview of a deck (`--preview`) against the file written with the same options:
/// a slide for each, on the same layout, under the same title, drawn at the slide's size.
fn assert_preview_is_the_file(db: &Path, template: &Path, written: &Path) {
    let dir = tempfile::tempdir().expect("tempdir");
    let again = dir.path().join("again.pptx");
    let shown = dir.path().join("preview");
    let o = cli(&[
        "deck",
        "--db",
        s(db),
        "--out",
        s(&again),
        "--template",
        s(template),
        "--detail",
        "actions",
        "--preview",
        s(&shown),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let facts = python_json(
        r#"
import json, sys, glob, xml.etree.ElementTree as ET
from pptx import Presentation
deck = Presentation(sys.argv[1])
boxes = [ET.parse(f).getroot().get("viewBox") for f in sorted(glob.glob(sys.argv[2] + "/slide-*.svg"))]
print(json.dumps({
    "file": [[s.slide_layout.name, s.shapes.title.text] for s in deck.slides],
    "view": "0 0 %.1f %.1f" % (deck.slide_width / 12700, deck.slide_height / 12700),
    "boxes": boxes,
}))
"#,
        &[s(written), s(&shown)],
    );
    let listed: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            serde_json::json!([
                cols[1].trim_end_matches(" (blank: no layout fits)"),
                cols[2]
            ])
        })
        .collect();
    let name = template.display();
    assert_eq!(
        serde_json::Value::Array(listed),
        facts["file"],
        "{name}: the preview's slides, layouts and titles are the file's"
    );
    let boxes = facts["boxes"].as_array().expect("boxes");
    assert_eq!(boxes.len(), facts["file"].as_array().map_or(0, Vec::len));
    assert!(
        boxes.iter().all(|b| *b == facts["view"]),
        "{name}: {boxes:?} at {}",
        facts["view"]
    );
}

fn real_templates() -> Vec<PathBuf> {
    let dir = super::repo("tests/fixtures/templates");
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/templates")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pptx"))
        .collect();
    all.sort();
    assert!(all.len() >= 6, "the real templates: {all:?}");
    all
}

#[test]
fn a_deck_on_each_real_template_keeps_its_size_and_layouts_drops_its_thumbnail_and_renders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path());
    let plain = dir.path().join("plain.pptx");
    deck(&db, &plain, &["--detail", "actions"]);
    let want = titles(&read_pptx(&plain), "slides");
    assert_room("Jalon's theme", &plain);
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("lo-profile").display()
    );
    for template in real_templates() {
        let name = template.file_stem().and_then(|n| n.to_str()).expect("name");
        let out = dir.path().join(format!("{name}.pptx"));
        deck(
            &db,
            &out,
            &["--template", s(&template), "--detail", "actions"],
        );
        // The template's slide size and layouts, python-pptx reading both files.
        let facts = python_json(
            r#"
import json, sys, zipfile
from pptx import Presentation
deck, template = Presentation(sys.argv[1]), Presentation(sys.argv[2])
layouts = lambda p: [l.name for m in p.slide_masters for l in m.slide_layouts]
rels = zipfile.ZipFile(sys.argv[1]).read("_rels/.rels").decode()
print(json.dumps({
    "size": [deck.slide_width, deck.slide_height],
    "template_size": [template.slide_width, template.slide_height],
    "layouts": layouts(deck), "template_layouts": layouts(template),
    "used": sorted({s.slide_layout.name for s in deck.slides}),
    "thumbnail": "thumbnail" in rels,
}))
"#,
            &[s(&out), s(&template)],
        );
        assert_eq!(
            facts["size"], facts["template_size"],
            "{name}: the template's slide size"
        );
        assert_eq!(
            facts["layouts"], facts["template_layouts"],
            "{name}: the template's layouts"
        );
        let layouts = facts["layouts"].as_array().expect("layouts");
        for used in facts["used"].as_array().expect("used") {
            assert!(
                layouts.contains(used),
                "{name}: {used} is one of its layouts"
            );
        }
        assert_eq!(
            facts["thumbnail"], false,
            "{name}: no relationship to the dropped thumbnail"
        );
        assert_eq!(
            titles(&read_pptx(&out), "slides"),
            want,
            "{name}: the same slides as on Jalon's theme"
        );
        // Laid out for the template's room: 12 pt at least, 70 % of the height used.
        assert_room(name, &out);
        assert_preview_is_the_file(&db, &template, &out);
        // LibreOffice Impress opens it: one page per slide.
        let pdf = to_pdf(&profile, &dir.path().join(format!("pdf-{name}")), &out);
        assert_eq!(pdf_pages(&pdf), want.len(), "{name}: one page per slide");
        // Titles fitted to their bars: no word runs off its page.
        assert_eq!(
            words_outside(&pdf),
            Vec::<String>::new(),
            "{name}: words outside their page"
        );
    }
}

#[test]
fn layouts_are_chosen_by_their_placeholders_listed_by_inspect_and_overridden_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path());
    let untyped = super::repo("tests/fixtures/templates/french-untyped-bug65673.pptx");
    // --inspect reads the template alone: its layouts, their placeholders, the roles.
    let o = cli(&["deck", "--template", s(&untyped), "--inspect"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        listed.contains("\"Diapositive de titre\" type none → title")
            && listed.contains("\"Titre seul\" type none → chart, table, text"),
        "untyped French layouts told apart by their placeholders: {listed}"
    );
    assert!(
        listed.contains("ctrTitle") && listed.contains("vertical"),
        "placeholders listed with their kinds: {listed}"
    );
    let used = |deck: &Path| {
        python_json(
            r#"
import json, sys
from pptx import Presentation
p = Presentation(sys.argv[1])
print(json.dumps([s.slide_layout.name for s in p.slides]))
"#,
            &[s(deck)],
        )
    };
    let chosen = dir.path().join("chosen.pptx");
    deck(&db, &chosen, &["--template", s(&untyped)]);
    let names = used(&chosen);
    let names = names.as_array().expect("layouts");
    assert_eq!(names[0], "Diapositive de titre", "the title slide");
    assert!(names[1..].iter().all(|n| n == "Titre seul"), "{names:?}");
    // The officer's choice wins, by the template's own name.
    let overridden = dir.path().join("overridden.pptx");
    deck(
        &db,
        &overridden,
        &[
            "--template",
            s(&untyped),
            "--layout",
            "content=Titre et contenu",
        ],
    );
    let names = used(&overridden);
    let names = names.as_array().expect("layouts");
    assert!(
        names[1..].iter().all(|n| n == "Titre et contenu"),
        "{names:?}"
    );
    // A kind of slide on a layout of its own: the tables only, the charts where Jalon put them.
    let tables = dir.path().join("tables.pptx");
    deck(
        &db,
        &tables,
        &[
            "--template",
            s(&untyped),
            "--layout",
            "table=Titre et contenu",
        ],
    );
    let per_slide = python_json(
        r#"
import json, sys
from pptx import Presentation
p = Presentation(sys.argv[1])
print(json.dumps([[s.slide_layout.name, any(sh.has_table for sh in s.shapes)] for s in p.slides]))
"#,
        &[s(&tables)],
    );
    let per_slide = per_slide.as_array().expect("slides");
    assert!(per_slide.iter().any(|s| s[1] == true), "{per_slide:?}");
    for slide in &per_slide[1..] {
        let want = if slide[1] == true {
            "Titre et contenu"
        } else {
            "Titre seul"
        };
        assert_eq!(slide[0], want, "{per_slide:?}");
    }
    // A name the template lacks, or a role Jalon lacks: refused, nothing written.
    let out = dir.path().join("refused.pptx");
    for (arg, says) in [
        ("content=Nope", "no layout named “Nope”"),
        ("section=Titre seul", "no role \"section\""),
        ("Titre seul", "use ROLE=NAME"),
    ] {
        let o = cli(&[
            "deck",
            "--db",
            s(&db),
            "--out",
            s(&out),
            "--template",
            s(&untyped),
            "--layout",
            arg,
        ]);
        assert!(!o.status.success(), "{arg} is refused");
        assert!(stderr(&o).contains(says), "{arg}: {}", stderr(&o));
        assert!(!out.exists(), "{arg}: nothing written");
    }
}

#[test]
fn a_template_without_usable_layouts_gets_jalons_own_boxes_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = demo(dir.path());
    // python-pptx's default template with every placeholder taken out of its layouts.
    let bare = dir.path().join("bare.pptx");
    python(
        r#"
import io, re, sys, zipfile
from pptx import Presentation
buf = io.BytesIO()
Presentation().save(buf)
with zipfile.ZipFile(buf) as src, zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if re.fullmatch(r"ppt/slideLayouts/slideLayout\d+\.xml", info.filename):
            data = re.sub(rb"<p:sp>.*?</p:sp>", b"", data, flags=re.S)
        dst.writestr(info, data)
"#,
        &[s(&bare)],
    );
    let out = dir.path().join("deck.pptx");
    let o = cli(&[
        "deck",
        "--db",
        s(&db),
        "--out",
        s(&out),
        "--template",
        s(&bare),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stderr(&o);
    assert!(
        said.contains("no layout for a title slide")
            && said.contains("no layout with a title and a content area"),
        "both fallbacks are said: {said}"
    );
    keep_for_validation(&out, Some(&bare));
    // Jalon's boxes, scaled to the 4:3 slide, still keep the room rules.
    assert_room("python-pptx's default without placeholders", &out);
    // Every title is there, in a box of our own inside the slide.
    let facts = python_json(
        r#"
import json, sys
from pptx import Presentation
p = Presentation(sys.argv[1])
out = []
for s in p.slides:
    t = s.shapes.title
    out.append({"title": t.text if t is not None else None,
                "inside": t is not None and t.left >= 0 and t.top >= 0 and t.left + t.width <= p.slide_width and t.top + t.height <= p.slide_height})
print(json.dumps(out))
"#,
        &[s(&out)],
    );
    let slides = facts.as_array().expect("slides");
    assert!(slides.len() > 3, "{facts}");
    for slide in slides {
        assert!(
            slide["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{slide}"
        );
        assert_eq!(slide["inside"], true, "{slide}");
    }
}

/// The deck rendered to PDF by LibreOffice Impress (headless, with its own profile `profile`):
/// the PDF's path in `out_dir`.
fn to_pdf(profile: &str, out_dir: &Path, deck: &Path) -> PathBuf {
    let o = std::process::Command::new("soffice")
        .args([
            profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            s(out_dir),
            s(deck),
        ])
        .output()
        .expect("soffice (LibreOffice Impress): scripts/setup.sh installs it");
    assert!(
        o.status.success(),
        "{}: {}",
        deck.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    let stem = deck
        .file_stem()
        .and_then(|n| n.to_str())
        .expect("a file name");
    out_dir.join(format!("{stem}.pdf"))
}

/// A PDF's number of pages, as pdfinfo (poppler) reads it.
fn pdf_pages(pdf: &Path) -> usize {
    let info = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo");
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").and_then(|n| n.trim().parse().ok()))
        .unwrap_or_else(|| panic!("{}: no page count", pdf.display()))
}

/// The words of a PDF that lie, even in part, outside their page, as `page N: word`
/// (pdftotext's -bbox gives each word's box).
fn words_outside(pdf: &Path) -> Vec<String> {
    let o = std::process::Command::new("pdftotext")
        .args(["-bbox", s(pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8_lossy(&o.stdout).into_owned();
    let attr = |tag: &str, name: &str| -> f64 {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    let mut out = Vec::new();
    for (k, page) in html.split("<page ").skip(1).enumerate() {
        let (w, h) = (attr(page, "width"), attr(page, "height"));
        for word in page.split("<word ").skip(1) {
            let text = word
                .split('>')
                .nth(1)
                .and_then(|t| t.split('<').next())
                .unwrap_or("");
            let inside = attr(word, "xMin") >= -0.5
                && attr(word, "yMin") >= -0.5
                && attr(word, "xMax") <= w + 0.5
                && attr(word, "yMax") <= h + 0.5;
            if !inside {
                out.push(format!("page {}: {text}", k + 1));
            }
        }
    }
    out
}

/// What a deck's slides hold, as python-pptx reads them (placeholders' boxes inherited from
/// their layout and master): per slide, its smallest run of text in points (every `sz` it
/// sets), its charts' smallest text on the slide (the SVG's smallest font-size, scaled by the
/// picture's width over the SVG's), the share of the height below the title its own shapes
/// span, and the shapes it places that lie even in part outside the slide.
fn room_used(deck: &Path) -> serde_json::Value {
    python_json(
        r#"
import json, re, sys
from lxml import etree
from pptx import Presentation
p = Presentation(sys.argv[1])
W, H = p.slide_width, p.slide_height
SVG = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
slides = []
for s in p.slides:
    xml = etree.tostring(s._element).decode()
    sizes = [int(v) / 100 for v in re.findall(r'\bsz="(\d+)"', xml)]
    charts = []
    for sh in s.shapes:
        for blip in sh._element.iter(SVG):
            svg = s.part.related_part(blip.get(EMBED)).blob.decode()
            width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)', svg).group(1))
            smallest = min(float(v) for v in re.findall(r'font-size="([\d.]+)"', svg))
            charts.append(smallest * (sh.width / 12700) / width)
    own = [sh for sh in s.shapes if not sh.is_placeholder]
    title = s.shapes.title
    below = H - (title.top + title.height) if title is not None and title.top is not None else H
    share = None
    if own and charts:
        share = (max(sh.top + sh.height for sh in own) - min(sh.top for sh in own)) / below
    # The title counts where the deck places it (a blank layout's own box); where it inherits
    # the template's box, that is the template's design (one 10-inch template's title bar
    # starts a hair above the slide).
    placed = title is not None and title._element.xpath("./p:spPr/a:xfrm")
    boxes = own + ([title] if placed else [])
    outside = [sh.name for sh in boxes
               if sh.left < 0 or sh.top < 0 or sh.left + sh.width > W or sh.top + sh.height > H]
    slides.append({
        "title": title.text if title is not None else "",
        "smallest_text": min(sizes) if sizes else None,
        "chart_text": min(charts) if charts else None,
        "share": share,
        "outside": outside,
    })
print(json.dumps(slides))
"#,
        &[s(deck)],
    )
}

/// Asserts the deck's room rules on every slide: no text under 12 pt (runs and charts), at
/// least 70 % of the height below the title used on slides with a chart, nothing outside the
/// slide. Returns the smallest text, the smallest chart text and the least share, for the
/// figures printed by the tests.
fn assert_room(name: &str, deck: &Path) -> (f64, f64, f64) {
    let slides = room_used(deck);
    let mut least = (f64::INFINITY, f64::INFINITY, f64::INFINITY);
    for slide in slides.as_array().expect("slides") {
        let title = &slide["title"];
        if let Some(pt) = slide["smallest_text"].as_f64() {
            assert!(pt >= 12.0, "{name}, {title}: text at {pt} pt");
            least.0 = least.0.min(pt);
        }
        if let Some(pt) = slide["chart_text"].as_f64() {
            assert!(pt >= 11.95, "{name}, {title}: chart text at {pt:.2} pt");
            least.1 = least.1.min(pt);
        }
        if let Some(share) = slide["share"].as_f64() {
            assert!(
                share >= 0.70,
                "{name}, {title}: {share:.2} of the height used"
            );
            least.2 = least.2.min(share);
        }
        assert_eq!(
            slide["outside"],
            serde_json::json!([]),
            "{name}, {title}: shapes outside the slide"
        );
    }
    eprintln!(
        "{name}: smallest text {:.1} pt, smallest chart text {:.2} pt, least share of the height below the title {:.0} %",
        least.0,
        least.1,
        least.2 * 100.0
    );
    least
}
