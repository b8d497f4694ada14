//! The Charts view's commands: previews are the SVG that an export would write, from the same
//! jalon-charts code; exports go through the save and folder dialogs.

use std::path::PathBuf;

use jalon_charts::{ChartId, Format, Options, PeriodFigures, Scope, Theme};
use jalon_core::Summary;
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::{AppState, Kind, Result};

/// Which part of the report the charts cover.
#[derive(Debug, Clone, Copy, Deserialize, ts_rs::TS)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ChartFormat {
    Png,
    Svg,
    /// PNG (with its alt text as .txt) and SVG.
    Both,
}

impl ChartFormat {
    fn formats(self) -> &'static [Format] {
        match self {
            ChartFormat::Png => &[Format::Png],
            ChartFormat::Svg => &[Format::Svg],
            ChartFormat::Both => &[Format::Png, Format::Svg],
        }
    }
}

/// Size, format and theme chosen in the Charts view.
#[derive(Debug, Clone, Copy, Deserialize, ts_rs::TS)]
pub struct ChartSettings {
    pub width: u32,
    pub height: u32,
    pub format: ChartFormat,
    pub dark: bool,
}

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct ChartPreview {
    /// The stable id, also the exported file's stem.
    pub stem: String,
    pub title: String,
    pub alt_text: String,
    /// The SVG document an SVG export of this chart would write.
    pub svg: String,
}

#[derive(Debug, Serialize, ts_rs::TS)]
pub struct ChartsExported {
    pub folder: String,
    pub files: Vec<String>,
}

impl AppState {
    /// The summary of the open report and the trend series, in the report's language.
    fn chart_input(
        &self,
        settings: &ChartSettings,
    ) -> Result<(Summary, Vec<PeriodFigures>, Options)> {
        let session = self.session();
        let summary = jalon_core::summarize(session.shown());
        let trend = PeriodFigures::series(&session.trend_summaries()?);
        let opts = Options {
            width: settings.width,
            height: settings.height,
            lang: summary.strategy.language,
            theme: if settings.dark {
                Theme::Dark
            } else {
                Theme::Light
            },
        };
        Ok((summary, trend, opts))
    }
}

fn chart_id(stem: &str) -> Result<ChartId> {
    ChartId::from_stem(stem)
        .ok_or_else(|| jalon_charts::ChartError::BadChart(stem.to_string()).into())
}

fn paths(files: Vec<PathBuf>) -> Vec<String> {
    files.iter().map(|p| p.display().to_string()).collect()
}

#[tauri::command]
pub fn chart_previews(
    state: State<AppState>,
    scope: ChartScope,
    settings: ChartSettings,
) -> Result<Vec<ChartPreview>> {
    let (summary, trend, opts) = state.chart_input(&settings)?;
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

/// Saves one chart where the person chooses. With both formats, the SVG goes beside the PNG.
#[tauri::command]
pub async fn export_chart(
    state: State<'_, AppState>,
    stem: String,
    settings: ChartSettings,
    title: String,
) -> Result<Option<Vec<String>>> {
    let id = chart_id(&stem)?;
    let (kind, ext) = match settings.format {
        ChartFormat::Svg => (Kind::Svg, "svg"),
        _ => (Kind::Png, "png"),
    };
    let suggested = format!("{stem}.{ext}");
    let Some(path) = state.ask(move |d| d.save(&title, kind, &suggested)).await else {
        return Ok(None);
    };
    let (summary, trend, opts) = state.chart_input(&settings)?;
    let written = jalon_charts::pack::write_chart(
        &path,
        &summary,
        &trend,
        id,
        &opts,
        settings.format.formats(),
    );
    jalon_charts::free_buffers();
    let written = written?;
    Ok(Some(paths(written)))
}

/// Writes every chart of the scope into a folder the person chooses, under stable names.
#[tauri::command]
pub async fn export_charts(
    state: State<'_, AppState>,
    scope: ChartScope,
    settings: ChartSettings,
    title: String,
) -> Result<Option<ChartsExported>> {
    let Some(folder) = state.ask(move |d| d.folder(&title)).await else {
        return Ok(None);
    };
    let (summary, trend, opts) = state.chart_input(&settings)?;
    let files = jalon_charts::pack::write_pack(
        &folder,
        &summary,
        &trend,
        &[scope.into()],
        &opts,
        settings.format.formats(),
    );
    jalon_charts::free_buffers();
    let files = files?;
    Ok(Some(ChartsExported {
        folder: folder.display().to_string(),
        files: paths(files),
    }))
}
