//! The words of the committee deck: slide titles, table headers and the speaker notes'
//! sentences, in the report's language (or the one asked for).

use jalon_core::i18n::Language;
use jalon_core::model::Status;

/// The deck's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct DeckWords(pub Language);

impl DeckWords {
    fn fr(self) -> bool {
        self.0 == Language::Fr
    }

    fn pick(self, en: &str, fr: &str) -> String {
        if self.fr() { fr } else { en }.to_string()
    }

    /// The title slide's second line: "Progress report — 2026-Q1".
    pub fn report_of(self, reporting_period: &str) -> String {
        let what = self.pick("Progress report", "État d’avancement");
        if reporting_period.is_empty() {
            what
        } else {
            format!("{what} — {reporting_period}")
        }
    }

    pub fn data_as_of(self, as_of: &str) -> String {
        if as_of.is_empty() {
            String::new()
        } else if self.fr() {
            format!("Données au {as_of}")
        } else {
            format!("Data as of {as_of}")
        }
    }

    pub fn overview(self) -> String {
        self.pick("Overview", "Vue d’ensemble")
    }

    /// The title of the slide with the objectives' statuses.
    pub fn statuses_title(self) -> String {
        self.pick("Objectives by status", "Objectifs par statut")
    }

    /// The title of an axis's table of key actions: "Axis 1: key actions".
    pub fn actions_of(self, axis: &str) -> String {
        let c = self.0.colon();
        format!("{axis}{c} {}", self.pick("key actions", "actions clés"))
    }

    /// A slide title with "(continued)", for a table that goes on.
    pub fn continued(self, title: &str) -> String {
        format!("{title} {}", self.pick("(continued)", "(suite)"))
    }

    /// "Strategy progress: 42%".
    pub fn progress_of(self, what: &str, progress: Option<u32>) -> String {
        let c = self.0.colon();
        format!("{what}{c} {}", self.0.progress(progress))
    }

    pub fn strategy_progress(self) -> String {
        self.pick("Strategy progress", "Avancement de la stratégie")
    }

    /// The per-axis table's headers.
    pub fn table_headers(self) -> [String; 4] {
        [
            self.pick("Key action", "Action clé"),
            self.pick("Progress", "Avancement"),
            self.pick("Change", "Évolution"),
            self.pick("Objectives by status", "Objectifs par statut"),
        ]
    }

    /// A move in points: "+5 pts", "−3 pts", "=" ; "new" when the earlier period lacks it.
    pub fn change(self, delta: Option<i32>) -> String {
        match delta {
            None => "—".into(),
            Some(0) => "=".into(),
            Some(d) if d > 0 => format!("+{d}\u{a0}pt{}", if d > 1 { "s" } else { "" }),
            Some(d) => format!("−{}\u{a0}pt{}", -d, if d < -1 { "s" } else { "" }),
        }
    }

    /// "3 in progress, 1 completed".
    pub fn status_counts(self, counts: &[(Status, usize)]) -> String {
        counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{} {}", self.0.count(*n), self.0.status(*s).to_lowercase()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "What moved since 2025-Q4".
    pub fn moved_since(self, from: &str) -> String {
        if self.fr() {
            format!("Ce qui a bougé depuis {from}")
        } else {
            format!("What moved since {from}")
        }
    }

    /// The "what moved" slide's title when no period is closed yet.
    pub fn moved(self) -> String {
        self.pick("What moved", "Ce qui a bougé")
    }

    pub fn moved_nothing_to_compare(self) -> String {
        self.pick(
            "No closed period to compare with yet: close this quarter to see next quarter's moves.",
            "Aucune période clôturée à comparer pour l’instant\u{a0}: clôturez ce trimestre pour voir les évolutions du prochain.",
        )
    }

    pub fn moves_up(self) -> String {
        self.pick("Largest moves up", "Plus fortes progressions")
    }

    pub fn moves_down(self) -> String {
        self.pick("Largest moves down", "Plus forts reculs")
    }

    pub fn status_changes(self) -> String {
        self.pick("Status changes", "Changements de statut")
    }

    pub fn completed(self) -> String {
        self.pick("Objectives completed", "Objectifs terminés")
    }

    pub fn none(self) -> String {
        self.pick("None", "Aucun")
    }

    pub fn findings_title(self) -> String {
        self.pick(
            "Still to check before publication",
            "À vérifier avant publication",
        )
    }

    /// "and 4 more".
    pub fn and_more(self, n: usize) -> String {
        if self.fr() {
            format!("et {} de plus", self.0.count(n))
        } else {
            format!("and {} more", self.0.count(n))
        }
    }

    pub fn next_steps(self) -> String {
        self.pick("Next steps", "Prochaines étapes")
    }

    /// The notes' sentence for one level: "Action 14 is at 65% (+5 pts since 2025-Q4)."
    pub fn is_at(self, who: &str, progress: Option<u32>, change: Option<(i32, &str)>) -> String {
        let p = self.0.progress(progress);
        let since = change.map_or(String::new(), |(d, from)| {
            if self.fr() {
                format!(" ({} depuis {from})", self.change(Some(d)))
            } else {
                format!(" ({} since {from})", self.change(Some(d)))
            }
        });
        if self.fr() {
            format!("{who} est à {p}{since}.")
        } else {
            format!("{who} is at {p}{since}.")
        }
    }

    /// "Objectives by status: 3 in progress, 1 completed."
    pub fn statuses_sentence(self, counts: &[(Status, usize)]) -> String {
        let c = self.0.colon();
        format!(
            "{}{c} {}.",
            self.pick("Objectives by status", "Objectifs par statut"),
            self.status_counts(counts)
        )
    }

    /// "Objective 3: from 40% to 55% (+15 pts)."
    pub fn moved_sentence(self, who: &str, from: u32, to: u32) -> String {
        let d = to as i32 - from as i32;
        let (from, to) = (self.0.percent(from), self.0.percent(to));
        let c = self.0.colon();
        if self.fr() {
            format!("{who}{c} de {from} à {to} ({})", self.change(Some(d)))
        } else {
            format!("{who}{c} from {from} to {to} ({})", self.change(Some(d)))
        }
    }

    /// "Objective 3: In progress → Completed".
    pub fn status_sentence(self, who: &str, from: Status, to: Status) -> String {
        let c = self.0.colon();
        format!("{who}{c} {} → {}", self.0.status(from), self.0.status(to))
    }
}

/// What the officer is told when a template had no layout fit for a kind of slide: those
/// slides are on its blank layout, with Jalon's own boxes.
pub fn fallback_notice(role: crate::Role, lang: Language) -> String {
    let w = DeckWords(lang);
    match role {
        crate::Role::Title => w.pick(
            "the template has no layout for a title slide (a title and a subtitle): the title slide is on its blank layout, with Jalon's own boxes",
            "le modèle n’a pas de disposition pour une diapositive de titre (un titre et un sous-titre)\u{a0}: la diapositive de titre est sur sa disposition vide, avec les cadres de Jalon",
        ),
        crate::Role::Chart | crate::Role::Table | crate::Role::Text => w.pick(
            "the template has no layout with a title and a content area: the slides are on its blank layout, with Jalon's own boxes",
            "le modèle n’a pas de disposition avec un titre et une zone de contenu\u{a0}: les diapositives sont sur sa disposition vide, avec les cadres de Jalon",
        ),
    }
}
