//! Errors in words. `Error`'s `Display` is `render(Language::En)`; the CLI renders in the
//! report's language when it knows it. `ErrorData` is an error as a code with typed
//! parameters, which the desktop UI words from its own catalogue.

use crate::error::{Conflict, Error, Expected, Invalid, NotReport, PageLabel};
use crate::error::{DifferenceKind, SchemaDifference};
use crate::lang::{Language, Level};

impl Error {
    /// The error as a sentence in `lang`.
    pub fn render(&self, lang: Language) -> String {
        let fr = lang == Language::Fr;
        let c = lang.colon();
        match self {
            Error::NoSuchFile { .. }
            | Error::AlreadyExists { .. }
            | Error::InUse { .. }
            | Error::NotAReport { .. }
            | Error::ForeignSchema { .. }
            | Error::NewerSchema { .. } => file_error(self, lang),
            Error::Invalid { field, reason } => format!("{field}{c} {}", invalid(lang, reason)),
            Error::Conflict(x) => conflict(lang, x),
            Error::UnknownId { kind, id } if fr => {
                format!("aucun élément {kind} d’identifiant {id}")
            }
            Error::UnknownId { kind, id } => format!("no {kind} with id {id}"),
            Error::Parse {
                line,
                expected,
                found,
            } => {
                let found = if found.is_empty() {
                    (if fr {
                        "la fin de la page"
                    } else {
                        "the end of the page"
                    })
                    .to_string()
                } else {
                    format!("{found:?}")
                };
                let e = self::expected(lang, expected);
                if fr {
                    format!("ligne {line}{c} attendu {e}, trouvé {found}")
                } else {
                    format!("line {line}{c} expected {e}, found {found}")
                }
            }
            Error::ClosedPeriod { label } if fr => format!(
                "la période {label} est clôturée{c} elle se lit et se compare, mais ne se modifie pas"
            ),
            Error::ClosedPeriod { label } => {
                format!("period {label} is closed{c} it can be read and compared, not edited")
            }
            Error::Tampered {
                label,
                expected,
                found,
            } if fr => format!(
                "période {label}{c} son instantané figé a été modifié après la clôture (somme de contrôle {found}, attendue {expected})"
            ),
            Error::Tampered {
                label,
                expected,
                found,
            } => format!(
                "period {label}{c} its frozen snapshot was changed after closing (checksum {found}, expected {expected})"
            ),
            Error::BadRow { table, row, reason } if fr => {
                format!("la ligne {row} de la table {table} du rapport est illisible{c} {reason}")
            }
            Error::BadRow { table, row, reason } => {
                format!("the report file's {table} row {row} cannot be read{c} {reason}")
            }
            Error::UnknownPeriod(label) if fr => format!("aucune période nommée {label:?}"),
            Error::UnknownPeriod(label) => format!("no period labelled {label:?}"),
            Error::Json(detail) if fr => format!("document JSON{c} {detail}"),
            Error::Json(detail) => format!("JSON document{c} {detail}"),
            Error::UnsupportedFormat { found, supported } if fr => {
                format!("document JSON{c} format {found:?} inconnu (cette version lit {supported})")
            }
            Error::UnsupportedFormat { found, supported } => format!(
                "JSON document{c} unsupported format {found:?} (this version reads {supported})"
            ),
            Error::ChangedElsewhere if fr => "un autre programme a modifié le rapport pendant que vous le consultiez\u{a0}: il a été relu, et votre modification n’a pas été faite\u{a0}; vérifiez-la et refaites-la".into(),
            Error::ChangedElsewhere => "another program changed the report while you had it open: it has been read again, and your change was not made; check it and make it again".into(),
            Error::Encoding if fr => "ce n’est pas un texte en UTF-8, en UTF-16 avec marque d’ordre des octets, ni en Windows-1252 ou Latin-1\u{a0}: le fichier n’est pas lu".into(),
            Error::Encoding => "not text in UTF-8, UTF-16 with a byte-order mark, Windows-1252 or Latin-1: the file is not read".into(),
            Error::TooLarge { size, limit } if fr => format!(
                "le fichier fait {} octets, plus que les {} que Jalon lit\u{a0}: il n’est pas lu",
                lang.count(*size as usize),
                lang.count(*limit as usize)
            ),
            Error::TooLarge { size, limit } => format!(
                "the file holds {} bytes, more than the {} Jalon reads: it is not read",
                lang.count(*size as usize),
                lang.count(*limit as usize)
            ),
            Error::TooDeep { depth, limit } if fr => format!(
                "les éléments de cette page HTML sont imbriqués sur {} niveaux, plus que les {} que Jalon lit\u{a0}: elle n’est pas lue",
                lang.count(*depth),
                lang.count(*limit)
            ),
            Error::TooDeep { depth, limit } => format!(
                "this HTML page nests its elements {} deep, more than the {} Jalon reads: it is not read",
                lang.count(*depth),
                lang.count(*limit)
            ),
            Error::TooManyElements { count, limit } if fr => format!(
                "cette page HTML compte {} éléments, plus que les {} que Jalon lit\u{a0}: elle n’est pas lue",
                lang.count(*count),
                lang.count(*limit)
            ),
            Error::TooManyElements { count, limit } => format!(
                "this HTML page has {} elements, more than the {} Jalon reads: it is not read",
                lang.count(*count),
                lang.count(*limit)
            ),
            Error::TooManyReferences { count, limit } if fr => format!(
                "cette page HTML compte {} références de caractères (&…;), plus que les {} que Jalon lit\u{a0}: elle n’est pas lue",
                lang.count(*count),
                lang.count(*limit)
            ),
            Error::TooManyReferences { count, limit } => format!(
                "this HTML page has {} character references (&…;), more than the {} Jalon reads: it is not read",
                lang.count(*count),
                lang.count(*limit)
            ),
            Error::TooManyObjectives { count, limit } if fr => format!(
                "ce document compte {} objectifs, plus que les {} que Jalon importe\u{a0}: il n’est pas lu",
                lang.count(*count),
                lang.count(*limit)
            ),
            Error::TooManyObjectives { count, limit } => format!(
                "this document has {} objectives, more than the {} Jalon imports: it is not read",
                lang.count(*count),
                lang.count(*limit)
            ),
            Error::Io(e) => e.to_string(),
        }
    }

