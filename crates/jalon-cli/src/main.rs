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
    /// With --period, the page is an earlier edition, kept as that closed period.
    ImportPage {
        page: PathBuf,
        #[arg(long)]
        db: PathBuf,
        /// Keep the page as this past, closed period (2025-Q4) instead of merging it.
        #[arg(long, requires = "as_of")]
        period: Option<String>,
        /// The past period's "as of" date, YYYY-MM-DD.
        #[arg(long, requires = "period")]
        as_of: Option<String>,
    },
    /// List, close and compare reporting periods.
    Periods {
        #[command(subcommand)]
        command: PeriodsCommand,
    },
    /// Every recorded change, oldest first: fields as old → new (texts word by word, as
    /// [-removed-]{+added+}), and objectives added, deleted, renumbered or moved.
    History {
        #[arg(long)]
        db: PathBuf,
        /// Only this objective number's changes.
        #[arg(long)]
        objective: Option<u32>,
        /// Only the changes made in this period.
        #[arg(long)]
        period: Option<String>,
        #[arg(long)]
        json: bool,
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

#[derive(Subcommand)]
enum PeriodsCommand {
    /// Every period, oldest first, with its state and checksum (verified).
    List {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Run the pre-publication checks, then close the open period and open the next one.
    /// With findings, nothing is closed unless --force.
    Close {
        #[arg(long)]
        db: PathBuf,
        /// The next period's label; the next quarter when the open one is named like 2026-Q1.
        #[arg(long)]
        next: Option<String>,
        /// The next period's "as of" date; the end of the next quarter by default.
        #[arg(long)]
        next_as_of: Option<String>,
        /// Close even when the checks find something.
        #[arg(long)]
        force: bool,
    },
    /// What moved between two periods: by default the last closed period and the open one.
    Compare {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
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
    #[error(
        "{0} check(s) to read before closing (above); fix them, or run again with --force to close anyway"
    )]
    Checks(usize),
    #[error("{0}")]
    Usage(String),
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
        Command::ImportPage {
            page,
            db,
            period: Some(label),
            as_of: Some(as_of),
        } => {
            let text = read(&page)?;
            let mut store = Store::open(&db)?;
            let out = import::import_page_as_period(&mut store, &text, &label, &as_of)?;
            for w in &out.warnings {
                eprintln!("warning: {w}");
            }
            eprintln!(
                "kept {} objective entries as closed period {label}",
                out.objectives
            );
            Ok(())
        }
        Command::ImportPage { page, db, .. } => import_into(&db, &page, import::import_page),
        Command::Periods { command } => periods(command),
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
        Command::History {
            db,
            objective,
            period,
            json,
        } => {
            let store = Store::open(&db)?;
            if let Some(label) = &period {
                // An unknown label is an error, not an empty history.
                store.period_by_label(label)?;
            }
            let entries: Vec<_> = store
                .all_history()?
                .into_iter()
                .filter(|h| {
                    objective.is_none_or(|n| {
                        h.level == jalon_core::store::Level::Objective && h.reference.number == n
                    })
                })
                .filter(|h| period.as_deref().is_none_or(|p| h.period == p.trim()))
                .collect();
            if json {
                print_json(&entries);
            } else {
                for h in &entries {
                    println!("{}", history_line(h));
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
            let store = Store::open(&db)?;
            let summary = summarize(&store.report()?);
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
            let trend = PeriodFigures::series(&store.period_summaries()?);
            let written =
                jalon_charts::pack::write_pack(&out, &summary, &trend, &scopes, &opts, formats)?;
            eprintln!("wrote {} files to {}", written.len(), out.display());
            Ok(())
        }
        Command::ExportJson { db, out } => {
            let json = jalon_core::exchange::export(&Store::open(&db)?)?;
            std::fs::write(&out, json).map_err(|source| CliError::Write { path: out, source })
        }
    }
}

fn periods(command: PeriodsCommand) -> Result<(), CliError> {
    match command {
        PeriodsCommand::List { db, json } => {
            let store = Store::open(&db)?;
            // Every snapshot is read against its checksum; a changed one is an error.
            store.verify_periods()?;
            let periods = store.periods()?;
            if json {
                print_json(&periods);
                return Ok(());
            }
            for p in &periods {
                match &p.checksum {
                    Some(sum) => println!(
                        "{}\tas of {}\tclosed {}\tsha256 {sum}",
                        p.label,
                        p.as_of,
                        p.closed_at.as_deref().unwrap_or("")
                    ),
                    None => println!(
                        "{}\tas of {}\topen",
                        if p.label.is_empty() {
                            "(unnamed)"
                        } else {
                            &p.label
                        },
                        if p.as_of.is_empty() { "—" } else { &p.as_of }
                    ),
                }
            }
            Ok(())
        }
        PeriodsCommand::Close {
            db,
            next,
            next_as_of,
            force,
        } => {
            let mut session = jalon_core::Session::new(Store::open(&db)?)?;
            let open = session.store().open_period()?;
            let guess = jalon_core::period::next_quarter(&open.label);
            let next = next
                .or_else(|| guess.as_ref().map(|g| g.0.clone()))
                .ok_or_else(|| {
                    CliError::Usage(format!(
                        "the open period {:?} is not named like 2026-Q1: give the next one with --next",
                        open.label
                    ))
                })?;
            let next_as_of = next_as_of
                .or_else(|| guess.filter(|g| g.0 == next).map(|g| g.1))
                .unwrap_or_default();
            let checks = session.prepublication()?;
            for w in &checks {
                eprintln!("check: {w}");
            }
            if !checks.is_empty() && !force {
                return Err(CliError::Checks(checks.len()));
            }
            let opened = session.close_period(&next, &next_as_of)?;
            eprintln!(
                "closed {}; {} is open{}",
                open.label,
                opened.label,
                if opened.as_of.is_empty() {
                    String::new()
                } else {
                    format!(" (as of {})", opened.as_of)
                }
            );
            Ok(())
        }
        PeriodsCommand::Compare { db, from, to, json } => {
            let store = Store::open(&db)?;
            let to = match to {
                Some(l) => store.period_by_label(&l)?,
                None => store.open_period()?,
            };
            let from = match from {
                Some(l) => store.period_by_label(&l)?,
                None => store.previous_period()?.map(|(p, _)| p).ok_or_else(|| {
                    CliError::Usage("no period is closed yet: nothing to compare".into())
                })?,
            };
            let c = store.compare_periods(from.id, to.id)?;
            if json {
                print_json(&c);
            } else {
                print!("{}", comparison_text(&c, store.strategy()?.language));
            }
            Ok(())
        }
    }
}

/// Word runs in wdiff notation: [-removed-]{+added+}.
fn wdiff(runs: &[jalon_core::period::WordRun]) -> String {
    use jalon_core::period::Piece;
    runs.iter()
        .map(|r| match r.kind {
            Piece::Same => r.text.clone(),
            Piece::Added => format!("{{+{}+}}", r.text),
            Piece::Removed => format!("[-{}-]", r.text),
        })
        .collect()
}

/// One history entry as a line: when, in which period, about what, what changed.
fn history_line(h: &jalon_core::store::HistoryEntry) -> String {
    use jalon_core::store::Level;
    let what = match (h.field.as_str(), h.level) {
        ("created", Level::Axis) => "added".to_string(),
        ("created", Level::Action) => format!("added to Axis {}", h.new_value),
        ("created", _) => format!("added to Action {}", h.new_value),
        ("deleted", _) => format!("deleted: {}", h.old_value),
        ("number", _) => format!("renumbered {} → {}", h.old_value, h.new_value),
        ("axis" | "action", _) => {
            let word = if h.field == "axis" { "Axis" } else { "Action" };
            format!(
                "moved from {word} {} to {word} {}",
                h.old_value, h.new_value
            )
        }
        ("progress" | "published_progress", _) => {
            let pct = |v: &str| {
                if v.is_empty() {
                    "∅".to_string()
                } else {
                    format!("{v}%")
                }
            };
            format!("{}: {} → {}", h.field, pct(&h.old_value), pct(&h.new_value))
        }
        (field, _) if !h.words.is_empty() => format!("{field}: {}", wdiff(&h.words)),
        (field, _) => format!("{field}: {} → {}", h.old_value, h.new_value),
    };
    let period = if h.period.is_empty() {
        "(unnamed period)"
    } else {
        &h.period
    };
    let subject = match h.level {
        Level::Strategy => "Strategy".to_string(),
        Level::Axis => format!("Axis {}", h.reference),
        Level::Action => format!("Action {}", h.reference),
        Level::Objective => format!("Objective {}", h.reference),
    };
    format!("{}  {period}  {subject}  {what}", h.at)
}

/// A comparison as text: levels with their percentages and movement, then each changed
/// objective with its texts in wdiff notation ([-removed-]{+added+}).
fn comparison_text(c: &jalon_core::Comparison, lang: jalon_core::Language) -> String {
    use jalon_core::period::Move;
    use std::fmt::Write;
    let pct = |v: Option<u32>| v.map_or("—".to_string(), |p| lang.percent(p));
    let mv = |m: &Move| {
        let d = m.delta.map_or(String::new(), |d| format!(" ({d:+})"));
        format!("{} → {}{d}", pct(m.from), pct(m.to))
    };
    let mut out = String::new();
    let name = |l: &str| {
        if l.is_empty() {
            "(unnamed period)".to_string()
        } else {
            l.to_string()
        }
    };
    let _ = writeln!(out, "{} → {}", name(&c.from), name(&c.to));
    let _ = writeln!(out, "Strategy: {}", mv(&c.strategy));
    for a in &c.axes {
        let _ = writeln!(out, "Axis {}: {}", a.number, mv(&a.progress));
    }
    for a in &c.actions {
        let _ = writeln!(out, "Action {}: {}", a.number, mv(&a.progress));
    }
    for o in &c.objectives {
        let status = match (o.status_from, o.status_to) {
            (Some(a), Some(b)) if a != b => format!(", {} → {}", a.label(lang), b.label(lang)),
            (None, Some(_)) => ", new".to_string(),
            (Some(_), None) => ", removed".to_string(),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "Objective {}: {}{status}",
            o.reference,
            mv(&o.progress)
        );
        if !o.achievement.is_empty() {
            let _ = writeln!(out, "  achievement: {}", wdiff(&o.achievement));
        }
        if !o.next_steps.is_empty() {
            let _ = writeln!(out, "  next steps: {}", wdiff(&o.next_steps));
        }
    }
    let _ = writeln!(out, "{} objective(s) unchanged", c.unchanged);
    out
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
