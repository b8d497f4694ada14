//! `check`: the consistency warnings, one a line, or as JSON.

use std::path::PathBuf;

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub(super) db: PathBuf,
    #[arg(long)]
    json: bool,
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        let app = super::open(&self.db)?;
        let warnings = app.check();
        if self.json {
            crate::print::json(&warnings);
        } else if warnings.is_empty() {
            eprintln!("no warnings");
        } else {
            for w in &warnings {
                println!("{}", w.render(app.language()));
            }
        }
        Ok(())
    }
}
