//! The words of the outputs that leave Jalon for readers: the published web page and the
//! spreadsheet (CSV) columns. The page's labels are those of the published dashboard's format
//! ("Progress: 65%", "Achievement", "Next steps"), so that the page reads back as a report.

use jalon_core::i18n::Language;
use jalon_core::model::RollupMethod;

/// The published page's and the CSV's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct PageWords(pub Language);

impl PageWords {
    fn fr(self) -> bool {
        self.0 == Language::Fr
    }

    fn pick(self, en: &str, fr: &str) -> String {
        if self.fr() { fr } else { en }.to_string()
    }

    /// The browser tab's title: "Title — progress report, 2026-Q1".
    pub fn page_title(self, title: &str, reporting_period: &str) -> String {
        let what = self.pick("progress report", "état d’avancement");
        if reporting_period.is_empty() {
            format!("{title} — {what}")
        } else {
            format!("{title} — {what}, {reporting_period}")
        }
    }

    pub fn skip_link(self) -> String {
        self.pick("Skip to the report", "Aller au contenu du rapport")
    }

    /// "Strategy period: 2023–2027. Reporting period: 2026-Q1. Data as of 2026-03-31." (any
    /// part may be missing).
    pub fn reporting_line(self, period: &str, reporting_period: &str, as_of: &str) -> String {
        let c = self.0.colon();
        let mut parts = Vec::new();
        if !period.is_empty() {
            parts.push(if self.fr() {
                format!("Période de la stratégie{c} {period}.")
            } else {
                format!("Strategy period{c} {period}.")
            });
        }
        if !reporting_period.is_empty() {
            parts.push(if self.fr() {
                format!("Période de suivi{c} {reporting_period}.")
            } else {
                format!("Reporting period{c} {reporting_period}.")
            });
        }
        if !as_of.is_empty() {
            parts.push(if self.fr() {
                format!("Données au {as_of}.")
            } else {
                format!("Data as of {as_of}.")
            });
        }
        parts.join(" ")
    }

    /// The strategy's progress, worded so that it is not read back as an action's line.
    pub fn strategy_progress(self, value: Option<u32>) -> String {
        let c = self.0.colon();
        let v = self.0.progress(value);
        if self.fr() {
            format!("Avancement de la stratégie{c} {v}")
        } else {
            format!("Progress of the strategy{c} {v}")
        }
    }

    /// "Progress: 65%", the dashboard's own line for an axis, an action or an objective.
    pub fn progress_line(self, value: u32) -> String {
        let c = self.0.colon();
        let v = self.0.percent(value);
        if self.fr() {
            format!("Avancement{c} {v}")
        } else {
            format!("Progress{c} {v}")
        }
    }

    /// How the percentages on the page are made, for the reader who checks them.
    pub fn method_note(self, method: RollupMethod) -> String {
        let c = self.0.colon();
        match (self.0, method) {
            (Language::En, RollupMethod::MeanOfChildren) => format!(
                "How the percentages are computed{c} an action’s progress is the mean of its \
                 objectives’ progress, weighted by their weights; an axis’s is the mean of its \
                 actions’, and the strategy’s the mean of its axes’. Abandoned objectives are \
                 not counted. Values are kept exact and rounded half up to a whole percentage \
                 only when shown."
            ),
            (Language::En, RollupMethod::Flat) => format!(
                "How the percentages are computed{c} each level’s progress is the mean of the \
                 progress of every objective below it, weighted by their weights. Abandoned \
                 objectives are not counted. Values are kept exact and rounded half up to a \
                 whole percentage only when shown."
            ),
            (Language::Fr, RollupMethod::MeanOfChildren) => format!(
                "Mode de calcul des pourcentages{c} l’avancement d’une action est la moyenne \
                 de celui de ses objectifs, pondérée par leurs poids ; celui d’un axe est la \
                 moyenne de ses actions, celui de la stratégie la moyenne de ses axes. Les \
                 objectifs abandonnés ne sont pas comptés. Les valeurs sont exactes et \
                 arrondies à l’unité supérieure à partir de 0,5 seulement à l’affichage."
            ),
            (Language::Fr, RollupMethod::Flat) => format!(
                "Mode de calcul des pourcentages{c} l’avancement de chaque niveau est la \
                 moyenne de celui de tous les objectifs qu’il contient, pondérée par leurs \
                 poids. Les objectifs abandonnés ne sont pas comptés. Les valeurs sont exactes \
                 et arrondies à l’unité supérieure à partir de 0,5 seulement à l’affichage."
            ),
        }
    }

