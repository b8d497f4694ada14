//! jalon-charts: the charts that go on steering-committee slides, drawn with plotters from a
//! report summary. Pure functions: a summary, the period series for trends and options in; PNG
//! or SVG bytes and an alt-text sentence out. The bundled font (Liberation Sans, SIL OFL 1.1,
//! full French coverage, metric-compatible with Arial) is the only font used for layout;
//! nothing is looked up on the system. It knows nothing of Tauri; `pack` writes files.

mod catalogue;
mod draw;
pub mod pack;
mod words;

use std::sync::Once;

use jalon_core::Language;
use jalon_core::summary::Summary;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

pub use catalogue::{
    BarRow, Body, ChartId, Ink, PeriodFigures, Point, Prepared, Scope, Slice, all_scopes,
    catalogue, prepare,
};

pub(crate) static FONT_REGULAR: &[u8] =
    include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
pub(crate) static FONT_BOLD: &[u8] =
    include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

/// The font stack written into SVG files: the bundled face first, then Arial, whose metrics
/// Liberation Sans shares, so that text measured here fits wherever the SVG is opened.
pub const SVG_FONT_STACK: &str = "Liberation Sans, Arial, Helvetica, sans-serif";

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("drawing the chart: {0}")]
    Draw(String),
    #[error("encoding the PNG: {0}")]
    Png(#[from] png::EncodingError),
    #[error("no axis {0} in the report")]
    NoSuchAxis(u32),
    #[error("no action {0} in the report")]
    NoSuchAction(u32),
    #[error("unknown chart \"{0}\"")]
    BadChart(String),
    #[error("unknown scope \"{0}\": use strategy, axis:N or action:N")]
    BadScope(String),
    #[error("unknown size \"{0}\": use WIDTHxHEIGHT, such as 1920x1080")]
    BadSize(String),
    #[error("a chart needs a size from 320×180 to 7680×4320, got {0}×{1}")]
    BadDimensions(u32, u32),
    #[error("writing {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on white: the default for slides and print.
    #[default]
    Light,
    /// Light text on a near-black background, for dark slide templates.
    Dark,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub lang: Language,
    pub theme: Theme,
    /// How much larger than the catalogue's own the text is set: 1 for exports, which fill a
    /// slide; more for a chart that takes part of a slide (the deck), so that its labels stay
    /// readable from the back of a room. The layout makes room for it.
    pub text_scale: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 1920,
            height: 1080,
            lang: Language::En,
            theme: Theme::Light,
            text_scale: 1.0,
        }
    }
}

/// The catalogue's smallest text (its source line), in design pixels of its 1,920 × 1,080
/// frame: what a chart placed on a slide must scale up to stay readable.
pub const SMALLEST_TEXT: f64 = 21.0;

/// The text scale at which a chart drawn for a frame of `width` × `height` (any unit) shows
/// its smallest text at `least` (the same unit): the layout scales with the frame's shorter
/// side against the design frame's, and text with it times the scale.
pub fn text_scale_for(width: f64, height: f64, least: f64) -> f64 {
    let k = (width / 1920.0).min(height / 1080.0);
    least / (SMALLEST_TEXT * k)
}

/// The size presets offered in the app, 16:9 first.
pub const PRESETS: [(u32, u32); 3] = [(1920, 1080), (1280, 720), (1024, 768)];

/// Reads "1920x1080" (an "×" works too).
pub fn parse_size(s: &str) -> Result<(u32, u32), ChartError> {
    let bad = || ChartError::BadSize(s.to_string());
    let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    check_size(w, h)?;
    Ok((w, h))
}

fn check_size(w: u32, h: u32) -> Result<(), ChartError> {
    if !(320..=7680).contains(&w) || !(180..=4320).contains(&h) {
        return Err(ChartError::BadDimensions(w, h));
    }
    Ok(())
}

