//! The deck as an OpenDocument presentation (ODF 1.2): `mimetype` first and stored, the
//! manifest, the page layout and master in styles.xml, the slides and their notes in
//! content.xml. A chart's frame holds its SVG and, as the fallback ODF allows, its PNG; its
//! title and description are the frame's `svg:title` and `svg:desc`.

use std::collections::BTreeMap;

use crate::xml::Package;
use crate::{
    CTR_TITLE, Deck, FONT, Palette, Para, Rect, Result, SLIDE_H, SLIDE_W, SUBTITLE, Shape,
    SlideKind, TITLE, palette,
};
use jalon_core::xml::escape;

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0""#;
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const MIME: &str = "application/vnd.oasis.opendocument.presentation";

/// A length in EMU as ODF writes it, in centimetres (360,000 EMU each).
fn cm(emu: i64) -> String {
    format!("{:.3}cm", emu as f64 / 360_000.0)
}

fn place(r: Rect) -> String {
    format!(
        r#"svg:x="{}" svg:y="{}" svg:width="{}" svg:height="{}""#,
        cm(r.x),
        cm(r.y),
        cm(r.w),
        cm(r.h)
    )
}

/// Text styles made on demand, one per (size, bold, colour).
#[derive(Default)]
struct TextStyles {
    names: BTreeMap<(u32, bool, String), String>,
}

impl TextStyles {
    fn name(&mut self, size: u32, bold: bool, color: &str) -> String {
        let n = self.names.len();
        self.names
            .entry((size, bold, color.to_string()))
            .or_insert_with(|| format!("T{}", n + 1))
            .clone()
    }

    fn xml(&self) -> String {
        self.names
            .iter()
            .map(|((size, bold, color), name)| {
                format!(
                    r##"<style:style style:name="{name}" style:family="text"><style:text-properties fo:font-family="{FONT}" style:font-family-generic="swiss" fo:font-size="{size}pt" fo:font-weight="{}" fo:color="#{color}"/></style:style>"##,
                    if *bold { "bold" } else { "normal" }
                )
            })
            .collect()
    }
}

/// The deck as ODP bytes.
pub fn odp(deck: &Deck) -> Result<Vec<u8>> {
    let pal = palette(deck.dark);
    let mut pkg = Package::new();
    pkg.stored("mimetype", MIME.as_bytes())?;
    let mut pictures = Vec::new();
    let content = content(deck, &pal, &mut pictures);
    let mut manifest = format!(
        r#"{DECL}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{MIME}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>"#
    );
    for (name, _) in &pictures {
        let media = if name.ends_with(".svg") {
            "image/svg+xml"
        } else {
            "image/png"
        };
        manifest.push_str(&format!(
            r#"<manifest:file-entry manifest:full-path="Pictures/{name}" manifest:media-type="{media}"/>"#
        ));
    }
    manifest.push_str("</manifest:manifest>");
    pkg.deflated("META-INF/manifest.xml", manifest.as_bytes())?;
    pkg.deflated("content.xml", content.as_bytes())?;
    pkg.deflated("styles.xml", styles(deck, &pal).as_bytes())?;
    pkg.deflated(
        "meta.xml",
        format!(
            r#"{DECL}<office:document-meta {NS} office:version="1.2"><office:meta><meta:generator>Jalon</meta:generator><dc:title>{}</dc:title><dc:language>{}</dc:language></office:meta></office:document-meta>"#,
            escape(&deck.title),
            deck.lang_tag()
        )
        .as_bytes(),
    )?;
    for (name, bytes) in &pictures {
        pkg.deflated(&format!("Pictures/{name}"), bytes)?;
    }
    pkg.finish()
}

