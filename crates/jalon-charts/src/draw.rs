//! Draws a prepared chart on a plotters drawing area, the same way on the bitmap and the SVG
//! backends.
//!
//! Layout is written in "design pixels" of a 1920×1080 slide and scaled by `k`. Text goes
//! through `Canvas::text`, which places each line by its baseline and its em size: plotters'
//! two backends interpret a font size and a top anchor differently (the bitmap one scales by
//! the font's ascent-to-descent height and puts the baseline half a size down, the SVG one
//! divides the size by 1.24 and shifts by 0.76 em), so the canvas converts for each, and the
//! PNG and the SVG carry the same text at the same place.

use std::f64::consts::PI;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, ScaleFont};
use jalon_core::{Language, Status};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::catalogue::{Body, Ink, Prepared};
use crate::{ChartError, FONT_BOLD, FONT_REGULAR, Theme};

/// Colours by meaning. Light theme: every colour has at least 3:1 against white (WCAG 1.4.11
/// for graphics) and text colours at least 4.5:1; the status hues come from the Okabe–Ito
/// palette, which stays distinct under the common colour-vision deficiencies.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub bar: RGBColor,
    pub track: RGBColor,
    pub grid: RGBColor,
    pub not_started: RGBColor,
    pub in_progress: RGBColor,
    pub completed: RGBColor,
    pub abandoned: RGBColor,
}

impl Palette {
    pub(crate) fn of(theme: Theme) -> Palette {
        match theme {
            Theme::Light => Palette {
                background: RGBColor(255, 255, 255),
                ink: RGBColor(27, 31, 36),
                muted: RGBColor(77, 86, 97),
                bar: RGBColor(0, 90, 156),
                track: RGBColor(226, 231, 237),
                grid: RGBColor(205, 211, 219),
                not_started: RGBColor(110, 117, 128),
                in_progress: RGBColor(0, 114, 178),
                completed: RGBColor(0, 133, 97),
                abandoned: RGBColor(200, 82, 0),
            },
            Theme::Dark => Palette {
                background: RGBColor(22, 25, 30),
                ink: RGBColor(238, 240, 243),
                muted: RGBColor(178, 186, 196),
                bar: RGBColor(86, 180, 233),
                track: RGBColor(52, 58, 67),
                grid: RGBColor(70, 77, 88),
                not_started: RGBColor(160, 167, 178),
                in_progress: RGBColor(86, 180, 233),
                completed: RGBColor(0, 178, 128),
                abandoned: RGBColor(230, 159, 0),
            },
        }
    }

    pub(crate) fn ink_of(&self, ink: Ink) -> RGBColor {
        match ink {
            Ink::Progress => self.bar,
            Ink::Status(Status::NotStarted) => self.not_started,
            Ink::Status(Status::InProgress) => self.in_progress,
            Ink::Status(Status::Completed) => self.completed,
            Ink::Status(Status::Abandoned) => self.abandoned,
        }
    }
}

fn faces() -> &'static (FontRef<'static>, FontRef<'static>) {
    static FACES: OnceLock<(FontRef<'static>, FontRef<'static>)> = OnceLock::new();
    FACES.get_or_init(|| {
        // Compiled-in font files: a parse failure is a build defect, caught by every test.
        (
            FontRef::try_from_slice(FONT_REGULAR).expect("bundled regular face parses"),
            FontRef::try_from_slice(FONT_BOLD).expect("bundled bold face parses"),
        )
    })
}

/// The font's ascent-to-descent height in ems: plotters' bitmap text scales by it.
fn height_in_ems() -> f64 {
    let f = &faces().0;
    let upem = f64::from(f.units_per_em().unwrap_or(2048.0));
    f64::from(f.ascent_unscaled() - f.descent_unscaled()) / upem
}

