//! Warnings and pre-publication findings, in words.

use crate::checks::{Disagreement, Finding, Warning};
use crate::i18n::{Language, Level};

impl Warning {
    /// The warning as a sentence in `lang`.
    pub fn render(&self, lang: Language) -> String {
        let fr = lang == Language::Fr;
        let who = self
            .objective
            .map(|r| lang.objective(r))
            .unwrap_or_default();
        let action = self
            .action
            .map(|n| lang.named(Level::Action, n))
            .unwrap_or_default();
        let pct = |p: u32| lang.percent(p);
        let status = |s| lang.status(s);
        let c = lang.colon();
        match &self.finding {
            Finding::CompletedBelow100 { progress } if fr => {
                format!("{who} est Terminé mais à {}", pct(*progress))
            }
            Finding::CompletedBelow100 { progress } => {
                format!("{who} is Completed but at {}", pct(*progress))
            }
            Finding::FullButNotCompleted { status: s } if fr => {
                format!(
                    "{who} est à {} mais {}",
                    pct(100),
                    status(*s).to_lowercase()
                )
            }
            Finding::FullButNotCompleted { status: s } => {
                format!("{who} is at {} but {}", pct(100), status(*s).to_lowercase())
            }
            Finding::NotStartedAboveZero { progress } if fr => {
                format!("{who} est Non commencé mais à {}", pct(*progress))
            }
            Finding::NotStartedAboveZero { progress } => {
                format!("{who} is Not started but at {}", pct(*progress))
            }
            Finding::InProgressWithoutNextSteps if fr => {
                format!("{who} est En cours sans prochaines étapes")
            }
            Finding::InProgressWithoutNextSteps => {
                format!("{who} is In progress with no next steps")
            }
            Finding::PublishedDiffers {
                published,
                computed,
            } => {
                let (shows, computes) = if fr {
                    ("la page publiée indique", "le calcul donne")
                } else {
                    ("the published page shows", "computed")
                };
                format!(
                    "{action}{c} {shows} {}, {computes} {}",
                    pct(*published),
                    lang.progress(*computed)
                )
            }
            Finding::PageDisagrees { line, on } => disagreement(lang, &who, *line, on),
            Finding::CountDiffers { stated, found } if fr => format!(
                "la page annonce {} mais en contient {}",
                lang.counted(*stated, "objectif", "objectifs"),
                lang.count(*found)
            ),
            Finding::CountDiffers { stated, found } => format!(
                "the page states {} but holds {}",
                lang.counted(*stated, "objective", "objectives"),
                lang.count(*found)
            ),
            Finding::Assumed { progress } if fr => format!(
                "{who}{c} la page ne donne pas d’avancement\u{a0}; {} retenu d’après le statut",
                pct(*progress)
            ),
            Finding::Assumed { progress } => format!(
                "{who}{c} the page gives no progress; {} taken from its status",
                pct(*progress)
            ),
            Finding::Kept { progress } if fr => format!(
                "{who}{c} la page ne donne pas d’avancement\u{a0}; celui du rapport ({}) est conservé",
                pct(*progress)
            ),
            Finding::Kept { progress } => format!(
                "{who}{c} the page gives no progress; the report's {} is kept",
                pct(*progress)
            ),
            Finding::TextsUnchanged if fr => format!(
                "{who}{c} réalisations et prochaines étapes inchangées depuis la période précédente"
            ),
            Finding::TextsUnchanged => {
                format!("{who}{c} achievement and next steps unchanged since the previous period")
            }
            Finding::ProgressWentDown { from, to } if fr => {
                format!("{who} a reculé de {} à {}", pct(*from), pct(*to))
            }
            Finding::ProgressWentDown { from, to } => {
                format!("{who} went down from {} to {}", pct(*from), pct(*to))
            }
        }
    }
}

fn disagreement(lang: Language, who: &str, line: usize, on: &Disagreement) -> String {
    let fr = lang == Language::Fr;
    let c = lang.colon();
    match on {
        Disagreement::Status { summary, detail } if fr => format!(
            "{who}{c} résumé {} / détail {} (ligne {line})",
            lang.status(*summary),
            lang.status(*detail)
        ),
        Disagreement::Status { summary, detail } => format!(
            "{who}{c} summary says {} / detail says {} (line {line})",
            lang.status(*summary),
            lang.status(*detail)
        ),
        Disagreement::Action { summary, detail } if fr => format!(
            "{who}{c} le résumé le place sous Action {summary}, le détail sous Action {detail} (ligne {line})\u{a0}; le résumé est suivi"
        ),
        Disagreement::Action { summary, detail } => format!(
            "{who}{c} the summary puts it under Action {summary}, the detail under Action {detail} (line {line}); the summary is followed"
        ),
        Disagreement::DetailOnly if fr => {
            format!("{who} (ligne {line}) n’apparaît que dans le détail\u{a0}; ajouté à son action")
        }
        Disagreement::DetailOnly => {
            format!("{who} (line {line}) appears only in the detail part; added under its action")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ObjectiveRef, Status};

    fn every() -> Vec<Warning> {
        let o = |finding| {
            Warning::about(
                ObjectiveRef {
                    number: 30,
                    part: None,
                },
                finding,
            )
        };
        vec![
            o(Finding::CompletedBelow100 { progress: 90 }),
            o(Finding::FullButNotCompleted {
                status: Status::InProgress,
            }),
            o(Finding::NotStartedAboveZero { progress: 5 }),
            o(Finding::InProgressWithoutNextSteps),
            Warning {
                objective: None,
                action: Some(14),
                finding: Finding::PublishedDiffers {
                    published: 64,
                    computed: None,
                },
            },
            o(Finding::PageDisagrees {
                line: 3,
                on: Disagreement::Status {
                    summary: Status::Completed,
                    detail: Status::InProgress,
                },
            }),
            o(Finding::PageDisagrees {
                line: 3,
                on: Disagreement::Action {
                    summary: 14,
                    detail: 15,
                },
            }),
            o(Finding::PageDisagrees {
                line: 3,
                on: Disagreement::DetailOnly,
            }),
            o(Finding::CountDiffers {
                stated: 1,
                found: 2,
            }),
            o(Finding::Assumed { progress: 100 }),
            o(Finding::Kept { progress: 75 }),
            o(Finding::TextsUnchanged),
            o(Finding::ProgressWentDown { from: 60, to: 40 }),
        ]
    }

    #[test]
    fn every_finding_reads_in_both_languages_with_french_typography() {
        for w in every() {
            let (en, fr) = (w.render(Language::En), w.render(Language::Fr));
            assert_ne!(en, fr, "{:?} is translated", w.code());
            for sign in [" :", " %", " ;"] {
                assert!(
                    !fr.contains(sign),
                    "no plain space before {sign:?} in {fr:?}"
                );
            }
        }
        assert_eq!(
            every()[4].render(Language::Fr),
            "Action 14\u{a0}: la page publiée indique 64\u{a0}%, le calcul donne —"
        );
        assert_eq!(
            every()[8].render(Language::En),
            "the page states 1 objective but holds 2",
            "the singular where the count is one"
        );
    }
}
