//! The deck as the officer sees it before exporting: each slide drawn as an SVG from the same
//! model the writers write (`Deck`), with the layout its role goes on, so that the preview
//! shows what the file holds: the same titles at their fitted sizes, the same boxes, the same
//! tables with their measured rows, the same chart pictures.
//!
//! What it cannot show is the template's own artwork (its master's logos, bars and
//! backgrounds): those are drawn by the reader from the template's parts. The title and
//! content boxes are the layout's, so a slide's text sits where it will.

use base64::Engine as _;
use jalon_core::xml::escape;

use crate::fit::{BULLET_INDENT, CELL_X, CELL_Y, EMU_PER_PT, INSET_Y, LINE};
use crate::{ArtKind, Backdrop, Deck, Para, Rect, Shape, Slide, SlideKind, Table, palette};

/// A slide of the preview.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SlidePreview {
    /// Its number in the deck, from 1.
    pub number: u32,
    /// Its title as written (fitted, cut with "…" where it had to be).
    pub title: String,
    /// The layout it goes on, as the template (or Jalon's theme) names it.
    pub layout: String,
    /// The template offered no usable layout for the slide's role: Jalon's boxes on its blank
    /// layout.
    pub fallback: bool,
    /// The slide drawn as SVG, in points; its text is escaped.
    pub svg: String,
}

/// The colours a slide is drawn in: the palette's, or the template's theme.
#[derive(Clone)]
struct Ink {
    paper: String,
    title: String,
    text: String,
    muted: String,
    head_fill: String,
    head_ink: String,
    body_fill: String,
    band_fill: String,
    body_ink: String,
    line: String,
}

impl Ink {
    fn of(deck: &Deck) -> Ink {
        let pal = palette(deck.dark);
        let hex = |c: &str| format!("#{c}");
        match &deck.stage.look {
            Some(t) => Ink {
                paper: hex(&t.body_fill),
                title: hex(deck.stage.title_ink.as_deref().unwrap_or(&t.body_ink)),
                text: hex(&t.body_ink),
                muted: hex(&t.body_ink),
                head_fill: hex(&t.header_fill),
                head_ink: hex(&t.header_ink),
                body_fill: hex(&t.body_fill),
                band_fill: hex(&t.band_fill),
                body_ink: hex(&t.body_ink),
                line: hex(&t.body_ink),
            },
            None => Ink {
                paper: hex(pal.paper),
                title: hex(pal.brand),
                text: hex(pal.ink),
                muted: hex(pal.muted),
                head_fill: hex(if deck.dark { "2A5A94" } else { pal.brand }),
                head_ink: "#FFFFFF".into(),
                body_fill: hex(pal.paper),
                band_fill: hex(pal.band),
                body_ink: hex(pal.ink),
                line: hex(pal.line),
            },
        }
    }
}

/// Every slide of the deck, drawn.
pub fn preview(deck: &Deck) -> Vec<SlidePreview> {
    let ink = Ink::of(deck);
    deck.slides
        .iter()
        .enumerate()
        .map(|(i, slide)| {
            let placed = deck.stage.layout(slide.role);
            SlidePreview {
                number: i as u32 + 1,
                title: slide.title.clone(),
                layout: placed.name.clone(),
                fallback: placed.fallback,
                svg: slide_svg(deck, slide, &ink, &placed.backdrop),
            }
        })
        .collect()
}

fn pt(emu: i64) -> f64 {
    emu as f64 / EMU_PER_PT
}

fn slide_svg(deck: &Deck, slide: &Slide, ink: &Ink, backdrop: &Backdrop) -> String {
    let (w, h) = deck.stage.slide;
    let paper = backdrop
        .fill
        .as_ref()
        .map_or(ink.paper.clone(), |f| format!("#{f}"));
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {:.1} {:.1}" font-family="Liberation Sans, Arial, Helvetica, sans-serif"><rect width="100%" height="100%" fill="{paper}"/>"#,
        pt(w),
        pt(h),
    );
    for art in &backdrop.art {
        match &art.kind {
            ArtKind::Fill(c) => out.push_str(&format!(
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#{c}"/>"##,
                pt(art.rect.x),
                pt(art.rect.y),
                pt(art.rect.w),
                pt(art.rect.h)
            )),
            ArtKind::Picture { mime, bytes } => image(&mut out, art.rect, mime, bytes),
        }
    }
    titles(&mut out, deck, slide, ink);
    for shape in &slide.shapes {
        match shape {
            Shape::Text { rect, paras } => text_box(&mut out, *rect, paras, &ink.text),
            Shape::Picture { rect, png, .. } => image(&mut out, *rect, "image/png", png),
            Shape::Table(t) => table(&mut out, t, ink),
        }
    }
    out.push_str("</svg>");
    out
}