/// Lays a line of text out glyph by glyph, with kerning, at `em` pixels per em from `x` on
/// `baseline`; returns the caret after the last glyph. Measuring and drawing both go through
/// it, so that text drawn is exactly as wide as text measured.
fn lay_out(
    text: &str,
    em: f64,
    bold: bool,
    x: f32,
    baseline: f32,
    mut each: impl FnMut(&FontRef<'static>, ab_glyph::Glyph),
) -> f32 {
    let face = if bold { &faces().1 } else { &faces().0 };
    let px = ab_glyph::PxScale::from((em * height_in_ems()) as f32);
    let font = face.as_scaled(px);
    let mut caret = x;
    let mut prev = None;
    for ch in text.chars() {
        let id = font.glyph_id(ch);
        if let Some(p) = prev {
            caret += font.kern(p, id);
        }
        prev = Some(id);
        each(
            face,
            id.with_scale_and_position(px, ab_glyph::point(caret, baseline)),
        );
        caret += font.h_advance(id);
    }
    caret
}

/// Width of a line of text in pixels at `em` pixels per em, kerning included.
pub(crate) fn text_width(s: &str, em: f64, bold: bool) -> f64 {
    f64::from(lay_out(s, em, bold, 0.0, 0.0, |_, _| {}))
}

/// How much wider than the bundled font a reader's fallback may set a text: DejaVu Sans, the
/// usual sans-serif where neither Liberation Sans nor Arial is installed, runs up to 19 %
/// wider (15 % in bold) on French and English labels. A text that must not run into something
/// on its right is laid out with this much room.
pub(crate) const FALLBACK_ROOM: f64 = 1.2;

/// The room a text needs on a reader's machine: its width in the bundled font, with the
/// fallback margin.
pub(crate) fn room(s: &str, em: f64, bold: bool) -> f64 {
    text_width(s, em, bold) * FALLBACK_ROOM
}

/// Lines of at most `max` pixels (with the fallback margin: see `room`), at most `max_lines` of them. Words are never cut while a
/// line can hold them; when text remains after the last line, whole words are dropped from
/// its end until "…" fits. A single word wider than a line is cut by characters.
pub(crate) fn wrap(text: &str, max: f64, em: f64, bold: bool, max_lines: usize) -> Vec<String> {
    let fits = |s: &str| room(s, em, bold) <= max;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut lines: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for word in &words {
        let mut candidate = current.clone();
        candidate.push(word);
        if current.is_empty() || fits(&candidate.join(" ")) {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current.push(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let max_lines = max_lines.max(1);
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines);
    let count = lines.len();
    let mut out: Vec<String> = Vec::with_capacity(count);
    for (i, mut line) in lines.into_iter().enumerate() {
        let last = i + 1 == count;
        if last && cut {
            while line.len() > 1 && !fits(&format!("{}…", line.join(" "))) {
                line.pop();
            }
            out.push(shorten(&format!("{}…", line.join(" ")), &fits));
        } else {
            out.push(shorten(&line.join(" "), &fits));
        }
    }
    out
}

/// Cuts a single overlong word by characters, ending it with "…".
fn shorten(line: &str, fits: &dyn Fn(&str) -> bool) -> String {
    if fits(line) {
        return line.to_string();
    }
    let mut chars: Vec<char> = line.trim_end_matches('…').chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>() + "…";
        if fits(&s) {
            return s;
        }
    }
    "…".to_string()
}

/// A line of text waiting to be blitted onto a bitmap.
pub(crate) struct TextRun {
    text: String,
    em: f64,
    x: f64,
    baseline: f64,
    bold: bool,
    colour: RGBColor,
}

/// One run of text as SVG, so that it holds its place whatever fonts the reader has. It names
/// the bundled face first, then Arial (metric-compatible), and says its measured width
/// (`textLength`, with `lengthAdjust="spacingAndGlyphs"`), which browsers honour exactly
/// whatever face they fall back to. librsvg and LibreOffice ignore that width and set a
/// fallback face at its own width (DejaVu Sans, wider): the layout leaves that much room
/// wherever a text must not run into something (`room`). The text stays real text, one
/// `<text>` per line, selectable and read out.
pub(crate) fn svg_text(run: &TextRun) -> String {
    let TextRun {
        text,
        em,
        x,
        baseline,
        bold,
        colour,
    } = run;
    format!(
        r##"<text x="{x:.1}" y="{baseline:.1}" font-family="{}" font-size="{em:.2}" fill="#{:02X}{:02X}{:02X}"{} textLength="{:.1}" lengthAdjust="spacingAndGlyphs">{}</text>"##,
        crate::SVG_FONT_STACK,
        colour.0,
        colour.1,
        colour.2,
        if *bold { r#" font-weight="bold""# } else { "" },
        text_width(text, *em, *bold),
        jalon_core::xml::escape(text)
    )
}

/// Draws text runs onto an RGB buffer: glyphs laid out with ab_glyph at sub-pixel positions,
/// with kerning, their coverage blended over what is already there. `scale` maps the runs'
/// coordinates onto the buffer.
pub(crate) fn blit_text(buf: &mut [u8], width: u32, height: u32, runs: &[TextRun], scale: f64) {
    let (w, h) = (width as i64, height as i64);
    for run in runs {
        let RGBColor(r, g, b) = run.colour;
        let ink = [f32::from(r), f32::from(g), f32::from(b)];
        let (x, baseline) = ((run.x * scale) as f32, (run.baseline * scale) as f32);
        lay_out(
            &run.text,
            run.em * scale,
            run.bold,
            x,
            baseline,
            |face, glyph| {
                let Some(outline) = face.outline_glyph(glyph) else {
                    return;
                };
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    let x = bounds.min.x as i64 + i64::from(gx);
                    let y = bounds.min.y as i64 + i64::from(gy);
                    if coverage <= 0.0 || x < 0 || y < 0 || x >= w || y >= h {
                        return;
                    }
                    let a = coverage.min(1.0);
                    let i = ((y * w + x) * 3) as usize;
                    for (c, &ink) in ink.iter().enumerate() {
                        let under = f32::from(buf[i + c]);
                        buf[i + c] = (under + (ink - under) * a).round() as u8;
                    }
                });
            },
        );
    }
}

pub(crate) struct Canvas<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    /// Device pixels per design pixel.
    pub k: f64,
    /// Device pixels per design pixel of text (and of what text sizes: line heights, swatches).
    pub tk: f64,
    pub pal: Palette,
    /// Bitmap text, drawn after the shapes (see `text`).
    pub texts: std::cell::RefCell<Vec<TextRun>>,
}