    /// A refused value's reason alone, in `lang`: what a form shows beside its field.
    pub fn invalid_reason(reason: &Invalid, lang: Language) -> String {
        invalid(lang, reason)
    }
}

/// The errors about the report file itself.
fn file_error(e: &Error, lang: Language) -> String {
    let fr = lang == Language::Fr;
    let c = lang.colon();
    match e {
        Error::NoSuchFile { path } if fr => {
            format!("{}{c} aucun rapport à cet endroit", path.display())
        }
        Error::NoSuchFile { path } => format!("{}{c} no such report file", path.display()),
        Error::AlreadyExists { path } if fr => format!("{}{c} existe déjà", path.display()),
        Error::AlreadyExists { path } => format!("{}{c} already exists", path.display()),
        Error::InUse { path } if fr => format!(
            "{}{c} le fichier est ouvert dans un autre programme\u{a0}; fermez-le là, puis réessayez",
            path.display()
        ),
        Error::InUse { path } => format!(
            "{}{c} the file is open in another program; close it there, then try again",
            path.display()
        ),
        Error::NotAReport { path, reason } if fr => format!(
            "{}{c} ce n’est pas un rapport Jalon ({})",
            path.display(),
            not_report(lang, reason)
        ),
        Error::NotAReport { path, reason } => format!(
            "{}{c} not a Jalon report ({})",
            path.display(),
            not_report(lang, reason)
        ),
        Error::ForeignSchema { path, objects } => {
            let listed: Vec<String> = objects.iter().map(|d| difference(lang, d)).collect();
            if fr {
                format!(
                    "{}{c} refusé, son schéma n’est pas celui de Jalon ({})\u{a0}; le fichier est laissé tel quel",
                    path.display(),
                    listed.join("\u{a0}; ")
                )
            } else {
                format!(
                    "{}{c} refused: its schema is not Jalon's ({}); the file is left as it was",
                    path.display(),
                    listed.join("; ")
                )
            }
        }
        Error::NewerSchema {
            path,
            found,
            supported,
        } if fr => format!(
            "{}{c} écrit par une version plus récente de Jalon (schéma {found}, cette version lit jusqu’au {supported})\u{a0}; mettez Jalon à jour pour l’ouvrir",
            path.display()
        ),
        Error::NewerSchema {
            path,
            found,
            supported,
        } => format!(
            "{}{c} written by a newer version of Jalon (schema {found}, this version reads up to {supported}); update Jalon to open it",
            path.display()
        ),
        // Only the file errors above come here.
        _ => String::new(),
    }
}