/// A picture stretched to its frame, as the writers and the templates' pictures are.
fn image(out: &mut String, rect: Rect, mime: &str, bytes: &[u8]) {
    out.push_str(&format!(
        r#"<image x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" preserveAspectRatio="none" href="data:{mime};base64,{}"/>"#,
        pt(rect.x),
        pt(rect.y),
        pt(rect.w),
        pt(rect.h),
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ));
}

/// The title (and the title slide's subtitle) in the stage's boxes, at their fitted sizes.
fn titles(out: &mut String, deck: &Deck, slide: &Slide, ink: &Ink) {
    let stage = &deck.stage;
    // Jalon's theme sets every title left and at the top of its box; templates most often
    // centre theirs vertically, and the title slide's across too.
    let on_template = stage.look.is_some();
    let middle = on_template;
    let (tb, centred) = match slide.kind {
        SlideKind::Title => (stage.centred, on_template),
        SlideKind::Content => (stage.room(slide.role).title, stage.title_centred),
    };
    let size = slide.title_size.unwrap_or(tb.size);
    let title = if stage.title_caps {
        slide.title.to_uppercase()
    } else {
        slide.title.clone()
    };
    lines(
        out,
        tb.rect,
        &wrap(&title, tb.rect.w, size, stage.title_bold),
        Style {
            size,
            bold: stage.title_bold,
            colour: &ink.title,
            centred,
            middle,
        },
    );
    if slide.kind == SlideKind::Title && !slide.subtitle.is_empty() {
        let size = slide.subtitle_size.unwrap_or(stage.subtitle.size);
        let all: Vec<String> = slide
            .subtitle
            .iter()
            .flat_map(|l| wrap(l, stage.subtitle.rect.w, size, false))
            .collect();
        lines(
            out,
            stage.subtitle.rect,
            &all,
            Style {
                size,
                bold: false,
                colour: &ink.muted,
                centred: on_template,
                middle: false,
            },
        );
    }
}

/// A placeholder's text wrapped to its box, less the default insets.
fn wrap(text: &str, w: i64, size: u32, bold: bool) -> Vec<String> {
    let room = pt(w - 2 * crate::fit::INSET_X).max(1.0);
    jalon_charts::wrap_text(text, room, f64::from(size), bold, 99)
}

struct Style<'a> {
    size: u32,
    bold: bool,
    colour: &'a str,
    centred: bool,
    middle: bool,
}

