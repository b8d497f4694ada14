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
    match cmd::run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