/// "extra trigger planted", "missing trigger period_frozen", "changed table objective".
fn difference(lang: Language, d: &SchemaDifference) -> String {
    let fr = lang == Language::Fr;
    let object = match (fr, d.object.as_str()) {
        (true, "table") => "table",
        (true, "index") => "index",
        (true, "trigger") => "déclencheur",
        (true, "view") => "vue",
        (_, other) => other,
    };
    match (fr, d.kind) {
        (false, DifferenceKind::Extra) => format!("extra {object} {}", d.name),
        (false, DifferenceKind::Missing) => format!("missing {object} {}", d.name),
        (false, DifferenceKind::Changed) => format!("changed {object} {}", d.name),
        (true, DifferenceKind::Extra) => format!("ajout\u{a0}: {object} {}", d.name),
        (true, DifferenceKind::Missing) => format!("absence\u{a0}: {object} {}", d.name),
        (true, DifferenceKind::Changed) => format!("modification\u{a0}: {object} {}", d.name),
    }
}

fn not_report(lang: Language, r: &NotReport) -> String {
    let fr = lang == Language::Fr;
    match r {
        NotReport::NotSqlite if fr => "ce n’est pas une base SQLite".into(),
        NotReport::NotSqlite => "it is not an SQLite database".into(),
        NotReport::OtherProgram if fr => "c’est la base SQLite d’un autre programme".into(),
        NotReport::OtherProgram => "it is an SQLite database of another program".into(),
        NotReport::Damaged { detail } if fr => {
            format!("le fichier est endommagé{} {detail}", lang.colon())
        }
        NotReport::Damaged { detail } => format!("the file is damaged{} {detail}", lang.colon()),
    }
}