/// Lines of text in a box, each a `<text>` on its baseline.
fn lines(out: &mut String, rect: Rect, lines: &[String], s: Style) {
    let em = f64::from(s.size);
    let step = em * LINE;
    let used = step * lines.len() as f64;
    let top = if s.middle {
        pt(rect.y) + (pt(rect.h) - used) / 2.0
    } else {
        pt(rect.y + INSET_Y)
    };
    let (x, anchor) = if s.centred {
        (pt(rect.x) + pt(rect.w) / 2.0, "middle")
    } else {
        (pt(rect.x + crate::fit::INSET_X), "start")
    };
    for (i, line) in lines.iter().enumerate() {
        // The baseline sits about 0.9 em under the line's top, with the line's leading above.
        let y = top + step * i as f64 + em * 0.9 + (step - em) / 2.0;
        out.push_str(&format!(
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{em}" fill="{}" text-anchor="{anchor}"{}>{}</text>"#,
            s.colour,
            if s.bold { r#" font-weight="bold""# } else { "" },
            escape(line)
        ));
    }
}

/// A text box as the writers set it: no left or right inset, paragraphs from the top, bullets
/// hanging in their indent.
fn text_box(out: &mut String, rect: Rect, paras: &[Para], colour: &str) {
    let mut y = pt(rect.y + INSET_Y);
    for p in paras {
        let em = f64::from(p.size);
        let indent = if p.bullet { BULLET_INDENT } else { 0 };
        let wrapped = jalon_charts::wrap_text(&p.text, pt(rect.w - indent), em, p.bold, 99);
        for (i, line) in wrapped.iter().enumerate() {
            let base = y + em * 0.9 + em * (LINE - 1.0) / 2.0;
            if p.bullet && i == 0 {
                out.push_str(&format!(
                    r#"<text x="{:.1}" y="{base:.1}" font-size="{em}" fill="{colour}">•</text>"#,
                    pt(rect.x)
                ));
            }
            out.push_str(&format!(
                r#"<text x="{:.1}" y="{base:.1}" font-size="{em}" fill="{colour}"{}>{}</text>"#,
                pt(rect.x + indent),
                if p.bold { r#" font-weight="bold""# } else { "" },
                escape(line)
            ));
            y += em * LINE;
        }
    }
}

/// A table with its measured columns and rows, its header on the accent, its body banded.
fn table(out: &mut String, t: &Table, ink: &Ink) {
    let mut y = t.rect.y;
    let em = f64::from(t.size);
    let rows = std::iter::once(&t.header).chain(t.rows.iter());
    for (r, (cells, &height)) in rows.zip(&t.heights).enumerate() {
        let head = r == 0;
        let (fill, colour) = match (head, r % 2 == 0) {
            (true, _) => (&ink.head_fill, &ink.head_ink),
            (false, true) => (&ink.band_fill, &ink.body_ink),
            (false, false) => (&ink.body_fill, &ink.body_ink),
        };
        out.push_str(&format!(
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}"/><line x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="{}" stroke-width="0.5"/>"#,
            pt(t.rect.x),
            pt(y),
            pt(t.rect.w),
            pt(height),
            pt(t.rect.x),
            pt(t.rect.x + t.rect.w),
            pt(y + height),
            pt(y + height),
            ink.line
        ));
        let mut x = t.rect.x;
        for (c, (text, &width)) in cells.iter().zip(&t.columns).enumerate() {
            let room = pt(width - 2 * CELL_X).max(1.0);
            // The numbers are right-aligned, as the writers set them.
            let right = (1..=2).contains(&c);
            for (i, line) in jalon_charts::wrap_text(text, room, em, head, 99)
                .iter()
                .enumerate()
            {
                let base =
                    pt(y + CELL_Y) + em * LINE * i as f64 + em * 0.9 + em * (LINE - 1.0) / 2.0;
                let (lx, anchor) = if right {
                    (pt(x + width - CELL_X), "end")
                } else {
                    (pt(x + CELL_X), "start")
                };
                out.push_str(&format!(
                    r#"<text x="{lx:.1}" y="{base:.1}" font-size="{em}" fill="{colour}" text-anchor="{anchor}"{}>{}</text>"#,
                    if head { r#" font-weight="bold""# } else { "" },
                    escape(line)
                ));
            }
            x += width;
        }
        y += height;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SLIDE_H, SLIDE_W, Stage};

    fn deck(slides: Vec<Slide>) -> Deck {
        Deck {
            title: "T".into(),
            lang: jalon_core::Language::En,
            dark: false,
            slides,
            stage: Stage::own(),
        }
    }

    fn slide(kind: SlideKind, title: &str, shapes: Vec<Shape>) -> Slide {
        Slide {
            kind,
            role: match kind {
                SlideKind::Title => crate::Role::Title,
                SlideKind::Content => crate::Role::Table,
            },
            title: title.into(),
            title_size: Some(28),
            subtitle: vec!["Second line".into()],
            subtitle_size: Some(20),
            shapes,
            notes: vec![],
        }
    }

    #[test]
    fn each_slide_is_drawn_at_the_slide_size_with_its_layout_and_its_text() {
        let table = Table {
            rect: Rect {
                x: 457_200,
                y: 1_300_000,
                w: 6_000_000,
                h: 800_000,
            },
            columns: vec![3_000_000, 1_500_000, 1_500_000],
            header: vec!["Action".into(), "Progress".into(), "Objectives".into()],
            rows: vec![vec![
                "Build <the> & bridge".into(),
                "40 %".into(),
                "3".into(),
            ]],
            heights: vec![400_000, 400_000],
            size: 14,
        };
        let d = deck(vec![
            slide(SlideKind::Title, "Strategy", vec![]),
            slide(SlideKind::Content, "Axis 1", vec![Shape::Table(table)]),
        ]);
        let p = preview(&d);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].number, p[0].layout.as_str()), (1, "Title Slide"));
        assert_eq!((p[1].number, p[1].layout.as_str()), (2, "Title Only"));
        let view = format!("viewBox=\"0 0 {:.1} {:.1}\"", pt(SLIDE_W), pt(SLIDE_H));
        assert!(p[0].svg.contains(&view), "{}", p[0].svg);
        assert!(p[0].svg.contains(">Second line</text>"));
        // The table's text is escaped, its numbers right-aligned, its header bold.
        let svg = &p[1].svg;
        assert!(svg.contains("Build &lt;the&gt; &amp; bridge"), "{svg}");
        assert!(svg.contains(r#"text-anchor="end">40 %</text>"#), "{svg}");
        assert!(svg.contains(r#"font-weight="bold">Action</text>"#), "{svg}");
        roxmltree::Document::parse(svg).expect("the preview is well-formed SVG");
    }
}
