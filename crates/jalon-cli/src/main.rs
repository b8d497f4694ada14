//! jalon-cli: the headless front of Jalon. It imports published pages and JSON documents,
//! prints summaries and consistency warnings, and exports JSON and slide charts. It is a thin adapter over
//! jalon-core: each command opens the report, calls one core function and prints the result.
//! Results go to stdout, messages to stderr; the exit code is 0 on success, 1 on error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jalon_core::{Store, check, import, summarize};

#[derive(Parser)]
#[command(
    name = "jalon-cli",
    version,
    about = "Keep and check a strategy progress report"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a published dashboard page (text) into a report, creating the report if missing.
    ImportPage {
        page: PathBuf,
        #[arg(long)]
        db: PathBuf,
    },
    /// Print the report with its computed percentages.
    Summary {
        #[arg(long)]
        db: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the consistency warnings.
    Check {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Explain how a percentage was computed: "strategy", "axis:N" or "action:N".
    Trace {
        subject: String,
        #[arg(long)]
        db: PathBuf,
    },
    /// Write the whole report as a JSON document.
    ExportJson {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a generated report of N objective entries to a new report file (for trying the
    /// app and the benchmarks on a large strategy).
    Generate {
        #[arg(long)]
        objectives: usize,
        #[arg(long)]
        db: PathBuf,
    },
    /// Export the slide charts: every scope by default, or one with --scope. Files are named
    /// by the charts' stable ids (axis-4-actions.png); each PNG gets its alt text as .txt.
    Charts {
        #[arg(long)]
        db: PathBuf,
        /// The folder to write to, created when missing.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value_t = FormatArg::Both)]
        format: FormatArg,
        /// WIDTHxHEIGHT; presets are 1920x1080, 1280x720 and 1024x768.
        #[arg(long, default_value = "1920x1080")]
        size: String,
        /// strategy, axis:N or action:N; all scopes when left out.
        #[arg(long)]
        scope: Option<String>,
        /// The labels' language; the report's language when left out.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
    },
    /// Replace the report's content with a JSON document, creating the report if missing.
    ImportJson {
        file: PathBuf,
        #[arg(long)]
        db: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Png,
    Svg,
    Both,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    Fr,
    En,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error(transparent)]
    Chart(#[from] jalon_charts::ChartError),
    #[error(transparent)]
    Core(#[from] jalon_core::Error),
    #[error("{}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("unknown subject {0:?}: use strategy, axis:N or action:N")]
    Subject(String),
}

fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.into(),
        source,
    })
}

fn print_json<T: serde::Serialize>(value: &T) {
    // Plain data structures always serialise.
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

/// Reads the input before touching the report, so that an unreadable file creates nothing.
fn import_into(
    db: &Path,
    input: &Path,
    run: fn(&mut Store, &str) -> jalon_core::Result<import::ImportOutcome>,
) -> Result<(), CliError> {
    let text = read(input)?;
    let created = !db.exists();
    let mut store = Store::open_or_create(db)?;
    match run(&mut store, &text) {
        Ok(outcome) => {
            for w in &outcome.warnings {
                eprintln!("warning: {w}");
            }
            eprintln!(
                "imported {} objective entries into {}",
                outcome.objectives,
                db.display()
            );
            Ok(())
        }
        Err(e) => {
            // A report this command created for the import should not outlive its failure.
            drop(store);
            if created {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = db.as_os_str().to_owned();
                    p.push(suffix);
                    let _ = std::fs::remove_file(PathBuf::from(p));
                }
            }
            Err(e.into())
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::ImportPage { page, db } => import_into(&db, &page, import::import_page),
        Command::ImportJson { file, db } => import_into(&db, &file, import::import_json),
        Command::Summary { db, json } => {
            let summary = summarize(&Store::open(&db)?.report()?);
            if json {
                print_json(&summary);
            } else {
                print!("{}", summary.to_text());
            }
            Ok(())
        }
        Command::Check { db, json } => {
            let warnings = check(&Store::open(&db)?.report()?);
            if json {
                print_json(&warnings);
            } else if warnings.is_empty() {
                eprintln!("no warnings");
            } else {
                for w in &warnings {
                    println!("{w}");
                }
            }
            Ok(())
        }
        Command::Trace { subject, db } => {
            let parsed = parse_subject(&subject).ok_or_else(|| CliError::Subject(subject))?;
            let report = Store::open(&db)?.report()?;
            match jalon_core::trace(&report, parsed) {
                Some(t) => {
                    println!("{}: {}", t.subject, t.text);
                    Ok(())
                }
                None => Err(CliError::Subject(format!(
                    "{parsed:?} is not in the report"
                ))),
            }
        }
        Command::Generate { objectives, db } => {
            let mut store = Store::create(&db)?;
            store.replace(&jalon_core::synthetic::generate(objectives))?;
            eprintln!("wrote {objectives} objective entries to {}", db.display());
            Ok(())
        }
        Command::Charts {
            db,
            out,
            format,
            size,
            scope,
            lang,
            theme,
        } => {
            use jalon_charts::{Format, Options, PeriodFigures, Theme};
            let (width, height) = jalon_charts::parse_size(&size)?;
            let scope = scope.map(|s| s.parse()).transpose()?;
            let summary = summarize(&Store::open(&db)?.report()?);
            let opts = Options {
                width,
                height,
                lang: match lang {
                    Some(LangArg::Fr) => jalon_core::Language::Fr,
                    Some(LangArg::En) => jalon_core::Language::En,
                    None => summary.strategy.language,
                },
                theme: match theme {
                    ThemeArg::Light => Theme::Light,
                    ThemeArg::Dark => Theme::Dark,
                },
            };
            let formats: &[Format] = match format {
                FormatArg::Png => &[Format::Png],
                FormatArg::Svg => &[Format::Svg],
                FormatArg::Both => &[Format::Png, Format::Svg],
            };
            let scopes = match scope {
                Some(s) => vec![s],
                None => jalon_charts::all_scopes(&summary),
            };
            // Until closed periods exist, the trend has one point: the period being edited.
            let trend = [PeriodFigures::from_summary(
                &summary.strategy.reporting_period,
                &summary,
            )];
            let written =
                jalon_charts::pack::write_pack(&out, &summary, &trend, &scopes, &opts, formats)?;
            eprintln!("wrote {} files to {}", written.len(), out.display());
            Ok(())
        }
        Command::ExportJson { db, out } => {
            let json = jalon_core::exchange::to_json(&Store::open(&db)?.report()?);
            std::fs::write(&out, json).map_err(|source| CliError::Write { path: out, source })
        }
    }
}

fn parse_subject(s: &str) -> Option<jalon_core::Subject> {
    use jalon_core::Subject;
    match s.split_once(':') {
        None if s == "strategy" => Some(Subject::Strategy),
        Some(("axis", n)) => n.parse().ok().map(Subject::Axis),
        Some(("action", n)) => n.parse().ok().map(Subject::Action),
        _ => None,
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