pub struct Rendered {
    pub bytes: Vec<u8>,
    pub title: String,
    /// One sentence that says what the chart shows, for the slide's alt text.
    pub alt_text: String,
}

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are compiled in and valid; a failure would show as missing text in every
        // test that decodes a chart.
        let _ = register_font("sans-serif", FontStyle::Normal, FONT_REGULAR);
        let _ = register_font("sans-serif", FontStyle::Bold, FONT_BOLD);
    });
}

/// Renders one chart of the catalogue. `trend` is the series of reporting periods, oldest
/// first, read by the trend charts only.
pub fn render(
    summary: &Summary,
    trend: &[PeriodFigures],
    chart: ChartId,
    opts: &Options,
    format: Format,
) -> Result<Rendered, ChartError> {
    let prepared = prepare(summary, trend, chart, opts.lang)?;
    let bytes = draw_prepared(&prepared, opts, format)?;
    Ok(Rendered {
        bytes,
        title: prepared.title,
        alt_text: prepared.alt_text,
    })
}

/// `text` in lines of at most `max` wide, at `em` (any unit, the same for both), measured with
/// the bundled font and the room a reader's fallback face needs; at most `max_lines`, the last
/// ending in "…" when text remains. What the deck fits its titles with.
pub fn wrap_text(text: &str, max: f64, em: f64, bold: bool, max_lines: usize) -> Vec<String> {
    draw::wrap(text, max, em, bold, max_lines)
}

/// The width `text` needs on one line at `em` (any unit), measured with the bundled font and
/// the room a reader's fallback face needs: what the deck sizes its table columns with.
pub fn text_room(text: &str, em: f64, bold: bool) -> f64 {
    draw::room(text, em, bold)
}

/// Draws an already prepared chart.
pub fn draw_prepared(p: &Prepared, opts: &Options, format: Format) -> Result<Vec<u8>, ChartError> {
    check_size(opts.width, opts.height)?;
    register_fonts();
    let pal = draw::Palette::of(opts.theme);
    let k = |w: u32, h: u32| (f64::from(w) / 1920.0).min(f64::from(h) / 1080.0);
    match format {
        Format::Svg => {
            let mut svg = String::new();
            let texts;
            {
                let root = SVGBackend::with_string(&mut svg, (opts.width, opts.height))
                    .into_drawing_area();
                let canvas = draw::Canvas {
                    area: &root,
                    k: k(opts.width, opts.height),
                    tk: k(opts.width, opts.height) * opts.text_scale,
                    pal,
                    texts: Default::default(),
                };
                canvas.chart(p)?;
                root.present()
                    .map_err(|e| ChartError::Draw(e.to_string()))?;
                texts = canvas.texts.into_inner();
            }
            let text: String = texts.iter().map(draw::svg_text).collect();
            let svg = match svg.rfind("</svg>") {
                Some(end) => format!("{}{text}\n{}", &svg[..end], &svg[end..]),
                None => svg,
            };
            Ok(finish_svg(&svg, &p.stem, &p.title, &p.alt_text).into_bytes())
        }
        Format::Png => {
            // The bitmap backend does not anti-alias shapes: draw at twice the size, then
            // average each 2×2 block.
            let (w2, h2) = (opts.width * 2, opts.height * 2);
            let len = (w2 as usize) * (h2 as usize) * 3;
            SCRATCH.with_borrow_mut(|(big, small)| {
                // Fresh buffers cost their page faults (about 12 ms for the 25 MB one at
                // 1920×1080, most of a chart's time), so each thread keeps its two and reuses
                // them from chart to chart; the background fill and the downsampling overwrite
                // them entirely.
                big.resize(len, 0);
                small.resize(len / 4, 0);
                let texts = {
                    let root =
                        BitMapBackend::with_buffer(&mut big[..], (w2, h2)).into_drawing_area();
                    let canvas = draw::Canvas {
                        area: &root,
                        k: k(w2, h2),
                        tk: k(w2, h2) * opts.text_scale,
                        pal,
                        texts: Default::default(),
                    };
                    canvas.chart(p)?;
                    root.present()
                        .map_err(|e| ChartError::Draw(e.to_string()))?;
                    canvas.texts.into_inner()
                };
                downsample(big, w2, h2, small);
                // Text goes on at the final size: ab_glyph's coverage is already exact
                // anti-aliasing, and glyphs a quarter of the area rasterise four times faster.
                draw::blit_text(small, opts.width, opts.height, &texts, 0.5);
                encode_png(small, opts.width, opts.height)
            })
        }
    }
}

