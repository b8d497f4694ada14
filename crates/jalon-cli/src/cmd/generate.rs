//! `generate`: a large made-up report, for trying the app and for the benchmarks.

use std::path::PathBuf;

use jalon_app::App;

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    objectives: usize,
    #[arg(long)]
    pub(super) db: PathBuf,
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        App::generate(&self.db, self.objectives)?;
        eprintln!(
            "wrote {} objective entries to {}",
            self.objectives,
            self.db.display()
        );
        Ok(())
    }
}
