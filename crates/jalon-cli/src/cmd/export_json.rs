//! `export-json`: the whole report, its closed periods and its history as one document.

use std::path::PathBuf;

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub(super) db: PathBuf,
    #[arg(long)]
    out: PathBuf,
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        Ok(super::open(&self.db)?.export_json(&self.out)?)
    }
}
