//! `round start`, `round import` and `round status`: the contributor round. The CLI's own
//! sentences are in English like its other commands; the report's values (statuses,
//! percentages, objective names) are in the report's language.

use std::path::PathBuf;

use jalon_app::{ChangeReview, WorkbookReview};
use jalon_core::Language;
use jalon_round::{Field, Value};
use jalon_store::WorkbookState;

use crate::CliError;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Write one workbook per lead into --out, and record the round in the report.
    Start {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Only these leads' workbooks (repeat --lead); every lead's when left out.
        #[arg(long)]
        lead: Vec<String>,
        /// The date the workbooks are due back, YYYY-MM-DD.
        #[arg(long, default_value = "")]
        due: String,
    },
    /// List what returned workbooks propose and where they conflict, changing nothing; with
    /// --accept-all, apply every proposal (never a conflict).
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        accept_all: bool,
    },
    /// Each round's workbooks and their state: issued, overdue, returned or imported.
    Status {
        #[arg(long)]
        db: PathBuf,
    },
}

impl Command {
    pub fn db(&self) -> &std::path::Path {
        match self {
            Command::Start { db, .. } | Command::Import { db, .. } | Command::Status { db } => db,
        }
    }

    pub fn run(self) -> Result<(), CliError> {
        match self {
            Command::Start { db, out, lead, due } => {
                let started = super::open(&db)?.start_round(&out, &lead, &due)?;
                for f in &started.files {
                    println!("{f}");
                }
                eprintln!(
                    "round {}: {} workbooks written to {}",
                    started.round_id,
                    started.files.len(),
                    out.display()
                );
            }
            Command::Import {
                files,
                db,
                accept_all,
            } => {
                let mut app = super::open(&db)?;
                let lang = app.language();
                let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
                // Every workbook is read and checked before anything is applied.
                let reviewed = app.review_round(&paths)?;
                for r in &reviewed {
                    print_review(r, lang);
                }
                if accept_all {
                    for r in &reviewed {
                        let applied = app.accept_all(r)?;
                        eprintln!(
                            "{}: {} objectives updated, {} conflicts left for review",
                            r.file, applied.objectives, applied.conflicts_left
                        );
                    }
                } else {
                    eprintln!("nothing changed: review in the app, or run again with --accept-all");
                }
            }
            Command::Status { db } => {
                let app = super::open(&db)?;
                let no_lead = jalon_round::RoundWords(app.language()).no_lead();
                let rounds = app.rounds()?;
                if rounds.is_empty() {
                    eprintln!("no round started");
                }
                for round in rounds {
                    let due = if round.due.is_empty() {
                        String::new()
                    } else {
                        format!(", due {}", round.due)
                    };
                    println!("round {} started {}{due}", round.id, round.started_at);
                    for w in round.workbooks {
                        let lead = if w.lead.is_empty() { &no_lead } else { &w.lead };
                        let state = match w.state {
                            WorkbookState::Issued => "issued",
                            WorkbookState::Overdue => "overdue",
                            WorkbookState::Returned => "returned",
                            WorkbookState::Imported => "imported",
                        };
                        println!("  {lead:<30} {state:<9} {}", w.file_name);
                    }
                }
            }
        }
        Ok(())
    }
}

fn print_review(r: &WorkbookReview, lang: Language) {
    let lead = if r.lead.is_empty() { "-" } else { &r.lead };
    println!(
        "{} ({lead}): {} proposals, {} conflicts",
        r.file,
        r.proposals(),
        r.conflicts()
    );
    let labels = jalon_round::RoundWords(lang).inputs();
    for o in &r.objectives {
        println!("  {} {}", lang.objective(o.reference), o.title);
        for c in &o.changes {
            print_change(c, &labels, lang);
        }
        if !o.comment.is_empty() {
            println!("    comment: {}", o.comment);
        }
    }
}

fn print_change(c: &ChangeReview, labels: &[String; 4], lang: Language) {
    let d = &c.difference;
    let label = &labels[match d.field {
        Field::Status => 0,
        Field::Progress => 1,
        Field::Achievement => 2,
        Field::NextSteps => 3,
    }];
    let show = |v: &Value| match v {
        Value::Status(s) => lang.status(*s).to_string(),
        Value::Progress(p) => lang.percent(*p),
        Value::Text(t) => format!("“{}”", t.replace('\n', " / ")),
    };
    if c.conflict {
        println!(
            "    {label}: CONFLICT, issued {}, the lead proposes {}, the report now holds {}",
            show(&d.issued),
            show(&d.proposed),
            show(&d.current)
        );
    } else {
        println!("    {label}: {} -> {}", show(&d.current), show(&d.proposed));
    }
}
