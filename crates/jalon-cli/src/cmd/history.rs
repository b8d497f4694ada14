//! `history`: every recorded change, oldest first, as lines or JSON.

use std::path::PathBuf;

use jalon_app::{HistoryFilter, PeriodKey};
use jalon_core::{HistoryEntry, Language};

use crate::CliError;
use crate::print::{period_name, wdiff};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    pub(super) db: PathBuf,
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
        let app = super::open(&self.db)?;
        let mut entries = app.history(&filter)?.entries;
        // The use case lists newest first, as a screen does; a log reads oldest first.
        entries.reverse();
        if self.json {
            crate::print::json(&entries);
        } else {
            for h in &entries {
                println!("{}", line(h, app.language()));
            }
        }
        Ok(())
    }
}

/// One history entry as a line: when, in which period, about what, what changed, in the
/// report's language.
fn line(h: &HistoryEntry, lang: Language) -> String {
    // A change accepted from a round names the round (its id's first 8 digits) and the lead.
    let source = h.source.as_ref().map_or(String::new(), |s| {
        format!("  [round {}, {}]", &s.round[..8.min(s.round.len())], s.lead)
    });
    format!(
        "{}  {}  {}  {}{source}",
        h.at,
        period_name(&h.period),
        h.subject(lang),
        h.describe(lang, wdiff)
    )
}
