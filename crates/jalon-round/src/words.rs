//! The words of the contributor round's workbooks: the instructions a lead reads, the sheets'
//! names and the columns' headers.

use jalon_core::i18n::Language;

/// The round workbooks' words in one language.
#[derive(Debug, Clone, Copy)]
pub struct RoundWords(pub Language);

impl RoundWords {
    fn pick(self, en: &str, fr: &str) -> String {
        match self.0 {
            Language::En => en,
            Language::Fr => fr,
        }
        .to_string()
    }

    pub fn instructions_sheet(self) -> String {
        self.pick("Instructions", "Consignes")
    }

    pub fn objectives_sheet(self) -> String {
        self.pick("Objectives", "Objectifs")
    }

    /// The instructions sheet, line by line.
    pub fn instructions(self, report: &str, lead: &str, due: &str) -> Vec<String> {
        let c = self.0.colon();
        let mut out = match self.0 {
            Language::En => vec![
                format!("Quarterly update{c} {report}"),
                format!("For{c} {lead}"),
                format!(
                    "On the “Objectives” sheet, each row is one of your objectives. The grey columns say where it stands in the last report; fill in the white columns with where it stands now."
                ),
                "Status: choose from the list. Progress: a whole number from 0 to 100. Achievement and next steps: plain text; start a line with “• ” for a bullet. Comment: anything the officer should know.".to_string(),
                "Do not add, remove or move rows, and do not change the grey columns: the workbook is matched to the report by its hidden data.".to_string(),
                "Save the workbook as it is (.xlsx, or .ods from LibreOffice) and send it back to the strategy officer.".to_string(),
            ],
            Language::Fr => vec![
                format!("Mise à jour trimestrielle{c} {report}"),
                format!("Pour{c} {lead}"),
                "Dans la feuille «\u{a0}Objectifs\u{a0}», chaque ligne est l’un de vos objectifs. Les colonnes grises disent où il en était dans le dernier état d’avancement\u{a0}; remplissez les colonnes blanches avec où il en est aujourd’hui.".to_string(),
                format!("Statut{c} choisissez dans la liste. Avancement{c} un nombre entier de 0 à 100. Réalisations et prochaines étapes{c} du texte simple\u{a0}; commencez une ligne par «\u{a0}•\u{a0}» pour une puce. Commentaire{c} ce que le chargé de mission doit savoir."),
                "N’ajoutez, ne supprimez ni ne déplacez aucune ligne, et ne modifiez pas les colonnes grises\u{a0}: le classeur est rapproché du rapport par ses données cachées.".to_string(),
                "Enregistrez le classeur tel quel (.xlsx, ou .ods depuis LibreOffice) et renvoyez-le au chargé de mission.".to_string(),
            ],
        };
        if !due.is_empty() {
            out.insert(
                2,
                match self.0 {
                    Language::En => format!("Please send it back by {due}."),
                    Language::Fr => format!("Merci de le renvoyer avant le {due}."),
                },
            );
        }
        out
    }

    /// The objectives sheet's headers: the locked context, then the inputs in their order.
    pub fn headers(self) -> Vec<String> {
        let cols: [(&str, &str); 14] = [
            ("Axis", "Axe"),
            ("Action", "Action"),
            ("Objective", "Objectif"),
            ("Part", "Partie"),
            ("Title", "Titre"),
            ("Status (last report)", "Statut (dernier état)"),
            ("Progress (last report)", "Avancement (dernier état)"),
            ("Achievement (last report)", "Réalisations (dernier état)"),
            (
                "Next steps (last report)",
                "Prochaines étapes (dernier état)",
            ),
            ("Status", "Statut"),
            ("Progress (%)", "Avancement (%)"),
            ("Achievement", "Réalisations"),
            ("Next steps", "Prochaines étapes"),
            ("Comment", "Commentaire"),
        ];
        cols.iter().map(|(en, fr)| self.pick(en, fr)).collect()
    }

    /// The four inputs' names, in their order: status, progress, achievement, next steps.
    pub fn inputs(self) -> [String; 4] {
        let h = self.headers();
        [h[9].clone(), h[10].clone(), h[11].clone(), h[12].clone()]
    }

    pub fn progress_refused(self) -> (String, String) {
        (
            self.pick("Progress", "Avancement"),
            self.pick(
                "A whole number from 0 to 100.",
                "Un nombre entier de 0 à 100.",
            ),
        )
    }