pub(crate) fn invalid(lang: Language, r: &Invalid) -> String {
    let fr = lang == Language::Fr;
    let pick = |en: &str, f: &str| if fr { f.to_string() } else { en.to_string() };
    match r {
        Invalid::Empty => pick("must not be empty", "ne doit pas être vide"),
        Invalid::NotADate { value } if fr => {
            format!("{value:?} n’est pas une date de la forme AAAA-MM-JJ")
        }
        Invalid::NotADate { value } => format!("{value:?} is not a date of the form YYYY-MM-DD"),
        Invalid::NotADecimal { value } if fr => {
            format!("{value:?} n’est pas un nombre décimal (par exemple 12,5)")
        }
        Invalid::NotADecimal { value } => {
            format!("{value:?} is not a decimal number (for example 12.5)")
        }
        Invalid::Percent { value } if fr => {
            format!("doit être un pourcentage entier de 0 à 100, reçu {value}")
        }
        Invalid::Percent { value } => format!("must be a whole percent from 0 to 100, got {value}"),
        Invalid::OutOfRange { min, max, value } if fr => {
            format!("doit être un nombre entier de {min} à {max}, reçu {value}")
        }
        Invalid::OutOfRange { min, max, value } => {
            format!("must be a whole number from {min} to {max}, got {value}")
        }
        Invalid::NumbersStartAtOne => pick("numbers start at 1", "les numéros commencent à 1"),
        Invalid::TargetIsBaseline => pick(
            "the target must differ from the baseline",
            "la cible doit différer de la valeur de départ",
        ),
        Invalid::RisingNeedsHigherTarget => pick(
            "a rising indicator needs a target above its baseline",
            "un indicateur à la hausse a besoin d’une cible au-dessus de sa valeur de départ",
        ),
        Invalid::FallingNeedsLowerTarget => pick(
            "a falling indicator needs a target below its baseline",
            "un indicateur à la baisse a besoin d’une cible en dessous de sa valeur de départ",
        ),
        Invalid::PartNotValid { index, count } if fr => format!(
            "la partie {index}/{count} n’est pas valable{} un objectif en parties en a au moins 2, numérotées à partir de 1",
            lang.colon()
        ),
        Invalid::PartNotValid { index, count } => format!(
            "part {index}/{count} is not valid: an objective in parts has at least 2 parts, numbered from 1"
        ),
        Invalid::PartAndPartsTogether => pick(
            "\"part\" and \"parts\" go together",
            "«\u{a0}part\u{a0}» et «\u{a0}parts\u{a0}» vont ensemble",
        ),
        Invalid::PeriodNeedsLabel => pick(
            "give the period a label (such as 2026-Q1) before closing it",
            "nommez la période (par exemple 2026-T1) avant de la clôturer",
        ),
        Invalid::PeriodNeedsAsOf => pick(
            "give the period its \"as of\" date (YYYY-MM-DD) before closing it",
            "donnez à la période sa date «\u{a0}données au\u{a0}» (AAAA-MM-JJ) avant de la clôturer",
        ),
        Invalid::SameAsClosing { label } if fr => {
            format!("doit différer de la période clôturée ({label})")
        }
        Invalid::SameAsClosing { label } => {
            format!("must differ from the period being closed ({label})")
        }
        Invalid::NoSuchLead { leads } if fr => {
            format!("aucun objectif n’a pour pilote {leads}")
        }
        Invalid::NoSuchLead { leads } => format!("no objective has the lead {leads}"),
        Invalid::NextNotGuessed { open } if fr => format!(
            "la période ouverte {open:?} n’est pas nommée comme 2026-T1{} nommez la période suivante",
            lang.colon()
        ),
        Invalid::NextNotGuessed { open } => {
            format!("the open period {open:?} is not named like 2026-Q1: name the next period")
        }
        Invalid::AsOfNotAfter { date, label } if fr => format!(
            "doit être postérieure au {date} (date «\u{a0}données au\u{a0}» de {label}, la dernière période clôturée)"
        ),
        Invalid::AsOfNotAfter { date, label } => {
            format!("must be after {date} (the \"as of\" date of {label}, the last closed period)")
        }
        Invalid::PastNotBefore { label, as_of } if fr => format!(
            "une période passée doit être datée avant la période ouverte ({label}, données au {as_of})"
        ),
        Invalid::PastNotBefore { label, as_of } => {
            format!("a past period must be dated before the open period ({label}, as of {as_of})")
        }
        Invalid::NotHex { value, digits } if fr => {
            format!("doit compter {digits} chiffres hexadécimaux en minuscules, reçu {value:?}")
        }
        Invalid::NotHex { value, digits } => {
            format!("must be {digits} lower-case hexadecimal digits, got {value:?}")
        }
        Invalid::Twice { value } if fr => format!("{value:?} est donné deux fois"),
        Invalid::Twice { value } => format!("{value:?} is given twice"),
        Invalid::NoSuchWorkbook { round, lead } if fr => {
            format!("aucune collecte {round} du document n’a de classeur pour le pilote {lead:?}")
        }
        Invalid::NoSuchWorkbook { round, lead } => {
            format!("no round {round} in the document has a workbook for the lead {lead:?}")
        }
    }
}

