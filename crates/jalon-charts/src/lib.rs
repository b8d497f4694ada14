//! jalon-charts: the charts that go on steering-committee slides, drawn with plotters from a
//! report summary. Pure functions: a summary and options in, PNG or SVG bytes and an alt-text
//! sentence out. The bundled font (Liberation Sans, SIL OFL 1.1, full French coverage) is the
//! only font used; nothing is looked up on the system. It knows nothing of Tauri or files.
//!
//! Work in progress: the axis chart (`axis-N-actions`) is drawn; the rest of the catalogue
//! comes next.

use std::sync::Once;

use jalon_core::Language;
use jalon_core::summary::{AxisSummary, Summary};
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

static FONT_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("drawing the chart: {0}")]
    Draw(String),
    #[error("encoding the PNG: {0}")]
    Png(#[from] png::EncodingError),
    #[error("no axis {0} in the report")]
    NoSuchAxis(u32),
    #[error("a chart needs a size of at least 320×180, got {0}×{1}")]
    TooSmall(u32, u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub lang: Language,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 1920,
            height: 1080,
            lang: Language::En,
        }
    }
}

pub struct Rendered {
    pub bytes: Vec<u8>,
    /// One sentence that says what the chart shows, for the slide's alt text.
    pub alt_text: String,
}

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are compiled in and valid; a failure here would be a build defect.
        let _ = register_font("sans-serif", FontStyle::Normal, FONT_REGULAR);
        let _ = register_font("sans-serif", FontStyle::Bold, FONT_BOLD);
    });
}

/// The stable file stem of the axis chart: `axis-4-actions`.
pub fn axis_actions_id(axis: u32) -> String {
    format!("axis-{axis}-actions")
}

/// Colours with at least 4.5:1 against white, from a colour-blind-safe palette.
const INK: RGBColor = RGBColor(27, 31, 36);
const MUTED: RGBColor = RGBColor(77, 86, 97);
const BAR: RGBColor = RGBColor(0, 90, 156);
const TRACK: RGBColor = RGBColor(226, 231, 237);

/// Progress per action of one axis: horizontal bars, the action's number and title on the
/// left, the value at the end of each bar.
pub fn axis_actions(
    summary: &Summary,
    axis: u32,
    opts: &Options,
    format: Format,
) -> Result<Rendered, ChartError> {
    let ax = summary
        .axes
        .iter()
        .find(|a| a.number == axis)
        .ok_or(ChartError::NoSuchAxis(axis))?;
    if opts.width < 320 || opts.height < 180 {
        return Err(ChartError::TooSmall(opts.width, opts.height));
    }
    register_fonts();
    let alt_text = alt_axis(summary, ax, opts.lang);
    let bytes = match format {
        Format::Svg => {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (opts.width, opts.height))
                    .into_drawing_area();
                draw_axis(&root, summary, ax, opts, 1.0)?;
                root.present()
                    .map_err(|e| ChartError::Draw(e.to_string()))?;
            }
            with_title_and_desc(&svg, &title_axis(ax, opts.lang), &alt_text).into_bytes()
        }
        Format::Png => {
            // The bitmap backend does not anti-alias: draw at twice the size, then average each
            // 2×2 block.
            let (w2, h2) = (opts.width * 2, opts.height * 2);
            let mut big = vec![255u8; (w2 * h2 * 3) as usize];
            {
                let root = BitMapBackend::with_buffer(&mut big, (w2, h2)).into_drawing_area();
                draw_axis(&root, summary, ax, opts, 2.0)?;
                root.present()
                    .map_err(|e| ChartError::Draw(e.to_string()))?;
            }
            encode_png(&downsample(&big, w2, h2), opts.width, opts.height)?
        }
    };
    Ok(Rendered { bytes, alt_text })
}

fn title_axis(ax: &AxisSummary, lang: Language) -> String {
    match lang {
        Language::En => format!("Axis {}: progress per action", ax.number),
        Language::Fr => format!("Axe {}\u{a0}: avancement par action", ax.number),
    }
}

fn alt_axis(summary: &Summary, ax: &AxisSummary, lang: Language) -> String {
    let parts: Vec<String> = ax
        .actions
        .iter()
        .map(|a| {
            format!(
                "Action {} {}",
                a.number,
                jalon_core::summary::format_progress(a.progress, lang)
            )
        })
        .collect();
    match lang {
        Language::En => format!(
            "Bar chart of progress per action in Axis {} of {}: {}.",
            ax.number,
            summary.strategy.title,
            parts.join(", ")
        ),
        Language::Fr => format!(
            "Graphique en barres de l’avancement par action de l’axe {} de {}\u{a0}: {}.",
            ax.number,
            summary.strategy.title,
            parts.join(", ")
        ),
    }
}

fn draw_err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Cuts `text` into lines no wider than `max` pixels; a word longer than a line is cut with
/// an ellipsis. At most `max_lines` lines, the last ending in "…" when text remains.
fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    font: &TextStyle,
    max: u32,
    max_lines: usize,
) -> Vec<String> {
    let width = |s: &str| {
        area.estimate_text_size(s, font)
            .map(|(w, _)| w)
            .unwrap_or(0)
    };
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate) <= max {
            current = candidate;
        } else {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            current = word.to_string();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    for line in &mut lines {
        while width(line) > max && line.chars().count() > 1 {
            line.pop();
            line.pop();
            line.push('…');
        }
    }
    lines
}

