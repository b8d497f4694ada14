//! `history`: every recorded change, oldest first, as lines or JSON.

use std::path::PathBuf;

use jalon_app::{App, HistoryFilter, PeriodKey};
use jalon_core::store::{HistoryEntry, Level};

use crate::CliError;
use crate::print::{period_name, wdiff};

#[derive(clap::Args)]
pub struct Args {
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
}

impl Args {
    pub fn run(self) -> Result<(), CliError> {
        let filter = HistoryFilter {
            period: self.period.map(PeriodKey::Label),
            objective: self.objective,
            limit: None,
        };
        let mut entries = App::open(&self.db)?.history(&filter)?.entries;
        // The use case lists newest first, as a screen does; a log reads oldest first.
        entries.reverse();
        if self.json {
            crate::print::json(&entries);
        } else {
            for h in &entries {
                println!("{}", line(h));
            }
        }
        Ok(())
    }
}

/// One history entry as a line: when, in which period, about what, what changed.
fn line(h: &HistoryEntry) -> String {
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
    let subject = match h.level {
        Level::Strategy => "Strategy".to_string(),
        Level::Axis => format!("Axis {}", h.reference),
        Level::Action => format!("Action {}", h.reference),
        Level::Objective => format!("Objective {}", h.reference),
    };
    format!("{}  {}  {subject}  {what}", h.at, period_name(&h.period))
}
