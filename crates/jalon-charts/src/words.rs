//! The words of the slide charts: titles, subtitles, source lines, alt text and notes. The
//! charts crate lays out and draws; what a chart says is here, with the rest of the catalogue.

use jalon_core::i18n::{Language, Level};
use jalon_core::lang::Subject;

/// The charts' words in one language.
#[derive(Debug, Clone, Copy)]
pub struct ChartWords(pub Language);

impl ChartWords {
    fn fr(self) -> bool {
        self.0 == Language::Fr
    }

    fn pick(self, en: &str, fr: &str) -> String {
        if self.fr() { fr } else { en }.to_string()
    }

    /// "Report — 2026-Q1 — data as of 2026-03-31".
    pub fn subtitle(self, report: &str, reporting_period: &str, as_of: &str) -> String {
        let mut out = report.to_string();
        if !reporting_period.is_empty() {
            out.push_str(&format!(" — {reporting_period}"));
        }
        if !as_of.is_empty() {
            out.push_str(&if self.fr() {
                format!(" — données au {as_of}")
            } else {
                format!(" — data as of {as_of}")
            });
        }
        out
    }

    pub fn source(self, report: &str) -> String {
        let c = self.0.colon();
        if self.fr() {
            format!("Source{c} état d’avancement de {report}\u{a0}; calculs Jalon")
        } else {
            format!("Source{c} {report} progress report; figures computed by Jalon")
        }
    }

    /// "the strategy", "Axis 4", "Action 14", as a chart names what it covers.
    pub fn scope_name(self, s: Subject) -> String {
        match s {
            Subject::Strategy => self.pick("the strategy", "la stratégie"),
            Subject::Axis(n) => self.0.named(Level::Axis, n),
            Subject::Action(n) => self.0.named(Level::Action, n),
        }
    }

    /// The scope inside a French sentence ("de l’axe 4"); the English name otherwise.
    fn scope_in(self, s: Subject) -> String {
        match s {
            Subject::Axis(n) if self.fr() => format!("l’axe {n}"),
            Subject::Action(n) if self.fr() => format!("l’action {n}"),
            _ => self.scope_name(s),
        }
    }

