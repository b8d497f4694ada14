//! `details`: the CLI's report-details dialog. Without options it prints the details; with
//! some, it changes those and keeps the others, through the app's own use case. A refused
//! value names its field, and the file is left unchanged.

use std::path::PathBuf;

use jalon_app::Details;
use jalon_core::RollupMethod;

use super::LangArg;
use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub(super) db: PathBuf,
    /// The strategy's title.
    #[arg(long)]
    title: Option<String>,
    /// The strategy's period, free text such as 2023-2027.
    #[arg(long)]
    period: Option<String>,
    /// The reporting period being edited, such as 2026-Q1.
    #[arg(long)]
    reporting_period: Option<String>,
    /// The "data as of" date, YYYY-MM-DD.
    #[arg(long)]
    as_of: Option<String>,
    /// The report's language.
    #[arg(long, value_enum)]
    language: Option<LangArg>,
    /// How axes and the strategy are rolled up: the mean of their children, or flat.
    #[arg(long, value_enum)]
    method: Option<MethodArg>,
    /// Print the details as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum MethodArg {
    Mean,
    Flat,
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        let details = Details {
            title: self.title,
            period: self.period,
            reporting_period: self.reporting_period,
            as_of: self.as_of,
            language: self.language.map(Into::into),
            method: self.method.map(|m| match m {
                MethodArg::Mean => RollupMethod::MeanOfChildren,
                MethodArg::Flat => RollupMethod::Flat,
            }),
        };
        let mut app = super::open(&self.db)?;
        if !details.is_empty() {
            app.details(details)?;
        }
        let s = &app.session().report().strategy;
        if self.json {
            crate::print::json(s);
        } else {
            println!("title\t{}", s.title);
            println!("period\t{}", s.period);
            println!("reporting period\t{}", s.reporting_period);
            println!("as of\t{}", s.as_of);
            println!("language\t{}", s.language.code());
            println!(
                "method\t{}",
                match s.method {
                    RollupMethod::MeanOfChildren => "mean",
                    RollupMethod::Flat => "flat",
                }
            );
        }
        Ok(())
    }
}