fn conflict(lang: Language, x: &Conflict) -> String {
    let fr = lang == Language::Fr;
    let obj = |n: &u32| lang.named(Level::Objective, n);
    match x {
        Conflict::Twice { level, number } if fr => {
            format!("{} apparaît deux fois", lang.named(*level, number))
        }
        Conflict::Twice { level, number } => format!("{} appears twice", lang.named(*level, number)),
        Conflict::AlreadyExists { level, number } if fr => {
            format!("{} existe déjà", lang.named(*level, number))
        }
        Conflict::AlreadyExists { level, number } => {
            format!("{} already exists", lang.named(*level, number))
        }
        Conflict::ObjectiveNotSplit { number } if fr => format!(
            "{} apparaît plusieurs fois sans être découpé en parties",
            obj(number)
        ),
        Conflict::ObjectiveNotSplit { number } => format!(
            "{} appears more than once without being split into parts",
            obj(number)
        ),
        Conflict::PartTwice { number, part } if fr => {
            format!("{} a deux fois la partie {part}", obj(number))
        }
        Conflict::PartTwice { number, part } => format!("{} has part {part} twice", obj(number)),
        Conflict::PartCounts { number } if fr => format!(
            "les parties de l’{} ne s’accordent pas sur leur nombre",
            obj(number).to_lowercase()
        ),
        Conflict::PartCounts { number } => format!(
            "the parts of {} disagree on how many parts there are",
            obj(number)
        ),
        Conflict::AlreadyInParts { number } if fr => {
            format!("{} est déjà découpé en parties", obj(number))
        }
        Conflict::AlreadyInParts { number } => format!("{} is already in parts", obj(number)),
        Conflict::OpenLabelClosed { label } if fr => format!(
            "Une période nommée {label} est déjà clôturée\u{a0}; renommez d’abord la période ouverte"
        ),
        Conflict::OpenLabelClosed { label } => format!(
            "A period labelled {label} is already closed; rename the open period first"
        ),
        Conflict::NextLabelClosed { label } if fr => format!(
            "Une période nommée {label} est déjà clôturée\u{a0}; choisissez un autre nom pour la période suivante"
        ),
        Conflict::NextLabelClosed { label } => format!(
            "A period labelled {label} is already closed; choose another label for the next period"
        ),
        Conflict::LabelTaken { label } if fr => format!(
            "Le rapport a déjà une période nommée {label}\u{a0}; une période clôturée ne se remplace pas"
        ),
        Conflict::LabelTaken { label } => format!(
            "The report already has a period labelled {label}; a closed period cannot be replaced"
        ),
        Conflict::ClosedCannotBeReplaced if fr => "Ce rapport a déjà des périodes clôturées, et une période clôturée ne se remplace pas\u{a0}; importez le document dans un nouveau rapport".into(),
        Conflict::ClosedCannotBeReplaced => "This report already has closed periods, and a closed period cannot be replaced; import the document into a new report".into(),
        Conflict::RoundsCannotBeReplaced if fr => "Ce rapport a déjà ses propres collectes, et celles du document ne peuvent s’y ajouter\u{a0}; importez le document dans un nouveau rapport".into(),
        Conflict::RoundsCannotBeReplaced => "This report already has rounds of its own, and the document's cannot join them; import the document into a new report".into(),
    }
}

const STATUSES_EN: &str = "a status (In progress, Completed, Not started, Abandoned; or En cours, Terminé, Réalisé, Non commencé, Abandonné)";
const STATUSES_FR: &str = "un statut (En cours, Terminé, Réalisé, Non commencé, Abandonné\u{a0}; ou In progress, Completed, Not started, Abandoned)";

