//! Writes charts to a folder: one file per chart and format under its stable stem, and the
//! alt text beside each PNG as `<stem>.txt` (an SVG carries it inside). Each file is written
//! to a temporary name and renamed, so an interrupted export never leaves a half-written
//! chart under a name a slide deck links to.

use std::path::{Path, PathBuf};

use jalon_core::summary::Summary;

use crate::{ChartError, ChartId, Format, Options, PeriodFigures, Scope, catalogue, render};

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ChartError> {
    jalon_core::files::write_atomically(path, bytes).map_err(|source| ChartError::Write {
        path: path.display().to_string(),
        source,
    })
}

/// Writes one chart in each of `formats` at `base` with each format's extension (`base` is
/// a folder joined with the chart's stem, or the path a person chose); a PNG gets its alt
/// text beside it as `.txt`. Returns the files written.
pub fn write_chart(
    base: &Path,
    summary: &Summary,
    trend: &[PeriodFigures],
    chart: ChartId,
    opts: &Options,
    formats: &[Format],
) -> Result<Vec<PathBuf>, ChartError> {
    let mut written = Vec::new();
    for &format in formats {
        let out = render(summary, trend, chart, opts, format)?;
        let path = base.with_extension(format.extension());
        write_atomically(&path, &out.bytes)?;
        written.push(path);
        if format == Format::Png {
            let txt = base.with_extension("txt");
            write_atomically(&txt, format!("{}\n", out.alt_text).as_bytes())?;
            written.push(txt);
        }
    }
    Ok(written)
}

/// Writes every chart of the given scopes. The folder is created when missing.
pub fn write_pack(
    dir: &Path,
    summary: &Summary,
    trend: &[PeriodFigures],
    scopes: &[Scope],
    opts: &Options,
    formats: &[Format],
) -> Result<Vec<PathBuf>, ChartError> {
    std::fs::create_dir_all(dir).map_err(|source| ChartError::Write {
        path: dir.display().to_string(),
        source,
    })?;
    let mut written = Vec::new();
    for &scope in scopes {
        for chart in catalogue(summary, scope)? {
            written.extend(write_chart(
                &dir.join(chart.stem()),
                summary,
                trend,
                chart,
                opts,
                formats,
            )?);
        }
    }
    Ok(written)
}
