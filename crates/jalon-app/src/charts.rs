//! The slide charts: previews are the very SVG an export writes, from the same jalon-charts
//! code; exports write one chart or a scope's pack under stable names.

use std::path::{Path, PathBuf};

use jalon_charts::{ChartId, Format, Options, PeriodFigures, Scope, Theme};
use jalon_core::{Language, Summary};
use serde::{Deserialize, Serialize};

use crate::{App, Result};

/// Which part of the report the charts cover.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(tag = "kind", content = "number", rename_all = "snake_case")]
pub enum ChartScope {
    Strategy,
    Axis(u32),
    Action(u32),
}

impl From<ChartScope> for Scope {
    fn from(s: ChartScope) -> Scope {
        match s {
            ChartScope::Strategy => Scope::Strategy,
            ChartScope::Axis(n) => Scope::Axis(n),
            ChartScope::Action(n) => Scope::Action(n),
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartFormat {
    Png,
    Svg,
    /// PNG (with its alt text as .txt) and SVG.
    Both,
}

impl ChartFormat {
    pub fn formats(self) -> &'static [Format] {
        match self {
            ChartFormat::Png => &[Format::Png],
            ChartFormat::Svg => &[Format::Svg],
            ChartFormat::Both => &[Format::Png, Format::Svg],
        }
    }
}

/// Size, format, theme and language of the charts.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct ChartSettings {
    pub width: u32,
    pub height: u32,
    pub format: ChartFormat,
    pub dark: bool,
    /// The labels' language; the report's when left out.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub lang: Option<Language>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct ChartPreview {
    /// The stable id, also the exported file's stem.
    pub stem: String,
    pub title: String,
    pub alt_text: String,
    /// The SVG document an SVG export of this chart would write.
    pub svg: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct ChartsExported {
    pub folder: String,
    pub files: Vec<String>,
}

impl App {
    /// The summary of the report on screen, the trend up to it, and the drawing options.
    fn chart_input(
        &self,
        settings: &ChartSettings,
    ) -> Result<(Summary, Vec<PeriodFigures>, Options)> {
        let summary = jalon_core::summarize(self.session.shown());
        let trend = PeriodFigures::series(&self.session.trend_summaries()?);
        let opts = Options {
            width: settings.width,
            height: settings.height,
            lang: settings.lang.unwrap_or(summary.strategy.language),
            theme: if settings.dark {
                Theme::Dark
            } else {
                Theme::Light
            },
            text_scale: 1.0,
        };
        Ok((summary, trend, opts))
    }

    /// Every chart of a scope as the SVG an export would write.
    pub fn chart_previews(
        &self,
        scope: ChartScope,
        settings: &ChartSettings,
    ) -> Result<Vec<ChartPreview>> {
        let (summary, trend, opts) = self.chart_input(settings)?;
        jalon_charts::catalogue(&summary, scope.into())?
            .into_iter()
            .map(|id| {
                let out = jalon_charts::render(&summary, &trend, id, &opts, Format::Svg)?;
                Ok(ChartPreview {
                    stem: id.stem(),
                    title: out.title,
                    alt_text: out.alt_text,
                    svg: String::from_utf8_lossy(&out.bytes).into_owned(),
                })
            })
            .collect()
    }

    /// Writes one chart at `path`; with both formats, the SVG goes beside the PNG.
    pub fn export_chart(
        &self,
        path: &Path,
        stem: &str,
        settings: &ChartSettings,
    ) -> Result<Vec<String>> {
        let id = chart_id(stem)?;
        let (summary, trend, opts) = self.chart_input(settings)?;
        let written = jalon_charts::pack::write_chart(
            path,
            &summary,
            &trend,
            id,
            &opts,
            settings.format.formats(),
        );
        // A desktop session exports rarely: the 25 MB drawing buffers are not kept for it.
        jalon_charts::free_buffers();
        Ok(paths(written?))
    }

    /// Writes every chart of the scopes (of every scope when empty) into a folder, under
    /// stable names.
    pub fn export_charts(
        &self,
        folder: &Path,
        scopes: &[ChartScope],
        settings: &ChartSettings,
    ) -> Result<ChartsExported> {
        let (summary, trend, opts) = self.chart_input(settings)?;
        let scopes: Vec<Scope> = if scopes.is_empty() {
            jalon_charts::all_scopes(&summary)
        } else {
            scopes.iter().map(|&s| s.into()).collect()
        };
        let files = jalon_charts::pack::write_pack(
            folder,
            &summary,
            &trend,
            &scopes,
            &opts,
            settings.format.formats(),
        );
        jalon_charts::free_buffers();
        Ok(ChartsExported {
            folder: folder.display().to_string(),
            files: paths(files?),
        })
    }
}

/// The stem a chart is exported under, as the default file name in a save dialog.
pub fn chart_file_name(stem: &str, format: ChartFormat) -> String {
    let ext = match format {
        ChartFormat::Svg => "svg",
        _ => "png",
    };
    format!("{stem}.{ext}")
}

fn chart_id(stem: &str) -> Result<ChartId> {
    Ok(ChartId::from_stem(stem)
        .ok_or_else(|| jalon_charts::ChartError::BadChart(stem.to_string()))?)
}

fn paths(files: Vec<PathBuf>) -> Vec<String> {
    files.iter().map(|p| p.display().to_string()).collect()
}

impl std::str::FromStr for ChartScope {
    type Err = jalon_charts::ChartError;
    /// `strategy`, `axis:N` or `action:N`, as the CLI takes it.
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        Ok(match s.parse::<Scope>()? {
            Scope::Strategy => ChartScope::Strategy,
            Scope::Axis(n) => ChartScope::Axis(n),
            Scope::Action(n) => ChartScope::Action(n),
        })
    }
}