    /// The name of the workbook of objectives without a lead.
    pub fn no_lead(self) -> String {
        self.pick("No lead", "Sans pilote")
    }
}

impl crate::WorkbookProblem {
    /// Why a workbook is refused, in `lang`.
    pub fn render(&self, lang: Language) -> String {
        use crate::WorkbookProblem as P;
        let fr = lang == Language::Fr;
        let c = lang.colon();
        let n = |v: &u64| lang.count(usize::try_from(*v).unwrap_or(usize::MAX));
        match self {
            P::TooLarge { size, limit } if fr => format!(
                "le classeur fait {} octets, plus que les {} que Jalon lit",
                n(size),
                n(limit)
            ),
            P::TooLarge { size, limit } => format!(
                "the workbook holds {} bytes, more than the {} Jalon reads",
                n(size),
                n(limit)
            ),
            P::Expands { size, limit } if fr => format!(
                "le classeur se décompresserait en {} octets, plus que les {} que Jalon lit",
                n(size),
                n(limit)
            ),
            P::Expands { size, limit } => format!(
                "the workbook would expand to {} bytes, more than the {} Jalon reads",
                n(size),
                n(limit)
            ),
            P::Unreadable { detail } if fr => format!(
                "le classeur ne peut pas être lu (endommagé ou protégé par un mot de passe){c} {detail}"
            ),
            P::Unreadable { detail } => format!(
                "the workbook cannot be read (damaged or protected by a password){c} {detail}"
            ),
            P::UnknownObjective { cell } if fr => format!("{cell}{c} cet identifiant ne désigne aucun objectif du rapport (modifié à la main, ou l’objectif a été supprimé depuis le lancement de la campagne)"),
            P::UnknownObjective { cell } => format!("{cell}: this id names no objective of the report (changed by hand, or the objective was deleted since the round started)"),
            P::Encrypted if fr => "le classeur est protégé par un mot de passe\u{a0}: enregistrez-le à nouveau sans mot de passe".into(),
            P::Encrypted => "the workbook is protected by a password: save it again without one".into(),
            P::NotARoundWorkbook if fr => {
                "ce classeur n’a pas été produit par une campagne Jalon".into()
            }
            P::NotARoundWorkbook => "this workbook was not made by a Jalon round".into(),
            P::MissingSheet { sheet } if fr => {
                format!("le classeur n’a pas de feuille « {sheet} »")
            }
            P::MissingSheet { sheet } => format!("the workbook has no sheet “{sheet}”"),
            P::Damaged { cell } if fr => {
                format!("{cell}{c} les données cachées du classeur ont été modifiées")
            }
            P::Damaged { cell } => format!("{cell}: the workbook’s hidden data was changed"),
            P::Formula { cell } if fr => format!("{cell}{c} une formule à la place d’une valeur"),
            P::Formula { cell } => format!("{cell}: a formula where a value belongs"),
            P::UnknownStatus { cell, found } if fr => {
                format!("{cell}{c} «\u{a0}{found}\u{a0}» n’est pas un statut de la liste")
            }
            P::UnknownStatus { cell, found } => {
                format!("{cell}: “{found}” is not a status of the list")
            }
            P::BadProgress { cell, found } if fr => {
                format!("{cell}{c} «\u{a0}{found}\u{a0}» n’est pas un nombre entier de 0 à 100")
            }
            P::BadProgress { cell, found } => {
                format!("{cell}: “{found}” is not a whole number from 0 to 100")
            }
            P::RowAdded { cell } if fr => {
                format!(
                    "{cell}{c} une ligne ajoutée à la main\u{a0}; ajoutez les objectifs dans Jalon"
                )
            }
            P::RowAdded { cell } => {
                format!("{cell}: a row added by hand; add objectives in Jalon, not in the workbook")
            }
            P::OtherReport if fr => "ce classeur a été produit pour un autre rapport".into(),
            P::OtherReport => "this workbook was made for another report".into(),
            P::OtherRound if fr => {
                "ce classeur n’appartient à aucune campagne de ce rapport".into()
            }
            P::OtherRound => "this workbook belongs to no round of this report".into(),
            P::Stale if fr => "le classeur ou le rapport a changé depuis la revue\u{a0}; importez le classeur à nouveau".into(),
            P::Stale => "the workbook or the report changed since the review; import the workbook again".into(),
        }
    }
}