    pub fn objectives_word(self, n: usize) -> &'static str {
        match (self.0.singular(n), self.fr()) {
            (true, false) => "objective",
            (false, false) => "objectives",
            (true, true) => "objectif",
            (false, true) => "objectifs",
        }
    }

    /// A bar chart's alt text: its lead, then its rows listed or the words for none.
    fn bars_alt(self, lead: String, listed: &str, none: (&str, &str)) -> String {
        let rows = if listed.is_empty() {
            self.pick(none.0, none.1)
        } else {
            listed.to_string()
        };
        format!("{lead}{} {rows}.", self.0.colon())
    }

    pub fn axes_title(self) -> String {
        self.pick("Progress per axis", "Avancement par axe")
    }

    pub fn axes_alt(self, report: &str, overall: &str, listed: &str) -> String {
        let lead = if self.fr() {
            format!("Graphique en barres de l’avancement par axe de {report}, ensemble {overall}")
        } else {
            format!("Bar chart of progress per axis of {report}, overall {overall}")
        };
        self.bars_alt(lead, listed, ("no axes yet", "aucun axe pour l’instant"))
    }

    pub fn axes_empty(self) -> String {
        self.pick(
            "No axes in this report yet",
            "Aucun axe dans ce rapport pour l’instant",
        )
    }

    pub fn actions_title(self, axis: u32) -> String {
        format!(
            "{}{} {}",
            self.0.named(Level::Axis, axis),
            self.0.colon(),
            self.pick("progress per action", "avancement par action")
        )
    }

    pub fn actions_alt(self, axis: u32, report: &str, overall: &str, listed: &str) -> String {
        let lead = if self.fr() {
            format!(
                "Graphique en barres de l’avancement par action de l’axe {axis} de {report}, ensemble {overall}"
            )
        } else {
            format!(
                "Bar chart of progress per action in Axis {axis} of {report}, overall {overall}"
            )
        };
        self.bars_alt(
            lead,
            listed,
            ("no actions yet", "aucune action pour l’instant"),
        )
    }

    pub fn actions_empty(self) -> String {
        self.pick(
            "No actions in this axis yet",
            "Aucune action dans cet axe pour l’instant",
        )
    }

    pub fn objectives_title(self, action: u32) -> String {
        format!(
            "Action {action}{} {}",
            self.0.colon(),
            self.pick("progress per objective", "avancement par objectif")
        )
    }

    pub fn objectives_alt(self, action: u32, report: &str, overall: &str, listed: &str) -> String {
        let lead = if self.fr() {
            format!(
                "Graphique en barres de l’avancement par objectif de l’action {action} de {report}, ensemble {overall}"
            )
        } else {
            format!(
                "Bar chart of progress per objective in Action {action} of {report}, overall {overall}"
            )
        };
        self.bars_alt(
            lead,
            listed,
            ("no objectives yet", "aucun objectif pour l’instant"),
        )
    }

    pub fn objectives_empty(self) -> String {
        self.pick(
            "No objectives in this action yet",
            "Aucun objectif dans cette action pour l’instant",
        )
    }

    pub fn no_objectives(self) -> String {
        self.pick("No objectives yet", "Aucun objectif pour l’instant")
    }

    pub fn status_title(self, s: Subject) -> String {
        match s {
            Subject::Strategy => self.pick("Objectives by status", "Objectifs par statut"),
            _ => format!(
                "{}{} {}",
                self.scope_name(s),
                self.0.colon(),
                self.pick("objectives by status", "objectifs par statut")
            ),
        }
    }

    /// `parts` lists each status with its count and share.
    pub fn status_alt(self, s: Subject, report: &str, total: usize, parts: &str) -> String {
        let (n, word, c) = (
            self.0.count(total),
            self.objectives_word(total),
            self.0.colon(),
        );
        if self.fr() {
            format!(
                "Graphique en anneau des {n} {word} de {} dans {report} par statut{c} {parts}.",
                self.scope_in(s)
            )
        } else {
            format!(
                "Donut chart of the {n} {word} of {} in {report} by status{c} {parts}.",
                self.scope_name(s)
            )
        }
    }

    pub fn trend_title(self, s: Subject) -> String {
        match s {
            Subject::Strategy => self.pick(
                "Progress per reporting period",
                "Avancement par période de suivi",
            ),
            _ => format!(
                "{}{} {}",
                self.scope_name(s),
                self.0.colon(),
                self.pick(
                    "progress per reporting period",
                    "avancement par période de suivi"
                )
            ),
        }
    }

    /// `listed` gives each period with its percentage; empty, the words for none.
    pub fn trend_alt(self, s: Subject, report: &str, listed: &str) -> String {
        let c = self.0.colon();
        let points = if listed.is_empty() {
            self.pick("no periods yet", "aucune période pour l’instant")
        } else {
            listed.to_string()
        };
        if self.fr() {
            format!(
                "Graphique en courbe de l’avancement de {} dans {report} par période de suivi{c} {points}.",
                self.scope_in(s)
            )
        } else {
            format!(
                "Line chart of the progress of {} in {report} per reporting period{c} {points}.",
                self.scope_name(s)
            )
        }
    }

    /// The open period when it has no name yet.
    pub fn current(self) -> String {
        self.pick("Current", "En cours")
    }

    pub fn no_periods(self) -> String {
        self.pick(
            "No reporting periods yet",
            "Aucune période de suivi pour l’instant",
        )
    }

    pub fn one_period(self) -> String {
        self.pick(
            "A trend appears once a period is closed",
            "La tendance apparaît après la clôture d’une période",
        )
    }
}