/// Gives back this thread's PNG buffers (about 31 MB after a 1920×1080 chart). The app calls
/// it after an export, since its worker threads would otherwise keep them while idle.
pub fn free_buffers() {
    SCRATCH.with_borrow_mut(|(big, small)| {
        *big = Vec::new();
        *small = Vec::new();
    });
}

thread_local! {
    /// The 2× drawing buffer and the final-size buffer of this thread's last PNG chart.
    static SCRATCH: std::cell::RefCell<(Vec<u8>, Vec<u8>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// Averages each 2×2 block of an RGB image, rounding to nearest. The work is memory-bound,
/// so bands of rows go to the available cores.
fn downsample(big: &[u8], w2: u32, h2: u32, out: &mut [u8]) {
    let w = (w2 / 2) as usize;
    let h = (h2 / 2) as usize;
    let stride = w2 as usize * 3;
    debug_assert_eq!(out.len(), w * h * 3);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let band = h.div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (src, dst) in big
            .chunks(2 * stride * band)
            .zip(out.chunks_mut(w * 3 * band))
        {
            scope.spawn(move || downsample_band(src, stride, dst, w));
        }
    });
}

/// Rows are summed in pairs first, a straight loop the compiler vectorises, then neighbouring
/// pixels are summed.
fn downsample_band(big: &[u8], stride: usize, out: &mut [u8], w: usize) {
    let mut pair = vec![0u16; stride];
    for (rows, row) in big
        .chunks_exact(2 * stride)
        .zip(out.chunks_exact_mut(w * 3))
    {
        let (top, bottom) = rows.split_at(stride);
        for ((p, &t), &b) in pair.iter_mut().zip(top).zip(bottom) {
            *p = u16::from(t) + u16::from(b);
        }
        for (o, p) in row.chunks_exact_mut(3).zip(pair.chunks_exact(6)) {
            o[0] = ((p[0] + p[3] + 2) >> 2) as u8;
            o[1] = ((p[1] + p[4] + 2) >> 2) as u8;
            o[2] = ((p[2] + p[5] + 2) >> 2) as u8;
        }
    }
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

/// Puts `<title>` and `<desc>` first inside the root element, where screen readers look,
/// marks the root as an image labelled by them, and names the font stack.
fn finish_svg(svg: &str, stem: &str, title: &str, desc: &str) -> String {
    let svg = svg.replace(
        "font-family=\"sans-serif\"",
        &format!("font-family=\"{SVG_FONT_STACK}\""),
    );
    match svg
        .find("<svg")
        .and_then(|i| svg[i..].find('>').map(|j| i + j))
    {
        Some(at) => format!(
            "{} role=\"img\" aria-labelledby=\"{stem}-title {stem}-desc\"><title id=\"{stem}-title\">{}</title><desc id=\"{stem}-desc\">{}</desc>{}",
            &svg[..at],
            jalon_core::xml::escape(title),
            jalon_core::xml::escape(desc),
            &svg[at + 1..]
        ),
        None => svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downsampling_averages_each_two_by_two_block() {
        // 4×2 pixels: a block of black and white, then a uniform red block.
        #[rustfmt::skip]
        let big = [
            0, 0, 0,  255, 255, 255,  200, 0, 0,  200, 0, 0,
            255, 255, 255,  0, 0, 0,  200, 0, 0,  200, 0, 0,
        ];
        let mut out = [0u8; 6];
        downsample(&big, 4, 2, &mut out);
        assert_eq!(out, [128, 128, 128, 200, 0, 0]);
    }
}
