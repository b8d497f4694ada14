//! `deck`: the steering committee's slide deck, PowerPoint or OpenDocument.

use std::path::PathBuf;

use jalon_app::{DeckFormat, DeckScope, DeckSettings, OutputSettings, PeriodKey};

use super::{LangArg, ThemeArg};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub(super) db: PathBuf,
    /// The deck to write (deck.pptx, deck.odp).
    #[arg(long)]
    out: PathBuf,
    /// pptx or odp; the --out file's extension decides when left out.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// The slides' language; the report's when left out.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// strategy (every axis) or axis:N (one axis).
    #[arg(long, default_value = "strategy")]
    scope: String,
    /// A period's label (2025-Q4); the open period when left out.
    #[arg(long)]
    period: Option<String>,
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
    /// `actions`: a slide per key action too, with its objectives chart.
    #[arg(long, value_enum)]
    detail: Option<DetailArg>,
    /// A PowerPoint template (.pptx or .potx): the deck is built on its master, layouts and
    /// theme.
    #[arg(long)]
    template: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Pptx,
    Odp,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DetailArg {
    Actions,
}

fn scope(s: &str) -> Result<DeckScope, CliError> {
    if s == "strategy" {
        return Ok(DeckScope::Strategy);
    }
    s.strip_prefix("axis:")
        .and_then(|n| n.trim().parse().ok())
        .map(DeckScope::Axis)
        .ok_or_else(|| CliError::Usage(format!("--scope {s}: use strategy or axis:N")))
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        let settings = DeckSettings {
            output: OutputSettings {
                lang: self.lang.map(Into::into),
                period: self.period.map(PeriodKey::Label),
            },
            format: match self.format {
                Some(FormatArg::Pptx) => DeckFormat::Pptx,
                Some(FormatArg::Odp) => DeckFormat::Odp,
                None => DeckFormat::of(&self.out),
            },
            scope: scope(&self.scope)?,
            theme: self.theme.into(),
            detail_actions: self.detail.is_some(),
            template: self.template,
        };
        let written = super::open(&self.db)?.deck(&self.out, &settings)?;
        eprintln!("wrote {} ({} bytes)", written.path, written.bytes);
        Ok(())
    }
}
