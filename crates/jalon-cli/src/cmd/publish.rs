//! `publish` and `export-csv`: the report for readers without Jalon, as a web page in a
//! folder or as a CSV file, of the open period or of a closed one.

use std::path::PathBuf;

use jalon_app::{CsvProfile, OutputSettings, PeriodKey};

use super::LangArg;
use crate::CliError;

#[derive(clap::Args)]
pub struct PageArgs {
    #[arg(long)]
    pub(super) db: PathBuf,
    /// The folder to write index.html into, created when missing.
    #[arg(long)]
    out: PathBuf,
    /// The page's language; the report's when left out.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// A period's label (2025-Q4); the open period when left out.
    #[arg(long)]
    period: Option<String>,
}

impl PageArgs {
    pub fn run(self) -> Result<(), CliError> {
        let settings = OutputSettings {
            lang: self.lang.map(Into::into),
            period: self.period.map(PeriodKey::Label),
        };
        let written = super::open(&self.db)?.publish(&self.out, &settings)?;
        eprintln!("wrote {} ({} bytes)", written.path, written.bytes);
        Ok(())
    }
}

#[derive(clap::Args)]
pub struct CsvArgs {
    #[arg(long)]
    pub(super) db: PathBuf,
    #[arg(long)]
    out: PathBuf,
    /// excel-fr: `;`, decimal comma, byte-order mark (Excel in French opens it with a double
    /// click); open-data: RFC 4180, `,`, no byte-order mark.
    #[arg(long, value_enum, default_value_t = ProfileArg::OpenData)]
    profile: ProfileArg,
    /// The header's and the statuses' language; the report's when left out.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// A period's label (2025-Q4); the open period when left out.
    #[arg(long)]
    period: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ProfileArg {
    ExcelFr,
    OpenData,
}

impl CsvArgs {
    pub fn run(self) -> Result<(), CliError> {
        let settings = OutputSettings {
            lang: self.lang.map(Into::into),
            period: self.period.map(PeriodKey::Label),
        };
        let profile = match self.profile {
            ProfileArg::ExcelFr => CsvProfile::ExcelFr,
            ProfileArg::OpenData => CsvProfile::OpenData,
        };
        let written = super::open(&self.db)?.export_csv(&self.out, profile, &settings)?;
        eprintln!("wrote {} ({} bytes)", written.path, written.bytes);
        Ok(())
    }
}