pub(crate) fn expected(lang: Language, e: &Expected) -> String {
    let fr = lang == Language::Fr;
    let pick = |en: &str, f: &str| if fr { f.to_string() } else { en.to_string() };
    match e {
        Expected::AxisFirst => pick(
            "an axis line such as \"Axis 1: title\" before the first action or objective",
            "une ligne d’axe comme «\u{a0}Axe 1\u{a0}: titre\u{a0}» avant la première action ou le premier objectif",
        ),
        Expected::AxisOrObjective => pick(
            "an axis line such as \"Axis 1: title\" or an objective such as \"Objective 1 : title\"",
            "une ligne d’axe comme «\u{a0}Axe 1\u{a0}: titre\u{a0}» ou un objectif comme «\u{a0}Objectif 1\u{a0}: titre\u{a0}»",
        ),
        Expected::AxisBeforeAction => pick(
            "an axis line before the action",
            "une ligne d’axe avant l’action",
        ),
        Expected::ActionBeforeObjective => pick(
            "an action line such as \"Action 1: title\" before the objective",
            "une ligne d’action comme «\u{a0}Action 1\u{a0}: titre\u{a0}» avant l’objectif",
        ),
        Expected::ProgressAfterAction => pick(
            "a progress line only right after an action line",
            "une ligne d’avancement seulement juste après une ligne d’action",
        ),
        Expected::AxisActionOrObjective => pick(
            "an axis, action or objective line",
            "une ligne d’axe, d’action ou d’objectif",
        ),
        Expected::AxisTogether { axis } if fr => {
            format!("les actions de l’axe {axis} ensemble, sans autre axe entre elles")
        }
        Expected::AxisTogether { axis } => {
            format!("the actions of Axis {axis} together, not split by another axis")
        }
        Expected::ActionOnce { action } if fr => format!("l’action {action} une seule fois"),
        Expected::ActionOnce { action } => format!("Action {action} only once"),
        Expected::ProgressLine => pick("a progress line", "une ligne d’avancement"),
        _ => expected_entry(lang, e),
    }
}

