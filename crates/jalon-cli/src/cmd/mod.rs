//! The subcommands, one file each: its arguments and the use case it calls.

mod charts;
mod check;
mod deck;
mod details;
mod export_json;
mod generate;
mod history;
mod import;
mod periods;
mod publish;
mod round;
mod summary;
mod trace;

use clap::Subcommand;

use crate::CliError;

#[derive(Subcommand)]
pub enum Command {
    /// Import a published dashboard page into a report, creating the report if missing. The
    /// page may be text, or HTML (saved from a browser, or written by `publish`), of which the
    /// main content is read as a browser shows it.
    /// With --period, the page is an earlier edition, kept as that closed period.
    ImportPage(import::PageArgs),
    /// Replace the report's content with a JSON document, creating the report if missing.
    ImportJson(import::JsonArgs),
    /// Write the whole report as a JSON document.
    ExportJson(export_json::Args),
    /// Show or change the report's details: title, period, reporting period, "as of" date,
    /// language and roll-up method. Without options, print them.
    Details(details::Args),
    /// List, close and compare reporting periods.
    Periods {
        #[command(subcommand)]
        command: periods::Command,
    },
    /// Every recorded change, oldest first: fields as old → new (texts word by word, as
    /// [-removed-]{+added+}), and objectives added, deleted, renumbered or moved.
    History(history::Args),
    /// Print the report with its computed percentages.
    Summary(summary::Args),
    /// Print the consistency warnings.
    Check(check::Args),
    /// Explain how a percentage was computed: "strategy", "axis:N" or "action:N".
    Trace(trace::Args),
    /// Write a generated report of N objective entries to a new report file (for trying the
    /// app and the benchmarks on a large strategy).
    Generate(generate::Args),
    /// Export the slide charts: every scope by default, or one with --scope. Files are named
    /// by the charts' stable ids (axis-4-actions.png); each PNG gets its alt text as .txt.
    Charts(charts::Args),
    /// Publish the report as a self-contained web page (index.html in --out), accessible,
    /// readable without JavaScript and offline; it imports back with import-page.
    Publish(publish::PageArgs),
    /// Write one row per objective entry as CSV, for spreadsheets.
    ExportCsv(publish::CsvArgs),
    /// Write the steering committee's 16:9 slide deck (PowerPoint or OpenDocument): titles and
    /// tables as text, the catalogue's charts with alt text, speaker notes with the figures.
    Deck(deck::Args),
    /// The contributor round: one workbook per lead out, returned ones reviewed and applied.
    Round {
        #[command(subcommand)]
        command: round::Command,
    },
}

impl Command {
    /// The report the command works on.
    pub fn db(&self) -> Option<&std::path::Path> {
        if let Command::Deck(a) = self {
            // `deck --inspect` reads a template, no report.
            return a.db.as_deref();
        }
        Some(match self {
            Command::ImportPage(a) => &a.db,
            Command::ImportJson(a) => &a.db,
            Command::ExportJson(a) => &a.db,
            Command::Details(a) => &a.db,
            Command::Periods { command } => command.db(),
            Command::History(a) => &a.db,
            Command::Summary(a) => &a.db,
            Command::Check(a) => &a.db,
            Command::Trace(a) => &a.db,
            Command::Generate(a) => &a.db,
            Command::Charts(a) => &a.db,
            Command::Publish(a) => &a.db,
            Command::ExportCsv(a) => &a.db,
            Command::Deck(_) => unreachable!("answered above"),
            Command::Round { command } => command.db(),
        })
    }
}

/// Opens a report for a subcommand, and says so when opening updated a file made by an older
/// Jalon (the original is kept beside it).
pub(crate) fn open(db: &std::path::Path) -> Result<jalon_app::App, CliError> {
    let app = jalon_app::App::open(db)?;
    if let Some(m) = app.migrated() {
        eprintln!("note: {}", m.render(app.language()));
    }
    Ok(app)
}

pub fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::ImportPage(a) => a.run(),
        Command::ImportJson(a) => a.run(),
        Command::ExportJson(a) => a.run(),
        Command::Details(a) => a.run(),
        Command::Periods { command } => command.run(),
        Command::History(a) => a.run(),
        Command::Summary(a) => a.run(),
        Command::Check(a) => a.run(),
        Command::Trace(a) => a.run(),
        Command::Generate(a) => a.run(),
        Command::Charts(a) => a.run(),
        Command::Publish(a) => a.run(),
        Command::ExportCsv(a) => a.run(),
        Command::Deck(a) => a.run(),
        Command::Round { command } => command.run(),
    }
}

/// A background for charts and decks as the CLI takes it.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

impl From<ThemeArg> for jalon_charts::Theme {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Light => jalon_charts::Theme::Light,
            ThemeArg::Dark => jalon_charts::Theme::Dark,
        }
    }
}

/// A language as the CLI takes it.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for jalon_core::Language {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Fr => jalon_core::Language::Fr,
            LangArg::En => jalon_core::Language::En,
        }
    }
}