fn draw_axis<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    summary: &Summary,
    ax: &AxisSummary,
    opts: &Options,
    scale: f64,
) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (wf, hf) = (f64::from(w), f64::from(h));
    let unit = hf.min(wf * 9.0 / 16.0) / 1080.0 * 2.0 / scale * scale;
    let px = |v: f64| (v * unit / 2.0 * scale).round() as i32;
    let margin = px(70.0);
    let title_font = ("sans-serif", px(46.0).max(8) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&INK);
    let sub_font = ("sans-serif", px(28.0).max(6) as f64)
        .into_font()
        .color(&MUTED);
    let label_font = ("sans-serif", px(23.0).max(6) as f64)
        .into_font()
        .color(&INK);
    let value_font = ("sans-serif", px(28.0).max(6) as f64)
        .into_font()
        .style(FontStyle::Bold)
        .color(&INK);
    let lang = opts.lang;
    let mut y = margin;
    for line in wrap(
        root,
        &title_axis(ax, lang),
        &title_font,
        (wf as i32 - 2 * margin) as u32,
        2,
    ) {
        root.draw_text(&line, &title_font, (margin, y))
            .map_err(draw_err)?;
        y += px(56.0);
    }
    let s = &summary.strategy;
    let subtitle = match (lang, s.as_of.is_empty()) {
        (_, true) => s.title.clone(),
        (Language::En, false) => format!("{} — data as of {}", s.title, s.as_of),
        (Language::Fr, false) => format!("{} — données au {}", s.title, s.as_of),
    };
    for line in wrap(
        root,
        &subtitle,
        &sub_font,
        (wf as i32 - 2 * margin) as u32,
        1,
    ) {
        root.draw_text(&line, &sub_font, (margin, y))
            .map_err(draw_err)?;
        y += px(40.0);
    }
    let source = match lang {
        Language::En => format!("Source: {}, computed by Jalon", s.title),
        Language::Fr => format!("Source\u{a0}: {}, calculé par Jalon", s.title),
    };
    let source_y = hf as i32 - margin;
    for line in wrap(root, &source, &sub_font, (wf as i32 - 2 * margin) as u32, 1) {
        root.draw_text(&line, &sub_font, (margin, source_y))
            .map_err(draw_err)?;
    }
    let top = y + px(30.0);
    let bottom = source_y - px(40.0);
    let label_w = ((wf as i32 - 2 * margin) as f64 * 0.36) as i32;
    let value_w = px(120.0);
    let bar_x0 = margin + label_w + px(24.0);
    let bar_x1 = wf as i32 - margin - value_w;
    let n = ax.actions.len().max(1) as i32;
    let row = ((bottom - top) / n).max(1);
    let bar_h = (row as f64 * 0.5).min(f64::from(px(70.0))) as i32;
    for (i, action) in ax.actions.iter().enumerate() {
        let row_top = top + row * i as i32;
        let mid = row_top + row / 2;
        let label = format!("Action {} — {}", action.number, action.title);
        let lines = wrap(root, &label, &label_font, label_w as u32, 2);
        let line_h = px(27.0);
        let mut ly = mid - line_h * lines.len() as i32 / 2;
        for line in &lines {
            root.draw_text(line, &label_font, (margin, ly))
                .map_err(draw_err)?;
            ly += line_h;
        }
        root.draw(&Rectangle::new(
            [(bar_x0, mid - bar_h / 2), (bar_x1, mid + bar_h / 2)],
            TRACK.filled(),
        ))
        .map_err(draw_err)?;
        let value = action.progress.unwrap_or(0).min(100);
        let end = bar_x0 + ((bar_x1 - bar_x0) as i64 * i64::from(value) / 100) as i32;
        if value > 0 {
            root.draw(&Rectangle::new(
                [(bar_x0, mid - bar_h / 2), (end, mid + bar_h / 2)],
                BAR.filled(),
            ))
            .map_err(draw_err)?;
        }
        let text = jalon_core::summary::format_progress(action.progress, lang);
        let (_, th) = root
            .estimate_text_size(&text, &value_font)
            .unwrap_or((0, 0));
        root.draw_text(&text, &value_font, (bar_x1 + px(16.0), mid - th as i32 / 2))
            .map_err(draw_err)?;
    }
    Ok(())
}

fn downsample(big: &[u8], w2: u32, h2: u32) -> Vec<u8> {
    let (w, h) = (w2 / 2, h2 / 2);
    let mut out = vec![0u8; (w * h * 3) as usize];
    for y in 0..h as usize {
        for x in 0..w as usize {
            for c in 0..3 {
                let at = |dx: usize, dy: usize| {
                    u16::from(big[((2 * y + dy) * w2 as usize + 2 * x + dx) * 3 + c])
                };
                let sum = at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1);
                out[(y * w as usize + x) * 3 + c] = ((sum + 2) / 4) as u8;
            }
        }
    }
    out
}

fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc.write_header()?;
        writer.write_image_data(rgb)?;
    }
    Ok(out)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Puts `<title>` and `<desc>` first inside the root element, where screen readers look.
fn with_title_and_desc(svg: &str, title: &str, desc: &str) -> String {
    match svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
    {
        Some(at) => format!(
            "{}<title>{}</title><desc>{}</desc>{}",
            &svg[..at],
            escape(title),
            escape(desc),
            &svg[at..]
        ),
        None => svg.to_string(),
    }
}