/// What a reader expected about one objective's entry.
fn expected_entry(lang: Language, e: &Expected) -> String {
    let fr = lang == Language::Fr;
    let obj = |r: &crate::model::ObjectiveRef| lang.objective(*r);
    let pick = |en: &str, f: &str| if fr { f.to_string() } else { en.to_string() };
    match e {
        Expected::OnceInSummary { objective } if fr => {
            format!("{} une seule fois dans le résumé", obj(objective))
        }
        Expected::OnceInSummary { objective } => {
            format!("{} only once in the summary", obj(objective))
        }
        Expected::OnceInDetail { objective } if fr => {
            format!("{} une seule fois dans le détail", obj(objective))
        }
        Expected::OnceInDetail { objective } => {
            format!("{} only once in the detail part", obj(objective))
        }
        Expected::ContextOpensDetail { objective } if fr => format!(
            "CONTEXTE après {}, qui ouvre sa fiche détaillée",
            obj(objective)
        ),
        Expected::ContextOpensDetail { objective } => format!(
            "CONTEXT after {}, which opens its detail entry",
            obj(objective)
        ),
        Expected::ObjectiveThenContext => pick(
            "an objective line such as \"Objective 1 : title\" followed by CONTEXT",
            "une ligne d’objectif comme «\u{a0}Objectif 1\u{a0}: titre\u{a0}» suivie de CONTEXTE",
        ),
        Expected::Label { label, objective } => {
            let o = obj(objective);
            match (label, fr) {
                (PageLabel::Context, false) => format!("CONTEXT after {o}"),
                (PageLabel::Context, true) => format!("CONTEXTE après {o}"),
                (PageLabel::Axe, false) => format!("AXE after CONTEXT ({o})"),
                (PageLabel::Axe, true) => format!("AXE après CONTEXTE ({o})"),
                (PageLabel::Action, _) => format!("ACTION ({o})"),
                (PageLabel::Status, false) => format!("STATUS ({o})"),
                (PageLabel::Status, true) => format!("STATUT ({o})"),
                (PageLabel::Achievement, false) => format!("Achievement after the progress of {o}"),
                (PageLabel::Achievement, true) => {
                    format!("Réalisations après l’avancement de l’{}", o.to_lowercase())
                }
            }
        }
        Expected::AxisLine { objective } if fr => {
            format!(
                "une ligne d’axe comme «\u{a0}Axe 1\u{a0}: titre\u{a0}» ({})",
                obj(objective)
            )
        }
        Expected::AxisLine { objective } => {
            format!(
                "an axis line such as \"Axis 1: title\" ({})",
                obj(objective)
            )
        }
        Expected::ActionLine { objective } if fr => format!(
            "une ligne d’action comme «\u{a0}Action 1\u{a0}: titre\u{a0}» ({})",
            obj(objective)
        ),
        Expected::ActionLine { objective } => {
            format!(
                "an action line such as \"Action 1: title\" ({})",
                obj(objective)
            )
        }
        Expected::Status {
            objective,
            labelled,
        } => {
            let o = obj(objective);
            match (labelled, fr) {
                (false, false) => format!("{STATUSES_EN} after {o}"),
                (true, false) => format!("{STATUSES_EN} after STATUS ({o})"),
                (false, true) => format!("{STATUSES_FR} après {o}"),
                (true, true) => format!("{STATUSES_FR} après STATUT ({o})"),
            }
        }
        Expected::ProgressOf { objective } if fr => format!(
            "une ligne d’avancement comme «\u{a0}Avancement\u{a0}: 65\u{a0}%\u{a0}» ({})",
            obj(objective)
        ),
        Expected::ProgressOf { objective } => format!(
            "a progress line such as \"Progress : 65%\" ({})",
            obj(objective)
        ),
        Expected::ProgressRange => pick(
            "a progress from 0% to 100%",
            "un avancement de 0\u{a0}% à 100\u{a0}%",
        ),
        Expected::WholePercentage => pick(
            "a whole percentage such as \"Progress : 65%\"",
            "un pourcentage entier comme «\u{a0}Avancement\u{a0}: 65\u{a0}%\u{a0}»",
        ),
        // The other expectations are worded by `expected`.
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ObjectiveRef;

    #[test]
    fn errors_read_in_both_languages_with_french_typography() {
        let o = ObjectiveRef {
            number: 30,
            part: None,
        };
        let errors = [
            Error::invalid("progress", Invalid::Percent { value: 150 }),
            Error::invalid(
                "as_of",
                Invalid::NotADate {
                    value: "31/03".into(),
                },
            ),
            Error::Conflict(Conflict::AlreadyExists {
                level: Level::Axis,
                number: 4,
            }),
            Error::Conflict(Conflict::ClosedCannotBeReplaced),
            Error::parse(
                7,
                Expected::Label {
                    label: PageLabel::Context,
                    objective: o,
                },
                "STATUS",
            ),
            Error::parse(
                9,
                Expected::Status {
                    objective: o,
                    labelled: true,
                },
                "",
            ),
            Error::NotAReport {
                path: "r.jalon".into(),
                reason: NotReport::OtherProgram,
            },
            Error::ClosedPeriod {
                label: "2026-Q1".into(),
            },
            Error::InUse {
                path: "r.jalon".into(),
            },
        ];
        for e in &errors {
            let (en, fr) = (e.render(Language::En), e.render(Language::Fr));
            assert_eq!(e.to_string(), en, "Display is the English rendering");
            assert_ne!(en, fr, "{en} is translated");
            for sign in [" :", " ;", " %", "« ", " »"] {
                assert!(!fr.contains(sign), "no plain space at {sign:?} in {fr:?}");
            }
        }
        assert_eq!(
            errors[0].to_string(),
            "progress: must be a whole percent from 0 to 100, got 150"
        );
        assert_eq!(
            errors[4].to_string(),
            "line 7: expected CONTEXT after Objective 30, found \"STATUS\""
        );
        assert_eq!(
            errors[4].render(Language::Fr),
            "ligne 7\u{a0}: attendu CONTEXTE après Objectif 30, trouvé \"STATUS\""
        );
    }
}
