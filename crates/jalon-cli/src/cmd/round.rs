//! `round start`, `round import` and `round status`: the contributor round (work in progress:
//! `import` lists proposals and conflicts; accepting them comes next).

use std::path::PathBuf;

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
    /// List what returned workbooks propose and where they conflict; with --accept-all,
    /// apply every proposal (never a conflict).
    Import {
        files: Vec<PathBuf>,
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        accept_all: bool,
    },
    /// Each round's workbooks and their state.
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
                let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
                let reviewed = app.review_round(&paths)?;
                for r in &reviewed {
                    println!("{} ({})", r.file, r.lead);
                    for (_, name, diffs) in &r.objectives {
                        for d in diffs {
                            println!("  {name}: {d:?}");
                        }
                    }
                }
                if accept_all {
                    let n = app.accept_all(&reviewed)?;
                    eprintln!("{n} objectives updated; conflicts left for review");
                }
            }
            Command::Status { db } => {
                let app = super::open(&db)?;
                for round in app.rounds()? {
                    println!(
                        "round {} started {} due {}",
                        round.id, round.started_at, round.due
                    );
                    for w in round.workbooks {
                        println!("  {:<30} {:<10} {}", w.lead, w.state, w.file_name);
                    }
                }
            }
        }
        Ok(())
    }
}