fn styles(deck: &Deck, pal: &Palette) -> String {
    let (language, country) = deck.lang_tag().split_once('-').unwrap_or(("en", "GB"));
    format!(
        r##"{DECL}<office:document-styles {NS} office:version="1.2"><office:styles><style:default-style style:family="graphic"><style:text-properties fo:font-family="{FONT}" style:font-family-generic="swiss" fo:font-size="18pt" fo:language="{language}" fo:country="{country}"/></style:default-style></office:styles><office:automatic-styles><style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="{w}" fo:page-height="{h}" style:print-orientation="landscape"/></style:page-layout><style:style style:name="Mdp1" style:family="drawing-page"><style:drawing-page-properties draw:background-size="full" draw:fill="solid" draw:fill-color="#{paper}"/></style:style></office:automatic-styles><office:master-styles><style:master-page style:name="Jalon" style:page-layout-name="PM1" draw:style-name="Mdp1"/></office:master-styles></office:document-styles>"##,
        w = cm(SLIDE_W),
        h = cm(SLIDE_H),
        paper = pal.paper,
    )
}

/// The name of the row style with this least height, made on first use.
fn row_style(styles: &mut Vec<i64>, h: i64) -> String {
    let i = match styles.iter().position(|x| *x == h) {
        Some(i) => i,
        None => {
            styles.push(h);
            styles.len() - 1
        }
    };
    format!("ro{}", i + 1)
}

fn paragraph(styles: &mut TextStyles, p: &Para, color: &str, para_style: &str) -> String {
    let span = styles.name(p.size, p.bold, color);
    let style = if para_style.is_empty() {
        String::new()
    } else {
        format!(r#" text:style-name="{para_style}""#)
    };
    format!(
        r#"<text:p{style}><text:span text:style-name="{span}">{}</text:span></text:p>"#,
        escape(&p.text)
    )
}

/// Paragraphs, with each run of bullets as a list.
fn paragraphs(styles: &mut TextStyles, paras: &[Para], color: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for p in paras {
        if p.bullet && !in_list {
            out.push_str(r#"<text:list text:style-name="L1">"#);
            in_list = true;
        } else if !p.bullet && in_list {
            out.push_str("</text:list>");
            in_list = false;
        }
        let body = paragraph(styles, p, color, "");
        if p.bullet {
            out.push_str(&format!("<text:list-item>{body}</text:list-item>"));
        } else {
            out.push_str(&body);
        }
    }
    if in_list {
        out.push_str("</text:list>");
    }
    out
}

/// The styles a deck's pages name as they are written: text runs, and the distinct column
/// widths and row heights of its tables.
#[derive(Default)]
struct PageStyles {
    text: TextStyles,
    columns: Vec<i64>,
    rows: Vec<i64>,
}

fn content(deck: &Deck, pal: &Palette, pictures: &mut Vec<(String, Vec<u8>)>) -> String {
    let mut styles = PageStyles::default();
    let pages: String = deck
        .slides
        .iter()
        .enumerate()
        .map(|(i, slide)| page(i + 1, slide, pal, &mut styles, pictures))
        .collect();
    let PageStyles {
        text: ts,
        columns,
        rows: row_styles,
    } = styles;
    let row_styles: String = row_styles
        .iter()
        .enumerate()
        .map(|(i, h)| {
            format!(
                r#"<style:style style:name="ro{}" style:family="table-row"><style:table-row-properties style:min-row-height="{}"/></style:style>"#,
                i + 1,
                cm(*h)
            )
        })
        .collect();
    let column_styles: String = columns
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!(
                r#"<style:style style:name="co{}" style:family="table-column"><style:table-column-properties style:column-width="{}"/></style:style>"#,
                i + 1,
                cm(*w)
            )
        })
        .collect();
    let head_fill = if deck.dark { "2A5A94" } else { pal.brand };
    // ODF 1.3 gives a table cell its fill as a table-cell property; Impress reads only the
    // graphic properties LibreOffice writes in its own namespace (loext, which an ODF
    // extended document may carry and a validator ignores). Both, so that either reads it.
    let cell = |name: &str, fill: &str| {
        format!(
            r##"<style:style style:name="{name}" style:family="table-cell"><loext:graphic-properties draw:fill="solid" draw:fill-color="#{fill}" fo:padding-left="0.178cm" fo:padding-right="0.178cm" fo:padding-top="0.102cm" fo:padding-bottom="0.102cm"/><style:table-cell-properties fo:background-color="#{fill}" fo:padding-left="0.178cm" fo:padding-right="0.178cm" fo:padding-top="0.102cm" fo:padding-bottom="0.102cm"/></style:style>"##
        )
    };
    format!(
        r##"{DECL}<office:document-content {NS} office:version="1.2"><office:automatic-styles><style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties draw:background-size="full" draw:fill="solid" draw:fill-color="#{paper}"/></style:style><style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" draw:auto-grow-height="false" draw:textarea-vertical-align="top" fo:padding-top="0cm" fo:padding-bottom="0cm" fo:padding-left="0cm" fo:padding-right="0cm" fo:wrap-option="wrap"/></style:style><style:style style:name="grTitle" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" draw:auto-grow-height="false" draw:textarea-vertical-align="middle" fo:padding-left="0cm" fo:padding-right="0cm" fo:wrap-option="wrap"/></style:style><style:style style:name="PRight" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>{cells}{column_styles}{row_styles}{text}<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:space-before="0cm" text:min-label-width="0.6cm"/><style:text-properties fo:font-family="{FONT}" style:font-family-generic="swiss" fo:font-size="100%"/></text:list-level-style-bullet></text:list-style></office:automatic-styles><office:body><office:presentation>{pages}</office:presentation></office:body></office:document-content>"##,
        paper = pal.paper,
        cells = cell("ceHead", head_fill) + &cell("ceBand", pal.band) + &cell("ceBody", pal.paper),
        text = ts.xml(),
    )
}

