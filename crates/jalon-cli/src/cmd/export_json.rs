//! `export-json`: the whole report, its closed periods and its history as one document.

use std::path::PathBuf;

use jalon_app::App;

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
        Ok(App::open(&self.db)?.export_json(&self.out)?)
    }
}