    pub fn filter_heading(self) -> String {
        self.pick("Filter by axis", "Filtrer par axe")
    }

    pub fn all_axes(self) -> String {
        self.pick("All axes", "Tous les axes")
    }

    /// "17 objectives", the count the dashboard states under its filter.
    pub fn objectives_shown(self, n: usize) -> String {
        if self.fr() {
            self.0.counted(n, "objectif", "objectifs")
        } else {
            self.0.counted(n, "objective", "objectives")
        }
    }

    pub fn charts_heading(self) -> String {
        self.pick("Charts", "Graphiques")
    }

    /// "Figure 4 — title".
    pub fn figure_caption(self, n: usize, chart_title: &str) -> String {
        format!("{} {n} — {chart_title}", self.pick("Figure", "Figure"))
    }

    /// The caption of the table that gives a chart's data.
    pub fn data_caption(self, chart_title: &str) -> String {
        if self.fr() {
            format!("Données du graphique « {chart_title} »")
        } else {
            format!("Data of the chart “{chart_title}”")
        }
    }

    pub fn column_entry(self) -> String {
        self.pick("Entry", "Élément")
    }

    pub fn column_progress(self) -> String {
        self.pick("Progress", "Avancement")
    }

    pub fn column_status(self) -> String {
        self.pick("Status", "Statut")
    }

    pub fn column_objectives(self) -> String {
        self.pick("Objectives", "Objectifs")
    }

    pub fn column_share(self) -> String {
        self.pick("Share", "Part")
    }

    pub fn column_period(self) -> String {
        self.pick("Period", "Période")
    }

    /// The labels of an objective's texts, as the dashboard's detail part writes them.
    pub fn achievement(self) -> String {
        self.pick("Achievement", "Réalisations")
    }

    pub fn next_steps(self) -> String {
        self.pick("Next steps", "Prochaines étapes")
    }

    /// Said under an empty text, in a style that is not read back as the text.
    pub fn nothing_written(self) -> String {
        self.pick("Nothing written.", "Rien de renseigné.")
    }

    /// The footer, outside the report's main content.
    pub fn footer(self) -> String {
        self.pick(
            "Published with Jalon. This page works offline and loads nothing from the network.",
            "Publié avec Jalon. Cette page fonctionne hors ligne et ne charge rien depuis le réseau.",
        )
    }

    /// The CSV's header row, in column order.
    pub fn csv_header(self) -> Vec<String> {
        let cols: [(&str, &str); 17] = [
            ("Axis", "Axe"),
            ("Axis title", "Titre de l’axe"),
            ("Action", "Action"),
            ("Action title", "Titre de l’action"),
            ("Objective", "Objectif"),
            ("Part", "Partie"),
            ("Parts", "Parties"),
            ("Title", "Titre"),
            ("Status", "Statut"),
            ("Progress (%)", "Avancement (%)"),
            ("Achievement", "Réalisations"),
            ("Next steps", "Prochaines étapes"),
            ("Lead", "Pilote"),
            ("Due date", "Échéance"),
            ("Weight", "Poids"),
            ("Action progress (%)", "Avancement de l’action (%)"),
            ("Axis progress (%)", "Avancement de l’axe (%)"),
        ];
        cols.iter().map(|(en, fr)| self.pick(en, fr)).collect()
    }
}
