//! What goes out to readers: the report as a web page in a folder, and as a CSV file, each of
//! the period on screen or of one named, in the report's language or the one asked for.

use std::path::Path;

use jalon_charts::PeriodFigures;
use jalon_core::{Language, Report, summarize};
use serde::{Deserialize, Serialize};

use crate::{App, PeriodKey, Result};

/// The CSV's profile: how spreadsheets will open it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvProfile {
    /// `;`, decimal comma, UTF-8 with a byte-order mark, CRLF: Excel in French.
    ExcelFr,
    /// RFC 4180: `,`, decimal point, UTF-8 without a byte-order mark.
    OpenData,
}

/// Which period goes out, and in which language.
#[derive(Debug, Clone, Default)]
pub struct OutputSettings {
    /// The report's language when None.
    pub lang: Option<Language>,
    /// The period on screen when None.
    pub period: Option<PeriodKey>,
}

/// A file written for readers.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct Written {
    pub path: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub bytes: u64,
    /// What the person should know about how it was written; each front words it.
    pub notices: Vec<Notice>,
}

/// Something an output was written despite, as a code.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Notice {
    /// The deck's template had no layout for a kind of slide: those slides are on its blank
    /// layout, with Jalon's own boxes.
    TemplateFallback { role: jalon_deck::Role },
}

impl Notice {
    /// The notice in words, in `lang`.
    pub fn render(self, lang: jalon_core::Language) -> String {
        match self {
            Notice::TemplateFallback { role } => jalon_deck::fallback_notice(role, lang),
        }
    }
}

impl App {
    /// Writes the report as a web page: `index.html` in `folder`, created when missing.
    pub fn publish(&self, folder: &Path, settings: &OutputSettings) -> Result<Written> {
        let (report, trend) = self.report_at(settings.period.as_ref())?;
        let summary = summarize(&report);
        let html = jalon_publish::page(&jalon_publish::PageInput {
            report: &report,
            summary: &summary,
            trend: &trend,
            lang: settings.lang.unwrap_or(report.strategy.language),
        })?;
        let path = jalon_publish::write_page(folder, &html)?;
        Ok(Written {
            path: path.display().to_string(),
            bytes: html.len() as u64,
            notices: Vec::new(),
        })
    }

    /// Writes the report as CSV, one row per objective entry.
    pub fn export_csv(
        &self,
        path: &Path,
        profile: CsvProfile,
        settings: &OutputSettings,
    ) -> Result<Written> {
        let (report, _) = self.report_at(settings.period.as_ref())?;
        let bytes = jalon_publish::csv(
            &report,
            settings.lang.unwrap_or(report.strategy.language),
            match profile {
                CsvProfile::ExcelFr => jalon_publish::CsvProfile::ExcelFr,
                CsvProfile::OpenData => jalon_publish::CsvProfile::OpenData,
            },
        )?;
        jalon_publish::write_atomically(path, &bytes)?;
        Ok(Written {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
            notices: Vec::new(),
        })
    }

    /// The report as it stood in a period (the one on screen when None), and the trend of
    /// the periods up to it. A closed period is read from its snapshot, whose checksum is
    /// verified: a tampered one is refused, not published.
    pub(crate) fn report_at(
        &self,
        period: Option<&PeriodKey>,
    ) -> Result<(Report, Vec<PeriodFigures>)> {
        let (report, last) = match period {
            None => (
                self.session.shown().clone(),
                self.session.viewing().map(|p| p.id),
            ),
            Some(key) => {
                let p = self.period(key)?;
                (self.session.store().period_report(&p)?, Some(p.id))
            }
        };
        let trend = PeriodFigures::series(&self.session.trend_summaries_to(last)?);
        Ok((report, trend))
    }
}
