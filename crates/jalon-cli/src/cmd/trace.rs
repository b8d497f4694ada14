//! `trace`: how one percentage was made.

use std::path::PathBuf;

use jalon_core::Subject;

use crate::CliError;

#[derive(clap::Args)]
pub struct Args {
    subject: String,
    #[arg(long)]
    pub(super) db: PathBuf,
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        let parsed = parse_subject(&self.subject).ok_or(CliError::Subject(self.subject))?;
        match super::open(&self.db)?.trace(parsed) {
            Some(t) => {
                println!("{}: {}", t.subject, t.text);
                Ok(())
            }
            None => Err(CliError::Subject(format!(
                "{parsed:?} is not in the report"
            ))),
        }
    }
}

fn parse_subject(s: &str) -> Option<Subject> {
    match s.split_once(':') {
        None if s == "strategy" => Some(Subject::Strategy),
        Some(("axis", n)) => n.parse().ok().map(Subject::Axis),
        Some(("action", n)) => n.parse().ok().map(Subject::Action),
        _ => None,
    }
}
