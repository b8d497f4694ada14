//! `charts`: the slide charts of one scope, or of every scope, written into a folder.

use std::path::PathBuf;

use jalon_app::{ChartFormat, ChartScope, ChartSettings};

use super::{LangArg, ThemeArg};
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub(super) db: PathBuf,
    /// The folder to write to, created when missing.
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value_t = FormatArg::Both)]
    format: FormatArg,
    /// WIDTHxHEIGHT; presets are 1920x1080, 1280x720 and 1024x768.
    #[arg(long, default_value = "1920x1080")]
    size: String,
    /// strategy, axis:N or action:N; all scopes when left out.
    #[arg(long)]
    scope: Option<String>,
    /// The labels' language; the report's language when left out.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Png,
    Svg,
    Both,
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        let (width, height) = jalon_charts::parse_size(&self.size)?;
        let scopes: Vec<ChartScope> = self
            .scope
            .map(|s| s.parse())
            .transpose()?
            .into_iter()
            .collect();
        let settings = ChartSettings {
            width,
            height,
            format: match self.format {
                FormatArg::Png => ChartFormat::Png,
                FormatArg::Svg => ChartFormat::Svg,
                FormatArg::Both => ChartFormat::Both,
            },
            dark: matches!(self.theme, ThemeArg::Dark),
            lang: self.lang.map(Into::into),
        };
        let written = super::open(&self.db)?.export_charts(&self.out, &scopes, &settings)?;
        eprintln!(
            "wrote {} files to {}",
            written.files.len(),
            self.out.display()
        );
        Ok(())
    }
}
