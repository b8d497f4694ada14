//! `periods list|close|compare`: the reporting periods of a report.

use std::path::PathBuf;

use jalon_app::{App, PeriodKey};
use jalon_core::{Comparison, Language};

use crate::CliError;
use crate::print::{period_name, wdiff};

#[derive(clap::Subcommand)]
pub enum Command {
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

impl Command {
    pub fn db(&self) -> &std::path::Path {
        match self {
            Command::List { db, .. } | Command::Close { db, .. } | Command::Compare { db, .. } => {
                db
            }
        }
    }

    pub fn run(self) -> Result<(), CliError> {
        match self {
            Command::List { db, json } => list(&super::open(&db)?, json),
            Command::Close {
                db,
                next,
                next_as_of,
                force,
            } => close(&mut super::open(&db)?, next, next_as_of, force),
            Command::Compare { db, from, to, json } => {
                let app = super::open(&db)?;
                let c = app.compare(from.map(PeriodKey::Label), to.map(PeriodKey::Label))?;
                if json {
                    crate::print::json(&c);
                } else {
                    print!(
                        "{}",
                        comparison_text(&c, app.session().report().strategy.language)
                    );
                }
                Ok(())
            }
        }
    }
}

fn list(app: &App, json: bool) -> Result<(), CliError> {
    // Every snapshot is read against its checksum; a changed one is an error.
    let periods = app.periods()?;
    if json {
        crate::print::json(&periods);
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

fn close(
    app: &mut App,
    next: Option<String>,
    next_as_of: Option<String>,
    force: bool,
) -> Result<(), CliError> {
    let checks = app.close_checks()?;
    if next.is_none() && checks.next_label.is_empty() {
        return Err(CliError::Usage(format!(
            "the open period {:?} is not named like 2026-Q1: give the next one with --next (and name the open one with `jalon-cli details --reporting-period`)",
            checks.closing
        )));
    }
    for w in &checks.checks {
        eprintln!("check: {}", w.render(app.language()));
    }
    if !checks.checks.is_empty() && !force {
        return Err(CliError::Checks(checks.checks.len()));
    }
    let closed = app.close_period(next.as_deref(), next_as_of.as_deref())?;
    let opened = &closed.opened;
    eprintln!(
        "closed {}; {} is open{}",
        closed.closed,
        opened.label,
        if opened.as_of.is_empty() {
            String::new()
        } else {
            format!(" (as of {})", opened.as_of)
        }
    );
    Ok(())
}

/// A comparison as text: levels with their percentages and movement, then each changed
/// objective with its texts in wdiff notation ([-removed-]{+added+}).
fn comparison_text(c: &Comparison, lang: Language) -> String {
    use jalon_core::period::Move;
    use std::fmt::Write;
    let pct = |v: Option<u32>| v.map_or("—".to_string(), |p| lang.percent(p));
    let mv = |m: &Move| {
        let d = m.delta.map_or(String::new(), |d| format!(" ({d:+})"));
        format!("{} → {}{d}", pct(m.from), pct(m.to))
    };
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", period_name(&c.from), period_name(&c.to));
    let _ = writeln!(out, "Strategy: {}", mv(&c.strategy));
    for a in &c.axes {
        let _ = writeln!(out, "Axis {}: {}", a.number, mv(&a.progress));
    }
    for a in &c.actions {
        let _ = writeln!(out, "Action {}: {}", a.number, mv(&a.progress));
    }
    for o in &c.objectives {
        let status = match (o.status_from, o.status_to) {
            (Some(a), Some(b)) if a != b => format!(", {} → {}", lang.status(a), lang.status(b)),
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