/// One slide as a drawing page, with its notes.
fn page(
    k: usize,
    slide: &crate::Slide,
    pal: &Palette,
    styles: &mut PageStyles,
    pictures: &mut Vec<(String, Vec<u8>)>,
) -> String {
    let mut body = title_frames(slide, pal, &mut styles.text);
    for shape in &slide.shapes {
        match shape {
            Shape::Text { rect, paras } => body.push_str(&format!(
                r#"<draw:frame draw:style-name="gr1" {}><draw:text-box>{}</draw:text-box></draw:frame>"#,
                place(*rect),
                paragraphs(&mut styles.text, paras, pal.ink)
            )),
            Shape::Picture {
                rect,
                png,
                svg,
                title,
                alt,
            } => body.push_str(&picture_frame(*rect, png, svg, title, alt, pictures)),
            Shape::Table(t) => body.push_str(&table_frame(t, pal, styles)),
        }
    }
    let notes: Vec<Para> = slide
        .notes
        .iter()
        .map(|l| Para {
            text: l.clone(),
            bold: false,
            bullet: false,
            size: 12,
        })
        .collect();
    let notes = paragraphs(&mut styles.text, &notes, "000000");
    format!(
        r#"<draw:page draw:name="Slide {k}" draw:style-name="dp1" draw:master-page-name="Jalon">{body}<presentation:notes><draw:page-thumbnail draw:style-name="gr1" presentation:class="page" draw:page-number="{k}" svg:x="1.5cm" svg:y="1.5cm" svg:width="18cm" svg:height="10.125cm"/><draw:frame draw:style-name="gr1" presentation:class="notes" svg:x="1.5cm" svg:y="12.5cm" svg:width="18cm" svg:height="14cm"><draw:text-box>{notes}</draw:text-box></draw:frame></presentation:notes></draw:page>"#
    )
}

