//! Writes charts to a folder: one file per chart and format under its stable stem, and the
//! alt text beside each PNG as `<stem>.txt` (an SVG carries it inside). Each file is written
//! to a temporary name and renamed, so an interrupted export never leaves a half-written
//! chart under a name a slide deck links to.

use std::path::{Path, PathBuf};

use jalon_core::summary::Summary;

use crate::{ChartError, ChartId, Format, Options, PeriodFigures, Scope, catalogue, render};

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ChartError> {
    let err = |source| ChartError::Write {
        path: path.display().to_string(),
        source,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.part"));
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(e)
    })
}

/// Writes one chart in each of `formats` into `dir`; returns the files written.
pub fn write_chart(
    dir: &Path,
    summary: &Summary,
    trend: &[PeriodFigures],
    chart: ChartId,
    opts: &Options,
    formats: &[Format],
) -> Result<Vec<PathBuf>, ChartError> {
    let mut written = Vec::new();
    for &format in formats {
        let out = render(summary, trend, chart, opts, format)?;
        let path = dir.join(format!("{}.{}", chart.stem(), format.extension()));
        write_atomically(&path, &out.bytes)?;
        written.push(path);
        if format == Format::Png {
            let txt = dir.join(format!("{}.txt", chart.stem()));
            write_atomically(&txt, format!("{}\n", out.alt_text).as_bytes())?;
            written.push(txt);
        }
    }
    Ok(written)
}

/// Writes a single chart to the exact path the person chose; a PNG gets its alt text beside
/// it as the same name with `.txt`.
pub fn write_one(
    path: &Path,
    summary: &Summary,
    trend: &[PeriodFigures],
    chart: ChartId,
    opts: &Options,
    format: Format,
) -> Result<Vec<PathBuf>, ChartError> {
    let out = render(summary, trend, chart, opts, format)?;
    write_atomically(path, &out.bytes)?;
    let mut written = vec![path.to_path_buf()];
    if format == Format::Png {
        let txt = path.with_extension("txt");
        write_atomically(&txt, format!("{}\n", out.alt_text).as_bytes())?;
        written.push(txt);
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
            written.extend(write_chart(dir, summary, trend, chart, opts, formats)?);
        }
    }
    Ok(written)
}
