//! The core's catalogue: the shared typography (percentages, the colon, counts, statuses and
//! levels in English and French, with each language's rules for plurals and typography: French
//! puts a no-break space before ":" and "%", and groups digits with a narrow no-break space),
//! and the words of the core's own data: errors, warnings, history rows, summaries and traces.
//! Each output crate (charts, deck, page, round workbooks) has its own words beside its code,
//! built on the typography here.
//!
//! The rest of the core returns data: warnings and findings as a code with typed parameters
//! (`checks::Finding`), history changes as `history::Change`. A front renders them here in
//! the reader's language: the CLI and the outputs in the report's language (or `--lang`). The
//! desktop UI has its own catalogue for the same codes, in the language the person chose.
//!
//! A catalogue in code rather than in message files (Fluent, gettext): every code must be
//! rendered in both languages or the match does not compile, and the parameters are typed.

mod errors;
mod history;
mod summary;
mod trace;

pub(crate) use trace::{TraceWords, trace_words};
mod warnings;

pub use crate::lang::{Language, Level};
use crate::model::{ObjectiveRef, Status};

impl Language {
    /// "65 %" in French (with a no-break space, as French typography wants), "65%" in English.
    pub fn percent(self, value: u32) -> String {
        match self {
            Language::Fr => format!("{value}\u{a0}%"),
            Language::En => format!("{value}%"),
        }
    }

    /// A percentage that may not exist: "—" for a level with nothing counted.
    pub fn progress(self, value: Option<u32>) -> String {
        value.map_or_else(|| "—".to_string(), |v| self.percent(v))
    }

    /// The colon after a label: "Action 14 :" in French, "Action 14:" in English.
    pub fn colon(self) -> &'static str {
        match self {
            Language::Fr => "\u{a0}:",
            Language::En => ":",
        }
    }

    /// A count with the language's digit grouping: "1,234" or "1 234" (narrow no-break space).
    pub fn count(self, n: usize) -> String {
        let digits = n.to_string();
        let sep = match self {
            Language::En => ",",
            Language::Fr => "\u{202f}",
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// A decimal written with a point ("12.5"), in the language's notation ("12,5").
    pub fn decimal(self, point: &str) -> String {
        match self {
            Language::Fr => point.replace('.', ","),
            Language::En => point.to_string(),
        }
    }

    /// Whether `n` takes the singular: French reads 0 and 1 as singular, English only 1.
    pub fn singular(self, n: usize) -> bool {
        match self {
            Language::Fr => n <= 1,
            Language::En => n == 1,
        }
    }

    /// `n` with the singular or plural word: "1 objective", "0 objectif", "3 axes".
    pub fn counted(self, n: usize, one: &str, many: &str) -> String {
        format!(
            "{} {}",
            self.count(n),
            if self.singular(n) { one } else { many }
        )
    }

    /// A status as the published dashboard writes it.
    pub fn status(self, s: Status) -> &'static str {
        match (self, s) {
            (Language::En, Status::NotStarted) => "Not started",
            (Language::En, Status::InProgress) => "In progress",
            (Language::En, Status::Completed) => "Completed",
            (Language::En, Status::Abandoned) => "Abandoned",
            (Language::Fr, Status::NotStarted) => "Non commencé",
            (Language::Fr, Status::InProgress) => "En cours",
            (Language::Fr, Status::Completed) => "Terminé",
            (Language::Fr, Status::Abandoned) => "Abandonné",
        }
    }

    /// The word for a level of the report, capitalised as a heading starts it.
    pub fn level(self, level: Level) -> &'static str {
        match (self, level) {
            (Language::En, Level::Strategy) => "Strategy",
            (Language::Fr, Level::Strategy) => "Stratégie",
            (Language::En, Level::Axis) => "Axis",
            (Language::Fr, Level::Axis) => "Axe",
            (_, Level::Action) => "Action",
            (Language::En, Level::Objective) => "Objective",
            (Language::Fr, Level::Objective) => "Objectif",
        }
    }

    /// "Objective 32 (1/2)", "Axe 4", "Action 14".
    pub fn named(self, level: Level, reference: impl std::fmt::Display) -> String {
        format!("{} {reference}", self.level(level))
    }

    /// "4 axes, 17 key actions and 46 objectives", with singulars where the language wants.
    pub fn counts_line(self, axes: usize, actions: usize, objectives: usize) -> String {
        match self {
            Language::En => format!(
                "{}, {} and {}",
                self.counted(axes, "axis", "axes"),
                self.counted(actions, "key action", "key actions"),
                self.counted(objectives, "objective", "objectives")
            ),
            Language::Fr => format!(
                "{}, {} et {}",
                self.counted(axes, "axe", "axes"),
                self.counted(actions, "action clé", "actions clés"),
                self.counted(objectives, "objectif", "objectifs")
            ),
        }
    }

    /// An objective named by its number and part.
    pub fn objective(self, r: ObjectiveRef) -> String {
        self.named(Level::Objective, r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_plurals_take_zero_and_one_as_singular_and_the_counts_line_agrees() {
        assert_eq!(
            Language::Fr.counts_line(1, 0, 2),
            "1 axe, 0 action clé et 2 objectifs"
        );
        assert_eq!(
            Language::En.counts_line(1, 0, 2),
            "1 axis, 0 key actions and 2 objectives"
        );
        assert_eq!(Language::Fr.count(12345), "12\u{202f}345");
        assert_eq!(Language::En.count(1234), "1,234");
    }
}