/// The slide's title, and on the title slide its subtitle lines.
fn title_frames(slide: &crate::Slide, pal: &Palette, ts: &mut TextStyles) -> String {
    let title = Para {
        text: slide.title.clone(),
        bold: true,
        bullet: false,
        // The size `fit::titles` fitted it to, from the stage's (36 on the title slide, 28).
        size: slide
            .title_size
            .unwrap_or(if slide.kind == SlideKind::Title {
                36
            } else {
                28
            }),
    };
    let (title_rect, class) = match slide.kind {
        SlideKind::Title => (CTR_TITLE, "title"),
        SlideKind::Content => (TITLE, "title"),
    };
    let mut out = format!(
        r#"<draw:frame draw:style-name="grTitle" presentation:class="{class}" {}><draw:text-box>{}</draw:text-box></draw:frame>"#,
        place(title_rect),
        paragraph(ts, &title, pal.brand, "")
    );
    if slide.kind == SlideKind::Title {
        let lines: Vec<Para> = slide
            .subtitle
            .iter()
            .map(|l| Para {
                text: l.clone(),
                bold: false,
                bullet: false,
                size: slide.subtitle_size.unwrap_or(20),
            })
            .collect();
        out.push_str(&format!(
            r#"<draw:frame draw:style-name="gr1" presentation:class="subtitle" {}><draw:text-box>{}</draw:text-box></draw:frame>"#,
            place(SUBTITLE),
            paragraphs(ts, &lines, pal.muted)
        ));
    }
    out
}

/// A chart: its SVG with the PNG as the fallback, titled and described for screen readers.
fn picture_frame(
    rect: Rect,
    png: &[u8],
    svg: &[u8],
    title: &str,
    alt: &str,
    pictures: &mut Vec<(String, Vec<u8>)>,
) -> String {
    let n = pictures.len() / 2 + 1;
    let (svg_name, png_name) = (format!("image{n}.svg"), format!("image{n}.png"));
    pictures.push((svg_name.clone(), svg.to_vec()));
    pictures.push((png_name.clone(), png.to_vec()));
    let image = |name: &str| {
        format!(
            r#"<draw:image xlink:href="Pictures/{name}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"><text:p/></draw:image>"#
        )
    };
    format!(
        r#"<draw:frame draw:style-name="gr1" draw:name="Chart {n}" {}>{}{}<svg:title>{}</svg:title><svg:desc>{}</svg:desc></draw:frame>"#,
        place(rect),
        image(&svg_name),
        image(&png_name),
        escape(title),
        escape(alt)
    )
}

/// A table: its header row filled with the brand colour, its body rows banded, each row as
/// high as its wrapped text.
fn table_frame(table: &crate::Table, pal: &Palette, styles: &mut PageStyles) -> String {
    let crate::Table {
        rect,
        columns: widths,
        header,
        rows,
        heights,
        size,
    } = table;
    let size = *size;
    let mut t = String::new();
    for w in widths {
        let c = match styles.columns.iter().position(|x| x == w) {
            Some(c) => c,
            None => {
                styles.columns.push(*w);
                styles.columns.len() - 1
            }
        };
        t.push_str(&format!(
            r#"<table:table-column table:style-name="co{}"/>"#,
            c + 1
        ));
    }
    let row = |styles: &mut PageStyles, cells: &[String], head: bool, band: bool, h: i64| {
        let mut r = format!(
            r#"<table:table-row table:style-name="{}">"#,
            row_style(&mut styles.rows, h)
        );
        for (c, text) in cells.iter().enumerate() {
            let (ink, cell) = if head {
                ("FFFFFF", "ceHead")
            } else if band {
                (pal.ink, "ceBand")
            } else {
                (pal.ink, "ceBody")
            };
            let align = if (1..=2).contains(&c) { "PRight" } else { "" };
            let p = Para {
                text: text.clone(),
                bold: head,
                bullet: false,
                size,
            };
            r.push_str(&format!(
                r#"<table:table-cell table:style-name="{cell}" office:value-type="string">{}</table:table-cell>"#,
                paragraph(&mut styles.text, &p, ink, align)
            ));
        }
        r.push_str("</table:table-row>");
        r
    };
    t.push_str(&row(styles, header, true, false, heights[0]));
    for (i, cells) in rows.iter().enumerate() {
        t.push_str(&row(styles, cells, false, i % 2 == 1, heights[i + 1]));
    }
    format!(
        r#"<draw:frame draw:style-name="gr1" {}><table:table>{t}</table:table></draw:frame>"#,
        place(*rect)
    )
}
