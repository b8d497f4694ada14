//! `summary`: the report with its computed percentages, as text or JSON.

use std::path::PathBuf;

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub(super) db: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        let summary = super::open(&self.db)?.summary();
        if self.json {
            crate::print::json(&summary);
        } else {
            print!("{}", summary.to_text());
        }
        Ok(())
    }
}