type Drawn = Result<(), ChartError>;

fn err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

impl<DB: DrawingBackend> Canvas<'_, DB> {
    fn d(&self, v: f64) -> f64 {
        v * self.k
    }

    /// A text size, or a distance that follows one.
    fn t(&self, v: f64) -> f64 {
        v * self.tk
    }

    /// One line of text, its baseline at `baseline`, `em` in device pixels. Text is kept
    /// aside and put on once the shapes are drawn (it is always a chart's top layer):
    /// - in a bitmap, by `blit_text`, since plotters' bitmap text drops each glyph's side
    ///   bearing (letters crowd, a "j" drifts right) and blends pixel by pixel through the
    ///   drawing area;
    /// - in SVG, by `svg_text`, word by word at the positions measured here.
    fn text(&self, s: &str, em: f64, x: f64, baseline: f64, bold: bool, c: RGBColor) -> Drawn {
        self.texts.borrow_mut().push(TextRun {
            text: s.to_string(),
            em,
            x,
            baseline,
            bold,
            colour: c,
        });
        Ok(())
    }

    fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, c: RGBColor) -> Drawn {
        self.area
            .draw(&Rectangle::new(
                [
                    (x0.round() as i32, y0.round() as i32),
                    (x1.round() as i32, y1.round() as i32),
                ],
                c.filled(),
            ))
            .map_err(err)
    }

    fn polygon(&self, points: &[(f64, f64)], c: RGBColor) -> Drawn {
        let pts: Vec<(i32, i32)> = points
            .iter()
            .map(|(x, y)| (x.round() as i32, y.round() as i32))
            .collect();
        self.area.draw(&Polygon::new(pts, c.filled())).map_err(err)
    }

    fn line(&self, points: &[(f64, f64)], c: RGBColor, width: f64) -> Drawn {
        let pts: Vec<(i32, i32)> = points
            .iter()
            .map(|(x, y)| (x.round() as i32, y.round() as i32))
            .collect();
        self.area
            .draw(&PathElement::new(
                pts,
                c.stroke_width(width.round().max(1.0) as u32),
            ))
            .map_err(err)
    }

    fn circle(&self, x: f64, y: f64, r: f64, c: RGBColor) -> Drawn {
        self.area
            .draw(&Circle::new(
                (x.round() as i32, y.round() as i32),
                r.round().max(1.0) as i32,
                c.filled(),
            ))
            .map_err(err)
    }

    /// Draws the whole chart.
    pub(crate) fn chart(&self, p: &Prepared) -> Drawn {
        let pal = self.pal;
        self.area.fill(&pal.background).map_err(err)?;
        let (w, h) = self.area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        let m = self.d(72.0);
        let content_w = w - 2.0 * m;

        // Header: title (two lines at most) and subtitle (one line).
        let title_em = self.t(46.0);
        let mut y = m;
        for line in wrap(&p.title, content_w, title_em, true, 2) {
            y += title_em;
            self.text(&line, title_em, m, y, true, pal.ink)?;
            y += self.t(12.0);
        }
        let sub_em = self.t(27.0);
        for line in wrap(&p.subtitle, content_w, sub_em, false, 1) {
            y += sub_em + self.t(6.0);
            self.text(&line, sub_em, m, y, false, pal.muted)?;
        }
        let top = y + self.t(44.0);

        // Footer: the source line at the bottom, the legend above it.
        let src_em = self.t(crate::SMALLEST_TEXT);
        let source_baseline = h - m + self.d(10.0);
        for line in wrap(&p.source, content_w, src_em, false, 1) {
            self.text(&line, src_em, m, source_baseline, false, pal.muted)?;
        }
        let mut bottom = source_baseline - src_em - self.t(28.0);
        if !p.legend.is_empty() {
            bottom = self.legend(p, m, content_w, bottom)?;
        }

        match &p.body {
            Body::Bars(rows) => self.bars(rows, m, top, w - m, bottom)?,
            Body::Donut {
                slices,
                total,
                centre,
            } => self.donut(p.lang, slices, *total, centre, m, top, w - m, bottom)?,
            Body::Trend(points) => self.trend(p.lang, points, m, top, w - m, bottom)?,
        }
        if let Some(note) = &p.empty_note {
            let em = self.t(30.0);
            let tw = text_width(note, em, false).min(content_w);
            let baseline = match &p.body {
                // With a single period the point is drawn; the note goes above the plot.
                Body::Trend(points) if !points.is_empty() => top + em,
                _ => (top + bottom) / 2.0,
            };
            for line in wrap(note, content_w, em, false, 1) {
                self.text(&line, em, (w - tw) / 2.0, baseline, false, pal.muted)?;
            }
        }
        Ok(())
    }

    /// Swatch-and-label entries on as many lines as needed, bottom-aligned above `bottom`.
    /// Returns the new bottom of the plot area.
    fn legend(&self, p: &Prepared, x0: f64, width: f64, bottom: f64) -> Result<f64, ChartError> {
        let em = self.t(24.0);
        let sw = self.t(24.0);
        let gap = self.t(36.0);
        let line_h = self.t(40.0);
        let mut lines: Vec<Vec<(Ink, &str, f64)>> = vec![Vec::new()];
        let mut x = 0.0;
        for (ink, label) in &p.legend {
            let item = sw + self.t(10.0) + room(label, em, false);
            if x > 0.0 && x + item > width {
                lines.push(Vec::new());
                x = 0.0;
            }
            if let Some(line) = lines.last_mut() {
                line.push((*ink, label.as_str(), item));
            }
            x += item + gap;
        }
        let first_baseline = bottom - line_h * (lines.len() as f64 - 1.0);
        for (i, line) in lines.iter().enumerate() {
            let baseline = first_baseline + line_h * i as f64;
            let mut x = x0;
            for (ink, label, item) in line {
                let c = self.pal.ink_of(*ink);
                self.rect(x, baseline - sw * 0.85, x + sw, baseline + sw * 0.15, c)?;
                self.text(
                    label,
                    em,
                    x + sw + self.d(10.0),
                    baseline,
                    false,
                    self.pal.ink,
                )?;
                x += item + gap;
            }
        }
        Ok(first_baseline - em - self.t(30.0))
    }

    fn bars(
        &self,
        rows: &[crate::catalogue::BarRow],
        x0: f64,
        top: f64,
        x1: f64,
        bottom: f64,
    ) -> Drawn {
        if rows.is_empty() {
            return Ok(());
        }
        let pal = self.pal;
        let n = rows.len() as f64;
        let row_h = ((bottom - top) / n).min(self.d(170.0));
        // A short list sits in the middle of the plot area rather than under the title.
        let top = top + ((bottom - top) - row_h * n) / 2.0;
        // Labels shrink with tight rows, never below the catalogue's smallest text (a deck
        // sets that at 12 pt on the slide): a tight row gets a single line cut with "…".
        let label_em = self
            .t(24.0)
            .min(row_h * 0.34)
            .max(self.t(crate::SMALLEST_TEXT));
        let line_h = label_em * 1.22;
        let max_lines = ((row_h * 0.92 / line_h).floor() as usize).clamp(1, 3);
        let value_em = (label_em * 1.15).min(self.t(28.0));
        let label_w = (x1 - x0) * 0.36;
        let gap = self.d(14.0);
        let value_w = rows
            .iter()
            .map(|r| room(&r.value_label, value_em, true))
            .fold(0.0, f64::max);
        let bar_x0 = x0 + label_w + self.d(28.0);
        let bar_x1 = (x1 - value_w - gap).max(bar_x0 + 1.0);
        let bar_h = (row_h * 0.56).min(self.d(64.0));
        for (i, row) in rows.iter().enumerate() {
            let mid = top + row_h * (i as f64 + 0.5);
            let lines = wrap(&row.label, label_w, label_em, false, max_lines);
            // Centre the label block on the bar: the first baseline sits one cap height below
            // the block's top.
            let block = line_h * (lines.len() as f64 - 1.0) + label_em * 0.72;
            let mut baseline = mid - block / 2.0 + label_em * 0.72;
            for line in &lines {
                self.text(line, label_em, x0, baseline, false, pal.ink)?;
                baseline += line_h;
            }
            self.rect(
                bar_x0,
                mid - bar_h / 2.0,
                bar_x1,
                mid + bar_h / 2.0,
                pal.track,
            )?;
            let value = f64::from(row.value.unwrap_or(0).min(100));
            let end = bar_x0 + (bar_x1 - bar_x0) * value / 100.0;
            if value > 0.0 {
                let c = pal.ink_of(row.ink);
                self.rect(bar_x0, mid - bar_h / 2.0, end, mid + bar_h / 2.0, c)?;
            }
            self.text(
                &row.value_label,
                value_em,
                end + gap,
                mid + value_em * 0.36,
                true,
                pal.ink,
            )?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn donut(
        &self,
        lang: Language,
        slices: &[crate::catalogue::Slice],
        total: usize,
        centre: &(String, String),
        x0: f64,
        top: f64,
        x1: f64,
        bottom: f64,
    ) -> Drawn {
        let pal = self.pal;
        let r = ((bottom - top) / 2.0 - self.d(16.0)).min((x1 - x0) * 0.22);
        let (cx, cy) = (x0 + r + self.d(40.0), (top + bottom) / 2.0);
        let inner = r * 0.58;
        let ring = |a0: f64, a1: f64| -> Vec<(f64, f64)> {
            let steps = (((a1 - a0) / (2.0 * PI)) * 240.0).ceil().max(2.0) as usize;
            let at = |a: f64, rr: f64| (cx + rr * a.sin(), cy - rr * a.cos());
            let mut pts: Vec<(f64, f64)> = (0..=steps)
                .map(|i| at(a0 + (a1 - a0) * i as f64 / steps as f64, r))
                .collect();
            pts.extend(
                (0..=steps)
                    .rev()
                    .map(|i| at(a0 + (a1 - a0) * i as f64 / steps as f64, inner)),
            );
            pts
        };
        if total == 0 {
            self.polygon(&ring(0.0, 2.0 * PI), pal.track)?;
        } else {
            // Slices start at twelve o'clock and run clockwise in the legend's order.
            let mut a = 0.0;
            let mut bounds = Vec::new();
            for s in slices.iter().filter(|s| s.count > 0) {
                let sweep = 2.0 * PI * s.count as f64 / total as f64;
                self.polygon(&ring(a, a + sweep), pal.ink_of(Ink::Status(s.status)))?;
                bounds.push(a);
                a += sweep;
            }
            // A background-coloured gap between slices, so that neighbours never depend on
            // hue alone to be told apart.
            if bounds.len() > 1 {
                for b in bounds {
                    let p = |rr: f64| (cx + rr * b.sin(), cy - rr * b.cos());
                    self.line(&[p(inner - 2.0), p(r + 2.0)], pal.background, self.d(5.0))?;
                }
            }
        }
        let big = self.t(72.0);
        let small = self.t(26.0);
        let bw = text_width(&centre.0, big, true);
        self.text(&centre.0, big, cx - bw / 2.0, cy + big * 0.2, true, pal.ink)?;
        let sw = text_width(&centre.1, small, false);
        self.text(
            &centre.1,
            small,
            cx - sw / 2.0,
            cy + big * 0.2 + small * 1.5,
            false,
            pal.muted,
        )?;

        // The legend carries every number, so the donut never needs its colours read.
        let lx = cx + r + self.d(110.0);
        let em = self.t(34.0);
        let row = self
            .t(86.0)
            .min((bottom - top) / slices.len().max(1) as f64);
        let block = row * slices.len() as f64;
        let mut y = cy - block / 2.0 + row / 2.0;
        let sw = self.t(34.0);
        for s in slices {
            let c = pal.ink_of(Ink::Status(s.status));
            self.rect(lx, y - sw / 2.0, lx + sw, y + sw / 2.0, c)?;
            let label = &s.label;
            let status = lang.status(s.status);
            let tx = lx + sw + self.t(18.0);
            self.text(status, em, tx, y + em * 0.36, false, pal.ink)?;
            let nx = tx + self.t(340.0).max(room(status, em, false) + self.t(24.0));
            if nx + room(label, em, true) <= x1 {
                self.text(label, em, nx, y + em * 0.36, true, pal.ink)?;
            }
            y += row;
        }
        Ok(())
    }

    fn trend(
        &self,
        lang: Language,
        points: &[crate::catalogue::Point],
        x0: f64,
        top: f64,
        x1: f64,
        bottom: f64,
    ) -> Drawn {
        if points.is_empty() {
            return Ok(());
        }
        let pal = self.pal;
        let em = self.t(22.0);
        let tick_w = room("100 %", em, false) + self.t(16.0);
        let px0 = x0 + tick_w;
        let label_h = self.t(44.0);
        let py0 = top + self.d(if points.len() == 1 { 70.0 } else { 30.0 });
        let py1 = bottom - label_h;
        let y_of = |v: f64| py1 - (py1 - py0) * v / 100.0;
        for t in [0u32, 25, 50, 75, 100] {
            let y = y_of(f64::from(t));
            self.line(&[(px0, y), (x1, y)], pal.grid, self.d(2.0))?;
            let s = lang.percent(t);
            let tw = text_width(&s, em, false);
            self.text(
                &s,
                em,
                px0 - self.d(12.0) - tw,
                y + em * 0.36,
                false,
                pal.muted,
            )?;
        }
        let n = points.len();
        let step = (x1 - px0) / n as f64;
        let x_of = |i: usize| px0 + step * (i as f64 + 0.5);
        // Consecutive known values are joined; an unknown value breaks the line.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let flush = |run: &mut Vec<(f64, f64)>| -> Drawn {
            if run.len() > 1 {
                self.line(run, pal.bar, self.d(5.0))?;
            }
            run.clear();
            Ok(())
        };
        for (i, p) in points.iter().enumerate() {
            match p.value {
                Some(v) => run.push((x_of(i), y_of(f64::from(v.min(100))))),
                None => flush(&mut run)?,
            }
        }
        flush(&mut run)?;
        let value_em = self.t(26.0);
        let label_max = (step - self.d(12.0)).max(self.d(20.0));
        for (i, p) in points.iter().enumerate() {
            let x = x_of(i);
            if let Some(v) = p.value {
                let y = y_of(f64::from(v.min(100)));
                self.circle(x, y, self.d(11.0), pal.background)?;
                self.circle(x, y, self.d(8.0), pal.bar)?;
            }
            let vy = p.value.map_or(py1, |v| y_of(f64::from(v.min(100))));
            let vw = text_width(&p.value_label, value_em, true);
            self.text(
                &p.value_label,
                value_em,
                x - vw / 2.0,
                vy - self.t(22.0),
                true,
                pal.ink,
            )?;
            for line in wrap(&p.period, label_max, em, false, 1) {
                let lw = text_width(&line, em, false);
                self.text(&line, em, x - lw / 2.0, py1 + self.t(36.0), false, pal.ink)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_whole_words_and_ends_a_cut_line_with_an_ellipsis() {
        let text = "Strengthen the network of digital advisers in every school district";
        let lines = wrap(text, 300.0, 24.0, false, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for line in &lines {
            assert!(text_width(line, 24.0, false) <= 300.0, "{line}");
            for word in line.trim_end_matches('…').split(' ') {
                assert!(
                    text.split(' ').any(|w| w == word),
                    "cut word {word:?} in {line:?}"
                );
            }
        }
        let all = wrap(text, 2000.0, 24.0, false, 2);
        assert_eq!(all, vec![text.to_string()]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_by_characters() {
        let lines = wrap("Anticonstitutionnellement", 80.0, 24.0, false, 1);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].ends_with('…'));
        assert!(text_width(&lines[0], 24.0, false) <= 80.0);
    }

    #[test]
    fn bold_text_is_wider_than_regular() {
        assert!(
            text_width("Progress per axis", 40.0, true)
                > text_width("Progress per axis", 40.0, false)
        );
    }
}
