//! jalon-cli: the headless front of Jalon. Each subcommand (one file under `cmd/`) parses its
//! arguments, calls one use case of jalon-app, and prints the result: results to stdout,
//! messages to stderr; the exit code is 0 on success, 1 on error.
//!
//! It holds no rule of its own: what the desktop app does, the CLI does through the same use
//! cases.

mod cmd;
mod error;
mod print;

use std::process::ExitCode;

use clap::Parser;

pub use error::CliError;

#[derive(Parser)]
#[command(
    name = "jalon-cli",
    version,
    about = "Keep and check a strategy progress report"
)]
struct Cli {
    #[command(subcommand)]
    command: cmd::Command,
}

fn main() -> ExitCode {
    let command = Cli::parse().command;
    let db = command.db().map(std::path::Path::to_path_buf);
    match cmd::run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.render(report_language(db.as_deref())));
            ExitCode::FAILURE
        }
    }
}

/// The language of the report a command worked on, in which to say what went wrong; English
/// when there is no report to ask (a file that is not one, a report not created). The file is
/// only peeked at: opening it again would repeat the checks, or a migration, that just failed.
fn report_language(db: Option<&std::path::Path>) -> jalon_core::Language {
    db.filter(|p| p.exists())
        .and_then(jalon_store::Store::language_of)
        .unwrap_or_default()
}
